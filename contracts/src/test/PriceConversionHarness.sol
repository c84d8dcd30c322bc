// SPDX-License-Identifier: UNLICENSED
pragma solidity ^0.8.20;

import {priceScale, convertPrice} from "src/PriceConversion.sol";

/// @title PriceConversionHarness
/// @notice Exposes the registry's answer-to-circuit-price conversion, for the Go fuzz test that
/// compares it with treasury/fixed.Price.
contract PriceConversionHarness {
    /// @notice The registry's circuit price of an answer; ok is false where the registry refuses
    /// it (at deploy for a scale beyond 10^76, at submission for the answer).
    function price(int256 answer, uint8 feedDecimals, uint8 valueDecimals, uint8 circuitDecimals)
        external
        pure
        returns (bool ok, uint256 p)
    {
        (uint8 exp, bool down, bool scaleOk) = priceScale(valueDecimals, feedDecimals, circuitDecimals);
        if (!scaleOk) return (false, 0);
        return convertPrice(answer, exp, down);
    }
}

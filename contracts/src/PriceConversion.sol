// SPDX-License-Identifier: UNLICENSED
pragma solidity ^0.8.20;

// The conversion of a Chainlink answer into the circuit price the proofs use: value units
// (10^-valueDecimals USD) per circuit unit (10^-circuitDecimals tokens) of an asset, from the
// answer of a feed with feedDecimals. With e = valueDecimals - feedDecimals - circuitDecimals,
// price = answer * 10^e when e >= 0, else floor(answer / 10^-e): exactly what
// treasury/fixed.Price(answer / 10^feedDecimals, valueDecimals, circuitDecimals) computes (a Go
// fuzz test compares the two through test/PriceConversionHarness.sol). A price must be in
// [1, 2^64): the circuits range-check it to 64 bits, and fixed.Price refuses 0.
//
// Free functions rather than a library, so the build makes no artifact for them.

/// @dev The largest circuit price, 2^64 - 1.
uint256 constant MAX_PRICE = type(uint64).max;

/// @dev The largest |e|: 10^76 is the largest power of ten below 2^256.
uint256 constant MAX_SCALE_EXP = 76;

/// @dev The conversion's power of ten: exp = |e|, down = (e < 0); ok is false when |e| > MAX_SCALE_EXP.
function priceScale(uint8 valueDecimals, uint8 feedDecimals, uint8 circuitDecimals)
    pure
    returns (uint8 exp, bool down, bool ok)
{
    int256 e = int256(uint256(valueDecimals)) - int256(uint256(feedDecimals)) - int256(uint256(circuitDecimals));
    uint256 mag = e < 0 ? uint256(-e) : uint256(e);
    if (mag > MAX_SCALE_EXP) return (0, false, false);
    return (uint8(mag), e < 0, true);
}

/// @dev The circuit price of an answer; ok is false when the answer is not positive, or the
/// price is 0 or above MAX_PRICE.
function convertPrice(int256 answer, uint8 exp, bool down) pure returns (bool ok, uint256 price) {
    if (answer <= 0) return (false, 0);
    uint256 a = uint256(answer);
    uint256 p = 10 ** uint256(exp);
    if (down) {
        price = a / p;
    } else {
        // a * p <= MAX_PRICE  <=>  a <= floor(MAX_PRICE / p), checked before multiplying.
        if (a > MAX_PRICE / p) return (false, type(uint256).max);
        price = a * p;
    }
    return (price != 0 && price <= MAX_PRICE, price);
}

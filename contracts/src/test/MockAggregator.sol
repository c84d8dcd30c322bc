// SPDX-License-Identifier: UNLICENSED
pragma solidity ^0.8.20;

/// @title MockAggregator
/// @notice A settable stand-in for a Chainlink AggregatorV3Interface feed, for tests and the demo.
/// Anyone can set it: never point a production registry at one.
contract MockAggregator {
    uint8 public decimals;
    uint80 private _roundId;
    int256 private _answer;
    uint256 private _updatedAt;

    constructor(uint8 decimals_, int256 answer_) {
        decimals = decimals_;
        _set(answer_, block.timestamp);
    }

    /// @notice Publishes a new answer stamped with the current block time.
    function setAnswer(int256 answer_) external {
        _set(answer_, block.timestamp);
    }

    /// @notice Publishes a new answer with an arbitrary update time (to simulate a stale feed).
    function setRoundData(int256 answer_, uint256 updatedAt_) external {
        _set(answer_, updatedAt_);
    }

    /// @notice Changes the reported decimals.
    function setDecimals(uint8 decimals_) external {
        decimals = decimals_;
    }

    /// @notice Chainlink's read: the latest answer and when it was updated.
    function latestRoundData()
        external
        view
        returns (uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound)
    {
        return (_roundId, _answer, _updatedAt, _updatedAt, _roundId);
    }

    function _set(int256 answer_, uint256 updatedAt_) private {
        _roundId += 1;
        _answer = answer_;
        _updatedAt = updatedAt_;
    }
}

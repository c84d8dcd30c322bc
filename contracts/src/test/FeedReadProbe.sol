// SPDX-License-Identifier: UNLICENSED
pragma solidity ^0.8.20;

interface ProbedFeed {
    function getRoundData(uint80 roundId) external view returns (uint80, int256, uint256, uint256, uint80);

    function latestRoundData() external view returns (uint80, int256, uint256, uint256, uint80);
}

/// @title FeedReadProbe
/// @notice Measures the floor of reading Chainlink-shaped feeds on-chain the way the registry
/// must for its honest path: per feed, getRoundData(roundId) and latestRoundData() (the in-force
/// check), through the proxy, cold. Nothing else: the gas of a call with n feeds, less that with
/// one, over n - 1, is the per-asset floor of an on-chain price check.
contract FeedReadProbe {
    uint256 public sink;

    /// @notice Reads every feed's round and latest round; stores one word so it is a transaction.
    function read(address[] calldata feeds, uint80[] calldata roundIds) external {
        uint256 acc;
        for (uint256 i; i < feeds.length; ++i) {
            (, int256 a,, uint256 u,) = ProbedFeed(feeds[i]).getRoundData(roundIds[i]);
            (uint80 latest,,,,) = ProbedFeed(feeds[i]).latestRoundData();
            acc ^= uint256(a) ^ u ^ latest;
        }
        sink = acc;
    }
}

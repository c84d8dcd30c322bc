// SPDX-License-Identifier: UNLICENSED
pragma solidity ^0.8.20;

/// @title MockAggregator
/// @notice A Chainlink-shaped aggregator that stores every round, as an OCR2 aggregator does
/// (one slot per round: an int192 answer and two uint32 times; answeredInRound is the round id),
/// for tests and the demo. Rounds are numbered from 1 in the order they are added. Reading a
/// round that does not exist (never updated) reverts "No data present", as FluxAggregator does,
/// or returns an empty round (all zero but the id), as OCR aggregators do, after
/// setEmptyOnMissing(true). Anyone can add rounds: never point a production registry at one.
contract MockAggregator {
    struct Round {
        int192 answer;
        uint32 startedAt;
        uint32 updatedAt;
    }

    uint8 public immutable decimals;
    /// @notice The newest round's id, 0 before the first round.
    uint80 public latestRound;
    /// @notice When true, a missing round reads as an empty round instead of reverting.
    bool public emptyOnMissing;
    mapping(uint80 => Round) private _rounds;

    event RoundAdded(uint80 indexed roundId, int256 answer, uint256 startedAt, uint256 updatedAt);

    constructor(uint8 decimals_) {
        decimals = decimals_;
    }

    /// @notice Appends round latestRound + 1 and returns its id.
    function addRound(int256 answer, uint64 startedAt, uint64 updatedAt) public returns (uint80 roundId) {
        require(answer == int256(int192(answer)), "answer beyond int192");
        require(startedAt <= type(uint32).max && updatedAt <= type(uint32).max, "time beyond uint32");
        roundId = latestRound + 1;
        latestRound = roundId;
        _rounds[roundId] = Round(int192(answer), uint32(startedAt), uint32(updatedAt));
        emit RoundAdded(roundId, answer, startedAt, updatedAt);
    }

    /// @notice Appends several rounds at once (answers[i] started and updated at updatedAts[i]).
    function addRounds(int256[] calldata answers, uint64[] calldata updatedAts) external {
        require(answers.length == updatedAts.length, "length mismatch");
        for (uint256 i; i < answers.length; ++i) {
            addRound(answers[i], updatedAts[i], updatedAts[i]);
        }
    }

    /// @notice Chooses how a missing round reads (see the contract's notice).
    function setEmptyOnMissing(bool empty) external {
        emptyOnMissing = empty;
    }

    /// @notice Chainlink's read of one round.
    function getRoundData(uint80 roundId)
        public
        view
        returns (uint80, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound)
    {
        Round memory r = _rounds[roundId];
        if (r.updatedAt == 0) {
            require(emptyOnMissing, "No data present");
            return (roundId, 0, 0, 0, 0);
        }
        return (roundId, r.answer, r.startedAt, r.updatedAt, roundId);
    }

    /// @notice Chainlink's read of the newest round.
    function latestRoundData() external view returns (uint80, int256, uint256, uint256, uint80) {
        return getRoundData(latestRound);
    }
}

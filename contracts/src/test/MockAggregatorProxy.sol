// SPDX-License-Identifier: UNLICENSED
pragma solidity ^0.8.20;

interface AggregatorRounds {
    function decimals() external view returns (uint8);

    function getRoundData(uint80 roundId) external view returns (uint80, int256, uint256, uint256, uint80);

    function latestRoundData() external view returns (uint80, int256, uint256, uint256, uint80);
}

/// @title MockAggregatorProxy
/// @notice Chainlink's EACAggregatorProxy indirection, for tests and the demo: a proxy round id
/// is phaseId << 64 | aggregatorRoundId, phaseAggregators[phaseId] is the aggregator of each
/// phase, and reads go through the current phase (latestRoundData, decimals) or the round's
/// phase (getRoundData), with the phase added back to the returned ids, as the real proxy does.
/// Reading a round of a phase without an aggregator reverts (a call to the zero address).
/// Anyone can move it to a new aggregator: never point a production registry at one.
contract MockAggregatorProxy {
    struct Phase {
        uint16 id;
        AggregatorRounds aggregator;
    }

    uint256 private constant PHASE_OFFSET = 64;
    Phase private currentPhase;
    /// @notice The aggregator of each phase (phase ids start at 1).
    mapping(uint16 => AggregatorRounds) public phaseAggregators;

    event AggregatorConfirmed(uint16 indexed phaseId, address aggregator);

    constructor(address aggregator_) {
        setAggregator(aggregator_);
    }

    /// @notice Starts a new phase on another aggregator (the real proxy's confirmAggregator).
    function setAggregator(address aggregator_) public {
        uint16 id = currentPhase.id + 1;
        currentPhase = Phase(id, AggregatorRounds(aggregator_));
        phaseAggregators[id] = AggregatorRounds(aggregator_);
        emit AggregatorConfirmed(id, aggregator_);
    }

    /// @notice The current phase's id.
    function phaseId() external view returns (uint16) {
        return currentPhase.id;
    }

    /// @notice The current phase's aggregator.
    function aggregator() external view returns (address) {
        return address(currentPhase.aggregator);
    }

    /// @notice The current aggregator's decimals.
    function decimals() external view returns (uint8) {
        return currentPhase.aggregator.decimals();
    }

    /// @notice Round phaseId << 64 | aggregatorRoundId, read from that phase's aggregator.
    function getRoundData(uint80 _roundId)
        external
        view
        returns (uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound)
    {
        uint16 phase = uint16(_roundId >> PHASE_OFFSET);
        uint64 aggregatorRoundId = uint64(_roundId);
        (roundId, answer, startedAt, updatedAt, answeredInRound) =
            phaseAggregators[phase].getRoundData(aggregatorRoundId);
        return (_addPhase(phase, roundId), answer, startedAt, updatedAt, _addPhase(phase, answeredInRound));
    }

    /// @notice The current phase's newest round.
    function latestRoundData()
        external
        view
        returns (uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound)
    {
        Phase memory current = currentPhase;
        (roundId, answer, startedAt, updatedAt, answeredInRound) = current.aggregator.latestRoundData();
        return (_addPhase(current.id, roundId), answer, startedAt, updatedAt, _addPhase(current.id, answeredInRound));
    }

    function _addPhase(uint16 phase, uint80 originalId) private pure returns (uint80) {
        return uint80((uint256(phase) << PHASE_OFFSET) | uint64(originalId));
    }
}

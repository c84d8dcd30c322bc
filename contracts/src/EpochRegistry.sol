// SPDX-License-Identifier: UNLICENSED
pragma solidity ^0.8.20;

import {MAX_PRICE, priceScale, convertPrice} from "./PriceConversion.sol";

/// @notice The part of Chainlink's AggregatorV3Interface (as its EACAggregatorProxy serves it)
/// that the registry reads.
interface AggregatorV3Interface {
    function decimals() external view returns (uint8);

    function getRoundData(uint80 roundId)
        external
        view
        returns (uint80 roundId_, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound);

    function latestRoundData()
        external
        view
        returns (uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound);
}

/// @title EpochRegistry
/// @notice Records one zktreasury epoch at a time, only when its epoch-circuit proof verifies
/// against public inputs this contract builds itself: the previous state and the policy that
/// judges the epoch from its own storage, the prices from the Chainlink rounds the submission
/// names, and the rest from the submission.
/// @dev The epoch circuit has one public input, publicHash = sha256(encoding) mod 2^253 (the
/// digest read big-endian with its top 3 bits cleared), where encoding (192 + 24A bytes,
/// A = numAssets) is abi.encodePacked of, in this order:
///   uint256 policy, S(n-1), S(n), liabilitiesRoot, actionsCommitment (each below the field);
///   uint64 actionCount, epoch, startTime, endTime;
///   uint64 price_0 .. price_{A-1}, inflow_0 .. inflow_{A-1}, outflow_0 .. outflow_{A-1}.
/// The circuit computes the same hash of its private values (circuits/epoch, native twin
/// prover/statement/epochhash).
/// Epoch n covers [startTime, endTime): startTime is the previous epoch's end (the genesis time
/// for epoch 1) and endTime is not in the future. price_i is asset i's Chainlink round
/// roundIds[i], the round in force at endTime, converted by PriceConversion.sol.
/// Epoch n is judged by the newest executed policy whose fromEpoch <= n; a policy is queued for
/// an epoch at least two ahead, so the epoch being worked on never changes policy under it.
/// Storage per epoch is one new slot (the liabilities root users check their inclusion against);
/// the current state, the previous end and a hash chain over the records are overwritten. The
/// whole record is in the EpochRecorded event; its hash chains it to the previous one.
contract EpochRegistry {
    /// @notice Which gnark verifier ABI the verifier speaks.
    /// Groth16: verifyProof(bytes, uint256[N]) reverts on failure.
    /// Plonk:   Verify(bytes, uint256[]) returns (bool).
    enum VerifierKind {
        Groth16,
        Plonk
    }

    /// @notice The epoch-circuit verifier and the ABI it speaks.
    struct VerifierConfig {
        address verifier;
        VerifierKind kind;
    }

    /// @notice One asset's Chainlink feed (a proxy address). decimals is checked against the feed
    /// at deploy; circuitDecimals is the asset's circuit scale; heartbeat is the feed's own
    /// maximum age in seconds, measured from a round's update to the epoch's end.
    struct FeedConfig {
        address aggregator;
        uint8 decimals;
        uint8 circuitDecimals;
        uint32 heartbeat;
    }

    /// @notice Everything fixed at deploy.
    struct InitParams {
        address governance;
        address guardian;
        uint256 genesisState;
        uint256 genesisPolicy;
        // The start of epoch 1, unix seconds, not after the deploy block.
        uint64 genesisTime;
        uint64 policyDelay;
        // How long after its ETA a queued policy stays executable.
        uint64 policyGracePeriod;
        VerifierConfig verifier;
        // Value units are 10^-valueDecimals USD.
        uint8 valueDecimals;
        FeedConfig[] feeds;
        // Chainlink L2 sequencer-uptime feed, or the zero address on L1.
        address sequencerFeed;
        uint32 sequencerGracePeriod;
        // The liabilities tree's capacity (leaves) the epoch circuit is built for.
        uint64 treeCapacity;
    }

    /// @notice One epoch's claim, submitted with its proof.
    struct Submission {
        uint64 epoch;
        uint64 startTime;
        uint64 endTime;
        uint256 newState;
        uint256 liabilitiesRoot;
        uint256 actionsCommitment;
        uint64 actionCount;
        // Per asset, in feed order: the Chainlink round priced at, and the value (circuit units)
        // that entered and left the treasury during the epoch.
        uint80[] roundIds;
        uint64[] inflows;
        uint64[] outflows;
    }

    // An epoch's record, as EpochRecorded emits it, is packed bytes:
    //   prevRecordHash (32) ‖ statement (192 + 24A) ‖ roundId_0 .. roundId_{A-1} (uint80, 10 each)
    // where statement is the preimage of the epoch's public hash (see the contract's @dev: the
    // policy that judged it, S(n-1), S(n), root, actions commitment, count, epoch, start, end,
    // and per asset the price the registry derived, the inflow and the outflow). The record
    // hash is keccak256(record); genesis (epoch 0) has A = 0: policy, S(0) as S(n), the genesis
    // time as start and end, zeros elsewhere.

    /// @notice An executed policy and the first epoch it judges.
    struct PolicyChange {
        uint64 fromEpoch;
        uint256 commitment;
    }

    /// @notice The queued policy: executable from eta until eta + policyGracePeriod, while the
    /// last recorded epoch is before fromEpoch.
    struct PendingPolicy {
        uint256 commitment;
        uint64 fromEpoch;
        uint64 eta;
    }

    /// @notice What an operator needs before building the next submission, in one read.
    struct StatusView {
        uint64 lastEpoch;
        // The end of the last epoch (the genesis time before epoch 1): the next epoch's start.
        uint64 lastEnd;
        uint256 currentState;
        // The policy that judges epoch lastEpoch + 1.
        uint256 nextPolicy;
        bool paused;
        bytes32 recordHash;
        PendingPolicy pending;
    }

    // One asset's feed as the registry uses it; packed into one word of the feed table.
    struct Feed {
        address aggregator;
        uint32 heartbeat;
        uint8 scaleExp;
        bool scaleDown;
        uint8 circuitDecimals;
    }

    /// @notice The BN254 scalar field modulus: every public input must be below it.
    uint256 public constant SCALAR_FIELD =
        21888242871839275222246405745257275088548364400416034343698204186575808495617;
    /// @notice The smallest circuit price a feed may give at deploy: a coarser conversion would
    /// round prices by more than 1 bps.
    uint256 public constant MIN_DEPLOY_PRICE = 10_000;

    uint8 internal constant RUNNING = 1;
    uint8 internal constant PAUSED = 2;
    uint256 internal constant PHASE_OFFSET = 64;
    bytes4 internal constant PLONK_VERIFY = bytes4(keccak256("Verify(bytes,uint256[])"));
    bytes4 internal constant GROTH16_VERIFY = bytes4(keccak256("verifyProof(bytes,uint256[1])"));
    /// @notice publicHash = uint256(sha256(encoding)) & HASH_MASK (mod 2^253).
    uint256 public constant HASH_MASK = (1 << 253) - 1;

    uint64 public immutable policyDelay;
    uint64 public immutable policyGracePeriod;
    uint64 public immutable genesisTime;
    /// @notice Number of assets: prices, rounds and flows per submission.
    uint256 public immutable numAssets;
    /// @notice The liabilities tree's capacity: a user's inclusion check takes the tree's shape
    /// from here, not from a file the operator hands over.
    uint256 public immutable treeCapacity;
    uint8 public immutable valueDecimals;
    address public immutable verifier;
    VerifierKind public immutable verifierKind;
    address public immutable sequencerFeed;
    uint32 public immutable sequencerGracePeriod;
    /// @notice The block this registry was created in, where its genesis EpochRecorded event is.
    uint256 public immutable deployBlock;
    // The feed table: a data contract whose code is 0x00 then one 32-byte word per asset
    // (aggregator | heartbeat << 160 | scaleExp << 192 | scaleDown << 200 | circuitDecimals << 208),
    // read with one EXTCODECOPY per submission (one cold account, 2,600 gas, for every asset)
    // instead of one cold storage slot (2,100 gas) per asset.
    address internal immutable _feedTable;

    // One slot, read and written once per submission. _pauseState is 1 (running) or 2 (paused),
    // never 0, so the slot is never zero and the first epoch's write costs what every later one does.
    uint64 private _lastEpoch;
    uint8 private _pauseState = RUNNING;
    uint64 private _lastEnd;
    // _policies[_policyIndex] judged _lastEpoch; every later entry has fromEpoch > _lastEpoch.
    uint32 private _policyIndex;
    // _policies[_policyIndex + 1].fromEpoch, or 0 when there is no later entry.
    uint64 private _nextPolicyEpoch;

    uint256 private _currentState;
    bytes32 private _recordHash;

    // Ascending fromEpoch; entry 0 is the genesis policy (fromEpoch 0). Entries up to
    // _policyIndex are history and never change; later ones are scheduled.
    PolicyChange[] private _policies;
    PendingPolicy private _pending;

    address public governance;
    address public pendingGovernance;
    address public guardian;
    address public pendingGuardian;

    // The liabilities root of every recorded epoch: the one new slot an epoch costs.
    mapping(uint256 => uint256) private _liabilitiesRoots;

    /// @notice Epoch `epoch` is recorded with this record (packed, see above);
    /// recordHash = keccak256(record). Epoch 0 is the genesis state, emitted at deploy.
    event EpochRecorded(uint256 indexed epoch, bytes32 indexed recordHash, bytes record);
    event PolicyQueued(uint256 commitment, uint256 fromEpoch, uint256 eta, uint256 expiresAt);
    event PolicyExecuted(uint256 commitment, uint256 fromEpoch);
    event PolicyCancelled(uint256 commitment, uint256 fromEpoch);
    event PauseChanged(address indexed by, bool paused);
    event GovernanceTransferStarted(address indexed from, address indexed to);
    event GovernanceTransferred(address indexed from, address indexed to);
    event GuardianTransferStarted(address indexed from, address indexed to);
    event GuardianTransferred(address indexed from, address indexed to);

    error BadConfig(string reason);
    error FeedDecimalsMismatch(uint256 asset, uint8 expected, uint8 got);
    error FeedTooCoarse(uint256 asset, uint256 price);
    error NotGovernance();
    error NotGuardianOrGovernance();
    error NotPendingGovernance();
    error NotPendingGuardian();
    error Paused();
    error NotPaused();
    error NoPendingPolicy();
    error PolicyNotQueued(uint256 commitment, uint256 fromEpoch, uint256 queuedCommitment, uint256 queuedFromEpoch);
    error PolicyTooSoon(uint256 minFromEpoch, uint256 fromEpoch);
    error TimelockNotReady(uint256 eta, uint256 nowTs);
    error PolicyExpired(uint256 expiresAt, uint256 nowTs);
    error PolicyEpochPassed(uint256 fromEpoch, uint256 lastEpoch);
    error EpochOutOfOrder(uint256 expected, uint256 got);
    error StartNotPreviousEnd(uint256 expected, uint256 got);
    error EpochEndInFuture(uint256 endTime, uint256 nowTs);
    error EmptyEpoch(uint256 startTime, uint256 endTime);
    error UnknownEpoch(uint256 epoch);
    error UnknownAsset(uint256 asset);
    error CountMismatch(uint256 expected, uint256 roundIds, uint256 inflows, uint256 outflows);
    error NotInField(uint256 value);
    error RoundUnavailable(uint256 asset, uint256 roundId);
    error InvalidFeedAnswer(uint256 asset, uint256 roundId, int256 answer);
    error FutureRound(uint256 asset, uint256 roundId, uint256 updatedAt);
    error RoundAfterEpochEnd(uint256 asset, uint256 roundId, uint256 updatedAt, uint256 endTime);
    error StaleRound(uint256 asset, uint256 roundId, uint256 updatedAt, uint256 endTime);
    error RoundSuperseded(uint256 asset, uint256 roundId, uint256 nextRoundId, uint256 nextUpdatedAt);
    error PriceOutOfRange(uint256 asset, uint256 roundId, int256 answer);
    error SequencerDown();
    error SequencerGracePeriodNotOver(uint256 upSince);
    /// @notice The verifier refused the proof against the registry-built public inputs.
    error ProofRejected();

    modifier onlyGovernance() {
        if (msg.sender != governance) revert NotGovernance();
        _;
    }

    constructor(InitParams memory p) {
        if (p.governance == address(0)) revert BadConfig("governance is the zero address");
        if (p.guardian == address(0)) revert BadConfig("guardian is the zero address");
        if (p.policyDelay == 0) revert BadConfig("policy delay is zero");
        if (p.policyGracePeriod == 0) revert BadConfig("policy grace period is zero");
        if (p.genesisTime == 0 || p.genesisTime > block.timestamp) revert BadConfig("genesis time is zero or in the future");
        if (p.treeCapacity == 0) revert BadConfig("tree capacity is zero");
        if (p.feeds.length == 0) revert BadConfig("no price feeds");
        if (p.genesisState >= SCALAR_FIELD) revert NotInField(p.genesisState);
        if (p.genesisPolicy >= SCALAR_FIELD) revert NotInField(p.genesisPolicy);
        if (p.verifier.verifier.code.length == 0) revert BadConfig("verifier has no code");
        if (p.sequencerFeed != address(0) && p.sequencerFeed.code.length == 0) revert BadConfig("sequencer feed has no code");

        uint256 n = p.feeds.length;
        uint256[] memory words = new uint256[](n);
        for (uint256 i; i < n; ++i) {
            words[i] = _packFeed(_checkFeed(i, p.feeds[i], p.valueDecimals));
        }
        _feedTable = _deployTable(words);

        governance = p.governance;
        guardian = p.guardian;
        policyDelay = p.policyDelay;
        policyGracePeriod = p.policyGracePeriod;
        genesisTime = p.genesisTime;
        numAssets = n;
        treeCapacity = p.treeCapacity;
        valueDecimals = p.valueDecimals;
        verifier = p.verifier.verifier;
        verifierKind = p.verifier.kind;
        sequencerFeed = p.sequencerFeed;
        sequencerGracePeriod = p.sequencerGracePeriod;
        deployBlock = block.number;

        _policies.push(PolicyChange(0, p.genesisPolicy));
        _currentState = p.genesisState;
        _lastEnd = p.genesisTime;

        bytes memory rec = abi.encodePacked(
            bytes32(0), p.genesisPolicy, uint256(0), p.genesisState, uint256(0), uint256(0), uint64(0), uint64(0),
            p.genesisTime, p.genesisTime
        );
        bytes32 h = keccak256(rec);
        _recordHash = h;
        emit EpochRecorded(0, h, rec);
    }

    /// @dev Checks one feed at deploy: code, decimals, a conversion within range, and a current
    /// answer that converts to at least MIN_DEPLOY_PRICE (1 bps resolution) and at most 2^64 - 1.
    function _checkFeed(uint256 i, FeedConfig memory f, uint8 valueDecimals_) private view returns (Feed memory) {
        if (f.aggregator.code.length == 0) revert BadConfig("price feed has no code");
        if (f.heartbeat == 0) revert BadConfig("feed heartbeat is zero");
        uint8 got = AggregatorV3Interface(f.aggregator).decimals();
        if (got != f.decimals) revert FeedDecimalsMismatch(i, f.decimals, got);
        (uint8 exp, bool down, bool ok) = priceScale(valueDecimals_, f.decimals, f.circuitDecimals);
        if (!ok) revert BadConfig("price conversion beyond 10^76");
        (uint80 id, int256 answer,,,) = AggregatorV3Interface(f.aggregator).latestRoundData();
        if (answer <= 0) revert InvalidFeedAnswer(i, id, answer);
        (bool inRange, uint256 price) = convertPrice(answer, exp, down);
        if (price < MIN_DEPLOY_PRICE) revert FeedTooCoarse(i, price);
        if (!inRange) revert PriceOutOfRange(i, id, answer);
        return Feed(f.aggregator, f.heartbeat, exp, down, f.circuitDecimals);
    }

    // ---------------------------------------------------------------- epochs

    /// @notice Records epoch lastEpoch + 1 if the proof verifies against registry-built inputs
    /// (see the contract's notice for their order).
    function submitEpoch(Submission calldata s, bytes calldata proof) external {
        (uint256 policy, uint32 policyIndex) = _admit(s);
        uint256[] memory prices = _prices(s.roundIds, s.endTime);
        _checkSequencer();
        bytes memory statement = _statement(s, policy, prices);
        _verify(uint256(sha256(statement)) & HASH_MASK, proof);
        _record(s, policyIndex, statement);
    }

    /// @notice Whether submissions are stopped.
    function paused() external view returns (bool) {
        return _pauseState == PAUSED;
    }

    /// @notice The last recorded epoch; 0 before the first submission.
    function lastEpoch() external view returns (uint256) {
        return _lastEpoch;
    }

    /// @notice The state commitment of the last recorded epoch (S(0) at genesis).
    function currentState() external view returns (uint256) {
        return _currentState;
    }

    /// @notice The liabilities root a user checks their inclusion proof against (0 for genesis).
    function liabilitiesRoot(uint256 epoch) external view returns (uint256) {
        if (epoch > _lastEpoch) revert UnknownEpoch(epoch);
        return _liabilitiesRoots[epoch];
    }

    /// @notice Everything an operator needs before building the next submission, in one call.
    function status() external view returns (StatusView memory v) {
        v.lastEpoch = _lastEpoch;
        v.lastEnd = _lastEnd;
        v.currentState = _currentState;
        (v.nextPolicy,) = _policyForNext();
        v.paused = _pauseState == PAUSED;
        v.recordHash = _recordHash;
        v.pending = _pending;
    }

    /// @notice The policy commitment that judges (or judged) an epoch: the newest executed policy
    /// whose fromEpoch <= epoch. For an epoch after the next one, a later execution may still
    /// change it.
    function policyFor(uint256 epoch) external view returns (uint256) {
        // Binary search for the last entry with fromEpoch <= epoch; entry 0 has fromEpoch 0.
        uint256 lo;
        uint256 hi = _policies.length;
        while (hi - lo > 1) {
            uint256 mid = (lo + hi) / 2;
            if (_policies[mid].fromEpoch <= epoch) lo = mid;
            else hi = mid;
        }
        return _policies[lo].commitment;
    }

    /// @notice Every executed policy in fromEpoch order, from the genesis policy (fromEpoch 0).
    function policyHistory() external view returns (PolicyChange[] memory) {
        return _policies;
    }

    /// @notice Asset i's feed, its scale and heartbeat; the circuit price of an answer is
    /// answer * 10^scaleExp, or floor(answer / 10^scaleExp) when scaleDown.
    function feed(uint256 asset)
        external
        view
        returns (address aggregator, uint8 circuitDecimals, uint32 heartbeat, uint8 scaleExp, bool scaleDown)
    {
        if (asset >= numAssets) revert UnknownAsset(asset);
        Feed memory f = _unpackFeed(_feedWords()[asset]);
        return (f.aggregator, f.circuitDecimals, f.heartbeat, f.scaleExp, f.scaleDown);
    }

    // ---------------------------------------------------------------- policy timelock

    /// @notice Queues a policy commitment to judge epochs from fromEpoch (at least two after the
    /// last recorded epoch, so the epoch in progress keeps its policy); it can be executed
    /// policyDelay seconds from now, for policyGracePeriod seconds. Queuing again replaces the
    /// pending one.
    function queuePolicy(uint256 commitment, uint64 fromEpoch) external onlyGovernance {
        if (commitment >= SCALAR_FIELD) revert NotInField(commitment);
        uint256 minFrom = uint256(_lastEpoch) + 2;
        if (fromEpoch < minFrom) revert PolicyTooSoon(minFrom, fromEpoch);
        uint64 eta = uint64(block.timestamp) + policyDelay;
        _pending = PendingPolicy(commitment, fromEpoch, eta);
        emit PolicyQueued(commitment, fromEpoch, eta, uint256(eta) + policyGracePeriod);
    }

    /// @notice Executes the queued policy: after its delay, before it expires, and while epoch
    /// fromEpoch is not recorded. It then judges every epoch from fromEpoch, replacing any
    /// scheduled policy from that epoch on; recorded epochs keep theirs. The caller names the
    /// queued (commitment, fromEpoch) it means, so a policy queued in between by another
    /// governance signer is never executed by a call that was about the earlier one.
    function executePolicy(uint256 commitment, uint64 fromEpoch) external onlyGovernance {
        PendingPolicy memory p = _checkPending(commitment, fromEpoch);
        if (block.timestamp < p.eta) revert TimelockNotReady(p.eta, block.timestamp);
        uint256 expiresAt = uint256(p.eta) + policyGracePeriod;
        if (block.timestamp > expiresAt) revert PolicyExpired(expiresAt, block.timestamp);
        uint64 last = _lastEpoch;
        if (last >= p.fromEpoch) revert PolicyEpochPassed(p.fromEpoch, last);
        uint256 keep = uint256(_policyIndex) + 1;
        while (_policies.length > keep && _policies[_policies.length - 1].fromEpoch >= p.fromEpoch) {
            _policies.pop();
        }
        _policies.push(PolicyChange(p.fromEpoch, p.commitment));
        _nextPolicyEpoch = _policies[keep].fromEpoch;
        delete _pending;
        emit PolicyExecuted(p.commitment, p.fromEpoch);
    }

    /// @notice Drops the queued policy, named by its (commitment, fromEpoch).
    function cancelPolicy(uint256 commitment, uint64 fromEpoch) external onlyGovernance {
        PendingPolicy memory p = _checkPending(commitment, fromEpoch);
        delete _pending;
        emit PolicyCancelled(p.commitment, p.fromEpoch);
    }

    function _checkPending(uint256 commitment, uint64 fromEpoch) private view returns (PendingPolicy memory p) {
        p = _pending;
        if (p.eta == 0) revert NoPendingPolicy();
        if (p.commitment != commitment || p.fromEpoch != fromEpoch) {
            revert PolicyNotQueued(commitment, fromEpoch, p.commitment, p.fromEpoch);
        }
    }

    // ---------------------------------------------------------------- roles

    /// @notice Nominates the next governance; it takes over when it calls acceptGovernance. The
    /// zero address withdraws a nomination.
    function transferGovernance(address next) external onlyGovernance {
        pendingGovernance = next;
        emit GovernanceTransferStarted(governance, next);
    }

    /// @notice The nominee takes over governance.
    function acceptGovernance() external {
        if (msg.sender != pendingGovernance) revert NotPendingGovernance();
        emit GovernanceTransferred(governance, msg.sender);
        governance = msg.sender;
        delete pendingGovernance;
    }

    /// @notice Nominates the next guardian (governance or the guardian itself); it takes over
    /// when it calls acceptGuardian. The zero address withdraws a nomination.
    function transferGuardian(address next) external {
        if (msg.sender != guardian && msg.sender != governance) revert NotGuardianOrGovernance();
        pendingGuardian = next;
        emit GuardianTransferStarted(guardian, next);
    }

    /// @notice The nominee becomes the guardian.
    function acceptGuardian() external {
        if (msg.sender != pendingGuardian) revert NotPendingGuardian();
        emit GuardianTransferred(guardian, msg.sender);
        guardian = msg.sender;
        delete pendingGuardian;
    }

    // ---------------------------------------------------------------- kill switch

    /// @notice Stops submissions. Callable by the guardian or governance.
    function pause() external {
        if (msg.sender != guardian && msg.sender != governance) revert NotGuardianOrGovernance();
        if (_pauseState == PAUSED) revert Paused();
        _pauseState = PAUSED;
        emit PauseChanged(msg.sender, true);
    }

    /// @notice Resumes submissions. Governance only: the guardian can stop, never restart.
    function unpause() external onlyGovernance {
        if (_pauseState != PAUSED) revert NotPaused();
        _pauseState = RUNNING;
        emit PauseChanged(msg.sender, false);
    }

    // ---------------------------------------------------------------- internals

    /// @dev The policy that judges epoch _lastEpoch + 1 and its index in _policies.
    function _policyForNext() internal view returns (uint256 commitment, uint32 index) {
        index = _policyIndex;
        if (_nextPolicyEpoch != 0 && _nextPolicyEpoch == uint256(_lastEpoch) + 1) ++index;
        // _policies[index].commitment without the bounds check's read of the array length (a
        // cold slot): index is _policyIndex, or _policyIndex + 1 when _nextPolicyEpoch names
        // that entry, so it is always below the length.
        uint256 slot;
        assembly ("memory-safe") {
            mstore(0, _policies.slot)
            slot := add(keccak256(0, 32), add(mul(index, 2), 1))
            commitment := sload(slot)
        }
    }

    /// @dev Packs a feed into its table word.
    function _packFeed(Feed memory f) private pure returns (uint256) {
        return uint256(uint160(f.aggregator)) | (uint256(f.heartbeat) << 160) | (uint256(f.scaleExp) << 192)
            | (f.scaleDown ? uint256(1) << 200 : 0) | (uint256(f.circuitDecimals) << 208);
    }

    function _unpackFeed(uint256 w) private pure returns (Feed memory) {
        return Feed(address(uint160(w)), uint32(w >> 160), uint8(w >> 192), uint8(w >> 200) != 0, uint8(w >> 208));
    }

    /// @dev Deploys the feed table: code 0x00 (never executable) followed by the words.
    function _deployTable(uint256[] memory words) private returns (address table) {
        bytes memory code = abi.encodePacked(hex"00", words);
        // PUSH4 len, DUP1, PUSH1 14, PUSH1 0, CODECOPY, PUSH1 0, RETURN; then the code.
        bytes memory init = abi.encodePacked(hex"63", uint32(code.length), hex"80600e6000396000f3", code);
        assembly ("memory-safe") {
            table := create(0, add(init, 32), mload(init))
        }
        if (table == address(0)) revert BadConfig("feed table not deployed");
    }

    /// @dev Every asset's table word, in one EXTCODECOPY.
    function _feedWords() internal view returns (uint256[] memory words) {
        uint256 n = numAssets;
        words = new uint256[](n);
        address table = _feedTable;
        assembly ("memory-safe") {
            extcodecopy(table, add(words, 32), 1, mul(n, 32))
        }
    }

    /// @dev The checks that need no feed and no proof; returns the policy that judges the epoch.
    function _admit(Submission calldata s) internal view returns (uint256 policy, uint32 policyIndex) {
        if (_pauseState == PAUSED) revert Paused();
        uint256 expected = uint256(_lastEpoch) + 1;
        if (s.epoch != expected) revert EpochOutOfOrder(expected, s.epoch);
        if (s.startTime != _lastEnd) revert StartNotPreviousEnd(_lastEnd, s.startTime);
        if (s.endTime > block.timestamp) revert EpochEndInFuture(s.endTime, block.timestamp);
        if (s.endTime <= s.startTime) revert EmptyEpoch(s.startTime, s.endTime);
        if (s.newState >= SCALAR_FIELD) revert NotInField(s.newState);
        if (s.liabilitiesRoot >= SCALAR_FIELD) revert NotInField(s.liabilitiesRoot);
        if (s.actionsCommitment >= SCALAR_FIELD) revert NotInField(s.actionsCommitment);
        uint256 n = numAssets;
        if (s.roundIds.length != n || s.inflows.length != n || s.outflows.length != n) {
            revert CountMismatch(n, s.roundIds.length, s.inflows.length, s.outflows.length);
        }
        return _policyForNext();
    }

    /// @dev Each asset's circuit price from its named round, which must be the round in force
    /// at endTime and fresh by its feed's heartbeat.
    function _prices(uint80[] calldata roundIds, uint64 endTime) internal view returns (uint256[] memory prices) {
        uint256 n = roundIds.length;
        prices = new uint256[](n);
        uint256[] memory words = _feedWords();
        for (uint256 i; i < n; ++i) {
            prices[i] = _price(i, _unpackFeed(words[i]), roundIds[i], endTime);
        }
    }

    function _price(uint256 i, Feed memory f, uint80 roundId, uint64 endTime) internal view returns (uint256) {
        int256 answer;
        uint256 updatedAt;
        try AggregatorV3Interface(f.aggregator).getRoundData(roundId) returns (
            uint80 id, int256 a, uint256, uint256 u, uint80
        ) {
            if (id != roundId || u == 0) revert RoundUnavailable(i, roundId);
            answer = a;
            updatedAt = u;
        } catch {
            revert RoundUnavailable(i, roundId);
        }
        if (answer <= 0) revert InvalidFeedAnswer(i, roundId, answer);
        if (updatedAt > block.timestamp) revert FutureRound(i, roundId, updatedAt);
        if (updatedAt > endTime) revert RoundAfterEpochEnd(i, roundId, updatedAt, endTime);
        if (endTime - updatedAt > f.heartbeat) revert StaleRound(i, roundId, updatedAt, endTime);
        _requireInForce(i, f.aggregator, roundId, endTime);
        (bool ok, uint256 price) = convertPrice(answer, f.scaleExp, f.scaleDown);
        if (!ok) revert PriceOutOfRange(i, roundId, answer);
        return price;
    }

    /// @dev The round after roundId, if it exists, was updated after endTime, so roundId is the
    /// round in force at the epoch's end. When roundId is the feed's latest round there is none.
    /// Otherwise the next round is roundId + 1 in the same phase or, when that does not exist,
    /// the first round of the first later phase that has one, up to the latest round's phase
    /// (the proxy moved to a new aggregator, which may never have answered). A reverting or
    /// empty round does not exist.
    function _requireInForce(uint256 i, address agg, uint80 roundId, uint64 endTime) internal view {
        uint256 phase = uint256(roundId) >> PHASE_OFFSET;
        // Without a readable latest round, only the next phase is looked at.
        uint256 lastPhase = phase + 1;
        try AggregatorV3Interface(agg).latestRoundData() returns (uint80 latest, int256, uint256, uint256, uint80) {
            if (latest == roundId) return;
            lastPhase = uint256(latest) >> PHASE_OFFSET;
        } catch {}
        uint256 next;
        uint256 updatedAt;
        bool exists;
        if (uint64(roundId) != type(uint64).max) {
            next = uint256(roundId) + 1;
            (exists, updatedAt) = _roundTime(agg, uint80(next));
        }
        for (uint256 q = phase + 1; !exists && q <= lastPhase && q <= type(uint16).max; ++q) {
            next = (q << PHASE_OFFSET) | 1;
            (exists, updatedAt) = _roundTime(agg, uint80(next));
        }
        if (exists && updatedAt <= endTime) revert RoundSuperseded(i, roundId, next, updatedAt);
    }

    function _roundTime(address agg, uint80 roundId) internal view returns (bool exists, uint256 updatedAt) {
        try AggregatorV3Interface(agg).getRoundData(roundId) returns (uint80, int256, uint256, uint256 u, uint80) {
            return (u != 0, u);
        } catch {
            return (false, 0);
        }
    }

    /// @dev Chainlink's L2 pattern: the sequencer is up (answer 0) and has been for longer than
    /// the grace period.
    function _checkSequencer() internal view {
        address seq = sequencerFeed;
        if (seq == address(0)) return;
        int256 answer;
        uint256 startedAt;
        try AggregatorV3Interface(seq).latestRoundData() returns (uint80, int256 a, uint256 st, uint256, uint80) {
            answer = a;
            startedAt = st;
        } catch {
            revert SequencerDown();
        }
        if (answer != 0 || startedAt == 0) revert SequencerDown();
        if (startedAt > block.timestamp || block.timestamp - startedAt <= sequencerGracePeriod) {
            revert SequencerGracePeriodNotOver(startedAt);
        }
    }

    /// @dev The preimage of the epoch circuit's one public input (see the contract's @dev).
    function _statement(Submission calldata s, uint256 policy, uint256[] memory prices)
        internal
        view
        returns (bytes memory)
    {
        uint256 n = prices.length;
        // Per asset uint64s, big-endian, all prices, then inflows, then outflows. Each mstore
        // writes 32 bytes at increasing offsets; the 24 bytes past a value are overwritten by
        // the next one (or lie past the end, in free memory).
        bytes memory flows = new bytes(24 * n);
        for (uint256 i; i < n; ++i) {
            uint256 p = prices[i];
            assembly ("memory-safe") {
                mstore(add(add(flows, 32), mul(8, i)), shl(192, p))
            }
        }
        for (uint256 i; i < n; ++i) {
            uint256 f = s.inflows[i];
            assembly ("memory-safe") {
                mstore(add(add(flows, 32), mul(8, add(n, i))), shl(192, f))
            }
        }
        for (uint256 i; i < n; ++i) {
            uint256 f = s.outflows[i];
            assembly ("memory-safe") {
                mstore(add(add(flows, 32), mul(8, add(mul(2, n), i))), shl(192, f))
            }
        }
        return abi.encodePacked(
            policy,
            _currentState,
            s.newState,
            s.liabilitiesRoot,
            s.actionsCommitment,
            s.actionCount,
            s.epoch,
            s.startTime,
            s.endTime,
            flows
        );
    }

    function _record(Submission calldata s, uint32 policyIndex, bytes memory statement) internal {
        uint256 n = s.roundIds.length;
        bytes memory ids = new bytes(10 * n);
        for (uint256 i; i < n; ++i) {
            uint256 id = s.roundIds[i];
            // Increasing offsets: the 22 bytes past an id are overwritten by the next one.
            assembly ("memory-safe") {
                mstore(add(add(ids, 32), mul(10, i)), shl(176, id))
            }
        }
        bytes memory rec = abi.encodePacked(_recordHash, statement, ids);
        bytes32 h = keccak256(rec);

        _liabilitiesRoots[s.epoch] = s.liabilitiesRoot;
        _currentState = s.newState;
        _recordHash = h;
        _lastEpoch = s.epoch;
        _lastEnd = s.endTime;
        if (policyIndex != _policyIndex) {
            _policyIndex = policyIndex;
            uint256 next = uint256(policyIndex) + 1;
            _nextPolicyEpoch = next < _policies.length ? _policies[next].fromEpoch : 0;
        }
        emit EpochRecorded(s.epoch, h, rec);
    }

    /// @dev Calls the verifier with the registry-built public hash; any failure reverts ProofRejected.
    function _verify(uint256 publicHash, bytes calldata proof) internal view {
        bytes memory data;
        if (verifierKind == VerifierKind.Groth16) {
            // verifyProof(bytes proof, uint256[1] input): the static array sits inline in the
            // head after the bytes offset, so the bytes tail starts at 64.
            uint256 pad = (32 - (proof.length % 32)) % 32;
            data = abi.encodePacked(GROTH16_VERIFY, uint256(64), publicHash, proof.length, proof, new bytes(pad));
        } else {
            uint256[] memory inputs = new uint256[](1);
            inputs[0] = publicHash;
            data = abi.encodeWithSelector(PLONK_VERIFY, proof, inputs);
        }
        (bool ok, bytes memory ret) = verifier.staticcall(data);
        if (!ok) revert ProofRejected();
        if (verifierKind == VerifierKind.Plonk) {
            if (ret.length < 32 || abi.decode(ret, (uint256)) != 1) revert ProofRejected();
        }
    }
}

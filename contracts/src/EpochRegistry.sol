// SPDX-License-Identifier: UNLICENSED
pragma solidity ^0.8.20;

/// @notice The part of Chainlink's AggregatorV3Interface that the registry reads.
interface AggregatorV3Interface {
    function decimals() external view returns (uint8);

    function latestRoundData()
        external
        view
        returns (uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound);
}

/// @title EpochRegistry
/// @notice Records one zktreasury epoch at a time, only when its proofs verify against public
/// inputs that this contract builds itself from its own storage (previous state, policy in
/// force, epoch number) and from the oracle-checked prices. The mode, fixed at deploy, says
/// which proofs an epoch carries.
/// @dev Public inputs, in this order (A = numAssets):
///   Separate mode, two proofs:
///     solvency:   [S(n), liabilitiesRoot, policy, epoch, price_0 .. price_{A-1}]              (4 + A)
///     compliance: [policy, S(n-1), S(n), actionsCommitment, actionCount, epoch, price_0 .. ]  (6 + A)
///   Combined mode, one proof of the epoch circuit:
///     epoch: [policy, S(n-1), S(n), liabilitiesRoot, actionsCommitment, actionCount, epoch,
///             price_0 .. price_{A-1}]                                                         (7 + A)
/// Storage per epoch is one new slot, the liabilities root users check their inclusion against;
/// the current state is one slot overwritten each epoch. Everything else an auditor wants (each
/// epoch's state, actions commitment and count, the policy it was proven under) is in the
/// EpochRecorded event, emitted for the genesis state (epoch 0) at deploy as well.
contract EpochRegistry {
    /// @notice Which gnark verifier ABI a verifier address speaks.
    /// Groth16: verifyProof(bytes, uint256[N]) reverts on failure.
    /// Plonk:   Verify(bytes, uint256[]) returns (bool).
    enum VerifierKind {
        Groth16,
        Plonk
    }

    /// @notice Which proofs an epoch submission carries, fixed at deploy.
    /// Separate: a solvency proof and a compliance proof (submitEpoch).
    /// Combined: one proof of the epoch circuit, both statements at once (submitEpochCombined).
    enum Mode {
        Separate,
        Combined
    }

    /// @notice A verifier contract and the ABI it speaks.
    struct VerifierConfig {
        address verifier;
        VerifierKind kind;
    }

    /// @notice One asset's price feed; the circuit price expected from a feed answer is
    /// answer * priceNum / priceDen. decimals is checked against the feed at deploy.
    struct FeedConfig {
        address aggregator;
        uint8 decimals;
        uint128 priceNum;
        uint128 priceDen;
    }

    /// @notice Everything fixed at deploy.
    struct InitParams {
        address governance;
        address guardian;
        uint256 genesisState;
        uint256 genesisPolicy;
        uint64 policyDelay;
        Mode mode;
        VerifierConfig solvency; // separate mode only
        VerifierConfig compliance; // separate mode only
        VerifierConfig epoch; // combined mode only
        FeedConfig[] feeds;
        uint16 toleranceBps;
        uint64 maxPriceAge;
    }

    struct Feed {
        address aggregator;
        uint128 priceNum;
        uint128 priceDen;
    }

    /// @notice The BN254 scalar field modulus: every public input must be below it.
    uint256 public constant SCALAR_FIELD =
        21888242871839275222246405745257275088548364400416034343698204186575808495617;

    uint8 internal constant RUNNING = 1;
    uint8 internal constant PAUSED = 2;
    uint8 internal constant SOLVENCY = 0;
    uint8 internal constant COMPLIANCE = 1;
    uint8 internal constant EPOCH = 2;
    bytes4 internal constant PLONK_VERIFY = bytes4(keccak256("Verify(bytes,uint256[])"));

    address public immutable governance;
    address public immutable guardian;
    uint64 public immutable policyDelay;
    uint16 public immutable toleranceBps;
    uint64 public immutable maxPriceAge;
    uint256 public immutable numAssets;
    address public immutable solvencyVerifier;
    VerifierKind public immutable solvencyKind;
    address public immutable complianceVerifier;
    VerifierKind public immutable complianceKind;
    Mode public immutable mode;
    // Combined mode's verifier; solvencyVerifier and complianceVerifier are Separate mode's.
    address public immutable epochVerifier;
    VerifierKind public immutable epochKind;
    /// @notice The block this registry was created in, where its genesis EpochRecorded event is.
    uint256 public immutable deployBlock;
    // verifyProof(bytes,uint256[N]) selectors: N depends on numAssets, so they are computed once here.
    bytes4 internal immutable solvencySelector;
    bytes4 internal immutable complianceSelector;
    bytes4 internal immutable epochSelector;

    // One slot, read and written once per submission. _pauseState is 1 (running) or 2 (paused),
    // never 0, so the slot is never zero and the first epoch's write costs what every later one does.
    uint64 private _lastEpoch;
    uint8 private _pauseState = RUNNING;
    uint64 private _lastRecordedAt; // timestamp of the block that recorded _lastEpoch

    // S(_lastEpoch), read and overwritten once per submission: a warm rewrite (about 2.9k gas)
    // where a per-epoch slot would cost 22.1k. Earlier states are in the EpochRecorded events.
    uint256 private _currentState;

    uint256 public policyCommitment;
    uint256 private _pendingPolicy;
    uint64 private _pendingEta; // 0 when nothing is queued

    mapping(uint256 => Feed) private _feeds;
    // The liabilities root of every recorded epoch: the one new slot an epoch costs.
    mapping(uint256 => uint256) private _liabilitiesRoots;

    /// @notice Epoch `epoch` is recorded: its state S(n), liabilities root, actions commitment and
    /// count, and the policy commitment its proofs were checked against. Epoch 0 is the genesis
    /// state, emitted at deploy.
    event EpochRecorded(
        uint256 indexed epoch,
        uint256 stateCommitment,
        uint256 liabilitiesRoot,
        uint256 actionsCommitment,
        uint256 actionCount,
        uint256 policyCommitment
    );
    event PolicyQueued(uint256 commitment, uint256 eta);
    event PolicyExecuted(uint256 commitment);
    event PolicyCancelled(uint256 commitment);
    event PauseChanged(address indexed by, bool paused);

    error BadConfig(string reason);
    error FeedDecimalsMismatch(uint256 asset, uint8 expected, uint8 got);
    error NotGovernance();
    error NotGuardianOrGovernance();
    error Paused();
    error NotPaused();
    error NoPendingPolicy();
    error TimelockNotReady(uint256 eta, uint256 nowTs);
    error EpochOutOfOrder(uint256 expected, uint256 got);
    error UnknownEpoch(uint256 epoch);
    error PriceCountMismatch(uint256 expected, uint256 got);
    error UnknownAsset(uint256 asset);
    error NotInField(uint256 value);
    error FeedUnavailable(uint256 asset);
    error InvalidFeedAnswer(uint256 asset, int256 answer);
    error StalePrice(uint256 asset, uint256 updatedAt);
    error PriceDeviation(uint256 asset, uint256 submitted, uint256 expected);
    /// @notice A verifier refused its proof: which is 0 (solvency), 1 (compliance) or 2 (epoch).
    error ProofRejected(uint8 which);
    /// @notice The submission is for the other mode; mode is this registry's (0 separate, 1 combined).
    error WrongMode(uint8 mode);

    modifier onlyGovernance() {
        if (msg.sender != governance) revert NotGovernance();
        _;
    }

    constructor(InitParams memory p) {
        if (p.governance == address(0)) revert BadConfig("governance is the zero address");
        if (p.guardian == address(0)) revert BadConfig("guardian is the zero address");
        if (p.policyDelay == 0) revert BadConfig("policy delay is zero");
        if (p.maxPriceAge == 0) revert BadConfig("max price age is zero");
        if (p.toleranceBps > 10_000) revert BadConfig("tolerance above 10000 bps");
        if (p.feeds.length == 0) revert BadConfig("no price feeds");
        if (p.genesisState >= SCALAR_FIELD) revert NotInField(p.genesisState);
        if (p.genesisPolicy >= SCALAR_FIELD) revert NotInField(p.genesisPolicy);
        if (p.mode == Mode.Separate) {
            if (p.solvency.verifier.code.length == 0) revert BadConfig("solvency verifier has no code");
            if (p.compliance.verifier.code.length == 0) revert BadConfig("compliance verifier has no code");
            if (p.epoch.verifier != address(0)) revert BadConfig("epoch verifier set in separate mode");
        } else {
            if (p.epoch.verifier.code.length == 0) revert BadConfig("epoch verifier has no code");
            if (p.solvency.verifier != address(0) || p.compliance.verifier != address(0)) {
                revert BadConfig("solvency or compliance verifier set in combined mode");
            }
        }

        uint256 n = p.feeds.length;
        for (uint256 i; i < n; ++i) {
            FeedConfig memory f = p.feeds[i];
            if (f.aggregator.code.length == 0) revert BadConfig("price feed has no code");
            if (f.priceNum == 0 || f.priceDen == 0) revert BadConfig("price conversion has a zero term");
            uint8 got = AggregatorV3Interface(f.aggregator).decimals();
            if (got != f.decimals) revert FeedDecimalsMismatch(i, f.decimals, got);
            _feeds[i] = Feed(f.aggregator, f.priceNum, f.priceDen);
        }

        governance = p.governance;
        guardian = p.guardian;
        policyDelay = p.policyDelay;
        toleranceBps = p.toleranceBps;
        maxPriceAge = p.maxPriceAge;
        numAssets = n;
        solvencyVerifier = p.solvency.verifier;
        solvencyKind = p.solvency.kind;
        complianceVerifier = p.compliance.verifier;
        complianceKind = p.compliance.kind;
        mode = p.mode;
        epochVerifier = p.epoch.verifier;
        epochKind = p.epoch.kind;
        solvencySelector = _groth16Selector(4 + n);
        complianceSelector = _groth16Selector(6 + n);
        epochSelector = _groth16Selector(7 + n);

        deployBlock = block.number;

        policyCommitment = p.genesisPolicy;
        _currentState = p.genesisState;
        _lastRecordedAt = uint64(block.timestamp);
        emit EpochRecorded(0, p.genesisState, 0, 0, 0, p.genesisPolicy);
    }

    // ---------------------------------------------------------------- epochs

    /// @notice Records epoch lastEpoch+1 if both proofs verify against registry-built inputs.
    /// Separate mode only.
    /// @param epoch must be lastEpoch() + 1
    /// @param newState the state commitment S(n) after this epoch's actions
    /// @param liabRoot root of the liabilities tree the solvency proof covers
    /// @param actionsCommit hash chain over the epoch's executed actions
    /// @param actionCount number of actions in that chain
    /// @param prices one circuit price per asset, checked against the feeds
    function submitEpoch(
        uint256 epoch,
        uint256 newState,
        uint256 liabRoot,
        uint256 actionsCommit,
        uint64 actionCount,
        uint256[] calldata prices,
        bytes calldata solvencyProof,
        bytes calldata complianceProof
    ) external {
        if (mode != Mode.Separate) revert WrongMode(uint8(mode));
        uint256 prevState = _admit(epoch, newState, liabRoot, actionsCommit, prices);
        uint256 policy = policyCommitment;
        uint256 n = prices.length;

        uint256[] memory inputs = new uint256[](4 + n);
        inputs[0] = newState;
        inputs[1] = liabRoot;
        inputs[2] = policy;
        inputs[3] = epoch;
        _copyPrices(inputs, 4, prices);
        _verify(SOLVENCY, solvencyVerifier, solvencyKind, solvencySelector, inputs, solvencyProof);

        inputs = new uint256[](6 + n);
        inputs[0] = policy;
        inputs[1] = prevState;
        inputs[2] = newState;
        inputs[3] = actionsCommit;
        inputs[4] = actionCount;
        inputs[5] = epoch;
        _copyPrices(inputs, 6, prices);
        _verify(COMPLIANCE, complianceVerifier, complianceKind, complianceSelector, inputs, complianceProof);

        _record(epoch, newState, liabRoot, actionsCommit, actionCount, policy);
    }

    /// @notice Records epoch lastEpoch+1 if one epoch-circuit proof verifies against
    /// registry-built inputs [policy, S(n-1), S(n), liabRoot, actionsCommit, actionCount, epoch, prices].
    /// Combined mode only; the parameters are those of submitEpoch.
    function submitEpochCombined(
        uint256 epoch,
        uint256 newState,
        uint256 liabRoot,
        uint256 actionsCommit,
        uint64 actionCount,
        uint256[] calldata prices,
        bytes calldata proof
    ) external {
        if (mode != Mode.Combined) revert WrongMode(uint8(mode));
        uint256 prevState = _admit(epoch, newState, liabRoot, actionsCommit, prices);
        uint256 policy = policyCommitment;
        uint256[] memory inputs = new uint256[](7 + prices.length);
        inputs[0] = policy;
        inputs[1] = prevState;
        inputs[2] = newState;
        inputs[3] = liabRoot;
        inputs[4] = actionsCommit;
        inputs[5] = actionCount;
        inputs[6] = epoch;
        _copyPrices(inputs, 7, prices);
        _verify(EPOCH, epochVerifier, epochKind, epochSelector, inputs, proof);
        _record(epoch, newState, liabRoot, actionsCommit, actionCount, policy);
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
    /// lastRecordedAt_ is the timestamp of the block that recorded the last epoch (the deploy's
    /// for genesis).
    function status()
        external
        view
        returns (
            uint256 lastEpoch_,
            uint256 currentState_,
            uint256 policyCommitment_,
            bool paused_,
            uint256 pendingPolicy_,
            uint256 pendingEta_,
            uint256 lastRecordedAt_
        )
    {
        return (
            _lastEpoch,
            _currentState,
            policyCommitment,
            _pauseState == PAUSED,
            _pendingPolicy,
            _pendingEta,
            _lastRecordedAt
        );
    }

    /// @notice Asset i's feed and its answer-to-circuit-price conversion.
    function feed(uint256 asset) external view returns (address aggregator, uint256 priceNum, uint256 priceDen) {
        if (asset >= numAssets) revert UnknownAsset(asset);
        Feed storage f = _feeds[asset];
        return (f.aggregator, f.priceNum, f.priceDen);
    }

    // ---------------------------------------------------------------- policy timelock

    /// @notice Queues a policy commitment; it can be executed policyDelay seconds from now.
    /// Queuing again replaces the pending one and restarts the delay.
    function queuePolicy(uint256 commitment) external onlyGovernance {
        if (commitment >= SCALAR_FIELD) revert NotInField(commitment);
        uint64 eta = uint64(block.timestamp) + policyDelay;
        _pendingPolicy = commitment;
        _pendingEta = eta;
        emit PolicyQueued(commitment, eta);
    }

    /// @notice Puts the queued policy in force once its delay has passed.
    function executePolicy() external onlyGovernance {
        uint64 eta = _pendingEta;
        if (eta == 0) revert NoPendingPolicy();
        if (block.timestamp < eta) revert TimelockNotReady(eta, block.timestamp);
        uint256 commitment = _pendingPolicy;
        policyCommitment = commitment;
        delete _pendingPolicy;
        delete _pendingEta;
        emit PolicyExecuted(commitment);
    }

    /// @notice Drops the queued policy.
    function cancelPolicy() external onlyGovernance {
        if (_pendingEta == 0) revert NoPendingPolicy();
        uint256 commitment = _pendingPolicy;
        delete _pendingPolicy;
        delete _pendingEta;
        emit PolicyCancelled(commitment);
    }

    /// @notice The queued policy commitment and the time it may be executed (0, 0 if none).
    function pendingPolicy() external view returns (uint256 commitment, uint256 eta) {
        return (_pendingPolicy, _pendingEta);
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

    /// @dev The checks that need no proof: returns the previous state commitment S(n-1).
    function _admit(uint256 epoch, uint256 newState, uint256 liabRoot, uint256 actionsCommit, uint256[] calldata prices)
        internal
        view
        returns (uint256)
    {
        uint64 last = _lastEpoch;
        if (_pauseState == PAUSED) revert Paused();
        if (epoch != uint256(last) + 1) revert EpochOutOfOrder(uint256(last) + 1, epoch);
        if (newState >= SCALAR_FIELD) revert NotInField(newState);
        if (liabRoot >= SCALAR_FIELD) revert NotInField(liabRoot);
        if (actionsCommit >= SCALAR_FIELD) revert NotInField(actionsCommit);
        _checkPrices(prices);
        return _currentState;
    }

    function _record(
        uint256 epoch,
        uint256 newState,
        uint256 liabRoot,
        uint256 actionsCommit,
        uint64 actionCount,
        uint256 policy
    ) internal {
        _liabilitiesRoots[epoch] = liabRoot;
        _currentState = newState;
        _lastEpoch = uint64(epoch);
        _lastRecordedAt = uint64(block.timestamp);
        emit EpochRecorded(epoch, newState, liabRoot, actionsCommit, actionCount, policy);
    }

    function _copyPrices(uint256[] memory inputs, uint256 from, uint256[] calldata prices) internal pure {
        for (uint256 i; i < prices.length; ++i) {
            inputs[from + i] = prices[i];
        }
    }

    function _checkPrices(uint256[] calldata prices) internal view {
        uint256 n = numAssets;
        if (prices.length != n) revert PriceCountMismatch(n, prices.length);
        uint256 tol = toleranceBps;
        uint256 maxAge = maxPriceAge;
        for (uint256 i; i < n; ++i) {
            uint256 p = prices[i];
            if (p >= SCALAR_FIELD) revert NotInField(p);
            Feed storage f = _feeds[i];
            int256 answer;
            uint256 updatedAt;
            try AggregatorV3Interface(f.aggregator).latestRoundData() returns (
                uint80, int256 a, uint256, uint256 u, uint80
            ) {
                answer = a;
                updatedAt = u;
            } catch {
                revert FeedUnavailable(i);
            }
            if (answer <= 0 || uint256(answer) > type(uint128).max) revert InvalidFeedAnswer(i, answer);
            // A feed timestamp ahead of the block counts as fresh rather than underflowing.
            if (updatedAt == 0 || (block.timestamp > updatedAt && block.timestamp - updatedAt > maxAge)) {
                revert StalePrice(i, updatedAt);
            }
            // answer < 2^128 and priceNum < 2^128: the product fits.
            uint256 expected = (uint256(answer) * f.priceNum) / f.priceDen;
            if (expected == 0) revert InvalidFeedAnswer(i, answer);
            uint256 diff = p > expected ? p - expected : expected - p;
            // |p - e| * 10000 <= tol * e  <=>  |p - e| <= floor(tol * e / 10000), computed without overflow.
            uint256 allowed = (expected / 10_000) * tol + ((expected % 10_000) * tol) / 10_000;
            if (diff > allowed) revert PriceDeviation(i, p, expected);
        }
    }

    /// @dev Calls a verifier with registry-built inputs; any failure reverts ProofRejected(which).
    function _verify(
        uint8 which,
        address verifier,
        VerifierKind kind,
        bytes4 groth16Selector,
        uint256[] memory inputs,
        bytes calldata proof
    ) internal view {
        bytes memory data;
        if (kind == VerifierKind.Groth16) {
            // verifyProof(bytes proof, uint256[N] input): the static array sits inline in the
            // head after the bytes offset, so the bytes tail starts at 32 * (N + 1).
            uint256 pad = (32 - (proof.length % 32)) % 32;
            data = abi.encodePacked(
                groth16Selector, 32 * (inputs.length + 1), inputs, proof.length, proof, new bytes(pad)
            );
        } else {
            data = abi.encodeWithSelector(PLONK_VERIFY, proof, inputs);
        }
        (bool ok, bytes memory ret) = verifier.staticcall(data);
        if (!ok) revert ProofRejected(which);
        if (kind == VerifierKind.Plonk) {
            if (ret.length < 32 || abi.decode(ret, (uint256)) != 1) revert ProofRejected(which);
        }
    }

    function _groth16Selector(uint256 n) private pure returns (bytes4) {
        return bytes4(keccak256(abi.encodePacked("verifyProof(bytes,uint256[", _decimal(n), "])")));
    }

    function _decimal(uint256 v) private pure returns (bytes memory out) {
        if (v == 0) return "0";
        uint256 len;
        for (uint256 t = v; t != 0; t /= 10) {
            ++len;
        }
        out = new bytes(len);
        for (; v != 0; v /= 10) {
            out[--len] = bytes1(uint8(48 + (v % 10)));
        }
    }
}

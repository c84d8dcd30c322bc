package contracts

import (
	"errors"
	"fmt"
	"math/big"
	"strings"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/zktreasury/zktreasury/contracts/bindings/epochregistry"
)

// Sentinel errors, one per custom error of the registry contract. A revert decoded from the
// registry is a *RevertError that matches its sentinel with errors.Is.
var (
	// ErrBadConfig is returned by Deploy when the registry's constructor rejects its configuration
	// (zero address, zero delay, zero heartbeat, a genesis time in the future, a verifier or feed
	// without code, a price conversion beyond 10^76).
	ErrBadConfig = errors.New("bad registry config")
	// ErrFeedDecimalsMismatch is returned by Deploy when a feed's decimals() differs from the
	// decimals given in its FeedConfig.
	ErrFeedDecimalsMismatch = errors.New("feed decimals mismatch")
	// ErrFeedTooCoarse is returned by Deploy when a feed's current answer converts to fewer than
	// MinDeployPrice value units per circuit unit (0 included): its prices would round by more than 1 bps.
	ErrFeedTooCoarse = errors.New("feed conversion coarser than 1 bps")
	// ErrNotGovernance is returned when an account other than governance queues, executes or
	// cancels a policy, nominates the next governance, or unpauses.
	ErrNotGovernance = errors.New("caller is not governance")
	// ErrNotGuardianOrGovernance is returned when an account other than the guardian or
	// governance pauses or nominates the next guardian.
	ErrNotGuardianOrGovernance = errors.New("caller is neither guardian nor governance")
	// ErrNotPendingGovernance is returned by AcceptGovernance when the signer is not the nominee.
	ErrNotPendingGovernance = errors.New("caller is not the nominated governance")
	// ErrNotPendingGuardian is returned by AcceptGuardian when the signer is not the nominee.
	ErrNotPendingGuardian = errors.New("caller is not the nominated guardian")
	// ErrPaused is returned by SubmitEpoch while the registry is paused, and by Pause when it
	// already is.
	ErrPaused = errors.New("registry is paused")
	// ErrNotPaused is returned by Unpause when the registry is not paused.
	ErrNotPaused = errors.New("registry is not paused")
	// ErrNoPendingPolicy is returned by ExecutePolicy and CancelPolicy when no policy is queued.
	ErrNoPendingPolicy = errors.New("no pending policy")
	// ErrPolicyNotQueued is returned by ExecutePolicy and CancelPolicy when the queued
	// policy is not the (commitment, fromEpoch) the call names.
	ErrPolicyNotQueued = errors.New("another policy is queued")
	// ErrPolicyTooSoon is returned by QueuePolicy for a fromEpoch before the last epoch + 2 (the
	// epoch in progress keeps its policy); the RevertError carries minFromEpoch and fromEpoch.
	ErrPolicyTooSoon = errors.New("policy queued for an epoch too soon")
	// ErrTimelockNotReady is returned by ExecutePolicy before the queued policy's delay has
	// passed; the RevertError carries eta and nowTs.
	ErrTimelockNotReady = errors.New("policy timelock not ready")
	// ErrPolicyExpired is returned by ExecutePolicy after the queued policy's grace period; the
	// RevertError carries expiresAt and nowTs.
	ErrPolicyExpired = errors.New("queued policy expired")
	// ErrPolicyEpochPassed is returned by ExecutePolicy once the queued policy's fromEpoch
	// is recorded; the RevertError carries fromEpoch and lastEpoch.
	ErrPolicyEpochPassed = errors.New("queued policy's first epoch already recorded")
	// ErrEpochOutOfOrder is returned by SubmitEpoch when the epoch is not lastEpoch+1 (a replay
	// or a skipped epoch); the RevertError carries expected and got.
	ErrEpochOutOfOrder = errors.New("epoch out of order")
	// ErrStartNotPreviousEnd is returned by SubmitEpoch when the start time is not the
	// previous epoch's end (the genesis time for epoch 1); the RevertError carries expected and got.
	ErrStartNotPreviousEnd = errors.New("epoch start is not the previous epoch's end")
	// ErrEpochEndInFuture is returned by SubmitEpoch when the end time is after the block's
	// timestamp; the RevertError carries endTime and nowTs.
	ErrEpochEndInFuture = errors.New("epoch end in the future")
	// ErrEmptyEpoch is returned by SubmitEpoch when the end time is not after the start time.
	ErrEmptyEpoch = errors.New("epoch end not after its start")
	// ErrUnknownEpoch is returned by EpochRecord and LiabilitiesRoot for an epoch after the last
	// recorded one.
	ErrUnknownEpoch = errors.New("unknown epoch")
	// ErrUnknownAsset is returned when reading the feed of an asset index the registry does not
	// have.
	ErrUnknownAsset = errors.New("unknown asset")
	// ErrCountMismatch is returned by SubmitEpoch when the numbers of round ids, inflows and
	// outflows are not each the registry's number of assets.
	ErrCountMismatch = errors.New("round or flow count mismatch")
	// ErrNotInField is returned when a commitment or root is not below the BN254 scalar
	// field modulus, so it cannot be a public input.
	ErrNotInField = errors.New("value not in the BN254 scalar field")
	// ErrRoundUnavailable is returned by SubmitEpoch when a feed reverts on the named round, answers
	// it with another id, or has not updated it (updatedAt 0); the RevertError carries asset and roundId.
	ErrRoundUnavailable = errors.New("price round unavailable")
	// ErrInvalidFeedAnswer is returned by SubmitEpoch (and Deploy, for the current round) when a
	// round's answer is <= 0.
	ErrInvalidFeedAnswer = errors.New("invalid price feed answer")
	// ErrFutureRound is returned by SubmitEpoch when the named round's updatedAt is after the
	// block's timestamp.
	ErrFutureRound = errors.New("price round dated in the future")
	// ErrRoundAfterEpochEnd is returned by SubmitEpoch when the named round was updated after
	// the epoch's end: it was not the price at the end.
	ErrRoundAfterEpochEnd = errors.New("price round updated after the epoch's end")
	// ErrStaleRound is returned by SubmitEpoch when the named round was updated more than its
	// feed's heartbeat before the epoch's end; the RevertError carries asset, roundId, updatedAt and endTime.
	ErrStaleRound = errors.New("stale price round")
	// ErrRoundSuperseded is returned by SubmitEpoch when a later round was updated by the
	// epoch's end, so the named round was not the one in force; the RevertError carries nextRoundId.
	ErrRoundSuperseded = errors.New("price round superseded before the epoch's end")
	// ErrPriceOutOfRange is returned by SubmitEpoch (and Deploy) when a round's answer converts to a
	// circuit price of 0 or above 2^64 - 1.
	ErrPriceOutOfRange = errors.New("price outside [1, 2^64)")
	// ErrSequencerDown is returned by SubmitEpoch when the sequencer-uptime feed reports the
	// sequencer down (or cannot be read).
	ErrSequencerDown = errors.New("L2 sequencer down")
	// ErrSequencerGracePeriodNotOver is returned by SubmitEpoch within the grace period
	// after the sequencer came back up.
	ErrSequencerGracePeriodNotOver = errors.New("L2 sequencer grace period not over")
	// ErrProofRejected is returned by SubmitEpoch when the verifier rejects the proof against the
	// registry-built public inputs.
	ErrProofRejected = errors.New("proof rejected")

	// ErrReverted is returned when a call or transaction reverts with data that is not one of
	// the registry's custom errors (a Solidity Error(string), a Panic, or no data).
	ErrReverted = errors.New("execution reverted")
	// ErrNoTransactor is returned by Registry's transacting methods when it was made without
	// TransactOpts.
	ErrNoTransactor = errors.New("registry has no transactor; pass TransactOpts to NewRegistry")
)

// sentinels maps each custom error of the registry's ABI to its sentinel; a test checks that
// the two lists match.
var sentinels = map[string]error{
	"BadConfig":                   ErrBadConfig,
	"FeedDecimalsMismatch":        ErrFeedDecimalsMismatch,
	"FeedTooCoarse":               ErrFeedTooCoarse,
	"NotGovernance":               ErrNotGovernance,
	"NotGuardianOrGovernance":     ErrNotGuardianOrGovernance,
	"NotPendingGovernance":        ErrNotPendingGovernance,
	"NotPendingGuardian":          ErrNotPendingGuardian,
	"Paused":                      ErrPaused,
	"NotPaused":                   ErrNotPaused,
	"NoPendingPolicy":             ErrNoPendingPolicy,
	"PolicyNotQueued":             ErrPolicyNotQueued,
	"PolicyTooSoon":               ErrPolicyTooSoon,
	"TimelockNotReady":            ErrTimelockNotReady,
	"PolicyExpired":               ErrPolicyExpired,
	"PolicyEpochPassed":           ErrPolicyEpochPassed,
	"EpochOutOfOrder":             ErrEpochOutOfOrder,
	"StartNotPreviousEnd":         ErrStartNotPreviousEnd,
	"EpochEndInFuture":            ErrEpochEndInFuture,
	"EmptyEpoch":                  ErrEmptyEpoch,
	"UnknownEpoch":                ErrUnknownEpoch,
	"UnknownAsset":                ErrUnknownAsset,
	"CountMismatch":               ErrCountMismatch,
	"NotInField":                  ErrNotInField,
	"RoundUnavailable":            ErrRoundUnavailable,
	"InvalidFeedAnswer":           ErrInvalidFeedAnswer,
	"FutureRound":                 ErrFutureRound,
	"RoundAfterEpochEnd":          ErrRoundAfterEpochEnd,
	"StaleRound":                  ErrStaleRound,
	"RoundSuperseded":             ErrRoundSuperseded,
	"PriceOutOfRange":             ErrPriceOutOfRange,
	"SequencerDown":               ErrSequencerDown,
	"SequencerGracePeriodNotOver": ErrSequencerGracePeriodNotOver,
	"ProofRejected":               ErrProofRejected,
}

// RevertError is a revert of the registry decoded with its ABI.
type RevertError struct {
	// Name is the Solidity error's name, e.g. "EpochOutOfOrder".
	Name string
	// ArgNames and Args are the error's parameters in declaration order; integers are *big.Int
	// for uint256/int256 and uint8 for uint8.
	ArgNames []string
	Args     []any

	sentinel error
}

// Error formats the revert as Name(arg: value, ...).
func (e *RevertError) Error() string {
	var b strings.Builder
	b.WriteString(e.Name)
	b.WriteByte('(')
	for i, v := range e.Args {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%s: %v", e.ArgNames[i], v)
	}
	b.WriteByte(')')
	return b.String()
}

// Unwrap returns the sentinel of the same name, so errors.Is(err, ErrEpochOutOfOrder) works.
func (e *RevertError) Unwrap() error { return e.sentinel }

// Arg returns the named argument, or nil when the error has none by that name.
func (e *RevertError) Arg(name string) any {
	for i, n := range e.ArgNames {
		if n == name {
			return e.Args[i]
		}
	}
	return nil
}

// Uint returns the named argument as a *big.Int (uint8 arguments are converted), or nil when
// there is no integer argument by that name.
func (e *RevertError) Uint(name string) *big.Int {
	switch v := e.Arg(name).(type) {
	case *big.Int:
		return v
	case uint8:
		return new(big.Int).SetUint64(uint64(v))
	case uint64:
		return new(big.Int).SetUint64(v)
	}
	return nil
}

var registryABI = mustParseABI()

func mustParseABI() *abi.ABI {
	a, err := epochregistry.EpochRegistryMetaData.ParseABI()
	if err != nil {
		panic(fmt.Sprintf("contracts: generated registry ABI does not parse: %v", err)) // generated code: a bug, not input
	}
	return a
}

// DecodeRevert turns revert data returned by the registry into an error: a *RevertError for its
// custom errors, ErrReverted wrapped with the reason for Error(string) and Panic(uint256), and
// nil when data is not a revert it can read.
func DecodeRevert(data []byte) error {
	if len(data) < 4 {
		return nil
	}
	for name, e := range registryABI.Errors {
		if [4]byte(e.ID[:4]) != [4]byte(data[:4]) {
			continue
		}
		vals, err := e.Inputs.Unpack(data[4:])
		if err != nil {
			return fmt.Errorf("%w: undecodable %s: %v", ErrReverted, name, err)
		}
		re := &RevertError{Name: name, Args: vals, sentinel: sentinels[name]}
		for _, in := range e.Inputs {
			re.ArgNames = append(re.ArgNames, in.Name)
		}
		if re.sentinel == nil {
			re.sentinel = ErrReverted
		}
		return re
	}
	if reason, err := abi.UnpackRevert(data); err == nil {
		return fmt.Errorf("%w: %s", ErrReverted, reason)
	}
	return nil
}

// decodeCallError replaces an RPC error that carries revert data with the decoded revert, and
// returns any other error unchanged.
func decodeCallError(err error) error {
	if decoded, ok := revertFromRPC(err); ok {
		return decoded
	}
	return err
}

// revertFromRPC decodes the revert data an RPC error carries, if any.
func revertFromRPC(err error) (error, bool) {
	var de rpc.DataError
	if err == nil || !errors.As(err, &de) {
		return nil, false
	}
	s, ok := de.ErrorData().(string)
	if !ok {
		return nil, false
	}
	data, herr := hexutil.Decode(s)
	if herr != nil {
		return nil, false
	}
	decoded := DecodeRevert(data)
	return decoded, decoded != nil
}

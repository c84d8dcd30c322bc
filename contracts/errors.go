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
	// ErrBadConfig is returned by Deploy when the registry's constructor rejects its
	// configuration (zero address, zero delay, tolerance above 10000 bps, a verifier or feed
	// address without code, a zero price conversion term).
	ErrBadConfig = errors.New("bad registry config")
	// ErrFeedDecimalsMismatch is returned by Deploy when a feed's decimals() differs from the
	// decimals given in its FeedConfig.
	ErrFeedDecimalsMismatch = errors.New("feed decimals mismatch")
	// ErrNotGovernance is returned when an account other than governance queues, executes or
	// cancels a policy, or unpauses.
	ErrNotGovernance = errors.New("caller is not governance")
	// ErrNotGuardianOrGovernance is returned when an account other than the guardian or
	// governance pauses.
	ErrNotGuardianOrGovernance = errors.New("caller is neither guardian nor governance")
	// ErrPaused is returned by SubmitEpoch while the registry is paused, and by Pause when it
	// already is.
	ErrPaused = errors.New("registry is paused")
	// ErrNotPaused is returned by Unpause when the registry is not paused.
	ErrNotPaused = errors.New("registry is not paused")
	// ErrNoPendingPolicy is returned by ExecutePolicy and CancelPolicy when no policy is queued.
	ErrNoPendingPolicy = errors.New("no pending policy")
	// ErrTimelockNotReady is returned by ExecutePolicy before the queued policy's delay has
	// passed; the RevertError carries eta and nowTs.
	ErrTimelockNotReady = errors.New("policy timelock not ready")
	// ErrEpochOutOfOrder is returned by SubmitEpoch when the epoch is not lastEpoch+1 (a replay
	// or a skipped epoch); the RevertError carries expected and got.
	ErrEpochOutOfOrder = errors.New("epoch out of order")
	// ErrUnknownEpoch is returned by EpochRecord and LiabilitiesRoot for an epoch after the last
	// recorded one.
	ErrUnknownEpoch = errors.New("unknown epoch")
	// ErrPriceCountMismatch is returned by SubmitEpoch when the number of prices differs from
	// the registry's number of assets.
	ErrPriceCountMismatch = errors.New("price count mismatch")
	// ErrUnknownAsset is returned when reading the feed of an asset index the registry does not
	// have.
	ErrUnknownAsset = errors.New("unknown asset")
	// ErrNotInField is returned when a commitment, root or price is not below the BN254 scalar
	// field modulus, so it cannot be a public input.
	ErrNotInField = errors.New("value not in the BN254 scalar field")
	// ErrFeedUnavailable is returned by SubmitEpoch when an asset's feed reverts on
	// latestRoundData.
	ErrFeedUnavailable = errors.New("price feed unavailable")
	// ErrInvalidFeedAnswer is returned by SubmitEpoch when a feed answers a price <= 0, above
	// 2^128, or one that converts to a zero circuit price.
	ErrInvalidFeedAnswer = errors.New("invalid price feed answer")
	// ErrStalePrice is returned by SubmitEpoch when a feed's updatedAt is older than the
	// registry's maximum price age; the RevertError carries asset and updatedAt.
	ErrStalePrice = errors.New("stale price")
	// ErrPriceDeviation is returned by SubmitEpoch when a submitted price is further than the
	// tolerance from the feed's converted answer; the RevertError carries asset, submitted and
	// expected.
	ErrPriceDeviation = errors.New("price deviates from the oracle")
	// ErrProofRejected is returned by SubmitEpoch when a verifier rejects its proof against the
	// registry-built public inputs; the RevertError's which is 0 for solvency, 1 for compliance,
	// 2 for the epoch proof of Combined mode.
	ErrProofRejected = errors.New("proof rejected")
	// ErrWrongMode is returned by SubmitEpoch when the submission's proofs are for the other
	// mode (an epoch proof to a Separate registry, two proofs to a Combined one); the
	// RevertError's mode is the registry's (0 = Separate, 1 = Combined).
	ErrWrongMode = errors.New("submission for the other registry mode")

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
	"BadConfig":               ErrBadConfig,
	"FeedDecimalsMismatch":    ErrFeedDecimalsMismatch,
	"NotGovernance":           ErrNotGovernance,
	"NotGuardianOrGovernance": ErrNotGuardianOrGovernance,
	"Paused":                  ErrPaused,
	"NotPaused":               ErrNotPaused,
	"NoPendingPolicy":         ErrNoPendingPolicy,
	"TimelockNotReady":        ErrTimelockNotReady,
	"EpochOutOfOrder":         ErrEpochOutOfOrder,
	"UnknownEpoch":            ErrUnknownEpoch,
	"PriceCountMismatch":      ErrPriceCountMismatch,
	"UnknownAsset":            ErrUnknownAsset,
	"NotInField":              ErrNotInField,
	"FeedUnavailable":         ErrFeedUnavailable,
	"InvalidFeedAnswer":       ErrInvalidFeedAnswer,
	"StalePrice":              ErrStalePrice,
	"PriceDeviation":          ErrPriceDeviation,
	"ProofRejected":           ErrProofRejected,
	"WrongMode":               ErrWrongMode,
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

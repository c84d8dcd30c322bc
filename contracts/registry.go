package contracts

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/zktreasury/zktreasury/contracts/bindings/epochregistry"
)

// Registry is a handle on a deployed EpochRegistry. Reads need only the backend; submissions
// and governance calls are signed with the TransactOpts given to NewRegistry.
type Registry struct {
	address common.Address
	backend Backend
	auth    *bind.TransactOpts
	abi     *epochregistry.EpochRegistry
	bound   *bind.BoundContract
}

// NewRegistry returns a handle on the registry at address. auth may be nil for a read-only
// handle; its transacting methods then return ErrNoTransactor.
func NewRegistry(address common.Address, backend Backend, auth *bind.TransactOpts) (*Registry, error) {
	if backend == nil {
		return nil, errors.New("new registry: nil backend")
	}
	if address == (common.Address{}) {
		return nil, errors.New("new registry: zero address")
	}
	b := epochregistry.NewEpochRegistry()
	return &Registry{address: address, backend: backend, auth: auth, abi: b, bound: b.Instance(backend, address)}, nil
}

// Address is the registry's address.
func (r *Registry) Address() common.Address { return r.address }

// EpochSubmission is one epoch's claim and its two proofs. The registry adds the previous state
// and the policy in force from its own storage when it builds the proofs' public inputs.
type EpochSubmission struct {
	// Epoch must be the registry's last epoch + 1.
	Epoch uint64
	// StateCommitment is S(n), the state after this epoch's actions.
	StateCommitment *big.Int
	// LiabilitiesRoot is the root of the liabilities tree the solvency proof covers.
	LiabilitiesRoot *big.Int
	// ActionsCommitment is the hash chain over the epoch's executed actions.
	ActionsCommitment *big.Int
	// ActionCount is the number of actions in that chain.
	ActionCount uint64
	// Prices has one circuit price per asset, in the feeds' order.
	Prices []*big.Int
	// SolvencyProof and ComplianceProof are the proofs' Solidity encodings (gnark's
	// MarshalSolidity).
	SolvencyProof, ComplianceProof []byte
}

// Validate reports the first missing or out-of-field value, naming it.
func (s EpochSubmission) Validate() error {
	if s.Epoch == 0 {
		return errors.New("epoch 0 is genesis; submissions start at 1")
	}
	for _, f := range []struct {
		name string
		v    *big.Int
	}{{"state commitment", s.StateCommitment}, {"liabilities root", s.LiabilitiesRoot}, {"actions commitment", s.ActionsCommitment}} {
		if err := checkField(f.name, f.v); err != nil {
			return err
		}
	}
	if len(s.Prices) == 0 {
		return errors.New("no prices")
	}
	for i, p := range s.Prices {
		if err := checkField(fmt.Sprintf("prices[%d]", i), p); err != nil {
			return err
		}
	}
	if len(s.SolvencyProof) == 0 {
		return errors.New("solvency proof is empty")
	}
	if len(s.ComplianceProof) == 0 {
		return errors.New("compliance proof is empty")
	}
	return nil
}

// SubmitEpoch submits an epoch and waits for it to be mined. A revert comes back as a decoded
// error (ErrEpochOutOfOrder, ErrStalePrice, ErrPriceDeviation, ErrPaused, ErrProofRejected...);
// the receipt is returned when the transaction was mined, reverted or not.
func (r *Registry) SubmitEpoch(ctx context.Context, s EpochSubmission) (*types.Receipt, error) {
	if err := s.Validate(); err != nil {
		return nil, fmt.Errorf("submit epoch %d: %w", s.Epoch, err)
	}
	data, err := r.abi.TryPackSubmitEpoch(new(big.Int).SetUint64(s.Epoch), s.StateCommitment, s.LiabilitiesRoot,
		s.ActionsCommitment, s.ActionCount, s.Prices, s.SolvencyProof, s.ComplianceProof)
	if err != nil {
		return nil, fmt.Errorf("submit epoch %d: pack: %w", s.Epoch, err)
	}
	return r.transact(ctx, fmt.Sprintf("submit epoch %d", s.Epoch), data)
}

// Pause stops submissions; the guardian or governance may call it.
func (r *Registry) Pause(ctx context.Context) (*types.Receipt, error) {
	return r.transact(ctx, "pause", r.abi.PackPause())
}

// Unpause resumes submissions; only governance may call it.
func (r *Registry) Unpause(ctx context.Context) (*types.Receipt, error) {
	return r.transact(ctx, "unpause", r.abi.PackUnpause())
}

// QueuePolicy queues a new policy commitment behind the timelock (governance only).
func (r *Registry) QueuePolicy(ctx context.Context, commitment *big.Int) (*types.Receipt, error) {
	if err := checkField("policy commitment", commitment); err != nil {
		return nil, fmt.Errorf("queue policy: %w", err)
	}
	return r.transact(ctx, "queue policy", r.abi.PackQueuePolicy(commitment))
}

// ExecutePolicy puts the queued policy in force once its delay has passed (governance only).
func (r *Registry) ExecutePolicy(ctx context.Context) (*types.Receipt, error) {
	return r.transact(ctx, "execute policy", r.abi.PackExecutePolicy())
}

// CancelPolicy drops the queued policy (governance only).
func (r *Registry) CancelPolicy(ctx context.Context) (*types.Receipt, error) {
	return r.transact(ctx, "cancel policy", r.abi.PackCancelPolicy())
}

func (r *Registry) transact(ctx context.Context, what string, data []byte) (*types.Receipt, error) {
	if r.auth == nil {
		return nil, fmt.Errorf("%s: %w", what, ErrNoTransactor)
	}
	receipt, err := sendTx(ctx, r.backend, r.auth, r.address, r.bound, data)
	if err != nil {
		return receipt, fmt.Errorf("%s: %w", what, err)
	}
	return receipt, nil
}

// Status is the registry's state an operator needs before building the next submission.
type Status struct {
	// LastEpoch is the last recorded epoch, 0 before the first submission.
	LastEpoch uint64
	// CurrentState is the last recorded state commitment (S(0) at genesis): the next
	// compliance proof's previous state.
	CurrentState *big.Int
	// PolicyCommitment is the policy in force.
	PolicyCommitment *big.Int
	// Paused is true when submissions are stopped.
	Paused bool
	// PendingPolicy and PendingPolicyETA are the queued policy and when it can be executed;
	// PendingPolicyETA is the zero time when nothing is queued.
	PendingPolicy    *big.Int
	PendingPolicyETA time.Time
}

// Status reads the registry's status in one call, so its fields are consistent.
func (r *Registry) Status(ctx context.Context) (Status, error) {
	out, err := bind.Call(r.bound, &bind.CallOpts{Context: ctx}, r.abi.PackStatus(), r.abi.UnpackStatus)
	if err != nil {
		return Status{}, fmt.Errorf("registry status: %w", decodeCallError(err))
	}
	st := Status{
		LastEpoch:        out.LastEpoch.Uint64(),
		CurrentState:     out.CurrentState,
		PolicyCommitment: out.PolicyCommitment,
		Paused:           out.Paused,
		PendingPolicy:    out.PendingPolicy,
	}
	if out.PendingEta.Sign() != 0 {
		st.PendingPolicyETA = time.Unix(out.PendingEta.Int64(), 0).UTC()
	}
	return st, nil
}

// EpochRecord is what the registry keeps for one epoch; epoch 0 is the genesis state.
type EpochRecord struct {
	// Epoch is the record's epoch number.
	Epoch uint64
	// StateCommitment is S(n).
	StateCommitment *big.Int
	// LiabilitiesRoot is the root users check their inclusion proofs against.
	LiabilitiesRoot *big.Int
	// ActionsCommitment and ActionCount describe the epoch's action log.
	ActionsCommitment *big.Int
	ActionCount       uint64
	// RecordedAt is the timestamp of the block that recorded the epoch.
	RecordedAt time.Time
}

// EpochRecord reads epoch n's record; ErrUnknownEpoch when n is after the last epoch.
func (r *Registry) EpochRecord(ctx context.Context, n uint64) (EpochRecord, error) {
	out, err := bind.Call(r.bound, &bind.CallOpts{Context: ctx}, r.abi.PackEpochRecord(new(big.Int).SetUint64(n)), r.abi.UnpackEpochRecord)
	if err != nil {
		return EpochRecord{}, fmt.Errorf("epoch %d record: %w", n, decodeCallError(err))
	}
	return EpochRecord{
		Epoch:             n,
		StateCommitment:   out.StateCommitment,
		LiabilitiesRoot:   out.LiabilitiesRoot,
		ActionsCommitment: out.ActionsCommitment,
		ActionCount:       out.ActionCount,
		RecordedAt:        time.Unix(int64(out.Timestamp), 0).UTC(),
	}, nil
}

// LiabilitiesRoot reads epoch n's liabilities root; ErrUnknownEpoch when n is after the last
// epoch.
func (r *Registry) LiabilitiesRoot(ctx context.Context, n uint64) (*big.Int, error) {
	root, err := bind.Call(r.bound, &bind.CallOpts{Context: ctx}, r.abi.PackLiabilitiesRoot(new(big.Int).SetUint64(n)), r.abi.UnpackLiabilitiesRoot)
	if err != nil {
		return nil, fmt.Errorf("epoch %d liabilities root: %w", n, decodeCallError(err))
	}
	return root, nil
}

// Feed is one asset's feed as the registry has it.
type Feed struct {
	// Aggregator is the feed's address.
	Aggregator common.Address
	// PriceNum and PriceDen convert the feed's answer to a circuit price.
	PriceNum, PriceDen *big.Int
}

// Feeds reads every asset's feed, in asset order.
func (r *Registry) Feeds(ctx context.Context) ([]Feed, error) {
	opts := &bind.CallOpts{Context: ctx}
	n, err := bind.Call(r.bound, opts, r.abi.PackNumAssets(), r.abi.UnpackNumAssets)
	if err != nil {
		return nil, fmt.Errorf("registry feeds: %w", decodeCallError(err))
	}
	feeds := make([]Feed, 0, n.Uint64())
	for i := uint64(0); i < n.Uint64(); i++ {
		out, err := bind.Call(r.bound, opts, r.abi.PackFeed(new(big.Int).SetUint64(i)), r.abi.UnpackFeed)
		if err != nil {
			return nil, fmt.Errorf("registry feed %d: %w", i, decodeCallError(err))
		}
		feeds = append(feeds, Feed{Aggregator: out.Aggregator, PriceNum: out.PriceNum, PriceDen: out.PriceDen})
	}
	return feeds, nil
}

// ExpectedPrice is the circuit price the registry expects for a feed answer:
// answer * PriceNum / PriceDen, rounded down.
func (f Feed) ExpectedPrice(answer *big.Int) *big.Int {
	p := new(big.Int).Mul(answer, f.PriceNum)
	return p.Quo(p, f.PriceDen)
}

package contracts

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum"
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

	mu          sync.Mutex
	deployBlock *uint64
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

// EpochSubmission is one epoch's claim and its proofs: a solvency and a compliance proof for a
// registry in Separate mode, or one epoch proof for a registry in Combined mode. The registry
// adds the previous state and the policy in force from its own storage when it builds the
// proofs' public inputs.
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
	// MarshalSolidity), for Separate mode.
	SolvencyProof, ComplianceProof []byte
	// EpochProof is the epoch-circuit proof's Solidity encoding, for Combined mode.
	EpochProof []byte
}

// Mode is the registry mode the submission is for: Combined when it carries an epoch proof.
func (s EpochSubmission) Mode() Mode {
	if len(s.EpochProof) != 0 {
		return Combined
	}
	return Separate
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
	if s.Mode() == Combined {
		if len(s.SolvencyProof) != 0 || len(s.ComplianceProof) != 0 {
			return errors.New("both an epoch proof and separate proofs given; a registry takes one or the other")
		}
		return nil
	}
	if len(s.SolvencyProof) == 0 {
		return errors.New("solvency proof is empty")
	}
	if len(s.ComplianceProof) == 0 {
		return errors.New("compliance proof is empty")
	}
	return nil
}

// SubmitEpoch submits an epoch and waits for it to be mined: with submitEpochCombined when s
// carries an epoch proof, else with submitEpoch. A revert comes back as a decoded error
// (ErrEpochOutOfOrder, ErrStalePrice, ErrPriceDeviation, ErrPaused, ErrProofRejected,
// ErrWrongMode...); the receipt is returned when the transaction was mined, reverted or not.
func (r *Registry) SubmitEpoch(ctx context.Context, s EpochSubmission) (*types.Receipt, error) {
	data, err := packSubmission(s)
	if err != nil {
		return nil, err
	}
	return r.transact(ctx, fmt.Sprintf("submit epoch %d", s.Epoch), data)
}

// packSubmission validates s and returns the calldata of its submission.
func packSubmission(s EpochSubmission) ([]byte, error) {
	if err := s.Validate(); err != nil {
		return nil, fmt.Errorf("submit epoch %d: %w", s.Epoch, err)
	}
	b := epochregistry.NewEpochRegistry()
	epoch := new(big.Int).SetUint64(s.Epoch)
	var data []byte
	var err error
	if s.Mode() == Combined {
		data, err = b.TryPackSubmitEpochCombined(epoch, s.StateCommitment, s.LiabilitiesRoot, s.ActionsCommitment,
			s.ActionCount, s.Prices, s.EpochProof)
	} else {
		data, err = b.TryPackSubmitEpoch(epoch, s.StateCommitment, s.LiabilitiesRoot, s.ActionsCommitment,
			s.ActionCount, s.Prices, s.SolvencyProof, s.ComplianceProof)
	}
	if err != nil {
		return nil, fmt.Errorf("submit epoch %d: pack: %w", s.Epoch, err)
	}
	return data, nil
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
	// LastRecordedAt is the timestamp of the block that recorded the last epoch (the deploy's
	// block for genesis).
	LastRecordedAt time.Time
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
		LastRecordedAt:   time.Unix(out.LastRecordedAt.Int64(), 0).UTC(),
	}
	if out.PendingEta.Sign() != 0 {
		st.PendingPolicyETA = time.Unix(out.PendingEta.Int64(), 0).UTC()
	}
	return st, nil
}

// EpochRecord is one recorded epoch; epoch 0 is the genesis state. The registry stores only the
// liabilities root per epoch; the rest comes from the epoch's EpochRecorded event.
type EpochRecord struct {
	// Epoch is the record's epoch number.
	Epoch uint64
	// StateCommitment is S(n).
	StateCommitment *big.Int
	// LiabilitiesRoot is the root users check their inclusion proofs against (0 for genesis).
	LiabilitiesRoot *big.Int
	// ActionsCommitment and ActionCount describe the epoch's action log.
	ActionsCommitment *big.Int
	ActionCount       uint64
	// PolicyCommitment is the policy the epoch's proofs were checked against.
	PolicyCommitment *big.Int
	// Block, TxHash and RecordedAt locate the transaction that recorded the epoch (the
	// registry's creation for genesis) and its block's timestamp.
	Block      uint64
	TxHash     common.Hash
	RecordedAt time.Time
}

// DeployBlock reads the block the registry was created in (cached after the first call).
func (r *Registry) DeployBlock(ctx context.Context) (uint64, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.deployBlock != nil {
		return *r.deployBlock, nil
	}
	b, err := bind.Call(r.bound, &bind.CallOpts{Context: ctx}, r.abi.PackDeployBlock(), r.abi.UnpackDeployBlock)
	if err != nil {
		return 0, fmt.Errorf("registry deploy block: %w", decodeCallError(err))
	}
	v := b.Uint64()
	r.deployBlock = &v
	return v, nil
}

// EpochRecord reads epoch n's record: the liabilities root from storage (ErrUnknownEpoch when n
// is after the last epoch) and the rest from the epoch's EpochRecorded event, which must agree
// with it.
func (r *Registry) EpochRecord(ctx context.Context, n uint64) (EpochRecord, error) {
	root, err := r.LiabilitiesRoot(ctx, n)
	if err != nil {
		return EpochRecord{}, fmt.Errorf("epoch %d record: %w", n, err)
	}
	from, err := r.DeployBlock(ctx)
	if err != nil {
		return EpochRecord{}, fmt.Errorf("epoch %d record: %w", n, err)
	}
	event := r.abi.GetABI().Events[epochregistry.EpochRegistryEpochRecordedEventName]
	logs, err := r.backend.FilterLogs(ctx, ethereum.FilterQuery{
		FromBlock: new(big.Int).SetUint64(from),
		Addresses: []common.Address{r.address},
		Topics:    [][]common.Hash{{event.ID}, {common.BigToHash(new(big.Int).SetUint64(n))}},
	})
	if err != nil {
		return EpochRecord{}, fmt.Errorf("epoch %d record: read EpochRecorded logs from block %d: %w", n, from, err)
	}
	var found []types.Log
	for _, l := range logs {
		if !l.Removed {
			found = append(found, l)
		}
	}
	if len(found) != 1 {
		return EpochRecord{}, fmt.Errorf("epoch %d record: %d EpochRecorded events from block %d, want 1 (does the node keep old logs?)", n, len(found), from)
	}
	l := found[0]
	ev, err := r.abi.UnpackEpochRecordedEvent(&l)
	if err != nil {
		return EpochRecord{}, fmt.Errorf("epoch %d record: decode EpochRecorded: %w", n, err)
	}
	if ev.LiabilitiesRoot.Cmp(root) != 0 {
		return EpochRecord{}, fmt.Errorf("epoch %d record: the event's liabilities root %#x differs from the stored %#x", n, ev.LiabilitiesRoot, root)
	}
	if !ev.ActionCount.IsUint64() {
		return EpochRecord{}, fmt.Errorf("epoch %d record: action count %v does not fit 64 bits", n, ev.ActionCount)
	}
	header, err := r.backend.HeaderByNumber(ctx, new(big.Int).SetUint64(l.BlockNumber))
	if err != nil {
		return EpochRecord{}, fmt.Errorf("epoch %d record: header of block %d: %w", n, l.BlockNumber, err)
	}
	return EpochRecord{
		Epoch:             n,
		StateCommitment:   ev.StateCommitment,
		LiabilitiesRoot:   root,
		ActionsCommitment: ev.ActionsCommitment,
		ActionCount:       ev.ActionCount.Uint64(),
		PolicyCommitment:  ev.PolicyCommitment,
		Block:             l.BlockNumber,
		TxHash:            l.TxHash,
		RecordedAt:        time.Unix(int64(header.Time), 0).UTC(),
	}, nil
}

// Config is what the registry fixed at deploy and the client needs to talk to it.
type Config struct {
	// Mode is Separate or Combined.
	Mode Mode
	// SolvencyVerifier, ComplianceVerifier (Separate) and EpochVerifier (Combined) are the
	// verifiers and the ABI each speaks; the unused ones are zero.
	SolvencyVerifier, ComplianceVerifier, EpochVerifier common.Address
	SolvencyKind, ComplianceKind, EpochKind             VerifierKind
	// NumAssets is the number of prices a submission carries.
	NumAssets int
	// DeployBlock is the block the registry was created in.
	DeployBlock uint64
	// Governance and Guardian are the roles.
	Governance, Guardian common.Address
}

// Config reads the registry's deploy-time configuration.
func (r *Registry) Config(ctx context.Context) (Config, error) {
	opts := &bind.CallOpts{Context: ctx}
	var c Config
	var err error
	call := func(name string, f func() error) {
		if err == nil {
			if e := f(); e != nil {
				err = fmt.Errorf("registry config: %s: %w", name, decodeCallError(e))
			}
		}
	}
	call("mode", func() error {
		m, e := bind.Call(r.bound, opts, r.abi.PackMode(), r.abi.UnpackMode)
		c.Mode = Mode(m)
		return e
	})
	for _, v := range []struct {
		name     string
		pack     []byte
		unpackA  func([]byte) (common.Address, error)
		packKind []byte
		unpackK  func([]byte) (uint8, error)
		addr     *common.Address
		kind     *VerifierKind
	}{
		{"solvency verifier", r.abi.PackSolvencyVerifier(), r.abi.UnpackSolvencyVerifier, r.abi.PackSolvencyKind(), r.abi.UnpackSolvencyKind, &c.SolvencyVerifier, &c.SolvencyKind},
		{"compliance verifier", r.abi.PackComplianceVerifier(), r.abi.UnpackComplianceVerifier, r.abi.PackComplianceKind(), r.abi.UnpackComplianceKind, &c.ComplianceVerifier, &c.ComplianceKind},
		{"epoch verifier", r.abi.PackEpochVerifier(), r.abi.UnpackEpochVerifier, r.abi.PackEpochKind(), r.abi.UnpackEpochKind, &c.EpochVerifier, &c.EpochKind},
	} {
		call(v.name, func() error {
			a, e := bind.Call(r.bound, opts, v.pack, v.unpackA)
			*v.addr = a
			return e
		})
		call(v.name+" kind", func() error {
			k, e := bind.Call(r.bound, opts, v.packKind, v.unpackK)
			*v.kind = VerifierKind(k)
			return e
		})
	}
	call("numAssets", func() error {
		n, e := bind.Call(r.bound, opts, r.abi.PackNumAssets(), r.abi.UnpackNumAssets)
		if e == nil {
			c.NumAssets = int(n.Int64())
		}
		return e
	})
	call("governance", func() error {
		a, e := bind.Call(r.bound, opts, r.abi.PackGovernance(), r.abi.UnpackGovernance)
		c.Governance = a
		return e
	})
	call("guardian", func() error {
		a, e := bind.Call(r.bound, opts, r.abi.PackGuardian(), r.abi.UnpackGuardian)
		c.Guardian = a
		return e
	})
	if err != nil {
		return Config{}, err
	}
	if c.DeployBlock, err = r.DeployBlock(ctx); err != nil {
		return Config{}, fmt.Errorf("registry config: %w", err)
	}
	return c, nil
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

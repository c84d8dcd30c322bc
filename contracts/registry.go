package contracts

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"math/big"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/zktreasury/zktreasury/contracts/bindings/epochgroth16verifier"
	"github.com/zktreasury/zktreasury/contracts/bindings/epochplonkverifier"
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

// EpochSubmission is one epoch's claim and its proof. The registry adds the previous state and
// the policy that judges the epoch from its own storage, and the prices from the named rounds,
// when it builds the proof's public inputs.
type EpochSubmission struct {
	// Epoch must be the registry's last epoch + 1.
	Epoch uint64
	// StartTime and EndTime (unix seconds) bound the epoch, [StartTime, EndTime): StartTime is
	// the previous epoch's end, EndTime is not after the block that records it.
	StartTime, EndTime uint64
	// StateCommitment is S(n), the state after this epoch's actions.
	StateCommitment *big.Int
	// LiabilitiesRoot is the root of the liabilities tree the proof covers.
	LiabilitiesRoot *big.Int
	// ActionsCommitment is the hash chain over the epoch's executed actions.
	ActionsCommitment *big.Int
	// ActionCount is the number of actions in that chain.
	ActionCount uint64
	// RoundIDs names, per asset in feed order, the Chainlink round (uint80) the epoch was
	// priced at: the round in force at EndTime.
	RoundIDs []*big.Int
	// Inflows and Outflows are, per asset, the circuit units that entered and left the treasury.
	Inflows, Outflows []uint64
	// Proof is the epoch-circuit proof's Solidity encoding (gnark's MarshalSolidity).
	Proof []byte
}

// Validate reports the first missing or out-of-range value, naming it.
func (s EpochSubmission) Validate() error {
	if s.Epoch == 0 {
		return errors.New("epoch 0 is genesis; submissions start at 1")
	}
	if s.EndTime <= s.StartTime {
		return fmt.Errorf("end time %d is not after start time %d", s.EndTime, s.StartTime)
	}
	for _, f := range []struct {
		name string
		v    *big.Int
	}{{"state commitment", s.StateCommitment}, {"liabilities root", s.LiabilitiesRoot}, {"actions commitment", s.ActionsCommitment}} {
		if err := checkField(f.name, f.v); err != nil {
			return err
		}
	}
	if len(s.RoundIDs) == 0 {
		return errors.New("no round ids")
	}
	if len(s.Inflows) != len(s.RoundIDs) || len(s.Outflows) != len(s.RoundIDs) {
		return fmt.Errorf("%d round ids, %d inflows and %d outflows: want one of each per asset", len(s.RoundIDs), len(s.Inflows), len(s.Outflows))
	}
	for i, id := range s.RoundIDs {
		if id == nil || id.Sign() <= 0 || id.Cmp(maxUint80) > 0 {
			return fmt.Errorf("roundIds[%d] = %v is not a Chainlink round id in [1, 2^80)", i, id)
		}
	}
	if len(s.Proof) == 0 {
		return errors.New("proof is empty")
	}
	return nil
}

// binding is the submission as the generated bindings take it.
func (s EpochSubmission) binding() epochregistry.EpochRegistrySubmission {
	return epochregistry.EpochRegistrySubmission{
		Epoch: s.Epoch, StartTime: s.StartTime, EndTime: s.EndTime,
		NewState: s.StateCommitment, LiabilitiesRoot: s.LiabilitiesRoot, ActionsCommitment: s.ActionsCommitment,
		ActionCount: s.ActionCount, RoundIds: s.RoundIDs, Inflows: s.Inflows, Outflows: s.Outflows,
	}
}

// SubmitEpoch submits an epoch and waits for it to be mined. A revert comes back as a decoded
// error (ErrEpochOutOfOrder, ErrStartNotPreviousEnd, ErrStaleRound, ErrRoundSuperseded,
// ErrPaused, ErrProofRejected...); the receipt is returned when the transaction was mined,
// reverted or not.
func (r *Registry) SubmitEpoch(ctx context.Context, s EpochSubmission) (*types.Receipt, error) {
	data, err := PackSubmission(s)
	if err != nil {
		return nil, err
	}
	return r.transact(ctx, fmt.Sprintf("submit epoch %d", s.Epoch), data)
}

// PackSubmission validates s and returns the calldata of its submitEpoch call.
func PackSubmission(s EpochSubmission) ([]byte, error) {
	if err := s.Validate(); err != nil {
		return nil, fmt.Errorf("submit epoch %d: %w", s.Epoch, err)
	}
	data, err := epochregistry.NewEpochRegistry().TryPackSubmitEpoch(s.binding(), s.Proof)
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

// QueuePolicy queues a policy commitment to judge epochs from fromEpoch (at least the last
// epoch + 2) behind the timelock (governance only). It replaces a queued one.
func (r *Registry) QueuePolicy(ctx context.Context, commitment *big.Int, fromEpoch uint64) (*types.Receipt, error) {
	if err := checkField("policy commitment", commitment); err != nil {
		return nil, fmt.Errorf("queue policy: %w", err)
	}
	return r.transact(ctx, "queue policy", r.abi.PackQueuePolicy(commitment, fromEpoch))
}

// ExecutePolicy executes the queued policy once its delay has passed, before it expires and
// while its fromEpoch is not recorded (governance only).
//
// commitment and fromEpoch name the queued policy meant; the registry refuses
// (PolicyNotQueued) when another is queued.
func (r *Registry) ExecutePolicy(ctx context.Context, commitment *big.Int, fromEpoch uint64) (*types.Receipt, error) {
	return r.transact(ctx, "execute policy", r.abi.PackExecutePolicy(commitment, fromEpoch))
}

// CancelPolicy drops the queued policy named by commitment and fromEpoch
// (governance only).
func (r *Registry) CancelPolicy(ctx context.Context, commitment *big.Int, fromEpoch uint64) (*types.Receipt, error) {
	return r.transact(ctx, "cancel policy", r.abi.PackCancelPolicy(commitment, fromEpoch))
}

// TransferGovernance nominates the next governance (governance only); the zero address
// withdraws a nomination. The nominee takes over with AcceptGovernance.
func (r *Registry) TransferGovernance(ctx context.Context, next common.Address) (*types.Receipt, error) {
	return r.transact(ctx, "transfer governance", r.abi.PackTransferGovernance(next))
}

// AcceptGovernance makes the signer, who must be the nominee, the governance.
func (r *Registry) AcceptGovernance(ctx context.Context) (*types.Receipt, error) {
	return r.transact(ctx, "accept governance", r.abi.PackAcceptGovernance())
}

// TransferGuardian nominates the next guardian (the guardian or governance); the zero address
// withdraws a nomination. The nominee takes over with AcceptGuardian.
func (r *Registry) TransferGuardian(ctx context.Context, next common.Address) (*types.Receipt, error) {
	return r.transact(ctx, "transfer guardian", r.abi.PackTransferGuardian(next))
}

// AcceptGuardian makes the signer, who must be the nominee, the guardian.
func (r *Registry) AcceptGuardian(ctx context.Context) (*types.Receipt, error) {
	return r.transact(ctx, "accept guardian", r.abi.PackAcceptGuardian())
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

// PendingPolicy is a queued policy change.
type PendingPolicy struct {
	// Commitment is the queued policy commitment; it would judge epochs from FromEpoch.
	Commitment *big.Int
	FromEpoch  uint64
	// ETA and ExpiresAt bound when it can be executed (also only while FromEpoch is not
	// recorded).
	ETA, ExpiresAt time.Time
}

// Status is the registry's state an operator needs before building the next submission.
type Status struct {
	// LastEpoch is the last recorded epoch, 0 before the first submission.
	LastEpoch uint64
	// LastEnd is the last epoch's end (the genesis time before epoch 1): the next epoch's start.
	LastEnd time.Time
	// CurrentState is the last recorded state commitment (S(0) at genesis): the next proof's
	// previous state.
	CurrentState *big.Int
	// NextPolicy is the policy commitment that judges epoch LastEpoch + 1.
	NextPolicy *big.Int
	// Paused is true when submissions are stopped.
	Paused bool
	// RecordHash is the hash of the last epoch's record, the head of the record chain.
	RecordHash common.Hash
	// Pending is the queued policy change, nil when nothing is queued.
	Pending *PendingPolicy
}

// Status reads the registry's status in one call, so its fields are consistent (and the policy
// grace period, to say when a queued policy expires).
func (r *Registry) Status(ctx context.Context) (Status, error) {
	opts := &bind.CallOpts{Context: ctx}
	v, err := bind.Call(r.bound, opts, r.abi.PackStatus(), r.abi.UnpackStatus)
	if err != nil {
		return Status{}, fmt.Errorf("registry status: %w", decodeCallError(err))
	}
	st := Status{
		LastEpoch:    v.LastEpoch,
		LastEnd:      unixUTC(v.LastEnd),
		CurrentState: v.CurrentState,
		NextPolicy:   v.NextPolicy,
		Paused:       v.Paused,
		RecordHash:   v.RecordHash,
	}
	if v.Pending.Eta != 0 {
		grace, err := bind.Call(r.bound, opts, r.abi.PackPolicyGracePeriod(), r.abi.UnpackPolicyGracePeriod)
		if err != nil {
			return Status{}, fmt.Errorf("registry policy grace period: %w", decodeCallError(err))
		}
		st.Pending = &PendingPolicy{Commitment: v.Pending.Commitment, FromEpoch: v.Pending.FromEpoch,
			ETA: unixUTC(v.Pending.Eta), ExpiresAt: unixUTC(v.Pending.Eta + grace)}
	}
	return st, nil
}

func unixUTC(s uint64) time.Time { return time.Unix(int64(s), 0).UTC() }

// PolicyChange is an executed policy and the first epoch it judges.
type PolicyChange struct {
	// FromEpoch is the first epoch the policy judges.
	FromEpoch uint64
	// Commitment is the policy commitment.
	Commitment *big.Int
}

// PolicyHistory reads every executed policy in FromEpoch order, from the genesis policy
// (FromEpoch 0). Epoch n is judged by the last entry with FromEpoch <= n; entries after the
// next epoch are scheduled and a later execution may replace them.
func (r *Registry) PolicyHistory(ctx context.Context) ([]PolicyChange, error) {
	h, err := bind.Call(r.bound, &bind.CallOpts{Context: ctx}, r.abi.PackPolicyHistory(), r.abi.UnpackPolicyHistory)
	if err != nil {
		return nil, fmt.Errorf("registry policy history: %w", decodeCallError(err))
	}
	out := make([]PolicyChange, len(h))
	for i, c := range h {
		out[i] = PolicyChange{FromEpoch: c.FromEpoch, Commitment: c.Commitment}
	}
	return out, nil
}

// PolicyFor reads the policy commitment that judges (or judged) epoch n.
func (r *Registry) PolicyFor(ctx context.Context, n uint64) (*big.Int, error) {
	p, err := bind.Call(r.bound, &bind.CallOpts{Context: ctx}, r.abi.PackPolicyFor(new(big.Int).SetUint64(n)), r.abi.UnpackPolicyFor)
	if err != nil {
		return nil, fmt.Errorf("registry policy for epoch %d: %w", n, decodeCallError(err))
	}
	return p, nil
}

// EpochRecord is one recorded epoch, as its EpochRecorded event carries it; epoch 0 is the
// genesis state.
type EpochRecord struct {
	// Epoch is the record's epoch number.
	Epoch uint64
	// Start and End bound the epoch, [Start, End) (both the genesis time for epoch 0).
	Start, End time.Time
	// StateCommitment is S(n).
	StateCommitment *big.Int
	// LiabilitiesRoot is the root users check their inclusion proofs against (0 for genesis).
	LiabilitiesRoot *big.Int
	// ActionsCommitment and ActionCount describe the epoch's action log.
	ActionsCommitment *big.Int
	ActionCount       uint64
	// PolicyCommitment is the policy the epoch's proof was checked against.
	PolicyCommitment *big.Int
	// PrevStateCommitment is S(n-1), the state the epoch started from (0 for genesis).
	PrevStateCommitment *big.Int
	// RoundIDs, Prices, Inflows and Outflows are per asset, in feed order: the Chainlink round
	// priced at, the circuit price the registry derived from it, and the circuit units that
	// entered and left the treasury (all empty for genesis).
	RoundIDs, Prices  []*big.Int
	Inflows, Outflows []uint64
	// PrevRecordHash and RecordHash chain the records: RecordHash is keccak256 of the event's
	// packed record (ParseRecord), and PrevRecordHash is the previous epoch's (zero for genesis).
	PrevRecordHash, RecordHash common.Hash
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

// EpochRecord reads epoch n's record from its EpochRecorded event (ErrUnknownEpoch when n is
// after the last epoch), and checks it against storage: its record hash is the hash of its
// data, its liabilities root is the one the registry stored, its policy is PolicyFor(n), and
// for the last epoch its record hash is the stored head and its state the current state.
// (An older epoch's other fields are bound only by the chain of records: Records checks it.)
func (r *Registry) EpochRecord(ctx context.Context, n uint64) (EpochRecord, error) {
	root, err := r.LiabilitiesRoot(ctx, n)
	if err != nil {
		return EpochRecord{}, fmt.Errorf("epoch %d record: %w", n, err)
	}
	recs, err := r.records(ctx, &n)
	if err != nil {
		return EpochRecord{}, fmt.Errorf("epoch %d record: %w", n, err)
	}
	if len(recs) != 1 {
		return EpochRecord{}, fmt.Errorf("epoch %d record: %d EpochRecorded events, want 1 (does the node keep old logs?)", n, len(recs))
	}
	rec := recs[0]
	if rec.LiabilitiesRoot.Cmp(root) != 0 {
		return EpochRecord{}, fmt.Errorf("epoch %d record: the event's liabilities root %#x differs from the stored %#x", n, rec.LiabilitiesRoot, root)
	}
	policy, err := r.PolicyFor(ctx, n)
	if err != nil {
		return EpochRecord{}, fmt.Errorf("epoch %d record: %w", n, err)
	}
	if rec.PolicyCommitment.Cmp(policy) != 0 {
		return EpochRecord{}, fmt.Errorf("epoch %d record: the event's policy %#x is not the registry's policy for the epoch %#x", n, rec.PolicyCommitment, policy)
	}
	st, err := r.Status(ctx)
	if err != nil {
		return EpochRecord{}, fmt.Errorf("epoch %d record: %w", n, err)
	}
	if n == st.LastEpoch && (rec.RecordHash != st.RecordHash || rec.StateCommitment.Cmp(st.CurrentState) != 0) {
		return EpochRecord{}, fmt.Errorf("epoch %d record: hash %s and state %#x, the registry's head is %s and state %#x", n, rec.RecordHash, rec.StateCommitment, st.RecordHash, st.CurrentState)
	}
	if err := r.stamp(ctx, &rec); err != nil {
		return EpochRecord{}, fmt.Errorf("epoch %d record: %w", n, err)
	}
	return rec, nil
}

// Records reads every record from genesis to the last epoch and checks the chain: epochs 0..n
// in order, each record's PrevRecordHash the previous RecordHash and its PrevStateCommitment the
// previous StateCommitment, and the last RecordHash the registry's stored head. RecordedAt is left zero (one header read per epoch otherwise).
func (r *Registry) Records(ctx context.Context) ([]EpochRecord, error) {
	st, err := r.Status(ctx)
	if err != nil {
		return nil, err
	}
	recs, err := r.records(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("registry records: %w", err)
	}
	if uint64(len(recs)) != st.LastEpoch+1 {
		return nil, fmt.Errorf("registry records: %d EpochRecorded events for epochs 0..%d (does the node keep old logs?)", len(recs), st.LastEpoch)
	}
	var prev common.Hash
	for i, rec := range recs {
		if rec.Epoch != uint64(i) {
			return nil, fmt.Errorf("registry records: event %d is for epoch %d", i, rec.Epoch)
		}
		if rec.PrevRecordHash != prev {
			return nil, fmt.Errorf("registry records: epoch %d's previous record hash %s is not epoch %d's %s", i, rec.PrevRecordHash, i-1, prev)
		}
		if i > 0 && rec.PrevStateCommitment.Cmp(recs[i-1].StateCommitment) != 0 {
			return nil, fmt.Errorf("registry records: epoch %d starts from state %#x, epoch %d ended at %#x", i, rec.PrevStateCommitment, i-1, recs[i-1].StateCommitment)
		}
		prev = rec.RecordHash
	}
	if prev != st.RecordHash {
		return nil, fmt.Errorf("registry records: the last record hash %s is not the registry's %s", prev, st.RecordHash)
	}
	return recs, nil
}

// records reads and decodes EpochRecorded events from the deploy block: epoch *n's only, or
// all when n is nil, in log order. Each record's hash is checked against its data.
func (r *Registry) records(ctx context.Context, n *uint64) ([]EpochRecord, error) {
	from, err := r.DeployBlock(ctx)
	if err != nil {
		return nil, err
	}
	event := r.abi.GetABI().Events[epochregistry.EpochRegistryEpochRecordedEventName]
	topics := [][]common.Hash{{event.ID}}
	if n != nil {
		topics = append(topics, []common.Hash{common.BigToHash(new(big.Int).SetUint64(*n))})
	}
	logs, err := r.backend.FilterLogs(ctx, ethereum.FilterQuery{
		FromBlock: new(big.Int).SetUint64(from), Addresses: []common.Address{r.address}, Topics: topics,
	})
	if err != nil {
		return nil, fmt.Errorf("read EpochRecorded logs from block %d: %w", from, err)
	}
	var out []EpochRecord
	for i := range logs {
		l := logs[i]
		if l.Removed {
			continue
		}
		ev, err := r.abi.UnpackEpochRecordedEvent(&l)
		if err != nil {
			return nil, fmt.Errorf("decode EpochRecorded in tx %s: %w", l.TxHash, err)
		}
		h := crypto.Keccak256Hash(ev.Record)
		if !bytes.Equal(h[:], ev.RecordHash[:]) {
			return nil, fmt.Errorf("EpochRecorded of epoch %v in tx %s: record hash %x is not the hash of its record %s", ev.Epoch, l.TxHash, ev.RecordHash, h)
		}
		rec, err := ParseRecord(ev.Record)
		if err != nil {
			return nil, fmt.Errorf("EpochRecorded of epoch %v in tx %s: %w", ev.Epoch, l.TxHash, err)
		}
		if ev.Epoch == nil || !ev.Epoch.IsUint64() || ev.Epoch.Uint64() != rec.Epoch {
			return nil, fmt.Errorf("EpochRecorded in tx %s: topic epoch %v, the record's %d", l.TxHash, ev.Epoch, rec.Epoch)
		}
		rec.RecordHash, rec.Block, rec.TxHash = h, l.BlockNumber, l.TxHash
		out = append(out, rec)
	}
	return out, nil
}

// RecordHeaderLen is the length of a packed record without its per-asset part: the previous
// record hash (32), five field elements (5 x 32) and four uint64s (4 x 8).
const RecordHeaderLen = 32 + 5*32 + 4*8

// recordAssetLen is a packed record's length per asset: price, inflow and outflow (uint64) and
// the round id (uint80).
const recordAssetLen = 3*8 + 10

// ParseRecord decodes a packed EpochRecorded record: prevRecordHash ‖ the statement (the epoch
// circuit's public-hash preimage: policy, S(n-1), S(n), liabilities root, actions commitment
// as 32-byte words; action count, epoch, start, end as uint64; per asset the prices, then the
// inflows, then the outflows as uint64) ‖ per asset the round id (uint80). The number of
// assets follows from the length. RecordHash, Block, TxHash and RecordedAt are left zero.
func ParseRecord(b []byte) (EpochRecord, error) {
	if len(b) < RecordHeaderLen || (len(b)-RecordHeaderLen)%recordAssetLen != 0 {
		return EpochRecord{}, fmt.Errorf("record of %d bytes: want %d + %d per asset", len(b), RecordHeaderLen, recordAssetLen)
	}
	n := (len(b) - RecordHeaderLen) / recordAssetLen
	word := func(i int) *big.Int { return new(big.Int).SetBytes(b[32+32*i : 64+32*i]) }
	u64 := func(off int) uint64 { return binary.BigEndian.Uint64(b[off : off+8]) }
	ints := 32 + 5*32
	rec := EpochRecord{
		PrevRecordHash: common.BytesToHash(b[:32]), PolicyCommitment: word(0), StateCommitment: word(2),
		LiabilitiesRoot: word(3), ActionsCommitment: word(4),
		ActionCount: u64(ints), Epoch: u64(ints + 8), Start: unixUTC(u64(ints + 16)), End: unixUTC(u64(ints + 24)),
		RoundIDs: []*big.Int{}, Prices: []*big.Int{}, Inflows: []uint64{}, Outflows: []uint64{},
	}
	rec.PrevStateCommitment = word(1)
	flows := RecordHeaderLen
	ids := flows + 24*n
	for i := range n {
		rec.Prices = append(rec.Prices, new(big.Int).SetUint64(u64(flows+8*i)))
		rec.Inflows = append(rec.Inflows, u64(flows+8*(n+i)))
		rec.Outflows = append(rec.Outflows, u64(flows+8*(2*n+i)))
		rec.RoundIDs = append(rec.RoundIDs, new(big.Int).SetBytes(b[ids+10*i:ids+10*i+10]))
	}
	return rec, nil
}

// stamp sets a record's RecordedAt from its block's header.
func (r *Registry) stamp(ctx context.Context, rec *EpochRecord) error {
	header, err := r.backend.HeaderByNumber(ctx, new(big.Int).SetUint64(rec.Block))
	if err != nil {
		return fmt.Errorf("header of block %d: %w", rec.Block, err)
	}
	rec.RecordedAt = unixUTC(header.Time)
	return nil
}

// Config is what the registry fixed at deploy, and its roles.
type Config struct {
	// Verifier is the epoch-circuit verifier and VerifierKind the ABI it speaks.
	Verifier     common.Address
	VerifierKind VerifierKind
	// NumAssets is the number of rounds and flows a submission carries.
	NumAssets int
	// TreeCapacity is the liabilities tree's capacity: the tree shape a user's inclusion check
	// takes.
	TreeCapacity uint64
	// ValueDecimals is the value scale: value units are 10^-ValueDecimals USD.
	ValueDecimals uint8
	// GenesisTime is epoch 1's start.
	GenesisTime time.Time
	// PolicyDelay and PolicyGracePeriod bound when a queued policy can be executed.
	PolicyDelay, PolicyGracePeriod time.Duration
	// Sequencer is the L2 sequencer-uptime feed, nil when there is none.
	Sequencer *SequencerConfig
	// DeployBlock is the block the registry was created in.
	DeployBlock uint64
	// Governance and Guardian are the roles; PendingGovernance and PendingGuardian their
	// nominees (zero when none).
	Governance, Guardian, PendingGovernance, PendingGuardian common.Address
}

// Config reads the registry's deploy-time configuration and roles.
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
	call("verifier", func() (e error) {
		c.Verifier, e = bind.Call(r.bound, opts, r.abi.PackVerifier(), r.abi.UnpackVerifier)
		return e
	})
	call("verifierKind", func() error {
		k, e := bind.Call(r.bound, opts, r.abi.PackVerifierKind(), r.abi.UnpackVerifierKind)
		c.VerifierKind = VerifierKind(k)
		return e
	})
	call("numAssets", func() error {
		n, e := bind.Call(r.bound, opts, r.abi.PackNumAssets(), r.abi.UnpackNumAssets)
		if e == nil {
			c.NumAssets = int(n.Int64())
		}
		return e
	})
	call("treeCapacity", func() error {
		n, e := bind.Call(r.bound, opts, r.abi.PackTreeCapacity(), r.abi.UnpackTreeCapacity)
		if e == nil {
			c.TreeCapacity = n.Uint64()
		}
		return e
	})
	call("valueDecimals", func() (e error) {
		c.ValueDecimals, e = bind.Call(r.bound, opts, r.abi.PackValueDecimals(), r.abi.UnpackValueDecimals)
		return e
	})
	call("genesisTime", func() error {
		t, e := bind.Call(r.bound, opts, r.abi.PackGenesisTime(), r.abi.UnpackGenesisTime)
		c.GenesisTime = unixUTC(t)
		return e
	})
	call("policyDelay", func() error {
		d, e := bind.Call(r.bound, opts, r.abi.PackPolicyDelay(), r.abi.UnpackPolicyDelay)
		c.PolicyDelay = time.Duration(d) * time.Second
		return e
	})
	call("policyGracePeriod", func() error {
		d, e := bind.Call(r.bound, opts, r.abi.PackPolicyGracePeriod(), r.abi.UnpackPolicyGracePeriod)
		c.PolicyGracePeriod = time.Duration(d) * time.Second
		return e
	})
	var seq common.Address
	call("sequencerFeed", func() (e error) {
		seq, e = bind.Call(r.bound, opts, r.abi.PackSequencerFeed(), r.abi.UnpackSequencerFeed)
		return e
	})
	if seq != (common.Address{}) {
		call("sequencerGracePeriod", func() error {
			g, e := bind.Call(r.bound, opts, r.abi.PackSequencerGracePeriod(), r.abi.UnpackSequencerGracePeriod)
			c.Sequencer = &SequencerConfig{Feed: seq, GracePeriod: time.Duration(g) * time.Second}
			return e
		})
	}
	for _, a := range []struct {
		name   string
		pack   []byte
		unpack func([]byte) (common.Address, error)
		dst    *common.Address
	}{
		{"governance", r.abi.PackGovernance(), r.abi.UnpackGovernance, &c.Governance},
		{"guardian", r.abi.PackGuardian(), r.abi.UnpackGuardian, &c.Guardian},
		{"pendingGovernance", r.abi.PackPendingGovernance(), r.abi.UnpackPendingGovernance, &c.PendingGovernance},
		{"pendingGuardian", r.abi.PackPendingGuardian(), r.abi.UnpackPendingGuardian, &c.PendingGuardian},
	} {
		call(a.name, func() (e error) {
			*a.dst, e = bind.Call(r.bound, opts, a.pack, a.unpack)
			return e
		})
	}
	if err != nil {
		return Config{}, err
	}
	if c.DeployBlock, err = r.DeployBlock(ctx); err != nil {
		return Config{}, fmt.Errorf("registry config: %w", err)
	}
	return c, nil
}

// TreeCapacity reads the liabilities tree's capacity the registry was deployed for: the shape a
// user's inclusion check takes from the registry rather than from the operator's file.
func (r *Registry) TreeCapacity(ctx context.Context) (uint64, error) {
	n, err := bind.Call(r.bound, &bind.CallOpts{Context: ctx}, r.abi.PackTreeCapacity(), r.abi.UnpackTreeCapacity)
	if err != nil {
		return 0, fmt.Errorf("registry tree capacity: %w", decodeCallError(err))
	}
	if !n.IsUint64() {
		return 0, fmt.Errorf("registry tree capacity %v does not fit 64 bits", n)
	}
	return n.Uint64(), nil
}

// NumAssets reads the number of assets the registry was deployed for.
func (r *Registry) NumAssets(ctx context.Context) (int, error) {
	n, err := bind.Call(r.bound, &bind.CallOpts{Context: ctx}, r.abi.PackNumAssets(), r.abi.UnpackNumAssets)
	if err != nil {
		return 0, fmt.Errorf("registry number of assets: %w", decodeCallError(err))
	}
	return int(n.Int64()), nil
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
	// Aggregator is the feed's (proxy's) address.
	Aggregator common.Address
	// CircuitDecimals is the asset's circuit scale.
	CircuitDecimals uint8
	// Heartbeat is the feed's maximum age at an epoch's end.
	Heartbeat time.Duration
	// Scale converts the feed's answers into circuit prices.
	Scale PriceScale
}

// Feeds reads every asset's feed, in asset order.
func (r *Registry) Feeds(ctx context.Context) ([]Feed, error) {
	n, err := r.NumAssets(ctx)
	if err != nil {
		return nil, err
	}
	opts := &bind.CallOpts{Context: ctx}
	feeds := make([]Feed, 0, n)
	for i := 0; i < n; i++ {
		out, err := bind.Call(r.bound, opts, r.abi.PackFeed(big.NewInt(int64(i))), r.abi.UnpackFeed)
		if err != nil {
			return nil, fmt.Errorf("registry feed %d: %w", i, decodeCallError(err))
		}
		feeds = append(feeds, Feed{Aggregator: out.Aggregator, CircuitDecimals: out.CircuitDecimals,
			Heartbeat: time.Duration(out.Heartbeat) * time.Second, Scale: PriceScale{Exp: out.ScaleExp, Down: out.ScaleDown}})
	}
	return feeds, nil
}

// CheckProof asks the registry's own verifier (read from the registry, not from a deployment
// file) whether proof verifies for publicHash, with the calldata the registry builds, in an
// eth_call: nil when it does, ErrProofRejected when the verifier refuses it. `epoch submit`
// uses it before it calls an epoch already recorded: the record on chain was verified when it
// landed, the file's own proof bytes were not.
func (r *Registry) CheckProof(ctx context.Context, publicHash *big.Int, proof []byte) error {
	opts := &bind.CallOpts{Context: ctx}
	verifier, err := bind.Call(r.bound, opts, r.abi.PackVerifier(), r.abi.UnpackVerifier)
	if err != nil {
		return fmt.Errorf("registry verifier: %w", decodeCallError(err))
	}
	kind, err := bind.Call(r.bound, opts, r.abi.PackVerifierKind(), r.abi.UnpackVerifierKind)
	if err != nil {
		return fmt.Errorf("registry verifier kind: %w", decodeCallError(err))
	}
	var data []byte
	switch VerifierKind(kind) {
	case Groth16:
		// verifyProof(bytes, uint256[1]): reverts on a bad proof.
		data = epochgroth16verifier.NewEpochGroth16Verifier().PackVerifyProof(proof, [1]*big.Int{publicHash})
	case Plonk:
		// Verify(bytes, uint256[]) returns (bool).
		data = epochplonkverifier.NewEpochPlonkVerifier().PackVerify(proof, []*big.Int{publicHash})
	default:
		return fmt.Errorf("registry verifier kind %d is not known", kind)
	}
	ret, err := r.backend.CallContract(ctx, ethereum.CallMsg{To: &verifier, Data: data}, nil)
	if err != nil {
		return fmt.Errorf("%w: the registry's verifier %s refuses the proof: %v", ErrProofRejected, verifier, err)
	}
	if VerifierKind(kind) == Plonk && (len(ret) < 32 || new(big.Int).SetBytes(ret[:32]).Cmp(big.NewInt(1)) != 0) {
		return fmt.Errorf("%w: the registry's verifier %s returns false", ErrProofRejected, verifier)
	}
	return nil
}

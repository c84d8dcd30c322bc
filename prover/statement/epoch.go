package statement

import (
	"errors"
	"fmt"
	"math/big"
	"strings"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"

	"github.com/zktreasury/zktreasury/circuits/epoch"
	"github.com/zktreasury/zktreasury/circuits/gadget/bound"
	"github.com/zktreasury/zktreasury/prover/statement/epochhash"
	"github.com/zktreasury/zktreasury/treasury"
	"github.com/zktreasury/zktreasury/treasury/actionlog"
	"github.com/zktreasury/zktreasury/treasury/corridor"
)

// EpochInputs are the inputs of one epoch's proof: the policy, the prices, the
// reserves before the epoch S(n-1), the executed actions, and the liabilities at
// the end of the epoch.
type EpochInputs struct {
	Policy  *treasury.Policy
	Prices  *treasury.Prices
	Prev    *treasury.Positions
	Actions []corridor.Action
	Ledger  *treasury.Ledger
	Secrets *Secrets
	Epoch   uint64
	// StartTime and EndTime bound the epoch, [start, end), in unix seconds.
	StartTime, EndTime uint64
	// Capacity is the tree capacity (0: smallest that fits); Slots is K (0: the
	// number of actions, at least 1).
	Capacity, Slots int
	RangeCheck      bound.Mode

	entries []actionlog.Entry // as loaded, for the epoch check
	fromLog bool              // the actions were loaded from a log file
}

// LogHead returns the SHA-256 head of the action log the inputs were loaded
// from (the genesis hash for an empty log), or "" when the actions were not
// loaded from a log.
func (in EpochInputs) LogHead() string {
	if !in.fromLog {
		return ""
	}
	return actionlog.Head(in.entries)
}

// Epoch is the statement of one epoch: compliance from S(n-1) to S(n), and
// solvency of S(n).
type Epoch struct {
	Params     epoch.Params
	Compliance *Compliance
	Solvency   *Solvency
	Summary    corridor.EpochSummary
}

// CheckedCompliance checks the epoch with the reference corridor checker (an
// error wrapping ErrNonCompliant and the *corridor.Violation if it fails) and
// builds the compliance statement. It needs no liabilities.
func CheckedCompliance(in EpochInputs) (*Compliance, corridor.EpochSummary, error) {
	var sum corridor.EpochSummary
	if in.Epoch == 0 {
		return nil, sum, errors.New("epoch 0 is the genesis state; epochs with actions start at 1")
	}
	for _, e := range in.entries {
		if e.Epoch != in.Epoch {
			return nil, sum, fmt.Errorf("action log entry %d belongs to epoch %d, not %d: pass the log of this epoch only", e.Seq, e.Epoch, in.Epoch)
		}
	}
	limits, err := corridor.LimitsFromPolicy(in.Policy)
	if err != nil {
		return nil, sum, err
	}
	s0, err := corridor.StateFromPositions(in.Policy, in.Prev)
	if err != nil {
		return nil, sum, err
	}
	prices, err := corridor.PricesFromSnapshot(in.Policy, in.Prices)
	if err != nil {
		return nil, sum, err
	}
	if in.EndTime < in.StartTime {
		return nil, sum, fmt.Errorf("epoch %d ends (%d) before it starts (%d)", in.Epoch, in.EndTime, in.StartTime)
	}
	sum, err = corridor.CheckEpoch(limits, s0, prices, in.EndTime-in.StartTime, in.Actions)
	if err != nil {
		return nil, sum, fmt.Errorf("%w: %w", ErrNonCompliant, err)
	}
	pv, err := EncodePolicy(in.Policy)
	if err != nil {
		return nil, sum, err
	}
	comp, err := BuildCompliance(ComplianceInputs{Policy: pv, Prices: prices, Prev: s0.X, Actions: in.Actions, Epoch: in.Epoch,
		StartTime: in.StartTime, EndTime: in.EndTime,
		PrevSalt: in.Secrets.StateSaltFor(in.Epoch - 1), NewSalt: in.Secrets.StateSaltFor(in.Epoch),
		ActionsSalt: in.Secrets.ActionsSaltFor(in.Epoch), Slots: in.Slots, RangeCheck: in.RangeCheck})
	return comp, sum, err
}

// BuildEpoch checks the epoch's compliance (see CheckedCompliance), applies the
// actions to get S(n), and builds both statements with shared commitments.
// Solvency is not judged here: call e.Solvency.Check.
func BuildEpoch(in EpochInputs) (*Epoch, error) {
	comp, sum, err := CheckedCompliance(in)
	if err != nil {
		return nil, err
	}
	solv, err := BuildSolvency(SolvencyInputs{Policy: in.Policy, Prices: in.Prices, Positions: corridor.PositionsFromState(in.Policy, sum.Final),
		Ledger: in.Ledger, Secrets: in.Secrets, Epoch: in.Epoch, Capacity: in.Capacity, RangeCheck: in.RangeCheck})
	if err != nil {
		return nil, err
	}
	if !solv.StateCommitment.Equal(&comp.NewCommitment) {
		return nil, errors.New("internal error: S(n) differs between the compliance and solvency statements")
	}
	for a := range comp.Inflows {
		if !comp.Inflows[a].IsUint64() || !comp.Outflows[a].IsUint64() {
			return nil, fmt.Errorf("asset %d: the epoch's inflow %s or outflow %s does not fit 64 bits", a, comp.Inflows[a].String(), comp.Outflows[a].String())
		}
	}
	e := &Epoch{Compliance: comp, Solvency: solv, Summary: sum, Params: epoch.Params{Users: solv.Params.Users,
		Actions: comp.Params.Actions, Assets: comp.Params.Assets, Venues: comp.Params.Venues, RangeCheck: in.RangeCheck}}
	return e, nil
}

// Assignment returns the full witness of the epoch circuit.
func (e *Epoch) Assignment() *epoch.Circuit {
	c := e.Compliance.Assignment()
	s := e.Solvency.Assignment()
	h := e.PublicHash()
	return &epoch.Circuit{
		PublicHash:       h.BigInt(new(big.Int)),
		PolicyCommitment: c.PolicyCommitment, PrevStateCommitment: c.PrevStateCommitment,
		NewStateCommitment: c.NewStateCommitment, LiabilitiesRoot: s.LiabilitiesRoot,
		ActionsCommitment: c.ActionsCommitment, ActionCount: c.ActionCount, Epoch: c.Epoch,
		StartTime: c.StartTime, EndTime: c.EndTime, Prices: c.Prices, Inflows: c.Inflows, Outflows: c.Outflows,
		Policy: c.Policy, PrevSalt: c.PrevSalt, NewSalt: c.NewSalt, ActionsSalt: c.ActionsSalt,
		Positions: c.Positions, Actions: c.Actions, UserHashes: s.UserHashes, Balances: s.Balances, Params: e.Params,
	}
}

// Values returns the statement's public values, the ones the circuit's
// PublicHash binds (epochhash's encoding order).
func (e *Epoch) Values() *epochhash.Values {
	c := e.Compliance
	big := func(x fr.Element) *big.Int { return x.BigInt(new(big.Int)) }
	root := e.Solvency.Root()
	v := &epochhash.Values{
		PolicyCommitment: big(c.PolicyCommitment), PrevStateCommitment: big(c.PrevCommitment),
		NewStateCommitment: big(c.NewCommitment), LiabilitiesRoot: big(root), ActionsCommitment: big(c.ActionsCommitment),
		ActionCount: uint64(len(c.In.Actions)), Epoch: c.In.Epoch, StartTime: c.In.StartTime, EndTime: c.In.EndTime,
		Prices: append([]uint64(nil), c.In.Prices...),
	}
	for a := range c.In.Prices {
		v.Inflows = append(v.Inflows, big(c.Inflows[a]).Uint64())
		v.Outflows = append(v.Outflows, big(c.Outflows[a]).Uint64())
	}
	return v
}

// PublicHash is the epoch circuit's one public input: SHA-256 of the values'
// encoding mod 2^253 (package epochhash).
func (e *Epoch) PublicHash() fr.Element {
	h, err := e.Values().Hash()
	if err != nil {
		// The values come from field elements and uint64s built here.
		panic(fmt.Sprintf("internal error: epoch public hash: %v", err))
	}
	var out fr.Element
	out.SetBigInt(h)
	return out
}

// Public returns what a proof file names: the statement's public values, in
// epochhash's order, and last the circuit's one public input "publicHash", the
// hash of those values.
func (e *Epoch) Public(symbols []string) []NamedInput {
	c := e.Compliance.Public(symbols)
	out := append([]NamedInput{c[0], c[1], c[2], {"liabilitiesRoot", Hex(e.Solvency.Root())}}, c[3:]...)
	return append(out, NamedInput{PublicHashName, Hex(e.PublicHash())})
}

// HashNamed returns the epoch circuit's one public input for named statement
// values, in the order an epoch proof file writes them before publicHash
// (package epochhash: the per-asset names give the asset symbols).
func HashNamed(named []NamedInput) (*big.Int, error) {
	names := make([]string, len(named))
	vals := make([]*big.Int, len(named))
	var symbols []string
	for i, in := range named {
		e, err := ParseElement(in.Value)
		if err != nil {
			return nil, fmt.Errorf("public input %s = %q: %w", in.Name, in.Value, err)
		}
		names[i], vals[i] = in.Name, e.BigInt(new(big.Int))
		if sym, ok := strings.CutPrefix(in.Name, "price."); ok {
			symbols = append(symbols, sym)
		}
	}
	v, err := epochhash.FromNamed(names, vals, symbols)
	if err != nil {
		return nil, err
	}
	return v.Hash()
}

// PublicHashName names the epoch circuit's one public input in proof files.
const PublicHashName = "publicHash"

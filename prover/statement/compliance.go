package statement

import (
	"errors"
	"fmt"
	"math/big"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/consensys/gnark/frontend"

	"github.com/zktreasury/zktreasury/circuits/compliance"
	"github.com/zktreasury/zktreasury/circuits/gadget/bound"
	"github.com/zktreasury/zktreasury/circuits/gadget/poseidon"
	"github.com/zktreasury/zktreasury/circuits/policy"
	"github.com/zktreasury/zktreasury/prover/hashing"
	"github.com/zktreasury/zktreasury/treasury/corridor"
)

// ErrNonCompliant is returned by CheckedCompliance and BuildEpoch when the
// reference corridor checker rejects the epoch; the error also wraps the
// *corridor.Violation naming the corridor, the limit and the value.
var ErrNonCompliant = errors.New("non-compliant")

// PackAction is the native twin of the circuit's action encoding (the kind,
// the execution venue, the two assets and the two amounts; the slots follow
// from the kind).
func PackAction(a corridor.Action) fr.Element {
	parts := []uint64{uint64(a.Kind), uint64(a.Venue), uint64(a.AssetIn), uint64(a.AssetOut), a.AmountIn, a.AmountOut}
	v := new(big.Int)
	for i, p := range parts {
		v.Add(v, new(big.Int).Lsh(new(big.Int).SetUint64(p), compliance.PackShifts[i]))
	}
	return hashing.FromBig(v)
}

// ActionsCommitment is the hash chain over an epoch's actions: it starts at
// H(TagActions, epoch, salt) and absorbs each packed action with the width-2
// compression.
func ActionsCommitment(epoch uint64, salt fr.Element, actions []corridor.Action) fr.Element {
	h := hashing.Hash(poseidon.TagActions, hashing.FromUint64(epoch), salt)
	for _, a := range actions {
		h = hashing.MustCompress(2, h, PackAction(a))
	}
	return h
}

// ComplianceInputs are the integer inputs of a compliance proof.
type ComplianceInputs struct {
	// Policy is the committed policy encoding (EncodePolicy).
	Policy policy.Vars
	Prices []uint64
	// Prev is S(n-1), indexed [asset][venue].
	Prev    [][]uint64
	Actions []corridor.Action
	Epoch   uint64
	// StartTime and EndTime bound the epoch, [start, end), in unix seconds.
	StartTime, EndTime uint64
	// Salts of the previous and new state commitments and of the actions chain.
	PrevSalt, NewSalt, ActionsSalt fr.Element
	// Slots is K; 0 picks len(Actions) (at least 1).
	Slots      int
	RangeCheck bound.Mode
}

// Compliance is a compliance statement ready to prove.
type Compliance struct {
	Params            compliance.Params
	In                ComplianceInputs
	PolicyCommitment  fr.Element
	PrevCommitment    fr.Element
	NewCommitment     fr.Element
	ActionsCommitment fr.Element
	// Next is S(n) in the field (so a cheating epoch that wraps is represented).
	Next [][]fr.Element
	// Inflows and Outflows are the per-asset totals of the inflow and outflow
	// actions, in the field (public inputs).
	Inflows, Outflows []fr.Element
}

// BuildCompliance computes the commitments and the flow totals. It does not
// judge the epoch: call corridor.CheckEpoch for that (the prover does, before
// proving). The slots each action moves are those its kind implies
// (corridor.Slots), as in the circuit, whatever VenueIn and VenueOut say.
func BuildCompliance(in ComplianceInputs) (*Compliance, error) {
	nA, nV := len(in.Prev), 0
	if nA > 0 {
		nV = len(in.Prev[0])
	}
	slots := in.Slots
	if slots == 0 {
		slots = max(1, len(in.Actions))
	}
	p := compliance.Params{Actions: slots, Assets: nA, Venues: nV, RangeCheck: in.RangeCheck}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	if len(in.Actions) > slots {
		return nil, fmt.Errorf("%d actions do not fit %d slots", len(in.Actions), slots)
	}
	if len(in.Prices) != nA || len(in.Policy.Assets) != nA || len(in.Policy.Venues) != nV {
		return nil, fmt.Errorf("shape mismatch: %d prices, policy %d×%d, positions %d×%d", len(in.Prices), len(in.Policy.Assets), len(in.Policy.Venues), nA, nV)
	}
	custody := -1
	for v, vv := range in.Policy.Venues {
		if k, ok := asUint64(vv.Kind); ok && k == compliance.VenueCustody {
			custody = v
		}
	}
	if custody < 0 {
		return nil, errors.New("the policy has no custody venue")
	}
	in.Policy = CopyPolicyVars(in.Policy)
	in.Prices = append([]uint64(nil), in.Prices...)
	in.Actions = append([]corridor.Action(nil), in.Actions...)
	pc, err := PolicyCommitment(in.Policy)
	if err != nil {
		return nil, err
	}
	c := &Compliance{Params: p, In: in, PolicyCommitment: pc, PrevCommitment: StateCommitment(in.PrevSalt, in.Prev),
		ActionsCommitment: ActionsCommitment(in.Epoch, in.ActionsSalt, in.Actions),
		Inflows:           make([]fr.Element, nA), Outflows: make([]fr.Element, nA)}
	c.In.Prev = make([][]uint64, nA)
	c.Next = make([][]fr.Element, nA)
	for a := range in.Prev {
		c.In.Prev[a] = append([]uint64(nil), in.Prev[a]...)
		c.Next[a] = make([]fr.Element, nV)
		for v, x := range in.Prev[a] {
			c.Next[a][v].SetUint64(x)
		}
	}
	for i, act := range in.Actions {
		if act.AssetIn < 0 || act.AssetIn >= nA || act.AssetOut < 0 || act.AssetOut >= nA || act.Venue < 0 || act.Venue >= nV {
			return nil, fmt.Errorf("action %d: index out of range", i)
		}
		vin, vout := corridor.Slots(act.Kind, act.Venue, custody)
		in, out := hashing.FromUint64(act.AmountIn), hashing.FromUint64(act.AmountOut)
		c.Next[act.AssetIn][vin].Sub(&c.Next[act.AssetIn][vin], &in)
		c.Next[act.AssetOut][vout].Add(&c.Next[act.AssetOut][vout], &out)
		switch act.Kind {
		case corridor.Inflow:
			c.Inflows[act.AssetOut].Add(&c.Inflows[act.AssetOut], &out)
		case corridor.Outflow:
			c.Outflows[act.AssetIn].Add(&c.Outflows[act.AssetIn], &in)
		}
	}
	el := []fr.Element{in.NewSalt}
	for _, row := range c.Next {
		el = append(el, row...)
	}
	c.NewCommitment = hashing.Hash(poseidon.TagState, el...)
	return c, nil
}

// Assignment returns the full witness. It shares nothing with the statement,
// so a test may change it freely.
func (c *Compliance) Assignment() *compliance.Circuit {
	w, err := compliance.NewCircuit(c.Params)
	if err != nil {
		panic(err) // validated in BuildCompliance
	}
	w.PolicyCommitment = c.PolicyCommitment
	w.PrevStateCommitment = c.PrevCommitment
	w.NewStateCommitment = c.NewCommitment
	w.ActionsCommitment = c.ActionsCommitment
	w.ActionCount = len(c.In.Actions)
	w.Epoch = c.In.Epoch
	w.StartTime, w.EndTime = c.In.StartTime, c.In.EndTime
	for a, p := range c.In.Prices {
		w.Prices[a] = p
		w.Inflows[a] = c.Inflows[a]
		w.Outflows[a] = c.Outflows[a]
	}
	w.Policy = CopyPolicyVars(c.In.Policy)
	w.PrevSalt, w.NewSalt, w.ActionsSalt = c.In.PrevSalt, c.In.NewSalt, c.In.ActionsSalt
	for a := range c.In.Prev {
		for v, x := range c.In.Prev[a] {
			w.Positions[a][v] = x
		}
	}
	for i := range w.Actions {
		if i < len(c.In.Actions) {
			a := c.In.Actions[i]
			w.Actions[i] = compliance.Action{Kind: uint64(a.Kind), Venue: a.Venue, AssetIn: a.AssetIn, AmountIn: a.AmountIn,
				AssetOut: a.AssetOut, AmountOut: a.AmountOut}
		} else {
			w.Actions[i] = compliance.Action{Kind: compliance.KindNone, Venue: 0, AssetIn: 0, AmountIn: 0, AssetOut: 0, AmountOut: 0}
		}
	}
	return w
}

// Public returns the public inputs in circuit order.
func (c *Compliance) Public(symbols []string) []NamedInput {
	out := []NamedInput{
		{"policyCommitment", Hex(c.PolicyCommitment)},
		{"prevStateCommitment", Hex(c.PrevCommitment)},
		{"newStateCommitment", Hex(c.NewCommitment)},
		{"actionsCommitment", Hex(c.ActionsCommitment)},
		{"actionCount", Hex(hashing.FromUint64(uint64(len(c.In.Actions))))},
		{"epoch", Hex(hashing.FromUint64(c.In.Epoch))},
		{"startTime", Hex(hashing.FromUint64(c.In.StartTime))},
		{"endTime", Hex(hashing.FromUint64(c.In.EndTime))},
	}
	for a, p := range c.In.Prices {
		out = append(out, NamedInput{"price." + symbols[a], Hex(hashing.FromUint64(p))})
	}
	for a := range c.In.Prices {
		out = append(out, NamedInput{"inflow." + symbols[a], Hex(c.Inflows[a])})
	}
	for a := range c.In.Prices {
		out = append(out, NamedInput{"outflow." + symbols[a], Hex(c.Outflows[a])})
	}
	return out
}

// CopyPolicyVars returns a deep copy of policy variables: the slices are new and
// *big.Int values are copied, so editing one never changes the other.
func CopyPolicyVars(v policy.Vars) policy.Vars {
	cp := func(x frontend.Variable) frontend.Variable {
		if b, ok := x.(*big.Int); ok {
			return new(big.Int).Set(b)
		}
		return x
	}
	out := v
	for _, f := range []*frontend.Variable{&out.ValueDecimals, &out.Paused, &out.MinRatioBps, &out.NotionalCap, &out.TurnoverCapPerDay,
		&out.MaxSlippageBps, &out.LossBudgetPerDay, &out.BufferFloorBps, &out.OutflowCapPerDay, &out.MinEpochSeconds} {
		*f = cp(*f)
	}
	out.Assets = append([]policy.AssetVars(nil), v.Assets...)
	out.Venues = make([]policy.VenueVars, len(v.Venues))
	for i, x := range v.Venues {
		out.Venues[i] = policy.VenueVars{Kind: cp(x.Kind), Allowed: cp(x.Allowed), HasCap: cp(x.HasCap), CapValue: cp(x.CapValue), MaxAprBps: cp(x.MaxAprBps)}
	}
	out.HaircutBps = make([][]frontend.Variable, len(v.HaircutBps))
	for a, row := range v.HaircutBps {
		out.HaircutBps[a] = append([]frontend.Variable(nil), row...)
	}
	return out
}

func asUint64(x frontend.Variable) (uint64, bool) {
	switch t := x.(type) {
	case uint64:
		return t, true
	case int:
		return uint64(t), t >= 0
	case *big.Int:
		return t.Uint64(), t.IsUint64()
	}
	return 0, false
}

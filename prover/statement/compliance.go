package statement

import (
	"errors"
	"fmt"
	"math/big"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"

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

// PackAction is the native twin of the circuit's action encoding.
func PackAction(a corridor.Action) fr.Element {
	parts := []uint64{uint64(a.Venue), uint64(a.AssetIn), uint64(a.VenueIn), uint64(a.AssetOut), uint64(a.VenueOut), a.AmountIn, a.AmountOut}
	shifts := []uint{0, 16, 32, 48, 64, 80, 144}
	v := new(big.Int)
	for i, p := range parts {
		v.Add(v, new(big.Int).Lsh(new(big.Int).SetUint64(p), shifts[i]))
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
}

// BuildCompliance computes the commitments. It does not judge the epoch: call
// corridor.CheckEpoch for that (the prover does, before proving).
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
	pc, err := PolicyCommitment(in.Policy)
	if err != nil {
		return nil, err
	}
	c := &Compliance{Params: p, In: in, PolicyCommitment: pc, PrevCommitment: StateCommitment(in.PrevSalt, in.Prev),
		ActionsCommitment: ActionsCommitment(in.Epoch, in.ActionsSalt, in.Actions)}
	c.Next = make([][]fr.Element, nA)
	for a := range in.Prev {
		c.Next[a] = make([]fr.Element, nV)
		for v, x := range in.Prev[a] {
			c.Next[a][v].SetUint64(x)
		}
	}
	for i, act := range in.Actions {
		if act.AssetIn < 0 || act.AssetIn >= nA || act.AssetOut < 0 || act.AssetOut >= nA ||
			act.VenueIn < 0 || act.VenueIn >= nV || act.VenueOut < 0 || act.VenueOut >= nV || act.Venue < 0 || act.Venue >= nV {
			return nil, fmt.Errorf("action %d: index out of range", i)
		}
		in, out := hashing.FromUint64(act.AmountIn), hashing.FromUint64(act.AmountOut)
		c.Next[act.AssetIn][act.VenueIn].Sub(&c.Next[act.AssetIn][act.VenueIn], &in)
		c.Next[act.AssetOut][act.VenueOut].Add(&c.Next[act.AssetOut][act.VenueOut], &out)
	}
	el := []fr.Element{in.NewSalt}
	for _, row := range c.Next {
		el = append(el, row...)
	}
	c.NewCommitment = hashing.Hash(poseidon.TagState, el...)
	return c, nil
}

// Assignment returns the full witness.
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
	for a, p := range c.In.Prices {
		w.Prices[a] = p
	}
	w.Policy = c.In.Policy
	w.PrevSalt, w.NewSalt, w.ActionsSalt = c.In.PrevSalt, c.In.NewSalt, c.In.ActionsSalt
	for a := range c.In.Prev {
		for v, x := range c.In.Prev[a] {
			w.Positions[a][v] = x
		}
	}
	for i := range w.Actions {
		if i < len(c.In.Actions) {
			a := c.In.Actions[i]
			w.Actions[i] = compliance.Action{Venue: a.Venue, AssetIn: a.AssetIn, VenueIn: a.VenueIn, AmountIn: a.AmountIn,
				AssetOut: a.AssetOut, VenueOut: a.VenueOut, AmountOut: a.AmountOut}
		} else {
			w.Actions[i] = compliance.Action{Venue: 0, AssetIn: 0, VenueIn: 0, AmountIn: 0, AssetOut: 0, VenueOut: 0, AmountOut: 0}
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
	}
	for a, p := range c.In.Prices {
		out = append(out, NamedInput{"price." + symbols[a], Hex(hashing.FromUint64(p))})
	}
	return out
}

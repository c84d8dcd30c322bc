// Package compliance is the compliance statement of zktreasury as a gnark
// circuit: every action of an epoch stayed inside the committed policy's risk
// corridors, and the actions took the committed state S(n-1) to S(n).
//
// The arithmetic is exactly that of treasury/corridor (the Go reference checker);
// a differential fuzz test holds the two together. Values are in value units
// (amount × price); weights and the stable share are floor(V·10000/T) in bps.
package compliance

import (
	"fmt"
	"math/big"
	"math/bits"

	"github.com/consensys/gnark/frontend"

	"github.com/zktreasury/zktreasury/circuits/gadget/bound"
	"github.com/zktreasury/zktreasury/circuits/gadget/poseidon"
	"github.com/zktreasury/zktreasury/circuits/policy"
)

// Bit widths.
const (
	AmountBits = 64
	PriceBits  = 64
	ValueBits  = 128 // a single amount × price
	BpsBits    = 14  // 10000 < 2^14
	CountBits  = 16
	EpochBits  = 64
	IndexBits  = 16 // asset and venue indices in the packed action encoding
	// MaxSlots bounds K, A and V so indices pack into IndexBits.
	MaxSlots = 1 << 12
)

// Params size a compliance circuit.
type Params struct {
	// Actions is K, the number of action slots; unused slots are no-ops.
	Actions int
	Assets  int
	Venues  int
	// RangeCheck selects the range-check strategy.
	RangeCheck bound.Mode
}

// Validate checks the parameters.
func (p Params) Validate() error {
	if p.Actions < 1 || p.Actions > MaxSlots {
		return fmt.Errorf("compliance params: %d action slots, want 1..%d", p.Actions, MaxSlots)
	}
	if p.Assets < 1 || p.Assets > MaxSlots || p.Venues < 1 || p.Venues > MaxSlots {
		return fmt.Errorf("compliance params: %d assets, %d venues, want 1..%d each", p.Assets, p.Venues, MaxSlots)
	}
	if p.RangeCheck != bound.Lookup && p.RangeCheck != bound.Bits {
		return fmt.Errorf("compliance params: unknown range-check mode %d", p.RangeCheck)
	}
	return nil
}

// String names the parameters, e.g. "k64-a8-v4-lookup".
func (p Params) String() string {
	return fmt.Sprintf("k%d-a%d-v%d-%s", p.Actions, p.Assets, p.Venues, p.RangeCheck)
}

// Action is one action slot: sell AmountIn of AssetIn held at VenueIn, receive
// AmountOut of AssetOut at VenueOut, executed at Venue. Indices are 0-based.
type Action struct {
	Venue, AssetIn, VenueIn, AmountIn, AssetOut, VenueOut, AmountOut frontend.Variable
}

// Circuit proves that the first ActionCount actions, applied in order to the
// positions committed in PrevStateCommitment, give the positions committed in
// NewStateCommitment, that each stays inside the corridors of the committed
// policy at the public prices, that the epoch stays inside the per-epoch
// corridors, and that the actions are those hash-chained into ActionsCommitment.
type Circuit struct {
	// public
	PolicyCommitment    frontend.Variable   `gnark:",public"`
	PrevStateCommitment frontend.Variable   `gnark:",public"`
	NewStateCommitment  frontend.Variable   `gnark:",public"`
	ActionsCommitment   frontend.Variable   `gnark:",public"`
	ActionCount         frontend.Variable   `gnark:",public"`
	Epoch               frontend.Variable   `gnark:",public"`
	Prices              []frontend.Variable `gnark:",public"`

	// private
	Policy      policy.Vars
	PrevSalt    frontend.Variable
	NewSalt     frontend.Variable
	ActionsSalt frontend.Variable
	// Positions are S(n-1), indexed [asset][venue].
	Positions [][]frontend.Variable
	Actions   []Action

	// Params fixes the shape; it is not part of the witness.
	Params Params `gnark:"-"`
}

// NewCircuit returns a circuit with every slice sized for p.
func NewCircuit(p Params) (*Circuit, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	c := &Circuit{
		Prices:    make([]frontend.Variable, p.Assets),
		Policy:    policy.NewVars(p.Assets, p.Venues),
		Positions: make([][]frontend.Variable, p.Assets),
		Actions:   make([]Action, p.Actions),
		Params:    p,
	}
	for a := range c.Positions {
		c.Positions[a] = make([]frontend.Variable, p.Venues)
	}
	return c, nil
}

func log2Ceil(n int) int { return bits.Len(uint(n - 1)) }

// PackAction is the field encoding of an action in the hash chain:
// venue | assetIn<<16 | venueIn<<32 | assetOut<<48 | venueOut<<64 |
// amountIn<<80 | amountOut<<144 (208 bits, injective for range-checked parts).
var packShifts = []uint{0, 16, 32, 48, 64, 80, 144}

func pow2(n uint) *big.Int { return new(big.Int).Lsh(big.NewInt(1), n) }

// state is the positions after some prefix of the actions, with derived values.
type state struct {
	x      [][]frontend.Variable
	value  []frontend.Variable // per asset: price × Σ_v x
	total  frontend.Variable
	stable frontend.Variable // floor(stable value × 10000 / total)
}

type ctx struct {
	api     frontend.API
	rc      *bound.Checker
	c       *Circuit
	divBits int // bound of value × 10000 and of the total
}

func (k *ctx) derive(x [][]frontend.Variable) *state {
	api := k.api
	s := &state{x: x, value: make([]frontend.Variable, len(x)), total: 0}
	stableValue := frontend.Variable(0)
	for a := range x {
		units := frontend.Variable(0)
		for _, v := range x[a] {
			units = api.Add(units, v)
		}
		s.value[a] = api.Mul(units, k.c.Prices[a])
		s.total = api.Add(s.total, s.value[a])
		stableValue = api.Add(stableValue, api.Mul(k.c.Policy.Assets[a].Stable, s.value[a]))
	}
	s.stable = k.weight(stableValue, s.total)
	return s
}

// weight returns floor(value × 10000 / total), and asserts total > 0.
func (k *ctx) weight(value, total frontend.Variable) frontend.Variable {
	return k.rc.DivFloor(k.api.Mul(value, 10000), total, k.divBits, BpsBits)
}

// dist is how far w lies outside [lo, hi] (lo <= hi): lo-w, w-hi or 0.
func (k *ctx) dist(w, lo, hi frontend.Variable) frontend.Variable {
	api := k.api
	below := api.Sub(1, k.rc.LessOrEqual(lo, w, BpsBits+1))
	above := api.Sub(1, k.rc.LessOrEqual(w, hi, BpsBits+1))
	return api.Add(api.Mul(below, api.Sub(lo, w)), api.Mul(above, api.Sub(w, hi)))
}

// oneHot returns e with e[j] = (idx == j), asserting idx is in [0, n).
func oneHot(api frontend.API, idx frontend.Variable, n int) []frontend.Variable {
	e := make([]frontend.Variable, n)
	sum := frontend.Variable(0)
	for j := range n {
		e[j] = api.IsZero(api.Sub(idx, j))
		sum = api.Add(sum, e[j])
	}
	api.AssertIsEqual(sum, 1)
	return e
}

func dot(api frontend.API, e []frontend.Variable, f func(int) frontend.Variable) frontend.Variable {
	out := frontend.Variable(0)
	for j := range e {
		out = api.Add(out, api.Mul(e[j], f(j)))
	}
	return out
}

// Define states the relation.
func (c *Circuit) Define(api frontend.API) error {
	_, err := c.DefineWith(api, bound.New(api, c.Params.RangeCheck))
	return err
}

// DefineWith states the relation with a given range checker and returns the
// positions after the last action, S(n), so that circuits/epoch can hand them
// to the solvency statement without re-committing.
func (c *Circuit) DefineWith(api frontend.API, rc *bound.Checker) ([][]frontend.Variable, error) {
	p := c.Params
	if err := p.Validate(); err != nil {
		return nil, err
	}
	k := &ctx{api: api, rc: rc, c: c, divBits: ValueBits + log2Ceil(p.Assets*p.Venues) + BpsBits + 1}
	pol := &c.Policy

	// Public inputs bounded.
	for _, pr := range c.Prices {
		rc.Check(pr, PriceBits)
	}
	rc.Check(c.Epoch, EpochBits)
	rc.AssertLE(c.ActionCount, p.Actions, CountBits)

	// The committed policy, and the ranges its parameters must lie in.
	pc, err := pol.Commit(api)
	if err != nil {
		return nil, err
	}
	api.AssertIsEqual(pc, c.PolicyCommitment)
	api.AssertIsBoolean(pol.Paused)
	for _, capVar := range []frontend.Variable{pol.NotionalCap, pol.TurnoverCap, pol.LossBudget} {
		rc.Check(capVar, ValueBits)
	}
	rc.Check(pol.MaxSlippageBps, BpsBits)
	keep := api.Sub(10000, pol.MaxSlippageBps)
	rc.Check(keep, BpsBits) // maxSlippage <= 10000
	rc.Check(pol.BufferFloorBps, BpsBits)
	for a := range p.Assets {
		av := pol.Assets[a]
		api.AssertIsBoolean(av.Allowed)
		api.AssertIsBoolean(av.Stable)
		rc.Check(av.WeightMinBps, BpsBits)
		rc.Check(av.WeightMaxBps, BpsBits)
		rc.AssertLE(av.WeightMinBps, av.WeightMaxBps, BpsBits)
	}
	for v := range p.Venues {
		api.AssertIsBoolean(pol.Venues[v].Allowed)
	}

	// The committed previous state.
	x := make([][]frontend.Variable, p.Assets)
	prev, err := poseidon.NewHasher(api, poseidon.TagState)
	if err != nil {
		return nil, err
	}
	prev.Write(c.PrevSalt)
	for a := range p.Assets {
		x[a] = append([]frontend.Variable(nil), c.Positions[a]...)
		for _, v := range x[a] {
			rc.Check(v, AmountBits)
		}
		prev.Write(c.Positions[a]...)
	}
	api.AssertIsEqual(prev.Sum(), c.PrevStateCommitment)

	// The actions hash chain starts from the epoch and a salt (hiding).
	ah, err := poseidon.NewHasher(api, poseidon.TagActions)
	if err != nil {
		return nil, err
	}
	ah.Write(c.Epoch, c.ActionsSalt)
	chain := ah.Sum()
	comp, err := poseidon.NewCompressor(api, 2)
	if err != nil {
		return nil, err
	}

	start := k.derive(x)
	cur := start
	turnover := frontend.Variable(0)
	loss := frontend.Variable(0)
	minW := func(a int) frontend.Variable { return pol.Assets[a].WeightMinBps }
	maxW := func(a int) frontend.Variable { return pol.Assets[a].WeightMaxBps }
	price := func(a int) frontend.Variable { return c.Prices[a] }

	for i, act := range c.Actions {
		// Slot i is active iff i < ActionCount; inactive slots carry zero amounts
		// and so change nothing.
		on := rc.LessOrEqual(i+1, c.ActionCount, CountBits)
		off := api.Sub(1, on)
		rc.Check(act.AmountIn, AmountBits)
		rc.Check(act.AmountOut, AmountBits)
		api.AssertIsEqual(api.Mul(off, act.AmountIn), 0)
		api.AssertIsEqual(api.Mul(off, act.AmountOut), 0)
		eV := oneHot(api, act.Venue, p.Venues)
		eAI := oneHot(api, act.AssetIn, p.Assets)
		eVI := oneHot(api, act.VenueIn, p.Venues)
		eAO := oneHot(api, act.AssetOut, p.Assets)
		eVO := oneHot(api, act.VenueOut, p.Venues)

		// (1) not paused; (2) execution venue, venue out and asset out allowed;
		// an active action moves something.
		api.AssertIsEqual(api.Mul(on, pol.Paused), 0)
		venueOK := dot(api, eV, func(v int) frontend.Variable { return pol.Venues[v].Allowed })
		venueOutOK := dot(api, eVO, func(v int) frontend.Variable { return pol.Venues[v].Allowed })
		assetOutOK := dot(api, eAO, func(a int) frontend.Variable { return pol.Assets[a].Allowed })
		for _, ok := range []frontend.Variable{venueOK, venueOutOK, assetOutOK} {
			api.AssertIsEqual(api.Mul(on, api.Sub(1, ok)), 0)
		}
		api.AssertIsEqual(api.Mul(on, api.IsZero(api.Add(act.AmountIn, act.AmountOut))), 0)

		// (3) debit, then credit; the debited slot stays >= 0 and the credited
		// slot < 2^64. Other slots are unchanged, so stay in range by induction.
		next := make([][]frontend.Variable, p.Assets)
		inAmt := make([]frontend.Variable, p.Venues)
		outAmt := make([]frontend.Variable, p.Venues)
		for v := range p.Venues {
			inAmt[v] = api.Mul(eVI[v], act.AmountIn)
			outAmt[v] = api.Mul(eVO[v], act.AmountOut)
		}
		debited := frontend.Variable(0)
		credited := frontend.Variable(0)
		for a := range p.Assets {
			next[a] = make([]frontend.Variable, p.Venues)
			for v := range p.Venues {
				selIn := api.Mul(eAI[a], eVI[v])
				selOut := api.Mul(eAO[a], eVO[v])
				mid := api.Sub(cur.x[a][v], api.Mul(eAI[a], inAmt[v]))
				next[a][v] = api.Add(mid, api.Mul(eAO[a], outAmt[v]))
				debited = api.Add(debited, api.Mul(selIn, mid))
				credited = api.Add(credited, api.Mul(selOut, next[a][v]))
			}
		}
		rc.Check(debited, AmountBits)
		rc.Check(credited, AmountBits)
		after := k.derive(next)

		// (4) notional cap; (5) slippage versus the oracle; loss for the budget.
		valueIn := api.Mul(act.AmountIn, dot(api, eAI, price))
		valueOut := api.Mul(act.AmountOut, dot(api, eAO, price))
		rc.AssertLE(valueIn, pol.NotionalCap, ValueBits+1)
		rc.AssertLE(api.Mul(valueIn, keep), api.Mul(valueOut, 10000), ValueBits+BpsBits+1)
		gain := rc.LessOrEqual(valueIn, valueOut, ValueBits+1)
		loss = api.Add(loss, api.Mul(api.Sub(1, gain), api.Sub(valueIn, valueOut)))
		turnover = api.Add(turnover, valueIn)

		// (6) the weights of the traded assets never move further outside their band.
		for _, e := range [][]frontend.Variable{eAI, eAO} {
			lo, hi := dot(api, e, minW), dot(api, e, maxW)
			sel := func(s *state) frontend.Variable {
				return dot(api, e, func(a int) frontend.Variable { return s.value[a] })
			}
			before := k.dist(k.weight(sel(cur), cur.total), lo, hi)
			now := k.dist(k.weight(sel(after), after.total), lo, hi)
			rc.AssertLE(now, before, BpsBits+1)
		}
		// (7) the stable share never drops below the floor, or further below it.
		k.bufferOK(after.stable, cur.stable)

		// The action joins the hash chain.
		packed := frontend.Variable(0)
		for j, part := range []frontend.Variable{act.Venue, act.AssetIn, act.VenueIn, act.AssetOut, act.VenueOut, act.AmountIn, act.AmountOut} {
			packed = api.Add(packed, api.Mul(part, pow2(packShifts[j])))
		}
		h := comp.Compress(chain, packed)
		chain = api.Add(chain, api.Mul(on, api.Sub(h, chain)))
		cur = after
	}
	api.AssertIsEqual(chain, c.ActionsCommitment)

	// Per epoch: turnover and cumulative loss within budget.
	sumBits := ValueBits + log2Ceil(p.Actions) + 1
	rc.AssertLE(turnover, pol.TurnoverCap, sumBits)
	rc.AssertLE(loss, pol.LossBudget, sumBits)
	// Every weight ends inside its band or no further outside than at the start;
	// the stable share ends at or above the floor, or no lower than at the start.
	for a := range p.Assets {
		lo, hi := minW(a), maxW(a)
		d0 := k.dist(k.weight(start.value[a], start.total), lo, hi)
		d1 := k.dist(k.weight(cur.value[a], cur.total), lo, hi)
		rc.AssertLE(d1, d0, BpsBits+1)
	}
	k.bufferOK(cur.stable, start.stable)

	// The committed new state.
	nh, err := poseidon.NewHasher(api, poseidon.TagState)
	if err != nil {
		return nil, err
	}
	nh.Write(c.NewSalt)
	for a := range p.Assets {
		nh.Write(cur.x[a]...)
	}
	api.AssertIsEqual(nh.Sum(), c.NewStateCommitment)
	return cur.x, nil
}

// bufferOK asserts now >= floor or now >= before.
func (k *ctx) bufferOK(now, before frontend.Variable) {
	api := k.api
	atFloor := k.rc.LessOrEqual(k.c.Policy.BufferFloorBps, now, BpsBits+1)
	notLower := k.rc.LessOrEqual(before, now, BpsBits+1)
	api.AssertIsEqual(api.Mul(api.Sub(1, atFloor), api.Sub(1, notLower)), 0)
}

// Package compliance is the compliance statement of zktreasury as a gnark
// circuit: every action of an epoch had the shape of its kind and stayed inside
// the committed policy's risk corridors, no value appeared from nowhere, and the
// actions took the committed state S(n-1) to S(n) over the public time window.
//
// The arithmetic is exactly that of treasury/corridor (the Go reference checker,
// whose package documentation is the specification); a differential fuzz test
// holds the two together. Values are in value units (amount × price); weights
// and the stable share are V·10000/T in bps, floored (and ceiled above a band).
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
	ValueBits  = 128 // a single amount × price; caps and budgets
	BpsBits    = 14  // 10000 < 2^14
	CountBits  = 16
	EpochBits  = 64
	TimeBits   = 64 // timestamps, unix seconds
	// SpanBits bounds an epoch's length, end - start.
	SpanBits  = 32
	IndexBits = 16 // asset and venue indices in the packed action encoding
	KindBits  = 8
	// MaxSlots bounds K, A and V so indices pack into IndexBits.
	MaxSlots = 1 << 12
)

// Seconds per day and per year, as treasury/corridor scales budgets and rates.
const (
	SecondsPerDay  = 86_400
	SecondsPerYear = 31_536_000
)

// Action kinds (treasury/corridor.Kind); 0 is an empty slot.
const (
	KindNone = iota
	KindSwap
	KindDeposit
	KindWithdraw
	KindAccrue
	KindInflow
	KindOutflow
	numKinds
)

// Venue kinds (treasury/corridor.VenueKind).
const (
	VenueCustody = 1
	VenueAMM     = 2
	VenueLending = 3
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

// Action is one action slot: an action of Kind executed at Venue, taking
// AmountIn of AssetIn out of the slot its kind debits and putting AmountOut of
// AssetOut into the slot its kind credits. Indices are 0-based. The slots
// follow from (Kind, Venue) and the policy's custody venue, so they are not
// witnessed.
type Action struct {
	Kind, Venue, AssetIn, AmountIn, AssetOut, AmountOut frontend.Variable
}

// Circuit proves that the first ActionCount actions, applied in order to the
// positions committed in PrevStateCommitment, give the positions committed in
// NewStateCommitment; that each has the shape of its kind and stays inside the
// corridors of the committed policy at the public prices; that the epoch
// [StartTime, EndTime) is long enough and inside its per-day budgets; that
// Inflows and Outflows are the per-asset totals of the inflow and outflow
// actions; and that the actions are those hash-chained into ActionsCommitment.
type Circuit struct {
	// public
	PolicyCommitment    frontend.Variable   `gnark:",public"`
	PrevStateCommitment frontend.Variable   `gnark:",public"`
	NewStateCommitment  frontend.Variable   `gnark:",public"`
	ActionsCommitment   frontend.Variable   `gnark:",public"`
	ActionCount         frontend.Variable   `gnark:",public"`
	Epoch               frontend.Variable   `gnark:",public"`
	StartTime           frontend.Variable   `gnark:",public"`
	EndTime             frontend.Variable   `gnark:",public"`
	Prices              []frontend.Variable `gnark:",public"`
	Inflows             []frontend.Variable `gnark:",public"`
	Outflows            []frontend.Variable `gnark:",public"`

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
		Inflows:   make([]frontend.Variable, p.Assets),
		Outflows:  make([]frontend.Variable, p.Assets),
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

// PackShifts place the parts of an action in its field encoding in the hash
// chain: kind | venue<<8 | assetIn<<24 | assetOut<<40 | amountIn<<56 |
// amountOut<<120 (184 bits, injective for range-checked parts: the kind and
// the indices are one-hot selected, the amounts range-checked to 64 bits).
var PackShifts = []uint{0, 8, 24, 40, 56, 120}

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
	s.stable, _ = k.weight(stableValue, s.total)
	return s
}

// weight returns floor(value × 10000 / total) and ceil(value × 10000 / total),
// both 0 when total = 0 (then value = 0 too: the divisor becomes 1).
func (k *ctx) weight(value, total frontend.Variable) (floor, ceil frontend.Variable) {
	api := k.api
	divisor := api.Add(total, api.IsZero(total))
	q, r := k.rc.DivRem(api.Mul(value, 10000), divisor, k.divBits, BpsBits)
	return q, api.Add(q, api.Sub(1, api.IsZero(r)))
}

// dist is how far a weight lies outside [lo, hi] (lo <= hi): lo - wf below the
// band (wf floored), wc - hi above it (wc ceiled, wc <= wf + 1), 0 inside.
// Both cannot hold: wf < lo <= hi < wc would need wc >= wf + 2.
func (k *ctx) dist(wf, wc, lo, hi frontend.Variable) frontend.Variable {
	api := k.api
	below := api.Sub(1, k.rc.LessOrEqual(lo, wf, BpsBits+1))
	above := api.Sub(1, k.rc.LessOrEqual(wc, hi, BpsBits+1))
	return api.Add(api.Mul(below, api.Sub(lo, wf)), api.Mul(above, api.Sub(wc, hi)))
}

// assetDist is dist of asset value v in a state of total t against asset band e.
func (k *ctx) assetDist(v, t, lo, hi frontend.Variable) frontend.Variable {
	wf, wc := k.weight(v, t)
	return k.dist(wf, wc, lo, hi)
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

// checkPolicy asserts the ranges the committed policy's parameters must lie in:
// exactly those corridor.Limits.Validate accepts.
func (k *ctx) checkPolicy() (isCustody, isAMM, isLending []frontend.Variable) {
	api, rc, pol, p := k.api, k.rc, &k.c.Policy, k.c.Params
	api.AssertIsBoolean(pol.Paused)
	for _, v := range []frontend.Variable{pol.NotionalCap, pol.TurnoverCapPerDay, pol.LossBudgetPerDay, pol.OutflowCapPerDay} {
		rc.Check(v, ValueBits)
	}
	// 0 <= x <= 10000 for every bps parameter: x and 10000 - x fit 14 bits.
	bpsOK := func(x frontend.Variable) {
		rc.Check(x, BpsBits)
		rc.Check(api.Sub(10000, x), BpsBits)
	}
	bpsOK(pol.MaxSlippageBps)
	bpsOK(pol.BufferFloorBps)
	// 1 <= minEpochSeconds; the upper bound 2^32 - 1 needs no check of its own:
	// DefineWith asserts minEpochSeconds <= end - start < 2^32.
	rc.Check(api.Sub(pol.MinEpochSeconds, 1), SpanBits)
	for a := range p.Assets {
		av := pol.Assets[a]
		api.AssertIsBoolean(av.Allowed)
		api.AssertIsBoolean(av.Stable)
		bpsOK(av.WeightMaxBps)
		rc.AssertLE(av.WeightMinBps, av.WeightMaxBps, BpsBits) // so min >= 0 too: max - min and max fit
		rc.Check(av.WeightMinBps, BpsBits)
	}
	isCustody = make([]frontend.Variable, p.Venues)
	isAMM = make([]frontend.Variable, p.Venues)
	isLending = make([]frontend.Variable, p.Venues)
	custody := frontend.Variable(0)
	for v := range p.Venues {
		vv := pol.Venues[v]
		api.AssertIsBoolean(vv.Allowed)
		api.AssertIsBoolean(vv.HasCap)
		rc.Check(vv.CapValue, ValueBits)
		api.AssertIsEqual(api.Mul(api.Sub(1, vv.HasCap), vv.CapValue), 0) // an uncapped venue's cap is 0
		bpsOK(vv.MaxAprBps)
		isCustody[v] = api.IsZero(api.Sub(vv.Kind, VenueCustody))
		isAMM[v] = api.IsZero(api.Sub(vv.Kind, VenueAMM))
		isLending[v] = api.IsZero(api.Sub(vv.Kind, VenueLending))
		api.AssertIsEqual(api.Add(isCustody[v], api.Add(isAMM[v], isLending[v])), 1)
		custody = api.Add(custody, isCustody[v])
	}
	api.AssertIsEqual(custody, 1)
	return isCustody, isAMM, isLending
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

	// Public inputs bounded. The count is range-checked on its own: AssertLE
	// alone checks only K - count, which a count of r - 1 also passes.
	for _, pr := range c.Prices {
		rc.Check(pr, PriceBits)
	}
	rc.Check(c.Epoch, EpochBits)
	rc.Check(c.ActionCount, CountBits)
	rc.AssertLE(c.ActionCount, p.Actions, CountBits)
	rc.Check(c.StartTime, TimeBits)
	rc.Check(c.EndTime, TimeBits)
	// 0 <= end - start < 2^32 (so end >= start), and at least the policy's minimum.
	span := api.Sub(c.EndTime, c.StartTime)
	rc.Check(span, SpanBits)
	rc.AssertLE(pol.MinEpochSeconds, span, SpanBits)

	// The committed policy, and the ranges its parameters must lie in.
	pc, err := pol.Commit(api)
	if err != nil {
		return nil, err
	}
	api.AssertIsEqual(pc, c.PolicyCommitment)
	isCustody, isAMM, isLending := k.checkPolicy()

	// The committed previous state.
	x0 := make([][]frontend.Variable, p.Assets)
	prev, err := poseidon.NewHasher(api, poseidon.TagState)
	if err != nil {
		return nil, err
	}
	prev.Write(c.PrevSalt)
	for a := range p.Assets {
		x0[a] = append([]frontend.Variable(nil), c.Positions[a]...)
		for _, v := range x0[a] {
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

	start := k.derive(x0)
	cur := start
	turnover := frontend.Variable(0)
	loss := frontend.Variable(0)
	outflowValue := frontend.Variable(0)
	accrued := make([][]frontend.Variable, p.Assets)
	inflows := make([]frontend.Variable, p.Assets)
	outflows := make([]frontend.Variable, p.Assets)
	for a := range p.Assets {
		accrued[a] = make([]frontend.Variable, p.Venues)
		for v := range accrued[a] {
			accrued[a][v] = 0
		}
		inflows[a], outflows[a] = 0, 0
	}
	minW := func(a int) frontend.Variable { return pol.Assets[a].WeightMinBps }
	maxW := func(a int) frontend.Variable { return pol.Assets[a].WeightMaxBps }
	price := func(a int) frontend.Variable { return c.Prices[a] }

	for i, act := range c.Actions {
		// Slot i is active iff i < ActionCount, and then its kind is not 0;
		// an inactive slot has kind 0 and zero amounts, and changes nothing.
		on := rc.LessOrEqual(i+1, c.ActionCount, CountBits)
		eK := oneHot(api, act.Kind, numKinds)
		api.AssertIsEqual(eK[KindNone], api.Sub(1, on))
		isSwap, isDeposit, isWithdraw := eK[KindSwap], eK[KindDeposit], eK[KindWithdraw]
		isAccrue, isInflow, isOutflow := eK[KindAccrue], eK[KindInflow], eK[KindOutflow]
		rc.Check(act.AmountIn, AmountBits)
		rc.Check(act.AmountOut, AmountBits)
		api.AssertIsEqual(api.Mul(eK[KindNone], act.AmountIn), 0) // an empty slot moves nothing
		api.AssertIsEqual(api.Mul(eK[KindNone], act.AmountOut), 0)
		eV := oneHot(api, act.Venue, p.Venues)
		eAI := oneHot(api, act.AssetIn, p.Assets)
		eAO := oneHot(api, act.AssetOut, p.Assets)

		// (0) the shape of the kind: venue kind, assets, amounts.
		atCustody := dot(api, eV, func(v int) frontend.Variable { return isCustody[v] })
		atAMM := dot(api, eV, func(v int) frontend.Variable { return isAMM[v] })
		atLending := dot(api, eV, func(v int) frontend.Variable { return isLending[v] })
		api.AssertIsEqual(api.Mul(isSwap, api.Sub(1, atAMM)), 0)                           // a swap executes at an AMM
		api.AssertIsEqual(api.Mul(api.Add(isDeposit, isAccrue), api.Sub(1, atLending)), 0) // deposits and accruals at a lending pool
		api.AssertIsEqual(api.Mul(isWithdraw, atCustody), 0)                               // a withdrawal leaves a venue, never custody
		api.AssertIsEqual(api.Mul(api.Add(isInflow, isOutflow), api.Sub(1, atCustody)), 0) // flows cross the boundary at custody
		sameAsset := dot(api, eAI, func(a int) frontend.Variable { return eAO[a] })
		api.AssertIsEqual(api.Mul(isSwap, sameAsset), 0)                                                    // a swap exchanges two assets
		api.AssertIsEqual(api.Mul(api.Sub(1, isSwap), api.Sub(1, sameAsset)), 0)                            // every other kind moves one asset
		api.AssertIsEqual(api.Mul(api.Add(isDeposit, isWithdraw), api.Sub(act.AmountIn, act.AmountOut)), 0) // deposits and withdrawals conserve the amount
		api.AssertIsEqual(api.Mul(api.Add(isAccrue, isInflow), act.AmountIn), 0)                            // accruals and inflows take nothing out
		api.AssertIsEqual(api.Mul(isOutflow, act.AmountOut), 0)                                             // an outflow credits nothing
		api.AssertIsEqual(api.Mul(on, api.IsZero(api.Add(act.AmountIn, act.AmountOut))), 0)                 // an active action moves something

		// (1) not paused; (2) a swap's AMM and bought asset, a deposit's venue, allowed.
		api.AssertIsEqual(api.Mul(on, pol.Paused), 0) // no action while paused
		venueOK := dot(api, eV, func(v int) frontend.Variable { return pol.Venues[v].Allowed })
		assetOutOK := dot(api, eAO, func(a int) frontend.Variable { return pol.Assets[a].Allowed })
		api.AssertIsEqual(api.Mul(api.Add(isSwap, isDeposit), api.Sub(1, venueOK)), 0) // a swap's AMM and a deposit's pool are allowed
		api.AssertIsEqual(api.Mul(isSwap, api.Sub(1, assetOutOK)), 0)                  // a swap buys an allowed asset

		// (3) debit, then credit, in the kind's slots: a withdrawal debits the
		// venue, everything else custody; a deposit or an accrual credits the
		// venue, everything else custody (an accrual's debit and an outflow's
		// credit are zero). The debited slot stays >= 0 and the credited slot
		// < 2^64; other slots are unchanged, so stay in range by induction.
		toVenue := api.Add(isDeposit, isAccrue)
		inSlot := make([]frontend.Variable, p.Venues)
		outSlot := make([]frontend.Variable, p.Venues)
		inAmt := make([]frontend.Variable, p.Venues)
		outAmt := make([]frontend.Variable, p.Venues)
		for v := range p.Venues {
			inSlot[v] = api.Add(isCustody[v], api.Mul(isWithdraw, api.Sub(eV[v], isCustody[v])))
			outSlot[v] = api.Add(isCustody[v], api.Mul(toVenue, api.Sub(eV[v], isCustody[v])))
			inAmt[v] = api.Mul(inSlot[v], act.AmountIn)
			outAmt[v] = api.Mul(outSlot[v], act.AmountOut)
		}
		next := make([][]frontend.Variable, p.Assets)
		debited := frontend.Variable(0)
		credited := frontend.Variable(0)
		for a := range p.Assets {
			next[a] = make([]frontend.Variable, p.Venues)
			for v := range p.Venues {
				mid := api.Sub(cur.x[a][v], api.Mul(eAI[a], inAmt[v]))
				next[a][v] = api.Add(mid, api.Mul(eAO[a], outAmt[v]))
				debited = api.Add(debited, api.Mul(api.Mul(eAI[a], inSlot[v]), mid))
				credited = api.Add(credited, api.Mul(api.Mul(eAO[a], outSlot[v]), next[a][v]))
			}
		}
		rc.Check(debited, AmountBits)
		rc.Check(credited, AmountBits)
		after := k.derive(next)

		// (4) notional cap; (5) a swap's value out within the slippage corridor
		// on both sides of its value in; the loss for the budget.
		valueIn := api.Mul(act.AmountIn, dot(api, eAI, price))
		valueOut := api.Mul(act.AmountOut, dot(api, eAO, price))
		rc.AssertLE(valueIn, pol.NotionalCap, ValueBits+1)
		out10k := api.Mul(isSwap, api.Mul(valueOut, 10000))
		rc.AssertLE(api.Mul(isSwap, api.Mul(valueIn, api.Sub(10000, pol.MaxSlippageBps))), out10k, ValueBits+BpsBits+2)
		rc.AssertLE(out10k, api.Mul(isSwap, api.Mul(valueIn, api.Add(10000, pol.MaxSlippageBps))), ValueBits+BpsBits+2)
		gain := rc.LessOrEqual(valueIn, valueOut, ValueBits+1)
		loss = api.Add(loss, api.Mul(isSwap, api.Mul(api.Sub(1, gain), api.Sub(valueIn, valueOut))))
		turnover = api.Add(turnover, valueIn)
		outflowValue = api.Add(outflowValue, api.Mul(isOutflow, valueIn))

		// (6) accruals and flows, summed per slot and per asset (checked at the end).
		accAmt := api.Mul(isAccrue, act.AmountOut)
		inAmt1 := api.Mul(isInflow, act.AmountOut)
		outAmt1 := api.Mul(isOutflow, act.AmountIn)
		for a := range p.Assets {
			ea := api.Mul(eAO[a], accAmt)
			for v := range p.Venues {
				accrued[a][v] = api.Add(accrued[a][v], api.Mul(ea, eV[v]))
			}
			inflows[a] = api.Add(inflows[a], api.Mul(eAO[a], inAmt1))
			outflows[a] = api.Add(outflows[a], api.Mul(eAI[a], outAmt1))
		}

		// (7) the credited venue stays within its cap, or no further above it.
		venueValue := func(s *state) frontend.Variable {
			out := frontend.Variable(0)
			for a := range p.Assets {
				out = api.Add(out, api.Mul(dot(api, outSlot, func(v int) frontend.Variable { return s.x[a][v] }), c.Prices[a]))
			}
			return out
		}
		capped := dot(api, outSlot, func(v int) frontend.Variable { return pol.Venues[v].HasCap })
		capValue := dot(api, outSlot, func(v int) frontend.Variable { return pol.Venues[v].CapValue })
		vvBits := ValueBits + log2Ceil(p.Assets) + 1
		vvBefore, vvAfter := venueValue(cur), venueValue(after)
		underCap := rc.LessOrEqual(vvAfter, capValue, vvBits)
		notHigher := rc.LessOrEqual(vvAfter, vvBefore, vvBits)
		api.AssertIsEqual(api.Mul(capped, api.Mul(api.Sub(1, underCap), api.Sub(1, notHigher))), 0) // capped: under the cap or not higher

		// (8) the weights of the traded assets never move further outside their band.
		for _, e := range [][]frontend.Variable{eAI, eAO} {
			lo, hi := dot(api, e, minW), dot(api, e, maxW)
			sel := func(s *state) frontend.Variable {
				return dot(api, e, func(a int) frontend.Variable { return s.value[a] })
			}
			before := k.assetDist(sel(cur), cur.total, lo, hi)
			now := k.assetDist(sel(after), after.total, lo, hi)
			rc.AssertLE(now, before, BpsBits+1)
		}
		// (9) the stable share never drops below the floor, or further below it.
		k.bufferOK(after.stable, cur.stable)

		// The action joins the hash chain; its kind is part of it.
		packed := frontend.Variable(0)
		for j, part := range []frontend.Variable{act.Kind, act.Venue, act.AssetIn, act.AssetOut, act.AmountIn, act.AmountOut} {
			packed = api.Add(packed, api.Mul(part, pow2(PackShifts[j])))
		}
		h := comp.Compress(chain, packed)
		chain = api.Add(chain, api.Mul(on, api.Sub(h, chain)))
		cur = after
	}
	api.AssertIsEqual(chain, c.ActionsCommitment)

	// Per epoch: turnover, swap loss and outflows within their per-day budgets
	// scaled by the epoch's length: used × 86400 <= perDay × (end - start).
	sumBits := ValueBits + log2Ceil(p.Actions) + 1
	budgetBits := max(sumBits+17, ValueBits+SpanBits) + 1
	for _, b := range []struct{ used, perDay frontend.Variable }{
		{turnover, pol.TurnoverCapPerDay}, {loss, pol.LossBudgetPerDay}, {outflowValue, pol.OutflowCapPerDay},
	} {
		rc.AssertLE(api.Mul(b.used, SecondsPerDay), api.Mul(b.perDay, span), budgetBits)
	}
	// Accruals: Σ accruals(a,v) × 10000 × 31536000 <= X0[a][v] × maxAprBps(v) × (end - start).
	accBits := max(AmountBits+log2Ceil(p.Actions)+39, AmountBits+BpsBits+SpanBits) + 1
	for a := range p.Assets {
		for v := range p.Venues {
			lhs := api.Mul(accrued[a][v], 10000*SecondsPerYear)
			rhs := api.Mul(api.Mul(x0[a][v], pol.Venues[v].MaxAprBps), span)
			rc.AssertLE(lhs, rhs, accBits)
		}
	}
	// The public flows are the flow totals, each below 2^64.
	for a := range p.Assets {
		rc.Check(c.Inflows[a], AmountBits)
		rc.Check(c.Outflows[a], AmountBits)
		api.AssertIsEqual(inflows[a], c.Inflows[a])
		api.AssertIsEqual(outflows[a], c.Outflows[a])
	}
	// Every weight ends inside its band or no further outside than at the start;
	// the stable share ends at or above the floor, or no lower than at the start.
	for a := range p.Assets {
		lo, hi := minW(a), maxW(a)
		d0 := k.assetDist(start.value[a], start.total, lo, hi)
		d1 := k.assetDist(cur.value[a], cur.total, lo, hi)
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

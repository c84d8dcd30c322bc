package corridor

import (
	"fmt"
	"math/big"
	"math/bits"
)

const bps = 10_000

var (
	bigBps     = big.NewInt(bps)
	bigDay     = big.NewInt(SecondsPerDay)
	accrualDen = new(big.Int).Mul(big.NewInt(bps), big.NewInt(SecondsPerYear))
	maxUint64  = new(big.Int).SetUint64(^uint64(0))
)

// Effect is what one accepted action did, in value units.
type Effect struct {
	// ValueIn is AmountIn × p[AssetIn].
	ValueIn *big.Int
	// ValueOut is AmountOut × p[AssetOut].
	ValueOut *big.Int
	// Loss is max(0, ValueIn - ValueOut) for a swap, 0 for any other kind.
	Loss *big.Int
}

// EpochSummary is the outcome of an epoch's checks.
type EpochSummary struct {
	// Actions is the number of actions accepted.
	Actions int
	// Seconds is the epoch's length.
	Seconds uint64
	// Turnover is Σ valueIn, in value units.
	Turnover *big.Int
	// Loss is Σ max(0, valueIn - valueOut) over swaps, in value units.
	Loss *big.Int
	// OutflowValue is Σ valueIn over outflows, in value units.
	OutflowValue *big.Int
	// TurnoverBudget, LossBudget and OutflowBudget are the epoch's budgets:
	// floor(cap per day × Seconds / 86400).
	TurnoverBudget, LossBudget, OutflowBudget *big.Int
	// Inflows and Outflows are the per-asset totals (circuit units) of the
	// epoch's inflow and outflow actions: public inputs of the proof.
	Inflows, Outflows []uint64
	// Final is the state after the accepted actions.
	Final State
	// StartWeightsBps and EndWeightsBps are weightBps at S0 and S_end (all 0
	// when the reserves are worth nothing).
	StartWeightsBps, EndWeightsBps []uint64
	// StartStableBps and EndStableBps are stableBps at S0 and S_end.
	StartStableBps, EndStableBps uint64
}

// Epoch checks the actions of one epoch incrementally: each Apply costs O(1)
// big-integer operations in the number of assets (the venue-cap rule sums one
// venue's column), so a planner can test candidate actions cheaply. It
// implements exactly the rules of the package documentation.
type Epoch struct {
	l       *Limits
	p       Prices
	seconds uint64
	custody int
	x       State
	x0      State
	val     []*big.Int // V_a of the current state
	total   *big.Int   // T of the current state
	stable  *big.Int   // stable value of the current state

	startVal    []*big.Int
	startTotal  *big.Int
	startStable *big.Int

	accrued           [][]uint64 // Σ accruals per slot
	inflows, outflows []*big.Int
	turnover, loss    *big.Int
	outflowValue      *big.Int
	budgets           [3]*big.Int // turnover, loss, outflow
	n                 int
	tmp, tmp2         big.Int // scratch for weight computations
}

// NewEpoch starts an epoch of the given length (seconds) at state s0 and
// prices p. The state is copied.
func NewEpoch(l *Limits, s0 State, p Prices, seconds uint64) (*Epoch, error) {
	if err := l.Validate(); err != nil {
		return nil, fmt.Errorf("new epoch: %w", err)
	}
	nA, nV := l.NumAssets(), l.NumVenues()
	if len(p) != nA {
		return nil, fmt.Errorf("new epoch: %d prices for %d assets: %w", len(p), nA, ErrIndexOutOfRange)
	}
	if len(s0.X) != nA {
		return nil, fmt.Errorf("new epoch: state has %d assets, limits %d: %w", len(s0.X), nA, ErrIndexOutOfRange)
	}
	if seconds > MaxEpochSeconds {
		return nil, fmt.Errorf("new epoch: %d seconds is longer than %d: %w", seconds, uint64(MaxEpochSeconds), ErrEpochLength)
	}
	e := &Epoch{l: l, p: append(Prices(nil), p...), seconds: seconds, custody: l.Custody(), x: s0.Clone(), x0: s0.Clone(),
		val: make([]*big.Int, nA), total: new(big.Int), stable: new(big.Int), turnover: new(big.Int), loss: new(big.Int),
		outflowValue: new(big.Int), accrued: NewState(nA, nV).X, inflows: make([]*big.Int, nA), outflows: make([]*big.Int, nA)}
	sum := new(big.Int)
	for a := range nA {
		if len(s0.X[a]) != nV {
			return nil, fmt.Errorf("new epoch: state of asset %d has %d venues, limits %d: %w", a, len(s0.X[a]), nV, ErrIndexOutOfRange)
		}
		sum.SetUint64(0)
		for _, u := range s0.X[a] {
			sum.Add(sum, new(big.Int).SetUint64(u))
		}
		sum.Mul(sum, new(big.Int).SetUint64(p[a]))
		e.val[a] = new(big.Int).Set(sum)
		e.total.Add(e.total, e.val[a])
		if l.Stable[a] {
			e.stable.Add(e.stable, e.val[a])
		}
		e.inflows[a], e.outflows[a] = new(big.Int), new(big.Int)
	}
	e.startVal = make([]*big.Int, nA)
	for a := range nA {
		e.startVal[a] = new(big.Int).Set(e.val[a])
	}
	e.startTotal = new(big.Int).Set(e.total)
	e.startStable = new(big.Int).Set(e.stable)
	for i, perDay := range []*big.Int{l.TurnoverCapPerDay, l.LossBudgetPerDay, l.OutflowCapPerDay} {
		b := new(big.Int).Mul(perDay, new(big.Int).SetUint64(seconds))
		e.budgets[i] = b.Quo(b, bigDay)
	}
	return e, nil
}

// State returns a copy of the current state.
func (e *Epoch) State() State { return e.x.Clone() }

// Units returns the current position of one slot (no copy of the state).
func (e *Epoch) Units(asset, venue int) uint64 { return e.x.X[asset][venue] }

// Actions returns the number of actions accepted so far.
func (e *Epoch) Actions() int { return e.n }

// Seconds returns the epoch's length.
func (e *Epoch) Seconds() uint64 { return e.seconds }

// Turnover returns Σ valueIn so far (a copy).
func (e *Epoch) Turnover() *big.Int { return new(big.Int).Set(e.turnover) }

// Loss returns Σ swap loss so far (a copy).
func (e *Epoch) Loss() *big.Int { return new(big.Int).Set(e.loss) }

// TurnoverBudget returns the epoch's turnover cap, floor(cap per day × s / 86400).
func (e *Epoch) TurnoverBudget() *big.Int { return new(big.Int).Set(e.budgets[0]) }

// LossBudget returns the epoch's loss budget, floor(budget per day × s / 86400).
func (e *Epoch) LossBudget() *big.Int { return new(big.Int).Set(e.budgets[1]) }

// OutflowBudget returns the epoch's outflow cap, floor(cap per day × s / 86400).
func (e *Epoch) OutflowBudget() *big.Int { return new(big.Int).Set(e.budgets[2]) }

// AccrualBound returns how much more an accrual may credit the slot (asset,
// venue) in this epoch: floor(X0 × maxAprBps × s / (10000 × 31536000)) less
// what was accrued there already.
func (e *Epoch) AccrualBound(asset, venue int) uint64 {
	b := e.accrualCap(asset, venue)
	b.Sub(b, new(big.Int).SetUint64(e.accrued[asset][venue]))
	if b.Sign() <= 0 {
		return 0
	}
	if !b.IsUint64() {
		return ^uint64(0)
	}
	return b.Uint64()
}

func (e *Epoch) accrualCap(asset, venue int) *big.Int {
	b := new(big.Int).SetUint64(e.x0.X[asset][venue])
	b.Mul(b, big.NewInt(int64(e.l.MaxAprBps[venue])))
	b.Mul(b, new(big.Int).SetUint64(e.seconds))
	return b.Quo(b, accrualDen)
}

// Total returns T of the current state (a copy).
func (e *Epoch) Total() *big.Int { return new(big.Int).Set(e.total) }

// Value returns V_a of the current state (a copy).
func (e *Epoch) Value(asset int) *big.Int { return new(big.Int).Set(e.val[asset]) }

// VenueValue returns Σ_a X[a][v] × p_a of the current state.
func (e *Epoch) VenueValue(venue int) *big.Int { return venueValue(e.x, e.p, venue) }

// WeightBps returns weightBps(a) of the current state, or 0 when T = 0.
func (e *Epoch) WeightBps(asset int) uint64 { return weightBps(e.val[asset], e.total) }

// BandDistance returns how far asset's weight in the current state lies
// outside its band, in bps (0 inside), with the exact rounding the corridors
// use: the floored weight below the band, the ceiled weight above it.
func (e *Epoch) BandDistance(asset int) uint64 {
	return e.distance(e.val[asset], e.total, e.l.WeightMinBps[asset], e.l.WeightMaxBps[asset])
}

// StableBps returns stableBps of the current state, or 0 when T = 0.
func (e *Epoch) StableBps() uint64 { return weightBps(e.stable, e.total) }

// Limits returns the limits the epoch checks against.
func (e *Epoch) Limits() *Limits { return e.l }

// Prices returns the epoch's prices (shared; do not modify).
func (e *Epoch) Prices() Prices { return e.p }

// Try checks one action against the current state without applying it.
func (e *Epoch) Try(a Action) (Effect, error) {
	eff, _, err := e.check(a)
	return eff, err
}

// Apply checks one action and, when it passes, applies it. A rejected action
// changes nothing.
func (e *Epoch) Apply(a Action) (Effect, error) {
	eff, nv, err := e.check(a)
	if err != nil {
		return Effect{}, err
	}
	e.x.X[a.AssetIn][a.VenueIn] -= a.AmountIn
	e.x.X[a.AssetOut][a.VenueOut] += a.AmountOut
	if a.AssetIn != a.AssetOut {
		e.val[a.AssetIn] = nv.in
	}
	e.val[a.AssetOut] = nv.out
	e.total = nv.total
	e.stable = nv.stable
	e.turnover.Add(e.turnover, eff.ValueIn)
	e.loss.Add(e.loss, eff.Loss)
	switch a.Kind {
	case Accrue:
		e.accrued[a.AssetOut][a.VenueOut] += a.AmountOut
	case Inflow:
		e.inflows[a.AssetOut].Add(e.inflows[a.AssetOut], new(big.Int).SetUint64(a.AmountOut))
	case Outflow:
		e.outflows[a.AssetIn].Add(e.outflows[a.AssetIn], new(big.Int).SetUint64(a.AmountIn))
		e.outflowValue.Add(e.outflowValue, eff.ValueIn)
	}
	e.n++
	return eff, nil
}

type newValues struct{ in, out, total, stable *big.Int }

// shape checks rule (0): indices, the kind, and the slots and amounts the kind
// implies.
func (e *Epoch) shape(a Action) error {
	l, i := e.l, e.n
	nA, nV := l.NumAssets(), l.NumVenues()
	for _, c := range []struct {
		idx, n int
		name   string
	}{{a.Venue, nV, "venue"}, {a.VenueIn, nV, "venueIn"}, {a.VenueOut, nV, "venueOut"}, {a.AssetIn, nA, "assetIn"}, {a.AssetOut, nA, "assetOut"}} {
		if c.idx < 0 || c.idx >= c.n {
			return l.violation(ErrIndexOutOfRange, i, -1, -1, fmt.Sprintf("%s in [0, %d)", c.name, c.n), fmt.Sprint(c.idx))
		}
	}
	if a.Kind < Swap || a.Kind > Outflow {
		return l.violation(ErrActionShape, i, -1, a.Venue, "kind in [1, 6]", fmt.Sprint(uint8(a.Kind)))
	}
	if a.AmountIn == 0 && a.AmountOut == 0 {
		return l.violation(ErrEmptyAction, i, a.AssetIn, a.Venue, "amountIn + amountOut > 0", "0")
	}
	wantIn, wantOut := Slots(a.Kind, a.Venue, e.custody)
	if a.VenueIn != wantIn || a.VenueOut != wantOut {
		return l.violation(ErrActionShape, i, -1, a.Venue, fmt.Sprintf("%s at venue %d moves venue %d -> %d", a.Kind, a.Venue, wantIn, wantOut),
			fmt.Sprintf("venue %d -> %d", a.VenueIn, a.VenueOut))
	}
	kind := l.VenueKind[a.Venue]
	venueOK := map[Kind]bool{Swap: kind == AMM, Deposit: kind == Lending, Withdraw: kind != Custody, Accrue: kind == Lending,
		Inflow: kind == Custody, Outflow: kind == Custody}[a.Kind]
	if !venueOK {
		return l.violation(ErrVenueKind, i, -1, a.Venue, fmt.Sprintf("a venue where a %s may execute", a.Kind), kind.String())
	}
	if a.Kind == Swap {
		if a.AssetIn == a.AssetOut {
			return l.violation(ErrActionShape, i, a.AssetIn, a.Venue, "a swap exchanges two different assets", "the same asset")
		}
	} else if a.AssetIn != a.AssetOut {
		return l.violation(ErrActionShape, i, a.AssetIn, a.Venue, fmt.Sprintf("a %s moves one asset", a.Kind), fmt.Sprintf("assets %d and %d", a.AssetIn, a.AssetOut))
	}
	switch a.Kind {
	case Deposit, Withdraw:
		if a.AmountIn != a.AmountOut {
			return l.violation(ErrActionShape, i, a.AssetIn, a.Venue, fmt.Sprintf("a %s conserves the amount", a.Kind), fmt.Sprintf("%d in, %d out", a.AmountIn, a.AmountOut))
		}
	case Accrue, Inflow:
		if a.AmountIn != 0 {
			return l.violation(ErrActionShape, i, a.AssetIn, a.Venue, fmt.Sprintf("a %s takes nothing out (amountIn = 0)", a.Kind), fmt.Sprint(a.AmountIn))
		}
	case Outflow:
		if a.AmountOut != 0 {
			return l.violation(ErrActionShape, i, a.AssetIn, a.Venue, "an outflow credits nothing (amountOut = 0)", fmt.Sprint(a.AmountOut))
		}
	}
	return nil
}

func (e *Epoch) check(a Action) (Effect, newValues, error) {
	l, i := e.l, e.n
	if err := e.shape(a); err != nil {
		return Effect{}, newValues{}, err
	}
	// (1) kill switch.
	if l.Paused {
		return Effect{}, newValues{}, l.violation(ErrPaused, i, -1, -1, "not paused", "paused")
	}
	// (2) allowed venues and assets.
	if (a.Kind == Swap || a.Kind == Deposit) && !l.AllowedVenue[a.Venue] {
		return Effect{}, newValues{}, l.violation(ErrVenueNotAllowed, i, -1, a.Venue, "allowed venue", "venue")
	}
	if a.Kind == Swap && !l.AllowedAsset[a.AssetOut] {
		return Effect{}, newValues{}, l.violation(ErrAssetNotAllowed, i, a.AssetOut, -1, "allowed asset", "assetOut")
	}
	// (3) positions stay in [0, 2^64).
	have := e.x.X[a.AssetIn][a.VenueIn]
	if have < a.AmountIn {
		return Effect{}, newValues{}, l.violation(ErrNegativePosition, i, a.AssetIn, a.VenueIn, fmt.Sprint(have), fmt.Sprint(a.AmountIn))
	}
	dst := e.x.X[a.AssetOut][a.VenueOut]
	if a.AssetOut == a.AssetIn && a.VenueOut == a.VenueIn {
		dst -= a.AmountIn
	}
	if dst > ^uint64(0)-a.AmountOut {
		return Effect{}, newValues{}, l.violation(ErrOverflow, i, a.AssetOut, a.VenueOut, fmt.Sprint(^uint64(0)), new(big.Int).Add(new(big.Int).SetUint64(dst), new(big.Int).SetUint64(a.AmountOut)).String())
	}
	// (4) notional cap.
	valueIn := new(big.Int).Mul(new(big.Int).SetUint64(a.AmountIn), new(big.Int).SetUint64(e.p[a.AssetIn]))
	valueOut := new(big.Int).Mul(new(big.Int).SetUint64(a.AmountOut), new(big.Int).SetUint64(e.p[a.AssetOut]))
	if valueIn.Cmp(l.NotionalCap) > 0 {
		return Effect{}, newValues{}, l.violation(ErrNotionalCap, i, a.AssetIn, a.Venue, l.NotionalCap.String(), valueIn.String())
	}
	// (5) a swap's value out within MaxSlippageBps of its value in, both sides.
	if a.Kind == Swap {
		lhs := new(big.Int).Mul(valueOut, bigBps)
		lo := new(big.Int).Mul(valueIn, big.NewInt(int64(bps-l.MaxSlippageBps)))
		hi := new(big.Int).Mul(valueIn, big.NewInt(int64(bps+l.MaxSlippageBps)))
		if lhs.Cmp(lo) < 0 {
			return Effect{}, newValues{}, l.violation(ErrSlippage, i, a.AssetIn, a.Venue, "valueIn*(10000-maxSlippageBps)="+lo.String(), "valueOut*10000="+lhs.String())
		}
		if lhs.Cmp(hi) > 0 {
			return Effect{}, newValues{}, l.violation(ErrFavourableFill, i, a.AssetOut, a.Venue, "valueIn*(10000+maxSlippageBps)="+hi.String(), "valueOut*10000="+lhs.String())
		}
	}
	// (6) an accrual within the venue's APR cap on the slot's starting position.
	if a.Kind == Accrue {
		sum := new(big.Int).SetUint64(e.accrued[a.AssetOut][a.VenueOut])
		sum.Add(sum, new(big.Int).SetUint64(a.AmountOut))
		if limit := e.accrualCap(a.AssetOut, a.VenueOut); sum.Cmp(limit) > 0 {
			return Effect{}, newValues{}, l.violation(ErrAccrual, i, a.AssetOut, a.VenueOut,
				fmt.Sprintf("floor(X0*maxAprBps*seconds/(10000*31536000))=%s", limit), "accrued "+sum.String())
		}
	}
	// (7) the credited venue stays within its cap, or no further above it.
	if c := l.VenueCap[a.VenueOut]; c != nil {
		before := venueValue(e.x, e.p, a.VenueOut)
		after := new(big.Int).Add(before, valueOut)
		if a.VenueIn == a.VenueOut {
			after.Sub(after, valueIn)
		}
		if after.Cmp(c) > 0 && after.Cmp(before) > 0 {
			return Effect{}, newValues{}, l.violation(ErrVenueCap, i, -1, a.VenueOut, c.String(), after.String())
		}
	}
	// (8) weights of AssetIn and AssetOut never move further outside their bands.
	var nv newValues
	nv.in = new(big.Int).Sub(e.val[a.AssetIn], valueIn)
	base := e.val[a.AssetOut]
	if a.AssetOut == a.AssetIn {
		base = nv.in
	}
	nv.out = new(big.Int).Add(base, valueOut)
	if a.AssetOut == a.AssetIn {
		nv.in = nv.out
	}
	nv.total = new(big.Int).Sub(e.total, valueIn)
	nv.total.Add(nv.total, valueOut)
	nv.stable = new(big.Int).Set(e.stable)
	if l.Stable[a.AssetIn] {
		nv.stable.Sub(nv.stable, valueIn)
	}
	if l.Stable[a.AssetOut] {
		nv.stable.Add(nv.stable, valueOut)
	}
	for _, c := range []struct {
		asset  int
		before *big.Int
		after  *big.Int
	}{{a.AssetIn, e.val[a.AssetIn], nv.in}, {a.AssetOut, e.val[a.AssetOut], nv.out}} {
		lo, hi := l.WeightMinBps[c.asset], l.WeightMaxBps[c.asset]
		db := e.distance(c.before, e.total, lo, hi)
		da := e.distance(c.after, nv.total, lo, hi)
		if da > db {
			return Effect{}, newValues{}, l.violation(ErrWeightBand, i, c.asset, -1,
				fmt.Sprintf("band [%d, %d] bps, distance before %d", lo, hi, db),
				fmt.Sprintf("weight %d -> %d bps, distance after %d", weightBps(c.before, e.total), weightBps(c.after, nv.total), da))
		}
	}
	// (9) stable share: at or above the floor, or not lower than before.
	sb := weightBpsInto(&e.tmp, &e.tmp2, e.stable, e.total)
	sa := weightBpsInto(&e.tmp, &e.tmp2, nv.stable, nv.total)
	if sa < uint64(l.BufferFloorBps) && sa < sb {
		return Effect{}, newValues{}, l.violation(ErrLiquidityBuffer, i, -1, -1,
			fmt.Sprintf("floor %d bps or at least %d bps", l.BufferFloorBps, sb), fmt.Sprintf("%d bps", sa))
	}
	loss := new(big.Int)
	if a.Kind == Swap && valueIn.Cmp(valueOut) > 0 {
		loss.Sub(valueIn, valueOut)
	}
	return Effect{ValueIn: valueIn, ValueOut: valueOut, Loss: loss}, nv, nil
}

// distance is dist(v / total) with the weight floored below the band and
// ceiled above it, so that "inside [lo, hi]" is exact: lo·T <= 10000·v <= hi·T.
func (e *Epoch) distance(v, total *big.Int, lo, hi uint32) uint64 {
	wf := weightBpsInto(&e.tmp, &e.tmp2, v, total)
	wc := wf
	if total.Sign() > 0 {
		e.tmp.SetUint64(wf)
		e.tmp.Mul(&e.tmp, total)
		e.tmp2.Mul(v, bigBps)
		if e.tmp.Cmp(&e.tmp2) != 0 {
			wc++
		}
	}
	return dist(wf, wc, lo, hi)
}

// Finish runs the epoch-level checks on the actions applied so far and returns
// the summary. It does not change the epoch; more actions may follow.
func (e *Epoch) Finish() (EpochSummary, error) {
	l := e.l
	sum := e.summary()
	if e.seconds < l.MinEpochSeconds {
		return sum, l.violation(ErrEpochLength, -1, -1, -1, fmt.Sprintf("at least %d seconds", l.MinEpochSeconds), fmt.Sprint(e.seconds))
	}
	if e.turnover.Cmp(e.budgets[0]) > 0 {
		return sum, l.violation(ErrTurnoverCap, -1, -1, -1, e.budgets[0].String(), e.turnover.String())
	}
	if e.loss.Cmp(e.budgets[1]) > 0 {
		return sum, l.violation(ErrLossBudget, -1, -1, -1, e.budgets[1].String(), e.loss.String())
	}
	if e.outflowValue.Cmp(e.budgets[2]) > 0 {
		return sum, l.violation(ErrOutflowCap, -1, -1, -1, e.budgets[2].String(), e.outflowValue.String())
	}
	for a := range l.NumAssets() {
		for _, f := range []*big.Int{e.inflows[a], e.outflows[a]} {
			if f.Cmp(maxUint64) > 0 {
				return sum, l.violation(ErrOverflow, -1, a, -1, "flow total <= 2^64-1", f.String())
			}
		}
	}
	for a := range l.NumAssets() {
		lo, hi := l.WeightMinBps[a], l.WeightMaxBps[a]
		d0 := e.distance(e.startVal[a], e.startTotal, lo, hi)
		d1 := e.distance(e.val[a], e.total, lo, hi)
		if d1 > d0 {
			return sum, l.violation(ErrWeightBand, -1, a, -1,
				fmt.Sprintf("band [%d, %d] bps, distance at start %d", lo, hi, d0),
				fmt.Sprintf("weight %d -> %d bps, distance at end %d", sum.StartWeightsBps[a], sum.EndWeightsBps[a], d1))
		}
	}
	if sum.EndStableBps < uint64(l.BufferFloorBps) && sum.EndStableBps < sum.StartStableBps {
		return sum, l.violation(ErrLiquidityBuffer, -1, -1, -1,
			fmt.Sprintf("floor %d bps or at least %d bps", l.BufferFloorBps, sum.StartStableBps), fmt.Sprintf("%d bps", sum.EndStableBps))
	}
	return sum, nil
}

func (e *Epoch) summary() EpochSummary {
	nA := e.l.NumAssets()
	s := EpochSummary{Actions: e.n, Seconds: e.seconds, Turnover: e.Turnover(), Loss: e.Loss(), OutflowValue: new(big.Int).Set(e.outflowValue),
		TurnoverBudget: e.TurnoverBudget(), LossBudget: e.LossBudget(), OutflowBudget: e.OutflowBudget(),
		Inflows: make([]uint64, nA), Outflows: make([]uint64, nA), Final: e.State(),
		StartWeightsBps: make([]uint64, nA), EndWeightsBps: make([]uint64, nA)}
	for a := range nA {
		// Totals over 2^64 are refused by Finish; the summary saturates.
		s.Inflows[a], s.Outflows[a] = saturate(e.inflows[a]), saturate(e.outflows[a])
		s.StartWeightsBps[a] = weightBps(e.startVal[a], e.startTotal)
		s.EndWeightsBps[a] = weightBps(e.val[a], e.total)
	}
	s.StartStableBps = weightBps(e.startStable, e.startTotal)
	s.EndStableBps = weightBps(e.stable, e.total)
	return s
}

func saturate(v *big.Int) uint64 {
	if v.IsUint64() {
		return v.Uint64()
	}
	return ^uint64(0)
}

func venueValue(s State, p Prices, venue int) *big.Int {
	out, t := new(big.Int), new(big.Int)
	for a := range s.X {
		t.SetUint64(s.X[a][venue])
		out.Add(out, t.Mul(t, new(big.Int).SetUint64(p[a])))
	}
	return out
}

// CheckAction checks one action against state s in an epoch of the given
// length and returns the state after it.
func CheckAction(l *Limits, s State, p Prices, seconds uint64, a Action) (State, error) {
	e, err := NewEpoch(l, s, p, seconds)
	if err != nil {
		return State{}, err
	}
	if _, err := e.Apply(a); err != nil {
		return State{}, err
	}
	return e.x, nil
}

// CheckEpoch checks every action of an epoch of the given length in order,
// then the epoch-level corridors. On a violation the summary covers the
// actions accepted before it.
func CheckEpoch(l *Limits, s0 State, p Prices, seconds uint64, actions []Action) (EpochSummary, error) {
	e, err := NewEpoch(l, s0, p, seconds)
	if err != nil {
		return EpochSummary{}, err
	}
	for _, a := range actions {
		if _, err := e.Apply(a); err != nil {
			return e.summary(), err
		}
	}
	return e.Finish()
}

// CheckSolvency checks Σ X[a][v]·p_a·(10000 - HaircutBps[a][v]) >=
// (Σ L_a·p_a)·MinRatioBps, with liabilities L in circuit units (rounded up).
func CheckSolvency(l *Limits, s State, p Prices, liabilities []uint64) error {
	reserves, owed, err := solvencySides(l, s, p, liabilities)
	if err != nil {
		return err
	}
	rhs := new(big.Int).Mul(owed, big.NewInt(int64(l.MinRatioBps)))
	if reserves.Cmp(rhs) < 0 {
		return l.violation(ErrSolvencyRatio, -1, -1, -1, "liabilities*minRatioBps="+rhs.String(), "haircut reserves*10000="+reserves.String())
	}
	return nil
}

// CheckCoverage checks, for every asset a the policy marks for coverage,
// Σ_v X[a][v]·(10000 - HaircutBps[a][v]) >= L_a·MinRatioBps, in circuit units
// (no prices): the asset's own haircut holdings cover what is owed in it. It is
// the Go twin of the solvency circuit's per-asset rule.
func CheckCoverage(l *Limits, s State, liabilities []uint64) error {
	if err := l.Validate(); err != nil {
		return fmt.Errorf("check coverage: %w", err)
	}
	nA, nV := l.NumAssets(), l.NumVenues()
	if len(liabilities) != nA || len(s.X) != nA {
		return fmt.Errorf("check coverage: %d liabilities and %d state rows for %d assets: %w", len(liabilities), len(s.X), nA, ErrIndexOutOfRange)
	}
	cover, t := new(big.Int), new(big.Int)
	for a := range l.Coverage {
		if !l.Coverage[a] {
			continue
		}
		if len(s.X[a]) != nV {
			return fmt.Errorf("check coverage: state of asset %d has %d venues, want %d: %w", a, len(s.X[a]), nV, ErrIndexOutOfRange)
		}
		cover.SetUint64(0)
		for v, x := range s.X[a] {
			t.SetUint64(x)
			cover.Add(cover, t.Mul(t, big.NewInt(int64(bps-l.HaircutBps[a][v]))))
		}
		need := new(big.Int).SetUint64(liabilities[a])
		need.Mul(need, big.NewInt(int64(l.MinRatioBps)))
		if cover.Cmp(need) < 0 {
			return l.violation(ErrCoverage, -1, a, -1, "liabilities*minRatioBps="+need.String(), "haircut holdings*10000="+cover.String())
		}
	}
	return nil
}

// SolvencyRatioBps returns floor(haircut reserves × 10000 / liabilities) in
// basis points, and false when the liabilities are worth nothing.
func SolvencyRatioBps(l *Limits, s State, p Prices, liabilities []uint64) (*big.Int, bool, error) {
	reserves, owed, err := solvencySides(l, s, p, liabilities)
	if err != nil {
		return nil, false, err
	}
	if owed.Sign() == 0 {
		return nil, false, nil
	}
	return new(big.Int).Quo(reserves, owed), true, nil
}

// solvencySides returns Σ X·p·(10000-h) and Σ L·p.
func solvencySides(l *Limits, s State, p Prices, liabilities []uint64) (*big.Int, *big.Int, error) {
	if err := l.Validate(); err != nil {
		return nil, nil, fmt.Errorf("check solvency: %w", err)
	}
	nA, nV := l.NumAssets(), l.NumVenues()
	if len(p) != nA || len(liabilities) != nA || len(s.X) != nA {
		return nil, nil, fmt.Errorf("check solvency: %d prices, %d liabilities and %d state rows for %d assets: %w", len(p), len(liabilities), len(s.X), nA, ErrIndexOutOfRange)
	}
	reserves, owed, t := new(big.Int), new(big.Int), new(big.Int)
	for a := range nA {
		if len(s.X[a]) != nV {
			return nil, nil, fmt.Errorf("check solvency: state of asset %d has %d venues, want %d: %w", a, len(s.X[a]), nV, ErrIndexOutOfRange)
		}
		pa := new(big.Int).SetUint64(p[a])
		for v, x := range s.X[a] {
			t.SetUint64(x)
			t.Mul(t, pa)
			t.Mul(t, big.NewInt(int64(bps-l.HaircutBps[a][v])))
			reserves.Add(reserves, t)
		}
		t.SetUint64(liabilities[a])
		owed.Add(owed, t.Mul(t, pa))
	}
	return reserves, owed, nil
}

func weightBps(v, total *big.Int) uint64 { return weightBpsInto(new(big.Int), new(big.Int), v, total) }

// weightBpsInto returns floor(v·10000/total), for 0 <= v <= total, or 0 when
// total = 0, using the scratch integers x and y. It estimates the quotient from
// the top 63 bits and corrects it with exact multiplications, which is much
// cheaper than a multi-word division and gives the same integer.
func weightBpsInto(x, y, v, total *big.Int) uint64 {
	if total.Sign() == 0 {
		return 0
	}
	k := max(total.BitLen()-63, 0)
	tv := x.Rsh(total, uint(k)).Uint64()
	vv := y.Rsh(v, uint(k)).Uint64()
	hi, lo := bits.Mul64(vv, bps)
	var q uint64
	if hi < tv {
		q, _ = bits.Div64(hi, lo, tv)
	}
	if k == 0 && hi < tv {
		return q // exact: nothing was shifted out
	}
	y.Mul(v, bigBps) // v·10000
	x.SetUint64(q)
	x.Mul(x, total) // q·total
	for x.Cmp(y) > 0 {
		q--
		x.Sub(x, total)
	}
	for {
		x.Add(x, total)
		if x.Cmp(y) > 0 {
			return q
		}
		q++
	}
}

// dist is how far a weight lies outside [lo, hi]: lo - wf below the band (wf
// the floored weight), wc - hi above it (wc the ceiled weight), 0 inside.
func dist(wf, wc uint64, lo, hi uint32) uint64 {
	switch {
	case wf < uint64(lo):
		return uint64(lo) - wf
	case wc > uint64(hi):
		return wc - uint64(hi)
	}
	return 0
}

package corridor

import (
	"fmt"
	"math/big"
	"math/bits"
)

const bps = 10_000

var bigBps = big.NewInt(bps)

// Effect is what one accepted action did, in value units.
type Effect struct {
	// ValueIn is AmountIn × p[AssetIn].
	ValueIn *big.Int
	// ValueOut is AmountOut × p[AssetOut].
	ValueOut *big.Int
	// Loss is max(0, ValueIn - ValueOut).
	Loss *big.Int
}

// EpochSummary is the outcome of an epoch's checks.
type EpochSummary struct {
	// Actions is the number of actions accepted.
	Actions int
	// Turnover is Σ valueIn, in value units.
	Turnover *big.Int
	// Loss is Σ max(0, valueIn - valueOut), in value units.
	Loss *big.Int
	// Final is the state after the accepted actions.
	Final State
	// StartWeightsBps and EndWeightsBps are weightBps at S0 and S_end (nil when
	// the reserves are worth nothing).
	StartWeightsBps, EndWeightsBps []uint64
	// StartStableBps and EndStableBps are stableBps at S0 and S_end.
	StartStableBps, EndStableBps uint64
}

// Epoch checks the actions of one epoch incrementally: each Apply costs O(1)
// big-integer operations, whatever the number of assets and venues, so a
// planner can test candidate actions cheaply. It implements exactly the rules
// of the package documentation.
type Epoch struct {
	l      *Limits
	p      Prices
	x      State
	val    []*big.Int // V_a of the current state
	total  *big.Int   // T of the current state
	stable *big.Int   // stable value of the current state

	startVal     []*big.Int
	startTotal   *big.Int
	startStable  *big.Int
	startWeights []uint64 // weightBps at S0 (nil when T(S0) = 0)
	startStableW uint64

	turnover, loss *big.Int
	n              int
	tmp, tmp2      big.Int // scratch for weight computations
}

// NewEpoch starts an epoch at state s0 and prices p. The state is copied.
func NewEpoch(l *Limits, s0 State, p Prices) (*Epoch, error) {
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
	e := &Epoch{l: l, p: append(Prices(nil), p...), x: s0.Clone(), val: make([]*big.Int, nA),
		total: new(big.Int), stable: new(big.Int), turnover: new(big.Int), loss: new(big.Int)}
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
	}
	e.startVal = make([]*big.Int, nA)
	for a := range nA {
		e.startVal[a] = new(big.Int).Set(e.val[a])
	}
	e.startTotal = new(big.Int).Set(e.total)
	e.startStable = new(big.Int).Set(e.stable)
	if e.startTotal.Sign() > 0 {
		e.startWeights = make([]uint64, nA)
		for a := range nA {
			e.startWeights[a] = weightBpsInto(&e.tmp, &e.tmp2, e.startVal[a], e.startTotal)
		}
		e.startStableW = weightBpsInto(&e.tmp, &e.tmp2, e.startStable, e.startTotal)
	}
	return e, nil
}

// State returns a copy of the current state.
func (e *Epoch) State() State { return e.x.Clone() }

// Units returns the current position of one slot (no copy of the state).
func (e *Epoch) Units(asset, venue int) uint64 { return e.x.X[asset][venue] }

// Actions returns the number of actions accepted so far.
func (e *Epoch) Actions() int { return e.n }

// Turnover returns Σ valueIn so far (a copy).
func (e *Epoch) Turnover() *big.Int { return new(big.Int).Set(e.turnover) }

// Loss returns Σ loss so far (a copy).
func (e *Epoch) Loss() *big.Int { return new(big.Int).Set(e.loss) }

// Total returns T of the current state (a copy).
func (e *Epoch) Total() *big.Int { return new(big.Int).Set(e.total) }

// Value returns V_a of the current state (a copy).
func (e *Epoch) Value(asset int) *big.Int { return new(big.Int).Set(e.val[asset]) }

// WeightBps returns weightBps(a) of the current state, or 0 when T = 0.
func (e *Epoch) WeightBps(asset int) uint64 { return weightBps(e.val[asset], e.total) }

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
	e.n++
	return eff, nil
}

type newValues struct{ in, out, total, stable *big.Int }

func (e *Epoch) check(a Action) (Effect, newValues, error) {
	l, i := e.l, e.n
	nA, nV := l.NumAssets(), l.NumVenues()
	// (0) structure.
	for _, c := range []struct {
		idx, n int
		name   string
	}{{a.Venue, nV, "venue"}, {a.VenueIn, nV, "venueIn"}, {a.VenueOut, nV, "venueOut"}, {a.AssetIn, nA, "assetIn"}, {a.AssetOut, nA, "assetOut"}} {
		if c.idx < 0 || c.idx >= c.n {
			return Effect{}, newValues{}, l.violation(ErrIndexOutOfRange, i, -1, -1, fmt.Sprintf("%s in [0, %d)", c.name, c.n), fmt.Sprint(c.idx))
		}
	}
	if a.AmountIn == 0 && a.AmountOut == 0 {
		return Effect{}, newValues{}, l.violation(ErrEmptyAction, i, a.AssetIn, a.Venue, "amountIn + amountOut > 0", "0")
	}
	// (1) kill switch.
	if l.Paused {
		return Effect{}, newValues{}, l.violation(ErrPaused, i, -1, -1, "not paused", "paused")
	}
	// (2) allowed venues and assets.
	if !l.AllowedVenue[a.Venue] {
		return Effect{}, newValues{}, l.violation(ErrVenueNotAllowed, i, -1, a.Venue, "allowed venue", "venue")
	}
	if !l.AllowedVenue[a.VenueOut] {
		return Effect{}, newValues{}, l.violation(ErrVenueNotAllowed, i, -1, a.VenueOut, "allowed venue", "venueOut")
	}
	if !l.AllowedAsset[a.AssetOut] {
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
	// (5) slippage: valueOut × 10000 >= valueIn × (10000 - MaxSlippageBps).
	lhs := new(big.Int).Mul(valueOut, bigBps)
	rhs := new(big.Int).Mul(valueIn, big.NewInt(int64(bps-l.MaxSlippageBps)))
	if lhs.Cmp(rhs) < 0 {
		return Effect{}, newValues{}, l.violation(ErrSlippage, i, a.AssetIn, a.Venue, "valueIn*(10000-maxSlippageBps)="+rhs.String(), "valueOut*10000="+lhs.String())
	}
	// (6) weights of AssetIn and AssetOut never move further outside their bands.
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
	if e.total.Sign() == 0 {
		return Effect{}, newValues{}, l.violation(ErrEmptyReserves, i, -1, -1, "T(S) > 0", "0")
	}
	if nv.total.Sign() == 0 {
		return Effect{}, newValues{}, l.violation(ErrEmptyReserves, i, -1, -1, "T(S') > 0", "0")
	}
	for _, c := range []struct {
		asset  int
		before *big.Int
		after  *big.Int
	}{{a.AssetIn, e.val[a.AssetIn], nv.in}, {a.AssetOut, e.val[a.AssetOut], nv.out}} {
		wb := weightBpsInto(&e.tmp, &e.tmp2, c.before, e.total)
		wa := weightBpsInto(&e.tmp, &e.tmp2, c.after, nv.total)
		db := dist(wb, l.WeightMinBps[c.asset], l.WeightMaxBps[c.asset])
		da := dist(wa, l.WeightMinBps[c.asset], l.WeightMaxBps[c.asset])
		if da > db {
			return Effect{}, newValues{}, l.violation(ErrWeightBand, i, c.asset, -1,
				fmt.Sprintf("band [%d, %d] bps, distance before %d", l.WeightMinBps[c.asset], l.WeightMaxBps[c.asset], db),
				fmt.Sprintf("weight %d -> %d bps, distance after %d", wb, wa, da))
		}
	}
	// (7) stable share: at or above the floor, or not lower than before.
	sb := weightBpsInto(&e.tmp, &e.tmp2, e.stable, e.total)
	sa := weightBpsInto(&e.tmp, &e.tmp2, nv.stable, nv.total)
	if sa < uint64(l.BufferFloorBps) && sa < sb {
		return Effect{}, newValues{}, l.violation(ErrLiquidityBuffer, i, -1, -1,
			fmt.Sprintf("floor %d bps or at least %d bps", l.BufferFloorBps, sb), fmt.Sprintf("%d bps", sa))
	}
	loss := new(big.Int).Sub(valueIn, valueOut)
	if loss.Sign() < 0 {
		loss.SetUint64(0)
	}
	return Effect{ValueIn: valueIn, ValueOut: valueOut, Loss: loss}, nv, nil
}

// Finish runs the epoch-level checks on the actions applied so far and returns
// the summary. It does not change the epoch; more actions may follow.
func (e *Epoch) Finish() (EpochSummary, error) {
	l := e.l
	sum := e.summary()
	if e.turnover.Cmp(l.TurnoverCap) > 0 {
		return sum, l.violation(ErrTurnoverCap, -1, -1, -1, l.TurnoverCap.String(), e.turnover.String())
	}
	if e.loss.Cmp(l.LossBudget) > 0 {
		return sum, l.violation(ErrLossBudget, -1, -1, -1, l.LossBudget.String(), e.loss.String())
	}
	if e.startTotal.Sign() == 0 {
		return sum, l.violation(ErrEmptyReserves, -1, -1, -1, "T(S0) > 0", "0")
	}
	if e.total.Sign() == 0 {
		return sum, l.violation(ErrEmptyReserves, -1, -1, -1, "T(S_end) > 0", "0")
	}
	for a := range l.NumAssets() {
		w0, w1 := sum.StartWeightsBps[a], sum.EndWeightsBps[a]
		d0 := dist(w0, l.WeightMinBps[a], l.WeightMaxBps[a])
		d1 := dist(w1, l.WeightMinBps[a], l.WeightMaxBps[a])
		if d1 > d0 {
			return sum, l.violation(ErrWeightBand, -1, a, -1,
				fmt.Sprintf("band [%d, %d] bps, distance at start %d", l.WeightMinBps[a], l.WeightMaxBps[a], d0),
				fmt.Sprintf("weight %d -> %d bps, distance at end %d", w0, w1, d1))
		}
	}
	if sum.EndStableBps < uint64(l.BufferFloorBps) && sum.EndStableBps < sum.StartStableBps {
		return sum, l.violation(ErrLiquidityBuffer, -1, -1, -1,
			fmt.Sprintf("floor %d bps or at least %d bps", l.BufferFloorBps, sum.StartStableBps), fmt.Sprintf("%d bps", sum.EndStableBps))
	}
	return sum, nil
}

func (e *Epoch) summary() EpochSummary {
	s := EpochSummary{Actions: e.n, Turnover: e.Turnover(), Loss: e.Loss(), Final: e.State()}
	if e.startWeights != nil {
		s.StartWeightsBps = append([]uint64(nil), e.startWeights...)
		s.StartStableBps = e.startStableW
	}
	if e.total.Sign() > 0 {
		s.EndWeightsBps = make([]uint64, len(e.val))
		for a := range e.val {
			s.EndWeightsBps[a] = weightBps(e.val[a], e.total)
		}
		s.EndStableBps = weightBps(e.stable, e.total)
	}
	return s
}

// CheckAction checks one action against state s at prices p and returns the
// state after it.
func CheckAction(l *Limits, s State, p Prices, a Action) (State, error) {
	e, err := NewEpoch(l, s, p)
	if err != nil {
		return State{}, err
	}
	if _, err := e.Apply(a); err != nil {
		return State{}, err
	}
	return e.x, nil
}

// CheckEpoch checks every action of an epoch in order, then the epoch-level
// corridors. On a violation the summary covers the actions accepted before it.
func CheckEpoch(l *Limits, s0 State, p Prices, actions []Action) (EpochSummary, error) {
	e, err := NewEpoch(l, s0, p)
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

// weightBpsInto returns floor(v·10000/total), for 0 <= v <= total, using the
// scratch integers x and y. It estimates the quotient from the top 63 bits and
// corrects it with exact multiplications, which is much cheaper than a
// multi-word division and gives the same integer.
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

func dist(w uint64, lo, hi uint32) uint64 {
	switch {
	case w < uint64(lo):
		return uint64(lo) - w
	case w > uint64(hi):
		return w - uint64(hi)
	}
	return 0
}

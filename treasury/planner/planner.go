// Package planner turns a target allocation into an ordered list of actions
// that satisfies every corridor of the policy, or says precisely why it cannot.
//
// The planner works on the same integers as the corridor checker and prices
// every action with the execution model's expected output (fees and price
// impact included), applying each candidate to an incremental corridor.Epoch
// before keeping it. A plan therefore passes corridor.CheckEpoch when executed
// on the same model; the fuzz tests hold it to that.
//
// Order of work: withdrawals from lending and AMM venues down to their targets, then
// swaps through the quote asset (sells of overweight assets and buys of
// underweight ones, interleaved so the quote asset stays inside its band), then
// deposits up to the lending targets. Trades above the notional cap are split;
// a chunk that fails slippage, a weight band, a venue cap or the buffer is
// halved and retried; work stops at the epoch's turnover or loss budget (the
// per-day budgets scaled by Request.Seconds).
//
// Action slots: the compliance circuit has K action slots per epoch
// (Request.MaxActions, counting Request.Prior). A plan that needs more is
// compacted: chunks of the same flow (kind, venue, slots) are merged and
// opposite flows (a withdrawal and a deposit of one slot, swaps both ways of
// one asset pair) are netted, each change kept only if the whole epoch still
// replays through the checker; what still does not fit is cut from the end
// and reported as a shortfall ("slots"), never emitted. If the epoch as a
// whole then fails a corridor, trailing actions are dropped until it passes.
//
// Every step is a typed action with its kind's canonical slots: swaps custody
// to custody at an AMM, deposits custody to a lending venue, withdrawals a
// lending or AMM venue to custody. The planner emits no accrual (the engine claims
// interest as Prior), and no inflow or outflow.
package planner

import (
	"errors"
	"fmt"
	"math/big"

	"github.com/zktreasury/zktreasury/treasury/corridor"
	"github.com/zktreasury/zktreasury/treasury/execution"
)

// Target is the desired value of every slot, in value units, [asset][venue].
// Its total should equal the current reserves; the planner moves toward it and
// stops within the minimum trade size.
type Target struct {
	// Value is indexed [asset][venue].
	Value [][]*big.Int
}

// Request is everything one plan needs.
type Request struct {
	// Limits are the policy's corridors.
	Limits *corridor.Limits
	// Start is the state at the start of the epoch (S0).
	Start corridor.State
	// Prices are the epoch's prices.
	Prices corridor.Prices
	// Seconds is the epoch's length: the per-day budgets and the accrual
	// bound scale with it, as in corridor.NewEpoch.
	Seconds uint64
	// MaxActions is K, the compliance circuit's action slots: the plan's
	// steps and Prior together are at most K (0 means no limit).
	MaxActions int
	// Prior are actions already executed in this epoch (interest accruals);
	// the plan follows them and the epoch checks cover them.
	Prior []corridor.Action
	// Target is where the strategy wants the reserves.
	Target Target
	// Model prices the actions; it is cloned, never changed.
	Model *execution.Model
	// Custody is the venue swaps draw from and pay into.
	Custody int
	// Quote is the asset every swap goes through.
	Quote int
	// DeRiskOnly restricts the plan to de-risking actions (a circuit breaker
	// tripped): withdrawals, and swaps from a volatile or unsafe asset into a
	// safe stable one.
	DeRiskOnly bool
	// Unsafe marks assets a breaker named (e.g. a depegged stablecoin).
	Unsafe []bool
	// MinTrade is the smallest value worth trading (value units); nil means one
	// basis point of the reserves.
	MinTrade *big.Int
	// MaxSteps bounds the number of actions the search tries to emit before
	// compaction (0 means 10000); MaxActions is the hard limit.
	MaxSteps int
}

// Step is one planned action with its expected result.
type Step struct {
	// Kind is what the action does.
	Kind execution.Kind
	// Action is the integer action, AmountOut the model's expected output.
	Action corridor.Action
	// ValueIn and ValueOut are in value units at the epoch's prices.
	ValueIn, ValueOut *big.Int
	// Costs splits ValueIn - ValueOut into fee, impact and spread.
	Costs execution.Costs
}

// Order returns the execution order of the step, with the expected output as
// its minimum.
func (s Step) Order() execution.Order {
	a := s.Action
	o := execution.Order{Kind: s.Kind, Venue: a.Venue, AssetIn: a.AssetIn, VenueIn: a.VenueIn, AmountIn: a.AmountIn,
		AssetOut: a.AssetOut, VenueOut: a.VenueOut, MinOut: a.AmountOut}
	if s.Kind == execution.Accrue {
		o.AmountOut = a.AmountOut
	}
	return o
}

// Shortfall is a part of the target the plan does not reach, and why.
type Shortfall struct {
	// Asset and Venue locate it (Venue is -1 for a swap need).
	Asset, Venue int
	// Need is "sell", "buy", "withdraw", "deposit", "epoch" (dropped so the
	// epoch passes), "slots" (cut to fit MaxActions) or, from the engine,
	// "solvency".
	Need string
	// Remaining is the value not moved, in value units.
	Remaining *big.Int
	// Reason says why, in words.
	Reason string
	// Err is the corridor violation or model error that stopped it, if any.
	Err error
}

func (s Shortfall) String() string {
	msg := fmt.Sprintf("%s asset %d", s.Need, s.Asset)
	if s.Venue >= 0 {
		msg += fmt.Sprintf(" at venue %d", s.Venue)
	}
	msg += ": " + s.Reason
	if s.Err != nil {
		msg += ": " + s.Err.Error()
	}
	return msg
}

// Plan is the planner's answer.
type Plan struct {
	// Steps are the actions, in execution order, after Request.Prior.
	Steps []Step
	// Summary is the epoch check of Prior followed by Steps.
	Summary corridor.EpochSummary
	// Shortfalls list what the plan does not reach.
	Shortfalls []Shortfall
}

// Complete reports whether the plan reaches its target.
func (p *Plan) Complete() bool { return len(p.Shortfalls) == 0 }

// Actions returns the integer actions of the steps.
func (p *Plan) Actions() []corridor.Action {
	out := make([]corridor.Action, len(p.Steps))
	for i, s := range p.Steps {
		out[i] = s.Action
	}
	return out
}

// ErrBadRequest is returned when a request is inconsistent (shapes, indices,
// or prior actions the corridors reject).
var ErrBadRequest = errors.New("bad plan request")

// errLossBudget marks a chunk that would take the epoch over its loss budget.
var errLossBudget = errors.New("loss budget would be exceeded")

type planner struct {
	req      Request
	l        *corridor.Limits
	p        corridor.Prices
	e        *corridor.Epoch
	m        *execution.Model
	minTrade *big.Int
	steps    []Step
	short    []Shortfall
	maxSteps int
	lending  map[int]*execution.LendingPool
	amms     []int
}

// Make plans the epoch.
func Make(req Request) (*Plan, error) {
	l := req.Limits
	if l == nil || req.Model == nil {
		return nil, fmt.Errorf("plan: limits and model are required: %w", ErrBadRequest)
	}
	nA, nV := l.NumAssets(), l.NumVenues()
	if req.Custody < 0 || req.Custody >= nV || req.Quote < 0 || req.Quote >= nA {
		return nil, fmt.Errorf("plan: custody venue %d or quote asset %d out of range: %w", req.Custody, req.Quote, ErrBadRequest)
	}
	if len(req.Target.Value) != nA || len(req.Model.Venues) != nV {
		return nil, fmt.Errorf("plan: target lists %d assets and model %d venues, want %d and %d: %w", len(req.Target.Value), len(req.Model.Venues), nA, nV, ErrBadRequest)
	}
	for a := range req.Target.Value {
		if len(req.Target.Value[a]) != nV {
			return nil, fmt.Errorf("plan: target of asset %d lists %d venues, want %d: %w", a, len(req.Target.Value[a]), nV, ErrBadRequest)
		}
		for v, x := range req.Target.Value[a] {
			if x == nil || x.Sign() < 0 {
				return nil, fmt.Errorf("plan: target [%d][%d] must be set and non-negative: %w", a, v, ErrBadRequest)
			}
		}
	}
	if req.Unsafe != nil && len(req.Unsafe) != nA {
		return nil, fmt.Errorf("plan: unsafe lists %d assets, want %d: %w", len(req.Unsafe), nA, ErrBadRequest)
	}
	if req.MaxActions < 0 || (req.MaxActions > 0 && len(req.Prior) > req.MaxActions) {
		return nil, fmt.Errorf("plan: %d prior actions and a limit of %d actions: %w", len(req.Prior), req.MaxActions, ErrBadRequest)
	}
	e, err := corridor.NewEpoch(l, req.Start, req.Prices, req.Seconds)
	if err != nil {
		return nil, fmt.Errorf("plan: %v: %w", err, ErrBadRequest)
	}
	for i, a := range req.Prior {
		if _, err := e.Apply(a); err != nil {
			return nil, fmt.Errorf("plan: prior action %d rejected: %v: %w", i, err, ErrBadRequest)
		}
	}
	pl := &planner{req: req, l: l, p: req.Prices, e: e, m: req.Model.Clone(), maxSteps: req.MaxSteps}
	if pl.maxSteps <= 0 {
		pl.maxSteps = 10_000
	}
	pl.minTrade = req.MinTrade
	if pl.minTrade == nil {
		pl.minTrade = new(big.Int).Quo(e.Total(), big.NewInt(10_000))
	}
	// Never chase less than a millionth of the reserves: halving toward a band
	// edge would otherwise approach it in ever smaller steps.
	if floor := new(big.Int).Quo(e.Total(), big.NewInt(1_000_000)); pl.minTrade.Cmp(floor) < 0 {
		pl.minTrade = floor
	}
	if pl.minTrade.Sign() <= 0 {
		pl.minTrade = big.NewInt(1)
	}
	pl.lending = pl.m.Lending()
	for v := range nV {
		if _, ok := pl.m.AMMs()[v]; ok && l.AllowedVenue[v] {
			pl.amms = append(pl.amms, v)
		}
	}
	if l.Paused {
		pl.allShort("policy is paused: no action may execute", corridor.ErrPaused)
	} else {
		pl.withdrawals()
		pl.swaps()
		pl.deposits()
	}
	return pl.finish()
}

func (pl *planner) value(a, v int) *big.Int {
	return mulU(pl.e.Units(a, v), pl.p[a])
}

func (pl *planner) targetTotal(a int) *big.Int {
	t := new(big.Int)
	for _, x := range pl.req.Target.Value[a] {
		t.Add(t, x)
	}
	return t
}

func (pl *planner) unsafe(a int) bool { return pl.req.Unsafe != nil && pl.req.Unsafe[a] }

// deRisking reports whether an order may run in de-risking mode.
func (pl *planner) deRisking(k execution.Kind, in, out int) bool {
	switch k {
	case execution.Withdraw:
		return true
	case execution.Swap:
		risky := !pl.l.Stable[in] || pl.unsafe(in)
		safe := pl.l.Stable[out] && !pl.unsafe(out)
		return risky && safe
	}
	return false
}

// maxUnits is the most units of asset a one action may move: the notional
// cap and the remaining turnover, at a's price.
func (pl *planner) maxUnits(a int) (uint64, string) {
	p := new(big.Int).SetUint64(pl.p[a])
	if p.Sign() == 0 {
		return 0, "asset has no price"
	}
	rem := new(big.Int).Sub(pl.e.TurnoverBudget(), pl.e.Turnover())
	if rem.Sign() <= 0 || rem.Cmp(pl.minTrade) < 0 {
		return 0, "turnover cap reached"
	}
	c := pl.l.NotionalCap
	reason := "notional cap"
	if rem.Cmp(c) < 0 {
		c, reason = rem, "turnover cap"
	}
	u := new(big.Int).Quo(c, p)
	if u.Sign() == 0 {
		return 0, reason + " is below one unit of the asset"
	}
	if !u.IsUint64() {
		return ^uint64(0), ""
	}
	return u.Uint64(), ""
}

// unitsFor converts a value to units of a, rounded down, capped at 2^64-1.
func (pl *planner) unitsFor(a int, v *big.Int) uint64 {
	if v.Sign() <= 0 || pl.p[a] == 0 {
		return 0
	}
	u := new(big.Int).Quo(v, new(big.Int).SetUint64(pl.p[a]))
	if !u.IsUint64() {
		return ^uint64(0)
	}
	return u.Uint64()
}

// attempt quotes and checks an order, halving AmountIn on a corridor it can
// satisfy with less (never below floor), and keeps the first version that
// passes.
func (pl *planner) attempt(o execution.Order, floor *big.Int) (*Step, error) {
	var last error
	for range 32 {
		if o.AmountIn == 0 || mulU(o.AmountIn, pl.p[o.AssetIn]).Cmp(floor) < 0 {
			break
		}
		if len(pl.steps) >= pl.maxSteps {
			return nil, fmt.Errorf("plan reached its limit of %d actions", pl.maxSteps)
		}
		a, err := pl.m.QuoteOut(o, pl.p)
		if err != nil {
			return nil, err
		}
		if a.AmountOut == 0 {
			last = fmt.Errorf("the venue returns nothing for %d units", o.AmountIn)
			o.AmountIn /= 2
			continue
		}
		loss := new(big.Int).Sub(mulU(a.AmountIn, pl.p[a.AssetIn]), mulU(a.AmountOut, pl.p[a.AssetOut]))
		if loss.Sign() > 0 && loss.Add(loss, pl.e.Loss()).Cmp(pl.e.LossBudget()) > 0 {
			err = errLossBudget
		} else if _, err = pl.e.Apply(a); err == nil {
			o.MinOut = a.AmountOut
			got, err := pl.m.Execute(o, pl.p)
			if err != nil {
				return nil, fmt.Errorf("model execution after a quote: %w", err)
			}
			if got.Action != a {
				return nil, fmt.Errorf("model executed %+v after quoting %+v", got.Action, a)
			}
			s := Step{Kind: o.Kind, Action: a, ValueIn: got.ValueIn(pl.p), ValueOut: got.ValueOut(pl.p), Costs: got.Costs}
			pl.steps = append(pl.steps, s)
			return &s, nil
		}
		last = err
		if !(errors.Is(err, corridor.ErrSlippage) || errors.Is(err, corridor.ErrWeightBand) ||
			errors.Is(err, corridor.ErrLiquidityBuffer) || errors.Is(err, corridor.ErrVenueCap) || errors.Is(err, errLossBudget)) {
			return nil, err
		}
		o.AmountIn /= 2
	}
	if last == nil {
		last = errors.New("what is left is below the minimum trade")
	}
	return nil, last
}

// move repeats one kind of transfer of asset a between venues until the
// remaining value is below the minimum trade or a corridor stops it.
func (pl *planner) move(kind execution.Kind, a, venue, from, to int, remaining *big.Int) {
	need := map[execution.Kind]string{execution.Withdraw: "withdraw", execution.Deposit: "deposit"}[kind]
	floor := pl.chunkFloor(remaining)
	for remaining.Cmp(floor) >= 0 {
		if pl.req.DeRiskOnly && !pl.deRisking(kind, a, a) {
			pl.shortfall(a, venue, need, remaining, "engine halted by a circuit breaker: only de-risking actions", nil)
			return
		}
		maxU, why := pl.maxUnits(a)
		if maxU == 0 {
			pl.shortfall(a, venue, need, remaining, why, nil)
			return
		}
		u := min(pl.unitsFor(a, remaining), maxU, pl.e.Units(a, from))
		if kind == execution.Withdraw && remaining.Cmp(pl.value(a, from)) >= 0 {
			u = min(pl.e.Units(a, from), maxU) // empty the slot, dust included
		}
		if u == 0 {
			return
		}
		s, err := pl.attempt(execution.Order{Kind: kind, Venue: venue, AssetIn: a, VenueIn: from, AmountIn: u, AssetOut: a, VenueOut: to}, floor)
		if err != nil {
			pl.shortfall(a, venue, need, remaining, "blocked", err)
			return
		}
		remaining.Sub(remaining, s.ValueIn)
	}
}

func (pl *planner) withdrawals() {
	for a := range pl.l.NumAssets() {
		for v := range pl.l.NumVenues() {
			if v == pl.req.Custody || pl.e.Units(a, v) == 0 {
				continue
			}
			_, lend := pl.lending[v]
			_, amm := pl.m.AMMs()[v]
			if !lend && !amm {
				continue
			}
			over := new(big.Int).Sub(pl.value(a, v), pl.req.Target.Value[a][v])
			if pl.req.Target.Value[a][v].Sign() == 0 {
				over = pl.value(a, v) // exit the slot completely
				if over.Cmp(pl.minTrade) < 0 {
					over = new(big.Int).Set(pl.minTrade)
				}
			}
			pl.move(execution.Withdraw, a, v, v, pl.req.Custody, over)
		}
	}
}

func (pl *planner) deposits() {
	for a := range pl.l.NumAssets() {
		for v := range pl.l.NumVenues() {
			if _, ok := pl.lending[v]; !ok || v == pl.req.Custody {
				continue
			}
			under := new(big.Int).Sub(pl.req.Target.Value[a][v], pl.value(a, v))
			if under.Cmp(pl.minTrade) < 0 {
				continue
			}
			avail := pl.value(a, pl.req.Custody)
			short := new(big.Int)
			if avail.Cmp(under) < 0 {
				short.Sub(under, avail)
				under = avail
			}
			pl.move(execution.Deposit, a, v, pl.req.Custody, v, under)
			if short.Cmp(pl.minTrade) >= 0 {
				pl.shortfall(a, v, "deposit", short, "not enough of the asset in custody", nil)
			}
		}
	}
}

// bestSwap returns the allowed AMM venue quoting the most output, or -1.
func (pl *planner) bestSwap(in, out int, units uint64) int {
	best, bestOut := -1, uint64(0)
	for _, v := range pl.amms {
		a, err := pl.m.QuoteOut(execution.Order{Kind: execution.Swap, Venue: v, AssetIn: in, VenueIn: pl.req.Custody,
			AmountIn: units, AssetOut: out, VenueOut: pl.req.Custody}, pl.p)
		if err == nil && (best < 0 || a.AmountOut > bestOut) {
			best, bestOut = v, a.AmountOut
		}
	}
	return best
}

type swapNeed struct {
	asset     int
	sell      bool
	remaining *big.Int
	floor     *big.Int // smallest chunk worth trading for this need
	done      bool
	lastErr   error
	reason    string
}

func (pl *planner) swaps() {
	q, c := pl.req.Quote, pl.req.Custody
	var sells, buys []*swapNeed
	for a := range pl.l.NumAssets() {
		if a == q {
			continue
		}
		d := new(big.Int).Sub(pl.targetTotal(a), pl.e.Value(a))
		switch {
		case d.Sign() < 0 && new(big.Int).Neg(d).Cmp(pl.minTrade) >= 0:
			d.Neg(d)
			sells = append(sells, &swapNeed{asset: a, sell: true, remaining: d, floor: pl.chunkFloor(d)})
		case d.Cmp(pl.minTrade) >= 0:
			buys = append(buys, &swapNeed{asset: a, remaining: d, floor: pl.chunkFloor(d)})
		}
	}
	if len(sells)+len(buys) == 0 {
		return
	}
	for pass := 0; ; pass++ {
		// Interleave, starting with buys when the quote asset is over its target.
		quoteOver := pl.e.Value(q).Cmp(pl.targetTotal(q)) > 0
		order := interleave(sells, buys, quoteOver)
		progress := false
		for _, n := range order {
			if n.done {
				continue
			}
			if n.remaining.Cmp(n.floor) < 0 {
				n.done = true // within tolerance of the target
				continue
			}
			in, out := n.asset, q
			if !n.sell {
				in, out = q, n.asset
			}
			if pl.req.DeRiskOnly && !pl.deRisking(execution.Swap, in, out) {
				n.done, n.reason = true, "engine halted by a circuit breaker: only de-risking actions"
				continue
			}
			maxU, why := pl.maxUnits(in)
			if maxU == 0 {
				n.reason, n.lastErr = why, nil
				continue
			}
			u := min(pl.unitsFor(in, n.remaining), maxU, pl.e.Units(in, c))
			if u == 0 {
				if n.sell {
					n.reason = "no more of the asset in custody"
				} else {
					n.reason = "no quote asset in custody to pay with"
				}
				continue
			}
			v := pl.bestSwap(in, out, u)
			if v < 0 {
				n.done, n.reason = true, "no allowed AMM venue has a pool for this pair"
				continue
			}
			s, err := pl.attempt(execution.Order{Kind: execution.Swap, Venue: v, AssetIn: in, VenueIn: c, AmountIn: u, AssetOut: out, VenueOut: c}, n.floor)
			if err != nil {
				n.lastErr, n.reason = err, "blocked"
				if !errors.Is(err, corridor.ErrWeightBand) && !errors.Is(err, corridor.ErrLiquidityBuffer) {
					n.done = true // no later trade can unblock it
				}
				continue
			}
			progress = true
			n.lastErr, n.reason = nil, ""
			if n.sell {
				n.remaining.Sub(n.remaining, s.ValueIn)
			} else {
				n.remaining.Sub(n.remaining, s.ValueOut)
			}
		}
		if !progress {
			break
		}
	}
	for _, n := range append(sells, buys...) {
		if n.remaining.Cmp(n.floor) >= 0 {
			need := "buy"
			if n.sell {
				need = "sell"
			}
			reason := n.reason
			if reason == "" {
				reason = "no progress"
			}
			pl.shortfall(n.asset, -1, need, n.remaining, reason, n.lastErr)
		}
	}
}

// chunkFloor is the smallest chunk worth trading toward a need: the minimum
// trade, or 1/256 of the need if larger. Without it, a trade squeezed between
// two corridors (the quote asset at its band edge, say) would creep forward in
// ever smaller steps.
func (pl *planner) chunkFloor(need *big.Int) *big.Int {
	f := new(big.Int).Rsh(need, 8)
	if f.Cmp(pl.minTrade) < 0 {
		f.Set(pl.minTrade)
	}
	return f
}

func interleave(sells, buys []*swapNeed, buysFirst bool) []*swapNeed {
	first, second := sells, buys
	if buysFirst {
		first, second = buys, sells
	}
	out := make([]*swapNeed, 0, len(sells)+len(buys))
	for i := 0; i < len(first) || i < len(second); i++ {
		if i < len(first) {
			out = append(out, first[i])
		}
		if i < len(second) {
			out = append(out, second[i])
		}
	}
	return out
}

func (pl *planner) allShort(reason string, err error) {
	for a := range pl.l.NumAssets() {
		d := new(big.Int).Sub(pl.targetTotal(a), pl.e.Value(a))
		if d.CmpAbs(pl.minTrade) >= 0 {
			need := "buy"
			if d.Sign() < 0 {
				need = "sell"
			}
			pl.shortfall(a, -1, need, d.Abs(d), reason, err)
		}
	}
}

func (pl *planner) shortfall(a, v int, need string, remaining *big.Int, reason string, err error) {
	pl.short = append(pl.short, Shortfall{Asset: a, Venue: v, Need: need, Remaining: new(big.Int).Set(remaining), Reason: reason, Err: err})
}

// finish fits the steps into the action slots (compact, then cut), runs the
// epoch checks and, if they fail, keeps the longest prefix of the steps that
// passes them (the empty prefix always does when the prior actions do).
func (pl *planner) finish() (*Plan, error) {
	room := -1
	if pl.req.MaxActions > 0 {
		room = pl.req.MaxActions - len(pl.req.Prior)
	}
	if room >= 0 && len(pl.steps) > room {
		pl.compact()
		if len(pl.steps) > room {
			for _, st := range pl.steps[room:] {
				pl.shortfall(st.Action.AssetIn, -1, "slots", st.ValueIn,
					fmt.Sprintf("the circuit has %d action slots and the epoch uses them all (%d prior)", pl.req.MaxActions, len(pl.req.Prior)), nil)
			}
			pl.steps = pl.steps[:room]
		}
	}
	e, err := pl.newEpoch()
	if err != nil {
		return nil, err
	}
	best := -1
	if _, ferr := e.Finish(); ferr == nil {
		best = 0
	}
	for i, st := range pl.steps {
		if _, aerr := e.Apply(st.Action); aerr != nil {
			return nil, fmt.Errorf("plan: replaying step %d: %w", i, aerr)
		}
		if _, ferr := e.Finish(); ferr == nil {
			best = i + 1
		}
	}
	sum, err := e.Finish()
	if err != nil && best >= 0 {
		for _, st := range pl.steps[best:] {
			pl.shortfall(st.Action.AssetIn, -1, "epoch", st.ValueIn, "action dropped so the epoch passes", err)
		}
		pl.steps = pl.steps[:best]
		if e, err = pl.newEpoch(); err != nil {
			return nil, err
		}
		for i, st := range pl.steps {
			if _, aerr := e.Apply(st.Action); aerr != nil {
				return nil, fmt.Errorf("plan: replaying kept step %d: %w", i, aerr)
			}
		}
		sum, err = e.Finish()
	}
	if err != nil {
		return nil, fmt.Errorf("plan: the epoch fails its corridors even without planned actions: %w", err)
	}
	pl.e = e
	return &Plan{Steps: pl.steps, Summary: sum, Shortfalls: pl.short}, nil
}

// newEpoch starts the epoch from the request's state with the prior actions
// applied.
func (pl *planner) newEpoch() (*corridor.Epoch, error) {
	e, err := corridor.NewEpoch(pl.l, pl.req.Start, pl.p, pl.req.Seconds)
	if err != nil {
		return nil, fmt.Errorf("plan: %w", err)
	}
	for i, a := range pl.req.Prior {
		if _, err := e.Apply(a); err != nil {
			return nil, fmt.Errorf("plan: replaying prior action %d: %w", i, err)
		}
	}
	return e, nil
}

// replay quotes and executes orders in turn on a fresh copy of the request's
// model, checking each against a fresh epoch (per-action corridors, the loss
// budget). It returns the steps and whether the epoch-level checks pass, or
// false when some order fails.
func (pl *planner) replay(orders []execution.Order) ([]Step, bool, bool) {
	e, err := pl.newEpoch()
	if err != nil {
		return nil, false, false
	}
	m := pl.req.Model.Clone()
	steps := make([]Step, 0, len(orders))
	for _, o := range orders {
		if o.AmountIn == 0 {
			return nil, false, false
		}
		a, err := m.QuoteOut(o, pl.p)
		if err != nil || a.AmountOut == 0 {
			return nil, false, false
		}
		if _, err := e.Apply(a); err != nil || e.Loss().Cmp(e.LossBudget()) > 0 {
			return nil, false, false
		}
		o.MinOut = a.AmountOut
		f, err := m.Execute(o, pl.p)
		if err != nil || f.Action != a {
			return nil, false, false
		}
		steps = append(steps, Step{Kind: o.Kind, Action: a, ValueIn: f.ValueIn(pl.p), ValueOut: f.ValueOut(pl.p), Costs: f.Costs})
	}
	_, ferr := e.Finish()
	return steps, true, ferr == nil
}

func orderOf(s Step) execution.Order {
	o := s.Order()
	o.MinOut = 0
	return o
}

// sameFlow reports whether two steps move the same asset(s) through the same
// venue and slots in the same direction.
func sameFlow(a, b corridor.Action) bool {
	return a.Kind == b.Kind && a.Venue == b.Venue && a.AssetIn == b.AssetIn && a.VenueIn == b.VenueIn &&
		a.AssetOut == b.AssetOut && a.VenueOut == b.VenueOut
}

// opposite reports whether two steps undo each other's direction: a
// withdrawal and a deposit of one asset at one lending venue, or swaps of one
// asset pair both ways at one AMM.
func opposite(a, b corridor.Action) bool {
	if a.Venue != b.Venue {
		return false
	}
	switch {
	case a.Kind == execution.Swap && b.Kind == execution.Swap:
		return a.AssetIn == b.AssetOut && a.AssetOut == b.AssetIn
	case (a.Kind == execution.Deposit && b.Kind == execution.Withdraw) || (a.Kind == execution.Withdraw && b.Kind == execution.Deposit):
		return a.AssetIn == b.AssetIn
	}
	return false
}

// compact merges and nets steps to use fewer action slots. Each candidate
// change replaces steps i and j (i < j) by one order at position i; it is kept
// only if every order of the changed plan still executes and passes the
// per-action corridors and, when the plan passed the epoch checks before, it
// still does. Merging never crosses the notional cap (the checker would refuse
// the merged action).
func (pl *planner) compact() {
	orders := make([]execution.Order, len(pl.steps))
	for i, s := range pl.steps {
		orders[i] = orderOf(s)
	}
	steps := pl.steps
	_, _, passes := pl.replay(orders)
	for i := 0; i < len(orders); i++ {
		for j := i + 1; j < len(orders); j++ {
			a, b := steps[i].Action, steps[j].Action
			var o execution.Order
			switch {
			case sameFlow(a, b):
				if a.AmountIn > ^uint64(0)-b.AmountIn {
					continue
				}
				o = orders[i]
				o.AmountIn = a.AmountIn + b.AmountIn
				if mulU(o.AmountIn, pl.p[o.AssetIn]).Cmp(pl.l.NotionalCap) > 0 {
					continue
				}
			case opposite(a, b):
				net := new(big.Int).Sub(steps[i].ValueIn, steps[j].ValueIn)
				o = orders[i]
				if net.Sign() < 0 {
					o = orders[j]
					net.Neg(net)
				}
				if a.Kind != execution.Swap { // deposit/withdraw: the amounts are the same asset
					if a.AmountIn >= b.AmountIn {
						o.AmountIn = a.AmountIn - b.AmountIn
					} else {
						o.AmountIn = b.AmountIn - a.AmountIn
					}
				} else {
					o.AmountIn = pl.unitsFor(o.AssetIn, net)
				}
			default:
				continue
			}
			cand := make([]execution.Order, 0, len(orders)-1)
			cand = append(cand, orders[:i]...)
			if o.AmountIn > 0 {
				cand = append(cand, o)
			}
			cand = append(cand, orders[i+1:j]...)
			cand = append(cand, orders[j+1:]...)
			got, ok, pass := pl.replay(cand)
			if !ok || (passes && !pass) {
				continue
			}
			orders, steps, passes = cand, got, pass
			if o.AmountIn == 0 { // both steps netted away: step i is new
				i--
				break
			}
			j = i // restart the scan of partners for the merged step i
		}
	}
	pl.steps = steps
}

func stepActions(steps []Step) []corridor.Action {
	out := make([]corridor.Action, len(steps))
	for i, s := range steps {
		out[i] = s.Action
	}
	return out
}

func mulU(a, b uint64) *big.Int {
	return new(big.Int).Mul(new(big.Int).SetUint64(a), new(big.Int).SetUint64(b))
}

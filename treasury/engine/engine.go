// Package engine runs the treasury one epoch at a time: accrue interest, check
// the circuit breakers, decide a target (strategy), plan the actions inside
// the corridors (planner), check solvency of the planned state, execute the
// plan on the venues (execution), verify the executed epoch with the corridor
// checker and write the epoch's action log.
//
// Every epoch the engine runs is one the compliance and solvency proofs can
// take as written: epochs are numbered from 1; an epoch's length is the time
// since the end of the previous one (the sum of EpochInput.Seconds since
// then), and one shorter than the policy's minEpochSeconds is not run (its time
// carries into the next); every action is a typed action in its kind's
// canonical slots; an epoch has at most Config.MaxActions actions (the
// circuit's K), interest claims included; accruals never exceed the accrual
// bound; the planned S(n) is checked for solvency and per-asset coverage at the
// epoch's prices before anything executes; and each epoch's actions are
// written to their own log file, a hash chain from seq 0 whose head the proof
// carries.
package engine

import (
	"errors"
	"fmt"
	"math/big"
	"sort"

	"github.com/zktreasury/zktreasury/treasury"
	"github.com/zktreasury/zktreasury/treasury/actionlog"
	"github.com/zktreasury/zktreasury/treasury/corridor"
	"github.com/zktreasury/zktreasury/treasury/execution"
	"github.com/zktreasury/zktreasury/treasury/fixed"
	"github.com/zktreasury/zktreasury/treasury/planner"
	"github.com/zktreasury/zktreasury/treasury/risk"
	"github.com/zktreasury/zktreasury/treasury/strategy"
)

// Engine holds the treasury's state between epochs.
type Engine struct {
	// Policy and Config are the inputs the engine was built from.
	Policy *treasury.Policy
	Config *Config
	// Limits are the policy's corridors at circuit scale.
	Limits *corridor.Limits
	// Model executes orders.
	Model *execution.Model
	// Custody and Quote are the custody venue and the quote asset.
	Custody, Quote int
	// Monitor runs the circuit breakers.
	Monitor *risk.Monitor
	// Cov is the EWMA covariance of daily asset returns (volatility targeting).
	Cov *risk.EWMACov
	// State is the positions at circuit scale.
	State corridor.State
	// Log, when set, receives every epoch's actions, one file per epoch
	// (empty for an epoch without actions).
	Log *actionlog.Dir
	// Epoch numbers the next epoch; the first is 1.
	Epoch uint64
	// Liabilities are what is owed per asset, in circuit units rounded up
	// (SetLiabilities); nil skips the solvency check before execution.
	Liabilities []uint64
	// MaxActions is K, the compliance circuit's action slots per epoch
	// (Config.MaxActions; 0 means no limit).
	MaxActions int
	// LastRebalanceDay is the day index of the last rebalance, or -1.
	LastRebalanceDay int

	minTrade, minMove *big.Int
	venueCap          []*big.Int
	pending           uint64 // seconds since the end of the last epoch run
}

// ErrInsolventPlan is returned (in EpochResult.Refused, or by CheckSolvency)
// when the state a plan leads to is not solvent, or leaves an asset the policy
// marks for coverage uncovered, at the epoch's prices: no solvency proof of
// that epoch would exist, so the engine executes nothing.
var ErrInsolventPlan = errors.New("the plan would leave the treasury insolvent")

// ErrEpochTooShort is returned by Plan for an epoch shorter than the policy's
// minEpochSeconds.
var ErrEpochTooShort = errors.New("epoch shorter than the policy's minimum")

// New builds an engine for a policy, a configuration, starting positions and
// the prices the venue model starts at.
func New(p *treasury.Policy, c *Config, s corridor.State, prices corridor.Prices) (*Engine, error) {
	l, err := corridor.LimitsFromPolicy(p)
	if err != nil {
		return nil, fmt.Errorf("engine: %w", err)
	}
	q, err := c.Quote(p)
	if err != nil {
		return nil, fmt.Errorf("engine: quote asset: %w", err)
	}
	cu, err := c.Custody(p)
	if err != nil {
		return nil, fmt.Errorf("engine: custody venue: %w", err)
	}
	m, err := execution.NewModel(p, c.Venues, q, prices)
	if err != nil {
		return nil, fmt.Errorf("engine: %w", err)
	}
	e := &Engine{Policy: p, Config: c, Limits: l, Model: m, Custody: cu, Quote: q, Monitor: risk.NewMonitor(c.Breakers),
		Cov: risk.NewEWMACov(len(p.Assets), c.Strategy.VolTarget.Lambda), State: s.Clone(), LastRebalanceDay: -1, Epoch: 1,
		MaxActions: c.MaxActions}
	if e.Config.Strategy.VolTarget.Lambda <= 0 || e.Config.Strategy.VolTarget.Lambda >= 1 {
		e.Cov = risk.NewEWMACov(len(p.Assets), risk.DefaultLambda)
	}
	if e.minTrade, err = usd(p, c.Strategy.Rebalance.MinTradeUSD.String()); err != nil {
		return nil, fmt.Errorf("engine: minTradeUSD: %w", err)
	}
	if e.minMove, err = usd(p, c.Strategy.Yield.MinMoveUSD.String()); err != nil {
		return nil, fmt.Errorf("engine: minMoveUSD: %w", err)
	}
	e.venueCap = make([]*big.Int, len(p.Venues))
	for v, vp := range p.Venues {
		if vp.CapUSD.Sign() > 0 {
			if e.venueCap[v], err = fixed.Value(vp.CapUSD, p.ValueDecimals, fixed.Down); err != nil {
				return nil, fmt.Errorf("engine: venue %s capUSD: %w", vp.ID, err)
			}
		}
	}
	return e, nil
}

func usd(p *treasury.Policy, s string) (*big.Int, error) {
	d, err := treasury.ParseAmount(s, 36)
	if err != nil {
		return nil, err
	}
	return fixed.Value(d, p.ValueDecimals, fixed.Down)
}

// EpochInput is one epoch's market data.
type EpochInput struct {
	// Day is the index of the epoch's day (for the calendar trigger).
	Day int
	// Date labels log entries (YYYY-MM-DD).
	Date string
	// Prices are the epoch's prices at circuit scale.
	Prices corridor.Prices
	// Seconds since the previous price snapshot (the previous RunEpoch). The
	// epoch's length is this plus the time of any snapshots skipped as too
	// short since the last epoch ran: budgets, interest and the accrual bound
	// scale with it.
	Seconds uint64
	// Observation feeds the circuit breakers; nil skips them.
	Observation *risk.Observation
	// Force rebalances whatever the triggers say.
	Force bool
}

// EpochResult is what one epoch did.
type EpochResult struct {
	// Epoch is the epoch's number, or 0 when it did not run (Skipped,
	// Refused).
	Epoch uint64
	// Seconds is the epoch's length.
	Seconds uint64
	// Skipped, when set, says why the epoch was not run at all: it is shorter
	// than the policy's minEpochSeconds; its time carries into the next.
	Skipped string
	// Refused, when set, wraps ErrInsolventPlan: the planned epoch would end
	// insolvent, so nothing was executed or logged, and the epoch did not run.
	Refused error
	// Actions are the epoch's actions as logged and as the proof takes them:
	// the accruals, then the executed plan.
	Actions []corridor.Action
	// LogHead is the head hash of the epoch's action log (GenesisHash for an
	// epoch without actions), the value the epoch's proof carries.
	LogHead string
	// Accruals are the interest claims executed before the plan.
	Accruals []corridor.Action
	// Decision explains the strategy's target.
	Decision Decision
	// Plan is the planner's answer (nil when nothing needed planning).
	Plan *planner.Plan
	// Executed are the fills of the plan, with the amounts actually received.
	Executed []execution.Fill
	// Summary is the corridor check of the executed epoch.
	Summary corridor.EpochSummary
	// Violation is the corridor error of the executed epoch (nil when
	// compliant); the backtest counts these and must find none.
	Violation error
	// Trips are the circuit breakers that fired this epoch.
	Trips []risk.Trip
}

// Decision is the strategy's reasoning for one epoch.
type Decision struct {
	// Halted is set while a circuit breaker holds the engine.
	Halted bool `json:"halted"`
	// Rebalance is set when a trigger fired (or the engine is de-risking).
	Rebalance bool `json:"rebalance"`
	// Reason says which trigger fired.
	Reason string `json:"reason"`
	// VolScale is the volatility-targeting factor applied to the volatile sleeve.
	VolScale float64 `json:"volScale"`
	// CurrentBps, TargetBps and GoalBps are today's weights, the (scaled)
	// strategic targets and the weights traded to.
	CurrentBps []uint64 `json:"currentBps"`
	TargetBps  []int64  `json:"targetBps"`
	GoalBps    []int64  `json:"goalBps"`
}

// ObserveReturns feeds one day of asset returns to the volatility forecast.
func (e *Engine) ObserveReturns(r []float64) { e.Cov.Update(r) }

// Decide computes the strategy's target for the epoch at the given checker
// state (interest accruals already applied).
func (e *Engine) Decide(ep *corridor.Epoch, in EpochInput) (Decision, planner.Target) {
	p, s := e.Policy, e.Config.Strategy
	nA := len(p.Assets)
	d := Decision{Halted: e.Monitor.Halted(), VolScale: 1, CurrentBps: make([]uint64, nA)}
	for a := range nA {
		d.CurrentBps[a] = ep.WeightBps(a)
	}
	target := strategy.StrategicWeights(p)
	if s.VolTarget.Enabled && e.Cov.N() >= 20 {
		w := make([]float64, nA)
		for a := range nA {
			w[a] = float64(target[a]) / 10_000
		}
		d.VolScale = strategy.VolScale(s.VolTarget, e.Cov.PortfolioVol(w))
		target = strategy.ScaleRisk(p, target, d.VolScale)
	}
	d.TargetBps = target
	since := -1
	if e.LastRebalanceDay >= 0 {
		since = in.Day - e.LastRebalanceDay
	} else if s.Rebalance.CalendarDays > 0 {
		since = s.Rebalance.CalendarDays // never rebalanced: the calendar is due
	}
	switch {
	case d.Halted:
		d.Rebalance, d.Reason = true, "halted by a circuit breaker: de-risking only"
		d.GoalBps = strategy.DeRisk(p, d.CurrentBps, e.Monitor.Unsafe, s.Rebalance.EdgeMarginBps)
	case in.Force:
		d.Rebalance, d.Reason = true, "forced"
		d.GoalBps = strategy.Rebalance(s.Rebalance, p, d.CurrentBps, target)
	default:
		var trig string
		trig, d.Reason = strategy.Trigger(s.Rebalance, p, d.CurrentBps, target, since)
		d.Rebalance = trig != strategy.TriggerNone
		switch trig {
		case strategy.TriggerBand:
			d.GoalBps = strategy.Rebalance(s.Rebalance, p, d.CurrentBps, target)
		case strategy.TriggerCalendar, strategy.TriggerThreshold:
			d.GoalBps = append([]int64(nil), target...)
		default:
			d.GoalBps = make([]int64, nA)
			for a := range nA {
				d.GoalBps[a] = int64(d.CurrentBps[a])
			}
		}
	}
	cur := make([][]*big.Int, nA)
	for a := range nA {
		cur[a] = make([]*big.Int, len(p.Venues))
		for v := range p.Venues {
			cur[a][v] = new(big.Int).Mul(new(big.Int).SetUint64(ep.Units(a, v)), new(big.Int).SetUint64(in.Prices[a]))
		}
	}
	// An asset whose goal is its current weight keeps its exact value: its
	// weight in whole basis points is rounded, and trading the rounding away
	// would only pay fees.
	totals := make([]*big.Int, nA)
	for a := range nA {
		if d.GoalBps[a] == int64(d.CurrentBps[a]) {
			totals[a] = ep.Value(a)
		} else {
			totals[a] = new(big.Int).Mul(ep.Total(), big.NewInt(d.GoalBps[a]))
			totals[a].Quo(totals[a], big.NewInt(10_000))
		}
	}
	keep := p.LiquidityBufferBps
	if s.Yield.KeepLiquidBps != nil {
		keep = *s.Yield.KeepLiquidBps
	}
	apr := map[int][]uint32{}
	for v, lp := range e.Model.Lending() {
		rates := make([]uint32, nA)
		for a := range nA {
			rates[a] = lp.APRBps(a)
		}
		apr[v] = rates
	}
	t := strategy.Route(strategy.RouteInput{Policy: p, Current: cur, Weights: d.GoalBps, Totals: totals, Custody: e.Custody, LendingAPR: apr,
		VenueCap: e.venueCap, KeepLiquidBps: keep, MinMove: e.minMove, Enabled: s.Yield.Enabled, DeRisk: d.Halted,
		Unsafe: e.Monitor.Unsafe})
	return d, t
}

// SetLiabilities sets the liabilities the engine keeps the treasury solvent
// against: the ledger's per-asset totals, rounded up to circuit units.
func (e *Engine) SetLiabilities(l *treasury.Ledger) error {
	if l == nil {
		e.Liabilities = nil
		return nil
	}
	u, err := corridor.LiabilitiesFromTotals(e.Policy, l.Totals(len(e.Policy.Assets)))
	if err != nil {
		return fmt.Errorf("engine: %w", err)
	}
	e.Liabilities = u
	return nil
}

// CheckSolvency checks a state at the given prices against the engine's
// liabilities: the solvency ratio (corridor.CheckSolvency) and per-asset
// coverage (corridor.CheckCoverage). The error wraps ErrInsolventPlan and the
// *corridor.Violation. Without liabilities it returns nil.
func (e *Engine) CheckSolvency(s corridor.State, p corridor.Prices) error {
	if e.Liabilities == nil {
		return nil
	}
	if err := corridor.CheckSolvency(e.Limits, s, p, e.Liabilities); err != nil {
		return fmt.Errorf("%w: %w", ErrInsolventPlan, err)
	}
	if err := corridor.CheckCoverage(e.Limits, s, e.Liabilities); err != nil {
		return fmt.Errorf("%w: %w", ErrInsolventPlan, err)
	}
	return nil
}

// epochSeconds returns the length of an epoch ending now, and whether it is
// long enough to run.
func (e *Engine) epochSeconds(in EpochInput) (uint64, bool, error) {
	secs := e.pending + in.Seconds
	if secs < e.pending || secs > corridor.MaxEpochSeconds {
		return 0, false, fmt.Errorf("epoch %d: %d s since the last epoch is longer than %d s: %w", e.Epoch, secs, uint64(corridor.MaxEpochSeconds), corridor.ErrEpochLength)
	}
	return secs, secs >= e.Limits.MinEpochSeconds, nil
}

// Plan plans one epoch from the engine's state without executing anything:
// the venue model is cloned and no interest is claimed. When the engine has
// liabilities and the planned state would not be solvent, the plan carries a
// "solvency" shortfall (it is not Complete). An epoch shorter than the
// policy's minimum is an error (ErrEpochTooShort).
func (e *Engine) Plan(in EpochInput) (Decision, *planner.Plan, error) {
	secs, ok, err := e.epochSeconds(in)
	if err != nil {
		return Decision{}, nil, err
	}
	if !ok {
		return Decision{}, nil, fmt.Errorf("plan epoch %d: %d s since the last epoch, the policy's minEpochSeconds is %d: nothing to plan: %w",
			e.Epoch, secs, e.Limits.MinEpochSeconds, ErrEpochTooShort)
	}
	ep, err := corridor.NewEpoch(e.Limits, e.State, in.Prices, secs)
	if err != nil {
		return Decision{}, nil, fmt.Errorf("plan: %w", err)
	}
	d, t := e.Decide(ep, in)
	pl, err := planner.Make(e.request(e.Model, e.State, in.Prices, secs, nil, t, d.Halted))
	if err != nil {
		return d, nil, err
	}
	e.solvencyShortfall(pl, in.Prices)
	return d, pl, nil
}

// solvencyShortfall adds a "solvency" shortfall to a plan whose final state
// fails CheckSolvency, and reports whether it did.
func (e *Engine) solvencyShortfall(pl *planner.Plan, p corridor.Prices) error {
	err := e.CheckSolvency(pl.Summary.Final, p)
	if err == nil {
		return nil
	}
	asset := e.Quote
	var v *corridor.Violation
	if errors.As(err, &v) && v.Asset >= 0 {
		asset = v.Asset
	}
	pl.Shortfalls = append(pl.Shortfalls, planner.Shortfall{Asset: asset, Venue: -1, Need: "solvency", Remaining: new(big.Int),
		Reason: "the planned state would not be solvent at the epoch's prices: the engine will not execute it", Err: err})
	return err
}

func (e *Engine) request(m *execution.Model, s0 corridor.State, p corridor.Prices, secs uint64, prior []corridor.Action, t planner.Target, halted bool) planner.Request {
	return planner.Request{Limits: e.Limits, Start: s0, Prices: p, Seconds: secs, MaxActions: e.MaxActions, Prior: prior, Target: t, Model: m,
		Custody: e.Custody, Quote: e.Quote, DeRiskOnly: halted, Unsafe: e.Monitor.Unsafe, MinTrade: e.minTrade}
}

// RunEpoch runs one epoch: pools rebase to the oracle and the breakers run;
// an epoch shorter than the policy's minimum stops there (Skipped). Otherwise
// lending interest accrues and is claimed within the accrual bound where the
// corridors allow, the strategy decides, the planner plans within the action
// slots, the planned S(n) is checked for solvency (Refused, nothing executed,
// if it fails), the plan executes on the model, and the executed epoch is
// checked and logged.
func (e *Engine) RunEpoch(in EpochInput) (EpochResult, error) {
	var res EpochResult
	for _, a := range e.Model.AMMs() {
		a.Rebase(in.Prices)
	}
	if in.Observation != nil {
		res.Trips = e.Monitor.Update(*in.Observation)
	}
	secs, ok, err := e.epochSeconds(in)
	if err != nil {
		return res, err
	}
	res.Seconds = secs
	if !ok {
		res.Skipped = fmt.Sprintf("epoch %d would last %d s, less than the policy's minEpochSeconds %d: not planned, nothing executed; its time carries into the next epoch",
			e.Epoch, secs, e.Limits.MinEpochSeconds)
		e.pending = secs
		return res, nil
	}
	// Work on a copy of the venues: a refused epoch leaves them as they were.
	m := e.Model.Clone()
	s0 := e.State.Clone()
	ep, err := corridor.NewEpoch(e.Limits, s0, in.Prices, secs)
	if err != nil {
		return res, fmt.Errorf("epoch %d: %w", e.Epoch, err)
	}
	var claims []claim
	if !e.Limits.Paused {
		if ep, claims, err = e.claimInterest(m, s0, in.Prices, secs, ep); err != nil {
			return res, fmt.Errorf("epoch %d: %w", e.Epoch, err)
		}
	}
	d, t := e.Decide(ep, in)
	res.Decision = d
	final := ep.State()
	var pl *planner.Plan
	if needsPlan(ep, t, e.minTrade) {
		if pl, err = planner.Make(e.request(m, s0, in.Prices, secs, claimActions(claims), t, d.Halted)); err != nil {
			return res, fmt.Errorf("epoch %d: %w", e.Epoch, err)
		}
		// Out of action slots with interest claims taking some: the trades
		// come first, the interest stays claimable.
		if len(claims) > 0 && cutForSlots(pl) {
			alt, err := planner.Make(e.request(m, s0, in.Prices, secs, nil, t, d.Halted))
			if err != nil {
				return res, fmt.Errorf("epoch %d: %w", e.Epoch, err)
			}
			if len(alt.Steps) > len(pl.Steps) {
				pl, claims = alt, nil
			}
		}
		res.Plan = pl
		final = pl.Summary.Final
	}
	if err := e.CheckSolvency(final, in.Prices); err != nil {
		if pl != nil {
			e.solvencyShortfall(pl, in.Prices)
		}
		res.Refused = fmt.Errorf("epoch %d: nothing executed: %w", e.Epoch, err)
		e.pending = secs // the epoch did not happen; its time carries on
		return res, nil
	}
	var fills []execution.Fill
	for _, c := range claims {
		f, err := m.Execute(c.o, in.Prices)
		if err != nil {
			return res, fmt.Errorf("epoch %d: accrual: %w", e.Epoch, err)
		}
		fills = append(fills, f)
		res.Accruals = append(res.Accruals, f.Action)
	}
	if pl != nil {
		for _, st := range pl.Steps {
			f, err := m.Execute(st.Order(), in.Prices)
			if err != nil {
				return res, fmt.Errorf("epoch %d: executing %s: %w", e.Epoch, st.Kind, err)
			}
			res.Executed = append(res.Executed, f)
			fills = append(fills, f)
		}
		if d.Rebalance && hasSwap(res.Executed) {
			e.LastRebalanceDay = in.Day
		}
	}
	e.Model = m
	res.Actions = make([]corridor.Action, len(fills))
	for i, f := range fills {
		res.Actions[i] = f.Action
	}
	res.Summary, res.Violation = corridor.CheckEpoch(e.Limits, s0, in.Prices, secs, res.Actions)
	if res.Violation != nil {
		// The actions executed: the state follows them even though the epoch
		// is not provable; the caller counts the violation.
		st := s0.Clone()
		for _, a := range res.Actions {
			st.X[a.AssetIn][a.VenueIn] -= a.AmountIn
			st.X[a.AssetOut][a.VenueOut] += a.AmountOut
		}
		res.Summary.Final = st
	}
	entries := make([]*actionlog.Entry, len(res.Actions))
	for i, a := range res.Actions {
		en, err := actionlog.NewEntry(e.Policy, e.Epoch, in.Date, a)
		if err != nil {
			return res, fmt.Errorf("epoch %d: %w", e.Epoch, err)
		}
		entries[i] = &en
	}
	if e.Log != nil {
		res.LogHead, err = e.Log.WriteEpoch(e.Epoch, entries)
	} else {
		res.LogHead, err = actionlog.Chain(e.Epoch, entries)
	}
	if err != nil {
		return res, fmt.Errorf("epoch %d: %w", e.Epoch, err)
	}
	e.State = res.Summary.Final
	res.Epoch = e.Epoch
	e.Epoch++
	e.pending = 0
	return res, nil
}

// cutForSlots reports whether the plan was cut to fit the action slots.
func cutForSlots(pl *planner.Plan) bool {
	for _, s := range pl.Shortfalls {
		if s.Need == "slots" {
			return true
		}
	}
	return false
}

// claim is an interest claim, quoted and checked, not yet executed.
type claim struct {
	o execution.Order
	a corridor.Action
}

func claimActions(cs []claim) []corridor.Action {
	out := make([]corridor.Action, len(cs))
	for i, c := range cs {
		out[i] = c.a
	}
	return out
}

// claimInterest accrues the epoch's interest at every lending pool of m (on
// the positions at the epoch's start, for its length) and chooses the claims
// the corridors allow, each at most the accrual bound of its slot, and at most
// MaxActions of them. A claim raises the reserves and so lowers every other
// weight: it is refused when that would push one out of its band (it stays
// claimable for a later epoch). It returns the epoch with the claims applied.
func (e *Engine) claimInterest(m *execution.Model, s0 corridor.State, p corridor.Prices, secs uint64, ep *corridor.Epoch) (*corridor.Epoch, []claim, error) {
	var claims []claim
	lending := m.Lending()
	venues := make([]int, 0, len(lending))
	for v := range lending {
		venues = append(venues, v)
	}
	sort.Ints(venues)
	for _, v := range venues {
		lp := lending[v]
		pos := make([]uint64, len(e.Policy.Assets))
		for a := range pos {
			pos[a] = s0.X[a][v]
		}
		lp.Accrue(pos, secs)
		for a := range pos {
			c := min(lp.Claimable(a), ep.AccrualBound(a, v))
			if c == 0 {
				continue
			}
			o := execution.Order{Kind: execution.Accrue, Venue: v, AssetIn: a, VenueIn: v, AssetOut: a, VenueOut: v, AmountOut: c}
			f, err := lp.Quote(o, p)
			if err != nil {
				return nil, nil, fmt.Errorf("accrual: %w", err)
			}
			claims = append(claims, claim{o, f.Action})
		}
	}
	if e.MaxActions > 0 && len(claims) > e.MaxActions {
		claims = claims[:e.MaxActions]
	}
	// Usually every claim passes: apply them all and check the epoch once.
	var kept []claim
	all := true
	for _, c := range claims {
		if _, err := ep.Apply(c.a); err != nil {
			all = false
			continue
		}
		kept = append(kept, c)
	}
	if _, err := ep.Finish(); err != nil || !all {
		// Claim one at a time, keeping those after which the epoch passes.
		var err error
		if ep, err = e.replay(s0, p, secs, nil); err != nil {
			return nil, nil, err
		}
		kept = kept[:0]
		for _, c := range claims {
			if _, err := ep.Apply(c.a); err != nil {
				continue
			}
			if _, err := ep.Finish(); err != nil {
				if ep, err = e.replay(s0, p, secs, claimActions(kept)); err != nil {
					return nil, nil, err
				}
				continue
			}
			kept = append(kept, c)
		}
	}
	return ep, kept, nil
}

// replay rebuilds an epoch from s0 with the given actions applied.
func (e *Engine) replay(s0 corridor.State, p corridor.Prices, secs uint64, actions []corridor.Action) (*corridor.Epoch, error) {
	ep, err := corridor.NewEpoch(e.Limits, s0, p, secs)
	if err != nil {
		return nil, err
	}
	for _, a := range actions {
		if _, err := ep.Apply(a); err != nil {
			return nil, err
		}
	}
	return ep, nil
}

func hasSwap(fills []execution.Fill) bool {
	for _, f := range fills {
		if f.Kind == execution.Swap {
			return true
		}
	}
	return false
}

// needsPlan reports whether any slot's target differs from its value by at
// least the minimum trade, so quiet days skip the planner.
func needsPlan(ep *corridor.Epoch, t planner.Target, minTrade *big.Int) bool {
	p := ep.Prices()
	d := new(big.Int)
	for a := range t.Value {
		for v, x := range t.Value[a] {
			d.Mul(new(big.Int).SetUint64(ep.Units(a, v)), new(big.Int).SetUint64(p[a]))
			d.Sub(x, d)
			if d.CmpAbs(minTrade) >= 0 {
				return true
			}
		}
	}
	return false
}

// Package engine runs the treasury one epoch at a time: accrue interest, check
// the circuit breakers, decide a target (strategy), plan the actions inside
// the corridors (planner), execute them on the venues (execution), verify the
// executed epoch with the corridor checker and append it to the action log.
package engine

import (
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
	// Log, when set, receives every executed action.
	Log *actionlog.Writer
	// Epoch numbers the next epoch.
	Epoch uint64
	// LastRebalanceDay is the day index of the last rebalance, or -1.
	LastRebalanceDay int

	minTrade, minMove *big.Int
	venueCap          []*big.Int
}

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
		Cov: risk.NewEWMACov(len(p.Assets), c.Strategy.VolTarget.Lambda), State: s.Clone(), LastRebalanceDay: -1}
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
	// Seconds since the previous epoch, for interest accrual.
	Seconds int64
	// Observation feeds the circuit breakers; nil skips them.
	Observation *risk.Observation
	// Force rebalances whatever the triggers say.
	Force bool
}

// EpochResult is what one epoch did.
type EpochResult struct {
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

// Plan plans one epoch from the engine's state without executing anything:
// the venue model is cloned.
func (e *Engine) Plan(in EpochInput) (Decision, *planner.Plan, error) {
	ep, err := corridor.NewEpoch(e.Limits, e.State, in.Prices)
	if err != nil {
		return Decision{}, nil, fmt.Errorf("plan: %w", err)
	}
	d, t := e.Decide(ep, in)
	pl, err := planner.Make(e.request(e.State, in.Prices, nil, t, d.Halted))
	if err != nil {
		return d, nil, err
	}
	return d, pl, nil
}

func (e *Engine) request(s0 corridor.State, p corridor.Prices, prior []corridor.Action, t planner.Target, halted bool) planner.Request {
	return planner.Request{Limits: e.Limits, Start: s0, Prices: p, Prior: prior, Target: t, Model: e.Model,
		Custody: e.Custody, Quote: e.Quote, DeRiskOnly: halted, Unsafe: e.Monitor.Unsafe, MinTrade: e.minTrade}
}

// RunEpoch runs one epoch: pools rebase to the oracle, lending interest
// accrues and is claimed where the corridors allow, the breakers run, the
// strategy decides, the planner plans, the plan executes on the model, and the
// executed epoch is checked and logged.
func (e *Engine) RunEpoch(in EpochInput) (EpochResult, error) {
	var res EpochResult
	for _, a := range e.Model.AMMs() {
		a.Rebase(in.Prices)
	}
	s0 := e.State.Clone()
	ep, err := corridor.NewEpoch(e.Limits, s0, in.Prices)
	if err != nil {
		return res, fmt.Errorf("epoch %d: %w", e.Epoch, err)
	}
	var fills []execution.Fill
	if !e.Limits.Paused {
		var err error
		if ep, fills, err = e.claimInterest(s0, in, ep); err != nil {
			return res, fmt.Errorf("epoch %d: %w", e.Epoch, err)
		}
		for _, f := range fills {
			res.Accruals = append(res.Accruals, f.Action)
		}
	}
	if in.Observation != nil {
		res.Trips = e.Monitor.Update(*in.Observation)
	}
	d, t := e.Decide(ep, in)
	res.Decision = d
	if needsPlan(ep, t, e.minTrade) {
		pl, err := planner.Make(e.request(s0, in.Prices, res.Accruals, t, d.Halted))
		if err != nil {
			return res, fmt.Errorf("epoch %d: %w", e.Epoch, err)
		}
		res.Plan = pl
		for _, st := range pl.Steps {
			f, err := e.Model.Execute(st.Order(), in.Prices)
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
	actions := make([]corridor.Action, len(fills))
	for i, f := range fills {
		actions[i] = f.Action
	}
	res.Summary, res.Violation = corridor.CheckEpoch(e.Limits, s0, in.Prices, actions)
	if res.Violation != nil {
		// The actions executed: the state follows them even though the epoch
		// is not provable; the caller counts the violation.
		st := s0.Clone()
		for _, a := range actions {
			st.X[a.AssetIn][a.VenueIn] -= a.AmountIn
			st.X[a.AssetOut][a.VenueOut] += a.AmountOut
		}
		res.Summary.Final = st
	}
	if e.Log != nil && len(fills) > 0 {
		entries := make([]*actionlog.Entry, len(fills))
		for i, f := range fills {
			en, err := actionlog.NewEntry(e.Policy, e.Epoch, in.Date, f.Kind.String(), f.Action)
			if err != nil {
				return res, fmt.Errorf("epoch %d: %w", e.Epoch, err)
			}
			entries[i] = &en
		}
		if err := e.Log.Append(entries...); err != nil {
			return res, fmt.Errorf("epoch %d: %w", e.Epoch, err)
		}
	}
	e.State = res.Summary.Final
	e.Epoch++
	return res, nil
}

// claimInterest accrues a day of interest at every lending pool and claims
// what the corridors allow. A claim raises the reserves and so lowers every
// other weight: it is refused when that would push one out of its band (it
// stays claimable for a later epoch).
func (e *Engine) claimInterest(s0 corridor.State, in EpochInput, ep *corridor.Epoch) (*corridor.Epoch, []execution.Fill, error) {
	type claim struct {
		lp *execution.LendingPool
		o  execution.Order
		f  execution.Fill
	}
	var claims []claim
	lending := e.Model.Lending()
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
		lp.Accrue(pos, in.Seconds)
		for a := range pos {
			c := lp.Claimable(a)
			if c == 0 {
				continue
			}
			o := execution.Order{Kind: execution.Accrue, Venue: v, AssetIn: a, VenueIn: v, AssetOut: a, VenueOut: v, AmountOut: c}
			f, err := lp.Quote(o, in.Prices)
			if err != nil {
				return nil, nil, fmt.Errorf("accrual: %w", err)
			}
			claims = append(claims, claim{lp, o, f})
		}
	}
	// Usually every claim passes: apply them all and check the epoch once.
	var kept []claim
	all := true
	for _, c := range claims {
		if _, err := ep.Apply(c.f.Action); err != nil {
			all = false
			continue
		}
		kept = append(kept, c)
	}
	if _, err := ep.Finish(); err != nil || !all {
		// Claim one at a time, keeping those after which the epoch passes.
		var err error
		if ep, err = e.replay(s0, in.Prices, nil); err != nil {
			return nil, nil, err
		}
		kept = kept[:0]
		for _, c := range claims {
			if _, err := ep.Apply(c.f.Action); err != nil {
				continue
			}
			if _, err := ep.Finish(); err != nil {
				acts := make([]corridor.Action, len(kept))
				for i, k := range kept {
					acts[i] = k.f.Action
				}
				if ep, err = e.replay(s0, in.Prices, acts); err != nil {
					return nil, nil, err
				}
				continue
			}
			kept = append(kept, c)
		}
	}
	fills := make([]execution.Fill, 0, len(kept))
	for _, c := range kept {
		f, err := c.lp.Execute(c.o, in.Prices)
		if err != nil {
			return nil, nil, fmt.Errorf("accrual: %w", err)
		}
		fills = append(fills, f)
	}
	return ep, fills, nil
}

// replay rebuilds an epoch from s0 with the given actions applied.
func (e *Engine) replay(s0 corridor.State, p corridor.Prices, actions []corridor.Action) (*corridor.Epoch, error) {
	ep, err := corridor.NewEpoch(e.Limits, s0, p)
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

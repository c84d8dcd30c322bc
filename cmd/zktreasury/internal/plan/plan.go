// Package plan implements `zktreasury plan`: decide the epoch's target and
// print the actions that reach it inside every corridor, or why it cannot.
package plan

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"strings"
	"text/tabwriter"

	"github.com/shopspring/decimal"
	"github.com/spf13/cobra"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/format"
	"github.com/zktreasury/zktreasury/treasury"
	"github.com/zktreasury/zktreasury/treasury/corridor"
	"github.com/zktreasury/zktreasury/treasury/engine"
	"github.com/zktreasury/zktreasury/treasury/fixed"
	"github.com/zktreasury/zktreasury/treasury/planner"
	"github.com/zktreasury/zktreasury/treasury/risk"
)

// PlanOptions are the flags of `zktreasury plan`.
type PlanOptions struct {
	IO *cmdutil.Factory
	// Paths are the input files (--dir, --policy, --positions, --prices, --config).
	Paths engine.Paths
	// HistoryPath is an optional price series (CSV date,asset,price) feeding the
	// volatility forecast and the drawdown and stale-price breakers.
	HistoryPath string
	// Force rebalances whatever the triggers say.
	Force bool
	// EpochSeconds is the length of the epoch planned: the per-day budgets
	// scale with it.
	EpochSeconds uint64
	// JSON prints the plan as JSON.
	JSON bool
	// OutPath, when set, also writes the JSON plan to this file (atomically).
	OutPath string
}

// NewCmdPlan returns the `plan` command.
func NewCmdPlan(f *cmdutil.Factory) *cobra.Command { return newCmdPlan(f, nil) }

func newCmdPlan(f *cmdutil.Factory, runF func(*PlanOptions) error) *cobra.Command {
	opts := &PlanOptions{IO: f}
	cmd := &cobra.Command{
		Use:   "plan",
		Short: "Plan this epoch's actions inside the policy's corridors",
		Long: `Decide the epoch's target (band, threshold and calendar triggers, volatility
targeting, yield routing; de-risking only when a circuit breaker trips) and plan
the actions that reach it, priced with the execution model and checked against
every corridor. Exits 3 when the plan cannot reach its target, saying why.`,
		Example: "  zktreasury plan --dir testdata/engine\n  zktreasury plan --dir testdata/engine --force --json",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return planRun(opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Paths.Dir, "dir", "", "directory with policy.json, positions.csv, prices.csv and optionally engine.json")
	fl.StringVar(&opts.Paths.Policy, "policy", "", "policy file (JSON)")
	fl.StringVar(&opts.Paths.Positions, "positions", "", "positions file (CSV asset,venue,amount)")
	fl.StringVar(&opts.Paths.Prices, "prices", "", "price snapshot (CSV asset,price_usd)")
	fl.StringVar(&opts.Paths.Config, "config", "", "engine config (JSON; defaults apply without it)")
	fl.StringVar(&opts.HistoryPath, "history", "", "price history (CSV date,asset,price) for volatility and breakers")
	fl.BoolVar(&opts.Force, "force", false, "rebalance even if no trigger fires")
	fl.Uint64Var(&opts.EpochSeconds, "epoch-seconds", 86400, "length of the epoch planned, in seconds (the policy's per-day budgets scale with it)")
	fl.BoolVar(&opts.JSON, "json", false, "print JSON")
	fl.StringVar(&opts.OutPath, "out", "", "also write the JSON plan to this file")
	return cmd
}

// Report is the JSON form of a plan.
type Report struct {
	// Assets lists the symbols in policy order (the order of the decision's weights).
	Assets     []string        `json:"assets"`
	Decision   engine.Decision `json:"decision"`
	Complete   bool            `json:"complete"`
	Steps      []StepReport    `json:"steps"`
	Summary    SummaryReport   `json:"summary"`
	Shortfalls []string        `json:"shortfalls"`
	Trips      []risk.Trip     `json:"trips"`
}

// StepReport is one planned action.
type StepReport struct {
	Kind string `json:"kind"`
	// Action is the integer action the checker and the circuit see.
	Action      corridor.Action `json:"action"`
	Venue       string          `json:"venue"`
	AssetIn     string          `json:"assetIn"`
	VenueIn     string          `json:"venueIn"`
	AmountIn    decimal.Decimal `json:"amountIn"`
	AssetOut    string          `json:"assetOut"`
	VenueOut    string          `json:"venueOut"`
	AmountOut   decimal.Decimal `json:"amountOut"`
	ValueInUSD  decimal.Decimal `json:"valueInUSD"`
	ValueOutUSD decimal.Decimal `json:"valueOutUSD"`
	FeeUSD      decimal.Decimal `json:"feeUSD"`
	ImpactUSD   decimal.Decimal `json:"impactUSD"`
	SpreadUSD   decimal.Decimal `json:"spreadUSD"`
	SlippageBps int64           `json:"slippageBps"`
}

// SummaryReport is the epoch check of the plan.
type SummaryReport struct {
	// TurnoverCapUSD and LossBudgetUSD are the epoch's budgets: the policy's
	// per-day figures times --epoch-seconds / 86400.
	TurnoverUSD     decimal.Decimal   `json:"turnoverUSD"`
	TurnoverCapUSD  decimal.Decimal   `json:"turnoverCapUSD"`
	LossUSD         decimal.Decimal   `json:"lossUSD"`
	LossBudgetUSD   decimal.Decimal   `json:"lossBudgetUSD"`
	StartWeightsBps map[string]uint64 `json:"startWeightsBps"`
	EndWeightsBps   map[string]uint64 `json:"endWeightsBps"`
	StartStableBps  uint64            `json:"startStableBps"`
	EndStableBps    uint64            `json:"endStableBps"`
	BufferFloorBps  uint32            `json:"bufferFloorBps"`
	FinalPositions  []PositionReport  `json:"finalPositions"`
}

// PositionReport is one non-zero slot after the plan.
type PositionReport struct {
	Asset  string          `json:"asset"`
	Venue  string          `json:"venue"`
	Amount decimal.Decimal `json:"amount"`
}

func planRun(opts *PlanOptions) error {
	in, err := engine.Load(opts.Paths, true)
	if err != nil {
		return err
	}
	p := in.Policy
	eng, err := engine.New(p, in.Config, in.State, in.CircuitPrices)
	if err != nil {
		return err
	}
	if err := eng.SetLiabilities(in.Liabilities); err != nil {
		return err
	}
	var trips []risk.Trip
	if opts.HistoryPath != "" {
		if trips, err = feedHistory(eng, opts.HistoryPath, in); err != nil {
			return err
		}
	}
	d, pl, err := eng.Plan(engine.EpochInput{Prices: in.CircuitPrices, Seconds: opts.EpochSeconds, Force: opts.Force})
	if err != nil {
		return err
	}
	rep := buildReport(p, d, pl)
	rep.Trips = trips
	if rep.Trips == nil {
		rep.Trips = []risk.Trip{}
	}
	if opts.OutPath != "" {
		data, err := json.MarshalIndent(rep, "", "  ")
		if err != nil {
			return err
		}
		if err := cmdutil.WriteFileAtomic(opts.OutPath, append(data, '\n'), 0o644); err != nil {
			return err
		}
		fmt.Fprintf(opts.IO.Err, "wrote %s\n", opts.OutPath)
	}
	if opts.JSON {
		if err := cmdutil.PrintJSON(opts.IO.Out, rep); err != nil {
			return err
		}
	} else {
		printReport(opts.IO.Out, rep)
	}
	if !rep.Complete {
		return &cmdutil.NoError{Reason: fmt.Sprintf("the plan cannot reach its target (%d shortfalls)", len(rep.Shortfalls))}
	}
	return nil
}

// feedHistory runs the price history through the volatility forecast and the
// breakers, so the plan sees the same state a running engine would.
func feedHistory(eng *engine.Engine, path string, in *engine.Inputs) ([]risk.Trip, error) {
	p := in.Policy
	s, err := treasury.LoadPriceSeries(path, p)
	if err != nil {
		return nil, err
	}
	nA := len(p.Assets)
	stable := make([]bool, nA)
	for a, ap := range p.Assets {
		stable[a] = ap.Stable
	}
	unchanged := make([]int, nA)
	rets := make([]float64, nA)
	var trips []risk.Trip
	for d := range s.Len() {
		if d > 0 {
			for a := range nA {
				prev, cur := s.USD[d-1][a].InexactFloat64(), s.USD[d][a].InexactFloat64()
				rets[a] = cur/prev - 1
				if s.USD[d][a].Equal(s.USD[d-1][a]) {
					unchanged[a]++
				} else {
					unchanged[a] = 0
				}
			}
			eng.ObserveReturns(rets)
		}
		v := risk.Value(p, in.Positions, s.Snapshot(d))
		trips = eng.Monitor.Update(risk.Observation{NAV: v.NAVUSD.InexactFloat64(), PricesUSD: s.USD[d], Symbols: p.Symbols(),
			Stable: stable, UnchangedDays: append([]int(nil), unchanged...)})
	}
	v := risk.Value(p, in.Positions, in.Prices)
	trips = append(trips, eng.Monitor.Update(risk.Observation{NAV: v.NAVUSD.InexactFloat64(), PricesUSD: in.Prices.USD,
		Symbols: p.Symbols(), Stable: stable})...)
	return trips, nil
}

func usd(p *treasury.Policy, v *big.Int) decimal.Decimal {
	return decimal.NewFromBigInt(v, -p.ValueDecimals).Round(2)
}

func ratUSD(p *treasury.Policy, r *big.Rat) decimal.Decimal {
	if r == nil {
		return decimal.Zero
	}
	return decimal.NewFromBigInt(r.Num(), -p.ValueDecimals).DivRound(decimal.NewFromBigInt(r.Denom(), 0), 2)
}

func buildReport(p *treasury.Policy, d engine.Decision, pl *planner.Plan) Report {
	l := pl.Summary
	sym := p.Symbols()
	rep := Report{Assets: sym, Decision: d, Complete: pl.Complete(), Steps: []StepReport{}, Shortfalls: []string{}}
	for _, st := range pl.Steps {
		a := st.Action
		sr := StepReport{Kind: st.Kind.String(), Action: a, Venue: p.Venues[a.Venue].ID,
			AssetIn: sym[a.AssetIn], VenueIn: p.Venues[a.VenueIn].ID, AmountIn: fixed.ToDecimal(a.AmountIn, p.Assets[a.AssetIn].CircuitDecimals),
			AssetOut: sym[a.AssetOut], VenueOut: p.Venues[a.VenueOut].ID, AmountOut: fixed.ToDecimal(a.AmountOut, p.Assets[a.AssetOut].CircuitDecimals),
			ValueInUSD: usd(p, st.ValueIn), ValueOutUSD: usd(p, st.ValueOut),
			FeeUSD: ratUSD(p, st.Costs.Fee), ImpactUSD: ratUSD(p, st.Costs.Impact), SpreadUSD: ratUSD(p, st.Costs.Spread)}
		if st.ValueIn.Sign() > 0 {
			loss := new(big.Int).Sub(st.ValueIn, st.ValueOut)
			sr.SlippageBps = loss.Mul(loss, big.NewInt(10_000)).Quo(loss, st.ValueIn).Int64()
		}
		rep.Steps = append(rep.Steps, sr)
	}
	for _, s := range pl.Shortfalls {
		rep.Shortfalls = append(rep.Shortfalls, describeShortfall(p, s))
	}
	rep.Summary = SummaryReport{TurnoverUSD: usd(p, l.Turnover), TurnoverCapUSD: usd(p, l.TurnoverBudget), LossUSD: usd(p, l.Loss),
		LossBudgetUSD: usd(p, l.LossBudget), StartWeightsBps: map[string]uint64{}, EndWeightsBps: map[string]uint64{},
		StartStableBps: l.StartStableBps, EndStableBps: l.EndStableBps, BufferFloorBps: p.LiquidityBufferBps, FinalPositions: []PositionReport{}}
	for a, s := range sym {
		if l.StartWeightsBps != nil {
			rep.Summary.StartWeightsBps[s] = l.StartWeightsBps[a]
		}
		if l.EndWeightsBps != nil {
			rep.Summary.EndWeightsBps[s] = l.EndWeightsBps[a]
		}
		for v, u := range l.Final.X[a] {
			if u > 0 {
				rep.Summary.FinalPositions = append(rep.Summary.FinalPositions, PositionReport{Asset: s, Venue: p.Venues[v].ID, Amount: fixed.ToDecimal(u, p.Assets[a].CircuitDecimals)})
			}
		}
	}
	return rep
}

func describeShortfall(p *treasury.Policy, s planner.Shortfall) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s", s.Need, p.Assets[s.Asset].Symbol)
	if s.Venue >= 0 {
		fmt.Fprintf(&b, " at %s", p.Venues[s.Venue].ID)
	}
	fmt.Fprintf(&b, ": %s not moved: %s", format.USD(usd(p, s.Remaining)), s.Reason)
	var v *corridor.Violation
	if errors.As(s.Err, &v) {
		fmt.Fprintf(&b, " (corridor %s: %s)", v.Corridor, format.Violation(p, v))
	} else if s.Err != nil {
		fmt.Fprintf(&b, " (%v)", s.Err)
	}
	return b.String()
}

func printReport(w io.Writer, r Report) {
	d := r.Decision
	switch {
	case d.Halted:
		fmt.Fprintf(w, "Engine HALTED by a circuit breaker: de-risking only.\n")
	case d.Rebalance:
		fmt.Fprintf(w, "Rebalance: %s\n", d.Reason)
	default:
		fmt.Fprintf(w, "No rebalance trigger fired (yield routing only); pass --force to rebalance anyway.\n")
	}
	for _, t := range r.Trips {
		fmt.Fprintf(w, "Breaker %s %s: %s\n", t.Breaker, t.Asset, t.Detail)
	}
	fmt.Fprintf(w, "Volatility scale %.2f\n\n", d.VolScale)
	if len(r.Steps) == 0 {
		fmt.Fprintln(w, "No action.")
	} else {
		tw := tabwriter.NewWriter(w, 0, 2, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(tw, "#\tkind\tvenue\tin\t\tout\t\tvalue in\tfee\timpact\tslippage\t")
		for i, s := range r.Steps {
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s@%s\t%s\t%s@%s\t%s\t%s\t%s\t%s\t\n", i+1, s.Kind, s.Venue,
				format.Amount(s.AmountIn), s.AssetIn, s.VenueIn, format.Amount(s.AmountOut), s.AssetOut, s.VenueOut,
				format.USD(s.ValueInUSD), format.USD(s.FeeUSD), format.USD(s.ImpactUSD), format.Percent(s.SlippageBps))
		}
		tw.Flush()
	}
	sm := r.Summary
	fmt.Fprintf(w, "\nTurnover %s (cap %s); loss %s (budget %s); stable share %s -> %s (floor %s)\n",
		format.USD(sm.TurnoverUSD), format.USD(sm.TurnoverCapUSD), format.USD(sm.LossUSD), format.USD(sm.LossBudgetUSD),
		format.Percent(sm.StartStableBps), format.Percent(sm.EndStableBps), format.Percent(sm.BufferFloorBps))
	tw := tabwriter.NewWriter(w, 0, 2, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "asset\tweight before\tafter\tgoal\t")
	for i, s := range r.Assets {
		goal := int64(0)
		if i < len(d.GoalBps) {
			goal = d.GoalBps[i]
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t\n", s, format.Percent(sm.StartWeightsBps[s]), format.Percent(sm.EndWeightsBps[s]), format.Percent(goal))
	}
	tw.Flush()
	if len(r.Shortfalls) > 0 {
		fmt.Fprintf(w, "\nThe plan cannot reach its target:\n")
		for _, s := range r.Shortfalls {
			fmt.Fprintf(w, "  - %s\n", s)
		}
	} else {
		fmt.Fprintf(w, "\nEvery corridor holds; the plan reaches its target.\n")
	}
}

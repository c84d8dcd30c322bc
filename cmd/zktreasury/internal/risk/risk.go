// Package risk implements `zktreasury risk`: volatility, VaR and CVaR,
// drawdown, stress scenarios, runway and circuit-breaker status of the reserves.
package risk

import (
	"fmt"
	"io"
	"math"
	"text/tabwriter"
	"time"

	"github.com/shopspring/decimal"
	"github.com/spf13/cobra"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/format"
	"github.com/zktreasury/zktreasury/treasury"
	"github.com/zktreasury/zktreasury/treasury/engine"
	trisk "github.com/zktreasury/zktreasury/treasury/risk"
)

// RiskOptions are the flags of `zktreasury risk`.
type RiskOptions struct {
	IO *cmdutil.Factory
	// Paths are the input files.
	Paths engine.Paths
	// HistoryPath is a price series (CSV date,asset,price) for volatility,
	// VaR and drawdown of the current holdings.
	HistoryPath string
	// BurnUSD is the monthly burn for the runway ("" skips it).
	BurnUSD string
	// PricesAsOf is the time of the price snapshot (RFC 3339) for the
	// price-age breaker.
	PricesAsOf string
	// Now overrides the current time (tests).
	Now func() time.Time
	// JSON prints JSON.
	JSON bool
}

// NewCmdRisk returns the `risk` command.
func NewCmdRisk(f *cmdutil.Factory) *cobra.Command { return newCmdRisk(f, nil) }

func newCmdRisk(f *cmdutil.Factory, runF func(*RiskOptions) error) *cobra.Command {
	opts := &RiskOptions{IO: f, Now: time.Now}
	cmd := &cobra.Command{
		Use:   "risk",
		Short: "Report the reserves' risk: volatility, VaR, drawdown, stress, runway, breakers",
		Long: `Report EWMA volatility, historical and parametric VaR and CVaR at 95% and 99%
(one day, of the current holdings over the price history), maximum drawdown,
stress scenarios (volatile assets -50%, each stablecoin depegging to 0.90),
runway for a monthly burn, and the circuit breakers. Exits 3 when a circuit
breaker trips.`,
		Example: "  zktreasury risk --dir testdata/engine --history testdata/backtest/calm.csv --burn-usd 750000",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.BurnUSD != "" {
				if d, err := decimal.NewFromString(opts.BurnUSD); err != nil || d.Sign() <= 0 {
					return cmdutil.Usagef("--burn-usd %q: want a positive number of USD", opts.BurnUSD)
				}
			}
			if opts.PricesAsOf != "" {
				if _, err := time.Parse(time.RFC3339, opts.PricesAsOf); err != nil {
					return cmdutil.Usagef("--prices-as-of %q: want an RFC 3339 time such as 2024-01-31T12:00:00Z", opts.PricesAsOf)
				}
			}
			if runF != nil {
				return runF(opts)
			}
			return riskRun(opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Paths.Dir, "dir", "", "directory with policy.json, positions.csv, prices.csv, optionally engine.json and liabilities.csv")
	fl.StringVar(&opts.Paths.Policy, "policy", "", "policy file (JSON)")
	fl.StringVar(&opts.Paths.Positions, "positions", "", "positions file (CSV asset,venue,amount)")
	fl.StringVar(&opts.Paths.Prices, "prices", "", "price snapshot (CSV asset,price_usd)")
	fl.StringVar(&opts.Paths.Config, "config", "", "engine config (JSON) for the breaker settings")
	fl.StringVar(&opts.Paths.Liabilities, "liabilities", "", "liabilities ledger (CSV) for the solvency ratio under stress")
	fl.StringVar(&opts.HistoryPath, "history", "", "price history (CSV date,asset,price)")
	fl.StringVar(&opts.BurnUSD, "burn-usd", "", "monthly burn in USD, for the runway")
	fl.StringVar(&opts.PricesAsOf, "prices-as-of", "", "time of the price snapshot (RFC 3339), for the price-age breaker")
	fl.BoolVar(&opts.JSON, "json", false, "print JSON")
	return cmd
}

// Report is the JSON form of the risk report.
type Report struct {
	NAVUSD    decimal.Decimal  `json:"navUSD"`
	StableBps int64            `json:"stableBps"`
	Weights   map[string]int64 `json:"weightsBps"`
	// History is present with --history.
	History  *HistoryReport        `json:"history,omitempty"`
	Stress   []trisk.StressResult  `json:"stress"`
	Runway   *trisk.Runway         `json:"runway,omitempty"`
	Breakers []trisk.Trip          `json:"breakers"`
	Settings trisk.BreakerSettings `json:"breakerSettings"`
}

// HistoryReport holds the statistics of the current holdings over the history.
type HistoryReport struct {
	Days int `json:"days"`
	// AssetVol is each asset's annualized EWMA volatility.
	AssetVol map[string]float64 `json:"assetVol"`
	// PortfolioVol is the holdings' annualized EWMA volatility.
	PortfolioVol float64 `json:"portfolioVol"`
	// Historical and Parametric are one-day VaR and CVaR at 95% and 99%, as
	// fractions of NAV; the USD figures apply them to today's NAV.
	Historical []VaRReport `json:"historical"`
	Parametric []VaRReport `json:"parametric"`
	// MaxDrawdown is the holdings' largest fall over the history.
	MaxDrawdown trisk.Drawdown `json:"maxDrawdown"`
}

// VaRReport is one VaR/CVaR figure.
type VaRReport struct {
	trisk.VaR
	VaRUSD  decimal.Decimal `json:"varUSD"`
	CVaRUSD decimal.Decimal `json:"cvarUSD"`
}

func riskRun(opts *RiskOptions) error {
	in, err := engine.Load(opts.Paths, true)
	if err != nil {
		return err
	}
	p := in.Policy
	v := trisk.Value(p, in.Positions, in.Prices)
	r := Report{NAVUSD: v.NAVUSD.Round(2), StableBps: v.StableBps(), Weights: map[string]int64{}, Breakers: []trisk.Trip{}, Settings: in.Config.Breakers}
	for a, ap := range p.Assets {
		r.Weights[ap.Symbol] = v.WeightBps(a)
	}
	var liab []decimal.Decimal
	if in.Liabilities != nil {
		liab = in.Liabilities.Totals(len(p.Assets))
	}
	if r.Stress, err = trisk.Stress(p, in.Positions, in.Prices, liab, trisk.StandardScenarios(p)); err != nil {
		return err
	}
	if opts.BurnUSD != "" {
		rw, err := trisk.ComputeRunway(v, decimal.RequireFromString(opts.BurnUSD))
		if err != nil {
			return err
		}
		r.Runway = &rw
	}
	mon := trisk.NewMonitor(in.Config.Breakers)
	stable := make([]bool, len(p.Assets))
	for a, ap := range p.Assets {
		stable[a] = ap.Stable
	}
	obs := trisk.Observation{NAV: v.NAVUSD.InexactFloat64(), PricesUSD: in.Prices.USD, Symbols: p.Symbols(), Stable: stable}
	if opts.PricesAsOf != "" {
		obs.AsOf, _ = time.Parse(time.RFC3339, opts.PricesAsOf)
		obs.Now = opts.Now()
	}
	if opts.HistoryPath != "" {
		s, err := treasury.LoadPriceSeries(opts.HistoryPath, p)
		if err != nil {
			return err
		}
		h, unchanged, err := history(p, in, s, mon, stable)
		if err != nil {
			return err
		}
		for i := range h.Historical {
			h.Historical[i].VaRUSD = v.NAVUSD.Mul(decimal.NewFromFloat(h.Historical[i].VaR.VaR)).Round(2)
			h.Historical[i].CVaRUSD = v.NAVUSD.Mul(decimal.NewFromFloat(h.Historical[i].CVaR)).Round(2)
		}
		for i := range h.Parametric {
			h.Parametric[i].VaRUSD = v.NAVUSD.Mul(decimal.NewFromFloat(h.Parametric[i].VaR.VaR)).Round(2)
			h.Parametric[i].CVaRUSD = v.NAVUSD.Mul(decimal.NewFromFloat(h.Parametric[i].CVaR)).Round(2)
		}
		r.History = h
		obs.UnchangedDays = unchanged
	}
	r.Breakers = append(r.Breakers, mon.Update(obs)...)
	if opts.JSON {
		if err := cmdutil.PrintJSON(opts.IO.Out, r); err != nil {
			return err
		}
	} else {
		printReport(opts.IO.Out, p, r)
	}
	if len(r.Breakers) > 0 {
		return &cmdutil.NoError{Reason: fmt.Sprintf("%d circuit breakers tripped", len(r.Breakers))}
	}
	return nil
}

// history values today's holdings over the price history, feeds the breakers
// the NAV path (so a drawdown from the peak counts) and computes the statistics.
func history(p *treasury.Policy, in *engine.Inputs, s *treasury.PriceSeries, mon *trisk.Monitor, stable []bool) (*HistoryReport, []int, error) {
	nA := len(p.Assets)
	if s.Len() < 21 {
		return nil, nil, fmt.Errorf("%d days of history: VaR needs at least 21", s.Len())
	}
	nav := make([]float64, s.Len())
	cov := trisk.NewEWMACov(nA, trisk.DefaultLambda)
	rets := make([]float64, nA)
	unchanged := make([]int, nA)
	for d := range s.Len() {
		nav[d] = trisk.Value(p, in.Positions, s.Snapshot(d)).NAVUSD.InexactFloat64()
		if d > 0 {
			for a := range nA {
				rets[a] = s.USD[d][a].InexactFloat64()/s.USD[d-1][a].InexactFloat64() - 1
				if s.USD[d][a].Equal(s.USD[d-1][a]) {
					unchanged[a]++
				} else {
					unchanged[a] = 0
				}
			}
			cov.Update(rets)
		}
		// Past trips only matter through the monitor's state (the drawdown peak).
		mon.Update(trisk.Observation{NAV: nav[d], Symbols: p.Symbols(), Stable: stable})
	}
	h := &HistoryReport{Days: s.Len(), AssetVol: map[string]float64{}}
	v := trisk.Value(p, in.Positions, in.Prices)
	w := make([]float64, nA)
	for a, ap := range p.Assets {
		h.AssetVol[ap.Symbol] = round4(cov.AssetVol(a))
		if !v.NAVUSD.IsZero() {
			w[a] = v.AssetUSD[a].Div(v.NAVUSD).InexactFloat64()
		}
	}
	h.PortfolioVol = round4(cov.PortfolioVol(w))
	r := trisk.Returns(nav)
	for _, lvl := range []float64{0.95, 0.99} {
		hv, err := trisk.HistoricalVaR(r, lvl)
		if err != nil {
			return nil, nil, err
		}
		pv, err := trisk.ParametricVaR(r, lvl)
		if err != nil {
			return nil, nil, err
		}
		h.Historical = append(h.Historical, VaRReport{VaR: hv})
		h.Parametric = append(h.Parametric, VaRReport{VaR: pv})
	}
	h.MaxDrawdown = trisk.MaxDrawdown(nav)
	return h, unchanged, nil
}

func round4(x float64) float64 { return math.Round(x*1e4) / 1e4 }

func printReport(w io.Writer, p *treasury.Policy, r Report) {
	fmt.Fprintf(w, "NAV %s; stable share %s (floor %s)\n", format.USD(r.NAVUSD), format.Percent(r.StableBps), format.Percent(p.LiquidityBufferBps))
	if h := r.History; h != nil {
		fmt.Fprintf(w, "\nOver %d days of history (current holdings):\n", h.Days)
		tw := tabwriter.NewWriter(w, 0, 2, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(tw, "asset\tweight\tEWMA vol (annual)\t")
		for _, ap := range p.Assets {
			fmt.Fprintf(tw, "%s\t%s\t%.1f%%\t\n", ap.Symbol, format.Percent(r.Weights[ap.Symbol]), h.AssetVol[ap.Symbol]*100)
		}
		fmt.Fprintf(tw, "portfolio\t\t%.1f%%\t\n", h.PortfolioVol*100)
		tw.Flush()
		tw = tabwriter.NewWriter(w, 0, 2, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(tw, "\n1-day\tVaR\tVaR value\tCVaR\tCVaR value\t")
		for i, lvl := range []string{"95%", "99%"} {
			hv, pv := h.Historical[i], h.Parametric[i]
			fmt.Fprintf(tw, "historical %s\t%.2f%%\t%s\t%.2f%%\t%s\t\n", lvl, hv.VaR.VaR*100, format.USD(hv.VaRUSD), hv.CVaR*100, format.USD(hv.CVaRUSD))
			fmt.Fprintf(tw, "parametric %s\t%.2f%%\t%s\t%.2f%%\t%s\t\n", lvl, pv.VaR.VaR*100, format.USD(pv.VaRUSD), pv.CVaR*100, format.USD(pv.CVaRUSD))
		}
		tw.Flush()
		fmt.Fprintf(w, "Maximum drawdown %.1f%%\n", h.MaxDrawdown.Max*100)
	}
	fmt.Fprintln(w, "\nStress scenarios:")
	tw := tabwriter.NewWriter(w, 0, 2, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "scenario\tloss\tof NAV\tstable share\tout of band\tsolvency ratio\t")
	for _, s := range r.Stress {
		sol := "-"
		if s.SolvencyRatioBps != nil {
			sol = format.Percent(*s.SolvencyRatioBps)
			if s.Insolvent {
				sol += " INSOLVENT"
			}
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%v\t%s\t\n", s.Scenario, format.USD(s.LossUSD), format.Percent(s.LossBps), format.Percent(s.StableBps), s.OutOfBand, sol)
	}
	tw.Flush()
	if r.Runway != nil {
		fmt.Fprintf(w, "\nRunway at %s/month: %s months (%s months on stablecoins alone)\n", format.USD(r.Runway.MonthlyBurnUSD), r.Runway.TotalMonths, r.Runway.StableMonths)
	}
	if len(r.Breakers) == 0 {
		fmt.Fprintln(w, "\nCircuit breakers: none tripped.")
	} else {
		fmt.Fprintln(w, "\nCircuit breakers TRIPPED (the engine plans only de-risking actions):")
		for _, t := range r.Breakers {
			fmt.Fprintf(w, "  - %s %s: %s\n", t.Breaker, t.Asset, t.Detail)
		}
	}
}

// Package backtest implements `zktreasury backtest`: replay the engine over
// a daily price history and compare it with buy-and-hold.
package backtest

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/shopspring/decimal"
	"github.com/spf13/cobra"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
	"github.com/zktreasury/zktreasury/treasury"
	"github.com/zktreasury/zktreasury/treasury/actionlog"
	tbacktest "github.com/zktreasury/zktreasury/treasury/backtest"
	"github.com/zktreasury/zktreasury/treasury/engine"
)

// BacktestOptions are the flags of `zktreasury backtest`.
type BacktestOptions struct {
	IO *cmdutil.Factory
	// Paths name the policy, the engine config and optional starting positions.
	Paths engine.Paths
	// SeriesPath is the price history (CSV date,asset,price).
	SeriesPath string
	// InitialUSD is invested at the strategic weights when no positions are given.
	InitialUSD string
	// OutDir, when set, receives result.json, report.html and actions/, the
	// action log of every epoch (actions/epoch-<n>.jsonl).
	OutDir string
	// JSON prints the summary as JSON.
	JSON bool
	// Quiet silences progress.
	Quiet bool
}

// NewCmdBacktest returns the `backtest` command.
func NewCmdBacktest(f *cmdutil.Factory) *cobra.Command { return newCmdBacktest(f, nil) }

func newCmdBacktest(f *cmdutil.Factory, runF func(*BacktestOptions) error) *cobra.Command {
	opts := &BacktestOptions{IO: f}
	cmd := &cobra.Command{
		Use:   "backtest",
		Short: "Replay the engine over a daily price history",
		Long: `Run the engine once a day over a price history (CSV date,asset,price; sorted,
without gaps): interest, circuit breakers, strategy, plan, execution on the venue
model, corridor check. Report NAV, returns, volatility, maximum drawdown,
turnover, rebalances and corridor violations against buy-and-hold. With --out,
write result.json, report.html (charts) and actions/epoch-<n>.jsonl, each
epoch's action log as its proof takes it (epochs from 1; day 0 is the start).
The engine config's maxActions (the circuit's action slots K) bounds every
epoch. Exits 3 if any epoch violates a corridor.`,
		Example: "  zktreasury backtest --policy testdata/engine/policy.json --config testdata/engine/engine.json \\\n" +
			"    --series testdata/backtest/crash.csv --out backtest-crash",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.SeriesPath == "" {
				return cmdutil.Usagef("--series is required: a price history CSV (date,asset,price)")
			}
			if opts.Paths.Positions == "" {
				if d, err := decimal.NewFromString(opts.InitialUSD); err != nil || d.Sign() <= 0 {
					return cmdutil.Usagef("--initial-usd %q: want a positive number of USD", opts.InitialUSD)
				}
			}
			if runF != nil {
				return runF(opts)
			}
			return backtestRun(opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Paths.Policy, "policy", "", "policy file (JSON)")
	fl.StringVar(&opts.Paths.Config, "config", "", "engine config (JSON; defaults apply without it)")
	fl.StringVar(&opts.Paths.Positions, "positions", "", "starting positions (CSV); default: --initial-usd at the target weights")
	fl.StringVar(&opts.SeriesPath, "series", "", "price history (CSV date,asset,price)")
	fl.StringVar(&opts.InitialUSD, "initial-usd", "50000000", "USD invested at the target weights when --positions is not given")
	fl.StringVar(&opts.OutDir, "out", "", "directory for result.json, report.html and actions/ (one log per epoch)")
	fl.BoolVar(&opts.JSON, "json", false, "print the summary as JSON")
	fl.BoolVar(&opts.Quiet, "quiet", false, "no progress on stderr")
	return cmd
}

// Summary is the result without its daily series.
type Summary struct {
	tbacktest.Result
	Series *struct{} `json:"series,omitempty"`
}

func backtestRun(opts *BacktestOptions) error {
	in, err := engine.Load(opts.Paths, false)
	if err != nil {
		return err
	}
	prog := cmdutil.NewProgress(opts.IO.Err, opts.Quiet)
	s, err := treasury.LoadPriceSeries(opts.SeriesPath, in.Policy)
	if err != nil {
		return err
	}
	prog.Step("loaded %d days of prices from %s", s.Len(), opts.SeriesPath)
	o := tbacktest.Options{Name: filepath.Base(opts.SeriesPath), Policy: in.Policy, Config: in.Config, Series: s, Initial: in.Positions,
		Progress: func(d, n int) { prog.Step("day %d of %d", d, n) }}
	if in.Positions == nil {
		o.InitialUSD = decimal.RequireFromString(opts.InitialUSD)
	}
	var logDir string
	if opts.OutDir != "" {
		if err := os.MkdirAll(opts.OutDir, 0o755); err != nil {
			return fmt.Errorf("create %s: %w", opts.OutDir, err)
		}
		// Fresh logs per run: replace any previous ones only once this run succeeds.
		logDir = filepath.Join(opts.OutDir, "actions")
		tmp := logDir + ".tmp"
		if err := os.RemoveAll(tmp); err != nil {
			return err
		}
		w, err := actionlog.OpenDir(tmp)
		if err != nil {
			return err
		}
		w.SetSync(false)
		o.Log = w
		defer os.RemoveAll(tmp)
	}
	r, err := tbacktest.Run(o)
	if err != nil {
		return err
	}
	prog.Step("done: %d epochs, %d rebalances, %d actions (at most %d an epoch), %d violations", r.Epochs, r.Rebalances, r.Actions, r.MaxEpochActions, r.Violations)
	if opts.OutDir != "" {
		if err := os.RemoveAll(logDir); err != nil {
			return fmt.Errorf("replace %s: %w", logDir, err)
		}
		if err := os.Rename(logDir+".tmp", logDir); err != nil {
			return fmt.Errorf("write %s: %w", logDir, err)
		}
		data, err := json.MarshalIndent(r, "", "  ")
		if err != nil {
			return err
		}
		if err := cmdutil.WriteFileAtomic(filepath.Join(opts.OutDir, "result.json"), append(data, '\n'), 0o644); err != nil {
			return err
		}
		html, err := r.HTML()
		if err != nil {
			return err
		}
		if err := cmdutil.WriteFileAtomic(filepath.Join(opts.OutDir, "report.html"), html, 0o644); err != nil {
			return err
		}
		prog.Step("wrote %s/{result.json,report.html,actions/}", opts.OutDir)
	}
	if opts.JSON {
		if err := cmdutil.PrintJSON(opts.IO.Out, Summary{Result: *r}); err != nil {
			return err
		}
	} else {
		printSummary(opts.IO.Out, r)
	}
	if r.Violations > 0 {
		return &cmdutil.NoError{Reason: fmt.Sprintf("%d epochs violate a corridor", r.Violations)}
	}
	return nil
}

func printSummary(w io.Writer, r *tbacktest.Result) {
	fmt.Fprintf(w, "%s: %s to %s, %d daily epochs\n\n", r.Name, r.Start, r.End, r.Days)
	fmt.Fprintf(w, "%-22s %16s %16s\n", "", "strategy", "buy and hold")
	row := func(name string, f func(tbacktest.Stats) string) {
		fmt.Fprintf(w, "%-22s %16s %16s\n", name, f(r.Strategy), f(r.BuyAndHold))
	}
	pct := func(x float64) string { return fmt.Sprintf("%.2f%%", x*100) }
	row("final NAV (USD)", func(s tbacktest.Stats) string { return fmt.Sprintf("%.0f", s.FinalNAV) })
	row("total return", func(s tbacktest.Stats) string { return pct(s.TotalReturn) })
	row("CAGR", func(s tbacktest.Stats) string { return pct(s.CAGR) })
	row("annual volatility", func(s tbacktest.Stats) string { return pct(s.AnnualVol) })
	row("Sharpe (rf = 0)", func(s tbacktest.Stats) string { return fmt.Sprintf("%.2f", s.Sharpe) })
	row("maximum drawdown", func(s tbacktest.Stats) string { return pct(s.MaxDrawdown) })
	row("1-day VaR 95%", func(s tbacktest.Stats) string { return pct(s.VaR95) })
	fmt.Fprintf(w, "\nturnover %s USD, fees/impact/spread %s USD, interest %s USD\n", r.TurnoverUSD.StringFixed(0), r.LossUSD.StringFixed(0), r.InterestUSD.StringFixed(0))
	fmt.Fprintf(w, "rebalances %d, actions %d, halts %d (%d days), plan shortfalls %d\n", r.Rebalances, r.Actions, r.Halts, r.HaltedDays, r.Shortfalls)
	for _, t := range r.Trips {
		fmt.Fprintf(w, "  %s: breaker %s %s: %s\n", t.Date, t.Breaker, t.Asset, t.Detail)
	}
	if r.Violations == 0 {
		fmt.Fprintln(w, "corridor violations: 0")
	} else {
		fmt.Fprintf(w, "corridor violations: %d\n", r.Violations)
		for _, v := range r.ViolationDetails {
			fmt.Fprintf(w, "  - %s\n", v)
		}
	}
}

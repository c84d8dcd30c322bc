package policy

import (
	"fmt"
	"io"
	"math/big"
	"text/tabwriter"

	"github.com/shopspring/decimal"
	"github.com/spf13/cobra"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/format"
	"github.com/zktreasury/zktreasury/treasury"
	"github.com/zktreasury/zktreasury/treasury/corridor"
	"github.com/zktreasury/zktreasury/treasury/engine"
)

// CheckOptions are the flags of `zktreasury policy check`.
type CheckOptions struct {
	IO *cmdutil.Factory
	// Paths name the policy and, optionally, positions, prices and liabilities.
	Paths engine.Paths
	// JSON prints the result as JSON.
	JSON bool
}

func newCmdCheck(f *cmdutil.Factory, runF func(*CheckOptions) error) *cobra.Command {
	opts := &CheckOptions{IO: f}
	cmd := &cobra.Command{
		Use:   "check",
		Short: "Validate a policy and check the current positions against its corridors",
		Long: `Validate a policy file strictly (unknown fields, ranges, bands, haircuts).
With positions and prices, also check the reserves against the corridors that
apply to a state: every weight inside its band, the stable share at or above the
liquidity buffer, and, with liabilities, the solvency ratio. Exits 3 when the
reserves are outside a corridor.`,
		Example: "  zktreasury policy check --policy testdata/engine/policy.json\n  zktreasury policy check --dir testdata/engine --json",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return checkRun(opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Paths.Dir, "dir", "", "directory with policy.json and optionally positions.csv, prices.csv, liabilities.csv")
	fl.StringVar(&opts.Paths.Policy, "policy", "", "policy file (JSON)")
	fl.StringVar(&opts.Paths.Positions, "positions", "", "positions file (CSV asset,venue,amount)")
	fl.StringVar(&opts.Paths.Prices, "prices", "", "price snapshot (CSV asset,price_usd)")
	fl.StringVar(&opts.Paths.Liabilities, "liabilities", "", "liabilities ledger (CSV user_id,<asset>...)")
	fl.BoolVar(&opts.JSON, "json", false, "print JSON")
	return cmd
}

// CheckResult is the JSON form of the check.
type CheckResult struct {
	Valid  bool   `json:"valid"`
	Policy string `json:"policy"`
	Paused bool   `json:"paused"`
	// Corridors are the policy's limits at circuit scale.
	NotionalCapUSD       decimal.Decimal `json:"notionalCapUSD"`
	TurnoverCapUSDPerDay decimal.Decimal `json:"turnoverCapUSDPerDay"`
	LossBudgetUSDPerDay  decimal.Decimal `json:"lossBudgetUSDPerDay"`
	MaxSlippageBps       uint32          `json:"maxSlippageBps"`
	BufferFloorBps       uint32          `json:"bufferFloorBps"`
	MinRatioBps          uint32          `json:"minRatioBps"`
	// Assets are the per-asset corridors and, with positions, current weights.
	Assets []AssetCheck `json:"assets"`
	// Checked is set when positions and prices were given.
	Checked   bool    `json:"checked"`
	StableBps *uint64 `json:"stableBps,omitempty"`
	// SolvencyRatioBps is set when liabilities were given.
	SolvencyRatioBps *string `json:"solvencyRatioBps,omitempty"`
	// Breaches lists every corridor the reserves are outside of.
	Breaches []string `json:"breaches"`
}

// AssetCheck is one asset's corridor.
type AssetCheck struct {
	Symbol       string  `json:"symbol"`
	Stable       bool    `json:"stable"`
	Allowed      bool    `json:"allowed"`
	TargetBps    uint32  `json:"targetBps"`
	WeightMinBps uint32  `json:"weightMinBps"`
	WeightMaxBps uint32  `json:"weightMaxBps"`
	WeightBps    *uint64 `json:"weightBps,omitempty"`
	InBand       *bool   `json:"inBand,omitempty"`
}

func checkRun(opts *CheckOptions) error {
	in, err := engine.Load(opts.Paths, false)
	if err != nil {
		return err
	}
	p := in.Policy
	l, err := corridor.LimitsFromPolicy(p)
	if err != nil {
		return err
	}
	r := CheckResult{Valid: true, Policy: opts.Paths.Resolve().Policy, Paused: p.Paused, NotionalCapUSD: p.NotionalCapUSD, TurnoverCapUSDPerDay: p.TurnoverCapUSDPerDay,
		LossBudgetUSDPerDay: p.LossBudgetUSDPerDay, MaxSlippageBps: p.MaxSlippageBps, BufferFloorBps: p.LiquidityBufferBps, MinRatioBps: p.MinSolvencyRatioBps, Breaches: []string{}}
	for _, ap := range p.Assets {
		r.Assets = append(r.Assets, AssetCheck{Symbol: ap.Symbol, Stable: ap.Stable, Allowed: ap.Allowed, TargetBps: ap.TargetWeightBps,
			WeightMinBps: ap.WeightMinBps, WeightMaxBps: ap.WeightMaxBps})
	}
	if (in.Positions == nil) != (in.Prices == nil) {
		return cmdutil.Usagef("--positions and --prices go together")
	}
	if in.Positions != nil {
		r.Checked = true
		ep, err := corridor.NewEpoch(l, in.State, in.CircuitPrices, p.MinEpochSeconds)
		if err != nil {
			return err
		}
		if ep.Total().Sign() == 0 {
			r.Breaches = append(r.Breaches, "the reserves are worth nothing")
		} else {
			for a := range r.Assets {
				w := ep.WeightBps(a)
				ok := ep.BandDistance(a) == 0 // exact: a weight a fraction of a bps over its max is over
				r.Assets[a].WeightBps, r.Assets[a].InBand = &w, &ok
				if !ok {
					r.Breaches = append(r.Breaches, fmt.Sprintf("weight band: %s at %d bps is outside [%d, %d]", p.Assets[a].Symbol, w, p.Assets[a].WeightMinBps, p.Assets[a].WeightMaxBps))
				}
			}
			sb := ep.StableBps()
			r.StableBps = &sb
			if sb < uint64(p.LiquidityBufferBps) {
				r.Breaches = append(r.Breaches, fmt.Sprintf("liquidity buffer: stable share %d bps is below the floor %d", sb, p.LiquidityBufferBps))
			}
		}
		if in.Liabilities != nil {
			liab, err := corridor.LiabilitiesFromTotals(p, in.Liabilities.Totals(len(p.Assets)))
			if err != nil {
				return err
			}
			ratio, ok, err := corridor.SolvencyRatioBps(l, in.State, in.CircuitPrices, liab)
			if err != nil {
				return err
			}
			if ok {
				s := ratio.String()
				r.SolvencyRatioBps = &s
				if ratio.Cmp(big.NewInt(int64(p.MinSolvencyRatioBps))) < 0 {
					r.Breaches = append(r.Breaches, fmt.Sprintf("solvency ratio: %s bps is below the minimum %d", s, p.MinSolvencyRatioBps))
				}
			}
		}
	}
	if opts.JSON {
		if err := cmdutil.PrintJSON(opts.IO.Out, r); err != nil {
			return err
		}
	} else {
		printCheck(opts.IO.Out, p, r)
	}
	if len(r.Breaches) > 0 {
		return &cmdutil.NoError{Reason: fmt.Sprintf("%d corridor breaches", len(r.Breaches))}
	}
	return nil
}

func printCheck(w io.Writer, p *treasury.Policy, r CheckResult) {
	fmt.Fprintf(w, "Policy %s is valid: %d assets, %d venues.\n", r.Policy, len(p.Assets), len(p.Venues))
	if r.Paused {
		fmt.Fprintln(w, "The kill switch is ON: no action may execute.")
	}
	fmt.Fprintf(w, "Notional cap %s, turnover cap %s, loss budget %s; max slippage %s, buffer floor %s, min solvency ratio %s.\n",
		format.USD(r.NotionalCapUSD), format.USD(r.TurnoverCapUSDPerDay), format.USD(r.LossBudgetUSDPerDay),
		format.Percent(r.MaxSlippageBps), format.Percent(r.BufferFloorBps), format.Percent(r.MinRatioBps))
	tw := tabwriter.NewWriter(w, 0, 2, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "asset\tstable\tallowed\ttarget\tband\tweight\t")
	for _, a := range r.Assets {
		wt := "-"
		if a.WeightBps != nil {
			wt = format.Percent(*a.WeightBps)
			if !*a.InBand {
				wt += " OUT"
			}
		}
		fmt.Fprintf(tw, "%s\t%v\t%v\t%s\t[%s, %s]\t%s\t\n", a.Symbol, a.Stable, a.Allowed, format.Percent(a.TargetBps),
			format.Percent(a.WeightMinBps), format.Percent(a.WeightMaxBps), wt)
	}
	tw.Flush()
	if r.StableBps != nil {
		fmt.Fprintf(w, "Stable share %s (floor %s).\n", format.Percent(*r.StableBps), format.Percent(r.BufferFloorBps))
	}
	if r.SolvencyRatioBps != nil {
		fmt.Fprintf(w, "Solvency ratio %s (minimum %s).\n", ratioPercent(*r.SolvencyRatioBps), format.Percent(r.MinRatioBps))
	}
	switch {
	case !r.Checked:
		fmt.Fprintln(w, "Pass --positions and --prices (or --dir) to check the reserves against the corridors.")
	case len(r.Breaches) == 0:
		fmt.Fprintln(w, "The reserves are inside every corridor.")
	default:
		fmt.Fprintln(w, "The reserves are outside the corridors:")
		for _, b := range humanBreaches(r) {
			fmt.Fprintf(w, "  - %s\n", b)
		}
	}
}

func ratioPercent(bps string) string {
	if b, ok := new(big.Int).SetString(bps, 10); ok {
		return format.PercentBig(b)
	}
	return bps + " bps"
}

// humanBreaches words r.Breaches in percent, from the same figures and in the
// same order as checkRun found them (the JSON keeps the basis-point wording).
func humanBreaches(r CheckResult) []string {
	if len(r.Breaches) > 0 && r.StableBps == nil {
		return r.Breaches // the reserves are worth nothing: no figure to convert
	}
	var out []string
	for _, a := range r.Assets {
		if a.InBand != nil && !*a.InBand {
			out = append(out, fmt.Sprintf("weight band: %s at %s is outside [%s, %s]", a.Symbol,
				format.Percent(*a.WeightBps), format.Percent(a.WeightMinBps), format.Percent(a.WeightMaxBps)))
		}
	}
	if r.StableBps != nil && *r.StableBps < uint64(r.BufferFloorBps) {
		out = append(out, fmt.Sprintf("liquidity buffer: stable share %s is below the floor %s", format.Percent(*r.StableBps), format.Percent(r.BufferFloorBps)))
	}
	if r.SolvencyRatioBps != nil {
		if b, ok := new(big.Int).SetString(*r.SolvencyRatioBps, 10); ok && b.Cmp(big.NewInt(int64(r.MinRatioBps))) < 0 {
			out = append(out, fmt.Sprintf("solvency ratio: %s is below the minimum %s", format.PercentBig(b), format.Percent(r.MinRatioBps)))
		}
	}
	if len(out) != len(r.Breaches) {
		return r.Breaches // a breach this wording does not know: show the checker's
	}
	return out
}

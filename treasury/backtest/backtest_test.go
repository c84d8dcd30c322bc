package backtest

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/zktreasury/zktreasury/treasury"
	"github.com/zktreasury/zktreasury/treasury/actionlog"
	"github.com/zktreasury/zktreasury/treasury/engine"
)

var update = flag.Bool("update", false, "regenerate testdata/backtest/*.csv from the seeded generator")

const (
	scenarioDir = "../../testdata/backtest/"
	engineDir   = "../../testdata/engine/"
)

// TestScenarioFilesMatchGenerator keeps the committed scenarios and their
// generator in step; regenerate with
// go test ./treasury/backtest -run TestScenarioFilesMatchGenerator -update.
func TestScenarioFilesMatchGenerator(t *testing.T) {
	for _, sc := range Scenarios {
		path := filepath.Join(scenarioDir, sc.Name+".csv")
		got := sc.Generate()
		if *update {
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run this test with -update)", err)
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("%s differs from its generator; run go test ./treasury/backtest -run TestScenarioFilesMatchGenerator -update", path)
		}
	}
}

func load(t testing.TB) (*treasury.Policy, *engine.Config) {
	t.Helper()
	p, err := treasury.LoadPolicy(engineDir + "policy.json")
	if err != nil {
		t.Fatal(err)
	}
	c, err := engine.LoadConfig(engineDir+"engine.json", p)
	if err != nil {
		t.Fatal(err)
	}
	return p, c
}

func TestScenarios(t *testing.T) {
	p, c := load(t)
	tests := []struct {
		name     string
		wantTrip string // a breaker that must fire
	}{
		{name: "calm"},
		{name: "crash", wantTrip: "drawdown"},
		{name: "depeg", wantTrip: "depeg"},
		{name: "highvol"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, err := treasury.LoadPriceSeries(filepath.Join(scenarioDir, tc.name+".csv"), p)
			if err != nil {
				t.Fatal(err)
			}
			logDir := filepath.Join(t.TempDir(), "actions")
			w, err := actionlog.OpenDir(logDir)
			if err != nil {
				t.Fatal(err)
			}
			w.SetSync(false)
			r, err := Run(Options{Name: tc.name, Policy: p, Config: c, Series: s, InitialUSD: decimal.NewFromInt(50_000_000), Log: w})
			if err != nil {
				t.Fatal(err)
			}
			if r.Violations != 0 {
				t.Fatalf("%d corridor violations: %v", r.Violations, r.ViolationDetails)
			}
			if r.Rebalances == 0 || r.Days != s.Len() || len(r.Series.NAV) != s.Len() {
				t.Fatalf("rebalances %d days %d", r.Rebalances, r.Days)
			}
			if r.InterestUSD.Sign() <= 0 {
				t.Fatal("no interest earned in three years of yield routing")
			}
			if tc.wantTrip != "" {
				found := false
				for _, tr := range r.Trips {
					found = found || tr.Breaker == tc.wantTrip
				}
				if !found || r.HaltedDays == 0 {
					t.Fatalf("no %s halt: trips %+v", tc.wantTrip, r.Trips)
				}
			}
			// One log file per epoch, numbered from 1 (day 0 is the start),
			// each its own chain from seq 0, as the prover takes it.
			if r.Epochs != s.Len()-1 {
				t.Fatalf("%d epochs over %d days", r.Epochs, s.Len())
			}
			n := 0
			for ep := uint64(1); ep <= uint64(r.Epochs); ep++ {
				entries, err := actionlog.LoadEpoch(w.Path(ep), ep)
				if err != nil {
					t.Fatal(err)
				}
				if err := actionlog.CheckAgainstPolicy(entries, p); err != nil {
					t.Fatal(err)
				}
				n += len(entries)
			}
			if _, err := os.Stat(w.Path(uint64(r.Epochs) + 1)); !os.IsNotExist(err) {
				t.Fatal("a log beyond the last epoch")
			}
			if n != r.Actions {
				t.Fatalf("logs hold %d entries, result counts %d actions", n, r.Actions)
			}
			if c.MaxActions > 0 && r.MaxEpochActions > c.MaxActions {
				t.Fatalf("an epoch has %d actions, the engine has %d slots", r.MaxEpochActions, c.MaxActions)
			}
			if _, err := json.Marshal(r); err != nil {
				t.Fatal(err)
			}
			html, err := r.HTML()
			if err != nil {
				t.Fatal(err)
			}
			if n := bytes.Count(html, []byte("<svg")); n != 3 || bytes.Contains(html, []byte("<script")) {
				t.Fatalf("report has %d charts", n)
			}
			t.Logf("%s: strategy %+v\nbuy and hold %+v\nturnover %s loss %s interest %s rebalances %d halts %d (%d days) shortfalls %d",
				tc.name, r.Strategy, r.BuyAndHold, r.TurnoverUSD.StringFixed(0), r.LossUSD.StringFixed(0), r.InterestUSD.StringFixed(0), r.Rebalances, r.Halts, r.HaltedDays, r.Shortfalls)
		})
	}
}

func TestCrashStrategyBeatsBuyAndHoldOnDrawdown(t *testing.T) {
	p, c := load(t)
	s, err := treasury.LoadPriceSeries(filepath.Join(scenarioDir, "crash.csv"), p)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Run(Options{Name: "crash", Policy: p, Config: c, Series: s, InitialUSD: decimal.NewFromInt(50_000_000)})
	if err != nil {
		t.Fatal(err)
	}
	if r.Strategy.MaxDrawdown >= r.BuyAndHold.MaxDrawdown {
		t.Fatalf("strategy drawdown %.3f not below buy-and-hold %.3f", r.Strategy.MaxDrawdown, r.BuyAndHold.MaxDrawdown)
	}
}

// TestCrashFitsActionSlots: through the crash (the busiest history, 14
// actions in an epoch without a limit), with K = 4 and K = 16 action slots no
// epoch has more than K actions and every epoch stays inside every corridor.
func TestCrashFitsActionSlots(t *testing.T) {
	p, c := load(t)
	s, err := treasury.LoadPriceSeries(filepath.Join(scenarioDir, "crash.csv"), p)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []int{4, 16} {
		t.Run(fmt.Sprint(k), func(t *testing.T) {
			ck := *c
			ck.MaxActions = k
			r, err := Run(Options{Name: "crash", Policy: p, Config: &ck, Series: s, InitialUSD: decimal.NewFromInt(50_000_000)})
			if err != nil {
				t.Fatal(err)
			}
			if r.Violations != 0 {
				t.Fatalf("%d corridor violations: %v", r.Violations, r.ViolationDetails)
			}
			if r.MaxEpochActions > k || r.MaxEpochActions == 0 || r.MaxActions != k {
				t.Fatalf("at most %d actions in an epoch with K = %d", r.MaxEpochActions, k)
			}
			t.Logf("K=%d: %d actions, at most %d an epoch, %d rebalances, %d shortfalls, drawdown %.3f (buy and hold %.3f)",
				k, r.Actions, r.MaxEpochActions, r.Rebalances, r.Shortfalls, r.Strategy.MaxDrawdown, r.BuyAndHold.MaxDrawdown)
		})
	}
}

func TestRunRejectsBadInput(t *testing.T) {
	p, c := load(t)
	s, err := treasury.ParsePriceSeries("x.csv", strings.NewReader("date,asset,price\n2024-01-01,USDC,1\n2024-01-01,DAI,1\n2024-01-01,WETH,1\n2024-01-01,WBTC,1\n"), p)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Run(Options{Policy: p, Config: c, Series: s, InitialUSD: decimal.NewFromInt(1)}); err == nil {
		t.Fatal("one day of prices accepted")
	}
	two, err := treasury.ParsePriceSeries("x.csv", strings.NewReader("date,asset,price\n2024-01-01,USDC,1\n2024-01-01,DAI,1\n2024-01-01,WETH,1\n2024-01-01,WBTC,1\n"+
		"2024-01-02,USDC,1\n2024-01-02,DAI,1\n2024-01-02,WETH,1\n2024-01-02,WBTC,1\n"), p)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Run(Options{Policy: p, Config: c, Series: two}); err == nil {
		t.Fatal("no initial USD and no positions accepted")
	}
}

// benchWorld builds a 20-asset policy (2 stables, 18 volatile) and a 10-year
// daily series in memory.
func benchWorld(b *testing.B) (*treasury.Policy, *engine.Config, *treasury.PriceSeries) {
	const nA, days = 20, 3650
	var assets []string
	hair := `{"vault": 0, "uniswap": 500, "aave": 200}`
	for a := range nA {
		sym, stable, tgt, lo, hi := fmt.Sprintf("TK%02d", a), false, 450, 200, 900
		if a < 2 {
			sym, stable, tgt, lo, hi = fmt.Sprintf("USD%d", a), true, 950, 500, 2000
		}
		assets = append(assets, fmt.Sprintf(`{"symbol": %q, "decimals": 18, "circuitDecimals": 6, "stable": %v, "allowed": true, "coverage": false,
			"targetWeightBps": %d, "weightMinBps": %d, "weightMaxBps": %d, "haircutsBps": %s}`, sym, stable, tgt, lo, hi, hair))
	}
	pj := `{"version": 1, "valueDecimals": 12, "assets": [` + strings.Join(assets, ",") + `],
		"venues": [{"id": "vault", "kind": "custody", "allowed": true, "capUSD": "0"},
		           {"id": "uniswap", "kind": "amm", "allowed": true, "capUSD": "0"},
		           {"id": "aave", "kind": "lending", "allowed": true, "maxAprBps": 1000, "capUSD": "0"}],
		"minSolvencyRatioBps": 10000, "notionalCapUSD": "2000000", "turnoverCapUSDPerDay": "50000000", "maxSlippageBps": 150,
		"lossBudgetUSDPerDay": "500000", "outflowCapUSDPerDay": "0", "minEpochSeconds": 3600, "liquidityBufferBps": 1000, "paused": false}`
	p, err := treasury.ParsePolicy("bench.json", []byte(pj))
	if err != nil {
		b.Fatal(err)
	}
	c, err := engine.ParseConfig("bench-engine.json", []byte(`{"version": 1, "venues": {"uniswap": {"depthUSD": "500000000"}, "aave": {"aprBps": {"USD0": 400, "USD1": 350}}},
		"strategy": {"rebalance": {"mode": "edge", "edgeMarginBps": 50, "thresholdBps": 300, "calendarDays": 30, "minTradeUSD": "1000"},
		             "volTarget": {"enabled": true, "annualVol": 0.4, "lambda": 0.94, "minScale": 0.5},
		             "yield": {"enabled": true, "minMoveUSD": "50000"}}}`), p)
	if err != nil {
		b.Fatal(err)
	}
	r := rand.New(rand.NewPCG(5, 5))
	s := &treasury.PriceSeries{}
	px := make([]float64, nA)
	for a := range px {
		px[a] = 1
		if a >= 2 {
			px[a] = 10 + 1000*r.Float64()
		}
	}
	start := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)
	for d := range days {
		row := make([]decimal.Decimal, nA)
		for a := range nA {
			if d > 0 {
				if a < 2 {
					px[a] = 1 + 0.0003*r.NormFloat64()
				} else {
					px[a] *= math.Exp(0.7 / math.Sqrt(365) * r.NormFloat64())
				}
			}
			row[a] = decimal.NewFromFloat(px[a]).Round(6)
		}
		s.Dates = append(s.Dates, start.AddDate(0, 0, d))
		s.USD = append(s.USD, row)
	}
	return p, c, s
}

func BenchmarkBacktest10Years20Assets(b *testing.B) {
	p, c, s := benchWorld(b)
	b.ResetTimer()
	var r *Result
	for b.Loop() {
		var err error
		r, err = Run(Options{Policy: p, Config: c, Series: s, InitialUSD: decimal.NewFromInt(100_000_000)})
		if err != nil {
			b.Fatal(err)
		}
	}
	if r.Violations != 0 {
		b.Fatalf("%d violations", r.Violations)
	}
	b.ReportMetric(float64(r.Rebalances), "rebalances")
	b.ReportMetric(float64(r.Actions), "actions")
}

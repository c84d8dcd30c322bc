package risk

import (
	"errors"
	"math"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/zktreasury/zktreasury/treasury"
)

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

func TestEWMA(t *testing.T) {
	// σ² = r1²; then λσ² + (1-λ)r2²: 0.94·0.0001 + 0.06·0.0004 = 0.000118.
	e := EWMA{Lambda: 0.94}
	e.Update(0.01)
	e.Update(-0.02)
	if !near(e.Daily(), math.Sqrt(0.000118), 1e-15) {
		t.Fatalf("daily = %v", e.Daily())
	}
	if _, err := EWMAVolatility(nil, 0.94); !errors.Is(err, ErrTooFewReturns) {
		t.Fatalf("err = %v", err)
	}
	if _, err := EWMAVolatility([]float64{0.1}, 1); err == nil {
		t.Fatal("lambda 1 accepted")
	}
	// A constant 1% daily move has a 1% daily EWMA volatility.
	r := make([]float64, 100)
	for i := range r {
		r[i] = 0.01 * float64(1-2*(i%2))
	}
	v, _ := EWMAVolatility(r, 0.94)
	if !near(v, 0.01*math.Sqrt(365), 1e-12) {
		t.Fatalf("annual = %v", v)
	}
}

func TestEWMACovMatchesEWMA(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	c := NewEWMACov(2, 0.94)
	e := EWMA{Lambda: 0.94}
	for range 200 {
		x := rng.NormFloat64() * 0.02
		c.Update([]float64{x, 2 * x})
		e.Update(x)
	}
	if !near(c.AssetVol(0), e.Annual(), 1e-12) || !near(c.AssetVol(1), 2*e.Annual(), 1e-12) {
		t.Fatalf("asset vols %v %v, ewma %v", c.AssetVol(0), c.AssetVol(1), e.Annual())
	}
	// Perfectly correlated: the portfolio's vol is the weighted sum.
	if !near(c.PortfolioVol([]float64{0.5, 0.5}), 1.5*e.Annual(), 1e-12) {
		t.Fatalf("portfolio vol %v", c.PortfolioVol([]float64{0.5, 0.5}))
	}
}

func TestHistoricalVaR(t *testing.T) {
	// Returns -1%, -2%, ..., -100%: losses 0.01..1.00.
	r := make([]float64, 100)
	for i := range r {
		r[i] = -float64(i+1) / 100
	}
	v, err := HistoricalVaR(r, 0.95)
	if err != nil {
		t.Fatal(err)
	}
	if !near(v.VaR, 0.95, 1e-12) || !near(v.CVaR, (0.95+0.96+0.97+0.98+0.99+1.00)/6, 1e-12) {
		t.Fatalf("var %+v", v)
	}
	if _, err := HistoricalVaR(r[:10], 0.95); !errors.Is(err, ErrTooFewReturns) {
		t.Fatalf("err = %v", err)
	}
}

func TestParametricVaR(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	r := make([]float64, 200_000)
	for i := range r {
		r[i] = 0.001 + 0.02*rng.NormFloat64()
	}
	p, err := ParametricVaR(r, 0.99)
	if err != nil {
		t.Fatal(err)
	}
	// -μ + σ·2.3263 = 0.04553; CVaR -μ + σ·φ(2.3263)/0.01 = 0.05230.
	if !near(p.VaR, 0.04553, 5e-4) || !near(p.CVaR, 0.05230, 5e-4) {
		t.Fatalf("parametric %+v", p)
	}
	h, _ := HistoricalVaR(r, 0.99)
	if !near(h.VaR, p.VaR, 2e-3) {
		t.Fatalf("historical %v and parametric %v disagree on normal data", h.VaR, p.VaR)
	}
}

func TestMaxDrawdown(t *testing.T) {
	d := MaxDrawdown([]float64{100, 120, 90, 110, 60, 130, 125})
	if !near(d.Max, 0.5, 1e-12) || d.Peak != 1 || d.Trough != 4 {
		t.Fatalf("drawdown %+v", d)
	}
	s := DrawdownSeries([]float64{100, 50, 100, 200})
	if s[1] != 0.5 || s[2] != 0 || s[3] != 0 {
		t.Fatalf("series %v", s)
	}
}

func fixture(t *testing.T) (*treasury.Policy, *treasury.Positions, *treasury.Prices) {
	t.Helper()
	p, err := treasury.LoadPolicy("../../testdata/engine/policy.json")
	if err != nil {
		t.Fatal(err)
	}
	pos, err := treasury.LoadPositions("../../testdata/engine/positions.csv", p)
	if err != nil {
		t.Fatal(err)
	}
	pr, err := treasury.LoadPrices("../../testdata/engine/prices.csv", p)
	if err != nil {
		t.Fatal(err)
	}
	return p, pos, pr
}

func TestStress(t *testing.T) {
	p, pos, pr := fixture(t)
	res, err := Stress(p, pos, pr, []decimal.Decimal{decimal.NewFromInt(20_000_000), decimal.Zero, decimal.Zero, decimal.Zero}, StandardScenarios(p))
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 3 || res[0].Scenario != "volatile assets -50%" || res[2].Scenario != "DAI depegs to 0.90" {
		t.Fatalf("scenarios %+v", res)
	}
	// WETH 8000 × 3000 + WBTC 150 × 60000 = 33M; half of it is lost.
	if !res[0].LossUSD.Equal(decimal.NewFromInt(16_500_000)) {
		t.Fatalf("crash loss %s", res[0].LossUSD)
	}
	// DAI 8M at 0.9998 -> 0.90: 8M × 0.0998.
	if !res[2].LossUSD.Equal(decimal.RequireFromString("798400")) {
		t.Fatalf("depeg loss %s", res[2].LossUSD)
	}
	if res[0].SolvencyRatioBps == nil || res[0].Insolvent {
		t.Fatalf("solvency %+v", res[0])
	}
	// Stables are 20M of 53M before and 20M of 36.5M after.
	if res[0].StableBps != 5479 || res[0].BelowBuffer {
		t.Fatalf("stable share after the crash %d bps", res[0].StableBps)
	}
}

func TestRunway(t *testing.T) {
	v := Valuation{NAVUSD: decimal.NewFromInt(1000), StableUSD: decimal.NewFromInt(250)}
	r, err := ComputeRunway(v, decimal.NewFromInt(30))
	if err != nil {
		t.Fatal(err)
	}
	if r.TotalMonths.String() != "33.3" || r.StableMonths.String() != "8.3" {
		t.Fatalf("runway %+v", r)
	}
	if _, err := ComputeRunway(v, decimal.Zero); err == nil {
		t.Fatal("zero burn accepted")
	}
}

func TestBreakers(t *testing.T) {
	s := BreakerSettings{MaxDrawdownBps: 2000, DepegBps: 300, StaleDays: 3, MaxPriceAgeHours: 24, ResumeAfterDays: 2}
	obs := func(nav float64, dai string, unchanged int) Observation {
		return Observation{NAV: nav, Symbols: []string{"USDC", "DAI", "WETH"}, Stable: []bool{true, true, false},
			PricesUSD:     []decimal.Decimal{decimal.NewFromInt(1), decimal.RequireFromString(dai), decimal.NewFromInt(3000)},
			UnchangedDays: []int{0, 0, unchanged}}
	}
	tests := []struct {
		name string
		o    Observation
		peak float64
		want string
	}{
		{name: "quiet", o: obs(100, "1", 0), peak: 100},
		{name: "drawdown just under", o: obs(80.01, "1", 0), peak: 100},
		{name: "drawdown at limit", o: obs(80, "1", 0), peak: 100, want: "drawdown"},
		{name: "depeg just inside", o: obs(100, "0.9701", 0), peak: 100},
		{name: "depeg at limit", o: obs(100, "0.97", 0), peak: 100, want: "depeg"},
		{name: "stale at limit", o: obs(100, "1", 3), peak: 100, want: "stale-price"},
		{name: "old snapshot", o: func() Observation {
			o := obs(100, "1", 0)
			o.Now = time.Date(2024, 1, 3, 0, 0, 0, 0, time.UTC)
			o.AsOf = o.Now.Add(-25 * time.Hour)
			return o
		}(), peak: 100, want: "price-age"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			trips := s.Check(tc.o, tc.peak)
			if tc.want == "" && len(trips) != 0 || tc.want != "" && (len(trips) != 1 || trips[0].Breaker != tc.want) {
				t.Fatalf("trips %+v, want %q", trips, tc.want)
			}
		})
	}
	m := NewMonitor(s)
	m.Update(obs(100, "1", 0))
	if trips := m.Update(obs(100, "0.90", 0)); len(trips) != 1 || !m.Halted() || !m.Unsafe[1] {
		t.Fatalf("depeg did not halt: %+v", trips)
	}
	m.Update(obs(100, "1", 0))
	if !m.Halted() {
		t.Fatal("resumed after one quiet day, want two")
	}
	m.Update(obs(100, "1", 0))
	if m.Halted() {
		t.Fatal("still halted after two quiet days")
	}
}

package strategy

import (
	"math/big"
	"testing"

	"github.com/zktreasury/zktreasury/treasury"
)

// Fixture policy: USDC 3000 [2000,4500], DAI 1500 [500,2500], WETH 3500
// [2500,4500], WBTC 2000 [1000,3000]; venues vault, uniswap, aave (cap 20M).
func policy(t *testing.T) *treasury.Policy {
	t.Helper()
	p, err := treasury.LoadPolicy("../../testdata/engine/policy.json")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func sum(w []int64) int64 {
	var s int64
	for _, x := range w {
		s += x
	}
	return s
}

func TestTrigger(t *testing.T) {
	p := policy(t)
	target := StrategicWeights(p)
	s := RebalanceSettings{Mode: ModeEdge, ThresholdBps: 500, CalendarDays: 30}
	tests := []struct {
		name    string
		current []uint64
		since   int
		want    string
	}{
		{name: "at target", current: []uint64{3000, 1500, 3500, 2000}, since: 1, want: TriggerNone},
		{name: "one bps above a band", current: []uint64{2999, 1500, 4501, 1000}, since: 1, want: TriggerBand},
		{name: "on the band edge", current: []uint64{3000, 1500, 4500, 1000}, since: 1, want: TriggerThreshold},
		{name: "drift just under threshold", current: []uint64{3499, 1001, 3500, 2000}, since: 1, want: TriggerNone},
		{name: "drift at threshold", current: []uint64{3500, 1000, 3500, 2000}, since: 1, want: TriggerThreshold},
		{name: "calendar due", current: []uint64{3000, 1500, 3500, 2000}, since: 30, want: TriggerCalendar},
		{name: "calendar unknown", current: []uint64{3000, 1500, 3500, 2000}, since: -1, want: TriggerNone},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, why := Trigger(s, p, tc.current, target, tc.since)
			if got != tc.want || (got != TriggerNone && why == "") {
				t.Fatalf("Trigger = %q (%s), want %q", got, why, tc.want)
			}
		})
	}
}

func TestRebalance(t *testing.T) {
	p := policy(t)
	target := StrategicWeights(p)
	tests := []struct {
		name    string
		mode    string
		current []uint64
		check   func(t *testing.T, w []int64)
	}{
		{name: "edge: WETH above its band goes to max - margin", mode: ModeEdge, current: []uint64{2264, 1509, 4528, 1699},
			check: func(t *testing.T, w []int64) {
				if w[2] != 4400 {
					t.Fatalf("WETH goal %d, want 4400", w[2])
				}
				if w[1] != 1509 {
					t.Fatalf("DAI at its target side moved: %d", w[1])
				}
				if w[0] <= 2264 || w[3] <= 1699 {
					t.Fatalf("residual not given to the underweight assets: %v", w)
				}
			}},
		{name: "edge: below band goes to min + margin, not past target", mode: ModeEdge, current: []uint64{4000, 2000, 3500, 500},
			check: func(t *testing.T, w []int64) {
				if w[3] != 1100 {
					t.Fatalf("WBTC goal %d, want 1100", w[3])
				}
			}},
		{name: "target mode", mode: ModeTarget, current: []uint64{2264, 1509, 4528, 1699},
			check: func(t *testing.T, w []int64) {
				for a := range w {
					if w[a] != target[a] {
						t.Fatalf("goal %v, want targets %v", w, target)
					}
				}
			}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w := Rebalance(RebalanceSettings{Mode: tc.mode, EdgeMarginBps: 100}, p, tc.current, target)
			if sum(w) != 10_000 {
				t.Fatalf("goal %v sums to %d", w, sum(w))
			}
			for a, ap := range p.Assets {
				if w[a] < int64(ap.WeightMinBps) || w[a] > int64(ap.WeightMaxBps) {
					t.Fatalf("goal %v leaves %s's band", w, ap.Symbol)
				}
			}
			tc.check(t, w)
		})
	}
}

func TestVolTargeting(t *testing.T) {
	p := policy(t)
	s := VolTargetSettings{Enabled: true, AnnualVol: 0.3, Lambda: 0.94, MinScale: 0.5}
	tests := []struct {
		name     string
		forecast float64
		want     float64
	}{
		{name: "below target", forecast: 0.2, want: 1},
		{name: "twice the target", forecast: 0.45, want: 0.3 / 0.45},
		{name: "floored", forecast: 3, want: 0.5},
		{name: "unknown", forecast: 0, want: 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := VolScale(s, tc.forecast); got != tc.want {
				t.Fatalf("VolScale = %v, want %v", got, tc.want)
			}
		})
	}
	w := ScaleRisk(p, StrategicWeights(p), 0.8)
	// WETH 3500 -> 2800, WBTC 2000 -> 1600; 1100 freed to USDC and DAI 2:1.
	if w[2] != 2800 || w[3] != 1600 || sum(w) != 10_000 || w[0] <= 3000 || w[1] <= 1500 {
		t.Fatalf("scaled %v", w)
	}
	// A cut below the band minimum stops at the minimum.
	w = ScaleRisk(p, StrategicWeights(p), 0.1)
	if w[2] != 2500 || w[3] != 1000 || sum(w) != 10_000 {
		t.Fatalf("deep cut %v", w)
	}
}

func TestDeRisk(t *testing.T) {
	p := policy(t)
	w := DeRisk(p, []uint64{3000, 1500, 3500, 2000}, []bool{false, true, false, false}, 100)
	// Volatile assets and the unsafe DAI go to min + margin where the stable
	// USDC can absorb it (max 4500 - 100).
	if w[1] > 1500 || w[2] > 3500 || w[3] > 2000 || w[0] > 4400 || sum(w) != 10_000 {
		t.Fatalf("de-risk %v", w)
	}
	if w[0] <= 3000 {
		t.Fatalf("nothing moved to the safe stable: %v", w)
	}
}

func usd(x int64) *big.Int { return new(big.Int).Mul(big.NewInt(x), big.NewInt(1_000_000_000_000)) }

func TestRoute(t *testing.T) {
	p := policy(t)
	// 100M: USDC 30M, DAI 15M, WETH 35M, WBTC 20M, all in the vault.
	cur := [][]*big.Int{{usd(30_000_000), usd(0), usd(0)}, {usd(15_000_000), usd(0), usd(0)}, {usd(35_000_000), usd(0), usd(0)}, {usd(20_000_000), usd(0), usd(0)}}
	apr := map[int][]uint32{2: {450, 400, 0, 0}}
	in := RouteInput{Policy: p, Current: cur, Weights: StrategicWeights(p), Custody: 0, LendingAPR: apr,
		VenueCap: []*big.Int{nil, nil, usd(20_000_000)}, KeepLiquidBps: 1500, Enabled: true}
	tests := []struct {
		name   string
		modify func(*RouteInput)
		want   [][2]int64 // (asset, venue) -> USD millions expected
		vals   []int64
	}{
		// Keep 15M liquid: USDC 10M, DAI 5M; excess USDC 20M, DAI 10M; aave cap 20M
		// goes to the best rate first (USDC 450).
		{name: "best rate first, within the cap", want: [][2]int64{{0, 2}, {1, 2}, {0, 0}, {1, 0}}, vals: []int64{20, 0, 10, 15}},
		{name: "routing off keeps lending as is", modify: func(r *RouteInput) { r.Enabled = false }, want: [][2]int64{{0, 2}, {0, 0}}, vals: []int64{0, 30}},
		{name: "de-risk empties lending", modify: func(r *RouteInput) {
			r.Current[0][2], r.Current[0][0] = usd(10_000_000), usd(20_000_000)
			r.DeRisk = true
		}, want: [][2]int64{{0, 2}, {0, 0}}, vals: []int64{0, 30}},
		{name: "no cap", modify: func(r *RouteInput) { r.VenueCap = nil }, want: [][2]int64{{0, 2}, {1, 2}}, vals: []int64{20, 10}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := in
			r.Current = make([][]*big.Int, len(cur))
			for a := range cur {
				r.Current[a] = append([]*big.Int(nil), cur[a]...)
			}
			if tc.modify != nil {
				tc.modify(&r)
			}
			tg := Route(r)
			for i, av := range tc.want {
				if got := tg.Value[av[0]][av[1]]; got.Cmp(usd(tc.vals[i]*1_000_000)) != 0 {
					t.Fatalf("target [%d][%d] = %s, want %dM USD", av[0], av[1], got, tc.vals[i])
				}
			}
			total := new(big.Int)
			for a := range tg.Value {
				for _, x := range tg.Value[a] {
					total.Add(total, x)
				}
			}
			if total.Cmp(usd(100_000_000)) != 0 {
				t.Fatalf("targets sum to %s", total)
			}
		})
	}
}

func TestSettingsValidate(t *testing.T) {
	tests := []struct {
		name    string
		modify  func(*Settings)
		wantErr bool
	}{
		{name: "defaults"},
		{name: "bad mode", modify: func(s *Settings) { s.Rebalance.Mode = "x" }, wantErr: true},
		{name: "negative calendar", modify: func(s *Settings) { s.Rebalance.CalendarDays = -1 }, wantErr: true},
		{name: "vol target lambda", modify: func(s *Settings) { s.VolTarget.Enabled = true; s.VolTarget.Lambda = 1 }, wantErr: true},
		{name: "keep liquid over 100%", modify: func(s *Settings) { v := uint32(10_001); s.Yield.KeepLiquidBps = &v }, wantErr: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := Default()
			if tc.modify != nil {
				tc.modify(&s)
			}
			if err := s.Validate(); (err != nil) != tc.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tc.wantErr)
			}
		})
	}
}

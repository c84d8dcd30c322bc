// Package strategy decides where the reserves should be: endowment-style
// strategic weights with bands (rebalanced to the band's edge or to target),
// calendar and threshold triggers, volatility targeting from an EWMA forecast,
// de-risking targets for a halted engine, and yield routing of idle
// stablecoins to the best allowed lending venue within venue caps.
//
// Weights are basis points; computations that only shape a target (scaling,
// distributing a residual) use float64 and are rounded back to basis points
// summing to exactly 10000. Targets handed to the planner are value units.
package strategy

import (
	"fmt"
	"math"
	"sort"

	"github.com/shopspring/decimal"

	"github.com/zktreasury/zktreasury/treasury"
)

// Rebalancing modes.
const (
	// ModeEdge moves an asset that left its band back to the band's edge
	// (pulled in by EdgeMarginBps), trading as little as possible.
	ModeEdge = "edge"
	// ModeTarget moves every asset back to its target weight.
	ModeTarget = "target"
)

// Modes lists the valid rebalancing modes.
var Modes = []string{ModeEdge, ModeTarget}

// Settings configure the strategy.
type Settings struct {
	// Rebalance configures triggers and how far to rebalance.
	Rebalance RebalanceSettings `json:"rebalance"`
	// VolTarget configures volatility targeting.
	VolTarget VolTargetSettings `json:"volTarget"`
	// Yield configures routing of idle stablecoins.
	Yield YieldSettings `json:"yield"`
}

// RebalanceSettings configure band rebalancing and its triggers.
type RebalanceSettings struct {
	// Mode is "edge" or "target".
	Mode string `json:"mode"`
	// EdgeMarginBps pulls edge targets inside the band, so that fees and
	// rounding do not leave the weight a hair outside.
	EdgeMarginBps uint32 `json:"edgeMarginBps"`
	// ThresholdBps triggers a rebalance when a weight drifts this far from its
	// target (0: only leaving the band triggers).
	ThresholdBps uint32 `json:"thresholdBps"`
	// CalendarDays triggers a rebalance this many days after the last one
	// (0: no calendar trigger).
	CalendarDays int `json:"calendarDays"`
	// MinTradeUSD is the smallest trade worth making.
	MinTradeUSD decimal.Decimal `json:"minTradeUSD"`
}

// VolTargetSettings configure volatility targeting: the volatile sleeve is
// scaled by min(1, AnnualVol / forecast), never below MinScale, and the
// weight it frees goes to stable assets.
type VolTargetSettings struct {
	// Enabled turns volatility targeting on.
	Enabled bool `json:"enabled"`
	// AnnualVol is the target annualized volatility of the reserves (0.25 = 25%).
	AnnualVol float64 `json:"annualVol"`
	// Lambda is the EWMA decay factor (0.94 for RiskMetrics daily).
	Lambda float64 `json:"lambda"`
	// MinScale bounds how far the volatile sleeve may be cut (0.25 = to a quarter).
	MinScale float64 `json:"minScale"`
}

// YieldSettings configure yield routing.
type YieldSettings struct {
	// Enabled turns yield routing on.
	Enabled bool `json:"enabled"`
	// KeepLiquidBps is the share of reserves kept as stablecoins in custody;
	// the default is the policy's liquidity buffer.
	KeepLiquidBps *uint32 `json:"keepLiquidBps,omitempty"`
	// MinMoveUSD ignores changes to a lending position smaller than this.
	MinMoveUSD decimal.Decimal `json:"minMoveUSD"`
}

// Default returns the settings used when none are given: edge rebalancing with
// a 100 bps margin, a 500 bps drift threshold, a 30-day calendar, volatility
// targeting off, yield routing on.
func Default() Settings {
	return Settings{
		Rebalance: RebalanceSettings{Mode: ModeEdge, EdgeMarginBps: 100, ThresholdBps: 500, CalendarDays: 30, MinTradeUSD: decimal.NewFromInt(1000)},
		VolTarget: VolTargetSettings{Enabled: false, AnnualVol: 0.5, Lambda: 0.94, MinScale: 0.25},
		Yield:     YieldSettings{Enabled: true, MinMoveUSD: decimal.NewFromInt(10000)},
	}
}

// Validate checks every field; errors name the field and its value.
func (s *Settings) Validate() error {
	r := s.Rebalance
	if r.Mode != ModeEdge && r.Mode != ModeTarget {
		return fmt.Errorf("field %q = %q: must be one of %v", "strategy.rebalance.mode", r.Mode, Modes)
	}
	if r.EdgeMarginBps > 5000 {
		return fmt.Errorf("field %q = %d: must be at most 5000", "strategy.rebalance.edgeMarginBps", r.EdgeMarginBps)
	}
	if r.ThresholdBps > 10_000 {
		return fmt.Errorf("field %q = %d: must be at most 10000", "strategy.rebalance.thresholdBps", r.ThresholdBps)
	}
	if r.CalendarDays < 0 {
		return fmt.Errorf("field %q = %d: must not be negative", "strategy.rebalance.calendarDays", r.CalendarDays)
	}
	if r.MinTradeUSD.Sign() < 0 {
		return fmt.Errorf("field %q = %s: must not be negative", "strategy.rebalance.minTradeUSD", r.MinTradeUSD)
	}
	v := s.VolTarget
	if v.Enabled {
		if !(v.AnnualVol > 0 && v.AnnualVol < 10) {
			return fmt.Errorf("field %q = %v: must be in (0, 10)", "strategy.volTarget.annualVol", v.AnnualVol)
		}
		if !(v.Lambda > 0 && v.Lambda < 1) {
			return fmt.Errorf("field %q = %v: must be in (0, 1)", "strategy.volTarget.lambda", v.Lambda)
		}
		if !(v.MinScale >= 0 && v.MinScale <= 1) {
			return fmt.Errorf("field %q = %v: must be in [0, 1]", "strategy.volTarget.minScale", v.MinScale)
		}
	}
	y := s.Yield
	if y.KeepLiquidBps != nil && *y.KeepLiquidBps > 10_000 {
		return fmt.Errorf("field %q = %d: must be at most 10000", "strategy.yield.keepLiquidBps", *y.KeepLiquidBps)
	}
	if y.MinMoveUSD.Sign() < 0 {
		return fmt.Errorf("field %q = %s: must not be negative", "strategy.yield.minMoveUSD", y.MinMoveUSD)
	}
	return nil
}

// StrategicWeights returns the policy's target weights.
func StrategicWeights(p *treasury.Policy) []int64 {
	out := make([]int64, len(p.Assets))
	for a, ap := range p.Assets {
		out[a] = int64(ap.TargetWeightBps)
	}
	return out
}

// VolScale returns the factor the volatile sleeve is scaled by for a
// forecast annualized volatility of the strategic portfolio: 1 when targeting
// is off, the forecast is unknown (0) or already at or below the target.
func VolScale(s VolTargetSettings, forecast float64) float64 {
	if !s.Enabled || forecast <= 0 || math.IsNaN(forecast) || forecast <= s.AnnualVol {
		return 1
	}
	return math.Max(s.MinScale, s.AnnualVol/forecast)
}

// ScaleRisk scales the volatile assets' weights by k (clamped to their
// bands) and gives the freed weight to stable assets in proportion to their
// weights, within their bands. What the stable assets cannot take stays with
// the volatile ones.
func ScaleRisk(p *treasury.Policy, w []int64, k float64) []int64 {
	if k >= 1 {
		return append([]int64(nil), w...)
	}
	n := len(w)
	f := make([]float64, n)
	freed := 0.0
	for a, ap := range p.Assets {
		f[a] = float64(w[a])
		if !ap.Stable {
			nw := math.Max(f[a]*k, float64(ap.WeightMinBps))
			nw = math.Min(nw, f[a])
			freed += f[a] - nw
			f[a] = nw
		}
	}
	room := make([]float64, n)
	for a, ap := range p.Assets {
		if ap.Stable {
			room[a] = math.Max(0, float64(ap.WeightMaxBps)-f[a])
		}
	}
	given := spread(f, room, w, freed)
	if left := freed - given; left > 1e-9 {
		// Undo the part of the cut the stables could not absorb, pro rata.
		back := make([]float64, n)
		for a, ap := range p.Assets {
			if !ap.Stable {
				back[a] = float64(w[a]) - f[a]
			}
		}
		spread(f, back, back2w(back), left)
	}
	return roundBps(f)
}

// spread adds up to amount to f, asset by asset, in proportion to weight
// (falling back to room) and never beyond room; it returns what it gave.
func spread(f, room []float64, weight []int64, amount float64) float64 {
	given := 0.0
	for range 8 {
		if amount-given <= 1e-9 {
			break
		}
		total := 0.0
		for a := range f {
			if room[a] > 1e-12 {
				total += math.Max(float64(weight[a]), 1)
			}
		}
		if total == 0 {
			break
		}
		left := amount - given
		for a := range f {
			if room[a] <= 1e-12 {
				continue
			}
			x := math.Min(room[a], left*math.Max(float64(weight[a]), 1)/total)
			f[a] += x
			room[a] -= x
			given += x
		}
	}
	return given
}

// Triggers that Trigger reports.
const (
	// TriggerNone: no rebalance.
	TriggerNone = ""
	// TriggerBand: a weight left its band; rebalance per the mode (edge or target).
	TriggerBand = "band"
	// TriggerThreshold: a weight drifted ThresholdBps from its target;
	// rebalance to target.
	TriggerThreshold = "threshold"
	// TriggerCalendar: CalendarDays passed since the last rebalance;
	// rebalance to target.
	TriggerCalendar = "calendar"
)

// Trigger reports which trigger fires, if any, and why. current are today's
// weights, target the (volatility-scaled) targets; daysSince is the number of
// days since the last rebalance, or -1 when unknown (no calendar trigger).
func Trigger(s RebalanceSettings, p *treasury.Policy, current []uint64, target []int64, daysSince int) (string, string) {
	for a, ap := range p.Assets {
		if current[a] < uint64(ap.WeightMinBps) || current[a] > uint64(ap.WeightMaxBps) {
			return TriggerBand, fmt.Sprintf("band: %s at %d bps is outside [%d, %d]", ap.Symbol, current[a], ap.WeightMinBps, ap.WeightMaxBps)
		}
	}
	if s.ThresholdBps > 0 {
		for a, ap := range p.Assets {
			if d := int64(current[a]) - target[a]; d >= int64(s.ThresholdBps) || -d >= int64(s.ThresholdBps) {
				return TriggerThreshold, fmt.Sprintf("threshold: %s at %d bps is %d bps from its target %d", ap.Symbol, current[a], d, target[a])
			}
		}
	}
	if s.CalendarDays > 0 && daysSince >= s.CalendarDays {
		return TriggerCalendar, fmt.Sprintf("calendar: %d days since the last rebalance", daysSince)
	}
	return TriggerNone, ""
}

// Rebalance returns the weights to trade to. In target mode they are the
// targets. In edge mode an asset outside its band goes to its edge, pulled in
// by the margin (but not past its target), assets inside keep their weight,
// and the residual is shared among the assets inside, toward their targets
// first and then within their bands.
func Rebalance(s RebalanceSettings, p *treasury.Policy, current []uint64, target []int64) []int64 {
	if s.Mode == ModeTarget {
		return append([]int64(nil), target...)
	}
	n := len(current)
	d := make([]float64, n)
	fixedAt := make([]bool, n)
	m := float64(s.EdgeMarginBps)
	sum := 0.0
	for a, ap := range p.Assets {
		lo, hi := float64(ap.WeightMinBps), float64(ap.WeightMaxBps)
		c, t := float64(current[a]), float64(target[a])
		lom, him := math.Min(lo+m, t), math.Max(hi-m, t)
		switch {
		case c > hi:
			d[a], fixedAt[a] = him, true
		case c < lo:
			d[a], fixedAt[a] = lom, true
		default:
			d[a] = c
		}
		sum += d[a]
	}
	r := 10_000 - sum
	toward := make([]float64, n)
	room := make([]float64, n)
	w := make([]int64, n)
	for a, ap := range p.Assets {
		if fixedAt[a] {
			continue
		}
		lo, hi := float64(ap.WeightMinBps)+m, float64(ap.WeightMaxBps)-m
		if r > 0 {
			toward[a] = math.Max(0, float64(target[a])-d[a])
			room[a] = math.Max(0, hi-d[a]-toward[a])
		} else {
			toward[a] = math.Max(0, d[a]-float64(target[a]))
			room[a] = math.Max(0, d[a]-lo-toward[a])
		}
		w[a] = 1
	}
	sign := 1.0
	if r < 0 {
		sign, r = -1, -r
		for a := range d {
			d[a] = -d[a]
		}
	}
	given := spread(d, toward, w, r)
	given += spread(d, room, w, r-given)
	if sign < 0 {
		for a := range d {
			d[a] = -d[a]
		}
	}
	if r-given > 0.5 {
		return append([]int64(nil), target...) // the bands cannot hold an edge rebalance
	}
	return roundBps(d)
}

// DeRisk returns the weights of a halted engine: volatile and unsafe assets
// go down to their band minimum plus the margin (never up), and the weight
// freed goes to safe stable assets within their bands.
func DeRisk(p *treasury.Policy, current []uint64, unsafe []bool, marginBps uint32) []int64 {
	n := len(current)
	f := make([]float64, n)
	freed := 0.0
	room := make([]float64, n)
	w := make([]int64, n)
	for a, ap := range p.Assets {
		f[a] = float64(current[a])
		bad := unsafe != nil && unsafe[a]
		if !ap.Stable || bad {
			floor := math.Min(float64(ap.WeightMinBps+marginBps), f[a])
			freed += f[a] - floor
			f[a] = floor
		} else {
			room[a] = math.Max(0, float64(ap.WeightMaxBps)-float64(marginBps)-f[a])
			w[a] = int64(ap.TargetWeightBps) + 1
		}
	}
	given := spread(f, room, w, freed)
	if left := freed - given; left > 1e-9 {
		back := make([]float64, n)
		for a := range p.Assets {
			back[a] = math.Max(0, float64(current[a])-f[a])
		}
		spread(f, back, back2w(back), left)
	}
	return roundBps(f)
}

func back2w(x []float64) []int64 {
	out := make([]int64, len(x))
	for i, v := range x {
		out[i] = int64(v) + 1
	}
	return out
}

// roundBps rounds non-negative weights to integers summing to exactly 10000
// (largest remainder).
func roundBps(f []float64) []int64 {
	out := make([]int64, len(f))
	total := 0.0
	for _, x := range f {
		total += math.Max(0, x)
	}
	if total == 0 {
		return out
	}
	type rem struct {
		i int
		r float64
	}
	rems := make([]rem, len(f))
	var sum int64
	for i, x := range f {
		v := math.Max(0, x) * 10_000 / total
		out[i] = int64(math.Floor(v))
		sum += out[i]
		rems[i] = rem{i, v - math.Floor(v)}
	}
	sort.SliceStable(rems, func(a, b int) bool { return rems[a].r > rems[b].r })
	for k := 0; sum < 10_000; k++ {
		out[rems[k%len(rems)].i]++
		sum++
	}
	return out
}

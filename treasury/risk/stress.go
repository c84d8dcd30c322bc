package risk

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/zktreasury/zktreasury/treasury"
)

var (
	bpsD = decimal.NewFromInt(10_000)
	one  = decimal.NewFromInt(1)
)

// Scenario is an instantaneous price shock.
type Scenario struct {
	// Name describes the shock.
	Name string `json:"name"`
	// Multiplier scales each asset's price (1 = unchanged), policy order.
	Multiplier []decimal.Decimal `json:"-"`
	// SetUSD, where not nil, replaces an asset's price outright.
	SetUSD []*decimal.Decimal `json:"-"`
}

// StandardScenarios returns the policy's standard shocks: every volatile asset
// at -50%, and each stablecoin in turn depegging to 0.90 USD.
func StandardScenarios(p *treasury.Policy) []Scenario {
	n := len(p.Assets)
	crash := Scenario{Name: "volatile assets -50%", Multiplier: make([]decimal.Decimal, n), SetUSD: make([]*decimal.Decimal, n)}
	for a, ap := range p.Assets {
		crash.Multiplier[a] = one
		if !ap.Stable {
			crash.Multiplier[a] = decimal.RequireFromString("0.5")
		}
	}
	out := []Scenario{crash}
	depeg := decimal.RequireFromString("0.90")
	for s, sp := range p.Assets {
		if !sp.Stable {
			continue
		}
		sc := Scenario{Name: sp.Symbol + " depegs to 0.90", Multiplier: make([]decimal.Decimal, n), SetUSD: make([]*decimal.Decimal, n)}
		for a := range p.Assets {
			sc.Multiplier[a] = one
		}
		sc.SetUSD[s] = &depeg
		out = append(out, sc)
	}
	return out
}

// Apply returns the shocked prices.
func (s Scenario) Apply(pr *treasury.Prices) *treasury.Prices {
	out := &treasury.Prices{USD: make([]decimal.Decimal, len(pr.USD))}
	for a, v := range pr.USD {
		switch {
		case a < len(s.SetUSD) && s.SetUSD[a] != nil:
			out.USD[a] = *s.SetUSD[a]
		case a < len(s.Multiplier):
			out.USD[a] = v.Mul(s.Multiplier[a])
		default:
			out.USD[a] = v
		}
	}
	return out
}

// Valuation is the reserves valued at one set of prices.
type Valuation struct {
	// NAVUSD is Σ amount × price.
	NAVUSD decimal.Decimal `json:"navUSD"`
	// StableUSD is the value of stable assets.
	StableUSD decimal.Decimal `json:"stableUSD"`
	// HaircutUSD is Σ amount × price × (1 - haircut).
	HaircutUSD decimal.Decimal `json:"haircutUSD"`
	// AssetUSD is each asset's value, policy order.
	AssetUSD []decimal.Decimal `json:"assetUSD"`
}

// WeightBps returns asset a's share of NAV in basis points (rounded down).
func (v Valuation) WeightBps(a int) int64 {
	if v.NAVUSD.IsZero() {
		return 0
	}
	return v.AssetUSD[a].Mul(bpsD).Div(v.NAVUSD).Floor().IntPart()
}

// StableBps returns the stable share of NAV in basis points (rounded down).
func (v Valuation) StableBps() int64 {
	if v.NAVUSD.IsZero() {
		return 0
	}
	return v.StableUSD.Mul(bpsD).Div(v.NAVUSD).Floor().IntPart()
}

// Value values positions at prices under the policy's haircuts.
func Value(p *treasury.Policy, pos *treasury.Positions, pr *treasury.Prices) Valuation {
	v := Valuation{NAVUSD: decimal.Zero, StableUSD: decimal.Zero, HaircutUSD: decimal.Zero, AssetUSD: make([]decimal.Decimal, len(p.Assets))}
	for a, ap := range p.Assets {
		sum := decimal.Zero
		for vi, vp := range p.Venues {
			x := pos.Amount[a][vi].Mul(pr.USD[a])
			sum = sum.Add(x)
			h := decimal.NewFromInt(int64(ap.HaircutsBps[vp.ID]))
			v.HaircutUSD = v.HaircutUSD.Add(x.Mul(bpsD.Sub(h)).Div(bpsD))
		}
		v.AssetUSD[a] = sum
		v.NAVUSD = v.NAVUSD.Add(sum)
		if ap.Stable {
			v.StableUSD = v.StableUSD.Add(sum)
		}
	}
	return v
}

// StressResult is the effect of one scenario.
type StressResult struct {
	// Scenario names the shock.
	Scenario string `json:"scenario"`
	// NAVBeforeUSD and NAVAfterUSD value the reserves before and after.
	NAVBeforeUSD decimal.Decimal `json:"navBeforeUSD"`
	NAVAfterUSD  decimal.Decimal `json:"navAfterUSD"`
	// LossUSD is NAVBefore - NAVAfter.
	LossUSD decimal.Decimal `json:"lossUSD"`
	// LossBps is the loss as a share of NAV before.
	LossBps int64 `json:"lossBps"`
	// StableBps is the stable share after the shock.
	StableBps int64 `json:"stableBps"`
	// BelowBuffer is set when the stable share falls below the policy's floor.
	BelowBuffer bool `json:"belowBuffer"`
	// OutOfBand lists the assets whose weight leaves its band.
	OutOfBand []string `json:"outOfBand"`
	// SolvencyRatioBps is haircut reserves over liabilities after the shock
	// (nil without liabilities).
	SolvencyRatioBps *int64 `json:"solvencyRatioBps,omitempty"`
	// Insolvent is set when that ratio falls below the policy's minimum.
	Insolvent bool `json:"insolvent"`
}

// Stress applies each scenario to the reserves. liabilities (per asset, whole
// tokens) may be nil.
func Stress(p *treasury.Policy, pos *treasury.Positions, pr *treasury.Prices, liabilities []decimal.Decimal, scenarios []Scenario) ([]StressResult, error) {
	if len(pr.USD) != len(p.Assets) || len(pos.Amount) != len(p.Assets) {
		return nil, fmt.Errorf("stress: positions and prices must list the policy's %d assets", len(p.Assets))
	}
	before := Value(p, pos, pr)
	var out []StressResult
	for _, sc := range scenarios {
		shocked := sc.Apply(pr)
		after := Value(p, pos, shocked)
		r := StressResult{Scenario: sc.Name, NAVBeforeUSD: before.NAVUSD, NAVAfterUSD: after.NAVUSD,
			LossUSD: before.NAVUSD.Sub(after.NAVUSD), StableBps: after.StableBps(), OutOfBand: []string{}}
		if !before.NAVUSD.IsZero() {
			r.LossBps = r.LossUSD.Mul(bpsD).Div(before.NAVUSD).Round(0).IntPart()
		}
		r.BelowBuffer = r.StableBps < int64(p.LiquidityBufferBps)
		for a, ap := range p.Assets {
			w := after.WeightBps(a)
			if w < int64(ap.WeightMinBps) || w > int64(ap.WeightMaxBps) {
				r.OutOfBand = append(r.OutOfBand, ap.Symbol)
			}
		}
		if liabilities != nil {
			owed := decimal.Zero
			for a, l := range liabilities {
				owed = owed.Add(l.Mul(shocked.USD[a]))
			}
			if owed.Sign() > 0 {
				ratio := after.HaircutUSD.Mul(bpsD).Div(owed).Floor().IntPart()
				r.SolvencyRatioBps = &ratio
				r.Insolvent = ratio < int64(p.MinSolvencyRatioBps)
			}
		}
		out = append(out, r)
	}
	return out, nil
}

// Runway is how long the reserves fund a monthly burn.
type Runway struct {
	// MonthlyBurnUSD is the burn rate.
	MonthlyBurnUSD decimal.Decimal `json:"monthlyBurnUSD"`
	// TotalMonths is NAV / burn, to one decimal, rounded down.
	TotalMonths decimal.Decimal `json:"totalMonths"`
	// StableMonths is the stable reserves / burn, to one decimal, rounded down:
	// the runway without selling a volatile asset.
	StableMonths decimal.Decimal `json:"stableMonths"`
}

// ComputeRunway divides the reserves by a positive monthly burn.
func ComputeRunway(v Valuation, monthlyBurnUSD decimal.Decimal) (Runway, error) {
	if monthlyBurnUSD.Sign() <= 0 {
		return Runway{}, fmt.Errorf("runway: monthly burn %s must be positive", monthlyBurnUSD)
	}
	div := func(x decimal.Decimal) decimal.Decimal {
		return x.Shift(1).Div(monthlyBurnUSD).Floor().Shift(-1)
	}
	return Runway{MonthlyBurnUSD: monthlyBurnUSD, TotalMonths: div(v.NAVUSD), StableMonths: div(v.StableUSD)}, nil
}

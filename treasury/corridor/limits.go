package corridor

import (
	"fmt"
	"math/big"

	"github.com/shopspring/decimal"

	"github.com/zktreasury/zktreasury/treasury"
	"github.com/zktreasury/zktreasury/treasury/fixed"
)

// Limits are a policy's corridors at circuit scale. Slices are indexed by asset
// or venue in policy order.
type Limits struct {
	// Paused is the kill switch.
	Paused bool
	// AllowedAsset marks assets an action may buy (AssetOut).
	AllowedAsset []bool
	// AllowedVenue marks venues an action may execute at or move value into.
	AllowedVenue []bool
	// Stable marks assets that count toward the liquidity buffer.
	Stable []bool
	// WeightMinBps and WeightMaxBps bound each asset's weight.
	WeightMinBps, WeightMaxBps []uint32
	// NotionalCap bounds one action's value in (value units, rounded down).
	NotionalCap *big.Int
	// TurnoverCap bounds the epoch's summed value in (value units, rounded down).
	TurnoverCap *big.Int
	// LossBudget bounds the epoch's summed loss (value units, rounded down).
	LossBudget *big.Int
	// MaxSlippageBps bounds one action's loss relative to its value in.
	MaxSlippageBps uint32
	// BufferFloorBps is the floor of the stable share (policy.LiquidityBufferBps).
	BufferFloorBps uint32
	// MinRatioBps is the minimum solvency ratio.
	MinRatioBps uint32
	// HaircutBps is indexed [asset][venue].
	HaircutBps [][]uint32
	// AssetNames and VenueNames, when set, label violations; they play no part
	// in any check.
	AssetNames, VenueNames []string
}

// NumAssets returns the number of assets.
func (l *Limits) NumAssets() int { return len(l.AllowedAsset) }

// NumVenues returns the number of venues.
func (l *Limits) NumVenues() int { return len(l.AllowedVenue) }

// LimitsFromPolicy converts a validated policy to circuit-scale limits. USD caps
// and budgets round down, the stricter side for the prover.
func LimitsFromPolicy(p *treasury.Policy) (*Limits, error) {
	nA, nV := len(p.Assets), len(p.Venues)
	l := &Limits{
		Paused:         p.Paused,
		AllowedAsset:   make([]bool, nA),
		AllowedVenue:   make([]bool, nV),
		Stable:         make([]bool, nA),
		WeightMinBps:   make([]uint32, nA),
		WeightMaxBps:   make([]uint32, nA),
		MaxSlippageBps: p.MaxSlippageBps,
		BufferFloorBps: p.LiquidityBufferBps,
		MinRatioBps:    p.MinSolvencyRatioBps,
		HaircutBps:     make([][]uint32, nA),
		AssetNames:     p.Symbols(),
		VenueNames:     make([]string, nV),
	}
	for v, vp := range p.Venues {
		l.AllowedVenue[v] = vp.Allowed
		l.VenueNames[v] = vp.ID
	}
	for a, ap := range p.Assets {
		l.AllowedAsset[a] = ap.Allowed
		l.Stable[a] = ap.Stable
		l.WeightMinBps[a] = ap.WeightMinBps
		l.WeightMaxBps[a] = ap.WeightMaxBps
		l.HaircutBps[a] = make([]uint32, nV)
		for v, vp := range p.Venues {
			h, ok := ap.HaircutsBps[vp.ID]
			if !ok {
				return nil, fmt.Errorf("limits from policy: asset %s: no haircut for venue %s", ap.Symbol, vp.ID)
			}
			l.HaircutBps[a][v] = h
		}
	}
	for _, c := range []struct {
		name string
		usd  decimal.Decimal
		dst  **big.Int
	}{
		{"notionalCapUSD", p.NotionalCapUSD, &l.NotionalCap},
		{"turnoverCapUSD", p.TurnoverCapUSD, &l.TurnoverCap},
		{"lossBudgetUSD", p.LossBudgetUSD, &l.LossBudget},
	} {
		v, err := fixed.Value(c.usd, p.ValueDecimals, fixed.Down)
		if err != nil {
			return nil, fmt.Errorf("limits from policy: %s = %s: %w", c.name, c.usd, err)
		}
		*c.dst = v
	}
	if err := l.Validate(); err != nil {
		return nil, fmt.Errorf("limits from policy: %w", err)
	}
	return l, nil
}

// Validate checks that the limits are internally consistent.
func (l *Limits) Validate() error {
	nA, nV := l.NumAssets(), l.NumVenues()
	if nA == 0 || nV == 0 {
		return fmt.Errorf("limits need at least one asset and one venue: %w", ErrIndexOutOfRange)
	}
	if len(l.Stable) != nA || len(l.WeightMinBps) != nA || len(l.WeightMaxBps) != nA || len(l.HaircutBps) != nA {
		return fmt.Errorf("per-asset limits disagree on the number of assets (%d): %w", nA, ErrIndexOutOfRange)
	}
	for a := range nA {
		if len(l.HaircutBps[a]) != nV {
			return fmt.Errorf("haircuts of asset %d list %d venues, want %d: %w", a, len(l.HaircutBps[a]), nV, ErrIndexOutOfRange)
		}
		for v, h := range l.HaircutBps[a] {
			if h > bps {
				return fmt.Errorf("haircut [%d][%d] = %d bps is over %d", a, v, h, bps)
			}
		}
		if l.WeightMinBps[a] > l.WeightMaxBps[a] || l.WeightMaxBps[a] > bps {
			return fmt.Errorf("asset %d: weight band [%d, %d] is not inside [0, %d]", a, l.WeightMinBps[a], l.WeightMaxBps[a], bps)
		}
	}
	if l.MaxSlippageBps > bps || l.BufferFloorBps > bps {
		return fmt.Errorf("maxSlippageBps %d and bufferFloorBps %d must be at most %d", l.MaxSlippageBps, l.BufferFloorBps, bps)
	}
	for name, c := range map[string]*big.Int{"notional cap": l.NotionalCap, "turnover cap": l.TurnoverCap, "loss budget": l.LossBudget} {
		if c == nil || c.Sign() < 0 {
			return fmt.Errorf("%s must be set and non-negative", name)
		}
	}
	return nil
}

// State holds the positions at circuit scale, X[asset][venue].
type State struct {
	// X is indexed [asset][venue], in circuit units.
	X [][]uint64
}

// NewState returns an all-zero state.
func NewState(nAssets, nVenues int) State {
	s := State{X: make([][]uint64, nAssets)}
	for a := range s.X {
		s.X[a] = make([]uint64, nVenues)
	}
	return s
}

// Clone returns a deep copy.
func (s State) Clone() State {
	out := State{X: make([][]uint64, len(s.X))}
	for a := range s.X {
		out.X[a] = append([]uint64(nil), s.X[a]...)
	}
	return out
}

// Equal reports whether two states hold the same positions.
func (s State) Equal(o State) bool {
	if len(s.X) != len(o.X) {
		return false
	}
	for a := range s.X {
		if len(s.X[a]) != len(o.X[a]) {
			return false
		}
		for v := range s.X[a] {
			if s.X[a][v] != o.X[a][v] {
				return false
			}
		}
	}
	return true
}

// Prices are value units per circuit unit, one per asset.
type Prices []uint64

// Action is one change to the positions, in circuit units. Indices are in
// policy order.
type Action struct {
	// Venue is where the action executes (the AMM of a swap, the lending pool
	// of a deposit, withdrawal or accrual).
	Venue int `json:"venue"`
	// AssetIn and VenueIn name the slot AmountIn leaves.
	AssetIn  int    `json:"assetIn"`
	VenueIn  int    `json:"venueIn"`
	AmountIn uint64 `json:"amountIn,string"`
	// AssetOut and VenueOut name the slot AmountOut arrives in.
	AssetOut  int    `json:"assetOut"`
	VenueOut  int    `json:"venueOut"`
	AmountOut uint64 `json:"amountOut,string"`
}

// StateFromPositions converts decimal positions to circuit units, rounding
// down (reserves).
func StateFromPositions(p *treasury.Policy, pos *treasury.Positions) (State, error) {
	s := NewState(len(p.Assets), len(p.Venues))
	if len(pos.Amount) != len(p.Assets) {
		return State{}, fmt.Errorf("positions list %d assets, policy %d: %w", len(pos.Amount), len(p.Assets), ErrIndexOutOfRange)
	}
	for a := range pos.Amount {
		if len(pos.Amount[a]) != len(p.Venues) {
			return State{}, fmt.Errorf("positions of %s list %d venues, policy %d: %w", p.Assets[a].Symbol, len(pos.Amount[a]), len(p.Venues), ErrIndexOutOfRange)
		}
		for v, amt := range pos.Amount[a] {
			if amt.Sign() == 0 {
				continue
			}
			u, err := fixed.Units(amt, p.Assets[a].CircuitDecimals, fixed.Down)
			if err != nil {
				return State{}, fmt.Errorf("position %s at %s: %w", p.Assets[a].Symbol, p.Venues[v].ID, err)
			}
			s.X[a][v] = u
		}
	}
	return s, nil
}

// PositionsFromState converts circuit units back to decimal token amounts.
func PositionsFromState(p *treasury.Policy, s State) *treasury.Positions {
	pos := treasury.NewPositions(p)
	for a := range s.X {
		for v, u := range s.X[a] {
			pos.Amount[a][v] = fixed.ToDecimal(u, p.Assets[a].CircuitDecimals)
		}
	}
	return pos
}

// PricesFromSnapshot converts a USD price snapshot to value units per circuit
// unit (rounded down; fixed.Price).
func PricesFromSnapshot(p *treasury.Policy, pr *treasury.Prices) (Prices, error) {
	if len(pr.USD) != len(p.Assets) {
		return nil, fmt.Errorf("prices list %d assets, policy %d: %w", len(pr.USD), len(p.Assets), ErrIndexOutOfRange)
	}
	out := make(Prices, len(pr.USD))
	for a, usd := range pr.USD {
		v, err := fixed.Price(usd, p.ValueDecimals, p.Assets[a].CircuitDecimals)
		if err != nil {
			return nil, fmt.Errorf("price of %s: %w", p.Assets[a].Symbol, err)
		}
		out[a] = v
	}
	return out, nil
}

// LiabilitiesFromTotals converts per-asset liability totals to circuit units,
// rounding up (liabilities).
func LiabilitiesFromTotals(p *treasury.Policy, totals []decimal.Decimal) ([]uint64, error) {
	if len(totals) != len(p.Assets) {
		return nil, fmt.Errorf("liabilities list %d assets, policy %d: %w", len(totals), len(p.Assets), ErrIndexOutOfRange)
	}
	out := make([]uint64, len(totals))
	for a, t := range totals {
		u, err := fixed.Units(t, p.Assets[a].CircuitDecimals, fixed.Up)
		if err != nil {
			return nil, fmt.Errorf("liabilities of %s: %w", p.Assets[a].Symbol, err)
		}
		out[a] = u
	}
	return out, nil
}

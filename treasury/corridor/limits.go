package corridor

import (
	"fmt"
	"math/big"

	"github.com/shopspring/decimal"

	"github.com/zktreasury/zktreasury/treasury"
	"github.com/zktreasury/zktreasury/treasury/fixed"
)

// VenueKind is a venue's committed kind; it fixes which actions may execute
// there. The numbers are part of the policy commitment.
type VenueKind uint8

// Venue kinds.
const (
	// Custody is the treasury's own wallet: swaps, inflows and outflows settle
	// there. A policy has exactly one.
	Custody VenueKind = 1
	// AMM is an exchange pool: swaps execute there.
	AMM VenueKind = 2
	// Lending is a lending pool: deposits, withdrawals and accruals.
	Lending VenueKind = 3
)

// ParseVenueKind maps a policy's venue kind name to its VenueKind.
func ParseVenueKind(s string) (VenueKind, error) {
	switch s {
	case "custody":
		return Custody, nil
	case "amm":
		return AMM, nil
	case "lending":
		return Lending, nil
	}
	return 0, fmt.Errorf("venue kind %q: want custody, amm or lending", s)
}

func (k VenueKind) String() string {
	switch k {
	case Custody:
		return "custody"
	case AMM:
		return "amm"
	case Lending:
		return "lending"
	}
	return fmt.Sprintf("VenueKind(%d)", uint8(k))
}

// Seconds in a day and in a (365-day) year: per-day budgets and annual rates
// are scaled by an epoch's length with these.
const (
	SecondsPerDay  = 86_400
	SecondsPerYear = 31_536_000
)

// MaxEpochSeconds bounds an epoch's length; the circuit range-checks
// end - start to 32 bits.
const MaxEpochSeconds = 1<<32 - 1

// Limits are a policy's corridors at circuit scale. Slices are indexed by asset
// or venue in policy order.
type Limits struct {
	// Paused is the kill switch.
	Paused bool
	// AllowedAsset marks assets a swap may buy (AssetOut).
	AllowedAsset []bool
	// AllowedVenue marks venues a swap may execute at or a deposit go to.
	AllowedVenue []bool
	// VenueKind is each venue's kind; exactly one is Custody.
	VenueKind []VenueKind
	// VenueCap, per venue, caps the value held there (value units, rounded
	// down); nil means no cap.
	VenueCap []*big.Int
	// MaxAprBps, per venue, caps the annual interest an accrual may credit at
	// a lending venue (0 elsewhere).
	MaxAprBps []uint32
	// Stable marks assets that count toward the liquidity buffer.
	Stable []bool
	// WeightMinBps and WeightMaxBps bound each asset's weight.
	WeightMinBps, WeightMaxBps []uint32
	// NotionalCap bounds one action's value in (value units, rounded down).
	NotionalCap *big.Int
	// TurnoverCapPerDay bounds the epoch's summed value in, per day of the
	// epoch's length (value units, rounded down).
	TurnoverCapPerDay *big.Int
	// LossBudgetPerDay bounds the epoch's summed swap loss, per day.
	LossBudgetPerDay *big.Int
	// OutflowCapPerDay bounds the value of the epoch's outflows, per day.
	OutflowCapPerDay *big.Int
	// MinEpochSeconds is the shortest epoch allowed.
	MinEpochSeconds uint64
	// MaxSlippageBps bounds a swap's value out on both sides of its value in.
	MaxSlippageBps uint32
	// BufferFloorBps is the floor of the stable share (policy.LiquidityBufferBps).
	BufferFloorBps uint32
	// MinRatioBps is the minimum solvency ratio (at least 10000).
	MinRatioBps uint32
	// HaircutBps is indexed [asset][venue].
	HaircutBps [][]uint32
	// Coverage marks assets whose liabilities must be covered by that asset's
	// own haircut holdings (CheckCoverage); nil means none.
	Coverage []bool
	// AssetNames and VenueNames, when set, label violations; they play no part
	// in any check.
	AssetNames, VenueNames []string
}

// NumAssets returns the number of assets.
func (l *Limits) NumAssets() int { return len(l.AllowedAsset) }

// NumVenues returns the number of venues.
func (l *Limits) NumVenues() int { return len(l.AllowedVenue) }

// Custody returns the index of the custody venue, or -1 if there is none.
func (l *Limits) Custody() int {
	for v, k := range l.VenueKind {
		if k == Custody {
			return v
		}
	}
	return -1
}

// LimitsFromPolicy converts a validated policy to circuit-scale limits. USD caps
// and budgets round down, the stricter side for the prover.
func LimitsFromPolicy(p *treasury.Policy) (*Limits, error) {
	nA, nV := len(p.Assets), len(p.Venues)
	l := &Limits{
		Paused:          p.Paused,
		AllowedAsset:    make([]bool, nA),
		AllowedVenue:    make([]bool, nV),
		VenueKind:       make([]VenueKind, nV),
		VenueCap:        make([]*big.Int, nV),
		MaxAprBps:       make([]uint32, nV),
		Stable:          make([]bool, nA),
		WeightMinBps:    make([]uint32, nA),
		WeightMaxBps:    make([]uint32, nA),
		MinEpochSeconds: p.MinEpochSeconds,
		MaxSlippageBps:  p.MaxSlippageBps,
		BufferFloorBps:  p.LiquidityBufferBps,
		MinRatioBps:     p.MinSolvencyRatioBps,
		HaircutBps:      make([][]uint32, nA),
		Coverage:        make([]bool, nA),
		AssetNames:      p.Symbols(),
		VenueNames:      make([]string, nV),
	}
	for v, vp := range p.Venues {
		l.AllowedVenue[v] = vp.Allowed
		l.VenueNames[v] = vp.ID
		k, err := ParseVenueKind(vp.Kind)
		if err != nil {
			return nil, fmt.Errorf("limits from policy: venue %s: %w", vp.ID, err)
		}
		l.VenueKind[v] = k
		l.MaxAprBps[v] = vp.MaxAprBps
		if vp.CapUSD.Sign() > 0 {
			c, err := fixed.Value(vp.CapUSD, p.ValueDecimals, fixed.Down)
			if err != nil {
				return nil, fmt.Errorf("limits from policy: venue %s capUSD = %s: %w", vp.ID, vp.CapUSD, err)
			}
			l.VenueCap[v] = c
		}
	}
	for a, ap := range p.Assets {
		l.AllowedAsset[a] = ap.Allowed
		l.Stable[a] = ap.Stable
		l.Coverage[a] = ap.Coverage
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
		{"turnoverCapUSDPerDay", p.TurnoverCapUSDPerDay, &l.TurnoverCapPerDay},
		{"lossBudgetUSDPerDay", p.LossBudgetUSDPerDay, &l.LossBudgetPerDay},
		{"outflowCapUSDPerDay", p.OutflowCapUSDPerDay, &l.OutflowCapPerDay},
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

// MaxValueBits is the width of caps, budgets and a single amount × price.
const MaxValueBits = 128

// Validate checks that the limits are internally consistent and inside the
// ranges the compliance circuit enforces on the committed policy, so that the
// checker and the circuit accept exactly the same policies.
func (l *Limits) Validate() error {
	nA, nV := l.NumAssets(), l.NumVenues()
	if nA == 0 || nV == 0 {
		return fmt.Errorf("limits need at least one asset and one venue: %w", ErrIndexOutOfRange)
	}
	if len(l.Stable) != nA || len(l.WeightMinBps) != nA || len(l.WeightMaxBps) != nA || len(l.HaircutBps) != nA {
		return fmt.Errorf("per-asset limits disagree on the number of assets (%d): %w", nA, ErrIndexOutOfRange)
	}
	if l.Coverage != nil && len(l.Coverage) != nA {
		return fmt.Errorf("coverage lists %d assets, want %d: %w", len(l.Coverage), nA, ErrIndexOutOfRange)
	}
	if len(l.VenueKind) != nV || len(l.VenueCap) != nV || len(l.MaxAprBps) != nV {
		return fmt.Errorf("per-venue limits disagree on the number of venues (%d): %w", nV, ErrIndexOutOfRange)
	}
	custody := 0
	for v, k := range l.VenueKind {
		switch k {
		case Custody:
			custody++
		case AMM, Lending:
		default:
			return fmt.Errorf("venue %d: unknown kind %d: %w", v, k, ErrIndexOutOfRange)
		}
		if l.MaxAprBps[v] > bps {
			return fmt.Errorf("venue %d: maxAprBps %d is over %d", v, l.MaxAprBps[v], bps)
		}
		if c := l.VenueCap[v]; c != nil && (c.Sign() < 0 || c.BitLen() > MaxValueBits) {
			return fmt.Errorf("venue %d: cap %s is not in [0, 2^%d)", v, c, MaxValueBits)
		}
	}
	if custody != 1 {
		return fmt.Errorf("%d custody venues, want exactly 1: %w", custody, ErrIndexOutOfRange)
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
	if l.MinRatioBps < bps || uint64(l.MinRatioBps) >= 1<<32 {
		return fmt.Errorf("minRatioBps %d must be at least %d", l.MinRatioBps, bps)
	}
	if l.MinEpochSeconds < 1 || l.MinEpochSeconds > MaxEpochSeconds {
		return fmt.Errorf("minEpochSeconds %d must be in [1, %d]", l.MinEpochSeconds, uint64(MaxEpochSeconds))
	}
	for name, c := range map[string]*big.Int{"notional cap": l.NotionalCap, "turnover cap per day": l.TurnoverCapPerDay,
		"loss budget per day": l.LossBudgetPerDay, "outflow cap per day": l.OutflowCapPerDay} {
		if c == nil || c.Sign() < 0 || c.BitLen() > MaxValueBits {
			return fmt.Errorf("%s must be set and in [0, 2^%d)", name, MaxValueBits)
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

// Kind is an action's type. It fixes which slots the action touches and how
// its amounts relate (see the package documentation); it is part of the
// actions commitment, so a logged action cannot be relabelled.
type Kind uint8

// Action kinds. The numbers are part of the actions commitment; 0 is the
// circuit's empty slot and never a valid action.
const (
	Swap     Kind = 1
	Deposit  Kind = 2
	Withdraw Kind = 3
	Accrue   Kind = 4
	Inflow   Kind = 5
	Outflow  Kind = 6
)

// KindNames lists the kinds' names, indexed by Kind.
var KindNames = []string{"", "swap", "deposit", "withdraw", "accrue", "inflow", "outflow"}

// ParseKind maps a kind's name to its Kind.
func ParseKind(s string) (Kind, error) {
	for k, n := range KindNames {
		if k > 0 && n == s {
			return Kind(k), nil
		}
	}
	return 0, fmt.Errorf("action kind %q: want one of %v", s, KindNames[1:])
}

func (k Kind) String() string {
	if int(k) < len(KindNames) && k > 0 {
		return KindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", uint8(k))
}

// MarshalText writes the kind's name.
func (k Kind) MarshalText() ([]byte, error) {
	if k < Swap || k > Outflow {
		return nil, fmt.Errorf("action kind %d is not valid", uint8(k))
	}
	return []byte(k.String()), nil
}

// UnmarshalText reads a kind's name.
func (k *Kind) UnmarshalText(b []byte) error {
	v, err := ParseKind(string(b))
	if err != nil {
		return err
	}
	*k = v
	return nil
}

// Action is one change to the positions, in circuit units. Indices are in
// policy order. The kind fixes the slots: VenueIn and VenueOut are redundant
// with (Kind, Venue) and must equal what the kind implies (ErrActionShape);
// they are kept so that a log reads without the rules at hand.
type Action struct {
	// Kind is the action's type.
	Kind Kind `json:"kind"`
	// Venue is where the action executes: the AMM of a swap, the lending pool
	// of a deposit, withdrawal or accrual, the custody venue of an inflow or
	// outflow.
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

// Slots returns the slots an action of kind k executed at venue v debits and
// credits, given the custody venue c: (venueIn, venueOut).
func Slots(k Kind, v, c int) (venueIn, venueOut int) {
	switch k {
	case Deposit:
		return c, v
	case Withdraw:
		return v, c
	case Accrue:
		return v, v
	}
	return c, c // swap, inflow, outflow
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

package execution

import (
	"fmt"
	"math/big"

	"github.com/zktreasury/zktreasury/treasury/corridor"
)

// SecondsPerYear is the year used to accrue interest (365 days).
const SecondsPerYear = 365 * 24 * 3600

// LendingPool is a lending venue: deposits are credited one for one, earn
// simple interest at a fixed APR per asset, compounded whenever interest is
// claimed, and are withdrawn one for one. Interest is exact: the fraction of a
// unit not yet credited is carried, never dropped.
type LendingPool struct {
	id        string
	index     int
	aprBps    []uint32   // per asset; 0 means the pool does not list the asset
	carry     []*big.Int // numerators below one unit, over 10000·SecondsPerYear
	unclaimed []uint64
}

// NewLendingPool returns a lending venue listing the assets whose APR is
// positive.
func NewLendingPool(id string, index int, aprBps []uint32) *LendingPool {
	lp := &LendingPool{id: id, index: index, aprBps: append([]uint32(nil), aprBps...),
		carry: make([]*big.Int, len(aprBps)), unclaimed: make([]uint64, len(aprBps))}
	for a := range lp.carry {
		lp.carry[a] = new(big.Int)
	}
	return lp
}

// ID returns the venue id.
func (lp *LendingPool) ID() string { return lp.id }

// APRBps returns the asset's APR, 0 when the pool does not list it.
func (lp *LendingPool) APRBps(asset int) uint32 {
	if asset < 0 || asset >= len(lp.aprBps) {
		return 0
	}
	return lp.aprBps[asset]
}

// Accrue adds the interest that a deposit of positions[a] units earns over
// the given seconds; it is credited by an Accrue order.
func (lp *LendingPool) Accrue(positions []uint64, seconds int64) {
	den := new(big.Int).Mul(big.NewInt(10_000), big.NewInt(SecondsPerYear))
	for a, x := range positions {
		if a >= len(lp.aprBps) || lp.aprBps[a] == 0 || x == 0 || seconds <= 0 {
			continue
		}
		num := new(big.Int).SetUint64(x)
		num.Mul(num, big.NewInt(int64(lp.aprBps[a])))
		num.Mul(num, big.NewInt(seconds))
		num.Add(num, lp.carry[a])
		q, r := new(big.Int).QuoRem(num, den, new(big.Int))
		lp.carry[a] = r
		if q.IsUint64() && lp.unclaimed[a] <= ^uint64(0)-q.Uint64() {
			lp.unclaimed[a] += q.Uint64()
		} else {
			lp.unclaimed[a] = ^uint64(0)
		}
	}
}

// Claimable returns the interest accrued and not yet credited.
func (lp *LendingPool) Claimable(asset int) uint64 {
	if asset < 0 || asset >= len(lp.unclaimed) {
		return 0
	}
	return lp.unclaimed[asset]
}

// Clone returns an independent copy.
func (lp *LendingPool) Clone() Venue {
	out := NewLendingPool(lp.id, lp.index, lp.aprBps)
	for a := range lp.carry {
		out.carry[a].Set(lp.carry[a])
	}
	copy(out.unclaimed, lp.unclaimed)
	return out
}

// Quote prices a deposit, withdrawal or claim (all one for one, no fee).
func (lp *LendingPool) Quote(o Order, p corridor.Prices) (Fill, error) {
	if o.Venue != lp.index || o.AssetIn != o.AssetOut {
		return Fill{}, fmt.Errorf("lending %s: %s of asset %d for %d: %w", lp.id, o.Kind, o.AssetIn, o.AssetOut, ErrUnsupported)
	}
	if lp.APRBps(o.AssetIn) == 0 {
		return Fill{}, fmt.Errorf("lending %s: asset %d is not listed: %w", lp.id, o.AssetIn, ErrUnsupported)
	}
	var out uint64
	switch o.Kind {
	case Deposit:
		if o.VenueOut != lp.index || o.VenueIn == lp.index {
			return Fill{}, fmt.Errorf("lending %s: a deposit goes from another venue into this one: %w", lp.id, ErrUnsupported)
		}
		out = o.AmountIn
	case Withdraw:
		if o.VenueIn != lp.index || o.VenueOut == lp.index {
			return Fill{}, fmt.Errorf("lending %s: a withdrawal goes from this venue to another: %w", lp.id, ErrUnsupported)
		}
		out = o.AmountIn
	case Accrue:
		if o.AmountIn != 0 || o.VenueIn != lp.index || o.VenueOut != lp.index {
			return Fill{}, fmt.Errorf("lending %s: an accrual credits this venue and takes nothing: %w", lp.id, ErrUnsupported)
		}
		if o.AmountOut > lp.unclaimed[o.AssetOut] {
			return Fill{}, fmt.Errorf("lending %s: claim %d, accrued %d: %w", lp.id, o.AmountOut, lp.unclaimed[o.AssetOut], ErrInsufficient)
		}
		out = o.AmountOut
	default:
		return Fill{}, fmt.Errorf("lending %s: %s: %w", lp.id, o.Kind, ErrUnsupported)
	}
	f := Fill{Kind: o.Kind, Action: action(o, out), Costs: zeroCosts()}
	if o.Kind == Accrue {
		// Interest is a gain: value out with nothing in.
		f.Costs.Spread.SetInt(new(big.Int).Neg(valueOf(out, p[o.AssetOut])))
	}
	return f, nil
}

// Execute performs a deposit, withdrawal or claim.
func (lp *LendingPool) Execute(o Order, p corridor.Prices) (Fill, error) {
	f, err := lp.Quote(o, p)
	if err != nil {
		return Fill{}, err
	}
	if f.Action.AmountOut < o.MinOut {
		return Fill{}, fmt.Errorf("lending %s: delivers %d, minimum %d: %w", lp.id, f.Action.AmountOut, o.MinOut, ErrMinOut)
	}
	if o.Kind == Accrue {
		lp.unclaimed[o.AssetOut] -= f.Action.AmountOut
	}
	return f, nil
}

package execution

import (
	"fmt"
	"math/big"

	"github.com/zktreasury/zktreasury/treasury/corridor"
)

// SecondsPerYear is the year used to accrue interest (365 days), the same
// year the compliance circuit's accrual bound uses.
const SecondsPerYear = corridor.SecondsPerYear

// LendingPool is a lending venue: deposits are credited one for one, earn
// simple interest at a fixed APR per asset, compounded whenever interest is
// claimed, and are withdrawn one for one.
//
// Interest for a period of s seconds on a deposit of x units is
// floor(x × aprBps × s / (10000 × SecondsPerYear)), rounded down each period
// and never carried: with aprBps at most the policy's maxAprBps for the venue
// (NewModel refuses more), one period's interest never exceeds the accrual
// bound the compliance circuit allows for an epoch of s seconds.
type LendingPool struct {
	id        string
	index     int
	aprBps    []uint32 // per asset; 0 means the pool does not list the asset
	unclaimed []uint64
}

// NewLendingPool returns a lending venue listing the assets whose APR is
// positive.
func NewLendingPool(id string, index int, aprBps []uint32) *LendingPool {
	return &LendingPool{id: id, index: index, aprBps: append([]uint32(nil), aprBps...), unclaimed: make([]uint64, len(aprBps))}
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

// Interest returns floor(x × aprBps × seconds / (10000 × SecondsPerYear)),
// saturating at 2^64 - 1.
func Interest(x uint64, aprBps uint32, seconds uint64) uint64 {
	num := new(big.Int).SetUint64(x)
	num.Mul(num, big.NewInt(int64(aprBps)))
	num.Mul(num, new(big.Int).SetUint64(seconds))
	num.Quo(num, big.NewInt(10_000*SecondsPerYear))
	if !num.IsUint64() {
		return ^uint64(0)
	}
	return num.Uint64()
}

// Accrue adds the interest that a deposit of positions[a] units earns over
// the given seconds (Interest); it is credited by an Accrue order.
func (lp *LendingPool) Accrue(positions []uint64, seconds uint64) {
	for a, x := range positions {
		if a >= len(lp.aprBps) || lp.aprBps[a] == 0 || x == 0 || seconds == 0 {
			continue
		}
		q := Interest(x, lp.aprBps[a], seconds)
		if lp.unclaimed[a] <= ^uint64(0)-q {
			lp.unclaimed[a] += q
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

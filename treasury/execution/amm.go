package execution

import (
	"fmt"
	"math/big"

	"github.com/zktreasury/zktreasury/treasury/corridor"
)

// Pool is one constant-product pool of two assets, reserves in circuit units.
type Pool struct {
	// A and B are the pool's assets (policy indices).
	A, B int
	// RA and RB are the reserves of A and B.
	RA, RB *big.Int
}

// AMM is a venue of constant-product pools (x·y = k) sharing one fee, as
// Uniswap v2: out = in·(1-fee)·R_out / (R_in + in·(1-fee)), rounded down, the
// whole input (fee included) added to the pool. A position the treasury holds
// at the venue (its slot at this venue) is withdrawn to another venue one for
// one, without touching the pools.
type AMM struct {
	id     string
	index  int
	feeBps uint32
	depth  *big.Int // value units per side, used by Rebase; nil means never rebase
	pools  []*Pool
	byPair map[[2]int]int // (asset, asset) -> index in pools, both orders
}

// NewAMM returns an AMM venue with no pools. depthValue (value units on each
// side of each pool) is used by Rebase; nil disables rebasing.
func NewAMM(id string, index int, feeBps uint32, depthValue *big.Int) (*AMM, error) {
	if feeBps >= 10_000 {
		return nil, fmt.Errorf("amm %s: fee %d bps must be below 10000", id, feeBps)
	}
	return &AMM{id: id, index: index, feeBps: feeBps, depth: depthValue}, nil
}

// AddPool adds a pool of assets a and b with the given reserves.
func (m *AMM) AddPool(a, b int, ra, rb *big.Int) error {
	if a == b {
		return fmt.Errorf("amm %s: a pool needs two different assets", m.id)
	}
	if p, _ := m.pool(a, b); p != nil {
		return fmt.Errorf("amm %s: duplicate pool %d/%d", m.id, a, b)
	}
	if m.byPair == nil {
		m.byPair = map[[2]int]int{}
	}
	m.byPair[[2]int{a, b}] = len(m.pools)
	m.byPair[[2]int{b, a}] = len(m.pools)
	m.pools = append(m.pools, &Pool{A: a, B: b, RA: new(big.Int).Set(ra), RB: new(big.Int).Set(rb)})
	return nil
}

// Rebase resets every pool so that its mid price equals the oracle and each
// side holds the AMM's depth in value: the state arbitrageurs leave a pool in
// between two epochs. It does nothing when the AMM has no depth.
func (m *AMM) Rebase(p corridor.Prices) {
	if m.depth == nil {
		return
	}
	for _, pl := range m.pools {
		pl.RA = new(big.Int).Quo(m.depth, new(big.Int).SetUint64(p[pl.A]))
		pl.RB = new(big.Int).Quo(m.depth, new(big.Int).SetUint64(p[pl.B]))
	}
}

// ID returns the venue id.
func (m *AMM) ID() string { return m.id }

// FeeBps returns the swap fee.
func (m *AMM) FeeBps() uint32 { return m.feeBps }

// Pools returns the pools (shared; do not modify).
func (m *AMM) Pools() []*Pool { return m.pools }

// HasPool reports whether the AMM can swap a for b.
func (m *AMM) HasPool(a, b int) bool {
	p, _ := m.pool(a, b)
	return p != nil
}

func (m *AMM) pool(in, out int) (*Pool, bool) {
	i, ok := m.byPair[[2]int{in, out}]
	if !ok {
		return nil, false
	}
	p := m.pools[i]
	return p, p.A == in
}

// Clone returns an independent copy.
func (m *AMM) Clone() Venue {
	out := &AMM{id: m.id, index: m.index, feeBps: m.feeBps, depth: m.depth, pools: make([]*Pool, len(m.pools)), byPair: m.byPair}
	for i, p := range m.pools {
		out.pools[i] = &Pool{A: p.A, B: p.B, RA: new(big.Int).Set(p.RA), RB: new(big.Int).Set(p.RB)}
	}
	return out
}

// Quote prices a swap or a withdrawal without executing it.
func (m *AMM) Quote(o Order, p corridor.Prices) (Fill, error) {
	if o.Kind == Withdraw {
		return m.withdrawal(o)
	}
	f, _, _, err := m.quote(o, p, true)
	return f, err
}

// QuoteOut returns a swap's or a withdrawal's output without its cost
// breakdown (faster).
func (m *AMM) QuoteOut(o Order, p corridor.Prices) (corridor.Action, error) {
	if o.Kind == Withdraw {
		f, err := m.withdrawal(o)
		return f.Action, err
	}
	f, _, _, err := m.quote(o, p, false)
	return f.Action, err
}

// withdrawal prices the return of a position held at the venue to another
// venue: one for one, no fee.
func (m *AMM) withdrawal(o Order) (Fill, error) {
	if o.Venue != m.index || o.VenueIn != m.index || o.VenueOut == m.index || o.AssetIn != o.AssetOut {
		return Fill{}, fmt.Errorf("amm %s: a withdrawal moves one asset from this venue to another: %w", m.id, ErrUnsupported)
	}
	return Fill{Kind: Withdraw, Action: action(o, o.AmountIn), Costs: zeroCosts()}, nil
}

func (m *AMM) quote(o Order, p corridor.Prices, withCosts bool) (Fill, *big.Int, *big.Int, error) {
	if o.Kind != Swap || o.Venue != m.index || o.AssetIn == o.AssetOut {
		return Fill{}, nil, nil, fmt.Errorf("amm %s: %s of asset %d for %d: %w", m.id, o.Kind, o.AssetIn, o.AssetOut, ErrUnsupported)
	}
	pl, forward := m.pool(o.AssetIn, o.AssetOut)
	if pl == nil {
		return Fill{}, nil, nil, fmt.Errorf("amm %s: no pool for assets %d/%d: %w", m.id, o.AssetIn, o.AssetOut, ErrUnsupported)
	}
	rin, rout := pl.RA, pl.RB
	if !forward {
		rin, rout = pl.RB, pl.RA
	}
	if rin.Sign() == 0 || rout.Sign() == 0 {
		return Fill{}, nil, nil, fmt.Errorf("amm %s: pool %d/%d is empty: %w", m.id, pl.A, pl.B, ErrInsufficient)
	}
	in := new(big.Int).SetUint64(o.AmountIn)
	keep := big.NewInt(int64(10_000 - m.feeBps))
	num := new(big.Int).Mul(in, keep) // in·(10000-fee)
	den := new(big.Int).Mul(rin, big.NewInt(10_000))
	den.Add(den, num)
	out := new(big.Int).Mul(num, rout)
	out.Quo(out, den)
	if !out.IsUint64() {
		return Fill{}, nil, nil, fmt.Errorf("amm %s: output %s does not fit 64 bits: %w", m.id, out, corridor.ErrOverflow)
	}
	f := Fill{Kind: Swap, Action: action(o, out.Uint64())}
	if !withCosts {
		return f, rin, rout, nil
	}
	// Over the common denominator D = R_in·10000 (ideal = num·R_out / D is the
	// output at the pool's mid price, without impact):
	//   fee    = (in·10000 - num)·p_in·R_in / D
	//   impact = (num·R_out - out·D)·p_out / D
	//   spread = (num·p_in·R_in - num·R_out·p_out) / D
	pin := new(big.Int).SetUint64(p[o.AssetIn])
	pout := new(big.Int).SetUint64(p[o.AssetOut])
	d := new(big.Int).Mul(rin, big.NewInt(10_000))
	feeN := new(big.Int).Mul(in, big.NewInt(10_000))
	feeN.Sub(feeN, num).Mul(feeN, pin).Mul(feeN, rin)
	numRout := new(big.Int).Mul(num, rout)
	impN := new(big.Int).Mul(out, d)
	impN.Sub(numRout, impN).Mul(impN, pout)
	sprN := new(big.Int).Mul(num, pin)
	sprN.Mul(sprN, rin).Sub(sprN, numRout.Mul(numRout, pout))
	f.Costs = Costs{Fee: new(big.Rat).SetFrac(feeN, d), Impact: new(big.Rat).SetFrac(impN, d), Spread: new(big.Rat).SetFrac(sprN, d)}
	return f, rin, rout, nil
}

// Execute swaps and moves the pool's reserves, or withdraws a position.
func (m *AMM) Execute(o Order, p corridor.Prices) (Fill, error) {
	if o.Kind == Withdraw {
		f, err := m.withdrawal(o)
		if err == nil && f.Action.AmountOut < o.MinOut {
			return Fill{}, fmt.Errorf("amm %s: withdrawal delivers %d, minimum %d: %w", m.id, f.Action.AmountOut, o.MinOut, ErrMinOut)
		}
		return f, err
	}
	f, rin, rout, err := m.quote(o, p, true)
	if err != nil {
		return Fill{}, err
	}
	if f.Action.AmountOut < o.MinOut {
		return Fill{}, fmt.Errorf("amm %s: swap delivers %d, minimum %d: %w", m.id, f.Action.AmountOut, o.MinOut, ErrMinOut)
	}
	rin.Add(rin, new(big.Int).SetUint64(o.AmountIn))
	rout.Sub(rout, new(big.Int).SetUint64(f.Action.AmountOut))
	return f, nil
}

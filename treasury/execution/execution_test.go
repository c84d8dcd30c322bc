package execution

import (
	"errors"
	"math/big"
	"testing"

	"github.com/zktreasury/zktreasury/treasury/corridor"
)

func newTestAMM(t testing.TB, fee uint32, ra, rb int64) *AMM {
	t.Helper()
	m, err := NewAMM("uniswap", 1, fee, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := m.AddPool(0, 1, big.NewInt(ra), big.NewInt(rb)); err != nil {
		t.Fatal(err)
	}
	return m
}

func swapOrder(in int, amount uint64) Order {
	return Order{Kind: Swap, Venue: 1, AssetIn: in, VenueIn: 0, AmountIn: amount, AssetOut: 1 - in, VenueOut: 0}
}

func TestAMMSwap(t *testing.T) {
	tests := []struct {
		name    string
		fee     uint32
		ra, rb  int64
		in      int
		amount  uint64
		want    uint64
		wantErr error
	}{
		// out = 1000·9970·2000000 / (1000000·10000 + 1000·9970) = 1992 (floor of 1992.01...)
		{name: "uniswap v2 formula", fee: 30, ra: 1_000_000, rb: 2_000_000, in: 0, amount: 1000, want: 1992},
		{name: "no fee, reverse direction", fee: 0, ra: 1_000_000, rb: 2_000_000, in: 1, amount: 2000, want: 999},
		{name: "zero input gives zero", fee: 30, ra: 100, rb: 100, in: 0, amount: 0, want: 0},
		{name: "empty pool", fee: 30, ra: 0, rb: 100, in: 0, amount: 5, wantErr: ErrInsufficient},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := newTestAMM(t, tc.fee, tc.ra, tc.rb)
			f, err := m.Execute(swapOrder(tc.in, tc.amount), corridor.Prices{1, 1})
			if !errors.Is(err, tc.wantErr) || (err != nil) != (tc.wantErr != nil) {
				t.Fatalf("err = %v, want %v", err, tc.wantErr)
			}
			if err == nil && f.Action.AmountOut != tc.want {
				t.Fatalf("out = %d, want %d", f.Action.AmountOut, tc.want)
			}
		})
	}
}

func TestAMMRejects(t *testing.T) {
	m := newTestAMM(t, 30, 1000, 1000)
	tests := []struct {
		name    string
		order   Order
		wantErr error
	}{
		{name: "no pool", order: Order{Kind: Swap, Venue: 1, AssetIn: 0, AssetOut: 2, AmountIn: 1}, wantErr: ErrUnsupported},
		{name: "deposit at an amm", order: Order{Kind: Deposit, Venue: 1, AssetIn: 0, AssetOut: 0, AmountIn: 1}, wantErr: ErrUnsupported},
		{name: "min out not met", order: Order{Kind: Swap, Venue: 1, AssetIn: 0, AssetOut: 1, AmountIn: 100, MinOut: 100}, wantErr: ErrMinOut},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := m.Execute(tc.order, corridor.Prices{1, 1, 1}); !errors.Is(err, tc.wantErr) {
				t.Fatalf("err = %v, want %v", err, tc.wantErr)
			}
		})
	}
	if m.pools[0].RA.Int64() != 1000 || m.pools[0].RB.Int64() != 1000 {
		t.Fatal("a rejected order moved the pool")
	}
}

// FuzzSwapConservesValue: for every swap, value in = value out + fee + impact +
// spread exactly; tokens are conserved between treasury and pool; fees and
// impact are never negative; the quote equals the execution.
func FuzzSwapConservesValue(f *testing.F) {
	f.Add(uint32(30), uint64(1_000_000), uint64(2_000_000), uint64(1000), uint64(3), uint64(1), false)
	f.Add(uint32(0), uint64(5), uint64(7), uint64(1<<40), uint64(1), uint64(1), true)
	f.Add(uint32(9999), uint64(1<<62), uint64(1<<62), uint64(1<<63), uint64(1<<60), uint64(17), false)
	f.Fuzz(func(t *testing.T, fee uint32, ra, rb, amount, pa, pb uint64, reverse bool) {
		fee %= 10_000
		if ra == 0 || rb == 0 || pa == 0 || pb == 0 {
			return
		}
		m, err := NewAMM("amm", 1, fee, nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := m.AddPool(0, 1, new(big.Int).SetUint64(ra), new(big.Int).SetUint64(rb)); err != nil {
			t.Fatal(err)
		}
		in := 0
		if reverse {
			in = 1
		}
		p := corridor.Prices{pa, pb}
		o := swapOrder(in, amount)
		q, err := m.Quote(o, p)
		if err != nil {
			t.Fatal(err)
		}
		before := [2]*big.Int{new(big.Int).Set(m.pools[0].RA), new(big.Int).Set(m.pools[0].RB)}
		got, err := m.Execute(o, p)
		if err != nil {
			t.Fatal(err)
		}
		if got.Action != q.Action {
			t.Fatalf("execute %+v differs from quote %+v", got.Action, q.Action)
		}
		// Value: in = out + fee + impact + spread.
		lhs := new(big.Rat).SetInt(got.ValueIn(p))
		rhs := new(big.Rat).SetInt(got.ValueOut(p))
		rhs.Add(rhs, got.Costs.Fee).Add(rhs, got.Costs.Impact).Add(rhs, got.Costs.Spread)
		if lhs.Cmp(rhs) != 0 {
			t.Fatalf("value in %s != out + fee + impact + spread = %s", lhs, rhs)
		}
		if got.Costs.Fee.Sign() < 0 || got.Costs.Impact.Sign() < 0 {
			t.Fatalf("negative fee %s or impact %s", got.Costs.Fee, got.Costs.Impact)
		}
		// Tokens: what the treasury gives the pool gains, what it receives the pool loses.
		rin, rout := m.pools[0].RA, m.pools[0].RB
		bin, bout := before[0], before[1]
		if reverse {
			rin, rout, bin, bout = rout, rin, bout, bin
		}
		if new(big.Int).Sub(rin, bin).Cmp(new(big.Int).SetUint64(amount)) != 0 ||
			new(big.Int).Sub(bout, rout).Cmp(new(big.Int).SetUint64(got.Action.AmountOut)) != 0 {
			t.Fatalf("tokens not conserved: pool %s->%s and %s->%s for in %d out %d", bin, rin, bout, rout, amount, got.Action.AmountOut)
		}
		if rout.Sign() <= 0 {
			t.Fatal("pool drained")
		}
		// Constant product never decreases.
		if new(big.Int).Mul(rin, rout).Cmp(new(big.Int).Mul(bin, bout)) < 0 {
			t.Fatal("k decreased")
		}
	})
}

func TestLendingAccrualIsExact(t *testing.T) {
	daily := NewLendingPool("aave", 2, []uint32{450, 0})
	once := NewLendingPool("aave", 2, []uint32{450, 0})
	pos := []uint64{1_234_567_891, 50}
	for range 365 {
		daily.Accrue(pos, 86400)
	}
	once.Accrue(pos, SecondsPerYear)
	// 1234567891 × 4.5% = 55555555.095: simple interest, carry kept.
	if daily.Claimable(0) != 55_555_555 || once.Claimable(0) != 55_555_555 {
		t.Fatalf("daily %d once %d, want 55555555", daily.Claimable(0), once.Claimable(0))
	}
	if daily.Claimable(1) != 0 {
		t.Fatal("unlisted asset accrued interest")
	}
}

func TestLendingOrders(t *testing.T) {
	lp := NewLendingPool("aave", 2, []uint32{450})
	lp.Accrue([]uint64{1_000_000_000}, SecondsPerYear) // 45_000_000 accrued
	p := corridor.Prices{1}
	tests := []struct {
		name    string
		order   Order
		want    uint64
		wantErr error
	}{
		{name: "deposit", order: Order{Kind: Deposit, Venue: 2, VenueIn: 0, VenueOut: 2, AmountIn: 10}, want: 10},
		{name: "withdraw", order: Order{Kind: Withdraw, Venue: 2, VenueIn: 2, VenueOut: 0, AmountIn: 10}, want: 10},
		{name: "claim all", order: Order{Kind: Accrue, Venue: 2, VenueIn: 2, VenueOut: 2, AmountOut: 45_000_000}, want: 45_000_000},
		{name: "claim more than accrued", order: Order{Kind: Accrue, Venue: 2, VenueIn: 2, VenueOut: 2, AmountOut: 1}, wantErr: ErrInsufficient},
		{name: "deposit backwards", order: Order{Kind: Deposit, Venue: 2, VenueIn: 2, VenueOut: 0, AmountIn: 1}, wantErr: ErrUnsupported},
		{name: "swap at a lending pool", order: Order{Kind: Swap, Venue: 2, AmountIn: 1}, wantErr: ErrUnsupported},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, err := lp.Execute(tc.order, p)
			if !errors.Is(err, tc.wantErr) || (err != nil) != (tc.wantErr != nil) {
				t.Fatalf("err = %v, want %v", err, tc.wantErr)
			}
			if err == nil && f.Action.AmountOut != tc.want {
				t.Fatalf("out %d, want %d", f.Action.AmountOut, tc.want)
			}
		})
	}
}

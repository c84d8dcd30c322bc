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
		{name: "withdrawal into the amm", order: Order{Kind: Withdraw, Venue: 1, AssetIn: 0, VenueIn: 0, AssetOut: 0, VenueOut: 1, AmountIn: 1}, wantErr: ErrUnsupported},
		{name: "withdrawal changing asset", order: Order{Kind: Withdraw, Venue: 1, AssetIn: 0, VenueIn: 1, AssetOut: 1, VenueOut: 0, AmountIn: 1}, wantErr: ErrUnsupported},
		{name: "accrual at an amm", order: Order{Kind: Accrue, Venue: 1, AssetIn: 0, VenueIn: 1, AssetOut: 0, VenueOut: 1, AmountOut: 1}, wantErr: ErrUnsupported},
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
	// A position held at the AMM comes back to custody one for one, pools untouched.
	f, err := m.Execute(Order{Kind: Withdraw, Venue: 1, AssetIn: 1, VenueIn: 1, AmountIn: 77, AssetOut: 1, VenueOut: 0, MinOut: 77}, corridor.Prices{1, 1})
	if err != nil || f.Action.AmountOut != 77 || f.Action.Kind != corridor.Withdraw || m.pools[0].RB.Int64() != 1000 {
		t.Fatalf("withdrawal from the amm: %+v, %v", f.Action, err)
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

func TestLendingAccrualRoundsDownPerPeriod(t *testing.T) {
	daily := NewLendingPool("aave", 2, []uint32{450, 0})
	once := NewLendingPool("aave", 2, []uint32{450, 0})
	pos := []uint64{1_234_567_891, 50}
	for range 365 {
		daily.Accrue(pos, 86400)
	}
	once.Accrue(pos, SecondsPerYear)
	// A year at once: floor(1234567891 × 4.5%) = floor(55555555.095). A day at
	// a time: 365 × floor(152207.0002...) = 55555555 as well here, but never
	// more than the sum of the per-day bounds.
	if once.Claimable(0) != 55_555_555 || daily.Claimable(0) != 365*Interest(1_234_567_891, 450, 86400) {
		t.Fatalf("daily %d once %d", daily.Claimable(0), once.Claimable(0))
	}
	if daily.Claimable(1) != 0 {
		t.Fatal("unlisted asset accrued interest")
	}
}

// accrualLimits: asset 0 at custody(0) and a lending venue(1) capped at maxApr.
func accrualLimits(maxApr uint32) *corridor.Limits {
	return &corridor.Limits{
		AllowedAsset: []bool{true}, AllowedVenue: []bool{true, true}, VenueKind: []corridor.VenueKind{corridor.Custody, corridor.Lending},
		VenueCap: []*big.Int{nil, nil}, MaxAprBps: []uint32{0, maxApr}, Stable: []bool{true},
		WeightMinBps: []uint32{0}, WeightMaxBps: []uint32{10000}, NotionalCap: big.NewInt(1), TurnoverCapPerDay: big.NewInt(1),
		LossBudgetPerDay: big.NewInt(1), OutflowCapPerDay: big.NewInt(1), MinEpochSeconds: 1, MaxSlippageBps: 100, MinRatioBps: 10000,
		HaircutBps: [][]uint32{{0, 0}},
	}
}

// FuzzAccrualWithinBound: whatever the position, the rate (at most the
// policy's maxAprBps) and the epoch's length, the interest the model accrues
// over an epoch is at most the checker's accrual bound, and claiming it passes
// the checker; at the cap it is exactly the bound, and one unit more is refused.
func FuzzAccrualWithinBound(f *testing.F) {
	f.Add(uint64(3_000_000_000_000), uint32(450), uint32(1500), uint32(86400))
	f.Add(uint64(1), uint32(1), uint32(1), uint32(1))
	f.Add(^uint64(0)>>1, uint32(10000), uint32(10000), uint32(3600))
	f.Add(uint64(123_456_789), uint32(700), uint32(700), uint32(31_536_000))
	f.Fuzz(func(t *testing.T, x uint64, apr, maxApr, seconds uint32) {
		maxApr %= 10_001
		if maxApr == 0 {
			maxApr = 1
		}
		apr = 1 + apr%maxApr
		s := uint64(1 + seconds%(corridor.SecondsPerYear))
		x >>= 1 // leave room so an accrual cannot overflow the slot
		l := accrualLimits(maxApr)
		st := corridor.NewState(1, 2)
		st.X[0][1] = x
		ep, err := corridor.NewEpoch(l, st, corridor.Prices{1}, s)
		if err != nil {
			t.Fatal(err)
		}
		lp := NewLendingPool("aave", 1, []uint32{apr})
		lp.Accrue([]uint64{x}, s)
		got, bound := lp.Claimable(0), ep.AccrualBound(0, 1)
		if got > bound {
			t.Fatalf("model accrues %d over %d s at %d bps on %d, bound at %d bps is %d", got, s, apr, x, maxApr, bound)
		}
		if apr == maxApr && got != bound {
			t.Fatalf("at the cap the model accrues %d, bound %d", got, bound)
		}
		if got == 0 {
			return
		}
		f, err := lp.Execute(Order{Kind: Accrue, Venue: 1, AssetIn: 0, VenueIn: 1, AssetOut: 0, VenueOut: 1, AmountOut: got}, corridor.Prices{1})
		if err != nil {
			t.Fatal(err)
		}
		over := f.Action
		over.AmountOut = bound + 1
		if _, err := ep.Try(over); !errors.Is(err, corridor.ErrAccrual) {
			t.Fatalf("one unit above the bound: err = %v, want ErrAccrual", err)
		}
		if _, err := ep.Apply(f.Action); err != nil {
			t.Fatalf("the model's accrual is refused: %v", err)
		}
	})
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

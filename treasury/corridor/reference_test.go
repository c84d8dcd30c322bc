package corridor

import (
	"errors"
	"math/big"
	"math/rand/v2"
	"testing"
)

// refCheck is a from-scratch transcription of the package documentation: it
// recomputes every total for every action, as the circuit does. The
// incremental Epoch must agree with it on acceptance and on the corridor.
func refCheck(l *Limits, s0 State, p Prices, seconds uint64, actions []Action) error {
	x := s0.Clone()
	values := func(s State) ([]*big.Int, *big.Int, *big.Int) {
		v := make([]*big.Int, len(s.X))
		t, st := new(big.Int), new(big.Int)
		for a := range s.X {
			v[a] = new(big.Int)
			for _, u := range s.X[a] {
				v[a].Add(v[a], new(big.Int).SetUint64(u))
			}
			v[a].Mul(v[a], new(big.Int).SetUint64(p[a]))
			t.Add(t, v[a])
			if l.Stable[a] {
				st.Add(st, v[a])
			}
		}
		return v, t, st
	}
	w := func(v, t *big.Int) uint64 {
		if t.Sign() == 0 {
			return 0
		}
		r := new(big.Int).Mul(v, big.NewInt(10000))
		return r.Quo(r, t).Uint64()
	}
	wc := func(v, t *big.Int) uint64 {
		if t.Sign() == 0 {
			return 0
		}
		q, r := new(big.Int).QuoRem(new(big.Int).Mul(v, big.NewInt(10000)), t, new(big.Int))
		if r.Sign() != 0 {
			q.Add(q, big.NewInt(1))
		}
		return q.Uint64()
	}
	d := func(a int, v, t *big.Int) uint64 {
		return dist(w(v, t), wc(v, t), l.WeightMinBps[a], l.WeightMaxBps[a])
	}
	venueVal := func(s State, u int) *big.Int {
		out := new(big.Int)
		for a := range s.X {
			out.Add(out, new(big.Int).Mul(new(big.Int).SetUint64(s.X[a][u]), new(big.Int).SetUint64(p[a])))
		}
		return out
	}
	c := -1
	for v, k := range l.VenueKind {
		if k == Custody {
			c = v
		}
	}
	secs := new(big.Int).SetUint64(seconds)
	turn, loss, outVal := new(big.Int), new(big.Int), new(big.Int)
	nA, nV := len(x.X), len(x.X[0])
	accrued := make([][]*big.Int, nA)
	inflow, outflow := make([]*big.Int, nA), make([]*big.Int, nA)
	for a := range nA {
		accrued[a] = make([]*big.Int, nV)
		for v := range nV {
			accrued[a][v] = new(big.Int)
		}
		inflow[a], outflow[a] = new(big.Int), new(big.Int)
	}
	for _, a := range actions {
		if a.Venue < 0 || a.Venue >= nV || a.VenueIn < 0 || a.VenueIn >= nV || a.VenueOut < 0 || a.VenueOut >= nV ||
			a.AssetIn < 0 || a.AssetIn >= nA || a.AssetOut < 0 || a.AssetOut >= nA {
			return ErrIndexOutOfRange
		}
		if a.Kind < 1 || a.Kind > 6 {
			return ErrActionShape
		}
		if a.AmountIn == 0 && a.AmountOut == 0 {
			return ErrEmptyAction
		}
		vk := l.VenueKind[a.Venue]
		type rule struct {
			in, out int
			venue   bool
		}
		r := map[Kind]rule{
			Swap: {c, c, vk == AMM}, Deposit: {c, a.Venue, vk == Lending}, Withdraw: {a.Venue, c, vk == AMM || vk == Lending},
			Accrue: {a.Venue, a.Venue, vk == Lending}, Inflow: {c, c, vk == Custody}, Outflow: {c, c, vk == Custody},
		}[a.Kind]
		if a.VenueIn != r.in || a.VenueOut != r.out {
			return ErrActionShape
		}
		if !r.venue {
			return ErrVenueKind
		}
		if (a.Kind == Swap) != (a.AssetIn != a.AssetOut) {
			return ErrActionShape
		}
		if (a.Kind == Deposit || a.Kind == Withdraw) && a.AmountIn != a.AmountOut ||
			(a.Kind == Accrue || a.Kind == Inflow) && a.AmountIn != 0 || a.Kind == Outflow && a.AmountOut != 0 {
			return ErrActionShape
		}
		if l.Paused {
			return ErrPaused
		}
		if (a.Kind == Swap || a.Kind == Deposit) && !l.AllowedVenue[a.Venue] {
			return ErrVenueNotAllowed
		}
		if a.Kind == Swap && !l.AllowedAsset[a.AssetOut] {
			return ErrAssetNotAllowed
		}
		if x.X[a.AssetIn][a.VenueIn] < a.AmountIn {
			return ErrNegativePosition
		}
		y := x.Clone()
		y.X[a.AssetIn][a.VenueIn] -= a.AmountIn
		sum := new(big.Int).Add(new(big.Int).SetUint64(y.X[a.AssetOut][a.VenueOut]), new(big.Int).SetUint64(a.AmountOut))
		if sum.BitLen() > 64 {
			return ErrOverflow
		}
		y.X[a.AssetOut][a.VenueOut] = sum.Uint64()
		vin := new(big.Int).Mul(new(big.Int).SetUint64(a.AmountIn), new(big.Int).SetUint64(p[a.AssetIn]))
		vout := new(big.Int).Mul(new(big.Int).SetUint64(a.AmountOut), new(big.Int).SetUint64(p[a.AssetOut]))
		if vin.Cmp(l.NotionalCap) > 0 {
			return ErrNotionalCap
		}
		if a.Kind == Swap {
			o := new(big.Int).Mul(vout, big.NewInt(10000))
			if o.Cmp(new(big.Int).Mul(vin, big.NewInt(int64(10000-l.MaxSlippageBps)))) < 0 {
				return ErrSlippage
			}
			if o.Cmp(new(big.Int).Mul(vin, big.NewInt(int64(10000+l.MaxSlippageBps)))) > 0 {
				return ErrFavourableFill
			}
		}
		if a.Kind == Accrue {
			accrued[a.AssetOut][a.VenueOut].Add(accrued[a.AssetOut][a.VenueOut], new(big.Int).SetUint64(a.AmountOut))
			lhs := new(big.Int).Mul(accrued[a.AssetOut][a.VenueOut], big.NewInt(10000*SecondsPerYear))
			rhs := new(big.Int).Mul(new(big.Int).SetUint64(s0.X[a.AssetOut][a.VenueOut]), big.NewInt(int64(l.MaxAprBps[a.VenueOut])))
			if lhs.Cmp(rhs.Mul(rhs, secs)) > 0 {
				return ErrAccrual
			}
		}
		if capV := l.VenueCap[a.VenueOut]; capV != nil {
			before, after := venueVal(x, a.VenueOut), venueVal(y, a.VenueOut)
			if after.Cmp(capV) > 0 && after.Cmp(before) > 0 {
				return ErrVenueCap
			}
		}
		vb, tb, sb := values(x)
		va, ta, sa := values(y)
		for _, as := range []int{a.AssetIn, a.AssetOut} {
			if d(as, va[as], ta) > d(as, vb[as], tb) {
				return ErrWeightBand
			}
		}
		if w(sa, ta) < uint64(l.BufferFloorBps) && w(sa, ta) < w(sb, tb) {
			return ErrLiquidityBuffer
		}
		turn.Add(turn, vin)
		if a.Kind == Swap && vin.Cmp(vout) > 0 {
			loss.Add(loss, new(big.Int).Sub(vin, vout))
		}
		switch a.Kind {
		case Inflow:
			inflow[a.AssetOut].Add(inflow[a.AssetOut], new(big.Int).SetUint64(a.AmountOut))
		case Outflow:
			outflow[a.AssetIn].Add(outflow[a.AssetIn], new(big.Int).SetUint64(a.AmountIn))
			outVal.Add(outVal, vin)
		}
		x = y
	}
	if seconds < l.MinEpochSeconds {
		return ErrEpochLength
	}
	day := big.NewInt(SecondsPerDay)
	for _, b := range []struct {
		used, perDay *big.Int
		err          error
	}{{turn, l.TurnoverCapPerDay, ErrTurnoverCap}, {loss, l.LossBudgetPerDay, ErrLossBudget}, {outVal, l.OutflowCapPerDay, ErrOutflowCap}} {
		if new(big.Int).Mul(b.used, day).Cmp(new(big.Int).Mul(b.perDay, secs)) > 0 {
			return b.err
		}
	}
	for a := range nA {
		if inflow[a].BitLen() > 64 || outflow[a].BitLen() > 64 {
			return ErrOverflow
		}
	}
	v0, t0, s0v := values(s0)
	v1, t1, s1v := values(x)
	for a := range v0 {
		if d(a, v1[a], t1) > d(a, v0[a], t0) {
			return ErrWeightBand
		}
	}
	if w(s1v, t1) < uint64(l.BufferFloorBps) && w(s1v, t1) < w(s0v, t0) {
		return ErrLiquidityBuffer
	}
	return nil
}

// randomAction draws an action that is usually well-shaped for its kind
// (custody is venue 0, uniswap 1, aave 2) and sometimes not.
func randomAction(r *rand.Rand) Action {
	k := Kind(1 + r.IntN(6))
	v := []int{uniswap, aave, aave, aave, vault, vault}[k-1]
	if r.IntN(10) == 0 {
		v = r.IntN(3)
	}
	in, out := Slots(k, v, vault)
	a := Action{Kind: k, Venue: v, AssetIn: r.IntN(3), VenueIn: in, AssetOut: r.IntN(3), VenueOut: out,
		AmountIn: uint64(r.IntN(400)), AmountOut: uint64(r.IntN(400))}
	if k != Swap {
		a.AssetOut = a.AssetIn
	}
	switch k {
	case Deposit, Withdraw:
		a.AmountOut = a.AmountIn
	case Accrue, Inflow:
		a.AmountIn = 0
	case Outflow:
		a.AmountOut = 0
	case Swap:
		// Near the oracle price, so that some swaps pass the slippage corridor.
		if r.IntN(2) == 0 {
			a.AmountOut = a.AmountIn
		}
	}
	if r.IntN(12) == 0 {
		a.VenueIn, a.VenueOut, a.AmountOut = r.IntN(3), r.IntN(3), uint64(r.IntN(400))
	}
	if r.IntN(30) == 0 {
		a.Kind = Kind(r.IntN(8))
	}
	return a
}

// FuzzEpochMatchesReference compares the incremental checker with the
// from-scratch reference on random epochs.
func FuzzEpochMatchesReference(f *testing.F) {
	for _, seed := range []uint64{1, 2, 3, 42, 1000} {
		f.Add(seed, uint8(4), uint16(300))
	}
	f.Fuzz(func(t *testing.T, seed uint64, nActions uint8, slipBps uint16) {
		r := rand.New(rand.NewPCG(seed, 7))
		l := baseLimits()
		l.MaxSlippageBps = uint32(slipBps) % 10001
		l.NotionalCap = big.NewInt(int64(r.IntN(5000)))
		l.TurnoverCapPerDay = big.NewInt(int64(r.IntN(20000)))
		l.LossBudgetPerDay = big.NewInt(int64(r.IntN(500)))
		l.OutflowCapPerDay = big.NewInt(int64(r.IntN(2000)))
		l.BufferFloorBps = uint32(r.IntN(10001))
		l.Paused = r.IntN(20) == 0
		l.MaxAprBps[aave] = uint32(r.IntN(10001))
		for a := range 3 {
			lo := uint32(r.IntN(10001))
			hi := lo + uint32(r.IntN(int(10001-lo)))
			l.WeightMinBps[a], l.WeightMaxBps[a] = lo, hi
			l.AllowedAsset[a] = r.IntN(8) != 0
		}
		for v := range 3 {
			l.AllowedVenue[v] = r.IntN(8) != 0
			if r.IntN(3) == 0 {
				l.VenueCap[v] = big.NewInt(int64(r.IntN(20000)))
			}
		}
		s := NewState(3, 3)
		for a := range 3 {
			for v := range 3 {
				if r.IntN(2) == 0 {
					s.X[a][v] = uint64(r.IntN(3000))
				}
			}
		}
		p := Prices{uint64(1 + r.IntN(3)), uint64(1 + r.IntN(3)), uint64(1 + r.IntN(30))}
		seconds := uint64(3000 + r.IntN(400*SecondsPerDay))
		var acts []Action
		for range int(nActions % 12) {
			acts = append(acts, randomAction(r))
		}
		want := refCheck(l, s, p, seconds, acts)
		_, got := CheckEpoch(l, s, p, seconds, acts)
		if !errors.Is(got, want) || (got == nil) != (want == nil) {
			t.Fatalf("CheckEpoch = %v, reference = %v\nlimits %+v\nstate %v prices %v seconds %d\nactions %+v", got, want, l, s.X, p, seconds, acts)
		}
	})
}

// FuzzWeightBps checks the fast weight computation against a plain division.
func FuzzWeightBps(f *testing.F) {
	f.Add(uint64(1), uint64(0), uint64(3), uint64(0))
	f.Add(^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0))
	f.Add(uint64(12345), uint64(1<<40), uint64(99999), uint64(1<<41))
	f.Fuzz(func(t *testing.T, vlo, vhi, tlo, thi uint64) {
		mk := func(lo, hi uint64) *big.Int {
			x := new(big.Int).SetUint64(hi)
			x.Lsh(x, 64)
			return x.Add(x, new(big.Int).SetUint64(lo))
		}
		v, tot := mk(vlo, vhi%(1<<20)), mk(tlo, thi%(1<<20))
		if v.Cmp(tot) > 0 {
			v, tot = tot, v
		}
		want := uint64(0)
		if tot.Sign() > 0 {
			want = new(big.Int).Quo(new(big.Int).Mul(v, big.NewInt(10000)), tot).Uint64()
		}
		if got := weightBps(v, tot); got != want {
			t.Fatalf("weightBps(%s, %s) = %d, want %d", v, tot, got, want)
		}
	})
}

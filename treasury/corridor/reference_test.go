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
func refCheck(l *Limits, s0 State, p Prices, actions []Action) error {
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
		r := new(big.Int).Mul(v, big.NewInt(10000))
		return r.Quo(r, t).Uint64()
	}
	turn, loss := new(big.Int), new(big.Int)
	for _, a := range actions {
		nA, nV := len(x.X), len(x.X[0])
		if a.Venue < 0 || a.Venue >= nV || a.VenueIn < 0 || a.VenueIn >= nV || a.VenueOut < 0 || a.VenueOut >= nV ||
			a.AssetIn < 0 || a.AssetIn >= nA || a.AssetOut < 0 || a.AssetOut >= nA {
			return ErrIndexOutOfRange
		}
		if a.AmountIn == 0 && a.AmountOut == 0 {
			return ErrEmptyAction
		}
		if l.Paused {
			return ErrPaused
		}
		if !l.AllowedVenue[a.Venue] || !l.AllowedVenue[a.VenueOut] {
			return ErrVenueNotAllowed
		}
		if !l.AllowedAsset[a.AssetOut] {
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
		if new(big.Int).Mul(vout, big.NewInt(10000)).Cmp(new(big.Int).Mul(vin, big.NewInt(int64(10000-l.MaxSlippageBps)))) < 0 {
			return ErrSlippage
		}
		vb, tb, sb := values(x)
		va, ta, sa := values(y)
		if tb.Sign() == 0 || ta.Sign() == 0 {
			return ErrEmptyReserves
		}
		for _, as := range []int{a.AssetIn, a.AssetOut} {
			if dist(w(va[as], ta), l.WeightMinBps[as], l.WeightMaxBps[as]) > dist(w(vb[as], tb), l.WeightMinBps[as], l.WeightMaxBps[as]) {
				return ErrWeightBand
			}
		}
		if w(sa, ta) < uint64(l.BufferFloorBps) && w(sa, ta) < w(sb, tb) {
			return ErrLiquidityBuffer
		}
		turn.Add(turn, vin)
		if vin.Cmp(vout) > 0 {
			loss.Add(loss, new(big.Int).Sub(vin, vout))
		}
		x = y
	}
	if turn.Cmp(l.TurnoverCap) > 0 {
		return ErrTurnoverCap
	}
	if loss.Cmp(l.LossBudget) > 0 {
		return ErrLossBudget
	}
	v0, t0, s0v := values(s0)
	v1, t1, s1v := values(x)
	if t0.Sign() == 0 || t1.Sign() == 0 {
		return ErrEmptyReserves
	}
	for a := range v0 {
		if dist(w(v1[a], t1), l.WeightMinBps[a], l.WeightMaxBps[a]) > dist(w(v0[a], t0), l.WeightMinBps[a], l.WeightMaxBps[a]) {
			return ErrWeightBand
		}
	}
	if w(s1v, t1) < uint64(l.BufferFloorBps) && w(s1v, t1) < w(s0v, t0) {
		return ErrLiquidityBuffer
	}
	return nil
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
		l.TurnoverCap = big.NewInt(int64(r.IntN(20000)))
		l.LossBudget = big.NewInt(int64(r.IntN(500)))
		l.BufferFloorBps = uint32(r.IntN(10001))
		l.Paused = r.IntN(20) == 0
		for a := range 3 {
			lo := uint32(r.IntN(10001))
			hi := lo + uint32(r.IntN(int(10001-lo)))
			l.WeightMinBps[a], l.WeightMaxBps[a] = lo, hi
			l.AllowedAsset[a] = r.IntN(8) != 0
		}
		for v := range 3 {
			l.AllowedVenue[v] = r.IntN(8) != 0
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
		var acts []Action
		for range int(nActions % 12) {
			acts = append(acts, Action{
				Venue: r.IntN(3), AssetIn: r.IntN(3), VenueIn: r.IntN(3), AmountIn: uint64(r.IntN(400)),
				AssetOut: r.IntN(3), VenueOut: r.IntN(3), AmountOut: uint64(r.IntN(400)),
			})
		}
		want := refCheck(l, s, p, acts)
		_, got := CheckEpoch(l, s, p, acts)
		if !errors.Is(got, want) || (got == nil) != (want == nil) {
			t.Fatalf("CheckEpoch = %v, reference = %v\nlimits %+v\nstate %v prices %v\nactions %+v", got, want, l, s.X, p, acts)
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

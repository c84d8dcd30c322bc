package strategy

import (
	"math/big"
	"sort"

	"github.com/zktreasury/zktreasury/treasury"
	"github.com/zktreasury/zktreasury/treasury/planner"
)

// RouteInput is what yield routing needs.
type RouteInput struct {
	// Policy is the policy (asset flags, venue kinds, allowed sets, caps).
	Policy *treasury.Policy
	// Current is the value of every slot, [asset][venue], value units.
	Current [][]*big.Int
	// Weights are the target weights in basis points, summing to 10000.
	Weights []int64
	// Totals, when set, replace Weights: each asset's target value exactly
	// (value units), so that only the venue split changes.
	Totals []*big.Int
	// Custody is the custody venue.
	Custody int
	// LendingAPR is each lending venue's APR per asset (0: not listed).
	LendingAPR map[int][]uint32
	// VenueCap is the most value each venue may hold (nil entry: no cap).
	VenueCap []*big.Int
	// KeepLiquidBps is the share of reserves kept as stablecoins in custody.
	KeepLiquidBps uint32
	// MinMove leaves a lending position alone when its target differs from
	// it by less (value units).
	MinMove *big.Int
	// Enabled turns routing on; off, lending positions keep their value
	// (scaled down if the asset's target is smaller).
	Enabled bool
	// DeRisk empties every lending position (a halted engine).
	DeRisk bool
	// Unsafe marks assets a breaker named; they are not routed.
	Unsafe []bool
}

// Route turns target weights into a target value for every slot. Volatile
// assets stay where they are held (custody first); stablecoins above the
// liquid share are routed to the allowed lending venues with the best rate
// for them, within each venue's cap, the rest kept in custody.
func Route(in RouteInput) planner.Target {
	p := in.Policy
	nA, nV := len(p.Assets), len(p.Venues)
	total := new(big.Int)
	for a := range in.Current {
		for _, x := range in.Current[a] {
			total.Add(total, x)
		}
	}
	t := planner.Target{Value: make([][]*big.Int, nA)}
	tv := make([]*big.Int, nA)
	for a := range nA {
		t.Value[a] = make([]*big.Int, nV)
		for v := range nV {
			t.Value[a][v] = new(big.Int)
		}
		if in.Totals != nil {
			tv[a] = new(big.Int).Set(in.Totals[a])
		} else {
			tv[a] = new(big.Int).Mul(total, big.NewInt(in.Weights[a]))
			tv[a].Quo(tv[a], big.NewInt(10_000))
		}
	}
	isLending := func(v int) bool { return p.Venues[v].Kind == "lending" }
	routed := func(a int) bool {
		ap := p.Assets[a]
		return in.Enabled && !in.DeRisk && ap.Stable && ap.Allowed && !(in.Unsafe != nil && in.Unsafe[a])
	}
	used := make([]*big.Int, nV) // value targeted at each venue
	for v := range used {
		used[v] = new(big.Int)
	}
	// Assets that are not routed keep their non-custody positions (or leave
	// them, de-risking), scaled to their target.
	for a := range nA {
		if routed(a) {
			continue
		}
		held := new(big.Int)
		for v := range nV {
			if v != in.Custody && !in.DeRisk {
				held.Add(held, in.Current[a][v])
			}
		}
		for v := range nV {
			if v == in.Custody || in.DeRisk || (isLending(v) && in.Unsafe != nil && in.Unsafe[a]) {
				continue
			}
			x := new(big.Int).Set(in.Current[a][v])
			if held.Cmp(tv[a]) > 0 {
				x.Mul(x, tv[a]).Quo(x, held)
			}
			t.Value[a][v] = x
			used[v].Add(used[v], x)
		}
		rest := new(big.Int).Set(tv[a])
		for v := range nV {
			if v != in.Custody {
				rest.Sub(rest, t.Value[a][v])
			}
		}
		t.Value[a][in.Custody] = rest
	}
	// Stablecoins: keep the liquid share in custody, route the excess.
	stableTotal := new(big.Int)
	for a := range nA {
		if routed(a) {
			stableTotal.Add(stableTotal, tv[a])
		}
	}
	keepTotal := new(big.Int).Mul(total, big.NewInt(int64(in.KeepLiquidBps)))
	keepTotal.Quo(keepTotal, big.NewInt(10_000))
	excess := make([]*big.Int, nA)
	type cand struct {
		a, v int
		apr  uint32
	}
	var cands []cand
	for a := range nA {
		if !routed(a) {
			continue
		}
		keep := new(big.Int)
		if stableTotal.Sign() > 0 {
			keep.Mul(keepTotal, tv[a]).Quo(keep, stableTotal)
		}
		if keep.Cmp(tv[a]) > 0 {
			keep.Set(tv[a])
		}
		excess[a] = new(big.Int).Sub(tv[a], keep)
		for v, apr := range in.LendingAPR {
			if v != in.Custody && v < nV && p.Venues[v].Allowed && a < len(apr) && apr[a] > 0 {
				cands = append(cands, cand{a, v, apr[a]})
			}
		}
	}
	sort.Slice(cands, func(i, j int) bool {
		if cands[i].apr != cands[j].apr {
			return cands[i].apr > cands[j].apr
		}
		if cands[i].v != cands[j].v {
			return cands[i].v < cands[j].v
		}
		return cands[i].a < cands[j].a
	})
	for _, c := range cands {
		x := new(big.Int).Set(excess[c.a])
		if c.v < len(in.VenueCap) && in.VenueCap[c.v] != nil {
			room := new(big.Int).Sub(in.VenueCap[c.v], used[c.v])
			if room.Sign() < 0 {
				room.SetInt64(0)
			}
			if x.Cmp(room) > 0 {
				x = room
			}
		}
		t.Value[c.a][c.v].Add(t.Value[c.a][c.v], x)
		used[c.v].Add(used[c.v], x)
		excess[c.a].Sub(excess[c.a], x)
	}
	for a := range nA {
		if !routed(a) {
			continue
		}
		// Hysteresis: small changes to a lending position are not worth a trade.
		if in.MinMove != nil {
			for v := range nV {
				if v == in.Custody || !isLending(v) {
					continue
				}
				d := new(big.Int).Sub(t.Value[a][v], in.Current[a][v])
				if d.CmpAbs(in.MinMove) < 0 {
					t.Value[a][v] = new(big.Int).Set(in.Current[a][v])
				}
			}
		}
		rest := new(big.Int).Set(tv[a])
		for v := range nV {
			if v != in.Custody {
				rest.Sub(rest, t.Value[a][v])
			}
		}
		if rest.Sign() < 0 { // hysteresis kept more at a venue than the asset's target
			for v := range nV {
				if v != in.Custody && rest.Sign() < 0 {
					cut := new(big.Int).Neg(rest)
					if cut.Cmp(t.Value[a][v]) > 0 {
						cut.Set(t.Value[a][v])
					}
					t.Value[a][v].Sub(t.Value[a][v], cut)
					rest.Add(rest, cut)
				}
			}
		}
		t.Value[a][in.Custody] = rest
	}
	return t
}

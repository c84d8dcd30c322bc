package planner

import (
	"errors"
	"math/big"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/zktreasury/zktreasury/treasury/corridor"
	"github.com/zktreasury/zktreasury/treasury/execution"
)

// world is a random but consistent planning problem: venue 0 custody, then
// nAMM AMM venues, then lending venues; asset 0 is the stable quote asset.
type world struct {
	req Request
}

func randomWorld(seed uint64, nA, nAMM, nLend int) world {
	r := rand.New(rand.NewPCG(seed, 99))
	nV := 1 + nAMM + nLend
	l := &corridor.Limits{
		AllowedAsset: make([]bool, nA), AllowedVenue: make([]bool, nV), Stable: make([]bool, nA),
		VenueKind: make([]corridor.VenueKind, nV), VenueCap: make([]*big.Int, nV), MaxAprBps: make([]uint32, nV),
		WeightMinBps: make([]uint32, nA), WeightMaxBps: make([]uint32, nA), HaircutBps: make([][]uint32, nA),
		MaxSlippageBps: uint32(50 + r.IntN(300)), BufferFloorBps: uint32(r.IntN(4000)), MinRatioBps: 10000,
		MinEpochSeconds: uint64(1 + r.IntN(7200)),
	}
	seconds := l.MinEpochSeconds + uint64(r.IntN(2*corridor.SecondsPerDay))
	prices := make(corridor.Prices, nA)
	for a := range nA {
		l.AllowedAsset[a] = r.IntN(10) != 0 || a == 0
		l.Stable[a] = a == 0 || r.IntN(4) == 0
		lo := uint32(r.IntN(3000 / nA * 2))
		l.WeightMinBps[a], l.WeightMaxBps[a] = lo, min(10000, lo+uint32(500+r.IntN(6000)))
		l.HaircutBps[a] = make([]uint32, nV)
		if l.Stable[a] {
			prices[a] = uint64(900_000 + r.IntN(200_000)) // ~1 USD at 1e-12 USD per 1e-6 token
		} else {
			prices[a] = uint64(1 + r.IntN(5_000_000_000))
		}
	}
	for v := range nV {
		l.AllowedVenue[v] = v == 0 || r.IntN(6) != 0
		switch {
		case v == 0:
			l.VenueKind[v] = corridor.Custody
		case v <= nAMM:
			l.VenueKind[v] = corridor.AMM
		default:
			l.VenueKind[v] = corridor.Lending
			l.MaxAprBps[v] = 1000 // the model's rates are below
		}
	}
	s := corridor.NewState(nA, nV)
	total := new(big.Int)
	for a := range nA {
		for v := range nV {
			if (v == 0 || v > nAMM || r.IntN(8) == 0) && r.IntN(3) != 0 { // now and then a position at an AMM
				// up to ~10M USD per slot
				usd := uint64(r.IntN(10_000_000)) * 1_000_000_000_000
				s.X[a][v] = usd / prices[a]
			}
			total.Add(total, new(big.Int).Mul(new(big.Int).SetUint64(s.X[a][v]), new(big.Int).SetUint64(prices[a])))
		}
	}
	if total.Sign() == 0 {
		s.X[0][0] = 1_000_000_000
		total.SetUint64(1_000_000_000 * prices[0])
	}
	usd := func(x int64) *big.Int { return new(big.Int).Mul(big.NewInt(x), big.NewInt(1_000_000_000_000)) }
	l.NotionalCap = usd(int64(100_000 + r.IntN(5_000_000)))
	l.TurnoverCapPerDay = usd(int64(r.IntN(40_000_000)))
	l.LossBudgetPerDay = usd(int64(r.IntN(200_000)))
	l.OutflowCapPerDay = usd(0)
	for v := nAMM + 1; v < nV; v++ {
		if r.IntN(2) == 0 { // a cap somewhere around what the venue holds
			l.VenueCap[v] = usd(int64(r.IntN(30_000_000)))
		}
	}
	m := &execution.Model{Venues: make([]execution.Venue, nV)}
	for v := 1; v <= nAMM; v++ {
		depth := usd(int64(1_000_000 + r.IntN(500_000_000)))
		amm, err := execution.NewAMM("amm", v, uint32(r.IntN(100)), depth)
		if err != nil {
			panic(err)
		}
		for a := 1; a < nA; a++ {
			if err := amm.AddPool(a, 0, new(big.Int), new(big.Int)); err != nil {
				panic(err)
			}
		}
		amm.Rebase(prices)
		m.Venues[v] = amm
	}
	for v := nAMM + 1; v < nV; v++ {
		apr := make([]uint32, nA)
		for a := range nA {
			if l.Stable[a] || r.IntN(3) == 0 {
				apr[a] = uint32(100 + r.IntN(900))
			}
		}
		m.Venues[v] = execution.NewLendingPool("lend", v, apr)
	}
	// Prior actions: the interest of the epoch, claimed within the bound, as
	// the engine does.
	var prior []corridor.Action
	if ep, err := corridor.NewEpoch(l, s, prices, seconds); err == nil {
		for v, lp := range m.Lending() {
			pos := make([]uint64, nA)
			for a := range nA {
				pos[a] = s.X[a][v]
			}
			lp.Accrue(pos, seconds)
			for a := range nA {
				c := min(lp.Claimable(a), ep.AccrualBound(a, v))
				if c == 0 {
					continue
				}
				acc := corridor.Action{Kind: corridor.Accrue, Venue: v, AssetIn: a, VenueIn: v, AssetOut: a, VenueOut: v, AmountOut: c}
				// Keep a claim only if the epoch still passes after it.
				if _, err := corridor.CheckEpoch(l, s, prices, seconds, append(append([]corridor.Action(nil), prior...), acc)); err == nil {
					prior = append(prior, acc)
				}
			}
		}
	}
	// Random target: weights inside the bands where possible, split custody/lending.
	t := Target{Value: make([][]*big.Int, nA)}
	w := make([]int64, nA)
	var sum int64
	for a := range nA {
		w[a] = int64(l.WeightMinBps[a]) + r.Int64N(int64(l.WeightMaxBps[a]-l.WeightMinBps[a])+1)
		sum += w[a]
	}
	for a := range nA {
		t.Value[a] = make([]*big.Int, nV)
		tv := new(big.Int).Mul(total, big.NewInt(w[a]))
		tv.Quo(tv, big.NewInt(sum))
		for v := range nV {
			t.Value[a][v] = new(big.Int)
		}
		if nLend > 0 && r.IntN(2) == 0 {
			lv := 1 + nAMM + r.IntN(nLend)
			part := new(big.Int).Mul(tv, big.NewInt(int64(r.IntN(100))))
			part.Quo(part, big.NewInt(100))
			t.Value[a][lv] = part
			tv.Sub(tv, part)
		}
		t.Value[a][0] = tv
	}
	return world{req: Request{Limits: l, Start: s, Prices: prices, Seconds: seconds, Prior: prior, Target: t, Model: m, Custody: 0, Quote: 0,
		MinTrade: usd(int64(r.IntN(5000)))}}
}

// checkPlan asserts the properties every plan must have.
func checkPlan(t *testing.T, req Request, pl *Plan) {
	t.Helper()
	acts := append(append([]corridor.Action(nil), req.Prior...), pl.Actions()...)
	if _, err := corridor.CheckEpoch(req.Limits, req.Start, req.Prices, req.Seconds, acts); err != nil {
		t.Fatalf("the checker rejects the plan: %v", err)
	}
	if req.MaxActions > 0 && len(acts) > req.MaxActions {
		t.Fatalf("%d actions (%d prior) in %d slots", len(acts), len(req.Prior), req.MaxActions)
	}
	custody := req.Limits.Custody()
	for i, st := range pl.Steps {
		a := st.Action
		if a.Kind != st.Kind {
			t.Fatalf("step %d: kind %s, action kind %s", i, st.Kind, a.Kind)
		}
		// The canonical slots of the kind (the checker refuses anything else,
		// so this is a second opinion in the planner's own terms).
		in, out := corridor.Slots(a.Kind, a.Venue, custody)
		vk := req.Limits.VenueKind[a.Venue]
		ok := a.VenueIn == in && a.VenueOut == out && map[corridor.Kind]bool{
			corridor.Swap: vk == corridor.AMM && a.AssetIn != a.AssetOut, corridor.Deposit: vk == corridor.Lending && a.AmountIn == a.AmountOut,
			corridor.Withdraw: (vk == corridor.Lending || vk == corridor.AMM) && a.AmountIn == a.AmountOut}[a.Kind]
		if !ok {
			t.Fatalf("step %d is not a canonical %s: %+v", i, a.Kind, a)
		}
	}
	// Executing on a fresh copy of the model delivers exactly the plan.
	m := req.Model.Clone()
	x := req.Start.Clone()
	for _, a := range req.Prior {
		x.X[a.AssetIn][a.VenueIn] -= a.AmountIn
		x.X[a.AssetOut][a.VenueOut] += a.AmountOut
	}
	for i, st := range pl.Steps {
		f, err := m.Execute(st.Order(), req.Prices)
		if err != nil {
			t.Fatalf("step %d does not execute: %v", i, err)
		}
		if f.Action != st.Action {
			t.Fatalf("step %d executes as %+v, planned %+v", i, f.Action, st.Action)
		}
		a := st.Action
		if x.X[a.AssetIn][a.VenueIn] < a.AmountIn {
			t.Fatalf("step %d takes position [%d][%d] negative", i, a.AssetIn, a.VenueIn)
		}
		x.X[a.AssetIn][a.VenueIn] -= a.AmountIn
		x.X[a.AssetOut][a.VenueOut] += a.AmountOut
		// Value is conserved: in = out + fee + impact + spread.
		in := new(big.Rat).SetInt(st.ValueIn)
		out := new(big.Rat).SetInt(st.ValueOut)
		out.Add(out, st.Costs.Fee).Add(out, st.Costs.Impact).Add(out, st.Costs.Spread)
		if in.Cmp(out) != 0 {
			t.Fatalf("step %d: value in %s != out + costs %s", i, in.FloatString(0), out.FloatString(0))
		}
		if st.ValueIn.Cmp(req.Limits.NotionalCap) > 0 {
			t.Fatalf("step %d above the notional cap", i)
		}
	}
	if !x.Equal(pl.Summary.Final) {
		t.Fatal("summary's final state differs from replaying the steps")
	}
}

// FuzzPlannerNeverViolates: whatever the policy, positions, prices, pools and
// target, the planner never emits an action the checker rejects, never takes
// a position negative, and every step conserves value.
func FuzzPlannerNeverViolates(f *testing.F) {
	for _, s := range []uint64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12} {
		f.Add(s, uint8(2+s%5), uint8(1+s%2), uint8(s%3), s%4 == 0)
	}
	f.Fuzz(func(t *testing.T, seed uint64, nA, nAMM, nLend uint8, derisk bool) {
		w := randomWorld(seed, 2+int(nA%8), 1+int(nAMM%2), int(nLend%3))
		w.req.DeRiskOnly = derisk
		// K: no limit, or from what the prior actions leave up to 20 slots.
		if k := int(seed % 21); k > 0 {
			w.req.MaxActions = len(w.req.Prior) + k - 1
			if w.req.MaxActions == 0 {
				w.req.MaxActions = 1
			}
		}
		pl, err := Make(w.req)
		if err != nil {
			if errors.Is(err, ErrBadRequest) {
				t.Fatalf("well-formed request refused: %v", err)
			}
			// The only other refusal: the start itself violates an epoch rule,
			// which cannot happen with no prior actions.
			t.Fatalf("plan: %v", err)
		}
		checkPlan(t, w.req, pl)
		if derisk {
			for i, st := range pl.Steps {
				a := st.Action
				ok := st.Kind == execution.Withdraw || (st.Kind == execution.Swap && !w.req.Limits.Stable[a.AssetIn] && w.req.Limits.Stable[a.AssetOut])
				if !ok {
					t.Fatalf("de-risking plan step %d is %s %+v", i, st.Kind, a)
				}
			}
		}
	})
}

func simpleRequest(t *testing.T) Request {
	t.Helper()
	// USDC(0) stable at 1, WETH(1) at 3000; venues vault(0), amm(1), aave(2).
	l := &corridor.Limits{
		AllowedAsset: []bool{true, true}, AllowedVenue: []bool{true, true, true}, Stable: []bool{true, false},
		VenueKind: []corridor.VenueKind{corridor.Custody, corridor.AMM, corridor.Lending}, VenueCap: []*big.Int{nil, nil, nil},
		MaxAprBps:    []uint32{0, 0, 500},
		WeightMinBps: []uint32{2000, 2000}, WeightMaxBps: []uint32{8000, 6000}, HaircutBps: [][]uint32{{0, 0, 0}, {0, 0, 0}},
		MaxSlippageBps: 100, BufferFloorBps: 2000, MinRatioBps: 10000, MinEpochSeconds: 3600,
	}
	usd := func(x int64) *big.Int { return new(big.Int).Mul(big.NewInt(x), big.NewInt(1_000_000_000_000)) }
	l.NotionalCap, l.TurnoverCapPerDay, l.LossBudgetPerDay, l.OutflowCapPerDay = usd(1_000_000), usd(100_000_000), usd(1_000_000), usd(0)
	p := corridor.Prices{1_000_000, 3_000_000_000}
	s := corridor.NewState(2, 3)
	s.X[0][0] = 3_000_000 * 1_000_000 // 3M USDC
	s.X[1][0] = 2_333 * 1_000_000     // ~7M of WETH: weight 70%, above 60%
	m := &execution.Model{Venues: make([]execution.Venue, 3)}
	amm, err := execution.NewAMM("amm", 1, 30, usd(1_000_000_000))
	if err != nil {
		t.Fatal(err)
	}
	if err := amm.AddPool(1, 0, new(big.Int), new(big.Int)); err != nil {
		t.Fatal(err)
	}
	amm.Rebase(p)
	m.Venues[1] = amm
	m.Venues[2] = execution.NewLendingPool("aave", 2, []uint32{400, 0})
	total := new(big.Int).Add(new(big.Int).Mul(big.NewInt(3_000_000_000_000), big.NewInt(1_000_000)), new(big.Int).Mul(big.NewInt(2_333_000_000), big.NewInt(3_000_000_000)))
	half := new(big.Int).Quo(total, big.NewInt(2))
	tgt := Target{Value: [][]*big.Int{{new(big.Int).Quo(half, big.NewInt(2)), new(big.Int), new(big.Int).Quo(half, big.NewInt(2))}, {half, new(big.Int), new(big.Int)}}}
	return Request{Limits: l, Start: s, Prices: p, Seconds: corridor.SecondsPerDay, Target: tgt, Model: m, Custody: 0, Quote: 0, MinTrade: usd(1000)}
}

func TestPlanSplitsAboveNotionalCap(t *testing.T) {
	req := simpleRequest(t)
	pl, err := Make(req)
	if err != nil {
		t.Fatal(err)
	}
	checkPlan(t, req, pl)
	swaps, deposits := 0, 0
	for _, st := range pl.Steps {
		switch st.Kind {
		case execution.Swap:
			swaps++
		case execution.Deposit:
			deposits++
		}
	}
	// ~2M of WETH to sell with a 1M cap; 2.5M to deposit.
	if swaps < 2 || deposits < 3 {
		t.Fatalf("%d swaps and %d deposits, want the trades split under the cap", swaps, deposits)
	}
	if !pl.Complete() {
		t.Fatalf("shortfalls %v", pl.Shortfalls)
	}
	if w := pl.Summary.EndWeightsBps[1]; w < 4900 || w > 5100 {
		t.Fatalf("WETH ends at %d bps, want ~5000", w)
	}
}

func TestPlanStopsAtBudgets(t *testing.T) {
	tests := []struct {
		name   string
		modify func(*Request)
		want   string
	}{
		{name: "turnover cap", modify: func(r *Request) {
			r.Limits.TurnoverCapPerDay = new(big.Int).Mul(big.NewInt(1_500_000), big.NewInt(1_000_000_000_000))
		}, want: "turnover cap"},
		{name: "loss budget", modify: func(r *Request) {
			r.Limits.LossBudgetPerDay = new(big.Int).Mul(big.NewInt(2_000), big.NewInt(1_000_000_000_000))
		}, want: "loss budget"},
		{name: "slippage impossible", modify: func(r *Request) { r.Limits.MaxSlippageBps = 10 }, want: "slippage"},
		{name: "lending venue not allowed", modify: func(r *Request) { r.Limits.AllowedVenue[2] = false }, want: "venue not allowed"},
		{name: "paused", modify: func(r *Request) { r.Limits.Paused = true }, want: "paused"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			req := simpleRequest(t)
			tc.modify(&req)
			pl, err := Make(req)
			if err != nil {
				t.Fatal(err)
			}
			checkPlan(t, req, pl)
			if pl.Complete() {
				t.Fatal("plan claims completeness")
			}
			var all []string
			for _, s := range pl.Shortfalls {
				all = append(all, s.String())
			}
			if !strings.Contains(strings.Join(all, "\n"), tc.want) {
				t.Fatalf("shortfalls do not mention %q:\n%s", tc.want, strings.Join(all, "\n"))
			}
		})
	}
}

func TestPlanRefusesBadRequest(t *testing.T) {
	tests := []struct {
		name   string
		modify func(*Request)
	}{
		{name: "quote out of range", modify: func(r *Request) { r.Quote = 5 }},
		{name: "target shape", modify: func(r *Request) { r.Target.Value = r.Target.Value[:1] }},
		{name: "negative target", modify: func(r *Request) { r.Target.Value[0][0] = big.NewInt(-1) }},
		{name: "prior action rejected", modify: func(r *Request) {
			r.Prior = []corridor.Action{{Kind: corridor.Accrue, Venue: 2, AssetIn: 0, VenueIn: 2, AmountIn: 1, AssetOut: 0, VenueOut: 2, AmountOut: 1}}
		}},
		{name: "prior actions above the slots", modify: func(r *Request) {
			r.Start.X[0][2] = 1_000_000_000_000
			acc := corridor.Action{Kind: corridor.Accrue, Venue: 2, AssetIn: 0, VenueIn: 2, AssetOut: 0, VenueOut: 2, AmountOut: 1}
			r.Prior, r.MaxActions = []corridor.Action{acc, acc}, 1
		}},
		{name: "epoch too long for the circuit", modify: func(r *Request) { r.Seconds = corridor.MaxEpochSeconds + 1 }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			req := simpleRequest(t)
			tc.modify(&req)
			if _, err := Make(req); !errors.Is(err, ErrBadRequest) {
				t.Fatalf("err = %v, want ErrBadRequest", err)
			}
		})
	}
}

func BenchmarkPlan100Assets5Venues(b *testing.B) {
	w := randomWorld(7, 100, 2, 2) // custody, 2 AMMs, 2 lending pools
	w.req.Limits.TurnoverCapPerDay = new(big.Int).Lsh(big.NewInt(1), 100)
	w.req.Limits.LossBudgetPerDay = new(big.Int).Lsh(big.NewInt(1), 100)
	b.ReportAllocs()
	var steps int
	for b.Loop() {
		pl, err := Make(w.req)
		if err != nil {
			b.Fatal(err)
		}
		steps = len(pl.Steps)
	}
	b.ReportMetric(float64(steps), "actions/plan")
}

func TestCompactMergesAndNets(t *testing.T) {
	req := simpleRequest(t)
	req.Limits.WeightMaxBps[1] = 8000 // WETH may be bought
	pl := &planner{req: req, l: req.Limits, p: req.Prices}
	const usdc, weth, vault, amm, aave = 0, 1, 0, 1, 2
	dep := func(n uint64) execution.Order {
		return execution.Order{Kind: execution.Deposit, Venue: aave, AssetIn: usdc, VenueIn: vault, AmountIn: n, AssetOut: usdc, VenueOut: aave}
	}
	wd := func(n uint64) execution.Order {
		return execution.Order{Kind: execution.Withdraw, Venue: aave, AssetIn: usdc, VenueIn: aave, AmountIn: n, AssetOut: usdc, VenueOut: vault}
	}
	sell := func(n uint64) execution.Order { // WETH -> USDC
		return execution.Order{Kind: execution.Swap, Venue: amm, AssetIn: weth, VenueIn: vault, AmountIn: n, AssetOut: usdc, VenueOut: vault}
	}
	buy := func(n uint64) execution.Order { // USDC -> WETH
		return execution.Order{Kind: execution.Swap, Venue: amm, AssetIn: usdc, VenueIn: vault, AmountIn: n, AssetOut: weth, VenueOut: vault}
	}
	tests := []struct {
		name      string
		orders    []execution.Order
		wantSteps int
		check     func(t *testing.T, steps []Step)
	}{
		{name: "chunks of one deposit merge", orders: []execution.Order{dep(100_000_000_000), dep(200_000_000_000)}, wantSteps: 1,
			check: func(t *testing.T, s []Step) {
				if s[0].Action.AmountIn != 300_000_000_000 {
					t.Fatalf("merged deposit %d", s[0].Action.AmountIn)
				}
			}},
		{name: "a withdrawal nets against deposits", orders: []execution.Order{dep(100_000_000_000), dep(200_000_000_000), wd(50_000_000_000)}, wantSteps: 1,
			check: func(t *testing.T, s []Step) {
				if s[0].Action.Kind != corridor.Deposit || s[0].Action.AmountIn != 250_000_000_000 {
					t.Fatalf("netted %+v", s[0].Action)
				}
			}},
		{name: "swaps both ways net", orders: []execution.Order{sell(40_000_000), buy(30_000_000_000)}, wantSteps: 1, // 120k out, 30k back
			check: func(t *testing.T, s []Step) {
				a := s[0].Action
				if a.Kind != corridor.Swap || a.AssetIn != weth || a.AmountIn != 30_000_000 { // 90k of WETH at 3000
					t.Fatalf("netted %+v", a)
				}
			}},
		{name: "never above the notional cap", orders: []execution.Order{dep(600_000_000_000), dep(600_000_000_000)}, wantSteps: 2},
		{name: "different flows stay apart", orders: []execution.Order{dep(100_000_000_000), sell(10_000_000)}, wantSteps: 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			steps, ok, _ := pl.replay(tc.orders)
			if !ok {
				t.Fatal("the orders do not replay")
			}
			pl.steps = steps
			pl.compact()
			if len(pl.steps) != tc.wantSteps {
				t.Fatalf("%d steps after compaction, want %d: %+v", len(pl.steps), tc.wantSteps, pl.steps)
			}
			if _, err := corridor.CheckEpoch(req.Limits, req.Start, req.Prices, req.Seconds, stepActions(pl.steps)); err != nil {
				t.Fatalf("compacted plan fails the checker: %v", err)
			}
			if tc.check != nil {
				tc.check(t, pl.steps)
			}
		})
	}
}

func TestPlanFitsActionSlots(t *testing.T) {
	free, err := Make(simpleRequest(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(free.Steps) <= 3 {
		t.Fatalf("the unlimited plan has %d steps; the test needs more than 3", len(free.Steps))
	}
	for _, k := range []int{1, 2, 3} {
		req := simpleRequest(t)
		req.MaxActions = k
		pl, err := Make(req)
		if err != nil {
			t.Fatal(err)
		}
		checkPlan(t, req, pl)
		if len(pl.Steps) == 0 || len(pl.Steps) > k {
			t.Fatalf("K=%d: %d steps", k, len(pl.Steps))
		}
		found := false
		for _, s := range pl.Shortfalls {
			found = found || s.Need == "slots"
		}
		if !found || pl.Complete() {
			t.Fatalf("K=%d: the cut is not reported: %v", k, pl.Shortfalls)
		}
	}
}

func TestPlanWithdrawsFromAnAMMVenue(t *testing.T) {
	req := simpleRequest(t)
	req.Start.X[0][1] = 200_000 * 1_000_000 // 200k USDC held at the AMM venue, target 0
	req.Start.X[0][0] -= 200_000 * 1_000_000
	pl, err := Make(req)
	if err != nil {
		t.Fatal(err)
	}
	checkPlan(t, req, pl)
	st := pl.Steps[0]
	if st.Kind != corridor.Withdraw || st.Action.Venue != 1 || st.Action.VenueIn != 1 || st.Action.VenueOut != 0 || st.Action.AmountIn != 200_000*1_000_000 {
		t.Fatalf("first step %s %+v, want the AMM position withdrawn to custody", st.Kind, st.Action)
	}
}

func TestPlanExitsADisallowedLendingVenue(t *testing.T) {
	req := simpleRequest(t)
	req.Limits.AllowedVenue[2] = false
	req.Start.X[0][2] = 100_000 * 1_000_000 // 100k USDC left at a venue governance disallowed
	req.Target.Value[0][0].Add(req.Target.Value[0][0], req.Target.Value[0][2])
	req.Target.Value[0][2] = new(big.Int)
	pl, err := Make(req)
	if err != nil {
		t.Fatal(err)
	}
	checkPlan(t, req, pl)
	for _, st := range pl.Steps {
		if st.Kind == corridor.Withdraw && st.Action.Venue == 2 && st.Action.AmountIn == 100_000*1_000_000 {
			return
		}
	}
	t.Fatalf("no withdrawal from the disallowed venue: %+v", pl.Steps)
}

package compliance_test

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/consensys/gnark/backend"
	"github.com/consensys/gnark/constraint"
	"github.com/consensys/gnark/constraint/solver"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/frontend/cs/r1cs"
	"github.com/consensys/gnark/test"

	"github.com/zktreasury/zktreasury/circuits/compliance"
	"github.com/zktreasury/zktreasury/circuits/gadget/bound"
	"github.com/zktreasury/zktreasury/circuits/gadget/poseidon"
	"github.com/zktreasury/zktreasury/circuits/policy"
	"github.com/zktreasury/zktreasury/prover/hashing"
	"github.com/zktreasury/zktreasury/prover/statement"
	"github.com/zktreasury/zktreasury/treasury/corridor"
)

// Fixture (the same as treasury/corridor's tests): assets USDC (stable), DAI
// (stable), WETH; venues vault, uniswap, aave; prices 1, 1, 10; USDC 4000,
// DAI 1000, WETH 500 at the vault: total 10000, weights 4000/1000/5000.
const (
	usdc, dai, weth      = 0, 1, 2
	vault, uniswap, aave = 0, 1, 2
)

func baseLimits() *corridor.Limits {
	return &corridor.Limits{
		AllowedAsset: []bool{true, true, true}, AllowedVenue: []bool{true, true, true}, Stable: []bool{true, true, false},
		VenueKind: []corridor.VenueKind{corridor.Custody, corridor.AMM, corridor.Lending}, VenueCap: []*big.Int{nil, nil, nil},
		MaxAprBps:    []uint32{0, 0, 1000},
		WeightMinBps: []uint32{2000, 0, 3000}, WeightMaxBps: []uint32{6000, 3000, 7000},
		NotionalCap: big.NewInt(1000), TurnoverCapPerDay: big.NewInt(3000), LossBudgetPerDay: big.NewInt(100),
		OutflowCapPerDay: big.NewInt(1000), MinEpochSeconds: 3600,
		MaxSlippageBps: 100, BufferFloorBps: 3000, MinRatioBps: 10000,
		HaircutBps: [][]uint32{{0, 0, 0}, {0, 0, 0}, {0, 0, 0}},
		AssetNames: []string{"USDC", "DAI", "WETH"}, VenueNames: []string{"vault", "uniswap", "aave"},
	}
}

func baseState() corridor.State {
	s := corridor.NewState(3, 3)
	s.X[usdc][vault] = 4000
	s.X[dai][vault] = 1000
	s.X[weth][vault] = 500
	return s
}

// lent adds 1000 USDC at aave (T = 11000), for accrual cases.
func lent() corridor.State {
	s := baseState()
	s.X[usdc][aave] = 1000
	return s
}

var basePrices = corridor.Prices{1, 1, 10}

// day is the length of most test epochs: per-day budgets are per-epoch budgets.
const (
	day   = corridor.SecondsPerDay
	start = 1_700_000_000
)

func sellWETH(n, out uint64) corridor.Action {
	return corridor.Action{Kind: corridor.Swap, Venue: uniswap, AssetIn: weth, VenueIn: vault, AmountIn: n, AssetOut: usdc, VenueOut: vault, AmountOut: out}
}

func buyWETH(in, n uint64) corridor.Action {
	return corridor.Action{Kind: corridor.Swap, Venue: uniswap, AssetIn: usdc, VenueIn: vault, AmountIn: in, AssetOut: weth, VenueOut: vault, AmountOut: n}
}

func deposit(asset int, n uint64) corridor.Action {
	return corridor.Action{Kind: corridor.Deposit, Venue: aave, AssetIn: asset, VenueIn: vault, AmountIn: n, AssetOut: asset, VenueOut: aave, AmountOut: n}
}

func withdraw(asset, venue int, n uint64) corridor.Action {
	return corridor.Action{Kind: corridor.Withdraw, Venue: venue, AssetIn: asset, VenueIn: venue, AmountIn: n, AssetOut: asset, VenueOut: vault, AmountOut: n}
}

func accrue(asset, venue int, n uint64) corridor.Action {
	return corridor.Action{Kind: corridor.Accrue, Venue: venue, AssetIn: asset, VenueIn: venue, AssetOut: asset, VenueOut: venue, AmountOut: n}
}

func inflow(asset int, n uint64) corridor.Action {
	return corridor.Action{Kind: corridor.Inflow, Venue: vault, AssetIn: asset, VenueIn: vault, AssetOut: asset, VenueOut: vault, AmountOut: n}
}

func outflow(asset int, n uint64) corridor.Action {
	return corridor.Action{Kind: corridor.Outflow, Venue: vault, AssetIn: asset, VenueIn: vault, AmountIn: n, AssetOut: asset, VenueOut: vault}
}

// varsFromLimits encodes corridor limits as the committed policy parameters.
func varsFromLimits(l *corridor.Limits) policy.Vars {
	v := statement.VarsFromLimits(l)
	v.ValueDecimals = uint64(12)
	for a := range v.Assets {
		v.Assets[a].CircuitDecimals = uint64(6)
		v.Assets[a].TargetWeightBps = uint64(l.WeightMinBps[a])
	}
	return v
}

func build(t testing.TB, l *corridor.Limits, s corridor.State, p corridor.Prices, seconds uint64, actions []corridor.Action, slots int) *statement.Compliance {
	t.Helper()
	c, err := statement.BuildCompliance(statement.ComplianceInputs{Policy: varsFromLimits(l), Prices: p, Prev: s.X, Actions: actions,
		Epoch: 9, StartTime: start, EndTime: start + seconds,
		PrevSalt: hashing.FromUint64(11), NewSalt: hashing.FromUint64(12), ActionsSalt: hashing.FromUint64(13), Slots: slots})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

var ccsCache = map[string]constraint.ConstraintSystem{}

func compile(t testing.TB, p compliance.Params) constraint.ConstraintSystem {
	t.Helper()
	if ccs, ok := ccsCache[p.String()]; ok {
		return ccs
	}
	c, err := compliance.NewCircuit(p)
	if err != nil {
		t.Fatal(err)
	}
	ccs, err := frontend.Compile(ecc.BN254.ScalarField(), r1cs.NewBuilder, c)
	if err != nil {
		t.Fatal(err)
	}
	ccsCache[p.String()] = ccs
	return ccs
}

func solved(t testing.TB, w *compliance.Circuit) error {
	t.Helper()
	wit, err := frontend.NewWitness(w, ecc.BN254.ScalarField())
	if err != nil {
		t.Fatal(err)
	}
	return compile(t, w.Params).IsSolved(wit)
}

// TestCorridors runs each corridor one unit inside and one unit outside through
// the Go reference checker and the circuit; both must give the expected answer.
func TestCorridors(t *testing.T) {
	three := []corridor.Action{sellWETH(100, 990), sellWETH(100, 990), buyWETH(1000, 99)}
	wide := func(l *corridor.Limits) {
		for a := range l.WeightMinBps {
			l.WeightMinBps[a], l.WeightMaxBps[a] = 0, 10000
		}
		l.BufferFloorBps = 0
		l.NotionalCap = new(big.Int).Lsh(big.NewInt(1), 127)
		l.TurnoverCapPerDay = new(big.Int).Lsh(big.NewInt(1), 127)
	}
	tests := []struct {
		name    string
		limits  func(*corridor.Limits)
		state   func() corridor.State
		seconds uint64
		actions []corridor.Action
		ok      bool
	}{
		{"honest swap", nil, nil, 0, []corridor.Action{sellWETH(100, 990)}, true},
		{"no actions", nil, nil, 0, nil, true},
		{"paused", func(l *corridor.Limits) { l.Paused = true }, nil, 0, []corridor.Action{sellWETH(100, 990)}, false},
		{"paused, no actions", func(l *corridor.Limits) { l.Paused = true }, nil, 0, nil, true},
		{"execution venue not allowed", func(l *corridor.Limits) { l.AllowedVenue[uniswap] = false }, nil, 0, []corridor.Action{sellWETH(100, 990)}, false},
		{"deposit venue not allowed", func(l *corridor.Limits) { l.AllowedVenue[aave] = false }, nil, 0, []corridor.Action{deposit(usdc, 10)}, false},
		{"withdrawal from a disallowed venue", func(l *corridor.Limits) { l.AllowedVenue[aave] = false }, lent, 0, []corridor.Action{withdraw(usdc, aave, 10)}, true},
		{"asset out not allowed", func(l *corridor.Limits) { l.AllowedAsset[usdc] = false }, nil, 0, []corridor.Action{sellWETH(100, 990)}, false},
		{"selling a disallowed asset", func(l *corridor.Limits) { l.AllowedAsset[weth] = false }, nil, 0, []corridor.Action{sellWETH(100, 990)}, true},
		{"notional at cap", nil, nil, 0, []corridor.Action{sellWETH(100, 990)}, true},
		{"notional one unit over cap", func(l *corridor.Limits) { l.NotionalCap = big.NewInt(999) }, nil, 0, []corridor.Action{sellWETH(100, 990)}, false},
		{"slippage at max", nil, nil, 0, []corridor.Action{sellWETH(100, 990)}, true},
		{"slippage one unit over", nil, nil, 0, []corridor.Action{sellWETH(100, 989)}, false},
		{"favourable fill at max", nil, nil, 0, []corridor.Action{sellWETH(100, 1010)}, true},
		{"favourable fill one unit over", nil, nil, 0, []corridor.Action{sellWETH(100, 1011)}, false},
		{"mint from nothing: 1 WETH unit for a fortune", wide, nil, 0, []corridor.Action{sellWETH(1, 1_000_000)}, false},
		{"swap of an asset for itself", nil, nil, 0, []corridor.Action{{Kind: corridor.Swap, Venue: uniswap, AssetIn: usdc, VenueIn: vault, AmountIn: 10, AssetOut: usdc, VenueOut: vault, AmountOut: 10}}, false},
		{"swap at a lending venue", nil, nil, 0, []corridor.Action{{Kind: corridor.Swap, Venue: aave, AssetIn: weth, VenueIn: vault, AmountIn: 100, AssetOut: usdc, VenueOut: vault, AmountOut: 990}}, false},
		{"deposit that does not conserve", nil, nil, 0, []corridor.Action{{Kind: corridor.Deposit, Venue: aave, AssetIn: usdc, VenueIn: vault, AmountIn: 10, AssetOut: usdc, VenueOut: aave, AmountOut: 11}}, false},
		{"deposit of one asset as another", nil, nil, 0, []corridor.Action{{Kind: corridor.Deposit, Venue: aave, AssetIn: usdc, VenueIn: vault, AmountIn: 10, AssetOut: dai, VenueOut: aave, AmountOut: 10}}, false},
		{"deposit into an AMM", nil, nil, 0, []corridor.Action{{Kind: corridor.Deposit, Venue: uniswap, AssetIn: usdc, VenueIn: vault, AmountIn: 10, AssetOut: usdc, VenueOut: uniswap, AmountOut: 10}}, false},
		{"withdrawal from custody", nil, nil, 0, []corridor.Action{withdraw(usdc, vault, 10)}, false},
		{"withdrawal that does not conserve", nil, lent, 0, []corridor.Action{{Kind: corridor.Withdraw, Venue: aave, AssetIn: usdc, VenueIn: aave, AmountIn: 10, AssetOut: usdc, VenueOut: vault, AmountOut: 11}}, false},
		{"accrual at custody (fabricated interest)", nil, nil, 0, []corridor.Action{accrue(usdc, vault, 5)}, false},
		{"accrual at an AMM", nil, nil, 0, []corridor.Action{accrue(usdc, uniswap, 5)}, false},
		// 1000 USDC at aave, 10% APR, 400 days: floor(1000 × 1000 × 400 × 86400 / (10000 × 31536000)) = 109.
		{"accrual exactly at its bound", nil, lent, 400 * day, []corridor.Action{accrue(usdc, aave, 109)}, true},
		{"accrual one unit above its bound", nil, lent, 400 * day, []corridor.Action{accrue(usdc, aave, 110)}, false},
		{"two accruals add up against one bound", nil, lent, 400 * day, []corridor.Action{accrue(usdc, aave, 60), accrue(usdc, aave, 50)}, false},
		{"accrual that takes something out", nil, lent, 400 * day, []corridor.Action{{Kind: corridor.Accrue, Venue: aave, AssetIn: usdc, VenueIn: aave, AmountIn: 1, AssetOut: usdc, VenueOut: aave, AmountOut: 5}}, false},
		{"a deposit made in the epoch earns nothing in it", func(l *corridor.Limits) { l.TurnoverCapPerDay = big.NewInt(1 << 40) }, nil, 400 * day,
			[]corridor.Action{deposit(usdc, 1000), accrue(usdc, aave, 1)}, false},
		{"inflow", wide, nil, 0, []corridor.Action{inflow(usdc, 500)}, true},
		{"inflow at a lending venue", wide, nil, 0, []corridor.Action{{Kind: corridor.Inflow, Venue: aave, AssetIn: usdc, VenueIn: vault, AssetOut: usdc, VenueOut: vault, AmountOut: 5}}, false},
		{"inflow that takes something out", wide, nil, 0, []corridor.Action{{Kind: corridor.Inflow, Venue: vault, AssetIn: usdc, VenueIn: vault, AmountIn: 1, AssetOut: usdc, VenueOut: vault, AmountOut: 5}}, false},
		{"outflows at the cap", nil, nil, 0, []corridor.Action{outflow(usdc, 600), outflow(dai, 400)}, true},
		{"outflows one unit over the cap", nil, nil, 0, []corridor.Action{outflow(usdc, 600), outflow(dai, 401)}, false},
		{"outflow at an AMM", nil, nil, 0, []corridor.Action{{Kind: corridor.Outflow, Venue: uniswap, AssetIn: usdc, VenueIn: vault, AmountIn: 10, AssetOut: usdc, VenueOut: vault}}, false},
		{"outflow that credits something", nil, nil, 0, []corridor.Action{{Kind: corridor.Outflow, Venue: vault, AssetIn: usdc, VenueIn: vault, AmountIn: 10, AssetOut: usdc, VenueOut: vault, AmountOut: 1}}, false},
		{"venue cap: exactly on it", func(l *corridor.Limits) { l.VenueCap[aave] = big.NewInt(1100) }, lent, 0, []corridor.Action{deposit(usdc, 100)}, true},
		{"venue cap exceeded by one unit", func(l *corridor.Limits) { l.VenueCap[aave] = big.NewInt(1099) }, lent, 0, []corridor.Action{deposit(usdc, 100)}, false},
		{"venue cap: above it and falling", func(l *corridor.Limits) { l.VenueCap[aave] = big.NewInt(500) }, lent, 0, []corridor.Action{withdraw(usdc, aave, 100)}, true},
		{"venue cap on custody, swap that grows it", func(l *corridor.Limits) { l.VenueCap[vault] = big.NewInt(9000) }, nil, 0, []corridor.Action{sellWETH(100, 1010)}, false},
		{"weight lands on max", func(l *corridor.Limits) { l.WeightMaxBps[weth] = 5010 }, nil, 0, []corridor.Action{buyWETH(10, 1)}, true},
		{"weight one bps over max", func(l *corridor.Limits) { l.WeightMaxBps[weth] = 5009 }, nil, 0, []corridor.Action{buyWETH(10, 1)}, false},
		// WETH 500 → 501 of T = 10000 → 10000 + 0: 5010 bps exactly; with 10001 units of
		// total the weight is 5009.49 bps: floor 5009 is inside a 5009 max, ceil is not.
		{"weight a fraction of a bps over max", func(l *corridor.Limits) { l.WeightMaxBps[weth] = 5009 }, nil, 0, []corridor.Action{buyWETH(9, 1)}, false},
		{"outside band, moving toward it", func(l *corridor.Limits) { l.WeightMaxBps[weth] = 4500 }, nil, 0, []corridor.Action{sellWETH(10, 100)}, true},
		{"outside band, moving further outside", func(l *corridor.Limits) { l.WeightMaxBps[weth] = 4500 }, nil, 0, []corridor.Action{buyWETH(10, 1)}, false},
		{"below band, moving further below", func(l *corridor.Limits) { l.WeightMinBps[weth] = 5500 }, nil, 0, []corridor.Action{sellWETH(10, 100)}, false},
		{"buffer lands on floor", func(l *corridor.Limits) { l.BufferFloorBps = 4990 }, nil, 0, []corridor.Action{buyWETH(10, 1)}, true},
		{"buffer one bps under floor and falling", func(l *corridor.Limits) { l.BufferFloorBps = 4991 }, nil, 0, []corridor.Action{buyWETH(10, 1)}, false},
		{"below floor, rising", func(l *corridor.Limits) { l.BufferFloorBps = 6000 }, nil, 0, []corridor.Action{sellWETH(10, 100)}, true},
		{"turnover at cap", nil, nil, 0, three, true},
		{"turnover one unit over", func(l *corridor.Limits) { l.TurnoverCapPerDay = big.NewInt(2999) }, nil, 0, three, false},
		{"half a day: half the turnover", nil, nil, day / 2, three, false},
		{"half a day, cap per day doubled", func(l *corridor.Limits) { l.TurnoverCapPerDay = big.NewInt(6000) }, nil, day / 2, three, true},
		{"loss at budget", func(l *corridor.Limits) { l.LossBudgetPerDay = big.NewInt(30) }, nil, 0, three, true},
		{"loss one unit over budget", func(l *corridor.Limits) { l.LossBudgetPerDay = big.NewInt(29) }, nil, 0, three, false},
		{"loss budget drained by a short epoch", func(l *corridor.Limits) {
			l.LossBudgetPerDay = big.NewInt(30)
			l.TurnoverCapPerDay = big.NewInt(1 << 40)
		}, nil, day / 2, three, false},
		{"epoch exactly the minimum length", nil, nil, 3600, nil, true},
		{"epoch one second shorter than the minimum", nil, nil, 3599, nil, false},
		{"untouched asset pushed out of band by the epoch", func(l *corridor.Limits) { l.WeightMaxBps[dai] = 1000 }, nil, 0, []corridor.Action{sellWETH(100, 990)}, false},
		{"position exactly emptied", func(l *corridor.Limits) {
			l.NotionalCap = big.NewInt(1 << 40)
			l.TurnoverCapPerDay = big.NewInt(1 << 40)
		}, nil, 0, []corridor.Action{deposit(usdc, 4000)}, true},
		{"negative mid-epoch, recovered by the end", func(l *corridor.Limits) {
			l.NotionalCap = big.NewInt(1 << 40)
			l.TurnoverCapPerDay = big.NewInt(1 << 40)
		}, nil, 0,
			[]corridor.Action{deposit(usdc, 4001), withdraw(usdc, aave, 4001)}, false},
		{"empty action", nil, nil, 0, []corridor.Action{accrue(usdc, aave, 0)}, false},
		{"empty reserves, no actions", nil, func() corridor.State { return corridor.NewState(3, 3) }, 0, nil, true},
		{"empty reserves, an inflow", wide, func() corridor.State { return corridor.NewState(3, 3) }, 0, []corridor.Action{inflow(usdc, 5)}, true},
		{"position overflows 64 bits", wide, func() corridor.State { s := baseState(); s.X[usdc][vault] = ^uint64(0) - 5; return s }, 0,
			[]corridor.Action{inflow(usdc, 6)}, false},
		{"position exactly 2^64 - 1", wide, func() corridor.State { s := baseState(); s.X[usdc][vault] = ^uint64(0) - 5; return s }, 0,
			[]corridor.Action{inflow(usdc, 5)}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			l := baseLimits()
			if tc.limits != nil {
				tc.limits(l)
			}
			s := baseState()
			if tc.state != nil {
				s = tc.state()
			}
			secs := tc.seconds
			if secs == 0 {
				secs = day
			}
			_, goErr := corridor.CheckEpoch(l, s, basePrices, secs, tc.actions)
			if (goErr == nil) != tc.ok {
				t.Fatalf("Go checker: err = %v, want ok = %v", goErr, tc.ok)
			}
			err := solved(t, build(t, l, s, basePrices, secs, tc.actions, 3).Assignment())
			if (err == nil) != tc.ok {
				t.Fatalf("circuit: err = %v, want ok = %v", err, tc.ok)
			}
		})
	}
}

// TestCheats: the honest epoch proves; each deviation from the committed log,
// state, policy, window or flows does not. Every cheat starts from a fresh
// honest witness; where it changes what a commitment covers, every other
// commitment is recomputed, so only the targeted constraint can reject it.
func TestCheats(t *testing.T) {
	a, b, c := sellWETH(50, 500), deposit(usdc, 100), inflow(dai, 7)
	actions := []corridor.Action{a, b, c}
	honestStmt := func() *statement.Compliance { return build(t, baseLimits(), baseState(), basePrices, day, actions, 4) }
	honest := honestStmt()
	if err := solved(t, honest.Assignment()); err != nil {
		t.Fatalf("honest epoch rejected: %v", err)
	}
	// Witnesses whose actions differ from the committed log: everything but the
	// actions commitment is rebuilt for the cheating actions (and each cheating
	// log is itself inside every corridor, so only the chain can reject it).
	forLog := func(name string, cheat []corridor.Action) *compliance.Circuit {
		if _, err := corridor.CheckEpoch(baseLimits(), baseState(), basePrices, day, cheat); err != nil {
			t.Fatalf("%s: the cheating log is not itself compliant, so the test would not isolate the chain: %v", name, err)
		}
		w := build(t, baseLimits(), baseState(), basePrices, day, cheat, 4).Assignment()
		w.ActionsCommitment = honest.ActionsCommitment
		return w
	}
	cheats := map[string]func() *compliance.Circuit{
		"action skipped":    func() *compliance.Circuit { return forLog("skipped", []corridor.Action{a, b}) },
		"action added":      func() *compliance.Circuit { return forLog("added", []corridor.Action{a, b, c, c}) },
		"actions reordered": func() *compliance.Circuit { return forLog("reordered", []corridor.Action{b, a, c}) },
		"amount changed":    func() *compliance.Circuit { return forLog("amount", []corridor.Action{sellWETH(50, 501), b, c}) },
		"kind changed in the log": func() *compliance.Circuit {
			// A deposit and a withdrawal of 100 USDC at aave pack the same venue,
			// assets and amounts: only the kind tells them apart, and both are
			// compliant from this state.
			logged := build(t, baseLimits(), lent(), basePrices, day, []corridor.Action{deposit(usdc, 100)}, 4)
			relabelled := []corridor.Action{withdraw(usdc, aave, 100)}
			if _, err := corridor.CheckEpoch(baseLimits(), lent(), basePrices, day, relabelled); err != nil {
				t.Fatal(err)
			}
			w := build(t, baseLimits(), lent(), basePrices, day, relabelled, 4).Assignment()
			w.ActionsCommitment = logged.ActionsCommitment
			return w
		},
		"previous state is not the committed one": func() *compliance.Circuit {
			w := honestStmt().Assignment()
			w.Positions[usdc][vault] = uint64(4001)
			return w
		},
		"policy parameters do not hash to the committed policy": func() *compliance.Circuit {
			w := honestStmt().Assignment()
			w.Policy.MaxSlippageBps = uint64(10000)
			return w
		},
		"action count lowered": func() *compliance.Circuit {
			w := honestStmt().Assignment()
			w.ActionCount = 2
			return w
		},
		"action count wrapped to r - 1": func() *compliance.Circuit {
			w := honestStmt().Assignment()
			w.ActionCount = new(big.Int).Sub(fr.Modulus(), big.NewInt(1))
			return w
		},
		"an inactive slot moves funds": func() *compliance.Circuit {
			w := honestStmt().Assignment()
			w.Actions[3] = compliance.Action{Kind: uint64(0), Venue: aave, AssetIn: usdc, AmountIn: uint64(1), AssetOut: usdc, AmountOut: uint64(1)}
			return w
		},
		"an inactive slot has a kind": func() *compliance.Circuit {
			w := honestStmt().Assignment()
			w.Actions[3] = compliance.Action{Kind: uint64(corridor.Swap), Venue: 0, AssetIn: 0, AmountIn: uint64(0), AssetOut: 0, AmountOut: uint64(0)}
			return w
		},
		"action count above the slots": func() *compliance.Circuit {
			w := honestStmt().Assignment()
			w.ActionCount = 5
			return w
		},
		"new state is not the committed one": func() *compliance.Circuit {
			w := honestStmt().Assignment()
			var one fr.Element
			one.SetOne()
			nc := honest.NewCommitment
			nc.Add(&nc, &one)
			w.NewStateCommitment = nc
			return w
		},
		"epoch changed (the chain starts from the epoch)": func() *compliance.Circuit {
			w := honestStmt().Assignment()
			w.Epoch = 8
			return w
		},
		"inflow total under-reported by one unit": func() *compliance.Circuit {
			w := honestStmt().Assignment()
			w.Inflows[dai] = uint64(6)
			return w
		},
		"inflow reported under another asset": func() *compliance.Circuit {
			w := honestStmt().Assignment()
			w.Inflows[dai], w.Inflows[usdc] = uint64(0), uint64(7)
			return w
		},
		"outflow total off by one unit": func() *compliance.Circuit {
			w := honestStmt().Assignment()
			w.Outflows[weth] = uint64(1)
			return w
		},
		"end before start": func() *compliance.Circuit {
			w := honestStmt().Assignment()
			w.StartTime, w.EndTime = uint64(start+day), uint64(start)
			return w
		},
		"window stretched to enlarge the budgets (start moved back)": func() *compliance.Circuit {
			// A 1-hour epoch spending a day's turnover, claiming a day.
			l := baseLimits()
			st := build(t, l, baseState(), basePrices, 3600, []corridor.Action{sellWETH(100, 990)}, 4)
			w := st.Assignment()
			if err := solved(t, w); err == nil {
				t.Fatal("a one-hour epoch spending a day's turnover was accepted")
			}
			return w
		},
	}
	for name, mk := range cheats {
		t.Run(name, func(t *testing.T) {
			if err := solved(t, mk()); err == nil {
				t.Fatal("cheating witness satisfied the circuit")
			}
		})
	}
	if err := solved(t, honestStmt().Assignment()); err != nil {
		t.Fatalf("control: a fresh honest witness is rejected after the cheats: %v", err)
	}
	// Paused with a committed paused policy: the epoch's actions are refused
	// even though the log and states are consistent.
	l := baseLimits()
	l.Paused = true
	if err := solved(t, build(t, l, baseState(), basePrices, day, []corridor.Action{a}, 3).Assignment()); err == nil {
		t.Fatal("action while paused satisfied the circuit")
	}
}

// minus returns r - n, the field element that reads as -n.
func minus(n int64) *big.Int { return new(big.Int).Sub(fr.Modulus(), big.NewInt(n)) }

// witnessEpoch builds a witness for actions whose indices or kinds the
// statement builder would refuse, recomputing the new state (with the slots
// the circuit derives: an out-of-range selector selects nothing) and the
// actions commitment natively, so that only the targeted constraint can reject
// it. It starts from the honest witness of the same epoch.
func witnessEpoch(t *testing.T, s corridor.State, actions []corridor.Action) *compliance.Circuit {
	t.Helper()
	w := build(t, baseLimits(), s, basePrices, day, nil, len(actions)).Assignment()
	next := s.Clone()
	for i, a := range actions {
		w.Actions[i] = compliance.Action{Kind: uint64(a.Kind), Venue: a.Venue, AssetIn: a.AssetIn, AmountIn: a.AmountIn,
			AssetOut: a.AssetOut, AmountOut: a.AmountOut}
		in, out := corridor.Slots(a.Kind, a.Venue, vault)
		inSel, outSel := in >= 0 && in < 3 && a.AssetIn >= 0 && a.AssetIn < 3, out >= 0 && out < 3 && a.AssetOut >= 0 && a.AssetOut < 3
		if a.Kind == corridor.Withdraw && (a.Venue < 0 || a.Venue >= 3) {
			inSel = false // the circuit's debit selector is all zero
		}
		if inSel {
			next.X[a.AssetIn][in] -= a.AmountIn
		}
		if outSel {
			next.X[a.AssetOut][out] += a.AmountOut
		}
	}
	w.ActionCount = len(actions)
	w.ActionsCommitment = statement.ActionsCommitment(9, hashing.FromUint64(13), actions)
	w.NewStateCommitment = statement.StateCommitment(hashing.FromUint64(12), next.X)
	return w
}

// TestOutOfRangeSelectors: an index or kind outside its range selects nothing
// in a one-hot vector; that must not let an action skip its debit or its rules.
func TestOutOfRangeSelectors(t *testing.T) {
	cases := map[string][]corridor.Action{
		// Kind 7 would carry no kind's rules: a "nothing" that credits 1000 USDC.
		"kind 7 minting at custody": {{Kind: 7, Venue: vault, AssetIn: usdc, AssetOut: usdc, AmountOut: 1000}},
		// A withdrawal from venue 3 debits no slot and credits custody.
		"withdrawal from venue 3": {{Kind: corridor.Withdraw, Venue: 3, AssetIn: usdc, AmountIn: 1000, AssetOut: usdc, AmountOut: 1000}},
		// An outflow of asset 3 debits nothing.
		"inflow of asset 3":    {{Kind: corridor.Inflow, Venue: vault, AssetIn: 3, AssetOut: 3, AmountOut: 1000}},
		"swap selling asset 3": {{Kind: corridor.Swap, Venue: uniswap, AssetIn: 3, AmountIn: 100, AssetOut: usdc, AmountOut: 0}},
	}
	for name, actions := range cases {
		t.Run(name, func(t *testing.T) {
			if err := solved(t, witnessEpoch(t, lent(), actions)); err == nil {
				t.Fatal("an out-of-range selector satisfied the circuit")
			}
		})
	}
	// Control: the same construction with an honest in-range action passes.
	if err := solved(t, witnessEpoch(t, lent(), []corridor.Action{withdraw(usdc, aave, 100)})); err != nil {
		t.Fatalf("control rejected: %v", err)
	}
}

// signedHint is a malicious prover's comparison hint: it orders field elements
// as signed numbers (r - 1 reads as -1), which the honest hint never does.
func signedHint() solver.Option {
	half := new(big.Int).Rsh(fr.Modulus(), 1)
	signed := func(x *big.Int) *big.Int {
		if x.Cmp(half) > 0 {
			return new(big.Int).Sub(x, fr.Modulus())
		}
		return x
	}
	return solver.OverrideHint(solver.GetHintID(bound.LessOrEqualHint), func(_ *big.Int, in, out []*big.Int) error {
		if signed(in[0]).Cmp(signed(in[1])) <= 0 {
			out[0].SetUint64(1)
		} else {
			out[0].SetUint64(0)
		}
		return nil
	})
}

// TestPublicInputRanges: the count, the window and the flows are public inputs
// the registry builds; each must be in range on its own, so that no witness
// satisfies the circuit with a count, time or span outside what the Go side
// can express.
func TestPublicInputRanges(t *testing.T) {
	four := []corridor.Action{sellWETH(50, 500), deposit(usdc, 100), inflow(dai, 7), outflow(usdc, 10)}
	full := func() *compliance.Circuit {
		return build(t, baseLimits(), baseState(), basePrices, day, four, 4).Assignment()
	}
	if err := solved(t, full()); err != nil {
		t.Fatalf("control: %v", err)
	}
	cases := map[string]func(*compliance.Circuit){
		// Every slot is used, so only count <= K can refuse a fifth.
		"count K + 1 with every slot full": func(w *compliance.Circuit) { w.ActionCount = 5 },
		// 10 - 86400 wraps below zero; the span is still a day.
		"start before time 0": func(w *compliance.Circuit) {
			w.EndTime = uint64(10)
			w.StartTime = new(big.Int).Sub(fr.Modulus(), big.NewInt(day-10))
		},
		"end past 2^64": func(w *compliance.Circuit) {
			w.StartTime = uint64(1<<64 - 100)
			w.EndTime = new(big.Int).Add(new(big.Int).SetUint64(1<<64-100), big.NewInt(day))
		},
		"an epoch of 2^32 seconds": func(w *compliance.Circuit) {
			w.StartTime, w.EndTime = uint64(start), uint64(start+1<<32)
		},
	}
	for name, edit := range cases {
		t.Run(name, func(t *testing.T) {
			w := full()
			edit(w)
			if err := solved(t, w); err == nil {
				t.Fatal("satisfied the circuit")
			}
		})
	}
	// A count of r - 1 with every slot empty: a malicious comparison hint calls
	// every slot inactive, and only the count's own range check refuses it.
	empty := build(t, baseLimits(), baseState(), basePrices, day, nil, 2).Assignment()
	wit, err := frontend.NewWitness(empty, ecc.BN254.ScalarField())
	if err != nil {
		t.Fatal(err)
	}
	if err := compile(t, empty.Params).IsSolved(wit, signedHint()); err != nil {
		t.Fatalf("control with the malicious hint: %v", err)
	}
	empty.ActionCount = minus(1)
	if wit, err = frontend.NewWitness(empty, ecc.BN254.ScalarField()); err != nil {
		t.Fatal(err)
	}
	if err := compile(t, empty.Params).IsSolved(wit, signedHint()); err == nil {
		t.Fatal("an action count of r - 1 satisfied the circuit")
	}
}

// TestOverflowsWithoutPadding: a credited slot past 2^64 - 1, and inflows whose
// total passes 2^64 - 1, with every slot used (an empty padding slot would
// range-check custody again and hide a missing check).
func TestOverflowsWithoutPadding(t *testing.T) {
	wide := baseLimits()
	for a := range wide.WeightMinBps {
		wide.WeightMinBps[a], wide.WeightMaxBps[a] = 0, 10000
	}
	wide.BufferFloorBps = 0
	wide.NotionalCap = new(big.Int).Lsh(big.NewInt(1), 127)
	wide.TurnoverCapPerDay = new(big.Int).Lsh(big.NewInt(1), 127)
	wide.OutflowCapPerDay = new(big.Int).Lsh(big.NewInt(1), 127)
	nearFull := baseState()
	nearFull.X[usdc][vault] = ^uint64(0) - 5
	const half = uint64(1) << 63
	halfHeld := baseState()
	halfHeld.X[usdc][vault] = half
	cases := []struct {
		name    string
		s       corridor.State
		actions []corridor.Action
		ok      bool
	}{
		{"custody exactly 2^64 - 1", nearFull, []corridor.Action{inflow(usdc, 5)}, true},
		{"custody one unit past 2^64 - 1", nearFull, []corridor.Action{inflow(usdc, 6)}, false},
		{"inflows totalling 2^64 - 1", baseState(), []corridor.Action{inflow(usdc, half), outflow(usdc, half), inflow(usdc, half-1)}, true},
		{"inflows totalling 2^64", baseState(), []corridor.Action{inflow(usdc, half), outflow(usdc, half), inflow(usdc, half)}, false},
		{"outflows totalling 2^64 - 1", halfHeld, []corridor.Action{outflow(usdc, half), inflow(usdc, half), outflow(usdc, half-1)}, true},
		{"outflows totalling 2^64", halfHeld, []corridor.Action{outflow(usdc, half), inflow(usdc, half), outflow(usdc, half)}, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, goErr := corridor.CheckEpoch(wide, tc.s, basePrices, day, tc.actions)
			if (goErr == nil) != tc.ok {
				t.Fatalf("Go checker: %v, want ok = %v", goErr, tc.ok)
			}
			w := build(t, wide, tc.s, basePrices, day, tc.actions, len(tc.actions)).Assignment()
			// The statement holds the totals as field elements; state 2^64 as the integer it is.
			switch tc.name {
			case "inflows totalling 2^64":
				w.Inflows[usdc] = new(big.Int).Lsh(big.NewInt(1), 64)
			case "outflows totalling 2^64":
				w.Outflows[usdc] = new(big.Int).Lsh(big.NewInt(1), 64)
			}
			if err := solved(t, w); (err == nil) != tc.ok {
				t.Fatalf("circuit: %v, want ok = %v", err, tc.ok)
			}
		})
	}
}

// TestPreviousSlotOutOfRange: S(n-1) with a slot of 2^64 that no action
// touches (so no debit or credit check sees it) is refused by the range check
// of the committed previous positions; both commitments are recomputed.
func TestPreviousSlotOutOfRange(t *testing.T) {
	st := build(t, baseLimits(), baseState(), basePrices, day, []corridor.Action{sellWETH(50, 500)}, 1)
	if err := solved(t, st.Assignment()); err != nil {
		t.Fatalf("control: %v", err)
	}
	big64 := new(big.Int).Lsh(big.NewInt(1), 64)
	commit := func(salt uint64, x [][]fr.Element) fr.Element {
		el := []fr.Element{hashing.FromUint64(salt)}
		for _, row := range x {
			el = append(el, row...)
		}
		return hashing.Hash(poseidon.TagState, el...)
	}
	prev := make([][]fr.Element, 3)
	for a := range prev {
		prev[a] = make([]fr.Element, 3)
		for v := range prev[a] {
			prev[a][v].SetUint64(baseState().X[a][v])
		}
	}
	prev[dai][aave].SetBigInt(big64)
	next := make([][]fr.Element, 3)
	for a := range next {
		next[a] = append([]fr.Element(nil), st.Next[a]...)
	}
	next[dai][aave].SetBigInt(big64)
	w := st.Assignment()
	w.Positions[dai][aave] = big64
	w.PrevStateCommitment = commit(11, prev)
	w.NewStateCommitment = commit(12, next)
	if err := solved(t, w); err == nil {
		t.Fatal("a previous position of 2^64 satisfied the circuit")
	}
}

// TestNegativeAmountIn: an outflow of -5 next to an outflow of 10 reports the
// net 5 as one outflow and hides a gross inflow; only the amount's own range
// check refuses it (every commitment and total is recomputed, and the prover's
// comparison hint is malicious).
func TestNegativeAmountIn(t *testing.T) {
	honest := build(t, baseLimits(), baseState(), basePrices, day, []corridor.Action{outflow(usdc, 10), outflow(usdc, 5)}, 2).Assignment()
	if err := solved(t, honest); err != nil {
		t.Fatalf("control: %v", err)
	}
	w := build(t, baseLimits(), baseState(), basePrices, day, []corridor.Action{outflow(usdc, 10), outflow(usdc, 5)}, 2).Assignment()
	minus5 := minus(5)
	w.Actions[1].AmountIn = minus5
	w.Outflows[usdc] = uint64(5)
	next := baseState()
	next.X[usdc][vault] -= 5
	w.NewStateCommitment = statement.StateCommitment(hashing.FromUint64(12), next.X)
	chain := hashing.Hash(poseidon.TagActions, hashing.FromUint64(9), hashing.FromUint64(13))
	for _, a := range w.Actions {
		packed := new(big.Int)
		for j, part := range []frontend.Variable{a.Kind, a.Venue, a.AssetIn, a.AssetOut, a.AmountIn, a.AmountOut} {
			var x *big.Int
			switch v := part.(type) {
			case *big.Int:
				x = v
			case int:
				x = big.NewInt(int64(v))
			case uint64:
				x = new(big.Int).SetUint64(v)
			default:
				t.Fatalf("part %T", part)
			}
			packed.Add(packed, new(big.Int).Lsh(x, compliance.PackShifts[j]))
		}
		chain = hashing.MustCompress(2, chain, hashing.FromBig(packed))
	}
	w.ActionsCommitment = chain
	// The honest comparison hint would trip over -5 in the loss computation; a
	// malicious prover's does not.
	wit, err := frontend.NewWitness(w, ecc.BN254.ScalarField())
	if err != nil {
		t.Fatal(err)
	}
	if err := compile(t, w.Params).IsSolved(wit, signedHint()); err == nil {
		t.Fatal("an outflow of -5 satisfied the circuit")
	}
}

// TestNegativeBandWithMaliciousHints: a weight minimum of -1 (r - 1 in the
// field) must fail its own range check. The honest comparison hint would
// reject it too, so the test uses a malicious prover's hint that orders "negative"
// field elements below everything, which the comparison's pinning range check
// alone cannot refuse (both sides are then within its bound).
func TestNegativeBandWithMaliciousHints(t *testing.T) {
	half := new(big.Int).Rsh(fr.Modulus(), 1)
	signed := func(x *big.Int) *big.Int {
		if x.Cmp(half) > 0 {
			return new(big.Int).Sub(x, fr.Modulus())
		}
		return x
	}
	malicious := func(_ *big.Int, in, out []*big.Int) error {
		if signed(in[0]).Cmp(signed(in[1])) <= 0 {
			out[0].SetUint64(1)
		} else {
			out[0].SetUint64(0)
		}
		return nil
	}
	opt := solver.OverrideHint(solver.GetHintID(bound.LessOrEqualHint), malicious)
	solve := func(edit func(*policy.Vars)) error {
		v := varsFromLimits(baseLimits())
		edit(&v)
		c, err := statement.BuildCompliance(statement.ComplianceInputs{Policy: v, Prices: basePrices, Prev: baseState().X,
			Actions: []corridor.Action{sellWETH(100, 990)}, Epoch: 9, StartTime: start, EndTime: start + day, PrevSalt: hashing.FromUint64(11),
			NewSalt: hashing.FromUint64(12), ActionsSalt: hashing.FromUint64(13), Slots: 1})
		if err != nil {
			t.Fatal(err)
		}
		wit, err := frontend.NewWitness(c.Assignment(), ecc.BN254.ScalarField())
		if err != nil {
			t.Fatal(err)
		}
		return compile(t, c.Params).IsSolved(wit, opt)
	}
	if err := solve(func(*policy.Vars) {}); err != nil {
		t.Fatalf("control: the malicious hint agrees with the honest one on honest inputs, yet: %v", err)
	}
	if err := solve(func(v *policy.Vars) { v.Assets[dai].WeightMinBps = minus(1) }); err == nil {
		t.Fatal("a weight minimum of -1 bps satisfied the circuit")
	}
}

// TestPolicyRanges: a committed policy outside the ranges the Go checker
// accepts is refused by the circuit too (the commitment is recomputed, so only
// the range constraint can reject it).
func TestPolicyRanges(t *testing.T) {
	cases := map[string]func(*policy.Vars){
		"weight max 10001 bps":      func(v *policy.Vars) { v.Assets[weth].WeightMaxBps = uint64(10001) },
		"weight min above max":      func(v *policy.Vars) { v.Assets[weth].WeightMinBps = uint64(7001) },
		"buffer floor 10001 bps":    func(v *policy.Vars) { v.BufferFloorBps = uint64(10001) },
		"slippage 10001 bps":        func(v *policy.Vars) { v.MaxSlippageBps = uint64(10001) },
		"APR cap 10001 bps":         func(v *policy.Vars) { v.Venues[aave].MaxAprBps = uint64(10001) },
		"minimum epoch 0 seconds":   func(v *policy.Vars) { v.MinEpochSeconds = uint64(0) },
		"minimum epoch 2^32":        func(v *policy.Vars) { v.MinEpochSeconds = uint64(1 << 32) },
		"venue kind 4":              func(v *policy.Vars) { v.Venues[aave].Kind = uint64(4) },
		"venue kind 0":              func(v *policy.Vars) { v.Venues[aave].Kind = uint64(0) },
		"two custody venues":        func(v *policy.Vars) { v.Venues[uniswap].Kind = uint64(1) },
		"no custody venue":          func(v *policy.Vars) { v.Venues[vault].Kind = uint64(2) },
		"paused = 2":                func(v *policy.Vars) { v.Paused = uint64(2) },
		"allowed = 2":               func(v *policy.Vars) { v.Assets[usdc].Allowed = uint64(2) },
		"venue allowed = 2":         func(v *policy.Vars) { v.Venues[uniswap].Allowed = uint64(2) },
		"stable = 2":                func(v *policy.Vars) { v.Assets[weth].Stable = uint64(2) },
		"hasCap = 2":                func(v *policy.Vars) { v.Venues[aave].HasCap = uint64(2) },
		"uncapped venue with a cap": func(v *policy.Vars) { v.Venues[aave].CapValue = uint64(5) },
		"cap of 2^128": func(v *policy.Vars) {
			v.Venues[aave].HasCap, v.Venues[aave].CapValue = uint64(1), new(big.Int).Lsh(big.NewInt(1), 128)
		},
		"notional cap of 2^128": func(v *policy.Vars) { v.NotionalCap = new(big.Int).Lsh(big.NewInt(1), 128) },
		"turnover cap of 2^128": func(v *policy.Vars) { v.TurnoverCapPerDay = new(big.Int).Lsh(big.NewInt(1), 128) },
		"loss budget of 2^128":  func(v *policy.Vars) { v.LossBudgetPerDay = new(big.Int).Lsh(big.NewInt(1), 128) },
		"outflow cap of 2^128":  func(v *policy.Vars) { v.OutflowCapPerDay = new(big.Int).Lsh(big.NewInt(1), 128) },
		// Field elements just below the modulus read as small negative numbers: each
		// must fail its own range check rather than wrap past it.
		"slippage -1 bps":     func(v *policy.Vars) { v.MaxSlippageBps = minus(1) },
		"buffer floor -1 bps": func(v *policy.Vars) { v.BufferFloorBps = minus(1) },
		"APR cap -1 bps":      func(v *policy.Vars) { v.Venues[aave].MaxAprBps = minus(1) },
		"haircut -1 bps":      func(v *policy.Vars) { v.HaircutBps[weth][aave] = minus(1) },
		"notional cap -1":     func(v *policy.Vars) { v.NotionalCap = minus(1) },
		"turnover cap -1":     func(v *policy.Vars) { v.TurnoverCapPerDay = minus(1) },
		"loss budget -1":      func(v *policy.Vars) { v.LossBudgetPerDay = minus(1) },
		"outflow cap -1":      func(v *policy.Vars) { v.OutflowCapPerDay = minus(1) },
		"cap -1":              func(v *policy.Vars) { v.Venues[aave].HasCap, v.Venues[aave].CapValue = uint64(1), minus(1) },
		"minimum epoch -1 s":  func(v *policy.Vars) { v.MinEpochSeconds = minus(1) },
		"ratio 9999 bps":      func(v *policy.Vars) { v.MinRatioBps = uint64(9999) },
	}
	for name, edit := range cases {
		t.Run(name, func(t *testing.T) {
			v := varsFromLimits(baseLimits())
			edit(&v)
			c, err := statement.BuildCompliance(statement.ComplianceInputs{Policy: v, Prices: basePrices, Prev: baseState().X,
				Epoch: 9, StartTime: start, EndTime: start + day, PrevSalt: hashing.FromUint64(11), NewSalt: hashing.FromUint64(12),
				ActionsSalt: hashing.FromUint64(13), Slots: 1})
			if err != nil {
				if name == "no custody venue" {
					return // the statement builder refuses it before the circuit can
				}
				t.Fatal(err)
			}
			if err := solved(t, c.Assignment()); err == nil {
				t.Fatal("an out-of-range policy satisfied the circuit")
			}
		})
	}
	// Control: the same path with the unedited policy passes.
	c, err := statement.BuildCompliance(statement.ComplianceInputs{Policy: varsFromLimits(baseLimits()), Prices: basePrices, Prev: baseState().X,
		Epoch: 9, StartTime: start, EndTime: start + day, PrevSalt: hashing.FromUint64(11), NewSalt: hashing.FromUint64(12),
		ActionsSalt: hashing.FromUint64(13), Slots: 1})
	if err != nil {
		t.Fatal(err)
	}
	if err := solved(t, c.Assignment()); err != nil {
		t.Fatalf("control rejected: %v", err)
	}
}

// epochFromSeed draws a random policy, state, prices, epoch length and actions
// from seed. Most draws are plausible (amounts within the slot held, kinds at
// venues of their kind, swap outputs near the oracle value, bands often wide),
// so that accepted epochs with actions are common and every corridor is
// exercised near its boundary.
func epochFromSeed(seed []byte) (*corridor.Limits, corridor.State, corridor.Prices, uint64, []corridor.Action) {
	h := sha256.Sum256(seed)
	rng := rand.New(rand.NewPCG(binary.LittleEndian.Uint64(h[:8]), binary.LittleEndian.Uint64(h[8:16])))
	next := func(n uint64) uint64 {
		if n == 0 {
			return 0
		}
		return rng.Uint64N(n)
	}
	l := baseLimits()
	l.Paused = next(16) == 0
	for a := range 3 {
		l.AllowedAsset[a] = next(10) != 0
		l.Stable[a] = next(2) == 0
		if next(2) == 0 {
			l.WeightMinBps[a], l.WeightMaxBps[a] = 0, 10000
		} else {
			lo := uint32(next(6000))
			l.WeightMinBps[a], l.WeightMaxBps[a] = lo, lo+uint32(next(uint64(10001-lo)))
		}
	}
	for v := range 3 {
		l.AllowedVenue[v] = next(10) != 0
		if next(4) == 0 {
			l.VenueCap[v] = big.NewInt(int64(next(40000)))
		}
	}
	l.MaxAprBps[aave] = uint32(next(10001))
	l.NotionalCap = big.NewInt(int64(next(60000)))
	l.TurnoverCapPerDay = big.NewInt(int64(next(150000)))
	l.LossBudgetPerDay = big.NewInt(int64(next(3000)))
	l.OutflowCapPerDay = big.NewInt(int64(next(20000)))
	l.MinEpochSeconds = 1 + next(2*day)
	l.MaxSlippageBps = uint32(next(1200))
	if next(8) == 0 {
		l.MaxSlippageBps = uint32(next(10001))
	}
	l.BufferFloorBps = uint32(next(10001))
	if next(2) == 0 {
		l.BufferFloorBps = uint32(next(3000))
	}
	s := corridor.NewState(3, 3)
	for a := range 3 {
		for v := range 3 {
			if next(3) != 0 {
				s.X[a][v] = next(3000)
			}
		}
	}
	p := corridor.Prices{1 + next(20), 1 + next(20), 1 + next(50)}
	seconds := l.MinEpochSeconds + next(3*day) - next(day/8)
	if next(6) == 0 {
		seconds = next(400 * day)
	}
	var actions []corridor.Action
	x := s.Clone()
	n := int(next(4))
	if next(8) != 0 && n == 0 {
		n = 1
	}
	for range n {
		k := corridor.Kind(1 + next(6))
		v := []int{uniswap, aave, aave, aave, vault, vault}[k-1]
		if k == corridor.Withdraw && next(3) == 0 {
			v = uniswap
		}
		if next(12) == 0 {
			v = int(next(3))
		}
		vin, vout := corridor.Slots(k, v, vault)
		act := corridor.Action{Kind: k, Venue: v, AssetIn: int(next(3)), VenueIn: vin, AssetOut: int(next(3)), VenueOut: vout}
		if k != corridor.Swap && next(16) != 0 {
			act.AssetOut = act.AssetIn
		}
		for try := 0; try < 4 && x.X[act.AssetIn][act.VenueIn] == 0; try++ {
			act.AssetIn = int(next(3))
			if k != corridor.Swap {
				act.AssetOut = act.AssetIn
			}
		}
		held := x.X[act.AssetIn][act.VenueIn]
		if next(8) == 0 {
			act.AmountIn = next(1500)
		} else {
			act.AmountIn = next(held + 1)
		}
		fair := act.AmountIn * p[act.AssetIn] / p[act.AssetOut]
		switch k {
		case corridor.Deposit, corridor.Withdraw:
			act.AmountOut = act.AmountIn
			if next(16) == 0 {
				act.AmountOut++
			}
		case corridor.Accrue:
			act.AmountIn = 0
			act.AmountOut = next(40)
		case corridor.Inflow:
			act.AmountIn = 0
			act.AmountOut = next(2000)
		case corridor.Outflow:
			act.AmountOut = 0
		default:
			switch next(4) {
			case 0:
				act.AmountOut = next(1500)
			default:
				// A little below or above the oracle value.
				cut := fair * next(150) / 10000
				if next(3) == 0 {
					act.AmountOut = fair + cut
				} else {
					act.AmountOut = fair - cut
				}
			}
		}
		if next(24) == 0 {
			act.AmountIn = next(1500)
		}
		if act.AmountIn <= x.X[act.AssetIn][act.VenueIn] {
			x.X[act.AssetIn][act.VenueIn] -= act.AmountIn
			x.X[act.AssetOut][act.VenueOut] += act.AmountOut
		}
		actions = append(actions, act)
	}
	return l, s, p, seconds, actions
}

// FuzzDifferential draws random states, policies and actions and requires the Go
// reference checker to accept exactly when the circuit is satisfiable.
func FuzzDifferential(f *testing.F) {
	f.Add([]byte("zktreasury"))
	f.Add([]byte{0, 0, 0, 0})
	f.Add([]byte{0xff, 0x10, 0x80, 0x33, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08})
	n := 24
	if testing.Short() {
		n = 8
	}
	for i := range n {
		f.Add([]byte(fmt.Sprintf("seed-%d-%d", i, i*i)))
	}
	f.Fuzz(func(t *testing.T, seed []byte) {
		l, s, p, seconds, actions := epochFromSeed(seed)
		_, goErr := corridor.CheckEpoch(l, s, p, seconds, actions)
		circuitErr := solved(t, build(t, l, s, p, seconds, actions, 3).Assignment())
		if (goErr == nil) != (circuitErr == nil) {
			t.Fatalf("Go checker: %v; circuit: %v\nlimits %+v\nstate %v prices %v seconds %d actions %+v", goErr, circuitErr, l, s.X, p, seconds, actions)
		}
	})
}

// TestDifferentialCoverage keeps the fuzz generator honest: a fair share of its
// draws must be accepted epochs with actions, and every corridor must reject some.
func TestDifferentialCoverage(t *testing.T) {
	accepted := 0
	rejected := map[string]int{}
	kinds := map[corridor.Kind]int{}
	for n := range 6000 {
		l, s, p, seconds, actions := epochFromSeed([]byte(fmt.Sprintf("coverage-%d", n)))
		_, err := corridor.CheckEpoch(l, s, p, seconds, actions)
		var v *corridor.Violation
		switch {
		case err == nil && len(actions) > 0:
			accepted++
			for _, a := range actions {
				kinds[a.Kind]++
			}
		case errors.As(err, &v):
			rejected[v.Corridor]++
		}
	}
	t.Logf("accepted with actions: %d/6000 (kinds %v); rejected by corridor: %v", accepted, kinds, rejected)
	if accepted < 500 {
		t.Errorf("only %d of 6000 draws are accepted epochs with actions", accepted)
	}
	for k := corridor.Swap; k <= corridor.Outflow; k++ {
		if kinds[k] == 0 {
			t.Errorf("no accepted epoch has a %s", k)
		}
	}
	for _, c := range []string{"paused", "allowed-assets", "allowed-venues", "non-negative", "notional-cap", "slippage", "favourable-fill",
		"weight-band", "liquidity-buffer", "turnover-cap", "loss-budget", "outflow-cap", "accrual", "venue-cap", "venue-kind",
		"action-shape", "epoch-length", "empty-action"} {
		if rejected[c] == 0 {
			t.Errorf("no draw is rejected by the %s corridor", c)
		}
	}
}

// TestProveBothBackends proves an honest epoch with Groth16 and PLONK.
func TestProveBothBackends(t *testing.T) {
	if testing.Short() {
		t.Skip("proves twice")
	}
	c := build(t, baseLimits(), baseState(), basePrices, day, []corridor.Action{sellWETH(50, 500)}, 2)
	bad := c.Assignment()
	bad.Actions[0].AmountOut = uint64(499)
	shape, _ := compliance.NewCircuit(c.Params)
	test.NewAssert(t).CheckCircuit(shape, test.WithValidAssignment(c.Assignment()), test.WithInvalidAssignment(bad),
		test.WithCurves(ecc.BN254), test.WithBackends(backend.GROTH16, backend.PLONK), test.NoFuzzing(), test.NoSerializationChecks())
}

func TestConstraintsPerAction(t *testing.T) {
	for _, mode := range []bound.Mode{bound.Lookup, bound.Bits} {
		small := compile(t, compliance.Params{Actions: 2, Assets: 3, Venues: 3, RangeCheck: mode}).GetNbConstraints()
		large := compile(t, compliance.Params{Actions: 4, Assets: 3, Venues: 3, RangeCheck: mode}).GetNbConstraints()
		t.Logf("%s: %d constraints per action (A=3, V=3)", mode, (large-small)/2)
		if per := (large - small) / 2; per > 5000 {
			t.Errorf("%s: %d constraints per action, over 5000", mode, per)
		}
	}
}

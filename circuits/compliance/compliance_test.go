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
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/frontend/cs/r1cs"
	"github.com/consensys/gnark/test"

	"github.com/zktreasury/zktreasury/circuits/compliance"
	"github.com/zktreasury/zktreasury/circuits/gadget/bound"
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
		WeightMinBps: []uint32{2000, 0, 3000}, WeightMaxBps: []uint32{6000, 3000, 7000},
		NotionalCap: big.NewInt(1000), TurnoverCap: big.NewInt(3000), LossBudget: big.NewInt(100),
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

var basePrices = corridor.Prices{1, 1, 10}

func sellWETH(n, out uint64) corridor.Action {
	return corridor.Action{Venue: uniswap, AssetIn: weth, VenueIn: vault, AmountIn: n, AssetOut: usdc, VenueOut: vault, AmountOut: out}
}

func buyWETH(in, n uint64) corridor.Action {
	return corridor.Action{Venue: uniswap, AssetIn: usdc, VenueIn: vault, AmountIn: in, AssetOut: weth, VenueOut: vault, AmountOut: n}
}

func move(asset, from, to int, n uint64) corridor.Action {
	return corridor.Action{Venue: aave, AssetIn: asset, VenueIn: from, AmountIn: n, AssetOut: asset, VenueOut: to, AmountOut: n}
}

func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

// varsFromLimits encodes corridor limits as the committed policy parameters.
func varsFromLimits(l *corridor.Limits) policy.Vars {
	nA, nV := len(l.AllowedAsset), len(l.AllowedVenue)
	v := policy.NewVars(nA, nV)
	v.ValueDecimals, v.Paused, v.MinRatioBps = uint64(12), b2u(l.Paused), uint64(l.MinRatioBps)
	v.NotionalCap, v.TurnoverCap, v.LossBudget = new(big.Int).Set(l.NotionalCap), new(big.Int).Set(l.TurnoverCap), new(big.Int).Set(l.LossBudget)
	v.MaxSlippageBps, v.BufferFloorBps = uint64(l.MaxSlippageBps), uint64(l.BufferFloorBps)
	for a := range nA {
		v.Assets[a] = policy.AssetVars{CircuitDecimals: uint64(6), Allowed: b2u(l.AllowedAsset[a]), Stable: b2u(l.Stable[a]), Coverage: uint64(0),
			TargetWeightBps: uint64(l.WeightMinBps[a]), WeightMinBps: uint64(l.WeightMinBps[a]), WeightMaxBps: uint64(l.WeightMaxBps[a])}
		for vi := range nV {
			v.HaircutBps[a][vi] = uint64(l.HaircutBps[a][vi])
		}
	}
	for vi := range nV {
		v.Venues[vi] = policy.VenueVars{Allowed: b2u(l.AllowedVenue[vi]), CapValue: uint64(0)}
	}
	return v
}

func build(t testing.TB, l *corridor.Limits, s corridor.State, p corridor.Prices, actions []corridor.Action, slots int) *statement.Compliance {
	t.Helper()
	c, err := statement.BuildCompliance(statement.ComplianceInputs{Policy: varsFromLimits(l), Prices: p, Prev: s.X, Actions: actions,
		Epoch: 9, PrevSalt: hashing.FromUint64(11), NewSalt: hashing.FromUint64(12), ActionsSalt: hashing.FromUint64(13), Slots: slots})
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
	tests := []struct {
		name    string
		limits  func(*corridor.Limits)
		actions []corridor.Action
		ok      bool
	}{
		{"honest swap", nil, []corridor.Action{sellWETH(100, 990)}, true},
		{"no actions", nil, nil, true},
		{"paused", func(l *corridor.Limits) { l.Paused = true }, []corridor.Action{sellWETH(100, 990)}, false},
		{"paused, no actions", func(l *corridor.Limits) { l.Paused = true }, nil, true},
		{"execution venue not allowed", func(l *corridor.Limits) { l.AllowedVenue[uniswap] = false }, []corridor.Action{sellWETH(100, 990)}, false},
		{"venue out not allowed", func(l *corridor.Limits) { l.AllowedVenue[aave] = false }, []corridor.Action{move(usdc, vault, aave, 10)}, false},
		{"asset out not allowed", func(l *corridor.Limits) { l.AllowedAsset[usdc] = false }, []corridor.Action{sellWETH(100, 990)}, false},
		{"selling a disallowed asset", func(l *corridor.Limits) { l.AllowedAsset[weth] = false }, []corridor.Action{sellWETH(100, 990)}, true},
		{"notional at cap", nil, []corridor.Action{sellWETH(100, 990)}, true},
		{"notional one unit over cap", func(l *corridor.Limits) { l.NotionalCap = big.NewInt(999) }, []corridor.Action{sellWETH(100, 990)}, false},
		{"slippage at max", nil, []corridor.Action{sellWETH(100, 990)}, true},
		{"slippage one unit over", nil, []corridor.Action{sellWETH(100, 989)}, false},
		{"weight lands on max", func(l *corridor.Limits) { l.WeightMaxBps[weth] = 5010 }, []corridor.Action{buyWETH(10, 1)}, true},
		{"weight one bps over max", func(l *corridor.Limits) { l.WeightMaxBps[weth] = 5009 }, []corridor.Action{buyWETH(10, 1)}, false},
		{"outside band, moving toward it", func(l *corridor.Limits) { l.WeightMaxBps[weth] = 4500 }, []corridor.Action{sellWETH(10, 100)}, true},
		{"outside band, moving further outside", func(l *corridor.Limits) { l.WeightMaxBps[weth] = 4500 }, []corridor.Action{buyWETH(10, 1)}, false},
		{"buffer lands on floor", func(l *corridor.Limits) { l.BufferFloorBps = 4990 }, []corridor.Action{buyWETH(10, 1)}, true},
		{"buffer one bps under floor and falling", func(l *corridor.Limits) { l.BufferFloorBps = 4991 }, []corridor.Action{buyWETH(10, 1)}, false},
		{"below floor, rising", func(l *corridor.Limits) { l.BufferFloorBps = 6000 }, []corridor.Action{sellWETH(10, 100)}, true},
		{"turnover at cap", nil, three, true},
		{"turnover one unit over", func(l *corridor.Limits) { l.TurnoverCap = big.NewInt(2999) }, three, false},
		{"loss at budget", func(l *corridor.Limits) { l.LossBudget = big.NewInt(30) }, three, true},
		{"loss one unit over budget", func(l *corridor.Limits) { l.LossBudget = big.NewInt(29) }, three, false},
		{"untouched asset pushed out of band by the epoch", func(l *corridor.Limits) { l.WeightMaxBps[dai] = 1000 }, []corridor.Action{sellWETH(100, 990)}, false},
		{"position exactly emptied", func(l *corridor.Limits) { l.NotionalCap = big.NewInt(1 << 40); l.TurnoverCap = big.NewInt(1 << 40) }, []corridor.Action{move(usdc, vault, aave, 4000)}, true},
		{"negative mid-epoch, recovered by the end", func(l *corridor.Limits) { l.NotionalCap = big.NewInt(1 << 40); l.TurnoverCap = big.NewInt(1 << 40) },
			[]corridor.Action{move(usdc, vault, aave, 4001), move(usdc, aave, vault, 4001)}, false},
		{"empty action", nil, []corridor.Action{{Venue: aave, AssetIn: usdc, VenueIn: aave, AssetOut: usdc, VenueOut: aave}}, false},
		{"accrual", nil, []corridor.Action{{Venue: aave, AssetIn: usdc, VenueIn: aave, AssetOut: usdc, VenueOut: aave, AmountOut: 5}}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			l := baseLimits()
			if tc.limits != nil {
				tc.limits(l)
			}
			_, goErr := corridor.CheckEpoch(l, baseState(), basePrices, tc.actions)
			if (goErr == nil) != tc.ok {
				t.Fatalf("Go checker: err = %v, want ok = %v", goErr, tc.ok)
			}
			err := solved(t, build(t, l, baseState(), basePrices, tc.actions, 3).Assignment())
			if (err == nil) != tc.ok {
				t.Fatalf("circuit: err = %v, want ok = %v", err, tc.ok)
			}
		})
	}
}

// TestCheats: the honest epoch proves; each deviation from the committed log,
// state or policy does not.
func TestCheats(t *testing.T) {
	a, b, c := sellWETH(50, 500), move(usdc, vault, aave, 100), sellWETH(20, 200)
	honest := build(t, baseLimits(), baseState(), basePrices, []corridor.Action{a, b}, 3)
	if err := solved(t, honest.Assignment()); err != nil {
		t.Fatalf("honest epoch rejected: %v", err)
	}
	// Witnesses whose actions differ from the committed log: everything but the
	// actions commitment is rebuilt for the cheating actions.
	forLog := func(actions []corridor.Action) *compliance.Circuit {
		w := build(t, baseLimits(), baseState(), basePrices, actions, 3).Assignment()
		w.ActionsCommitment = honest.ActionsCommitment
		return w
	}
	cheats := map[string]*compliance.Circuit{
		"action skipped":    forLog([]corridor.Action{a}),
		"action added":      forLog([]corridor.Action{a, b, c}),
		"actions reordered": forLog([]corridor.Action{b, a}),
		"amount changed":    forLog([]corridor.Action{sellWETH(50, 501), b}),
	}
	w := honest.Assignment()
	w.Positions[usdc][vault] = uint64(4001)
	cheats["previous state is not the committed one"] = w
	w = honest.Assignment()
	w.Policy.MaxSlippageBps = uint64(10000)
	cheats["policy parameters do not hash to the committed policy"] = w
	w = honest.Assignment()
	w.ActionCount = 1
	cheats["action count lowered"] = w
	w = honest.Assignment()
	w.Actions[2] = compliance.Action{Venue: aave, AssetIn: usdc, VenueIn: vault, AmountIn: uint64(1), AssetOut: usdc, VenueOut: aave, AmountOut: uint64(1)}
	cheats["an inactive slot moves funds"] = w
	w = honest.Assignment()
	w.ActionCount = 4
	cheats["action count above the slots"] = w
	w = honest.Assignment()
	var one fr.Element
	one.SetOne()
	nc := honest.NewCommitment
	nc.Add(&nc, &one)
	w.NewStateCommitment = nc
	cheats["new state is not the committed one"] = w
	w = honest.Assignment()
	w.Epoch = 8
	cheats["epoch changed (the chain starts from the epoch)"] = w
	for name, w := range cheats {
		t.Run(name, func(t *testing.T) {
			if err := solved(t, w); err == nil {
				t.Fatal("cheating witness satisfied the circuit")
			}
		})
	}
	// Paused with a committed paused policy: the epoch's actions are refused
	// even though the log and states are consistent.
	l := baseLimits()
	l.Paused = true
	if err := solved(t, build(t, l, baseState(), basePrices, []corridor.Action{a}, 3).Assignment()); err == nil {
		t.Fatal("action while paused satisfied the circuit")
	}
}

// epochFromSeed draws a random policy, state, prices and actions from seed. Most
// draws are plausible (amounts within the slot held, outputs near the oracle
// value, bands often wide), so that accepted epochs with actions are common and
// every corridor is exercised near its boundary.
func epochFromSeed(seed []byte) (*corridor.Limits, corridor.State, corridor.Prices, []corridor.Action) {
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
	}
	l.NotionalCap = big.NewInt(int64(next(60000)))
	l.TurnoverCap = big.NewInt(int64(next(150000)))
	l.LossBudget = big.NewInt(int64(next(3000)))
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
	var actions []corridor.Action
	x := s.Clone()
	n := int(next(4))
	if next(8) != 0 && n == 0 {
		n = 1
	}
	for range n {
		act := corridor.Action{Venue: int(next(3)), AssetIn: int(next(3)), VenueIn: int(next(3)), AssetOut: int(next(3)), VenueOut: int(next(3))}
		for try := 0; try < 4 && x.X[act.AssetIn][act.VenueIn] == 0; try++ {
			act.AssetIn, act.VenueIn = int(next(3)), int(next(3))
		}
		held := x.X[act.AssetIn][act.VenueIn]
		if next(8) == 0 {
			act.AmountIn = next(1500)
		} else {
			act.AmountIn = next(held + 1)
		}
		fair := act.AmountIn * p[act.AssetIn] / p[act.AssetOut]
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
		if act.AmountIn <= x.X[act.AssetIn][act.VenueIn] {
			x.X[act.AssetIn][act.VenueIn] -= act.AmountIn
			x.X[act.AssetOut][act.VenueOut] += act.AmountOut
		}
		actions = append(actions, act)
	}
	return l, s, p, actions
}

// FuzzDifferential draws random states, policies and actions and requires the Go
// reference checker to accept exactly when the circuit is satisfiable.
func FuzzDifferential(f *testing.F) {
	f.Add([]byte("zktreasury"))
	f.Add([]byte{0, 0, 0, 0})
	f.Add([]byte{0xff, 0x10, 0x80, 0x33, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08})
	for i := range 24 {
		f.Add([]byte(fmt.Sprintf("seed-%d-%d", i, i*i)))
	}
	f.Fuzz(func(t *testing.T, seed []byte) {
		l, s, p, actions := epochFromSeed(seed)
		_, goErr := corridor.CheckEpoch(l, s, p, actions)
		circuitErr := solved(t, build(t, l, s, p, actions, 3).Assignment())
		if (goErr == nil) != (circuitErr == nil) {
			t.Fatalf("Go checker: %v; circuit: %v\nlimits %+v\nstate %v prices %v actions %+v", goErr, circuitErr, l, s.X, p, actions)
		}
	})
}

// TestDifferentialCoverage keeps the fuzz generator honest: a fair share of its
// draws must be accepted epochs with actions, and every corridor must reject some.
func TestDifferentialCoverage(t *testing.T) {
	accepted := 0
	rejected := map[string]int{}
	for n := range 4000 {
		l, s, p, actions := epochFromSeed([]byte(fmt.Sprintf("coverage-%d", n)))
		_, err := corridor.CheckEpoch(l, s, p, actions)
		var v *corridor.Violation
		switch {
		case err == nil && len(actions) > 0:
			accepted++
		case errors.As(err, &v):
			rejected[v.Corridor]++
		}
	}
	t.Logf("accepted with actions: %d/4000; rejected by corridor: %v", accepted, rejected)
	if accepted < 400 {
		t.Errorf("only %d of 4000 draws are accepted epochs with actions", accepted)
	}
	for _, c := range []string{"paused", "allowed-assets", "allowed-venues", "non-negative", "notional-cap", "slippage", "weight-band", "liquidity-buffer", "turnover-cap", "loss-budget"} {
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
	c := build(t, baseLimits(), baseState(), basePrices, []corridor.Action{sellWETH(50, 500)}, 2)
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

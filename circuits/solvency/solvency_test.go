package solvency_test

import (
	"fmt"
	"math/big"
	"strings"
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/consensys/gnark/backend"
	"github.com/consensys/gnark/constraint"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/frontend/cs/r1cs"
	"github.com/consensys/gnark/frontend/cs/scs"
	"github.com/consensys/gnark/test"
	"github.com/shopspring/decimal"

	"github.com/zktreasury/zktreasury/circuits/gadget/bound"
	"github.com/zktreasury/zktreasury/circuits/gadget/poseidon"
	"github.com/zktreasury/zktreasury/circuits/solvency"
	"github.com/zktreasury/zktreasury/prover/hashing"
	"github.com/zktreasury/zktreasury/prover/liabtree"
	"github.com/zktreasury/zktreasury/prover/statement"
	"github.com/zktreasury/zktreasury/treasury"
)

// fixture builds a small solvent statement: nAssets assets (the first stable),
// two venues, nUsers users, at ratio 10000 with a 1% haircut at the second venue.
func fixture(t testing.TB, nAssets, nUsers, capacity int, mode bound.Mode, mutate func(*treasury.Policy, *treasury.Positions, *treasury.Ledger)) *statement.Solvency {
	t.Helper()
	pol := &treasury.Policy{Version: 1, ValueDecimals: 12, MinSolvencyRatioBps: 10000,
		NotionalCapUSD: decimal.RequireFromString("1000000"), TurnoverCapUSDPerDay: decimal.RequireFromString("5000000"), OutflowCapUSDPerDay: decimal.RequireFromString("5000000"), MinEpochSeconds: 3600,
		MaxSlippageBps: 50, LossBudgetUSDPerDay: decimal.RequireFromString("10000"), LiquidityBufferBps: 1000}
	pol.Venues = []treasury.VenuePolicy{{ID: "vault", Kind: "custody", Allowed: true}, {ID: "aave", Kind: "lending", Allowed: true}}
	prices := &treasury.Prices{}
	for a := range nAssets {
		w := uint32(10000 / nAssets)
		if a == 0 {
			w += uint32(10000 % nAssets)
		}
		pol.Assets = append(pol.Assets, treasury.AssetPolicy{Symbol: fmt.Sprintf("A%d", a), Decimals: 18, CircuitDecimals: 6,
			Stable: a == 0, Allowed: true, Coverage: a == 0, TargetWeightBps: w, WeightMinBps: 0, WeightMaxBps: 10000,
			HaircutsBps: map[string]uint32{"vault": 0, "aave": 100}})
		prices.USD = append(prices.USD, decimal.NewFromInt(int64(1+a*1000)))
	}
	if err := pol.Validate("fixture"); err != nil {
		t.Fatal(err)
	}
	pos := treasury.NewPositions(pol)
	led := &treasury.Ledger{}
	for u := range nUsers {
		ub := treasury.UserBalance{ID: fmt.Sprintf("user-%d", u)}
		for a := range nAssets {
			ub.Balance = append(ub.Balance, decimal.NewFromInt(int64(u*7+a+1)).Div(decimal.NewFromInt(100)))
		}
		led.Users = append(led.Users, ub)
	}
	for a, tot := range led.Totals(nAssets) {
		pos.Amount[a][0] = tot.Mul(decimal.RequireFromString("1.2"))
		pos.Amount[a][1] = decimal.RequireFromString("0.5")
	}
	if mutate != nil {
		mutate(pol, pos, led)
	}
	sec := &statement.Secrets{StateSalt: hashing.FromUint64(42), UserSaltKey: hashing.FromUint64(7)}
	s, err := statement.BuildSolvency(statement.SolvencyInputs{Policy: pol, Prices: prices, Positions: pos, Ledger: led,
		Secrets: sec, Epoch: 3, Capacity: capacity, RangeCheck: mode})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// compiled caches constraint systems per builder and params.
var compiled = map[string]constraint.ConstraintSystem{}

func compile(t testing.TB, p solvency.Params, plonk bool) constraint.ConstraintSystem {
	t.Helper()
	key := fmt.Sprintf("%s-%v", p, plonk)
	if ccs, ok := compiled[key]; ok {
		return ccs
	}
	c, err := solvency.NewCircuit(p)
	if err != nil {
		t.Fatal(err)
	}
	var b frontend.NewBuilder = r1cs.NewBuilder
	if plonk {
		b = scs.NewBuilder
	}
	ccs, err := frontend.Compile(ecc.BN254.ScalarField(), b, c)
	if err != nil {
		t.Fatal(err)
	}
	compiled[key] = ccs
	return ccs
}

func toFr(v frontend.Variable) fr.Element {
	var e fr.Element
	switch x := v.(type) {
	case fr.Element:
		return x
	case uint64:
		e.SetUint64(x)
	case int:
		e.SetInt64(int64(x))
	case *big.Int:
		e.SetBigInt(x)
	default:
		panic(fmt.Sprintf("toFr: %T", v))
	}
	return e
}

// Which commitment a cheat targets, and so must not be recomputed over the
// cheating witness. Every other one is.
type binding int

const (
	rebindAll  binding = iota // the target is not a commitment: recompute all
	keepRoot                  // the target is the liabilities root's binding
	keepState                 // the target is the state commitment's binding
	keepPolicy                // the target is the policy commitment's binding
)

// canonicalBalances returns the in-range balances that pack into the same leaf
// elements as a row of (possibly cheating) field values, so that the leaf can be
// recomputed with the native liabtree.Leaf. Balances enter a leaf only through
// their packed elements: a row of out-of-range values whose packed elements are
// below 2^(64·k) hashes to the leaf of their base-2^64 digits.
func canonicalBalances(t testing.TB, row []frontend.Variable) []uint64 {
	t.Helper()
	out := make([]uint64, len(row))
	base := new(big.Int).Lsh(big.NewInt(1), solvency.AmountBits)
	for j := 0; j < len(row); j += solvency.PackPerElement {
		end := min(j+solvency.PackPerElement, len(row))
		var packed fr.Element
		for k := end - 1; k >= j; k-- {
			var sh fr.Element
			sh.SetBigInt(base)
			packed.Mul(&packed, &sh)
			b := toFr(row[k])
			packed.Add(&packed, &b)
		}
		v := packed.BigInt(new(big.Int))
		if v.BitLen() > solvency.AmountBits*(end-j) {
			t.Fatalf("balances %v pack to %s, which no in-range balances do: the cheat cannot be rebound natively", row[j:end], v)
		}
		for k := j; k < end; k++ {
			out[k] = new(big.Int).Mod(v, base).Uint64()
			v.Rsh(v, solvency.AmountBits)
		}
	}
	return out
}

// rebind recomputes, with the native functions (liabtree, statement, hashing),
// every commitment of an assignment that may hold cheating values except the one
// the cheat targets, so that only the targeted constraint can reject it.
func rebind(t testing.TB, c *solvency.Circuit, keep binding) {
	t.Helper()
	if keep != keepRoot {
		leaves := make([]fr.Element, len(c.UserHashes))
		for i := range leaves {
			var err error
			if leaves[i], err = liabtree.Leaf(toFr(c.UserHashes[i]), canonicalBalances(t, c.Balances[i])); err != nil {
				t.Fatal(err)
			}
		}
		tree, err := liabtree.Build(leaves)
		if err != nil {
			t.Fatal(err)
		}
		c.LiabilitiesRoot = tree.Root()
	}
	if keep != keepState {
		// The hash statement.StateCommitment computes, over field elements:
		// positions may be out-of-range cheats that no uint64 holds
		// (TestRebindIsNative holds the two together).
		el := []fr.Element{toFr(c.StateSalt)}
		for _, row := range c.Positions {
			for _, x := range row {
				el = append(el, toFr(x))
			}
		}
		c.StateCommitment = hashing.Hash(poseidon.TagState, el...)
	}
	if keep != keepPolicy {
		pc, err := statement.PolicyCommitment(c.Policy)
		if err != nil {
			t.Fatal(err)
		}
		c.PolicyCommitment = pc
	}
}

func solved(t testing.TB, ccs constraint.ConstraintSystem, c *solvency.Circuit) error {
	t.Helper()
	w, err := frontend.NewWitness(c, ecc.BN254.ScalarField())
	if err != nil {
		t.Fatal(err)
	}
	return ccs.IsSolved(w)
}

var pMinus1 = new(big.Int).Sub(fr.Modulus(), big.NewInt(1))

func TestHonestWitnessSatisfiesBothBuilders(t *testing.T) {
	for _, mode := range []bound.Mode{bound.Lookup, bound.Bits} {
		for _, nA := range []int{1, 3, 4} {
			s := fixture(t, nA, 13, 16, mode, nil)
			if err := s.Check(); err != nil {
				t.Fatalf("fixture not solvent: %v", err)
			}
			for _, plonk := range []bool{false, true} {
				if err := solved(t, compile(t, s.Params, plonk), s.Assignment()); err != nil {
					t.Errorf("%s plonk=%v: honest witness rejected: %v", s.Params, plonk, err)
				}
			}
		}
	}
}

// TestRebindIsNative: rebinding an honest witness reproduces the statement's own
// commitments, so the test's rebinding is the prover's.
func TestRebindIsNative(t *testing.T) {
	s := fixture(t, 4, 13, 16, bound.Lookup, nil)
	c := s.Assignment()
	rebind(t, c, rebindAll)
	for _, x := range []struct {
		name      string
		got, want frontend.Variable
	}{{"liabilities root", c.LiabilitiesRoot, s.Root()}, {"state", c.StateCommitment, s.StateCommitment},
		{"policy", c.PolicyCommitment, s.PolicyCommitment}} {
		if g, w := toFr(x.got), toFr(x.want); !g.Equal(&w) {
			t.Errorf("rebound %s commitment %s, statement has %s", x.name, g.String(), w.String())
		}
	}
}

func pow2(n uint) *big.Int { return new(big.Int).Lsh(big.NewInt(1), n) }

// minus returns p - x, the field's -x.
func minus(x *big.Int) *big.Int { return new(big.Int).Sub(fr.Modulus(), x) }

// TestCheats: each cheat starts from a fresh honest witness, changes only what it
// targets and recomputes every other commitment natively (rebind), so that only
// the targeted constraint can reject it; a "control:" entry must be accepted.
// Each constraint of the solvency circuit has a cheat here that only it rejects
// (constraint-mutants checks this by deleting each one in turn).
func TestCheats(t *testing.T) {
	type cheat struct {
		name   string
		keep   binding // the commitment the cheat targets, left as the statement's
		mutate func(c *solvency.Circuit, s *statement.Solvency)
	}
	u := func(s *statement.Solvency, i, a int) uint64 { return s.Users[i].Balances[a] }
	// Asset 0 (price 1, coverage on) holds nothing: still solvent in total.
	assetShort := func(c *solvency.Circuit) {
		for v := range c.Positions[0] {
			c.Positions[0][v] = 0
		}
	}
	cheats := []cheat{
		{"control: the honest witness with every commitment recomputed", rebindAll, func(c *solvency.Circuit, s *statement.Solvency) {}},

		// Range checks of the balances (the packing is injective only with them).
		{"a negative balance (p-1) hides a liability", rebindAll, func(c *solvency.Circuit, s *statement.Solvency) {
			c.Balances[0][1] = pMinus1
		}},
		{"balances shifted by 2^64 across packed slots: same leaves, same totals", rebindAll, func(c *solvency.Circuit, s *statement.Solvency) {
			c.Balances[0][0] = new(big.Int).Add(pow2(64), new(big.Int).SetUint64(u(s, 0, 0)))
			c.Balances[0][1] = u(s, 0, 1) - 1
			c.Balances[1][0] = new(big.Int).Add(minus(pow2(64)), new(big.Int).SetUint64(u(s, 1, 0)))
			c.Balances[1][1] = u(s, 1, 1) + 1
		}},

		// The liabilities root binds every leaf, its order and its user.
		{"a leaf's balance lowered (root kept)", keepRoot, func(c *solvency.Circuit, s *statement.Solvency) {
			c.Balances[2][0] = u(s, 2, 0) - 1
		}},
		{"a non-empty leaf left out of the totals (root kept)", keepRoot, func(c *solvency.Circuit, s *statement.Solvency) {
			for a := range c.Balances[5] {
				c.Balances[5][a] = 0
			}
		}},
		{"a leaf's user hash changed (root kept)", keepRoot, func(c *solvency.Circuit, s *statement.Solvency) {
			c.UserHashes[1] = hashing.FromUint64(12345)
		}},
		{"two assets' balances swapped in every leaf (root kept)", keepRoot, func(c *solvency.Circuit, s *statement.Solvency) {
			for i := range c.Balances {
				c.Balances[i][1], c.Balances[i][2] = c.Balances[i][2], c.Balances[i][1]
			}
		}},
		{"two leaves swapped (root kept)", keepRoot, func(c *solvency.Circuit, s *statement.Solvency) {
			c.UserHashes[0], c.UserHashes[1] = c.UserHashes[1], c.UserHashes[0]
			c.Balances[0], c.Balances[1] = c.Balances[1], c.Balances[0]
		}},

		// Range checks of the public inputs.
		{"a price of 2^64", rebindAll, func(c *solvency.Circuit, s *statement.Solvency) {
			c.Prices[0] = pow2(64)
		}},
		{"a negative price (p-1)", rebindAll, func(c *solvency.Circuit, s *statement.Solvency) {
			c.Prices[0] = pMinus1
		}},
		{"an epoch of 2^64", rebindAll, func(c *solvency.Circuit, s *statement.Solvency) {
			c.Epoch = pow2(64)
		}},

		// The policy commitment binds the parameters used.
		{"a haircut lowered (policy commitment kept)", keepPolicy, func(c *solvency.Circuit, s *statement.Solvency) {
			c.Policy.HaircutBps[1][1] = uint64(0)
		}},
		{"asset 0 short, its coverage flag cleared (policy commitment kept)", keepPolicy, func(c *solvency.Circuit, s *statement.Solvency) {
			assetShort(c)
			c.Policy.Assets[0].Coverage = uint64(0)
		}},

		// What a committed policy may hold.
		{"a negative haircut (p-1) inflates reserves", rebindAll, func(c *solvency.Circuit, s *statement.Solvency) {
			c.Policy.HaircutBps[1][1] = pMinus1
		}},
		{"a haircut of 10001 bps (above 100%)", rebindAll, func(c *solvency.Circuit, s *statement.Solvency) {
			c.Policy.HaircutBps[1][1] = uint64(10001)
		}},
		// A ratio lowered against the commitment is also below 100%: the ratio
		// checks, not the commitment, are what these two isolate.
		{"a ratio of 50% (committed) calls 60% reserves solvent", rebindAll, func(c *solvency.Circuit, s *statement.Solvency) {
			c.Policy.MinRatioBps = uint64(5000)
			for a := range c.Positions {
				for v := range c.Positions[a] {
					c.Positions[a][v] = s.Positions[a][v] / 2
				}
			}
		}},
		{"a ratio of 2^32 bps (committed) with no liabilities", rebindAll, func(c *solvency.Circuit, s *statement.Solvency) {
			c.Policy.MinRatioBps = pow2(32)
			for i := range c.Balances {
				for a := range c.Balances[i] {
					c.Balances[i][a] = 0
				}
			}
		}},
		{"control: asset 0 short, its coverage flag 0", rebindAll, func(c *solvency.Circuit, s *statement.Solvency) {
			assetShort(c)
			c.Policy.Assets[0].Coverage = uint64(0)
		}},
		{"asset 0 short on its own, its coverage flag 1", rebindAll, func(c *solvency.Circuit, s *statement.Solvency) {
			assetShort(c)
		}},
		{"asset 0 short, a coverage flag of p-1 negates the shortfall", rebindAll, func(c *solvency.Circuit, s *statement.Solvency) {
			assetShort(c)
			c.Policy.Assets[0].Coverage = pMinus1
		}},

		// The state commitment binds the positions; their range checks.
		{"a position raised (state commitment kept)", keepState, func(c *solvency.Circuit, s *statement.Solvency) {
			c.Positions[0][0] = s.Positions[0][0] + 1
		}},
		{"the state commitment changed", keepState, func(c *solvency.Circuit, s *statement.Solvency) {
			e := toFr(c.StateCommitment)
			var one fr.Element
			one.SetOne()
			e.Add(&e, &one)
			c.StateCommitment = e
		}},
		{"a negative position (p-1) offset at another venue", rebindAll, func(c *solvency.Circuit, s *statement.Solvency) {
			c.Positions[1][1] = pMinus1
			c.Positions[1][0] = s.Positions[1][0] + 1
		}},
	}
	for _, mode := range []bound.Mode{bound.Lookup, bound.Bits} {
		s := fixture(t, 3, 13, 16, mode, nil)
		ccs := compile(t, s.Params, false)
		for _, ch := range cheats {
			t.Run(mode.String()+"/"+ch.name, func(t *testing.T) {
				c := s.Assignment()
				ch.mutate(c, s)
				rebind(t, c, ch.keep)
				err := solved(t, ccs, c)
				if strings.HasPrefix(ch.name, "control") {
					if err != nil {
						t.Fatalf("control rejected: %v", err)
					}
					return
				}
				if err == nil {
					t.Fatal("cheating witness satisfied the circuit")
				}
			})
		}
	}
}

// TestReservesBoundary: reserves exactly at the ratio prove; one unit short does
// not, in total and for an asset that must be covered on its own.
func TestReservesBoundary(t *testing.T) {
	// One asset at price 1 USD per circuit unit scale, no haircut at the vault:
	// required = L * 10000, reserves = x * 10000 (value units scale cancels).
	exact := func(short int64, coverage bool) *statement.Solvency {
		return fixture(t, 2, 5, 16, bound.Lookup, func(p *treasury.Policy, pos *treasury.Positions, l *treasury.Ledger) {
			p.Assets[0].Coverage = coverage
			tot := l.Totals(2)
			// Asset 1 must pay for asset 0's shortfall in the total check unless
			// coverage is per asset, so give it exactly its own liabilities.
			pos.Amount[1][0] = tot[1]
			pos.Amount[1][1] = decimal.Zero
			pos.Amount[0][1] = decimal.Zero
			pos.Amount[0][0] = tot[0].Sub(decimal.New(short, -6))
			if !coverage {
				// Total check only: shift the shortfall entirely to the total.
				p.Assets[0].Coverage = false
			}
		})
	}
	for _, coverage := range []bool{false, true} {
		ok := exact(0, coverage)
		if err := ok.Check(); err != nil {
			t.Fatalf("coverage=%v: exact reserves not solvent natively: %v", coverage, err)
		}
		ccs := compile(t, ok.Params, false)
		if err := solved(t, ccs, ok.Assignment()); err != nil {
			t.Fatalf("coverage=%v: exact reserves rejected: %v", coverage, err)
		}
		short := exact(1, coverage)
		if err := short.Check(); err == nil {
			t.Fatalf("coverage=%v: one unit short passes the native check", coverage)
		}
		if err := solved(t, ccs, short.Assignment()); err == nil {
			t.Fatalf("coverage=%v: one unit short satisfied the circuit", coverage)
		}
	}
}

// TestPerAssetCoverage: a surplus in one asset cannot hide a shortfall in an asset
// the policy wants covered on its own.
func TestPerAssetCoverage(t *testing.T) {
	s := fixture(t, 2, 5, 16, bound.Lookup, func(p *treasury.Policy, pos *treasury.Positions, l *treasury.Ledger) {
		p.Assets[0].Coverage = true
		tot := l.Totals(2)
		pos.Amount[0][0] = tot[0].Sub(decimal.New(1, -6))
		pos.Amount[0][1] = decimal.Zero
		pos.Amount[1][0] = tot[1].Mul(decimal.NewFromInt(10))
	})
	if s.Reserves.Cmp(s.Required) < 0 {
		t.Fatal("fixture should be solvent in total")
	}
	if err := s.Check(); err == nil {
		t.Fatal("native check missed the per-asset shortfall")
	}
	if err := solved(t, compile(t, s.Params, false), s.Assignment()); err == nil {
		t.Fatal("per-asset shortfall satisfied the circuit")
	}
}

// TestProveVerifyBothBackends runs the full prover and verifier of gnark's test
// harness (Groth16 and PLONK on BN254) on an honest and a cheating witness.
func TestProveVerifyBothBackends(t *testing.T) {
	if testing.Short() {
		t.Skip("proves twice")
	}
	s := fixture(t, 3, 10, 16, bound.Lookup, nil)
	good := s.Assignment()
	bad := s.Assignment()
	bad.Balances[0][0] = s.Users[0].Balances[0] + 1
	c, _ := solvency.NewCircuit(s.Params)
	assert := test.NewAssert(t)
	assert.CheckCircuit(c, test.WithValidAssignment(good), test.WithInvalidAssignment(bad),
		test.WithCurves(ecc.BN254), test.WithBackends(backend.GROTH16, backend.PLONK), test.NoFuzzing(), test.NoSerializationChecks())
}

package compliance_test

import (
	"math/big"
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/consensys/gnark/constraint/solver"
	"github.com/consensys/gnark/frontend"

	"github.com/zktreasury/zktreasury/circuits/compliance"
	"github.com/zktreasury/zktreasury/circuits/gadget/bound"
	"github.com/zktreasury/zktreasury/circuits/gadget/poseidon"
	"github.com/zktreasury/zktreasury/prover/hashing"
	"github.com/zktreasury/zktreasury/prover/statement"
	"github.com/zktreasury/zktreasury/treasury/corridor"
)

// Red-team isolation tests: constraints that no other test of this package
// isolates (../shared/tools/constraint-mutants, run with this package's tests
// only, reported them as survivors). Each cheat starts from a fresh honest
// witness and rebuilds every commitment except the one the constraint guards,
// so only that constraint can refuse it. They pass today.

// TestIsolatedPreviousState: positions other than S(n-1), with the new state
// commitment recomputed from them, are refused only by the previous-state
// commitment (TestCheats' variant also breaks the new commitment, which alone
// rejects it).
func TestIsolatedPreviousState(t *testing.T) {
	actions := []corridor.Action{sellWETH(50, 500), deposit(usdc, 100), inflow(dai, 7)}
	honest := build(t, baseLimits(), baseState(), basePrices, day, actions, 4)
	fake := baseState()
	fake.X[usdc][vault] += 1000
	forged := build(t, baseLimits(), fake, basePrices, day, actions, 4)
	if err := solved(t, forged.Assignment()); err != nil {
		t.Fatalf("control: the forged epoch is not compliant on its own, so the test would not isolate the commitment: %v", err)
	}
	w := honest.Assignment()
	for a := range fake.X {
		for v, x := range fake.X[a] {
			w.Positions[a][v] = x
		}
	}
	w.NewStateCommitment = forged.NewCommitment
	if err := solved(t, w); err == nil {
		t.Fatal("positions that are not the committed S(n-1) satisfied the circuit")
	}
}

// TestIsolatedHiddenAction: a compliant action in an inactive slot (after
// ActionCount), with the new state recomputed to include it, moves funds
// without entering the actions commitment; only "an inactive slot has kind 0"
// refuses it (TestCheats' inactive-slot variants also break other rules).
func TestIsolatedHiddenAction(t *testing.T) {
	logged := []corridor.Action{sellWETH(50, 500), deposit(usdc, 100), inflow(dai, 7)}
	hidden := deposit(dai, 10)
	honest := build(t, baseLimits(), baseState(), basePrices, day, logged, 4)
	all := build(t, baseLimits(), baseState(), basePrices, day, append(append([]corridor.Action(nil), logged...), hidden), 4)
	if err := solved(t, all.Assignment()); err != nil {
		t.Fatalf("control: the epoch with the hidden action logged is not compliant: %v", err)
	}
	w := honest.Assignment()
	w.Actions[3] = compliance.Action{Kind: uint64(hidden.Kind), Venue: hidden.Venue, AssetIn: hidden.AssetIn, AmountIn: hidden.AmountIn,
		AssetOut: hidden.AssetOut, AmountOut: hidden.AmountOut}
	w.NewStateCommitment = all.NewCommitment
	if err := solved(t, w); err == nil {
		t.Fatal("an unlogged action in an inactive slot satisfied the circuit")
	}
}

// chainOf is the actions commitment of epoch 9 with salt 13 (build's values)
// over packed actions given as field elements, so that a cheat may pack an
// amount no uint64 log entry can hold.
func chainOf(packed ...fr.Element) fr.Element {
	h := hashing.Hash(poseidon.TagActions, hashing.FromUint64(9), hashing.FromUint64(13))
	for _, p := range packed {
		h = hashing.MustCompress(2, h, p)
	}
	return h
}

// packField is compliance.PackShifts applied in the field.
func packField(parts ...*big.Int) fr.Element {
	v := new(big.Int)
	for i, p := range parts {
		v.Add(v, new(big.Int).Lsh(p, compliance.PackShifts[i]))
	}
	return hashing.FromBig(v.Mod(v, fr.Modulus()))
}

// TestIsolatedAmountsAndEmptySlots: cheats each refused by one constraint of
// a slot that no other test isolates: an accrual of r - 5 (a "negative"
// amountOut) takes 5 units out of a lending position without an outflow
// (the 64-bit check of amountOut; the prover's comparison hint orders "negative"
// field elements below 0, else the valueIn <= valueOut comparison's pinning
// would refuse it first); an inactive slot of kind 0 that credits or
// debits custody (the empty slot's zero amounts).
func TestIsolatedAmountsAndEmptySlots(t *testing.T) {
	s := lent()
	logged := []corridor.Action{deposit(usdc, 100)}
	honest := build(t, baseLimits(), s, basePrices, day, logged, 2)
	sum, err := corridor.CheckEpoch(baseLimits(), s, basePrices, day, logged)
	if err != nil {
		t.Fatal(err)
	}
	withState := func(w *compliance.Circuit, edit func(x [][]uint64)) *compliance.Circuit {
		x := sum.Final.Clone()
		edit(x.X)
		w.NewStateCommitment = statement.StateCommitment(hashing.FromUint64(12), x.X)
		return w
	}
	cases := map[string]func() *compliance.Circuit{
		"an accrual of r - 5 hides an outflow of 5 units": func() *compliance.Circuit {
			w := honest.Assignment()
			w.Actions[1] = compliance.Action{Kind: uint64(corridor.Accrue), Venue: aave, AssetIn: usdc, AmountIn: uint64(0), AssetOut: usdc, AmountOut: minus(5)}
			w.ActionCount = 2
			w.ActionsCommitment = chainOf(statement.PackAction(logged[0]),
				packField(big.NewInt(int64(corridor.Accrue)), big.NewInt(aave), big.NewInt(usdc), big.NewInt(usdc), big.NewInt(0), minus(5)))
			return withState(w, func(x [][]uint64) { x[usdc][aave] -= 5 })
		},
		"an empty slot credits custody": func() *compliance.Circuit {
			w := honest.Assignment()
			w.Actions[1] = compliance.Action{Kind: uint64(0), Venue: vault, AssetIn: dai, AmountIn: uint64(0), AssetOut: dai, AmountOut: uint64(7)}
			return withState(w, func(x [][]uint64) { x[dai][vault] += 7 })
		},
		"an empty slot debits custody": func() *compliance.Circuit {
			w := honest.Assignment()
			w.Actions[1] = compliance.Action{Kind: uint64(0), Venue: vault, AssetIn: dai, AmountIn: uint64(7), AssetOut: dai, AmountOut: uint64(0)}
			return withState(w, func(x [][]uint64) { x[dai][vault] -= 7 })
		},
	}
	if err := solved(t, honest.Assignment()); err != nil {
		t.Fatalf("control: %v", err)
	}
	half := new(big.Int).Rsh(fr.Modulus(), 1)
	signed := func(x *big.Int) *big.Int {
		if x.Cmp(half) > 0 {
			return new(big.Int).Sub(x, fr.Modulus())
		}
		return x
	}
	malicious := solver.OverrideHint(solver.GetHintID(bound.LessOrEqualHint), func(_ *big.Int, in, out []*big.Int) error {
		out[0].SetUint64(0)
		if signed(in[0]).Cmp(signed(in[1])) <= 0 {
			out[0].SetUint64(1)
		}
		return nil
	})
	// Control: the malicious hint agrees with the honest one on honest inputs.
	hw, err := frontend.NewWitness(honest.Assignment(), ecc.BN254.ScalarField())
	if err != nil {
		t.Fatal(err)
	}
	if err := compile(t, honest.Params).IsSolved(hw, malicious); err != nil {
		t.Fatalf("control with the malicious hint: %v", err)
	}
	for name, cheat := range cases {
		t.Run(name, func(t *testing.T) {
			w := cheat()
			wit, err := frontend.NewWitness(w, ecc.BN254.ScalarField())
			if err != nil {
				t.Fatal(err)
			}
			if err := compile(t, w.Params).IsSolved(wit, malicious); err == nil {
				t.Fatal("the cheat satisfied the circuit")
			}
		})
	}
}

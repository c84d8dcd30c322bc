package compliance_test

import (
	"testing"

	"github.com/zktreasury/zktreasury/circuits/compliance"
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

package statement_test

import (
	"math/big"
	"reflect"
	"testing"

	"github.com/consensys/gnark/frontend"

	"github.com/zktreasury/zktreasury/circuits/solvency"
	"github.com/zktreasury/zktreasury/prover/hashing"
	"github.com/zktreasury/zktreasury/prover/statement"
)

func buildSynthetic(t *testing.T) *statement.Solvency {
	t.Helper()
	in, err := statement.SyntheticInputs(5, 4, 3, 11)
	if err != nil {
		t.Fatal(err)
	}
	s, err := statement.BuildSolvency(in)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// scribble overwrites every value an assignment holds, through every slice it
// has, as a cheat in a test would.
func scribble(c *solvency.Circuit) {
	junk := func(v *frontend.Variable) {
		if b, ok := (*v).(*big.Int); ok {
			b.SetUint64(999_999) // in place: a shared pointer would show
			return
		}
		*v = uint64(999_999)
	}
	junk(&c.StateCommitment)
	junk(&c.LiabilitiesRoot)
	junk(&c.PolicyCommitment)
	junk(&c.Epoch)
	junk(&c.StateSalt)
	for i := range c.Prices {
		junk(&c.Prices[i])
	}
	for a := range c.Positions {
		for v := range c.Positions[a] {
			junk(&c.Positions[a][v])
		}
	}
	p := &c.Policy
	for _, v := range []*frontend.Variable{&p.ValueDecimals, &p.Paused, &p.MinRatioBps, &p.NotionalCap,
		&p.TurnoverCap, &p.MaxSlippageBps, &p.LossBudget, &p.BufferFloorBps} {
		junk(v)
	}
	for a := range p.Assets {
		x := &p.Assets[a]
		for _, v := range []*frontend.Variable{&x.CircuitDecimals, &x.Allowed, &x.Stable, &x.Coverage,
			&x.TargetWeightBps, &x.WeightMinBps, &x.WeightMaxBps} {
			junk(v)
		}
	}
	for i := range p.Venues {
		junk(&p.Venues[i].Allowed)
		junk(&p.Venues[i].CapValue)
	}
	for a := range p.HaircutBps {
		for v := range p.HaircutBps[a] {
			junk(&p.HaircutBps[a][v])
		}
	}
	for i := range c.UserHashes {
		c.UserHashes[i] = hashing.FromUint64(999_999)
		for a := range c.Balances[i] {
			junk(&c.Balances[i][a])
		}
	}
}

// TestAssignmentSharesNothing: an assignment owns all its slices. Editing every
// value of one (as a cheat test does) leaves the statement, and every later
// assignment made from it, exactly as built; before assignments deep-copied the
// policy, a cheat on a haircut leaked into every later cheat's witness.
func TestAssignmentSharesNothing(t *testing.T) {
	s, ref := buildSynthetic(t), buildSynthetic(t)
	if !reflect.DeepEqual(s, ref) {
		t.Fatal("BuildSolvency is not deterministic; the test cannot compare")
	}
	scribble(s.Assignment())
	if !reflect.DeepEqual(s, ref) {
		t.Fatalf("editing an assignment changed its statement:\npolicy %+v\nwant   %+v", s.Policy, ref.Policy)
	}
	if got, want := s.Assignment(), ref.Assignment(); !reflect.DeepEqual(got, want) {
		t.Fatalf("an assignment made after another was edited differs:\n%+v\nwant\n%+v", got.Policy, want.Policy)
	}
	pc, err := statement.PolicyCommitment(s.Policy)
	if err != nil {
		t.Fatal(err)
	}
	if pc != s.PolicyCommitment {
		t.Fatal("the statement's policy no longer opens its commitment")
	}
}

// TestCopyPolicy: the copy is equal and independent in every slice.
func TestCopyPolicy(t *testing.T) {
	s := buildSynthetic(t)
	cp := statement.CopyPolicy(s.Policy)
	if !reflect.DeepEqual(cp, s.Policy) {
		t.Fatal("copy differs from the original")
	}
	cp.Assets[0].Coverage = uint64(7)
	cp.Venues[0].CapValue = uint64(7)
	cp.HaircutBps[0][0] = uint64(7)
	cp.NotionalCap.(*big.Int).SetUint64(7)
	if s.Policy.Assets[0].Coverage == uint64(7) || s.Policy.Venues[0].CapValue == uint64(7) || s.Policy.HaircutBps[0][0] == uint64(7) ||
		s.Policy.NotionalCap.(*big.Int).Uint64() == 7 {
		t.Fatalf("copy shares a slice with the original: %+v", s.Policy)
	}
}

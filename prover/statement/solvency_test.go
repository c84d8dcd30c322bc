package statement_test

import (
	"math/big"
	"reflect"
	"testing"

	"github.com/consensys/gnark/frontend"

	"github.com/zktreasury/zktreasury/circuits/solvency"
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
// has, as a cheat in a test would: it walks the struct by reflection, so a field
// added later is scribbled on too. A *big.Int is changed in place, so that a
// pointer shared with the statement would show.
func scribble(c *solvency.Circuit) {
	varType := reflect.TypeOf((*frontend.Variable)(nil)).Elem()
	var walk func(x reflect.Value)
	walk = func(x reflect.Value) {
		switch {
		case x.Type() == varType:
			if b, ok := x.Interface().(*big.Int); ok {
				b.SetUint64(999_999)
				return
			}
			x.Set(reflect.ValueOf(uint64(999_999)))
		case x.Kind() == reflect.Struct:
			for i := range x.NumField() {
				if x.Type().Field(i).IsExported() && x.Type().Field(i).Tag.Get("gnark") != "-" {
					walk(x.Field(i))
				}
			}
		case x.Kind() == reflect.Slice:
			for i := range x.Len() {
				walk(x.Index(i))
			}
		}
	}
	walk(reflect.ValueOf(c).Elem())
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
	scribble(s.Assignment())
	if !reflect.DeepEqual(s, ref) {
		t.Fatalf("editing an assignment changed its statement:\npolicy %+v\nwant   %+v", s.Policy, ref.Policy)
	}
	if reflect.DeepEqual(s.Assignment(), scribbled(s)) {
		t.Fatal("scribble changed nothing: the test cannot fail")
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

// TestCopyPolicyVars: the copy is equal and independent in every slice.
func TestCopyPolicyVars(t *testing.T) {
	s := buildSynthetic(t)
	cp := statement.CopyPolicyVars(s.Policy)
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

func scribbled(s *statement.Solvency) *solvency.Circuit {
	c := s.Assignment()
	scribble(c)
	return c
}

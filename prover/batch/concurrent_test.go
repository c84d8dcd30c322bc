package batch

import (
	"sync"
	"testing"

	"github.com/consensys/gnark/constraint"
	"github.com/consensys/gnark/frontend"

	circuit "github.com/zktreasury/zktreasury/circuits/batch"
	"github.com/zktreasury/zktreasury/circuits/gadget/bound"
)

// TestConcurrentGKRSolves solves two batches of a GKR-hashed circuit at the
// same time, several rounds: over one shared constraint system (gnark keeps
// GKR solving state in it, so the batches corrupt each other: the control,
// which shows the solves overlapped) and over a Copy each, which must all
// succeed.
func TestConcurrentGKRSolves(t *testing.T) {
	_, l := fixture(t, 16, 8, 2)
	p := l.Params(circuit.GKR, bound.Bits)
	ccs, err := Compile(p)
	if err != nil {
		t.Fatal(err)
	}
	var witnesses [2]frontend.Circuit
	for b := range 2 {
		a, err := l.Assignment(3, b, p)
		if err != nil {
			t.Fatal(err)
		}
		witnesses[b] = a
	}
	solveBoth := func(cs [2]constraint.ConstraintSystem) []error {
		var errs [2]error
		var wg sync.WaitGroup
		for b := range 2 {
			wg.Go(func() {
				w, err := frontend.NewWitness(witnesses[b], Curve.ScalarField())
				if err != nil {
					errs[b] = err
					return
				}
				_, errs[b] = cs[b].Solve(w)
			})
		}
		wg.Wait()
		var out []error
		for _, e := range errs {
			if e != nil {
				out = append(out, e)
			}
		}
		return out
	}
	const rounds = 4
	shared := 0
	for range rounds {
		shared += len(solveBoth([2]constraint.ConstraintSystem{ccs, ccs}))
	}
	t.Logf("over one shared constraint system: %d of %d solves failed", shared, 2*rounds)
	c1, n, err := Copy(ccs)
	if err != nil {
		t.Fatal(err)
	}
	c2, _, err := Copy(ccs)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("a copy is %d bytes serialized (%d constraints)", n, ccs.GetNbConstraints())
	for r := range rounds {
		if errs := solveBoth([2]constraint.ConstraintSystem{c1, c2}); len(errs) > 0 {
			t.Fatalf("round %d over copies: %v", r, errs)
		}
	}
	// The original still solves alone after its copies were made.
	if errs := solveBoth([2]constraint.ConstraintSystem{ccs, c1}); len(errs) > 0 {
		t.Fatalf("original beside a copy: %v", errs)
	}
}

package merkle_test

import (
	"fmt"
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/consensys/gnark/backend"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/test"

	"github.com/zktreasury/zktreasury/circuits/gadget/merkle"
	"github.com/zktreasury/zktreasury/prover/hashing"
	"github.com/zktreasury/zktreasury/prover/liabtree"
)

// TestArities: for every capacity 2^1 .. 2^24, 8-ary levels from the leaves up
// and one 2- or 4-ary level for the rest, multiplying to the capacity; anything
// that is not a power of 2 of at least 2 is refused.
func TestArities(t *testing.T) {
	for m := 1; m <= 24; m++ {
		n := 1 << m
		got, err := merkle.Arities(n)
		if err != nil {
			t.Fatalf("Arities(%d): %v", n, err)
		}
		prod := 1
		for i, k := range got {
			if last := i == len(got)-1; k != 8 && (!last || m%3 == 0 || k != 1<<(m%3)) {
				t.Fatalf("Arities(%d) = %v: level %d has arity %d", n, got, i, k)
			}
			prod *= k
		}
		if prod != n || len(got) != (m+2)/3 {
			t.Fatalf("Arities(%d) = %v", n, got)
		}
	}
	for _, n := range []int{-4, 0, 1, 3, 6, 12, 100, 1<<20 + 1} {
		if got, err := merkle.Arities(n); err == nil {
			t.Errorf("Arities(%d) = %v, want an error", n, got)
		}
	}
}

type rootCircuit struct {
	Leaves []frontend.Variable
	Root   frontend.Variable `gnark:",public"`
}

func (c *rootCircuit) Define(api frontend.API) error {
	r, err := merkle.Root(api, c.Leaves)
	if err != nil {
		return err
	}
	api.AssertIsEqual(r, c.Root)
	return nil
}

func leaves(n int) []fr.Element {
	out := make([]fr.Element, n)
	for i := range out {
		out[i] = hashing.Hash(0x6c656166, hashing.FromUint64(uint64(i))) // distinct, unstructured
	}
	return out
}

func assign(ls []fr.Element, root fr.Element) *rootCircuit {
	c := &rootCircuit{Leaves: make([]frontend.Variable, len(ls)), Root: root}
	for i, l := range ls {
		c.Leaves[i] = l
	}
	return c
}

// TestRootAgreesWithNative: for every arity sequence up to three levels
// ([2], [4], [8], [8 2], [8 4], [8 8], [8 8 2]), the in-circuit root is
// liabtree's; a leaf changed, two leaves swapped (across the first node and
// inside it), or another root are refused.
func TestRootAgreesWithNative(t *testing.T) {
	for m := 1; m <= 7; m++ {
		n := 1 << m
		arities, _ := merkle.Arities(n)
		t.Run(fmt.Sprint(arities), func(t *testing.T) {
			ls := leaves(n)
			tree, err := liabtree.Build(ls)
			if err != nil {
				t.Fatal(err)
			}
			root := tree.Root()
			changed := append([]fr.Element(nil), ls...)
			changed[n-1] = hashing.FromUint64(1)
			swapped := append([]fr.Element(nil), ls...)
			swapped[0], swapped[n-1] = swapped[n-1], swapped[0]
			neighbours := append([]fr.Element(nil), ls...)
			neighbours[0], neighbours[1] = neighbours[1], neighbours[0]
			var other fr.Element
			other.SetOne()
			other.Add(&other, &root)
			assert := test.NewAssert(t)
			assert.CheckCircuit(&rootCircuit{Leaves: make([]frontend.Variable, n)},
				test.WithValidAssignment(assign(ls, root)),
				test.WithInvalidAssignment(assign(changed, root)),
				test.WithInvalidAssignment(assign(swapped, root)),
				test.WithInvalidAssignment(assign(neighbours, root)),
				test.WithInvalidAssignment(assign(ls, other)),
				test.WithCurves(ecc.BN254), test.WithBackends(backend.GROTH16, backend.PLONK), test.NoFuzzing(), test.NoSerializationChecks())
		})
	}
}

// TestRootRefusesShape: a leaf count that is not a power of 2 has no tree.
func TestRootRefusesShape(t *testing.T) {
	c := &rootCircuit{Leaves: make([]frontend.Variable, 6)}
	w := &rootCircuit{Leaves: make([]frontend.Variable, 6), Root: 0}
	for i := range w.Leaves {
		w.Leaves[i] = i
	}
	if err := test.IsSolved(c, w, ecc.BN254.ScalarField()); err == nil {
		t.Fatal("a tree of 6 leaves was built")
	}
}

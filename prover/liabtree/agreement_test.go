package liabtree

import (
	"fmt"
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/test"

	"github.com/zktreasury/zktreasury/circuits/gadget/poseidon"
	"github.com/zktreasury/zktreasury/circuits/solvency"
	"github.com/zktreasury/zktreasury/prover/hashing"
)

// leafCircuit asserts that solvency.LeafHash of its private inputs is Leaf.
type leafCircuit struct {
	Leaf     frontend.Variable `gnark:",public"`
	UserHash frontend.Variable
	Balances []frontend.Variable
}

func (c *leafCircuit) Define(api frontend.API) error {
	w, err := poseidon.WidthFor(solvency.LeafInputs(len(c.Balances)))
	if err != nil {
		return err
	}
	lc, err := poseidon.NewCompressor(api, w)
	if err != nil {
		return err
	}
	api.AssertIsEqual(solvency.LeafHash(api, lc, c.UserHash, c.Balances), c.Leaf)
	return nil
}

// TestLeafAgreement holds Leaf to the circuit's leaf for every asset count from
// 1 to 21 (widths 3, 4 and 8) and the widest ones (widths 12 and 16): the same
// value for the same inputs, and a different one when a balance moves to the
// next asset or the tag is left out.
func TestLeafAgreement(t *testing.T) {
	assert := test.NewAssert(t)
	counts := []int{}
	for n := 1; n <= 21; n++ {
		counts = append(counts, n)
	}
	counts = append(counts, 30, solvency.MaxAssets)
	for _, n := range counts {
		uh := UserHash(fmt.Sprintf("user-%d", n), hashing.FromUint64(uint64(n)))
		bal := make([]uint64, n)
		for a := range bal {
			bal[a] = ^uint64(0) - uint64(a*7919) // near 2^64, so packing overlaps would show
		}
		leaf, err := Leaf(uh, bal)
		if err != nil {
			t.Fatalf("%d assets: %v", n, err)
		}
		good := &leafCircuit{Leaf: leaf, UserHash: uh, Balances: make([]frontend.Variable, n)}
		for a, b := range bal {
			good.Balances[a] = b
		}
		shape := &leafCircuit{Balances: make([]frontend.Variable, n)}
		assert.NoError(test.IsSolved(shape, good, ecc.BN254.ScalarField()), "%d assets: native and circuit leaves differ", n)

		if n > 1 {
			moved := &leafCircuit{Leaf: leaf, UserHash: uh, Balances: append([]frontend.Variable(nil), good.Balances...)}
			moved.Balances[0], moved.Balances[1] = good.Balances[1], good.Balances[0]
			assert.Error(test.IsSolved(shape, moved, ecc.BN254.ScalarField()), "%d assets: swapped balances accepted", n)
		}
		// A leaf of the user hash alone (no tag, no balances) is another value.
		w, _ := poseidon.WidthFor(solvency.LeafInputs(n))
		untagged := hashing.MustCompress(w, uh)
		if untagged.Equal(&leaf) {
			t.Fatalf("%d assets: the tag changes nothing", n)
		}
	}
}

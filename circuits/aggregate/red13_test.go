package aggregate_test

import (
	"math/big"
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	fb "github.com/consensys/gnark-crypto/ecc/bls12-377/fr"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/std/algebra/native/sw_bls12377"
	"github.com/consensys/gnark/std/math/emulated"
	"github.com/consensys/gnark/test"

	agg "github.com/zktreasury/zktreasury/circuits/aggregate"
)

// TestCanonicalTotalsEpochIndex (red13): as TestCanonicalInputs for the root,
// a batch total, epoch or index given as x + r_b (which the batch verifier
// accepts with the exact GLV decomposition) still stands for x: the joined
// statement over x passes, one over x + r_b (a total that wrapped, an epoch or
// slot beyond r_b) is refused. Each case starts from the honest assignment.
func TestCanonicalTotalsEpochIndex(t *testing.T) {
	w := getWorld(t)
	h := w.honest
	lambda, _ := new(big.Int).SetString("91893752504881257701523279626832445440", 10)
	exact := func(_ *big.Int, in, out []*big.Int) error {
		out[1].Div(in[0], lambda)
		out[0].Sub(in[0], new(big.Int).Mul(out[1], lambda))
		return nil
	}
	opt := test.WithReplacementHint(glvHint(t), exact)
	lift := func(x *big.Int) emulated.Element[sw_bls12377.ScalarField] {
		v := new(big.Int).Add(x, fb.Modulus())
		limbs := make([]frontend.Variable, 4)
		mask := new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 64), big.NewInt(1))
		for i := range limbs {
			limbs[i] = new(big.Int).And(new(big.Int).Rsh(v, uint(64*i)), mask)
		}
		return emulated.Element[sw_bls12377.ScalarField]{Limbs: limbs}
	}
	solved := func(a *agg.Circuit) error { return test.IsSolved(w.shape, a, ecc.BW6_761.ScalarField(), opt) }
	// slot 1's public inputs: 0 Epoch, 1 Index, 2 Root, 3.. Totals
	cases := []struct {
		name  string
		input int
		value *big.Int
	}{
		{"total", 3, h.stmts[1].Totals[0]},
		{"epoch", 0, new(big.Int).SetUint64(h.stmts[1].Epoch)},
		{"index", 1, big.NewInt(int64(h.stmts[1].Index))},
	}
	for _, c := range cases {
		a, _ := w.assign(t, h)
		a.Publics[1].Public[c.input] = lift(c.value)
		if err := solved(a); err != nil {
			t.Fatalf("%s + r_b under the canonical joined statement refused: %v", c.name, err)
		}
		switch c.input {
		case 3:
			a.Totals[0] = new(big.Int).Add(new(big.Int).Add(h.stmts[0].Totals[0], h.stmts[1].Totals[0]), fb.Modulus())
		case 0:
			a.Epoch = new(big.Int).Add(c.value, fb.Modulus())
		case 1:
			// the slot check compares with the constant 1: nothing to restate;
			// the lifted index must still be 1, checked above
			continue
		}
		if solved(a) == nil {
			t.Fatalf("joined %s over the lifted %s accepted", c.name, c.name)
		}
	}
}

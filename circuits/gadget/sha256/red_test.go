package sha256

import (
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/constraint"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/frontend/cs/r1cs"
	"github.com/consensys/gnark/frontend/cs/scs"
	"github.com/consensys/gnark/test"
)

// TestSumEveryLength (red team, issue 12): the gadget equals crypto/sha256 at every message
// length from 0 to 192 bytes (three blocks and every padding offset in each), random bytes
// and all-0xff; 48 to 72 (the one-block padding boundary) with -short.
func TestSumEveryLength(t *testing.T) {
	bottom, top := 0, 192
	if testing.Short() {
		bottom, top = 48, 72
	}
	for n := bottom; n <= top; n++ {
		for _, m := range [][]byte{message(n, uint64(1000+n)), allFF(n)} {
			if err := test.IsSolved(shape(n), assignment(m), ecc.BN254.ScalarField()); err != nil {
				t.Fatalf("%d bytes %x: %v", n, m, err)
			}
		}
	}
}

// TestSumCompiled (red team, issue 12): the compiled constraint systems, R1CS (Groth16) and
// PLONK's SCS, not only gnark's test engine, accept crypto/sha256's digest and refuse it with
// its last bit flipped, at the padding boundaries 55 and 56 bytes.
func TestSumCompiled(t *testing.T) {
	compile := map[string]func(c frontend.Circuit) (constraint.ConstraintSystem, error){
		"r1cs": func(c frontend.Circuit) (constraint.ConstraintSystem, error) {
			return frontend.Compile(ecc.BN254.ScalarField(), r1cs.NewBuilder, c)
		},
		"scs": func(c frontend.Circuit) (constraint.ConstraintSystem, error) {
			return frontend.Compile(ecc.BN254.ScalarField(), scs.NewBuilder, c)
		},
	}
	for name, build := range compile {
		for _, n := range []int{55, 56} {
			ccs, err := build(shape(n))
			if err != nil {
				t.Fatal(err)
			}
			m := message(n, 77)
			w, err := frontend.NewWitness(assignment(m), ecc.BN254.ScalarField())
			if err != nil {
				t.Fatal(err)
			}
			if err := ccs.IsSolved(w); err != nil {
				t.Errorf("%s, %d bytes: the stdlib digest refused: %v", name, n, err)
			}
			bad := assignment(m)
			bad.Digest[255] = 1 - bad.Digest[255].(uint64)
			if w, err = frontend.NewWitness(bad, ecc.BN254.ScalarField()); err != nil {
				t.Fatal(err)
			}
			if err := ccs.IsSolved(w); err == nil {
				t.Errorf("%s, %d bytes: a digest with its last bit flipped accepted", name, n)
			}
		}
	}
}

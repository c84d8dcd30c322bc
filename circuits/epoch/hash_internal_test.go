package epoch

import (
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/frontend/cs/r1cs"
	"github.com/consensys/gnark/frontend/cs/scs"
	"github.com/consensys/gnark/test"

	"github.com/zktreasury/zktreasury/prover/statement/epochhash"
)

// hashOnly is the epoch circuit's public-hash check alone, for A assets: its hashed fields
// and PublicHash (C's other fields are not part of the witness).
type hashOnly struct {
	PublicHash                                                                                    frontend.Variable `gnark:",public"`
	PolicyCommitment, PrevStateCommitment, NewStateCommitment, LiabilitiesRoot, ActionsCommitment frontend.Variable
	ActionCount, Epoch, StartTime, EndTime                                                        frontend.Variable
	Prices, Inflows, Outflows                                                                     []frontend.Variable
}

func (h *hashOnly) Define(api frontend.API) error {
	c := &Circuit{PublicHash: h.PublicHash, PolicyCommitment: h.PolicyCommitment, PrevStateCommitment: h.PrevStateCommitment,
		NewStateCommitment: h.NewStateCommitment, LiabilitiesRoot: h.LiabilitiesRoot, ActionsCommitment: h.ActionsCommitment,
		ActionCount: h.ActionCount, Epoch: h.Epoch, StartTime: h.StartTime, EndTime: h.EndTime,
		Prices: h.Prices, Inflows: h.Inflows, Outflows: h.Outflows, Params: Params{Assets: len(h.Prices)}}
	return c.checkPublicHash(api)
}

func hashShape(a int) *hashOnly {
	return &hashOnly{Prices: make([]frontend.Variable, a), Inflows: make([]frontend.Variable, a), Outflows: make([]frontend.Variable, a)}
}

// randomValues are values of every width's extremes and random ones: field elements up to
// r - 1, integers up to 2^64 - 1.
func randomValues(a int, seed uint64) *epochhash.Values {
	r := rand.New(rand.NewPCG(seed, uint64(a)))
	field := func(i int) *big.Int {
		if i == 0 {
			return new(big.Int).Sub(fr.Modulus(), big.NewInt(1))
		}
		var e fr.Element
		e.SetUint64(r.Uint64())
		e.Square(&e)
		return e.BigInt(new(big.Int))
	}
	u := func() uint64 {
		if r.IntN(4) == 0 {
			return ^uint64(0)
		}
		return r.Uint64()
	}
	v := &epochhash.Values{PolicyCommitment: field(0), PrevStateCommitment: field(1), NewStateCommitment: field(2),
		LiabilitiesRoot: big.NewInt(0), ActionsCommitment: field(4), ActionCount: u(), Epoch: u(), StartTime: u(), EndTime: u()}
	for range a {
		v.Prices, v.Inflows, v.Outflows = append(v.Prices, u()), append(v.Inflows, u()), append(v.Outflows, u())
	}
	return v
}

func hashAssignment(v *epochhash.Values, h *big.Int) *hashOnly {
	w := hashShape(len(v.Prices))
	c := w
	c.PublicHash = h
	c.PolicyCommitment, c.PrevStateCommitment, c.NewStateCommitment = v.PolicyCommitment, v.PrevStateCommitment, v.NewStateCommitment
	c.LiabilitiesRoot, c.ActionsCommitment = v.LiabilitiesRoot, v.ActionsCommitment
	c.ActionCount, c.Epoch, c.StartTime, c.EndTime = v.ActionCount, v.Epoch, v.StartTime, v.EndTime
	for i := range v.Prices {
		c.Prices[i], c.Inflows[i], c.Outflows[i] = v.Prices[i], v.Inflows[i], v.Outflows[i]
	}
	return w
}

// TestCircuitHashMatchesNative: the circuit's public hash equals epochhash's (SHA-256 of the
// documented bytes mod 2^253) at 1, 2, 4, 8 and 16 assets, with extreme and random values, and
// a hash one off is refused.
func TestCircuitHashMatchesNative(t *testing.T) {
	sizes := []int{1, 2, 4, 8, 16}
	if testing.Short() {
		sizes = []int{1, 8}
	}
	for _, a := range sizes {
		v := randomValues(a, 7)
		h, err := v.Hash()
		if err != nil {
			t.Fatal(err)
		}
		if err := test.IsSolved(hashShape(a), hashAssignment(v, h), ecc.BN254.ScalarField()); err != nil {
			t.Errorf("%d assets: %v", a, err)
		}
		if err := test.IsSolved(hashShape(a), hashAssignment(v, new(big.Int).Add(h, big.NewInt(1))), ecc.BN254.ScalarField()); err == nil {
			t.Errorf("%d assets: a hash one off was accepted", a)
		}
	}
}

// BenchmarkPublicHashConstraints reports the constraints the public hash adds to the epoch
// circuit (encoding decompositions and SHA-256) at 1, 4 and 16 assets, for Groth16 (R1CS) and
// PLONK. Run: go test ./circuits/epoch -run '^$' -bench PublicHashConstraints -benchtime 1x
func BenchmarkPublicHashConstraints(b *testing.B) {
	for _, a := range []int{1, 3, 4, 8, 16} {
		r, err := frontend.Compile(ecc.BN254.ScalarField(), r1cs.NewBuilder, hashShape(a))
		if err != nil {
			b.Fatal(err)
		}
		p, err := frontend.Compile(ecc.BN254.ScalarField(), scs.NewBuilder, hashShape(a))
		if err != nil {
			b.Fatal(err)
		}
		b.Logf("%2d assets: %d bytes, %d SHA-256 blocks, %d R1CS, %d PLONK constraints", a, EncodingBytes(a), (EncodingBytes(a)+9+63)/64, r.GetNbConstraints(), p.GetNbConstraints())
	}
}

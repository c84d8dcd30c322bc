package recursionbench

import (
	"math/big"
	"strings"
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/backend/groth16"
	"github.com/consensys/gnark/constraint"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/frontend/cs/r1cs"
	"github.com/consensys/gnark/logger"
	"github.com/consensys/gnark/std/algebra/emulated/sw_bw6761"
	"github.com/consensys/gnark/std/math/emulated"
)

// keyValueStore is the builder's key-value cache (gnark's internal
// kvstore.Store), which gnark's emulated arithmetic requires.
type keyValueStore interface {
	SetKeyValue(key, value any)
	GetKeyValue(key any) any
}

// noCommitBuilder is gnark's R1CS builder with its Commit method hidden: what
// a circuit compiled for a verifier without a commitment pairing would see.
// std/rangecheck then falls back to bit decomposition.
type noCommitBuilder struct {
	frontend.Builder[constraint.U64]
}

// Compiler returns the wrapper itself, so that gadgets asking the compiler
// for a committer (std/multicommit) see none either.
func (b *noCommitBuilder) Compiler() frontend.Compiler { return b }

// SetKeyValue forwards to the wrapped builder's cache.
func (b *noCommitBuilder) SetKeyValue(key, value any) {
	b.Builder.(keyValueStore).SetKeyValue(key, value)
}

// GetKeyValue forwards to the wrapped builder's cache.
func (b *noCommitBuilder) GetKeyValue(key any) any {
	return b.Builder.(keyValueStore).GetKeyValue(key)
}

func newNoCommitBuilder(field *big.Int, cfg frontend.CompileConfig) (frontend.Builder[constraint.U64], error) {
	inner, err := r1cs.NewBuilder[constraint.U64](field, cfg)
	if err != nil {
		return nil, err
	}
	return &noCommitBuilder{Builder: inner}, nil
}

// commitments counts the BSB22 commitments of an R1CS.
func commitments(t testing.TB, ccs constraint.ConstraintSystem) int {
	t.Helper()
	c, ok := ccs.(interface{ GetCommitments() constraint.Commitments })
	if !ok {
		t.Fatalf("%T does not report its commitments", ccs)
	}
	return len(c.GetCommitments().CommitmentIndexes())
}

// emulatedMul multiplies two BW6-761 base-field elements emulated in BN254:
// the arithmetic the wrap is made of, range checks included.
type emulatedMul struct {
	A, B, C emulated.Element[sw_bw6761.BaseField]
}

func (c *emulatedMul) Define(api frontend.API) error {
	f, err := emulated.NewField[sw_bw6761.BaseField](api)
	if err != nil {
		return err
	}
	f.AssertIsEqual(f.Mul(&c.A, &c.B), &c.C)
	return nil
}

// TestEmulatedArithmeticNeedsACommitment measures whether a wrap could drop
// its BSB22 commitment, and with it the Solidity verifier's second pairing
// (the commitment's proof of knowledge, ~113k of the batched epoch's gas).
// It cannot with gnark v0.16.3: an emulated BW6-761 product compiles with one
// commitment under gnark's R1CS builder, and under a builder that offers none
// the compile fails, because emulated multiplication checks its products at a
// random point drawn from a commitment (std/math/emulated/field_mul.go,
// multicommit.WithCommitment) whether or not range checks could fall back to
// bits. The wrap verifies a BW6-761 proof in BN254, which is emulated
// arithmetic throughout, so every wrap gnark can build has the commitment. If
// a gnark upgrade makes this test fail, measure a commitment-free wrap.
func TestEmulatedArithmeticNeedsACommitment(t *testing.T) {
	logger.Disable()
	field := ecc.BN254.ScalarField()
	with, err := frontend.Compile(field, r1cs.NewBuilder, &emulatedMul{})
	if err != nil {
		t.Fatal(err)
	}
	if n := commitments(t, with); n != 1 {
		t.Fatalf("gnark's builder: %d commitments, want 1", n)
	}
	_, err = frontend.Compile(field, newNoCommitBuilder, &emulatedMul{})
	if err == nil || !strings.Contains(err.Error(), "frontend.Committer") {
		t.Fatalf("compiling emulated arithmetic with no committer: err = %v, want gnark's \"doesn't implement frontend.Committer\"", err)
	}
	t.Logf("%d R1CS with the commitment; without one: %v", with.GetNbConstraints(), strings.SplitN(err.Error(), "\n", 2)[0])

	// The builder itself works where no commitment is needed: a native
	// circuit compiles, proves and verifies through it.
	ccs, err := frontend.Compile(field, newNoCommitBuilder, &nativeMul{})
	if err != nil {
		t.Fatal(err)
	}
	pk, vk, err := groth16.Setup(ccs)
	if err != nil {
		t.Fatal(err)
	}
	w, err := frontend.NewWitness(&nativeMul{A: 6, B: 7, C: 42}, field)
	if err != nil {
		t.Fatal(err)
	}
	proof, err := groth16.Prove(ccs, pk, w)
	if err != nil {
		t.Fatal(err)
	}
	pub, err := w.Public()
	if err != nil {
		t.Fatal(err)
	}
	if err := groth16.Verify(proof, vk, pub); err != nil {
		t.Fatal(err)
	}
}

// nativeMul is a product in the native field, with no range check.
type nativeMul struct {
	A, B frontend.Variable
	C    frontend.Variable `gnark:",public"`
}

func (c *nativeMul) Define(api frontend.API) error {
	api.AssertIsEqual(api.Mul(c.A, c.B), c.C)
	return nil
}

package batchrun

import (
	"errors"
	"fmt"
	"io"

	"github.com/consensys/gnark/backend/groth16"
	"github.com/consensys/gnark/backend/witness"
	"github.com/consensys/gnark/constraint"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/frontend/cs/r1cs"
	stdgroth16 "github.com/consensys/gnark/std/recursion/groth16"

	"github.com/zktreasury/zktreasury/prover/batch"
	"github.com/zktreasury/zktreasury/prover/zk"
)

// BackendName names batch keys in the key store: Groth16 over BLS12-377, with
// the 2-chain recursion options (commitments hashed to the BW6-761 field the
// way the aggregation circuit recomputes them).
const BackendName = "groth16-bls12377"

// CircuitName names the batch circuit in the key store.
const CircuitName = "batch"

// errNoSolidity is returned by ExportSolidity: batch proofs never go on-chain.
var errNoSolidity = errors.New("batch proofs are aggregated, not verified on-chain: no Solidity verifier")

// Backend is gnark's Groth16 over BLS12-377 as a zk.Backend, so that batch keys
// live in the project's key store (named by circuit digest, digests checked on
// load) like every other key.
type Backend struct{}

var _ zk.Backend = Backend{}

// Name implements zk.Backend.
func (Backend) Name() string { return BackendName }

// Compile implements zk.Backend.
func (Backend) Compile(c frontend.Circuit) (constraint.ConstraintSystem, error) {
	return frontend.Compile(batch.Curve.ScalarField(), r1cs.NewBuilder, c)
}

// SetupInsecure implements zk.Backend: a single-party setup whose toxic waste
// this process knew. For development only.
func (Backend) SetupInsecure(ccs constraint.ConstraintSystem) (zk.Keys, error) {
	pk, vk, err := groth16.Setup(ccs)
	if err != nil {
		return zk.Keys{}, fmt.Errorf("batch groth16 setup: %w", err)
	}
	return zk.Keys{PK: pk, VK: vk}, nil
}

// Prove implements zk.Backend with the native prover options of the 2-chain.
func (Backend) Prove(ccs constraint.ConstraintSystem, pk io.WriterTo, full witness.Witness) (zk.Proof, error) {
	k, ok := pk.(groth16.ProvingKey)
	if !ok {
		return nil, fmt.Errorf("batch prove: proving key is %T", pk)
	}
	p, err := groth16.Prove(ccs, k, full, stdgroth16.GetNativeProverOptions(batch.Outer.ScalarField(), batch.Curve.ScalarField()))
	if err != nil {
		return nil, fmt.Errorf("batch prove: %w", err)
	}
	return p, nil
}

// Verify implements zk.Backend with the matching verifier options.
func (Backend) Verify(p zk.Proof, vk io.WriterTo, public witness.Witness) error {
	gp, ok1 := p.(groth16.Proof)
	k, ok2 := vk.(groth16.VerifyingKey)
	if !ok1 || !ok2 {
		return fmt.Errorf("batch verify: got %T and %T", p, vk)
	}
	if err := groth16.Verify(gp, k, public, stdgroth16.GetNativeVerifierOptions(batch.Outer.ScalarField(), batch.Curve.ScalarField())); err != nil {
		return fmt.Errorf("%w: %v", zk.ErrProofRejected, err)
	}
	return nil
}

// NewCS implements zk.Backend.
func (Backend) NewCS() constraint.ConstraintSystem { return groth16.NewCS(batch.Curve) }

// NewProvingKey implements zk.Backend.
func (Backend) NewProvingKey() io.ReaderFrom { return groth16.NewProvingKey(batch.Curve) }

// NewVerifyingKey implements zk.Backend.
func (Backend) NewVerifyingKey() io.ReaderFrom { return groth16.NewVerifyingKey(batch.Curve) }

// NewProof implements zk.Backend.
func (Backend) NewProof() zk.Proof { return groth16.NewProof(batch.Curve) }

// ExportSolidity implements zk.Backend; batch verifiers are never exported.
func (Backend) ExportSolidity(io.WriterTo, io.Writer) error { return errNoSolidity }

// NbPublicInputs implements zk.Backend: R1CS counts the constant-one wire as public.
func (Backend) NbPublicInputs(ccs constraint.ConstraintSystem) int {
	return ccs.GetNbPublicVariables() - 1
}

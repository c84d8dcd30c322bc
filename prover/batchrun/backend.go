package batchrun

import (
	"errors"
	"fmt"
	"github.com/consensys/gnark-crypto/ecc"
	"github.com/zktreasury/zktreasury/prover/aggregate"
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

// AggregateBackendName names the aggregation keys: Groth16 over BW6-761, with
// commitments hashed to the BN254 field the way a BN254 wrap recomputes them.
const AggregateBackendName = "groth16-bw6761"

// CircuitName names the batch circuit in the key store.
const CircuitName = "batch"

// errNoSolidity is returned by ExportSolidity: batch proofs never go on-chain.
var errNoSolidity = errors.New("batch and joined proofs are verified recursively, not on-chain: no Solidity verifier")

// Backend is gnark's Groth16 over a curve of a recursion chain as a
// zk.Backend, so that batch and aggregation keys live in the project's key
// store (named by circuit digest, digests checked on load) like every other
// key. Proofs are made and verified with the native recursion options of
// Outer, the curve of the circuit that verifies them.
type Backend struct {
	ID    string
	Curve ecc.ID
	Outer ecc.ID
}

var (
	// BatchBackend makes batch proofs: BLS12-377, verified in BW6-761.
	BatchBackend = Backend{ID: BackendName, Curve: batch.Curve, Outer: batch.Outer}
	// AggregateBackend makes joined proofs: BW6-761, verified in BN254.
	AggregateBackend = Backend{ID: AggregateBackendName, Curve: aggregate.Curve, Outer: aggregate.Wrap}
)

var _ zk.Backend = BatchBackend

// Name implements zk.Backend.
func (b Backend) Name() string { return b.ID }

// Compile implements zk.Backend.
func (b Backend) Compile(c frontend.Circuit) (constraint.ConstraintSystem, error) {
	return frontend.Compile(b.Curve.ScalarField(), r1cs.NewBuilder, c)
}

// SetupInsecure implements zk.Backend: a single-party setup whose toxic waste
// this process knew. For development only.
func (b Backend) SetupInsecure(ccs constraint.ConstraintSystem) (zk.Keys, error) {
	pk, vk, err := groth16.Setup(ccs)
	if err != nil {
		return zk.Keys{}, fmt.Errorf("%s setup: %w", b.ID, err)
	}
	return zk.Keys{PK: pk, VK: vk}, nil
}

// Prove implements zk.Backend with the native prover options of the 2-chain.
func (b Backend) Prove(ccs constraint.ConstraintSystem, pk io.WriterTo, full witness.Witness) (zk.Proof, error) {
	k, ok := pk.(groth16.ProvingKey)
	if !ok {
		return nil, fmt.Errorf("%s prove: proving key is %T", b.ID, pk)
	}
	p, err := groth16.Prove(ccs, k, full, stdgroth16.GetNativeProverOptions(b.Outer.ScalarField(), b.Curve.ScalarField()))
	if err != nil {
		return nil, fmt.Errorf("%s prove: %w", b.ID, err)
	}
	return p, nil
}

// Verify implements zk.Backend with the matching verifier options.
func (b Backend) Verify(p zk.Proof, vk io.WriterTo, public witness.Witness) error {
	gp, ok1 := p.(groth16.Proof)
	k, ok2 := vk.(groth16.VerifyingKey)
	if !ok1 || !ok2 {
		return fmt.Errorf("%s verify: got %T and %T", b.ID, p, vk)
	}
	if err := groth16.Verify(gp, k, public, stdgroth16.GetNativeVerifierOptions(b.Outer.ScalarField(), b.Curve.ScalarField())); err != nil {
		return fmt.Errorf("%w: %v", zk.ErrProofRejected, err)
	}
	return nil
}

// NewCS implements zk.Backend.
func (b Backend) NewCS() constraint.ConstraintSystem { return groth16.NewCS(b.Curve) }

// NewProvingKey implements zk.Backend.
func (b Backend) NewProvingKey() io.ReaderFrom { return groth16.NewProvingKey(b.Curve) }

// NewVerifyingKey implements zk.Backend.
func (b Backend) NewVerifyingKey() io.ReaderFrom { return groth16.NewVerifyingKey(b.Curve) }

// NewProof implements zk.Backend.
func (b Backend) NewProof() zk.Proof { return groth16.NewProof(b.Curve) }

// ExportSolidity implements zk.Backend; batch and aggregation verifiers are
// never exported (no EVM precompile for either curve).
func (Backend) ExportSolidity(io.WriterTo, io.Writer) error { return errNoSolidity }

// NbPublicInputs implements zk.Backend: R1CS counts the constant-one wire as public.
func (Backend) NbPublicInputs(ccs constraint.ConstraintSystem) int {
	return ccs.GetNbPublicVariables() - 1
}

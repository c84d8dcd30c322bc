package batch

import (
	"bytes"
	"fmt"
	"math/big"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/backend/groth16"
	"github.com/consensys/gnark/backend/witness"
	"github.com/consensys/gnark/constraint"
	cs "github.com/consensys/gnark/constraint/bls12-377"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/frontend/cs/r1cs"
	stdgroth16 "github.com/consensys/gnark/std/recursion/groth16"

	circuit "github.com/zktreasury/zktreasury/circuits/batch"
)

// Curve is the curve batch proofs are made on; their verifier runs natively in
// a circuit over Outer.
var (
	Curve = ecc.BLS12_377
	Outer = ecc.BW6_761
)

// Compile compiles the batch circuit of parameters p over BLS12-377.
func Compile(p circuit.Params) (constraint.ConstraintSystem, error) {
	c, err := circuit.NewCircuit(p)
	if err != nil {
		return nil, err
	}
	ccs, err := frontend.Compile(Curve.ScalarField(), r1cs.NewBuilder, c)
	if err != nil {
		return nil, fmt.Errorf("compile batch circuit %s: %w", p, err)
	}
	return ccs, nil
}

// HasSolvingState reports whether a compiled circuit keeps state in its
// constraint system while it is solved, so that batches proven at the same
// time need a Copy each: whether any blueprint is gnark's
// constraint.BlueprintStateful (reset between solves). gnark v0.16.3's GKR
// keeps every instance's wire assignment there
// (internal/gkr/bls12-377/blueprint.go, BlueprintSolve.assignments), and so
// does a logderivlookup table; two batches solved at once over one system
// overwrite each other's values and fail (TestConcurrentGKRSolves). A
// constraint system of another type is assumed to keep state.
func HasSolvingState(ccs constraint.ConstraintSystem) bool {
	r, ok := ccs.(*cs.R1CS)
	if !ok {
		return true
	}
	for _, b := range r.Blueprints {
		if _, ok := b.(constraint.BlueprintStateful[constraint.U64]); ok {
			return true
		}
	}
	return false
}

// Copy returns an independent copy of a compiled batch circuit, made by
// serializing it, and the size of that serialization: what each batch
// proven beside another solves on when the circuit HasSolvingState.
func Copy(ccs constraint.ConstraintSystem) (constraint.ConstraintSystem, int64, error) {
	var buf bytes.Buffer
	n, err := ccs.WriteTo(&buf)
	if err != nil {
		return nil, 0, fmt.Errorf("copy batch circuit: serialize: %w", err)
	}
	c := groth16.NewCS(Curve)
	if _, err := c.ReadFrom(&buf); err != nil {
		return nil, 0, fmt.Errorf("copy batch circuit: deserialize: %w", err)
	}
	return c, n, nil
}

// Prove proves one batch. The proof's commitments (if any) are hashed to the
// field the way the aggregation circuit recomputes them.
func Prove(ccs constraint.ConstraintSystem, pk groth16.ProvingKey, assignment *circuit.Circuit) (groth16.Proof, error) {
	w, err := frontend.NewWitness(assignment, Curve.ScalarField())
	if err != nil {
		return nil, fmt.Errorf("batch witness: %w", err)
	}
	proof, err := groth16.Prove(ccs, pk, w, stdgroth16.GetNativeProverOptions(Outer.ScalarField(), Curve.ScalarField()))
	if err != nil {
		return nil, fmt.Errorf("prove batch: %w", err)
	}
	return proof, nil
}

// Public is the public statement of one batch proof.
type Public struct {
	Epoch  uint64
	Index  int
	Root   *big.Int
	Totals []*big.Int
}

// Public returns the public statement of batch b of epoch n.
func (l *Ledger) Public(epoch uint64, b int) Public {
	var root big.Int
	r := l.Tree.BatchRoot(b)
	r.BigInt(&root)
	tot := make([]*big.Int, l.Assets)
	for a := range tot {
		tot[a] = new(big.Int).Set(l.BatchTotals[b][a])
	}
	return Public{Epoch: epoch, Index: b, Root: &root, Totals: tot}
}

// Witness returns the public witness of the statement.
func (p Public) Witness() (witness.Witness, error) {
	c := &circuit.Circuit{Epoch: p.Epoch, Index: p.Index, Root: p.Root, Totals: make([]frontend.Variable, len(p.Totals))}
	for a, t := range p.Totals {
		c.Totals[a] = t
	}
	w, err := frontend.NewWitness(c, Curve.ScalarField(), frontend.PublicOnly())
	if err != nil {
		return nil, fmt.Errorf("batch public witness: %w", err)
	}
	return w, nil
}

// Verify checks a batch proof against its public statement.
func Verify(proof groth16.Proof, vk groth16.VerifyingKey, p Public) error {
	w, err := p.Witness()
	if err != nil {
		return err
	}
	if err := groth16.Verify(proof, vk, w, stdgroth16.GetNativeVerifierOptions(Outer.ScalarField(), Curve.ScalarField())); err != nil {
		return fmt.Errorf("batch %d of epoch %d: %w", p.Index, p.Epoch, err)
	}
	return nil
}

package batchrun

import (
	"fmt"
	"math/big"
	"path/filepath"

	"github.com/consensys/gnark/backend/groth16"

	circuit "github.com/zktreasury/zktreasury/circuits/aggregate"
	"github.com/zktreasury/zktreasury/prover/aggregate"
	"github.com/zktreasury/zktreasury/prover/batch"
	"github.com/zktreasury/zktreasury/prover/prooffile"
)

// JoinedProofFile is the joined proof's file in a run directory.
const JoinedProofFile = "joined.proof.json"

// AggregateCircuitName names the aggregation circuit in the key store.
const AggregateCircuitName = aggregate.Name

// ProofAggregator proves the joined statement with the aggregation circuit
// (circuits/aggregate): one BW6-761 proof that every batch proof verifies
// under the plan's batch key, for this epoch and its own slot, and that the
// batch roots hash to the liabilities root and the batch totals sum to the
// joined totals. Its keys live in the run's key store beside the batch keys;
// the first join makes them with a single-party setup (insecure, development
// only). The proof is verified before Dir/joined.proof.json is written.
type ProofAggregator struct {
	// Step, if not nil, is told each phase (compile, setup, prove).
	Step func(format string, args ...any)
}

// Aggregate implements Aggregator.
func (a ProofAggregator) Aggregate(dir string, m *Manifest, vk groth16.VerifyingKey, proofs []groth16.Proof, stmts []batch.Public, joined *Joined) error {
	step := a.Step
	if step == nil {
		step = func(string, ...any) {}
	}
	bp, err := m.Params()
	if err != nil {
		return err
	}
	p := circuit.Params{Batches: m.Batches, Batch: bp}
	step("compiling the aggregation circuit %s", p)
	ccs, err := aggregate.Compile(p, vk)
	if err != nil {
		return err
	}
	pkAny, vkAny, meta, err := runKeys(dir, AggregateBackend, AggregateCircuitName, p.String(), "aggregation", ccs, step)
	if err != nil {
		return err
	}
	avk := vkAny.(groth16.VerifyingKey)
	assignment, st, err := aggregate.Assignment(p, m.Epoch, proofs, stmts)
	if err != nil {
		return err
	}
	if err := sameStatement(st, joined); err != nil {
		return err
	}
	step("proving the joined statement (%d constraints)", ccs.GetNbConstraints())
	proof, err := aggregate.Prove(ccs, pkAny.(groth16.ProvingKey), avk, assignment, st)
	if err != nil {
		return err
	}
	f, err := aggregate.File(p, ccs, avk, proof, st, meta.Insecure)
	if err != nil {
		return err
	}
	return prooffile.Write(filepath.Join(dir, JoinedProofFile), f)
}

// sameStatement checks the aggregation circuit's statement against the
// natively joined one: the same epoch, root and totals.
func sameStatement(st *aggregate.Statement, j *Joined) error {
	if st.Epoch != j.Epoch {
		return fmt.Errorf("aggregate: epoch %d, the joined statement's %d", st.Epoch, j.Epoch)
	}
	if got := elementHex(&st.Root); got != j.LiabilitiesRoot {
		return fmt.Errorf("aggregate: root %s, the joined statement's %s", got, j.LiabilitiesRoot)
	}
	if len(st.Totals) != len(j.Totals) {
		return fmt.Errorf("aggregate: %d totals, the joined statement has %d", len(st.Totals), len(j.Totals))
	}
	for a, t := range st.Totals {
		want, ok := new(big.Int).SetString(j.Totals[a].Units, 10)
		if !ok || t.Cmp(want) != 0 {
			return fmt.Errorf("aggregate: total of %s is %s, the joined statement's %s", j.Totals[a].Symbol, t, j.Totals[a].Units)
		}
	}
	return nil
}

// Package wraptest builds, for tests and benchmarks, a joined proof made the
// production way: batch proofs of an epoch's ledger (BLS12-377) and their
// aggregation (BW6-761), under single-party development keys made on the spot
// (INSECURE: whoever ran them can forge proofs). It takes a couple of minutes
// on two cores.
package wraptest

import (
	"fmt"

	"github.com/consensys/gnark/backend/groth16"
	"github.com/consensys/gnark/constraint"

	aggcircuit "github.com/zktreasury/zktreasury/circuits/aggregate"
	batchcircuit "github.com/zktreasury/zktreasury/circuits/batch"
	"github.com/zktreasury/zktreasury/circuits/gadget/bound"
	"github.com/zktreasury/zktreasury/prover/aggregate"
	"github.com/zktreasury/zktreasury/prover/batch"
	"github.com/zktreasury/zktreasury/prover/statement"
)

// Joined is a joined proof of an epoch's ledger with what a wrap needs of it.
type Joined struct {
	Ledger *batch.Ledger
	// Params is the aggregation circuit's shape, CCS and VK the circuit
	// compiled and its (development) key.
	Params    aggcircuit.Params
	CCS       constraint.ConstraintSystem
	VK        groth16.VerifyingKey
	Proof     groth16.Proof
	Statement *aggregate.Statement
}

// Users is the capacity M·K the joined proof covers.
func (j *Joined) Users() int { return j.Params.Batches * j.Params.Batch.Users }

// Build proves in.Ledger for in.Epoch in m batches of k users (direct hashing,
// bit range checks) and joins the batch proofs.
func Build(in statement.EpochInputs, k, m int) (*Joined, error) {
	l, err := batch.BuildLedger(in.Policy, in.Ledger, in.Secrets.UserSaltKey.Bytes(), k, m)
	if err != nil {
		return nil, err
	}
	bp := l.Params(batchcircuit.Direct, bound.Bits)
	bccs, err := batch.Compile(bp)
	if err != nil {
		return nil, err
	}
	bpk, bvk, err := groth16.Setup(bccs)
	if err != nil {
		return nil, fmt.Errorf("batch setup: %w", err)
	}
	var proofs []groth16.Proof
	var stmts []batch.Public
	for b := range l.M {
		a, err := l.Assignment(in.Epoch, b, bp)
		if err != nil {
			return nil, err
		}
		proof, err := batch.Prove(bccs, bpk, a)
		if err != nil {
			return nil, err
		}
		proofs, stmts = append(proofs, proof), append(stmts, l.Public(in.Epoch, b))
	}
	ap := aggcircuit.Params{Batches: l.M, Batch: bp}
	j := &Joined{Ledger: l, Params: ap}
	if j.CCS, err = aggregate.Compile(ap, bvk); err != nil {
		return nil, err
	}
	apk, avk, err := aggregate.SetupInsecure(j.CCS)
	if err != nil {
		return nil, err
	}
	j.VK = avk
	a, st, err := aggregate.Assignment(ap, in.Epoch, proofs, stmts)
	if err != nil {
		return nil, err
	}
	j.Statement = st
	if j.Proof, err = aggregate.Prove(j.CCS, apk, avk, a, st); err != nil {
		return nil, err
	}
	return j, nil
}

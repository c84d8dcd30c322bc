// Package recursionbench holds the stand-in circuits that measure the ways of
// joining batch proofs into one on-chain statement (issue #13) beyond the
// aggregation circuit itself (circuits/aggregate, measured by prover/aggregate's
// benchmarks): the BW6-761 Groth16 verifier inside BN254 (the EVM wrap), the
// BN254 Groth16 verifier emulated inside BN254, and Groth16 prove rates on the
// three curves. Its benchmarks print the figures quoted in the README
// ("Recursion designs measured"). These circuits prove nothing of the
// treasury: they are measuring instruments, kept out of circuits/.
//
// The inner circuit is a stand-in for a batch: it has the batch's public
// inputs (Epoch, Index, Root, Totals[0..3]) and a chain of squarings as its
// private work, so its size is chosen freely and its verification costs what a
// batch's does (a Groth16 verification depends on the number of public inputs
// and commitments only).
package recursionbench

import (
	"fmt"
	"math/big"

	"github.com/consensys/gnark/backend/groth16"
	"github.com/consensys/gnark/constraint"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/std/algebra"
	"github.com/consensys/gnark/std/math/emulated"
	stdgroth16 "github.com/consensys/gnark/std/recursion/groth16"
)

// Assets is the number of per-asset totals of the stand-in batch.
const Assets = 4

// PublicInputs is the number of public inputs of the stand-in batch: Epoch,
// Index, Root and one total per asset.
const PublicInputs = 3 + Assets

// TotalBits bounds a stand-in batch total.
const TotalBits = 64

// Inner is the stand-in batch: Root == Secret^(2^Work) and every total is
// below 2^TotalBits. With Commit it also makes one BSB22 commitment, as a batch
// with GKR hashing or lookup range checks does.
type Inner struct {
	// public, in the batch order (the aggregator depends on it)
	Epoch  frontend.Variable   `gnark:",public"`
	Index  frontend.Variable   `gnark:",public"`
	Root   frontend.Variable   `gnark:",public"`
	Totals []frontend.Variable `gnark:",public"`

	// private
	Secret frontend.Variable

	// Work is the number of squarings (one R1CS constraint each).
	Work int `gnark:"-"`
	// Commit adds one BSB22 commitment to the proof.
	Commit bool `gnark:"-"`
}

// NewInner returns the stand-in batch circuit with work squarings.
func NewInner(work int, commit bool) *Inner {
	return &Inner{Totals: make([]frontend.Variable, Assets), Work: work, Commit: commit}
}

// Define states the relation.
func (c *Inner) Define(api frontend.API) error {
	if len(c.Totals) != Assets {
		return fmt.Errorf("inner: %d totals, want %d", len(c.Totals), Assets)
	}
	s := c.Secret
	for range c.Work {
		s = api.Mul(s, s)
	}
	api.AssertIsEqual(s, c.Root)
	// Epoch and Index must sit in a constraint to be bound to the proof.
	api.ToBinary(c.Epoch, 64)
	api.ToBinary(c.Index, 32)
	for _, t := range c.Totals {
		api.ToBinary(t, TotalBits)
	}
	if c.Commit {
		committer, ok := api.(frontend.Committer)
		if !ok {
			return fmt.Errorf("inner: builder %T cannot commit", api)
		}
		cm, err := committer.Commit(c.Secret, c.Root)
		if err != nil {
			return fmt.Errorf("inner: commit: %w", err)
		}
		api.AssertIsDifferent(cm, 0)
	}
	return nil
}

// InnerAssignment is an honest assignment of Inner over the field of modulus r:
// Root is computed from secret.
func InnerAssignment(r *big.Int, work int, epoch, index uint64, secret int64, totals [Assets]uint64) *Inner {
	root := new(big.Int).Mod(big.NewInt(secret), r)
	for range work {
		root.Mul(root, root).Mod(root, r)
	}
	a := &Inner{Epoch: epoch, Index: index, Root: root, Secret: secret, Work: work, Totals: make([]frontend.Variable, Assets)}
	for i, t := range totals {
		a.Totals[i] = t
	}
	return a
}

// Stub is a minimal circuit with n public inputs: Y[0] == X·X and
// Y[i] == Y[i-1]·X. It gives the verifying keys of the wrap measurements, whose
// cost depends only on the number of public inputs.
type Stub struct {
	Y []frontend.Variable `gnark:",public"`
	X frontend.Variable
}

// NewStub returns a stub with n public inputs.
func NewStub(n int) *Stub { return &Stub{Y: make([]frontend.Variable, n)} }

// Define states the relation.
func (c *Stub) Define(api frontend.API) error {
	prev := c.X
	for i := range c.Y {
		prev = api.Mul(prev, c.X)
		api.AssertIsEqual(prev, c.Y[i])
	}
	return nil
}

// Wrap verifies one Groth16 proof of a fixed verifying key inside the outer
// circuit, its public inputs given as (emulated) private witnesses. It is the
// verifier part of a wrap: the cost measured is the verification alone.
type Wrap[FR emulated.FieldParams, G1 algebra.G1ElementT, G2 algebra.G2ElementT, GT algebra.GtElementT] struct {
	// private
	Proof  stdgroth16.Proof[G1, G2]
	Inputs stdgroth16.Witness[FR]

	// VerifyingKey is the inner key, a constant of the circuit.
	VerifyingKey stdgroth16.VerifyingKey[G1, G2, GT] `gnark:"-"`
	// SubgroupCheck checks the proof points' subgroups.
	SubgroupCheck bool `gnark:"-"`
}

// NewWrap returns the wrap verifying proofs of the compiled inner circuit ccs
// under vk.
func NewWrap[FR emulated.FieldParams, G1 algebra.G1ElementT, G2 algebra.G2ElementT, GT algebra.GtElementT](ccs constraint.ConstraintSystem, vk groth16.VerifyingKey, subgroupCheck bool) (*Wrap[FR, G1, G2, GT], error) {
	fixed, err := stdgroth16.ValueOfVerifyingKeyFixed[G1, G2, GT](vk)
	if err != nil {
		return nil, fmt.Errorf("wrap: verifying key: %w", err)
	}
	return &Wrap[FR, G1, G2, GT]{
		Proof:         stdgroth16.PlaceholderProof[G1, G2](ccs),
		Inputs:        stdgroth16.PlaceholderWitness[FR](ccs),
		VerifyingKey:  fixed,
		SubgroupCheck: subgroupCheck,
	}, nil
}

// Define states the relation.
func (c *Wrap[FR, G1, G2, GT]) Define(api frontend.API) error {
	v, err := stdgroth16.NewVerifier[FR, G1, G2, GT](api)
	if err != nil {
		return fmt.Errorf("wrap: verifier: %w", err)
	}
	var opts []stdgroth16.VerifierOption
	if c.SubgroupCheck {
		opts = append(opts, stdgroth16.WithSubgroupCheck())
	}
	if err := v.AssertProof(c.VerifyingKey, c.Proof, c.Inputs, opts...); err != nil {
		return fmt.Errorf("wrap: %w", err)
	}
	return nil
}

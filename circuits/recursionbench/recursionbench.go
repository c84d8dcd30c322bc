// Package recursionbench holds the circuits that measure the ways of joining
// batch proofs into one on-chain statement (issue #13): the BLS12-377 →
// BW6-761 2-chain aggregator, the BW6-761 Groth16 verifier inside BN254 (the
// EVM wrap) and the BN254 Groth16 verifier emulated inside BN254. Its
// benchmarks print the figures quoted in the README ("Scale: recursion designs
// measured"); its test checks that the measured aggregator is the sound one
// (it refuses swapped, foreign-epoch and miscounted batch proofs), so the
// numbers are those of a circuit that does the job.
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
	"github.com/consensys/gnark/backend/witness"
	"github.com/consensys/gnark/constraint"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/std/algebra"
	"github.com/consensys/gnark/std/algebra/native/sw_bls12377"
	"github.com/consensys/gnark/std/math/emulated"
	"github.com/consensys/gnark/std/permutation/poseidon2"
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

// Aggregator verifies len(Proofs) stand-in batch proofs under one fixed
// BLS12-377 verifying key, in a BW6-761 circuit: proof i is of epoch Epoch and
// of index i, Root is the binary Poseidon2 (BW6-761) tree of their roots and
// Totals[a] the sum of their totals of asset a.
type Aggregator struct {
	// public
	Epoch  frontend.Variable   `gnark:",public"`
	Root   frontend.Variable   `gnark:",public"`
	Totals []frontend.Variable `gnark:",public"`

	// private
	Proofs []stdgroth16.Proof[sw_bls12377.G1Affine, sw_bls12377.G2Affine]
	Inputs []stdgroth16.Witness[sw_bls12377.ScalarField]

	// VerifyingKey is the batch key, a constant of the circuit.
	VerifyingKey stdgroth16.VerifyingKey[sw_bls12377.G1Affine, sw_bls12377.G2Affine, sw_bls12377.GT] `gnark:"-"`
	// SubgroupCheck makes the circuit check that every proof point is in its
	// prime-order subgroup (the proofs are the prover's witness).
	SubgroupCheck bool `gnark:"-"`
}

// NewAggregator returns the aggregator of n batch proofs (n a power of 2) of the
// compiled inner circuit ccs and its verifying key.
func NewAggregator(n int, ccs constraint.ConstraintSystem, vk groth16.VerifyingKey, subgroupCheck bool) (*Aggregator, error) {
	if n < 1 || n&(n-1) != 0 {
		return nil, fmt.Errorf("aggregator: %d proofs, want a power of 2", n)
	}
	fixed, err := stdgroth16.ValueOfVerifyingKeyFixed[sw_bls12377.G1Affine, sw_bls12377.G2Affine, sw_bls12377.GT](vk)
	if err != nil {
		return nil, fmt.Errorf("aggregator: verifying key: %w", err)
	}
	c := &Aggregator{
		Totals:        make([]frontend.Variable, Assets),
		Proofs:        make([]stdgroth16.Proof[sw_bls12377.G1Affine, sw_bls12377.G2Affine], n),
		Inputs:        make([]stdgroth16.Witness[sw_bls12377.ScalarField], n),
		VerifyingKey:  fixed,
		SubgroupCheck: subgroupCheck,
	}
	for i := range n {
		c.Proofs[i] = stdgroth16.PlaceholderProof[sw_bls12377.G1Affine, sw_bls12377.G2Affine](ccs)
		c.Inputs[i] = stdgroth16.PlaceholderWitness[sw_bls12377.ScalarField](ccs)
	}
	return c, nil
}

// AggregatorAssignment assigns the batch proofs and their public witnesses in
// slot order, and the joined public inputs.
func AggregatorAssignment(proofs []groth16.Proof, publics []witness.Witness, epoch uint64, root *big.Int, totals []*big.Int) (*Aggregator, error) {
	if len(proofs) != len(publics) {
		return nil, fmt.Errorf("aggregator assignment: %d proofs, %d witnesses", len(proofs), len(publics))
	}
	if len(totals) != Assets {
		return nil, fmt.Errorf("aggregator assignment: %d totals, want %d", len(totals), Assets)
	}
	a := &Aggregator{Epoch: epoch, Root: root, Totals: make([]frontend.Variable, Assets)}
	for i, t := range totals {
		a.Totals[i] = t
	}
	for i := range proofs {
		p, err := stdgroth16.ValueOfProof[sw_bls12377.G1Affine, sw_bls12377.G2Affine](proofs[i])
		if err != nil {
			return nil, fmt.Errorf("aggregator assignment: proof %d: %w", i, err)
		}
		w, err := stdgroth16.ValueOfWitness[sw_bls12377.ScalarField](publics[i])
		if err != nil {
			return nil, fmt.Errorf("aggregator assignment: witness %d: %w", i, err)
		}
		a.Proofs = append(a.Proofs, p)
		a.Inputs = append(a.Inputs, w)
	}
	return a, nil
}

// Define states the relation.
func (c *Aggregator) Define(api frontend.API) error {
	n := len(c.Proofs)
	if n < 1 || n&(n-1) != 0 || len(c.Inputs) != n || len(c.Totals) != Assets {
		return fmt.Errorf("aggregator: %d proofs, %d witnesses, %d totals", n, len(c.Inputs), len(c.Totals))
	}
	v, err := stdgroth16.NewVerifier[sw_bls12377.ScalarField, sw_bls12377.G1Affine, sw_bls12377.G2Affine, sw_bls12377.GT](api)
	if err != nil {
		return fmt.Errorf("aggregator: verifier: %w", err)
	}
	fr, err := emulated.NewField[sw_bls12377.ScalarField](api)
	if err != nil {
		return fmt.Errorf("aggregator: scalar field: %w", err)
	}
	h, err := poseidon2.NewPoseidon2(api)
	if err != nil {
		return fmt.Errorf("aggregator: poseidon2: %w", err)
	}
	var opts []stdgroth16.VerifierOption
	if c.SubgroupCheck {
		opts = append(opts, stdgroth16.WithSubgroupCheck())
	}
	roots := make([]frontend.Variable, n)
	totals := make([]frontend.Variable, Assets)
	for a := range totals {
		totals[a] = 0
	}
	for i := range n {
		if len(c.Inputs[i].Public) != PublicInputs {
			return fmt.Errorf("aggregator: proof %d has %d public inputs, want %d", i, len(c.Inputs[i].Public), PublicInputs)
		}
		if err := v.AssertProof(c.VerifyingKey, c.Proofs[i], c.Inputs[i], opts...); err != nil {
			return fmt.Errorf("aggregator: proof %d: %w", i, err)
		}
		// Canonical: an emulated element may be any representative of its
		// class; the native value must be the one below r_b.
		x := make([]frontend.Variable, PublicInputs)
		for j := range x {
			x[j] = api.FromBinary(fr.ToBitsCanonical(&c.Inputs[i].Public[j])...)
		}
		api.AssertIsEqual(x[0], c.Epoch)
		api.AssertIsEqual(x[1], i)
		roots[i] = x[2]
		for a := range totals {
			totals[a] = api.Add(totals[a], x[3+a])
		}
	}
	for len(roots) > 1 {
		next := make([]frontend.Variable, len(roots)/2)
		for i := range next {
			next[i] = h.Compress(roots[2*i], roots[2*i+1])
		}
		roots = next
	}
	api.AssertIsEqual(roots[0], c.Root)
	for a := range totals {
		api.AssertIsEqual(totals[a], c.Totals[a])
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

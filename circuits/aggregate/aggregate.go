// Package aggregate joins M batch proofs (circuits/batch, Groth16 over
// BLS12-377) into one statement, in a circuit over BW6-761 whose scalar field
// is BLS12-377's base field, so each batch proof is verified natively
// (std/recursion/groth16 with sw_bls12377, about 12k R1CS per pairing).
//
// The joined statement: for every slot i in [0, M), the slot's proof verifies
// under the one batch verifying key fixed in the circuit, its Epoch is the
// joined Epoch and its Index is i; Root is the binary Poseidon2 tree over
// BW6-761 of the M batch roots in slot order; and Totals[a] is the sum of the
// M batch totals of asset a. Each batch proof's public inputs (BLS12-377
// scalars, emulated here) are turned into native variables canonically
// (ToBitsCanonical, then recomposed), so a representation of a value plus r_b
// cannot stand for another native value. Because every slot index is checked
// and the key is fixed, every leaf of the capacity M·K is under Root exactly
// once: no batch can be left out, repeated or moved.
//
// Public inputs, in this order: Epoch, Root, Totals[0..A-1]. The totals are
// sums of at most M·K balances below 2^64, far below r_a, so they cannot wrap.
// prover/batch (CompressA, Tree.Upper) is the native twin of the root.
package aggregate

import (
	"fmt"
	"strings"

	"github.com/consensys/gnark/backend/groth16"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/std/algebra/native/sw_bls12377"
	"github.com/consensys/gnark/std/commitments/pedersen"
	"github.com/consensys/gnark/std/math/emulated"
	"github.com/consensys/gnark/std/permutation/poseidon2"
	stdgroth16 "github.com/consensys/gnark/std/recursion/groth16"

	"github.com/zktreasury/zktreasury/circuits/batch"
	"github.com/zktreasury/zktreasury/circuits/gadget/bound"
)

// MaxBatches bounds M; with batch.MaxUsers it keeps every total below 2^104.
const MaxBatches = 1 << 20

// Types of the recursive verifier: BLS12-377 proofs in a BW6-761 circuit.
type (
	// Proof is a batch proof as circuit variables.
	Proof = stdgroth16.Proof[sw_bls12377.G1Affine, sw_bls12377.G2Affine]
	// VerifyingKey is the batch verifying key as circuit constants.
	VerifyingKey = stdgroth16.VerifyingKey[sw_bls12377.G1Affine, sw_bls12377.G2Affine, sw_bls12377.GT]
	// Public is a batch proof's public inputs, emulated BLS12-377 scalars in
	// the batch circuit's order: Epoch, Index, Root, Totals.
	Public = stdgroth16.Witness[sw_bls12377.ScalarField]
)

// Params size an aggregation circuit.
type Params struct {
	// Batches is M, a power of 2 (at least 1).
	Batches int
	// Batch is the shape of every batch circuit.
	Batch batch.Params
}

// Validate checks the parameters.
func (p Params) Validate() error {
	if p.Batches < 1 || p.Batches&(p.Batches-1) != 0 || p.Batches > MaxBatches {
		return fmt.Errorf("aggregate params: %d batches is not a power of 2 in [1, %d]", p.Batches, MaxBatches)
	}
	if err := p.Batch.Validate(); err != nil {
		return fmt.Errorf("aggregate params: %w", err)
	}
	return nil
}

// String names the parameters, e.g. "m2-k4-a4-direct-bits".
func (p Params) String() string {
	return fmt.Sprintf("m%d-%s", p.Batches, p.Batch)
}

// PublicInputs is the number of public inputs: Epoch, Root and one total per
// asset.
func PublicInputs(nAssets int) int { return 2 + nAssets }

// Circuit joins M batch proofs.
type Circuit struct {
	// public, in this order
	Epoch  frontend.Variable   `gnark:",public"`
	Root   frontend.Variable   `gnark:",public"`
	Totals []frontend.Variable `gnark:",public"`

	// private
	// Proofs[i] is slot i's batch proof.
	Proofs []Proof
	// Publics[i] is slot i's batch statement.
	Publics []Public

	// Params fixes the shape, Key the batch verifying key; neither is part of
	// the witness: both are compiled into the constraints.
	Params Params       `gnark:"-"`
	Key    VerifyingKey `gnark:"-"`
}

// NewCircuit returns a circuit for p whose batch verifying key is fixed to vk
// (a BLS12-377 Groth16 key of the batch circuit of p.Batch).
func NewCircuit(p Params, vk groth16.VerifyingKey) (*Circuit, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	key, err := stdgroth16.ValueOfVerifyingKeyFixed[sw_bls12377.G1Affine, sw_bls12377.G2Affine, sw_bls12377.GT](vk)
	if err != nil {
		return nil, fmt.Errorf("aggregate: batch verifying key: %w", err)
	}
	nPub := batch.PublicInputs(p.Batch.Assets)
	if want := 1 + nPub + len(key.CommitmentKeys); len(key.G1.K) != want {
		return nil, fmt.Errorf("aggregate: the batch verifying key has %d input points, a %s batch circuit with %d commitments has %d",
			len(key.G1.K), p.Batch, len(key.CommitmentKeys), want)
	}
	c := NewAssignment(p, len(key.CommitmentKeys))
	c.Key = key
	return c, nil
}

// NewAssignment returns a circuit for p with every slice sized and no key: the
// shape of a witness. commitments is the batch circuit's number of BSB22
// commitments (0 in Direct+Bits mode, 1 with GKR or lookups).
func NewAssignment(p Params, commitments int) *Circuit {
	nPub := batch.PublicInputs(p.Batch.Assets)
	c := &Circuit{
		Totals:  make([]frontend.Variable, p.Batch.Assets),
		Proofs:  make([]Proof, p.Batches),
		Publics: make([]Public, p.Batches),
		Params:  p,
	}
	for i := range c.Proofs {
		c.Proofs[i].Commitments = make([]pedersen.Commitment[sw_bls12377.G1Affine], commitments)
		c.Publics[i].Public = make([]emulated.Element[sw_bls12377.ScalarField], nPub)
	}
	return c
}

// Define states the relation.
func (c *Circuit) Define(api frontend.API) error {
	p := c.Params
	if err := p.Validate(); err != nil {
		return err
	}
	if len(c.Proofs) != p.Batches || len(c.Publics) != p.Batches || len(c.Totals) != p.Batch.Assets {
		return fmt.Errorf("aggregate %s: %d proofs, %d statements, %d totals", p, len(c.Proofs), len(c.Publics), len(c.Totals))
	}
	verifier, err := stdgroth16.NewVerifier[sw_bls12377.ScalarField, sw_bls12377.G1Affine, sw_bls12377.G2Affine, sw_bls12377.GT](api)
	if err != nil {
		return fmt.Errorf("aggregate: verifier: %w", err)
	}
	scalars, err := emulated.NewField[sw_bls12377.ScalarField](api)
	if err != nil {
		return fmt.Errorf("aggregate: scalar field: %w", err)
	}
	h, err := poseidon2.NewPoseidon2(api)
	if err != nil {
		return fmt.Errorf("aggregate: poseidon2: %w", err)
	}
	nPub := batch.PublicInputs(p.Batch.Assets)
	totals := make([]frontend.Variable, p.Batch.Assets)
	for a := range totals {
		totals[a] = frontend.Variable(0)
	}
	level := make([]frontend.Variable, p.Batches)
	valid := make([]frontend.Variable, p.Batches)
	for i := range p.Batches {
		if len(c.Publics[i].Public) != nPub {
			return fmt.Errorf("aggregate: slot %d has %d public inputs, want %d", i, len(c.Publics[i].Public), nPub)
		}
		// Subgroup checks: the native pairing does not check that the proof's
		// points are on the curve or in the prime-order subgroup.
		if valid[i], err = verifier.IsValidProof(c.Key, c.Proofs[i], c.Publics[i], stdgroth16.WithSubgroupCheck()); err != nil {
			return fmt.Errorf("aggregate: slot %d: %w", i, err)
		}
		api.AssertIsEqual(valid[i], 1)
		pub := make([]frontend.Variable, nPub)
		for j := range pub {
			pub[j] = api.FromBinary(scalars.ToBitsCanonical(&c.Publics[i].Public[j])...)
		}
		api.AssertIsEqual(pub[0], c.Epoch)
		api.AssertIsEqual(pub[1], i)
		level[i] = pub[2]
		for a := range totals {
			totals[a] = api.Add(totals[a], pub[3+a])
		}
	}
	for len(level) > 1 {
		next := make([]frontend.Variable, len(level)/2)
		for i := range next {
			next[i] = h.Compress(level[2*i], level[2*i+1])
		}
		level = next
	}
	api.AssertIsEqual(level[0], c.Root)
	// (not a range loop: the constraint-mutants tool deletes the assertion,
	// and the mutant must still compile)
	for a := 0; a < len(totals); a++ {
		api.AssertIsEqual(totals[a], c.Totals[a])
	}
	return nil
}

// ParseParams is the inverse of Params.String, e.g. "m2-k4-a4-direct-bits".
func ParseParams(s string) (Params, error) {
	var m, k, a int
	var rest string
	if n, err := fmt.Sscanf(s, "m%d-k%d-a%d-%s", &m, &k, &a, &rest); n != 4 || err != nil {
		return Params{}, fmt.Errorf("aggregate params %q: want m<M>-k<K>-a<A>-<hash>-<range check>", s)
	}
	hash, rc, ok := strings.Cut(rest, "-")
	if !ok {
		return Params{}, fmt.Errorf("aggregate params %q: no range-check mode", s)
	}
	h, err := batch.ParseHashMode(hash)
	if err != nil {
		return Params{}, fmt.Errorf("aggregate params %q: %w", s, err)
	}
	mode, err := bound.ParseMode(rc)
	if err != nil {
		return Params{}, fmt.Errorf("aggregate params %q: %w", s, err)
	}
	p := Params{Batches: m, Batch: batch.Params{Users: k, Assets: a, Hash: h, RangeCheck: mode}}
	if err := p.Validate(); err != nil {
		return Params{}, err
	}
	if p.String() != s {
		return Params{}, fmt.Errorf("aggregate params %q: not in canonical form (%q)", s, p.String())
	}
	return p, nil
}

// Package aggregate proves the joined statement of M batch proofs
// (circuits/aggregate) over BW6-761: it compiles the aggregation circuit with
// the batch verifying key fixed in it, runs a development setup, builds the
// assignment from the batch proofs and their statements, proves and verifies,
// and writes the joined proof as a proof file.
//
// The joined proof's public inputs are named epoch, liabilitiesRoot and
// total:<asset index>. BW6-761 has no EVM precompile, so the file carries no
// Solidity calldata: on-chain verification goes through a BN254 circuit that
// verifies this proof (a later part).
package aggregate

import (
	"encoding/hex"
	"fmt"
	"math/big"
	"strconv"
	"strings"

	"github.com/consensys/gnark-crypto/ecc"
	fb "github.com/consensys/gnark-crypto/ecc/bls12-377/fr"
	fa "github.com/consensys/gnark-crypto/ecc/bw6-761/fr"
	"github.com/consensys/gnark/backend/groth16"
	"github.com/consensys/gnark/backend/witness"
	"github.com/consensys/gnark/constraint"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/frontend/cs/r1cs"
	"github.com/consensys/gnark/std/algebra/native/sw_bls12377"
	stdgroth16 "github.com/consensys/gnark/std/recursion/groth16"

	circuit "github.com/zktreasury/zktreasury/circuits/aggregate"
	"github.com/zktreasury/zktreasury/prover/batch"
	"github.com/zktreasury/zktreasury/prover/prooffile"
	"github.com/zktreasury/zktreasury/prover/statement"
	"github.com/zktreasury/zktreasury/prover/zk"
)

// Curve is the curve of the joined proof; Wrap the curve of the circuit that
// will verify it for the EVM. The aggregation circuit holds one BSB22
// commitment (from the emulated-field range checks), so the joined proof is
// made with the hash-to-field a Wrap circuit recomputes (stdgroth16's native
// prover options), and verified with the matching options.
var (
	Curve = ecc.BW6_761
	Wrap  = ecc.BN254
)

// Name is the circuit name in proof files.
const Name = "aggregate"

// Backend is the proof system of the joined proof.
const Backend = "groth16"

// Input names in proof files.
const (
	EpochInput = "epoch"
	RootInput  = "liabilitiesRoot"
	// TotalPrefix is followed by the asset index: "total:0".
	TotalPrefix = "total:"
)

// Compile compiles the aggregation circuit of p with the batch verifying key
// batchVK fixed in its constraints (a proof under any other key fails).
func Compile(p circuit.Params, batchVK groth16.VerifyingKey) (constraint.ConstraintSystem, error) {
	c, err := circuit.NewCircuit(p, batchVK)
	if err != nil {
		return nil, err
	}
	ccs, err := frontend.Compile(Curve.ScalarField(), r1cs.NewBuilder, c)
	if err != nil {
		return nil, fmt.Errorf("compile aggregate circuit %s: %w", p, err)
	}
	return ccs, nil
}

// SetupInsecure runs a single-party Groth16 setup of the compiled circuit.
// Whoever ran it can forge joined proofs: for development and tests only.
func SetupInsecure(ccs constraint.ConstraintSystem) (groth16.ProvingKey, groth16.VerifyingKey, error) {
	pk, vk, err := groth16.Setup(ccs)
	if err != nil {
		return nil, nil, fmt.Errorf("aggregate setup (insecure): %w", err)
	}
	return pk, vk, nil
}

// Statement is the joined statement: the public inputs of the joined proof.
type Statement struct {
	Epoch uint64
	// Root is the liabilities root, in F_a.
	Root fa.Element
	// Totals[a] is the total of asset a over every batch, circuit units.
	Totals []*big.Int
}

// Join returns the joined statement of the batch statements, slot i holding
// statements[i]: the root of the C_a tree over the batch roots and the sum of
// the totals. It refuses statements that do not form an epoch's M batches in
// order: another epoch, an index that is not the slot, a root or a total out
// of range, or another number of batches than p's.
func Join(p circuit.Params, epoch uint64, statements []batch.Public) (*Statement, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	if len(statements) != p.Batches {
		return nil, fmt.Errorf("join: %d batch statements for %d batches", len(statements), p.Batches)
	}
	nAssets := p.Batch.Assets
	st := &Statement{Epoch: epoch, Totals: make([]*big.Int, nAssets)}
	for a := range st.Totals {
		st.Totals[a] = new(big.Int)
	}
	// A batch total is a sum of K balances below 2^64.
	maxTotal := new(big.Int).Lsh(big.NewInt(1), uint(p.Batch.TotalBits()))
	roots := make([]*big.Int, p.Batches)
	for i, s := range statements {
		if s.Epoch != epoch {
			return nil, fmt.Errorf("join: batch statement %d is for epoch %d, not %d", i, s.Epoch, epoch)
		}
		if s.Index != i {
			return nil, fmt.Errorf("join: batch statement %d has index %d", i, s.Index)
		}
		if s.Root == nil || s.Root.Sign() < 0 || s.Root.Cmp(fb.Modulus()) >= 0 {
			return nil, fmt.Errorf("join: batch %d: root %v is not a BLS12-377 scalar", i, s.Root)
		}
		if len(s.Totals) != nAssets {
			return nil, fmt.Errorf("join: batch %d has %d totals, want %d", i, len(s.Totals), nAssets)
		}
		for a, t := range s.Totals {
			if t == nil || t.Sign() < 0 || t.Cmp(maxTotal) >= 0 {
				return nil, fmt.Errorf("join: batch %d: total of asset %d = %v out of [0, 2^%d)", i, a, t, p.Batch.TotalBits())
			}
			st.Totals[a].Add(st.Totals[a], t)
		}
		roots[i] = s.Root
	}
	root, err := batch.TopRoot(roots)
	if err != nil {
		return nil, fmt.Errorf("join: %w", err)
	}
	st.Root = root
	return st, nil
}

// Slot returns a batch proof and its statement as the circuit's variables of
// one slot.
func Slot(proof groth16.Proof, s batch.Public) (circuit.Proof, circuit.Public, error) {
	pr, err := stdgroth16.ValueOfProof[sw_bls12377.G1Affine, sw_bls12377.G2Affine](proof)
	if err != nil {
		return circuit.Proof{}, circuit.Public{}, fmt.Errorf("batch %d proof: %w", s.Index, err)
	}
	w, err := s.Witness()
	if err != nil {
		return circuit.Proof{}, circuit.Public{}, err
	}
	pub, err := stdgroth16.ValueOfWitness[sw_bls12377.ScalarField](w)
	if err != nil {
		return circuit.Proof{}, circuit.Public{}, fmt.Errorf("batch %d statement: %w", s.Index, err)
	}
	return pr, pub, nil
}

// Assignment returns the full witness of the joined proof of epoch over the
// batch proofs, proofs[i] proving statements[i], and the joined statement.
func Assignment(p circuit.Params, epoch uint64, proofs []groth16.Proof, statements []batch.Public) (*circuit.Circuit, *Statement, error) {
	if err := p.Validate(); err != nil {
		return nil, nil, err
	}
	if len(proofs) != p.Batches {
		return nil, nil, fmt.Errorf("aggregate %s: %d proofs for %d batches", p, len(proofs), p.Batches)
	}
	st, err := Join(p, epoch, statements)
	if err != nil {
		return nil, nil, err
	}
	c := circuit.NewAssignment(p, 0)
	for i := range proofs {
		if c.Proofs[i], c.Publics[i], err = Slot(proofs[i], statements[i]); err != nil {
			return nil, nil, err
		}
	}
	c.Epoch, c.Root = epoch, st.Root
	for a, t := range st.Totals {
		c.Totals[a] = t
	}
	return c, st, nil
}

// Witness returns the public witness of the statement.
func (s *Statement) Witness() (witness.Witness, error) {
	c := &circuit.Circuit{Epoch: s.Epoch, Root: s.Root, Totals: make([]frontend.Variable, len(s.Totals))}
	for a, t := range s.Totals {
		c.Totals[a] = t
	}
	w, err := frontend.NewWitness(c, Curve.ScalarField(), frontend.PublicOnly())
	if err != nil {
		return nil, fmt.Errorf("aggregate public witness: %w", err)
	}
	return w, nil
}

// Named returns the public inputs in circuit order with their proof-file
// names; values are 0x-prefixed big-endian hex of F_a elements (48 bytes).
func (s *Statement) Named() []statement.NamedInput {
	out := []statement.NamedInput{
		{Name: EpochInput, Value: hexA(new(big.Int).SetUint64(s.Epoch))},
		{Name: RootInput, Value: hexA(s.Root.BigInt(new(big.Int)))},
	}
	for a, t := range s.Totals {
		out = append(out, statement.NamedInput{Name: TotalPrefix + strconv.Itoa(a), Value: hexA(t)})
	}
	return out
}

func hexA(v *big.Int) string {
	var e fa.Element
	e.SetBigInt(v)
	return batch.HexA(e)
}

// ParseNamed is the inverse of Named for a statement of nAssets assets: it
// refuses inputs that are missing, extra, misnamed, out of order, not
// canonical F_a elements, or an epoch beyond 64 bits.
func ParseNamed(named []statement.NamedInput, nAssets int) (*Statement, error) {
	if len(named) != circuit.PublicInputs(nAssets) {
		return nil, fmt.Errorf("%d public inputs, a joined proof of %d assets has %d", len(named), nAssets, circuit.PublicInputs(nAssets))
	}
	vals := make([]*big.Int, len(named))
	for i, in := range named {
		want := TotalPrefix + strconv.Itoa(i-2)
		switch i {
		case 0:
			want = EpochInput
		case 1:
			want = RootInput
		}
		if in.Name != want {
			return nil, fmt.Errorf("public input %d is named %q, want %q", i, in.Name, want)
		}
		b, err := hex.DecodeString(strings.TrimPrefix(in.Value, "0x"))
		if err != nil || !strings.HasPrefix(in.Value, "0x") || len(b) != fa.Bytes {
			return nil, fmt.Errorf("public input %s = %q: want 0x and %d bytes of hex", in.Name, in.Value, fa.Bytes)
		}
		v := new(big.Int).SetBytes(b)
		if v.Cmp(fa.Modulus()) >= 0 {
			return nil, fmt.Errorf("public input %s = %q: not below the BW6-761 scalar modulus", in.Name, in.Value)
		}
		vals[i] = v
	}
	if !vals[0].IsUint64() {
		return nil, fmt.Errorf("public input %s = %s: beyond 64 bits", EpochInput, named[0].Value)
	}
	st := &Statement{Epoch: vals[0].Uint64(), Totals: vals[2:]}
	st.Root.SetBigInt(vals[1])
	return st, nil
}

// Prove proves the joined statement and checks the fresh proof.
func Prove(ccs constraint.ConstraintSystem, pk groth16.ProvingKey, vk groth16.VerifyingKey, assignment *circuit.Circuit, st *Statement) (groth16.Proof, error) {
	w, err := frontend.NewWitness(assignment, Curve.ScalarField())
	if err != nil {
		return nil, fmt.Errorf("aggregate witness: %w", err)
	}
	proof, err := groth16.Prove(ccs, pk, w, stdgroth16.GetNativeProverOptions(Wrap.ScalarField(), Curve.ScalarField()))
	if err != nil {
		return nil, fmt.Errorf("prove aggregate: %w", err)
	}
	if err := Verify(proof, vk, st); err != nil {
		return nil, fmt.Errorf("fresh joined proof: %w", err)
	}
	return proof, nil
}

// Verify checks a joined proof against its statement.
func Verify(proof groth16.Proof, vk groth16.VerifyingKey, st *Statement) error {
	w, err := st.Witness()
	if err != nil {
		return err
	}
	if err := groth16.Verify(proof, vk, w, stdgroth16.GetNativeVerifierOptions(Wrap.ScalarField(), Curve.ScalarField())); err != nil {
		return fmt.Errorf("joined proof of epoch %d: %w: %w", st.Epoch, zk.ErrProofRejected, err)
	}
	return nil
}

// File returns the proof file of a joined proof: circuit "aggregate", the
// params' name, the digests of the circuit and of its verifying key, and the
// named public inputs; no Solidity calldata (no EVM precompile for BW6-761).
func File(p circuit.Params, ccs constraint.ConstraintSystem, vk groth16.VerifyingKey, proof groth16.Proof, st *Statement, insecure bool) (*prooffile.File, error) {
	digest, err := zk.Digest(ccs)
	if err != nil {
		return nil, fmt.Errorf("aggregate circuit digest: %w", err)
	}
	vkDigest, err := zk.Digest(vk)
	if err != nil {
		return nil, fmt.Errorf("aggregate verifying key digest: %w", err)
	}
	pb, err := zk.Bytes(proof)
	if err != nil {
		return nil, fmt.Errorf("serialize joined proof: %w", err)
	}
	return &prooffile.File{
		Circuit: Name, Params: p.String(), Backend: Backend,
		CircuitDigest: digest, VerifyingKeyDigest: vkDigest, Insecure: insecure,
		PublicInputs: st.Named(), Proof: "0x" + hex.EncodeToString(pb),
	}, nil
}

// VerifyFile checks a joined proof file against the verifying key vk of the
// aggregation circuit of p (which the caller holds: a file never carries its
// key) and returns its statement. It refuses a file of another circuit,
// params, backend or key digest, misnamed or extra inputs, trailing proof
// bytes, or a proof that does not verify (zk.ErrProofRejected).
func VerifyFile(f *prooffile.File, p circuit.Params, vk groth16.VerifyingKey) (*Statement, error) {
	st, _, err := VerifyFileProof(f, p, vk)
	return st, err
}

// VerifyFileProof is VerifyFile that also returns the verified proof (for the
// wrap circuit, which verifies it again inside a BN254 proof).
func VerifyFileProof(f *prooffile.File, p circuit.Params, vk groth16.VerifyingKey) (*Statement, groth16.Proof, error) {
	if f.Circuit != Name || f.Backend != Backend {
		return nil, nil, fmt.Errorf("%w: the file is a %s %s proof, not %s %s", zk.ErrProofRejected, f.Backend, f.Circuit, Backend, Name)
	}
	if f.Params != p.String() {
		return nil, nil, fmt.Errorf("%w: the file says params %q, the key is for %q", zk.ErrProofRejected, f.Params, p)
	}
	vkDigest, err := zk.Digest(vk)
	if err != nil {
		return nil, nil, err
	}
	if f.VerifyingKeyDigest != vkDigest {
		return nil, nil, fmt.Errorf("%w: the file names verifying key %.16s, the key is %.16s", zk.ErrProofRejected, f.VerifyingKeyDigest, vkDigest)
	}
	if f.Solidity.Proof != "" || len(f.Solidity.Input) != 0 {
		return nil, nil, fmt.Errorf("%w: a BW6-761 proof file has no Solidity calldata", zk.ErrProofRejected)
	}
	st, err := ParseNamed(f.PublicInputs, p.Batch.Assets)
	if err != nil {
		return nil, nil, fmt.Errorf("%w: %w", zk.ErrProofRejected, err)
	}
	pb, err := f.ProofBytes()
	if err != nil {
		return nil, nil, fmt.Errorf("%w: proof: %w", zk.ErrProofRejected, err)
	}
	proof := groth16.NewProof(Curve)
	n, err := proof.ReadFrom(strings.NewReader(string(pb)))
	if err != nil || n != int64(len(pb)) {
		return nil, nil, fmt.Errorf("%w: proof bytes: read %d of %d (%v)", zk.ErrProofRejected, n, len(pb), err)
	}
	if err := Verify(proof, vk, st); err != nil {
		return nil, nil, err
	}
	return st, proof, nil
}

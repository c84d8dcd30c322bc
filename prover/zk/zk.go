// Package zk puts gnark's Groth16 and PLONK on BN254 behind one interface:
// compile, setup, prove, verify and Solidity export. Proofs are always made and
// checked with the Solidity-verifier targets, so one proof serves the Go verifier
// and the exported contract alike (without them a Groth16 proof carrying a
// commitment verifies in Go and is rejected on-chain).
package zk

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/backend"
	"github.com/consensys/gnark/backend/groth16"
	"github.com/consensys/gnark/backend/plonk"
	"github.com/consensys/gnark/backend/solidity"
	"github.com/consensys/gnark/backend/witness"
	"github.com/consensys/gnark/constraint"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/frontend/cs/r1cs"
	"github.com/consensys/gnark/frontend/cs/scs"
	"github.com/consensys/gnark/test/unsafekzg"
)

// ErrProofRejected is returned by Verify when the proof does not verify against
// the verifying key and public inputs.
var ErrProofRejected = errors.New("proof rejected")

// Curve is the only curve zktreasury proves on: BN254, which Ethereum's
// precompiles support.
const Curve = ecc.BN254

// Names lists the valid backend names.
var Names = []string{"groth16", "plonk"}

// Backend is one proof system.
type Backend interface {
	// Name is "groth16" or "plonk".
	Name() string
	// Compile builds the constraint system of a circuit.
	Compile(c frontend.Circuit) (constraint.ConstraintSystem, error)
	// SetupInsecure runs a single-party setup whose toxic waste this process
	// knows: anyone holding it can forge proofs. For development only.
	SetupInsecure(ccs constraint.ConstraintSystem) (Keys, error)
	// Prove proves a full witness.
	Prove(ccs constraint.ConstraintSystem, pk io.WriterTo, full witness.Witness) (Proof, error)
	// Verify checks a proof against public inputs.
	Verify(p Proof, vk io.WriterTo, public witness.Witness) error
	// NewCS, NewProvingKey, NewVerifyingKey and NewProof return empty objects to
	// read serialized ones into.
	NewCS() constraint.ConstraintSystem
	NewProvingKey() io.ReaderFrom
	NewVerifyingKey() io.ReaderFrom
	NewProof() Proof
	// ExportSolidity writes the verifier contract of a verifying key.
	ExportSolidity(vk io.WriterTo, w io.Writer) error
	// NbPublicInputs returns the number of public inputs of a constraint system.
	NbPublicInputs(ccs constraint.ConstraintSystem) int
}

// Keys is a proving and verifying key pair.
type Keys struct {
	PK io.WriterTo
	VK io.WriterTo
}

// Proof is a backend proof.
type Proof interface {
	io.WriterTo
	io.ReaderFrom
}

// ByName returns the backend with the given name.
func ByName(name string) (Backend, error) {
	switch name {
	case "groth16":
		return Groth16{}, nil
	case "plonk":
		return Plonk{}, nil
	}
	return nil, fmt.Errorf("unknown backend %q: want one of %v", name, Names)
}

// Digest returns the hex SHA-256 of an object's binary serialization.
func Digest(o io.WriterTo) (string, error) {
	h := sha256.New()
	if _, err := o.WriteTo(h); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// Bytes serializes an object.
func Bytes(o io.WriterTo) ([]byte, error) {
	var b bytes.Buffer
	if _, err := o.WriteTo(&b); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// SolidityCalldata returns the proof bytes the exported Solidity verifier takes.
func SolidityCalldata(p Proof) ([]byte, error) {
	m, ok := p.(interface{ MarshalSolidity() []byte })
	if !ok {
		return nil, fmt.Errorf("proof %T has no Solidity encoding", p)
	}
	return m.MarshalSolidity(), nil
}

const pragma = "^0.8.20"

// Groth16 is gnark's Groth16 on BN254: the smallest proof and cheapest on-chain
// verification; needs a per-circuit setup.
type Groth16 struct{}

// Name implements Backend.
func (Groth16) Name() string { return "groth16" }

// Compile implements Backend.
func (Groth16) Compile(c frontend.Circuit) (constraint.ConstraintSystem, error) {
	return frontend.Compile(Curve.ScalarField(), r1cs.NewBuilder, c)
}

// SetupInsecure implements Backend.
func (Groth16) SetupInsecure(ccs constraint.ConstraintSystem) (Keys, error) {
	pk, vk, err := groth16.Setup(ccs)
	if err != nil {
		return Keys{}, fmt.Errorf("groth16 setup: %w", err)
	}
	return Keys{PK: pk, VK: vk}, nil
}

// Prove implements Backend.
func (Groth16) Prove(ccs constraint.ConstraintSystem, pk io.WriterTo, full witness.Witness) (Proof, error) {
	k, ok := pk.(groth16.ProvingKey)
	if !ok {
		return nil, fmt.Errorf("groth16 prove: proving key is %T", pk)
	}
	p, err := groth16.Prove(ccs, k, full, solidity.WithProverTargetSolidityVerifier(backend.GROTH16))
	if err != nil {
		return nil, fmt.Errorf("groth16 prove: %w", err)
	}
	return p, nil
}

// Verify implements Backend.
func (Groth16) Verify(p Proof, vk io.WriterTo, public witness.Witness) error {
	gp, ok1 := p.(groth16.Proof)
	k, ok2 := vk.(groth16.VerifyingKey)
	if !ok1 || !ok2 {
		return fmt.Errorf("groth16 verify: got %T and %T", p, vk)
	}
	if err := groth16.Verify(gp, k, public, solidity.WithVerifierTargetSolidityVerifier(backend.GROTH16)); err != nil {
		return fmt.Errorf("%w: %v", ErrProofRejected, err)
	}
	return nil
}

// NewCS implements Backend.
func (Groth16) NewCS() constraint.ConstraintSystem { return groth16.NewCS(Curve) }

// NewProvingKey implements Backend.
func (Groth16) NewProvingKey() io.ReaderFrom { return groth16.NewProvingKey(Curve) }

// NewVerifyingKey implements Backend.
func (Groth16) NewVerifyingKey() io.ReaderFrom { return groth16.NewVerifyingKey(Curve) }

// NewProof implements Backend.
func (Groth16) NewProof() Proof { return groth16.NewProof(Curve) }

// ExportSolidity implements Backend.
func (Groth16) ExportSolidity(vk io.WriterTo, w io.Writer) error {
	k, ok := vk.(groth16.VerifyingKey)
	if !ok {
		return fmt.Errorf("groth16 export: verifying key is %T", vk)
	}
	return k.ExportSolidity(w, solidity.WithPragmaVersion(pragma))
}

// NbPublicInputs implements Backend: R1CS counts the constant-one wire as public.
func (Groth16) NbPublicInputs(ccs constraint.ConstraintSystem) int {
	return ccs.GetNbPublicVariables() - 1
}

// Plonk is gnark's PLONK on BN254 with KZG: one universal SRS for every circuit.
type Plonk struct{}

// Name implements Backend.
func (Plonk) Name() string { return "plonk" }

// Compile implements Backend.
func (Plonk) Compile(c frontend.Circuit) (constraint.ConstraintSystem, error) {
	return frontend.Compile(Curve.ScalarField(), scs.NewBuilder, c)
}

// SetupInsecure implements Backend with an SRS whose toxic value is known
// (gnark's unsafekzg). Production keys use a public powers-of-tau SRS.
func (Plonk) SetupInsecure(ccs constraint.ConstraintSystem) (Keys, error) {
	srs, lagrange, err := unsafekzg.NewSRS(ccs)
	if err != nil {
		return Keys{}, fmt.Errorf("plonk srs: %w", err)
	}
	pk, vk, err := plonk.Setup(ccs, srs, lagrange)
	if err != nil {
		return Keys{}, fmt.Errorf("plonk setup: %w", err)
	}
	return Keys{PK: pk, VK: vk}, nil
}

// Prove implements Backend.
func (Plonk) Prove(ccs constraint.ConstraintSystem, pk io.WriterTo, full witness.Witness) (Proof, error) {
	k, ok := pk.(plonk.ProvingKey)
	if !ok {
		return nil, fmt.Errorf("plonk prove: proving key is %T", pk)
	}
	p, err := plonk.Prove(ccs, k, full, solidity.WithProverTargetSolidityVerifier(backend.PLONK))
	if err != nil {
		return nil, fmt.Errorf("plonk prove: %w", err)
	}
	return p, nil
}

// Verify implements Backend.
func (Plonk) Verify(p Proof, vk io.WriterTo, public witness.Witness) error {
	pp, ok1 := p.(plonk.Proof)
	k, ok2 := vk.(plonk.VerifyingKey)
	if !ok1 || !ok2 {
		return fmt.Errorf("plonk verify: got %T and %T", p, vk)
	}
	if err := plonk.Verify(pp, k, public, solidity.WithVerifierTargetSolidityVerifier(backend.PLONK)); err != nil {
		return fmt.Errorf("%w: %v", ErrProofRejected, err)
	}
	return nil
}

// NewCS implements Backend.
func (Plonk) NewCS() constraint.ConstraintSystem { return plonk.NewCS(Curve) }

// NewProvingKey implements Backend.
func (Plonk) NewProvingKey() io.ReaderFrom { return plonk.NewProvingKey(Curve) }

// NewVerifyingKey implements Backend.
func (Plonk) NewVerifyingKey() io.ReaderFrom { return plonk.NewVerifyingKey(Curve) }

// NewProof implements Backend.
func (Plonk) NewProof() Proof { return plonk.NewProof(Curve) }

// ExportSolidity implements Backend.
func (Plonk) ExportSolidity(vk io.WriterTo, w io.Writer) error {
	k, ok := vk.(plonk.VerifyingKey)
	if !ok {
		return fmt.Errorf("plonk export: verifying key is %T", vk)
	}
	return k.ExportSolidity(w, solidity.WithPragmaVersion(pragma))
}

// NbPublicInputs implements Backend.
func (Plonk) NbPublicInputs(ccs constraint.ConstraintSystem) int { return ccs.GetNbPublicVariables() }

// PublicWitness builds a public witness from public input values in circuit order.
func PublicWitness(values []any) (witness.Witness, error) {
	w, err := witness.New(Curve.ScalarField())
	if err != nil {
		return nil, err
	}
	ch := make(chan any, len(values))
	for _, v := range values {
		ch <- v
	}
	close(ch)
	if err := w.Fill(len(values), 0, ch); err != nil {
		return nil, fmt.Errorf("public witness: %w", err)
	}
	return w, nil
}

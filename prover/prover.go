// Package prover runs the proof pipeline: compile a circuit, set up or load its
// keys by digest, prove an assignment, check the proof, and write or verify proof
// files. The statement subpackage builds assignments; zk wraps the proof systems.
package prover

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math/big"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/consensys/gnark/constraint"
	"github.com/consensys/gnark/frontend"

	"github.com/zktreasury/zktreasury/prover/keystore"
	"github.com/zktreasury/zktreasury/prover/prooffile"
	"github.com/zktreasury/zktreasury/prover/statement"
	"github.com/zktreasury/zktreasury/prover/zk"
)

// Logf reports progress; nil is silent.
type Logf func(format string, args ...any)

func (l Logf) log(format string, args ...any) {
	if l != nil {
		l(format, args...)
	}
}

// Job names a circuit instance: its name ("solvency"), its parameters' name, and
// a shape (a circuit with sized slices and no values).
type Job struct {
	Circuit string
	Params  string
	Shape   frontend.Circuit
}

// Compile compiles the job's circuit for a backend and returns its digest.
func Compile(b zk.Backend, j Job, logf Logf) (constraint.ConstraintSystem, string, error) {
	start := time.Now()
	ccs, err := b.Compile(j.Shape)
	if err != nil {
		return nil, "", fmt.Errorf("compile %s %s: %w", j.Circuit, j.Params, err)
	}
	digest, err := keystore.CircuitDigest(ccs)
	if err != nil {
		return nil, "", err
	}
	logf.log("compiled %s %s for %s: %d constraints in %s (digest %s)", j.Circuit, j.Params, b.Name(), ccs.GetNbConstraints(), time.Since(start).Round(time.Millisecond), digest[:16])
	return ccs, digest, nil
}

// SetupInsecure compiles the job, runs a single-party setup and saves the keys.
// Whoever ran it can forge proofs: for development and tests only.
func SetupInsecure(store keystore.Store, b zk.Backend, j Job, logf Logf) (*keystore.Meta, error) {
	ccs, digest, err := Compile(b, j, logf)
	if err != nil {
		return nil, err
	}
	start := time.Now()
	keys, err := b.SetupInsecure(ccs)
	if err != nil {
		return nil, err
	}
	logf.log("setup done in %s", time.Since(start).Round(time.Millisecond))
	m := keystore.Meta{Circuit: j.Circuit, Params: j.Params, Backend: b.Name(), CircuitDigest: digest,
		Constraints: ccs.GetNbConstraints(), PublicInputs: b.NbPublicInputs(ccs), Insecure: true,
		Created: time.Now().UTC().Truncate(time.Second)}
	if err := store.Save(m, keys); err != nil {
		return nil, fmt.Errorf("save keys: %w", err)
	}
	saved, err := store.LoadMeta(j.Circuit, b.Name(), digest)
	if err != nil {
		return nil, err
	}
	return saved, nil
}

// Prove compiles the job, loads its keys, proves the assignment, verifies the
// proof with the stored verifying key, and returns the proof file. public must
// name the assignment's public inputs in circuit order; it is checked against
// the witness.
func Prove(store keystore.Store, b zk.Backend, j Job, assignment frontend.Circuit, public []statement.NamedInput, logf Logf) (*prooffile.File, error) {
	return (*Cache)(nil).Prove(store, b, j, assignment, public, logf)
}

// Cache keeps compiled circuits and their loaded keys for a process that proves
// many statements of one shape (zktreasury run proves one epoch after another):
// compiling and loading the keys then happen once, not per proof. The zero value
// is ready; a nil *Cache caches nothing. Entries are keyed by key store, backend,
// circuit and parameters, and live as long as the Cache.
type Cache struct {
	mu      sync.Mutex
	entries map[string]*loaded
}

type loaded struct {
	ccs    constraint.ConstraintSystem
	digest string
	pk, vk io.WriterTo
	meta   *keystore.Meta
}

func (c *Cache) load(store keystore.Store, b zk.Backend, j Job, logf Logf) (*loaded, error) {
	key := strings.Join([]string{store.Dir, b.Name(), j.Circuit, j.Params}, "\x00")
	if c != nil {
		c.mu.Lock()
		defer c.mu.Unlock()
		if e, ok := c.entries[key]; ok {
			logf.log("compiled %s %s for %s: %d constraints, kept from the previous proof (digest %s)", j.Circuit, j.Params, b.Name(), e.ccs.GetNbConstraints(), e.digest[:16])
			return e, nil
		}
	}
	ccs, digest, err := Compile(b, j, logf)
	if err != nil {
		return nil, err
	}
	pk, meta, err := store.LoadProvingKey(b, j.Circuit, ccs)
	if err != nil {
		return nil, err
	}
	vk, _, err := store.LoadVerifyingKey(b, j.Circuit, digest)
	if err != nil {
		return nil, err
	}
	e := &loaded{ccs: ccs, digest: digest, pk: pk, vk: vk, meta: meta}
	if c != nil {
		if c.entries == nil {
			c.entries = map[string]*loaded{}
		}
		c.entries[key] = e
	}
	return e, nil
}

// Prove is the package's Prove, reusing what an earlier call compiled and loaded.
func (c *Cache) Prove(store keystore.Store, b zk.Backend, j Job, assignment frontend.Circuit, public []statement.NamedInput, logf Logf) (*prooffile.File, error) {
	e, err := c.load(store, b, j, logf)
	if err != nil {
		return nil, err
	}
	ccs, digest, pk, vk, meta := e.ccs, e.digest, e.pk, e.vk, e.meta
	full, err := frontend.NewWitness(assignment, zk.Curve.ScalarField())
	if err != nil {
		return nil, fmt.Errorf("witness: %w", err)
	}
	pub, err := full.Public()
	if err != nil {
		return nil, err
	}
	// The file names the hashed statement values, if any, before the circuit's
	// public inputs: the witness's public vector is the tail.
	nPub := reflectLen(pub.Vector())
	if nPub > len(public) {
		return nil, fmt.Errorf("internal error: %d named public values for %d public inputs", len(public), nPub)
	}
	if err := matchPublic(pub.Vector(), public[len(public)-nPub:]); err != nil {
		return nil, err
	}
	if err := checkPublicHash(j.Circuit, public); err != nil {
		return nil, fmt.Errorf("internal error: %w", err)
	}
	logf.log("proving %s with %s (%d constraints, %d cores)...", j.Circuit, b.Name(), ccs.GetNbConstraints(), runtime.GOMAXPROCS(0))
	start := time.Now()
	proof, err := b.Prove(ccs, pk, full)
	if err != nil {
		return nil, err
	}
	logf.log("proved in %s", time.Since(start).Round(time.Millisecond))
	if err := b.Verify(proof, vk, pub); err != nil {
		return nil, fmt.Errorf("fresh proof does not verify: %w", err)
	}
	pb, err := zk.Bytes(proof)
	if err != nil {
		return nil, err
	}
	sol, err := zk.SolidityCalldata(proof)
	if err != nil {
		return nil, err
	}
	f := &prooffile.File{Circuit: j.Circuit, Params: j.Params, Backend: b.Name(), CircuitDigest: digest,
		VerifyingKeyDigest: meta.VerifyingKeyDigest, Insecure: meta.Insecure, PublicInputs: public,
		Proof: "0x" + fmt.Sprintf("%x", pb), Solidity: prooffile.Solidity{Proof: "0x" + fmt.Sprintf("%x", sol)}}
	for _, in := range public[len(public)-nPub:] {
		f.Solidity.Input = append(f.Solidity.Input, in.Value)
	}
	return f, nil
}

// matchPublic checks that the named inputs are the witness's public vector.
func matchPublic(vector any, named []statement.NamedInput) error {
	vals, err := publicValues(named)
	if err != nil {
		return err
	}
	w, err := zk.PublicWitness(vals)
	if err != nil {
		return err
	}
	if fmt.Sprint(w.Vector()) != fmt.Sprint(vector) {
		return errors.New("internal error: named public inputs do not match the witness")
	}
	return nil
}

func publicValues(named []statement.NamedInput) ([]any, error) {
	out := make([]any, len(named))
	for i, in := range named {
		e, err := statement.ParseElement(in.Value)
		if err != nil {
			return nil, fmt.Errorf("public input %s = %q: %w", in.Name, in.Value, err)
		}
		out[i] = e.BigInt(new(big.Int))
	}
	return out, nil
}

// Verify checks a proof file against the verifying key in the store for the
// file's circuit digest; it is VerifyFile without the key's metadata.
func Verify(store keystore.Store, f *prooffile.File) error {
	_, err := VerifyFile(store, f)
	return err
}

// VerifyFile checks a proof file against the verifying key in the store for the
// file's circuit digest, and returns the key store's metadata, which is what a
// caller shows: the file's description of itself is not trusted. The key must be
// the one the file names; a key carried by the file itself is never trusted (the
// format has none). Besides the proof, it refuses (wrapping zk.ErrProofRejected)
// a file whose params or insecureSetup differ from the key store's, whose public
// inputs are not named and counted as the circuit's layout says, whose proof
// has trailing or missing bytes, or whose solidity calldata is not the one
// recomputed from the proof and its public inputs.
func VerifyFile(store keystore.Store, f *prooffile.File) (*keystore.Meta, error) {
	b, err := zk.ByName(f.Backend)
	if err != nil {
		return nil, err
	}
	vk, meta, err := store.LoadVerifyingKey(b, f.Circuit, f.CircuitDigest)
	if err != nil {
		return nil, err
	}
	if meta.VerifyingKeyDigest != f.VerifyingKeyDigest {
		return meta, fmt.Errorf("%w: proof names verifying key %.16s, the store has %.16s", zk.ErrProofRejected, f.VerifyingKeyDigest, meta.VerifyingKeyDigest)
	}
	if f.Params != meta.Params {
		return meta, fmt.Errorf("%w: the proof file says params %q, the key store's key is for %q", zk.ErrProofRejected, f.Params, meta.Params)
	}
	if f.Insecure != meta.Insecure {
		return meta, fmt.Errorf("%w: the proof file says insecureSetup %v, the key store's key says %v", zk.ErrProofRejected, f.Insecure, meta.Insecure)
	}
	shape, err := ParseShape(meta.Circuit, meta.Params)
	if err != nil {
		return meta, fmt.Errorf("key store metadata: %w", err)
	}
	hashed, public, err := shape.Layout()
	if err != nil {
		return meta, err
	}
	if len(public) != meta.PublicInputs {
		return meta, fmt.Errorf("key store metadata: %d public inputs, the circuit %s has %d", meta.PublicInputs, meta.Params, len(public))
	}
	if err := CheckLayout(append(hashed, public...), f.PublicInputs); err != nil {
		return meta, fmt.Errorf("%w: %v", zk.ErrProofRejected, err)
	}
	if err := checkPublicHash(f.Circuit, f.PublicInputs); err != nil {
		return meta, fmt.Errorf("%w: %v", zk.ErrProofRejected, err)
	}
	circuitInputs := f.PublicInputs[len(hashed):]
	vals, err := publicValues(circuitInputs)
	if err != nil {
		return meta, fmt.Errorf("%w: %v", zk.ErrProofRejected, err)
	}
	pub, err := zk.PublicWitness(vals)
	if err != nil {
		return meta, err
	}
	pb, err := f.ProofBytes()
	if err != nil {
		return meta, fmt.Errorf("%w: malformed proof: %v", zk.ErrProofRejected, err)
	}
	proof := b.NewProof()
	n, err := proof.ReadFrom(bytes.NewReader(pb))
	if err != nil {
		return meta, fmt.Errorf("%w: malformed proof (%d bytes): %v", zk.ErrProofRejected, len(pb), err)
	}
	if n != int64(len(pb)) {
		return meta, fmt.Errorf("%w: the proof is %d bytes, %d after a complete %s proof", zk.ErrProofRejected, len(pb), int64(len(pb))-n, b.Name())
	}
	if err := checkSolidity(f, circuitInputs, proof); err != nil {
		return meta, fmt.Errorf("%w: %v", zk.ErrProofRejected, err)
	}
	return meta, b.Verify(proof, vk, pub)
}

// checkSolidity compares the file's Solidity calldata with the one recomputed
// from its proof and the circuit's public inputs: it is what `epoch submit` sends.
func checkSolidity(f *prooffile.File, inputs []statement.NamedInput, proof zk.Proof) error {
	sol, err := zk.SolidityCalldata(proof)
	if err != nil {
		return err
	}
	got, err := prooffile.DecodeHex(f.Solidity.Proof)
	if err != nil {
		return fmt.Errorf("solidity.proof: %v", err)
	}
	if !bytes.Equal(got, sol) {
		return fmt.Errorf("solidity.proof (%d bytes) is not the calldata of the proof (%d bytes)", len(got), len(sol))
	}
	if len(f.Solidity.Input) != len(inputs) {
		return fmt.Errorf("solidity.input has %d values, the circuit %d public inputs", len(f.Solidity.Input), len(inputs))
	}
	for i, in := range inputs {
		a, errA := statement.ParseElement(in.Value)
		b, errB := statement.ParseElement(f.Solidity.Input[i])
		if errA != nil || errB != nil || !a.Equal(&b) {
			return fmt.Errorf("solidity.input[%d] = %q, the public input %s is %q", i, f.Solidity.Input[i], in.Name, in.Value)
		}
	}
	return nil
}

func reflectLen(v any) int { return reflect.ValueOf(v).Len() }

// checkPublicHash checks, for an epoch proof, that the last named value,
// publicHash (the circuit's one public input), is the hash of the named
// statement values before it (package epochhash): the values a reader takes
// from the file are then the ones the proof is about.
func checkPublicHash(circuit string, named []statement.NamedInput) error {
	if circuit != "epoch" {
		return nil
	}
	if len(named) == 0 || named[len(named)-1].Name != statement.PublicHashName {
		return fmt.Errorf("the epoch proof's last public value is not %s", statement.PublicHashName)
	}
	vals, err := publicValues(named)
	if err != nil {
		return err
	}
	h, err := statement.HashNamed(named[:len(named)-1])
	if err != nil {
		return err
	}
	got := vals[len(vals)-1].(*big.Int)
	if h.Cmp(got) != 0 {
		return fmt.Errorf("%s = %s is not the hash of the named values (0x%064x): a value was changed after proving", statement.PublicHashName, named[len(named)-1].Value, h)
	}
	return nil
}

package batchrun

import (
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"os"
	"path/filepath"

	"github.com/consensys/gnark/backend/groth16"
	"github.com/consensys/gnark/constraint"

	circuit "github.com/zktreasury/zktreasury/circuits/aggregate"
	wrapcircuit "github.com/zktreasury/zktreasury/circuits/wrap"
	"github.com/zktreasury/zktreasury/prover/aggregate"
	"github.com/zktreasury/zktreasury/prover/batch"
	"github.com/zktreasury/zktreasury/prover/keystore"
	"github.com/zktreasury/zktreasury/prover/prooffile"
	"github.com/zktreasury/zktreasury/prover/statement"
	"github.com/zktreasury/zktreasury/prover/wrap"
	"github.com/zktreasury/zktreasury/prover/zk"
	"github.com/zktreasury/zktreasury/treasury"
)

// WrapCircuitName names the wrap circuit (circuits/wrap) in the key store and
// in proof files: the on-chain statement of a batched epoch.
const WrapCircuitName = wrap.Name

// WrapBackend proves the wrap: Groth16 over BN254 with the Solidity targets,
// the registry's verifier.
var WrapBackend = zk.Groth16{}

// JoinedProof is a run's joined proof, verified, with the aggregation circuit
// and verifying key a wrap circuit fixes.
type JoinedProof struct {
	Params    circuit.Params
	CCS       constraint.ConstraintSystem
	VK        groth16.VerifyingKey
	Proof     groth16.Proof
	Statement *aggregate.Statement
	// Insecure says the aggregation keys come from a single-party setup.
	Insecure bool
}

// Users is the capacity M·K the joined proof covers.
func (j *JoinedProof) Users() int { return j.Params.Batches * j.Params.Batch.Users }

// LoadJoinedProof reads dir's joined proof (JoinedProofFile) and verifies it
// with the aggregation key of the run's key store, compiled for the plan's
// batch key (so a joined proof of another plan's batches is refused); its
// statement must be the manifest's epoch and liabilities root.
func LoadJoinedProof(dir string) (*JoinedProof, error) {
	m, err := LoadManifest(dir)
	if err != nil {
		return nil, err
	}
	bvk, err := loadVerifyingKey(dir, m)
	if err != nil {
		return nil, err
	}
	bp, err := m.Params()
	if err != nil {
		return nil, err
	}
	j := &JoinedProof{Params: circuit.Params{Batches: m.Batches, Batch: bp}}
	if j.CCS, err = aggregate.Compile(j.Params, bvk); err != nil {
		return nil, err
	}
	digest, err := keystore.CircuitDigest(j.CCS)
	if err != nil {
		return nil, err
	}
	path := filepath.Join(dir, JoinedProofFile)
	pf, err := prooffile.Read(path)
	if err != nil {
		return nil, fmt.Errorf("%w; run `zktreasury prove solvency --manifest %s --join --aggregate` first", err, dir)
	}
	if pf.CircuitDigest != digest {
		return nil, fmt.Errorf("%s: a proof of aggregation circuit %.16s, this plan's is %.16s: %w", path, pf.CircuitDigest, digest, zk.ErrProofRejected)
	}
	store := keystore.Store{Dir: keysDir(dir)}
	avk, meta, err := store.LoadVerifyingKey(AggregateBackend, AggregateCircuitName, digest)
	if err != nil {
		return nil, fmt.Errorf("aggregation verifying key: %w", err)
	}
	j.VK, j.Insecure = avk.(groth16.VerifyingKey), meta.Insecure || m.Keys.Insecure
	if j.Statement, j.Proof, err = aggregate.VerifyFileProof(pf, j.Params, j.VK); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if j.Statement.Epoch != m.Epoch {
		return nil, fmt.Errorf("%s: a joined proof of epoch %d, the manifest's epoch is %d", path, j.Statement.Epoch, m.Epoch)
	}
	if got := batch.HexA(j.Statement.Root); got != m.LiabilitiesRoot {
		return nil, fmt.Errorf("%s: joined root %s, the manifest's %s", path, got, m.LiabilitiesRoot)
	}
	return j, nil
}

// EpochProof is a batched epoch's proof: the wrap's proof file and statement.
type EpochProof struct {
	File      *prooffile.File
	Statement *wrap.Statement
	// Constraints is the wrap circuit's size.
	Constraints int
}

// ProveEpoch proves the batched epoch of run dir with the epoch's inputs in
// (its ledger is not used: the joined proof holds the liabilities): the
// compliance of the epoch's actions and the solvency of S(n) against the
// joined totals, in the wrap circuit (circuits/wrap) over the run's verified
// joined proof. A non-compliant epoch returns an error wrapping
// statement.ErrNonCompliant, an insolvent one statement.ErrInsolvent, both
// before any circuit is compiled. The wrap's keys live in the run's key store;
// the first call makes them with a single-party setup (insecure, development
// only; a ~9.5M-R1CS job). The proof is verified before it is returned.
func ProveEpoch(dir string, in statement.EpochInputs, step func(format string, args ...any)) (*EpochProof, error) {
	if step == nil {
		step = func(string, ...any) {}
	}
	m, err := LoadManifest(dir)
	if err != nil {
		return nil, err
	}
	// The joined totals are in the plan's circuit units: the epoch's policy
	// must price exactly those assets at exactly those decimals.
	if len(m.Assets) != len(in.Policy.Assets) {
		return nil, fmt.Errorf("the run %s has %d assets, the epoch's policy %d", dir, len(m.Assets), len(in.Policy.Assets))
	}
	for a, as := range m.Assets {
		if p := in.Policy.Assets[a]; as.Symbol != p.Symbol || as.CircuitDecimals != p.CircuitDecimals {
			return nil, fmt.Errorf("asset %d: the run %s has %s at %d circuit decimals, the epoch's policy %s at %d", a, dir, as.Symbol, as.CircuitDecimals, p.Symbol, p.CircuitDecimals)
		}
	}
	// The natively joined statement first: a non-compliant or insolvent
	// epoch is refused before any key or circuit is touched.
	native, err := readJoined(dir)
	if err != nil {
		return nil, err
	}
	s, err := wrap.Build(in, native, m.Batches*m.BatchSize)
	if err != nil {
		return nil, err
	}
	if err := s.Check(); err != nil {
		return nil, err
	}
	step("verifying the joined proof of %s", dir)
	j, err := LoadJoinedProof(dir)
	if err != nil {
		return nil, err
	}
	if err := sameJoined(j.Statement, native); err != nil {
		return nil, fmt.Errorf("%s and %s disagree: %w", filepath.Join(dir, JoinedProofFile), filepath.Join(dir, JoinedFile), err)
	}
	// The statement judged above, now on the proven (and equal) values.
	s.Joined = j.Statement
	// The wrap is the largest job of a run (tens of GB at its setup): keep
	// the collector ahead of the machine's memory.
	if limit, restore := SoftMemoryLimit(); limit > 0 {
		defer restore()
		step("Go soft memory limit %.1f GiB", float64(limit)/(1<<30))
	}
	step("compiling the wrap circuit %s (verifies the joined proof in BN254)", s.Params)
	ccs, err := wrap.Compile(s.Params, j.Params, j.CCS, j.VK)
	if err != nil {
		return nil, err
	}
	pk, vk, meta, err := runKeys(dir, WrapBackend, WrapCircuitName, s.Params.String(), "wrap", ccs, step)
	if err != nil {
		return nil, err
	}
	a, err := s.Assignment(j.Proof)
	if err != nil {
		return nil, err
	}
	step("proving the batched epoch (%d constraints)", ccs.GetNbConstraints())
	proof, err := wrap.Prove(ccs, zk.Keys{PK: pk, VK: vk}, a)
	if err != nil {
		return nil, err
	}
	f, err := wrapFile(s, ccs, vk, proof, meta.Insecure || j.Insecure, in.Policy.Symbols())
	if err != nil {
		return nil, err
	}
	return &EpochProof{File: f, Statement: s, Constraints: ccs.GetNbConstraints()}, nil
}

// wrapFile is the proof file of a wrap proof: circuit "wrap", the statement's
// named values as an epoch proof file names them, and the Solidity calldata
// for the registry. Insecure if any key of the chain (batch, aggregation,
// wrap) is.
func wrapFile(s *wrap.Statement, ccs constraint.ConstraintSystem, vk io.WriterTo, proof zk.Proof, insecure bool, symbols []string) (*prooffile.File, error) {
	digest, err := zk.Digest(ccs)
	if err != nil {
		return nil, fmt.Errorf("wrap circuit digest: %w", err)
	}
	vkDigest, err := zk.Digest(vk)
	if err != nil {
		return nil, fmt.Errorf("wrap verifying key digest: %w", err)
	}
	pb, err := zk.Bytes(proof)
	if err != nil {
		return nil, fmt.Errorf("serialize wrap proof: %w", err)
	}
	calldata, err := zk.SolidityCalldata(proof)
	if err != nil {
		return nil, err
	}
	named, err := s.Public(symbols)
	if err != nil {
		return nil, err
	}
	return &prooffile.File{
		Circuit: WrapCircuitName, Params: s.Params.String(), Backend: WrapBackend.Name(),
		CircuitDigest: digest, VerifyingKeyDigest: vkDigest, Insecure: insecure,
		PublicInputs: named, Proof: "0x" + hex.EncodeToString(pb),
		Solidity: prooffile.Solidity{Proof: "0x" + hex.EncodeToString(calldata), Input: []string{named[len(named)-1].Value}},
	}, nil
}

// WrapVerifier returns the verifying key of run dir's wrap circuit for
// epochs of p's shape (p.Users is set to the run's capacity M·K): it compiles
// the wrap over the run's verified joined proof's aggregation key and loads
// the key the first ProveEpoch made from the run's key store.
func WrapVerifier(dir string, p wrapcircuit.Params) (io.WriterTo, *keystore.Meta, wrapcircuit.Params, error) {
	j, err := LoadJoinedProof(dir)
	if err != nil {
		return nil, nil, p, err
	}
	p.Users = j.Users()
	ccs, err := wrap.Compile(p, j.Params, j.CCS, j.VK)
	if err != nil {
		return nil, nil, p, err
	}
	digest, err := keystore.CircuitDigest(ccs)
	if err != nil {
		return nil, nil, p, err
	}
	vk, meta, err := keystore.Store{Dir: keysDir(dir)}.LoadVerifyingKey(WrapBackend, WrapCircuitName, digest)
	if errors.Is(err, keystore.ErrNoKeys) {
		return nil, nil, p, fmt.Errorf("%w: the wrap keys are made by the run's first `zktreasury prove epoch --manifest %s`", err, dir)
	}
	if err != nil {
		return nil, nil, p, err
	}
	meta.Insecure = meta.Insecure || j.Insecure
	return vk, meta, p, nil
}

// readJoined reads dir's natively joined statement (JoinedFile, written by
// Join) as an aggregation statement.
func readJoined(dir string) (*aggregate.Statement, error) {
	path := filepath.Join(dir, JoinedFile)
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("%s: no joined statement; run `zktreasury prove solvency --manifest %s --join --aggregate` first", path, dir)
	}
	if err != nil {
		return nil, err
	}
	var j Joined
	if err := json.Unmarshal(data, &j); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if j.Format != JoinedFormat {
		return nil, &treasury.InputError{File: path, Field: "format", Value: j.Format, Msg: "not a joined statement (want " + JoinedFormat + ")"}
	}
	root, err := batch.ParseA(j.LiabilitiesRoot)
	if err != nil {
		return nil, &treasury.InputError{File: path, Field: "liabilitiesRoot", Value: j.LiabilitiesRoot, Msg: err.Error()}
	}
	st := &aggregate.Statement{Epoch: j.Epoch, Root: root}
	for a, t := range j.Totals {
		v, ok := new(big.Int).SetString(t.Units, 10)
		if !ok || v.Sign() < 0 {
			return nil, &treasury.InputError{File: path, Field: fmt.Sprintf("totals[%d].units", a), Value: t.Units, Msg: "not a non-negative integer"}
		}
		st.Totals = append(st.Totals, v)
	}
	return st, nil
}

// sameJoined checks that two joined statements are equal.
func sameJoined(a, b *aggregate.Statement) error {
	if a.Epoch != b.Epoch || !a.Root.Equal(&b.Root) || len(a.Totals) != len(b.Totals) {
		return fmt.Errorf("epoch %d / root %s / %d totals against epoch %d / root %s / %d totals",
			a.Epoch, batch.HexA(a.Root), len(a.Totals), b.Epoch, batch.HexA(b.Root), len(b.Totals))
	}
	for i := range a.Totals {
		if a.Totals[i].Cmp(b.Totals[i]) != 0 {
			return fmt.Errorf("total of asset %d: %s against %s", i, a.Totals[i], b.Totals[i])
		}
	}
	return nil
}

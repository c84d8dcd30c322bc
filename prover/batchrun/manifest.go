// Package batchrun runs batched liabilities proofs at scale: a plan writes a
// manifest (the inputs' digests, the batch circuit, its keys, and every batch's
// public statement) into a run directory; shards of the batches are proven by
// any number of processes or machines (a Kubernetes Indexed Job), each with a
// worker pool sized to the memory it has, skipping the batches already proven,
// so a killed run resumes where it stopped; and a join checks every batch proof
// against the manifest and writes the joined statement that the aggregation
// circuit proves.
//
// The run directory:
//
//	manifest.json     the plan (Manifest)
//	keys/             the batch circuit's keys, made once by the plan
//	batches/<b>.proof batch b's proof and public statement (ProofFile)
//	joined.json       the joined statement (Joined)
package batchrun

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	circuit "github.com/zktreasury/zktreasury/circuits/batch"
	"github.com/zktreasury/zktreasury/circuits/gadget/bound"
	"github.com/zktreasury/zktreasury/prover/batch"
	"github.com/zktreasury/zktreasury/treasury"
)

// ManifestFormat identifies the manifest format.
const ManifestFormat = "zktreasury-batch-manifest/1"

// File names inside a run directory.
const (
	ManifestFile = "manifest.json"
	KeysDir      = "keys"
	BatchesDir   = "batches"
	JoinedFile   = "joined.json"
)

// ErrInputChanged is returned when an input file no longer has the SHA-256 the
// manifest recorded.
var ErrInputChanged = errors.New("input changed since the plan")

// Input is one input file of the run.
type Input struct {
	// Role is policy, prices, positions, liabilities or secrets.
	Role string `json:"role"`
	// Path is absolute, so every process of the run reads the same file.
	Path   string `json:"path"`
	SHA256 string `json:"sha256"`
}

// Asset is one asset of the ledger, in policy order.
type Asset struct {
	Symbol          string `json:"symbol"`
	CircuitDecimals int32  `json:"circuitDecimals"`
}

// CircuitInfo describes the batch circuit every batch is proven with.
type CircuitInfo struct {
	// Params is circuit.Params.String(), e.g. "k4-a4-direct-bits".
	Params       string `json:"params"`
	Curve        string `json:"curve"`
	Digest       string `json:"digest"`
	Constraints  int    `json:"constraints"`
	PublicInputs int    `json:"publicInputs"`
}

// KeysInfo pins the batch keys the plan made.
type KeysInfo struct {
	Backend            string `json:"backend"`
	Insecure           bool   `json:"insecure"`
	ProvingKeyDigest   string `json:"provingKeyDigest"`
	VerifyingKeyDigest string `json:"verifyingKeyDigest"`
}

// BatchEntry is one batch of the plan.
type BatchEntry struct {
	Index int `json:"index"`
	// FirstLeaf and EndLeaf bound the batch's leaves, [first, end).
	FirstLeaf int `json:"firstLeaf"`
	EndLeaf   int `json:"endLeaf"`
	// Users is the number of non-empty leaves.
	Users int `json:"users"`
	// Root is the batch's subtree root (F_b), 0x-hex.
	Root string `json:"root"`
	// StatementDigest is StatementDigest(batch.Public) of the batch.
	StatementDigest string `json:"statementDigest"`
}

// Manifest is the plan of a batched run.
type Manifest struct {
	Format     string  `json:"format"`
	Epoch      uint64  `json:"epoch"`
	BatchSize  int     `json:"batchSize"`
	Batches    int     `json:"batches"`
	Users      int     `json:"users"`
	Assets     []Asset `json:"assets"`
	Hash       string  `json:"hash"`
	RangeCheck string  `json:"rangeCheck"`
	Inputs     []Input `json:"inputs"`
	// Circuit and Keys fix the batch circuit and its keys; Keys are in keys/.
	Circuit CircuitInfo `json:"circuit"`
	Keys    KeysInfo    `json:"keys"`
	// LiabilitiesRoot is the root over every batch (F_a), 0x-hex.
	LiabilitiesRoot string       `json:"liabilitiesRoot"`
	BatchList       []BatchEntry `json:"batchList"`
}

// Params returns the batch circuit parameters of the manifest.
func (m *Manifest) Params() (circuit.Params, error) {
	h, err := circuit.ParseHashMode(m.Hash)
	if err != nil {
		return circuit.Params{}, err
	}
	rc, err := bound.ParseMode(m.RangeCheck)
	if err != nil {
		return circuit.Params{}, err
	}
	return circuit.Params{Users: m.BatchSize, Assets: len(m.Assets), Hash: h, RangeCheck: rc}, nil
}

func isHexDigest(s string) bool {
	if len(s) != 64 {
		return false
	}
	_, err := hex.DecodeString(s)
	return err == nil
}

// validate checks every field, naming the first bad one.
func (m *Manifest) validate(path string) error {
	bad := func(field, value, msg string) error {
		return &treasury.InputError{File: path, Field: field, Value: value, Msg: msg}
	}
	if m.Format != ManifestFormat {
		return bad("format", m.Format, fmt.Sprintf("want %q", ManifestFormat))
	}
	p, err := m.Params()
	if err != nil {
		return bad("hash/rangeCheck", m.Hash+"/"+m.RangeCheck, err.Error())
	}
	if err := p.Validate(); err != nil {
		return bad("batchSize", fmt.Sprint(m.BatchSize), err.Error())
	}
	if m.Batches < 1 || m.Batches&(m.Batches-1) != 0 {
		return bad("batches", fmt.Sprint(m.Batches), "want a power of 2")
	}
	if m.Users < 0 || m.Users > m.Batches*m.BatchSize {
		return bad("users", fmt.Sprint(m.Users), fmt.Sprintf("want 0..%d", m.Batches*m.BatchSize))
	}
	for i, a := range m.Assets {
		if a.Symbol == "" {
			return bad(fmt.Sprintf("assets[%d].symbol", i), "", "empty")
		}
	}
	for i, in := range m.Inputs {
		if in.Role == "" || !filepath.IsAbs(in.Path) || !isHexDigest(in.SHA256) {
			return bad(fmt.Sprintf("inputs[%d]", i), in.Role+" "+in.Path+" "+in.SHA256, "want a role, an absolute path and a hex SHA-256")
		}
	}
	if p.String() != m.Circuit.Params {
		return bad("circuit.params", m.Circuit.Params, fmt.Sprintf("the manifest's shape is %s", p))
	}
	if m.Circuit.Constraints <= 0 {
		return bad("circuit.constraints", strconv.Itoa(m.Circuit.Constraints), "want the batch circuit's constraint count, above 0")
	}
	if !isHexDigest(m.Circuit.Digest) {
		return bad("circuit.digest", m.Circuit.Digest, "want a hex SHA-256")
	}
	if m.Keys.Backend != BackendName || !isHexDigest(m.Keys.ProvingKeyDigest) || !isHexDigest(m.Keys.VerifyingKeyDigest) {
		return bad("keys", m.Keys.Backend, fmt.Sprintf("want backend %q and hex SHA-256 key digests", BackendName))
	}
	if _, err := parseRootA(m.LiabilitiesRoot); err != nil {
		return bad("liabilitiesRoot", m.LiabilitiesRoot, err.Error())
	}
	if len(m.BatchList) != m.Batches {
		return bad("batchList", fmt.Sprint(len(m.BatchList)), fmt.Sprintf("want %d batches", m.Batches))
	}
	users := 0
	for i, b := range m.BatchList {
		users += b.Users
		f := fmt.Sprintf("batchList[%d]", i)
		if b.Index != i {
			return bad(f+".index", fmt.Sprint(b.Index), fmt.Sprintf("want %d", i))
		}
		if b.FirstLeaf != i*m.BatchSize || b.EndLeaf != (i+1)*m.BatchSize {
			return bad(f+".firstLeaf/endLeaf", fmt.Sprintf("%d/%d", b.FirstLeaf, b.EndLeaf), fmt.Sprintf("want %d/%d", i*m.BatchSize, (i+1)*m.BatchSize))
		}
		if b.Users < 0 || b.Users > m.BatchSize {
			return bad(f+".users", fmt.Sprint(b.Users), fmt.Sprintf("want 0..%d", m.BatchSize))
		}
		if _, err := parseRootB(b.Root); err != nil {
			return bad(f+".root", b.Root, err.Error())
		}
		if !isHexDigest(b.StatementDigest) {
			return bad(f+".statementDigest", b.StatementDigest, "want a hex SHA-256")
		}
	}
	if users != m.Users {
		return bad("users", fmt.Sprint(m.Users), fmt.Sprintf("the batches hold %d", users))
	}
	return nil
}

// LoadManifest reads and checks dir/manifest.json.
func LoadManifest(dir string) (*Manifest, error) {
	path := filepath.Join(dir, ManifestFile)
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("no manifest at %s: plan the run first (`zktreasury prove solvency --batch-size K --plan %s`)", path, dir)
	}
	if err != nil {
		return nil, fmt.Errorf("load manifest: %w", err)
	}
	var m Manifest
	if err := treasury.DecodeStrictJSON(path, data, &m); err != nil {
		return nil, err
	}
	if err := m.validate(path); err != nil {
		return nil, err
	}
	return &m, nil
}

// writeJSON writes v as indented JSON through a temporary file renamed over
// path, so a reader never sees half a file.
func writeJSON(path string, v any) error {
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	return writeAtomic(path, append(data, '\n'))
}

// fileSHA256 returns the hex SHA-256 of a file's bytes.
func fileSHA256(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", fmt.Errorf("read %s: %w", path, err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// CheckInputs refuses, naming the file, the SHA-256 the manifest wants and the
// one it has, any input that changed (or vanished) since the plan.
func (m *Manifest) CheckInputs() error {
	var errs []string
	for _, in := range m.Inputs {
		got, err := fileSHA256(in.Path)
		if err != nil {
			errs = append(errs, fmt.Sprintf("%s input %s: %v", in.Role, in.Path, err))
			continue
		}
		if got != in.SHA256 {
			errs = append(errs, fmt.Sprintf("%s input %s: SHA-256 %s, the manifest wants %s", in.Role, in.Path, got, in.SHA256))
		}
	}
	if len(errs) > 0 {
		return fmt.Errorf("%w: %s; plan a new run for these inputs", ErrInputChanged, strings.Join(errs, "; "))
	}
	return nil
}

// input returns the path of the input of a role.
func (m *Manifest) input(role string) (string, error) {
	for _, in := range m.Inputs {
		if in.Role == role {
			return in.Path, nil
		}
	}
	return "", fmt.Errorf("manifest names no %s input", role)
}

// StatementDigest is the hex SHA-256 of a batch statement's public witness in
// gnark's binary encoding: exactly what the batch verifier checks.
func StatementDigest(p batch.Public) (string, error) {
	w, err := p.Witness()
	if err != nil {
		return "", err
	}
	b, err := w.MarshalBinary()
	if err != nil {
		return "", fmt.Errorf("encode batch %d statement: %w", p.Index, err)
	}
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:]), nil
}

// hex0x formats an integer as 0x-prefixed hex, at least 64 digits (an F_b
// element fits them; an F_a element takes up to 95).
func hex0x(x *big.Int) string { return fmt.Sprintf("0x%064x", x) }

func parseHex(s string) (*big.Int, error) {
	rest, ok := strings.CutPrefix(s, "0x")
	if !ok || rest == "" {
		return nil, errors.New("want 0x-prefixed hex")
	}
	x, ok := new(big.Int).SetString(rest, 16)
	if !ok {
		return nil, errors.New("want 0x-prefixed hex")
	}
	return x, nil
}

func parseRootB(s string) (*big.Int, error) {
	x, err := parseHex(s)
	if err != nil {
		return nil, err
	}
	if x.Cmp(batch.Curve.ScalarField()) >= 0 {
		return nil, errors.New("not below the BLS12-377 scalar field modulus")
	}
	return x, nil
}

func parseRootA(s string) (*big.Int, error) {
	x, err := parseHex(s)
	if err != nil {
		return nil, err
	}
	if x.Cmp(batch.Outer.ScalarField()) >= 0 {
		return nil, errors.New("not below the BW6-761 scalar field modulus")
	}
	return x, nil
}

// Package prooffile reads and writes zktreasury proof files: JSON naming the
// circuit, backend and key digests, the named public inputs, the proof, and its
// Solidity calldata. A proof file never carries a verifying key: verifiers load
// theirs from a key store or a deployed contract.
package prooffile

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/google/renameio/v2"

	"github.com/zktreasury/zktreasury/prover/statement"
	"github.com/zktreasury/zktreasury/treasury"
)

// Format identifies the proof file format.
const Format = "zktreasury-proof/1"

// File is a proof file.
type File struct {
	Format             string                 `json:"format"`
	Circuit            string                 `json:"circuit"`
	Params             string                 `json:"params"`
	Backend            string                 `json:"backend"`
	CircuitDigest      string                 `json:"circuitDigest"`
	VerifyingKeyDigest string                 `json:"verifyingKeyDigest"`
	Insecure           bool                   `json:"insecureSetup"`
	PublicInputs       []statement.NamedInput `json:"publicInputs"`
	Proof              string                 `json:"proof"`
	Solidity           Solidity               `json:"solidity"`
	// Rounds names, per asset symbol, the Chainlink round (decimal uint80) the
	// proof's prices were taken from. The proof does not bind it: the registry
	// reads these rounds and derives the prices itself, so naming another round
	// only makes the proof fail on-chain.
	Rounds map[string]string `json:"rounds,omitempty"`
	// ActionLogHead is the SHA-256 head of the epoch's action log
	// (treasury/actionlog), for an auditor to match the disclosed log to this
	// proof; the proof binds the log's content through its actions commitment.
	ActionLogHead string `json:"actionLogHead,omitempty"`
}

// Solidity is the calldata for the exported verifier contract.
type Solidity struct {
	Proof string   `json:"proof"`
	Input []string `json:"input"`
}

// Write writes a proof file atomically (temporary file, sync, rename).
func Write(path string, f *File) error {
	f.Format = Format
	data, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("write proof %s: %w", path, err)
	}
	if err := renameio.WriteFile(path, append(data, '\n'), 0o644); err != nil {
		return fmt.Errorf("write proof %s: %w", path, err)
	}
	return nil
}

// Read reads and checks a proof file's shape: one JSON object, no unknown
// fields, nothing after it. What the file says of itself (params,
// insecureSetup, input names, calldata) is checked against the key store and
// the circuit by prover.VerifyFile, not here.
func Read(path string) (*File, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read proof %s: %w", path, err)
	}
	var f File
	if err := treasury.DecodeStrictJSON(path, data, &f); err != nil {
		return nil, fmt.Errorf("read proof: %w", err)
	}
	if f.Format != Format {
		return nil, fmt.Errorf("read proof: %w", &treasury.InputError{File: path, Field: "format", Value: f.Format, Msg: "want " + Format})
	}
	if _, err := hex.DecodeString(f.CircuitDigest); err != nil || len(f.CircuitDigest) != 64 {
		return nil, fmt.Errorf("read proof: %w", &treasury.InputError{File: path, Field: "circuitDigest", Value: f.CircuitDigest, Msg: "not a SHA-256 in hex"})
	}
	return &f, nil
}

// ProofBytes decodes the proof.
func (f *File) ProofBytes() ([]byte, error) { return DecodeHex(f.Proof) }

// Input returns the public input with the given name.
func (f *File) Input(name string) (string, bool) {
	for _, in := range f.PublicInputs {
		if in.Name == name {
			return in.Value, true
		}
	}
	return "", false
}

// DecodeHex decodes 0x-prefixed hex.
func DecodeHex(s string) ([]byte, error) {
	b, err := hex.DecodeString(strings.TrimPrefix(s, "0x"))
	if err != nil {
		return nil, fmt.Errorf("invalid hex: %w", err)
	}
	return b, nil
}

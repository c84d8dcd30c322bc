package batchrun

import (
	"bytes"
	"encoding/hex"
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"

	"github.com/consensys/gnark/backend/groth16"

	"github.com/zktreasury/zktreasury/prover/batch"
	"github.com/zktreasury/zktreasury/treasury"
)

// ProofFormat identifies a batch proof file.
const ProofFormat = "zktreasury-batch-proof/1"

// ErrBatchRejected is returned for a batch proof file that is not the proof of
// the manifest's statement for its batch.
var ErrBatchRejected = errors.New("batch proof rejected")

// ProofFile is batch b's proof and public statement, Dir/batches/<b>.proof.
type ProofFile struct {
	Format string `json:"format"`
	Epoch  uint64 `json:"epoch"`
	Index  int    `json:"index"`
	// Root is the batch's subtree root, 0x-hex; Totals are the per-asset
	// totals in circuit units, decimal.
	Root   string   `json:"root"`
	Totals []string `json:"totals"`
	// StatementDigest is StatementDigest of the statement above.
	StatementDigest string `json:"statementDigest"`
	// VerifyingKeyDigest names the key the proof was checked with.
	VerifyingKeyDigest string `json:"verifyingKeyDigest"`
	// Proof is the Groth16 proof in gnark's binary encoding, hex.
	Proof string `json:"proof"`
}

// ProofPath returns the path of batch b's proof file.
func ProofPath(dir string, b int) string {
	return filepath.Join(dir, BatchesDir, fmt.Sprintf("%d.proof", b))
}

// newProofFile encodes a verified proof of pub.
func newProofFile(pub batch.Public, digest, vkDigest string, proof groth16.Proof) (*ProofFile, error) {
	var buf bytes.Buffer
	if _, err := proof.WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("encode batch %d proof: %w", pub.Index, err)
	}
	f := &ProofFile{Format: ProofFormat, Epoch: pub.Epoch, Index: pub.Index, Root: hex0x(pub.Root),
		StatementDigest: digest, VerifyingKeyDigest: vkDigest, Proof: hex.EncodeToString(buf.Bytes())}
	for _, t := range pub.Totals {
		f.Totals = append(f.Totals, t.String())
	}
	return f, nil
}

// Public returns the file's statement. Each value must be the canonical
// integer the verifier sees: a root below r_b and totals in [0, 2^totalBits).
// Without the bounds, total + r_b would verify (the witness reduces it modulo
// r_b) and misstate the joined sum.
func (f *ProofFile) Public(totalBits int) (batch.Public, error) {
	root, err := parseRootB(f.Root)
	if err != nil {
		return batch.Public{}, fmt.Errorf("root %q: %w", f.Root, err)
	}
	p := batch.Public{Epoch: f.Epoch, Index: f.Index, Root: root}
	limit := new(big.Int).Lsh(big.NewInt(1), uint(totalBits))
	for a, s := range f.Totals {
		t, ok := new(big.Int).SetString(s, 10)
		if !ok || t.Sign() < 0 || t.Cmp(limit) >= 0 {
			return batch.Public{}, fmt.Errorf("totals[%d] = %q: want a decimal integer in [0, 2^%d)", a, s, totalBits)
		}
		p.Totals = append(p.Totals, t)
	}
	return p, nil
}

// readProofFile reads batch b's proof file; os.ErrNotExist when it is absent.
func readProofFile(dir string, b int) (*ProofFile, error) {
	path := ProofPath(dir, b)
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var f ProofFile
	if err := treasury.DecodeStrictJSON(path, data, &f); err != nil {
		return nil, err
	}
	return &f, nil
}

// check verifies that f is a proof of the manifest's statement for batch b
// under vk, and returns the statement and the proof.
func (f *ProofFile) check(dir string, m *Manifest, b int, vk groth16.VerifyingKey) (batch.Public, groth16.Proof, error) {
	fail := func(format string, args ...any) (batch.Public, groth16.Proof, error) {
		return batch.Public{}, nil, fmt.Errorf("%w: %s: %s", ErrBatchRejected, ProofPath(dir, b), fmt.Sprintf(format, args...))
	}
	e := m.BatchList[b]
	if f.Format != ProofFormat {
		return fail("format %q, want %q", f.Format, ProofFormat)
	}
	if f.Epoch != m.Epoch {
		return fail("epoch %d, the manifest's is %d", f.Epoch, m.Epoch)
	}
	if f.Index != b {
		return fail("it is batch %d's proof", f.Index)
	}
	if f.VerifyingKeyDigest != m.Keys.VerifyingKeyDigest {
		return fail("made for the batch key %s, the manifest's is %s", f.VerifyingKeyDigest, m.Keys.VerifyingKeyDigest)
	}
	if len(f.Totals) != len(m.Assets) {
		return fail("%d totals, the manifest has %d assets", len(f.Totals), len(m.Assets))
	}
	p, err := m.Params()
	if err != nil {
		return fail("%v", err)
	}
	pub, err := f.Public(p.TotalBits())
	if err != nil {
		return fail("%v", err)
	}
	if hex0x(pub.Root) != e.Root {
		return fail("root %s, the manifest's batch root is %s", f.Root, e.Root)
	}
	d, err := StatementDigest(pub)
	if err != nil {
		return fail("%v", err)
	}
	if d != e.StatementDigest || f.StatementDigest != e.StatementDigest {
		return fail("statement digest %s (file says %s), the manifest's is %s", d, f.StatementDigest, e.StatementDigest)
	}
	raw, err := hex.DecodeString(f.Proof)
	if err != nil {
		return fail("proof is not hex: %v", err)
	}
	proof := groth16.NewProof(batch.Curve)
	if n, err := proof.ReadFrom(bytes.NewReader(raw)); err != nil || int(n) != len(raw) {
		return fail("proof does not decode (%d of %d bytes read): %v", n, len(raw), err)
	}
	if err := batch.Verify(proof, vk, pub); err != nil {
		return fail("proof does not verify against the manifest's statement: %v", err)
	}
	return pub, proof, nil
}

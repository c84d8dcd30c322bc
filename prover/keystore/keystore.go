// Package keystore keeps proving and verifying keys on disk, named by the digest
// of the constraint system they were made for, and refuses a key that does not
// match: a different circuit, a tampered file, or a key of another backend.
package keystore

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/consensys/gnark/constraint"
	"github.com/google/renameio/v2"

	"github.com/zktreasury/zktreasury/prover/internal/atomicfile"

	"github.com/zktreasury/zktreasury/prover/zk"
)

// ErrNoKeys is returned when no keys exist for a circuit digest and backend.
var ErrNoKeys = errors.New("no keys for this circuit")

// ErrKeyMismatch is returned when a key file does not match its metadata or the
// circuit it is loaded for.
var ErrKeyMismatch = errors.New("key does not match the circuit")

// Format identifies the metadata format.
const Format = "zktreasury-keys/1"

// Meta describes a key pair; it is written beside the keys.
type Meta struct {
	Format             string    `json:"format"`
	Circuit            string    `json:"circuit"`
	Params             string    `json:"params"`
	Backend            string    `json:"backend"`
	CircuitDigest      string    `json:"circuitDigest"`
	ProvingKeyDigest   string    `json:"provingKeyDigest"`
	VerifyingKeyDigest string    `json:"verifyingKeyDigest"`
	Constraints        int       `json:"constraints"`
	PublicInputs       int       `json:"publicInputs"`
	Insecure           bool      `json:"insecure"`
	Created            time.Time `json:"created"`
	// TranscriptDigest is the digest of the setup transcript (Transcript.Digest)
	// the keys were finalized from; empty for --insecure-dev keys.
	TranscriptDigest string `json:"transcriptDigest,omitempty"`
}

// Store is a directory of keys.
type Store struct {
	Dir string
}

// CircuitDigest returns the hex SHA-256 of a constraint system's serialization.
func CircuitDigest(ccs constraint.ConstraintSystem) (string, error) {
	d, err := zk.Digest(ccs)
	if err != nil {
		return "", fmt.Errorf("circuit digest: %w", err)
	}
	return d, nil
}

func (s Store) base(circuit, backend, digest string) string {
	return filepath.Join(s.Dir, fmt.Sprintf("%s-%s-%s", circuit, digest[:16], backend))
}

// Paths returns the proving key, verifying key and metadata paths.
func (s Store) Paths(circuit, backend, digest string) (pk, vk, meta string) {
	b := s.base(circuit, backend, digest)
	return b + ".pk", b + ".vk", b + ".json"
}

// Save writes keys and metadata atomically (temp file, then rename).
func (s Store) Save(m Meta, keys zk.Keys) error {
	return s.save(m, keys, nil)
}

func (s Store) save(m Meta, keys zk.Keys, t *Transcript) error {
	pkPath, vkPath, metaPath := s.Paths(m.Circuit, m.Backend, m.CircuitDigest)
	// The proving key is streamed to its file and hashed on the way: a large
	// circuit's key is gigabytes (the 9.5M-R1CS wrap's), and holding it
	// serialized in memory beside the key itself is what pushed a first-use
	// setup past the machine's memory.
	pkDigest, err := writeAtomicStream(pkPath, func(w io.Writer) error {
		if raw, ok := keys.PK.(rawWriter); ok {
			_, err := raw.WriteRawTo(w)
			return err
		}
		_, err := keys.PK.WriteTo(w)
		return err
	})
	if err != nil {
		return fmt.Errorf("write proving key: %w", err)
	}
	vkb, err := zk.Bytes(keys.VK)
	if err != nil {
		return fmt.Errorf("serialize verifying key: %w", err)
	}
	m.Format = Format
	m.ProvingKeyDigest = pkDigest
	m.VerifyingKeyDigest = sum(vkb)
	if t != nil {
		// the transcript record goes first, so metadata never names a record
		// that is not on disk
		if err := s.writeTranscript(&m, t); err != nil {
			return err
		}
	}
	mb, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	// The metadata goes last: it names the key files' digests, so keys whose
	// metadata is missing or older are refused on load.
	for _, f := range []struct {
		path string
		data []byte
	}{{vkPath, vkb}, {metaPath, append(mb, '\n')}} {
		if err := writeAtomic(f.path, f.data); err != nil {
			return err
		}
	}
	return nil
}

func sum(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// LoadMeta reads the metadata of the keys for a circuit digest.
func (s Store) LoadMeta(circuit, backend, digest string) (*Meta, error) {
	_, _, metaPath := s.Paths(circuit, backend, digest)
	data, err := os.ReadFile(metaPath)
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("%w: %s %s (digest %s) in %q", ErrNoKeys, circuit, backend, digest[:16], s.Dir)
	}
	if err != nil {
		return nil, err
	}
	var m Meta
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("key metadata %s: %w", metaPath, err)
	}
	if m.Format != Format || m.Circuit != circuit || m.Backend != backend || m.CircuitDigest != digest {
		return nil, fmt.Errorf("%w: %s describes %s/%s/%s", ErrKeyMismatch, metaPath, m.Circuit, m.Backend, m.CircuitDigest)
	}
	if err := s.checkTranscript(&m); err != nil {
		return nil, err
	}
	return &m, nil
}

// LoadVerifyingKey loads and checks the verifying key for a circuit digest.
func (s Store) LoadVerifyingKey(b zk.Backend, circuit, digest string) (io.WriterTo, *Meta, error) {
	m, err := s.LoadMeta(circuit, b.Name(), digest)
	if err != nil {
		return nil, nil, err
	}
	_, vkPath, _ := s.Paths(circuit, b.Name(), digest)
	vk, err := load(vkPath, m.VerifyingKeyDigest, b.NewVerifyingKey(), false)
	if err != nil {
		return nil, nil, err
	}
	return vk, m, nil
}

// LoadProvingKey loads and checks the proving key for a constraint system; the
// key must have been made for exactly this circuit.
func (s Store) LoadProvingKey(b zk.Backend, circuit string, ccs constraint.ConstraintSystem) (io.WriterTo, *Meta, error) {
	digest, err := CircuitDigest(ccs)
	if err != nil {
		return nil, nil, err
	}
	m, err := s.LoadMeta(circuit, b.Name(), digest)
	if err != nil {
		return nil, nil, err
	}
	if m.Constraints != ccs.GetNbConstraints() {
		return nil, nil, fmt.Errorf("%w: metadata says %d constraints, circuit has %d", ErrKeyMismatch, m.Constraints, ccs.GetNbConstraints())
	}
	pkPath, _, _ := s.Paths(circuit, b.Name(), digest)
	pk, err := load(pkPath, m.ProvingKeyDigest, b.NewProvingKey(), true)
	if err != nil {
		return nil, nil, err
	}
	return pk, m, nil
}

// rawWriter and unsafeReader are the raw (uncompressed) serialization gnark's
// proving keys offer: about twice the bytes of the compressed form, and loaded
// some forty times faster (0.13 s against 5.3 s for a 32 MB key here), because no
// point is decompressed or subgroup-checked.
type rawWriter interface {
	WriteRawTo(io.Writer) (int64, error)
}

type unsafeReader interface {
	UnsafeReadFrom(io.Reader) (int64, error)
}

// load reads a key whose file must have wantDigest. unchecked decodes it without
// the point checks where the key type can (proving keys, in either serialization).
// That is sound: the file's SHA-256 has matched the metadata written at setup, and
// a proving key can only make proofs, every one of which is verified with the
// fully checked verifying key before it is kept (prover.Prove). Verifying keys
// are always decoded with every check.
func load(path, wantDigest string, into io.ReaderFrom, unchecked bool) (io.WriterTo, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read key %s: %w", path, err)
	}
	defer f.Close()
	// The file is hashed before it is decoded, so a tampered key is refused
	// before any of it is parsed, and streamed both times: a large proving key
	// is gigabytes, and reading it whole into memory held it twice.
	h := sha256.New()
	if _, err := io.Copy(h, bufio.NewReaderSize(f, 1<<20)); err != nil {
		return nil, fmt.Errorf("read key %s: %w", path, err)
	}
	if got := hex.EncodeToString(h.Sum(nil)); got != wantDigest {
		return nil, fmt.Errorf("%w: %s has digest %s, metadata says %s", ErrKeyMismatch, path, got[:16], wantDigest[:16])
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return nil, fmt.Errorf("read key %s: %w", path, err)
	}
	// Hashed again while decoded: a file changed between the two reads is
	// refused too.
	h.Reset()
	r := bufio.NewReaderSize(io.TeeReader(f, h), 1<<20)
	decode := into.ReadFrom
	if u, ok := into.(unsafeReader); ok && unchecked {
		decode = u.UnsafeReadFrom
	}
	if _, err := decode(r); err != nil {
		return nil, fmt.Errorf("decode key %s: %w", path, err)
	}
	if _, err := io.Copy(io.Discard, r); err != nil {
		return nil, fmt.Errorf("read key %s: %w", path, err)
	}
	if got := hex.EncodeToString(h.Sum(nil)); got != wantDigest {
		return nil, fmt.Errorf("%w: %s changed while it was read (digest %s, metadata says %s)", ErrKeyMismatch, path, got[:16], wantDigest[:16])
	}
	w, ok := into.(io.WriterTo)
	if !ok {
		return nil, fmt.Errorf("key %s: %T cannot be written back", path, into)
	}
	return w, nil
}

func writeAtomic(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	if err := renameio.WriteFile(path, data, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// writeAtomicStream writes path through write, atomically (atomicfile.Stream),
// and returns the hex SHA-256 of what was written. A failed write leaves path
// as it was and no temporary file.
func writeAtomicStream(path string, write func(io.Writer) error) (string, error) {
	h := sha256.New()
	if err := atomicfile.Stream(path, func(w io.Writer) error { return write(io.MultiWriter(w, h)) }); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

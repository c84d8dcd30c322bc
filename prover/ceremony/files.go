// Package ceremony runs a multi-party Groth16 trusted setup on gnark's
// mpcsetup (phase 1, powers of tau, shared by every circuit; phase 2 per
// circuit) so that no single party knows the toxic waste: the keys are sound if
// at least one contributor of each phase destroyed their randomness.
//
// Every contribution is a file in a ceremony directory:
//
//	<dir>/phase1/0000.mpc, 0001.mpc, ...
//	<dir>/phase2/<circuit>-<digest16>/0000.mpc, 0001.mpc, ...
//
// File 0000 of each phase is the deterministic starting state; verification
// never reads it but recomputes it. Each file is one JSON header line followed
// by gnark's binary serialization of the state; the header carries the hash
// chain: Digest, the SHA-256 of the binary part (gnark's own hash of the state,
// which the next contributor's proofs answer), and Prev, the digest of the
// previous file.
package ceremony

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/zktreasury/zktreasury/prover/internal/atomicfile"
)

// Format identifies the contribution file format.
const Format = "zktreasury-ceremony/1"

// ErrTranscript is returned when a ceremony transcript does not verify: a
// tampered, replayed or misplaced contribution, a broken hash chain, or a phase
// 2 that did not start from this phase 1.
var ErrTranscript = errors.New("ceremony transcript does not verify")

// ErrNoContribution is returned when a phase is sealed or finalized before
// anyone contributed: the public beacon alone would fix the toxic waste.
var ErrNoContribution = errors.New("no contribution")

// Header is the first line of a contribution file.
type Header struct {
	Format string `json:"format"`
	// Phase is 1 or 2; Index is the file's position (0 = starting state).
	Phase int `json:"phase"`
	Index int `json:"index"`
	// Name is the contributor's self-chosen name (not authenticated).
	Name string `json:"name,omitempty"`
	// Domain is the phase-1 FFT domain size N.
	Domain uint64 `json:"domain"`
	// Circuit, Params and CircuitDigest name the circuit of a phase 2.
	Circuit       string `json:"circuit,omitempty"`
	Params        string `json:"params,omitempty"`
	CircuitDigest string `json:"circuitDigest,omitempty"`
	// Phase1Digest and Phase1Beacon name the phase 1 a phase 2 starts from:
	// the digest of its last contribution and the beacon that sealed it.
	Phase1Digest string `json:"phase1Digest,omitempty"`
	Phase1Beacon string `json:"phase1Beacon,omitempty"`
	// Prev is the digest of the previous file; Digest the SHA-256 of this
	// file's binary part.
	Prev    string    `json:"prev,omitempty"`
	Digest  string    `json:"digest"`
	Created time.Time `json:"created"`
}

// state is a gnark mpcsetup phase object.
type state interface {
	io.WriterTo
	io.ReaderFrom
}

// Logf reports progress; nil is silent.
type Logf func(format string, args ...any)

func (l Logf) log(format string, args ...any) {
	if l != nil {
		l(format, args...)
	}
}

// ParseBeacon decodes a hex beacon (optionally 0x-prefixed) of at least 16
// bytes, such as a block hash chosen before the last contribution was made.
func ParseBeacon(s string) ([]byte, error) {
	b, err := hex.DecodeString(strings.TrimPrefix(strings.TrimPrefix(s, "0x"), "0X"))
	if err != nil {
		return nil, fmt.Errorf("beacon %q is not hex: %w", s, err)
	}
	if len(b) < 16 {
		return nil, fmt.Errorf("beacon %q has %d bytes, want at least 16 (e.g. a 32-byte block hash)", s, len(b))
	}
	return b, nil
}

func digestOf(s io.WriterTo) (string, error) {
	h := sha256.New()
	if _, err := s.WriteTo(h); err != nil {
		return "", fmt.Errorf("hash state: %w", err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

var fileName = regexp.MustCompile(`^([0-9]{4,})\.mpc$`)

// listFiles returns the contribution files of a phase directory in order and
// checks their numbering is 0000, 0001, ... without gaps.
func listFiles(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("ceremony directory: no phase started in %s: run `zktreasury ceremony phase1 new` (or `phase2 new` for a circuit's phase 2)", dir)
	}
	if err != nil {
		return nil, fmt.Errorf("ceremony directory: %w", err)
	}
	type numbered struct {
		n    int
		path string
	}
	var files []numbered
	for _, e := range entries {
		m := fileName.FindStringSubmatch(e.Name())
		if m == nil || e.IsDir() {
			continue
		}
		n, _ := strconv.Atoi(m[1])
		files = append(files, numbered{n, filepath.Join(dir, e.Name())})
	}
	sort.Slice(files, func(i, j int) bool { return files[i].n < files[j].n })
	out := make([]string, len(files))
	for i, f := range files {
		if f.n != i {
			return nil, fmt.Errorf("%w: %s: expected file number %04d", ErrTranscript, f.path, i)
		}
		out[i] = f.path
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no contribution files (0000.mpc, ...) in %s: start the phase with `new`", dir)
	}
	return out, nil
}

// ContributionPath is the path of contribution index in a phase directory.
func ContributionPath(dir string, index int) string {
	return filepath.Join(dir, fmt.Sprintf("%04d.mpc", index))
}

// readHeader reads only the header line of a contribution file.
func readHeader(path string) (Header, error) {
	f, err := os.Open(path)
	if err != nil {
		return Header{}, err
	}
	defer f.Close()
	h, _, err := parseHeader(path, bufio.NewReaderSize(f, 1<<20))
	return h, err
}

func parseHeader(path string, r *bufio.Reader) (Header, int, error) {
	line, err := r.ReadBytes('\n')
	if err != nil {
		return Header{}, 0, fmt.Errorf("%w: %s: no header line: %v", ErrTranscript, path, err)
	}
	var h Header
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&h); err != nil {
		return Header{}, 0, fmt.Errorf("%w: %s: header: %v", ErrTranscript, path, err)
	}
	if h.Format != Format {
		return Header{}, 0, fmt.Errorf("%w: %s: format %q, want %q", ErrTranscript, path, h.Format, Format)
	}
	return h, len(line), nil
}

// readFile reads a contribution file into s and checks that the binary part's
// SHA-256 is the header's Digest and that nothing follows it.
func readFile(path string, s state) (Header, error) {
	f, err := os.Open(path)
	if err != nil {
		return Header{}, err
	}
	defer f.Close()
	r := bufio.NewReaderSize(f, 1<<20)
	h, _, err := parseHeader(path, r)
	if err != nil {
		return Header{}, err
	}
	sha := sha256.New()
	body := io.TeeReader(r, sha)
	_, decodeErr := s.ReadFrom(body)
	extra, err := io.Copy(sha, r)
	if err != nil {
		return Header{}, fmt.Errorf("read %s: %w", path, err)
	}
	// a digest mismatch is the clearer diagnosis, so it is reported first
	if got := hex.EncodeToString(sha.Sum(nil)); got != h.Digest {
		return Header{}, fmt.Errorf("%w: %s: content has digest %.16s, its header says %.16s (tampered file)", ErrTranscript, path, got, h.Digest)
	}
	if decodeErr != nil {
		return Header{}, fmt.Errorf("%w: %s: decode contribution: %v", ErrTranscript, path, decodeErr)
	}
	if extra != 0 {
		return Header{}, fmt.Errorf("%w: %s: %d bytes after the contribution", ErrTranscript, path, extra)
	}
	return h, nil
}

// writeFile writes header and state atomically; it fills h.Digest.
func writeFile(path string, h *Header, s state) error {
	d, err := digestOf(s)
	if err != nil {
		return err
	}
	h.Format, h.Digest = Format, d
	hb, err := json.Marshal(h)
	if err != nil {
		return err
	}
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("write %s: file exists (another contribution was made meanwhile?)", path)
	}
	return atomicfile.Stream(path, func(w io.Writer) error {
		if _, err := w.Write(append(hb, '\n')); err != nil {
			return err
		}
		_, err := s.WriteTo(w)
		return err
	})
}

// checkLink checks a contribution's header against its place in the chain.
func checkLink(path string, h Header, phase, index int, prev string) error {
	switch {
	case h.Phase != phase:
		return fmt.Errorf("%w: %s: header says phase %d, want %d", ErrTranscript, path, h.Phase, phase)
	case h.Index != index:
		return fmt.Errorf("%w: %s: header says contribution %d, file is number %d (replayed or renamed file)", ErrTranscript, path, h.Index, index)
	case h.Prev != prev:
		return fmt.Errorf("%w: %s: contribution %d builds on %.16s, but contribution %d is %.16s (wrong predecessor)", ErrTranscript, path, index, h.Prev, index-1, prev)
	}
	return nil
}

// checkChallenge checks that gnark's in-band challenge is the previous digest.
func checkChallenge(path string, index int, challenge []byte, prev string) error {
	if hex.EncodeToString(challenge) != prev {
		return fmt.Errorf("%w: %s: contribution %d answers challenge %.16x, not the hash of contribution %d (%.16s)", ErrTranscript, path, index, challenge, index-1, prev)
	}
	return nil
}

// Contribution is one verified contribution, as `verify` prints it.
type Contribution struct {
	Index  int    `json:"index"`
	Name   string `json:"name,omitempty"`
	Digest string `json:"digest"`
	Prev   string `json:"prev"`
}

func contributionOf(h Header) Contribution {
	return Contribution{Index: h.Index, Name: h.Name, Digest: h.Digest, Prev: h.Prev}
}

func now() time.Time { return time.Now().UTC().Truncate(time.Second) }

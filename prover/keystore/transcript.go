package keystore

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/zktreasury/zktreasury/prover/zk"
)

// ErrUnverifiedSetup is returned when keys claim to be secure (not marked
// insecure) but carry no transcript record, or a record that does not match
// them: such keys may come from a setup whose toxic waste someone kept.
var ErrUnverifiedSetup = errors.New("keys come from no verified setup transcript")

// TranscriptFormat identifies the transcript record format.
const TranscriptFormat = "zktreasury-transcript/1"

// Transcript kinds.
const (
	// KindGroth16MPC is a two-phase Groth16 ceremony (gnark mpcsetup).
	KindGroth16MPC = "groth16-mpc"
	// KindKZGSRS is a PLONK setup from a KZG SRS taken from a public
	// powers-of-tau ceremony.
	KindKZGSRS = "kzg-srs"
)

// Transcript records where a key pair's randomness came from. It is written
// beside the keys; its Digest is recorded in Meta.TranscriptDigest and is the
// value a user compares with the one published in the deployment file.
type Transcript struct {
	Format             string     `json:"format"`
	Kind               string     `json:"kind"`
	Circuit            string     `json:"circuit"`
	CircuitDigest      string     `json:"circuitDigest"`
	ProvingKeyDigest   string     `json:"provingKeyDigest"`
	VerifyingKeyDigest string     `json:"verifyingKeyDigest"`
	Phase1             *Phase     `json:"phase1,omitempty"`
	Phase2             *Phase     `json:"phase2,omitempty"`
	SRS                *SRSSource `json:"srs,omitempty"`
	Digest             string     `json:"transcriptDigest"`
}

// Phase is one phase of a Groth16 ceremony: its contributions in order and the
// public random beacon that sealed it.
type Phase struct {
	// Domain is the phase-1 FFT domain size (phase 1 only).
	Domain        uint64         `json:"domain,omitempty"`
	Contributions []Contribution `json:"contributions"`
	// Beacon is the hex of the public random beacon.
	Beacon string `json:"beacon"`
}

// Contribution is one contributor's entry: the SHA-256 of the state after
// their contribution, which is also the challenge the next one answers.
type Contribution struct {
	Index  int    `json:"index"`
	Name   string `json:"name,omitempty"`
	Digest string `json:"digest"`
}

// SRSSource names a KZG SRS file by its SHA-256 and its size (G1 points).
type SRSSource struct {
	Digest string `json:"digest"`
	Size   int    `json:"size"`
}

// ComputeDigest returns the transcript digest: the hex SHA-256 of a line-based
// text that names the kind, the circuit digest, each phase's beacon and the
// digest of every contribution in order (or the SRS digest). Contributor names
// and key digests are not part of it: the keys are a function of the transcript.
func (t *Transcript) ComputeDigest() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\nkind %s\ncircuit %s\n", TranscriptFormat, t.Kind, t.CircuitDigest)
	for i, p := range []*Phase{t.Phase1, t.Phase2} {
		if p == nil {
			continue
		}
		fmt.Fprintf(&b, "phase%d domain %d beacon %s\n", i+1, p.Domain, p.Beacon)
		for _, c := range p.Contributions {
			fmt.Fprintf(&b, "contribution %s\n", c.Digest)
		}
	}
	if t.SRS != nil {
		fmt.Fprintf(&b, "srs %s size %d\n", t.SRS.Digest, t.SRS.Size)
	}
	h := sha256.Sum256([]byte(b.String()))
	return hex.EncodeToString(h[:])
}

// validate checks the record's shape: a Groth16 ceremony needs at least one
// contribution in each phase (with none, the beacon alone fixes the toxic
// waste and anyone can compute it) and a beacon for each.
func (t *Transcript) validate(backend string) error {
	switch t.Kind {
	case KindGroth16MPC:
		if backend != "groth16" {
			return fmt.Errorf("a %s transcript for %s keys", t.Kind, backend)
		}
		for i, p := range []*Phase{t.Phase1, t.Phase2} {
			if p == nil || len(p.Contributions) == 0 {
				return fmt.Errorf("phase %d has no contribution", i+1)
			}
			if p.Beacon == "" {
				return fmt.Errorf("phase %d has no beacon", i+1)
			}
		}
	case KindKZGSRS:
		if backend != "plonk" {
			return fmt.Errorf("a %s transcript for %s keys", t.Kind, backend)
		}
		if t.SRS == nil || t.SRS.Digest == "" {
			return errors.New("no SRS named")
		}
	default:
		return fmt.Errorf("unknown transcript kind %q", t.Kind)
	}
	return nil
}

// TranscriptPath returns the path of the transcript record of a key pair.
func (s Store) TranscriptPath(circuit, backend, digest string) string {
	return s.base(circuit, backend, digest) + ".transcript.json"
}

// SaveWithTranscript writes keys finalized from a verified transcript: the
// transcript record (with the key digests and its own digest filled in), then
// the keys and the metadata naming the transcript digest.
func (s Store) SaveWithTranscript(m Meta, keys zk.Keys, t Transcript) error {
	m.Insecure = false
	return s.save(m, keys, &t)
}

func (s Store) writeTranscript(m *Meta, t *Transcript) error {
	t.Format = TranscriptFormat
	t.Circuit, t.CircuitDigest = m.Circuit, m.CircuitDigest
	t.ProvingKeyDigest, t.VerifyingKeyDigest = m.ProvingKeyDigest, m.VerifyingKeyDigest
	t.Digest = t.ComputeDigest()
	if err := t.validate(m.Backend); err != nil {
		return fmt.Errorf("transcript: %w", err)
	}
	m.TranscriptDigest = t.Digest
	b, err := json.MarshalIndent(t, "", "  ")
	if err != nil {
		return err
	}
	return writeAtomic(s.TranscriptPath(m.Circuit, m.Backend, m.CircuitDigest), append(b, '\n'))
}

// LoadTranscript reads and checks the transcript record of a key pair.
func (s Store) LoadTranscript(circuit, backend, digest string) (*Transcript, error) {
	m, err := s.LoadMeta(circuit, backend, digest)
	if err != nil {
		return nil, err
	}
	if m.TranscriptDigest == "" {
		return nil, fmt.Errorf("%w: %s %s keys are insecure (single-party setup)", ErrUnverifiedSetup, circuit, backend)
	}
	return s.readTranscript(m)
}

// checkTranscript refuses keys that are not marked insecure yet name no
// transcript, or name one that does not match them.
func (s Store) checkTranscript(m *Meta) error {
	if m.TranscriptDigest == "" {
		if m.Insecure {
			return nil
		}
		return fmt.Errorf("%w: %s %s keys (digest %.16s) in %q are not marked insecure and record no transcript; run `zktreasury ceremony finalize` (or `keys setup --insecure-dev` for development)",
			ErrUnverifiedSetup, m.Circuit, m.Backend, m.CircuitDigest, s.Dir)
	}
	if m.Insecure {
		return fmt.Errorf("%w: %s %s keys are marked insecure yet name transcript %.16s", ErrUnverifiedSetup, m.Circuit, m.Backend, m.TranscriptDigest)
	}
	_, err := s.readTranscript(m)
	return err
}

func (s Store) readTranscript(m *Meta) (*Transcript, error) {
	path := s.TranscriptPath(m.Circuit, m.Backend, m.CircuitDigest)
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrUnverifiedSetup, err)
	}
	var t Transcript
	if err := json.Unmarshal(data, &t); err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrUnverifiedSetup, path, err)
	}
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%w: %s: %s", ErrUnverifiedSetup, path, fmt.Sprintf(format, args...))
	}
	if t.Format != TranscriptFormat {
		return nil, bad("format %q, want %q", t.Format, TranscriptFormat)
	}
	if got := t.ComputeDigest(); got != t.Digest || got != m.TranscriptDigest {
		return nil, bad("transcript digest is %.16s, the record says %.16s and the key metadata %.16s", got, t.Digest, m.TranscriptDigest)
	}
	if t.Circuit != m.Circuit || t.CircuitDigest != m.CircuitDigest {
		return nil, bad("transcript is for %s %.16s, the keys for %s %.16s", t.Circuit, t.CircuitDigest, m.Circuit, m.CircuitDigest)
	}
	if t.ProvingKeyDigest != m.ProvingKeyDigest || t.VerifyingKeyDigest != m.VerifyingKeyDigest {
		return nil, bad("transcript names keys %.16s/%.16s, the metadata %.16s/%.16s", t.ProvingKeyDigest, t.VerifyingKeyDigest, m.ProvingKeyDigest, m.VerifyingKeyDigest)
	}
	if err := t.validate(m.Backend); err != nil {
		return nil, bad("%v", err)
	}
	return &t, nil
}

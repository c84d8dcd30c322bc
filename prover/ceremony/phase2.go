package ceremony

import (
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/backend/groth16"
	"github.com/consensys/gnark/backend/groth16/bn254/mpcsetup"
	"github.com/consensys/gnark/constraint"
	cs "github.com/consensys/gnark/constraint/bn254"

	"github.com/zktreasury/zktreasury/prover/keystore"
	"github.com/zktreasury/zktreasury/prover/zk"
)

// Circuit is the circuit a phase 2 is run for: its name and parameters (for
// file names and key metadata) and its compiled Groth16 constraint system.
type Circuit struct {
	Name, Params string
	CS           constraint.ConstraintSystem
	digest       string
	r1cs         *cs.R1CS
}

// NewCircuit checks that ccs is a BN254 R1CS and computes its digest.
func NewCircuit(name, params string, ccs constraint.ConstraintSystem) (Circuit, error) {
	r, ok := ccs.(*cs.R1CS)
	if !ok {
		return Circuit{}, fmt.Errorf("ceremony for %s: constraint system is %T, want a Groth16 BN254 R1CS", name, ccs)
	}
	d, err := keystore.CircuitDigest(ccs)
	if err != nil {
		return Circuit{}, err
	}
	return Circuit{Name: name, Params: params, CS: ccs, digest: d, r1cs: r}, nil
}

// Digest is the circuit digest keys are named by.
func (c Circuit) Digest() string { return c.digest }

// Domain is the FFT domain the circuit's keys use (gnark's Groth16 setup: the
// next power of two of the constraint count).
func (c Circuit) Domain() uint64 { return ecc.NextPowerOfTwo(uint64(c.CS.GetNbConstraints())) }

// Phase2Dir is the directory of a circuit's phase 2 in a ceremony directory.
func Phase2Dir(dir string, c Circuit) string {
	return filepath.Join(dir, "phase2", fmt.Sprintf("%s-%s", c.Name, c.digest[:16]))
}

// sealPhase1 verifies phase 1 and seals it for the circuit's domain.
func sealPhase1(dir string, c Circuit, beacon []byte, logf Logf) (*Phase1Transcript, mpcsetup.SrsCommons, error) {
	// the size check first, from the header, before the long verification
	if h0, err := readHeader(ContributionPath(Phase1Dir(dir), 0)); err == nil && h0.Domain < c.Domain() {
		return nil, mpcsetup.SrsCommons{}, tooSmall(dir, c, h0.Domain)
	}
	t, err := VerifyPhase1(dir, logf)
	if err != nil {
		return nil, mpcsetup.SrsCommons{}, err
	}
	n := c.Domain()
	if n > t.Domain {
		return nil, mpcsetup.SrsCommons{}, tooSmall(dir, c, t.Domain)
	}
	commons, err := t.Seal(beacon, n)
	return t, commons, err
}

func tooSmall(dir string, c Circuit, domain uint64) error {
	return fmt.Errorf("%s has %d constraints and needs a phase-1 domain of %d, phase 1 in %s has %d: start a larger phase 1 (--power %d)",
		c.Name, c.CS.GetNbConstraints(), c.Domain(), Phase1Dir(dir), domain, log2(c.Domain()))
}

func log2(n uint64) int {
	k := 0
	for n > 1 {
		n >>= 1
		k++
	}
	return k
}

// NewPhase2 verifies phase 1, seals it with its public beacon, and starts the
// circuit's phase 2 by writing its starting state (0000.mpc).
func NewPhase2(dir string, c Circuit, phase1Beacon []byte, logf Logf) (Header, error) {
	p2 := Phase2Dir(dir, c)
	if entries, err := os.ReadDir(p2); err == nil && len(entries) > 0 {
		return Header{}, fmt.Errorf("%s already holds a phase 2 for this circuit; verify or continue it instead", p2)
	}
	t, commons, err := sealPhase1(dir, c, phase1Beacon, logf)
	if err != nil {
		return Header{}, err
	}
	logf.log("initializing phase 2 for %s (%d constraints, domain %d)...", c.Name, c.CS.GetNbConstraints(), c.Domain())
	start := time.Now()
	s := new(mpcsetup.Phase2)
	s.Initialize(c.r1cs, &commons)
	h := Header{Phase: 2, Index: 0, Domain: c.Domain(), Circuit: c.Name, Params: c.Params, CircuitDigest: c.digest,
		Phase1Digest: t.LastDigest(), Phase1Beacon: hex.EncodeToString(phase1Beacon), Created: now()}
	if err := writeFile(ContributionPath(p2, 0), &h, s); err != nil {
		return Header{}, err
	}
	logf.log("phase 2 started in %s (digest %.16s)", time.Since(start).Round(time.Millisecond), h.Digest)
	return h, nil
}

// ContributePhase2 adds a contribution on top of the last file of the
// circuit's phase 2. The randomness is drawn from crypto/rand and never leaves
// the process.
func ContributePhase2(dir string, c Circuit, name string, logf Logf) (Header, error) {
	p2 := Phase2Dir(dir, c)
	files, err := listFiles(p2)
	if err != nil {
		return Header{}, err
	}
	last := files[len(files)-1]
	s := new(mpcsetup.Phase2)
	prev, err := readFile(last, s)
	if err != nil {
		return Header{}, err
	}
	if prev.Phase != 2 || prev.Index != len(files)-1 || prev.CircuitDigest != c.digest {
		return Header{}, fmt.Errorf("%w: %s: header says phase %d contribution %d for circuit %.16s", ErrTranscript, last, prev.Phase, prev.Index, prev.CircuitDigest)
	}
	logf.log("contributing to phase 2 of %s on top of contribution %d (%.16s)...", c.Name, prev.Index, prev.Digest)
	start := time.Now()
	s.Contribute()
	if hex.EncodeToString(s.Challenge) != prev.Digest {
		return Header{}, fmt.Errorf("internal error: challenge %x is not the previous digest %s", s.Challenge, prev.Digest)
	}
	h := prev
	h.Index, h.Name, h.Prev, h.Created = prev.Index+1, name, prev.Digest, now()
	if err := writeFile(ContributionPath(p2, h.Index), &h, s); err != nil {
		return Header{}, err
	}
	logf.log("contribution %d written in %s: digest %s", h.Index, time.Since(start).Round(time.Millisecond), h.Digest)
	return h, nil
}

// Phase2Transcript is a verified phase 2 and the phase 1 it started from.
type Phase2Transcript struct {
	Phase1        *Phase1Transcript
	Phase1Beacon  string
	Domain        uint64
	Start         string
	Contributions []Contribution
	circuit       Circuit
	commons       mpcsetup.SrsCommons
	evals         mpcsetup.Phase2Evaluations
	last          *mpcsetup.Phase2
}

// VerifyPhase2 checks the circuit's whole transcript from the start, as gnark's
// VerifyPhase2 does: phase 1 is verified and sealed with the beacon the phase 2
// names, the starting state of phase 2 is recomputed from it and the circuit
// (so a phase 2 begun from another phase 1 or for another circuit is refused),
// and each contribution must name its predecessor, answer its challenge and
// carry valid update proofs for δ and the commitment keys.
func VerifyPhase2(dir string, c Circuit, logf Logf) (*Phase2Transcript, error) {
	p2 := Phase2Dir(dir, c)
	files, err := listFiles(p2)
	if err != nil {
		return nil, err
	}
	h0, err := readHeader(files[0])
	if err != nil {
		return nil, err
	}
	if h0.Phase != 2 || h0.Index != 0 {
		return nil, fmt.Errorf("%w: %s: not a phase-2 start (phase %d, index %d)", ErrTranscript, files[0], h0.Phase, h0.Index)
	}
	if h0.CircuitDigest != c.digest {
		return nil, fmt.Errorf("%w: %s: phase 2 is for circuit %s %.16s, not %s %.16s", ErrTranscript, files[0], h0.Circuit, h0.CircuitDigest, c.Name, c.digest)
	}
	beacon1, err := ParseBeacon(h0.Phase1Beacon)
	if err != nil {
		return nil, fmt.Errorf("%w: %s: phase 1 beacon: %v", ErrTranscript, files[0], err)
	}
	t1, commons, err := sealPhase1(dir, c, beacon1, logf)
	if err != nil {
		return nil, err
	}
	if t1.LastDigest() != h0.Phase1Digest {
		return nil, fmt.Errorf("%w: %s: phase 2 started from phase 1 state %.16s, phase 1 in %s ends at %.16s (another phase 1)", ErrTranscript, files[0], h0.Phase1Digest, Phase1Dir(dir), t1.LastDigest())
	}
	logf.log("recomputing the phase 2 starting state for %s (%d constraints)...", c.Name, c.CS.GetNbConstraints())
	began := time.Now()
	prev := new(mpcsetup.Phase2)
	evals := prev.Initialize(c.r1cs, &commons)
	start, err := digestOf(prev)
	if err != nil {
		return nil, err
	}
	if start != h0.Digest {
		return nil, fmt.Errorf("%w: %s: phase 2 starting state %.16s is not the one this phase 1 and circuit give (%.16s)", ErrTranscript, files[0], h0.Digest, start)
	}
	logf.log("phase 2 start recomputed in %s", time.Since(began).Round(time.Millisecond))
	t := &Phase2Transcript{Phase1: t1, Phase1Beacon: h0.Phase1Beacon, Domain: c.Domain(), Start: start, circuit: c, commons: commons, evals: evals}
	prevDigest := start
	for i := 1; i < len(files); i++ {
		began := time.Now()
		next := new(mpcsetup.Phase2)
		h, err := readFile(files[i], next)
		if err != nil {
			return nil, err
		}
		if err := checkLink(files[i], h, 2, i, prevDigest); err != nil {
			return nil, err
		}
		if h.CircuitDigest != c.digest || h.Phase1Digest != h0.Phase1Digest || h.Phase1Beacon != h0.Phase1Beacon {
			return nil, fmt.Errorf("%w: %s: header names circuit %.16s and phase 1 %.16s, the phase 2 start %.16s and %.16s", ErrTranscript, files[i], h.CircuitDigest, h.Phase1Digest, c.digest, h0.Phase1Digest)
		}
		if err := checkChallenge(files[i], i, next.Challenge, prevDigest); err != nil {
			return nil, err
		}
		if err := prev.Verify(next); err != nil {
			return nil, fmt.Errorf("%w: %s: contribution %d: %v", ErrTranscript, files[i], i, err)
		}
		t.Contributions = append(t.Contributions, contributionOf(h))
		logf.log("phase 2 contribution %d verified in %s: %s", i, time.Since(began).Round(time.Millisecond), h.Digest)
		prev, prevDigest = next, h.Digest
	}
	t.last = prev
	return t, nil
}

// Seal applies the public phase-2 beacon and returns the proving and
// verifying keys. It refuses a phase 2 with no contribution. Seal may be
// called once.
func (t *Phase2Transcript) Seal(beacon []byte) (groth16.ProvingKey, groth16.VerifyingKey, error) {
	if len(t.Contributions) == 0 {
		return nil, nil, fmt.Errorf("%w to phase 2 of %s yet: with none, the beacon alone fixes δ and anyone can forge proofs", ErrNoContribution, t.circuit.Name)
	}
	if t.last == nil {
		return nil, nil, fmt.Errorf("internal error: phase 2 transcript sealed twice")
	}
	pk, vk := t.last.Seal(&t.commons, &t.evals, beacon)
	t.last = nil
	return pk, vk, nil
}

// Record returns the transcript record for the key store (key digests are
// filled in when the keys are saved); its ComputeDigest is the transcript
// digest the keys will carry.
func (t *Phase2Transcript) Record(beacon []byte) keystore.Transcript {
	conv := func(cs []Contribution) []keystore.Contribution {
		out := make([]keystore.Contribution, len(cs))
		for i, c := range cs {
			out[i] = keystore.Contribution{Index: c.Index, Name: c.Name, Digest: c.Digest}
		}
		return out
	}
	return keystore.Transcript{Kind: keystore.KindGroth16MPC, Circuit: t.circuit.Name, CircuitDigest: t.circuit.digest,
		Phase1: &keystore.Phase{Domain: t.Phase1.Domain, Contributions: conv(t.Phase1.Contributions), Beacon: t.Phase1Beacon},
		Phase2: &keystore.Phase{Contributions: conv(t.Contributions), Beacon: hex.EncodeToString(beacon)}}
}

// Finalize verifies the circuit's whole transcript, seals phase 2 with the
// public beacon and writes the keys into the store, named by circuit digest,
// with the transcript record beside them.
func Finalize(dir string, c Circuit, beacon []byte, store keystore.Store, logf Logf) (*keystore.Meta, error) {
	t, err := VerifyPhase2(dir, c, logf)
	if err != nil {
		return nil, err
	}
	began := time.Now()
	pk, vk, err := t.Seal(beacon)
	if err != nil {
		return nil, err
	}
	logf.log("phase 2 sealed in %s", time.Since(began).Round(time.Millisecond))
	b := zk.Groth16{}
	m := keystore.Meta{Circuit: c.Name, Params: c.Params, Backend: b.Name(), CircuitDigest: c.digest,
		Constraints: c.CS.GetNbConstraints(), PublicInputs: b.NbPublicInputs(c.CS), Created: now()}
	if err := store.SaveWithTranscript(m, zk.Keys{PK: pk, VK: vk}, t.Record(beacon)); err != nil {
		return nil, fmt.Errorf("save keys: %w", err)
	}
	return store.LoadMeta(c.Name, b.Name(), c.digest)
}

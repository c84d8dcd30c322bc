package ceremony

import (
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/backend/groth16/bn254/mpcsetup"
)

// MaxPower bounds the phase-1 domain (2^MaxPower): 2^24 points already need
// several GiB per state.
const MaxPower = 26

// Phase1Dir is the directory of phase 1 in a ceremony directory.
func Phase1Dir(dir string) string { return filepath.Join(dir, "phase1") }

// NewPhase1 starts phase 1 for a domain of 2^power (enough for circuits of up
// to 2^power constraints) by writing its starting state, 0000.mpc.
func NewPhase1(dir string, power int, logf Logf) (Header, error) {
	if power < 1 || power > MaxPower {
		return Header{}, fmt.Errorf("--power %d: want 1 to %d (domain 2^power, at least the circuit's constraints)", power, MaxPower)
	}
	p1 := Phase1Dir(dir)
	if entries, err := os.ReadDir(p1); err == nil && len(entries) > 0 {
		return Header{}, fmt.Errorf("%s already holds a phase 1; verify or continue it instead", p1)
	}
	n := uint64(1) << power
	start := time.Now()
	s := mpcsetup.NewPhase1(n)
	h := Header{Phase: 1, Index: 0, Domain: n, Created: now()}
	if err := writeFile(ContributionPath(p1, 0), &h, s); err != nil {
		return Header{}, err
	}
	logf.log("phase 1 started for domain 2^%d in %s (digest %.16s)", power, time.Since(start).Round(time.Millisecond), h.Digest)
	return h, nil
}

// ContributePhase1 adds a contribution on top of the last file of phase 1. The
// randomness is drawn from crypto/rand and never leaves the process.
func ContributePhase1(dir, name string, logf Logf) (Header, error) {
	p1 := Phase1Dir(dir)
	files, err := listFiles(p1)
	if err != nil {
		return Header{}, err
	}
	last := files[len(files)-1]
	s := new(mpcsetup.Phase1)
	prev, err := readFile(last, s)
	if err != nil {
		return Header{}, err
	}
	if prev.Phase != 1 || prev.Index != len(files)-1 {
		return Header{}, fmt.Errorf("%w: %s: header says phase %d contribution %d", ErrTranscript, last, prev.Phase, prev.Index)
	}
	logf.log("contributing to phase 1 on top of contribution %d (%.16s), domain %d...", prev.Index, prev.Digest, prev.Domain)
	start := time.Now()
	s.Contribute()
	if hex.EncodeToString(s.Challenge) != prev.Digest {
		return Header{}, fmt.Errorf("internal error: challenge %x is not the previous digest %s", s.Challenge, prev.Digest)
	}
	h := Header{Phase: 1, Index: prev.Index + 1, Name: name, Domain: prev.Domain, Prev: prev.Digest, Created: now()}
	if err := writeFile(ContributionPath(p1, h.Index), &h, s); err != nil {
		return Header{}, err
	}
	logf.log("contribution %d written in %s: digest %s", h.Index, time.Since(start).Round(time.Millisecond), h.Digest)
	return h, nil
}

// Phase1Transcript is a verified phase 1.
type Phase1Transcript struct {
	// Domain is the FFT domain size N.
	Domain uint64
	// Contributions lists every contribution after the starting state.
	Contributions []Contribution
	// Start is the digest of the starting state.
	Start string
	last  *mpcsetup.Phase1
}

// LastDigest is the digest of the last contribution (the starting state if none).
func (t *Phase1Transcript) LastDigest() string {
	if len(t.Contributions) == 0 {
		return t.Start
	}
	return t.Contributions[len(t.Contributions)-1].Digest
}

// VerifyPhase1 checks phase 1 from the start, as gnark's VerifyPhase1 does,
// one contribution at a time so the error names the first bad one: the
// starting state is recomputed (file 0000 is only compared with it), and each
// contribution must name its predecessor's digest, answer its challenge and
// carry valid update proofs and consistent powers of tau.
func VerifyPhase1(dir string, logf Logf) (*Phase1Transcript, error) {
	p1 := Phase1Dir(dir)
	files, err := listFiles(p1)
	if err != nil {
		return nil, err
	}
	h0, err := readHeader(files[0])
	if err != nil {
		return nil, err
	}
	if h0.Phase != 1 || h0.Index != 0 || h0.Domain < 2 || ecc.NextPowerOfTwo(h0.Domain) != h0.Domain || h0.Domain > 1<<MaxPower {
		return nil, fmt.Errorf("%w: %s: not a phase-1 start (phase %d, index %d, domain %d)", ErrTranscript, files[0], h0.Phase, h0.Index, h0.Domain)
	}
	prev := mpcsetup.NewPhase1(h0.Domain)
	start, err := digestOf(prev)
	if err != nil {
		return nil, err
	}
	if h0.Digest != start {
		return nil, fmt.Errorf("%w: %s: starting state %.16s is not the canonical one for domain %d (%.16s)", ErrTranscript, files[0], h0.Digest, h0.Domain, start)
	}
	t := &Phase1Transcript{Domain: h0.Domain, Start: start}
	prevDigest := start
	for i := 1; i < len(files); i++ {
		began := time.Now()
		next := new(mpcsetup.Phase1)
		h, err := readFile(files[i], next)
		if err != nil {
			return nil, err
		}
		if err := checkLink(files[i], h, 1, i, prevDigest); err != nil {
			return nil, err
		}
		if h.Domain != t.Domain {
			return nil, fmt.Errorf("%w: %s: domain %d, phase 1 has %d", ErrTranscript, files[i], h.Domain, t.Domain)
		}
		if err := checkChallenge(files[i], i, next.Challenge, prevDigest); err != nil {
			return nil, err
		}
		if err := prev.Verify(next); err != nil {
			return nil, fmt.Errorf("%w: %s: contribution %d: %v", ErrTranscript, files[i], i, err)
		}
		t.Contributions = append(t.Contributions, contributionOf(h))
		logf.log("phase 1 contribution %d verified in %s: %s", i, time.Since(began).Round(time.Millisecond), h.Digest)
		prev, prevDigest = next, h.Digest
	}
	t.last = prev
	return t, nil
}

// Seal applies the public beacon to the last contribution and returns the
// circuit-independent SRS, cut to a domain of n (a power of two, at most the
// phase's domain: powers of tau for a smaller domain are a prefix). It refuses
// a phase with no contribution. Seal may be called once.
func (t *Phase1Transcript) Seal(beacon []byte, n uint64) (mpcsetup.SrsCommons, error) {
	if len(t.Contributions) == 0 {
		return mpcsetup.SrsCommons{}, fmt.Errorf("%w to phase 1 yet: with none, the beacon alone fixes τ, α, β and anyone can forge proofs", ErrNoContribution)
	}
	if t.last == nil {
		return mpcsetup.SrsCommons{}, fmt.Errorf("internal error: phase 1 transcript sealed twice")
	}
	if n > t.Domain || ecc.NextPowerOfTwo(n) != n {
		return mpcsetup.SrsCommons{}, fmt.Errorf("phase 1 domain is %d, the circuit needs %d", t.Domain, n)
	}
	c := t.last.Seal(beacon)
	t.last = nil
	if n < t.Domain {
		// copies, so the larger domain's points can be freed
		c.G1.Tau = slices.Clone(c.G1.Tau[:2*n-1])
		c.G2.Tau = slices.Clone(c.G2.Tau[:n])
		c.G1.AlphaTau = slices.Clone(c.G1.AlphaTau[:n])
		c.G1.BetaTau = slices.Clone(c.G1.BetaTau[:n])
	}
	return c, nil
}

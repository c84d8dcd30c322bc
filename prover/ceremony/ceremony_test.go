package ceremony

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/consensys/gnark/backend/groth16/bn254/mpcsetup"
	"github.com/consensys/gnark/frontend"

	"github.com/zktreasury/zktreasury/prover/keystore"
	"github.com/zktreasury/zktreasury/prover/zk"
)

// committed is a tiny circuit with a public input and a BSB22 commitment, so
// phase 2 has a commitment key (σ) to set up: X³ + X + K == Y.
type committed struct {
	X frontend.Variable
	Y frontend.Variable `gnark:",public"`
	K int               `gnark:"-"`
}

func (c *committed) Define(api frontend.API) error {
	x3 := api.Mul(c.X, c.X, c.X)
	api.AssertIsEqual(c.Y, api.Add(x3, c.X, c.K))
	cmt, err := api.(frontend.Committer).Commit(x3)
	if err != nil {
		return err
	}
	api.AssertIsDifferent(cmt, 0)
	return nil
}

var (
	beacon1 = mustBeacon("0x9d1a6bd2f0c4c1bbf0fb1f4a1e6e1b1a3c5d7e9f00112233445566778899aabb")
	beacon2 = mustBeacon("0x1c0ffee0c0ffee0c0ffee0c0ffee0c0ffee0c0ffee0c0ffee0c0ffee0c0ffee0")
)

func mustBeacon(s string) []byte {
	b, err := ParseBeacon(s)
	if err != nil {
		panic(err)
	}
	return b
}

func circuitK(t testing.TB, k int) Circuit {
	t.Helper()
	ccs, err := zk.Groth16{}.Compile(&committed{K: k})
	if err != nil {
		t.Fatal(err)
	}
	c, err := NewCircuit("cubic", "k"+string(rune('0'+k)), ccs)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// build runs phase 1 (domain 2^5, larger than the circuit needs, so Seal cuts
// it) and phase 2 with the given numbers of contributors.
func build(t testing.TB, dir string, c Circuit, n1, n2 int) {
	t.Helper()
	if _, err := NewPhase1(dir, 5, nil); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < n1; i++ {
		if _, err := ContributePhase1(dir, "p1-"+string(rune('a'+i)), nil); err != nil {
			t.Fatal(err)
		}
	}
	if n2 < 0 {
		return
	}
	if _, err := NewPhase2(dir, c, beacon1, nil); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < n2; i++ {
		if _, err := ContributePhase2(dir, c, "p2-"+string(rune('a'+i)), nil); err != nil {
			t.Fatal(err)
		}
	}
}

var (
	honestOnce sync.Once
	honestDir  string
)

// honest returns a fresh copy of one honest three-by-three ceremony.
func honest(t *testing.T) string {
	t.Helper()
	honestOnce.Do(func() {
		d, err := os.MkdirTemp("", "ceremony-honest-")
		if err != nil {
			t.Fatal(err)
		}
		build(t, d, circuitK(t, 5), 3, 3)
		honestDir = d
	})
	dst := t.TempDir()
	if err := os.CopyFS(dst, os.DirFS(honestDir)); err != nil {
		t.Fatal(err)
	}
	return dst
}

func TestMain(m *testing.M) {
	code := m.Run()
	if honestDir != "" {
		os.RemoveAll(honestDir)
	}
	os.Exit(code)
}

func TestThreeContributorsProveAndVerify(t *testing.T) {
	dir := honest(t)
	c := circuitK(t, 5)
	t1, err := VerifyPhase1(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(t1.Contributions) != 3 || t1.Domain != 32 {
		t.Fatalf("phase 1: %d contributions, domain %d", len(t1.Contributions), t1.Domain)
	}
	for i, ct := range t1.Contributions {
		prev := t1.Start
		if i > 0 {
			prev = t1.Contributions[i-1].Digest
		}
		if ct.Prev != prev || ct.Index != i+1 || len(ct.Digest) != 64 {
			t.Fatalf("contribution %d: %+v", i+1, ct)
		}
	}
	store := keystore.Store{Dir: t.TempDir()}
	meta, err := Finalize(dir, c, beacon2, store, nil)
	if err != nil {
		t.Fatal(err)
	}
	if meta.Insecure || meta.TranscriptDigest == "" {
		t.Fatalf("meta: insecure %v, transcript %q", meta.Insecure, meta.TranscriptDigest)
	}
	t2, err := VerifyPhase2(dir, c, nil)
	if err != nil {
		t.Fatal(err)
	}
	if rec := t2.Record(beacon2); rec.ComputeDigest() != meta.TranscriptDigest {
		t.Fatalf("recomputed transcript digest %s, keys carry %s", rec.ComputeDigest(), meta.TranscriptDigest)
	}
	tr, err := store.LoadTranscript(c.Name, "groth16", c.Digest())
	if err != nil {
		t.Fatal(err)
	}
	if len(tr.Phase1.Contributions) != 3 || len(tr.Phase2.Contributions) != 3 || tr.Digest != meta.TranscriptDigest {
		t.Fatalf("transcript record %+v", tr)
	}

	b := zk.Groth16{}
	pk, _, err := store.LoadProvingKey(b, c.Name, c.CS)
	if err != nil {
		t.Fatal(err)
	}
	vk, _, err := store.LoadVerifyingKey(b, c.Name, c.Digest())
	if err != nil {
		t.Fatal(err)
	}
	full, err := frontend.NewWitness(&committed{X: 3, Y: 27 + 3 + 5}, zk.Curve.ScalarField())
	if err != nil {
		t.Fatal(err)
	}
	proof, err := b.Prove(c.CS, pk, full)
	if err != nil {
		t.Fatal(err)
	}
	pub, _ := full.Public()
	if err := b.Verify(proof, vk, pub); err != nil {
		t.Fatalf("honest proof: %v", err)
	}
	wrong, _ := zk.PublicWitness([]any{36})
	if err := b.Verify(proof, vk, wrong); !errors.Is(err, zk.ErrProofRejected) {
		t.Fatalf("proof for Y=35 verified against Y=36: %v", err)
	}

	// The same transcript always gives the same keys and transcript digest.
	again := keystore.Store{Dir: t.TempDir()}
	m2, err := Finalize(dir, c, beacon2, again, nil)
	if err != nil {
		t.Fatal(err)
	}
	if m2.VerifyingKeyDigest != meta.VerifyingKeyDigest || m2.TranscriptDigest != meta.TranscriptDigest {
		t.Fatalf("finalize is not deterministic: %s/%s vs %s/%s", m2.VerifyingKeyDigest, m2.TranscriptDigest, meta.VerifyingKeyDigest, meta.TranscriptDigest)
	}
	// Another beacon gives other keys.
	m3, err := Finalize(dir, c, beacon1, keystore.Store{Dir: t.TempDir()}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if m3.VerifyingKeyDigest == meta.VerifyingKeyDigest || m3.TranscriptDigest == meta.TranscriptDigest {
		t.Fatal("the beacon does not change the keys")
	}
}

// rewrite replaces a contribution file's header (edit) and, if body is not
// nil, its binary part, recomputing nothing unless fix is set: with fix, the
// header's Digest is made to match the new body, as a careful forger would.
func rewrite(t *testing.T, path string, edit func(*Header), body func([]byte) []byte, fix bool) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	i := bytes.IndexByte(data, '\n')
	var h Header
	if err := json.Unmarshal(data[:i], &h); err != nil {
		t.Fatal(err)
	}
	b := append([]byte(nil), data[i+1:]...)
	if body != nil {
		b = body(b)
	}
	if edit != nil {
		edit(&h)
	}
	if fix {
		h.Digest = sha(b)
	}
	hb, _ := json.Marshal(h)
	if err := os.WriteFile(path, append(append(hb, '\n'), b...), 0o644); err != nil {
		t.Fatal(err)
	}
}

func sha(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func header(t *testing.T, path string) Header {
	t.Helper()
	h, err := readHeader(path)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// finalizeErr verifies the whole transcript of the honest circuit.
func finalizeErr(t *testing.T, dir string) error {
	t.Helper()
	_, err := Finalize(dir, circuitK(t, 5), beacon2, keystore.Store{Dir: t.TempDir()}, nil)
	return err
}

func TestRejections(t *testing.T) {
	c := circuitK(t, 5)
	p1 := func(dir string, i int) string { return ContributionPath(Phase1Dir(dir), i) }
	p2 := func(dir string, i int) string { return ContributionPath(Phase2Dir(dir, c), i) }
	flip := func(b []byte) []byte { b[len(b)/2] ^= 0x01; return b }
	tests := []struct {
		name   string
		attack func(t *testing.T, dir string)
		want   string
	}{
		{"tampered phase 1 contribution", func(t *testing.T, dir string) {
			rewrite(t, p1(dir, 2), nil, flip, false)
		}, "tampered file"},
		{"tampered phase 1 contribution: two valid points swapped, header digest fixed", func(t *testing.T, dir string) {
			// the binary part ends with [ατ^(N-2)]₁, [ατ^(N-1)]₁ (32 bytes each,
			// compressed) and the 33-byte challenge (length byte + 32)
			rewrite(t, p1(dir, 2), nil, func(b []byte) []byte {
				end := len(b) - 33
				x, y := b[end-64:end-32], b[end-32:end]
				tmp := append([]byte(nil), x...)
				copy(x, y)
				copy(y, tmp)
				return b
			}, true)
		}, "contribution 2"},
		{"tampered phase 2 contribution: δ doubled, header digest fixed", func(t *testing.T, dir string) {
			path := p2(dir, 2)
			s := new(mpcsetup.Phase2)
			h, err := readFile(path, s)
			if err != nil {
				t.Fatal(err)
			}
			s.Parameters.G1.Delta.Double(&s.Parameters.G1.Delta)
			if err := os.Remove(path); err != nil {
				t.Fatal(err)
			}
			if err := writeFile(path, &h, s); err != nil {
				t.Fatal(err)
			}
		}, "failed to verify contribution to δ"},
		{"replayed contribution (same file again)", func(t *testing.T, dir string) {
			copyFile(t, p1(dir, 3), p1(dir, 4))
		}, "replayed"},
		{"replayed contribution, header renumbered and relinked", func(t *testing.T, dir string) {
			copyFile(t, p1(dir, 3), p1(dir, 4))
			d3 := header(t, p1(dir, 3)).Digest
			rewrite(t, p1(dir, 4), func(h *Header) { h.Index, h.Prev = 4, d3 }, nil, false)
		}, "answers challenge"},
		{"contribution built on the wrong predecessor", func(t *testing.T, dir string) {
			fork := t.TempDir()
			copyFile(t, p1(dir, 0), p1(fork, 0))
			copyFile(t, p1(dir, 1), p1(fork, 1))
			if _, err := ContributePhase1(fork, "forker", nil); err != nil {
				t.Fatal(err)
			}
			copyFile(t, p1(fork, 2), p1(dir, 4))
			rewrite(t, p1(dir, 4), func(h *Header) { h.Index = 4 }, nil, false)
		}, "wrong predecessor"},
		{"contribution built on the wrong predecessor, relinked", func(t *testing.T, dir string) {
			fork := t.TempDir()
			copyFile(t, p2(dir, 0), p2(fork, 0))
			copyFile(t, p2(dir, 1), p2(fork, 1))
			if _, err := ContributePhase2(fork, c, "forker", nil); err != nil {
				t.Fatal(err)
			}
			copyFile(t, p2(fork, 2), p2(dir, 4))
			d3 := header(t, p2(dir, 3)).Digest
			rewrite(t, p2(dir, 4), func(h *Header) { h.Index, h.Prev = 4, d3 }, nil, false)
		}, "answers challenge"},
		{"contribution dropped from the middle", func(t *testing.T, dir string) {
			if err := os.Rename(p2(dir, 3), p2(dir, 2)); err != nil {
				t.Fatal(err)
			}
		}, "replayed or renamed"},
		{"phase 2 started from another phase 1", func(t *testing.T, dir string) {
			other := t.TempDir()
			build(t, other, c, 1, 1)
			if err := os.RemoveAll(filepath.Join(dir, "phase2")); err != nil {
				t.Fatal(err)
			}
			if err := os.CopyFS(filepath.Join(dir, "phase2"), os.DirFS(filepath.Join(other, "phase2"))); err != nil {
				t.Fatal(err)
			}
		}, "another phase 1"},
		{"phase 2 started from another phase 1, header relinked", func(t *testing.T, dir string) {
			other := t.TempDir()
			build(t, other, c, 1, 1)
			mine := header(t, p2(dir, 0)).Phase1Digest
			if err := os.RemoveAll(filepath.Join(dir, "phase2")); err != nil {
				t.Fatal(err)
			}
			if err := os.CopyFS(filepath.Join(dir, "phase2"), os.DirFS(filepath.Join(other, "phase2"))); err != nil {
				t.Fatal(err)
			}
			for i := 0; i < 2; i++ {
				rewrite(t, p2(dir, i), func(h *Header) { h.Phase1Digest = mine }, nil, false)
			}
		}, "not the one this phase 1 and circuit give"},
		{"phase 2 of another circuit", func(t *testing.T, dir string) {
			other := circuitK(t, 7)
			o := t.TempDir()
			if err := os.CopyFS(o, os.DirFS(dir)); err != nil {
				t.Fatal(err)
			}
			if err := os.RemoveAll(filepath.Join(o, "phase2")); err != nil {
				t.Fatal(err)
			}
			if _, err := NewPhase2(o, other, beacon1, nil); err != nil {
				t.Fatal(err)
			}
			if _, err := ContributePhase2(o, other, "x", nil); err != nil {
				t.Fatal(err)
			}
			if err := os.RemoveAll(Phase2Dir(dir, c)); err != nil {
				t.Fatal(err)
			}
			if err := os.CopyFS(Phase2Dir(dir, c), os.DirFS(Phase2Dir(o, other))); err != nil {
				t.Fatal(err)
			}
		}, "phase 2 is for circuit"},
		{"phase 1 starting state not the canonical one", func(t *testing.T, dir string) {
			// a forger who starts from their own τ: file 0000 replaced by
			// contribution 1 (whose τ is known to its contributor)
			copyFile(t, p1(dir, 1), p1(dir, 0))
			rewrite(t, p1(dir, 0), func(h *Header) { h.Index, h.Prev = 0, "" }, nil, false)
		}, "not the canonical one"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := honest(t)
			if err := finalizeErr(t, dir); err != nil {
				t.Fatalf("honest ceremony: %v", err)
			}
			tc.attack(t, dir)
			err := finalizeErr(t, dir)
			if !errors.Is(err, ErrTranscript) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want ErrTranscript mentioning %q", err, tc.want)
			}
		})
	}
}

func TestNoContributionRefused(t *testing.T) {
	c := circuitK(t, 5)
	dir := t.TempDir()
	build(t, dir, c, 0, -1)
	if _, err := NewPhase2(dir, c, beacon1, nil); !errors.Is(err, ErrNoContribution) {
		t.Fatalf("phase 2 from a phase 1 without contribution: %v", err)
	}
	dir = t.TempDir()
	build(t, dir, c, 1, 0)
	if _, err := Finalize(dir, c, beacon2, keystore.Store{Dir: t.TempDir()}, nil); !errors.Is(err, ErrNoContribution) {
		t.Fatalf("finalize without phase 2 contribution: %v", err)
	}
}

func TestPhase1TooSmall(t *testing.T) {
	dir := t.TempDir()
	if _, err := NewPhase1(dir, 2, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := ContributePhase1(dir, "a", nil); err != nil {
		t.Fatal(err)
	}
	_, err := NewPhase2(dir, circuitK(t, 5), beacon1, nil)
	if err == nil || !strings.Contains(err.Error(), "phase 1 in") || !strings.Contains(err.Error(), "has 4") {
		t.Fatalf("got %v", err)
	}
}

// TestKeysOfAnotherCircuitRefused: keys finalized for one circuit, renamed to
// another circuit's digest (metadata and all), are refused when loaded.
func TestKeysOfAnotherCircuitRefused(t *testing.T) {
	dir := honest(t)
	c, other := circuitK(t, 5), circuitK(t, 7)
	store := keystore.Store{Dir: t.TempDir()}
	if _, err := Finalize(dir, c, beacon2, store, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := Finalize(dir, other, beacon2, store, nil); err == nil {
		t.Fatal("finalized another circuit from this circuit's phase 2")
	}
	b := zk.Groth16{}
	from := strings.TrimSuffix(store.TranscriptPath(c.Name, b.Name(), c.Digest()), ".transcript.json")
	to := strings.TrimSuffix(store.TranscriptPath(other.Name, b.Name(), other.Digest()), ".transcript.json")
	for _, ext := range []string{".pk", ".vk", ".transcript.json"} {
		copyFile(t, from+ext, to+ext)
	}
	meta, err := os.ReadFile(from + ".json")
	if err != nil {
		t.Fatal(err)
	}
	// a forger rewrites the metadata to claim the other circuit's digest
	forged := strings.ReplaceAll(string(meta), c.Digest(), other.Digest())
	if err := os.WriteFile(to+".json", []byte(forged), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := store.LoadProvingKey(b, other.Name, other.CS); !errors.Is(err, keystore.ErrUnverifiedSetup) {
		t.Fatalf("keys of another circuit loaded: %v", err)
	}
	// and the honest ones still load
	if _, _, err := store.LoadProvingKey(b, c.Name, c.CS); err != nil {
		t.Fatal(err)
	}
}

// TestKeystoreRefusesBadTranscripts: every load refuses keys whose transcript
// record is missing, altered, or names no contribution.
func TestKeystoreRefusesBadTranscripts(t *testing.T) {
	dir := honest(t)
	c := circuitK(t, 5)
	b := zk.Groth16{}
	tests := []struct {
		name string
		edit func(t *testing.T, store keystore.Store)
	}{
		{"record deleted", func(t *testing.T, s keystore.Store) {
			if err := os.Remove(s.TranscriptPath(c.Name, b.Name(), c.Digest())); err != nil {
				t.Fatal(err)
			}
		}},
		{"a contribution removed from the record", func(t *testing.T, s keystore.Store) {
			editRecord(t, s.TranscriptPath(c.Name, b.Name(), c.Digest()), func(tr *keystore.Transcript) {
				tr.Phase2.Contributions = tr.Phase2.Contributions[:2]
			})
		}},
		{"record emptied of contributions, digest recomputed", func(t *testing.T, s keystore.Store) {
			path := s.TranscriptPath(c.Name, b.Name(), c.Digest())
			var digest string
			editRecord(t, path, func(tr *keystore.Transcript) {
				tr.Phase2.Contributions = nil
				tr.Digest = tr.ComputeDigest()
				digest = tr.Digest
			})
			_, _, metaPath := s.Paths(c.Name, b.Name(), c.Digest())
			editMeta(t, metaPath, func(m map[string]any) { m["transcriptDigest"] = digest })
		}},
		{"transcript digest dropped from metadata (not marked insecure)", func(t *testing.T, s keystore.Store) {
			_, _, metaPath := s.Paths(c.Name, b.Name(), c.Digest())
			editMeta(t, metaPath, func(m map[string]any) { delete(m, "transcriptDigest") })
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			store := keystore.Store{Dir: t.TempDir()}
			if _, err := Finalize(dir, c, beacon2, store, nil); err != nil {
				t.Fatal(err)
			}
			if _, _, err := store.LoadVerifyingKey(b, c.Name, c.Digest()); err != nil {
				t.Fatalf("honest keys: %v", err)
			}
			tc.edit(t, store)
			if _, _, err := store.LoadVerifyingKey(b, c.Name, c.Digest()); !errors.Is(err, keystore.ErrUnverifiedSetup) {
				t.Fatalf("verifying key loaded: %v", err)
			}
			if _, _, err := store.LoadProvingKey(b, c.Name, c.CS); !errors.Is(err, keystore.ErrUnverifiedSetup) {
				t.Fatalf("proving key loaded: %v", err)
			}
		})
	}
}

func editRecord(t *testing.T, path string, edit func(*keystore.Transcript)) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var tr keystore.Transcript
	if err := json.Unmarshal(data, &tr); err != nil {
		t.Fatal(err)
	}
	edit(&tr)
	out, _ := json.Marshal(tr)
	if err := os.WriteFile(path, out, 0o644); err != nil {
		t.Fatal(err)
	}
}

func editMeta(t *testing.T, path string, edit func(map[string]any)) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]any{}
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	edit(m)
	out, _ := json.Marshal(m)
	if err := os.WriteFile(path, out, 0o644); err != nil {
		t.Fatal(err)
	}
}

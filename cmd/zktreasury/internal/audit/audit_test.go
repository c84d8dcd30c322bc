package audit_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/root"
	"github.com/zktreasury/zktreasury/prover/audit"
	"github.com/zktreasury/zktreasury/prover/keystore"
)

const pinnedKeys = "../../../../testdata/keys"

var caseNames = []string{"calm", "crash-rebalance", "insolvent"}

// keyCache is shared by every test of the package, so the development setup
// of the cases' one circuit shape runs once.
var keyCache string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "zktreasury-audit-keys-")
	if err != nil {
		panic(err)
	}
	keyCache = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := root.Main(args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

// TestAuditCases: audit passes on each committed case, through the CLI: the
// solvent ones regenerate and verify their proofs, the insolvent one is
// refused with no proof written. Writing the proofs (--out) shows what was
// regenerated.
func TestAuditCases(t *testing.T) {
	if testing.Short() {
		t.Skip("regenerates proofs")
	}
	for _, name := range caseNames {
		t.Run(name, func(t *testing.T) {
			out := t.TempDir()
			code, stdout, stderr := run(t, "audit", filepath.Join(casesDir, name), "--keys", pinnedKeys, "--cache", keyCache, "--out", out, "--json")
			if code != cmdutil.ExitOK {
				t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
			}
			var rep struct {
				OK       bool          `json:"ok"`
				DevSetup bool          `json:"devSetup"`
				Checks   []audit.Check `json:"checks"`
			}
			if err := json.Unmarshal([]byte(stdout), &rep); err != nil || !rep.OK {
				t.Fatalf("report %s: %v", stdout, err)
			}
			proofs, _ := filepath.Glob(filepath.Join(out, "*.proof.json"))
			switch name {
			case "insolvent":
				if len(proofs) != 0 {
					t.Errorf("insolvent case wrote %v", proofs)
				}
			case "crash-rebalance":
				if len(proofs) != 2 {
					t.Errorf("want the epoch and the solvency proof, got %v", proofs)
				}
			default:
				if len(proofs) != 1 {
					t.Errorf("want the epoch proof, got %v", proofs)
				}
			}
			if name != "insolvent" && !rep.DevSetup {
				t.Errorf("the pinned store has no proving key, so the proofs come from a dev setup, and the report must say so")
			}
		})
	}
	// The human table names every check and says where the proofs came from.
	code, stdout, _ := run(t, "audit", filepath.Join(casesDir, "calm"), "--keys", pinnedKeys, "--cache", keyCache)
	for _, want := range []string{"CHECK", "commitments vs commitments.golden.json", "epoch proof", "pinned key epoch", "inclusion acct-1000.json vs epoch proof", "verdict: PASS", "INSECURE development setup"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("exit %d; table lacks %q:\n%s", code, want, stdout)
		}
	}
}

// TestAuditFailsOnAnyByte changes one byte of one input file of a case (each
// file of the case, at positions spread over it, each on a fresh copy) and
// requires the audit to fail: exit 1 for a file that no longer parses, else
// exit 3 with a failed check. It never passes.
func TestAuditFailsOnAnyByte(t *testing.T) {
	const positions = 48
	for _, name := range caseNames {
		src := filepath.Join(casesDir, name)
		files := caseFiles(t, src)
		if len(files) < 8 {
			t.Fatalf("%s: only %d files", name, len(files))
		}
		for _, rel := range files {
			data, err := os.ReadFile(filepath.Join(src, rel))
			if err != nil {
				t.Fatal(err)
			}
			for _, at := range spread(len(data), positions) {
				dir := copyCase(t, src)
				mut := append([]byte(nil), data...)
				mut[at] ^= 1
				if err := os.WriteFile(filepath.Join(dir, rel), mut, 0o644); err != nil {
					t.Fatal(err)
				}
				rep, err := audit.Run(dir, audit.Options{Pinned: keystore.Store{Dir: pinnedKeys}, Cache: keystore.Store{Dir: keyCache}})
				switch {
				case err != nil:
					// exit 1: the error names the file
					if !strings.Contains(err.Error(), filepath.Base(rel)) && !strings.Contains(err.Error(), dir) {
						t.Errorf("%s/%s byte %d (%q): error does not name the file: %v", name, rel, at, data[at], err)
					}
				case rep.OK():
					t.Errorf("%s/%s byte %d (%q -> %q): audit passed", name, rel, at, data[at], mut[at])
				}
			}
		}
	}
}

// spread returns n positions spread over [0, size), first and last included.
func spread(size, n int) []int {
	if size <= n {
		out := make([]int, size)
		for i := range out {
			out[i] = i
		}
		return out
	}
	out := make([]int, n)
	for i := range out {
		out[i] = i * (size - 1) / (n - 1)
	}
	return out
}

func caseFiles(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.Walk(dir, func(path string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		out = append(out, rel)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(out)
	return out
}

func copyCase(t *testing.T, src string) string {
	t.Helper()
	dst := t.TempDir()
	for _, rel := range caseFiles(t, src) {
		data, err := os.ReadFile(filepath.Join(src, rel))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dst, rel)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dst, rel), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

package audit_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
)

// TestAuditRefusesEpochProofOfSolvencyCase: a case without an action log whose case.json lists
// an epoch proof after the solvency one is malformed input: exit 1 naming case.json's proofs,
// not a panic (build used to check only proofs[0]).
func TestAuditRefusesEpochProofOfSolvencyCase(t *testing.T) {
	dir := copyCase(t, filepath.Join(casesDir, "calm"))
	if err := os.Remove(filepath.Join(dir, "actions.jsonl")); err != nil {
		t.Fatal(err)
	}
	editFile(t, filepath.Join(dir, "case.json"), `"capacity": 16,`, `"capacity": 16, "proofs": ["solvency", "epoch"],`)
	var code int
	var stderr string
	func() {
		defer func() {
			if p := recover(); p != nil {
				t.Fatalf("audit panicked: %v", p)
			}
		}()
		code, _, stderr = run(t, "audit", dir, "--keys", pinnedKeys, "--cache", keyCache)
	}()
	if code != cmdutil.ExitError || !strings.Contains(stderr, "case.json") || !strings.Contains(stderr, "proofs") {
		t.Fatalf("exit %d, stderr %q: want exit 1 naming case.json's proofs", code, stderr)
	}
}

// TestAuditSolvencyCaseSubScaleEdit: a solvency-kind case (no action log) has no
// inputs.golden.json, so a position edited below its asset's circuit scale (reserves round
// down: the digit is in no commitment) is not caught: the audit still passes the edited case.
func TestAuditSolvencyCaseSubScaleEdit(t *testing.T) {
	if testing.Short() {
		t.Skip("regenerates a proof")
	}
	dir := copyCase(t, solventDir)
	editFile(t, filepath.Join(dir, "positions.csv"), "WETH,vault,222.387235385233964280", "WETH,vault,222.387235385233964281")
	code, stdout, stderr := run(t, "audit", dir, "--keys", pinnedKeys, "--cache", keyCache)
	if code != cmdutil.ExitNo || !strings.Contains(stdout, "positions.csv") {
		t.Fatalf("exit %d: want 3 naming positions.csv\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
}

// TestAuditRefusesRemovedInclusionFile: a case ships an inclusion file per listed user; one
// removed (a user left unable to check their balance) fails the audit naming it, before any
// proof is regenerated, as one edited does (the input digests pin every shipped file).
func TestAuditRefusesRemovedInclusionFile(t *testing.T) {
	dir := copyCase(t, filepath.Join(casesDir, "calm"))
	if err := os.Remove(filepath.Join(dir, "inclusion", "acct-1000.json")); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := run(t, "audit", dir, "--keys", pinnedKeys, "--cache", keyCache)
	if code != cmdutil.ExitNo || !strings.Contains(stdout, "inclusion/acct-1000.json") {
		t.Fatalf("exit %d: want 3 naming inclusion/acct-1000.json\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
}

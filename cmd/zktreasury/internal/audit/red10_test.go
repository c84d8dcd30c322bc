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

package prove

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// copyCase copies testdata/epoch into a fresh directory, with edit applied to
// each file's text (by file name).
func copyCase(t *testing.T, edit map[string]func(string) string) string {
	t.Helper()
	src := "../../../../testdata/epoch"
	dir := t.TempDir()
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		text := string(data)
		if f, ok := edit[e.Name()]; ok {
			text = f(text)
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestBatchedEpochRefusals: `prove epoch --manifest` over a batched run of testdata/epoch's
// ledger (2 batches of 8) refuses, before any wrap key or circuit is made: a run not yet
// joined (exit 1, naming the step), an epoch whose reserves do not cover the joined totals at
// its policy's ratio (exit 3), an epoch of another number than the run's (exit 1), a run
// joined without --aggregate (no joined proof: exit 1) and a malformed joined.json (exit 1,
// naming file and field). The honest wrap is proven in `TestBatchedEpochOnChain` (contracts)
// and `TestBatchedEpochCLI` (chain), with ZKT_WRAP_REAL=1: its setup is a ~9.5M-R1CS job.
func TestBatchedEpochRefusals(t *testing.T) {
	caseDir := copyCase(t, nil)
	run := filepath.Join(t.TempDir(), "run")
	mustZkt(t, nil, "prove", "solvency", "--case", caseDir, "--batch-size", "8", "--batches", "2", "--plan", run)
	mustZkt(t, nil, "prove", "solvency", "--manifest", run)
	epoch := func(dir string) (int, string) {
		t.Helper()
		code, out, errs := zkt(t, nil, "prove", "epoch", "--case", dir, "--manifest", run, "--out", filepath.Join(t.TempDir(), "epoch.proof.json"))
		return code, out + errs
	}
	if code, out := epoch(caseDir); code != 1 || !strings.Contains(out, "--join --aggregate` first") {
		t.Fatalf("before the join: exit %d\n%s", code, out)
	}
	mustZkt(t, nil, "prove", "solvency", "--manifest", run, "--join")

	insolvent := copyCase(t, map[string]func(string) string{"policy.json": func(s string) string {
		return strings.Replace(s, `"minSolvencyRatioBps": 10500`, `"minSolvencyRatioBps": 100000`, 1)
	}})
	code, out := epoch(insolvent)
	if code != 3 || !strings.Contains(out, "insolvent") || !strings.Contains(out, "REFUSED") {
		t.Fatalf("insolvent at the policy's ratio: exit %d\n%s", code, out)
	}
	t.Logf("insolvent:\n%s", out)
	later := copyCase(t, map[string]func(string) string{"case.json": func(s string) string {
		return strings.Replace(s, `"epoch": 1,`, `"epoch": 2,`, 1)
	}})
	if code, out := epoch(later); code != 1 || !strings.Contains(out, "the joined proof is of epoch 1") {
		t.Fatalf("another epoch: exit %d\n%s", code, out)
	}
	if code, out := epoch(caseDir); code != 1 || !strings.Contains(out, "joined.proof.json") {
		t.Fatalf("joined without --aggregate: exit %d\n%s", code, out)
	}
	// A malformed joined statement is named by file, field and value.
	joinedFile := filepath.Join(run, "joined.json")
	good, err := os.ReadFile(joinedFile)
	if err != nil {
		t.Fatal(err)
	}
	bad := strings.Replace(string(good), `"units": "`, `"units": "-`, 1)
	if bad == string(good) {
		t.Fatal("fixture: no units in joined.json")
	}
	if err := os.WriteFile(joinedFile, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out := epoch(caseDir); code != 1 || !strings.Contains(out, "joined.json") || !strings.Contains(out, "totals[0].units") {
		t.Fatalf("malformed joined.json: exit %d\n%s", code, out)
	}
	for _, args := range [][]string{
		{"prove", "epoch", "--case", caseDir, "--manifest", run, "--keys", "k"},
		{"prove", "epoch", "--case", caseDir, "--manifest", run, "--backend", "plonk"},
	} {
		if code, out, errs := zkt(t, nil, args...); code != 2 {
			t.Fatalf("%v: exit %d, want 2 (usage)\n%s%s", args, code, out, errs)
		}
	}
}

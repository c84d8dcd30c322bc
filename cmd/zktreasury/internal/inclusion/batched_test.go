package inclusion_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBatchedExportVerify: every user's file of a batched tree is written by
// `inclusion export --all` and verified by `inclusion verify` against the root
// it printed; a file with a lowered balance exits 3, a malformed root exits 2.
func TestBatchedExportVerify(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "incl")
	code, stdout, stderr := run(t, "inclusion", "export", "--case", solventCase, "--batch-size", "4", "--all", "--out", dir, "--json")
	if code != 0 {
		t.Fatalf("export --all: exit %d: %s", code, stderr)
	}
	var rep struct {
		Files   int    `json:"files"`
		Batches int    `json:"batches"`
		Root    string `json:"liabilitiesRoot"`
	}
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatalf("%v: %s", err, stdout)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*", "*.inclusion.json"))
	if len(files) != rep.Files || rep.Files == 0 {
		t.Fatalf("%d files on disk, %d reported", len(files), rep.Files)
	}
	args := func(f string) []string {
		return []string{"inclusion", "verify", f, "--root", rep.Root, "--epoch", epochOf(t), "--batch-size", "4",
			"--batches", itoa(rep.Batches), "--policy", filepath.Join(solventCase, "policy.json")}
	}
	for _, f := range files {
		if code, out, stderr := run(t, args(f)...); code != 0 || !strings.Contains(out, "INCLUDED") {
			t.Fatalf("%s: exit %d: %s%s", f, code, out, stderr)
		}
	}
	data, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	var f map[string]any
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatal(err)
	}
	a := f["assets"].([]any)[0].(map[string]any)
	a["units"] = a["units"].(float64) - 1
	bad := filepath.Join(t.TempDir(), "bad.json")
	out, _ := json.Marshal(f)
	if err := os.WriteFile(bad, out, 0o600); err != nil {
		t.Fatal(err)
	}
	if code, out, _ := run(t, args(bad)...); code != 3 || !strings.Contains(out, "NOT INCLUDED") {
		t.Fatalf("lowered balance: exit %d: %s", code, out)
	}
	badRoot := args(files[0])
	badRoot[4] = "0xzz"
	if code, _, stderr := run(t, badRoot...); code != 2 || !strings.Contains(stderr, "0xzz") {
		t.Fatalf("malformed root: exit %d: %s", code, stderr)
	}
	if code, _, stderr := run(t, "inclusion", "verify", files[0], "--root", rep.Root, "--epoch", "1"); code != 2 {
		t.Fatalf("missing shape flags: exit %d: %s", code, stderr)
	}
}

func epochOf(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(solventCase, "case.json"))
	if err != nil {
		t.Fatal(err)
	}
	var c struct {
		Epoch json.Number `json:"epoch"`
	}
	if err := json.Unmarshal(data, &c); err != nil {
		t.Fatal(err)
	}
	return c.Epoch.String()
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

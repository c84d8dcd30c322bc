package prove

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zktreasury/zktreasury/prover/batchrun"
	"github.com/zktreasury/zktreasury/prover/prooffile"
)

// TestBatchedEndToEnd: a 6-user, 2-batch run is planned, proven, joined with
// --aggregate into one BW6-761 proof, and every user's inclusion file from the
// same inputs verifies against that proof with the run's keys. The same files
// are refused against a joined proof whose liabilities root was edited (exit
// 3), and a user's file with a lowered balance is NOT INCLUDED.
func TestBatchedEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("aggregation setup (~1.5 min)")
	}
	caseDir := batchCase(t, 6)
	run := filepath.Join(t.TempDir(), "run")
	args := planArgs(caseDir, run, 4)
	args[len(args)-3] = "2" // --batches 2
	mustZkt(t, nil, args...)
	mustZkt(t, nil, "prove", "solvency", "--manifest", run)
	out := mustZkt(t, nil, "prove", "solvency", "--manifest", run, "--join", "--aggregate", "--json")
	var joined struct {
		LiabilitiesRoot string `json:"liabilitiesRoot"`
		JoinedProof     string `json:"joinedProof"`
	}
	if err := json.Unmarshal([]byte(out), &joined); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	pf, err := prooffile.Read(joined.JoinedProof)
	if err != nil {
		t.Fatal(err)
	}
	if root, _ := pf.Input("liabilitiesRoot"); root != joined.LiabilitiesRoot {
		t.Fatalf("joined proof root %s, joined statement %s", root, joined.LiabilitiesRoot)
	}

	incl := filepath.Join(t.TempDir(), "incl")
	inputs := args[2 : len(args)-6] // --policy … --epoch 4
	mustZkt(t, nil, append([]string{"inclusion", "export", "--batch-size", "4", "--all", "--out", incl}, inputs...)...)
	files, _ := filepath.Glob(filepath.Join(incl, "*", "*.inclusion.json"))
	if len(files) != 6 {
		t.Fatalf("%d inclusion files, want 6", len(files))
	}
	keys := filepath.Join(run, batchrun.KeysDir)
	policy := filepath.Join(caseDir, "policy.json")
	for _, f := range files {
		out := mustZkt(t, nil, "inclusion", "verify", f, "--proof", joined.JoinedProof, "--keys", keys, "--policy", policy)
		if !strings.Contains(out, "INCLUDED") || !strings.Contains(out, "verified with the keys") {
			t.Fatalf("%s:\n%s", f, out)
		}
	}

	// The joined proof with another root: the proof no longer verifies.
	edited := *pf
	edited.PublicInputs = append(edited.PublicInputs[:0:0], pf.PublicInputs...)
	for i := range edited.PublicInputs {
		if edited.PublicInputs[i].Name == "liabilitiesRoot" {
			v := []byte(edited.PublicInputs[i].Value)
			if v[len(v)-1] == '0' {
				v[len(v)-1] = '1'
			} else {
				v[len(v)-1] = '0'
			}
			edited.PublicInputs[i].Value = string(v)
		}
	}
	bad := filepath.Join(t.TempDir(), "joined.proof.json")
	if err := prooffile.Write(bad, &edited); err != nil {
		t.Fatal(err)
	}
	if code, out, errs := zkt(t, nil, "inclusion", "verify", files[0], "--proof", bad, "--keys", keys, "--policy", policy); code != 3 {
		t.Fatalf("edited joined proof: exit %d\n%s%s", code, out, errs)
	}

	// A lowered balance.
	data, err := os.ReadFile(files[1])
	if err != nil {
		t.Fatal(err)
	}
	var f map[string]any
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatal(err)
	}
	a := f["assets"].([]any)[3].(map[string]any)
	a["units"] = a["units"].(float64) - 1
	lowered := filepath.Join(t.TempDir(), "lowered.json")
	data, _ = json.Marshal(f)
	if err := os.WriteFile(lowered, data, 0o600); err != nil {
		t.Fatal(err)
	}
	if code, out, _ := zkt(t, nil, "inclusion", "verify", lowered, "--proof", joined.JoinedProof, "--keys", keys, "--policy", policy); code != 3 || !strings.Contains(out, "NOT INCLUDED") {
		t.Fatalf("lowered balance: exit %d\n%s", code, out)
	}
}

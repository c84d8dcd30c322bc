package chain_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/chain"
	"github.com/zktreasury/zktreasury/prover/statement"
)

// TestBatchedEpochCLI is a batched epoch through the CLI alone, on a simulated chain: testdata/
// epoch's ledger planned in 2 batches of 8, proven, joined with --aggregate; `prove epoch
// --manifest` (the wrap: compliance + solvency on the joined totals, its keys made on first
// use); `chain deploy --manifest` with the wrap's verifier; `epoch submit`; and every user's
// batched inclusion file verified against the registry alone. The wrap's single-party setup
// is a ~9.5M-R1CS job (tens of minutes, ~20 GB), so this runs only with ZKT_WRAP_REAL=1:
//
//	ZKT_WRAP_REAL=1 go test ./cmd/zktreasury/internal/chain -run TestBatchedEpochCLI -v -timeout 150m
func TestBatchedEpochCLI(t *testing.T) {
	if os.Getenv("ZKT_WRAP_REAL") != "1" {
		t.Skip("set ZKT_WRAP_REAL=1: a real setup of the ~9.5M-R1CS wrap circuit (tens of minutes, ~20 GB)")
	}
	dir := t.TempDir()
	run := filepath.Join(dir, "run")
	step := func(name string, want int, args ...string) string {
		t.Helper()
		start := time.Now()
		code, stdout, stderr := cli(t, args...)
		if code != want {
			t.Fatalf("%s: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", name, code, want, stdout, stderr)
		}
		t.Logf("%s: %s", name, time.Since(start).Round(time.Second))
		return stdout
	}
	step("plan", 0, "prove", "solvency", "--case", epochCase, "--batch-size", "8", "--batches", "2", "--plan", run)
	step("prove batches", 0, "prove", "solvency", "--manifest", run)
	step("join --aggregate", 0, "prove", "solvency", "--manifest", run, "--join", "--aggregate")
	proof := filepath.Join(dir, "epoch.proof.json")
	out := step("prove epoch --manifest (wrap setup and proof)", 0, "prove", "epoch", "--case", epochCase, "--manifest", run, "--out", proof, "--json")
	var res struct {
		OK           bool                   `json:"ok"`
		Circuit      string                 `json:"circuit"`
		PublicInputs []statement.NamedInput `json:"publicInputs"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil || !res.OK || res.Circuit != "wrap" {
		t.Fatalf("prove epoch --json: %v %+v\n%s", err, res, out)
	}
	var root string
	for _, in := range res.PublicInputs {
		if in.Name == "liabilitiesRoot" {
			root = in.Value
		}
	}

	node := startSimNode(t)
	depFile := filepath.Join(dir, "deployment.json")
	var times struct {
		Start int64 `json:"startTime"`
		End   int64 `json:"endTime"`
	}
	data, err := os.ReadFile(filepath.Join(epochCase, "case.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &times); err != nil {
		t.Fatal(err)
	}
	step("chain deploy --manifest", 0, "chain", "deploy", "--rpc", node.URL, "--key", node.KeyFile, "--manifest", run, "--case", epochCase,
		"--feeds", "mock", "--genesis-time", fmt.Sprint(times.Start), "--mock-round-time", fmt.Sprint(times.End),
		"--contracts", contractsDir, "--out", depFile)
	dep, err := chain.ReadDeployment(depFile)
	if err != nil {
		t.Fatal(err)
	}
	if dep.Verifier.Circuit != "wrap" || dep.TreeCapacity != 16 {
		t.Fatalf("deployment verifier %+v, capacity %d", dep.Verifier, dep.TreeCapacity)
	}
	t.Logf("wrap verifier deploy: %d gas", dep.Verifier.Gas)
	out = step("epoch submit", 0, "epoch", "submit", "--rpc", node.URL, "--key", node.KeyFile, "--deployment", depFile, proof, "--json")
	var sub struct {
		Recorded bool   `json:"recorded"`
		GasUsed  uint64 `json:"gasUsed"`
	}
	if err := json.Unmarshal([]byte(out), &sub); err != nil || !sub.Recorded {
		t.Fatalf("submit: %v\n%s", err, out)
	}
	t.Logf("batched epoch recorded: %d gas (simulated chain's rules)", sub.GasUsed)
	out = step("epoch status", 0, "epoch", "status", "--rpc", node.URL, "--deployment", depFile, "--json")
	if !strings.Contains(out, root) {
		t.Fatalf("status does not show the proof's root %s:\n%s", root, out)
	}

	incl := filepath.Join(dir, "incl")
	step("inclusion export --all", 0, "inclusion", "export", "--case", epochCase, "--batch-size", "8", "--all", "--out", incl)
	files, _ := filepath.Glob(filepath.Join(incl, "*", "*.inclusion.json"))
	if len(files) == 0 {
		t.Fatal("no inclusion files")
	}
	for _, f := range files {
		if out := step("inclusion verify --registry "+filepath.Base(f), 0, "inclusion", "verify", f, "--rpc", node.URL,
			"--registry", dep.Registry.Hex(), "--policy", filepath.Join(epochCase, "policy.json")); !strings.Contains(out, "INCLUDED") {
			t.Fatalf("%s:\n%s", f, out)
		}
	}
}

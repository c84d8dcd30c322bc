package chain_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/chain"
	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/epoch"
	"github.com/zktreasury/zktreasury/contracts/devnode"
	"github.com/zktreasury/zktreasury/prover/inclusion"
	"github.com/zktreasury/zktreasury/prover/prooffile"
	"github.com/zktreasury/zktreasury/prover/statement"
)

// TestGethCLIEndToEnd is the operator's and the user's whole on-chain path through the command
// line, against a real geth --dev node on 127.0.0.1: insecure keys for the fixture's epoch
// circuit, a proof of epoch 1, `chain deploy` (verifier exported and compiled with solc-js, mock
// feeds, registry from the case's S(0)), `epoch submit`, `epoch status`, `inclusion export` and
// `inclusion verify --rpc --registry`, and the same epoch submitted again: already recorded, exit 0.
// The node is stopped by its PID at the end.
func TestGethCLIEndToEnd(t *testing.T) {
	if os.Getenv("ZKT_E2E") != "1" {
		t.Skip("set ZKT_E2E=1 to run the geth end-to-end test (builds geth " + devnode.GethVersion + " on first use, ~4.5 min)")
	}
	if _, err := os.Stat(filepath.Join(contractsDir, "node_modules", "solc", "package.json")); err != nil {
		t.Fatal("solc-js is not installed; run `npm ci --prefix contracts`")
	}
	cache := os.Getenv("ZKT_GETH_CACHE")
	if cache == "" {
		var err error
		if cache, err = devnode.DefaultCacheDir(); err != nil {
			t.Fatal(err)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Minute)
	defer cancel()
	geth, err := devnode.Install(ctx, cache)
	if err != nil {
		t.Fatal(err)
	}

	dir := t.TempDir()
	keys, proof, depFile := filepath.Join(dir, "keys"), filepath.Join(dir, "epoch.proof.json"), filepath.Join(dir, "deployment.json")
	step := func(name string, want int, args ...string) string {
		t.Helper()
		start := time.Now()
		code, stdout, stderr := cli(t, args...)
		t.Logf("%s: exit %d in %s", name, code, time.Since(start).Round(time.Millisecond))
		if code != want {
			t.Fatalf("%s: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", name, code, want, stdout, stderr)
		}
		return stdout
	}
	// The keys and the proof need no node: make them before starting it.
	step("keys setup epoch", 0, "keys", "setup", "epoch", "--insecure-dev", "--case", epochCase, "--keys", keys)
	step("prove epoch", 0, "prove", "epoch", "--case", epochCase, "--keys", keys, "--out", proof)
	pf, err := prooffile.Read(proof)
	if err != nil {
		t.Fatal(err)
	}
	root, _ := pf.Input("liabilitiesRoot")
	newState, _ := pf.Input("newStateCommitment")
	// The registry starts at the proof's start; the mock feeds' round is stamped at its end.
	times := map[string]int64{}
	for _, name := range []string{"startTime", "endTime"} {
		v, ok := pf.Input(name)
		if !ok {
			t.Fatalf("the epoch proof has no %s public input (the epoch circuit of issue 8 has)", name)
		}
		e, err := statement.ParseElement(v)
		if err != nil {
			t.Fatal(err)
		}
		times[name] = e.BigInt(new(big.Int)).Int64()
	}
	submitArgs := []string{"epoch", "submit", "--rpc", "", "--dev-account", "--deployment", depFile, proof}
	if _, inFile, err := epoch.FileRounds(pf, proof); err != nil {
		t.Fatal(err)
	} else if !inFile {
		// The proof names no rounds: the mock feeds' seeded round, 1 << 64 | 1.
		rf := filepath.Join(dir, "rounds.json")
		if err := os.WriteFile(rf, []byte(`{"USDC": "18446744073709551617", "WETH": "18446744073709551617", "WBTC": "18446744073709551617"}`), 0o600); err != nil {
			t.Fatal(err)
		}
		submitArgs = append(submitArgs, "--rounds", rf)
	}

	node, err := devnode.Start(ctx, geth)
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if err := node.Stop(); err != nil {
			t.Errorf("stop geth: %v", err)
		}
	}()

	step("chain deploy", 0, "chain", "deploy", "--rpc", node.URL, "--dev-account", "--keys", keys, "--case", epochCase,
		"--backend", "groth16", "--feeds", "mock", "--genesis-time", fmt.Sprint(times["startTime"]),
		"--mock-round-time", fmt.Sprint(times["endTime"]), "--contracts", contractsDir, "--out", depFile)
	submitArgs[3] = node.URL
	dep, err := chain.ReadDeployment(depFile)
	if err != nil {
		t.Fatal(err)
	}
	if dep.Governance != node.DevAccount {
		t.Errorf("governance %s, want the dev account %s", dep.Governance, node.DevAccount)
	}
	t.Logf("deploy gas on geth --dev: registry %d, epoch verifier %d, mock feed %d", dep.RegistryGas, dep.Verifier.Gas, dep.Feeds[0].Gas)

	out := step("epoch submit", 0, append(submitArgs, "--json")...)
	var sub struct {
		Recorded bool   `json:"recorded"`
		Epoch    uint64 `json:"epoch"`
		TxHash   string `json:"txHash"`
		GasUsed  uint64 `json:"gasUsed"`
		Error    string `json:"error"`
	}
	if err := json.Unmarshal([]byte(out), &sub); err != nil {
		t.Fatalf("submit --json: %v\n%s", err, out)
	}
	if !sub.Recorded || sub.Epoch != 1 || sub.GasUsed == 0 || len(sub.TxHash) != 66 {
		t.Fatalf("submit result %+v", sub)
	}
	t.Logf("submitEpochCombined on geth --dev (dev rules, real Groth16 verifier): %d gas", sub.GasUsed)

	out = step("epoch status", 0, "epoch", "status", "--rpc", node.URL, "--deployment", depFile, "--json")
	var st struct {
		LastEpoch    uint64 `json:"lastEpoch"`
		CurrentState string `json:"currentState"`
		Record       struct {
			Epoch           uint64    `json:"epoch"`
			End             time.Time `json:"end"`
			LiabilitiesRoot string    `json:"liabilitiesRoot"`
			ActionCount     uint64    `json:"actionCount"`
			TxHash          string    `json:"txHash"`
			Assets          []struct {
				Symbol       string `json:"symbol"`
				Price        string `json:"price"`
				InflowUnits  uint64 `json:"inflowUnits"`
				OutflowUnits uint64 `json:"outflowUnits"`
			} `json:"assets"`
		} `json:"record"`
	}
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		t.Fatalf("status --json: %v\n%s", err, out)
	}
	if st.LastEpoch != 1 || st.CurrentState != newState || st.Record.Epoch != 1 || st.Record.LiabilitiesRoot != root ||
		st.Record.ActionCount != 5 || !strings.EqualFold(st.Record.TxHash, sub.TxHash) || st.Record.End.Unix() != times["endTime"] ||
		len(st.Record.Assets) != 3 || st.Record.Assets[1].Symbol != "WETH" ||
		// The fixture's 25,000 USDC inflow and 10,000 USDC outflow are public, on-chain.
		st.Record.Assets[0].InflowUnits != 25_000_000_000 || st.Record.Assets[0].OutflowUnits != 10_000_000_000 {
		t.Fatalf("status %+v after submitting %+v", st, sub)
	}

	incl := filepath.Join(dir, "acct-1000.inclusion.json")
	step("inclusion export", 0, "inclusion", "export", "--case", epochCase, "--user", "acct-1000", "--out", incl)
	step("inclusion verify --registry", 0, "inclusion", "verify", incl, "--rpc", node.URL, "--registry", dep.Registry.Hex(), "--policy", epochCase+"/policy.json")
	// A balance other than the one counted is not under the recorded root.
	f, err := inclusion.Read(incl)
	if err != nil {
		t.Fatal(err)
	}
	f.Assets[0].Units++
	raw, err := json.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(dir, "other.inclusion.json")
	if err := os.WriteFile(other, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	step("inclusion verify of another balance", cmdutil.ExitNo, "inclusion", "verify", other, "--rpc", node.URL, "--registry", dep.Registry.Hex(), "--policy", epochCase+"/policy.json")

	// Governance as the node's dev account (eth_signTransaction): pause, then unpause.
	step("chain pause --dev-account", 0, "chain", "pause", "--rpc", node.URL, "--dev-account", "--deployment", depFile)
	step("chain unpause --dev-account", 0, "chain", "unpause", "--rpc", node.URL, "--dev-account", "--deployment", depFile)

	// The same proof again: already recorded, exit 0, nothing sent.
	out = step("epoch submit again", 0, submitArgs...)
	if !strings.Contains(out, "already recorded in tx "+sub.TxHash) {
		t.Fatalf("the identical resubmission did not say it is already recorded in %s:\n%s", sub.TxHash, out)
	}

	if err := node.Stop(); err != nil {
		t.Fatal(err)
	}
	if code, _, _ := cli(t, "epoch", "status", "--rpc", node.URL, "--deployment", depFile); code != cmdutil.ExitError {
		t.Fatalf("status after the node stopped: exit %d, want %d", code, cmdutil.ExitError)
	}
}

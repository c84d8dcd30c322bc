package chain_test

import (
	"encoding/json"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"

	"github.com/zktreasury/zktreasury/circuits/gadget/bound"
	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/chain"
	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
	"github.com/zktreasury/zktreasury/prover/prooffile"
	"github.com/zktreasury/zktreasury/prover/statement"
)

const (
	repo      = "../../../.."
	epochCase = repo + "/testdata/epoch"
	devKeys   = repo + "/testdata/keys"
	contracts = repo + "/contracts"
)

// fixtureEpoch builds the statement of the testdata/epoch case.
func fixtureEpoch(t *testing.T) *statement.Epoch {
	t.Helper()
	in, err := statement.LoadEpochInputs(statement.EpochCaseFiles(epochCase))
	if err != nil {
		t.Fatal(err)
	}
	cp, err := statement.LoadCaseParams(epochCase)
	if err != nil {
		t.Fatal(err)
	}
	in.Epoch, in.Capacity, in.Slots = cp.Epoch, cp.Capacity, cp.Slots
	in.RangeCheck = bound.Bits // the epoch circuit's default
	e, err := statement.BuildEpoch(in)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// forgedProof writes a proof file that names the deployed verifier's key and the fixture's
// public inputs, with calldata that is no proof: what a forger without the proving key has.
func forgedProof(t *testing.T, dep *chain.Deployment, e *statement.Epoch, edit func([]statement.NamedInput)) string {
	t.Helper()
	v, ok := dep.VerifierFor("epoch")
	if !ok {
		t.Fatal("no epoch verifier in the deployment")
	}
	pub := e.Public([]string{"USDC", "WETH", "WBTC"})
	if edit != nil {
		edit(pub)
	}
	calldata := make([]byte, 256)
	for i := range calldata {
		calldata[i] = byte(i*7 + 1)
	}
	f := &prooffile.File{Circuit: "epoch", Params: v.Params, Backend: dep.Backend, CircuitDigest: v.CircuitDigest,
		VerifyingKeyDigest: v.VerifyingKeyDigest, Insecure: true, PublicInputs: pub, Proof: "0x00",
		Solidity: prooffile.Solidity{Proof: fmt.Sprintf("0x%x", calldata)}}
	for _, in := range pub {
		f.Solidity.Input = append(f.Solidity.Input, in.Value)
	}
	path := filepath.Join(t.TempDir(), "forged.proof.json")
	if err := prooffile.Write(path, f); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestCLIOnSimulatedChain drives `chain deploy`, `epoch status`, `epoch submit` and `inclusion
// verify --registry` against a simulated chain served over HTTP, with the committed development
// verifying keys (no setup, no proving key): the deployment is real, the submissions are
// forgeries the registry must refuse with exit 3, and a user of an unrecorded epoch is not
// included. The honest epoch is recorded in the geth end-to-end test.
func TestCLIOnSimulatedChain(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles a verifier with solc-js")
	}
	if _, err := os.Stat(filepath.Join(contracts, "node_modules", "solc", "package.json")); err != nil {
		if _, ci := os.LookupEnv("CI"); ci {
			t.Fatal("solc-js is not installed; run `npm ci --prefix contracts`")
		}
		t.Skip("solc-js is not installed; run `npm ci --prefix contracts`")
	}
	node := startSimNode(t)
	dir := t.TempDir()
	depFile := filepath.Join(dir, "deployment.json")
	e := fixtureEpoch(t)

	code, stdout, stderr := cli(t, "chain", "deploy", "--rpc", node.URL, "--key", node.KeyFile, "--keys", devKeys,
		"--case", epochCase, "--feeds", "mock", "--contracts", contracts, "--out", depFile, "--json")
	if code != 0 {
		t.Fatalf("chain deploy: exit %d\n%s", code, stderr)
	}
	if !strings.Contains(stderr, "single-party setup") {
		t.Errorf("deploy with insecure keys did not warn:\n%s", stderr)
	}
	var out struct {
		chain.Deployment
		File string `json:"deploymentFile"`
	}
	if err := json.Unmarshal([]byte(stdout), &out); err != nil {
		t.Fatalf("deploy --json: %v\n%s", err, stdout)
	}
	dep, err := chain.ReadDeployment(depFile)
	if err != nil {
		t.Fatal(err)
	}
	if dep.Registry != out.Registry || dep.Mode != "combined" || dep.Backend != "groth16" || len(dep.Verifiers) != 1 || len(dep.Feeds) != 3 || !dep.Feeds[1].Mock {
		t.Fatalf("deployment %+v", dep)
	}
	if dep.GenesisState != statement.Hex(e.Compliance.PrevCommitment) || dep.PolicyCommitment != statement.Hex(e.Compliance.PolicyCommitment) {
		t.Fatalf("genesis %s / policy %s, want the fixture's S(0) %s and policy %s", dep.GenesisState, dep.PolicyCommitment,
			statement.Hex(e.Compliance.PrevCommitment), statement.Hex(e.Compliance.PolicyCommitment))
	}
	if dep.Verifiers[0].Params != "u16-k4-a3-v3-bits" || !dep.Verifiers[0].Insecure {
		t.Fatalf("verifier %+v", dep.Verifiers[0])
	}

	code, stdout, stderr = cli(t, "epoch", "status", "--rpc", node.URL, "--deployment", depFile, "--json")
	if code != 0 {
		t.Fatalf("epoch status: exit %d\n%s", code, stderr)
	}
	var st struct {
		LastEpoch    uint64 `json:"lastEpoch"`
		CurrentState string `json:"currentState"`
		Mode         string `json:"mode"`
		Paused       bool   `json:"paused"`
		Record       struct {
			Epoch            uint64 `json:"epoch"`
			StateCommitment  string `json:"stateCommitment"`
			PolicyCommitment string `json:"policyCommitment"`
		} `json:"record"`
	}
	if err := json.Unmarshal([]byte(stdout), &st); err != nil {
		t.Fatalf("status --json: %v\n%s", err, stdout)
	}
	if st.LastEpoch != 0 || st.CurrentState != dep.GenesisState || st.Mode != "combined" || st.Paused ||
		st.Record.Epoch != 0 || st.Record.StateCommitment != dep.GenesisState || st.Record.PolicyCommitment != dep.PolicyCommitment {
		t.Fatalf("status %+v, deployment %+v", st, dep)
	}

	submit := func(proof string) (int, map[string]any, string) {
		t.Helper()
		code, stdout, stderr := cli(t, "epoch", "submit", "--rpc", node.URL, "--key", node.KeyFile, "--deployment", depFile, proof, "--json")
		var res map[string]any
		if code == 0 || code == cmdutil.ExitNo {
			if err := json.Unmarshal([]byte(stdout), &res); err != nil {
				t.Fatalf("submit --json: %v\n%s", err, stdout)
			}
		}
		return code, res, stderr
	}
	// A forged proof with the honest public inputs: the verifier rejects it.
	code, res, stderr := submit(forgedProof(t, dep, e, nil))
	if code != cmdutil.ExitNo || res["error"] != "ProofRejected" || res["recorded"] != false || !strings.Contains(fmt.Sprint(res["hint"]), "altered") {
		t.Fatalf("forged proof: exit %d, %v\n%s", code, res, stderr)
	}
	// The same for epoch 2: refused before any verification.
	code, res, _ = submit(forgedProof(t, dep, e, func(in []statement.NamedInput) {
		in[6].Value = statement.Hex(bigElement(2))
	}))
	if code != cmdutil.ExitNo || res["error"] != "EpochOutOfOrder" || !strings.Contains(fmt.Sprint(res["revert"]), "expected: 1, got: 2") {
		t.Fatalf("skipped epoch: exit %d, %v", code, res)
	}
	// A proof from another previous state: the hint names both states.
	code, res, _ = submit(forgedProof(t, dep, e, func(in []statement.NamedInput) {
		in[1].Value = statement.Hex(bigElement(12345))
	}))
	if code != cmdutil.ExitNo || res["error"] != "ProofRejected" || !strings.Contains(fmt.Sprint(res["hint"]), dep.GenesisState[2:]) {
		t.Fatalf("wrong previous state: exit %d, %v", code, res)
	}
	// A proof made with other keys is refused before anything is sent (exit 1, not 3).
	other := forgedProof(t, dep, e, nil)
	pf, err := prooffile.Read(other)
	if err != nil {
		t.Fatal(err)
	}
	pf.VerifyingKeyDigest = strings.Repeat("ab", 32)
	if err := prooffile.Write(other, pf); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := submit(other); code != cmdutil.ExitError || !strings.Contains(stderr, "pins key") {
		t.Fatalf("proof with another key: exit %d\n%s", code, stderr)
	}

	// Nothing was recorded: a user of epoch 1 is not included on chain (exit 3).
	incl := filepath.Join(dir, "acct-1000.json")
	if code, _, stderr := cli(t, "inclusion", "export", "--case", epochCase, "--user", "acct-1000", "--out", incl); code != 0 {
		t.Fatalf("inclusion export: exit %d\n%s", code, stderr)
	}
	code, stdout, stderr = cli(t, "inclusion", "verify", incl, "--rpc", node.URL, "--registry", dep.Registry.Hex(), "--capacity", "16", "--policy", epochCase+"/policy.json")
	if code != cmdutil.ExitNo || !strings.Contains(stdout, "has not recorded epoch 1") {
		t.Fatalf("inclusion verify of an unrecorded epoch: exit %d\n%s\n%s", code, stdout, stderr)
	}
	if code, _, stderr := cli(t, "epoch", "status", "--rpc", node.URL, "--deployment", depFile, "--epoch", "1"); code != cmdutil.ExitError || !strings.Contains(stderr, "last epoch is 0") {
		t.Fatalf("status of an unrecorded epoch: exit %d\n%s", code, stderr)
	}
}

func bigElement(v int64) (e fr.Element) {
	e.SetBigInt(big.NewInt(v))
	return e
}

// TestCLISeparateModeOnSimulatedChain deploys a Separate-mode registry with the committed
// development solvency and compliance keys, adopting an existing feed for one asset with --feed,
// and checks that a forged pair of proofs is refused with the solvency verifier's rejection.
func TestCLISeparateModeOnSimulatedChain(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles verifiers with solc-js")
	}
	if _, err := os.Stat(filepath.Join(contracts, "node_modules", "solc", "package.json")); err != nil {
		t.Skip("solc-js is not installed; run `npm ci --prefix contracts`")
	}
	node := startSimNode(t)
	dir := t.TempDir()
	first, second := filepath.Join(dir, "first.json"), filepath.Join(dir, "second.json")
	if code, _, stderr := cli(t, "chain", "deploy", "--rpc", node.URL, "--key", node.KeyFile, "--keys", devKeys,
		"--case", epochCase, "--feeds", "mock", "--contracts", contracts, "--out", first); code != 0 {
		t.Fatalf("first deploy: exit %d\n%s", code, stderr)
	}
	d1, err := chain.ReadDeployment(first)
	if err != nil {
		t.Fatal(err)
	}
	usdc := d1.Feeds[0].Aggregator.Hex()
	code, _, stderr := cli(t, "chain", "deploy", "--rpc", node.URL, "--key", node.KeyFile, "--keys", devKeys,
		"--case", epochCase, "--mode", "separate", "--feed", "USDC="+usdc, "--feeds", "mock", "--contracts", contracts, "--out", second)
	if code != 0 {
		t.Fatalf("separate deploy: exit %d\n%s", code, stderr)
	}
	if strings.Contains(stderr, "beyond") {
		t.Errorf("the adopted feed answers the case's price, yet deploy warned:\n%s", stderr)
	}
	dep, err := chain.ReadDeployment(second)
	if err != nil {
		t.Fatal(err)
	}
	if dep.Mode != "separate" || len(dep.Verifiers) != 2 || dep.Verifiers[0].Params != "u16-a3-v3-lookup" || dep.Verifiers[1].Params != "k4-a3-v3-lookup" {
		t.Fatalf("verifiers %+v", dep.Verifiers)
	}
	if dep.Feeds[0].Aggregator.Hex() != usdc || dep.Feeds[0].Mock || !dep.Feeds[1].Mock {
		t.Fatalf("feeds %+v", dep.Feeds)
	}

	// Forged solvency and compliance proofs of the fixture epoch.
	e := fixtureEpoch(t)
	syms := []string{"USDC", "WETH", "WBTC"}
	write := func(circuit string, pub []statement.NamedInput) string {
		v, _ := dep.VerifierFor(circuit)
		f := &prooffile.File{Circuit: circuit, Params: v.Params, Backend: dep.Backend, CircuitDigest: v.CircuitDigest,
			VerifyingKeyDigest: v.VerifyingKeyDigest, PublicInputs: pub, Proof: "0x00", Solidity: prooffile.Solidity{Proof: "0x" + strings.Repeat("17", 384)}}
		path := filepath.Join(dir, circuit+".proof.json")
		if err := prooffile.Write(path, f); err != nil {
			t.Fatal(err)
		}
		return path
	}
	sp, cp := write("solvency", e.Solvency.Public(syms)), write("compliance", e.Compliance.Public(syms))
	code, stdout, stderr := cli(t, "epoch", "submit", "--rpc", node.URL, "--key", node.KeyFile, "--deployment", second, cp, sp)
	if code != cmdutil.ExitNo || !strings.Contains(stdout, "ProofRejected(which: 0)") {
		t.Fatalf("forged separate proofs: exit %d\n%s\n%s", code, stdout, stderr)
	}
	// Adopting a feed whose answer is far from the case's price is allowed, with a warning.
	code, _, stderr = cli(t, "chain", "deploy", "--rpc", node.URL, "--key", node.KeyFile, "--keys", devKeys,
		"--case", epochCase, "--feed", "USDC="+d1.Feeds[1].Aggregator.Hex(), "--feeds", "mock", "--contracts", contracts, "--out", filepath.Join(dir, "third.json"))
	if code != 0 || !strings.Contains(stderr, "warning: the USDC feed answers 301255000000") {
		t.Fatalf("deploy with a deviating feed: exit %d\n%s", code, stderr)
	}
	// An epoch proof does not fit a separate registry.
	code, _, stderr = cli(t, "epoch", "submit", "--rpc", node.URL, "--key", node.KeyFile, "--deployment", second, forgedProof(t, d1, e, nil))
	if code != cmdutil.ExitError || !strings.Contains(stderr, "has no epoch verifier") {
		t.Fatalf("epoch proof to a separate registry: exit %d\n%s", code, stderr)
	}
}

package chain_test

import (
	"encoding/json"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"

	"github.com/zktreasury/zktreasury/circuits/gadget/bound"
	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/chain"
	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/epoch"
	"github.com/zktreasury/zktreasury/contracts"
	"github.com/zktreasury/zktreasury/prover/prooffile"
	"github.com/zktreasury/zktreasury/prover/statement"
)

const (
	repo         = "../../../.."
	epochCase    = repo + "/testdata/epoch"
	devKeys      = repo + "/testdata/keys"
	contractsDir = repo + "/contracts"
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
	in.StartTime, in.EndTime = cp.StartTime, cp.EndTime
	in.RangeCheck = bound.Bits // the epoch circuit's default
	e, err := statement.BuildEpoch(in)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// epochTimes are the test epoch's bounds: genesis a day ago, one hour long.
func epochTimes() (start, end uint64) {
	start = uint64(time.Now().Add(-24 * time.Hour).Unix())
	return start, start + 3600
}

// claimInputs are the registry's public inputs for the fixture's epoch 1 with the given times,
// flows of 7 in and 3 out per asset, named as proof files name them.
func claimInputs(e *statement.Epoch, start, end uint64) []statement.NamedInput {
	syms := []string{"USDC", "WETH", "WBTC"}
	old := map[string]string{}
	for _, in := range e.Public(syms) {
		old[in.Name] = in.Value
	}
	var out []statement.NamedInput
	for _, n := range contracts.EpochInputLayout(syms) {
		v, ok := old[n]
		switch {
		case n == "startTime":
			v = statement.Hex(bigElement(int64(start)))
		case n == "endTime":
			v = statement.Hex(bigElement(int64(end)))
		case strings.HasPrefix(n, "inflow."):
			v = statement.Hex(bigElement(7))
		case strings.HasPrefix(n, "outflow."):
			v = statement.Hex(bigElement(3))
		case !ok:
			panic("no public input " + n)
		}
		out = append(out, statement.NamedInput{Name: n, Value: v})
	}
	return out
}

// rehash sets the last named value, publicHash, to the hash of the others, as anyone can.
func rehash(t *testing.T, pub []statement.NamedInput) []statement.NamedInput {
	t.Helper()
	h, err := statement.HashNamed(pub[:len(pub)-1])
	if err != nil {
		t.Fatal(err)
	}
	pub[len(pub)-1] = statement.NamedInput{Name: statement.PublicHashName, Value: fmt.Sprintf("0x%064x", h)}
	return pub
}

// forgedProof writes a proof file that names the deployed verifier's key and the claim's
// public inputs, with calldata that is no proof: what a forger without the proving key has.
func forgedProof(t *testing.T, dep *chain.Deployment, pub []statement.NamedInput, edit func([]statement.NamedInput)) string {
	t.Helper()
	v := dep.Verifier
	pub = append([]statement.NamedInput(nil), pub...)
	if edit != nil {
		edit(pub)
	}
	pub = rehash(t, pub)
	calldata := make([]byte, 256)
	for i := range calldata {
		calldata[i] = byte(i*7 + 1)
	}
	f := &prooffile.File{Circuit: "epoch", Params: v.Params, Backend: dep.Backend, CircuitDigest: v.CircuitDigest,
		VerifyingKeyDigest: v.VerifyingKeyDigest, Insecure: true, PublicInputs: pub, Proof: "0x00",
		Solidity: prooffile.Solidity{Proof: fmt.Sprintf("0x%x", calldata)}}
	f.Solidity.Input = []string{pub[len(pub)-1].Value}
	path := filepath.Join(t.TempDir(), "forged.proof.json")
	if err := prooffile.Write(path, f); err != nil {
		t.Fatal(err)
	}
	return path
}

// writeRounds writes a --rounds file naming the same round for every asset.
func writeRounds(t *testing.T, id string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "rounds.json")
	if err := os.WriteFile(p, []byte(fmt.Sprintf(`{"USDC": %q, "WETH": %q, "WBTC": %q}`, id, id, id)), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestCLIOnSimulatedChain drives `chain deploy`, `epoch status`, `epoch submit` and `inclusion
// verify --registry` against a simulated chain served over HTTP, with the committed development
// verifying keys (no setup, no proving key): the deployment is real, the submissions are
// forgeries the registry must refuse with exit 3 and its named error, and a user of an
// unrecorded epoch is not included. The honest epoch is recorded in the geth end-to-end test.
func TestCLIOnSimulatedChain(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles a verifier with solc-js")
	}
	if _, err := os.Stat(filepath.Join(contractsDir, "node_modules", "solc", "package.json")); err != nil {
		if _, ci := os.LookupEnv("CI"); ci {
			t.Fatal("solc-js is not installed; run `npm ci --prefix contracts`")
		}
		t.Skip("solc-js is not installed; run `npm ci --prefix contracts`")
	}
	node := startSimNode(t)
	dir := t.TempDir()
	depFile := filepath.Join(dir, "deployment.json")
	e := fixtureEpoch(t)
	start, end := epochTimes()

	code, stdout, stderr := cli(t, "chain", "deploy", "--rpc", node.URL, "--key", node.KeyFile, "--keys", devKeys,
		"--case", epochCase, "--feeds", "mock", "--genesis-time", fmt.Sprint(start), "--contracts", contractsDir, "--out", depFile, "--json")
	if code != 0 {
		t.Fatalf("chain deploy: exit %d\n%s", code, stderr)
	}
	if !strings.Contains(stderr, "single-party setup") {
		t.Errorf("deploy with insecure keys did not warn:\n%s", stderr)
	}
	if strings.Contains(stderr, "deployer's own key") {
		t.Errorf("deploy on a dev chain warned about governance:\n%s", stderr)
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
	if dep.Registry != out.Registry || dep.Backend != "groth16" || len(dep.Feeds) != 3 || !dep.Feeds[1].Mock ||
		dep.Feeds[1].MockRound != "18446744073709551617" || dep.Feeds[2].HeartbeatSeconds != 86400 || dep.Feeds[2].CircuitDecimals != 8 ||
		dep.GenesisTime.Unix() != int64(start) || dep.TreeCapacity != 16 || dep.ValueDecimals != 12 {
		t.Fatalf("deployment %+v", dep)
	}
	if dep.GenesisState != statement.Hex(e.Compliance.PrevCommitment) || dep.PolicyCommitment != statement.Hex(e.Compliance.PolicyCommitment) {
		t.Fatalf("genesis %s / policy %s, want the fixture's S(0) %s and policy %s", dep.GenesisState, dep.PolicyCommitment,
			statement.Hex(e.Compliance.PrevCommitment), statement.Hex(e.Compliance.PolicyCommitment))
	}
	if dep.Verifier.Params != "u16-k6-a3-v3-bits" || !dep.Verifier.Insecure {
		t.Fatalf("verifier %+v", dep.Verifier)
	}

	code, stdout, stderr = cli(t, "epoch", "status", "--rpc", node.URL, "--deployment", depFile, "--json")
	if code != 0 {
		t.Fatalf("epoch status: exit %d\n%s", code, stderr)
	}
	var st epoch.StatusResult
	if err := json.Unmarshal([]byte(stdout), &st); err != nil {
		t.Fatalf("status --json: %v\n%s", err, stdout)
	}
	if st.LastEpoch != 0 || st.CurrentState != dep.GenesisState || st.Paused || st.LastEnd.Unix() != int64(start) || st.TreeCapacity != 16 ||
		st.NextPolicy != dep.PolicyCommitment || st.Pending != nil || st.Record.Epoch != 0 || st.Record.StateCommitment != dep.GenesisState ||
		st.Record.PolicyCommitment != dep.PolicyCommitment || st.Record.RecordHash != st.RecordHash {
		t.Fatalf("status %+v, deployment %+v", st, dep)
	}
	code, stdout, _ = cli(t, "epoch", "status", "--rpc", node.URL, "--deployment", depFile)
	if code != 0 || !strings.Contains(stdout, "policy for epoch 1") || !strings.Contains(stdout, time.Unix(int64(start), 0).UTC().Format("2006-01-02 15:04:05 UTC")) {
		t.Fatalf("status table: exit %d\n%s", code, stdout)
	}

	pub := claimInputs(e, start, end)
	round1 := writeRounds(t, "18446744073709551617")
	submit := func(proof, rounds string) (int, map[string]any, string) {
		t.Helper()
		code, stdout, stderr := cli(t, "epoch", "submit", "--rpc", node.URL, "--key", node.KeyFile, "--deployment", depFile, "--rounds", rounds, proof, "--json")
		var res map[string]any
		if code == 0 || code == cmdutil.ExitNo {
			if err := json.Unmarshal([]byte(stdout), &res); err != nil {
				t.Fatalf("submit --json: %v\n%s", err, stdout)
			}
		}
		return code, res, stderr
	}
	// A forged proof with the honest public inputs: the verifier rejects it.
	code, res, stderr := submit(forgedProof(t, dep, pub, nil), round1)
	if code != cmdutil.ExitNo || res["error"] != "ProofRejected" || res["recorded"] != false || !strings.Contains(fmt.Sprint(res["hint"]), "altered") {
		t.Fatalf("forged proof: exit %d, %v\n%s", code, res, stderr)
	}
	// The same for epoch 2: refused before any verification.
	code, res, _ = submit(forgedProof(t, dep, pub, func(in []statement.NamedInput) { in[6].Value = statement.Hex(bigElement(2)) }), round1)
	if code != cmdutil.ExitNo || res["error"] != "EpochOutOfOrder" || !strings.Contains(fmt.Sprint(res["revert"]), "expected: 1, got: 2") {
		t.Fatalf("skipped epoch: exit %d, %v", code, res)
	}
	// An epoch that does not start at the genesis time.
	code, res, _ = submit(forgedProof(t, dep, pub, func(in []statement.NamedInput) { in[7].Value = statement.Hex(bigElement(int64(start + 1))) }), round1)
	if code != cmdutil.ExitNo || res["error"] != "StartNotPreviousEnd" {
		t.Fatalf("start after genesis: exit %d, %v", code, res)
	}
	// A round the feeds do not have.
	code, res, _ = submit(forgedProof(t, dep, pub, nil), writeRounds(t, "18446744073709551618"))
	if code != cmdutil.ExitNo || res["error"] != "RoundUnavailable" {
		t.Fatalf("unknown round: exit %d, %v", code, res)
	}
	// A proof from another previous state: the hint names both states.
	code, res, _ = submit(forgedProof(t, dep, pub, func(in []statement.NamedInput) { in[1].Value = statement.Hex(bigElement(12345)) }), round1)
	if code != cmdutil.ExitNo || res["error"] != "ProofRejected" || !strings.Contains(fmt.Sprint(res["hint"]), dep.GenesisState[2:]) {
		t.Fatalf("wrong previous state: exit %d, %v", code, res)
	}
	// A proof at a WETH price one unit off the round: the hint names the asset and both prices.
	code, res, _ = submit(forgedProof(t, dep, pub, func(in []statement.NamedInput) {
		el, err := statement.ParseElement(in[10].Value)
		if err != nil {
			t.Fatal(err)
		}
		in[10].Value = statement.Hex(bigElement(el.BigInt(new(big.Int)).Int64() + 1))
	}), round1)
	if code != cmdutil.ExitNo || res["error"] != "ProofRejected" || !strings.Contains(fmt.Sprint(res["hint"]), "prices WETH at") {
		t.Fatalf("price one unit off: exit %d, %v", code, res)
	}
	// A proof made with other keys is refused before anything is sent (exit 1, not 3).
	other := forgedProof(t, dep, pub, nil)
	pf, err := prooffile.Read(other)
	if err != nil {
		t.Fatal(err)
	}
	pf.VerifyingKeyDigest = strings.Repeat("ab", 32)
	if err := prooffile.Write(other, pf); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := submit(other, round1); code != cmdutil.ExitError || !strings.Contains(stderr, "pins key") {
		t.Fatalf("proof with another key: exit %d\n%s", code, stderr)
	}

	// Nothing was recorded: a user of epoch 1 is not included on chain (exit 3).
	incl := filepath.Join(dir, "acct-1000.json")
	if code, _, stderr := cli(t, "inclusion", "export", "--case", epochCase, "--user", "acct-1000", "--out", incl); code != 0 {
		t.Fatalf("inclusion export: exit %d\n%s", code, stderr)
	}
	code, stdout, stderr = cli(t, "inclusion", "verify", incl, "--rpc", node.URL, "--registry", dep.Registry.Hex(), "--policy", epochCase+"/policy.json")
	if code != cmdutil.ExitNo || !strings.Contains(stdout, "has not recorded epoch 1") {
		t.Fatalf("inclusion verify of an unrecorded epoch: exit %d\n%s\n%s", code, stdout, stderr)
	}
	if code, _, stderr := cli(t, "epoch", "status", "--rpc", node.URL, "--deployment", depFile, "--epoch", "1"); code != cmdutil.ExitError || !strings.Contains(stderr, "last epoch is 0") {
		t.Fatalf("status of an unrecorded epoch: exit %d\n%s", code, stderr)
	}

	// Adopting an existing feed: --feed with its --heartbeat.
	second := filepath.Join(dir, "second.json")
	code, _, stderr = cli(t, "chain", "deploy", "--rpc", node.URL, "--key", node.KeyFile, "--keys", devKeys, "--case", epochCase,
		"--feed", "USDC="+dep.Feeds[0].Aggregator.Hex(), "--heartbeat", "USDC=1h", "--feeds", "mock", "--genesis-time", fmt.Sprint(start),
		"--contracts", contractsDir, "--out", second)
	if code != 0 || !strings.Contains(stderr, "feed USDC: latest round 18446744073709551617 answers 100010000 (1000100 value units") {
		t.Fatalf("deploy adopting a feed: exit %d\n%s", code, stderr)
	}
	d2, err := chain.ReadDeployment(second)
	if err != nil {
		t.Fatal(err)
	}
	if d2.Feeds[0].Aggregator != dep.Feeds[0].Aggregator || d2.Feeds[0].Mock || d2.Feeds[0].HeartbeatSeconds != 3600 || !d2.Feeds[1].Mock {
		t.Fatalf("feeds %+v", d2.Feeds)
	}
	// A genesis time after the chain's head is refused.
	code, _, stderr = cli(t, "chain", "deploy", "--rpc", node.URL, "--key", node.KeyFile, "--keys", devKeys, "--case", epochCase,
		"--feeds", "mock", "--genesis-time", fmt.Sprint(time.Now().Add(time.Hour).Unix()), "--contracts", contractsDir, "--out", filepath.Join(dir, "third.json"))
	if code != cmdutil.ExitError || !strings.Contains(stderr, "after the chain's head block time") {
		t.Fatalf("deploy with a future genesis: exit %d\n%s", code, stderr)
	}
}

func bigElement(v int64) (e fr.Element) {
	e.SetBigInt(big.NewInt(v))
	return e
}

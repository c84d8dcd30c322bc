package chain_test

import (
	"encoding/json"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
	"github.com/zktreasury/zktreasury/prover/batch"
	"github.com/zktreasury/zktreasury/prover/statement"
	"github.com/zktreasury/zktreasury/treasury"
)

// TestInclusionVerifyBatchedOnRegistry: a batched epoch as the registry records it (its
// liabilities root the digest of the batched tree's root, what circuits/wrap proves) lets
// every user of the tree check their inclusion with `inclusion verify --rpc --registry`
// alone. The registry has a MockVerifier (the wrap's real setup is too heavy for a test; see
// contracts' TestBatchedEpochOnChain); its other checks are real. Refused, exit 3: a lowered
// balance, a file of another tree (its root's digest not the recorded one), another policy
// than the recorded commitment's, and an unrecorded epoch.
func TestInclusionVerifyBatchedOnRegistry(t *testing.T) {
	n := startSimNode(t)
	policyFile := filepath.Join(epochCase, "policy.json")
	pol, err := treasury.LoadPolicy(policyFile)
	if err != nil {
		t.Fatal(err)
	}
	pv, err := statement.EncodePolicy(pol)
	if err != nil {
		t.Fatal(err)
	}
	pc, err := statement.PolicyCommitment(pv)
	if err != nil {
		t.Fatal(err)
	}
	policy := pc.BigInt(new(big.Int))
	m := deployMockWith(t, n, addr(newKey(t)), addr(newKey(t)), policy)

	// Every user's file of 2 batches of 8: the registry's capacity of 16.
	dir := filepath.Join(t.TempDir(), "incl")
	var rep struct {
		Files   int    `json:"files"`
		Batches int    `json:"batches"`
		Root    string `json:"liabilitiesRoot"`
	}
	jsonRun(t, 0, &rep, "inclusion", "export", "--case", epochCase, "--batch-size", "8", "--all", "--out", dir)
	if rep.Batches != 2 {
		t.Fatalf("%d batches, want 2", rep.Batches)
	}
	root, err := batch.ParseA(rep.Root)
	if err != nil {
		t.Fatal(err)
	}
	digest, err := batch.RootDigest(&root, 16)
	if err != nil {
		t.Fatal(err)
	}
	jsonRun(t, 0, nil, "epoch", "submit", "--rpc", n.URL, "--key", n.KeyFile, "--deployment", m.File,
		m.proofFile(t, 1, policy, func(v map[string]*big.Int) { v["liabilitiesRoot"] = digest }))

	verify := func(file, policyFile string, extra ...string) (int, string) {
		t.Helper()
		args := append([]string{"inclusion", "verify", file, "--rpc", n.URL, "--registry", m.Dep.Registry.Hex(), "--policy", policyFile}, extra...)
		code, stdout, stderr := cli(t, args...)
		return code, stdout + stderr
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*", "*.inclusion.json"))
	if len(files) != rep.Files || len(files) == 0 {
		t.Fatalf("%d files on disk, %d reported", len(files), rep.Files)
	}
	for _, f := range files {
		if code, out := verify(f, policyFile); code != 0 || !strings.Contains(out, "INCLUDED") {
			t.Fatalf("%s: exit %d\n%s", f, code, out)
		}
	}
	var res struct {
		Included        bool   `json:"included"`
		LiabilitiesRoot string `json:"liabilitiesRoot"`
	}
	jsonRun(t, 0, &res, "inclusion", "verify", files[0], "--rpc", n.URL, "--registry", m.Dep.Registry.Hex(), "--policy", policyFile)
	var want fr.Element
	want.SetBigInt(digest)
	if !res.Included || res.LiabilitiesRoot != statement.Hex(want) {
		t.Fatalf("verify --json %+v, want the recorded digest", res)
	}

	edited := func(edit func(f map[string]any)) string {
		t.Helper()
		data, err := os.ReadFile(files[0])
		if err != nil {
			t.Fatal(err)
		}
		var f map[string]any
		if err := json.Unmarshal(data, &f); err != nil {
			t.Fatal(err)
		}
		edit(f)
		out, _ := json.Marshal(f)
		p := filepath.Join(t.TempDir(), "edited.inclusion.json")
		if err := os.WriteFile(p, out, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	lowered := edited(func(f map[string]any) {
		a := f["assets"].([]any)[0].(map[string]any)
		a["units"] = a["units"].(float64) - 1
	})
	if code, out := verify(lowered, policyFile); code != cmdutil.ExitNo || !strings.Contains(out, "NOT INCLUDED") {
		t.Fatalf("lowered balance: exit %d\n%s", code, out)
	}
	var other = root
	other.SetUint64(7)
	otherTree := edited(func(f map[string]any) { f["liabilitiesRoot"] = batch.HexA(other) })
	if code, out := verify(otherTree, policyFile); code != cmdutil.ExitNo || !strings.Contains(out, "has digest") {
		t.Fatalf("another tree's root: exit %d\n%s", code, out)
	}
	otherPolicy := filepath.Join(repo, "testdata", "run", "policy.json")
	if code, out := verify(files[0], otherPolicy); code != cmdutil.ExitNo || !strings.Contains(out, "the policy commits to") {
		t.Fatalf("another policy: exit %d\n%s", code, out)
	}
	if code, out := verify(files[0], policyFile, "--epoch", "2"); code != cmdutil.ExitNo || !strings.Contains(out, "has not recorded epoch 2") {
		t.Fatalf("unrecorded epoch: exit %d\n%s", code, out)
	}
}

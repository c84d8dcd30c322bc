package audit_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
	"github.com/zktreasury/zktreasury/prover/audit"
	"github.com/zktreasury/zktreasury/prover/keystore"
	"github.com/zktreasury/zktreasury/treasury"
	"github.com/zktreasury/zktreasury/treasury/actionlog"
)

// rewriteLog rewrites a case's action log through the engine's writer, so
// the hash chain is valid and only the edited action differs.
func rewriteLog(t *testing.T, dir string, edit func([]actionlog.Entry) []actionlog.Entry) {
	t.Helper()
	path := filepath.Join(dir, "actions.jsonl")
	entries, err := actionlog.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	p, err := treasury.LoadPolicy(filepath.Join(dir, "policy.json"))
	if err != nil {
		t.Fatal(err)
	}
	entries = edit(entries)
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	w, err := actionlog.Open(path, 1)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		n, err := actionlog.NewEntry(p, e.Epoch, e.Date, e.Action())
		if err != nil {
			t.Fatal(err)
		}
		if err := w.Append(&n); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
}

func editFile(t *testing.T, path, old, new string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), old) {
		t.Fatalf("%s lacks %q", path, old)
	}
	if err := os.WriteFile(path, []byte(strings.Replace(string(data), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// regolden rewrites every golden file from the (edited) inputs, as an
// operator who controls the case would: what is left to catch the edit is
// the audit's own judgement.
func regolden(t *testing.T, dir string) {
	t.Helper()
	goldens, err := audit.Recompute(dir)
	if err != nil {
		t.Fatal(err)
	}
	for name, v := range goldens {
		data, _ := json.MarshalIndent(v, "", "  ")
		if err := os.WriteFile(filepath.Join(dir, name), append(data, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestAuditNamesWhatDiffers: each attack starts from a fresh copy of an
// honest case and changes only its target; the audit exits 3 and its table
// names the field that differs (expected and got), and no proof is made.
func TestAuditNamesWhatDiffers(t *testing.T) {
	tests := []struct {
		name, src string
		edit      func(t *testing.T, dir string)
		want      []string
	}{
		{"a swap filled one unit better, the log rehashed", "crash-rebalance", func(t *testing.T, dir string) {
			rewriteLog(t, dir, func(es []actionlog.Entry) []actionlog.Entry {
				for i := range es {
					if es[i].Kind.String() == "swap" {
						es[i].AmountOut++
						break
					}
				}
				return es
			})
		}, []string{"actionsCommitment: expected", "newStateCommitment: expected"}},
		{"the outflow left out of the log, rehashed", "crash-rebalance", func(t *testing.T, dir string) {
			rewriteLog(t, dir, func(es []actionlog.Entry) []actionlog.Entry { return es[:len(es)-1] })
		}, []string{"actionCount: expected", "outflow.WETH: expected", "actionLogHead: expected"}},
		{"a user's balance lowered by a cent", "calm", func(t *testing.T, dir string) {
			editFile(t, filepath.Join(dir, "liabilities.csv"), "acct-1000,234649.90", "acct-1000,234649.89")
		}, []string{"liabilitiesRoot: expected"}},
		{"a price raised by a cent", "calm", func(t *testing.T, dir string) {
			editFile(t, filepath.Join(dir, "prices.csv"), "WETH,3020.40", "WETH,3020.41")
		}, []string{"price.WETH: expected"}},
		{"S(n-1) changed at the circuit's precision", "calm", func(t *testing.T, dir string) {
			editFile(t, filepath.Join(dir, "positions.csv"), "WBTC,aave,3.00000000", "WBTC,aave,3.00000001")
		}, []string{"prevStateCommitment: expected"}},
		{"an inclusion file's ledger balance lowered", "calm", func(t *testing.T, dir string) {
			editFile(t, filepath.Join(dir, "inclusion", "acct-1000.json"), `"balance": "234649.9"`, `"balance": "1"`)
		}, []string{`field "assets" is`, "fresh export"}},
		{"an inclusion file of another epoch", "calm", func(t *testing.T, dir string) {
			editFile(t, filepath.Join(dir, "inclusion", "acct-1000.json"), `"epoch": 1,`, `"epoch": 2,`)
		}, []string{"the file is for epoch 2, the proof for epoch 1"}},
		{"a Chainlink round changed", "calm", func(t *testing.T, dir string) {
			editFile(t, filepath.Join(dir, "case.json"), `"WETH": "18446744073709551617"`, `"WETH": "18446744073709551618"`)
		}, []string{"round.WETH: expected 18446744073709551617, got 18446744073709551618"}},
		{"a solvent case declared insolvent, goldens rebuilt", "calm", func(t *testing.T, dir string) {
			editFile(t, filepath.Join(dir, "case.json"), `"capacity": 16,`, `"capacity": 16, "expect": "insolvent",`)
			regolden(t, dir)
		}, []string{"solvency (expect insolvent)", "the case is solvent"}},
		{"the insolvent case not declared insolvent, goldens rebuilt", "insolvent", func(t *testing.T, dir string) {
			editFile(t, filepath.Join(dir, "case.json"), `"expect": "insolvent",`, ``)
			regolden(t, dir)
		}, []string{"solvency", "insolvent: haircut reserves"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := copyCase(t, filepath.Join(casesDir, tc.src))
			tc.edit(t, dir)
			out := filepath.Join(dir, "out")
			code, stdout, stderr := run(t, "audit", dir, "--keys", pinnedKeys, "--cache", keyCache, "--out", out)
			if code != cmdutil.ExitNo {
				t.Fatalf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, cmdutil.ExitNo, stdout, stderr)
			}
			for _, w := range tc.want {
				if !strings.Contains(stdout, w) {
					t.Errorf("table lacks %q:\n%s", w, stdout)
				}
			}
			if !strings.Contains(stdout, "verdict: FAIL") {
				t.Errorf("no FAIL verdict:\n%s", stdout)
			}
			if proofs, _ := filepath.Glob(filepath.Join(out, "*.proof.json")); len(proofs) > 0 {
				t.Errorf("proofs written for a case that failed: %v", proofs)
			}
		})
	}
}

// TestAuditPinnedKey: the circuit must have a pinned key (a key store
// without one is a "no", naming the circuit and its digest), and a pinned
// store that holds the proving key is used as is: the proof is verified with
// the pinned verifying key, with no development setup.
func TestAuditPinnedKey(t *testing.T) {
	code, stdout, _ := run(t, "audit", filepath.Join(casesDir, "calm"), "--keys", t.TempDir(), "--cache", keyCache)
	if code != cmdutil.ExitNo || !strings.Contains(stdout, "no pinned groth16 verifying key for epoch u16-k6-a3-v3-bits") {
		t.Fatalf("exit %d:\n%s", code, stdout)
	}
	if testing.Short() {
		t.Skip("regenerates a proof")
	}
	// The cache is a store with both keys once an audit has set it up.
	if _, err := audit.Run(filepath.Join(casesDir, "calm"), audit.Options{Pinned: keystore.Store{Dir: pinnedKeys}, Cache: keystore.Store{Dir: keyCache}}); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	rep, err := audit.Run(filepath.Join(casesDir, "calm"), audit.Options{Pinned: keystore.Store{Dir: keyCache}, Cache: keystore.Store{Dir: t.TempDir()}, OutDir: out})
	if err != nil {
		t.Fatal(err)
	}
	if !rep.OK() || rep.DevSetup {
		t.Fatalf("ok %v, dev setup %v: %+v", rep.OK(), rep.DevSetup, rep.Checks)
	}
	found := false
	for _, c := range rep.Checks {
		if c.Name == "epoch proof" && strings.HasPrefix(c.Detail, "regenerated and verified with the pinned vk") {
			found = true
		}
	}
	if !found {
		t.Errorf("the proof was not verified with the pinned vk: %+v", rep.Checks)
	}
}

// TestAuditShippedProof: a case may ship the operator's proof instead of
// golden files (what a run writes); it must verify with the pinned key and
// state exactly what the inputs give. A proof edited in one public input, a
// proof under another key, and a verifying proof for a case that must not
// prove are each a "no".
func TestAuditShippedProof(t *testing.T) {
	if testing.Short() {
		t.Skip("regenerates a proof")
	}
	out := t.TempDir()
	src := filepath.Join(casesDir, "calm")
	if _, err := audit.Run(src, audit.Options{Pinned: keystore.Store{Dir: pinnedKeys}, Cache: keystore.Store{Dir: keyCache}, OutDir: out}); err != nil {
		t.Fatal(err)
	}
	proof, err := os.ReadFile(filepath.Join(out, "epoch.proof.json"))
	if err != nil {
		t.Fatal(err)
	}
	shipped := func(t *testing.T, edit func(string) string) string {
		dir := copyCase(t, src)
		for _, g := range []string{audit.PublicGolden, audit.CommitmentsGolden, audit.InputsGolden} {
			if err := os.Remove(filepath.Join(dir, g)); err != nil {
				t.Fatal(err)
			}
		}
		if err := os.WriteFile(filepath.Join(dir, "epoch.proof.json"), []byte(edit(string(proof))), 0o644); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	same := func(s string) string { return s }
	// The cache holds the keys the proof was made with: they are the pinned ones here.
	dir := shipped(t, same)
	code, stdout, stderr := run(t, "audit", dir, "--keys", keyCache, "--cache", t.TempDir())
	if code != cmdutil.ExitOK || !strings.Contains(stdout, "shipped epoch.proof.json vs the inputs") {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	var f struct {
		PublicInputs []struct{ Name, Value string } `json:"publicInputs"`
	}
	if err := json.Unmarshal(proof, &f); err != nil {
		t.Fatal(err)
	}
	// the first public input, whatever the layout: its last hex digit changed
	in0 := f.PublicInputs[0].Value
	last := byte('0')
	if in0[len(in0)-1] == '0' {
		last = '1'
	}
	edited := in0[:len(in0)-1] + string(last)
	tests := []struct {
		name, keys string
		dir        string
		want       string
	}{
		{"a public input edited", keyCache, shipped(t, func(s string) string { return strings.ReplaceAll(s, in0, edited) }), "shipped epoch.proof.json"},
		{"a proof under another key (the committed dev keys)", pinnedKeys, shipped(t, same), "not verified with the pinned key store"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, _ := run(t, "audit", tc.dir, "--keys", tc.keys, "--cache", keyCache)
			if code != cmdutil.ExitNo || !strings.Contains(stdout, tc.want) {
				t.Errorf("exit %d, want %d and %q:\n%s", code, cmdutil.ExitNo, tc.want, stdout)
			}
		})
	}
	t.Run("a verifying proof for a case declared insolvent", func(t *testing.T) {
		dir := shipped(t, same)
		editFile(t, filepath.Join(dir, "case.json"), `"capacity": 16,`, `"capacity": 16, "expect": "insolvent",`)
		code, stdout, _ := run(t, "audit", dir, "--keys", keyCache, "--cache", t.TempDir())
		if code != cmdutil.ExitNo || !strings.Contains(stdout, "for a case that must not prove") {
			t.Errorf("exit %d:\n%s", code, stdout)
		}
	})
}

package verify_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/root"
)

const solventCase = "../../../../testdata/solvency/solvent"

func run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = root.Main(args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

// editJSON rewrites a JSON file through a generic map.
func editJSON(t *testing.T, src, dst string, edit func(m map[string]any)) {
	t.Helper()
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	edit(m)
	out, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, out, 0o600); err != nil {
		t.Fatal(err)
	}
}

func inputs(m map[string]any) []any { return m["publicInputs"].([]any) }

func input(m map[string]any, i int) map[string]any { return inputs(m)[i].(map[string]any) }

// TestVerifyPinsAndSelfDescription proves the solvent case once (Groth16, an
// insecure development setup), then checks the pins and every self-describing
// field of the proof file, each edit starting from the honest file.
func TestVerifyPinsAndSelfDescription(t *testing.T) {
	dir := t.TempDir()
	keys := filepath.Join(dir, "keys")
	proof := filepath.Join(dir, "solvency.proof.json")
	policy := filepath.Join(solventCase, "policy.json")
	if code, _, stderr := run(t, "keys", "setup", "solvency", "--insecure-dev", "--case", solventCase, "--keys", keys); code != 0 {
		t.Fatalf("setup: exit %d: %s", code, stderr)
	}
	if code, _, stderr := run(t, "prove", "solvency", "--case", solventCase, "--keys", keys, "--out", proof); code != 0 {
		t.Fatalf("prove: exit %d: %s", code, stderr)
	}

	code, stdout, stderr := run(t, "verify", proof, "--keys", keys, "--policy", policy, "--epoch", "1")
	if code != 0 {
		t.Fatalf("honest: exit %d: %s%s", code, stdout, stderr)
	}
	for _, want := range []string{"VALID", "epoch             1 (pinned)", "105.00%", "price WETH        3012.55 USD", "price USDC        1.0001 USD",
		"INSECURE", "commitment matches"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("honest output lacks %q:\n%s", want, stdout)
		}
	}
	// --json keeps the hex inputs and adds the readable figures.
	code, stdout, _ = run(t, "verify", proof, "--keys", keys, "--policy", policy, "--json")
	var res struct {
		Valid         bool              `json:"valid"`
		InsecureSetup bool              `json:"insecureSetup"`
		Epoch         uint64            `json:"epoch"`
		MinRatioBps   uint32            `json:"minRatioBps"`
		PricesUSD     map[string]string `json:"pricesUSD"`
		PublicInputs  []struct{ Name, Value string }
	}
	if err := json.Unmarshal([]byte(stdout), &res); err != nil || code != 0 {
		t.Fatalf("--json: exit %d, %v: %s", code, err, stdout)
	}
	if !res.Valid || !res.InsecureSetup || res.Epoch != 1 || res.MinRatioBps != 10500 || res.PricesUSD["WBTC"] != "97450.1" || !strings.HasPrefix(res.PublicInputs[3].Value, "0x") {
		t.Errorf("--json result %+v", res)
	}
	// Without a pin the output says so.
	if code, stdout, _ := run(t, "verify", proof, "--keys", keys); code != 0 || !strings.Contains(stdout, "NOT PINNED") {
		t.Errorf("unpinned: exit %d:\n%s", code, stdout)
	}

	// The commitment the proof carries, as `policy commit` prints it.
	code, stdout, _ = run(t, "policy", "commit", "--policy", policy, "--json")
	var pc struct {
		Commitment string `json:"commitment"`
	}
	if err := json.Unmarshal([]byte(stdout), &pc); err != nil || code != 0 {
		t.Fatalf("policy commit: exit %d, %v", code, err)
	}
	if code, stdout, _ := run(t, "verify", proof, "--keys", keys, "--policy-commitment", pc.Commitment); code != 0 {
		t.Errorf("--policy-commitment of the proof's policy: exit %d:\n%s", code, stdout)
	}

	looser := filepath.Join(dir, "looser.json")
	editJSON(t, policy, looser, func(m map[string]any) { m["minSolvencyRatioBps"] = m["minSolvencyRatioBps"].(float64) - 1 })
	swapped := filepath.Join(dir, "swapped.json")
	editJSON(t, policy, swapped, func(m map[string]any) {
		a := m["assets"].([]any)
		a[0].(map[string]any)["symbol"], a[1].(map[string]any)["symbol"] = a[1].(map[string]any)["symbol"], a[0].(map[string]any)["symbol"]
	})
	code, stdout, _ = run(t, "policy", "commit", "--policy", looser, "--json")
	var lc struct {
		Commitment string `json:"commitment"`
	}
	if err := json.Unmarshal([]byte(stdout), &lc); err != nil || code != 0 {
		t.Fatalf("policy commit looser: exit %d, %v", code, err)
	}
	for _, c := range []struct {
		name string
		args []string
		want string
	}{
		{"a 1 bps looser policy", []string{"--policy", looser}, "not the pinned"},
		{"the looser policy's commitment", []string{"--policy-commitment", lc.Commitment}, "not the pinned"},
		{"a policy with swapped symbols", []string{"--policy", swapped}, "not the pinned"},
		{"another epoch", []string{"--epoch", "2"}, "not the pinned epoch 2"},
	} {
		t.Run(c.name, func(t *testing.T) {
			args := append([]string{"verify", proof, "--keys", keys}, c.args...)
			code, stdout, stderr := run(t, args...)
			if code != cmdutil.ExitNo || !strings.Contains(stdout, c.want) {
				t.Fatalf("exit %d, want %d and %q: %s%s", code, cmdutil.ExitNo, c.want, stdout, stderr)
			}
		})
	}

	for _, c := range []struct {
		name string
		edit func(m map[string]any)
		want string
	}{
		{"insecureSetup false", func(m map[string]any) { m["insecureSetup"] = false }, "insecureSetup"},
		{"params changed", func(m map[string]any) { m["params"] = "u1024-a3-v3-lookup" }, "params"},
		{"input names swapped", func(m map[string]any) {
			input(m, 0)["name"], input(m, 1)["name"] = input(m, 1)["name"], input(m, 0)["name"]
		}, "layout"},
		{"price labels swapped", func(m map[string]any) {
			input(m, 4)["name"], input(m, 5)["name"] = input(m, 5)["name"], input(m, 4)["name"]
		}, "labelled for another asset"},
		{"an input dropped", func(m map[string]any) { m["publicInputs"] = inputs(m)[:len(inputs(m))-1] }, "public inputs"},
		{"solidity proof changed", func(m map[string]any) {
			s := m["solidity"].(map[string]any)
			p := s["proof"].(string)
			s["proof"] = p[:10] + flip(p[10]) + p[11:]
		}, "solidity.proof"},
		{"solidity input changed", func(m map[string]any) {
			s := m["solidity"].(map[string]any)
			s["input"].([]any)[3] = "0x02"
		}, "solidity.input[3]"},
		{"32 bytes appended to the proof", func(m map[string]any) { m["proof"] = m["proof"].(string) + strings.Repeat("00", 32) }, "32 after a complete"},
		{"proof bytes missing", func(m map[string]any) { p := m["proof"].(string); m["proof"] = p[:len(p)-64] }, "malformed proof"},
	} {
		t.Run(c.name, func(t *testing.T) {
			bad := filepath.Join(t.TempDir(), "bad.json")
			editJSON(t, proof, bad, c.edit)
			code, stdout, stderr := run(t, "verify", bad, "--keys", keys, "--policy", policy)
			if code != cmdutil.ExitNo || !strings.Contains(stdout, c.want) {
				t.Fatalf("exit %d, want %d and %q: %s%s", code, cmdutil.ExitNo, c.want, stdout, stderr)
			}
			// The key store's description is what is shown, even on a "no".
			if !strings.Contains(stdout, "u16-a3-v3-lookup") || !strings.Contains(stdout, "INSECURE") {
				t.Errorf("output does not show the key store's params and insecurity:\n%s", stdout)
			}
		})
	}

	// inclusion verify --proof --keys verifies the proof itself.
	incl := filepath.Join(dir, "user.json")
	if code, _, stderr := run(t, "inclusion", "export", "--case", solventCase, "--user", "acct-1000", "--out", incl); code != 0 {
		t.Fatalf("inclusion export: exit %d: %s", code, stderr)
	}
	code, stdout, stderr = run(t, "inclusion", "verify", incl, "--proof", proof, "--keys", keys)
	if code != 0 || !strings.Contains(stdout, "verified with the keys") || !strings.Contains(stdout, "INSECURE") {
		t.Fatalf("inclusion verify --keys: exit %d: %s%s", code, stdout, stderr)
	}
	appended := filepath.Join(dir, "appended.json")
	editJSON(t, proof, appended, func(m map[string]any) { m["proof"] = m["proof"].(string) + strings.Repeat("00", 32) })
	code, stdout, _ = run(t, "inclusion", "verify", incl, "--proof", appended, "--keys", keys, "--json")
	var ir struct {
		Included      bool   `json:"included"`
		ProofVerified bool   `json:"proofVerified"`
		Reason        string `json:"reason"`
	}
	if err := json.Unmarshal([]byte(stdout), &ir); err != nil || code != cmdutil.ExitNo || ir.Included || ir.ProofVerified || !strings.Contains(ir.Reason, "rejected") {
		t.Fatalf("inclusion verify of a rejected proof: exit %d, %v: %s", code, err, stdout)
	}
}

func flip(c byte) string {
	if c == '0' {
		return "1"
	}
	return "0"
}

func TestVerifyUsage(t *testing.T) {
	for _, args := range [][]string{
		{"verify", "p.json", "--policy", "a.json", "--policy-commitment", "0x01"},
		{"verify", "p.json", "--policy-commitment", "xyz"},
		{"verify"},
	} {
		if code, _, stderr := run(t, args...); code != cmdutil.ExitUsage {
			t.Errorf("%v: exit %d, want %d (%s)", args, code, cmdutil.ExitUsage, stderr)
		}
	}
}

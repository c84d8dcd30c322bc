package root

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
)

const solventCase = "../../../../testdata/solvency/solvent"

func run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Main(args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

// copyCase copies the solvent fixture into a temp dir and applies edits
// (file name -> function of its content).
func copyCase(t *testing.T, edits map[string]func(string) string) string {
	t.Helper()
	dir := t.TempDir()
	entries, err := os.ReadDir(solventCase)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(solventCase, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		s := string(data)
		if edit, ok := edits[e.Name()]; ok {
			s = edit(s)
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func replaceLine(n int, with string) func(string) string {
	return func(s string) string {
		lines := strings.Split(s, "\n")
		lines[n-1] = with
		return strings.Join(lines, "\n")
	}
}

func TestProveSolvencyBadInput(t *testing.T) {
	tests := []struct {
		name string
		file string
		edit func(string) string
		want []string // substrings of the error: file, line, field, value
	}{
		{"non-numeric amount", "liabilities.csv", replaceLine(3, "user-001@example.org,12x.5,1,0"), []string{"liabilities.csv:3", `"USDC"`, `"12x.5"`, "not a decimal"}},
		{"negative amount", "liabilities.csv", replaceLine(4, "user-002@example.org,-5,1,0"), []string{"liabilities.csv:4", `"USDC"`, `"-5"`, "negative"}},
		{"more decimals than the asset has", "liabilities.csv", replaceLine(2, "acct-1000,1.0000001,1,0"), []string{"liabilities.csv:2", `"USDC"`, "more than 6 decimals"}},
		{"duplicate user", "liabilities.csv", replaceLine(5, "acct-1000,1,1,0"), []string{"liabilities.csv:5", `"user_id"`, `"acct-1000"`, "duplicate user"}},
		{"unknown asset column", "liabilities.csv", replaceLine(1, "user_id,USDC,WETH,DOGE"), []string{"liabilities.csv:1", `"DOGE"`, "unknown asset"}},
		{"unknown asset in positions", "positions.csv", replaceLine(2, "DOGE,vault,1"), []string{"positions.csv:2", `"asset"`, `"DOGE"`, "unknown asset"}},
		{"negative position", "positions.csv", replaceLine(3, "USDC,aave,-1"), []string{"positions.csv:3", `"amount"`, "negative"}},
		{"zero price", "prices.csv", replaceLine(3, "WETH,0"), []string{"prices.csv:3", `"price_usd"`, "positive"}},
		{"unknown policy field", "policy.json", func(s string) string {
			return strings.Replace(s, `"paused": false`, `"paused": false,
  "maxLeverage": 3`, 1)
		}, []string{"policy.json:", `"maxLeverage"`, "unknown field"}},
		{"policy haircut above 100%", "policy.json", func(s string) string {
			return strings.Replace(s, `"aave": 200`, `"aave": 20000`, 1)
		}, []string{"policy.json", "haircutsBps.aave", "20000"}},
		{"balance over 2^64 units", "liabilities.csv", replaceLine(2, "acct-1000,18446744073709.551616,1,0"), []string{"acct-1000", "USDC", "does not fit"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := copyCase(t, map[string]func(string) string{tc.file: tc.edit})
			out := filepath.Join(dir, "out", "proof.json")
			code, stdout, stderr := run(t, "prove", "solvency", "--case", dir, "--out", out, "--keys", filepath.Join(dir, "keys"))
			if code != cmdutil.ExitError {
				t.Fatalf("exit %d, want %d; stderr:\n%s\nstdout:\n%s", code, cmdutil.ExitError, stderr, stdout)
			}
			for _, w := range tc.want {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr lacks %q:\n%s", w, stderr)
				}
			}
			if _, err := os.Stat(out); !os.IsNotExist(err) {
				t.Errorf("output file written despite the error (stat err %v)", err)
			}
		})
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"prove", "solvency", "--case", solventCase, "--backend", "snark"},
		{"prove", "solvency", "--case", solventCase, "--range-check", "table"},
		{"keys", "setup", "nonsense", "--insecure-dev"},
		{"prove", "solvency", "--no-such-flag"},
		{"inclusion", "verify", "x.json"},
		{"prove", "solvency"},
	} {
		if code, _, stderr := run(t, args...); code != cmdutil.ExitUsage {
			t.Errorf("%v: exit %d, want %d (%s)", args, code, cmdutil.ExitUsage, stderr)
		}
	}
}

func TestSetupRequiresInsecureDev(t *testing.T) {
	code, _, stderr := run(t, "keys", "setup", "solvency", "--case", solventCase, "--keys", t.TempDir())
	if code != cmdutil.ExitError || !strings.Contains(stderr, "--insecure-dev") {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
}

// TestSolvencyEndToEnd drives the CLI as an operator and a user would: setup,
// prove, verify, export an inclusion proof, verify it, and see the insolvent
// case refused with exit 3 and no proof written.
func TestSolvencyEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a setup and a proof")
	}
	dir := t.TempDir()
	keysDir := filepath.Join(dir, "keys")
	proof := filepath.Join(dir, "solvency.proof.json")
	if code, _, stderr := run(t, "keys", "setup", "solvency", "--insecure-dev", "--case", solventCase, "--keys", keysDir, "--json"); code != 0 {
		t.Fatalf("setup: exit %d: %s", code, stderr)
	} else if !strings.Contains(stderr, "INSECURE") && !strings.Contains(stderr, "insecure") {
		t.Errorf("setup did not warn that it is insecure: %s", stderr)
	}
	code, stdout, stderr := run(t, "prove", "solvency", "--case", solventCase, "--keys", keysDir, "--out", proof, "--json")
	if code != 0 {
		t.Fatalf("prove: exit %d: %s", code, stderr)
	}
	var res struct {
		Solvent bool `json:"solvent"`
	}
	if err := json.Unmarshal([]byte(stdout), &res); err != nil || !res.Solvent {
		t.Fatalf("prove --json output %q: %v", stdout, err)
	}
	if code, _, stderr := run(t, "verify", proof, "--keys", keysDir); code != 0 {
		t.Fatalf("verify: exit %d: %s", code, stderr)
	}
	incl := filepath.Join(dir, "user.json")
	if code, _, stderr := run(t, "inclusion", "export", "--case", solventCase, "--user", "user-002@example.org", "--out", incl); code != 0 {
		t.Fatalf("inclusion export: exit %d: %s", code, stderr)
	}
	if code, _, stderr := run(t, "inclusion", "verify", incl, "--proof", proof, "--keys", keysDir); code != 0 {
		t.Fatalf("inclusion verify: exit %d: %s", code, stderr)
	}
	// A tampered proof file is rejected with exit 3.
	data, _ := os.ReadFile(proof)
	var pf map[string]any
	_ = json.Unmarshal(data, &pf)
	pis := pf["publicInputs"].([]any)
	pis[1].(map[string]any)["value"] = "0x01"
	data, _ = json.Marshal(pf)
	bad := filepath.Join(dir, "bad.proof.json")
	_ = os.WriteFile(bad, data, 0o644)
	if code, _, _ := run(t, "verify", bad, "--keys", keysDir); code != cmdutil.ExitNo {
		t.Errorf("tampered proof: exit %d, want %d", code, cmdutil.ExitNo)
	}
	// The user is not included under another root: exit 3.
	if code, _, _ := run(t, "inclusion", "verify", incl, "--root", "0x01", "--epoch", "1", "--capacity", "16", "--policy", solventCase+"/policy.json"); code != cmdutil.ExitNo {
		t.Errorf("wrong root: exit %d, want %d", code, cmdutil.ExitNo)
	}
	// An unknown user is an error, not a "no".
	if code, _, _ := run(t, "inclusion", "export", "--case", solventCase, "--user", "nobody"); code != cmdutil.ExitError {
		t.Errorf("unknown user: exit %d, want %d", code, cmdutil.ExitError)
	}
	// Insolvent: exit 3, no proof file.
	insolvent := filepath.Join(dir, "insolvent.proof.json")
	if code, _, _ := run(t, "prove", "solvency", "--case", "../../../../testdata/solvency/insolvent", "--keys", keysDir, "--out", insolvent); code != cmdutil.ExitNo {
		t.Errorf("insolvent: exit %d, want %d", code, cmdutil.ExitNo)
	}
	if _, err := os.Stat(insolvent); !os.IsNotExist(err) {
		t.Errorf("insolvent case wrote a proof file")
	}
}

// TestPolicyCommitMatchesProof: the commitment an auditor recomputes from the
// policy file is the policyCommitment public input pinned in the golden file.
func TestPolicyCommitMatchesProof(t *testing.T) {
	code, stdout, stderr := run(t, "policy", "commit", "--policy", solventCase+"/policy.json", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var res struct {
		Commitment string `json:"commitment"`
	}
	if err := json.Unmarshal([]byte(stdout), &res); err != nil {
		t.Fatal(err)
	}
	golden, err := os.ReadFile(solventCase + "/public.golden.json")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(golden), `"policyCommitment",
    "value": "`+res.Commitment+`"`) {
		t.Fatalf("policy commit %s is not the golden policyCommitment", res.Commitment)
	}
}

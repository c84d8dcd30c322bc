package root

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
)

const crashCase = "../../../../testdata/cases/crash-rebalance"

// malformation is one broken input file: which file, how it is broken.
type malformation struct {
	name string
	file string
	edit func(string) string
}

func sub(old, new string) func(string) string {
	return func(s string) string {
		if !strings.Contains(s, old) {
			panic("fixture lacks " + old)
		}
		return strings.Replace(s, old, new, 1)
	}
}

func truncate(s string) string { return s[:len(s)/2] }

func appendLine(line string) func(string) string {
	return func(s string) string { return s + line + "\n" }
}

func dupLine(n int) func(string) string {
	return func(s string) string {
		lines := strings.SplitAfter(s, "\n")
		return strings.Join(lines[:n], "") + lines[n-1] + strings.Join(lines[n:], "")
	}
}

// located matches an error that names a line (file:N) or a field.
var located = regexp.MustCompile(`\.(json|csv|jsonl):\d+|field "[^"]+"`)

// checkMalformed runs args on a fresh copy of src with the file broken, and
// requires exit 1, the file's name and a line or field in stderr, and nothing
// at out.
func checkMalformed(t *testing.T, src string, m malformation, args func(dir string) (cmd []string, out string)) {
	t.Helper()
	dir := copyTree(t, src)
	path := filepath.Join(dir, m.file)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(m.edit(string(data))), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd, out := args(dir)
	code, stdout, stderr := run(t, cmd...)
	if code != cmdutil.ExitError {
		t.Fatalf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, cmdutil.ExitError, stdout, stderr)
	}
	if !strings.Contains(stderr, filepath.Base(m.file)) {
		t.Errorf("stderr does not name %s:\n%s", filepath.Base(m.file), stderr)
	}
	if !located.MatchString(stderr) {
		t.Errorf("stderr names no line or field:\n%s", stderr)
	}
	if out != "" {
		if _, err := os.Stat(out); !os.IsNotExist(err) {
			t.Errorf("%s exists after the error", out)
		}
	}
}

// copyTree copies a case directory with its subdirectories.
func copyTree(t *testing.T, src string) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.Walk(src, func(path string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		if info.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// epochInputMalformations break each input file an epoch proof reads.
var epochInputMalformations = []malformation{
	{"policy truncated", "policy.json", truncate},
	{"policy wrong type", "policy.json", sub(`"maxSlippageBps": 50`, `"maxSlippageBps": "50"`)},
	{"policy unknown field", "policy.json", sub(`"paused": false`, `"paused": false, "leverage": 3`)},
	{"policy negative amount", "policy.json", sub(`"maxSlippageBps": 50`, `"maxSlippageBps": -50`)},
	{"policy overflow amount", "policy.json", sub(`"notionalCapUSD": "250000"`, `"notionalCapUSD": "1000000000000000000000000000000000000000000"`)},
	{"policy duplicate asset", "policy.json", sub(`"symbol": "WBTC"`, `"symbol": "WETH"`)},
	{"prices truncated", "prices.csv", func(s string) string { return s[:strings.LastIndex(strings.TrimRight(s, "\n"), ",")+1] }},
	{"prices wrong type", "prices.csv", sub("WETH,1210.00", "WETH,twelve")},
	{"prices unknown column", "prices.csv", func(s string) string {
		return strings.ReplaceAll(strings.Replace(s, "price_usd", "price_usd,source", 1), "\n", ",x\n")[len("asset,price_usd,source,x\n")-len("asset,price_usd,source\n"):]
	}},
	{"prices negative", "prices.csv", sub("WETH,1210.00", "WETH,-1210.00")},
	{"prices overflow", "prices.csv", sub("WETH,1210.00", "WETH,1e300")},
	{"prices duplicate row", "prices.csv", dupLine(2)},
	{"prices missing column", "prices.csv", func(s string) string { return "asset\nUSDC\nWETH\nWBTC\n" }},
	{"positions truncated", "positions.csv", func(s string) string { return s[:len(s)-12] }},
	{"positions wrong type", "positions.csv", sub("WBTC,aave,3.00000000", "WBTC,aave,three")},
	{"positions unknown column", "positions.csv", func(s string) string {
		lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
		for i := range lines {
			lines[i] += ",x"
		}
		return strings.Join(lines, "\n") + "\n"
	}},
	{"positions negative", "positions.csv", sub("WBTC,aave,3.00000000", "WBTC,aave,-3.00000000")},
	{"positions overflow", "positions.csv", sub("WBTC,aave,3.00000000", "WBTC,aave,300000000000.00000000")},
	{"positions duplicate row", "positions.csv", dupLine(3)},
	{"positions missing column", "positions.csv", dropLastColumn},
	{"ledger truncated", "liabilities.csv", func(s string) string { return s[:len(s)-8] }},
	{"ledger wrong type", "liabilities.csv", sub("acct-1000,234649.90", "acct-1000,lots")},
	{"ledger unknown column", "liabilities.csv", func(s string) string {
		lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
		lines[0] += ",DOGE"
		for i := 1; i < len(lines); i++ {
			lines[i] += ",1"
		}
		return strings.Join(lines, "\n") + "\n"
	}},
	{"ledger negative", "liabilities.csv", sub("acct-1000,234649.90", "acct-1000,-234649.90")},
	{"ledger overflow", "liabilities.csv", sub("acct-1000,234649.90", "acct-1000,18446744073709.551616")},
	{"ledger duplicate row", "liabilities.csv", dupLine(4)},
	{"ledger missing column", "liabilities.csv", dropLastColumn},
	{"action log truncated", "actions.jsonl", truncate},
	{"action log wrong type", "actions.jsonl", sub(`"seq":0`, `"seq":"0"`)},
	{"action log unknown field", "actions.jsonl", sub(`"seq":0,`, `"seq":0,"note":"x",`)},
	{"action log negative amount", "actions.jsonl", sub(`"amountIn":"88512158431"`, `"amountIn":"-88512158431"`)},
	{"action log overflow amount", "actions.jsonl", sub(`"amountIn":"88512158431"`, `"amountIn":"18446744073709551616"`)},
	{"action log duplicate row", "actions.jsonl", dupLine(2)},
	{"secrets wrong type", "secrets.json", sub(`"stateSalt": "`, `"stateSalt": 1, "x": "`)},
	{"case wrong type", "case.json", sub(`"epoch": 1`, `"epoch": "1"`)},
}

// TestProveEpochMalformed: `prove epoch` on each malformed input.
func TestProveEpochMalformed(t *testing.T) {
	for _, m := range epochInputMalformations {
		t.Run(m.name, func(t *testing.T) {
			checkMalformed(t, crashCase, m, func(dir string) ([]string, string) {
				out := filepath.Join(dir, "out", "epoch.proof.json")
				return []string{"prove", "epoch", "--case", dir, "--keys", filepath.Join(dir, "keys"), "--out", out}, out
			})
		})
	}
}

// TestAuditMalformed: `audit` on each malformed input, and on its own files
// (goldens, inclusion files).
func TestAuditMalformed(t *testing.T) {
	ms := append([]malformation(nil), epochInputMalformations...)
	ms = append(ms,
		malformation{"golden truncated", "public.golden.json", truncate},
		malformation{"golden unknown field", "public.golden.json", sub(`"name": "policyCommitment",`, `"name": "policyCommitment", "x": 1,`)},
		malformation{"commitments golden wrong type", "commitments.golden.json", sub(`"name": "policyCommitment"`, `"name": 7`)},
		malformation{"inclusion file truncated", "inclusion/acct-1003.json", truncate},
		malformation{"inclusion file wrong type", "inclusion/acct-1003.json", sub(`"leafIndex": `, `"leafIndex": "`)},
		malformation{"inclusion file unknown field", "inclusion/acct-1003.json", sub(`"userId":`, `"note": "x", "userId":`)},
		malformation{"inclusion file negative units", "inclusion/acct-1003.json", sub(`"units": `, `"units": -`)},
	)
	for _, m := range ms {
		t.Run(m.name, func(t *testing.T) {
			checkMalformed(t, crashCase, m, func(dir string) ([]string, string) {
				out := filepath.Join(dir, "out")
				return []string{"audit", dir, "--keys", filepath.Join(dir, "keys"), "--cache", filepath.Join(dir, "cache"), "--out", out}, out
			})
		})
	}
}

// minimalProof is a proof file that parses (its proof is not checked before
// the file is read).
const minimalProof = `{
  "format": "zktreasury-proof/1",
  "circuit": "epoch",
  "params": "u16-k6-a3-v3-bits",
  "backend": "groth16",
  "circuitDigest": "a3f36c377a57b67445096203205e3474abb57d1f2548f481b59ef0f3ab96203a",
  "verifyingKeyDigest": "2a5adfc43936b29b5c9e82976816f8b726d2b4e9f9e3b22d49de07c1721dcc55",
  "insecureSetup": true,
  "publicInputs": [],
  "proof": "0x00",
  "solidity": {"proof": "0x00", "input": []}
}
`

var proofMalformations = []malformation{
	{"proof truncated", "p.proof.json", truncate},
	{"proof wrong type", "p.proof.json", sub(`"insecureSetup": true`, `"insecureSetup": "yes"`)},
	{"proof unknown field", "p.proof.json", sub(`"circuit": "epoch",`, `"circuit": "epoch", "verifyingKey": "0x00",`)},
	{"proof wrong format", "p.proof.json", sub(`zktreasury-proof/1`, `zktreasury-proof/0`)},
	{"proof trailing data", "p.proof.json", appendLine("{}")},
	{"proof digest not hex", "p.proof.json", sub(`"circuitDigest": "a3`, `"circuitDigest": "zz`)},
}

func withProof(t *testing.T) string {
	t.Helper()
	dir := copyTree(t, crashCase)
	if err := os.WriteFile(filepath.Join(dir, "p.proof.json"), []byte(minimalProof), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestVerifyMalformed: `verify` on each malformed proof file.
func TestVerifyMalformed(t *testing.T) {
	for _, m := range proofMalformations {
		t.Run(m.name, func(t *testing.T) {
			checkMalformed(t, withProof(t), m, func(dir string) ([]string, string) {
				return []string{"verify", filepath.Join(dir, "p.proof.json"), "--keys", "../../../../testdata/keys"}, ""
			})
		})
	}
}

// TestInclusionVerifyMalformed: `inclusion verify` on each malformed
// inclusion file and proof file.
func TestInclusionVerifyMalformed(t *testing.T) {
	ms := append([]malformation(nil), proofMalformations...)
	ms = append(ms,
		malformation{"inclusion truncated", "inclusion/acct-1003.json", truncate},
		malformation{"inclusion wrong type", "inclusion/acct-1003.json", sub(`"leafIndex": `, `"leafIndex": "`)},
		malformation{"inclusion unknown field", "inclusion/acct-1003.json", sub(`"userId":`, `"note": "x", "userId":`)},
		malformation{"inclusion negative units", "inclusion/acct-1003.json", sub(`"units": `, `"units": -`)},
		malformation{"inclusion overflow units", "inclusion/acct-1003.json", sub(`"units": `, `"units": 99999999999999999999`)},
		malformation{"inclusion wrong format", "inclusion/acct-1003.json", sub(`zktreasury-inclusion/2`, `zktreasury-inclusion/1`)},
	)
	for _, m := range ms {
		t.Run(m.name, func(t *testing.T) {
			checkMalformed(t, withProof(t), m, func(dir string) ([]string, string) {
				return []string{"inclusion", "verify", filepath.Join(dir, "inclusion", "acct-1003.json"), "--proof", filepath.Join(dir, "p.proof.json")}, ""
			})
		})
	}
}

const minimalDeployment = `{
  "format": "zktreasury-deployment/2",
  "chainId": 1337,
  "registry": "0x00000000000000000000000000000000000000aa",
  "feeds": [{"symbol": "USDC", "aggregator": "0x00000000000000000000000000000000000000bb"}]
}
`

// TestDeploymentMalformed: `epoch status` on each malformed deployment file
// (read before any connection: the RPC URL is never dialled).
func TestDeploymentMalformed(t *testing.T) {
	ms := []malformation{
		{"deployment truncated", "deployment.json", truncate},
		{"deployment wrong type", "deployment.json", sub(`"chainId": 1337`, `"chainId": "1337"`)},
		{"deployment unknown field", "deployment.json", sub(`"chainId": 1337,`, `"chainId": 1337, "owner": "me",`)},
		{"deployment bad address", "deployment.json", sub(`0x00000000000000000000000000000000000000aa`, `0xnot-an-address`)},
		{"deployment no registry", "deployment.json", sub(`"registry": "0x00000000000000000000000000000000000000aa",`, ``)},
		{"deployment wrong format", "deployment.json", sub(`deployment/2`, `deployment/1`)},
	}
	for _, m := range ms {
		t.Run(m.name, func(t *testing.T) {
			src := t.TempDir()
			if err := os.WriteFile(filepath.Join(src, "deployment.json"), []byte(minimalDeployment), 0o644); err != nil {
				t.Fatal(err)
			}
			checkMalformed(t, src, m, func(dir string) ([]string, string) {
				return []string{"epoch", "status", "--rpc", "http://127.0.0.1:1", "--deployment", filepath.Join(dir, "deployment.json")}, ""
			})
		})
	}
}

// TestMalformedControls: the unbroken proof and deployment files the tables
// start from get past reading, so each malformation is what is refused.
func TestMalformedControls(t *testing.T) {
	dir := withProof(t)
	_, _, stderr := run(t, "verify", filepath.Join(dir, "p.proof.json"), "--keys", "../../../../testdata/keys")
	if strings.Contains(stderr, "p.proof.json:") {
		t.Errorf("the control proof file is refused as malformed: %s", stderr)
	}
	src := t.TempDir()
	path := filepath.Join(src, "deployment.json")
	if err := os.WriteFile(path, []byte(minimalDeployment), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, stderr = run(t, "epoch", "status", "--rpc", "http://127.0.0.1:1", "--deployment", path)
	if strings.Contains(stderr, "deployment.json") {
		t.Errorf("the control deployment file is refused as malformed: %s", stderr)
	}
}

// TestMalformedPerCommand: every other command that reads an input file, on
// each malformation of the files it reads.
func TestMalformedPerCommand(t *testing.T) {
	noLog := func(m malformation) bool { return m.file != "actions.jsonl" }
	noLogNoLedger := func(m malformation) bool { return noLog(m) && m.file != "liabilities.csv" }
	commands := []struct {
		name  string
		reads func(malformation) bool
		args  func(dir string) ([]string, string)
	}{
		{"prove solvency", noLog, func(dir string) ([]string, string) {
			out := filepath.Join(dir, "out", "s.proof.json")
			return []string{"prove", "solvency", "--case", dir, "--keys", filepath.Join(dir, "keys"), "--out", out}, out
		}},
		{"prove compliance", func(m malformation) bool { return m.file != "liabilities.csv" }, func(dir string) ([]string, string) {
			out := filepath.Join(dir, "out", "c.proof.json")
			return []string{"prove", "compliance", "--case", dir, "--keys", filepath.Join(dir, "keys"), "--out", out}, out
		}},
		{"inclusion export", func(m malformation) bool { return noLog(m) && m.file != "prices.csv" && m.file != "positions.csv" }, func(dir string) ([]string, string) {
			out := filepath.Join(dir, "out", "u.json")
			return []string{"inclusion", "export", "--case", dir, "--user", "acct-1003", "--out", out}, out
		}},
		{"policy check", func(m malformation) bool {
			return noLogNoLedger(m) && m.file != "secrets.json" && m.file != "case.json"
		}, func(dir string) ([]string, string) {
			return []string{"policy", "check", "--policy", filepath.Join(dir, "policy.json"), "--positions", filepath.Join(dir, "positions.csv"),
				"--prices", filepath.Join(dir, "prices.csv")}, ""
		}},
	}
	for _, c := range commands {
		for _, m := range epochInputMalformations {
			if !c.reads(m) {
				continue
			}
			t.Run(c.name+"/"+m.name, func(t *testing.T) { checkMalformed(t, crashCase, m, c.args) })
		}
	}
	// epoch submit reads the deployment and the proof before it dials.
	for _, m := range proofMalformations {
		t.Run("epoch submit/"+m.name, func(t *testing.T) {
			checkMalformed(t, withProof(t), m, func(dir string) ([]string, string) {
				dep := filepath.Join(dir, "deployment.json")
				if err := os.WriteFile(dep, []byte(minimalDeployment), 0o644); err != nil {
					t.Fatal(err)
				}
				return []string{"epoch", "submit", "--rpc", "http://127.0.0.1:1", "--dev-account", "--deployment", dep, filepath.Join(dir, "p.proof.json")}, ""
			})
		})
	}
}

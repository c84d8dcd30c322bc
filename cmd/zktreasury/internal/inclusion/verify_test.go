package inclusion_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/root"
	"github.com/zktreasury/zktreasury/prover/inclusion"
	"github.com/zktreasury/zktreasury/prover/prooffile"
	"github.com/zktreasury/zktreasury/prover/statement"
	"github.com/zktreasury/zktreasury/treasury"
)

const solventCase = "../../../../testdata/solvency/solvent"

func run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = root.Main(args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

type fixture struct {
	dir, incl, proof, policy string
	st                       *statement.Solvency
	pol                      *treasury.Policy
}

// setup exports a user's inclusion file and writes a proof file stating the
// fixture's public inputs (its proof bytes are not a proof: the checks below
// that do not pass --keys never look at them).
func setup(t *testing.T) *fixture {
	t.Helper()
	fx := &fixture{dir: t.TempDir()}
	fx.incl = filepath.Join(fx.dir, "user.json")
	if code, _, stderr := run(t, "inclusion", "export", "--case", solventCase, "--user", "user-002@example.org", "--out", fx.incl); code != 0 {
		t.Fatalf("inclusion export: exit %d: %s", code, stderr)
	}
	in, err := statement.LoadSolvencyInputs(statement.CaseFiles(solventCase))
	if err != nil {
		t.Fatal(err)
	}
	cp, err := statement.LoadCaseParams(solventCase)
	if err != nil {
		t.Fatal(err)
	}
	in.Epoch, in.Capacity = cp.Epoch, cp.Capacity
	if fx.st, err = statement.BuildSolvency(in); err != nil {
		t.Fatal(err)
	}
	fx.pol = in.Policy
	var symbols []string
	for _, a := range in.Policy.Assets {
		symbols = append(symbols, a.Symbol)
	}
	fx.proof = filepath.Join(fx.dir, "solvency.proof.json")
	pf := &prooffile.File{Circuit: "solvency", Params: fx.st.Params.String(), Backend: "groth16",
		CircuitDigest: strings.Repeat("0", 64), PublicInputs: fx.st.Public(symbols), Proof: "0x00"}
	if err := prooffile.Write(fx.proof, pf); err != nil {
		t.Fatal(err)
	}
	fx.policy = filepath.Join(solventCase, "policy.json")
	return fx
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

func asset(m map[string]any, i int) map[string]any {
	return m["assets"].([]any)[i].(map[string]any)
}

func TestVerifyHonest(t *testing.T) {
	fx := setup(t)
	code, stdout, stderr := run(t, "inclusion", "verify", fx.incl, "--proof", fx.proof)
	if code != 0 {
		t.Fatalf("exit %d: %s%s", code, stdout, stderr)
	}
	for _, want := range []string{"INCLUDED", "epoch    1", "USDC", "45171.370000 counted", "NOT VERIFIED", "16 leaves"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, stdout)
		}
	}
	if !strings.Contains(stderr, "not verified") {
		t.Errorf("no warning that the proof was not verified: %q", stderr)
	}
	// --json keeps the hex and says the proof was not verified.
	code, stdout, _ = run(t, "inclusion", "verify", fx.incl, "--proof", fx.proof, "--policy", fx.policy, "--json")
	var res struct {
		Included         bool              `json:"included"`
		Epoch            uint64            `json:"epoch"`
		ProofVerified    bool              `json:"proofVerified"`
		PolicyCommitment string            `json:"policyCommitment"`
		Balances         map[string]string `json:"balances"`
	}
	if err := json.Unmarshal([]byte(stdout), &res); err != nil || code != 0 {
		t.Fatalf("exit %d, %v: %s", code, err, stdout)
	}
	if !res.Included || res.ProofVerified || res.Epoch != 1 || res.Balances["WETH"] != "14.463123" || res.PolicyCommitment != statement.Hex(fx.st.PolicyCommitment) {
		t.Errorf("json result %+v", res)
	}
	// By hand: --root, --epoch, --capacity and the user's policy.
	if code, stdout, stderr := run(t, "inclusion", "verify", fx.incl, "--root", statement.Hex(fx.st.Root()), "--epoch", "1", "--capacity", "16", "--policy", fx.policy); code != 0 {
		t.Fatalf("--root: exit %d: %s%s", code, stdout, stderr)
	}
}

// TestVerifyTampered: each cheat starts from the honest export and changes only
// its target; each is a "no" (exit 3) naming what is wrong.
func TestVerifyTampered(t *testing.T) {
	fx := setup(t)
	looser := filepath.Join(fx.dir, "looser.json")
	editJSON(t, fx.policy, looser, func(m map[string]any) { m["minSolvencyRatioBps"] = m["minSolvencyRatioBps"].(float64) - 1 })
	swapped := filepath.Join(fx.dir, "swapped.json")
	editJSON(t, fx.policy, swapped, func(m map[string]any) {
		a := m["assets"].([]any)
		a[0].(map[string]any)["symbol"], a[1].(map[string]any)["symbol"] = a[1].(map[string]any)["symbol"], a[0].(map[string]any)["symbol"]
	})
	for _, c := range []struct {
		name  string
		edit  func(m map[string]any)
		extra []string
		want  string
	}{
		{"issue: WETH shown as 7 with circuitDecimals 0", func(m map[string]any) {
			w := asset(m, 1)
			w["balance"], w["circuitDecimals"], w["units"] = "7", 0, 7
		}, nil, "circuit decimals"},
		{"changed decimals", func(m map[string]any) { asset(m, 1)["circuitDecimals"] = 18 }, nil, "circuit decimals"},
		{"decimals changed in the carried policy too", func(m map[string]any) {
			asset(m, 1)["circuitDecimals"] = 0
			asset(m["policy"].(map[string]any), 1)["circuitDecimals"] = 0
		}, nil, "policy commitment"},
		{"swapped symbols and balances", func(m map[string]any) {
			a := m["assets"].([]any)
			a[0], a[1] = a[1], a[0]
		}, nil, "the policy's asset"},
		{"swapped symbols in the carried policy and the file", func(m map[string]any) {
			p := m["policy"].(map[string]any)
			asset(p, 0)["symbol"], asset(p, 1)["symbol"] = asset(p, 1)["symbol"], asset(p, 0)["symbol"]
			asset(m, 0)["symbol"], asset(m, 1)["symbol"] = asset(m, 1)["symbol"], asset(m, 0)["symbol"]
		}, nil, "policy commitment"},
		{"swapped symbols, user's policy", func(m map[string]any) {
			asset(m, 0)["symbol"], asset(m, 1)["symbol"] = asset(m, 1)["symbol"], asset(m, 0)["symbol"]
		}, []string{"--policy", swapped}, "policy commitment"},
		{"a 1 bps looser policy", func(m map[string]any) {}, []string{"--policy", looser}, "policy commitment"},
		{"another epoch", func(m map[string]any) { m["epoch"] = 2 }, nil, "epoch 2"},
		{"another capacity", func(m map[string]any) { m["capacity"] = 128 }, nil, "128 leaves"},
		{"a path one level long", func(m map[string]any) {
			m["siblings"] = append([]any{[]any{"0x00", "0x00", "0x00", "0x00", "0x00", "0x00", "0x00"}}, m["siblings"].([]any)...)
		}, nil, "levels"},
		{"a path one level short", func(m map[string]any) { m["siblings"] = m["siblings"].([]any)[1:] }, nil, "levels"},
		{"index out of range", func(m map[string]any) { m["leafIndex"] = 16 }, nil, "outside"},
		{"another index", func(m map[string]any) { m["leafIndex"] = m["leafIndex"].(float64) + 1 }, nil, "not included under the root"},
	} {
		t.Run(c.name, func(t *testing.T) {
			bad := filepath.Join(t.TempDir(), "bad.json")
			editJSON(t, fx.incl, bad, c.edit)
			args := append([]string{"inclusion", "verify", bad, "--proof", fx.proof}, c.extra...)
			code, stdout, stderr := run(t, args...)
			if code != cmdutil.ExitNo {
				t.Fatalf("exit %d, want %d: %s%s", code, cmdutil.ExitNo, stdout, stderr)
			}
			if !strings.Contains(stdout, "NOT INCLUDED") || !strings.Contains(stdout, c.want) {
				t.Fatalf("output lacks NOT INCLUDED and %q:\n%s", c.want, stdout)
			}
		})
	}
	// A proof of another epoch: the file says 1, the proof 2.
	other := filepath.Join(fx.dir, "epoch2.proof.json")
	editJSON(t, fx.proof, other, func(m map[string]any) {
		m["publicInputs"].([]any)[3].(map[string]any)["value"] = "0x02"
	})
	if code, stdout, _ := run(t, "inclusion", "verify", fx.incl, "--proof", other); code != cmdutil.ExitNo || !strings.Contains(stdout, "epoch 2") {
		t.Errorf("proof of epoch 2: exit %d:\n%s", code, stdout)
	}
	// --root with a wrong epoch or capacity, by hand.
	for _, args := range [][]string{{"--epoch", "2", "--capacity", "16"}, {"--epoch", "1", "--capacity", "64"}} {
		a := append([]string{"inclusion", "verify", fx.incl, "--root", statement.Hex(fx.st.Root()), "--policy", fx.policy}, args...)
		if code, stdout, _ := run(t, a...); code != cmdutil.ExitNo {
			t.Errorf("%v: exit %d:\n%s", args, code, stdout)
		}
	}
}

func TestVerifyUsage(t *testing.T) {
	fx := setup(t)
	for _, args := range [][]string{
		{fx.incl},
		{fx.incl, "--proof", fx.proof, "--root", "0x01"},
		{fx.incl, "--proof", fx.proof, "--capacity", "64"},
		{fx.incl, "--proof", fx.proof, "--epoch", "2"},
		{fx.incl, "--root", "0x01", "--epoch", "1", "--capacity", "16"},
		{fx.incl, "--root", "0x01", "--policy", fx.policy, "--capacity", "16"},
		{fx.incl, "--registry", "0x0000000000000000000000000000000000000001", "--rpc", "http://127.0.0.1:1", "--policy", fx.policy, "--capacity", "16"},
		{fx.incl, "--registry", "0x0000000000000000000000000000000000000001", "--rpc", "http://127.0.0.1:1", "--capacity", "16"},
		{fx.incl, "--root", "0x01", "--keys", "keys", "--epoch", "1", "--capacity", "16", "--policy", fx.policy},
	} {
		if code, _, stderr := run(t, append([]string{"inclusion", "verify"}, args...)...); code != cmdutil.ExitUsage {
			t.Errorf("%v: exit %d, want %d (%s)", args, code, cmdutil.ExitUsage, stderr)
		}
	}
	// An old-format file is an input error naming the field.
	old := filepath.Join(fx.dir, "old.json")
	editJSON(t, fx.incl, old, func(m map[string]any) { m["format"] = "zktreasury-inclusion/1" })
	if code, _, stderr := run(t, "inclusion", "verify", old, "--proof", fx.proof); code != cmdutil.ExitError || !strings.Contains(stderr, "format") {
		t.Errorf("old format: exit %d: %s", code, stderr)
	}
	// The file the export wrote carries a policy with the proof's commitment.
	f, err := inclusion.Read(fx.incl)
	if err != nil {
		t.Fatal(err)
	}
	if err := inclusion.CheckPolicy(fx.pol, fx.st.PolicyCommitment); err != nil {
		t.Fatal(err)
	}
	carried, err := f.FilePolicy(fx.incl)
	if err != nil {
		t.Fatal(err)
	}
	if err := inclusion.CheckPolicy(carried, fx.st.PolicyCommitment); err != nil {
		t.Fatalf("carried policy: %v", err)
	}
}

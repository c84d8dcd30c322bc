package policy

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
	"github.com/zktreasury/zktreasury/treasury"
)

const fixture = "../../../../testdata/engine"

func run(t *testing.T, args ...string) (string, error) {
	t.Helper()
	var out bytes.Buffer
	cmd := NewCmdPolicy(&cmdutil.Factory{In: strings.NewReader(""), Out: &out, Err: &bytes.Buffer{}})
	cmd.SetArgs(args)
	cmd.SetOut(&bytes.Buffer{})
	cmd.SetErr(&bytes.Buffer{})
	err := cmd.Execute()
	return out.String(), err
}

func TestNewCmdCheckFlags(t *testing.T) {
	var got *CheckOptions
	cmd := newCmdCheck(&cmdutil.Factory{}, func(o *CheckOptions) error { got = o; return nil })
	cmd.SetArgs([]string{"--policy", "p", "--positions", "q", "--prices", "r", "--liabilities", "l", "--json"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if got.Paths.Policy != "p" || got.Paths.Positions != "q" || got.Paths.Prices != "r" || got.Paths.Liabilities != "l" || !got.JSON {
		t.Fatalf("options %+v", got)
	}
}

func TestPolicyCheck(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	data, err := os.ReadFile(fixture + "/policy.json")
	if err != nil {
		t.Fatal(err)
	}
	unknown := write("unknown.json", strings.Replace(string(data), `"paused": false`, `"paused": false, "pause": true`, 1))
	badBand := write("band.json", strings.Replace(string(data), `"weightMinBps": 2500, "weightMaxBps": 4500`, `"weightMinBps": 4600, "weightMaxBps": 4500`, 1))
	ratio9999 := write("ratio9999.json", strings.Replace(string(data), `"minSolvencyRatioBps": 10500`, `"minSolvencyRatioBps": 9999`, 1))
	ratio1 := write("ratio1.json", strings.Replace(string(data), `"minSolvencyRatioBps": 10500`, `"minSolvencyRatioBps": 1`, 1))
	ratio10000 := write("ratio10000.json", strings.Replace(string(data), `"minSolvencyRatioBps": 10500`, `"minSolvencyRatioBps": 10000`, 1))
	inBand := write("positions.csv", "asset,venue,amount\nUSDC,vault,15000000\nDAI,vault,7500000\nWETH,vault,5833\nWBTC,vault,166\n")
	tests := []struct {
		name      string
		args      []string
		wantCode  int
		wantOut   string
		wantField string
	}{
		{name: "valid policy alone", args: []string{"check", "--policy", fixture + "/policy.json"}, wantCode: 0, wantOut: "is valid"},
		{name: "fixture positions: WETH out of band", args: []string{"check", "--dir", fixture}, wantCode: cmdutil.ExitNo, wantOut: "WETH at 45.28% is outside [25.00%, 45.00%]"},
		{name: "min ratio 9999 bps is invalid", args: []string{"check", "--policy", ratio9999}, wantCode: cmdutil.ExitError, wantField: "minSolvencyRatioBps"},
		{name: "min ratio 1 bps is invalid", args: []string{"check", "--policy", ratio1}, wantCode: cmdutil.ExitError, wantField: "minSolvencyRatioBps"},
		{name: "min ratio 100% is valid", args: []string{"check", "--policy", ratio10000}, wantCode: 0, wantOut: "min solvency ratio 100.00%"},
		{name: "positions inside every corridor", args: []string{"check", "--dir", fixture, "--positions", inBand}, wantCode: 0, wantOut: "inside every corridor"},
		{name: "unknown field", args: []string{"check", "--policy", unknown}, wantCode: cmdutil.ExitError, wantField: "pause"},
		{name: "band inverted", args: []string{"check", "--policy", badBand}, wantCode: cmdutil.ExitError, wantField: "assets[2].weightMaxBps"},
		{name: "positions without prices", args: []string{"check", "--policy", fixture + "/policy.json", "--positions", inBand}, wantCode: cmdutil.ExitUsage},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, err := run(t, tc.args...)
			if code := cmdutil.ExitCode(err); code != tc.wantCode {
				t.Fatalf("exit %d, want %d (err %v)\n%s", code, tc.wantCode, err, out)
			}
			if tc.wantOut != "" && !strings.Contains(out, tc.wantOut) {
				t.Fatalf("output lacks %q:\n%s", tc.wantOut, out)
			}
			if tc.wantField != "" {
				var ie *treasury.InputError
				if !errors.As(err, &ie) || ie.Field != tc.wantField || !strings.Contains(err.Error(), filepath.Base(ie.File)) {
					t.Fatalf("err = %v, want an input error on field %q", err, tc.wantField)
				}
			}
		})
	}
}

func TestPolicyCheckJSON(t *testing.T) {
	out, err := run(t, "check", "--dir", fixture, "--json")
	if cmdutil.ExitCode(err) != cmdutil.ExitNo {
		t.Fatalf("err = %v", err)
	}
	var r CheckResult
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	if !r.Checked || len(r.Breaches) != 1 || r.SolvencyRatioBps == nil || *r.Assets[2].InBand {
		t.Fatalf("result %+v", r)
	}
}

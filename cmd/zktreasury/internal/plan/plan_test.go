package plan

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
	"github.com/zktreasury/zktreasury/treasury/corridor"
)

const fixture = "../../../../testdata/engine"

func run(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	f := &cmdutil.Factory{In: strings.NewReader(""), Out: &out, Err: &errb}
	cmd := NewCmdPlan(f)
	cmd.SetArgs(args)
	cmd.SetOut(&errb)
	cmd.SetErr(&errb)
	err := cmd.Execute()
	return out.String(), errb.String(), err
}

func TestNewCmdPlanFlags(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		want    PlanOptions
		wantErr bool
	}{
		{name: "dir", args: []string{"--dir", "x"}, want: PlanOptions{}},
		{name: "all flags", args: []string{"--policy", "p", "--positions", "q", "--prices", "r", "--config", "c", "--history", "h", "--force", "--json", "--out", "o", "--epoch-seconds", "7200"}},
		{name: "positional args refused", args: []string{"extra"}, wantErr: true},
		{name: "unknown flag", args: []string{"--bogus"}, wantErr: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got *PlanOptions
			cmd := newCmdPlan(&cmdutil.Factory{Out: &bytes.Buffer{}, Err: &bytes.Buffer{}}, func(o *PlanOptions) error { got = o; return nil })
			cmd.SetArgs(tc.args)
			cmd.SetOut(&bytes.Buffer{})
			cmd.SetErr(&bytes.Buffer{})
			err := cmd.Execute()
			if (err != nil) != tc.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tc.wantErr)
			}
			if err != nil {
				return
			}
			if tc.name == "dir" && got.Paths.Dir != "x" {
				t.Fatalf("dir = %q", got.Paths.Dir)
			}
			if tc.name == "all flags" && (got.Paths.Policy != "p" || got.Paths.Positions != "q" || got.Paths.Prices != "r" || got.Paths.Config != "c" ||
				got.HistoryPath != "h" || !got.Force || !got.JSON || got.OutPath != "o" || got.EpochSeconds != 7200) {
				t.Fatalf("options %+v", got)
			}
		})
	}
}

func TestPlanFixture(t *testing.T) {
	out, _, err := run(t, "--dir", fixture)
	if err != nil {
		t.Fatalf("err = %v\n%s", err, out)
	}
	for _, want := range []string{"band: WETH at 4528 bps", "swap", "Every corridor holds",
		// Values in USD with separators, ratios in percent.
		"Turnover 5,664,444.92 USD (cap 20,000,000.00 USD); loss 4,202.28 USD (budget 150,000.00 USD)",
		"stable share 37.73% -> 38.37% (floor 25.00%)", "680,176.00 USD", "0.43%"} {
		if !strings.Contains(out, want) {
			t.Fatalf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestPlanJSONReplaysThroughTheChecker(t *testing.T) {
	outFile := filepath.Join(t.TempDir(), "plan.json")
	out, _, err := run(t, "--dir", fixture, "--json", "--out", outFile)
	if err != nil {
		t.Fatal(err)
	}
	var rep Report
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	written, err := os.ReadFile(outFile)
	if err != nil || !bytes.Equal(bytes.TrimSpace(written), bytes.TrimSpace([]byte(out))) {
		t.Fatalf("--out file differs from stdout (%v)", err)
	}
	p, err := treasury.LoadPolicy(fixture + "/policy.json")
	if err != nil {
		t.Fatal(err)
	}
	l, _ := corridor.LimitsFromPolicy(p)
	pos, _ := treasury.LoadPositions(fixture+"/positions.csv", p)
	pr, _ := treasury.LoadPrices(fixture+"/prices.csv", p)
	s, _ := corridor.StateFromPositions(p, pos)
	cp, _ := corridor.PricesFromSnapshot(p, pr)
	var acts []corridor.Action
	for _, st := range rep.Steps {
		acts = append(acts, st.Action)
	}
	if len(acts) == 0 || !rep.Complete {
		t.Fatalf("plan %+v", rep)
	}
	if _, err := corridor.CheckEpoch(l, s, cp, corridor.SecondsPerDay, acts); err != nil {
		t.Fatalf("the JSON plan fails the checker: %v", err)
	}
}

func TestPlanExitCodes(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile(fixture + "/policy.json")
	if err != nil {
		t.Fatal(err)
	}
	paused := bytes.Replace(data, []byte(`"paused": false`), []byte(`"paused": true`), 1)
	if err := os.WriteFile(filepath.Join(dir, "paused.json"), paused, 0o644); err != nil {
		t.Fatal(err)
	}
	badPos := filepath.Join(dir, "positions.csv")
	if err := os.WriteFile(badPos, []byte("asset,venue,amount\nUSDC,vault,10\nDOGE,vault,1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantMsg  string
	}{
		{name: "paused policy: the plan cannot reach its target", args: []string{"--dir", fixture, "--policy", filepath.Join(dir, "paused.json")}, wantCode: cmdutil.ExitNo, wantMsg: "paused"},
		{name: "bad positions file names file, line and field", args: []string{"--dir", fixture, "--positions", badPos}, wantCode: cmdutil.ExitError, wantMsg: "positions.csv:3: field \"asset\" = \"DOGE\""},
		{name: "missing inputs", args: []string{"--policy", fixture + "/policy.json"}, wantCode: cmdutil.ExitError, wantMsg: "positions and prices are required"},
		{name: "epoch shorter than the policy's minimum", args: []string{"--dir", fixture, "--epoch-seconds", "3599"}, wantCode: cmdutil.ExitError, wantMsg: "minEpochSeconds is 3600"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, _, err := run(t, tc.args...)
			if code := cmdutil.ExitCode(err); code != tc.wantCode {
				t.Fatalf("exit %d, want %d (err %v)", code, tc.wantCode, err)
			}
			var no *cmdutil.NoError
			msg := out
			if err != nil && !errors.As(err, &no) {
				msg = err.Error()
			}
			if !strings.Contains(msg, tc.wantMsg) {
				t.Fatalf("%q lacks %q", msg, tc.wantMsg)
			}
		})
	}
}

package backtest

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
	"github.com/zktreasury/zktreasury/treasury/actionlog"
)

const (
	engineDir = "../../../../testdata/engine/"
	series    = "../../../../testdata/backtest/crash.csv"
)

func run(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	cmd := NewCmdBacktest(&cmdutil.Factory{In: strings.NewReader(""), Out: &out, Err: &errb})
	cmd.SetArgs(args)
	cmd.SetOut(&bytes.Buffer{})
	cmd.SetErr(&bytes.Buffer{})
	err := cmd.Execute()
	return out.String(), errb.String(), err
}

func TestBacktestWritesReport(t *testing.T) {
	dir := t.TempDir()
	out, progress, err := run(t, "--policy", engineDir+"policy.json", "--config", engineDir+"engine.json", "--series", series, "--out", dir)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "corridor violations: 0") || !strings.Contains(out, "buy and hold") || !strings.Contains(progress, "day 250") {
		t.Fatalf("stdout:\n%s\nstderr:\n%s", out, progress)
	}
	html, err := os.ReadFile(filepath.Join(dir, "report.html"))
	if err != nil || bytes.Count(html, []byte("<svg")) != 3 {
		t.Fatalf("report: %v", err)
	}
	var r struct {
		Violations      int `json:"violations"`
		Actions         int `json:"actions"`
		Epochs          int `json:"epochs"`
		MaxEpochActions int `json:"maxEpochActions"`
		MaxActions      int `json:"maxActions"`
	}
	data, err := os.ReadFile(filepath.Join(dir, "result.json"))
	if err != nil || json.Unmarshal(data, &r) != nil {
		t.Fatalf("result.json: %v", err)
	}
	n := 0
	for ep := uint64(1); ep <= uint64(r.Epochs); ep++ {
		entries, err := actionlog.LoadEpoch(actionlog.EpochPath(filepath.Join(dir, "actions"), ep), ep)
		if err != nil {
			t.Fatal(err)
		}
		n += len(entries)
	}
	if n != r.Actions || r.Actions == 0 || r.Epochs == 0 || r.MaxActions != 16 || r.MaxEpochActions > r.MaxActions {
		t.Fatalf("logs: %d entries, %d actions in %d epochs, at most %d an epoch in %d slots", n, r.Actions, r.Epochs, r.MaxEpochActions, r.MaxActions)
	}
	// A second run replaces the logs.
	if _, _, err := run(t, "--policy", engineDir+"policy.json", "--config", engineDir+"engine.json", "--series", series, "--out", dir, "--quiet"); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "actions.tmp")); !os.IsNotExist(err) {
		t.Fatal("temporary log directory left behind")
	}
}

func TestBacktestArgs(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantMsg  string
	}{
		{name: "series required", args: []string{"--policy", engineDir + "policy.json"}, wantCode: cmdutil.ExitUsage, wantMsg: "--series"},
		{name: "bad initial", args: []string{"--policy", engineDir + "policy.json", "--series", series, "--initial-usd", "lots"}, wantCode: cmdutil.ExitUsage, wantMsg: "--initial-usd"},
		{name: "bad series names file and line", args: []string{"--policy", engineDir + "policy.json", "--series", engineDir + "prices.csv"}, wantCode: cmdutil.ExitError, wantMsg: "prices.csv:1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := run(t, tc.args...)
			if code := cmdutil.ExitCode(err); code != tc.wantCode || !strings.Contains(err.Error(), tc.wantMsg) {
				t.Fatalf("exit %d err %v, want %d and %q", code, err, tc.wantCode, tc.wantMsg)
			}
		})
	}
}

func TestBacktestJSONSummaryHasNoSeries(t *testing.T) {
	out, _, err := run(t, "--policy", engineDir+"policy.json", "--series", series, "--json", "--quiet")
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		t.Fatal(err)
	}
	if _, ok := m["series"]; ok || m["violations"] != float64(0) {
		t.Fatalf("summary keys %v", m["violations"])
	}
}

package risk

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
)

const (
	fixture = "../../../../testdata/engine"
	calm    = "../../../../testdata/backtest/calm.csv"
)

func run(t *testing.T, now time.Time, args ...string) (string, error) {
	t.Helper()
	var out bytes.Buffer
	f := &cmdutil.Factory{In: strings.NewReader(""), Out: &out, Err: &bytes.Buffer{}}
	cmd := newCmdRisk(f, func(o *RiskOptions) error { o.Now = func() time.Time { return now }; return riskRun(o) })
	cmd.SetArgs(args)
	cmd.SetOut(&bytes.Buffer{})
	cmd.SetErr(&bytes.Buffer{})
	err := cmd.Execute()
	return out.String(), err
}

func TestRisk(t *testing.T) {
	now := time.Date(2024, 1, 2, 12, 0, 0, 0, time.UTC)
	ageConfig := filepath.Join(t.TempDir(), "engine.json")
	if err := os.WriteFile(ageConfig, []byte(`{"version": 1, "breakers": {"maxPriceAgeHours": 24}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantOut  []string
	}{
		{name: "snapshot only", args: []string{"--dir", fixture, "--burn-usd", "750000"}, wantCode: 0,
			wantOut: []string{"NAV 52,999,600.00 USD; stable share 37.73% (floor 25.00%)", "volatile assets -50%", "16,500,000.00 USD", "31.13%", "156.77%", "DAI depegs to 0.90", "Runway at 750,000.00 USD/month", "70.6 months", "none tripped"}},
		{name: "history: VaR and a drawdown trip", args: []string{"--dir", fixture, "--history", calm}, wantCode: cmdutil.ExitNo,
			wantOut: []string{"historical 95%", "parametric 99%", "EWMA vol", "drawdown"}},
		{name: "stale snapshot trips the price-age breaker", args: []string{"--dir", fixture, "--prices-as-of", "2024-01-01T00:00:00Z", "--config", ageConfig},
			wantCode: cmdutil.ExitNo, wantOut: []string{"price-age", "prices are 36h0m0s old"}},
		{name: "fresh snapshot", args: []string{"--dir", fixture, "--prices-as-of", "2024-01-02T00:00:00Z", "--config", ageConfig}, wantCode: 0},
		{name: "missing config file", args: []string{"--dir", fixture, "--config", "nope.json"}, wantCode: cmdutil.ExitError},
		{name: "bad burn is a usage error", args: []string{"--dir", fixture, "--burn-usd", "-5"}, wantCode: cmdutil.ExitUsage},
		{name: "bad time is a usage error", args: []string{"--dir", fixture, "--prices-as-of", "yesterday"}, wantCode: cmdutil.ExitUsage},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, err := run(t, now, tc.args...)
			if code := cmdutil.ExitCode(err); code != tc.wantCode {
				t.Fatalf("exit %d, want %d (err %v)\n%s", code, tc.wantCode, err, out)
			}
			for _, w := range tc.wantOut {
				if !strings.Contains(out, w) {
					t.Fatalf("output lacks %q:\n%s", w, out)
				}
			}
		})
	}
}

func TestRiskJSON(t *testing.T) {
	out, err := run(t, time.Now(), "--dir", fixture, "--history", calm, "--json")
	if cmdutil.ExitCode(err) != cmdutil.ExitNo {
		t.Fatalf("err = %v", err)
	}
	var r Report
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	if r.History == nil || len(r.History.Historical) != 2 || r.History.Historical[1].VaR.VaR <= r.History.Historical[0].VaR.VaR || len(r.Stress) != 3 {
		t.Fatalf("report %+v", r)
	}
}

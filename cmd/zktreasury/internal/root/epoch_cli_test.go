package root

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
)

const epochCase = "../../../../testdata/epoch"

func copyDir(t *testing.T, src string, edit map[string]func(string) string) string {
	t.Helper()
	dir := t.TempDir()
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		s := string(data)
		if f, ok := edit[e.Name()]; ok {
			s = f(s)
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestProveEpochRefusals: a non-compliant or insolvent epoch ends with exit 3
// and no proof; a corrupted action log is an input error naming the file.
func TestProveEpochRefusals(t *testing.T) {
	tests := []struct {
		name     string
		circuit  string
		edit     map[string]func(string) string
		wantCode int
		want     string
	}{
		{"corrupted action log", "compliance", map[string]func(string) string{
			"actions.jsonl": func(s string) string {
				return strings.Replace(s, `"amountOut":"80627499"`, `"amountOut":"90627499"`, 1)
			},
		}, cmdutil.ExitError, "actions.jsonl"},
		{"paused policy refuses the epoch's actions", "compliance", map[string]func(string) string{
			"policy.json": func(s string) string { return strings.Replace(s, `"paused": false`, `"paused": true`, 1) },
		}, cmdutil.ExitNo, "paused"},
		{"notional cap below the first action", "epoch", map[string]func(string) string{
			"policy.json": func(s string) string {
				return strings.Replace(s, `"notionalCapUSD": "250000"`, `"notionalCapUSD": "200000"`, 1)
			},
		}, cmdutil.ExitNo, "notional"},
		{"liabilities above the reserves", "epoch", map[string]func(string) string{
			"liabilities.csv": func(s string) string { return strings.Replace(s, "acct-1000,234649.90", "acct-1000,9234649.90", 1) },
		}, cmdutil.ExitNo, "insolvent"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := copyDir(t, epochCase, tc.edit)
			out := filepath.Join(dir, "proof.json")
			code, stdout, stderr := run(t, "prove", tc.circuit, "--case", dir, "--keys", filepath.Join(dir, "keys"), "--out", out)
			if code != tc.wantCode {
				t.Fatalf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tc.wantCode, stdout, stderr)
			}
			if !strings.Contains(stdout+stderr, tc.want) {
				t.Errorf("output lacks %q:\n%s%s", tc.want, stdout, stderr)
			}
			if _, err := os.Stat(out); !os.IsNotExist(err) {
				t.Error("a proof file was written")
			}
		})
	}
}

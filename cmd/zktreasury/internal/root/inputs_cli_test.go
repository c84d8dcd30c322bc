package root

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
)

// TestProveRefusesLosingInputs: each input that used to lose a liability
// silently, or to prove an insolvent treasury solvent, is an input error naming
// the file, the line and the field; no proof file is written. Each case starts
// from a fresh copy of an honest fixture and changes only what it targets.
func TestProveRefusesLosingInputs(t *testing.T) {
	insolventCase := "../../../../testdata/solvency/insolvent"
	tests := []struct {
		name string
		src  string
		file string
		edit func(string) string
		want []string
	}{
		{"a # row drops a user", solventCase, "liabilities.csv", func(s string) string { return strings.Replace(s, "\nuser-001@", "\n#user-001@", 1) },
			[]string{"liabilities.csv:3", `field "user_id"`, "#user-001@example.org", "no comments"}},
		{"a missing asset column counts as zero", solventCase, "liabilities.csv", dropLastColumn,
			[]string{"liabilities.csv:1", `field "header"`, "no column for asset WBTC"}},
		{"a header-only ledger proves nothing owed", solventCase, "liabilities.csv", func(s string) string { return s[:strings.Index(s, "\n")+1] },
			[]string{"liabilities.csv:1", `field "header"`, "no users"}},
		{"ids differing in case are two users", solventCase, "liabilities.csv", replaceLine(5, "ACCT-1000,1,1,0"),
			[]string{"liabilities.csv:5", `field "user_id" = "ACCT-1000"`, "same ID ignoring case"}},
		{"a 1 bps minimum ratio makes the insolvent case solvent", insolventCase, "policy.json", func(s string) string {
			return strings.Replace(s, `"minSolvencyRatioBps": 10500`, `"minSolvencyRatioBps": 1`, 1)
		}, []string{"policy.json", `field "minSolvencyRatioBps" = "1"`, "must be in [10000, 100000]"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := copyDir(t, tc.src, map[string]func(string) string{tc.file: tc.edit})
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

func dropLastColumn(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		lines[i] = l[:strings.LastIndex(l, ",")]
	}
	return strings.Join(lines, "\n") + "\n"
}

// TestProveHumanOutput: the human output shows the ratio in percent, values
// and prices in USD and the epoch in decimal; hex only for commitments.
func TestProveHumanOutput(t *testing.T) {
	dir := t.TempDir()
	code, stdout, stderr := run(t, "prove", "solvency", "--case", "../../../../testdata/solvency/insolvent", "--keys", filepath.Join(dir, "keys"), "--out", filepath.Join(dir, "p.json"))
	if code != cmdutil.ExitNo {
		t.Fatalf("exit %d, want %d\n%s%s", code, cmdutil.ExitNo, stdout, stderr)
	}
	for _, want := range []string{
		`(?m)^verdict +INSOLVENT$`,
		`(?m)^reason +haircut reserves 3,974,634\.52 USD are below 105\.00% of the liabilities 4,343,891\.05 USD \(4,561,085\.61 USD needed\)$`,
		`(?m)^solvency ratio +91\.49% \(minimum 105\.00%\)$`,
		`(?m)^epoch +1$`,
		`(?m)^price\.WETH +3,012\.55 USD per WETH$`,
		`(?m)^price\.USDC +1\.0001 USD per USDC$`,
		`(?m)^policyCommitment +0x[0-9a-f]{64}$`,
	} {
		if !regexp.MustCompile(want).MatchString(stdout) {
			t.Errorf("output does not match %s:\n%s", want, stdout)
		}
	}
	if strings.Contains(stdout, "bps") || strings.Contains(stdout, "value units") {
		t.Errorf("human output shows machine units:\n%s", stdout)
	}

	// An epoch refused by a corridor says so in USD.
	ep := copyDir(t, epochCase, map[string]func(string) string{"policy.json": func(s string) string {
		return strings.Replace(s, `"notionalCapUSD": "250000"`, `"notionalCapUSD": "200000"`, 1)
	}})
	code, stdout, _ = run(t, "prove", "compliance", "--case", ep, "--keys", filepath.Join(ep, "keys"), "--out", filepath.Join(ep, "p.json"))
	if code != cmdutil.ExitNo || !strings.Contains(stdout, "notional cap exceeded (WBTC at uniswap): 243,625.25 USD, limit 200,000.00 USD") {
		t.Errorf("exit %d, output:\n%s", code, stdout)
	}
}

package policy

import (
	"regexp"
	"strings"
	"testing"
)

func TestPolicyCommitHuman(t *testing.T) {
	out, err := run(t, "commit", "--policy", "../../../../testdata/solvency/solvent/policy.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []*regexp.Regexp{
		regexp.MustCompile(`(?m)^commitment +0x[0-9a-f]{64}$`), // hex by nature
		regexp.MustCompile(`(?m)^min solvency ratio +105\.00%$`),
		regexp.MustCompile(`notional 250,000\.00 USD, turnover 1,000,000\.00 USD, loss 5,000\.00 USD`),
	} {
		if !want.MatchString(out) {
			t.Errorf("output does not match %s:\n%s", want, out)
		}
	}
	if strings.Contains(out, "bps") {
		t.Errorf("human output shows basis points:\n%s", out)
	}
}

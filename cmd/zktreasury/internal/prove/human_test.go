package prove

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
	"github.com/zktreasury/zktreasury/prover/statement"
)

// TestSolvencyReportHuman: a solvent statement's human report, without
// proving (the proof line aside, it is what `prove solvency` prints).
func TestSolvencyReportHuman(t *testing.T) {
	dir := "../../../../testdata/solvency/solvent"
	in, err := statement.LoadSolvencyInputs(statement.CaseFiles(dir))
	if err != nil {
		t.Fatal(err)
	}
	cp, err := statement.LoadCaseParams(dir)
	if err != nil {
		t.Fatal(err)
	}
	in.Epoch, in.Capacity = cp.Epoch, cp.Capacity
	st, err := statement.BuildSolvency(in)
	if err != nil {
		t.Fatal(err)
	}
	res := SolvencyResult{Solvent: true, RatioBps: st.RatioBps(), MinRatioBps: st.MinRatioBps, Users: len(st.Users),
		Capacity: st.Params.Users, Backend: "groth16", PublicInputs: st.Public(in.Policy.Symbols()), ProofFile: "s.proof.json"}
	res.HaircutReservesUSD, res.LiabilitiesUSD = solvencyFigures(st, in.Policy)
	var out bytes.Buffer
	if err := report(&SolvencyOptions{F: &cmdutil.Factory{Out: &out}}, in.Policy, res, ""); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`(?m)^verdict +SOLVENT$`,
		`(?m)^solvency ratio +117\.30% \(minimum 105\.00%\)$`,
		`(?m)^haircut reserves +5,095,685\.28 USD$`,
		`(?m)^liabilities +4,343,891\.05 USD$`,
		`(?m)^users +16 of capacity 16$`,
		`(?m)^epoch +1$`,
		`(?m)^price\.WBTC +97,450\.10 USD per WBTC$`,
		`(?m)^liabilitiesRoot +0x[0-9a-f]{64}$`,
	} {
		if !regexp.MustCompile(want).MatchString(out.String()) {
			t.Errorf("report does not match %s:\n%s", want, out.String())
		}
	}
	if strings.Contains(out.String(), "bps") {
		t.Errorf("human report shows basis points:\n%s", out.String())
	}
}

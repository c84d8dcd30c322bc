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

// TestComplianceReportHuman: the fixture epoch's human report shows turnover
// and loss in USD, the action count and epoch in decimal, prices in USD.
func TestComplianceReportHuman(t *testing.T) {
	dir := "../../../../testdata/epoch"
	in, err := statement.LoadComplianceInputs(statement.EpochCaseFiles(dir))
	if err != nil {
		t.Fatal(err)
	}
	cp, err := statement.LoadCaseParams(dir)
	if err != nil {
		t.Fatal(err)
	}
	in.Epoch, in.Slots, in.StartTime, in.EndTime = cp.Epoch, cp.Slots, cp.StartTime, cp.EndTime
	comp, sum, err := statement.CheckedCompliance(in)
	if err != nil {
		t.Fatal(err)
	}
	res := EpochResult{Circuit: "compliance", OK: true, Epoch: in.Epoch, Actions: len(in.Actions), Slots: comp.Params.Actions,
		Backend: "groth16", PublicInputs: comp.Public(in.Policy.Symbols()),
		TurnoverUSD: valueUSD(in.Policy, sum.Turnover), LossUSD: valueUSD(in.Policy, sum.Loss)}
	var out bytes.Buffer
	if err := reportEpoch(&EpochOptions{F: &cmdutil.Factory{Out: &out}}, in.Policy, res); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`(?m)^verdict +COMPLIANT$`,
		`(?m)^epoch +1 \(5 actions in 6 slots\)$`,
		`(?m)^turnover +487,506\.49 USD$`,
		`(?m)^loss versus oracle +1,432\.52 USD$`,
		`(?m)^actionCount +5$`,
		`(?m)^epoch +1$`,
		`(?m)^price\.WETH +3,012\.55 USD per WETH$`,
		`(?m)^actionsCommitment +0x[0-9a-f]{64}$`,
		`(?m)^inflow\.USDC +25,000 USDC$`,
		`(?m)^outflow\.USDC +10,000 USDC$`,
		`(?m)^startTime +2026-11-20T00:00:00Z`,
	} {
		if !regexp.MustCompile(want).MatchString(out.String()) {
			t.Errorf("report does not match %s:\n%s", want, out.String())
		}
	}
	if strings.Contains(out.String(), "value units") {
		t.Errorf("human report shows value units:\n%s", out.String())
	}
}

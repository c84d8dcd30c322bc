package root

import (
	"github.com/spf13/cobra"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/audit"
	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/backtest"
	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/ceremony"
	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/chain"
	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/epoch"
	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/inclusion"
	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/keys"
	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/plan"
	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/policy"
	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/prove"
	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/risk"
	runcmd "github.com/zktreasury/zktreasury/cmd/zktreasury/internal/run"
	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/verify"
)

// Each top-level command is listed here, one line each, so concurrent work adds
// a line rather than editing shared code.
func init() {
	nouns = append(nouns, keys.NewCmdKeys)
	nouns = append(nouns, prove.NewCmdProve)
	nouns = append(nouns, func(f *cmdutil.Factory) *cobra.Command { return verify.NewCmdVerify(f, nil) })
	nouns = append(nouns, inclusion.NewCmdInclusion)
	nouns = append(nouns, plan.NewCmdPlan)
	nouns = append(nouns, policy.NewCmdPolicy)
	nouns = append(nouns, risk.NewCmdRisk)
	nouns = append(nouns, backtest.NewCmdBacktest)
	nouns = append(nouns, chain.NewCmdChain)
	nouns = append(nouns, epoch.NewCmdEpoch)
	nouns = append(nouns, ceremony.NewCmdCeremony)
	nouns = append(nouns, func(f *cmdutil.Factory) *cobra.Command { return audit.NewCmdAudit(f, nil) })
	nouns = append(nouns, func(f *cmdutil.Factory) *cobra.Command { return runcmd.NewCmdRun(f, nil) })
}

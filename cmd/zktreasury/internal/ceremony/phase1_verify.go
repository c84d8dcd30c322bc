package ceremony

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
	"github.com/zktreasury/zktreasury/prover/ceremony"
)

// Phase1VerifyOptions are the options of `ceremony phase1 verify`.
type Phase1VerifyOptions struct {
	F    *cmdutil.Factory
	Dir  string
	JSON bool
}

// PhaseResult is the JSON form of a verified phase.
type PhaseResult struct {
	Domain        uint64                  `json:"domain"`
	Start         string                  `json:"start"`
	Contributions []ceremony.Contribution `json:"contributions"`
	Beacon        string                  `json:"beacon,omitempty"`
}

// NewCmdPhase1Verify returns `ceremony phase1 verify`.
func NewCmdPhase1Verify(f *cmdutil.Factory, runF func(*Phase1VerifyOptions) error) *cobra.Command {
	opts := &Phase1VerifyOptions{F: f}
	cmd := &cobra.Command{
		Use:   "verify",
		Short: "Verify phase 1 from the start and print each contribution's digest",
		Long: `Recompute the starting state and check every contribution in order: its
hash chain, the challenge it answers and its proofs of update. Prints each
contribution's digest so contributors can find theirs. Exit 3 if the
transcript does not verify.`,
		Example: "  zktreasury ceremony phase1 verify --dir ceremony",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return phase1VerifyRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Dir, "dir", "ceremony", "ceremony directory")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the result as JSON")
	return cmd
}

func phase1VerifyRun(opts *Phase1VerifyOptions) error {
	prog := cmdutil.NewProgress(opts.F.Err, opts.JSON)
	t, err := ceremony.VerifyPhase1(opts.Dir, prog.Step)
	if err != nil {
		return rejected(opts.F, opts.JSON, err)
	}
	if opts.JSON {
		return cmdutil.PrintJSON(opts.F.Out, struct {
			Verified bool        `json:"verified"`
			Phase1   PhaseResult `json:"phase1"`
		}{true, PhaseResult{Domain: t.Domain, Start: t.Start, Contributions: nonNil(t.Contributions)}})
	}
	printContributions(opts.F.Out, 1, t.Start, t.Contributions)
	fmt.Fprintf(opts.F.Out, "phase 1 verified: domain %d, %d contributions\n", t.Domain, len(t.Contributions))
	return nil
}

func nonNil(cs []ceremony.Contribution) []ceremony.Contribution {
	if cs == nil {
		return []ceremony.Contribution{}
	}
	return cs
}

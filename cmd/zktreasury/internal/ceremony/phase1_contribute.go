package ceremony

import (
	"github.com/spf13/cobra"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
	"github.com/zktreasury/zktreasury/prover/ceremony"
)

// Phase1ContributeOptions are the options of `ceremony phase1 contribute`.
type Phase1ContributeOptions struct {
	F    *cmdutil.Factory
	Dir  string
	Name string
	JSON bool
}

// NewCmdPhase1Contribute returns `ceremony phase1 contribute`.
func NewCmdPhase1Contribute(f *cmdutil.Factory, runF func(*Phase1ContributeOptions) error) *cobra.Command {
	opts := &Phase1ContributeOptions{F: f}
	cmd := &cobra.Command{
		Use:   "contribute",
		Short: "Add your contribution to phase 1",
		Long: `Read the last phase-1 file, mix in fresh randomness (crypto/rand, never
written anywhere) and write the next file. Note the digest printed: it
identifies your contribution in every later transcript. Verify the transcript
first (ceremony phase1 verify) if you did not receive it from a party you trust.`,
		Example: "  zktreasury ceremony phase1 contribute --dir ceremony --name alice",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return phase1ContributeRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Dir, "dir", "ceremony", "ceremony directory")
	cmd.Flags().StringVar(&opts.Name, "name", "", "your name, recorded in the transcript (not authenticated)")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the result as JSON")
	return cmd
}

func phase1ContributeRun(opts *Phase1ContributeOptions) error {
	prog := cmdutil.NewProgress(opts.F.Err, opts.JSON)
	h, err := ceremony.ContributePhase1(opts.Dir, opts.Name, prog.Step)
	if err != nil {
		return err
	}
	return printContribution(opts.F.Out, opts.JSON, contributionResult{Phase: 1, Index: h.Index, Name: h.Name,
		Digest: h.Digest, Prev: h.Prev, File: ceremony.ContributionPath(ceremony.Phase1Dir(opts.Dir), h.Index)})
}

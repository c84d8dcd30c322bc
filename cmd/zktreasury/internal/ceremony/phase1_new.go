package ceremony

import (
	"github.com/spf13/cobra"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
	"github.com/zktreasury/zktreasury/prover/ceremony"
)

// Phase1NewOptions are the options of `ceremony phase1 new`.
type Phase1NewOptions struct {
	F     *cmdutil.Factory
	Dir   string
	Power int
	JSON  bool
}

// NewCmdPhase1New returns `ceremony phase1 new`.
func NewCmdPhase1New(f *cmdutil.Factory, runF func(*Phase1NewOptions) error) *cobra.Command {
	opts := &Phase1NewOptions{F: f}
	cmd := &cobra.Command{
		Use:   "new",
		Short: "Start phase 1 for circuits of up to 2^power constraints",
		Long: `Write the starting state of phase 1 (0000.mpc) for an FFT domain of 2^power,
enough for every circuit of at most 2^power constraints. The starting state is
deterministic; verification recomputes it rather than trusting the file.`,
		Example: "  zktreasury ceremony phase1 new --dir ceremony --power 20",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.Power < 1 || opts.Power > ceremony.MaxPower {
				return cmdutil.Usagef("--power %d: want 1 to %d", opts.Power, ceremony.MaxPower)
			}
			if runF != nil {
				return runF(opts)
			}
			return phase1NewRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Dir, "dir", "ceremony", "ceremony directory")
	cmd.Flags().IntVar(&opts.Power, "power", 0, "log2 of the domain: at least log2 of the largest circuit's constraint count")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the result as JSON")
	return cmd
}

func phase1NewRun(opts *Phase1NewOptions) error {
	prog := cmdutil.NewProgress(opts.F.Err, opts.JSON)
	h, err := ceremony.NewPhase1(opts.Dir, opts.Power, prog.Step)
	if err != nil {
		return err
	}
	return printContribution(opts.F.Out, opts.JSON, contributionResult{Phase: 1, Index: 0, Digest: h.Digest,
		File: ceremony.ContributionPath(ceremony.Phase1Dir(opts.Dir), 0)})
}

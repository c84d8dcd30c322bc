package ceremony

import (
	"github.com/spf13/cobra"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
	"github.com/zktreasury/zktreasury/prover/ceremony"
)

// Phase2NewOptions are the options of `ceremony phase2 new`.
type Phase2NewOptions struct {
	F            *cmdutil.Factory
	Dir          string
	Phase1Beacon string
	JSON         bool
	CircuitFlags
}

// NewCmdPhase2New returns `ceremony phase2 new`.
func NewCmdPhase2New(f *cmdutil.Factory, runF func(*Phase2NewOptions) error) *cobra.Command {
	opts := &Phase2NewOptions{F: f}
	cmd := &cobra.Command{
		Use:   "new",
		Short: "Seal phase 1 with its beacon and start a circuit's phase 2",
		Long: `Verify phase 1 from the start, seal it with the public phase-1 beacon (fixed
before the last phase-1 contribution, e.g. the hash of a block announced in
advance), and write the starting state of the circuit's phase 2. The beacon is
recorded in the phase-2 files and in the transcript of the final keys.`,
		Example: "  zktreasury ceremony phase2 new --dir ceremony --circuit epoch --case testdata/epoch --phase1-beacon 0x<block hash>",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := opts.resolve(cmd); err != nil {
				return err
			}
			if _, err := parseBeacon("--phase1-beacon", opts.Phase1Beacon); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return phase2NewRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Dir, "dir", "ceremony", "ceremony directory")
	cmd.Flags().StringVar(&opts.Phase1Beacon, "phase1-beacon", "", "hex of the public random beacon that seals phase 1")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the result as JSON")
	opts.register(cmd)
	return cmd
}

func phase2NewRun(opts *Phase2NewOptions) error {
	beacon, err := parseBeacon("--phase1-beacon", opts.Phase1Beacon)
	if err != nil {
		return err
	}
	prog := cmdutil.NewProgress(opts.F.Err, opts.JSON)
	c, err := opts.compile(prog.Step)
	if err != nil {
		return err
	}
	h, err := ceremony.NewPhase2(opts.Dir, c, beacon, prog.Step)
	if err != nil {
		return rejected(opts.F, opts.JSON, err)
	}
	return printContribution(opts.F.Out, opts.JSON, contributionResult{Phase: 2, Index: 0, Circuit: c.Name + " " + c.Params,
		Digest: h.Digest, File: ceremony.ContributionPath(ceremony.Phase2Dir(opts.Dir, c), 0)})
}

package ceremony

import (
	"github.com/spf13/cobra"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
	"github.com/zktreasury/zktreasury/prover/ceremony"
)

// Phase2ContributeOptions are the options of `ceremony phase2 contribute`.
type Phase2ContributeOptions struct {
	F    *cmdutil.Factory
	Dir  string
	Name string
	JSON bool
	CircuitFlags
}

// NewCmdPhase2Contribute returns `ceremony phase2 contribute`.
func NewCmdPhase2Contribute(f *cmdutil.Factory, runF func(*Phase2ContributeOptions) error) *cobra.Command {
	opts := &Phase2ContributeOptions{F: f}
	cmd := &cobra.Command{
		Use:   "contribute",
		Short: "Add your contribution to a circuit's phase 2",
		Long: `Read the last phase-2 file of the circuit, mix in fresh randomness
(crypto/rand, never written anywhere) and write the next file. Note the digest
printed: it identifies your contribution in the transcript of the final keys.`,
		Example: "  zktreasury ceremony phase2 contribute --dir ceremony --circuit epoch --case testdata/epoch --name bob",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := opts.resolve(cmd); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return phase2ContributeRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Dir, "dir", "ceremony", "ceremony directory")
	cmd.Flags().StringVar(&opts.Name, "name", "", "your name, recorded in the transcript (not authenticated)")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the result as JSON")
	opts.register(cmd)
	return cmd
}

func phase2ContributeRun(opts *Phase2ContributeOptions) error {
	prog := cmdutil.NewProgress(opts.F.Err, opts.JSON)
	c, err := opts.compile(prog.Step)
	if err != nil {
		return err
	}
	h, err := ceremony.ContributePhase2(opts.Dir, c, opts.Name, prog.Step)
	if err != nil {
		return err
	}
	return printContribution(opts.F.Out, opts.JSON, contributionResult{Phase: 2, Index: h.Index, Name: h.Name, Circuit: c.Name + " " + c.Params,
		Digest: h.Digest, Prev: h.Prev, File: ceremony.ContributionPath(ceremony.Phase2Dir(opts.Dir, c), h.Index)})
}

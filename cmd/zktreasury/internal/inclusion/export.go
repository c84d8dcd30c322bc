package inclusion

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/inputs"
	"github.com/zktreasury/zktreasury/prover/inclusion"
	"github.com/zktreasury/zktreasury/treasury"
)

// ExportOptions are the options of `inclusion export`.
type ExportOptions struct {
	F      *cmdutil.Factory
	Inputs inputs.Solvency
	User   string
	Out    string
	JSON   bool
	// BatchSize cuts the tree into batches of this many leaves (a batched
	// tree, prover/batch); All writes every user's file into the Out directory.
	BatchSize int
	All       bool
}

// NewCmdExport returns `inclusion export`.
func NewCmdExport(f *cmdutil.Factory, runF func(*ExportOptions) error) *cobra.Command {
	opts := &ExportOptions{F: f}
	cmd := &cobra.Command{
		Use:   "export --user <id>",
		Short: "Write a user's leaf preimage (id, salt, balances) and inclusion path",
		Long: `Rebuild the liabilities tree from the same inputs as the solvency proof and
write the given user's inclusion file: their id, salt, balances and the path from
their leaf to the liabilities root. Hand it to the user over a private channel:
the salt is what hides their balance from everyone else.`,
		Example: "  zktreasury inclusion export --case testdata/solvency/solvent --user acct-1000 --out out/acct-1000.inclusion.json",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.All && (opts.User != "" || opts.BatchSize == 0 || opts.Out == "") {
				return cmdutil.Usagef("--all writes every user's file of a batched tree: pass --batch-size and --out DIR, not --user")
			}
			if !opts.All && opts.User == "" {
				return cmdutil.Usagef("--user is required (or --all with --batch-size)")
			}
			if err := opts.Inputs.Resolve(cmd, true); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			if opts.BatchSize != 0 {
				return exportBatchedRun(opts)
			}
			return exportRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.User, "user", "", "user id, as in the liabilities ledger")
	cmd.Flags().StringVar(&opts.Out, "out", "", "file to write (default: print to stdout)")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the result as JSON")
	cmd.Flags().IntVar(&opts.BatchSize, "batch-size", 0, "leaves per batch: export from the batched tree (a power of 2)")
	cmd.Flags().BoolVar(&opts.All, "all", false, "write every user's inclusion file into --out DIR, one subdirectory per batch (with --batch-size)")
	opts.Inputs.Register(cmd, true)
	return cmd
}

func exportRun(opts *ExportOptions) error {
	st, pol, err := opts.Inputs.Build()
	if err != nil {
		return err
	}
	led, err := treasury.LoadLedger(opts.Inputs.Files.Liabilities, pol)
	if err != nil {
		return err
	}
	f, err := inclusion.Export(st, pol, led, opts.User)
	if errors.Is(err, inclusion.ErrUnknownUser) {
		return fmt.Errorf("%w (in %s)", err, opts.Inputs.Files.Liabilities)
	}
	if err != nil {
		return err
	}
	return writeInclusion(opts, f, f.UserID, f.LeafIndex, f.LiabilitiesRoot)
}

// writeInclusion writes an inclusion file (either format) to --out
// atomically, or to stdout, and says what it wrote.
func writeInclusion(opts *ExportOptions, f any, userID string, leafIndex int, root string) error {
	data, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return err
	}
	data = append(data, '\n')
	if opts.Out == "" {
		_, err := opts.F.Out.Write(data)
		return err
	}
	if err := cmdutil.WriteFileAtomic(opts.Out, data, 0o600); err != nil {
		return err
	}
	if opts.JSON {
		return cmdutil.PrintJSON(opts.F.Out, map[string]any{"file": opts.Out, "userId": userID, "leafIndex": leafIndex, "liabilitiesRoot": root})
	}
	fmt.Fprintf(opts.F.Out, "wrote %s (user %s, leaf %d, root %s)\n", opts.Out, userID, leafIndex, root)
	return nil
}

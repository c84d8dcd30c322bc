package inclusion

import (
	"errors"
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
	"github.com/zktreasury/zktreasury/prover/inclusion"
	"github.com/zktreasury/zktreasury/prover/prooffile"
	"github.com/zktreasury/zktreasury/prover/statement"
)

// VerifyOptions are the options of `inclusion verify`.
type VerifyOptions struct {
	F     *cmdutil.Factory
	File  string
	Root  string
	Proof string
	JSON  bool
}

// NewCmdVerify returns `inclusion verify`.
func NewCmdVerify(f *cmdutil.Factory, runF func(*VerifyOptions) error) *cobra.Command {
	opts := &VerifyOptions{F: f}
	cmd := &cobra.Command{
		Use:   "verify <inclusion-file>",
		Short: "Check that your balance is a leaf under a published liabilities root",
		Long: `Recompute your leaf from your id, salt and balances, walk the path, and compare
with the liabilities root of a verified solvency proof (--proof) or a root you
read elsewhere (--root). Exit 3 if you are not included.`,
		Example: "  zktreasury inclusion verify out/acct-1000.inclusion.json --proof out/solvency.proof.json",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.File = args[0]
			if (opts.Root == "") == (opts.Proof == "") {
				return cmdutil.Usagef("pass exactly one of --root and --proof")
			}
			if runF != nil {
				return runF(opts)
			}
			return verifyRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Root, "root", "", "liabilities root (0x-prefixed hex)")
	cmd.Flags().StringVar(&opts.Proof, "proof", "", "solvency proof file whose liabilities root to use (verify the proof itself with `zktreasury verify`)")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the result as JSON")
	return cmd
}

// VerifyResult is the JSON output of `inclusion verify`.
type VerifyResult struct {
	Included        bool              `json:"included"`
	Reason          string            `json:"reason,omitempty"`
	UserID          string            `json:"userId"`
	Epoch           uint64            `json:"epoch"`
	LiabilitiesRoot string            `json:"liabilitiesRoot"`
	Balances        map[string]string `json:"balances"`
}

func verifyRun(opts *VerifyOptions) error {
	f, err := inclusion.Read(opts.File)
	if err != nil {
		return err
	}
	rootHex := opts.Root
	if opts.Proof != "" {
		pf, err := prooffile.Read(opts.Proof)
		if err != nil {
			return err
		}
		if pf.Circuit != "solvency" {
			return fmt.Errorf("%s is a %s proof, not a solvency proof", opts.Proof, pf.Circuit)
		}
		var ok bool
		if rootHex, ok = pf.Input("liabilitiesRoot"); !ok {
			return fmt.Errorf("%s has no liabilitiesRoot public input", opts.Proof)
		}
	}
	root, err := statement.ParseElement(rootHex)
	if err != nil {
		return cmdutil.Usagef("root %q: %v", rootHex, err)
	}
	res := VerifyResult{Included: true, UserID: f.UserID, Epoch: f.Epoch, LiabilitiesRoot: statement.Hex(root), Balances: map[string]string{}}
	for _, a := range f.Assets {
		res.Balances[a.Symbol] = a.Balance
	}
	if err := inclusion.Verify(f, root); err != nil {
		if !errors.Is(err, inclusion.ErrNotIncluded) {
			return fmt.Errorf("%s: %w", opts.File, err)
		}
		res.Included, res.Reason = false, err.Error()
	}
	if opts.JSON {
		if err := cmdutil.PrintJSON(opts.F.Out, res); err != nil {
			return err
		}
	} else {
		w := tabwriter.NewWriter(opts.F.Out, 0, 2, 2, ' ', 0)
		verdict := "INCLUDED"
		if !res.Included {
			verdict = "NOT INCLUDED: " + res.Reason
		}
		fmt.Fprintf(w, "verdict\t%s\n", verdict)
		fmt.Fprintf(w, "user\t%s (epoch %d)\n", res.UserID, res.Epoch)
		for _, a := range f.Assets {
			fmt.Fprintf(w, "%s\t%s\n", a.Symbol, a.Balance)
		}
		fmt.Fprintf(w, "root\t%s\n", res.LiabilitiesRoot)
		if err := w.Flush(); err != nil {
			return err
		}
	}
	if !res.Included {
		return &cmdutil.NoError{Reason: res.Reason}
	}
	return nil
}

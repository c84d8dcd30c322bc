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
	// RPC and Registry read the root of the file's epoch from a deployed registry.
	RPC      string
	Registry string
	JSON     bool
}

// NewCmdVerify returns `inclusion verify`.
func NewCmdVerify(f *cmdutil.Factory, runF func(*VerifyOptions) error) *cobra.Command {
	opts := &VerifyOptions{F: f}
	cmd := &cobra.Command{
		Use:   "verify <inclusion-file>",
		Short: "Check that your balance is a leaf under a published liabilities root",
		Long: `Recompute your leaf from your id, salt and balances, walk the path, and compare
with the liabilities root of a verified solvency proof (--proof), a root you
read elsewhere (--root), or the root the on-chain registry recorded for the
file's epoch (--rpc URL --registry ADDR). Exit 3 if you are not included,
including when the registry has not recorded that epoch.`,
		Example: "  zktreasury inclusion verify out/acct-1000.inclusion.json --proof out/solvency.proof.json\n  zktreasury inclusion verify out/acct-1000.inclusion.json --rpc http://127.0.0.1:8545 --registry 0x5FbD...",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.File = args[0]
			sources := 0
			for _, v := range []string{opts.Root, opts.Proof, opts.Registry} {
				if v != "" {
					sources++
				}
			}
			if sources != 1 {
				return cmdutil.Usagef("pass exactly one of --root, --proof and --registry")
			}
			if (opts.Registry == "") != (opts.RPC == "") {
				return cmdutil.Usagef("--registry and --rpc go together: the registry's address and the node to read it from")
			}
			if runF != nil {
				return runF(opts)
			}
			return verifyRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Root, "root", "", "liabilities root (0x-prefixed hex)")
	cmd.Flags().StringVar(&opts.Proof, "proof", "", "solvency proof file whose liabilities root to use (verify the proof itself with `zktreasury verify`)")
	cmd.Flags().StringVar(&opts.RPC, "rpc", "", "JSON-RPC URL of a node, to read the root from the registry (with --registry)")
	cmd.Flags().StringVar(&opts.Registry, "registry", "", "address of the epoch registry whose recorded root to use (with --rpc)")
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
	var notRecorded error
	if opts.Registry != "" {
		if rootHex, notRecorded, err = rootFromRegistry(opts.RPC, opts.Registry, f.Epoch); err != nil {
			return err
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
	if notRecorded != nil {
		res.Included, res.Reason = false, notRecorded.Error()
	} else if err := inclusion.Verify(f, root); err != nil {
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

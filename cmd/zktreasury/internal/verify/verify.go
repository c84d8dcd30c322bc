// Package verify implements `zktreasury verify`: check a proof file against the
// verifying key in the key store.
package verify

import (
	"errors"
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
	"github.com/zktreasury/zktreasury/prover"
	"github.com/zktreasury/zktreasury/prover/keystore"
	"github.com/zktreasury/zktreasury/prover/prooffile"
	"github.com/zktreasury/zktreasury/prover/statement"
	"github.com/zktreasury/zktreasury/prover/zk"
)

// Options are the options of `verify`.
type Options struct {
	F       *cmdutil.Factory
	Proof   string
	KeysDir string
	JSON    bool
}

// NewCmdVerify returns `verify <proof-file>`.
func NewCmdVerify(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{F: f}
	cmd := &cobra.Command{
		Use:   "verify <proof-file>",
		Short: "Verify a proof file with the verifying key from the key store",
		Long: `Verify a proof file against the verifying key stored for the circuit digest the
file names. The key is never taken from the proof file. Exit 3 if the proof is
rejected.`,
		Example: "  zktreasury verify out/solvency.proof.json --keys keys",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Proof = args[0]
			if runF != nil {
				return runF(opts)
			}
			return verifyRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.KeysDir, "keys", "keys", "key store directory")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the result as JSON")
	return cmd
}

// Result is the JSON output of `verify`.
type Result struct {
	Valid         bool                   `json:"valid"`
	Reason        string                 `json:"reason,omitempty"`
	Circuit       string                 `json:"circuit"`
	Params        string                 `json:"params"`
	Backend       string                 `json:"backend"`
	CircuitDigest string                 `json:"circuitDigest"`
	InsecureSetup bool                   `json:"insecureSetup"`
	PublicInputs  []statement.NamedInput `json:"publicInputs"`
}

func verifyRun(opts *Options) error {
	f, err := prooffile.Read(opts.Proof)
	if err != nil {
		return err
	}
	res := Result{Valid: true, Circuit: f.Circuit, Params: f.Params, Backend: f.Backend, CircuitDigest: f.CircuitDigest,
		InsecureSetup: f.Insecure, PublicInputs: f.PublicInputs}
	err = prover.Verify(keystore.Store{Dir: opts.KeysDir}, f)
	switch {
	case errors.Is(err, zk.ErrProofRejected):
		res.Valid, res.Reason = false, err.Error()
	case errors.Is(err, keystore.ErrNoKeys):
		return fmt.Errorf("%w; get the verifying key for this circuit into %q", err, opts.KeysDir)
	case err != nil:
		return err
	}
	if opts.JSON {
		if err := cmdutil.PrintJSON(opts.F.Out, res); err != nil {
			return err
		}
	} else {
		w := tabwriter.NewWriter(opts.F.Out, 0, 2, 2, ' ', 0)
		verdict := "VALID"
		if !res.Valid {
			verdict = "REJECTED: " + res.Reason
		}
		fmt.Fprintf(w, "proof\t%s\n", opts.Proof)
		fmt.Fprintf(w, "verdict\t%s\n", verdict)
		fmt.Fprintf(w, "circuit\t%s %s (%s)\n", res.Circuit, res.Params, res.Backend)
		if res.InsecureSetup {
			fmt.Fprintf(w, "keys\tINSECURE single-party setup\n")
		}
		for _, in := range res.PublicInputs {
			fmt.Fprintf(w, "%s\t%s\n", in.Name, in.Value)
		}
		if err := w.Flush(); err != nil {
			return err
		}
	}
	if !res.Valid {
		return &cmdutil.NoError{Reason: res.Reason}
	}
	return nil
}

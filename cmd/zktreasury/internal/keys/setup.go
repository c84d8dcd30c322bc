package keys

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/format"
	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/inputs"
	"github.com/zktreasury/zktreasury/prover"
	"github.com/zktreasury/zktreasury/prover/keystore"
	"github.com/zktreasury/zktreasury/prover/zk"
)

// SetupOptions are the options of `keys setup`.
type SetupOptions struct {
	F           *cmdutil.Factory
	Circuit     string
	Backend     string
	KeysDir     string
	InsecureDev bool
	JSON        bool
	Inputs      inputs.Epoch
}

// NewCmdSetup returns `keys setup <circuit>`.
func NewCmdSetup(f *cmdutil.Factory, runF func(*SetupOptions) error) *cobra.Command {
	opts := &SetupOptions{F: f}
	cmd := &cobra.Command{
		Use:   "setup <solvency|compliance|epoch>",
		Short: "Compile a circuit and set up its keys (single-party: --insecure-dev only)",
		Long: `Compile a circuit for the shape of a policy (assets, venues), a tree capacity
(solvency, epoch) and a number of action slots (compliance, epoch), run a key
setup, and store the keys under --keys, named by the circuit's digest.

The only setup available is single-party and insecure: whoever runs it can forge
proofs. It exists for development and tests and must be requested with
--insecure-dev. Production keys must come from a multi-party ceremony.

--range-check defaults to lookup, and to bits for the epoch circuit (verified
on-chain, where bit decomposition adds no commitment and costs less gas).`,
		Example: "  zktreasury keys setup solvency --insecure-dev --case testdata/solvency/solvent\n  zktreasury keys setup epoch --insecure-dev --case testdata/epoch",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Circuit = args[0]
			if !contains(prover.Circuits, opts.Circuit) {
				return cmdutil.Usagef("unknown circuit %q: want one of %v", opts.Circuit, prover.Circuits)
			}
			if _, err := zk.ByName(opts.Backend); err != nil {
				return cmdutil.Usagef("--backend: %v", err)
			}
			if !cmd.Flags().Changed("range-check") {
				opts.Inputs.RangeCheck = prover.DefaultRangeCheck(opts.Circuit).String()
			}
			if err := opts.Inputs.Resolve(cmd, false); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return setupRun(opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Backend, "backend", "groth16", "proof system: groth16 or plonk")
	fl.StringVar(&opts.KeysDir, "keys", "keys", "key store directory")
	fl.BoolVar(&opts.InsecureDev, "insecure-dev", false, "run a single-party setup (INSECURE: the operator can forge proofs)")
	fl.BoolVar(&opts.JSON, "json", false, "print the result as JSON")
	opts.Inputs.RegisterShape(cmd, "lookup")
	return cmd
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func setupRun(opts *SetupOptions) error {
	if !opts.InsecureDev {
		return fmt.Errorf("no secure setup is available yet: production keys need a multi-party ceremony, which zktreasury does not run yet; for development pass --insecure-dev")
	}
	fmt.Fprintln(opts.F.Err, "WARNING: single-party setup (--insecure-dev): whoever ran it can forge proofs. Never use these keys with real funds.")
	pol, err := opts.Inputs.LoadPolicy()
	if err != nil {
		return err
	}
	shape := prover.Shape{Circuit: opts.Circuit, Users: opts.Inputs.Capacity, Actions: opts.Inputs.Slots,
		Assets: len(pol.Assets), Venues: len(pol.Venues), RangeCheck: opts.Inputs.Mode()}
	if opts.Circuit != "compliance" && shape.Users == 0 {
		return cmdutil.Usagef("no tree capacity: pass --capacity or a --case with case.json")
	}
	if opts.Circuit != "solvency" && shape.Actions == 0 {
		return cmdutil.Usagef("no action slots: pass --slots or a --case whose case.json has slots")
	}
	job, err := shape.Job()
	if err != nil {
		return cmdutil.Usagef("%v", err)
	}
	b, _ := zk.ByName(opts.Backend)
	prog := cmdutil.NewProgress(opts.F.Err, opts.JSON)
	meta, err := prover.SetupInsecure(keystore.Store{Dir: opts.KeysDir}, b, job, prog.Step)
	if err != nil {
		return err
	}
	pk, vk, _ := keystore.Store{Dir: opts.KeysDir}.Paths(meta.Circuit, meta.Backend, meta.CircuitDigest)
	if opts.JSON {
		return cmdutil.PrintJSON(opts.F.Out, struct {
			*keystore.Meta
			ProvingKey   string `json:"provingKeyPath"`
			VerifyingKey string `json:"verifyingKeyPath"`
		}{meta, pk, vk})
	}
	w := tabwriter.NewWriter(opts.F.Out, 0, 2, 2, ' ', 0)
	fmt.Fprintf(w, "circuit\t%s %s (%s)\n", meta.Circuit, meta.Params, describeShape(shape))
	fmt.Fprintf(w, "backend\t%s\n", meta.Backend)
	fmt.Fprintf(w, "constraints\t%s\n", format.Int(meta.Constraints))
	fmt.Fprintf(w, "public inputs\t%d\n", meta.PublicInputs)
	fmt.Fprintf(w, "circuit digest\t%s\n", meta.CircuitDigest)
	fmt.Fprintf(w, "proving key\t%s\n", pk)
	fmt.Fprintf(w, "verifying key\t%s\n", vk)
	if meta.Insecure {
		fmt.Fprintf(w, "insecure\tYES: single-party setup; whoever ran it can forge proofs\n")
	} else {
		fmt.Fprintf(w, "insecure\tno\n")
	}
	return w.Flush()
}

// describeShape says in words what a circuit's parameters fix.
func describeShape(s prover.Shape) string {
	var parts []string
	if s.Circuit != "compliance" {
		parts = append(parts, fmt.Sprintf("%s users", format.Int(s.Users)))
	}
	if s.Circuit != "solvency" {
		parts = append(parts, fmt.Sprintf("%d action slots", s.Actions))
	}
	parts = append(parts, fmt.Sprintf("%d assets", s.Assets), fmt.Sprintf("%d venues", s.Venues), s.RangeCheck.String()+" range checks")
	return strings.Join(parts, ", ")
}

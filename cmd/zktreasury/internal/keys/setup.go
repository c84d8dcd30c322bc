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
	SRS         string
	SRSLagrange string
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

PLONK keys for production come from a KZG SRS of a public powers-of-tau ceremony
(--srs FILE, gnark-crypto's format; see the README for converting one): it is
checked against the circuit's size and its digest recorded beside the keys.
Groth16 keys for production come from ` + "`zktreasury ceremony`" + `. A single-party setup,
whose operator can forge proofs, exists for development and tests only and must
be requested with --insecure-dev.

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
			if opts.SRS != "" && (opts.Backend != "plonk" || opts.InsecureDev) {
				return cmdutil.Usagef("--srs is for --backend plonk, without --insecure-dev (Groth16 keys come from `zktreasury ceremony`)")
			}
			if opts.SRSLagrange != "" && opts.SRS == "" {
				return cmdutil.Usagef("--srs-lagrange needs --srs")
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
	fl.StringVar(&opts.SRS, "srs", "", "PLONK: KZG SRS file (gnark-crypto format) from a public powers-of-tau ceremony")
	fl.StringVar(&opts.SRSLagrange, "srs-lagrange", "", "PLONK: its Lagrange form for the circuit's domain (checked; derived if absent)")
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
	if !opts.InsecureDev && opts.SRS == "" {
		if opts.Backend == "plonk" {
			return fmt.Errorf("no SRS: pass --srs FILE, a KZG SRS converted from a public powers-of-tau ceremony (see the README); for development pass --insecure-dev")
		}
		return fmt.Errorf("groth16 keys for production come from a multi-party ceremony: run `zktreasury ceremony` (see --help); for development pass --insecure-dev")
	}
	if opts.InsecureDev {
		fmt.Fprintln(opts.F.Err, "WARNING: single-party setup (--insecure-dev): whoever ran it can forge proofs. Never use these keys with real funds.")
	}
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
	var meta *keystore.Meta
	if opts.SRS != "" {
		meta, err = prover.SetupPlonkSRS(keystore.Store{Dir: opts.KeysDir}, job, opts.SRS, opts.SRSLagrange, prog.Step)
	} else {
		meta, err = prover.SetupInsecure(keystore.Store{Dir: opts.KeysDir}, b, job, prog.Step)
	}
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

package prove

import (
	"errors"
	"fmt"
	"text/tabwriter"

	"github.com/shopspring/decimal"
	"github.com/spf13/cobra"

	"github.com/zktreasury/zktreasury/circuits/solvency"
	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/format"
	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/inputs"
	"github.com/zktreasury/zktreasury/prover"
	"github.com/zktreasury/zktreasury/prover/statement"
	"github.com/zktreasury/zktreasury/prover/zk"
	"github.com/zktreasury/zktreasury/treasury"
)

// SolvencyOptions are the options of `prove solvency`.
type SolvencyOptions struct {
	F       *cmdutil.Factory
	Inputs  inputs.Solvency
	Backend string
	KeysDir string
	Out     string
	JSON    bool
	// Batch holds the batched mode's flags (--batch-size with --plan, or
	// --manifest); Batch.Mode() is batchNone for the single circuit.
	Batch BatchOptions
}

// NewCmdSolvency returns `prove solvency`.
func NewCmdSolvency(f *cmdutil.Factory, runF func(*SolvencyOptions) error) *cobra.Command {
	opts := &SolvencyOptions{F: f}
	cmd := &cobra.Command{
		Use:   "solvency",
		Short: "Prove that the reserves cover the liabilities at the policy's ratio",
		Long: `Load the policy, prices, positions, liabilities and secrets; check solvency
natively (exit 3 without a proof if insolvent); prove with the stored keys; check
the proof; and write the proof file atomically.

Batched mode, for ledgers beyond one circuit: --plan DIR (with --batch-size K)
cuts the ledger into batches, makes the batch keys once and writes DIR's
manifest; --manifest DIR [--shard I/N] proves the batches of a shard that have
no valid proof yet (rerun it after a crash); --manifest DIR --join checks every
batch proof and writes DIR/joined.json. The solvency comparison with the
reserves is made later, on the joined totals.`,
		Example: `  zktreasury prove solvency --case testdata/solvency/solvent --out out/solvency.proof.json

  # batched: plan once, prove the batches (any shard, anywhere), join
  zktreasury prove solvency --case testdata/solvency/solvent --batch-size 4 --plan run/
  zktreasury prove solvency --manifest run/ --shard 0/2 --workers 2
  zktreasury prove solvency --manifest run/ --shard 1/2
  zktreasury prove solvency --manifest run/ --join`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := opts.Batch.resolve(cmd); err != nil {
				return err
			}
			if opts.Batch.mode != batchNone {
				if opts.Batch.mode == batchPlan {
					if err := opts.Inputs.Resolve(cmd, true); err != nil {
						return err
					}
				}
				if runF != nil {
					return runF(opts)
				}
				return batchedRun(opts)
			}
			if _, err := zk.ByName(opts.Backend); err != nil {
				return cmdutil.Usagef("--backend: %v", err)
			}
			if err := opts.Inputs.Resolve(cmd, true); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return solvencyRun(opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Backend, "backend", "groth16", "proof system: groth16 or plonk")
	fl.StringVar(&opts.KeysDir, "keys", "keys", "key store directory")
	fl.StringVar(&opts.Out, "out", "solvency.proof.json", "proof file to write")
	fl.BoolVar(&opts.JSON, "json", false, "print the result as JSON")
	opts.Inputs.Register(cmd, true)
	opts.Batch.register(cmd)
	return cmd
}

// SolvencyResult is the JSON output of `prove solvency`.
type SolvencyResult struct {
	Solvent     bool   `json:"solvent"`
	Reason      string `json:"reason,omitempty"`
	RatioBps    int64  `json:"ratioBps"`
	MinRatioBps uint64 `json:"minRatioBps"`
	// HaircutReservesUSD and LiabilitiesUSD are the totals the proof compares,
	// at the public prices.
	HaircutReservesUSD decimal.Decimal        `json:"haircutReservesUSD"`
	LiabilitiesUSD     decimal.Decimal        `json:"liabilitiesUSD"`
	Users              int                    `json:"users"`
	Capacity           int                    `json:"capacity"`
	ProofFile          string                 `json:"proofFile,omitempty"`
	Backend            string                 `json:"backend"`
	PublicInputs       []statement.NamedInput `json:"publicInputs"`
}

func solvencyRun(opts *SolvencyOptions) error {
	prog := cmdutil.NewProgress(opts.F.Err, opts.JSON)
	prog.Step("loading inputs")
	st, pol, err := opts.Inputs.Build()
	if err != nil {
		return err
	}
	res := SolvencyResult{Solvent: true, RatioBps: st.RatioBps(), MinRatioBps: st.MinRatioBps, Users: len(st.Users),
		Capacity: st.Params.Users, Backend: opts.Backend, PublicInputs: st.Public(pol.Symbols())}
	res.HaircutReservesUSD, res.LiabilitiesUSD = solvencyFigures(st, pol)
	if err := st.Check(); err != nil {
		if !errors.Is(err, statement.ErrInsolvent) {
			return err
		}
		res.Solvent, res.Reason = false, err.Error()
		if err := report(opts, pol, res, insolventReason(st, pol, res.HaircutReservesUSD, res.LiabilitiesUSD)); err != nil {
			return err
		}
		return &cmdutil.NoError{Reason: err.Error()}
	}
	shape, err := solvency.NewCircuit(st.Params)
	if err != nil {
		return err
	}
	job := prover.Job{Circuit: "solvency", Params: st.Params.String(), Shape: shape}
	if err := proveAndWrite(opts.KeysDir, opts.Backend, job, st.Assignment(), res.PublicInputs, opts.Out, "--policy, --capacity and --range-check", prog); err != nil {
		return err
	}
	res.ProofFile = opts.Out
	return report(opts, pol, res, "")
}

// report prints the result; humanReason, when set, replaces the reason's
// value-unit figures on the human output.
func report(opts *SolvencyOptions, pol *treasury.Policy, res SolvencyResult, humanReason string) error {
	if opts.JSON {
		return cmdutil.PrintJSON(opts.F.Out, res)
	}
	w := tabwriter.NewWriter(opts.F.Out, 0, 2, 2, ' ', 0)
	verdict := "SOLVENT"
	if !res.Solvent {
		verdict = "INSOLVENT"
	}
	fmt.Fprintf(w, "verdict\t%s\n", verdict)
	if humanReason == "" {
		humanReason = res.Reason
	}
	if humanReason != "" {
		fmt.Fprintf(w, "reason\t%s\n", humanReason)
	}
	ratio := "no liabilities"
	if res.RatioBps >= 0 {
		ratio = format.Percent(res.RatioBps)
	}
	fmt.Fprintf(w, "solvency ratio\t%s (minimum %s)\n", ratio, format.Percent(res.MinRatioBps))
	fmt.Fprintf(w, "haircut reserves\t%s\n", format.USD(res.HaircutReservesUSD))
	fmt.Fprintf(w, "liabilities\t%s\n", format.USD(res.LiabilitiesUSD))
	fmt.Fprintf(w, "users\t%d of capacity %d\n", res.Users, res.Capacity)
	writeInputs(w, pol, res.PublicInputs)
	if res.ProofFile != "" {
		fmt.Fprintf(w, "proof\t%s (%s)\n", res.ProofFile, res.Backend)
	}
	return w.Flush()
}

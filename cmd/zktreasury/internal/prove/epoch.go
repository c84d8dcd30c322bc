package prove

import (
	"errors"
	"fmt"
	"math/big"
	"text/tabwriter"

	"github.com/consensys/gnark/frontend"
	"github.com/shopspring/decimal"
	"github.com/spf13/cobra"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/format"
	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/inputs"
	"github.com/zktreasury/zktreasury/prover"
	"github.com/zktreasury/zktreasury/prover/batchrun"
	"github.com/zktreasury/zktreasury/prover/prooffile"
	"github.com/zktreasury/zktreasury/prover/statement"
	"github.com/zktreasury/zktreasury/prover/zk"
	"github.com/zktreasury/zktreasury/treasury"
	"github.com/zktreasury/zktreasury/treasury/corridor"
)

// EpochOptions are the options of `prove compliance` and `prove epoch`.
type EpochOptions struct {
	F       *cmdutil.Factory
	Circuit string // "compliance" or "epoch"
	Inputs  inputs.Epoch
	Backend string
	KeysDir string
	Out     string
	JSON    bool
	// Manifest, for `prove epoch`, is a batched run's directory: the epoch's
	// liabilities are its joined proof, wrapped in circuits/wrap.
	Manifest string
}

// NewCmdCompliance returns `prove compliance`.
func NewCmdCompliance(f *cmdutil.Factory, runF func(*EpochOptions) error) *cobra.Command {
	return newCmdEpochLike(f, runF, "compliance", "Prove that an epoch's actions stayed inside the policy's corridors",
		`Load the policy, prices, the positions before the epoch S(n-1), the epoch's action
log and the secrets; check every corridor with the reference checker (exit 3,
no proof, if one is left); prove that the logged actions took S(n-1) to S(n)
inside the corridors; check the proof; write the proof file atomically.`)
}

// NewCmdEpoch returns `prove epoch`.
func NewCmdEpoch(f *cmdutil.Factory, runF func(*EpochOptions) error) *cobra.Command {
	return newCmdEpochLike(f, runF, "epoch", "Prove an epoch's compliance and the solvency of its end state in one proof",
		`Prove, in one proof verified on-chain by the registry, that the epoch's actions
took S(n-1) to S(n) inside the corridors and that S(n) covers the liabilities.
Exit 3 without a proof if the epoch is non-compliant or S(n) insolvent.`)
}

func newCmdEpochLike(f *cmdutil.Factory, runF func(*EpochOptions) error, circuit, short, long string) *cobra.Command {
	opts := &EpochOptions{F: f, Circuit: circuit}
	opts.Inputs.NeedLiabilities = circuit == "epoch"
	cmd := &cobra.Command{
		Use:     circuit,
		Short:   short,
		Long:    long,
		Example: fmt.Sprintf("  zktreasury prove %s --case testdata/epoch --out out/%s.proof.json", circuit, circuit),
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if _, err := zk.ByName(opts.Backend); err != nil {
				return cmdutil.Usagef("--backend: %v", err)
			}
			if !cmd.Flags().Changed("range-check") {
				opts.Inputs.RangeCheck = prover.DefaultRangeCheck(circuit).String()
			}
			if err := opts.Inputs.Resolve(cmd, true); err != nil {
				return err
			}
			if opts.Manifest != "" && cmd.Flags().Changed("keys") {
				return cmdutil.Usagef("with --manifest the keys are the run's (%s/keys): drop --keys", opts.Manifest)
			}
			if opts.Manifest != "" && opts.Backend != "groth16" {
				return cmdutil.Usagef("a batched epoch is proven with groth16 (the wrap of the joined proof): drop --backend %s", opts.Backend)
			}
			if runF != nil {
				return runF(opts)
			}
			if opts.Manifest != "" {
				return batchedEpochRun(opts)
			}
			return epochRun(opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Backend, "backend", "groth16", "proof system: groth16 or plonk")
	fl.StringVar(&opts.KeysDir, "keys", "keys", "key store directory")
	fl.StringVar(&opts.Out, "out", circuit+".proof.json", "proof file to write")
	fl.BoolVar(&opts.JSON, "json", false, "print the result as JSON")
	if circuit == "epoch" {
		fl.StringVar(&opts.Manifest, "manifest", "", "a batched run's directory (prove solvency --plan, then --join --aggregate): prove the epoch over its joined proof")
	}
	opts.Inputs.Register(cmd, "lookup")
	return cmd
}

// EpochResult is the JSON output of `prove compliance` and `prove epoch`.
type EpochResult struct {
	Circuit      string                 `json:"circuit"`
	OK           bool                   `json:"ok"`
	Reason       string                 `json:"reason,omitempty"`
	Epoch        uint64                 `json:"epoch"`
	Actions      int                    `json:"actions"`
	Slots        int                    `json:"slots"`
	Turnover     string                 `json:"turnoverValueUnits,omitempty"`
	Loss         string                 `json:"lossValueUnits,omitempty"`
	TurnoverUSD  *decimal.Decimal       `json:"turnoverUSD,omitempty"`
	LossUSD      *decimal.Decimal       `json:"lossUSD,omitempty"`
	ProofFile    string                 `json:"proofFile,omitempty"`
	Backend      string                 `json:"backend"`
	PublicInputs []statement.NamedInput `json:"publicInputs,omitempty"`
	// humanReason is Reason with its figures in USD, tokens and percent.
	humanReason string
}

func epochRun(opts *EpochOptions) error {
	prog := cmdutil.NewProgress(opts.F.Err, opts.JSON)
	prog.Step("loading inputs")
	in, err := opts.Inputs.Load()
	if err != nil {
		return err
	}
	res := EpochResult{Circuit: opts.Circuit, OK: true, Epoch: in.Epoch, Actions: len(in.Actions), Backend: opts.Backend}
	no := func(err error) error { return refuseEpoch(opts, in.Policy, res, err) }
	var job prover.Job
	var assignment frontend.Circuit
	symbols := in.Policy.Symbols()
	shape := prover.Shape{Circuit: opts.Circuit, Assets: len(in.Policy.Assets), Venues: len(in.Policy.Venues), RangeCheck: in.RangeCheck}
	if opts.Circuit == "compliance" {
		comp, sum, err := statement.CheckedCompliance(in)
		if errors.Is(err, statement.ErrNonCompliant) {
			return no(err)
		}
		if err != nil {
			return err
		}
		res.Slots, res.Turnover, res.Loss = comp.Params.Actions, sum.Turnover.String(), sum.Loss.String()
		res.TurnoverUSD, res.LossUSD = valueUSD(in.Policy, sum.Turnover), valueUSD(in.Policy, sum.Loss)
		shape.Actions = comp.Params.Actions
		res.PublicInputs = comp.Public(symbols)
		assignment = comp.Assignment()
	} else {
		e, err := statement.BuildEpoch(in)
		if errors.Is(err, statement.ErrNonCompliant) {
			return no(err)
		}
		if err != nil {
			return err
		}
		if err := e.Solvency.Check(); err != nil {
			if errors.Is(err, statement.ErrInsolvent) {
				reserves, liabilities := solvencyFigures(e.Solvency, in.Policy)
				res.humanReason = "insolvent: " + insolventReason(e.Solvency, in.Policy, reserves, liabilities)
				return no(err)
			}
			return err
		}
		res.Slots, res.Turnover, res.Loss = e.Params.Actions, e.Summary.Turnover.String(), e.Summary.Loss.String()
		res.TurnoverUSD, res.LossUSD = valueUSD(in.Policy, e.Summary.Turnover), valueUSD(in.Policy, e.Summary.Loss)
		shape.Actions, shape.Users = e.Params.Actions, e.Params.Users
		res.PublicInputs = e.Public(symbols)
		assignment = e.Assignment()
	}
	job, err = shape.Job()
	if err != nil {
		return err
	}
	rounds, err := roundsFor(in.Policy, opts.Inputs.Rounds)
	if err != nil {
		return err
	}
	extras := func(f *prooffile.File) { f.Rounds, f.ActionLogHead = rounds, in.LogHead() }
	if err := proveAndWrite(opts.KeysDir, opts.Backend, job, assignment, res.PublicInputs, opts.Out, "--policy, --capacity, --slots and --range-check", prog, extras); err != nil {
		return err
	}
	res.ProofFile = opts.Out
	return reportEpoch(opts, in.Policy, res)
}

// refuseEpoch reports an epoch that has no proof (non-compliant or
// insolvent; a corridor violation in USD, tokens and percent) and returns the
// exit-3 error.
func refuseEpoch(opts *EpochOptions, pol *treasury.Policy, res EpochResult, err error) error {
	res.OK, res.Reason = false, err.Error()
	var v *corridor.Violation
	if res.humanReason == "" && errors.As(err, &v) {
		res.humanReason = "non-compliant: " + format.Violation(pol, v)
	}
	if rerr := reportEpoch(opts, pol, res); rerr != nil {
		return rerr
	}
	return &cmdutil.NoError{Reason: err.Error()}
}

func reportEpoch(opts *EpochOptions, pol *treasury.Policy, res EpochResult) error {
	if opts.JSON {
		return cmdutil.PrintJSON(opts.F.Out, res)
	}
	w := tabwriter.NewWriter(opts.F.Out, 0, 2, 2, ' ', 0)
	verdict := "COMPLIANT"
	if res.Circuit == "epoch" || res.Circuit == batchrun.WrapCircuitName {
		verdict = "COMPLIANT AND SOLVENT"
	}
	if !res.OK {
		verdict = "REFUSED"
	}
	fmt.Fprintf(w, "verdict\t%s\n", verdict)
	if res.humanReason != "" {
		fmt.Fprintf(w, "reason\t%s\n", res.humanReason)
	} else if res.Reason != "" {
		fmt.Fprintf(w, "reason\t%s\n", res.Reason)
	}
	if res.Slots > 0 {
		fmt.Fprintf(w, "epoch\t%d (%d actions in %d slots)\n", res.Epoch, res.Actions, res.Slots)
	} else {
		fmt.Fprintf(w, "epoch\t%d (%d actions)\n", res.Epoch, res.Actions)
	}
	if res.TurnoverUSD != nil {
		fmt.Fprintf(w, "turnover\t%s\n", format.USD(*res.TurnoverUSD))
		fmt.Fprintf(w, "loss versus oracle\t%s\n", format.USD(*res.LossUSD))
	}
	writeInputs(w, pol, res.PublicInputs)
	if res.ProofFile != "" {
		fmt.Fprintf(w, "proof\t%s (%s)\n", res.ProofFile, res.Backend)
	}
	return w.Flush()
}

// roundsFor checks the case's Chainlink rounds: one decimal uint80 per asset of
// the policy, or none at all (then epoch submit takes them from --rounds).
func roundsFor(p *treasury.Policy, rounds map[string]string) (map[string]string, error) {
	if len(rounds) == 0 {
		return nil, nil
	}
	out := map[string]string{}
	for _, sym := range p.Symbols() {
		r, ok := rounds[sym]
		if !ok {
			return nil, &treasury.InputError{File: statement.CaseFile, Field: "rounds." + sym, Msg: "no Chainlink round for this asset"}
		}
		v, ok := new(big.Int).SetString(r, 10)
		if !ok || v.Sign() <= 0 || v.BitLen() > 80 {
			return nil, &treasury.InputError{File: statement.CaseFile, Field: "rounds." + sym, Value: r, Msg: "not a round id (a positive decimal uint80)"}
		}
		out[sym] = v.String()
	}
	for sym := range rounds {
		if p.AssetIndex(sym) < 0 {
			return nil, &treasury.InputError{File: statement.CaseFile, Field: "rounds." + sym, Msg: "not an asset of the policy"}
		}
	}
	return out, nil
}

// batchedEpochRun proves a batched epoch: the compliance of the case's actions
// and the solvency of S(n) against the joined proof of the run in --manifest,
// in one BN254 proof the registry verifies like an unbatched epoch's
// (circuit "wrap"). The first run makes the wrap's keys in the run's key store
// (single-party, INSECURE; a ~9.5M-R1CS setup).
func batchedEpochRun(opts *EpochOptions) error {
	prog := cmdutil.NewProgress(opts.F.Err, opts.JSON)
	prog.Step("loading inputs")
	in, err := opts.Inputs.Load()
	if err != nil {
		return err
	}
	res := EpochResult{Circuit: batchrun.WrapCircuitName, OK: true, Epoch: in.Epoch, Actions: len(in.Actions), Backend: opts.Backend}
	ep, err := batchrun.ProveEpoch(opts.Manifest, in, prog.Step)
	if errors.Is(err, statement.ErrNonCompliant) || errors.Is(err, statement.ErrInsolvent) {
		return refuseEpoch(opts, in.Policy, res, err)
	}
	if err != nil {
		return err
	}
	rounds, err := roundsFor(in.Policy, opts.Inputs.Rounds)
	if err != nil {
		return err
	}
	ep.File.Rounds, ep.File.ActionLogHead = rounds, in.LogHead()
	if ep.File.Insecure {
		fmt.Fprintf(opts.F.Err, "warning: keys of this proof come from a single-party setup (insecure): whoever ran it can forge proofs\n")
	}
	if err := prooffile.Write(opts.Out, ep.File); err != nil {
		return err
	}
	sum := ep.Statement.Summary
	res.Slots, res.PublicInputs, res.ProofFile = ep.Statement.Params.Actions, ep.File.PublicInputs, opts.Out
	res.Turnover, res.Loss = sum.Turnover.String(), sum.Loss.String()
	res.TurnoverUSD, res.LossUSD = valueUSD(in.Policy, sum.Turnover), valueUSD(in.Policy, sum.Loss)
	return reportEpoch(opts, in.Policy, res)
}

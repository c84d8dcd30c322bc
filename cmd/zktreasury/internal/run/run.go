// Package run implements `zktreasury run`: epochs end to end, resumable.
package run

import (
	"errors"
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/runner"
)

// Options are the options of `run`.
type Options struct {
	F      *cmdutil.Factory
	Config string
	Init   string
	Epochs uint64
	State  string
	Keys   string
	// RPC, Key and DevAccount override the config's chain.
	RPC, Key   string
	DevAccount bool
	// Contracts is the contracts directory (solc-js); "": ./contracts.
	Contracts string
	JSON      bool
}

// NewCmdRun returns `run`.
func NewCmdRun(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{F: f}
	cmd := &cobra.Command{
		Use:   "run --config FILE [--epochs N]",
		Short: "Run epochs end to end: plan, execute, log, prove, verify, submit, inclusion files",
		Long: `Run the treasury's epochs from a configuration (run --init DIR writes a commented
one): for each epoch of the price series, plan with the engine inside the policy's
corridors, execute on the venue model, log the actions, prove the epoch circuit,
verify the proof with the pinned verifying key, push the epoch's round into the
mock feeds, submit to the registry and write every user's inclusion file.

--epochs N runs through epoch N (default: the next epoch). Each epoch is chained
to the last on the same registry. The chain is an in-process simulated chain kept
in the state directory unless the config names an RPC node.

The state directory (state.json) makes a run resumable: killed at any point and
started again with the same command, it ends in the state an uninterrupted run
ends in: a verified proof on disk is reused (never proven twice), a recorded
transaction is looked up and the registry read before submitting (never
submitted twice; an epoch that landed before the crash is recognised).

Exit 3 when an epoch is insolvent (no proof) or the registry refuses it.`,
		Example: `  zktreasury run --init mytreasury
  zktreasury keys setup epoch --insecure-dev --policy mytreasury/policy.json --capacity 16 --slots 8 --keys mytreasury/keys
  zktreasury run --config mytreasury/config.json --epochs 4`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if (opts.Config == "") == (opts.Init == "") {
				return cmdutil.Usagef("pass exactly one of --config FILE and --init DIR")
			}
			if (opts.Key != "" || opts.DevAccount) && opts.RPC == "" {
				return cmdutil.Usagef("--key and --dev-account go with --rpc")
			}
			if opts.RPC != "" && (opts.Key == "") == !opts.DevAccount {
				return cmdutil.Usagef("with --rpc, pass exactly one of --key FILE and --dev-account")
			}
			if opts.Init != "" && (opts.Epochs != 0 || opts.State != "" || opts.Keys != "" || opts.RPC != "") {
				return cmdutil.Usagef("--init takes no other flag")
			}
			if runF != nil {
				return runF(opts)
			}
			return runRun(cmd, opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Config, "config", "", "run configuration (config.json)")
	fl.StringVar(&opts.Init, "init", "", "write a commented starting configuration and its inputs into DIR")
	fl.Uint64Var(&opts.Epochs, "epochs", 0, "run through epoch N (default: the next epoch)")
	fl.StringVar(&opts.State, "state", "", "state directory (overrides the config's state)")
	fl.StringVar(&opts.Keys, "keys", "", "key store (overrides the config's keys)")
	fl.StringVar(&opts.RPC, "rpc", "", "submit to this JSON-RPC node (overrides the config's chain; needs --key or --dev-account)")
	fl.StringVar(&opts.Key, "key", "", "file holding the signer's hex private key, with --rpc")
	fl.BoolVar(&opts.DevAccount, "dev-account", false, "with --rpc: sign with a fresh key funded by a geth --dev node's unlocked account")
	fl.StringVar(&opts.Contracts, "contracts", "", "contracts directory with tools/compile.js and solc-js (default: ./contracts)")
	fl.BoolVar(&opts.JSON, "json", false, "print one JSON document at the end (no progress)")
	return cmd
}

func runRun(cmd *cobra.Command, opts *Options) error {
	if opts.Init != "" {
		wrote, err := runner.Init(opts.Init)
		if err != nil {
			return err
		}
		if opts.JSON {
			return cmdutil.PrintJSON(opts.F.Out, map[string]any{"wrote": wrote})
		}
		for _, w := range wrote {
			fmt.Fprintf(opts.F.Out, "wrote %s\n", w)
		}
		return nil
	}
	cfg, err := runner.LoadConfig(opts.Config)
	if err != nil {
		return err
	}
	if opts.State != "" {
		cfg.SetState(opts.State)
	}
	if opts.Keys != "" {
		cfg.SetKeys(opts.Keys)
	}
	if opts.RPC != "" {
		cfg.SetChain(runner.ChainConfig{RPC: opts.RPC, Key: opts.Key, DevAccount: opts.DevAccount})
	}
	res, err := runner.Run(cmd.Context(), runner.Options{Config: cfg, Through: opts.Epochs, Err: opts.F.Err, Quiet: opts.JSON, ContractsDir: opts.Contracts})
	if errors.Is(err, runner.ErrInsolvent) {
		err = &cmdutil.NoError{Reason: err.Error()}
	}
	if res != nil {
		if perr := report(opts, res); perr != nil && err == nil {
			err = perr
		}
	}
	return err
}

func report(opts *Options, res *runner.Result) error {
	if opts.JSON {
		return cmdutil.PrintJSON(opts.F.Out, res)
	}
	w := tabwriter.NewWriter(opts.F.Out, 0, 2, 2, ' ', 0)
	for _, e := range res.Epochs {
		fmt.Fprintf(w, "epoch %d\t%s → %s\n", e.Epoch, e.Start.Format("2006-01-02"), e.End.Format("2006-01-02"))
		fmt.Fprintf(w, "  solvency ratio\t%s%% (minimum %s%%)\n", e.SolvencyRatioPercent, e.MinRatioPercent)
		if len(e.Actions) == 0 {
			fmt.Fprintf(w, "  actions\tnone\n")
		}
		for i, a := range e.Actions {
			label := ""
			if i == 0 {
				label = fmt.Sprintf("actions (%d)", len(e.Actions))
			}
			fmt.Fprintf(w, "  %s\t%s at %s: %s %s → %s %s\n", label, a.Kind, a.Venue, a.AmountIn, a.AssetIn, a.AmountOut, a.AssetOut)
		}
		c := e.Corridors
		fmt.Fprintf(w, "  corridors\tturnover %s of %s USD budget, loss %s of %s USD, each action ≤ %s USD notional and ≤ %d bps slippage\n",
			c.TurnoverUSD, c.TurnoverBudgetUSD, c.LossUSD, c.LossBudgetUSD, c.NotionalCapUSD, c.MaxSlippageBps)
		for _, wt := range c.Weights {
			fmt.Fprintf(w, "  \t%s\n", wt)
		}
		how := fmt.Sprintf("proved in %.1fs", e.ProveSeconds)
		if e.ProofReused {
			how = "reused (verified)"
		}
		fmt.Fprintf(w, "  proof\t%s (%d bytes, %s)\n", e.Proof, e.ProofBytes, how)
		recog := ""
		if e.RecognisedOnChain {
			recog = ", found already recorded"
		}
		fmt.Fprintf(w, "  on chain\tblock %d, %d gas, tx %s%s\n", e.Block, e.GasUsed, e.TxHash, recog)
		fmt.Fprintf(w, "  inclusion files\t%d in %s/inclusion\n", e.InclusionFiles, e.Dir)
	}
	fmt.Fprintf(w, "last epoch\t%d, state %s\n", res.LastEpoch, res.StateCommitment)
	fmt.Fprintf(w, "registry\t%s on %s (deployment %s)\n", res.Registry, res.Chain, res.Deployment)
	return w.Flush()
}

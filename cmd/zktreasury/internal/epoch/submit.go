package epoch

import (
	"context"
	"errors"
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/chain"
	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
	"github.com/zktreasury/zktreasury/contracts"
	"github.com/zktreasury/zktreasury/prover/prooffile"
)

// SubmitOptions are the options of `epoch submit`.
type SubmitOptions struct {
	F          *cmdutil.Factory
	RPC        string
	Signer     chain.Signer
	Deployment string
	Proofs     []string
	JSON       bool
}

// NewCmdSubmit returns `epoch submit`.
func NewCmdSubmit(f *cmdutil.Factory, runF func(*SubmitOptions) error) *cobra.Command {
	opts := &SubmitOptions{F: f}
	cmd := &cobra.Command{
		Use:   "submit <proof-file>...",
		Short: "Submit an epoch's proofs to the registry and wait for the receipt",
		Long: `Submit one epoch proof (combined mode) or a solvency and a compliance proof
(separate mode) to the registry of a deployment, and wait for the transaction.
The registry builds the public inputs itself from its storage (previous state,
policy in force), the epoch and the oracle-checked prices; each proof must be
for the verifying key the deployed verifier pins.

Exit 3 when the registry refuses the epoch, with its error's name (epoch out
of order, proof rejected, stale or deviating price, paused...); nothing is
sent then, since the refusal is found when estimating gas.`,
		Example: "  zktreasury epoch submit --rpc http://127.0.0.1:8545 --dev-account --deployment out/deployment.json out/epoch.proof.json",
		Args:    cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Proofs = args
			if err := opts.Signer.Validate(); err != nil {
				return err
			}
			if opts.RPC == "" {
				return cmdutil.Usagef("--rpc is required")
			}
			if opts.Deployment == "" {
				return cmdutil.Usagef("--deployment is required (the file `zktreasury chain deploy` wrote)")
			}
			if len(args) > 2 {
				return cmdutil.Usagef("at most two proof files: one epoch proof, or a solvency and a compliance proof")
			}
			if runF != nil {
				return runF(opts)
			}
			return submitRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.RPC, "rpc", "", "the node's JSON-RPC URL")
	opts.Signer.Register(cmd)
	cmd.Flags().StringVar(&opts.Deployment, "deployment", "deployment.json", "deployment file written by `zktreasury chain deploy`")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the result as JSON")
	return cmd
}

// SubmitResult is the JSON output of `epoch submit`.
type SubmitResult struct {
	Recorded bool   `json:"recorded"`
	Epoch    uint64 `json:"epoch"`
	Registry string `json:"registry"`
	TxHash   string `json:"txHash,omitempty"`
	Block    uint64 `json:"block,omitempty"`
	GasUsed  uint64 `json:"gasUsed,omitempty"`
	// Error is the registry's error name when it refused the epoch; Revert the error with its
	// arguments; Hint says what likely went wrong.
	Error  string `json:"error,omitempty"`
	Revert string `json:"revert,omitempty"`
	Hint   string `json:"hint,omitempty"`
}

func submitRun(ctx context.Context, opts *SubmitOptions) error {
	if ctx == nil {
		ctx = context.Background()
	}
	prog := cmdutil.NewProgress(opts.F.Err, opts.JSON)
	dep, err := chain.ReadDeployment(opts.Deployment)
	if err != nil {
		return err
	}
	var files []*prooffile.File
	for _, p := range opts.Proofs {
		f, err := prooffile.Read(p)
		if err != nil {
			return err
		}
		files = append(files, f)
	}
	claim, err := BuildSubmission(dep, files)
	if err != nil {
		return err
	}
	conn, err := chain.Dial(ctx, opts.RPC)
	if err != nil {
		return err
	}
	defer conn.Close()
	if err := dep.CheckChain(conn); err != nil {
		return err
	}
	acct, err := opts.Signer.Open(ctx, conn, opts.F.Err)
	if err != nil {
		return err
	}
	reg, err := contracts.NewRegistry(dep.Registry, conn.Client, acct.Auth)
	if err != nil {
		return err
	}
	prog.Step("submitting epoch %d to %s (%s mode)", claim.Epoch, dep.Registry, dep.Mode)
	res := SubmitResult{Epoch: claim.Epoch, Registry: dep.Registry.Hex()}
	receipt, err := reg.SubmitEpoch(ctx, claim.EpochSubmission)
	if receipt != nil {
		res.TxHash, res.Block, res.GasUsed = receipt.TxHash.Hex(), receipt.BlockNumber.Uint64(), receipt.GasUsed
	}
	var revert *contracts.RevertError
	switch {
	case err == nil:
		res.Recorded = true
	case errors.As(err, &revert):
		res.Error, res.Revert = revert.Name, revert.Error()
		res.Hint = hint(ctx, reg, claim, revert)
	case errors.Is(err, contracts.ErrReverted):
		res.Error, res.Revert = "reverted", err.Error()
	default:
		return err
	}
	if err := report(opts, res); err != nil {
		return err
	}
	if !res.Recorded {
		return &cmdutil.NoError{Reason: "the registry refused epoch " + fmt.Sprint(res.Epoch) + ": " + res.Revert}
	}
	return nil
}

// hint explains a rejected proof by comparing what the proofs were made for with the
// registry's state; it is empty when it has nothing to add.
func hint(ctx context.Context, reg *contracts.Registry, c *Claim, revert *contracts.RevertError) string {
	if !errors.Is(revert, contracts.ErrProofRejected) {
		return ""
	}
	st, err := reg.Status(ctx)
	if err != nil {
		return ""
	}
	switch {
	case st.CurrentState.Cmp(c.PrevState) != 0:
		return fmt.Sprintf("the proof starts from S(n-1) = %#x, the registry's current state is %#x", c.PrevState, st.CurrentState)
	case st.PolicyCommitment.Cmp(c.Policy) != 0:
		return fmt.Sprintf("the proof is under policy %#x, the policy in force is %#x", c.Policy, st.PolicyCommitment)
	}
	return "the proof does not verify against the registry-built inputs: a proof or a public input was altered, or the keys differ"
}

func report(opts *SubmitOptions, res SubmitResult) error {
	if opts.JSON {
		return cmdutil.PrintJSON(opts.F.Out, res)
	}
	w := tabwriter.NewWriter(opts.F.Out, 0, 2, 2, ' ', 0)
	if res.Recorded {
		fmt.Fprintf(w, "verdict\tRECORDED\n")
	} else {
		fmt.Fprintf(w, "verdict\tREJECTED: %s\n", res.Error)
		fmt.Fprintf(w, "revert\t%s\n", res.Revert)
		if res.Hint != "" {
			fmt.Fprintf(w, "hint\t%s\n", res.Hint)
		}
	}
	fmt.Fprintf(w, "epoch\t%d\n", res.Epoch)
	fmt.Fprintf(w, "registry\t%s\n", res.Registry)
	if res.TxHash != "" {
		fmt.Fprintf(w, "tx\t%s (block %d)\n", res.TxHash, res.Block)
		fmt.Fprintf(w, "gas used\t%d\n", res.GasUsed)
	}
	return w.Flush()
}

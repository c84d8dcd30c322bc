package epoch

import (
	"context"
	"errors"
	"fmt"
	"text/tabwriter"
	"time"

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
	Proof      string
	// RoundsFile is a JSON {"SYMBOL": "round id"} used when the proof file has no "rounds".
	RoundsFile string
	JSON       bool
}

// NewCmdSubmit returns `epoch submit`.
func NewCmdSubmit(f *cmdutil.Factory, runF func(*SubmitOptions) error) *cobra.Command {
	opts := &SubmitOptions{F: f}
	cmd := &cobra.Command{
		Use:   "submit <epoch-proof-file>",
		Short: "Submit an epoch proof to the registry and wait for the receipt",
		Long: `Submit an epoch proof to the registry of a deployment, and wait for the
transaction. The submission carries the epoch, its start and end times, the new
state, liabilities root, actions commitment and count, the per-asset inflows and
outflows (all read from the proof file's public inputs), the Chainlink round of
each asset's price (the proof file's "rounds" object, or --rounds FILE of the
same shape: {"USDC": "18446744073709551617", ...}) and the proof. The registry
builds the public inputs itself: the previous state and the policy that judges
the epoch from its storage, each price from the named round (which must be the
round in force at the epoch's end, within its feed's heartbeat); the proof must
be for the verifying key the deployed verifier pins.

Exit 3 when the registry refuses the epoch, with its error's name (epoch out
of order, start not the previous end, stale or superseded round, proof
rejected, paused...); nothing is sent then, since the refusal is found when
estimating gas.`,
		Example: `  zktreasury epoch submit --rpc http://127.0.0.1:8545 --dev-account --deployment out/deployment.json out/epoch.proof.json
  zktreasury epoch submit --rpc $RPC --key operator.key --deployment deployment.json --rounds rounds.json epoch-7.proof.json`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Proof = args[0]
			if err := opts.Signer.Validate(); err != nil {
				return err
			}
			if opts.RPC == "" {
				return cmdutil.Usagef("--rpc is required")
			}
			if opts.Deployment == "" {
				return cmdutil.Usagef("--deployment is required (the file `zktreasury chain deploy` wrote)")
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
	cmd.Flags().StringVar(&opts.RoundsFile, "rounds", "", "JSON {\"SYMBOL\": \"round id\"} of the Chainlink rounds priced at, when the proof file has no \"rounds\"")
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

// loadRounds takes the rounds from the proof file, or else from --rounds; naming them in both
// places is refused, so it is never unclear which the submission used.
func loadRounds(opts *SubmitOptions) (Rounds, error) {
	r, inFile, err := ProofFileRounds(opts.Proof)
	if err != nil {
		return nil, err
	}
	switch {
	case inFile && opts.RoundsFile != "":
		return nil, cmdutil.Usagef("%s names its rounds; drop --rounds %s", opts.Proof, opts.RoundsFile)
	case inFile:
		return r, nil
	case opts.RoundsFile != "":
		return ReadRoundsFile(opts.RoundsFile)
	}
	return nil, cmdutil.Usagef("%s has no \"rounds\": pass --rounds FILE naming each asset's Chainlink round ({\"USDC\": \"18446744073709551617\", ...})", opts.Proof)
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
	f, err := prooffile.Read(opts.Proof)
	if err != nil {
		return err
	}
	rounds, err := loadRounds(opts)
	if err != nil {
		return err
	}
	claim, err := BuildSubmission(dep, f, rounds)
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
	prog.Step("submitting epoch %d [%s, %s) to %s", claim.Epoch, utc(claim.StartTime), utc(claim.EndTime), dep.Registry)
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
		res.Hint = hint(ctx, conn, reg, dep, claim, revert)
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

func utc(unix uint64) string { return time.Unix(int64(unix), 0).UTC().Format(time.RFC3339) }

// hint explains a refusal by comparing what the proof was made for with the registry's state
// and the named rounds; it is empty when it has nothing to add.
func hint(ctx context.Context, conn *chain.Conn, reg *contracts.Registry, dep *chain.Deployment, c *contracts.Claim, revert *contracts.RevertError) string {
	switch {
	case errors.Is(revert, contracts.ErrStartNotPreviousEnd):
		return "the proof's epoch must start where the last recorded one ended (epoch status shows it)"
	case errors.Is(revert, contracts.ErrRoundSuperseded):
		return "a later round was updated by the epoch's end: price the epoch at the round in force at its end"
	case errors.Is(revert, contracts.ErrStaleRound):
		return "the round is older than its feed's heartbeat at the epoch's end: the feed did not update in time, or another round is meant"
	case !errors.Is(revert, contracts.ErrProofRejected):
		return ""
	}
	st, err := reg.Status(ctx)
	if err != nil {
		return ""
	}
	switch {
	case st.CurrentState.Cmp(c.PrevState) != 0:
		return fmt.Sprintf("the proof starts from S(n-1) = %#x, the registry's current state is %#x", c.PrevState, st.CurrentState)
	case st.NextPolicy.Cmp(c.Policy) != 0:
		return fmt.Sprintf("the proof is under policy %#x, epoch %d is judged by policy %#x", c.Policy, c.Epoch, st.NextPolicy)
	}
	if feeds, err := reg.Feeds(ctx); err == nil && len(feeds) == len(c.RoundIDs) {
		for i, f := range feeds {
			r, err := contracts.ReadRound(ctx, conn.Client, f.Aggregator, c.RoundIDs[i])
			if err != nil {
				continue
			}
			p, err := f.Scale.Price(r.Answer)
			if err == nil && p.Cmp(c.Prices[i]) != 0 {
				return fmt.Sprintf("the proof prices %s at %v value units per circuit unit, round %v gives %v", dep.Feeds[i].Symbol, c.Prices[i], c.RoundIDs[i], p)
			}
		}
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

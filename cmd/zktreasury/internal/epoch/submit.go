package epoch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/big"
	"text/tabwriter"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
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
	// Timeout bounds the whole submission, receipt included.
	Timeout time.Duration
	JSON    bool
}

// NewCmdSubmit returns `epoch submit`.
func NewCmdSubmit(f *cmdutil.Factory, runF func(*SubmitOptions) error) *cobra.Command {
	opts := &SubmitOptions{F: f}
	cmd := &cobra.Command{
		Use:   "submit <epoch-proof-file>",
		Short: "Submit an epoch proof to the registry and wait for the receipt",
		Long: `Submit an epoch proof to the registry of a deployment, print the transaction
hash as soon as the node has it, and wait for the receipt. The submission
carries the epoch, its start and end times, the new state, liabilities root,
actions commitment and count, the per-asset inflows and outflows (all read from
the proof file's public inputs), the Chainlink round of each asset's price (the
proof file's "rounds" object, or --rounds FILE of the same shape:
{"USDC": "18446744073709551617", ...}) and the proof. The registry builds the
public inputs itself: the previous state and the policy that judges the epoch
from its storage, each price from the named round (which must be the round in
force at the epoch's end, within its feed's heartbeat); the proof must be for
the verifying key the deployed verifier pins.

An epoch the registry already recorded with exactly this proof's record (times,
commitments, count, policy, previous state, rounds, prices, flows, compared with
its EpochRecorded event) is success: exit 0, "already recorded in tx ...", and
nothing is sent. A different record for that epoch exits 3.

Exit 3 when the registry refuses the epoch, with its error's name (epoch out
of order, start not the previous end, stale or superseded round, proof
rejected, paused...); nothing is sent then, since the refusal is found when
estimating gas. After --timeout the command exits 1 and names the transaction,
which is not resent and may still be mined; a signer with a transaction still
pending is refused before anything is sent.`,
		Example: `  zktreasury epoch submit --rpc http://127.0.0.1:8545 --dev-account --deployment out/deployment.json out/epoch.proof.json
  zktreasury epoch submit --rpc $RPC --key operator.key --deployment deployment.json --rounds rounds.json --timeout 5m epoch-7.proof.json`,
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
			if opts.Timeout <= 0 {
				return cmdutil.Usagef("--timeout %v: want a positive duration", opts.Timeout)
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
	cmd.Flags().DurationVar(&opts.Timeout, "timeout", chain.DefaultTxTimeout, "give up waiting for the receipt after this long (the transaction is not resent)")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the result as JSON")
	return cmd
}

// SubmitResult is what Submit did, and the JSON output of `epoch submit`.
type SubmitResult struct {
	// Recorded is true when the registry holds this proof's record for the epoch: recorded by
	// this submission, or before it (AlreadyRecorded).
	Recorded        bool   `json:"recorded"`
	AlreadyRecorded bool   `json:"alreadyRecorded,omitempty"`
	Epoch           uint64 `json:"epoch"`
	Registry        string `json:"registry"`
	// TxHash is the transaction this submission sent (none when the epoch was already recorded
	// or the registry refused at estimation); Pending is true when its receipt did not come in
	// time. Block and GasUsed are its receipt's.
	TxHash  string `json:"txHash,omitempty"`
	Pending bool   `json:"pending,omitempty"`
	Block   uint64 `json:"block,omitempty"`
	GasUsed uint64 `json:"gasUsed,omitempty"`
	// RecordTx and RecordBlock locate the transaction that recorded the epoch.
	RecordTx    string `json:"recordTx,omitempty"`
	RecordBlock uint64 `json:"recordBlock,omitempty"`
	// Error is the registry's error name when it refused the epoch; Revert the error with its
	// arguments; Hint says what likely went wrong.
	Error  string `json:"error,omitempty"`
	Revert string `json:"revert,omitempty"`
	Hint   string `json:"hint,omitempty"`
	// Differs lists how the registry's record of the epoch differs from this proof's, when it
	// recorded another one.
	Differs []string `json:"differs,omitempty"`
}

// ErrRefused is returned by Submit when the registry refused the epoch (the result names the
// error), including a different record already there for that epoch.
var ErrRefused = errors.New("the registry refused the epoch")

// SubmitParams are Submit's inputs besides the chain, the deployment and the proof.
type SubmitParams struct {
	// Auth signs the submission.
	Auth *bind.TransactOpts
	// Rounds names each asset's Chainlink round when the proof file names none; naming them
	// in both places is refused, so it is never unclear which the submission used.
	Rounds Rounds
	// ProofPath names the proof file in errors.
	ProofPath string
	// Timeout bounds the whole submission, receipt included (0: ctx only).
	Timeout time.Duration
	// Sent, if set, is called with the transaction's hash as soon as the node has it, before
	// the receipt is waited for.
	Sent func(common.Hash)
}

// chainIDer is what ethclient.Client and the simulated backend's client both have.
type chainIDer interface {
	ChainID(ctx context.Context) (*big.Int, error)
}

// Submit submits an epoch proof to the deployment's registry and waits for the receipt.
//
// An epoch already recorded with exactly this proof's record returns Recorded and
// AlreadyRecorded, nil error, and sends nothing. A refusal (at estimation, when nothing is
// sent, or mined) and a different record for the epoch return ErrRefused with the result
// naming the error. No receipt within the timeout returns chain.ErrPending with TxHash set:
// the transaction is never resent, and a signer with a pending transaction is refused before
// sending, so that a retry after a timeout or a crash cannot submit twice.
func Submit(ctx context.Context, backend contracts.Backend, dep *chain.Deployment, proof *prooffile.File, p SubmitParams) (SubmitResult, error) {
	res := SubmitResult{Registry: dep.Registry.Hex()}
	if p.Auth == nil {
		return res, errors.New("submit: no signer")
	}
	rounds, inFile, err := FileRounds(proof, p.ProofPath)
	switch {
	case err != nil:
		return res, err
	case inFile && p.Rounds != nil:
		return res, cmdutil.Usagef("%s names its rounds; drop --rounds", p.ProofPath)
	case !inFile && p.Rounds == nil:
		return res, cmdutil.Usagef("%s has no \"rounds\": pass --rounds FILE naming each asset's Chainlink round ({\"USDC\": \"18446744073709551617\", ...})", p.ProofPath)
	case !inFile:
		rounds = p.Rounds
	}
	claim, err := BuildSubmission(dep, proof, rounds)
	if err != nil {
		return res, err
	}
	res.Epoch = claim.Epoch
	if claim.Epoch == 0 {
		return res, fmt.Errorf("%s is a proof of epoch 0, the genesis: submissions start at epoch 1", p.ProofPath)
	}
	if p.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, p.Timeout)
		defer cancel()
	}
	if c, ok := backend.(chainIDer); ok {
		id, err := c.ChainID(ctx)
		if err != nil {
			return res, fmt.Errorf("read the chain id: %w", err)
		}
		if !id.IsUint64() || id.Uint64() != dep.ChainID {
			return res, fmt.Errorf("the node is chain %v, the deployment is on chain %d", id, dep.ChainID)
		}
	}
	reg, err := contracts.NewRegistry(dep.Registry, backend, p.Auth)
	if err != nil {
		return res, err
	}
	st, err := reg.Status(ctx)
	if err != nil {
		return res, err
	}
	if claim.Epoch <= st.LastEpoch {
		same, err := sameRecord(ctx, reg, claim, &res)
		if err != nil {
			return res, err
		}
		if same {
			return res, nil
		}
		// A different record: the registry refuses it when estimating; send nothing else.
	} else if err := checkNoPending(ctx, backend, p.Auth.From); err != nil {
		return res, err
	}
	sent, err := reg.Send(ctx, contracts.OpSubmitEpoch(claim.EpochSubmission))
	if err == nil {
		res.TxHash = sent.Hash().Hex()
		if p.Sent != nil {
			p.Sent(sent.Hash())
		}
		receipt, werr := reg.Wait(ctx, sent)
		if receipt != nil {
			res.Block, res.GasUsed = receipt.BlockNumber.Uint64(), receipt.GasUsed
		}
		if werr != nil && receipt == nil && ctx.Err() != nil {
			res.Pending = true
			return res, fmt.Errorf("epoch %d: tx %s: %w: no receipt within %v; it was not resent and may still be mined: run `epoch status` (or submit again, which says so once it is recorded)",
				claim.Epoch, res.TxHash, chain.ErrPending, p.Timeout)
		}
		err = werr
		if err == nil {
			res.Recorded, res.RecordTx, res.RecordBlock = true, res.TxHash, res.Block
			return res, nil
		}
	}
	var revert *contracts.RevertError
	switch {
	case errors.As(err, &revert):
		res.Error, res.Revert = revert.Name, revert.Error()
	case errors.Is(err, contracts.ErrReverted):
		res.Error, res.Revert = "reverted", err.Error()
	default:
		return res, err
	}
	hctx, cancel := context.WithTimeout(context.Background(), chain.DialTimeout)
	defer cancel()
	if errors.Is(err, contracts.ErrEpochOutOfOrder) && len(res.Differs) == 0 {
		// Recorded in between (another run, or this signer's earlier transaction).
		if st, serr := reg.Status(hctx); serr == nil && claim.Epoch <= st.LastEpoch {
			rtx := res.TxHash
			same, cerr := sameRecord(hctx, reg, claim, &res)
			if cerr == nil && same {
				res.Error, res.Revert = "", ""
				if rtx != "" {
					res.Hint = fmt.Sprintf("this submission's tx %s reverted: the epoch was recorded before it", rtx)
				}
				return res, nil
			}
		}
	}
	res.Hint = hint(hctx, backend, reg, dep, claim, revert, &res)
	return res, fmt.Errorf("epoch %d: %w: %s", claim.Epoch, ErrRefused, res.Revert)
}

// sameRecord compares the registry's record of claim's epoch, and the state of the epoch
// before it, with what the proof claims. It fills res: the recording tx when the records are
// the same, the differences otherwise.
func sameRecord(ctx context.Context, reg *contracts.Registry, c *contracts.Claim, res *SubmitResult) (bool, error) {
	rec, err := reg.EpochRecord(ctx, c.Epoch)
	if err != nil {
		return false, err
	}
	prev, err := reg.EpochRecord(ctx, c.Epoch-1)
	if err != nil {
		return false, err
	}
	res.Differs = RecordDiff(rec, prev.StateCommitment, c)
	if len(res.Differs) > 0 {
		return false, nil
	}
	// The record on chain was verified when it landed; this file's proof bytes were not. A
	// file whose statement is recorded but whose proof does not verify is not "this proof".
	if err := reg.CheckProof(ctx, c.PublicHash, c.Proof); err != nil {
		if !errors.Is(err, contracts.ErrProofRejected) {
			return false, err
		}
		res.Differs = []string{"proof: the statement is recorded, but this file's proof does not verify with the registry's verifier"}
		return false, nil
	}
	res.Recorded, res.AlreadyRecorded, res.RecordTx, res.RecordBlock = true, true, rec.TxHash.Hex(), rec.Block
	return true, nil
}

// RecordDiff lists every field in which an epoch's record (and prevState, the state of the
// epoch before it) differs from what claim's proof claims; empty means the record is this
// proof's.
func RecordDiff(rec contracts.EpochRecord, prevState *big.Int, c *contracts.Claim) []string {
	var d []string
	num := func(name string, got, want *big.Int) {
		if got == nil || want == nil || got.Cmp(want) != 0 {
			d = append(d, fmt.Sprintf("%s: recorded %#x, the proof's %#x", name, got, want))
		}
	}
	u64 := func(name string, got, want uint64) {
		if got != want {
			d = append(d, fmt.Sprintf("%s: recorded %d, the proof's %d", name, got, want))
		}
	}
	u64("epoch", rec.Epoch, c.Epoch)
	u64("startTime", uint64(rec.Start.Unix()), c.StartTime)
	u64("endTime", uint64(rec.End.Unix()), c.EndTime)
	num("newStateCommitment", rec.StateCommitment, c.StateCommitment)
	num("prevStateCommitment", prevState, c.PrevState)
	num("liabilitiesRoot", rec.LiabilitiesRoot, c.LiabilitiesRoot)
	num("actionsCommitment", rec.ActionsCommitment, c.ActionsCommitment)
	u64("actionCount", rec.ActionCount, c.ActionCount)
	num("policyCommitment", rec.PolicyCommitment, c.Policy)
	n := len(c.RoundIDs)
	if len(rec.RoundIDs) != n || len(rec.Prices) != n || len(rec.Inflows) != n || len(rec.Outflows) != n || len(c.Prices) != n {
		return append(d, fmt.Sprintf("assets: recorded %d, the proof's %d", len(rec.RoundIDs), n))
	}
	for i := 0; i < n; i++ {
		if rec.RoundIDs[i].Cmp(c.RoundIDs[i]) != 0 {
			d = append(d, fmt.Sprintf("roundId[%d]: recorded %v, the proof's %v", i, rec.RoundIDs[i], c.RoundIDs[i]))
		}
		num(fmt.Sprintf("price[%d]", i), rec.Prices[i], c.Prices[i])
		u64(fmt.Sprintf("inflow[%d]", i), rec.Inflows[i], c.Inflows[i])
		u64(fmt.Sprintf("outflow[%d]", i), rec.Outflows[i], c.Outflows[i])
	}
	return d
}

// nonceReader is the part of a backend that tells pending transactions apart.
type nonceReader interface {
	PendingNonceAt(ctx context.Context, account common.Address) (uint64, error)
	NonceAt(ctx context.Context, account common.Address, blockNumber *big.Int) (uint64, error)
}

// checkNoPending refuses a signer with a transaction the node has not mined yet: it may be an
// earlier submission of this epoch, which a second one would duplicate.
func checkNoPending(ctx context.Context, backend contracts.Backend, from common.Address) error {
	nr, ok := backend.(nonceReader)
	if !ok {
		return nil
	}
	pending, err := nr.PendingNonceAt(ctx, from)
	if err != nil {
		return fmt.Errorf("read %s's pending nonce: %w", from, err)
	}
	mined, err := nr.NonceAt(ctx, from, nil)
	if err != nil {
		return fmt.Errorf("read %s's nonce: %w", from, err)
	}
	if pending > mined {
		return fmt.Errorf("the signer %s has %d transaction(s) not mined yet (nonces %d to %d): an earlier submission may still be pending; nothing sent: wait until it is mined or dropped and run again",
			from, pending-mined, mined, pending-1)
	}
	return nil
}

func submitRun(ctx context.Context, opts *SubmitOptions) error {
	if ctx == nil {
		ctx = context.Background()
	}
	ctx, cancel := context.WithTimeout(ctx, opts.Timeout)
	defer cancel()
	prog := cmdutil.NewProgress(opts.F.Err, opts.JSON)
	dep, err := chain.ReadDeployment(opts.Deployment)
	if err != nil {
		return err
	}
	f, err := prooffile.Read(opts.Proof)
	if err != nil {
		return err
	}
	params := SubmitParams{ProofPath: opts.Proof, Timeout: opts.Timeout}
	if opts.RoundsFile != "" {
		if params.Rounds, err = ReadRoundsFile(opts.RoundsFile); err != nil {
			return err
		}
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
	params.Auth = acct.Auth
	// The hash goes out before the wait: on stdout for a reader, on stderr under --json.
	sentTo := opts.F.Out
	if opts.JSON {
		sentTo = opts.F.Err
	}
	params.Sent = func(h common.Hash) {
		fmt.Fprintf(sentTo, "sent\t%s, waiting for the receipt (up to %v)\n", h.Hex(), opts.Timeout)
	}
	prog.Step("submitting %s to %s", opts.Proof, dep.Registry)
	res, err := Submit(ctx, conn.Client, dep, f, params)
	if err != nil && res.Error == "" && !res.Pending {
		return err
	}
	if rerr := report(opts.F.Out, opts.JSON, res); rerr != nil {
		return rerr
	}
	switch {
	case res.Pending:
		return err
	case !res.Recorded:
		reason := "the registry refused epoch " + fmt.Sprint(res.Epoch) + ": " + res.Revert
		if res.Hint != "" {
			reason += ": " + res.Hint
		}
		return &cmdutil.NoError{Reason: reason}
	}
	return nil
}

func utc(unix uint64) string { return time.Unix(int64(unix), 0).UTC().Format(time.RFC3339) }

// hint explains a refusal by comparing what the proof was made for with the registry's state
// and the named rounds; it is empty when it has nothing to add.
func hint(ctx context.Context, backend contracts.Backend, reg *contracts.Registry, dep *chain.Deployment, c *contracts.Claim, revert *contracts.RevertError, res *SubmitResult) string {
	if revert == nil {
		return ""
	}
	switch {
	case len(res.Differs) > 0:
		return fmt.Sprintf("epoch %d is already recorded with another record (%s)", c.Epoch, joinDiffs(res.Differs))
	case errors.Is(revert, contracts.ErrPaused):
		return "the registry is paused: governance resumes submissions with `zktreasury chain unpause`"
	case errors.Is(revert, contracts.ErrStartNotPreviousEnd):
		return "the proof's epoch must start where the last recorded one ended (epoch status shows it)"
	case errors.Is(revert, contracts.ErrEpochEndInFuture):
		return fmt.Sprintf("the epoch ends at %s, after the chain's latest block: submit once it has ended", utc(c.EndTime))
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
			r, err := contracts.ReadRound(ctx, backend, f.Aggregator, c.RoundIDs[i])
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

func joinDiffs(d []string) string {
	const most = 3
	s := ""
	for i, x := range d {
		if i == most {
			return s + fmt.Sprintf("; and %d more", len(d)-most)
		}
		if i > 0 {
			s += "; "
		}
		s += x
	}
	return s
}

func report(out io.Writer, jsonOut bool, res SubmitResult) error {
	if jsonOut {
		return cmdutil.PrintJSON(out, res)
	}
	w := tabwriter.NewWriter(out, 0, 2, 2, ' ', 0)
	switch {
	case res.AlreadyRecorded:
		fmt.Fprintf(w, "verdict\tRECORDED: already recorded in tx %s (block %d)\n", res.RecordTx, res.RecordBlock)
	case res.Recorded:
		fmt.Fprintf(w, "verdict\tRECORDED\n")
	case res.Pending:
		fmt.Fprintf(w, "verdict\tPENDING: no receipt in time; the transaction was not resent\n")
	default:
		fmt.Fprintf(w, "verdict\tREJECTED: %s\n", res.Error)
		fmt.Fprintf(w, "revert\t%s\n", res.Revert)
	}
	if res.Hint != "" {
		fmt.Fprintf(w, "hint\t%s\n", res.Hint)
	}
	fmt.Fprintf(w, "epoch\t%d\n", res.Epoch)
	fmt.Fprintf(w, "registry\t%s\n", res.Registry)
	if res.TxHash != "" {
		if res.Block != 0 {
			fmt.Fprintf(w, "tx\t%s (block %d)\n", res.TxHash, res.Block)
			fmt.Fprintf(w, "gas used\t%d\n", res.GasUsed)
		} else {
			fmt.Fprintf(w, "tx\t%s (pending)\n", res.TxHash)
		}
	}
	return w.Flush()
}

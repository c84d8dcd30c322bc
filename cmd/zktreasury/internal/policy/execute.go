package policy

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/spf13/cobra"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/chain"
	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
	"github.com/zktreasury/zktreasury/contracts"
)

// ExecuteOptions are the flags of `zktreasury policy execute` and `policy cancel`.
type ExecuteOptions struct {
	// IO carries the I/O streams; Tx the registry transaction flags.
	IO *cmdutil.Factory
	Tx chain.TxFlags
	// Policy, when set, is the policy file the queued commitment must be: nothing is sent
	// otherwise.
	Policy string
	// Cancel drops the queued policy instead of executing it.
	Cancel bool
}

func newCmdExecute(f *cmdutil.Factory, cancel bool, runF func(*ExecuteOptions) error) *cobra.Command {
	opts := &ExecuteOptions{IO: f, Cancel: cancel}
	cmd := &cobra.Command{
		Use:   "execute",
		Short: "Execute the queued policy once its timelock has passed (governance)",
		Long: `Execute the policy queued with ` + "`policy queue`" + `: from its ETA until it expires, and
only while its first epoch is not recorded. It then judges every epoch from that
one on. The transaction names the queued (commitment, fromEpoch) this command
read, and the registry refuses it (PolicyNotQueued) if another policy was queued
in between. With --policy FILE, nothing is sent unless the queued commitment is
that file's, and the transaction names that file's commitment. Exit 3 when the registry refuses, with a hint: TimelockNotReady (says
when it becomes executable), PolicyExpired, PolicyEpochPassed, NoPendingPolicy,
PolicyNotQueued, NotGovernance.`,
		Example: "  zktreasury policy execute --policy new-policy.json --rpc $RPC --key governance.key --deployment deployment.json",
		Args:    cobra.NoArgs,
	}
	if cancel {
		cmd.Use, cmd.Short = "cancel", "Drop the queued policy (governance)"
		cmd.Long = `Drop the policy queued with ` + "`policy queue`" + `. With --policy FILE, nothing is sent
unless the queued commitment is that file's. Exit 3 when the registry refuses
(NoPendingPolicy, NotGovernance), with a hint.`
		cmd.Example = "  zktreasury policy cancel --rpc $RPC --key governance.key --deployment deployment.json"
	}
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		if err := opts.Tx.Validate(); err != nil {
			return err
		}
		if runF != nil {
			return runF(opts)
		}
		return executeRun(cmd.Context(), opts)
	}
	cmd.Flags().StringVar(&opts.Policy, "policy", "", "policy file the queued commitment must be (optional check)")
	opts.Tx.Register(cmd)
	return cmd
}

// ExecuteResult is the JSON output of `policy execute` and `policy cancel`.
type ExecuteResult struct {
	chain.TxResult
	// Commitment and FromEpoch are the queued policy the call was about (empty when none), ETA
	// and ExpiresAt when it could be executed.
	Commitment string     `json:"commitment,omitempty"`
	FromEpoch  uint64     `json:"fromEpoch,omitempty"`
	ETA        *time.Time `json:"eta,omitempty"`
	ExpiresAt  *time.Time `json:"expiresAt,omitempty"`
}

func executeRun(ctx context.Context, opts *ExecuteOptions) error {
	if ctx == nil {
		ctx = context.Background()
	}
	var want string
	if opts.Policy != "" {
		c, err := FileCommitment(opts.Policy)
		if err != nil {
			return err
		}
		want = hex64(c)
	}
	ctx, cancel := context.WithTimeout(ctx, opts.Tx.Timeout)
	defer cancel()
	s, err := opts.Tx.Open(ctx, opts.IO.Err)
	if err != nil {
		return err
	}
	defer s.Close()
	st, err := s.Registry.Status(ctx)
	if err != nil {
		return err
	}
	var res ExecuteResult
	if p := st.Pending; p != nil {
		res.Commitment, res.FromEpoch, res.ETA, res.ExpiresAt = hex64(p.Commitment), p.FromEpoch, &p.ETA, &p.ExpiresAt
	}
	if want != "" && res.Commitment != want {
		queued := res.Commitment
		if queued == "" {
			queued = "nothing"
		}
		return fmt.Errorf("--policy %s has commitment %s, the registry has %s queued: nothing sent", opts.Policy, want, queued)
	}
	// The call names what was read (or the --policy file's commitment): a policy queued
	// in between by another governance signer is refused on-chain, never executed.
	named, from := new(big.Int), uint64(0)
	if p := st.Pending; p != nil {
		named, from = p.Commitment, p.FromEpoch
	}
	op := contracts.OpExecutePolicy(named, from)
	if opts.Cancel {
		op = contracts.OpCancelPolicy(named, from)
	}
	_, err = chain.Transact(ctx, s, op, &res.TxResult, opts.IO.Err)
	if revert := chain.Refusal(err, &res.TxResult); revert != nil {
		res.Hint = chain.Hint(s, revert, func(context.Context) string { return timelockHint(revert) })
	}
	var rows [][2]string
	if res.Commitment != "" {
		rows = append(rows, [2]string{"policy", fmt.Sprintf("%s from epoch %d", res.Commitment, res.FromEpoch)},
			[2]string{"executable", fmt.Sprintf("from %s until %s", res.ETA.Format(rfc), res.ExpiresAt.Format(rfc))})
	}
	return chain.Finish(opts.IO.Out, opts.Tx.JSON, res, &res.TxResult, rows, err)
}

// timelockHint explains the registry's policy-timelock refusals.
func timelockHint(revert *contracts.RevertError) string {
	at := func(name string) string {
		v := revert.Uint(name)
		if v == nil || !v.IsInt64() {
			return "?"
		}
		return time.Unix(v.Int64(), 0).UTC().Format(rfc)
	}
	switch {
	case errors.Is(revert, contracts.ErrTimelockNotReady):
		wait := ""
		if eta, now := revert.Uint("eta"), revert.Uint("nowTs"); eta != nil && now != nil && eta.IsInt64() && now.IsInt64() {
			wait = fmt.Sprintf(" (in %s)", time.Duration(eta.Int64()-now.Int64())*time.Second)
		}
		return fmt.Sprintf("executable at %s%s", at("eta"), wait)
	case errors.Is(revert, contracts.ErrPolicyExpired):
		return fmt.Sprintf("it expired at %s: queue it again with `zktreasury policy queue`", at("expiresAt"))
	case errors.Is(revert, contracts.ErrPolicyEpochPassed):
		last := revert.Uint("lastEpoch")
		next := "the last epoch + 2"
		if last != nil {
			next = fmt.Sprint(last.Uint64() + 2)
		}
		return fmt.Sprintf("its first epoch %v is already recorded (last epoch %v): queue it again with --from-epoch %s or later", revert.Uint("fromEpoch"), last, next)
	case errors.Is(revert, contracts.ErrNoPendingPolicy):
		return "no policy is queued (`zktreasury policy status` shows the registry's policies)"
	case errors.Is(revert, contracts.ErrPolicyNotQueued):
		return fmt.Sprintf("the queued policy changed before this call landed: %#x from epoch %v is queued now (`zktreasury policy status`); nothing was executed",
			revert.Uint("queuedCommitment"), revert.Uint("queuedFromEpoch"))
	}
	return ""
}

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
	"github.com/zktreasury/zktreasury/prover/statement"
	"github.com/zktreasury/zktreasury/treasury"
)

// QueueOptions are the flags of `zktreasury policy queue`.
type QueueOptions struct {
	// IO carries the I/O streams; Tx the registry transaction flags.
	IO *cmdutil.Factory
	Tx chain.TxFlags
	// Policy is the policy file whose commitment is queued; FromEpoch the first epoch it judges.
	Policy    string
	FromEpoch uint64
}

func newCmdQueue(f *cmdutil.Factory, runF func(*QueueOptions) error) *cobra.Command {
	opts := &QueueOptions{IO: f}
	cmd := &cobra.Command{
		Use:   "queue --policy FILE --from-epoch N",
		Short: "Queue a policy change on the registry, behind its timelock (governance)",
		Long: `Compute the policy file's commitment (as ` + "`policy commit`" + ` does) and queue it on the
registry to judge epochs from --from-epoch on, which must be at least the last
recorded epoch + 2 (the epoch in progress keeps its policy). Governance only.
Prints when it becomes executable (` + "`policy execute`" + `) and when it expires. Queuing
again replaces the queued policy. Exit 3 when the registry refuses
(PolicyTooSoon, NotGovernance), with a hint.`,
		Example: "  zktreasury policy queue --policy new-policy.json --from-epoch 9 --rpc $RPC --key governance.key --deployment deployment.json",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.Policy == "" {
				return cmdutil.Usagef("--policy is required")
			}
			if opts.FromEpoch == 0 {
				return cmdutil.Usagef("--from-epoch is required: the first epoch the policy judges (at least the last epoch + 2)")
			}
			if err := opts.Tx.Validate(); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return queueRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Policy, "policy", "", "policy file (JSON) whose commitment to queue")
	cmd.Flags().Uint64Var(&opts.FromEpoch, "from-epoch", 0, "the first epoch the policy judges")
	opts.Tx.Register(cmd)
	return cmd
}

// QueueResult is the JSON output of `policy queue`.
type QueueResult struct {
	chain.TxResult
	// Policy is the file, Commitment its commitment, FromEpoch the first epoch it would judge.
	Policy     string `json:"policy"`
	Commitment string `json:"commitment"`
	FromEpoch  uint64 `json:"fromEpoch"`
	// ETA and ExpiresAt bound when governance can execute it (set once queued).
	ETA       *time.Time `json:"eta,omitempty"`
	ExpiresAt *time.Time `json:"expiresAt,omitempty"`
	// Replaced is the commitment of the queued policy this one replaced, if any.
	Replaced string `json:"replaced,omitempty"`
}

// FileCommitment is the commitment of a policy file, as proofs and the registry use it.
func FileCommitment(path string) (*big.Int, error) {
	p, err := treasury.LoadPolicy(path)
	if err != nil {
		return nil, err
	}
	v, err := statement.EncodePolicy(p)
	if err != nil {
		return nil, fmt.Errorf("encode policy %s: %w", path, err)
	}
	c, err := statement.PolicyCommitment(v)
	if err != nil {
		return nil, fmt.Errorf("policy %s: %w", path, err)
	}
	return c.BigInt(new(big.Int)), nil
}

func hex64(v *big.Int) string { return fmt.Sprintf("0x%064x", v) }

const rfc = time.RFC3339

func queueRun(ctx context.Context, opts *QueueOptions) error {
	if ctx == nil {
		ctx = context.Background()
	}
	commitment, err := FileCommitment(opts.Policy)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, opts.Tx.Timeout)
	defer cancel()
	s, err := opts.Tx.Open(ctx, opts.IO.Err)
	if err != nil {
		return err
	}
	defer s.Close()
	res := QueueResult{Policy: opts.Policy, Commitment: hex64(commitment), FromEpoch: opts.FromEpoch}
	st, err := s.Registry.Status(ctx)
	if err != nil {
		return err
	}
	if st.Pending != nil {
		res.Replaced = hex64(st.Pending.Commitment)
		fmt.Fprintf(opts.IO.Err, "warning: this replaces the queued policy %s from epoch %d\n", res.Replaced, st.Pending.FromEpoch)
	}
	receipt, err := chain.Transact(ctx, s, contracts.OpQueuePolicy(commitment, opts.FromEpoch), &res.TxResult, opts.IO.Err)
	if revert := chain.Refusal(err, &res.TxResult); revert != nil {
		res.Hint = chain.Hint(s, revert, func(context.Context) string {
			if errors.Is(revert, contracts.ErrPolicyTooSoon) {
				return fmt.Sprintf("--from-epoch must be at least %v: the last recorded epoch + 2, so the epoch in progress keeps its policy", revert.Uint("minFromEpoch"))
			}
			return ""
		})
	}
	rows := [][2]string{{"policy", opts.Policy}, {"commitment", res.Commitment}, {"from epoch", fmt.Sprint(opts.FromEpoch)}}
	if err == nil {
		q, qerr := s.Registry.QueuedPolicy(receipt)
		if qerr != nil {
			return qerr
		}
		res.ETA, res.ExpiresAt = &q.ETA, &q.ExpiresAt
		rows = append(rows, [2]string{"executable", fmt.Sprintf("from %s until %s", q.ETA.Format(rfc), q.ExpiresAt.Format(rfc))})
	}
	if res.Replaced != "" {
		rows = append(rows, [2]string{"replaced", res.Replaced})
	}
	return chain.Finish(opts.IO.Out, opts.Tx.JSON, res, &res.TxResult, rows, err)
}

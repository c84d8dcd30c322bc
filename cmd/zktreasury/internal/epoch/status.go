package epoch

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"text/tabwriter"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/spf13/cobra"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/chain"
	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
	"github.com/zktreasury/zktreasury/contracts"
)

// StatusOptions are the options of `epoch status`.
type StatusOptions struct {
	F          *cmdutil.Factory
	RPC        string
	Deployment string
	Registry   string
	// Epoch is the record to show; negative: the last one.
	Epoch int64
	JSON  bool
}

// NewCmdStatus returns `epoch status`.
func NewCmdStatus(f *cmdutil.Factory, runF func(*StatusOptions) error) *cobra.Command {
	opts := &StatusOptions{F: f}
	cmd := &cobra.Command{
		Use:   "status",
		Short: "Show the registry's last epoch, state, policy, pause and an epoch's record",
		Long: `Read the registry's status (last epoch, current state commitment, policy in
force, queued policy and when it can be executed, pause) and the record of one
epoch (the last by default): its state, liabilities root, actions commitment and
count, the policy it was proven under, and the transaction that recorded it.`,
		Example: "  zktreasury epoch status --rpc http://127.0.0.1:8545 --deployment out/deployment.json --epoch 1",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.RPC == "" {
				return cmdutil.Usagef("--rpc is required")
			}
			if (opts.Deployment == "") == (opts.Registry == "") {
				return cmdutil.Usagef("pass exactly one of --deployment and --registry")
			}
			if opts.Registry != "" && !common.IsHexAddress(opts.Registry) {
				return cmdutil.Usagef("--registry %q is not an address", opts.Registry)
			}
			if runF != nil {
				return runF(opts)
			}
			return statusRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.RPC, "rpc", "", "the node's JSON-RPC URL")
	cmd.Flags().StringVar(&opts.Deployment, "deployment", "", "deployment file written by `zktreasury chain deploy`")
	cmd.Flags().StringVar(&opts.Registry, "registry", "", "the registry's address (instead of --deployment)")
	cmd.Flags().Int64Var(&opts.Epoch, "epoch", -1, "epoch whose record to show (default: the last)")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the result as JSON")
	return cmd
}

// StatusResult is the JSON output of `epoch status`.
type StatusResult struct {
	Registry         string        `json:"registry"`
	Mode             string        `json:"mode"`
	LastEpoch        uint64        `json:"lastEpoch"`
	CurrentState     string        `json:"currentState"`
	PolicyCommitment string        `json:"policyCommitment"`
	PendingPolicy    *PendingJSON  `json:"pendingPolicy,omitempty"`
	Paused           bool          `json:"paused"`
	LastRecordedAt   time.Time     `json:"lastRecordedAt"`
	Record           *RecordResult `json:"record"`
}

// PendingJSON is a queued policy change.
type PendingJSON struct {
	Commitment string    `json:"commitment"`
	ETA        time.Time `json:"eta"`
}

// RecordResult is one epoch's record.
type RecordResult struct {
	Epoch             uint64    `json:"epoch"`
	StateCommitment   string    `json:"stateCommitment"`
	LiabilitiesRoot   string    `json:"liabilitiesRoot"`
	ActionsCommitment string    `json:"actionsCommitment"`
	ActionCount       uint64    `json:"actionCount"`
	PolicyCommitment  string    `json:"policyCommitment"`
	Block             uint64    `json:"block"`
	TxHash            string    `json:"txHash"`
	RecordedAt        time.Time `json:"recordedAt"`
}

func hex64(v *big.Int) string { return fmt.Sprintf("0x%064x", v) }

func statusRun(ctx context.Context, opts *StatusOptions) error {
	if ctx == nil {
		ctx = context.Background()
	}
	addr := common.HexToAddress(opts.Registry)
	var dep *chain.Deployment
	if opts.Deployment != "" {
		var err error
		if dep, err = chain.ReadDeployment(opts.Deployment); err != nil {
			return err
		}
		addr = dep.Registry
	}
	conn, err := chain.Dial(ctx, opts.RPC)
	if err != nil {
		return err
	}
	defer conn.Close()
	if dep != nil {
		if err := dep.CheckChain(conn); err != nil {
			return err
		}
	}
	reg, err := contracts.NewRegistry(addr, conn.Client, nil)
	if err != nil {
		return err
	}
	cfg, err := reg.Config(ctx)
	if err != nil {
		return fmt.Errorf("%w (is %s a zktreasury registry on this chain?)", err, addr)
	}
	st, err := reg.Status(ctx)
	if err != nil {
		return err
	}
	res := StatusResult{Registry: addr.Hex(), Mode: cfg.Mode.String(), LastEpoch: st.LastEpoch, CurrentState: hex64(st.CurrentState),
		PolicyCommitment: hex64(st.PolicyCommitment), Paused: st.Paused, LastRecordedAt: st.LastRecordedAt}
	if !st.PendingPolicyETA.IsZero() {
		res.PendingPolicy = &PendingJSON{Commitment: hex64(st.PendingPolicy), ETA: st.PendingPolicyETA}
	}
	n := st.LastEpoch
	if opts.Epoch >= 0 {
		n = uint64(opts.Epoch)
	}
	rec, err := reg.EpochRecord(ctx, n)
	if errors.Is(err, contracts.ErrUnknownEpoch) {
		return fmt.Errorf("epoch %d is not recorded: the registry's last epoch is %d", n, st.LastEpoch)
	}
	if err != nil {
		return err
	}
	res.Record = &RecordResult{Epoch: rec.Epoch, StateCommitment: hex64(rec.StateCommitment), LiabilitiesRoot: hex64(rec.LiabilitiesRoot),
		ActionsCommitment: hex64(rec.ActionsCommitment), ActionCount: rec.ActionCount, PolicyCommitment: hex64(rec.PolicyCommitment),
		Block: rec.Block, TxHash: rec.TxHash.Hex(), RecordedAt: rec.RecordedAt}
	if opts.JSON {
		return cmdutil.PrintJSON(opts.F.Out, res)
	}
	w := tabwriter.NewWriter(opts.F.Out, 0, 2, 2, ' ', 0)
	fmt.Fprintf(w, "registry\t%s (%s mode)\n", res.Registry, res.Mode)
	fmt.Fprintf(w, "last epoch\t%d (recorded %s)\n", res.LastEpoch, res.LastRecordedAt.Format(time.RFC3339))
	fmt.Fprintf(w, "current state\t%s\n", res.CurrentState)
	fmt.Fprintf(w, "policy\t%s\n", res.PolicyCommitment)
	if res.PendingPolicy != nil {
		fmt.Fprintf(w, "pending policy\t%s (executable from %s)\n", res.PendingPolicy.Commitment, res.PendingPolicy.ETA.Format(time.RFC3339))
	} else {
		fmt.Fprintf(w, "pending policy\tnone\n")
	}
	fmt.Fprintf(w, "paused\t%v\n", res.Paused)
	r := res.Record
	fmt.Fprintf(w, "epoch %d state\t%s\n", r.Epoch, r.StateCommitment)
	fmt.Fprintf(w, "epoch %d liabilities root\t%s\n", r.Epoch, r.LiabilitiesRoot)
	fmt.Fprintf(w, "epoch %d actions\t%s (%d actions)\n", r.Epoch, r.ActionsCommitment, r.ActionCount)
	fmt.Fprintf(w, "epoch %d policy\t%s\n", r.Epoch, r.PolicyCommitment)
	fmt.Fprintf(w, "epoch %d tx\t%s (block %d, %s)\n", r.Epoch, r.TxHash, r.Block, r.RecordedAt.Format(time.RFC3339))
	return w.Flush()
}

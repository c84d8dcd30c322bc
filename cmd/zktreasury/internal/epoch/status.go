package epoch

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"text/tabwriter"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/shopspring/decimal"
	"github.com/spf13/cobra"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/chain"
	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
	"github.com/zktreasury/zktreasury/contracts"
	"github.com/zktreasury/zktreasury/treasury/fixed"
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
		Short: "Show the registry's last epoch, policies, pause and an epoch's record",
		Long: `Read the registry's status (last epoch and when it ended, current state
commitment, the policy that judges the next epoch, executed policy changes
scheduled for later epochs, the queued policy with its first epoch, when it can
be executed and when it expires, pause) and the record of one epoch (the last by
default): its times, state, liabilities root, actions commitment and count, the
policy it was judged by, and per asset the Chainlink round, the price the
registry derived from it and the inflow and outflow in token units. Times are
UTC; the record's hash is checked against its data.`,
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
	cmd.Flags().StringVar(&opts.Registry, "registry", "", "the registry's address (instead of --deployment; assets are then named by index)")
	cmd.Flags().Int64Var(&opts.Epoch, "epoch", -1, "epoch whose record to show (default: the last)")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the result as JSON")
	return cmd
}

// StatusResult is the JSON output of `epoch status`.
type StatusResult struct {
	// Registry is the registry's address; TreeCapacity the liabilities tree's capacity it
	// was deployed for; LastEpoch the last recorded epoch.
	Registry     string `json:"registry"`
	TreeCapacity uint64 `json:"treeCapacity"`
	LastEpoch    uint64 `json:"lastEpoch"`
	// LastEnd is the last epoch's end (the genesis time before epoch 1): the next start.
	LastEnd time.Time `json:"lastEnd"`
	// CurrentState is S(lastEpoch), the next proof's previous state.
	CurrentState string `json:"currentState"`
	// NextPolicy judges epoch lastEpoch + 1; Scheduled are executed changes for later epochs.
	NextPolicy string       `json:"nextPolicy"`
	Scheduled  []PolicyJSON `json:"scheduledPolicies,omitempty"`
	// Pending is the queued policy change, if any.
	Pending *PendingJSON `json:"pendingPolicy,omitempty"`
	// Paused is true while submissions are stopped; RecordHash is the record chain's head.
	Paused     bool   `json:"paused"`
	RecordHash string `json:"recordHash"`
	// Governance and Guardian are the roles now.
	Governance common.Address `json:"governance"`
	Guardian   common.Address `json:"guardian"`
	// Record is the requested epoch's record.
	Record *RecordResult `json:"record"`
}

// PolicyJSON is an executed policy change.
type PolicyJSON struct {
	// Commitment judges epochs from FromEpoch.
	Commitment string `json:"commitment"`
	FromEpoch  uint64 `json:"fromEpoch"`
}

// PendingJSON is a queued policy change.
type PendingJSON struct {
	// Commitment would judge epochs from FromEpoch once executed, which governance can do
	// from ETA until ExpiresAt, while FromEpoch is not recorded.
	Commitment string    `json:"commitment"`
	FromEpoch  uint64    `json:"fromEpoch"`
	ETA        time.Time `json:"eta"`
	ExpiresAt  time.Time `json:"expiresAt"`
}

// AssetRecord is one asset's part of an epoch's record.
type AssetRecord struct {
	// Symbol is the asset's symbol from the deployment file, or "assetI" without one.
	Symbol string `json:"symbol"`
	// RoundID is the Chainlink round (decimal); Price the circuit price the registry derived
	// from it (value units per circuit unit) and PriceUSD the same per whole token.
	RoundID  string `json:"roundId"`
	Price    string `json:"price"`
	PriceUSD string `json:"priceUsd"`
	// Inflow and Outflow are in token units; InflowUnits and OutflowUnits in circuit units.
	Inflow       string `json:"inflow"`
	Outflow      string `json:"outflow"`
	InflowUnits  uint64 `json:"inflowUnits"`
	OutflowUnits uint64 `json:"outflowUnits"`
}

// RecordResult is one epoch's record.
type RecordResult struct {
	// Epoch covers [Start, End); the commitments, count and policy are the record's, Assets
	// its per-asset part, and the rest locates and chains it.
	Epoch             uint64        `json:"epoch"`
	Start             time.Time     `json:"start"`
	End               time.Time     `json:"end"`
	StateCommitment   string        `json:"stateCommitment"`
	LiabilitiesRoot   string        `json:"liabilitiesRoot"`
	ActionsCommitment string        `json:"actionsCommitment"`
	ActionCount       uint64        `json:"actionCount"`
	PolicyCommitment  string        `json:"policyCommitment"`
	Assets            []AssetRecord `json:"assets,omitempty"`
	RecordHash        string        `json:"recordHash"`
	PrevRecordHash    string        `json:"prevRecordHash"`
	Block             uint64        `json:"block"`
	TxHash            string        `json:"txHash"`
	RecordedAt        time.Time     `json:"recordedAt"`
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
	hist, err := reg.PolicyHistory(ctx)
	if err != nil {
		return err
	}
	feeds, err := reg.Feeds(ctx)
	if err != nil {
		return err
	}
	symbols := make([]string, len(feeds))
	for i := range symbols {
		symbols[i] = fmt.Sprintf("asset%d", i)
		if dep != nil && i < len(dep.Feeds) {
			symbols[i] = dep.Feeds[i].Symbol
		}
	}
	res := StatusResult{Registry: addr.Hex(), TreeCapacity: cfg.TreeCapacity, LastEpoch: st.LastEpoch, LastEnd: st.LastEnd,
		CurrentState: hex64(st.CurrentState), NextPolicy: hex64(st.NextPolicy), Paused: st.Paused, RecordHash: st.RecordHash.Hex(),
		Governance: cfg.Governance, Guardian: cfg.Guardian}
	for _, h := range hist {
		if h.FromEpoch > st.LastEpoch+1 {
			res.Scheduled = append(res.Scheduled, PolicyJSON{Commitment: hex64(h.Commitment), FromEpoch: h.FromEpoch})
		}
	}
	if p := st.Pending; p != nil {
		res.Pending = &PendingJSON{Commitment: hex64(p.Commitment), FromEpoch: p.FromEpoch, ETA: p.ETA, ExpiresAt: p.ExpiresAt}
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
	r := &RecordResult{Epoch: rec.Epoch, Start: rec.Start, End: rec.End, StateCommitment: hex64(rec.StateCommitment),
		LiabilitiesRoot: hex64(rec.LiabilitiesRoot), ActionsCommitment: hex64(rec.ActionsCommitment), ActionCount: rec.ActionCount,
		PolicyCommitment: hex64(rec.PolicyCommitment), RecordHash: rec.RecordHash.Hex(), PrevRecordHash: rec.PrevRecordHash.Hex(),
		Block: rec.Block, TxHash: rec.TxHash.Hex(), RecordedAt: rec.RecordedAt}
	if len(rec.RoundIDs) == len(feeds) && len(rec.Prices) == len(feeds) && len(rec.Inflows) == len(feeds) && len(rec.Outflows) == len(feeds) {
		for i, f := range feeds {
			cd := int32(f.CircuitDecimals)
			r.Assets = append(r.Assets, AssetRecord{
				Symbol: symbols[i], RoundID: rec.RoundIDs[i].String(), Price: rec.Prices[i].String(),
				PriceUSD: decimal.NewFromBigInt(rec.Prices[i], cd-int32(cfg.ValueDecimals)).String(),
				Inflow:   fixed.ToDecimal(rec.Inflows[i], cd).String(), Outflow: fixed.ToDecimal(rec.Outflows[i], cd).String(),
				InflowUnits: rec.Inflows[i], OutflowUnits: rec.Outflows[i],
			})
		}
	}
	res.Record = r
	if opts.JSON {
		return cmdutil.PrintJSON(opts.F.Out, res)
	}
	const tf = "2006-01-02 15:04:05 UTC"
	w := tabwriter.NewWriter(opts.F.Out, 0, 2, 2, ' ', 0)
	fmt.Fprintf(w, "registry\t%s (tree capacity %d)\n", res.Registry, res.TreeCapacity)
	fmt.Fprintf(w, "last epoch\t%d (ended %s)\n", res.LastEpoch, res.LastEnd.Format(tf))
	fmt.Fprintf(w, "current state\t%s\n", res.CurrentState)
	fmt.Fprintf(w, "policy for epoch %d\t%s\n", res.LastEpoch+1, res.NextPolicy)
	for _, p := range res.Scheduled {
		fmt.Fprintf(w, "policy from epoch %d\t%s (executed)\n", p.FromEpoch, p.Commitment)
	}
	if p := res.Pending; p != nil {
		fmt.Fprintf(w, "queued policy\t%s from epoch %d, executable %s until %s\n", p.Commitment, p.FromEpoch, p.ETA.Format(tf), p.ExpiresAt.Format(tf))
	} else {
		fmt.Fprintf(w, "queued policy\tnone\n")
	}
	fmt.Fprintf(w, "paused\t%v\n", res.Paused)
	fmt.Fprintf(w, "governance / guardian\t%s / %s\n", res.Governance, res.Guardian)
	fmt.Fprintf(w, "epoch %d\t%s to %s\n", r.Epoch, r.Start.Format(tf), r.End.Format(tf))
	fmt.Fprintf(w, "  state\t%s\n", r.StateCommitment)
	fmt.Fprintf(w, "  liabilities root\t%s\n", r.LiabilitiesRoot)
	fmt.Fprintf(w, "  actions\t%s (%d actions)\n", r.ActionsCommitment, r.ActionCount)
	fmt.Fprintf(w, "  policy\t%s\n", r.PolicyCommitment)
	for _, a := range r.Assets {
		fmt.Fprintf(w, "  %s\t%s USD (round %s), in %s, out %s\n", a.Symbol, a.PriceUSD, a.RoundID, a.Inflow, a.Outflow)
	}
	fmt.Fprintf(w, "  record hash\t%s\n", r.RecordHash)
	fmt.Fprintf(w, "  tx\t%s (block %d, %s)\n", r.TxHash, r.Block, r.RecordedAt.Format(tf))
	return w.Flush()
}

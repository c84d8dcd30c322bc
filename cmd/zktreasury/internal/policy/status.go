package policy

import (
	"context"
	"fmt"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/chain"
	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
	"github.com/zktreasury/zktreasury/contracts"
)

// StatusOptions are the flags of `zktreasury policy status`.
type StatusOptions struct {
	// IO carries the I/O streams; RPC is the node's URL, Deployment the deployment file.
	IO         *cmdutil.Factory
	RPC        string
	Deployment string
	// Policy, when set, is a policy file to locate among the registry's policies.
	Policy string
	// Timeout bounds the reads; JSON prints JSON.
	Timeout time.Duration
	JSON    bool
}

func newCmdStatus(f *cmdutil.Factory, runF func(*StatusOptions) error) *cobra.Command {
	opts := &StatusOptions{IO: f}
	cmd := &cobra.Command{
		Use:   "status",
		Short: "Show the registry's current, queued and past policies",
		Long: `Read the registry's policies: the one that judges the next epoch, the queued
one (its first epoch, when it becomes executable and when it expires, and
whether it can be executed at the chain's head time), and the history of
executed policies with the first epoch each judges. With --policy FILE, also
says where that file's commitment stands.`,
		Example: "  zktreasury policy status --rpc $RPC --deployment deployment.json --policy new-policy.json",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
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
			return statusRun(cmd.Context(), opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.RPC, "rpc", "", "the node's JSON-RPC URL")
	fl.StringVar(&opts.Deployment, "deployment", "deployment.json", "deployment file written by `zktreasury chain deploy`")
	fl.StringVar(&opts.Policy, "policy", "", "policy file to locate among the registry's policies")
	fl.DurationVar(&opts.Timeout, "timeout", chain.DefaultTxTimeout, "give up after this long")
	fl.BoolVar(&opts.JSON, "json", false, "print JSON")
	return cmd
}

// QueuedJSON is the queued policy in `policy status`.
type QueuedJSON struct {
	// Commitment would judge epochs from FromEpoch; governance can execute it from ETA until
	// ExpiresAt.
	Commitment string    `json:"commitment"`
	FromEpoch  uint64    `json:"fromEpoch"`
	ETA        time.Time `json:"eta"`
	ExpiresAt  time.Time `json:"expiresAt"`
	// State at the chain's head: "waiting" (before ETA), "executable", "expired" or
	// "epoch-passed" (its first epoch is recorded).
	State string `json:"state"`
}

// HistoryJSON is one executed policy.
type HistoryJSON struct {
	// FromEpoch is the first epoch Commitment judges.
	FromEpoch  uint64 `json:"fromEpoch"`
	Commitment string `json:"commitment"`
	// Scheduled is true when it judges only epochs after the next one.
	Scheduled bool `json:"scheduled"`
}

// StatusResult is the JSON output of `policy status`.
type StatusResult struct {
	// Registry is the registry's address; LastEpoch its last recorded epoch.
	Registry  string `json:"registry"`
	LastEpoch uint64 `json:"lastEpoch"`
	// HeadTime is the chain head's time, against which the queued policy's state is judged.
	HeadTime time.Time `json:"headTime"`
	// Current is the policy that judges epoch LastEpoch + 1; Queued the queued one (null when
	// none); History every executed one; the delay and grace period bound when a queued
	// policy can be executed.
	Current            string        `json:"current"`
	Queued             *QueuedJSON   `json:"queued"`
	History            []HistoryJSON `json:"history"`
	PolicyDelaySeconds uint64        `json:"policyDelaySeconds"`
	PolicyGraceSeconds uint64        `json:"policyGraceSeconds"`
	// File and FileCommitment are --policy's; FileState says where it stands: "current",
	// "queued", "scheduled", "past" or "unknown".
	File           string `json:"file,omitempty"`
	FileCommitment string `json:"fileCommitment,omitempty"`
	FileState      string `json:"fileState,omitempty"`
}

func statusRun(ctx context.Context, opts *StatusOptions) error {
	if ctx == nil {
		ctx = context.Background()
	}
	var file string
	if opts.Policy != "" {
		c, err := FileCommitment(opts.Policy)
		if err != nil {
			return err
		}
		file = hex64(c)
	}
	ctx, cancel := context.WithTimeout(ctx, opts.Timeout)
	defer cancel()
	dep, err := chain.ReadDeployment(opts.Deployment)
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
	reg, err := contracts.NewRegistry(dep.Registry, conn.Client, nil)
	if err != nil {
		return err
	}
	cfg, err := reg.Config(ctx)
	if err != nil {
		return err
	}
	st, err := reg.Status(ctx)
	if err != nil {
		return err
	}
	hist, err := reg.PolicyHistory(ctx)
	if err != nil {
		return err
	}
	head, err := conn.Client.HeaderByNumber(ctx, nil)
	if err != nil {
		return fmt.Errorf("read the head block of %s: %w", opts.RPC, err)
	}
	now := time.Unix(int64(head.Time), 0).UTC()
	res := StatusResult{Registry: dep.Registry.Hex(), LastEpoch: st.LastEpoch, HeadTime: now, Current: hex64(st.NextPolicy),
		PolicyDelaySeconds: uint64(cfg.PolicyDelay / time.Second), PolicyGraceSeconds: uint64(cfg.PolicyGracePeriod / time.Second)}
	for _, h := range hist {
		res.History = append(res.History, HistoryJSON{FromEpoch: h.FromEpoch, Commitment: hex64(h.Commitment), Scheduled: h.FromEpoch > st.LastEpoch+1})
	}
	if p := st.Pending; p != nil {
		q := &QueuedJSON{Commitment: hex64(p.Commitment), FromEpoch: p.FromEpoch, ETA: p.ETA, ExpiresAt: p.ExpiresAt}
		switch {
		case st.LastEpoch >= p.FromEpoch:
			q.State = "epoch-passed"
		case now.Before(p.ETA):
			q.State = "waiting"
		case now.After(p.ExpiresAt):
			q.State = "expired"
		default:
			q.State = "executable"
		}
		res.Queued = q
	}
	if file != "" {
		res.File, res.FileCommitment, res.FileState = opts.Policy, file, fileState(file, &res)
	}
	if opts.JSON {
		return cmdutil.PrintJSON(opts.IO.Out, res)
	}
	w := tabwriter.NewWriter(opts.IO.Out, 0, 2, 2, ' ', 0)
	fmt.Fprintf(w, "registry\t%s\n", res.Registry)
	fmt.Fprintf(w, "last epoch\t%d\n", res.LastEpoch)
	fmt.Fprintf(w, "policy for epoch %d\t%s\n", res.LastEpoch+1, res.Current)
	if q := res.Queued; q != nil {
		fmt.Fprintf(w, "queued\t%s from epoch %d: %s (executable from %s until %s; chain time %s)\n", q.Commitment, q.FromEpoch, q.State,
			q.ETA.Format(rfc), q.ExpiresAt.Format(rfc), now.Format(rfc))
	} else {
		fmt.Fprintf(w, "queued\tnone\n")
	}
	for _, h := range res.History {
		what := "executed"
		if h.Scheduled {
			what = "executed, scheduled"
		}
		fmt.Fprintf(w, "from epoch %d\t%s (%s)\n", h.FromEpoch, h.Commitment, what)
	}
	fmt.Fprintf(w, "timelock\t%s, then executable for %s\n", time.Duration(res.PolicyDelaySeconds)*time.Second, time.Duration(res.PolicyGraceSeconds)*time.Second)
	if res.File != "" {
		fmt.Fprintf(w, "%s\t%s: %s\n", res.File, res.FileCommitment, res.FileState)
	}
	return w.Flush()
}

// fileState says where a commitment stands among the registry's policies.
func fileState(c string, res *StatusResult) string {
	switch {
	case c == res.Current:
		return "current"
	case res.Queued != nil && c == res.Queued.Commitment:
		return "queued"
	}
	for _, h := range res.History {
		if h.Commitment == c && h.Scheduled {
			return "scheduled"
		}
	}
	for _, h := range res.History {
		if h.Commitment == c {
			return "past"
		}
	}
	return "unknown"
}

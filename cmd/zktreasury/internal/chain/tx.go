package chain

import (
	"context"
	"errors"
	"fmt"
	"io"
	"text/tabwriter"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/spf13/cobra"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
	"github.com/zktreasury/zktreasury/contracts"
)

// DefaultTxTimeout is how long a registry transaction verb waits, from its start to the
// receipt, unless --timeout says otherwise.
const DefaultTxTimeout = 2 * time.Minute

// ErrPending is returned when a transaction was sent but its receipt did not come before the
// timeout: it may still be mined, and it was not resent.
var ErrPending = errors.New("transaction still pending")

// TxFlags are the flags of every verb that sends a registry transaction as a role holder.
type TxFlags struct {
	// RPC is the node's JSON-RPC URL; Signer who signs (as the role holder); Deployment the
	// file `chain deploy` wrote.
	RPC        string
	Signer     Signer
	Deployment string
	// Timeout bounds the whole verb, receipt included.
	Timeout time.Duration
	// JSON prints the result as JSON.
	JSON bool
}

// Register adds --rpc, --key, --dev-account, --deployment, --timeout and --json.
func (t *TxFlags) Register(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringVar(&t.RPC, "rpc", "", "the node's JSON-RPC URL")
	fl.StringVar(&t.Signer.KeyFile, "key", "", "file holding the signer's hex private key (never the key itself)")
	fl.BoolVar(&t.Signer.DevAccount, "dev-account", false, "sign as the node's own dev account (chain 1337 or 31337 with an unlocked account only)")
	fl.StringVar(&t.Deployment, "deployment", "deployment.json", "deployment file written by `zktreasury chain deploy`")
	fl.DurationVar(&t.Timeout, "timeout", DefaultTxTimeout, "give up waiting for the receipt after this long (the transaction is not resent)")
	fl.BoolVar(&t.JSON, "json", false, "print the result as JSON")
}

// Validate checks the flags that need no file and no node.
func (t *TxFlags) Validate() error {
	if err := t.Signer.Validate(); err != nil {
		return err
	}
	if t.RPC == "" {
		return cmdutil.Usagef("--rpc is required")
	}
	if t.Deployment == "" {
		return cmdutil.Usagef("--deployment is required (the file `zktreasury chain deploy` wrote)")
	}
	if t.Timeout <= 0 {
		return cmdutil.Usagef("--timeout %v: want a positive duration", t.Timeout)
	}
	return nil
}

// Session is an open connection to a deployment's registry, signing as a role holder.
type Session struct {
	// Conn is the node, Deployment what it holds, Registry the handle signing as From.
	Conn       *Conn
	Deployment *Deployment
	Registry   *contracts.Registry
	// From is the signer's address.
	From common.Address
}

// Close closes the connection.
func (s *Session) Close() { s.Conn.Close() }

// Open reads the deployment, connects, checks the chain and opens the signer (as the role
// holder: OpenAsRole).
func (t *TxFlags) Open(ctx context.Context, warn io.Writer) (*Session, error) {
	dep, err := ReadDeployment(t.Deployment)
	if err != nil {
		return nil, err
	}
	conn, err := Dial(ctx, t.RPC)
	if err != nil {
		return nil, err
	}
	if err := dep.CheckChain(conn); err != nil {
		conn.Close()
		return nil, err
	}
	acct, err := t.Signer.OpenAsRole(ctx, conn, warn)
	if err != nil {
		conn.Close()
		return nil, err
	}
	reg, err := contracts.NewRegistry(dep.Registry, conn.Client, acct.Auth)
	if err != nil {
		conn.Close()
		return nil, err
	}
	return &Session{Conn: conn, Deployment: dep, Registry: reg, From: acct.Auth.From}, nil
}

// TxResult is the JSON every registry transaction verb prints (verbs add their own fields).
type TxResult struct {
	// Action is the registry call, e.g. "pause"; Done is true once it was mined successfully.
	Action string `json:"action"`
	Done   bool   `json:"done"`
	// Registry is the registry's address; From the signer's.
	Registry string `json:"registry"`
	From     string `json:"from"`
	// TxHash is set as soon as the transaction is sent; Pending is true when its receipt did
	// not come before the timeout.
	TxHash  string `json:"txHash,omitempty"`
	Pending bool   `json:"pending,omitempty"`
	Block   uint64 `json:"block,omitempty"`
	GasUsed uint64 `json:"gasUsed,omitempty"`
	// Error is the registry's error name when it refused; Revert the error with its arguments;
	// Hint what to do about it.
	Error  string `json:"error,omitempty"`
	Revert string `json:"revert,omitempty"`
	Hint   string `json:"hint,omitempty"`
}

// Transact sends op, says on progress that it was sent (with its hash) before it waits, and
// waits for the receipt until ctx ends. It fills res: the hash, and the block and gas once
// mined. A refusal (at gas estimation: nothing was sent; or mined) returns an error matching a
// *contracts.RevertError; a receipt not in time returns ErrPending with the hash.
func Transact(ctx context.Context, s *Session, op contracts.Op, res *TxResult, progress io.Writer) (*types.Receipt, error) {
	res.Action, res.Registry, res.From = op.Name, s.Deployment.Registry.Hex(), s.From.Hex()
	sent, err := s.Registry.Send(ctx, op)
	if err != nil {
		if ctx.Err() != nil {
			return nil, fmt.Errorf("%s: nothing was sent before the timeout: %w", op.Name, err)
		}
		return nil, err
	}
	res.TxHash = sent.Hash().Hex()
	if progress != nil {
		fmt.Fprintf(progress, "%s: sent tx %s (nonce %d) from %s, waiting for its receipt\n", op.Name, res.TxHash, sent.Tx.Nonce(), s.From)
	}
	receipt, err := s.Registry.Wait(ctx, sent)
	if receipt != nil {
		res.Block, res.GasUsed = receipt.BlockNumber.Uint64(), receipt.GasUsed
	}
	if err != nil && receipt == nil && ctx.Err() != nil {
		res.Pending = true
		return nil, fmt.Errorf("%s: tx %s: %w: no receipt before the timeout; it was not resent and may still be mined (look it up by its hash before sending again)",
			op.Name, res.TxHash, ErrPending)
	}
	if err != nil {
		return receipt, err
	}
	res.Done = true
	return receipt, nil
}

// Refusal fills res from a registry refusal and returns the revert, or nil when err is not one.
func Refusal(err error, res *TxResult) *contracts.RevertError {
	var revert *contracts.RevertError
	if errors.As(err, &revert) {
		res.Error, res.Revert = revert.Name, revert.Error()
		return revert
	}
	return nil
}

// Finish prints a verb's result (out as JSON, or res and rows as a table) and returns its exit
// error: nil when done, a NoError (exit 3) for a refusal, err otherwise.
func Finish(w io.Writer, jsonOut bool, out any, res *TxResult, rows [][2]string, err error) error {
	if err != nil && res.Error == "" && !errors.Is(err, ErrPending) {
		return err
	}
	if jsonOut {
		if perr := cmdutil.PrintJSON(w, out); perr != nil {
			return perr
		}
	} else {
		tw := tabwriter.NewWriter(w, 0, 2, 2, ' ', 0)
		switch {
		case res.Done:
			fmt.Fprintf(tw, "verdict\tDONE: %s\n", res.Action)
		case res.Pending:
			fmt.Fprintf(tw, "verdict\tPENDING: %s\n", res.Action)
		default:
			if res.Hint != "" {
				fmt.Fprintf(tw, "verdict\tREFUSED: %s: %s\n", res.Error, res.Hint)
			} else {
				fmt.Fprintf(tw, "verdict\tREFUSED: %s\n", res.Error)
			}
			fmt.Fprintf(tw, "revert\t%s\n", res.Revert)
		}
		fmt.Fprintf(tw, "registry\t%s\n", res.Registry)
		fmt.Fprintf(tw, "from\t%s\n", res.From)
		for _, r := range rows {
			fmt.Fprintf(tw, "%s\t%s\n", r[0], r[1])
		}
		if res.TxHash != "" {
			if res.Block != 0 {
				fmt.Fprintf(tw, "tx\t%s (block %d, %d gas)\n", res.TxHash, res.Block, res.GasUsed)
			} else {
				fmt.Fprintf(tw, "tx\t%s (pending)\n", res.TxHash)
			}
		}
		if ferr := tw.Flush(); ferr != nil {
			return ferr
		}
	}
	switch {
	case res.Done:
		return nil
	case res.Pending:
		return err
	}
	reason := res.Action + " refused: " + res.Revert
	if res.Hint != "" {
		reason += ": " + res.Hint
	}
	return &cmdutil.NoError{Reason: reason}
}

// RoleHint explains a refusal every registry verb can meet: the signer lacks the role, or the
// registry is (not) paused. It is "" for other errors.
func RoleHint(ctx context.Context, s *Session, revert *contracts.RevertError) string {
	cfg, err := s.Registry.Config(ctx)
	if err != nil {
		return ""
	}
	switch {
	case errors.Is(revert, contracts.ErrNotGovernance):
		return fmt.Sprintf("the signer %s is not governance %s", s.From, cfg.Governance)
	case errors.Is(revert, contracts.ErrNotGuardianOrGovernance):
		return fmt.Sprintf("the signer %s is neither the guardian %s nor governance %s", s.From, cfg.Guardian, cfg.Governance)
	case errors.Is(revert, contracts.ErrNotPendingGovernance):
		return nomineeHint(s.From, cfg.PendingGovernance, "governance")
	case errors.Is(revert, contracts.ErrNotPendingGuardian):
		return nomineeHint(s.From, cfg.PendingGuardian, "guardian")
	}
	return ""
}

func nomineeHint(from, nominee common.Address, role string) string {
	if nominee == (common.Address{}) {
		return fmt.Sprintf("nobody is nominated for %s: the current holder proposes first (`zktreasury chain role propose --role %s --to ADDR`)", role, role)
	}
	return fmt.Sprintf("the signer %s is not the nominated %s %s", from, role, nominee)
}

// hintCtx is a short context for the reads a hint makes after the main one may have ended.
func hintCtx() (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.Background(), DialTimeout)
}

// Hint runs RoleHint with its own short deadline.
func Hint(s *Session, revert *contracts.RevertError, more func(ctx context.Context) string) string {
	ctx, cancel := hintCtx()
	defer cancel()
	if h := RoleHint(ctx, s, revert); h != "" {
		return h
	}
	if more != nil {
		return more(ctx)
	}
	return ""
}

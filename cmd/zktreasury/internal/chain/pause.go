package chain

import (
	"context"
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
	"github.com/zktreasury/zktreasury/contracts"
)

// PauseOptions are the options of `chain pause` and `chain unpause`.
type PauseOptions struct {
	// F carries the I/O streams; Tx the registry transaction flags.
	F  *cmdutil.Factory
	Tx TxFlags
	// Unpause resumes submissions instead of stopping them.
	Unpause bool
}

// NewCmdPause returns `chain pause` (unpause false) or `chain unpause`.
func NewCmdPause(f *cmdutil.Factory, unpause bool, runF func(*PauseOptions) error) *cobra.Command {
	opts := &PauseOptions{F: f, Unpause: unpause}
	cmd := &cobra.Command{
		Use:   "pause",
		Short: "Stop epoch submissions (the guardian or governance)",
		Long: `Stop the registry from recording epochs: the kill switch. The guardian or
governance may pause; only governance may resume (chain unpause). Prints the
transaction hash before it waits for the receipt. Exit 3 when the registry
refuses (NotGuardianOrGovernance, Paused: already paused), with a hint.`,
		Example: "  zktreasury chain pause --rpc $RPC --key guardian.key --deployment deployment.json",
		Args:    cobra.NoArgs,
	}
	if unpause {
		cmd.Use, cmd.Short = "unpause", "Resume epoch submissions (governance only)"
		cmd.Long = `Resume epoch submissions after a pause. Governance only: the guardian can stop,
never restart. Exit 3 when the registry refuses (NotGovernance, NotPaused), with
a hint.`
		cmd.Example = "  zktreasury chain unpause --rpc $RPC --key governance.key --deployment deployment.json"
	}
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		if err := opts.Tx.Validate(); err != nil {
			return err
		}
		if runF != nil {
			return runF(opts)
		}
		return pauseRun(cmd.Context(), opts)
	}
	opts.Tx.Register(cmd)
	return cmd
}

// PauseResult is the JSON output of `chain pause` and `chain unpause`.
type PauseResult struct {
	TxResult
	// Paused is the registry's pause state after the call.
	Paused bool `json:"paused"`
}

func pauseRun(ctx context.Context, opts *PauseOptions) error {
	if ctx == nil {
		ctx = context.Background()
	}
	ctx, cancel := context.WithTimeout(ctx, opts.Tx.Timeout)
	defer cancel()
	s, err := opts.Tx.Open(ctx, opts.F.Err)
	if err != nil {
		return err
	}
	defer s.Close()
	op := contracts.OpPause()
	if opts.Unpause {
		op = contracts.OpUnpause()
	}
	var res PauseResult
	_, err = Transact(ctx, s, op, &res.TxResult, opts.F.Err)
	if revert := Refusal(err, &res.TxResult); revert != nil {
		res.Hint = Hint(s, revert, func(context.Context) string {
			switch {
			case errors.Is(revert, contracts.ErrPaused):
				return "the registry is already paused; governance resumes it with `zktreasury chain unpause`"
			case errors.Is(revert, contracts.ErrNotPaused):
				return "the registry is not paused"
			}
			return ""
		})
	}
	if err == nil || res.Error != "" {
		hctx, hcancel := hintCtx()
		defer hcancel()
		if st, serr := s.Registry.Status(hctx); serr == nil {
			res.Paused = st.Paused
		}
	}
	return Finish(opts.F.Out, opts.Tx.JSON, res, &res.TxResult, [][2]string{{"paused", fmt.Sprint(res.Paused)}}, err)
}

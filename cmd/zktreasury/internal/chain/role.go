package chain

import (
	"context"

	"github.com/ethereum/go-ethereum/common"
	"github.com/spf13/cobra"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
	"github.com/zktreasury/zktreasury/contracts"
)

// Roles are the registry's two rotatable roles, as --role names them.
var Roles = []string{"governance", "guardian"}

func checkRole(role string) error {
	for _, r := range Roles {
		if role == r {
			return nil
		}
	}
	return cmdutil.Usagef("--role %q: want one of %v", role, Roles)
}

// NewCmdRole returns the `chain role` group: two-step role rotation.
func NewCmdRole(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "role <command>",
		Short: "Hand a role (governance, guardian) to another address in two steps",
		Long: `Role rotation takes two transactions, as the registry implements it: the current
holder proposes the next one (propose; governance may also propose the guardian),
and only that address can take the role over (accept). Proposing the zero
address withdraws a nomination.`,
	}
	cmd.AddCommand(NewCmdRolePropose(f, nil), NewCmdRoleAccept(f, nil))
	return cmd
}

// RoleOptions are the options of `chain role propose` and `chain role accept`.
type RoleOptions struct {
	// F carries the I/O streams; Tx the registry transaction flags.
	F  *cmdutil.Factory
	Tx TxFlags
	// Role is "governance" or "guardian"; To the nominee (propose only).
	Role string
	To   string
}

// RoleResult is the JSON output of `chain role propose` and `chain role accept`.
type RoleResult struct {
	TxResult
	// Role is "governance" or "guardian".
	Role string `json:"role"`
	// Holder and Nominee are the role's holder and nominee after the call.
	Holder  common.Address `json:"holder"`
	Nominee common.Address `json:"nominee"`
}

// NewCmdRolePropose returns `chain role propose`.
func NewCmdRolePropose(f *cmdutil.Factory, runF func(*RoleOptions) error) *cobra.Command {
	opts := &RoleOptions{F: f}
	cmd := &cobra.Command{
		Use:   "propose --role governance|guardian --to ADDR",
		Short: "Nominate the next governance or guardian",
		Long: `Nominate the address that may take over a role with ` + "`chain role accept`" + `.
Governance nominates the next governance; the guardian or governance nominates
the next guardian. --to 0x0000000000000000000000000000000000000000 withdraws a
nomination. Exit 3 when the registry refuses (NotGovernance,
NotGuardianOrGovernance), with a hint.`,
		Example: "  zktreasury chain role propose --role governance --to 0xDAO... --rpc $RPC --key governance.key --deployment deployment.json",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkRole(opts.Role); err != nil {
				return err
			}
			if !common.IsHexAddress(opts.To) {
				return cmdutil.Usagef("--to %q is not an address", opts.To)
			}
			if err := opts.Tx.Validate(); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return roleRun(cmd.Context(), opts, true)
		},
	}
	cmd.Flags().StringVar(&opts.Role, "role", "", "the role: governance or guardian")
	cmd.Flags().StringVar(&opts.To, "to", "", "the nominee's address (the zero address withdraws a nomination)")
	opts.Tx.Register(cmd)
	return cmd
}

// NewCmdRoleAccept returns `chain role accept`.
func NewCmdRoleAccept(f *cmdutil.Factory, runF func(*RoleOptions) error) *cobra.Command {
	opts := &RoleOptions{F: f}
	cmd := &cobra.Command{
		Use:   "accept --role governance|guardian",
		Short: "Take over a role the signer was nominated for",
		Long: `Take over a role: the signer must be the address ` + "`chain role propose`" + ` nominated.
Exit 3 when the registry refuses (NotPendingGovernance, NotPendingGuardian),
with a hint naming the nominee.`,
		Example: "  zktreasury chain role accept --role governance --rpc $RPC --key dao.key --deployment deployment.json",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkRole(opts.Role); err != nil {
				return err
			}
			if err := opts.Tx.Validate(); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return roleRun(cmd.Context(), opts, false)
		},
	}
	cmd.Flags().StringVar(&opts.Role, "role", "", "the role: governance or guardian")
	opts.Tx.Register(cmd)
	return cmd
}

func roleRun(ctx context.Context, opts *RoleOptions, propose bool) error {
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
	var op contracts.Op
	to := common.HexToAddress(opts.To)
	switch {
	case propose && opts.Role == "governance":
		op = contracts.OpTransferGovernance(to)
	case propose:
		op = contracts.OpTransferGuardian(to)
	case opts.Role == "governance":
		op = contracts.OpAcceptGovernance()
	default:
		op = contracts.OpAcceptGuardian()
	}
	res := RoleResult{Role: opts.Role}
	_, err = Transact(ctx, s, op, &res.TxResult, opts.F.Err)
	if revert := Refusal(err, &res.TxResult); revert != nil {
		res.Hint = Hint(s, revert, nil)
	}
	if err == nil || res.Error != "" {
		hctx, hcancel := hintCtx()
		defer hcancel()
		if cfg, cerr := s.Registry.Config(hctx); cerr == nil {
			res.Holder, res.Nominee = cfg.Governance, cfg.PendingGovernance
			if opts.Role == "guardian" {
				res.Holder, res.Nominee = cfg.Guardian, cfg.PendingGuardian
			}
		}
	}
	nominee := res.Nominee.Hex()
	if res.Nominee == (common.Address{}) {
		nominee = "none"
	}
	return Finish(opts.F.Out, opts.Tx.JSON, res, &res.TxResult, [][2]string{{opts.Role, res.Holder.Hex()}, {"nominee", nominee}}, err)
}

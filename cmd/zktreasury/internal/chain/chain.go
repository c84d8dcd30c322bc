// Package chain implements `zktreasury chain`: putting the registry, its verifiers and its price
// feeds on a chain. It also holds what every on-chain command shares: the connection to a node
// (--rpc), the signer (--key or --dev-account) and the deployment file.
package chain

import (
	"github.com/spf13/cobra"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
)

// NewCmdChain returns the chain noun.
func NewCmdChain(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "chain <command>",
		Short: "Deploy the epoch registry, pause and resume it, and rotate its roles",
	}
	cmd.AddCommand(NewCmdDeploy(f, nil), NewCmdPause(f, false, nil), NewCmdPause(f, true, nil), NewCmdRole(f))
	return cmd
}

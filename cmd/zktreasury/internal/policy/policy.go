// Package policy implements `zktreasury policy`: commands about the
// governance policy and its risk corridors.
package policy

import (
	"github.com/spf13/cobra"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
)

// NewCmdPolicy returns the `policy` noun with its verbs.
func NewCmdPolicy(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "policy <command>",
		Short: "Validate the governance policy, and change it on the registry behind the timelock",
	}
	cmd.AddCommand(newCmdCheck(f, nil), newCmdCommit(f, nil), newCmdQueue(f, nil), newCmdExecute(f, false, nil),
		newCmdExecute(f, true, nil), newCmdStatus(f, nil))
	return cmd
}

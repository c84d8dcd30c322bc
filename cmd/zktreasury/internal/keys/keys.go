// Package keys implements `zktreasury keys`: key setup and verifier export.
package keys

import (
	"github.com/spf13/cobra"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
)

// NewCmdKeys returns the keys noun.
func NewCmdKeys(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "keys <command>",
		Short: "Set up proving and verifying keys",
	}
	cmd.AddCommand(NewCmdSetup(f, nil))
	return cmd
}

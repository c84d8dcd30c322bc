// Package epoch implements `zktreasury epoch`: submitting an epoch's proofs to the on-chain
// registry and reading what it recorded.
package epoch

import (
	"github.com/spf13/cobra"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
)

// NewCmdEpoch returns the epoch noun.
func NewCmdEpoch(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "epoch <command>",
		Short: "Submit epochs to the on-chain registry and read its records",
	}
	cmd.AddCommand(NewCmdSubmit(f, nil), NewCmdStatus(f, nil))
	return cmd
}

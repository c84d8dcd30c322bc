// Package prove implements `zktreasury prove`: proofs of the solvency statement.
package prove

import (
	"github.com/spf13/cobra"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
)

// NewCmdProve returns the prove noun.
func NewCmdProve(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "prove <statement>",
		Short: "Prove a statement and write a proof file",
	}
	cmd.AddCommand(NewCmdSolvency(f, nil), NewCmdCompliance(f, nil), NewCmdEpoch(f, nil))
	return cmd
}

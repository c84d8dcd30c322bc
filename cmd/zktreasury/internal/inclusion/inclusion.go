// Package inclusion implements `zktreasury inclusion`: export a user's inclusion
// proof, and let the user verify it against a published liabilities root.
package inclusion

import (
	"github.com/spf13/cobra"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
)

// NewCmdInclusion returns the inclusion noun.
func NewCmdInclusion(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "inclusion <command>",
		Short: "Export and verify a user's inclusion in the liabilities tree",
	}
	cmd.AddCommand(NewCmdExport(f, nil), NewCmdVerify(f, nil))
	return cmd
}

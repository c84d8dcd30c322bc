// Package root assembles the zktreasury command tree and maps errors to exit codes.
package root

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/consensys/gnark/logger"
	"github.com/spf13/cobra"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
)

// NewCmdRoot returns the root command with every noun attached.
func NewCmdRoot(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:           "zktreasury <command> <subcommand> [flags]",
		Short:         "Run a treasury inside its policy and prove it in zero knowledge",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	cmd.SetIn(f.In)
	cmd.SetOut(f.Out)
	cmd.SetErr(f.Err)
	cmd.SetFlagErrorFunc(func(_ *cobra.Command, err error) error {
		return &cmdutil.UsageError{Err: err}
	})
	for _, add := range nouns {
		cmd.AddCommand(add(f))
	}
	return cmd
}

// nouns lists the constructors of the top-level commands; each noun's package
// registers itself in commands.go.
var nouns []func(*cmdutil.Factory) *cobra.Command

// Main runs the command line and returns the process exit code.
func Main(args []string, in io.Reader, out, errOut io.Writer) int {
	// gnark logs to stdout by default, which would corrupt --json output; our
	// own progress lines go to stderr instead.
	logger.Disable()
	f := &cmdutil.Factory{In: in, Out: out, Err: errOut}
	cmd := NewCmdRoot(f)
	cmd.SetArgs(args)
	err := cmd.Execute()
	if err == nil {
		return cmdutil.ExitOK
	}
	var no *cmdutil.NoError
	if !errors.As(err, &no) {
		fmt.Fprintln(errOut, "error:", err)
	}
	if isCobraUsage(err) {
		return cmdutil.ExitUsage
	}
	return cmdutil.ExitCode(err)
}

// isCobraUsage recognises cobra's own argument errors (unknown command, wrong
// number of args), which it returns as plain errors.
func isCobraUsage(err error) bool {
	msg := err.Error()
	for _, p := range []string{"unknown command", "accepts ", "requires at least", "requires at most", "unknown flag", "unknown shorthand", "invalid argument", "required flag"} {
		if strings.Contains(msg, p) {
			return true
		}
	}
	return false
}

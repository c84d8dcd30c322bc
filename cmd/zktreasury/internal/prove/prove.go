// Package prove implements `zktreasury prove`: proofs of the solvency statement.
package prove

import (
	"errors"
	"fmt"

	"github.com/consensys/gnark/frontend"
	"github.com/spf13/cobra"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
	"github.com/zktreasury/zktreasury/prover"
	"github.com/zktreasury/zktreasury/prover/keystore"
	"github.com/zktreasury/zktreasury/prover/prooffile"
	"github.com/zktreasury/zktreasury/prover/statement"
	"github.com/zktreasury/zktreasury/prover/zk"
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

// proveAndWrite proves with the stored keys, checks the proof, and writes the
// proof file atomically. flagsHint names the flags that fix the circuit's shape,
// for the message when no keys exist.
func proveAndWrite(keysDir, backend string, job prover.Job, assignment frontend.Circuit, public []statement.NamedInput,
	out, flagsHint string, prog *cmdutil.Progress, decorate ...func(*prooffile.File)) error {
	b, err := zk.ByName(backend)
	if err != nil {
		return err
	}
	f, err := prover.Prove(keystore.Store{Dir: keysDir}, b, job, assignment, public, prog.Step)
	if errors.Is(err, keystore.ErrNoKeys) {
		return fmt.Errorf("%w; run `zktreasury keys setup %s --insecure-dev` with the same %s", err, job.Circuit, flagsHint)
	}
	if err != nil {
		return err
	}
	for _, d := range decorate {
		d(f)
	}
	if err := prooffile.Write(out, f); err != nil {
		return err
	}
	prog.Step("wrote %s", out)
	return nil
}

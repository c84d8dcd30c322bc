// Package ceremony implements `zktreasury ceremony`: a multi-party Groth16
// trusted setup (phase 1 shared by every circuit, phase 2 per circuit), its
// verification, and finalization into the key store.
package ceremony

import (
	"errors"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/inputs"
	"github.com/zktreasury/zktreasury/prover"
	"github.com/zktreasury/zktreasury/prover/ceremony"
	"github.com/zktreasury/zktreasury/prover/zk"
)

// NewCmdCeremony returns the ceremony noun.
func NewCmdCeremony(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "ceremony <command>",
		Short: "Run a multi-party Groth16 trusted setup and finalize its keys",
		Long: `A Groth16 ceremony in two phases, each a chain of contribution files in a
ceremony directory (--dir). Phase 1 (powers of tau) is shared by every circuit;
phase 2 is per circuit. The keys are sound if at least one contributor of each
phase was honest and destroyed their randomness. Each phase is sealed with a
public random beacon chosen in advance (e.g. the hash of a future block).

  ceremony phase1 new --power 20            coordinator
  ceremony phase1 contribute --name alice   each contributor, in turn
  ceremony phase1 verify                    anyone
  ceremony phase2 new --circuit epoch --case DIR --phase1-beacon HEX
  ceremony phase2 contribute --circuit epoch --case DIR --name bob
  ceremony phase2 verify --circuit epoch --case DIR
  ceremony finalize --circuit epoch --case DIR --beacon HEX --keys keys`,
	}
	p1 := &cobra.Command{Use: "phase1 <command>", Short: "Phase 1 (powers of tau), shared by every circuit"}
	p1.AddCommand(NewCmdPhase1New(f, nil), NewCmdPhase1Contribute(f, nil), NewCmdPhase1Verify(f, nil))
	p2 := &cobra.Command{Use: "phase2 <command>", Short: "Phase 2, per circuit"}
	p2.AddCommand(NewCmdPhase2New(f, nil), NewCmdPhase2Contribute(f, nil), NewCmdPhase2Verify(f, nil))
	cmd.AddCommand(p1, p2, NewCmdFinalize(f, nil))
	return cmd
}

// CircuitFlags are the flags that name a circuit shape, as `keys setup` takes them.
type CircuitFlags struct {
	Circuit string
	Inputs  inputs.Epoch
}

func (c *CircuitFlags) register(cmd *cobra.Command) {
	cmd.Flags().StringVar(&c.Circuit, "circuit", "", "circuit: solvency, compliance or epoch")
	c.Inputs.RegisterShape(cmd, "lookup")
}

// resolve checks the flags; call it from RunE.
func (c *CircuitFlags) resolve(cmd *cobra.Command) error {
	if c.Circuit == "" {
		return cmdutil.Usagef("--circuit is required: one of %v", prover.Circuits)
	}
	if !contains(prover.Circuits, c.Circuit) {
		return cmdutil.Usagef("--circuit %q: want one of %v", c.Circuit, prover.Circuits)
	}
	if !cmd.Flags().Changed("range-check") {
		c.Inputs.RangeCheck = prover.DefaultRangeCheck(c.Circuit).String()
	}
	return c.Inputs.Resolve(cmd, false)
}

// compile builds the circuit's Groth16 constraint system.
func (c *CircuitFlags) compile(logf prover.Logf) (ceremony.Circuit, error) {
	pol, err := c.Inputs.LoadPolicy()
	if err != nil {
		return ceremony.Circuit{}, err
	}
	shape := prover.Shape{Circuit: c.Circuit, Users: c.Inputs.Capacity, Actions: c.Inputs.Slots,
		Assets: len(pol.Assets), Venues: len(pol.Venues), RangeCheck: c.Inputs.Mode()}
	if c.Circuit != "compliance" && shape.Users == 0 {
		return ceremony.Circuit{}, cmdutil.Usagef("no tree capacity: pass --capacity or a --case with case.json")
	}
	if c.Circuit != "solvency" && shape.Actions == 0 {
		return ceremony.Circuit{}, cmdutil.Usagef("no action slots: pass --slots or a --case whose case.json has slots")
	}
	job, err := shape.Job()
	if err != nil {
		return ceremony.Circuit{}, cmdutil.Usagef("%v", err)
	}
	ccs, _, err := prover.Compile(zk.Groth16{}, job, logf)
	if err != nil {
		return ceremony.Circuit{}, err
	}
	return ceremony.NewCircuit(job.Circuit, job.Params, ccs)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func parseBeacon(flag, s string) ([]byte, error) {
	if s == "" {
		return nil, cmdutil.Usagef("%s is required: the hex of a public random beacon fixed in advance, e.g. the hash of a future block", flag)
	}
	b, err := ceremony.ParseBeacon(s)
	if err != nil {
		return nil, cmdutil.Usagef("%s: %v", flag, err)
	}
	return b, nil
}

// rejected turns a transcript that does not verify into exit 3, after saying
// why on stderr (or in the JSON result).
func rejected(f *cmdutil.Factory, asJSON bool, err error) error {
	if !errors.Is(err, ceremony.ErrTranscript) {
		return err
	}
	if asJSON {
		if perr := cmdutil.PrintJSON(f.Out, struct {
			Verified bool   `json:"verified"`
			Reason   string `json:"reason"`
		}{false, err.Error()}); perr != nil {
			return perr
		}
	} else {
		fmt.Fprintln(f.Err, "transcript rejected:", err)
	}
	return &cmdutil.NoError{Reason: err.Error()}
}

// contributionResult is the JSON output of `contribute` and `new`.
type contributionResult struct {
	Phase   int    `json:"phase"`
	Index   int    `json:"index"`
	Name    string `json:"name,omitempty"`
	Circuit string `json:"circuit,omitempty"`
	Digest  string `json:"digest"`
	Prev    string `json:"prev,omitempty"`
	File    string `json:"file"`
}

func printContribution(w io.Writer, asJSON bool, r contributionResult) error {
	if asJSON {
		return cmdutil.PrintJSON(w, r)
	}
	tw := tabwriter.NewWriter(w, 0, 2, 2, ' ', 0)
	fmt.Fprintf(tw, "phase\t%d\n", r.Phase)
	if r.Circuit != "" {
		fmt.Fprintf(tw, "circuit\t%s\n", r.Circuit)
	}
	fmt.Fprintf(tw, "contribution\t%d\n", r.Index)
	if r.Name != "" {
		fmt.Fprintf(tw, "name\t%s\n", r.Name)
	}
	if r.Prev != "" {
		fmt.Fprintf(tw, "builds on\t%s\n", r.Prev)
	}
	fmt.Fprintf(tw, "digest\t%s\n", r.Digest)
	fmt.Fprintf(tw, "file\t%s\n", r.File)
	return tw.Flush()
}

func printContributions(w io.Writer, phase int, start string, cs []ceremony.Contribution) {
	tw := tabwriter.NewWriter(w, 0, 2, 2, ' ', 0)
	fmt.Fprintf(tw, "PHASE\tINDEX\tNAME\tDIGEST\n")
	fmt.Fprintf(tw, "%d\t0\t(start)\t%s\n", phase, start)
	for _, c := range cs {
		fmt.Fprintf(tw, "%d\t%d\t%s\t%s\n", phase, c.Index, c.Name, c.Digest)
	}
	tw.Flush()
}

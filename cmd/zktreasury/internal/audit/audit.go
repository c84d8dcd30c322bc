// Package audit implements `zktreasury audit`: regenerate every proof and
// commitment of a case directory from its inputs and compare them with the
// case's golden files (prover/audit).
package audit

import (
	"fmt"
	"os"
	"path/filepath"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
	"github.com/zktreasury/zktreasury/prover/audit"
	"github.com/zktreasury/zktreasury/prover/keystore"
	"github.com/zktreasury/zktreasury/prover/zk"
)

// Options are the options of `audit`.
type Options struct {
	F        *cmdutil.Factory
	Dir      string
	KeysDir  string
	CacheDir string
	OutDir   string
	Backend  string
	JSON     bool
}

// NewCmdAudit returns `audit DIR`.
func NewCmdAudit(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{F: f}
	cmd := &cobra.Command{
		Use:   "audit <case-dir>",
		Short: "Regenerate a case's commitments and proofs from its inputs and compare them with its golden files",
		Long: `Rebuild the case's statement from its input files (policy, prices, positions,
liabilities, secrets, action log), recompute every commitment (policy, S(n-1),
S(n), actions, liabilities root), compare them and every public input with the
case's golden files, re-check every inclusion file it ships, then regenerate
each proof it defines (the epoch proof; the standalone solvency proof where
case.json lists it), verify it, and re-check the inclusion files against it.

Verification keys are pinned: --keys (default testdata/keys, the committed
development keys). A proof needs the proving key of that verifying key; when
the pinned store has none (proving keys are not committed), the proof is
regenerated with an INSECURE development setup kept in --cache, and the output
says so: such a proof is verified with the development key, for the same
circuit digest as the pinned one.

A case whose case.json says "expect": "insolvent" passes iff proving is
refused as insolvent, no proof is written, and the circuit is not satisfied.

Exit 0 when every check passes, 3 when one fails (the table names what
differs, expected and got), 1 when an input cannot be read.`,
		Example: "  zktreasury audit testdata/cases/crash-rebalance\n  zktreasury audit testdata/cases/calm --keys keys --json",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Dir = args[0]
			if _, err := zk.ByName(opts.Backend); err != nil {
				return cmdutil.Usagef("--backend: %v", err)
			}
			if runF != nil {
				return runF(opts)
			}
			return auditRun(opts)
		},
	}
	cache := "zktreasury-audit-keys"
	if d, err := os.UserCacheDir(); err == nil {
		cache = filepath.Join(d, "zktreasury", "audit-keys")
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.KeysDir, "keys", filepath.Join("testdata", "keys"), "pinned key store: the verifying keys the case is judged by")
	fl.StringVar(&opts.CacheDir, "cache", cache, "where an INSECURE development setup is kept when the pinned store has no proving key")
	fl.StringVar(&opts.OutDir, "out", "", "directory to write the regenerated proof files to (default: not written)")
	fl.StringVar(&opts.Backend, "backend", "groth16", "proof system: groth16 or plonk")
	fl.BoolVar(&opts.JSON, "json", false, "print the report as JSON")
	return cmd
}

func auditRun(opts *Options) error {
	b, _ := zk.ByName(opts.Backend)
	prog := cmdutil.NewProgress(opts.F.Err, opts.JSON)
	rep, err := audit.Run(opts.Dir, audit.Options{Pinned: keystore.Store{Dir: opts.KeysDir}, Cache: keystore.Store{Dir: opts.CacheDir},
		Backend: b, OutDir: opts.OutDir, Logf: prog.Step})
	if err != nil {
		return err
	}
	if opts.JSON {
		if err := cmdutil.PrintJSON(opts.F.Out, struct {
			*audit.Report
			OK bool `json:"ok"`
		}{rep, rep.OK()}); err != nil {
			return err
		}
	} else if err := print(opts, rep); err != nil {
		return err
	}
	if !rep.OK() {
		for _, c := range rep.Checks {
			if c.Result == audit.Fail {
				return &cmdutil.NoError{Reason: c.Name + ": " + c.Detail}
			}
		}
		return &cmdutil.NoError{Reason: "a check did not pass"}
	}
	return nil
}

func print(opts *Options, rep *audit.Report) error {
	w := tabwriter.NewWriter(opts.F.Out, 0, 2, 2, ' ', 0)
	fmt.Fprintf(w, "CHECK\tRESULT\tDETAIL\n")
	for _, c := range rep.Checks {
		fmt.Fprintf(w, "%s\t%s\t%s\n", c.Name, c.Result, c.Detail)
	}
	if err := w.Flush(); err != nil {
		return err
	}
	verdict := "PASS"
	if !rep.OK() {
		verdict = "FAIL"
	}
	fmt.Fprintf(opts.F.Out, "verdict: %s (%s case %s", verdict, rep.Kind, rep.Case)
	if rep.Expect != "" {
		fmt.Fprintf(opts.F.Out, ", expected %s", rep.Expect)
	}
	fmt.Fprintln(opts.F.Out, ")")
	if rep.DevSetup {
		fmt.Fprintf(opts.F.Out, "note: the regenerated proofs come from an INSECURE development setup in %s (the pinned store %s has no proving key); the pinned verifying keys fixed which circuit they are for\n", opts.CacheDir, opts.KeysDir)
	}
	for _, p := range rep.ProofFiles {
		fmt.Fprintf(opts.F.Out, "wrote %s\n", p)
	}
	return nil
}

package ceremony

import (
	"errors"
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
	"github.com/zktreasury/zktreasury/prover/ceremony"
	"github.com/zktreasury/zktreasury/prover/keystore"
)

// FinalizeOptions are the options of `ceremony finalize`.
type FinalizeOptions struct {
	F       *cmdutil.Factory
	Dir     string
	Beacon  string
	KeysDir string
	JSON    bool
	CircuitFlags
}

// NewCmdFinalize returns `ceremony finalize`.
func NewCmdFinalize(f *cmdutil.Factory, runF func(*FinalizeOptions) error) *cobra.Command {
	opts := &FinalizeOptions{F: f}
	cmd := &cobra.Command{
		Use:   "finalize",
		Short: "Verify a circuit's transcript, seal phase 2 with the beacon and store the keys",
		Long: `Verify the circuit's whole transcript from the start, seal phase 2 with the
public beacon (fixed before the last phase-2 contribution, e.g. the hash of a
future block announced in advance), and write the proving and verifying keys
into the key store, named by circuit digest, with the transcript record
(<keys>.transcript.json) and its digest in the key metadata. Every command that
loads keys refuses keys whose record is missing or does not match. Exit 3 if
the transcript does not verify.`,
		Example: "  zktreasury ceremony finalize --dir ceremony --circuit epoch --case testdata/epoch --beacon 0x<block hash> --keys keys",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := opts.resolve(cmd); err != nil {
				return err
			}
			if _, err := parseBeacon("--beacon", opts.Beacon); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return finalizeRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Dir, "dir", "ceremony", "ceremony directory")
	cmd.Flags().StringVar(&opts.Beacon, "beacon", "", "hex of the public random beacon that seals phase 2")
	cmd.Flags().StringVar(&opts.KeysDir, "keys", "keys", "key store directory")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the result as JSON")
	opts.register(cmd)
	return cmd
}

func finalizeRun(opts *FinalizeOptions) error {
	beacon, err := parseBeacon("--beacon", opts.Beacon)
	if err != nil {
		return err
	}
	prog := cmdutil.NewProgress(opts.F.Err, opts.JSON)
	c, err := opts.compile(prog.Step)
	if err != nil {
		return err
	}
	store := keystore.Store{Dir: opts.KeysDir}
	meta, err := ceremony.Finalize(opts.Dir, c, beacon, store, prog.Step)
	if errors.Is(err, ceremony.ErrNoContribution) {
		return err
	}
	if err != nil {
		return rejected(opts.F, opts.JSON, err)
	}
	t, err := store.LoadTranscript(meta.Circuit, meta.Backend, meta.CircuitDigest)
	if err != nil {
		return err
	}
	pk, vk, _ := store.Paths(meta.Circuit, meta.Backend, meta.CircuitDigest)
	tp := store.TranscriptPath(meta.Circuit, meta.Backend, meta.CircuitDigest)
	if opts.JSON {
		return cmdutil.PrintJSON(opts.F.Out, struct {
			*keystore.Meta
			ProvingKey   string               `json:"provingKeyPath"`
			VerifyingKey string               `json:"verifyingKeyPath"`
			Transcript   *keystore.Transcript `json:"transcript"`
			Record       string               `json:"transcriptPath"`
		}{meta, pk, vk, t, tp})
	}
	w := tabwriter.NewWriter(opts.F.Out, 0, 2, 2, ' ', 0)
	fmt.Fprintf(w, "circuit\t%s %s\n", meta.Circuit, meta.Params)
	fmt.Fprintf(w, "circuit digest\t%s\n", meta.CircuitDigest)
	fmt.Fprintf(w, "phase 1\t%d contributions, beacon %s\n", len(t.Phase1.Contributions), t.Phase1.Beacon)
	fmt.Fprintf(w, "phase 2\t%d contributions, beacon %s\n", len(t.Phase2.Contributions), t.Phase2.Beacon)
	fmt.Fprintf(w, "transcript digest\t%s\n", meta.TranscriptDigest)
	fmt.Fprintf(w, "verifying key digest\t%s\n", meta.VerifyingKeyDigest)
	fmt.Fprintf(w, "proving key\t%s\n", pk)
	fmt.Fprintf(w, "verifying key\t%s\n", vk)
	fmt.Fprintf(w, "transcript\t%s\n", tp)
	return w.Flush()
}

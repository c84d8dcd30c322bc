package ceremony

import (
	"encoding/hex"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
	"github.com/zktreasury/zktreasury/prover/ceremony"
	"github.com/zktreasury/zktreasury/prover/zk"
)

// Phase2VerifyOptions are the options of `ceremony phase2 verify`.
type Phase2VerifyOptions struct {
	F      *cmdutil.Factory
	Dir    string
	Beacon string
	JSON   bool
	CircuitFlags
}

// NewCmdPhase2Verify returns `ceremony phase2 verify`.
func NewCmdPhase2Verify(f *cmdutil.Factory, runF func(*Phase2VerifyOptions) error) *cobra.Command {
	opts := &Phase2VerifyOptions{F: f}
	cmd := &cobra.Command{
		Use:   "verify",
		Short: "Verify a circuit's whole transcript (phase 1 and phase 2) and print each digest",
		Long: `Verify phase 1 from the start, seal it with the beacon the phase 2 names,
recompute the phase-2 starting state from it and the circuit, and check every
phase-2 contribution in order. Prints every contribution's digest. With
--beacon (the phase-2 beacon), also seals and prints the transcript digest and
verifying-key digest the finalized keys have, to compare with a deployment
file. Exit 3 if the transcript does not verify.`,
		Example: "  zktreasury ceremony phase2 verify --dir ceremony --circuit epoch --case testdata/epoch",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := opts.resolve(cmd); err != nil {
				return err
			}
			if opts.Beacon != "" {
				if _, err := parseBeacon("--beacon", opts.Beacon); err != nil {
					return err
				}
			}
			if runF != nil {
				return runF(opts)
			}
			return phase2VerifyRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Dir, "dir", "ceremony", "ceremony directory")
	cmd.Flags().StringVar(&opts.Beacon, "beacon", "", "hex of the phase-2 beacon: also print the final keys' transcript and verifying-key digests")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the result as JSON")
	opts.register(cmd)
	return cmd
}

func phase2VerifyRun(opts *Phase2VerifyOptions) error {
	prog := cmdutil.NewProgress(opts.F.Err, opts.JSON)
	c, err := opts.compile(prog.Step)
	if err != nil {
		return err
	}
	t, err := ceremony.VerifyPhase2(opts.Dir, c, prog.Step)
	if err != nil {
		return rejected(opts.F, opts.JSON, err)
	}
	var transcriptDigest, vkDigest, beaconHex string
	if opts.Beacon != "" {
		beacon, _ := parseBeacon("--beacon", opts.Beacon)
		beaconHex = hex.EncodeToString(beacon)
		_, vk, err := t.Seal(beacon)
		if err != nil {
			return err
		}
		if vkDigest, err = zk.Digest(vk); err != nil {
			return err
		}
		rec := t.Record(beacon)
		transcriptDigest = rec.ComputeDigest()
	}
	if opts.JSON {
		return cmdutil.PrintJSON(opts.F.Out, struct {
			Verified      bool        `json:"verified"`
			Circuit       string      `json:"circuit"`
			Params        string      `json:"params"`
			CircuitDigest string      `json:"circuitDigest"`
			Phase1        PhaseResult `json:"phase1"`
			Phase2        PhaseResult `json:"phase2"`
			Transcript    string      `json:"transcriptDigest,omitempty"`
			VerifyingKey  string      `json:"verifyingKeyDigest,omitempty"`
		}{true, c.Name, c.Params, c.Digest(),
			PhaseResult{Domain: t.Phase1.Domain, Start: t.Phase1.Start, Contributions: nonNil(t.Phase1.Contributions), Beacon: t.Phase1Beacon},
			PhaseResult{Domain: t.Domain, Start: t.Start, Contributions: nonNil(t.Contributions), Beacon: beaconHex},
			transcriptDigest, vkDigest})
	}
	printContributions(opts.F.Out, 1, t.Phase1.Start, t.Phase1.Contributions)
	printContributions(opts.F.Out, 2, t.Start, t.Contributions)
	fmt.Fprintf(opts.F.Out, "transcript verified for %s %s (digest %.16s): phase 1 (domain %d, beacon %s) %d contributions, phase 2 %d contributions\n",
		c.Name, c.Params, c.Digest(), t.Phase1.Domain, t.Phase1Beacon, len(t.Phase1.Contributions), len(t.Contributions))
	if opts.Beacon != "" {
		fmt.Fprintf(opts.F.Out, "transcript digest %s\nverifying key digest %s\n", transcriptDigest, vkDigest)
	}
	return nil
}

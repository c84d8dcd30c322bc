package inclusion

import (
	"errors"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/spf13/cobra"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
	"github.com/zktreasury/zktreasury/prover"
	"github.com/zktreasury/zktreasury/prover/inclusion"
	"github.com/zktreasury/zktreasury/prover/keystore"
	"github.com/zktreasury/zktreasury/prover/prooffile"
	"github.com/zktreasury/zktreasury/prover/statement"
	"github.com/zktreasury/zktreasury/prover/zk"
	"github.com/zktreasury/zktreasury/treasury"
)

// VerifyOptions are the options of `inclusion verify`.
type VerifyOptions struct {
	F    *cmdutil.Factory
	File string
	// Policy is the policy file the user trusts; empty uses the one the
	// inclusion file carries. Either way its commitment must be the proof's.
	Policy string
	// Proof is a solvency or epoch proof file; Keys, when set, is the key
	// store its proof is verified against (and its tree shape read from).
	Proof string
	Keys  string
	// Root, Epoch and Capacity state the proof's root, epoch and tree
	// capacity by hand (with Policy, whose commitment is then taken as is).
	Root     string
	Epoch    uint64
	Capacity int
	// BatchSize and Batches state the shape of a batched tree by hand (with
	// --root, for a batched inclusion file).
	BatchSize int
	Batches   int
	// RPC and Registry read the root and policy commitment the registry
	// recorded for the file's epoch (or Epoch); Capacity gives the tree shape.
	RPC      string
	Registry string
	JSON     bool
}

// NewCmdVerify returns `inclusion verify`.
func NewCmdVerify(f *cmdutil.Factory, runF func(*VerifyOptions) error) *cobra.Command {
	opts := &VerifyOptions{F: f}
	cmd := &cobra.Command{
		Use:   "verify <inclusion-file>",
		Short: "Check that your balance is a leaf under a proven liabilities root",
		Long: `Recompute your leaf from your id, salt and counted balances, walk the path,
and compare with what a solvency proof states: its liabilities root, its epoch,
its policy commitment and its tree shape. Symbols and decimals come from the
policy (--policy, or the one the inclusion file carries), whose commitment must
be the proof's; what is shown is what the tree counted.

Sources of the proof's statement, exactly one:
  --proof FILE [--keys DIR]   a proof file; with --keys the proof itself is
                              verified and the tree shape read from the key
                              store, without it only the proof file's own
                              statement is used (said so in the output)
  --rpc URL --registry ADDR --policy FILE
                              the root and policy commitment the registry
                              recorded for the epoch (--epoch, default the file's)
  --root HEX --epoch N --capacity N --policy FILE
                              values you read elsewhere

A batched tree's file (inclusion export --batch-size) takes --policy always,
and --proof (the joined proof, with --keys), --registry (whose recorded root is
the digest of the batched root, checked here with the recorded policy
commitment), or --root with --epoch, --batch-size and --batches.

Exit 3 if you are not included, including when the registry has not recorded
that epoch.`,
		Example: "  zktreasury inclusion verify out/acct-1000.inclusion.json --proof out/solvency.proof.json --keys keys\n  zktreasury inclusion verify out/acct-1000.inclusion.json --rpc http://127.0.0.1:8545 --registry 0x5FbD... --policy policy.json",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.File = args[0]
			sources := 0
			for _, v := range []string{opts.Root, opts.Proof, opts.Registry} {
				if v != "" {
					sources++
				}
			}
			if sources != 1 {
				return cmdutil.Usagef("pass exactly one of --root, --proof and --registry")
			}
			if (opts.Registry == "") != (opts.RPC == "") {
				return cmdutil.Usagef("--registry and --rpc go together: the registry's address and the node to read it from")
			}
			fl := cmd.Flags()
			if opts.Proof != "" && (fl.Changed("capacity") || fl.Changed("epoch")) {
				return cmdutil.Usagef("with --proof, the epoch and the tree capacity are the proof's: drop --epoch and --capacity")
			}
			if opts.Proof == "" && opts.Keys != "" {
				return cmdutil.Usagef("--keys verifies a --proof file")
			}
			if opts.Registry != "" && fl.Changed("capacity") {
				return cmdutil.Usagef("with --registry, the tree capacity is the registry's (treeCapacity()): drop --capacity")
			}
			if opts.Registry != "" && opts.Policy == "" {
				return cmdutil.Usagef("with --registry, pass --policy (the policy file you trust)")
			}
			if batched, err := isBatched(opts.File); err != nil {
				return err
			} else if batched {
				if runF != nil {
					return runF(opts)
				}
				return verifyBatchedRun(opts, fl.Changed("epoch"))
			}
			if fl.Changed("batch-size") || fl.Changed("batches") {
				return cmdutil.Usagef("--batch-size and --batches are for a batched tree's inclusion file (format %s)", inclusion.FormatBatched)
			}
			if opts.Root != "" && (opts.Policy == "" || !fl.Changed("capacity")) {
				return cmdutil.Usagef("with --root, pass --policy (the policy file you trust) and --capacity (the proof's tree capacity)")
			}
			if opts.Root != "" && !fl.Changed("epoch") {
				return cmdutil.Usagef("with --root, pass --epoch (the proof's epoch)")
			}
			if runF != nil {
				return runF(opts)
			}
			return verifyRun(opts, fl.Changed("epoch"))
		},
	}
	cmd.Flags().StringVar(&opts.Policy, "policy", "", "policy file whose commitment the proof carries (default: the policy in the inclusion file)")
	cmd.Flags().StringVar(&opts.Proof, "proof", "", "solvency or epoch proof file whose statement to check against")
	cmd.Flags().StringVar(&opts.Keys, "keys", "", "key store to verify the --proof file with (and read its tree shape from)")
	cmd.Flags().StringVar(&opts.Root, "root", "", "liabilities root (0x-prefixed hex), with --epoch, --capacity and --policy")
	cmd.Flags().Uint64Var(&opts.Epoch, "epoch", 0, "epoch of the root (with --root; with --registry, default the file's)")
	cmd.Flags().IntVar(&opts.Capacity, "capacity", 0, "the proof's liabilities tree capacity (with --root)")
	cmd.Flags().IntVar(&opts.BatchSize, "batch-size", 0, "leaves per batch of a batched tree (with --root)")
	cmd.Flags().IntVar(&opts.Batches, "batches", 0, "number of batches of a batched tree (with --root)")
	cmd.Flags().StringVar(&opts.RPC, "rpc", "", "JSON-RPC URL of a node, to read the root from the registry (with --registry)")
	cmd.Flags().StringVar(&opts.Registry, "registry", "", "address of the epoch registry whose recorded root to use (with --rpc)")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the result as JSON")
	return cmd
}

// VerifyResult is the JSON output of `inclusion verify`.
type VerifyResult struct {
	Included bool   `json:"included"`
	Reason   string `json:"reason,omitempty"`
	UserID   string `json:"userId"`
	Epoch    uint64 `json:"epoch"`
	// Balances maps each symbol to the amount the tree counted, in tokens.
	Balances        map[string]string `json:"balances"`
	LiabilitiesRoot string            `json:"liabilitiesRoot"`
	Capacity        int               `json:"capacity"`
	// PolicyCommitment is the proof's; PolicySource says which policy file
	// was checked against it.
	PolicyCommitment string `json:"policyCommitment"`
	PolicySource     string `json:"policySource"`
	// Source says where the root came from; ProofVerified whether a proof was
	// verified with pinned keys (only with --proof --keys).
	Source        string `json:"source"`
	ProofVerified bool   `json:"proofVerified"`
	InsecureSetup bool   `json:"insecureSetup,omitempty"`
}

func verifyRun(opts *VerifyOptions, epochSet bool) error {
	f, err := inclusion.Read(opts.File)
	if err != nil {
		return err
	}
	var pol *treasury.Policy
	policySource := opts.Policy
	if opts.Policy != "" {
		if pol, err = treasury.LoadPolicy(opts.Policy); err != nil {
			return err
		}
	} else {
		if pol, err = f.FilePolicy(opts.File); err != nil {
			return err
		}
		policySource = "carried by " + opts.File
	}
	res := VerifyResult{Included: true, UserID: f.UserID, Balances: map[string]string{}, PolicySource: policySource}
	var proven inclusion.Proven
	// notRecorded is a "no" found before the leaf is checked: the registry has
	// no such epoch, or the proof does not verify.
	var notRecorded error
	switch {
	case opts.Proof != "":
		proven, notRecorded, err = fromProof(opts, &res)
	case opts.Registry != "":
		epoch := f.Epoch
		if epochSet {
			epoch = opts.Epoch
		}
		proven, notRecorded, err = fromRegistry(opts.RPC, opts.Registry, epoch)
		res.Source = fmt.Sprintf("registry %s at %s, epoch %d", opts.Registry, opts.RPC, epoch)
	default:
		proven, err = fromFlags(opts, pol)
		res.Source = "--root, --epoch and --capacity as given"
		res.PolicySource += " (--root states no commitment: the policy is taken as is)"
	}
	if err != nil {
		return err
	}
	res.Epoch, res.LiabilitiesRoot, res.Capacity = proven.Epoch, statement.Hex(proven.Root), proven.Shape.Capacity
	res.PolicyCommitment = statement.Hex(proven.PolicyCommitment)
	var balances []inclusion.Balance
	if notRecorded != nil {
		res.Included, res.Reason = false, notRecorded.Error()
	} else if balances, err = inclusion.Verify(f, pol, proven); err != nil {
		if !errors.Is(err, inclusion.ErrNotIncluded) {
			return fmt.Errorf("%s: %w", opts.File, err)
		}
		res.Included, res.Reason = false, err.Error()
	}
	if opts.Proof != "" && opts.Keys == "" {
		fmt.Fprintf(opts.F.Err, "warning: the proof in %s was not verified (no --keys): checked against the root in the file only; pass --keys DIR\n", opts.Proof)
	}
	return report(opts, &res, balances)
}

// report ends every `inclusion verify`: it records the counted balances,
// prints the result (JSON or the table) and turns "not included" into exit 3.
func report(opts *VerifyOptions, res *VerifyResult, balances []inclusion.Balance) error {
	for _, b := range balances {
		res.Balances[b.Symbol] = b.Counted.StringFixed(b.CircuitDecimals)
	}
	if opts.JSON {
		if err := cmdutil.PrintJSON(opts.F.Out, res); err != nil {
			return err
		}
	} else if err := printVerify(opts, res, balances); err != nil {
		return err
	}
	if !res.Included {
		return &cmdutil.NoError{Reason: res.Reason}
	}
	return nil
}

func printVerify(opts *VerifyOptions, res *VerifyResult, balances []inclusion.Balance) error {
	w := tabwriter.NewWriter(opts.F.Out, 0, 2, 2, ' ', 0)
	verdict := "INCLUDED"
	if !res.Included {
		verdict = "NOT INCLUDED: " + strings.TrimPrefix(res.Reason, inclusion.ErrNotIncluded.Error()+": ")
	}
	fmt.Fprintf(w, "verdict\t%s\n", verdict)
	fmt.Fprintf(w, "user\t%s\n", res.UserID)
	fmt.Fprintf(w, "epoch\t%d\n", res.Epoch)
	for _, b := range balances {
		fmt.Fprintf(w, "%s\t%s counted (ledger %s)\n", b.Symbol, b.Counted.StringFixed(b.CircuitDecimals), b.Ledger)
	}
	switch {
	case res.ProofVerified && res.InsecureSetup:
		fmt.Fprintf(w, "proof\tverified with the keys in %s, which come from an INSECURE single-party setup\n", opts.Keys)
	case res.ProofVerified:
		fmt.Fprintf(w, "proof\tverified with the keys in %s\n", opts.Keys)
	case opts.Proof != "" && opts.Keys == "":
		fmt.Fprintf(w, "proof\tNOT VERIFIED: checked against the root in %s only; pass --keys DIR to verify the proof\n", opts.Proof)
	case opts.Proof != "":
		fmt.Fprintf(w, "proof\tREJECTED with the keys in %s\n", opts.Keys)
	default:
		fmt.Fprintf(w, "source\t%s\n", res.Source)
	}
	if res.Included && opts.Root == "" && res.PolicyCommitment != "" {
		fmt.Fprintf(w, "policy\t%s, matching the proof's commitment\n", res.PolicySource)
	} else {
		fmt.Fprintf(w, "policy\t%s\n", res.PolicySource)
	}
	fmt.Fprintf(w, "tree\t%d leaves\n", res.Capacity)
	return w.Flush()
}

// fromProof reads the proof's statement; with --keys it verifies the proof
// and takes the tree shape from the key store's metadata, without, from the
// proof file's own params.
func fromProof(opts *VerifyOptions, res *VerifyResult) (p inclusion.Proven, rejected, err error) {
	pf, err := prooffile.Read(opts.Proof)
	if err != nil {
		return p, nil, err
	}
	if pf.Circuit != "solvency" && pf.Circuit != "epoch" {
		return p, nil, fmt.Errorf("%s is a %s proof, which has no liabilities root (want solvency or epoch)", opts.Proof, pf.Circuit)
	}
	params := pf.Params
	res.Source = opts.Proof
	if opts.Keys != "" {
		meta, err := prover.VerifyFile(keystore.Store{Dir: opts.Keys}, pf)
		switch {
		case errors.Is(err, zk.ErrProofRejected):
			rejected = fmt.Errorf("the proof %s is rejected: %v", opts.Proof, err)
		case errors.Is(err, keystore.ErrNoKeys):
			return p, nil, fmt.Errorf("%w; get the verifying key for this circuit into %q", err, opts.Keys)
		case err != nil:
			return p, nil, fmt.Errorf("%s: %w", opts.Proof, err)
		default:
			res.ProofVerified = true
		}
		if meta == nil {
			return p, nil, fmt.Errorf("%s: no key store metadata for its circuit", opts.Proof)
		}
		params, res.InsecureSetup = meta.Params, meta.Insecure
	}
	shape, err := inclusion.ShapeFromParams(pf.Circuit, params)
	if err != nil {
		return p, nil, fmt.Errorf("%s: %w", opts.Proof, err)
	}
	if p, err = inclusion.ProvenFromProof(pf, shape); err != nil {
		return p, nil, fmt.Errorf("%s: %w", opts.Proof, err)
	}
	return p, rejected, nil
}

// fromFlags is --root, --epoch and --capacity as given; the policy commitment
// is the user's policy's own.
func fromFlags(opts *VerifyOptions, pol *treasury.Policy) (inclusion.Proven, error) {
	root, err := statement.ParseElement(opts.Root)
	if err != nil {
		return inclusion.Proven{}, cmdutil.Usagef("--root %q: %v", opts.Root, err)
	}
	pc, err := policyCommitment(pol)
	if err != nil {
		return inclusion.Proven{}, err
	}
	return inclusion.Proven{Root: root, Epoch: opts.Epoch, PolicyCommitment: pc,
		Shape: inclusion.Shape{Capacity: opts.Capacity, Assets: len(pol.Assets)}}, nil
}

func policyCommitment(pol *treasury.Policy) (fr.Element, error) {
	pv, err := statement.EncodePolicy(pol)
	if err != nil {
		return fr.Element{}, err
	}
	return statement.PolicyCommitment(pv)
}

// Package verify implements `zktreasury verify`: check a proof file against the
// verifying key in the key store, and against the policy and epoch the user
// pins.
package verify

import (
	"errors"
	"fmt"
	"math/big"
	"strings"
	"text/tabwriter"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/shopspring/decimal"
	"github.com/spf13/cobra"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
	"github.com/zktreasury/zktreasury/prover"
	"github.com/zktreasury/zktreasury/prover/keystore"
	"github.com/zktreasury/zktreasury/prover/prooffile"
	"github.com/zktreasury/zktreasury/prover/statement"
	"github.com/zktreasury/zktreasury/prover/zk"
	"github.com/zktreasury/zktreasury/treasury"
)

// Options are the options of `verify`.
type Options struct {
	F       *cmdutil.Factory
	Proof   string
	KeysDir string
	// Policy (a policy file) or PolicyCommitment (hex) pins the policy the
	// proof must have been made under.
	Policy           string
	PolicyCommitment string
	// Epoch pins the proof's epoch when EpochSet.
	Epoch    uint64
	EpochSet bool
	JSON     bool
}

// NewCmdVerify returns `verify <proof-file>`.
func NewCmdVerify(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{F: f}
	cmd := &cobra.Command{
		Use:   "verify <proof-file>",
		Short: "Verify a proof file with the verifying key from the key store",
		Long: `Verify a proof file against the verifying key stored for the circuit digest the
file names. The key is never taken from the proof file, and neither is what the
proof is said to be: the circuit's parameters and whether its keys came from an
insecure setup are the key store's, the public inputs must be named and counted
as the circuit lays them out, the proof must have no missing or extra bytes, and
the Solidity calldata must be the proof's own.

Pin what you expect with --policy FILE (or --policy-commitment HEX) and --epoch N:
a proof made under another policy, even one basis point looser, or for another
epoch, is a "no". With a policy, the proven minimum ratio is shown in percent and
the prices in USD per token.

Exit 3 if the proof is rejected or does not match a pin.`,
		Example: "  zktreasury verify out/solvency.proof.json --keys keys --policy policy.json --epoch 1",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Proof = args[0]
			opts.EpochSet = cmd.Flags().Changed("epoch")
			if opts.Policy != "" && opts.PolicyCommitment != "" {
				return cmdutil.Usagef("pass one of --policy and --policy-commitment")
			}
			if opts.PolicyCommitment != "" {
				if _, err := statement.ParseElement(opts.PolicyCommitment); err != nil {
					return cmdutil.Usagef("--policy-commitment %q: %v", opts.PolicyCommitment, err)
				}
			}
			if runF != nil {
				return runF(opts)
			}
			return verifyRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.KeysDir, "keys", "keys", "key store directory")
	cmd.Flags().StringVar(&opts.Policy, "policy", "", "policy file the proof must have been made under")
	cmd.Flags().StringVar(&opts.PolicyCommitment, "policy-commitment", "", "policy commitment (hex) the proof must carry, as `zktreasury policy commit` prints it")
	cmd.Flags().Uint64Var(&opts.Epoch, "epoch", 0, "epoch the proof must be for")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the result as JSON")
	return cmd
}

// Result is the JSON output of `verify`. Params and InsecureSetup are the key
// store's; the public inputs stay in hex.
type Result struct {
	Valid         bool                   `json:"valid"`
	Reason        string                 `json:"reason,omitempty"`
	Circuit       string                 `json:"circuit"`
	Params        string                 `json:"params"`
	Backend       string                 `json:"backend"`
	CircuitDigest string                 `json:"circuitDigest"`
	InsecureSetup bool                   `json:"insecureSetup"`
	PublicInputs  []statement.NamedInput `json:"publicInputs"`
	// Epoch is the proof's epoch, when it has one.
	Epoch *uint64 `json:"epoch,omitempty"`
	// PolicyPinned says whether the policy commitment was compared with a pin.
	PolicyPinned bool `json:"policyPinned"`
	// MinRatioBps is the proven minimum solvency ratio (solvency and epoch
	// proofs under a pinned policy file).
	MinRatioBps *uint32 `json:"minRatioBps,omitempty"`
	// PricesUSD are the proof's prices in USD per token (with a policy file).
	PricesUSD map[string]string `json:"pricesUSD,omitempty"`
}

// provesSolvency names the circuits whose proofs state the minimum solvency ratio.
var provesSolvency = map[string]bool{"solvency": true, "epoch": true}

func verifyRun(opts *Options) error {
	f, err := prooffile.Read(opts.Proof)
	if err != nil {
		return err
	}
	var pol *treasury.Policy
	if opts.Policy != "" {
		if pol, err = treasury.LoadPolicy(opts.Policy); err != nil {
			return err
		}
	}
	res := Result{Valid: true, Circuit: f.Circuit, Backend: f.Backend, CircuitDigest: f.CircuitDigest, PublicInputs: f.PublicInputs}
	meta, err := prover.VerifyFile(keystore.Store{Dir: opts.KeysDir}, f)
	switch {
	case errors.Is(err, zk.ErrProofRejected):
		res.Valid, res.Reason = false, err.Error()
	case errors.Is(err, keystore.ErrNoKeys):
		return fmt.Errorf("%w; get the verifying key for this circuit into %q", err, opts.KeysDir)
	case err != nil:
		return err
	}
	if meta == nil {
		return fmt.Errorf("%s: no key store metadata for its circuit", opts.Proof)
	}
	res.Params, res.InsecureSetup = meta.Params, meta.Insecure
	if res.Valid {
		if reason, err := checkPins(opts, f, pol, &res); err != nil {
			return err
		} else if reason != "" {
			res.Valid, res.Reason = false, reason
		}
	}
	if opts.JSON {
		if err := cmdutil.PrintJSON(opts.F.Out, res); err != nil {
			return err
		}
	} else if err := print(opts, f, pol, &res); err != nil {
		return err
	}
	if !res.Valid {
		return &cmdutil.NoError{Reason: res.Reason}
	}
	return nil
}

// checkPins compares the proof with the pinned policy and epoch and fills the
// readable figures; it returns the reason for a "no", or "".
func checkPins(opts *Options, f *prooffile.File, pol *treasury.Policy, res *Result) (string, error) {
	if v, ok := f.Input("epoch"); ok {
		e, err := statement.ParseElement(v)
		if err != nil || !e.IsUint64() {
			return fmt.Sprintf("epoch %q is not a 64-bit number", v), nil
		}
		n := e.Uint64()
		res.Epoch = &n
		if opts.EpochSet && n != opts.Epoch {
			return fmt.Sprintf("the proof is for epoch %d, not the pinned epoch %d", n, opts.Epoch), nil
		}
	} else if opts.EpochSet {
		return fmt.Sprintf("a %s proof has no epoch to compare with --epoch", f.Circuit), nil
	}
	var pin *fr.Element
	switch {
	case pol != nil:
		pv, err := statement.EncodePolicy(pol)
		if err != nil {
			return "", fmt.Errorf("%s: %w", opts.Policy, err)
		}
		pc, err := statement.PolicyCommitment(pv)
		if err != nil {
			return "", err
		}
		pin = &pc
	case opts.PolicyCommitment != "":
		pc, _ := statement.ParseElement(opts.PolicyCommitment) // checked in RunE
		pin = &pc
	}
	if pin == nil {
		return "", nil
	}
	v, ok := f.Input("policyCommitment")
	if !ok {
		return fmt.Sprintf("a %s proof carries no policy commitment to compare with the pin", f.Circuit), nil
	}
	got, err := statement.ParseElement(v)
	if err != nil {
		return fmt.Sprintf("policyCommitment %q: %v", v, err), nil
	}
	if !got.Equal(pin) {
		return fmt.Sprintf("the proof was made under policy commitment %s, not the pinned %s", statement.Hex(got), statement.Hex(*pin)), nil
	}
	res.PolicyPinned = true
	if pol == nil {
		return "", nil
	}
	// The commitment binds the symbols, so the price labels must be the policy's.
	prices := pricesOf(f)
	if len(prices) != len(pol.Assets) {
		return fmt.Sprintf("the proof has %d prices, the policy %d assets", len(prices), len(pol.Assets)), nil
	}
	res.PricesUSD = map[string]string{}
	for a, ap := range pol.Assets {
		if prices[a].Name != "price."+ap.Symbol {
			return fmt.Sprintf("public input %s is labelled for another asset: the policy's asset %d is %s", prices[a].Name, a, ap.Symbol), nil
		}
		usd, err := priceUSD(prices[a].Value, pol.ValueDecimals, ap.CircuitDecimals)
		if err != nil {
			return fmt.Sprintf("%s: %v", prices[a].Name, err), nil
		}
		res.PricesUSD[ap.Symbol] = usd.String()
	}
	if provesSolvency[f.Circuit] {
		r := pol.MinSolvencyRatioBps
		res.MinRatioBps = &r
	}
	return "", nil
}

func pricesOf(f *prooffile.File) []statement.NamedInput {
	var out []statement.NamedInput
	for _, in := range f.PublicInputs {
		if strings.HasPrefix(in.Name, "price.") {
			out = append(out, in)
		}
	}
	return out
}

// priceUSD converts value units per circuit unit into USD per token:
// v × 10^(circuitDecimals − valueDecimals), exactly.
func priceUSD(hex string, valueDecimals, circuitDecimals int32) (decimal.Decimal, error) {
	e, err := statement.ParseElement(hex)
	if err != nil {
		return decimal.Decimal{}, err
	}
	if !e.IsUint64() {
		return decimal.Decimal{}, errors.New("price does not fit 64 bits")
	}
	return decimal.NewFromBigInt(e.BigInt(new(big.Int)), circuitDecimals-valueDecimals), nil
}

// percent formats basis points as a percentage with two decimals.
func percent(bps uint32) string {
	return decimal.New(int64(bps), -2).StringFixed(2) + "%"
}

func print(opts *Options, f *prooffile.File, pol *treasury.Policy, res *Result) error {
	w := tabwriter.NewWriter(opts.F.Out, 0, 2, 2, ' ', 0)
	verdict := "VALID"
	if !res.Valid {
		verdict = "REJECTED: " + res.Reason
	}
	fmt.Fprintf(w, "proof\t%s\n", opts.Proof)
	fmt.Fprintf(w, "verdict\t%s\n", verdict)
	fmt.Fprintf(w, "circuit\t%s %s (%s)\n", res.Circuit, res.Params, res.Backend)
	if res.InsecureSetup {
		fmt.Fprintf(w, "keys\tINSECURE single-party setup: whoever ran it can forge proofs\n")
	}
	if res.Epoch != nil {
		pinned := ""
		if opts.EpochSet && res.Valid {
			pinned = " (pinned)"
		}
		fmt.Fprintf(w, "epoch\t%d%s\n", *res.Epoch, pinned)
	}
	switch {
	case res.PolicyPinned && pol != nil:
		fmt.Fprintf(w, "policy\t%s (commitment matches)\n", opts.Policy)
	case res.PolicyPinned:
		fmt.Fprintf(w, "policy\tcommitment %s (pinned)\n", opts.PolicyCommitment)
	case res.Valid:
		fmt.Fprintf(w, "policy\tNOT PINNED: pass --policy FILE to check which policy this proof was made under\n")
	}
	if res.MinRatioBps != nil {
		fmt.Fprintf(w, "min ratio\t%s (haircut reserves cover at least this share of liabilities)\n", percent(*res.MinRatioBps))
	}
	if pol != nil && res.PricesUSD != nil {
		for _, ap := range pol.Assets {
			fmt.Fprintf(w, "price %s\t%s USD\n", ap.Symbol, res.PricesUSD[ap.Symbol])
		}
	}
	for _, in := range res.PublicInputs {
		if in.Name == "epoch" && res.Epoch != nil || strings.HasPrefix(in.Name, "price.") && res.PricesUSD != nil {
			continue
		}
		fmt.Fprintf(w, "%s\t%s\n", in.Name, in.Value)
	}
	return w.Flush()
}

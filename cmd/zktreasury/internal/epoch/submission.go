package epoch

import (
	"errors"
	"fmt"
	"math/big"
	"strings"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/chain"
	"github.com/zktreasury/zktreasury/contracts"
	"github.com/zktreasury/zktreasury/prover/prooffile"
	"github.com/zktreasury/zktreasury/prover/statement"
)

// Public input names, as proof files name them, in each circuit's order; prices follow as
// "price.<SYMBOL>", one per asset.
var (
	epochInputs      = []string{"policyCommitment", "prevStateCommitment", "newStateCommitment", "liabilitiesRoot", "actionsCommitment", "actionCount", "epoch"}
	solvencyInputs   = []string{"stateCommitment", "liabilitiesRoot", "policyCommitment", "epoch"}
	complianceInputs = []string{"policyCommitment", "prevStateCommitment", "newStateCommitment", "actionsCommitment", "actionCount", "epoch"}
)

// Claim is a submission together with what its proofs claim about the registry's state, for
// telling an operator why a proof was rejected.
type Claim struct {
	contracts.EpochSubmission
	// PrevState and Policy are the S(n-1) and policy commitment the proofs were made for.
	PrevState, Policy *big.Int
}

// BuildSubmission turns proof files into the submission of a deployment: one epoch proof in
// combined mode, a solvency and a compliance proof (in any order) in separate mode. Each proof
// must be for the circuit and verifying key the deployed verifier pins, and the proofs of a
// separate submission must agree on what they share.
func BuildSubmission(dep *chain.Deployment, files []*prooffile.File) (*Claim, error) {
	mode, err := dep.ContractsMode()
	if err != nil {
		return nil, err
	}
	symbols := make([]string, len(dep.Feeds))
	for i, f := range dep.Feeds {
		symbols[i] = f.Symbol
	}
	byCircuit := map[string]*prooffile.File{}
	for _, f := range files {
		if _, dup := byCircuit[f.Circuit]; dup {
			return nil, fmt.Errorf("two %s proofs given", f.Circuit)
		}
		byCircuit[f.Circuit] = f
		v, ok := dep.VerifierFor(f.Circuit)
		if !ok {
			return nil, fmt.Errorf("a %s proof, but the registry (%s mode) has no %s verifier; it takes %s", f.Circuit, dep.Mode, f.Circuit, wants(mode))
		}
		if f.Backend != dep.Backend {
			return nil, fmt.Errorf("the %s proof is %s, the deployed verifier is %s", f.Circuit, f.Backend, dep.Backend)
		}
		if f.CircuitDigest != v.CircuitDigest || f.VerifyingKeyDigest != v.VerifyingKeyDigest {
			return nil, fmt.Errorf("the %s proof was made with key %.16s for circuit %.16s (%s), the deployed verifier pins key %.16s for circuit %.16s (%s)",
				f.Circuit, f.VerifyingKeyDigest, f.CircuitDigest, f.Params, v.VerifyingKeyDigest, v.CircuitDigest, v.Params)
		}
	}
	if len(files) != len(dep.Verifiers) {
		return nil, fmt.Errorf("%d proof file(s) given; the registry (%s mode) takes %s", len(files), dep.Mode, wants(mode))
	}
	if mode == contracts.Combined {
		f := byCircuit["epoch"]
		in, err := inputs(f, epochInputs, symbols)
		if err != nil {
			return nil, err
		}
		proof, err := prooffile.DecodeHex(f.Solidity.Proof)
		if err != nil {
			return nil, fmt.Errorf("epoch proof's solidity.proof: %w", err)
		}
		c := &Claim{PrevState: in["prevStateCommitment"], Policy: in["policyCommitment"]}
		c.EpochSubmission = contracts.EpochSubmission{StateCommitment: in["newStateCommitment"], LiabilitiesRoot: in["liabilitiesRoot"],
			ActionsCommitment: in["actionsCommitment"], Prices: prices(in, symbols), EpochProof: proof}
		if err := setCounts(&c.EpochSubmission, in); err != nil {
			return nil, err
		}
		return c, nil
	}
	sf, cf := byCircuit["solvency"], byCircuit["compliance"]
	si, err := inputs(sf, solvencyInputs, symbols)
	if err != nil {
		return nil, err
	}
	ci, err := inputs(cf, complianceInputs, symbols)
	if err != nil {
		return nil, err
	}
	for _, pair := range [][2]string{{"stateCommitment", "newStateCommitment"}, {"policyCommitment", "policyCommitment"}, {"epoch", "epoch"}} {
		if si[pair[0]].Cmp(ci[pair[1]]) != 0 {
			return nil, fmt.Errorf("the solvency proof's %s %#x differs from the compliance proof's %s %#x: they are not of the same epoch", pair[0], si[pair[0]], pair[1], ci[pair[1]])
		}
	}
	for _, s := range symbols {
		if si["price."+s].Cmp(ci["price."+s]) != 0 {
			return nil, fmt.Errorf("the solvency and compliance proofs have different %s prices", s)
		}
	}
	sp, err := prooffile.DecodeHex(sf.Solidity.Proof)
	if err != nil {
		return nil, fmt.Errorf("solvency proof's solidity.proof: %w", err)
	}
	cp, err := prooffile.DecodeHex(cf.Solidity.Proof)
	if err != nil {
		return nil, fmt.Errorf("compliance proof's solidity.proof: %w", err)
	}
	c := &Claim{PrevState: ci["prevStateCommitment"], Policy: ci["policyCommitment"]}
	c.EpochSubmission = contracts.EpochSubmission{StateCommitment: ci["newStateCommitment"], LiabilitiesRoot: si["liabilitiesRoot"],
		ActionsCommitment: ci["actionsCommitment"], Prices: prices(ci, symbols), SolvencyProof: sp, ComplianceProof: cp}
	if err := setCounts(&c.EpochSubmission, ci); err != nil {
		return nil, err
	}
	return c, nil
}

func wants(m contracts.Mode) string {
	if m == contracts.Combined {
		return "one epoch proof"
	}
	return "a solvency proof and a compliance proof"
}

// inputs checks that a proof file's public inputs are names followed by one price per symbol,
// in order, and returns them by name.
func inputs(f *prooffile.File, names, symbols []string) (map[string]*big.Int, error) {
	want := append(append([]string(nil), names...), priceNames(symbols)...)
	if len(f.PublicInputs) != len(want) {
		return nil, fmt.Errorf("the %s proof has %d public inputs, the registry builds %d (%s)", f.Circuit, len(f.PublicInputs), len(want), strings.Join(want, ", "))
	}
	out := make(map[string]*big.Int, len(want))
	for i, in := range f.PublicInputs {
		if in.Name != want[i] {
			return nil, fmt.Errorf("the %s proof's public input %d is %s, the registry builds %s there", f.Circuit, i, in.Name, want[i])
		}
		e, err := statement.ParseElement(in.Value)
		if err != nil {
			return nil, fmt.Errorf("the %s proof's %s = %q: %w", f.Circuit, in.Name, in.Value, err)
		}
		out[in.Name] = e.BigInt(new(big.Int))
	}
	if len(f.Solidity.Proof) < 4 {
		return nil, errors.New("the " + f.Circuit + " proof file has no solidity.proof calldata")
	}
	return out, nil
}

func priceNames(symbols []string) []string {
	out := make([]string, len(symbols))
	for i, s := range symbols {
		out[i] = "price." + s
	}
	return out
}

func prices(in map[string]*big.Int, symbols []string) []*big.Int {
	out := make([]*big.Int, len(symbols))
	for i, s := range symbols {
		out[i] = in["price."+s]
	}
	return out
}

func setCounts(s *contracts.EpochSubmission, in map[string]*big.Int) error {
	for _, x := range []struct {
		name string
		dst  *uint64
	}{{"epoch", &s.Epoch}, {"actionCount", &s.ActionCount}} {
		v := in[x.name]
		if !v.IsUint64() {
			return fmt.Errorf("%s %v does not fit 64 bits", x.name, v)
		}
		*x.dst = v.Uint64()
	}
	return nil
}

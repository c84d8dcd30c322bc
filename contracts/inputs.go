package contracts

import (
	"fmt"
	"math/big"
	"strings"

	"github.com/zktreasury/zktreasury/prover/statement/epochhash"
)

// EpochInputNames are the epoch statement's public values before the per-asset ones, in the
// order the registry hashes them, named as proof files name them. Per asset, in policy order,
// follow "price.<SYMBOL>", then "inflow.<SYMBOL>", then "outflow.<SYMBOL>", and last the
// circuit's one public input, PublicHashName.
var EpochInputNames = epochhash.Names

// PublicHashName names the epoch circuit's one public input in proof files: the hash of the
// values before it (SHA-256 of their packed encoding mod 2^253, package epochhash).
const PublicHashName = "publicHash"

// EpochInputLayout is the full list of an epoch proof file's public value names for these
// asset symbols: the hashed values in the registry's order, then PublicHashName.
func EpochInputLayout(symbols []string) []string {
	return append(epochhash.Layout(symbols), PublicHashName)
}

// EpochPublicHash is the epoch circuit's one public input for a submission and what the
// registry takes from elsewhere (the policy and S(n-1) from storage, the prices from the
// rounds): exactly what the registry computes with the SHA-256 precompile.
func EpochPublicHash(s EpochSubmission, policy, prevState *big.Int, prices []*big.Int) (*big.Int, error) {
	v := &epochhash.Values{PolicyCommitment: policy, PrevStateCommitment: prevState, NewStateCommitment: s.StateCommitment,
		LiabilitiesRoot: s.LiabilitiesRoot, ActionsCommitment: s.ActionsCommitment,
		ActionCount: s.ActionCount, Epoch: s.Epoch, StartTime: s.StartTime, EndTime: s.EndTime,
		Inflows: s.Inflows, Outflows: s.Outflows}
	for i, p := range prices {
		if p == nil || !p.IsUint64() {
			return nil, fmt.Errorf("price %d = %v does not fit 64 bits", i, p)
		}
		v.Prices = append(v.Prices, p.Uint64())
	}
	return v.Hash()
}

// PublicInput is one named public input of a proof.
type PublicInput struct {
	// Name is the input's name in proof files, e.g. "price.WETH".
	Name string
	// Value is the field element.
	Value *big.Int
}

// Claim is a submission together with what its proof claims about the registry's state and
// the prices, for telling an operator why a proof was rejected.
type Claim struct {
	EpochSubmission
	// PrevState and Policy are the S(n-1) and policy commitment the proof was made for.
	PrevState, Policy *big.Int
	// Prices are the circuit prices the proof was made at, per asset; the registry derives its
	// own from RoundIDs and the proof verifies only if they agree.
	Prices []*big.Int
	// PublicHash is the proof's one public input, checked to be the hash of the named values.
	PublicHash *big.Int
}

// ClaimFromInputs builds the submission of an epoch proof from its named public values, which
// must be exactly EpochInputLayout(symbols) in that order with publicHash the hash of the
// others, the round ids per asset and the proof's Solidity encoding.
func ClaimFromInputs(inputs []PublicInput, symbols []string, roundIDs []*big.Int, proof []byte) (*Claim, error) {
	want := EpochInputLayout(symbols)
	if len(inputs) != len(want) {
		return nil, fmt.Errorf("the epoch proof has %d public inputs, the registry builds %d (%s)", len(inputs), len(want), strings.Join(want, ", "))
	}
	in := make(map[string]*big.Int, len(want))
	for i, x := range inputs {
		if x.Name != want[i] {
			return nil, fmt.Errorf("the epoch proof's public input %d is %s, the registry builds %s there", i, x.Name, want[i])
		}
		if x.Value == nil || x.Value.Sign() < 0 || x.Value.Cmp(ScalarField) >= 0 {
			return nil, fmt.Errorf("the epoch proof's %s = %v is not in the BN254 scalar field", x.Name, x.Value)
		}
		in[x.Name] = x.Value
	}
	if len(roundIDs) != len(symbols) {
		return nil, fmt.Errorf("%d round ids for %d assets", len(roundIDs), len(symbols))
	}
	u64 := func(name string) (uint64, error) {
		v := in[name]
		if !v.IsUint64() {
			return 0, fmt.Errorf("the epoch proof's %s %v does not fit 64 bits", name, v)
		}
		return v.Uint64(), nil
	}
	c := &Claim{PrevState: in["prevStateCommitment"], Policy: in["policyCommitment"]}
	s := &c.EpochSubmission
	s.StateCommitment, s.LiabilitiesRoot, s.ActionsCommitment = in["newStateCommitment"], in["liabilitiesRoot"], in["actionsCommitment"]
	s.RoundIDs = append([]*big.Int(nil), roundIDs...)
	var err error
	for _, f := range []struct {
		name string
		dst  *uint64
	}{{"epoch", &s.Epoch}, {"actionCount", &s.ActionCount}, {"startTime", &s.StartTime}, {"endTime", &s.EndTime}} {
		if *f.dst, err = u64(f.name); err != nil {
			return nil, err
		}
	}
	for _, sym := range symbols {
		c.Prices = append(c.Prices, in["price."+sym])
		inflow, err := u64("inflow." + sym)
		if err != nil {
			return nil, err
		}
		outflow, err := u64("outflow." + sym)
		if err != nil {
			return nil, err
		}
		s.Inflows, s.Outflows = append(s.Inflows, inflow), append(s.Outflows, outflow)
	}
	h, err := EpochPublicHash(*s, c.Policy, c.PrevState, c.Prices)
	if err != nil {
		return nil, fmt.Errorf("the epoch proof's values: %w", err)
	}
	if h.Cmp(in[PublicHashName]) != 0 {
		return nil, fmt.Errorf("the epoch proof's %s 0x%064x is not the hash of its named values (0x%064x)", PublicHashName, in[PublicHashName], h)
	}
	c.PublicHash = h
	return c, nil
}

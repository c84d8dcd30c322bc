package contracts

import (
	"fmt"
	"math/big"
	"strings"
)

// EpochInputNames are the epoch circuit's public inputs before the per-asset ones, in the order
// the registry builds them, named as proof files name them. Per asset, in policy order, follow
// "price.<SYMBOL>", then "inflow.<SYMBOL>", then "outflow.<SYMBOL>".
var EpochInputNames = []string{
	"policyCommitment", "prevStateCommitment", "newStateCommitment", "liabilitiesRoot",
	"actionsCommitment", "actionCount", "epoch", "startTime", "endTime",
}

// EpochInputLayout is the full list of the epoch circuit's public input names for these asset
// symbols, in the registry's order.
func EpochInputLayout(symbols []string) []string {
	out := append([]string(nil), EpochInputNames...)
	for _, prefix := range []string{"price.", "inflow.", "outflow."} {
		for _, s := range symbols {
			out = append(out, prefix+s)
		}
	}
	return out
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
}

// ClaimFromInputs builds the submission of an epoch proof from its named public inputs, which
// must be exactly EpochInputLayout(symbols) in that order, the round ids per asset and the
// proof's Solidity encoding.
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
	return c, nil
}

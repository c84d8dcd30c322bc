// Package inclusion exports a user's inclusion proof (their leaf's preimage and
// path) and verifies it against what a solvency proof states, so a user can
// check that they were counted with their full balance.
//
// Nothing that decides what the user is shown is taken from the inclusion file
// alone: the asset order, symbols and circuit decimals come from the policy
// whose commitment is in the proof (the file may carry that policy; its
// commitment is recomputed and compared), the tree's shape from the proof's
// circuit parameters, the epoch and the root from the proof's public inputs.
// The balances shown are the units the tree counted, in tokens, under the
// policy's symbols.
package inclusion

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/shopspring/decimal"

	"github.com/zktreasury/zktreasury/circuits/gadget/merkle"
	"github.com/zktreasury/zktreasury/prover/liabtree"
	"github.com/zktreasury/zktreasury/prover/statement"
	"github.com/zktreasury/zktreasury/treasury"
	"github.com/zktreasury/zktreasury/treasury/fixed"
)

// Format identifies the inclusion file format. Version 2 carries the policy.
const Format = "zktreasury-inclusion/2"

// ErrNotIncluded is returned when the file's leaf is not under the root, or the
// file disagrees with the proof it is checked against (epoch, shape, policy,
// symbols, decimals).
var ErrNotIncluded = errors.New("not included")

// ErrPolicyMismatch is returned (wrapping ErrNotIncluded) when the policy's
// commitment is not the one the proof carries.
var ErrPolicyMismatch = errors.New("policy does not match the proof's policy commitment")

// ErrUnknownUser is returned by Export for a user not in the ledger.
var ErrUnknownUser = errors.New("user not in the liabilities ledger")

// File is what a user receives: enough to recompute their leaf and its path.
// Epoch, Capacity and each asset's Symbol and CircuitDecimals restate what the
// proof and its policy fix; Verify refuses a file where they differ.
type File struct {
	Format string `json:"format"`
	UserID string `json:"userId"`
	Salt   string `json:"salt"`
	Epoch  uint64 `json:"epoch"`
	// Policy is the policy JSON the proof committed to, so a user without a
	// copy can check it against the proof's policyCommitment.
	Policy          json.RawMessage `json:"policy"`
	Assets          []Asset         `json:"assets"`
	LeafIndex       int             `json:"leafIndex"`
	Capacity        int             `json:"capacity"`
	Siblings        [][]string      `json:"siblings"`
	LiabilitiesRoot string          `json:"liabilitiesRoot"`
}

// Asset is one balance as the operator's ledger has it (Balance, decimal
// tokens) and as it was proven (Units, integers of 10^-CircuitDecimals tokens).
type Asset struct {
	Symbol          string `json:"symbol"`
	Balance         string `json:"balance"`
	CircuitDecimals int32  `json:"circuitDecimals"`
	Units           uint64 `json:"units"`
}

// Shape is the liabilities tree's shape, which a verifier takes from the
// proof's circuit parameters (or the registry's immutable views), never from
// the inclusion file.
type Shape struct {
	// Capacity is the number of leaves (solvency.Params.Users).
	Capacity int
	// Assets is the number of balances per leaf (solvency.Params.Assets).
	Assets int
}

// Proven is what the solvency proof (or the registry) states about the tree.
type Proven struct {
	Root             fr.Element
	Epoch            uint64
	PolicyCommitment fr.Element
	Shape            Shape
}

// Balance is one counted balance, as Verify shows it.
type Balance struct {
	Symbol string
	// Counted is what the tree counted, in tokens: Units × 10^-CircuitDecimals.
	Counted         decimal.Decimal
	Units           uint64
	CircuitDecimals int32
	// Ledger is the balance the file says the operator's ledger holds.
	Ledger decimal.Decimal
}

// Export builds a user's inclusion file from a statement and its ledger.
func Export(st *statement.Solvency, pol *treasury.Policy, led *treasury.Ledger, userID string) (*File, error) {
	li := led.Index(userID)
	if li < 0 {
		return nil, fmt.Errorf("%w: %q", ErrUnknownUser, userID)
	}
	var u *statement.User
	for i := range st.Users {
		if st.Users[i].ID == led.Users[li].ID {
			u = &st.Users[i]
		}
	}
	if u == nil {
		return nil, fmt.Errorf("%w: %q", ErrUnknownUser, userID)
	}
	path, err := st.Tree.Path(u.Index)
	if err != nil {
		return nil, err
	}
	pj, err := json.Marshal(pol)
	if err != nil {
		return nil, fmt.Errorf("encode the policy: %w", err)
	}
	f := &File{Format: Format, UserID: u.ID, Salt: statement.Hex(u.Salt), Epoch: st.Epoch, Policy: pj, LeafIndex: u.Index,
		Capacity: st.Tree.Capacity(), LiabilitiesRoot: statement.Hex(st.Root())}
	for a, ap := range pol.Assets {
		f.Assets = append(f.Assets, Asset{Symbol: ap.Symbol, Balance: led.Users[li].Balance[a].String(),
			CircuitDecimals: ap.CircuitDecimals, Units: u.Balances[a]})
	}
	for _, level := range path.Siblings {
		var hs []string
		for _, s := range level {
			hs = append(hs, statement.Hex(s))
		}
		f.Siblings = append(f.Siblings, hs)
	}
	return f, nil
}

// Read reads an inclusion file.
func Read(path string) (*File, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read inclusion %s: %w", path, err)
	}
	var f File
	if err := treasury.DecodeStrictJSON(path, data, &f); err != nil {
		return nil, err
	}
	if f.Format != Format {
		return nil, &treasury.InputError{File: path, Field: "format", Value: f.Format, Msg: "want " + Format}
	}
	return &f, nil
}

// FilePolicy parses the policy the file carries; name is used in errors.
func (f *File) FilePolicy(name string) (*treasury.Policy, error) {
	if len(f.Policy) == 0 || string(f.Policy) == "null" {
		return nil, &treasury.InputError{File: name, Field: "policy", Msg: "the file carries no policy; pass the proof's policy file"}
	}
	return treasury.ParsePolicy(name+" (field policy)", f.Policy)
}

// CheckPolicy returns an error wrapping ErrPolicyMismatch and ErrNotIncluded
// when pol's commitment is not want.
func CheckPolicy(pol *treasury.Policy, want fr.Element) error {
	pv, err := statement.EncodePolicy(pol)
	if err != nil {
		return err
	}
	pc, err := statement.PolicyCommitment(pv)
	if err != nil {
		return err
	}
	if !pc.Equal(&want) {
		return fmt.Errorf("%w: %w: the policy commits to %s, the proof to %s", ErrNotIncluded, ErrPolicyMismatch, statement.Hex(pc), statement.Hex(want))
	}
	return nil
}

// Verify checks f against what the proof states: pol must have the proof's
// policy commitment, the file's epoch, capacity, symbols and circuit decimals
// must be the proof's and the policy's, and the leaf recomputed from the
// user's id, salt and counted units must lie under the root along a path of
// exactly the proof's shape. Each counted balance must be at least the ledger
// balance the file states, rounded up (liabilities round up, never down). It
// returns the counted balances under the policy's symbols; every refusal wraps
// ErrNotIncluded.
func Verify(f *File, pol *treasury.Policy, p Proven) ([]Balance, error) {
	if err := CheckPolicy(pol, p.PolicyCommitment); err != nil {
		return nil, err
	}
	if p.Shape.Assets != len(pol.Assets) {
		return nil, fmt.Errorf("%w: the proof's tree has %d assets per leaf, the policy %d", ErrNotIncluded, p.Shape.Assets, len(pol.Assets))
	}
	if _, err := merkle.Arities(p.Shape.Capacity); err != nil {
		return nil, fmt.Errorf("%w: the proof's tree capacity: %v", ErrNotIncluded, err)
	}
	if f.Epoch != p.Epoch {
		return nil, fmt.Errorf("%w: the file is for epoch %d, the proof for epoch %d", ErrNotIncluded, f.Epoch, p.Epoch)
	}
	if f.Capacity != p.Shape.Capacity {
		return nil, fmt.Errorf("%w: the file claims a tree of %d leaves, the proof's has %d", ErrNotIncluded, f.Capacity, p.Shape.Capacity)
	}
	if f.LeafIndex < 0 || f.LeafIndex >= p.Shape.Capacity {
		return nil, fmt.Errorf("%w: leafIndex %d is outside the proof's tree [0, %d)", ErrNotIncluded, f.LeafIndex, p.Shape.Capacity)
	}
	salt, err := statement.ParseElement(f.Salt)
	if err != nil {
		return nil, fmt.Errorf("%w: salt %q: %v", ErrNotIncluded, f.Salt, err)
	}
	units, out, err := counted(f.Assets, pol)
	if err != nil {
		return nil, err
	}
	leaf, err := liabtree.Leaf(liabtree.UserHash(f.UserID, salt), units)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotIncluded, err)
	}
	path := liabtree.Path{Index: f.LeafIndex}
	for l, level := range f.Siblings {
		sib := make([]fr.Element, len(level))
		for j, h := range level {
			if sib[j], err = statement.ParseElement(h); err != nil {
				return nil, fmt.Errorf("%w: siblings[%d][%d] %q: %v", ErrNotIncluded, l, j, h, err)
			}
		}
		path.Siblings = append(path.Siblings, sib)
	}
	if err := liabtree.Verify(leaf, path, p.Root, p.Shape.Capacity); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotIncluded, err)
	}
	return out, nil
}

// counted checks a file's assets against the policy (symbol and circuit
// decimals, in order) and each counted balance against the ledger balance the
// file states, rounded up, and returns the counted units and balances.
func counted(assets []Asset, pol *treasury.Policy) ([]uint64, []Balance, error) {
	if len(assets) != len(pol.Assets) {
		return nil, nil, fmt.Errorf("%w: the file lists %d assets, the policy %d", ErrNotIncluded, len(assets), len(pol.Assets))
	}
	units := make([]uint64, len(assets))
	out := make([]Balance, len(assets))
	for i, a := range assets {
		ap := pol.Assets[i]
		if a.Symbol != ap.Symbol {
			return nil, nil, fmt.Errorf("%w: assets[%d] is %q, the policy's asset %d is %q", ErrNotIncluded, i, a.Symbol, i, ap.Symbol)
		}
		if a.CircuitDecimals != ap.CircuitDecimals {
			return nil, nil, fmt.Errorf("%w: assets[%d] (%s) claims %d circuit decimals, the policy %d", ErrNotIncluded, i, a.Symbol, a.CircuitDecimals, ap.CircuitDecimals)
		}
		want, err := treasury.ParseAmount(a.Balance, 36)
		if err != nil {
			return nil, nil, fmt.Errorf("%w: assets[%d].balance %q: %v", ErrNotIncluded, i, a.Balance, err)
		}
		least, err := fixed.Units(want, ap.CircuitDecimals, fixed.Up)
		if err != nil {
			return nil, nil, fmt.Errorf("%w: assets[%d].balance %q: %v", ErrNotIncluded, i, a.Balance, err)
		}
		c := fixed.ToDecimal(a.Units, ap.CircuitDecimals)
		if a.Units < least {
			return nil, nil, fmt.Errorf("%w: %s counted as %s, less than the ledger balance %s", ErrNotIncluded, ap.Symbol, c, want)
		}
		units[i] = a.Units
		out[i] = Balance{Symbol: ap.Symbol, Counted: c, Units: a.Units, CircuitDecimals: ap.CircuitDecimals, Ledger: want}
	}
	return units, out, nil
}

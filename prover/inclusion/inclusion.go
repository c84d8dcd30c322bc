// Package inclusion exports a user's inclusion proof (their leaf's preimage and
// path) and verifies it against a liabilities root, so a user can check that they
// were counted in a solvency proof with their full balance.
package inclusion

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"

	"github.com/zktreasury/zktreasury/prover/liabtree"
	"github.com/zktreasury/zktreasury/prover/statement"
	"github.com/zktreasury/zktreasury/treasury"
	"github.com/zktreasury/zktreasury/treasury/fixed"
)

// Format identifies the inclusion file format.
const Format = "zktreasury-inclusion/1"

// ErrNotIncluded is returned when the file's leaf is not under the root, or the
// file is inconsistent with itself.
var ErrNotIncluded = errors.New("not included")

// ErrUnknownUser is returned by Export for a user not in the ledger.
var ErrUnknownUser = errors.New("user not in the liabilities ledger")

// File is what a user receives: enough to recompute their leaf and its path.
type File struct {
	Format          string     `json:"format"`
	UserID          string     `json:"userId"`
	Salt            string     `json:"salt"`
	Epoch           uint64     `json:"epoch"`
	Assets          []Asset    `json:"assets"`
	LeafIndex       int        `json:"leafIndex"`
	Capacity        int        `json:"capacity"`
	Siblings        [][]string `json:"siblings"`
	LiabilitiesRoot string     `json:"liabilitiesRoot"`
}

// Asset is one balance as the user knows it and as it was proven.
type Asset struct {
	Symbol          string `json:"symbol"`
	Balance         string `json:"balance"`
	CircuitDecimals int32  `json:"circuitDecimals"`
	Units           uint64 `json:"units"`
}

// Export builds a user's inclusion file from a statement and its ledger.
func Export(st *statement.Solvency, pol *treasury.Policy, led *treasury.Ledger, userID string) (*File, error) {
	li := led.Index(userID)
	if li < 0 {
		return nil, fmt.Errorf("%w: %q", ErrUnknownUser, userID)
	}
	var u *statement.User
	for i := range st.Users {
		if st.Users[i].ID == userID {
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
	f := &File{Format: Format, UserID: userID, Salt: statement.Hex(u.Salt), Epoch: st.Epoch, LeafIndex: u.Index,
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
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var f File
	if err := dec.Decode(&f); err != nil {
		return nil, &treasury.InputError{File: path, Msg: fmt.Sprintf("invalid inclusion JSON: %v", err)}
	}
	if f.Format != Format {
		return nil, &treasury.InputError{File: path, Field: "format", Value: f.Format, Msg: "want " + Format}
	}
	return &f, nil
}

// Verify recomputes the user's leaf from their id, salt and balances, walks the
// path, and compares with root. It also checks that each proven balance is at
// least the user's decimal balance (liabilities round up, never down).
func Verify(f *File, root fr.Element) error {
	salt, err := statement.ParseElement(f.Salt)
	if err != nil {
		return fmt.Errorf("salt: %w", err)
	}
	units := make([]uint64, len(f.Assets))
	for i, a := range f.Assets {
		want, err := treasury.ParseAmount(a.Balance, 36)
		if err != nil {
			return fmt.Errorf("assets[%d].balance %q: %w", i, a.Balance, err)
		}
		min, err := fixed.Units(want, a.CircuitDecimals, fixed.Up)
		if err != nil {
			return fmt.Errorf("assets[%d].balance %q: %w", i, a.Balance, err)
		}
		if a.Units < min {
			return fmt.Errorf("%w: %s proven as %d units, less than the balance %s", ErrNotIncluded, a.Symbol, a.Units, a.Balance)
		}
		units[i] = a.Units
	}
	leaf, err := liabtree.Leaf(liabtree.UserHash(f.UserID, salt), units)
	if err != nil {
		return err
	}
	p := liabtree.Path{Index: f.LeafIndex}
	for l, level := range f.Siblings {
		sib := make([]fr.Element, len(level))
		for j, h := range level {
			if sib[j], err = statement.ParseElement(h); err != nil {
				return fmt.Errorf("siblings[%d][%d]: %w", l, j, err)
			}
		}
		p.Siblings = append(p.Siblings, sib)
	}
	if err := liabtree.Verify(leaf, p, root, f.Capacity); err != nil {
		return fmt.Errorf("%w: %v", ErrNotIncluded, err)
	}
	return nil
}

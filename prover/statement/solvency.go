package statement

import (
	"bytes"
	"errors"
	"fmt"
	"math/big"
	"sort"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/consensys/gnark/frontend"

	"github.com/zktreasury/zktreasury/circuits/gadget/bound"
	"github.com/zktreasury/zktreasury/circuits/policy"
	"github.com/zktreasury/zktreasury/circuits/solvency"
	"github.com/zktreasury/zktreasury/prover/hashing"
	"github.com/zktreasury/zktreasury/prover/liabtree"
	"github.com/zktreasury/zktreasury/treasury"
	"github.com/zktreasury/zktreasury/treasury/fixed"
)

// ErrInsolvent is returned by Solvency.Check when the reserves do not cover the
// liabilities at the policy's ratio, in total or for an asset that must be
// covered on its own.
var ErrInsolvent = errors.New("insolvent")

// SolvencyInputs are the decimal inputs of a solvency proof.
type SolvencyInputs struct {
	Policy    *treasury.Policy
	Prices    *treasury.Prices
	Positions *treasury.Positions
	Ledger    *treasury.Ledger
	Secrets   *Secrets
	Epoch     uint64
	// Capacity is the tree capacity (a power of 4); 0 picks the smallest that fits.
	Capacity   int
	RangeCheck bound.Mode
}

// User is one user's leaf.
type User struct {
	ID       string
	Salt     fr.Element
	Hash     fr.Element
	Balances []uint64
	Index    int
}

// Solvency is a solvency statement with everything a proof needs.
type Solvency struct {
	Params           solvency.Params
	Epoch            uint64
	Prices           []uint64
	Positions        [][]uint64
	Policy           policy.Vars
	PolicyCommitment fr.Element
	StateSalt        fr.Element
	StateCommitment  fr.Element
	Users            []User // in leaf order
	Tree             *liabtree.Tree
	Totals           []*big.Int // liabilities per asset, circuit units
	// Reserves is sum x*price*(10000-haircut); Required is liabilities value * minRatioBps.
	Reserves, Required *big.Int
	MinRatioBps        uint64
}

// CapacityFor returns the smallest power of 4 that holds n users (at least 4).
func CapacityFor(n int) int {
	c := 4
	for c < n {
		c *= 4
	}
	return c
}

// BuildSolvency converts, commits and builds the tree. Liabilities round up;
// a balance that does not fit 64 bits is refused naming the user.
func BuildSolvency(in SolvencyInputs) (*Solvency, error) {
	p := in.Policy
	pv, err := EncodePolicy(p)
	if err != nil {
		return nil, err
	}
	pc, err := PolicyCommitment(pv)
	if err != nil {
		return nil, err
	}
	prices, err := EncodePrices(p, in.Prices)
	if err != nil {
		return nil, err
	}
	pos, err := EncodePositions(p, in.Positions)
	if err != nil {
		return nil, err
	}
	capacity := in.Capacity
	if capacity == 0 {
		capacity = CapacityFor(len(in.Ledger.Users))
	}
	params := solvency.Params{Users: capacity, Assets: len(p.Assets), Venues: len(p.Venues), RangeCheck: in.RangeCheck}
	if err := params.Validate(); err != nil {
		return nil, err
	}
	if len(in.Ledger.Users) > capacity {
		return nil, fmt.Errorf("%d users do not fit a tree of capacity %d", len(in.Ledger.Users), capacity)
	}
	s := &Solvency{
		Params: params, Epoch: in.Epoch, Prices: prices, Positions: pos, Policy: pv,
		PolicyCommitment: pc, StateSalt: in.Secrets.StateSaltFor(in.Epoch),
		StateCommitment: StateCommitment(in.Secrets.StateSaltFor(in.Epoch), pos),
		MinRatioBps:     uint64(p.MinSolvencyRatioBps),
	}
	for _, u := range in.Ledger.Users {
		bal := make([]uint64, len(p.Assets))
		for a, ap := range p.Assets {
			x, err := fixed.Units(u.Balance[a], ap.CircuitDecimals, fixed.Up)
			if err != nil {
				return nil, fmt.Errorf("liability of user %q in %s: %w", u.ID, ap.Symbol, err)
			}
			bal[a] = x
		}
		salt := liabtree.UserSalt(in.Secrets.UserSaltKey, u.ID)
		s.Users = append(s.Users, User{ID: u.ID, Salt: salt, Hash: liabtree.UserHash(u.ID, salt), Balances: bal})
	}
	// Leaves are ordered by user hash, so the tree reveals nothing of the
	// ledger's order; empty leaves fill the end.
	sort.Slice(s.Users, func(i, j int) bool {
		bi, bj := s.Users[i].Hash.Bytes(), s.Users[j].Hash.Bytes()
		return bytes.Compare(bi[:], bj[:]) < 0
	})
	leaves := make([]fr.Element, capacity)
	empty, err := liabtree.Leaf(fr.Element{}, make([]uint64, len(p.Assets)))
	if err != nil {
		return nil, err
	}
	for i := range leaves {
		leaves[i] = empty
	}
	for i := range s.Users {
		s.Users[i].Index = i
		leaves[i], err = liabtree.Leaf(s.Users[i].Hash, s.Users[i].Balances)
		if err != nil {
			return nil, err
		}
	}
	if s.Tree, err = liabtree.Build(leaves); err != nil {
		return nil, err
	}
	s.computeTotals()
	return s, nil
}

func (s *Solvency) computeTotals() {
	nA := s.Params.Assets
	s.Totals = make([]*big.Int, nA)
	for a := range s.Totals {
		s.Totals[a] = new(big.Int)
	}
	for _, u := range s.Users {
		for a, b := range u.Balances {
			s.Totals[a].Add(s.Totals[a], new(big.Int).SetUint64(b))
		}
	}
	s.computeValue()
}

// SetTotals replaces the liabilities totals (one per asset, circuit units) by
// totals proven elsewhere, a joined proof's for a batched epoch, and recomputes
// the required value. The users and the tree are then no longer what Totals
// sum: only the reserves side and the totals are the statement.
func (s *Solvency) SetTotals(totals []*big.Int) error {
	if len(totals) != s.Params.Assets {
		return fmt.Errorf("%d totals for %d assets", len(totals), s.Params.Assets)
	}
	s.Totals = make([]*big.Int, len(totals))
	for a, t := range totals {
		if t == nil || t.Sign() < 0 {
			return fmt.Errorf("total of asset %d is %v, want a non-negative integer", a, t)
		}
		s.Totals[a] = new(big.Int).Set(t)
	}
	s.computeValue()
	return nil
}

// computeValue sets Reserves and Required from the positions and Totals.
func (s *Solvency) computeValue() {
	nA := s.Params.Assets
	s.Reserves = new(big.Int)
	for a := range nA {
		for v := range s.Params.Venues {
			t := new(big.Int).SetUint64(s.Positions[a][v])
			t.Mul(t, new(big.Int).SetUint64(10000-s.haircut(a, v)))
			t.Mul(t, new(big.Int).SetUint64(s.Prices[a]))
			s.Reserves.Add(s.Reserves, t)
		}
	}
	liab := new(big.Int)
	for a := range nA {
		liab.Add(liab, new(big.Int).Mul(s.Totals[a], new(big.Int).SetUint64(s.Prices[a])))
	}
	s.Required = liab.Mul(liab, new(big.Int).SetUint64(s.MinRatioBps))
}

func (s *Solvency) haircut(a, v int) uint64 { return s.Policy.HaircutBps[a][v].(uint64) }

// Root returns the liabilities root.
func (s *Solvency) Root() fr.Element { return s.Tree.Root() }

// RatioBps returns the achieved ratio of haircut reserves to liabilities in bps
// (rounded down), or -1 when there are no liabilities.
func (s *Solvency) RatioBps() int64 {
	liab := new(big.Int).Quo(s.Required, new(big.Int).SetUint64(max(s.MinRatioBps, 1)))
	if liab.Sign() == 0 {
		return -1
	}
	return new(big.Int).Quo(s.Reserves, liab).Int64()
}

// Check is the native twin of the circuit's solvency condition: it returns an
// error wrapping ErrInsolvent, with the figures, when a proof would not exist.
func (s *Solvency) Check() error {
	if s.Reserves.Cmp(s.Required) < 0 {
		return fmt.Errorf("%w: haircut reserves %s < liabilities × ratio %s (value units × 10^4)", ErrInsolvent, s.Reserves, s.Required)
	}
	for a := range s.Params.Assets {
		if s.Policy.Assets[a].Coverage.(uint64) == 0 {
			continue
		}
		cover := new(big.Int)
		for v := range s.Params.Venues {
			kept := new(big.Int).SetUint64(s.Positions[a][v])
			cover.Add(cover, kept.Mul(kept, new(big.Int).SetUint64(10000-s.haircut(a, v))))
		}
		need := new(big.Int).Mul(s.Totals[a], new(big.Int).SetUint64(s.MinRatioBps))
		if cover.Cmp(need) < 0 {
			return fmt.Errorf("%w: asset %d not covered on its own: %s < %s (units × 10^4)", ErrInsolvent, a, cover, need)
		}
	}
	return nil
}

// Assignment returns the full witness for the solvency circuit.
func (s *Solvency) Assignment() *solvency.Circuit {
	c, err := solvency.NewCircuit(s.Params)
	if err != nil {
		panic(err) // Params validated in BuildSolvency
	}
	c.StateCommitment = s.StateCommitment
	c.LiabilitiesRoot = s.Root()
	c.PolicyCommitment = s.PolicyCommitment
	c.Epoch = s.Epoch
	for a, p := range s.Prices {
		c.Prices[a] = p
	}
	c.StateSalt = s.StateSalt
	for a := range s.Positions {
		for v, x := range s.Positions[a] {
			c.Positions[a][v] = x
		}
	}
	c.Policy = CopyPolicyVars(s.Policy)
	for i := range c.UserHashes {
		c.UserHashes[i] = fr.Element{}
		for a := range c.Balances[i] {
			c.Balances[i][a] = 0
		}
	}
	for i, u := range s.Users {
		c.UserHashes[i] = u.Hash
		for a, b := range u.Balances {
			c.Balances[i][a] = b
		}
	}
	return c
}

// NamedInput is a public input with its name, as shown in proof files.
type NamedInput struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// Public returns the public inputs in circuit order.
func (s *Solvency) Public(symbols []string) []NamedInput {
	out := []NamedInput{
		{"stateCommitment", Hex(s.StateCommitment)},
		{"liabilitiesRoot", Hex(s.Root())},
		{"policyCommitment", Hex(s.PolicyCommitment)},
		{"epoch", Hex(hashing.FromUint64(s.Epoch))},
	}
	for a, p := range s.Prices {
		out = append(out, NamedInput{"price." + symbols[a], Hex(hashing.FromUint64(p))})
	}
	return out
}

var _ frontend.Circuit = (*solvency.Circuit)(nil)

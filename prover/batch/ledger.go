package batch

import (
	"bytes"
	"fmt"
	"math/big"
	"sort"
	"sync"

	fb "github.com/consensys/gnark-crypto/ecc/bls12-377/fr"

	circuit "github.com/zktreasury/zktreasury/circuits/batch"
	"github.com/zktreasury/zktreasury/circuits/gadget/bound"
	"github.com/zktreasury/zktreasury/treasury"
	"github.com/zktreasury/zktreasury/treasury/fixed"
)

// User is one user's leaf.
type User struct {
	ID       string
	Salt     fb.Element
	Hash     fb.Element
	Balances []uint64
	// Index is the leaf position; the user is in batch Index / K.
	Index int
}

// Ledger is a liabilities ledger cut into batches: its users in leaf order,
// the batched tree and the totals of each batch.
type Ledger struct {
	// K is the batch capacity, M the number of batches (both powers of 2).
	K, M   int
	Assets int
	Users  []User
	Tree   *Tree
	// BatchTotals[b][a] is batch b's total of asset a, circuit units.
	BatchTotals [][]*big.Int
}

// BatchesFor returns the smallest power of 2 number of batches of k users that
// holds n users (at least 1).
func BatchesFor(n, k int) int {
	m := 1
	for m*k < n {
		m *= 2
	}
	return m
}

// BuildLedger converts the ledger's balances to circuit units (rounding up, so
// liabilities are never understated), derives each user's salt from key,
// orders the leaves by user hash (the tree reveals nothing of the ledger's
// order; empty leaves fill the end), and hashes the batched tree with batches
// of k leaves. m is the number of batches, 0 for the fewest that hold the
// ledger.
func BuildLedger(pol *treasury.Policy, led *treasury.Ledger, key [32]byte, k, m int) (*Ledger, error) {
	nA := len(pol.Assets)
	if m == 0 {
		m = BatchesFor(len(led.Users), k)
	}
	if !powerOf2(k) || k < 2 || k > circuit.MaxUsers || !powerOf2(m) {
		return nil, fmt.Errorf("batched ledger: %d batches of %d users: want powers of 2, batch in [2, %d]", m, k, circuit.MaxUsers)
	}
	if len(led.Users) > k*m {
		return nil, fmt.Errorf("batched ledger: %d users do not fit %d batches of %d", len(led.Users), m, k)
	}
	kb := KeyFrom(key)
	l := &Ledger{K: k, M: m, Assets: nA, Users: make([]User, len(led.Users))}
	for i, u := range led.Users {
		if len(u.Balance) != nA {
			return nil, fmt.Errorf("user %q has %d balances, the policy %d assets", u.ID, len(u.Balance), nA)
		}
		bal := make([]uint64, nA)
		for a, ap := range pol.Assets {
			x, err := fixed.Units(u.Balance[a], ap.CircuitDecimals, fixed.Up)
			if err != nil {
				return nil, fmt.Errorf("liability of user %q in %s: %w", u.ID, ap.Symbol, err)
			}
			bal[a] = x
		}
		l.Users[i] = User{ID: u.ID, Balances: bal}
	}
	parallel(len(l.Users), func(i int) {
		u := &l.Users[i]
		u.Salt = UserSalt(kb, u.ID)
		u.Hash = UserHash(u.ID, u.Salt)
	})
	sort.Slice(l.Users, func(i, j int) bool {
		bi, bj := l.Users[i].Hash.Bytes(), l.Users[j].Hash.Bytes()
		return bytes.Compare(bi[:], bj[:]) < 0
	})
	empty, err := Leaf(fb.Element{}, make([]uint64, nA))
	if err != nil {
		return nil, err
	}
	leaves := make([]fb.Element, k*m)
	for i := range leaves {
		leaves[i] = empty
	}
	var mu sync.Mutex
	var leafErr error
	parallel(len(l.Users), func(i int) {
		l.Users[i].Index = i
		lf, err := Leaf(l.Users[i].Hash, l.Users[i].Balances)
		if err != nil {
			mu.Lock()
			leafErr = err
			mu.Unlock()
		}
		leaves[i] = lf
	})
	if leafErr != nil {
		return nil, leafErr
	}
	if l.Tree, err = Build(leaves, k); err != nil {
		return nil, err
	}
	l.BatchTotals = make([][]*big.Int, m)
	for b := range l.BatchTotals {
		l.BatchTotals[b] = make([]*big.Int, nA)
		for a := range nA {
			l.BatchTotals[b][a] = new(big.Int)
		}
	}
	for _, u := range l.Users {
		for a, x := range u.Balances {
			t := l.BatchTotals[u.Index/k][a]
			t.Add(t, new(big.Int).SetUint64(x))
		}
	}
	return l, nil
}

// Totals returns the per-asset totals over every batch.
func (l *Ledger) Totals() []*big.Int {
	out := make([]*big.Int, l.Assets)
	for a := range out {
		out[a] = new(big.Int)
		for b := range l.M {
			out[a].Add(out[a], l.BatchTotals[b][a])
		}
	}
	return out
}

// Params returns the batch circuit parameters of this ledger.
func (l *Ledger) Params(hash circuit.HashMode, rc bound.Mode) circuit.Params {
	return circuit.Params{Users: l.K, Assets: l.Assets, Hash: hash, RangeCheck: rc}
}

// Assignment returns the full witness of batch b of epoch n for a circuit of
// parameters p (whose capacity and asset count must be the ledger's).
func (l *Ledger) Assignment(epoch uint64, b int, p circuit.Params) (*circuit.Circuit, error) {
	if b < 0 || b >= l.M {
		return nil, fmt.Errorf("batch %d out of range [0, %d)", b, l.M)
	}
	if p.Users != l.K || p.Assets != l.Assets {
		return nil, fmt.Errorf("batch circuit %s does not fit a ledger of batches of %d users and %d assets", p, l.K, l.Assets)
	}
	c, err := circuit.NewCircuit(p)
	if err != nil {
		return nil, err
	}
	c.Epoch = epoch
	c.Index = b
	c.Root = l.Tree.BatchRoot(b)
	for a := range l.Assets {
		c.Totals[a] = l.BatchTotals[b][a]
	}
	for i := range l.K {
		leaf := b*l.K + i
		if leaf < len(l.Users) {
			u := l.Users[leaf]
			c.UserHashes[i] = u.Hash
			for a, x := range u.Balances {
				c.Balances[i][a] = x
			}
			continue
		}
		c.UserHashes[i] = 0
		for a := range l.Assets {
			c.Balances[i][a] = 0
		}
	}
	return c, nil
}

// Package batch is the native side of batched liabilities (circuits/batch):
// the Poseidon2 hashes over BLS12-377 and BW6-761, user hashes and leaves, the
// batched tree and its inclusion paths, and the witness and proof of one batch.
//
// The tree over N = M·K leaves is two trees stacked: each batch of K
// consecutive leaves has a binary subtree of C_b (Poseidon2 width 2 over
// BLS12-377), and the M subtree roots, embedded unchanged as BW6-761 scalars
// (r_b < r_a), have a binary tree of C_a (Poseidon2 width 2 over BW6-761) whose
// root is the liabilities root. The batch circuits hash the lower part, the
// aggregation circuit the upper part, each in its native field.
package batch

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"math/big"
	"math/bits"
	"runtime"
	"sync"

	fb "github.com/consensys/gnark-crypto/ecc/bls12-377/fr"
	pb "github.com/consensys/gnark-crypto/ecc/bls12-377/fr/poseidon2"
	fa "github.com/consensys/gnark-crypto/ecc/bw6-761/fr"
	pa "github.com/consensys/gnark-crypto/ecc/bw6-761/fr/poseidon2"

	circuit "github.com/zktreasury/zktreasury/circuits/batch"
	"github.com/zktreasury/zktreasury/circuits/gadget/poseidon"
	"github.com/zktreasury/zktreasury/circuits/solvency"
)

// ErrNotIncluded is returned by Verify when a path does not lead from the leaf
// to the root.
var ErrNotIncluded = errors.New("leaf is not included under the root")

var (
	permB = pb.NewDefaultPermutation()
	permA = pa.NewDefaultPermutation()
)

// CompressB is C_b(x, y) = P(x, y)[1] + y over BLS12-377, the twin of
// std/permutation/poseidon2's Compress in a BLS12-377 circuit.
func CompressB(x, y fb.Element) fb.Element {
	s := [2]fb.Element{x, y}
	if err := permB.Permutation(s[:]); err != nil {
		panic(err) // width 2 is fixed: cannot fail
	}
	s[1].Add(&s[1], &y)
	return s[1]
}

// CompressA is C_a(x, y) over BW6-761.
func CompressA(x, y fa.Element) fa.Element {
	s := [2]fa.Element{x, y}
	if err := permA.Permutation(s[:]); err != nil {
		panic(err)
	}
	s[1].Add(&s[1], &y)
	return s[1]
}

// HashB is the domain-tagged Merkle–Damgård chain of C_b from state 0: absorb
// the tag, then each element.
func HashB(tag uint64, elems ...fb.Element) fb.Element {
	var state, t fb.Element
	t.SetUint64(tag)
	state = CompressB(state, t)
	for _, e := range elems {
		state = CompressB(state, e)
	}
	return state
}

// FromString maps a user id into F_b: SHA-256, reduced modulo r_b.
func FromString(s string) fb.Element {
	sum := sha256.Sum256([]byte(s))
	var e fb.Element
	e.SetBytes(sum[:])
	return e
}

// KeyFrom reduces the operator's user-salt key (a BN254 scalar, as bytes of
// its canonical big-endian form) into F_b.
func KeyFrom(key [32]byte) fb.Element {
	var e fb.Element
	e.SetBytes(key[:])
	return e
}

// UserSalt derives a user's salt from the operator's key: H_b(TagSalt, key, id).
func UserSalt(key fb.Element, userID string) fb.Element {
	return HashB(poseidon.TagSalt, key, FromString(userID))
}

// UserHash is H_b(TagUser, id, salt).
func UserHash(userID string, salt fb.Element) fb.Element {
	return HashB(poseidon.TagUser, FromString(userID), salt)
}

// Leaf returns the leaf of a user hash and balances (circuit-scale units, in
// asset order), the twin of circuits/batch.Leaf: the balances packed three per
// element, lowest asset in the lowest bits, circuits/batch.LeafTag added to the
// last element, chained with C_b from the user hash. An empty leaf is Leaf(0, zeros).
func Leaf(userHash fb.Element, balances []uint64) (fb.Element, error) {
	if len(balances) < 1 || len(balances) > solvency.MaxAssets {
		return fb.Element{}, fmt.Errorf("leaf: %d balances, want 1..%d", len(balances), solvency.MaxAssets)
	}
	s := userHash
	for j := 0; j < len(balances); j += solvency.PackPerElement {
		packed := new(big.Int)
		for k := min(j+solvency.PackPerElement, len(balances)) - 1; k >= j; k-- {
			packed.Lsh(packed, solvency.AmountBits)
			packed.Or(packed, new(big.Int).SetUint64(balances[k]))
		}
		if j+solvency.PackPerElement >= len(balances) {
			packed.Add(packed, circuit.LeafTag(len(balances)))
		}
		var p fb.Element
		p.SetBigInt(packed)
		s = CompressB(s, p)
	}
	return s, nil
}

// Embed returns x, an F_b element, as the F_a element of the same integer.
func Embed(x fb.Element) fa.Element {
	var b big.Int
	x.BigInt(&b)
	var e fa.Element
	e.SetBigInt(&b)
	return e
}

// Tree is the batched tree. Lower[0] are the leaves, Lower[log2 K] the M
// subtree roots; Upper[0] are those roots embedded in F_a, the last level the
// liabilities root.
type Tree struct {
	K, M  int
	Lower [][]fb.Element
	Upper [][]fa.Element
}

// log2 returns log2(n) for a power of 2.
func log2(n int) int { return bits.TrailingZeros(uint(n)) }

func powerOf2(n int) bool { return n >= 1 && n&(n-1) == 0 }

// Build hashes the tree over leaves with batches of k leaves; len(leaves) and
// k must be powers of 2, k >= 2 and k <= len(leaves). The hashing runs on
// every CPU.
func Build(leaves []fb.Element, k int) (*Tree, error) {
	n := len(leaves)
	if !powerOf2(n) || !powerOf2(k) || k < 2 || k > n {
		return nil, fmt.Errorf("batched tree: %d leaves in batches of %d: both must be powers of 2 with 2 <= batch <= leaves", n, k)
	}
	t := &Tree{K: k, M: n / k, Lower: [][]fb.Element{append([]fb.Element(nil), leaves...)}}
	level := t.Lower[0]
	for len(level) > t.M {
		next := make([]fb.Element, len(level)/2)
		parallel(len(next), func(i int) { next[i] = CompressB(level[2*i], level[2*i+1]) })
		t.Lower = append(t.Lower, next)
		level = next
	}
	top := make([]fa.Element, t.M)
	for i := range top {
		top[i] = Embed(level[i])
	}
	t.Upper = upperLevels(top)
	return t, nil
}

// upperLevels hashes the embedded batch roots (a power of 2 of them) into the
// levels of the top tree, from the roots to the liabilities root.
func upperLevels(top []fa.Element) [][]fa.Element {
	levels := [][]fa.Element{top}
	for len(top) > 1 {
		next := make([]fa.Element, len(top)/2)
		parallel(len(next), func(i int) { next[i] = CompressA(top[2*i], top[2*i+1]) })
		levels = append(levels, next)
		top = next
	}
	return levels
}

// TopRoot returns the liabilities root over batch roots given as integers
// (each below r_b), in batch order: the top of Build's tree, for a caller that
// holds the batch roots only (the join, the aggregation witness).
func TopRoot(roots []*big.Int) (fa.Element, error) {
	if !powerOf2(len(roots)) {
		return fa.Element{}, fmt.Errorf("%d batch roots: want a power of 2", len(roots))
	}
	top := make([]fa.Element, len(roots))
	for i, r := range roots {
		if r == nil || r.Sign() < 0 || r.Cmp(fb.Modulus()) >= 0 {
			return fa.Element{}, fmt.Errorf("batch root %d = %v is not below the BLS12-377 scalar modulus", i, r)
		}
		top[i].SetBigInt(r)
	}
	levels := upperLevels(top)
	return levels[len(levels)-1][0], nil
}

// parallel runs f(0..n-1) over every CPU in contiguous chunks.
func parallel(n int, f func(i int)) {
	workers := runtime.GOMAXPROCS(0)
	if n < 1024 || workers == 1 {
		for i := range n {
			f(i)
		}
		return
	}
	var wg sync.WaitGroup
	chunk := (n + workers - 1) / workers
	for lo := 0; lo < n; lo += chunk {
		hi := min(lo+chunk, n)
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := lo; i < hi; i++ {
				f(i)
			}
		}()
	}
	wg.Wait()
}

// Root returns the liabilities root.
func (t *Tree) Root() fa.Element { return t.Upper[len(t.Upper)-1][0] }

// BatchRoot returns batch b's subtree root.
func (t *Tree) BatchRoot(b int) fb.Element { return t.Lower[len(t.Lower)-1][b] }

// Capacity returns the number of leaves.
func (t *Tree) Capacity() int { return len(t.Lower[0]) }

// Path is an inclusion path: the sibling at each level from the leaf up, first
// inside the leaf's batch (F_b), then among the batch roots (F_a).
type Path struct {
	Index int
	Lower []fb.Element
	Upper []fa.Element
}

// Path returns the inclusion path of leaf i.
func (t *Tree) Path(i int) (Path, error) {
	if i < 0 || i >= t.Capacity() {
		return Path{}, fmt.Errorf("leaf index %d out of range [0, %d)", i, t.Capacity())
	}
	p := Path{Index: i}
	idx := i
	for l := 0; l < len(t.Lower)-1; l++ {
		p.Lower = append(p.Lower, t.Lower[l][idx^1])
		idx >>= 1
	}
	for l := 0; l < len(t.Upper)-1; l++ {
		p.Upper = append(p.Upper, t.Upper[l][idx^1])
		idx >>= 1
	}
	return p, nil
}

// VerifyPath recomputes the root from a leaf and its path. k and m are the batch
// capacity and the number of batches the root was proven with, which the
// caller takes from the proof, never from whoever hands over the path: they fix
// the path's shape, so a leaf (always at the fixed depth) cannot pass for a
// node nor a node for a leaf; the tag in the leaf's last element separates the
// two domains besides.
func VerifyPath(leaf fb.Element, p Path, root fa.Element, k, m int) error {
	if !powerOf2(k) || k < 2 || !powerOf2(m) {
		return fmt.Errorf("batched tree of %d batches of %d: %w", m, k, ErrNotIncluded)
	}
	if len(p.Lower) != log2(k) || len(p.Upper) != log2(m) {
		return fmt.Errorf("path has %d+%d levels, a tree of %d batches of %d has %d+%d: %w",
			len(p.Lower), len(p.Upper), m, k, log2(k), log2(m), ErrNotIncluded)
	}
	if p.Index < 0 || p.Index >= k*m {
		return fmt.Errorf("leaf index %d out of range [0, %d): %w", p.Index, k*m, ErrNotIncluded)
	}
	node := leaf
	idx := p.Index
	for _, sib := range p.Lower {
		left, right := node, sib
		if idx&1 == 1 {
			left, right = sib, node
		}
		node = CompressB(left, right)
		idx >>= 1
	}
	top := Embed(node)
	for _, sib := range p.Upper {
		left, right := top, sib
		if idx&1 == 1 {
			left, right = sib, top
		}
		top = CompressA(left, right)
		idx >>= 1
	}
	if !top.Equal(&root) {
		return ErrNotIncluded
	}
	return nil
}

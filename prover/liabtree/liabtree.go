// Package liabtree builds the liabilities tree natively: user hashes, leaves,
// the Poseidon2 tree, and per-user inclusion paths. It is the twin of the
// tree the solvency circuit computes; tests hold the two together.
package liabtree

import (
	"errors"
	"fmt"
	"math/big"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"

	"github.com/zktreasury/zktreasury/circuits/gadget/merkle"
	"github.com/zktreasury/zktreasury/circuits/gadget/poseidon"
	"github.com/zktreasury/zktreasury/circuits/solvency"
	"github.com/zktreasury/zktreasury/prover/hashing"
)

// ErrNotIncluded is returned by Verify when a path does not lead from the leaf
// to the root.
var ErrNotIncluded = errors.New("leaf is not included under the root")

// UserSalt derives a user's salt from the operator's secret key, so that salts
// need no storage and an auditor holding the key regenerates them.
func UserSalt(key fr.Element, userID string) fr.Element {
	return hashing.Hash(poseidon.TagSalt, key, hashing.FromString(userID))
}

// UserHash is H(userID, salt): it identifies a leaf to its user and hides the
// user from everyone else.
func UserHash(userID string, salt fr.Element) fr.Element {
	return hashing.Hash(poseidon.TagUser, hashing.FromString(userID), salt)
}

// Leaf returns the leaf hash of a user hash and balances (circuit-scale units, in
// asset order): the compression of the leaf tag (poseidon.TagLeaf), the user
// hash and the balances packed three per field element. An empty leaf is
// Leaf(0, zeros). The tag is what keeps a leaf from passing for a node.
func Leaf(userHash fr.Element, balances []uint64) (fr.Element, error) {
	width, err := poseidon.WidthFor(solvency.LeafInputs(len(balances)))
	if err != nil {
		return fr.Element{}, err
	}
	in := []fr.Element{leafTag, userHash}
	for j := 0; j < len(balances); j += solvency.PackPerElement {
		packed := new(big.Int)
		for k := min(j+solvency.PackPerElement, len(balances)) - 1; k >= j; k-- {
			packed.Lsh(packed, solvency.AmountBits)
			packed.Or(packed, new(big.Int).SetUint64(balances[k]))
		}
		in = append(in, hashing.FromBig(packed))
	}
	return hashing.Compress(width, in...)
}

var leafTag = hashing.FromUint64(poseidon.TagLeaf)

// Tree is a full tree with merkle.Arities' shape; Levels[0] are the leaves, the
// last level the root.
type Tree struct {
	Levels  [][]fr.Element
	Arities []int
}

// Build hashes the tree over leaves; len(leaves) must be a power of 2.
func Build(leaves []fr.Element) (*Tree, error) {
	arities, err := merkle.Arities(len(leaves))
	if err != nil {
		return nil, err
	}
	t := &Tree{Levels: [][]fr.Element{append([]fr.Element(nil), leaves...)}, Arities: arities}
	level := t.Levels[0]
	for _, k := range arities {
		next := make([]fr.Element, len(level)/k)
		for i := range next {
			n, err := hashing.Compress(k, level[k*i:k*i+k]...)
			if err != nil {
				return nil, err
			}
			next[i] = n
		}
		t.Levels = append(t.Levels, next)
		level = next
	}
	return t, nil
}

// Root returns the tree's root.
func (t *Tree) Root() fr.Element { return t.Levels[len(t.Levels)-1][0] }

// Capacity returns the number of leaves.
func (t *Tree) Capacity() int { return len(t.Levels[0]) }

// Path is an inclusion path: at each level from the leaves up, the siblings of
// the node on the path (arity - 1 of them), in order, skipping the node itself.
type Path struct {
	Index    int
	Siblings [][]fr.Element
}

// Path returns the inclusion path of leaf i.
func (t *Tree) Path(i int) (Path, error) {
	if i < 0 || i >= len(t.Levels[0]) {
		return Path{}, fmt.Errorf("leaf index %d out of range [0, %d)", i, len(t.Levels[0]))
	}
	p := Path{Index: i}
	idx := i
	for l, k := range t.Arities {
		base := idx - idx%k
		var sib []fr.Element
		for j := range k {
			if base+j != idx {
				sib = append(sib, t.Levels[l][base+j])
			}
		}
		p.Siblings = append(p.Siblings, sib)
		idx /= k
	}
	return p, nil
}

// Verify recomputes the root from a leaf and its path. capacity is the tree
// capacity the root was published with, which the caller must take from the
// proof (its circuit parameters), never from whoever hands over the path: it
// fixes the tree's shape, and a path of another shape is refused. Independently
// of the shape, the leaf tag keeps a node from passing for a leaf (its first
// child would have to be the tag), and a path whose node at some level starts
// with the tag is refused, so a leaf cannot pass for a node either.
func Verify(leaf fr.Element, p Path, root fr.Element, capacity int) error {
	arities, err := merkle.Arities(capacity)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrNotIncluded, err)
	}
	if len(p.Siblings) != len(arities) {
		return fmt.Errorf("path has %d levels, a tree of %d leaves has %d: %w", len(p.Siblings), capacity, len(arities), ErrNotIncluded)
	}
	if p.Index < 0 || p.Index >= capacity {
		return fmt.Errorf("leaf index %d out of range [0, %d): %w", p.Index, capacity, ErrNotIncluded)
	}
	node := leaf
	idx := p.Index
	for l, k := range arities {
		sib := p.Siblings[l]
		if len(sib) != k-1 {
			return fmt.Errorf("level %d has %d siblings, want %d: %w", l, len(sib), k-1, ErrNotIncluded)
		}
		pos := idx % k
		in := make([]fr.Element, 0, k)
		in = append(in, sib[:pos]...)
		in = append(in, node)
		in = append(in, sib[pos:]...)
		// A real node's first child is a hash output, never the leaf tag: a
		// "node" whose first input is the tag is a leaf preimage, and a path
		// through it would present a leaf as a node.
		if in[0].Equal(&leafTag) {
			return fmt.Errorf("level %d: the node's first input is the leaf tag: %w", l, ErrNotIncluded)
		}
		n, err := hashing.Compress(k, in...)
		if err != nil {
			return err
		}
		node = n
		idx /= k
	}
	if !node.Equal(&root) {
		return ErrNotIncluded
	}
	return nil
}

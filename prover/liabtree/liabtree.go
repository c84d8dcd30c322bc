// Package liabtree builds the liabilities tree natively: user hashes, leaves,
// the 4-ary Poseidon2 tree, and per-user inclusion paths. It is the twin of the
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
// asset order): the compression of the user hash and the balances packed three
// per field element. An empty leaf is Leaf(0, zeros).
func Leaf(userHash fr.Element, balances []uint64) (fr.Element, error) {
	width, err := poseidon.WidthFor(solvency.LeafInputs(len(balances)))
	if err != nil {
		return fr.Element{}, err
	}
	in := []fr.Element{userHash}
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

// Tree is a full 4-ary tree; Levels[0] are the leaves, the last level the root.
type Tree struct {
	Levels [][]fr.Element
}

// Build hashes the tree over leaves; len(leaves) must be a power of 4.
func Build(leaves []fr.Element) (*Tree, error) {
	if _, err := merkle.Depth(len(leaves)); err != nil {
		return nil, err
	}
	t := &Tree{Levels: [][]fr.Element{append([]fr.Element(nil), leaves...)}}
	for level := t.Levels[0]; len(level) > 1; {
		next := make([]fr.Element, len(level)/merkle.Arity)
		for i := range next {
			n, err := hashing.Compress(merkle.Arity, level[merkle.Arity*i:merkle.Arity*i+merkle.Arity]...)
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

// Depth returns the number of levels above the leaves.
func (t *Tree) Depth() int { return len(t.Levels) - 1 }

// Path is an inclusion path: at each level from the leaves up, the three
// siblings of the node on the path, in order, skipping the node itself.
type Path struct {
	Index    int
	Siblings [][merkle.Arity - 1]fr.Element
}

// Path returns the inclusion path of leaf i.
func (t *Tree) Path(i int) (Path, error) {
	if i < 0 || i >= len(t.Levels[0]) {
		return Path{}, fmt.Errorf("leaf index %d out of range [0, %d)", i, len(t.Levels[0]))
	}
	p := Path{Index: i}
	idx := i
	for l := 0; l < t.Depth(); l++ {
		base := idx - idx%merkle.Arity
		var sib [merkle.Arity - 1]fr.Element
		k := 0
		for j := range merkle.Arity {
			if base+j != idx {
				sib[k] = t.Levels[l][base+j]
				k++
			}
		}
		p.Siblings = append(p.Siblings, sib)
		idx /= merkle.Arity
	}
	return p, nil
}

// Verify recomputes the root from a leaf and its path. depth is the tree depth
// the root was published with; a path of another length is refused, so an
// internal node can never pass for a leaf.
func Verify(leaf fr.Element, p Path, root fr.Element, depth int) error {
	if len(p.Siblings) != depth {
		return fmt.Errorf("path has %d levels, the tree has %d: %w", len(p.Siblings), depth, ErrNotIncluded)
	}
	capacity := 1
	for range depth {
		capacity *= merkle.Arity
	}
	if p.Index < 0 || p.Index >= capacity {
		return fmt.Errorf("leaf index %d out of range [0, %d): %w", p.Index, capacity, ErrNotIncluded)
	}
	node := leaf
	idx := p.Index
	for _, sib := range p.Siblings {
		pos := idx % merkle.Arity
		var in [merkle.Arity]fr.Element
		k := 0
		for j := range merkle.Arity {
			if j == pos {
				in[j] = node
			} else {
				in[j] = sib[k]
				k++
			}
		}
		n, err := hashing.Compress(merkle.Arity, in[:]...)
		if err != nil {
			return err
		}
		node = n
		idx /= merkle.Arity
	}
	if !node.Equal(&root) {
		return ErrNotIncluded
	}
	return nil
}

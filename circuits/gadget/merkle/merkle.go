// Package merkle computes, inside a circuit, the root of a full Merkle tree whose
// nodes are the Poseidon2 compression of their children, with the widest nodes
// the capacity allows: a capacity of 2^m leaves has ⌊m/3⌋ levels of 8-ary nodes
// from the leaves up, then one 2-ary or 4-ary level for the rest (Arities).
//
// The whole tree is in the circuit, so every leaf of its capacity is hashed and
// no node needs to carry a sum: totals are computed from the leaves themselves.
// An 8-ary node costs one width-8 permutation (~363 R1CS constraints) for 7 new
// nodes' worth of leaves, about 52 constraints per leaf over the whole tree,
// against ~88 for a 4-ary tree and ~186 for a binary one.
//
// Leaves and nodes are domain-separated. A leaf is C_t(TagLeaf, userHash,
// packed balances...) (poseidon.TagLeaf, circuits/solvency); a node is C_k of
// its children, each a Poseidon output. When t = k (8 for 7 to 18 assets, 4 for
// 4 to 6 under a 4-ary top level) a node equal to some leaf would need a first
// child equal to the small constant TagLeaf, which is a Poseidon2 preimage: a
// node can never be passed off as a leaf. The converse, a real leaf presented
// as a node by a path one level longer whose first sibling is the tag, is what
// the native verifier (prover/liabtree.Verify) refuses by rejecting any node
// whose first input is the tag; and verifiers take the tree's capacity, hence
// the path's length, from the proof, never from whoever hands over the path.
// Inside the circuit the whole tree is built from the leaves up, so neither
// can arise there.
package merkle

import (
	"fmt"
	"math/bits"

	"github.com/consensys/gnark/frontend"

	"github.com/zktreasury/zktreasury/circuits/gadget/poseidon"
)

// Arities returns the arity of each level, from the leaves up, of a tree of n
// leaves; n must be a power of 2 (at least 2).
func Arities(n int) ([]int, error) {
	if n < 2 || n&(n-1) != 0 {
		return nil, fmt.Errorf("tree capacity %d is not a power of 2 (at least 2)", n)
	}
	m := bits.TrailingZeros(uint(n))
	var out []int
	for range m / 3 {
		out = append(out, 8)
	}
	switch m % 3 {
	case 1:
		out = append(out, 2)
	case 2:
		out = append(out, 4)
	}
	return out, nil
}

// Root returns the root of the tree over leaves (len a power of 2).
func Root(api frontend.API, leaves []frontend.Variable) (frontend.Variable, error) {
	arities, err := Arities(len(leaves))
	if err != nil {
		return nil, err
	}
	compressors := map[int]*poseidon.Compressor{}
	level := leaves
	for _, k := range arities {
		c, ok := compressors[k]
		if !ok {
			if c, err = poseidon.NewCompressor(api, k); err != nil {
				return nil, err
			}
			compressors[k] = c
		}
		next := make([]frontend.Variable, len(level)/k)
		for i := range next {
			next[i] = c.Compress(level[k*i : k*i+k]...)
		}
		level = next
	}
	return level[0], nil
}

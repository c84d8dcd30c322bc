// Package merkle computes, inside a circuit, the root of a full 4-ary Merkle tree
// whose nodes are the width-4 Poseidon2 compression of their four children.
//
// The whole tree is in the circuit, so every leaf of its capacity is hashed and
// no node needs to carry a sum: totals are computed from the leaves themselves.
// Trees have a fixed depth set by their capacity, so a leaf can never be passed
// off as an internal node.
package merkle

import (
	"fmt"

	"github.com/consensys/gnark/frontend"

	"github.com/zktreasury/zktreasury/circuits/gadget/poseidon"
)

// Arity is the number of children of each node.
const Arity = 4

// Depth returns d such that Arity^d == n, or an error if n is not a power of 4.
func Depth(n int) (int, error) {
	d := 0
	for c := 1; c < n; c *= Arity {
		d++
	}
	if n < 1 || pow(d) != n {
		return 0, fmt.Errorf("tree capacity %d is not a power of %d", n, Arity)
	}
	return d, nil
}

func pow(d int) int {
	n := 1
	for range d {
		n *= Arity
	}
	return n
}

// Root returns the root of the tree over leaves (len a power of 4).
func Root(api frontend.API, leaves []frontend.Variable) (frontend.Variable, error) {
	if _, err := Depth(len(leaves)); err != nil {
		return nil, err
	}
	c, err := poseidon.NewCompressor(api, Arity)
	if err != nil {
		return nil, err
	}
	level := leaves
	for len(level) > 1 {
		next := make([]frontend.Variable, len(level)/Arity)
		for i := range next {
			next[i] = c.Compress(level[Arity*i : Arity*i+Arity]...)
		}
		level = next
	}
	return level[0], nil
}

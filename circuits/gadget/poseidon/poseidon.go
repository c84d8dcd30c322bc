// Package poseidon provides the in-circuit Poseidon2 hashes zktreasury commits
// with: a fixed-width compression function for tree nodes and leaves, and a
// Merkle–Damgård hash with a domain tag for variable-length commitments.
//
// Compression of t elements is the Poseidon2 "compression mode" with feed-forward
// on the last lane: C_t(x) = P_t(x)[t-1] + x[t-1]. For t = 2 this is exactly
// gnark's Permutation.Compress. Widths 4, 8, 12 and 16 use the reference
// (HorizenLabs) BN254 instances shipped by gnark-crypto: 8 full rounds and 56
// (t = 4) or 57 partial rounds; t = 2 uses gnark-crypto's default 6 + 50; t = 3
// uses the Poseidon2 paper's BN254 round numbers (8 full, 56 partial) with
// gnark-crypto's round constants derived from the parameters' name.
// The native twins live in prover/hashing and are tested against these.
package poseidon

import (
	"fmt"

	"github.com/consensys/gnark/frontend"
	stdhash "github.com/consensys/gnark/std/hash"
	"github.com/consensys/gnark/std/permutation/poseidon2"
)

// Widths lists the permutation widths available for compression.
var Widths = []int{2, 3, 4, 8, 12, 16}

// Rounds returns the (full, partial) round numbers used for width t.
func Rounds(t int) (full, partial int, err error) {
	switch t {
	case 2:
		return 6, 50, nil
	case 3, 4:
		return 8, 56, nil
	case 8, 12, 16:
		return 8, 57, nil
	}
	return 0, 0, fmt.Errorf("poseidon2 width %d not supported (have %v)", t, Widths)
}

// WidthFor returns the smallest supported width that holds n inputs.
func WidthFor(n int) (int, error) {
	for _, w := range Widths {
		if n <= w {
			return w, nil
		}
	}
	return 0, fmt.Errorf("%d inputs exceed the widest compression (%d)", n, Widths[len(Widths)-1])
}

// Compressor compresses exactly Width field elements into one.
type Compressor struct {
	api   frontend.API
	perm  *poseidon2.Permutation
	width int
}

// NewCompressor returns a compressor of the given width.
func NewCompressor(api frontend.API, width int) (*Compressor, error) {
	rf, rp, err := Rounds(width)
	if err != nil {
		return nil, err
	}
	var perm *poseidon2.Permutation
	if width == 2 {
		perm, err = poseidon2.NewPoseidon2(api)
	} else {
		perm, err = poseidon2.NewPoseidon2FromParameters(api, width, rf, rp)
	}
	if err != nil {
		return nil, fmt.Errorf("poseidon2 width %d: %w", width, err)
	}
	return &Compressor{api: api, perm: perm, width: width}, nil
}

// Width returns the number of inputs Compress takes.
func (c *Compressor) Width() int { return c.width }

// Compress returns C_t(in); fewer than Width inputs are padded with zeros.
func (c *Compressor) Compress(in ...frontend.Variable) frontend.Variable {
	if len(in) > c.width {
		panic(fmt.Sprintf("poseidon: %d inputs for width %d", len(in), c.width))
	}
	x := make([]frontend.Variable, c.width)
	for i := range x {
		if i < len(in) {
			x[i] = in[i]
		} else {
			x[i] = 0
		}
	}
	last := x[c.width-1]
	if err := c.perm.Permutation(x); err != nil {
		panic(err) // width checked in NewCompressor
	}
	return c.api.Add(x[c.width-1], last)
}

// Hasher is a Merkle–Damgård Poseidon2 hash (gnark's std construction, width 2,
// IV 0) whose first absorbed element is a domain tag.
type Hasher struct {
	h stdhash.StateStorer
}

// NewHasher returns a hasher that has absorbed the domain tag.
func NewHasher(api frontend.API, tag uint64) (*Hasher, error) {
	perm, err := poseidon2.NewPoseidon2(api)
	if err != nil {
		return nil, err
	}
	h := stdhash.NewMerkleDamgardHasher(api, perm, 0)
	h.Write(tag)
	return &Hasher{h: h}, nil
}

// Write absorbs field elements.
func (h *Hasher) Write(v ...frontend.Variable) { h.h.Write(v...) }

// Sum returns the digest of everything absorbed.
func (h *Hasher) Sum() frontend.Variable { return h.h.Sum() }

// Domain tags separate the commitments from each other. They are part of the
// commitment format: changing one changes every commitment.
const (
	TagState   uint64 = 0x7a6b7401 // state commitment: salt, positions
	TagPolicy  uint64 = 0x7a6b7402 // policy commitment: integer parameters
	TagUser    uint64 = 0x7a6b7403 // user hash: user id, salt
	TagSalt    uint64 = 0x7a6b7404 // user salt derivation: key, user id
	TagActions uint64 = 0x7a6b7405 // actions hash chain
	// TagLeaf is the first input of every liabilities-tree leaf compression,
	// C_t(TagLeaf, userHash, packed balances...). Internal nodes compress their
	// children, which are Poseidon outputs: a node equal to a leaf of the same
	// width would need a child equal to this small constant, a Poseidon2
	// preimage. So no node can pass for a leaf, nor a leaf for a node.
	TagLeaf uint64 = 0x7a6b7406
)

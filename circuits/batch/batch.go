// Package batch is one batch of the liabilities tree as a gnark circuit over
// BLS12-377: K consecutive leaves, their binary Poseidon2 subtree and their
// per-asset totals. A ledger of any size is cut into such batches, proven
// independently (in parallel, on any number of machines), and joined by the
// aggregation circuit (circuits/aggregate, over BW6-761), which verifies every
// batch proof natively thanks to the BLS12-377 → BW6-761 2-chain.
//
// The batch statement: the K leaves hash to Root, each balance is in
// [0, 2^64), and Totals[a] is the sum of the batch's balances of asset a. The
// public inputs are, in this order, Epoch, Index, Root, Totals[0..A-1]; the
// aggregator binds Epoch to the epoch and Index to the batch's slot, so a batch
// proof can be neither reused at another position nor taken from another epoch.
// Batch proofs are internal artefacts of the operator and are never published:
// the totals are public inputs of a batch proof but private in the joined one.
//
// Hashing is Poseidon2 of width 2 over BLS12-377 with gnark-crypto's default
// parameters: compression C(x, y) = P(x, y)[1] + y. A leaf is the chain
// s = userHash, s = C(s, p_j) over the balances packed three per element (as
// circuits/solvency packs them) with the leaf tag in the last element's high
// bits (Leaf); a node is C(left, right). With
// Hash = GKR the same compressions are proven by gnark's GKR Poseidon2, which
// costs a fraction of a direct permutation once a circuit holds ~2^15 of them.
// prover/batch is the native twin.
package batch

import (
	"fmt"
	"math/big"
	"math/bits"

	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/std/hash"
	"github.com/consensys/gnark/std/permutation/poseidon2"
	gkrposeidon2 "github.com/consensys/gnark/std/permutation/poseidon2/gkr-poseidon2"

	"github.com/zktreasury/zktreasury/circuits/gadget/bound"
	"github.com/zktreasury/zktreasury/circuits/gadget/poseidon"
	"github.com/zktreasury/zktreasury/circuits/solvency"
)

// HashMode selects how the Poseidon2 compressions are proven.
type HashMode int

const (
	// Direct proves every permutation with its own constraints.
	Direct HashMode = iota
	// GKR proves all compressions at once with gnark's GKR Poseidon2 (adds a
	// BSB22 commitment to the proof).
	GKR
)

// HashModes lists the mode names, in HashMode order.
var HashModes = []string{"direct", "gkr"}

func (m HashMode) String() string {
	if int(m) < len(HashModes) {
		return HashModes[m]
	}
	return fmt.Sprintf("HashMode(%d)", int(m))
}

// ParseHashMode parses a hash mode name.
func ParseHashMode(s string) (HashMode, error) {
	for i, n := range HashModes {
		if s == n {
			return HashMode(i), nil
		}
	}
	return 0, fmt.Errorf("hash mode %q: want one of %v", s, HashModes)
}

// MaxUsers is the largest batch capacity; totals are bounded with it.
const MaxUsers = 1 << 20

// Params size a batch circuit.
type Params struct {
	// Users is the batch capacity K, a power of 2 (at least 2).
	Users int
	// Assets is the number of balances per leaf.
	Assets int
	// Hash selects how compressions are proven.
	Hash HashMode
	// RangeCheck selects the range-check strategy (Bits adds no commitment).
	RangeCheck bound.Mode
}

// Validate checks the parameters.
func (p Params) Validate() error {
	if p.Users < 2 || p.Users&(p.Users-1) != 0 || p.Users > MaxUsers {
		return fmt.Errorf("batch params: capacity %d is not a power of 2 in [2, %d]", p.Users, MaxUsers)
	}
	if p.Assets < 1 || p.Assets > solvency.MaxAssets {
		return fmt.Errorf("batch params: %d assets, want 1..%d", p.Assets, solvency.MaxAssets)
	}
	if p.Hash != Direct && p.Hash != GKR {
		return fmt.Errorf("batch params: unknown hash mode %d", p.Hash)
	}
	if p.RangeCheck != bound.Lookup && p.RangeCheck != bound.Bits {
		return fmt.Errorf("batch params: unknown range-check mode %d", p.RangeCheck)
	}
	return nil
}

// String names the parameters, e.g. "k4096-a4-direct-bits".
func (p Params) String() string {
	return fmt.Sprintf("k%d-a%d-%s-%s", p.Users, p.Assets, p.Hash, p.RangeCheck)
}

// PublicInputs is the number of public inputs: Epoch, Index, Root and one total
// per asset.
func PublicInputs(nAssets int) int { return 3 + nAssets }

// TotalBits bounds a batch total: K balances below 2^64.
func (p Params) TotalBits() int {
	return solvency.AmountBits + bits.Len(uint(p.Users-1))
}

// Circuit is one batch of the liabilities tree.
type Circuit struct {
	// public, in this order (the aggregator depends on it)
	Epoch  frontend.Variable   `gnark:",public"`
	Index  frontend.Variable   `gnark:",public"`
	Root   frontend.Variable   `gnark:",public"`
	Totals []frontend.Variable `gnark:",public"`

	// private
	// UserHashes[i] is leaf i's user hash; zero for an empty leaf.
	UserHashes []frontend.Variable
	// Balances is indexed [user][asset], circuit-scale units.
	Balances [][]frontend.Variable

	// Params fixes the shape; it is not part of the witness.
	Params Params `gnark:"-"`
}

// NewCircuit returns a circuit with every slice sized for p.
func NewCircuit(p Params) (*Circuit, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	c := &Circuit{
		Totals:     make([]frontend.Variable, p.Assets),
		UserHashes: make([]frontend.Variable, p.Users),
		Balances:   make([][]frontend.Variable, p.Users),
		Params:     p,
	}
	for i := range c.Balances {
		c.Balances[i] = make([]frontend.Variable, p.Assets)
	}
	return c, nil
}

// Compressor returns the width-2 Poseidon2 compression of the mode.
func Compressor(api frontend.API, mode HashMode) (hash.Compressor, error) {
	switch mode {
	case Direct:
		return poseidon2.NewPoseidon2(api)
	case GKR:
		return gkrposeidon2.NewCompressor(api)
	}
	return nil, fmt.Errorf("unknown hash mode %d", mode)
}

// Define states the relation.
func (c *Circuit) Define(api frontend.API) error {
	p := c.Params
	if err := p.Validate(); err != nil {
		return err
	}
	rc := bound.New(api, p.RangeCheck)
	h, err := Compressor(api, p.Hash)
	if err != nil {
		return err
	}
	// Epoch and Index are range-checked so that both appear in a constraint and
	// are bound to the proof; the aggregator compares them.
	rc.Check(c.Epoch, solvency.EpochBits)
	rc.Check(c.Index, 32)

	totals := make([]frontend.Variable, p.Assets)
	for a := range totals {
		totals[a] = frontend.Variable(0)
	}
	level := make([]frontend.Variable, p.Users)
	for i := range p.Users {
		for a, b := range c.Balances[i] {
			// The packing in Leaf is injective because of this check.
			rc.Check(b, solvency.AmountBits)
			totals[a] = api.Add(totals[a], b)
		}
		level[i] = Leaf(api, h, c.UserHashes[i], c.Balances[i])
	}
	for len(level) > 1 {
		next := make([]frontend.Variable, len(level)/2)
		for i := range next {
			next[i] = h.Compress(level[2*i], level[2*i+1])
		}
		level = next
	}
	api.AssertIsEqual(level[0], c.Root)
	// (not a range loop: with the assertion deleted, as the constraint-mutants
	// tool does, the loop must still compile)
	for a := 0; a < len(totals); a++ {
		api.AssertIsEqual(totals[a], c.Totals[a])
	}
	return nil
}

// TagShift is the bit position of the leaf tag inside a leaf's last packed
// element: above the three 64-bit balances an element packs.
const TagShift = solvency.PackPerElement * solvency.AmountBits

// LeafTag is the constant a leaf of nAssets balances adds to its last packed
// element: (TagLeaf + nAssets·2^32)·2^TagShift, below 2^230. The asset count
// keeps leaves of different widths apart: the leaf chain continues the user
// hash's chain, so without it a leaf of six balances whose first three pack
// a salt would be a leaf of three under another user hash.
func LeafTag(nAssets int) *big.Int {
	t := new(big.Int).Lsh(big.NewInt(int64(nAssets)), 32)
	t.Add(t, new(big.Int).SetUint64(poseidon.TagLeaf))
	return t.Lsh(t, TagShift)
}

// Leaf returns a leaf: the balances packed three per element (lowest asset in
// the lowest bits), LeafTag added to the last element, and the
// chain s = userHash, s = C(s, p_j) over the elements, so a leaf of up to three
// assets is one compression and one of four to six is two. The caller
// range-checks each balance to 64 bits, which makes the packing injective
// (each element is below 2^230 < r).
func Leaf(api frontend.API, h hash.Compressor, userHash frontend.Variable, balances []frontend.Variable) frontend.Variable {
	s := userHash
	for j := 0; j < len(balances); j += solvency.PackPerElement {
		packed := balances[j]
		for k := j + 1; k < j+solvency.PackPerElement && k < len(balances); k++ {
			packed = api.Add(packed, api.Mul(balances[k], new(big.Int).Lsh(big.NewInt(1), uint(solvency.AmountBits*(k-j)))))
		}
		if j+solvency.PackPerElement >= len(balances) {
			packed = api.Add(packed, LeafTag(len(balances)))
		}
		s = h.Compress(s, packed)
	}
	return s
}

// Package solvency is the solvency statement of zktreasury as a gnark circuit.
package solvency

import (
	"fmt"
	"math/big"
	"math/bits"

	"github.com/consensys/gnark/frontend"

	"github.com/zktreasury/zktreasury/circuits/gadget/bound"
	"github.com/zktreasury/zktreasury/circuits/gadget/merkle"
	"github.com/zktreasury/zktreasury/circuits/gadget/poseidon"
	"github.com/zktreasury/zktreasury/circuits/policy"
)

// Bit widths of the circuit's inputs.
const (
	AmountBits  = 64 // balances and positions, circuit-scale units
	PriceBits   = 64 // value units per circuit-scale unit
	HaircutBits = 14 // haircuts are at most 10000 bps < 2^14
	RatioBits   = 32 // the minimum solvency ratio in bps
	EpochBits   = 64
	// PackPerElement balances are packed into one field element of a leaf
	// (3 × 64 = 192 bits < 254), which is injective because each is range-checked.
	PackPerElement = 3
	// MaxAssets is the largest asset count whose leaf (tag, user hash, 14
	// packed elements) fits the widest compression.
	MaxAssets = 42
	// MaxUsers is the largest tree capacity; sums are bounded with it.
	MaxUsers = 1 << 24
)

// Params size a solvency circuit.
type Params struct {
	// Users is the liabilities tree capacity: a power of 4. Every leaf of the
	// capacity is in the proof; empty ones are all-zero.
	Users int
	// Assets and Venues shape the positions grid and the policy.
	Assets int
	Venues int
	// RangeCheck selects the range-check strategy.
	RangeCheck bound.Mode
}

// Validate checks the parameters.
func (p Params) Validate() error {
	if _, err := merkle.Arities(p.Users); err != nil {
		return fmt.Errorf("solvency params: %w", err)
	}
	if bits.TrailingZeros(uint(p.Users))%2 != 0 {
		return fmt.Errorf("solvency params: tree capacity %d is not a power of 4", p.Users)
	}
	if p.Users > MaxUsers {
		return fmt.Errorf("solvency params: %d users exceed %d", p.Users, MaxUsers)
	}
	if p.Assets < 1 || p.Assets > MaxAssets {
		return fmt.Errorf("solvency params: %d assets, want 1..%d", p.Assets, MaxAssets)
	}
	if p.Venues < 1 {
		return fmt.Errorf("solvency params: %d venues, want at least 1", p.Venues)
	}
	if p.RangeCheck != bound.Lookup && p.RangeCheck != bound.Bits {
		return fmt.Errorf("solvency params: unknown range-check mode %d", p.RangeCheck)
	}
	return nil
}

// String names the parameters, e.g. "u1024-a4-v3-lookup".
func (p Params) String() string {
	return fmt.Sprintf("u%d-a%d-v%d-%s", p.Users, p.Assets, p.Venues, p.RangeCheck)
}

// LeafInputs is the number of field elements a leaf hashes: the leaf tag
// (poseidon.TagLeaf), the user hash and the packed balances.
func LeafInputs(nAssets int) int {
	return 2 + (nAssets+PackPerElement-1)/PackPerElement
}

// Circuit proves that committed reserves, valued at the public prices less the
// committed policy's haircuts, cover at least MinRatioBps/10000 of the
// liabilities summed over every leaf of the committed tree (and, where the policy
// asks, each asset on its own), with every balance in [0, 2^64).
type Circuit struct {
	// public
	StateCommitment  frontend.Variable   `gnark:",public"`
	LiabilitiesRoot  frontend.Variable   `gnark:",public"`
	PolicyCommitment frontend.Variable   `gnark:",public"`
	Epoch            frontend.Variable   `gnark:",public"`
	Prices           []frontend.Variable `gnark:",public"`

	// private
	StateSalt frontend.Variable
	// Positions is indexed [asset][venue], circuit-scale units.
	Positions [][]frontend.Variable
	Policy    policy.Vars
	// UserHashes[i] = H(userID, salt) of leaf i; zero for an empty leaf.
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
		Prices:     make([]frontend.Variable, p.Assets),
		Positions:  make([][]frontend.Variable, p.Assets),
		Policy:     policy.NewVars(p.Assets, p.Venues),
		UserHashes: make([]frontend.Variable, p.Users),
		Balances:   make([][]frontend.Variable, p.Users),
		Params:     p,
	}
	for a := range c.Positions {
		c.Positions[a] = make([]frontend.Variable, p.Venues)
	}
	for i := range c.Balances {
		c.Balances[i] = make([]frontend.Variable, p.Assets)
	}
	return c, nil
}

func log2Ceil(n int) int { return bits.Len(uint(n - 1)) }

// Define states the relation.
func (c *Circuit) Define(api frontend.API) error {
	return c.DefineWith(api, bound.New(api, c.Params.RangeCheck))
}

// DefineWith states the relation with a given range checker, so that a larger
// circuit (circuits/epoch) can share one checker, and one lookup table, between
// statements.
func (c *Circuit) DefineWith(api frontend.API, rc *bound.Checker) error {
	p := c.Params
	if err := p.Validate(); err != nil {
		return err
	}
	r := &Reserves{StateCommitment: c.StateCommitment, PolicyCommitment: c.PolicyCommitment, Epoch: c.Epoch,
		Prices: c.Prices, StateSalt: c.StateSalt, Positions: c.Positions, Policy: c.Policy}
	valued, err := r.Value(api, rc)
	if err != nil {
		return err
	}

	// Liabilities: every leaf of the capacity is hashed into the tree and summed.
	leafWidth, err := poseidon.WidthFor(LeafInputs(p.Assets))
	if err != nil {
		return err
	}
	lc, err := poseidon.NewCompressor(api, leafWidth)
	if err != nil {
		return err
	}
	totals := make([]frontend.Variable, p.Assets)
	for a := range totals {
		totals[a] = frontend.Variable(0)
	}
	leaves := make([]frontend.Variable, p.Users)
	for i := range p.Users {
		for k, b := range c.Balances[i] {
			// The packing in LeafHash is injective because of this check.
			rc.Check(b, AmountBits)
			totals[k] = api.Add(totals[k], b)
		}
		leaves[i] = LeafHash(api, lc, c.UserHashes[i], c.Balances[i])
	}
	root, err := merkle.Root(api, leaves)
	if err != nil {
		return err
	}
	api.AssertIsEqual(root, c.LiabilitiesRoot)

	// Totals are below 2^(64+log N).
	valued.AssertCovers(api, rc, totals, AmountBits+log2Ceil(p.Users))
	return nil
}

// Reserves is the reserves side of the solvency statement: the committed
// reserves state, valued at the public prices less the committed policy's
// haircuts. Circuits whose liabilities come from elsewhere (circuits/wrap, where
// they are a joined proof's totals) state solvency with it and AssertCovers.
type Reserves struct {
	StateCommitment  frontend.Variable
	PolicyCommitment frontend.Variable
	Epoch            frontend.Variable
	Prices           []frontend.Variable
	StateSalt        frontend.Variable
	// Positions is indexed [asset][venue], circuit-scale units.
	Positions [][]frontend.Variable
	Policy    policy.Vars
}

// Valued is the reserves of a Reserves once their commitments are checked:
// the haircut value and, per asset, the haircut amount.
type Valued struct {
	reserves frontend.Variable
	cover    []frontend.Variable
	prices   []frontend.Variable
	policy   *policy.Vars
	venues   int
}

// Value checks the policy and state commitments, bounds the prices, the epoch,
// the ratio, the haircuts and every position, and returns the reserves valued.
func (r *Reserves) Value(api frontend.API, rc *bound.Checker) (*Valued, error) {
	nAssets := len(r.Prices)
	if nAssets < 1 || len(r.Positions) != nAssets || len(r.Policy.Assets) != nAssets || len(r.Policy.HaircutBps) != nAssets {
		return nil, fmt.Errorf("solvency reserves: %d prices, %d position rows, %d policy assets, %d haircut rows",
			nAssets, len(r.Positions), len(r.Policy.Assets), len(r.Policy.HaircutBps))
	}
	nVenues := len(r.Positions[0])

	// Public inputs are bounded so products cannot wrap; the epoch is range-checked
	// so that it appears in a constraint and is bound to the proof.
	for _, pr := range r.Prices {
		rc.Check(pr, PriceBits)
	}
	rc.Check(r.Epoch, EpochBits)

	// The committed policy: the parameters used below are the ones committed to.
	pc, err := r.Policy.Commit(api)
	if err != nil {
		return nil, err
	}
	api.AssertIsEqual(pc, r.PolicyCommitment)
	// 10000 <= minRatioBps < 2^32: a ratio below 100% would call a deficit solvent.
	rc.Check(r.Policy.MinRatioBps, RatioBits)
	rc.Check(api.Sub(r.Policy.MinRatioBps, 10000), RatioBits)
	for a := range nAssets {
		api.AssertIsBoolean(r.Policy.Assets[a].Coverage)
	}

	// The committed reserves state.
	sh, err := poseidon.NewHasher(api, poseidon.TagState)
	if err != nil {
		return nil, err
	}
	sh.Write(r.StateSalt)
	for a := range nAssets {
		if len(r.Positions[a]) != nVenues || len(r.Policy.HaircutBps[a]) != nVenues {
			return nil, fmt.Errorf("solvency reserves: asset %d has %d positions and %d haircuts, want %d", a, len(r.Positions[a]), len(r.Policy.HaircutBps[a]), nVenues)
		}
		sh.Write(r.Positions[a]...)
	}
	api.AssertIsEqual(sh.Sum(), r.StateCommitment)

	// Reserves, haircut: R = sum_{a,v} x[a][v] * price[a] * (10000 - haircut[a][v]),
	// and per asset cover[a] = sum_v x[a][v] * (10000 - haircut[a][v]).
	v := &Valued{reserves: frontend.Variable(0), cover: make([]frontend.Variable, nAssets), prices: r.Prices, policy: &r.Policy, venues: nVenues}
	for a := range nAssets {
		v.cover[a] = frontend.Variable(0)
		for j := range nVenues {
			x := r.Positions[a][j]
			rc.Check(x, AmountBits)
			h := r.Policy.HaircutBps[a][j]
			keep := api.Sub(10000, h)
			// 0 <= haircut <= 10000: both h and 10000-h fit 14 bits.
			rc.Check(h, HaircutBits)
			rc.Check(keep, HaircutBits)
			kept := api.Mul(x, keep)
			v.cover[a] = api.Add(v.cover[a], kept)
			v.reserves = api.Add(v.reserves, api.Mul(kept, r.Prices[a]))
		}
	}
	return v, nil
}

// AssertCovers asserts that the reserves cover liabilities totals (one per
// asset, each below 2^totalBits, which the caller guarantees) at the policy's
// minimum ratio, and each asset on its own where the policy asks:
// sum_a total[a]·price[a]·ratio <= reserves, and coverage[a]·(cover[a] -
// total[a]·ratio) >= 0.
func (v *Valued) AssertCovers(api frontend.API, rc *bound.Checker, totals []frontend.Variable, totalBits int) {
	nAssets := len(v.prices)
	// The liabilities value is below 2^(totalBits+64+log A).
	liabValue := frontend.Variable(0)
	for a := range nAssets {
		liabValue = api.Add(liabValue, api.Mul(totals[a], v.prices[a]))
	}
	need := api.Mul(liabValue, v.policy.MinRatioBps)
	needBits := totalBits + PriceBits + log2Ceil(nAssets) + RatioBits
	haveBits := AmountBits + PriceBits + HaircutBits + log2Ceil(nAssets*v.venues)
	rc.AssertLE(need, v.reserves, max(needBits, haveBits)+1)

	// Per-asset coverage where the policy asks: coverage * (cover - total*ratio) >= 0.
	covBits := max(AmountBits+HaircutBits+log2Ceil(v.venues), totalBits+RatioBits) + 1
	for a := range nAssets {
		diff := api.Sub(v.cover[a], api.Mul(totals[a], v.policy.MinRatioBps))
		rc.Check(api.Mul(v.policy.Assets[a].Coverage, diff), covBits)
	}
}

// LeafHash returns a liabilities-tree leaf, C_t(TagLeaf, userHash, packed
// balances...), with the balances packed PackPerElement per field element
// (lowest asset in the lowest bits); lc must have width
// poseidon.WidthFor(LeafInputs(len(balances))). The caller range-checks each
// balance to AmountBits, which makes the packing injective. The tag separates
// leaves from internal nodes (see poseidon.TagLeaf); prover/liabtree.Leaf is
// the native twin.
func LeafHash(api frontend.API, lc *poseidon.Compressor, userHash frontend.Variable, balances []frontend.Variable) frontend.Variable {
	in := []frontend.Variable{poseidon.TagLeaf, userHash}
	for j := 0; j < len(balances); j += PackPerElement {
		packed := balances[j]
		for k := j + 1; k < j+PackPerElement && k < len(balances); k++ {
			packed = api.Add(packed, api.Mul(balances[k], shift(AmountBits*(k-j))))
		}
		in = append(in, packed)
	}
	return lc.Compress(in...)
}

// shift returns 2^n as a circuit constant.
func shift(n int) frontend.Variable {
	return new(big.Int).Lsh(big.NewInt(1), uint(n))
}

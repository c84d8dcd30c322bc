// Package epoch is the whole statement of one epoch in a single circuit: the
// compliance statement (S(n-1) -> S(n) by the committed actions, inside the
// corridors) and the solvency statement on S(n), sharing their public inputs.
//
// It exists for on-chain cost: one Groth16 verification (about 180k gas of
// pairings) instead of two, and with bit-decomposition range checks no BSB22
// commitment (about 120k gas more). The two halves share one range checker and
// the very variables of S(n), so they cannot disagree about the state.
package epoch

import (
	"fmt"

	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/std/math/bits"

	"github.com/zktreasury/zktreasury/circuits/compliance"
	"github.com/zktreasury/zktreasury/circuits/gadget/bound"
	"github.com/zktreasury/zktreasury/circuits/gadget/sha256"
	"github.com/zktreasury/zktreasury/circuits/policy"
	"github.com/zktreasury/zktreasury/circuits/solvency"
)

// Params size an epoch circuit.
type Params struct {
	Users, Actions, Assets, Venues int
	RangeCheck                     bound.Mode
}

func (p Params) solvency() solvency.Params {
	return solvency.Params{Users: p.Users, Assets: p.Assets, Venues: p.Venues, RangeCheck: p.RangeCheck}
}

func (p Params) compliance() compliance.Params {
	return compliance.Params{Actions: p.Actions, Assets: p.Assets, Venues: p.Venues, RangeCheck: p.RangeCheck}
}

// Validate checks the parameters.
func (p Params) Validate() error {
	if err := p.solvency().Validate(); err != nil {
		return err
	}
	return p.compliance().Validate()
}

// String names the parameters, e.g. "u16-k4-a3-v3-bits".
func (p Params) String() string {
	return fmt.Sprintf("u%d-k%d-a%d-v%d-%s", p.Users, p.Actions, p.Assets, p.Venues, p.RangeCheck)
}

// Circuit proves, for one epoch [StartTime, EndTime), that the committed
// actions, each of the shape of its kind, took S(n-1) to S(n) inside the
// committed policy's corridors with Inflows and Outflows as the only value
// crossing the treasury's boundary, and that S(n), valued at Prices less
// haircuts, covers the liabilities under LiabilitiesRoot at the policy's ratio.
//
// Its one public input is PublicHash, the hash of the statement's values
// (the fields tagged zkt:"hashed", in field order): SHA-256 of their encoding
// (see EncodingBytes) read as a big-endian integer with its top 3 bits
// cleared, i.e. mod 2^253, which is below the BN254 scalar field. One public
// input costs a Groth16 verifier one ecMul/ecAdd pair instead of 9 + 3A. The
// hashed values are private witnesses constrained exactly as before, and the
// encoding range-checks each to its width (field elements to their canonical
// encoding). prover/statement/epochhash is the native twin.
type Circuit struct {
	// The single public input.
	PublicHash frontend.Variable `gnark:",public"`

	// hashed: the statement's values, bound through PublicHash.
	PolicyCommitment    frontend.Variable   `zkt:"hashed"`
	PrevStateCommitment frontend.Variable   `zkt:"hashed"`
	NewStateCommitment  frontend.Variable   `zkt:"hashed"`
	LiabilitiesRoot     frontend.Variable   `zkt:"hashed"`
	ActionsCommitment   frontend.Variable   `zkt:"hashed"`
	ActionCount         frontend.Variable   `zkt:"hashed"`
	Epoch               frontend.Variable   `zkt:"hashed"`
	StartTime           frontend.Variable   `zkt:"hashed"`
	EndTime             frontend.Variable   `zkt:"hashed"`
	Prices              []frontend.Variable `zkt:"hashed"`
	Inflows             []frontend.Variable `zkt:"hashed"`
	Outflows            []frontend.Variable `zkt:"hashed"`

	// private
	Policy      policy.Vars
	PrevSalt    frontend.Variable
	NewSalt     frontend.Variable
	ActionsSalt frontend.Variable
	// Positions are S(n-1), indexed [asset][venue].
	Positions  [][]frontend.Variable
	Actions    []compliance.Action
	UserHashes []frontend.Variable
	Balances   [][]frontend.Variable

	// Params fixes the shape; it is not part of the witness.
	Params Params `gnark:"-"`
}

// Encoding widths of the hashed values, in bytes: the five commitments and
// roots are field elements (32 bytes, big-endian, canonical: below the BN254
// scalar field), the count, epoch and times uint64 (8 bytes), and per asset the
// price, the inflow and the outflow uint64 (8 bytes), all prices first, then
// all inflows, then all outflows. The encoding of A assets is 192 + 24A bytes.
const (
	FieldBytes = 32
	IntBytes   = 8
	// HashBits is the width of PublicHash: SHA-256 mod 2^253.
	HashBits = 253
)

// EncodingBytes is the length of the hashed encoding for a number of assets.
func EncodingBytes(assets int) int { return 5*FieldBytes + 4*IntBytes + 3*assets*IntBytes }

// NewCircuit returns a circuit with every slice sized for p.
func NewCircuit(p Params) (*Circuit, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	comp, _ := compliance.NewCircuit(p.compliance())
	solv, _ := solvency.NewCircuit(p.solvency())
	return &Circuit{
		Prices: comp.Prices, Inflows: comp.Inflows, Outflows: comp.Outflows, Policy: comp.Policy, Positions: comp.Positions, Actions: comp.Actions,
		UserHashes: solv.UserHashes, Balances: solv.Balances, Params: p,
	}, nil
}

// Define states the relation.
func (c *Circuit) Define(api frontend.API) error {
	if err := c.Params.Validate(); err != nil {
		return err
	}
	rc := bound.New(api, c.Params.RangeCheck)
	comp := &compliance.Circuit{
		PolicyCommitment: c.PolicyCommitment, PrevStateCommitment: c.PrevStateCommitment,
		NewStateCommitment: c.NewStateCommitment, ActionsCommitment: c.ActionsCommitment,
		ActionCount: c.ActionCount, Epoch: c.Epoch, StartTime: c.StartTime, EndTime: c.EndTime,
		Prices: c.Prices, Inflows: c.Inflows, Outflows: c.Outflows,
		Policy: c.Policy, PrevSalt: c.PrevSalt, NewSalt: c.NewSalt, ActionsSalt: c.ActionsSalt,
		Positions: c.Positions, Actions: c.Actions, Params: c.Params.compliance(),
	}
	next, err := comp.DefineWith(api, rc)
	if err != nil {
		return err
	}
	if err := AssertPublicHash(api, c.PublicHash, c.hashed(), c.Params.Assets); err != nil {
		return err
	}
	solv := &solvency.Circuit{
		StateCommitment: c.NewStateCommitment, LiabilitiesRoot: c.LiabilitiesRoot,
		PolicyCommitment: c.PolicyCommitment, Epoch: c.Epoch, Prices: c.Prices,
		StateSalt: c.NewSalt, Positions: next, Policy: c.Policy,
		UserHashes: c.UserHashes, Balances: c.Balances, Params: c.Params.solvency(),
	}
	return solv.DefineWith(api, rc)
}

// Hashed are the values an epoch statement's PublicHash binds, in encoding
// order. circuits/wrap, the epoch statement of a batched epoch, hashes the same
// values, so the registry checks both with one function.
type Hashed struct {
	// Fields are the policy, previous and new state commitments, the
	// liabilities root and the actions commitment: field elements.
	Fields [5]frontend.Variable
	// Ints are the action count, epoch, start and end times, then the prices,
	// inflows and outflows: uint64s.
	Ints []frontend.Variable
}

// NewHashed returns the hashed values in encoding order: the five field
// elements (policy, previous state, new state, liabilities root, actions),
// then the action count, epoch, start and end times, then per asset the
// prices, the inflows and the outflows.
func NewHashed(fields [5]frontend.Variable, count, epoch, start, end frontend.Variable, prices, inflows, outflows []frontend.Variable) Hashed {
	h := Hashed{Fields: fields, Ints: []frontend.Variable{count, epoch, start, end}}
	h.Ints = append(h.Ints, prices...)
	h.Ints = append(h.Ints, inflows...)
	h.Ints = append(h.Ints, outflows...)
	return h
}

func (c *Circuit) hashed() Hashed {
	return NewHashed([5]frontend.Variable{c.PolicyCommitment, c.PrevStateCommitment, c.NewStateCommitment, c.LiabilitiesRoot, c.ActionsCommitment},
		c.ActionCount, c.Epoch, c.StartTime, c.EndTime, c.Prices, c.Inflows, c.Outflows)
}

// AssertPublicHash asserts publicHash == SHA-256(encoding of h) mod 2^253 for a
// statement of nAssets assets. Building the encoding range-checks every value:
// a field element is decomposed into its 254 bits with the canonical (< r)
// check, an integer into 64 bits.
func AssertPublicHash(api frontend.API, publicHash frontend.Variable, h Hashed, nAssets int) error {
	var msg []frontend.Variable
	// be appends n bits of a little-endian decomposition, most significant
	// first, zero above its length.
	be := func(le []frontend.Variable, n int) {
		for i := n - 1; i >= 0; i-- {
			if i < len(le) {
				msg = append(msg, le[i])
			} else {
				msg = append(msg, 0)
			}
		}
	}
	for _, x := range h.Fields {
		// All 254 bits of the field: ToBinary then checks they are x's canonical encoding.
		be(bits.ToBinary(api, x, bits.WithNbDigits(api.Compiler().FieldBitLen())), 8*FieldBytes)
	}
	for _, x := range h.Ints {
		be(api.ToBinary(x, 8*IntBytes), 8*IntBytes)
	}
	if len(msg) != 8*EncodingBytes(nAssets) {
		return fmt.Errorf("epoch: encoding of %d bits, want %d", len(msg), 8*EncodingBytes(nAssets))
	}
	digest, err := sha256.Sum(api, msg)
	if err != nil {
		return err
	}
	// digest[0] is the most significant bit; drop the top 256 - HashBits.
	var hv frontend.Variable = 0
	for _, b := range digest[256-HashBits:] {
		hv = api.Add(api.Mul(hv, 2), b)
	}
	api.AssertIsEqual(hv, publicHash)
	return nil
}

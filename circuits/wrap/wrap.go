// Package wrap is the on-chain statement of a batched epoch: the epoch
// statement of circuits/epoch with its liabilities taken from a joined proof
// (circuits/aggregate, Groth16 over BW6-761) verified inside this BN254 circuit,
// so the registry verifies a batched epoch of any number of users with one
// BN254 Groth16 proof and one public input, through the same public-hash check
// as an unbatched epoch.
//
// The statement: the committed actions took S(n-1) to S(n) inside the committed
// corridors (circuits/compliance, unchanged); the joined proof verifies under
// the aggregation verifying key fixed in the circuit, for the public inputs
// (Epoch, JoinedRoot, Totals) built here from this statement's own Epoch and
// Totals; S(n), valued at the public prices less the committed haircuts,
// covers Totals at the committed minimum ratio (and each asset on its own where
// the policy asks: circuits/solvency, Reserves and AssertCovers); and the
// hashed LiabilitiesRoot is the registry form of the 377-bit joined root,
// SHA-256 of its 48-byte big-endian canonical encoding and one byte of
// log2(Users), mod 2^253 (RootDigest in prover/batch is the native twin).
//
// Totals are native variables decomposed into TotalBits(Users) bits, so each is
// the exact integer total the joined proof states (those are sums of at most
// Users balances below 2^64 and cannot wrap in BW6-761's scalar field).
package wrap

import (
	"fmt"
	"math/bits"

	"github.com/consensys/gnark/backend/groth16"
	"github.com/consensys/gnark/constraint"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/std/algebra/emulated/sw_bw6761"
	"github.com/consensys/gnark/std/math/emulated"
	stdgroth16 "github.com/consensys/gnark/std/recursion/groth16"

	"github.com/zktreasury/zktreasury/circuits/compliance"
	"github.com/zktreasury/zktreasury/circuits/epoch"
	"github.com/zktreasury/zktreasury/circuits/gadget/bound"
	"github.com/zktreasury/zktreasury/circuits/gadget/sha256"
	"github.com/zktreasury/zktreasury/circuits/policy"
	"github.com/zktreasury/zktreasury/circuits/solvency"
)

// Types of the recursive verifier: BW6-761 proofs in a BN254 circuit.
type (
	// Proof is a joined proof as circuit variables.
	Proof = stdgroth16.Proof[sw_bw6761.G1Affine, sw_bw6761.G2Affine]
	// VerifyingKey is the aggregation verifying key as circuit constants.
	VerifyingKey = stdgroth16.VerifyingKey[sw_bw6761.G1Affine, sw_bw6761.G2Affine, sw_bw6761.GTEl]
	// Scalar is a BW6-761 scalar (an element of F_a), emulated.
	Scalar = emulated.Element[sw_bw6761.ScalarField]
)

// RootBytes is the width of the joined root's encoding: F_a elements are 377
// bits, written big-endian in 48 bytes.
const RootBytes = 48

// MaxUsers bounds the capacity M·K of a joined epoch (2^20 batches of 2^24).
const MaxUsers = 1 << 44

// Params size a wrap circuit.
type Params struct {
	// Actions, Assets and Venues shape the compliance statement, as in
	// circuits/epoch.
	Actions, Assets, Venues int
	// Users is the joined proof's capacity M·K, which bounds the totals.
	Users int
	// RangeCheck selects the range checks of the native statements.
	RangeCheck bound.Mode
}

func (p Params) compliance() compliance.Params {
	return compliance.Params{Actions: p.Actions, Assets: p.Assets, Venues: p.Venues, RangeCheck: p.RangeCheck}
}

// Validate checks the parameters.
func (p Params) Validate() error {
	if err := p.compliance().Validate(); err != nil {
		return fmt.Errorf("wrap params: %w", err)
	}
	if p.Assets > solvency.MaxAssets {
		return fmt.Errorf("wrap params: %d assets, want at most %d", p.Assets, solvency.MaxAssets)
	}
	if p.Users < 2 || p.Users > MaxUsers || p.Users&(p.Users-1) != 0 {
		return fmt.Errorf("wrap params: capacity %d users, want a power of 2 in [2, %d]", p.Users, MaxUsers)
	}
	return nil
}

// String names the parameters, e.g. "n65536-k6-a4-v3-bits".
func (p Params) String() string {
	return fmt.Sprintf("n%d-k%d-a%d-v%d-%s", p.Users, p.Actions, p.Assets, p.Venues, p.RangeCheck)
}

// TotalBits is the width of a joined total over a capacity of users users:
// 64 + ceil(log2 users).
func TotalBits(users int) int { return solvency.AmountBits + bits.Len(uint(users-1)) }

// JoinedInputs is the number of public inputs of the joined proof: Epoch,
// Root, one total per asset (circuits/aggregate's order).
func JoinedInputs(nAssets int) int { return 2 + nAssets }

// Circuit proves a batched epoch; see the package documentation. Its one public
// input is PublicHash, over the values tagged zkt:"hashed", encoded exactly as
// circuits/epoch encodes them.
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

	// private: the compliance witness, as in circuits/epoch.
	Policy      policy.Vars
	PrevSalt    frontend.Variable
	NewSalt     frontend.Variable
	ActionsSalt frontend.Variable
	// Positions are S(n-1), indexed [asset][venue].
	Positions [][]frontend.Variable
	Actions   []compliance.Action

	// private: the joined proof and its statement.
	Joined     Proof
	JoinedRoot Scalar
	// Totals[a] is the liabilities total of asset a over every batch.
	Totals []frontend.Variable

	// VerifyingKey is the aggregation key, a constant of the circuit: a proof
	// under any other key fails.
	VerifyingKey VerifyingKey `gnark:"-"`
	// Params fixes the shape; it is not part of the witness.
	Params Params `gnark:"-"`
}

// NewCircuit returns a circuit with every slice sized for p, verifying joined
// proofs of the compiled aggregation circuit joinedCCS under joinedVK.
func NewCircuit(p Params, joinedCCS constraint.ConstraintSystem, joinedVK groth16.VerifyingKey) (*Circuit, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	if n := joinedCCS.GetNbPublicVariables() - 1; n != JoinedInputs(p.Assets) {
		return nil, fmt.Errorf("wrap: the joined circuit has %d public inputs, want %d for %d assets", n, JoinedInputs(p.Assets), p.Assets)
	}
	vk, err := stdgroth16.ValueOfVerifyingKeyFixed[sw_bw6761.G1Affine, sw_bw6761.G2Affine, sw_bw6761.GTEl](joinedVK)
	if err != nil {
		return nil, fmt.Errorf("wrap: aggregation verifying key: %w", err)
	}
	c := NewAssignment(p)
	c.Joined = stdgroth16.PlaceholderProof[sw_bw6761.G1Affine, sw_bw6761.G2Affine](joinedCCS)
	c.VerifyingKey = vk
	return c, nil
}

// NewAssignment returns a circuit with the witness slices sized for p, to be
// filled in (the verifying key is not part of a witness).
func NewAssignment(p Params) *Circuit {
	comp, _ := compliance.NewCircuit(p.compliance())
	return &Circuit{
		Prices: comp.Prices, Inflows: comp.Inflows, Outflows: comp.Outflows, Policy: comp.Policy,
		Positions: comp.Positions, Actions: comp.Actions, Totals: make([]frontend.Variable, p.Assets), Params: p,
	}
}

// Define states the relation.
func (c *Circuit) Define(api frontend.API) error {
	p := c.Params
	if err := p.Validate(); err != nil {
		return err
	}
	if len(c.Totals) != p.Assets {
		return fmt.Errorf("wrap: %d totals, want %d", len(c.Totals), p.Assets)
	}
	rc := bound.New(api, p.RangeCheck)
	comp := &compliance.Circuit{
		PolicyCommitment: c.PolicyCommitment, PrevStateCommitment: c.PrevStateCommitment,
		NewStateCommitment: c.NewStateCommitment, ActionsCommitment: c.ActionsCommitment,
		ActionCount: c.ActionCount, Epoch: c.Epoch, StartTime: c.StartTime, EndTime: c.EndTime,
		Prices: c.Prices, Inflows: c.Inflows, Outflows: c.Outflows,
		Policy: c.Policy, PrevSalt: c.PrevSalt, NewSalt: c.NewSalt, ActionsSalt: c.ActionsSalt,
		Positions: c.Positions, Actions: c.Actions, Params: p.compliance(),
	}
	next, err := comp.DefineWith(api, rc)
	if err != nil {
		return err
	}
	h := epoch.NewHashed([5]frontend.Variable{c.PolicyCommitment, c.PrevStateCommitment, c.NewStateCommitment, c.LiabilitiesRoot, c.ActionsCommitment},
		c.ActionCount, c.Epoch, c.StartTime, c.EndTime, c.Prices, c.Inflows, c.Outflows)
	if err := epoch.AssertPublicHash(api, c.PublicHash, h, p.Assets); err != nil {
		return err
	}

	// Solvency of S(n) against the joined totals.
	r := &solvency.Reserves{StateCommitment: c.NewStateCommitment, PolicyCommitment: c.PolicyCommitment, Epoch: c.Epoch,
		Prices: c.Prices, StateSalt: c.NewSalt, Positions: next, Policy: c.Policy}
	valued, err := r.Value(api, rc)
	if err != nil {
		return err
	}
	totalBits := TotalBits(p.Users)

	// The joined proof's public inputs, from this statement's own values: the
	// epoch and the totals through their bits (which bound each total to
	// totalBits), the root as given.
	f, err := emulated.NewField[sw_bw6761.ScalarField](api)
	if err != nil {
		return fmt.Errorf("wrap: emulated field: %w", err)
	}
	inputs := stdgroth16.Witness[sw_bw6761.ScalarField]{Public: make([]Scalar, 0, JoinedInputs(p.Assets))}
	inputs.Public = append(inputs.Public, *f.FromBits(api.ToBinary(c.Epoch, solvency.EpochBits)...))
	inputs.Public = append(inputs.Public, c.JoinedRoot)
	for a := range p.Assets {
		inputs.Public = append(inputs.Public, *f.FromBits(api.ToBinary(c.Totals[a], totalBits)...))
	}
	valued.AssertCovers(api, rc, c.Totals, totalBits)

	v, err := stdgroth16.NewVerifier[sw_bw6761.ScalarField, sw_bw6761.G1Affine, sw_bw6761.G2Affine, sw_bw6761.GTEl](api)
	if err != nil {
		return fmt.Errorf("wrap: verifier: %w", err)
	}
	if err := v.AssertProof(c.VerifyingKey, c.Joined, inputs, stdgroth16.WithSubgroupCheck()); err != nil {
		return fmt.Errorf("wrap: joined proof: %w", err)
	}

	// LiabilitiesRoot = SHA-256(root, 48 bytes big-endian, canonical ‖
	// log2(Users), one byte) mod 2^253: the capacity, a constant here, is
	// bound to the registry's root (prover/batch.RootDigest says why).
	le := f.ToBitsCanonical(&c.JoinedRoot)
	msg := make([]frontend.Variable, 0, 8*(RootBytes+1))
	for i := 8*RootBytes - 1; i >= 0; i-- {
		if i < len(le) {
			msg = append(msg, le[i])
		} else {
			msg = append(msg, 0)
		}
	}
	logUsers := bits.TrailingZeros(uint(p.Users))
	for i := 7; i >= 0; i-- {
		msg = append(msg, (logUsers>>i)&1)
	}
	digest, err := sha256.Sum(api, msg)
	if err != nil {
		return err
	}
	var d frontend.Variable = 0
	for _, b := range digest[256-epoch.HashBits:] {
		d = api.Add(api.Mul(d, 2), b)
	}
	api.AssertIsEqual(d, c.LiabilitiesRoot)
	return nil
}

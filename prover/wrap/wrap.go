// Package wrap builds the on-chain statement of a batched epoch
// (circuits/wrap): the epoch's compliance statement, the reserves S(n) and the
// joined liabilities statement of prover/aggregate, with the joined proof as
// part of the witness. It compiles the wrap circuit with the aggregation key
// fixed in it and proves it with zk.Groth16 (BN254, Solidity targets), so the
// proof goes to the registry like an unbatched epoch's: one public input, the
// public hash of the same values.
//
// The registry's liabilities root of a batched epoch is batch.RootDigest of
// the 377-bit joined root and the capacity M·K: users check their inclusion
// against the joined root, and that its digest at the registry's capacity is
// the root the registry recorded.
package wrap

import (
	"errors"
	"fmt"
	"math/big"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/consensys/gnark/backend/groth16"
	"github.com/consensys/gnark/backend/witness"
	"github.com/consensys/gnark/constraint"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/std/algebra/emulated/sw_bw6761"
	"github.com/consensys/gnark/std/math/emulated"
	stdgroth16 "github.com/consensys/gnark/std/recursion/groth16"

	aggcircuit "github.com/zktreasury/zktreasury/circuits/aggregate"
	circuit "github.com/zktreasury/zktreasury/circuits/wrap"
	"github.com/zktreasury/zktreasury/prover/aggregate"
	"github.com/zktreasury/zktreasury/prover/batch"
	"github.com/zktreasury/zktreasury/prover/statement"
	"github.com/zktreasury/zktreasury/prover/statement/epochhash"
	"github.com/zktreasury/zktreasury/prover/zk"
	"github.com/zktreasury/zktreasury/treasury"
	"github.com/zktreasury/zktreasury/treasury/corridor"
)

// Name is the circuit name in proof files.
const Name = "wrap"

// Statement is a batched epoch's on-chain statement with everything its proof
// needs but the joined proof.
type Statement struct {
	Params     circuit.Params
	Compliance *statement.Compliance
	// Reserves is the solvency statement of S(n) with the joined totals and no
	// users (statement.Solvency.SetTotals).
	Reserves *statement.Solvency
	Joined   *aggregate.Statement
	// Summary is the reference checker's account of the epoch's actions.
	Summary corridor.EpochSummary
	// LiabilitiesRoot is the registry's root: batch.RootDigest of the joined
	// root at the capacity Params.Users.
	LiabilitiesRoot *big.Int
}

// Build checks the epoch's compliance (statement.CheckedCompliance), applies
// its actions to get S(n), and takes the liabilities from the joined statement
// over a capacity of users users (M·K). in.Ledger is not used: the joined
// proof holds the liabilities. Solvency is not judged here: call Check.
func Build(in statement.EpochInputs, joined *aggregate.Statement, users int) (*Statement, error) {
	if joined == nil {
		return nil, errors.New("wrap: no joined statement")
	}
	if joined.Epoch != in.Epoch {
		return nil, fmt.Errorf("wrap: the joined proof is of epoch %d, the epoch's inputs of epoch %d", joined.Epoch, in.Epoch)
	}
	if len(joined.Totals) != len(in.Policy.Assets) {
		return nil, fmt.Errorf("wrap: the joined proof has %d totals, the policy %d assets", len(joined.Totals), len(in.Policy.Assets))
	}
	bound := new(big.Int).Lsh(big.NewInt(1), uint(circuit.TotalBits(max(users, 1))))
	for a, t := range joined.Totals {
		if t == nil || t.Sign() < 0 || t.Cmp(bound) >= 0 {
			return nil, fmt.Errorf("wrap: joined total of asset %d is %v, want 0 <= total < 2^%d for %d users", a, t, circuit.TotalBits(max(users, 1)), users)
		}
	}
	comp, sum, err := statement.CheckedCompliance(in)
	if err != nil {
		return nil, err
	}
	res, err := statement.BuildSolvency(statement.SolvencyInputs{Policy: in.Policy, Prices: in.Prices,
		Positions: corridor.PositionsFromState(in.Policy, sum.Final), Ledger: &treasury.Ledger{},
		Secrets: in.Secrets, Epoch: in.Epoch, RangeCheck: in.RangeCheck})
	if err != nil {
		return nil, err
	}
	if err := res.SetTotals(joined.Totals); err != nil {
		return nil, fmt.Errorf("wrap: %w", err)
	}
	if !res.StateCommitment.Equal(&comp.NewCommitment) {
		return nil, errors.New("internal error: S(n) differs between the compliance and solvency statements")
	}
	for a := range comp.Inflows {
		if !comp.Inflows[a].IsUint64() || !comp.Outflows[a].IsUint64() {
			return nil, fmt.Errorf("asset %d: the epoch's inflow %s or outflow %s does not fit 64 bits", a, comp.Inflows[a].String(), comp.Outflows[a].String())
		}
	}
	p := circuit.Params{Actions: comp.Params.Actions, Assets: comp.Params.Assets, Venues: comp.Params.Venues, Users: users, RangeCheck: in.RangeCheck}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	digest, err := batch.RootDigest(&joined.Root, users)
	if err != nil {
		return nil, fmt.Errorf("wrap: %w", err)
	}
	return &Statement{Params: p, Compliance: comp, Reserves: res, Joined: joined, Summary: sum, LiabilitiesRoot: digest}, nil
}

// Check is the native twin of the circuit's solvency condition on the joined
// totals: an error wrapping statement.ErrInsolvent when no proof would exist.
func (s *Statement) Check() error { return s.Reserves.Check() }

// Values returns the hashed values: an unbatched epoch's, with the liabilities
// root the digest of the joined root.
func (s *Statement) Values() *epochhash.Values {
	e := &statement.Epoch{Compliance: s.Compliance, Solvency: s.Reserves}
	v := e.Values()
	v.LiabilitiesRoot = new(big.Int).Set(s.LiabilitiesRoot)
	return v
}

// PublicHash is the circuit's one public input.
func (s *Statement) PublicHash() (*big.Int, error) { return s.Values().Hash() }

// Assignment returns the full witness, with the joined proof.
func (s *Statement) Assignment(joined groth16.Proof) (*circuit.Circuit, error) {
	h, err := s.PublicHash()
	if err != nil {
		return nil, fmt.Errorf("wrap: public hash: %w", err)
	}
	c := s.Compliance.Assignment()
	w := circuit.NewAssignment(s.Params)
	w.PublicHash = h
	w.PolicyCommitment, w.PrevStateCommitment, w.NewStateCommitment = c.PolicyCommitment, c.PrevStateCommitment, c.NewStateCommitment
	w.LiabilitiesRoot = new(big.Int).Set(s.LiabilitiesRoot)
	w.ActionsCommitment, w.ActionCount, w.Epoch, w.StartTime, w.EndTime = c.ActionsCommitment, c.ActionCount, c.Epoch, c.StartTime, c.EndTime
	w.Prices, w.Inflows, w.Outflows = c.Prices, c.Inflows, c.Outflows
	w.Policy, w.PrevSalt, w.NewSalt, w.ActionsSalt = c.Policy, c.PrevSalt, c.NewSalt, c.ActionsSalt
	w.Positions, w.Actions = c.Positions, c.Actions
	for a, t := range s.Joined.Totals {
		w.Totals[a] = new(big.Int).Set(t)
	}
	w.JoinedRoot = emulated.ValueOf[sw_bw6761.ScalarField](s.Joined.Root.BigInt(new(big.Int)))
	if w.Joined, err = stdgroth16.ValueOfProof[sw_bw6761.G1Affine, sw_bw6761.G2Affine](joined); err != nil {
		return nil, fmt.Errorf("wrap: joined proof: %w", err)
	}
	return w, nil
}

// MatchJoined checks that the wrap parameters p are those of joined proofs of
// the aggregation circuit of shape joined: p.Users must be its capacity M·K and
// p.Assets its asset count. The wrap's parameters name the tree a batched
// registry records (its tree capacity) and users check their inclusion paths
// at that depth: a real leaf is also a valid internal node (its user hash is a
// free witness), so a wrap named for more users than its joined proofs cover
// would let the operator hide a user's leaf one level below a leaf of zero
// balances (prover/inclusion TestGhostLeafBelowARealLeaf). The circuit itself
// cannot tell: Users only bounds the totals, and the aggregation key is opaque.
func MatchJoined(p circuit.Params, joined aggcircuit.Params) error {
	if err := joined.Validate(); err != nil {
		return fmt.Errorf("wrap: %w", err)
	}
	if n := joined.Batches * joined.Batch.Users; p.Users != n {
		return fmt.Errorf("wrap %s: capacity %d users, but the joined proofs (%s) cover %d batches of %d = %d leaves",
			p, p.Users, joined, joined.Batches, joined.Batch.Users, n)
	}
	if p.Assets != joined.Batch.Assets {
		return fmt.Errorf("wrap %s: %d assets, the joined proofs (%s) %d", p, p.Assets, joined, joined.Batch.Assets)
	}
	return nil
}

// Compile compiles the wrap circuit of p verifying joined proofs of the
// aggregation circuit of shape joined, compiled as joinedCCS, under joinedVK
// (fixed in the circuit); p must match joined (MatchJoined).
func Compile(p circuit.Params, joined aggcircuit.Params, joinedCCS constraint.ConstraintSystem, joinedVK groth16.VerifyingKey) (constraint.ConstraintSystem, error) {
	if err := MatchJoined(p, joined); err != nil {
		return nil, err
	}
	c, err := circuit.NewCircuit(p, joinedCCS, joinedVK)
	if err != nil {
		return nil, err
	}
	ccs, err := zk.Groth16{}.Compile(c)
	if err != nil {
		return nil, fmt.Errorf("compile wrap circuit %s: %w", p, err)
	}
	return ccs, nil
}

// Witness returns the full witness of an assignment over BN254.
func Witness(a *circuit.Circuit) (witness.Witness, error) {
	w, err := frontend.NewWitness(a, zk.Curve.ScalarField())
	if err != nil {
		return nil, fmt.Errorf("wrap witness: %w", err)
	}
	return w, nil
}

// Public returns what a proof file names, as an unbatched epoch's
// (statement.Epoch.Public): the hashed values in epochhash's order with the
// liabilities root the joined root's digest, then "publicHash".
func (s *Statement) Public(symbols []string) ([]statement.NamedInput, error) {
	e := &statement.Epoch{Compliance: s.Compliance, Solvency: s.Reserves}
	named := e.Public(symbols)
	var root, hash fr.Element
	root.SetBigInt(s.LiabilitiesRoot)
	h, err := s.PublicHash()
	if err != nil {
		return nil, fmt.Errorf("wrap: public hash: %w", err)
	}
	hash.SetBigInt(h)
	for i := range named {
		switch named[i].Name {
		case "liabilitiesRoot":
			named[i].Value = statement.Hex(root)
		case statement.PublicHashName:
			named[i].Value = statement.Hex(hash)
		}
	}
	return named, nil
}

// Prove proves an assignment under the wrap's keys (zk.Groth16: Solidity
// targets) and checks the fresh proof with the Go verifier.
func Prove(ccs constraint.ConstraintSystem, keys zk.Keys, a *circuit.Circuit) (zk.Proof, error) {
	w, err := Witness(a)
	if err != nil {
		return nil, err
	}
	pub, err := w.Public()
	if err != nil {
		return nil, fmt.Errorf("wrap witness: %w", err)
	}
	g := zk.Groth16{}
	proof, err := g.Prove(ccs, keys.PK, w)
	if err != nil {
		return nil, fmt.Errorf("prove wrap: %w", err)
	}
	if err := g.Verify(proof, keys.VK, pub); err != nil {
		return nil, fmt.Errorf("wrap: the fresh proof does not verify: %w", err)
	}
	return proof, nil
}

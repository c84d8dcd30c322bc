package wrap_test

import (
	"math/big"
	"sync"
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	fa "github.com/consensys/gnark-crypto/ecc/bw6-761/fr"
	"github.com/consensys/gnark/backend/groth16"
	"github.com/consensys/gnark/constraint"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/frontend/cs/r1cs"
	"github.com/consensys/gnark/std/algebra/emulated/sw_bw6761"
	"github.com/consensys/gnark/std/math/emulated"
	stdgroth16 "github.com/consensys/gnark/std/recursion/groth16"
	"github.com/consensys/gnark/test"

	"github.com/zktreasury/zktreasury/circuits/gadget/bound"
	circuit "github.com/zktreasury/zktreasury/circuits/wrap"
	"github.com/zktreasury/zktreasury/prover/aggregate"
	"github.com/zktreasury/zktreasury/prover/batch"
	"github.com/zktreasury/zktreasury/prover/statement"
	"github.com/zktreasury/zktreasury/prover/wrap"
)

const epochCase = "../../testdata/epoch"

// users is the capacity the tests' joined statements claim (M·K).
const users = 1 << 16

// standIn has the joined proof's public inputs (Epoch, Root, Totals) and one
// BSB22 commitment, as the aggregation circuit has, but constrains nothing
// else: its proofs state whatever a test needs, so each test aims at one part
// of the wrap. prover/wrap's tests wrap a real joined proof.
type standIn struct {
	Epoch  frontend.Variable   `gnark:",public"`
	Root   frontend.Variable   `gnark:",public"`
	Totals []frontend.Variable `gnark:",public"`
	Secret frontend.Variable
}

func (c *standIn) Define(api frontend.API) error {
	// Every public input is in a constraint: an unconstrained one would have
	// the point at infinity as its verifying-key point, which the aggregation
	// key never has.
	acc := c.Secret
	for _, x := range append([]frontend.Variable{c.Epoch, c.Root}, c.Totals...) {
		acc = api.Add(acc, api.Mul(x, c.Secret))
	}
	cm, err := api.(frontend.Committer).Commit(c.Secret, acc)
	if err != nil {
		return err
	}
	api.AssertIsDifferent(cm, 0)
	return nil
}

type keys struct {
	ccs constraint.ConstraintSystem
	pk  groth16.ProvingKey
	vk  groth16.VerifyingKey
}

var fixture struct {
	once       sync.Once
	in         statement.EpochInputs
	totals     []*big.Int
	key, other keys
	err        error
}

func setup(nAssets int) (keys, error) {
	ccs, err := frontend.Compile(ecc.BW6_761.ScalarField(), r1cs.NewBuilder, &standIn{Totals: make([]frontend.Variable, nAssets)})
	if err != nil {
		return keys{}, err
	}
	pk, vk, err := groth16.Setup(ccs)
	return keys{ccs, pk, vk}, err
}

// load reads testdata/epoch (bit range checks, the on-chain mode) and makes
// two stand-in keys.
func load(t *testing.T) {
	t.Helper()
	fixture.once.Do(func() {
		f := &fixture
		if f.in, f.err = statement.LoadEpochInputs(statement.EpochCaseFiles(epochCase)); f.err != nil {
			return
		}
		cp, err := statement.LoadCaseParams(epochCase)
		if err != nil {
			f.err = err
			return
		}
		f.in.Epoch, f.in.Slots, f.in.RangeCheck = cp.Epoch, cp.Slots, bound.Bits
		f.in.StartTime, f.in.EndTime = cp.StartTime, cp.EndTime
		e, err := statement.BuildEpoch(f.in)
		if err != nil {
			f.err = err
			return
		}
		f.totals = e.Solvency.Totals
		if f.key, f.err = setup(len(f.totals)); f.err != nil {
			return
		}
		f.other, f.err = setup(len(f.totals))
	})
	if fixture.err != nil {
		t.Fatal(fixture.err)
	}
}

// joinedProof proves the stand-in statement under k.
func joinedProof(t *testing.T, k keys, st *aggregate.Statement) groth16.Proof {
	t.Helper()
	a := &standIn{Epoch: st.Epoch, Root: st.Root.BigInt(new(big.Int)), Secret: 7}
	for _, x := range st.Totals {
		a.Totals = append(a.Totals, x)
	}
	w, err := frontend.NewWitness(a, ecc.BW6_761.ScalarField())
	if err != nil {
		t.Fatal(err)
	}
	proof, err := groth16.Prove(k.ccs, k.pk, w, stdgroth16.GetNativeProverOptions(ecc.BN254.ScalarField(), ecc.BW6_761.ScalarField()))
	if err != nil {
		t.Fatal(err)
	}
	return proof
}

func randomRoot(t *testing.T) fa.Element {
	var r fa.Element
	if _, err := r.SetRandom(); err != nil {
		t.Fatal(err)
	}
	return r
}

// honest returns an honest statement over totals and its assignment, with the
// joined proof made under the first stand-in key.
func honest(t *testing.T, totals []*big.Int) (*wrap.Statement, *circuit.Circuit) {
	t.Helper()
	return honestAt(t, totals, randomRoot(t))
}

// honestAt is honest with a given joined root.
func honestAt(t *testing.T, totals []*big.Int, root fa.Element) (*wrap.Statement, *circuit.Circuit) {
	t.Helper()
	load(t)
	joined := &aggregate.Statement{Epoch: fixture.in.Epoch, Root: root, Totals: totals}
	s, err := wrap.Build(fixture.in, joined, users)
	if err != nil {
		t.Fatal(err)
	}
	a, err := s.Assignment(joinedProof(t, fixture.key, joined))
	if err != nil {
		t.Fatal(err)
	}
	return s, a
}

func shape(t *testing.T, s *wrap.Statement, k keys) *circuit.Circuit {
	t.Helper()
	c, err := circuit.NewCircuit(s.Params, k.ccs, k.vk)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// rehash recomputes the assignment's public hash from its hashed values.
func rehash(t *testing.T, s *wrap.Statement, a *circuit.Circuit, root *big.Int) {
	t.Helper()
	v := s.Values()
	v.LiabilitiesRoot = root
	h, err := v.Hash()
	if err != nil {
		t.Fatal(err)
	}
	a.LiabilitiesRoot, a.PublicHash = root, h
}

func solve(t *testing.T, c, a *circuit.Circuit) error {
	t.Helper()
	return test.IsSolved(c, a, ecc.BN254.ScalarField())
}

func mustFail(t *testing.T, c, a *circuit.Circuit, what string) {
	t.Helper()
	err := solve(t, c, a)
	if err == nil {
		t.Fatalf("%s: the wrap accepted it", what)
	}
	t.Logf("%s: refused: %.300s", what, err)
}

func clone(x []*big.Int) []*big.Int {
	out := make([]*big.Int, len(x))
	for i := range x {
		out[i] = new(big.Int).Set(x[i])
	}
	return out
}

// boundary returns the totals with asset 0's the largest the reserves cover
// (statement.Solvency.Check, the native twin).
func boundary(t *testing.T) []*big.Int {
	t.Helper()
	load(t)
	joined := &aggregate.Statement{Epoch: fixture.in.Epoch, Totals: clone(fixture.totals)}
	s, err := wrap.Build(fixture.in, joined, users)
	if err != nil {
		t.Fatal(err)
	}
	covered := func(t0 *big.Int) bool {
		tt := clone(fixture.totals)
		tt[0] = t0
		if err := s.Reserves.SetTotals(tt); err != nil {
			t.Fatal(err)
		}
		return s.Check() == nil
	}
	lo, hi := new(big.Int).Set(fixture.totals[0]), new(big.Int).Lsh(big.NewInt(1), 80)
	if !covered(lo) || covered(hi) {
		t.Fatal("fixture: the honest totals are not covered, or 2^80 is")
	}
	one := big.NewInt(1)
	for new(big.Int).Sub(hi, lo).Cmp(one) > 0 {
		mid := new(big.Int).Rsh(new(big.Int).Add(lo, hi), 1)
		if covered(mid) {
			lo = mid
		} else {
			hi = mid
		}
	}
	out := clone(fixture.totals)
	out[0] = lo
	return out
}

// TestReservesAtTheBoundary: a joined epoch whose totals the reserves cover
// exactly is proven (with the joined root r_a - 1, so the root's encoding is
// exercised at full width); one more unit of liabilities, stated consistently
// by the joined proof and the native twin, is refused.
func TestReservesAtTheBoundary(t *testing.T) {
	totals := boundary(t)
	var top fa.Element
	top.SetBigInt(new(big.Int).Sub(fa.Modulus(), big.NewInt(1)))
	s, a := honestAt(t, totals, top)
	c := shape(t, s, fixture.key)
	if err := solve(t, c, a); err != nil {
		t.Fatalf("honest wrap at the boundary: %v", err)
	}
	short := clone(totals)
	short[0].Add(short[0], big.NewInt(1))
	s2, a2 := honest(t, short)
	if err := s2.Check(); err == nil {
		t.Fatal("the native twin calls one unit short solvent")
	}
	mustFail(t, c, a2, "reserves short by one unit")
}

// TestTotalsBoundToTheJoinedProof: the wrap's totals are the joined proof's,
// to the unit: a witness claiming one unit less of liabilities than the joined
// proof states is refused.
func TestTotalsBoundToTheJoinedProof(t *testing.T) {
	s, a := honest(t, totals(t))
	c := shape(t, s, fixture.key)
	for i := range a.Totals {
		a.Totals[i] = new(big.Int).Sub(s.Joined.Totals[i], big.NewInt(1))
		if i > 0 {
			a.Totals[i-1] = new(big.Int).Set(s.Joined.Totals[i-1])
		}
		mustFail(t, c, a, "a total one unit below the joined proof's")
		if testing.Short() {
			break
		}
	}
}

// TestJoinedProofOfAnotherEpoch: a joined proof of epoch n-1 does not prove
// epoch n's liabilities.
func TestJoinedProofOfAnotherEpoch(t *testing.T) {
	s, a := honest(t, totals(t))
	c := shape(t, s, fixture.key)
	prev := *s.Joined
	prev.Epoch--
	var err error
	if a.Joined, err = stdgroth16.ValueOfProof[sw_bw6761.G1Affine, sw_bw6761.G2Affine](joinedProof(t, fixture.key, &prev)); err != nil {
		t.Fatal(err)
	}
	mustFail(t, c, a, "a joined proof of the previous epoch")
}

// TestRegistryRootIsTheJoinedRoot: the hashed liabilities root is the digest
// of the root the joined proof states, at the circuit's capacity: neither
// another root's digest, nor the joined root's at another capacity, nor
// another joined root under the honest digest passes.
func TestRegistryRootIsTheJoinedRoot(t *testing.T) {
	s, a := honest(t, totals(t))
	c := shape(t, s, fixture.key)
	other := randomRoot(t)
	rehash(t, s, a, digestOf(t, &other, users))
	mustFail(t, c, a, "the digest of another root")

	// The joined root's digest at twice the capacity: a registry claiming
	// a deeper tree than the joined proofs' (prover/batch.RootDigest).
	s, a = honest(t, totals(t))
	rehash(t, s, a, digestOf(t, &s.Joined.Root, 2*users))
	mustFail(t, c, a, "the joined root's digest at twice the capacity")

	s, a = honest(t, totals(t))
	a.JoinedRoot = emulated.ValueOf[sw_bw6761.ScalarField](other.BigInt(new(big.Int)))
	mustFail(t, c, a, "another joined root than the proof's")
}

// TestJoinedProofUnderAnotherKey: a joined proof under another aggregation
// key (here: another setup of the same circuit) is refused, and so is a
// tampered proof.
func TestJoinedProofUnderAnotherKey(t *testing.T) {
	s, a := honest(t, totals(t))
	c := shape(t, s, fixture.key)
	var err error
	if a.Joined, err = stdgroth16.ValueOfProof[sw_bw6761.G1Affine, sw_bw6761.G2Affine](joinedProof(t, fixture.other, s.Joined)); err != nil {
		t.Fatal(err)
	}
	mustFail(t, c, a, "a joined proof under another key")
}

// digestOf is batch.RootDigest, failing the test on error.
func digestOf(t *testing.T, root *fa.Element, capacity int) *big.Int {
	t.Helper()
	d, err := batch.RootDigest(root, capacity)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func totals(t *testing.T) []*big.Int {
	load(t)
	return clone(fixture.totals)
}

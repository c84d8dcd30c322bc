package wrap

import (
	"math/big"
	"sync"
	"testing"

	"github.com/consensys/gnark/test"

	"github.com/zktreasury/zktreasury/circuits/gadget/bound"
	circuit "github.com/zktreasury/zktreasury/circuits/wrap"
	"github.com/zktreasury/zktreasury/prover/aggregate"
	"github.com/zktreasury/zktreasury/prover/statement"
	"github.com/zktreasury/zktreasury/prover/wrap/wraptest"
	"github.com/zktreasury/zktreasury/prover/zk"
)

const epochCase = "../../testdata/epoch"

// Batches of the real fixture: M batches of K users hold testdata/epoch's ledger.
const (
	fixtureK = 8
	fixtureM = 2
)

// real is the joined proof of testdata/epoch's ledger (wraptest.Build).
var real struct {
	once   sync.Once
	in     statement.EpochInputs
	joined *wraptest.Joined
	err    error
}

// EpochInputs returns testdata/epoch's inputs with bit range checks (the
// on-chain mode).
func epochInputs() (statement.EpochInputs, error) {
	in, err := statement.LoadEpochInputs(statement.EpochCaseFiles(epochCase))
	if err != nil {
		return in, err
	}
	cp, err := statement.LoadCaseParams(epochCase)
	if err != nil {
		return in, err
	}
	in.Epoch, in.Slots, in.RangeCheck = cp.Epoch, cp.Slots, bound.Bits
	in.StartTime, in.EndTime = cp.StartTime, cp.EndTime
	return in, nil
}

func loadReal(t testing.TB) {
	t.Helper()
	real.once.Do(func() {
		if real.in, real.err = epochInputs(); real.err != nil {
			return
		}
		real.joined, real.err = wraptest.Build(real.in, fixtureK, fixtureM)
	})
	if real.err != nil {
		t.Fatal(real.err)
	}
}

// TestWrapsARealJoinedProof: the wrap circuit, with the aggregation key of a
// real joined proof fixed in it, accepts that proof with the epoch's
// compliance witness and the reserves S(n) (gnark's test engine: a BN254
// setup of the ~9.5M-R1CS wrap is a benchmark, BenchmarkWrapProve). The
// statement's totals are the unbatched epoch's own, so the batched and the
// unbatched statements of one epoch agree; the registry root is the digest of
// the batched tree's root, which each user's inclusion path reaches.
func TestWrapsARealJoinedProof(t *testing.T) {
	if testing.Short() {
		t.Skip("real batch and aggregation setups (~2 min)")
	}
	loadReal(t)
	s, err := Build(real.in, real.joined.Statement, real.joined.Users())
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Check(); err != nil {
		t.Fatalf("the fixture is solvent, the twin says: %v", err)
	}
	e, err := statement.BuildEpoch(real.in)
	if err != nil {
		t.Fatal(err)
	}
	for a := range e.Solvency.Totals {
		if e.Solvency.Totals[a].Cmp(s.Reserves.Totals[a]) != 0 {
			t.Fatalf("asset %d: joined total %s, the unbatched epoch's %s", a, s.Reserves.Totals[a], e.Solvency.Totals[a])
		}
	}
	if s.Reserves.Required.Cmp(e.Solvency.Required) != 0 || s.Reserves.Reserves.Cmp(e.Solvency.Reserves) != 0 {
		t.Fatal("batched and unbatched statements value the epoch differently")
	}
	root := real.joined.Ledger.Tree.Root()
	if !real.joined.Statement.Root.Equal(&root) {
		t.Fatal("the joined root is not the batched tree's root")
	}
	shape, err := circuit.NewCircuit(s.Params, real.joined.CCS, real.joined.VK)
	if err != nil {
		t.Fatal(err)
	}
	a, err := s.Assignment(real.joined.Proof)
	if err != nil {
		t.Fatal(err)
	}
	if err := test.IsSolved(shape, a, zk.Curve.ScalarField()); err != nil {
		t.Fatalf("honest wrap of a real joined proof: %v", err)
	}
	// The same proof does not prove the epoch if one user's balance were
	// dropped from the joined totals.
	a.Totals[0] = new(big.Int).Sub(real.joined.Statement.Totals[0], big.NewInt(1))
	if test.IsSolved(shape, a, zk.Curve.ScalarField()) == nil {
		t.Fatal("the wrap accepted totals one unit below the joined proof's")
	}
}

// TestBuildRefuses: a joined statement that cannot be this epoch's is refused
// before any circuit runs.
func TestBuildRefuses(t *testing.T) {
	in, err := epochInputs()
	if err != nil {
		t.Fatal(err)
	}
	good := func() *aggregate.Statement {
		return &aggregate.Statement{Epoch: in.Epoch, Totals: []*big.Int{big.NewInt(1), big.NewInt(2), big.NewInt(3)}}
	}
	if _, err := Build(in, good(), 16); err != nil {
		t.Fatalf("honest: %v", err)
	}
	for name, edit := range map[string]func(s *aggregate.Statement){
		"other epoch":    func(s *aggregate.Statement) { s.Epoch++ },
		"missing total":  func(s *aggregate.Statement) { s.Totals = s.Totals[:2] },
		"negative total": func(s *aggregate.Statement) { s.Totals[1] = big.NewInt(-1) },
		"total beyond the capacity's bound": func(s *aggregate.Statement) {
			s.Totals[2] = new(big.Int).Lsh(big.NewInt(1), uint(circuit.TotalBits(16)))
		},
	} {
		s := good()
		edit(s)
		if _, err := Build(in, s, 16); err == nil {
			t.Errorf("%s: built", name)
		}
	}
	if _, err := Build(in, nil, 16); err == nil {
		t.Error("no joined statement: built")
	}
}

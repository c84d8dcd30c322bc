package aggregate

import (
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bls12377 "github.com/consensys/gnark-crypto/ecc/bls12-377"
	fa "github.com/consensys/gnark-crypto/ecc/bw6-761/fr"
	"github.com/consensys/gnark/backend/groth16"
	groth16bls "github.com/consensys/gnark/backend/groth16/bls12-377"
	"github.com/consensys/gnark/constraint"
	"github.com/consensys/gnark/test"
	"github.com/shopspring/decimal"

	circuit "github.com/zktreasury/zktreasury/circuits/aggregate"
	batchcircuit "github.com/zktreasury/zktreasury/circuits/batch"
	"github.com/zktreasury/zktreasury/circuits/gadget/bound"
	"github.com/zktreasury/zktreasury/prover/batch"
	"github.com/zktreasury/zktreasury/prover/prooffile"
	"github.com/zktreasury/zktreasury/prover/statement"
	"github.com/zktreasury/zktreasury/treasury"
)

func ledger(t testing.TB, n, k, m int) *batch.Ledger {
	t.Helper()
	pol, err := treasury.LoadPolicy("../../testdata/run/policy.json")
	if err != nil {
		t.Fatal(err)
	}
	led := &treasury.Ledger{}
	for i := range n {
		u := treasury.UserBalance{ID: fmt.Sprintf("user-%04d", i)}
		for a := range pol.Assets {
			u.Balance = append(u.Balance, decimal.NewFromInt(int64(100*i+a+1)))
		}
		led.Users = append(led.Users, u)
	}
	l, err := batch.BuildLedger(pol, led, [32]byte{31: 7}, k, m)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// batches proves every batch of l for epoch under one fresh batch key.
func batches(t testing.TB, l *batch.Ledger, p batchcircuit.Params, ep uint64) (groth16.VerifyingKey, constraint.ConstraintSystem, []groth16.Proof, []batch.Public) {
	t.Helper()
	ccs, err := batch.Compile(p)
	if err != nil {
		t.Fatal(err)
	}
	pk, vk, err := groth16.Setup(ccs)
	if err != nil {
		t.Fatal(err)
	}
	var proofs []groth16.Proof
	var stmts []batch.Public
	for b := range l.M {
		a, err := l.Assignment(ep, b, p)
		if err != nil {
			t.Fatal(err)
		}
		proof, err := batch.Prove(ccs, pk, a)
		if err != nil {
			t.Fatal(err)
		}
		proofs = append(proofs, proof)
		stmts = append(stmts, l.Public(ep, b))
	}
	return vk, ccs, proofs, stmts
}

// TestJoinRefuses: Join refuses statements that do not form the epoch's
// batches in slot order.
func TestJoinRefuses(t *testing.T) {
	l := ledger(t, 7, 4, 2)
	p := circuit.Params{Batches: 2, Batch: l.Params(batchcircuit.Direct, bound.Bits)}
	good := func() []batch.Public { return []batch.Public{l.Public(5, 0), l.Public(5, 1)} }
	st, err := Join(p, 5, good())
	if err != nil {
		t.Fatal(err)
	}
	root := l.Tree.Root()
	if !st.Root.Equal(&root) {
		t.Fatal("joined root is not the tree's root")
	}
	for name, edit := range map[string]func(s []batch.Public) []batch.Public{
		"one batch missing": func(s []batch.Public) []batch.Public { return s[:1] },
		"swapped":           func(s []batch.Public) []batch.Public { return []batch.Public{s[1], s[0]} },
		"twice":             func(s []batch.Public) []batch.Public { return []batch.Public{s[0], s[0]} },
		"other epoch":       func(s []batch.Public) []batch.Public { s[1].Epoch = 6; return s },
		"root beyond r_b": func(s []batch.Public) []batch.Public {
			s[1].Root = new(big.Int).Lsh(big.NewInt(1), 253)
			return s
		},
		"total beyond its bound": func(s []batch.Public) []batch.Public {
			s[0].Totals[1] = new(big.Int).Lsh(big.NewInt(1), uint(p.Batch.TotalBits()))
			return s
		},
		"negative total": func(s []batch.Public) []batch.Public { s[0].Totals[1] = big.NewInt(-1); return s },
		"missing total":  func(s []batch.Public) []batch.Public { s[0].Totals = s[0].Totals[:3]; return s },
	} {
		if _, err := Join(p, 5, edit(good())); err == nil {
			t.Errorf("%s: joined", name)
		}
	}
}

// TestProveVerifyFile proves one real BW6-761 Groth16 joined proof at M=2,
// K=4, writes it as a proof file, and checks that the file verifies only as
// written.
func TestProveVerifyFile(t *testing.T) {
	if testing.Short() {
		t.Skip("a real BW6-761 setup and proof")
	}
	l := ledger(t, 7, 4, 2)
	bp := l.Params(batchcircuit.Direct, bound.Bits)
	bvk, _, proofs, stmts := batches(t, l, bp, 11)
	p := circuit.Params{Batches: 2, Batch: bp}
	ccs, err := Compile(p, bvk)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("aggregate %s: %d R1CS", p, ccs.GetNbConstraints())
	start := time.Now()
	pk, vk, err := SetupInsecure(ccs)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("setup %s", time.Since(start).Round(time.Millisecond))
	a, st, err := Assignment(p, 11, proofs, stmts)
	if err != nil {
		t.Fatal(err)
	}
	start = time.Now()
	proof, err := Prove(ccs, pk, vk, a, st)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("prove and verify %s", time.Since(start).Round(time.Millisecond))
	root := l.Tree.Root()
	if !st.Root.Equal(&root) {
		t.Fatal("joined root is not the tree's root")
	}
	for name, edit := range map[string]func(s *Statement){
		"other epoch": func(s *Statement) { s.Epoch++ },
		"other root":  func(s *Statement) { var one fa.Element; one.SetOne(); s.Root.Add(&s.Root, &one) },
		"total -1":    func(s *Statement) { s.Totals[3] = new(big.Int).Sub(s.Totals[3], big.NewInt(1)) },
	} {
		q := *st
		q.Totals = append([]*big.Int(nil), st.Totals...)
		edit(&q)
		if Verify(proof, vk, &q) == nil {
			t.Errorf("%s: joined proof accepted", name)
		}
	}

	f, err := File(p, ccs, vk, proof, st, true)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "joined.json")
	if err := prooffile.Write(path, f); err != nil {
		t.Fatal(err)
	}
	g, err := prooffile.Read(path)
	if err != nil {
		t.Fatal(err)
	}
	if g.Params != "m2-k4-a4-direct-bits" || g.Circuit != "aggregate" || g.Backend != "groth16" {
		t.Fatalf("file names %s %s %s", g.Circuit, g.Params, g.Backend)
	}
	var names []string
	for _, in := range g.PublicInputs {
		names = append(names, in.Name)
	}
	if got := strings.Join(names, ","); got != "epoch,liabilitiesRoot,total:0,total:1,total:2,total:3" {
		t.Fatalf("public inputs %s", got)
	}
	back, err := VerifyFile(g, p, vk)
	if err != nil {
		t.Fatalf("written file does not verify: %v", err)
	}
	if back.Epoch != 11 || !back.Root.Equal(&root) || back.Totals[2].Cmp(l.Totals()[2]) != 0 {
		t.Fatalf("statement read back %+v", back)
	}

	for name, edit := range map[string]func(f *prooffile.File){
		"total raised": func(f *prooffile.File) {
			v, _ := new(big.Int).SetString(strings.TrimPrefix(f.PublicInputs[2].Value, "0x"), 16)
			f.PublicInputs[2].Value = hexA(v.Add(v, big.NewInt(1)))
		},
		"epoch changed":    func(f *prooffile.File) { f.PublicInputs[0].Value = hexA(big.NewInt(12)) },
		"inputs reordered": func(f *prooffile.File) { f.PublicInputs[2], f.PublicInputs[3] = f.PublicInputs[3], f.PublicInputs[2] },
		"input dropped":    func(f *prooffile.File) { f.PublicInputs = f.PublicInputs[:5] },
		"input renamed":    func(f *prooffile.File) { f.PublicInputs[1].Name = "root" },
		"non-canonical": func(f *prooffile.File) {
			v, _ := new(big.Int).SetString(strings.TrimPrefix(f.PublicInputs[2].Value, "0x"), 16)
			b := v.Add(v, fa.Modulus()).Bytes()
			f.PublicInputs[2].Value = fmt.Sprintf("0x%096x", new(big.Int).SetBytes(b))
		},
		"trailing proof bytes": func(f *prooffile.File) { f.Proof += "00" },
		"other params":         func(f *prooffile.File) { f.Params = "m2-k4-a4-direct-lookup" },
		"other key digest":     func(f *prooffile.File) { f.VerifyingKeyDigest = strings.Repeat("0", 64) },
		"calldata added":       func(f *prooffile.File) { f.Solidity.Input = []string{"0x01"} },
	} {
		h := *g
		h.PublicInputs = append([]statement.NamedInput(nil), g.PublicInputs...)
		edit(&h)
		if _, err := VerifyFile(&h, p, vk); err == nil {
			t.Errorf("%s: file accepted", name)
		}
	}
}

// TestGKRBatches joins batch proofs whose compressions are proven by GKR (one
// BSB22 commitment per proof): the honest join solves, and one batch's
// commitment moved fails. The GKR batch circuit has ~726k R1CS even at K = 4
// (GKR's fixed cost), so this runs only with ZKT_GKR=1.
func TestGKRBatches(t *testing.T) {
	if os.Getenv("ZKT_GKR") != "1" {
		t.Skip("set ZKT_GKR=1: two proofs of a 726k-constraint BLS12-377 circuit")
	}
	l := ledger(t, 7, 4, 2)
	bp := l.Params(batchcircuit.GKR, bound.Bits)
	start := time.Now()
	bvk, bccs, proofs, stmts := batches(t, l, bp, 2)
	t.Logf("GKR batch %s: %d R1CS, %d commitments; setup and two proofs %s", bp, bccs.GetNbConstraints(),
		len(bccs.GetCommitments().(constraint.Groth16Commitments)), time.Since(start).Round(time.Second))
	p := circuit.Params{Batches: 2, Batch: bp}
	shape, err := circuit.NewCircuit(p, bvk)
	if err != nil {
		t.Fatal(err)
	}
	a, _, err := Assignment(p, 2, proofs, stmts)
	if err != nil {
		t.Fatal(err)
	}
	if err := test.IsSolved(shape, a, Curve.ScalarField()); err != nil {
		t.Fatalf("honest GKR batches refused: %v", err)
	}
	bad := *(proofs[1].(*groth16bls.Proof))
	bad.Commitments = append([]bls12377.G1Affine(nil), bad.Commitments...)
	_, _, g1, _ := bls12377.Generators()
	bad.Commitments[0].Add(&bad.Commitments[0], &g1)
	if a.Proofs[1], a.Publics[1], err = Slot(&bad, stmts[1]); err != nil {
		t.Fatal(err)
	}
	if test.IsSolved(shape, a, Curve.ScalarField()) == nil {
		t.Fatal("GKR batch with a moved commitment accepted")
	}
}

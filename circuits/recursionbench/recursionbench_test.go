package recursionbench

import (
	"math/big"
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	fr_bw6761 "github.com/consensys/gnark-crypto/ecc/bw6-761/fr"
	poseidon2_bw6761 "github.com/consensys/gnark-crypto/ecc/bw6-761/fr/poseidon2"
	"github.com/consensys/gnark/backend/groth16"
	"github.com/consensys/gnark/backend/witness"
	"github.com/consensys/gnark/constraint"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/frontend/cs/r1cs"
	stdgroth16 "github.com/consensys/gnark/std/recursion/groth16"
	"github.com/consensys/gnark/test"
)

// batchProof is one stand-in batch proof with its public witness.
type batchProof struct {
	proof  groth16.Proof
	public witness.Witness
}

// innerKeys compiles the stand-in batch over BLS12-377 and makes its keys.
func innerKeys(tb testing.TB, work int, commit bool) (constraint.ConstraintSystem, groth16.ProvingKey, groth16.VerifyingKey) {
	tb.Helper()
	ccs, err := frontend.Compile(ecc.BLS12_377.ScalarField(), r1cs.NewBuilder, NewInner(work, commit))
	if err != nil {
		tb.Fatal(err)
	}
	pk, vk, err := groth16.Setup(ccs)
	if err != nil {
		tb.Fatal(err)
	}
	return ccs, pk, vk
}

// proveInner proves one stand-in batch for in-circuit verification on BW6-761
// and checks it natively.
func proveInner(tb testing.TB, ccs constraint.ConstraintSystem, pk groth16.ProvingKey, vk groth16.VerifyingKey, a *Inner) batchProof {
	tb.Helper()
	w, err := frontend.NewWitness(a, ecc.BLS12_377.ScalarField())
	if err != nil {
		tb.Fatal(err)
	}
	proof, err := groth16.Prove(ccs, pk, w, stdgroth16.GetNativeProverOptions(ecc.BW6_761.ScalarField(), ecc.BLS12_377.ScalarField()))
	if err != nil {
		tb.Fatal(err)
	}
	public, err := w.Public()
	if err != nil {
		tb.Fatal(err)
	}
	if err := groth16.Verify(proof, vk, public, stdgroth16.GetNativeVerifierOptions(ecc.BW6_761.ScalarField(), ecc.BLS12_377.ScalarField())); err != nil {
		tb.Fatal(err)
	}
	return batchProof{proof: proof, public: public}
}

// compressA is C_a, Poseidon2 width-2 compression over BW6-761's scalar field.
func compressA(tb testing.TB, x, y *big.Int) *big.Int {
	tb.Helper()
	var l, r fr_bw6761.Element
	l.SetBigInt(x)
	r.SetBigInt(y)
	lb, rb := l.Bytes(), r.Bytes()
	out, err := poseidon2_bw6761.NewDefaultPermutation().Compress(lb[:], rb[:])
	if err != nil {
		tb.Fatal(err)
	}
	return new(big.Int).SetBytes(out)
}

// joined is what the aggregator publishes for the given batches, computed
// natively: the C_a tree of their roots and the sums of their totals.
func joined(tb testing.TB, batches []*Inner) (*big.Int, []*big.Int) {
	tb.Helper()
	level := make([]*big.Int, len(batches))
	totals := make([]*big.Int, Assets)
	for a := range totals {
		totals[a] = new(big.Int)
	}
	for i, b := range batches {
		level[i] = new(big.Int).Set(b.Root.(*big.Int))
		for a := range totals {
			totals[a].Add(totals[a], new(big.Int).SetUint64(b.Totals[a].(uint64)))
		}
	}
	for len(level) > 1 {
		next := make([]*big.Int, len(level)/2)
		for i := range next {
			next[i] = compressA(tb, level[2*i], level[2*i+1])
		}
		level = next
	}
	return level[0], totals
}

// TestAggregatorRefuses checks that the measured aggregator is sound on the
// points issue #13 names: from an honest two-batch assignment, each attack
// changes one thing and must leave the circuit unsatisfied.
func TestAggregatorRefuses(t *testing.T) {
	const work, epoch = 2, 7
	ccs, pk, vk := innerKeys(t, work, false)
	r := ecc.BLS12_377.ScalarField()
	b0 := InnerAssignment(r, work, epoch, 0, 11, [Assets]uint64{1, 2, 3, 1<<64 - 1})
	b1 := InnerAssignment(r, work, epoch, 1, 13, [Assets]uint64{10, 20, 30, 1})
	p0, p1 := proveInner(t, ccs, pk, vk, b0), proveInner(t, ccs, pk, vk, b1)
	root, totals := joined(t, []*Inner{b0, b1})

	circuit, err := NewAggregator(2, ccs, vk, true)
	if err != nil {
		t.Fatal(err)
	}
	assign := func(t *testing.T, ps []batchProof, epoch uint64, root *big.Int, totals []*big.Int) *Aggregator {
		t.Helper()
		proofs := make([]groth16.Proof, len(ps))
		publics := make([]witness.Witness, len(ps))
		for i, p := range ps {
			proofs[i], publics[i] = p.proof, p.public
		}
		a, err := AggregatorAssignment(proofs, publics, epoch, root, totals)
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	field := ecc.BW6_761.ScalarField()
	t.Run("honest", func(t *testing.T) {
		if err := test.IsSolved(circuit, assign(t, []batchProof{p0, p1}, epoch, root, totals), field); err != nil {
			t.Fatalf("honest aggregation refused: %v", err)
		}
	})

	// A batch of another epoch, proven honestly at slot 1.
	other := InnerAssignment(r, work, epoch+1, 1, 13, [Assets]uint64{10, 20, 30, 1})
	pOther := proveInner(t, ccs, pk, vk, other)
	// The public witness of b1 with its Root changed: the proof no longer matches.
	forged := InnerAssignment(r, work, epoch, 1, 13, [Assets]uint64{10, 20, 30, 1})
	forged.Root = new(big.Int).Add(forged.Root.(*big.Int), big.NewInt(1))
	fw, err := frontend.NewWitness(forged, r, frontend.PublicOnly())
	if err != nil {
		t.Fatal(err)
	}
	plus := func(v []*big.Int, a int, d int64) []*big.Int {
		out := make([]*big.Int, len(v))
		for i := range v {
			out[i] = new(big.Int).Set(v[i])
		}
		out[a].Add(out[a], big.NewInt(d))
		return out
	}
	rootSwapped, _ := joined(t, []*Inner{b1, b0})
	rootForged, _ := joined(t, []*Inner{b0, forged})
	bOnlyZero, totalsZero := joined(t, []*Inner{b0, b0})
	cases := []struct {
		name   string
		assign *Aggregator
	}{
		{"proofs swapped (indices 1, 0), joined values of that order", assign(t, []batchProof{p1, p0}, epoch, rootSwapped, totals)},
		{"batch 0 counted twice, batch 1 left out", assign(t, []batchProof{p0, p0}, epoch, bOnlyZero, totalsZero)},
		{"batch 1 from epoch+1", assign(t, []batchProof{p0, pOther}, epoch, root, totals)},
		{"joined epoch is not the batches'", assign(t, []batchProof{p0, p1}, epoch+1, root, totals)},
		{"a total one more than the sum", assign(t, []batchProof{p0, p1}, epoch, root, plus(totals, 3, 1))},
		{"a total one less than the sum", assign(t, []batchProof{p0, p1}, epoch, root, plus(totals, 0, -1))},
		{"root not the tree of the batch roots", assign(t, []batchProof{p0, p1}, epoch, new(big.Int).Add(root, big.NewInt(1)), totals)},
		{"public input changed under a valid proof", assign(t, []batchProof{p0, {proof: p1.proof, public: fw}}, epoch, rootForged, totals)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := test.IsSolved(circuit, c.assign, field)
			if err == nil {
				t.Fatal("aggregator accepted it")
			}
			t.Logf("refused: %v", err)
		})
	}
}

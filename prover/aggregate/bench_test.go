package aggregate

import (
	"fmt"
	"testing"
	"time"

	"github.com/consensys/gnark/backend/groth16"
	"github.com/consensys/gnark/frontend"
	stdgroth16 "github.com/consensys/gnark/std/recursion/groth16"

	circuit "github.com/zktreasury/zktreasury/circuits/aggregate"
	batchcircuit "github.com/zktreasury/zktreasury/circuits/batch"
	"github.com/zktreasury/zktreasury/circuits/gadget/bound"
	"github.com/zktreasury/zktreasury/prover/batch"
)

// BenchmarkAggregateConstraints reports the aggregation circuit's R1CS for M =
// 2, 4, 8 batches of 4 assets, in total and per slot (the circuit does not
// depend on K: a batch proof has 3 + A public inputs whatever its size), for
// Direct+Bits batches (no commitment) and, at M = 2, Lookup batches (one BSB22
// commitment each).
//
//	go test ./prover/aggregate -run '^$' -bench AggregateConstraints -benchtime 1x
func BenchmarkAggregateConstraints(b *testing.B) {
	type cfg struct {
		m  int
		rc bound.Mode
	}
	cfgs := []cfg{{2, bound.Bits}, {4, bound.Bits}, {8, bound.Bits}, {2, bound.Lookup}}
	for _, c := range cfgs {
		bp := batchcircuit.Params{Users: 4, Assets: 4, Hash: batchcircuit.Direct, RangeCheck: c.rc}
		p := circuit.Params{Batches: c.m, Batch: bp}
		b.Run(p.String(), func(b *testing.B) {
			bccs, err := batch.Compile(bp)
			if err != nil {
				b.Fatal(err)
			}
			_, bvk, err := groth16.Setup(bccs)
			if err != nil {
				b.Fatal(err)
			}
			var n int
			for range b.N {
				ccs, err := Compile(p, bvk)
				if err != nil {
					b.Fatal(err)
				}
				n = ccs.GetNbConstraints()
			}
			b.ReportMetric(float64(n), "r1cs")
			b.ReportMetric(float64(n)/float64(c.m), "r1cs/slot")
		})
	}
}

// BenchmarkAggregateProve times the BW6-761 setup (insecure, reported as
// setup-s) and prove (the timed part) of a joined proof at M = 2 and 4 (K = 4,
// 4 assets, Direct+Bits). Slow: run it alone.
//
//	go test ./prover/aggregate -run '^$' -bench AggregateProve -benchtime 1x -timeout 60m
func BenchmarkAggregateProve(b *testing.B) {
	for _, m := range []int{2, 4} {
		b.Run(fmt.Sprintf("m%d", m), func(b *testing.B) {
			l := ledger(b, 4*m-1, 4, m)
			bp := l.Params(batchcircuit.Direct, bound.Bits)
			bvk, _, proofs, stmts := batches(b, l, bp, 1)
			p := circuit.Params{Batches: m, Batch: bp}
			ccs, err := Compile(p, bvk)
			if err != nil {
				b.Fatal(err)
			}
			start := time.Now()
			pk, vk, err := SetupInsecure(ccs)
			if err != nil {
				b.Fatal(err)
			}
			setup := time.Since(start)
			a, st, err := Assignment(p, 1, proofs, stmts)
			if err != nil {
				b.Fatal(err)
			}
			w, err := frontend.NewWitness(a, Curve.ScalarField())
			if err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			for range b.N {
				proof, err := groth16.Prove(ccs, pk, w, stdgroth16.GetNativeProverOptions(Wrap.ScalarField(), Curve.ScalarField()))
				if err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				if err := Verify(proof, vk, st); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
			}
			// after the timer's reset, which deletes reported metrics
			b.ReportMetric(setup.Seconds(), "setup-s")
			b.ReportMetric(float64(ccs.GetNbConstraints()), "r1cs")
		})
	}
}

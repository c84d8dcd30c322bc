package ceremony

import (
	"fmt"
	"io"
	"math/big"
	"runtime"
	"testing"
	"time"

	curve "github.com/consensys/gnark-crypto/ecc/bn254"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/consensys/gnark/backend/groth16/bn254/mpcsetup"
	cs "github.com/consensys/gnark/constraint/bn254"

	"github.com/zktreasury/zktreasury/circuits/gadget/bound"
	"github.com/zktreasury/zktreasury/prover"
	"github.com/zktreasury/zktreasury/prover/internal/memstat"
	"github.com/zktreasury/zktreasury/prover/zk"
)

// benchCommons builds phase-1 output for a domain of n from a known τ, α, β
// with batch scalar multiplication: far faster than running phase 1, and
// INSECURE (the values are known), so only fit to measure phase 2.
func benchCommons(n int) mpcsetup.SrsCommons {
	var tau, alpha, beta fr.Element
	tau.SetUint64(7)
	alpha.SetUint64(11)
	beta.SetUint64(13)
	pow := make([]fr.Element, 2*n-1)
	pow[0].SetOne()
	for i := 1; i < len(pow); i++ {
		pow[i].Mul(&pow[i-1], &tau)
	}
	scaled := func(by *fr.Element) []fr.Element {
		out := make([]fr.Element, n)
		for i := range out {
			out[i].Mul(&pow[i], by)
		}
		return out
	}
	_, _, g1, g2 := curve.Generators()
	var c mpcsetup.SrsCommons
	c.G1.Tau = curve.BatchScalarMultiplicationG1(&g1, pow)
	c.G2.Tau = curve.BatchScalarMultiplicationG2(&g2, pow[:n])
	c.G1.AlphaTau = curve.BatchScalarMultiplicationG1(&g1, scaled(&alpha))
	c.G1.BetaTau = curve.BatchScalarMultiplicationG1(&g1, scaled(&beta))
	var b big.Int
	beta.BigInt(&b)
	c.G2.Beta.ScalarMultiplication(&g2, &b)
	return c
}

type countWriter struct{ n int64 }

func (w *countWriter) Write(p []byte) (int, error) { w.n += int64(len(p)); return len(p), nil }

var _ io.Writer = (*countWriter)(nil)

// BenchmarkPhase2Epoch measures phase-2 initialization (the coordinator's
// `ceremony phase2 new`, also rerun by every verifier) and one contribution on
// the epoch circuit at the README's sizes (1,024 users × 4 assets × 3 venues,
// K = 64 actions, bit range checks), with peak Go heap:
//
//	go test ./prover/ceremony -run '^$' -bench Phase2Epoch -benchtime 1x -timeout 90m
//
// The epoch-u16-k4 case is the test fixture's size, to check the benchmark quickly.
func BenchmarkPhase2Epoch(b *testing.B) {
	for _, sz := range []struct{ users, actions int }{{16, 4}, {1024, 64}} {
		b.Run(fmt.Sprintf("epoch-u%d-k%d", sz.users, sz.actions), func(b *testing.B) {
			shape := prover.Shape{Circuit: "epoch", Users: sz.users, Actions: sz.actions, Assets: 4, Venues: 3, RangeCheck: bound.Bits}
			j, err := shape.Job()
			if err != nil {
				b.Fatal(err)
			}
			ccs, err := zk.Groth16{}.Compile(j.Shape)
			if err != nil {
				b.Fatal(err)
			}
			c, err := NewCircuit(j.Circuit, j.Params, ccs)
			if err != nil {
				b.Fatal(err)
			}
			n := int(c.Domain())
			start := time.Now()
			commons := benchCommons(n)
			commonsS := time.Since(start).Seconds()
			runtime.GC()
			b.ResetTimer()
			for range b.N {
				b.StopTimer()
				runtime.GC()
				b.StartTimer()
				peak := memstat.TrackHeap()
				start := time.Now()
				p := new(mpcsetup.Phase2)
				p.Initialize(ccs.(*cs.R1CS), &commons)
				initS := time.Since(start).Seconds()
				initPeak := peak()
				runtime.GC()
				peak = memstat.TrackHeap()
				start = time.Now()
				p.Contribute()
				contribS := time.Since(start).Seconds()
				contribPeak := peak()
				var w countWriter
				if _, err := p.WriteTo(&w); err != nil {
					b.Fatal(err)
				}
				b.ReportMetric(initS, "init-s")
				b.ReportMetric(float64(initPeak)/(1<<20), "init-peak-heap-MB")
				b.ReportMetric(contribS, "contribute-s")
				b.ReportMetric(float64(contribPeak)/(1<<20), "contribute-peak-heap-MB")
				b.ReportMetric(float64(w.n)/(1<<20), "file-MB")
				b.ReportMetric(commonsS, "commons-s")
				b.ReportMetric(float64(ccs.GetNbConstraints()), "constraints")
				b.ReportMetric(float64(n), "domain")
			}
		})
	}
}

// BenchmarkPhase2ContributeEpoch times one phase-2 contribution alone at the
// epoch circuit's README size, on a state of the right sizes (δ-scaled bases Z
// and PKK) filled with the generator instead of an initialized one: a
// contribution's cost depends only on those sizes, and this skips the long
// initialization that BenchmarkPhase2Epoch also measures.
//
//	go test ./prover/ceremony -run '^$' -bench Phase2ContributeEpoch -benchtime 1x -timeout 60m
func BenchmarkPhase2ContributeEpoch(b *testing.B) {
	shape := prover.Shape{Circuit: "epoch", Users: 1024, Actions: 64, Assets: 4, Venues: 3, RangeCheck: bound.Bits}
	j, err := shape.Job()
	if err != nil {
		b.Fatal(err)
	}
	ccs, err := zk.Groth16{}.Compile(j.Shape)
	if err != nil {
		b.Fatal(err)
	}
	c, err := NewCircuit(j.Circuit, j.Params, ccs)
	if err != nil {
		b.Fatal(err)
	}
	if nb := len(ccs.(*cs.R1CS).CommitmentInfo.(interface{ CommitmentIndexes() []int }).CommitmentIndexes()); nb != 0 {
		b.Fatalf("%d commitments: this stand-in state has none", nb)
	}
	n := int(c.Domain())
	internal, secret := ccs.GetNbInternalVariables(), ccs.GetNbSecretVariables()
	constraints := ccs.GetNbConstraints()
	ccs = nil
	c = Circuit{}
	_, _, g1, g2 := curve.Generators()
	fill := func(k int) []curve.G1Affine {
		s := make([]curve.G1Affine, k)
		for i := range s {
			s[i] = g1
		}
		return s
	}
	runtime.GC()
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		p := new(mpcsetup.Phase2)
		p.Parameters.G1.Delta, p.Parameters.G2.Delta = g1, g2
		p.Parameters.G1.Z = fill(n - 1)
		p.Parameters.G1.PKK = fill(internal + secret)
		runtime.GC()
		peak := memstat.TrackHeap()
		b.StartTimer()
		p.Contribute()
		b.StopTimer()
		b.ReportMetric(float64(peak())/(1<<20), "peak-heap-MB")
		var w countWriter
		if _, err := p.WriteTo(&w); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(w.n)/(1<<20), "file-MB")
		b.StartTimer()
	}
	b.StopTimer()
	b.ReportMetric(float64(constraints), "constraints")
	b.ReportMetric(float64(n), "domain")
}

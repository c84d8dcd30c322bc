package batch

import (
	"runtime"
	"testing"

	"github.com/consensys/gnark/backend/groth16"

	circuit "github.com/zktreasury/zktreasury/circuits/batch"
	"github.com/zktreasury/zktreasury/circuits/gadget/bound"
	"github.com/zktreasury/zktreasury/prover/internal/memstat"
)

// BenchmarkBatchProve proves one full batch of 4-asset users and reports the
// prove time, users per second and the Go heap's peak while proving, with a
// dummy proving key (a real setup is made once per shape and cached; it costs
// about ten proves):
// go test ./prover/batch -run '^$' -bench BatchProve -benchtime 1x -timeout 60m
func BenchmarkBatchProve(b *testing.B) {
	for _, k := range []int{1 << 12, 1 << 14} {
		for _, h := range []circuit.HashMode{circuit.Direct, circuit.GKR} {
			p := circuit.Params{Users: k, Assets: 4, Hash: h, RangeCheck: bound.Lookup}
			b.Run(p.String(), func(b *testing.B) {
				_, l := fixtureFrom(b, "../../testdata/run/policy.json", k, k, 1) // 4 assets
				ccs, err := Compile(p)
				if err != nil {
					b.Fatal(err)
				}
				// The real setup costs ~10x a prove and is made once per
				// shape; a dummy key proves at the same cost (not verifiable).
				pk, err := groth16.DummySetup(ccs)
				if err != nil {
					b.Fatal(err)
				}
				a, err := l.Assignment(1, 0, p)
				if err != nil {
					b.Fatal(err)
				}
				runtime.GC()
				peak := memstat.TrackHeap()
				b.ResetTimer()
				for range b.N {
					if _, err := Prove(ccs, pk, a); err != nil {
						b.Fatal(err)
					}
				}
				b.StopTimer()
				perProve := b.Elapsed().Seconds() / float64(b.N)
				b.ReportMetric(float64(ccs.GetNbConstraints()), "constraints")
				b.ReportMetric(perProve, "s/prove")
				b.ReportMetric(float64(k)/perProve, "users/s")
				b.ReportMetric(float64(peak())/(1<<30), "GiB-heap-peak")
				if hwm, err := memstat.PeakRSS(); err == nil {
					b.ReportMetric(float64(hwm)/(1<<30), "GiB-rss-peak")
				}
			})
		}
	}
}

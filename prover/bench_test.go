package prover_test

import (
	"fmt"

	"github.com/consensys/gnark/frontend"
	"runtime"
	"testing"
	"time"

	"github.com/zktreasury/zktreasury/circuits/gadget/bound"
	"github.com/zktreasury/zktreasury/prover"
	"github.com/zktreasury/zktreasury/prover/internal/memstat"
	"github.com/zktreasury/zktreasury/prover/statement"
	"github.com/zktreasury/zktreasury/prover/zk"
)

func synthetic(b *testing.B, users, assets, venues int, mode bound.Mode) *statement.Solvency {
	b.Helper()
	in, err := statement.SyntheticInputs(users, assets, venues, 1)
	if err != nil {
		b.Fatal(err)
	}
	in.RangeCheck = mode
	s, err := statement.BuildSolvency(in)
	if err != nil {
		b.Fatal(err)
	}
	if err := s.Check(); err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkSolvencyConstraints reports R1CS and SCS constraints per user for a
// 1,024-user tree (the fixed cost of the policy and state hashes is amortised).
//
//	go test ./prover -run '^$' -bench SolvencyConstraints -benchtime 1x
func BenchmarkSolvencyConstraints(b *testing.B) {
	const users = 1024
	for _, mode := range []bound.Mode{bound.Lookup, bound.Bits} {
		for _, assets := range []int{1, 4, 16} {
			for _, be := range []zk.Backend{zk.Groth16{}, zk.Plonk{}} {
				b.Run(fmt.Sprintf("%s/assets=%d/%s", be.Name(), assets, mode), func(b *testing.B) {
					s := synthetic(b, users, assets, 3, mode)
					var n int
					for range b.N {
						ccs, _, err := prover.Compile(be, job(b, s), nil)
						if err != nil {
							b.Fatal(err)
						}
						n = ccs.GetNbConstraints()
					}
					b.ReportMetric(float64(n)/users, "constraints/user")
					b.ReportMetric(float64(n), "constraints")
				})
			}
		}
	}
}

// proveBench sets up keys in memory once, then times the backend prover alone
// (not compilation, key loading or verification) and samples the Go heap.
func proveBench(b *testing.B, be zk.Backend, j prover.Job, assignment frontend.Circuit, users int) {
	ccs, err := be.Compile(j.Shape)
	if err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	keys, err := be.SetupInsecure(ccs)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(time.Since(start).Seconds(), "setup-s")
	full, err := frontend.NewWitness(assignment, zk.Curve.ScalarField())
	if err != nil {
		b.Fatal(err)
	}
	runtime.GC()
	peak := memstat.TrackHeap()
	b.ResetTimer()
	for range b.N {
		if _, err := be.Prove(ccs, keys.PK, full); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	perOp := b.Elapsed().Seconds() / float64(b.N)
	if users > 0 {
		b.ReportMetric(float64(users)/perOp, "users/s")
	}
	b.ReportMetric(float64(ccs.GetNbConstraints()), "constraints")
	b.ReportMetric(float64(peak())/(1<<20), "peak-heap-MB")
}

// BenchmarkSolvencyProve measures prove time and peak Go heap for 1,024 users
// × 4 assets × 3 venues; the (insecure) setup runs outside the timer.
//
//	go test ./prover -run '^$' -bench SolvencyProve -benchtime 1x -timeout 60m
func BenchmarkSolvencyProve(b *testing.B) {
	const users, assets = 1024, 4
	for _, mode := range []bound.Mode{bound.Lookup, bound.Bits} {
		for _, be := range []zk.Backend{zk.Groth16{}, zk.Plonk{}} {
			b.Run(fmt.Sprintf("%s/u%d-a%d/%s", be.Name(), users, assets, mode), func(b *testing.B) {
				s := synthetic(b, users, assets, 3, mode)
				proveBench(b, be, job(b, s), s.Assignment(), users)
			})
		}
	}
}

func nil2(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("TOK%d", i)
	}
	return out
}

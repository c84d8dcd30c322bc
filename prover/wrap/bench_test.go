package wrap

import (
	"testing"
	"time"

	"github.com/consensys/gnark/backend"
	"github.com/consensys/gnark/backend/groth16"
	"github.com/consensys/gnark/backend/solidity"
	"github.com/zktreasury/zktreasury/prover/internal/memstat"
)

// BenchmarkWrapProve compiles the wrap circuit with a real aggregation key
// fixed in it (the fixture of TestWrapsARealJoinedProof: M = 2 batches of 8
// users, 3 assets) and proves it once with a dummy proving key: the cost of
// the wrap does not depend on the number of users, and a real setup (about
// ten proves, made once per aggregation key) proves at the same cost. Heavy
// (~9.5M R1CS, >10 GB): run it alone.
//
//	go test ./prover/wrap -run '^$' -bench WrapProve -benchtime 1x -timeout 60m
func BenchmarkWrapProve(b *testing.B) {
	loadReal(b)
	s, err := Build(real.in, real.joined.Statement, real.joined.Users())
	if err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	ccs, err := Compile(s.Params, real.joined.Params, real.joined.CCS, real.joined.VK)
	if err != nil {
		b.Fatal(err)
	}
	compileS := time.Since(start).Seconds()
	pk, err := groth16.DummySetup(ccs)
	if err != nil {
		b.Fatal(err)
	}
	a, err := s.Assignment(real.joined.Proof)
	if err != nil {
		b.Fatal(err)
	}
	w, err := Witness(a)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := groth16.Prove(ccs, pk, w, solidity.WithProverTargetSolidityVerifier(backend.GROTH16)); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(ccs.GetNbConstraints()), "R1CS")
	b.ReportMetric(compileS, "compile-s")
	b.ReportMetric(b.Elapsed().Seconds()/float64(b.N), "s/prove")
	if hwm, err := memstat.PeakRSS(); err == nil {
		b.ReportMetric(float64(hwm)/(1<<30), "GiB-rss-peak")
	}
}

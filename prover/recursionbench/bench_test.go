package recursionbench

import (
	"fmt"
	"math/big"
	"runtime"
	"runtime/metrics"
	"syscall"
	"testing"
	"time"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/backend"
	"github.com/consensys/gnark/backend/groth16"
	"github.com/consensys/gnark/constraint"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/frontend/cs/r1cs"
	"github.com/consensys/gnark/logger"
	"github.com/consensys/gnark/std/algebra/emulated/sw_bn254"
	"github.com/consensys/gnark/std/algebra/emulated/sw_bw6761"
	"github.com/consensys/gnark/std/algebra/native/sw_bls12377"
	stdgroth16 "github.com/consensys/gnark/std/recursion/groth16"
)

// Every benchmark here runs its work once: use -benchtime 1x. The heavy ones
// (WrapBW6InBN254, WrapBN254InBN254) each compile a circuit of millions of
// constraints and need several GB: run them one at a time.

// heapPeak samples the live Go heap every 10 ms until stop.
type heapPeak struct {
	stop chan struct{}
	done chan uint64
}

const heapMetric = "/memory/classes/heap/objects:bytes"

func startHeapPeak() *heapPeak {
	runtime.GC()
	h := &heapPeak{stop: make(chan struct{}), done: make(chan uint64)}
	go func() {
		s := []metrics.Sample{{Name: heapMetric}}
		var peak uint64
		tick := time.NewTicker(10 * time.Millisecond)
		defer tick.Stop()
		for {
			metrics.Read(s)
			peak = max(peak, s[0].Value.Uint64())
			select {
			case <-h.stop:
				h.done <- peak
				return
			case <-tick.C:
			}
		}
	}()
	return h
}

// MB stops the sampler and returns the peak in MB.
func (h *heapPeak) MB() float64 {
	close(h.stop)
	return float64(<-h.done) / 1e6
}

// maxRSSMB is the process's peak resident set so far, in MB (Linux: KiB).
func maxRSSMB(b *testing.B) float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return float64(ru.Maxrss) * 1024 / 1e6
}

// cpuSeconds is the process's user + system CPU time so far. On a machine
// shared with other jobs, CPU time per constraint is steadier than wall time;
// both are reported.
func cpuSeconds(b *testing.B) float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
}

// compiled is a compile's result and costs.
type compiled struct {
	ccs     constraint.ConstraintSystem
	seconds float64
	heapMB  float64
}

func compileR1CS(b *testing.B, field *big.Int, c frontend.Circuit) compiled {
	b.Helper()
	h := startHeapPeak()
	start := time.Now()
	ccs, err := frontend.Compile(field, r1cs.NewBuilder, c)
	secs := time.Since(start).Seconds()
	heap := h.MB()
	if err != nil {
		b.Fatal(err)
	}
	return compiled{ccs: ccs, seconds: secs, heapMB: heap}
}

// proveRate sets up and proves the stand-in batch with work squarings over the
// curve (≈ work constraints) and reports the prove rate and peak heap.
func proveRate(b *testing.B, curve ecc.ID, work int, opts ...backend.ProverOption) {
	b.Helper()
	logger.Disable()
	field := curve.ScalarField()
	c := compileR1CS(b, field, NewInner(work, false))
	start := time.Now()
	pk, vk, err := groth16.Setup(c.ccs)
	if err != nil {
		b.Fatal(err)
	}
	setup := time.Since(start).Seconds()
	w, err := frontend.NewWitness(InnerAssignment(field, work, 1, 0, 3, [Assets]uint64{1, 2, 3, 4}), field)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		h := startHeapPeak()
		cpu0 := cpuSeconds(b)
		start := time.Now()
		proof, err := groth16.Prove(c.ccs, pk, w, opts...)
		prove := time.Since(start).Seconds()
		cpu := cpuSeconds(b) - cpu0
		heap := h.MB()
		if err != nil {
			b.Fatal(err)
		}
		public, err := w.Public()
		if err != nil {
			b.Fatal(err)
		}
		var vopts []backend.VerifierOption
		if curve == ecc.BLS12_377 {
			vopts = append(vopts, stdgroth16.GetNativeVerifierOptions(ecc.BW6_761.ScalarField(), field))
		}
		if err := groth16.Verify(proof, vk, public, vopts...); err != nil {
			b.Fatal(err)
		}
		n := c.ccs.GetNbConstraints()
		b.ReportMetric(float64(n), "R1CS")
		b.ReportMetric(setup, "setup-s")
		b.ReportMetric(prove, "prove-s")
		b.ReportMetric(float64(n)/prove, "R1CS/s")
		b.ReportMetric(cpu, "prove-cpu-s")
		b.ReportMetric(float64(n)/cpu, "R1CS/cpu-s")
		b.ReportMetric(heap, "prove-heap-MB")
		b.ReportMetric(heap*1e6/float64(n), "heap-B/R1CS")
	}
}

// rateWork gives a ~200k-constraint stand-in (the range checks add ~350).
const rateWork = 200_000 - 350

// BenchmarkInnerProve: the Groth16 prove rate on BLS12-377 (a batch proof,
// with the prover options for verification on BW6-761).
func BenchmarkInnerProve(b *testing.B) {
	proveRate(b, ecc.BLS12_377, rateWork, stdgroth16.GetNativeProverOptions(ecc.BW6_761.ScalarField(), ecc.BLS12_377.ScalarField()))
}

// BenchmarkBN254Prove: the Groth16 prove rate on BN254.
func BenchmarkBN254Prove(b *testing.B) {
	proveRate(b, ecc.BN254, rateWork)
}

// BenchmarkBW6Prove: the Groth16 prove rate on BW6-761 on the same stand-in
// (the aggregator's curve; same domain as the two above).
func BenchmarkBW6Prove(b *testing.B) {
	proveRate(b, ecc.BW6_761, rateWork)
}

// stubKeys compiles the stub with n public inputs over the curve and makes its keys.
func stubKeys(b *testing.B, curve ecc.ID, n int) (constraint.ConstraintSystem, groth16.VerifyingKey) {
	b.Helper()
	ccs, err := frontend.Compile(curve.ScalarField(), r1cs.NewBuilder, NewStub(n))
	if err != nil {
		b.Fatal(err)
	}
	_, vk, err := groth16.Setup(ccs)
	if err != nil {
		b.Fatal(err)
	}
	return ccs, vk
}

func reportCompile(b *testing.B, c compiled) {
	b.ReportMetric(float64(c.ccs.GetNbConstraints()), "R1CS")
	b.ReportMetric(c.seconds, "compile-s")
	b.ReportMetric(c.heapMB, "heap-MB")
	b.ReportMetric(maxRSSMB(b), "maxRSS-MB")
}

// BenchmarkWrapBW6InBN254 compiles the verifier of one BW6-761 Groth16 proof
// (fixed key, 1 or 6 public inputs: the aggregator's Epoch, Root and four
// totals) in a BN254 circuit: the EVM wrap of the 2-chain. Heavy: run each
// sub-benchmark alone.
func BenchmarkWrapBW6InBN254(b *testing.B) {
	logger.Disable()
	for _, p := range []int{1, 6} {
		b.Run(fmt.Sprintf("p%d", p), func(b *testing.B) {
			ccs, vk := stubKeys(b, ecc.BW6_761, p)
			circuit, err := NewWrap[sw_bw6761.ScalarField, sw_bw6761.G1Affine, sw_bw6761.G2Affine, sw_bw6761.GTEl](ccs, vk, false)
			if err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				reportCompile(b, compileR1CS(b, ecc.BN254.ScalarField(), circuit))
			}
		})
	}
}

// BenchmarkWrapBN254InBN254 compiles the verifier of one BN254 Groth16 proof
// (fixed key, 1 public input, or the batch's 7) emulated in a BN254 circuit.
// Heavy: run each sub-benchmark alone.
func BenchmarkWrapBN254InBN254(b *testing.B) {
	logger.Disable()
	for _, p := range []int{1, PublicInputs} {
		b.Run(fmt.Sprintf("p%d", p), func(b *testing.B) {
			ccs, vk := stubKeys(b, ecc.BN254, p)
			circuit, err := NewWrap[sw_bn254.ScalarField, sw_bn254.G1Affine, sw_bn254.G2Affine, sw_bn254.GTEl](ccs, vk, false)
			if err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				reportCompile(b, compileR1CS(b, ecc.BN254.ScalarField(), circuit))
			}
		})
	}
}

// subgroupBW6 checks a Groth16 proof's points (A, C in G1, B in G2) of
// BW6-761, emulated in BN254: what WithSubgroupCheck adds to the wrap.
type subgroupBW6 struct {
	A, C sw_bw6761.G1Affine
	B    sw_bw6761.G2Affine
}

func (c *subgroupBW6) Define(api frontend.API) error {
	pr, err := sw_bw6761.NewPairing(api)
	if err != nil {
		return err
	}
	pr.AssertIsOnG1(&c.A)
	pr.AssertIsOnG1(&c.C)
	pr.AssertIsOnG2(&c.B)
	return nil
}

// subgroupBN254 is the same for BN254 emulated in BN254.
type subgroupBN254 struct {
	A, C sw_bn254.G1Affine
	B    sw_bn254.G2Affine
}

func (c *subgroupBN254) Define(api frontend.API) error {
	pr, err := sw_bn254.NewPairing(api)
	if err != nil {
		return err
	}
	pr.AssertIsOnG1(&c.A)
	pr.AssertIsOnG1(&c.C)
	pr.AssertIsOnG2(&c.B)
	return nil
}

// BenchmarkSubgroupChecks compiles the subgroup checks of one proof's points,
// the part WithSubgroupCheck adds to a wrap (measured apart from the heavy
// wraps).
func BenchmarkSubgroupChecks(b *testing.B) {
	logger.Disable()
	for _, v := range []struct {
		name    string
		circuit frontend.Circuit
	}{{"bw6-in-bn254", &subgroupBW6{}}, {"bn254-in-bn254", &subgroupBN254{}}} {
		b.Run(v.name, func(b *testing.B) {
			for b.Loop() {
				c := compileR1CS(b, ecc.BN254.ScalarField(), v.circuit)
				b.ReportMetric(float64(c.ccs.GetNbConstraints()), "R1CS")
			}
		})
	}
}

// BenchmarkVerifyBLS12377InBW6 compiles the bare verifier of one BLS12-377
// proof (fixed key) in BW6-761 with 1 and 7 public inputs, with subgroup
// checks: the split of the aggregator's per-proof cost between the pairing and
// the public inputs (without their canonical conversion).
func BenchmarkVerifyBLS12377InBW6(b *testing.B) {
	logger.Disable()
	for _, p := range []int{1, PublicInputs} {
		b.Run(fmt.Sprintf("p%d", p), func(b *testing.B) {
			ccs, vk := stubKeys(b, ecc.BLS12_377, p)
			circuit, err := NewWrap[sw_bls12377.ScalarField, sw_bls12377.G1Affine, sw_bls12377.G2Affine, sw_bls12377.GT](ccs, vk, true)
			if err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				c := compileR1CS(b, ecc.BW6_761.ScalarField(), circuit)
				b.ReportMetric(float64(c.ccs.GetNbConstraints()), "R1CS")
			}
		})
	}
}

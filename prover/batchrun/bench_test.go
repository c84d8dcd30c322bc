package batchrun

import (
	"fmt"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sync/atomic"
	"testing"
	"time"

	circuit "github.com/zktreasury/zktreasury/circuits/batch"
	"github.com/zktreasury/zktreasury/circuits/gadget/bound"
	"github.com/zktreasury/zktreasury/prover/batch"
	"github.com/zktreasury/zktreasury/prover/internal/memstat"
)

// BenchmarkProvePeak measures the memory one batch proof adds over the loaded
// proving key and constraint system, per constraint: the figure behind
// BytesPerConstraint. Run: go test ./prover/batchrun -run XXX -bench ProvePeak -benchtime 1x
func BenchmarkProvePeak(b *testing.B) {
	for _, k := range []int{64, 256} {
		b.Run(fmt.Sprintf("k%d", k), func(b *testing.B) {
			dir := b.TempDir()
			files := writeFixture(b, dir, k)
			run := filepath.Join(dir, "run")
			man, err := Plan(PlanConfig{Dir: run, Files: files, Epoch: 1, BatchSize: k, Batches: 1, Hash: circuit.Direct, RangeCheck: bound.Bits})
			if err != nil {
				b.Fatal(err)
			}
			pr, err := openProver(run, man)
			if err != nil {
				b.Fatal(err)
			}
			a, err := pr.ld.ledger.Assignment(1, 0, pr.params)
			if err != nil {
				b.Fatal(err)
			}
			var worst uint64
			var secs float64
			for range b.N {
				runtime.GC()
				debug.FreeOSMemory()
				base := mappedMemory()
				var peak atomic.Uint64
				stop := make(chan struct{})
				done := make(chan struct{})
				go func() {
					defer close(done)
					t := time.NewTicker(2 * time.Millisecond)
					defer t.Stop()
					for {
						if m := mappedMemory(); m > peak.Load() {
							peak.Store(m)
						}
						select {
						case <-stop:
							return
						case <-t.C:
						}
					}
				}()
				t0 := time.Now()
				if _, err := batch.Prove(pr.ccs, pr.pk, a); err != nil {
					b.Fatal(err)
				}
				secs += time.Since(t0).Seconds()
				close(stop)
				<-done
				if p := peak.Load(); p > base && p-base > worst {
					worst = p - base
				}
			}
			c := pr.ccs.GetNbConstraints()
			b.ReportMetric(float64(c), "constraints")
			b.ReportMetric(float64(worst)/float64(c), "peakB/constraint")
			b.ReportMetric(secs/float64(b.N)*1e6/float64(k), "µs/user")
			if worst > PeakPerBatch(c) {
				b.Errorf("measured peak %d B over the key, BytesPerConstraint predicts %d B: raise it", worst, PeakPerBatch(c))
			}
		})
	}
}

// BenchmarkLoadLedger measures the live heap the loaded inputs keep per user
// (the ledger and its native tree, cut into batches of 2^14): the figure
// behind LedgerBytesPerUser, which the pool adds to its memory limit while
// it loads. Run: go test ./prover/batchrun -run XXX -bench LoadLedger -benchtime 1x
func BenchmarkLoadLedger(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		b.Run(fmt.Sprintf("users=%d", n), func(b *testing.B) {
			files := writeFixture(b, b.TempDir(), n)
			for b.Loop() {
				before := memstat.LiveHeap()
				ld, err := loadInputs(files, 1<<14, 0)
				if err != nil {
					b.Fatal(err)
				}
				after := memstat.LiveHeap()
				runtime.KeepAlive(ld)
				perUser := float64(int64(after)-int64(before)) / float64(n)
				b.ReportMetric(perUser, "B/user-live")
				if perUser > LedgerBytesPerUser {
					b.Errorf("%.0f B per user live, LedgerBytesPerUser says %d: raise it", perUser, LedgerBytesPerUser)
				}
			}
		})
	}
}

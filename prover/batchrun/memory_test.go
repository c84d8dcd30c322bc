package batchrun

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
)

// TestSoftMemoryLimit: with no limit set, one is set above what the process
// maps and restored after; a limit the user set (GOMEMLIMIT) is kept.
func TestSoftMemoryLimit(t *testing.T) {
	if _, err := AvailableMemory(); err != nil {
		t.Skipf("no memory figure here: %v", err)
	}
	prev := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(prev)
	debug.SetMemoryLimit(math.MaxInt64)
	limit, restore := SoftMemoryLimit()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	if got := debug.SetMemoryLimit(-1); limit == 0 || got != int64(limit) || uint64(got) <= ms.Sys-ms.HeapReleased {
		t.Fatalf("limit %d returned, %d set, process maps %d", limit, got, ms.Sys-ms.HeapReleased)
	}
	restore()
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Fatalf("after restore the limit is %d, want none", got)
	}

	debug.SetMemoryLimit(5 << 30)
	limit, restore = SoftMemoryLimit()
	if got := debug.SetMemoryLimit(-1); limit != 5<<30 || got != 5<<30 {
		t.Fatalf("a set limit of 5 GiB became %d (returned %d)", got, limit)
	}
	restore()
	if got := debug.SetMemoryLimit(-1); got != 5<<30 {
		t.Fatalf("restore changed a set limit to %d", got)
	}
}

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
	t.Setenv("GOMEMLIMIT", "")
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

// TestSoftMemoryLimitFor: the headroom above what the process maps is the
// work's estimate (at least MinWorkHeap), or nine tenths of the available
// memory when there is none; a limit the user set is kept.
func TestSoftMemoryLimitFor(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "")
	prev := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(prev)
	const gib = 1 << 30
	for _, tc := range []struct {
		name            string
		need, available uint64
		room            uint64
	}{
		{"the estimate", 3 * gib, 20 * gib, 3 * gib},
		{"a small estimate raised to MinWorkHeap", 10 << 20, 20 * gib, MinWorkHeap},
		{"an estimate above the available memory is kept", 30 * gib, 20 * gib, 30 * gib},
		{"no estimate: nine tenths of the available", 0, 20 * gib, 18 * gib},
	} {
		debug.SetMemoryLimit(math.MaxInt64)
		before := mappedMemory()
		limit, restore := SoftMemoryLimitFor(tc.need, tc.available)
		after := mappedMemory()
		set := debug.SetMemoryLimit(-1)
		restore()
		if uint64(set) != limit {
			t.Errorf("%s: returned %d, set %d", tc.name, limit, set)
		}
		// The mapped memory is read inside the call: between the two readings.
		if lo, hi := min(before, after)+tc.room, max(before, after)+tc.room; limit < lo || limit > hi {
			t.Errorf("%s: limit %d, want mapped (%d..%d) + %d", tc.name, limit, before, after, tc.room)
		}
		if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
			t.Errorf("%s: restore left %d", tc.name, got)
		}
	}
	// GOMEMLIMIT=off sets no limit the runtime can report, and is kept too.
	t.Setenv("GOMEMLIMIT", "off")
	debug.SetMemoryLimit(math.MaxInt64)
	if limit, restore := SoftMemoryLimitFor(gib, 20*gib); limit != 0 || debug.SetMemoryLimit(-1) != math.MaxInt64 {
		t.Fatalf("GOMEMLIMIT=off: %d returned, %d set; want none", limit, debug.SetMemoryLimit(-1))
	} else {
		restore()
	}
	t.Setenv("GOMEMLIMIT", "")
	debug.SetMemoryLimit(7 << 30)
	if limit, restore := SoftMemoryLimitFor(gib, 20*gib); limit != 7<<30 || debug.SetMemoryLimit(-1) != 7<<30 {
		t.Fatalf("a set limit of 7 GiB: returned %d, now %d", limit, debug.SetMemoryLimit(-1))
	} else {
		restore()
	}
}

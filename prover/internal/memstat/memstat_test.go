package memstat

import (
	"runtime"
	"testing"
	"time"
)

// TestPeakRSSCoversAnAllocation: after touching 64 MiB the peak resident set
// is at least that, and the sampled heap peak sees the live buffer.
func TestPeakRSSCoversAnAllocation(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("VmHWM is Linux's")
	}
	stop := TrackHeap()
	buf := make([]byte, 64<<20)
	for i := range buf {
		buf[i] = byte(i)
	}
	time.Sleep(100 * time.Millisecond) // several samples with the buffer live
	rss, err := PeakRSS()
	if err != nil {
		t.Fatal(err)
	}
	if rss < uint64(len(buf)) {
		t.Errorf("peak RSS %d B below the %d B just touched", rss, len(buf))
	}
	runtime.KeepAlive(buf)
	if heap := stop(); heap < uint64(len(buf)) {
		t.Errorf("heap peak %d B below the %d B buffer held live", heap, len(buf))
	}
}

// TestLiveHeap: 64 MiB kept between two readings shows in their difference.
func TestLiveHeap(t *testing.T) {
	before := LiveHeap()
	kept := make([]byte, 64<<20)
	for i := range kept {
		kept[i] = byte(i)
	}
	after := LiveHeap()
	runtime.KeepAlive(kept)
	if after < before+63<<20 { // other garbage may go in the same collection
		t.Fatalf("live heap %d before, %d after keeping 64 MiB", before, after)
	}
}

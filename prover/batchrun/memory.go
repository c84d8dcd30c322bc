package batchrun

import (
	"bufio"
	"errors"
	"fmt"
	"math"
	"os"
	"runtime/debug"
	"runtime/metrics"
	"strconv"
	"strings"
)

// BytesPerConstraint is the measured peak of proving one batch, in bytes per
// R1CS constraint that the Go runtime maps on top of the proving key and
// constraint system (loaded once, shared by the workers): 2129 at K = 64
// (65,193 constraints), 2023 at K = 256 (261,033), direct hashing, bits range
// checks, GOGC=100, measured with
// `go test ./prover/batchrun -run XXX -bench ProvePeak -benchtime 3x`; rounded up.
const BytesPerConstraint = 2200

// CopyBytesPerConstraint is the memory of one copy of a compiled batch
// circuit, per constraint, where batches in flight need their own (GKR
// hashing, batch.HasSolvingState): the live heap a copy adds, 813 B at K = 8
// with GKR hashing (590.6 MB for 726,309 constraints; its serialization is
// 383 B), from TestConcurrentGKRSolves' log
// (`go test ./prover/batch -run TestConcurrentGKRSolves -v`), rounded up.
const CopyBytesPerConstraint = 850

// LedgerBytesPerUser bounds the live heap the loaded inputs keep per user
// (the ledger, its native tree and the batch statements), which the pool's
// memory limit counts while it loads: 569 B at 10^4 users and 546 B at
// 10^5 (the repository's 4-asset fixture, batches of 2^14), measured with
// `go test ./prover/batchrun -run XXX -bench LoadLedger -benchtime 1x`;
// rounded up.
const LedgerBytesPerUser = 600

// Memory is the memory available to new work, and where the figure came from.
type Memory struct {
	Bytes  uint64 `json:"bytes"`
	Source string `json:"source"`
}

// Default locations of the memory figures: the cgroup v2 limit and usage (a
// Kubernetes container's limit), and the kernel's estimate for the machine.
const (
	CgroupMax     = "/sys/fs/cgroup/memory.max"
	CgroupCurrent = "/sys/fs/cgroup/memory.current"
	CgroupStat    = "/sys/fs/cgroup/memory.stat"
	MemInfo       = "/proc/meminfo"
)

// AvailableMemory returns the memory available to this process: the cgroup
// limit less the cgroup's working set when a limit is set, and never more
// than /proc/meminfo's MemAvailable. The working set is the usage less the
// inactive file cache (memory.stat inactive_file), as Kubernetes counts it:
// the cache that reading the key and the proofs fills is reclaimed before
// the container is.
func AvailableMemory() (Memory, error) {
	return availableMemory(CgroupMax, CgroupCurrent, CgroupStat, MemInfo)
}

func availableMemory(cgMax, cgCur, cgStat, meminfo string) (Memory, error) {
	host, hostErr := memAvailable(meminfo)
	limit, ok, err := cgroupLimit(cgMax)
	if err != nil {
		return Memory{}, err
	}
	if ok {
		used, err := readUint(cgCur)
		if err != nil {
			return Memory{}, fmt.Errorf("%s: %w", cgCur, err)
		}
		cache, err := inactiveFile(cgStat)
		if err != nil {
			return Memory{}, err
		}
		used -= min(cache, used)
		free := uint64(0)
		if limit > used {
			free = limit - used
		}
		if hostErr == nil && host < free {
			return Memory{Bytes: host, Source: meminfo + " MemAvailable"}, nil
		}
		return Memory{Bytes: free, Source: cgMax + " less " + cgCur + " less inactive_file"}, nil
	}
	if hostErr != nil {
		return Memory{}, hostErr
	}
	return Memory{Bytes: host, Source: meminfo + " MemAvailable"}, nil
}

// cgroupLimit reads a cgroup v2 memory.max: ok is false when the file is
// absent (no cgroup v2) or says "max" (no limit).
func cgroupLimit(path string) (uint64, bool, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, fmt.Errorf("memory limit: %w", err)
	}
	s := strings.TrimSpace(string(data))
	if s == "max" {
		return 0, false, nil
	}
	v, err := strconv.ParseUint(s, 10, 64)
	if err != nil {
		return 0, false, fmt.Errorf("memory limit %s: %q is neither a number of bytes nor \"max\"", path, s)
	}
	return v, true, nil
}

// inactiveFile reads inactive_file (bytes) from a cgroup v2 memory.stat; 0
// when the file is absent.
func inactiveFile(path string) (uint64, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("memory stat: %w", err)
	}
	for line := range strings.Lines(string(data)) {
		rest, ok := strings.CutPrefix(line, "inactive_file ")
		if !ok {
			continue
		}
		v, err := strconv.ParseUint(strings.TrimSpace(rest), 10, 64)
		if err != nil {
			return 0, fmt.Errorf("%s: inactive_file %q is not a number of bytes", path, strings.TrimSpace(rest))
		}
		return v, nil
	}
	return 0, nil
}

func readUint(path string) (uint64, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return 0, err
	}
	s := strings.TrimSpace(string(data))
	v, err := strconv.ParseUint(s, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("%q is not a number of bytes", s)
	}
	return v, nil
}

// memAvailable reads MemAvailable (kB) from a /proc/meminfo.
func memAvailable(path string) (uint64, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, fmt.Errorf("available memory: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		rest, ok := strings.CutPrefix(sc.Text(), "MemAvailable:")
		if !ok {
			continue
		}
		fields := strings.Fields(rest)
		if len(fields) != 2 || fields[1] != "kB" {
			return 0, fmt.Errorf("%s: MemAvailable line %q: want \"<n> kB\"", path, sc.Text())
		}
		kb, err := strconv.ParseUint(fields[0], 10, 64)
		if err != nil {
			return 0, fmt.Errorf("%s: MemAvailable %q: %w", path, fields[0], err)
		}
		return kb * 1024, nil
	}
	if err := sc.Err(); err != nil {
		return 0, fmt.Errorf("%s: %w", path, err)
	}
	return 0, fmt.Errorf("%s has no MemAvailable line", path)
}

// PeakPerBatch estimates the peak memory of proving one batch of a circuit.
func PeakPerBatch(constraints int) uint64 {
	return uint64(constraints) * BytesPerConstraint
}

// InFlight returns how many batches to prove at once: the workers asked for
// (cpus when 0), no more than the memory holds, and at least one (a single
// batch that does not fit is still tried: the caller warns).
func InFlight(workers, cpus int, mem uint64, peak uint64) int {
	n := workers
	if n <= 0 {
		n = cpus
	}
	if peak > 0 {
		n = int(min(uint64(n), mem/peak))
	}
	return max(n, 1)
}

// SoftMemoryLimit sets the Go runtime's soft memory limit to what the process
// maps now plus nine tenths of the available memory, unless a limit is set
// already (GOMEMLIMIT), and returns the function that restores the previous
// one. Near the limit the collector runs as often as it must, so garbage
// (a setup's scratch, a compile's intermediates) is reclaimed before the
// kernel's OOM killer counts it; live data beyond it still fails. The limit is
// 0 (nothing set) when the available memory cannot be read.
func SoftMemoryLimit() (limit uint64, restore func()) {
	mem, err := AvailableMemory()
	if err != nil {
		return 0, func() {}
	}
	return SoftMemoryLimitFor(0, mem.Bytes)
}

// MinWorkHeap is the least headroom SoftMemoryLimitFor gives work above what
// the process maps: small circuits' fixed costs (goroutine stacks, the
// prover's scratch) are not proportional to their constraints.
const MinWorkHeap = 1 << 30

// SoftMemoryLimitFor is SoftMemoryLimit for work whose peak is estimated at
// need bytes above what the process maps now. With an estimate the limit is
// the mapped memory plus need (at least MinWorkHeap), whatever the available
// memory: a limit below the work's live memory would keep the collector
// running without freeing anything, while one above what the machine has
// costs nothing (a batch that does not fit is warned about by the pool).
// With no estimate (need 0) it is the mapped memory plus nine tenths of the
// available. It bounds the collector's slack: with no limit Go lets the heap
// grow to twice its live size (GOGC=100), and loading a 2^14-user batch
// circuit and key left as much garbage as it kept (15.5 GB peak RSS for one
// batch, 8.1 GB under this limit). A limit the user set (GOMEMLIMIT) is kept
// and returned; with GOMEMLIMIT=off none is set and 0 is returned.
func SoftMemoryLimitFor(need, available uint64) (limit uint64, restore func()) {
	prev := debug.SetMemoryLimit(-1)
	if os.Getenv("GOMEMLIMIT") != "" || prev != math.MaxInt64 {
		if prev == math.MaxInt64 {
			return 0, func() {} // GOMEMLIMIT=off: no limit
		}
		return uint64(prev), func() {}
	}
	room := available / 10 * 9
	if need > 0 {
		room = max(need, MinWorkHeap)
	}
	limit = mappedMemory() + room
	debug.SetMemoryLimit(int64(min(limit, math.MaxInt64)))
	return limit, func() { debug.SetMemoryLimit(prev) }
}

// mappedMemory is what the Go runtime holds from the system, less what it
// has returned: its share of the resident set.
func mappedMemory() uint64 {
	s := []metrics.Sample{{Name: "/memory/classes/total:bytes"}, {Name: "/memory/classes/heap/released:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64() - s[1].Value.Uint64()
}

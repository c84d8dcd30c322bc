package batchrun

import (
	"fmt"
	"strconv"
	"strings"
)

// Shard is shard I of N: the batches b with b mod N == I.
type Shard struct {
	I, N int
}

// All is the one shard that holds every batch.
var All = Shard{I: 0, N: 1}

// String formats the shard as I/N.
func (s Shard) String() string { return fmt.Sprintf("%d/%d", s.I, s.N) }

// Has reports whether batch b belongs to the shard.
func (s Shard) Has(b int) bool { return b%s.N == s.I }

// ParseShard parses "I/N" with 0 <= I < N.
func ParseShard(v string) (Shard, error) {
	is, ns, ok := strings.Cut(v, "/")
	if !ok {
		return Shard{}, fmt.Errorf("shard %q: want I/N, e.g. 0/3", v)
	}
	i, err1 := strconv.Atoi(is)
	n, err2 := strconv.Atoi(ns)
	if err1 != nil || err2 != nil {
		return Shard{}, fmt.Errorf("shard %q: I and N must be decimal integers", v)
	}
	if n < 1 {
		return Shard{}, fmt.Errorf("shard %q: N = %d, want at least 1", v, n)
	}
	if i < 0 || i >= n {
		return Shard{}, fmt.Errorf("shard %q: I = %d, want 0 <= I < %d", v, i, n)
	}
	return Shard{I: i, N: n}, nil
}

package batch

import (
	"math/big"
	"testing"

	fa "github.com/consensys/gnark-crypto/ecc/bw6-761/fr"
)

// TestRootDigest: the digest is SHA-256 of the 48-byte big-endian root and
// log2 of the capacity, mod 2^253: distinct for distinct roots and for
// distinct capacities of one root, below the BN254 scalar field, and refused
// for a capacity that is not a power of 2.
func TestRootDigest(t *testing.T) {
	var a, b fa.Element
	a.SetUint64(1)
	b.SetUint64(2)
	d := func(r *fa.Element, capacity int) *big.Int {
		t.Helper()
		x, err := RootDigest(r, capacity)
		if err != nil {
			t.Fatal(err)
		}
		return x
	}
	da, db, da2 := d(&a, 16), d(&b, 16), d(&a, 32)
	if da.Cmp(db) == 0 || da.Cmp(da2) == 0 {
		t.Fatal("two roots or two capacities, one digest")
	}
	if da.BitLen() > 253 || db.BitLen() > 253 {
		t.Fatal("digest wider than 253 bits")
	}
	// SHA-256 of 47 zero bytes, 0x01 and 0x04 (capacity 16), top 3 bits
	// cleared (python3 hashlib).
	want, _ := new(big.Int).SetString("13fe0d47efa1bf48eadb7ea5d6ba2b159ca8bfcc49b74a18c7d5aed101d395e9", 16)
	if da.Cmp(want) != 0 {
		t.Fatalf("digest of 1 at capacity 16 is %x, want %x", da, want)
	}
	for _, c := range []int{0, 1, 3, 24, -16} {
		if _, err := RootDigest(&a, c); err == nil {
			t.Errorf("capacity %d: digested", c)
		}
	}
}

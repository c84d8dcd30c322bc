package batch

import (
	"math/big"
	"testing"

	fa "github.com/consensys/gnark-crypto/ecc/bw6-761/fr"
)

// TestRootDigest: the digest is SHA-256 of the 48-byte big-endian root mod
// 2^253, distinct for distinct roots, and below the BN254 scalar field.
func TestRootDigest(t *testing.T) {
	var a, b fa.Element
	a.SetUint64(1)
	b.SetUint64(2)
	da, db := RootDigest(&a), RootDigest(&b)
	if da.Cmp(db) == 0 {
		t.Fatal("two roots, one digest")
	}
	if da.BitLen() > 253 || db.BitLen() > 253 {
		t.Fatal("digest wider than 253 bits")
	}
	// SHA-256 of 47 zero bytes and 0x01, top 3 bits cleared (python3 hashlib).
	want, _ := new(big.Int).SetString("06f77354f38f799c3e3d853dec927db2d921a6d80cc206b01b9d0cf485324fce", 16)
	if da.Cmp(want) != 0 {
		t.Fatalf("digest of 1 is %x, want %x", da, want)
	}
}

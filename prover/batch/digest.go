package batch

import (
	"crypto/sha256"
	"math/big"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	fa "github.com/consensys/gnark-crypto/ecc/bw6-761/fr"
)

// DigestBits is the width of RootDigest: SHA-256 mod 2^253, below the BN254
// scalar field (circuits/epoch's HashBits).
const DigestBits = 253

// RootDigest is the registry form of a batched tree's root: SHA-256 of its
// 48-byte big-endian canonical encoding, read big-endian, mod 2^253. The
// registry records it as a batched epoch's liabilities root; circuits/wrap
// computes the same in the circuit. Users check their path to the root and
// the root's digest against the registry.
func RootDigest(root *fa.Element) *big.Int {
	b := root.Bytes()
	h := sha256.Sum256(b[:])
	d := new(big.Int).SetBytes(h[:])
	return d.Mod(d, new(big.Int).Lsh(big.NewInt(1), DigestBits))
}

// RootDigestElement is RootDigest as a BN254 scalar.
func RootDigestElement(root *fa.Element) fr.Element {
	var e fr.Element
	e.SetBigInt(RootDigest(root))
	return e
}

package batch

import (
	"crypto/sha256"
	"fmt"
	"math/big"
	"math/bits"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	fa "github.com/consensys/gnark-crypto/ecc/bw6-761/fr"
)

// DigestBits is the width of RootDigest: SHA-256 mod 2^253, below the BN254
// scalar field (circuits/epoch's HashBits).
const DigestBits = 253

// DigestBytes is the length of RootDigest's message: the 48-byte root and one
// byte, log2 of the capacity.
const DigestBytes = 49

// RootDigest is the registry form of a batched tree's root over a capacity
// of M·K leaves (a power of 2): SHA-256 of the root's 48-byte big-endian
// canonical encoding followed by one byte, log2(capacity), read big-endian,
// mod 2^253. The registry records it as a batched epoch's liabilities root;
// circuits/wrap computes the same in the circuit, with the capacity a constant
// of the circuit. Binding the capacity matters: a batched leaf is also a valid
// internal node over a free left child, so a path one level deeper than the
// tree can pass through a zero-balance leaf; the digest makes the registry's
// capacity the proof's, and a verifier computes it with the capacity the
// registry states.
func RootDigest(root *fa.Element, capacity int) (*big.Int, error) {
	if capacity < 2 || capacity&(capacity-1) != 0 {
		return nil, fmt.Errorf("root digest: capacity %d is not a power of 2 (at least 2)", capacity)
	}
	b := root.Bytes()
	msg := append(b[:], byte(bits.TrailingZeros(uint(capacity))))
	h := sha256.Sum256(msg)
	d := new(big.Int).SetBytes(h[:])
	return d.Mod(d, new(big.Int).Lsh(big.NewInt(1), DigestBits)), nil
}

// RootDigestElement is RootDigest as a BN254 scalar.
func RootDigestElement(root *fa.Element, capacity int) (fr.Element, error) {
	var e fr.Element
	d, err := RootDigest(root, capacity)
	if err != nil {
		return e, err
	}
	e.SetBigInt(d)
	return e, nil
}

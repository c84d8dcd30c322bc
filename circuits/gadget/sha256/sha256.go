// Package sha256 is SHA-256 (FIPS 180-4) as R1CS-friendly boolean circuit
// arithmetic: every word is 32 bits, the boolean functions are products of
// bits, and additions mod 2^32 pack the bits into one field element, add, and
// decompose the sum with api.ToBinary into 32 bits plus the carry bits, which
// are dropped. It uses no lookup table and no range-check gadget, so a circuit
// using it has no BSB22 commitment.
//
// Cost per 64-byte block, R1CS: about 64 × (two Σ of 64 XORs, Ch 32, Maj 64,
// two 35-bit decompositions) + 48 × (two σ, one 34-bit decomposition) + 8
// final additions; constants fold for free (the first round's state is the
// IV).
package sha256

import (
	"fmt"

	"github.com/consensys/gnark/frontend"
)

// word is a 32-bit word as bits, w[0] the least significant.
type word [32]frontend.Variable

var k = [64]uint32{
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
	0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
	0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
	0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
	0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
	0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
}

var iv = [8]uint32{0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19}

// Sum returns the SHA-256 digest of a message given as bits, most significant
// bit of byte 0 first (len(msg) must be a multiple of 8; the length is fixed
// when the circuit is compiled). Each message bit is asserted boolean (free for
// bits that come from api.ToBinary). The digest is 256 bits in the same order:
// digest[0] is the most significant bit of the digest's first byte.
func Sum(api frontend.API, msg []frontend.Variable) ([256]frontend.Variable, error) {
	var out [256]frontend.Variable
	if len(msg)%8 != 0 {
		return out, fmt.Errorf("sha256: message of %d bits is not whole bytes", len(msg))
	}
	for i := 0; i < len(msg); i++ { // three-clause: a deleted assertion still compiles (constraint-mutants)
		api.AssertIsBoolean(msg[i])
	}
	// Padding: 1, zeros to 448 mod 512, the bit length as 64 bits big-endian.
	n := uint64(len(msg))
	padded := append([]frontend.Variable(nil), msg...)
	padded = append(padded, 1)
	for len(padded)%512 != 448 {
		padded = append(padded, 0)
	}
	for i := 63; i >= 0; i-- {
		padded = append(padded, (n>>uint(i))&1)
	}

	var h [8]word
	for i, x := range iv {
		h[i] = constWord(x)
	}
	for blk := 0; blk < len(padded); blk += 512 {
		h = compress(api, h, padded[blk:blk+512])
	}
	for i := range 8 {
		for j := range 32 {
			out[32*i+j] = h[i][31-j]
		}
	}
	return out, nil
}

func constWord(x uint32) word {
	var w word
	for i := range 32 {
		w[i] = uint64((x >> uint(i)) & 1)
	}
	return w
}

// compress is the SHA-256 compression function of one 512-bit block (bits
// most significant first).
func compress(api frontend.API, h [8]word, block []frontend.Variable) [8]word {
	var w [64]word
	for t := range 16 {
		for j := range 32 {
			w[t][j] = block[32*t+31-j]
		}
	}
	for t := 16; t < 64; t++ {
		s0 := xor3(api, rotr(w[t-15], 7), rotr(w[t-15], 18), shr(w[t-15], 3))
		s1 := xor3(api, rotr(w[t-2], 17), rotr(w[t-2], 19), shr(w[t-2], 10))
		w[t] = add(api, 0, w[t-16], s0, w[t-7], s1)
	}
	a, b, c, d, e, f, g, hh := h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7]
	for t := range 64 {
		S1 := xor3(api, rotr(e, 6), rotr(e, 11), rotr(e, 25))
		ch := chWord(api, e, f, g)
		S0 := xor3(api, rotr(a, 2), rotr(a, 13), rotr(a, 22))
		mj := majWord(api, a, b, c)
		// T1 = h + Σ1(e) + Ch(e,f,g) + K[t] + W[t]; a' = T1 + Σ0(a) + Maj(a,b,c); e' = d + T1.
		newA := add(api, k[t], hh, S1, ch, w[t], S0, mj)
		newE := add(api, k[t], d, hh, S1, ch, w[t])
		hh, g, f, e, d, c, b, a = g, f, e, newE, c, b, a, newA
	}
	return [8]word{
		add(api, 0, h[0], a), add(api, 0, h[1], b), add(api, 0, h[2], c), add(api, 0, h[3], d),
		add(api, 0, h[4], e), add(api, 0, h[5], f), add(api, 0, h[6], g), add(api, 0, h[7], hh),
	}
}

func rotr(x word, n int) word {
	var r word
	for i := range 32 {
		r[i] = x[(i+n)%32]
	}
	return r
}

func shr(x word, n int) word {
	var r word
	for i := range 32 {
		if i+n < 32 {
			r[i] = x[i+n]
		} else {
			r[i] = 0
		}
	}
	return r
}

// xor3 is x ⊕ y ⊕ z bit by bit: two R1CS constraints per bit (fewer where a
// bit is a constant).
func xor3(api frontend.API, x, y, z word) word {
	var r word
	for i := range 32 {
		r[i] = api.Xor(api.Xor(x[i], y[i]), z[i])
	}
	return r
}

// chWord is Ch(e, f, g) = (e ∧ f) ⊕ (¬e ∧ g), i.e. f where e is 1, else g:
// one constraint per bit.
func chWord(api frontend.API, e, f, g word) word {
	var r word
	for i := range 32 {
		r[i] = api.Select(e[i], f[i], g[i])
	}
	return r
}

// majWord is Maj(a, b, c), the majority of three bits, as bc + a(b + c − 2bc):
// two constraints per bit. Its bits only ever enter an addition, so they are
// not marked boolean (they are, for boolean inputs).
func majWord(api frontend.API, a, b, c word) word {
	var r word
	for i := range 32 {
		bc := api.Mul(b[i], c[i])
		bxc := api.Sub(api.Add(b[i], c[i]), api.Mul(2, bc))
		r[i] = api.Add(bc, api.Mul(a[i], bxc))
	}
	return r
}

// pack is Σ x[i]·2^i, a linear combination (no constraint).
func pack(api frontend.API, x word) frontend.Variable {
	var s frontend.Variable = 0
	for i := range 32 {
		s = api.Add(s, api.Mul(x[i], uint64(1)<<uint(i)))
	}
	return s
}

// add is (cst + Σ words) mod 2^32: the sum is decomposed into 32 bits and as
// many carry bits as the number of terms needs, and the carry bits dropped.
// The words' bits must be boolean, so that each packed word is below 2^32 and
// the sum below 2^(32+carry bits).
func add(api frontend.API, cst uint32, ws ...word) word {
	var sum frontend.Variable = uint64(cst)
	terms := len(ws)
	if cst != 0 {
		terms++
	}
	for _, w := range ws {
		sum = api.Add(sum, pack(api, w))
	}
	carry := 0
	for 1<<uint(carry) < terms {
		carry++
	}
	bits := api.ToBinary(sum, 32+carry)
	var r word
	copy(r[:], bits[:32])
	return r
}

// Package hashing is the native twin of circuits/gadget/poseidon: the same
// Poseidon2 compressions and domain-tagged Merkle–Damgård hash, over
// gnark-crypto's BN254 field elements.
package hashing

import (
	"crypto/sha256"
	"fmt"
	"math/big"
	"sync"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	p2 "github.com/consensys/gnark-crypto/ecc/bn254/fr/poseidon2"

	"github.com/zktreasury/zktreasury/circuits/gadget/poseidon"
)

var (
	permMu sync.Mutex
	perms  = map[int]*p2.Permutation{}
)

func permutation(width int) (*p2.Permutation, error) {
	permMu.Lock()
	defer permMu.Unlock()
	if p, ok := perms[width]; ok {
		return p, nil
	}
	rf, rp, err := poseidon.Rounds(width)
	if err != nil {
		return nil, err
	}
	var p *p2.Permutation
	if width == 2 {
		p = p2.NewDefaultPermutation()
	} else {
		p = p2.NewPermutation(width, rf, rp)
	}
	perms[width] = p
	return p, nil
}

// Compress returns C_t(in) = P_t(x)[t-1] + x[t-1], where x is in padded with
// zeros to width t.
func Compress(width int, in ...fr.Element) (fr.Element, error) {
	if len(in) > width {
		return fr.Element{}, fmt.Errorf("compress: %d inputs for width %d", len(in), width)
	}
	p, err := permutation(width)
	if err != nil {
		return fr.Element{}, err
	}
	x := make([]fr.Element, width)
	copy(x, in)
	last := x[width-1]
	if err := p.Permutation(x); err != nil {
		return fr.Element{}, err
	}
	var out fr.Element
	out.Add(&x[width-1], &last)
	return out, nil
}

// MustCompress is Compress for widths known to be valid.
func MustCompress(width int, in ...fr.Element) fr.Element {
	out, err := Compress(width, in...)
	if err != nil {
		panic(err)
	}
	return out
}

// Hash is the domain-tagged Merkle–Damgård hash: absorb tag, then each element,
// with the width-2 compression and IV 0, exactly as gnark's std hash does.
func Hash(tag uint64, elems ...fr.Element) fr.Element {
	var state, t fr.Element
	t.SetUint64(tag)
	state = MustCompress(2, state, t)
	for _, e := range elems {
		state = MustCompress(2, state, e)
	}
	return state
}

// FromUint64 returns a field element.
func FromUint64(v uint64) fr.Element {
	var e fr.Element
	e.SetUint64(v)
	return e
}

// FromBig reduces a big integer into the field.
func FromBig(v *big.Int) fr.Element {
	var e fr.Element
	e.SetBigInt(v)
	return e
}

// FromString hashes an arbitrary string (a user id) into the field: SHA-256,
// reduced modulo r.
func FromString(s string) fr.Element {
	sum := sha256.Sum256([]byte(s))
	var e fr.Element
	e.SetBytes(sum[:])
	return e
}

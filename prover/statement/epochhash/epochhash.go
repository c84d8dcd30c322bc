// Package epochhash is the native twin of the epoch circuit's one public input:
// the byte encoding of an epoch statement's public values and its hash,
// SHA-256 mod 2^253. It depends on the standard library only, so the contract
// client and the prover share it; the registry computes the same bytes with
// abi.encodePacked and the SHA-256 precompile.
//
// Encoding (192 + 24A bytes for A assets), every value big-endian:
//
//	policyCommitment, prevStateCommitment, newStateCommitment,
//	liabilitiesRoot, actionsCommitment        32 bytes each, canonical (< r)
//	actionCount, epoch, startTime, endTime    8 bytes each (uint64)
//	price[0..A), inflow[0..A), outflow[0..A)  8 bytes each (uint64)
//
// Hash: the SHA-256 digest read as a big-endian 256-bit integer with its top 3
// bits cleared (digest mod 2^253), a BN254 scalar field element.
package epochhash

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"math/big"
)

// ScalarField is the BN254 scalar field modulus r.
var ScalarField, _ = new(big.Int).SetString("21888242871839275222246405745257275088548364400416034343698204186575808495617", 10)

// HashBits is the width of the hash: SHA-256 mod 2^HashBits.
const HashBits = 253

// Values are an epoch statement's public values, in encoding order.
type Values struct {
	PolicyCommitment, PrevStateCommitment, NewStateCommitment, LiabilitiesRoot, ActionsCommitment *big.Int
	ActionCount, Epoch, StartTime, EndTime                                                        uint64
	// Per asset, in policy order.
	Prices, Inflows, Outflows []uint64
}

// Names are the value names as proof files write them, before the per-asset
// ones ("price.<SYMBOL>", then "inflow.<SYMBOL>", then "outflow.<SYMBOL>").
var Names = []string{
	"policyCommitment", "prevStateCommitment", "newStateCommitment", "liabilitiesRoot",
	"actionsCommitment", "actionCount", "epoch", "startTime", "endTime",
}

// Len is the encoding's length in bytes for a number of assets.
func Len(assets int) int { return 5*32 + 4*8 + 3*8*assets }

// Encode returns the encoding; it fails on a field value that is nil, negative
// or not below r, or per-asset slices of different lengths.
func (v *Values) Encode() ([]byte, error) {
	n := len(v.Prices)
	if len(v.Inflows) != n || len(v.Outflows) != n {
		return nil, fmt.Errorf("epoch hash: %d prices, %d inflows, %d outflows", n, len(v.Inflows), len(v.Outflows))
	}
	out := make([]byte, 0, Len(n))
	for i, x := range []*big.Int{v.PolicyCommitment, v.PrevStateCommitment, v.NewStateCommitment, v.LiabilitiesRoot, v.ActionsCommitment} {
		if x == nil || x.Sign() < 0 || x.Cmp(ScalarField) >= 0 {
			return nil, fmt.Errorf("epoch hash: %s = %v is not a BN254 scalar field element", Names[i], x)
		}
		var b [32]byte
		x.FillBytes(b[:])
		out = append(out, b[:]...)
	}
	ints := []uint64{v.ActionCount, v.Epoch, v.StartTime, v.EndTime}
	ints = append(ints, v.Prices...)
	ints = append(ints, v.Inflows...)
	ints = append(ints, v.Outflows...)
	for _, x := range ints {
		out = binary.BigEndian.AppendUint64(out, x)
	}
	return out, nil
}

// Hash returns SHA-256(encoding) mod 2^253.
func (v *Values) Hash() (*big.Int, error) {
	enc, err := v.Encode()
	if err != nil {
		return nil, err
	}
	return HashBytes(enc), nil
}

// HashBytes returns SHA-256(b) mod 2^253.
func HashBytes(b []byte) *big.Int {
	d := sha256.Sum256(b)
	d[0] &= 0xff >> (256 - HashBits)
	return new(big.Int).SetBytes(d[:])
}

// FromNamed reads values from named inputs in the order of Layout(symbols);
// every value must be a field element (field values) or fit 64 bits.
func FromNamed(names []string, vals []*big.Int, symbols []string) (*Values, error) {
	want := Layout(symbols)
	if len(names) != len(want) || len(vals) != len(want) {
		return nil, fmt.Errorf("epoch hash: %d named values, the layout has %d", len(names), len(want))
	}
	ints := make([]uint64, 0, len(want)-5)
	for i, name := range names {
		if name != want[i] {
			return nil, fmt.Errorf("epoch hash: value %d is %s, the layout has %s", i, name, want[i])
		}
		if vals[i] == nil {
			return nil, fmt.Errorf("epoch hash: %s has no value", name)
		}
		if i >= 5 {
			if !vals[i].IsUint64() {
				return nil, fmt.Errorf("epoch hash: %s = %v does not fit 64 bits", name, vals[i])
			}
			ints = append(ints, vals[i].Uint64())
		}
	}
	a := len(symbols)
	if len(ints) != 4+3*a {
		return nil, errors.New("epoch hash: internal error: layout length")
	}
	return &Values{
		PolicyCommitment: vals[0], PrevStateCommitment: vals[1], NewStateCommitment: vals[2], LiabilitiesRoot: vals[3], ActionsCommitment: vals[4],
		ActionCount: ints[0], Epoch: ints[1], StartTime: ints[2], EndTime: ints[3],
		Prices: ints[4 : 4+a], Inflows: ints[4+a : 4+2*a], Outflows: ints[4+2*a:],
	}, nil
}

// Layout is the list of value names for these asset symbols, in encoding order.
func Layout(symbols []string) []string {
	out := append([]string(nil), Names...)
	for _, prefix := range []string{"price.", "inflow.", "outflow."} {
		for _, s := range symbols {
			out = append(out, prefix+s)
		}
	}
	return out
}

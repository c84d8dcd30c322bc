package batch

import (
	"encoding/hex"
	"errors"
	"math/big"
	"strings"

	fb "github.com/consensys/gnark-crypto/ecc/bls12-377/fr"
	fa "github.com/consensys/gnark-crypto/ecc/bw6-761/fr"
)

// HexB formats a BLS12-377 scalar as 0x-prefixed 64-digit hex.
func HexB(e fb.Element) string {
	b := e.Bytes()
	return "0x" + hex.EncodeToString(b[:])
}

// HexA formats a BW6-761 scalar as 0x-prefixed 96-digit hex.
func HexA(e fa.Element) string {
	b := e.Bytes()
	return "0x" + hex.EncodeToString(b[:])
}

func parseHex(s string, modulus *big.Int) (*big.Int, error) {
	rest, ok := strings.CutPrefix(s, "0x")
	if !ok || rest == "" {
		return nil, errors.New("not 0x-prefixed hex")
	}
	if _, err := hex.DecodeString(strings.Repeat("0", len(rest)%2) + rest); err != nil {
		return nil, errors.New("not hex")
	}
	v, _ := new(big.Int).SetString(rest, 16)
	if v.Cmp(modulus) >= 0 {
		return nil, errors.New("not below the field modulus")
	}
	return v, nil
}

// ParseB parses a canonical BLS12-377 scalar in 0x-prefixed hex.
func ParseB(s string) (fb.Element, error) {
	v, err := parseHex(s, fb.Modulus())
	if err != nil {
		return fb.Element{}, err
	}
	var e fb.Element
	e.SetBigInt(v)
	return e, nil
}

// ParseA parses a canonical BW6-761 scalar in 0x-prefixed hex.
func ParseA(s string) (fa.Element, error) {
	v, err := parseHex(s, fa.Modulus())
	if err != nil {
		return fa.Element{}, err
	}
	var e fa.Element
	e.SetBigInt(v)
	return e, nil
}

// Package fixed converts decimal amounts, prices and limits into the exact
// integers the circuits work with, and is the only place that does so.
//
// Every amount enters a circuit as an integer of circuit-scale units
// (10^-circuitDecimals tokens) in [0, 2^64). A price is an integer number of
// value units (10^-valueDecimals USD) per circuit-scale unit, also below 2^64, so
// amount × price is a value in value units below 2^128 and values of different
// assets add up. Rounding is always chosen against the prover: reserves round
// down, liabilities up, limits toward the stricter side; a non-zero input that
// would round to zero, or a result that does not fit, is refused.
package fixed

import (
	"errors"
	"fmt"
	"math/big"

	"github.com/shopspring/decimal"
)

// Rounding is the direction a conversion rounds in when the decimal has more
// precision than the target scale.
type Rounding int

const (
	// Down rounds toward zero: reserves, and limits that cap what the prover may do.
	Down Rounding = iota
	// Up rounds away from zero: liabilities, and limits that the prover must reach.
	Up
)

func (r Rounding) String() string {
	if r == Up {
		return "up"
	}
	return "down"
}

// ErrNegative is returned when a negative decimal is converted.
var ErrNegative = errors.New("negative value")

// ErrOverflow is returned when a converted value does not fit its bit width.
var ErrOverflow = errors.New("does not fit")

// ErrRoundsToZero is returned when a non-zero value would round to zero at the
// target scale, which would silently drop it from a proof.
var ErrRoundsToZero = errors.New("non-zero value rounds to zero")

var maxU64 = new(big.Int).SetUint64(^uint64(0))

// scaled returns d × 10^scale rounded in direction r, as a big integer.
func scaled(d decimal.Decimal, scale int32, r Rounding) (*big.Int, error) {
	if d.Sign() < 0 {
		return nil, fmt.Errorf("%s: %w", d, ErrNegative)
	}
	s := d.Shift(scale)
	var i decimal.Decimal
	if r == Up {
		i = s.Ceil()
	} else {
		i = s.Floor()
	}
	out := i.BigInt()
	if d.Sign() > 0 && out.Sign() == 0 {
		return nil, fmt.Errorf("%s at 10^-%d: %w", d, scale, ErrRoundsToZero)
	}
	return out, nil
}

// Units converts a token amount to circuit-scale units (10^-circuitDecimals
// tokens), rounding in direction r; the result must fit in 64 bits.
func Units(amount decimal.Decimal, circuitDecimals int32, r Rounding) (uint64, error) {
	v, err := scaled(amount, circuitDecimals, r)
	if err != nil {
		return 0, err
	}
	if v.Cmp(maxU64) > 0 {
		return 0, fmt.Errorf("%s at 10^-%d is %s units, over 2^64-1: %w", amount, circuitDecimals, v, ErrOverflow)
	}
	return v.Uint64(), nil
}

// Price converts a USD price per whole token into value units per circuit-scale
// unit: usd × 10^valueDecimals / 10^circuitDecimals, rounded down (the same
// price values both reserves and liabilities of the asset). Zero is refused.
func Price(usd decimal.Decimal, valueDecimals, circuitDecimals int32) (uint64, error) {
	if usd.Sign() <= 0 {
		return 0, fmt.Errorf("price %s: must be positive", usd)
	}
	v, err := scaled(usd, valueDecimals-circuitDecimals, Down)
	if err != nil {
		return 0, fmt.Errorf("price %s: %w", usd, err)
	}
	if v.Cmp(maxU64) > 0 {
		return 0, fmt.Errorf("price %s is %s value units, over 2^64-1: %w", usd, v, ErrOverflow)
	}
	return v.Uint64(), nil
}

// Value converts a USD amount (a cap, a budget) into value units, rounding in
// direction r. Values may use up to 128 bits, like amount × price products.
func Value(usd decimal.Decimal, valueDecimals int32, r Rounding) (*big.Int, error) {
	v, err := scaled(usd, valueDecimals, r)
	if err != nil {
		return nil, err
	}
	if v.BitLen() > 128 {
		return nil, fmt.Errorf("%s USD is %s value units, over 2^128-1: %w", usd, v, ErrOverflow)
	}
	return v, nil
}

// ToDecimal converts circuit-scale units back to a token amount.
func ToDecimal(units uint64, circuitDecimals int32) decimal.Decimal {
	return decimal.NewFromBigInt(new(big.Int).SetUint64(units), -circuitDecimals)
}

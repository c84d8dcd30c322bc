package treasury

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// ParseAmount parses a non-negative decimal amount with at most maxDecimals
// fractional digits. Trailing zeros do not count ("1.500" has one decimal).
// It never goes through float64.
func ParseAmount(s string, maxDecimals int32) (decimal.Decimal, error) {
	d, err := decimal.NewFromString(s)
	if err != nil {
		return decimal.Decimal{}, fmt.Errorf("not a decimal number")
	}
	if d.Sign() < 0 {
		return decimal.Decimal{}, fmt.Errorf("negative amount")
	}
	if !d.Equal(d.Truncate(maxDecimals)) {
		return decimal.Decimal{}, fmt.Errorf("more than %d decimals", maxDecimals)
	}
	return d, nil
}

// ParsePrice parses a strictly positive decimal price.
func ParsePrice(s string) (decimal.Decimal, error) {
	d, err := decimal.NewFromString(s)
	if err != nil {
		return decimal.Decimal{}, fmt.Errorf("not a decimal number")
	}
	if d.Sign() <= 0 {
		return decimal.Decimal{}, fmt.Errorf("price must be positive")
	}
	return d, nil
}

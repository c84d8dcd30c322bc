// Package bound range-checks values and compares bounded values inside a circuit,
// so that no comparison can be flipped by a wrap-around in the field.
//
// Two strategies are offered because they trade constraints against on-chain gas:
// Lookup uses gnark's std/rangecheck (a log-derivative lookup, about ten R1CS
// constraints per 64-bit value) but adds one BSB22 commitment to Groth16 proofs,
// which costs about 120k gas more to verify on-chain; Bits decomposes into bits
// (one constraint per bit) and adds no commitment.
package bound

import (
	"fmt"
	"math/big"

	"github.com/consensys/gnark/constraint/solver"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/std/rangecheck"
)

// Mode selects the range-check strategy.
type Mode int

const (
	// Lookup range-checks with a log-derivative lookup table (std/rangecheck).
	Lookup Mode = iota
	// Bits range-checks by bit decomposition; no commitment in the proof.
	Bits
)

// Modes lists the valid mode names, in Mode order.
var Modes = []string{"lookup", "bits"}

func (m Mode) String() string {
	if int(m) < len(Modes) {
		return Modes[m]
	}
	return fmt.Sprintf("Mode(%d)", int(m))
}

// ParseMode parses a mode name.
func ParseMode(s string) (Mode, error) {
	for i, n := range Modes {
		if s == n {
			return Mode(i), nil
		}
	}
	return 0, fmt.Errorf("range-check mode %q: want one of %v", s, Modes)
}

// MaxBits is the widest value Check and AssertLE accept. A difference b - a of
// two values below 2^MaxBits, taken when a > b, is r - (a - b) > 2^MaxBits for
// BN254's 254-bit r, so it fails the check.
const MaxBits = 250

// Checker range-checks values with one strategy.
type Checker struct {
	api  frontend.API
	mode Mode
	rc   frontend.Rangechecker
}

// New returns a Checker. Create one per circuit: with Lookup, all checks share
// one table and one commitment.
func New(api frontend.API, mode Mode) *Checker {
	c := &Checker{api: api, mode: mode}
	if mode == Lookup {
		c.rc = rangecheck.New(api)
	}
	return c
}

// Check asserts 0 <= v < 2^bits.
func (c *Checker) Check(v frontend.Variable, bits int) {
	if bits < 1 || bits > MaxBits {
		panic(fmt.Sprintf("bound: %d bits out of [1, %d]", bits, MaxBits))
	}
	if c.mode == Lookup {
		c.rc.Check(v, bits)
		return
	}
	c.api.ToBinary(v, bits)
}

// AssertLE asserts a <= b. Both must already be known to lie in [0, 2^bits):
// range-checked, or sums and products of range-checked values whose bound the
// caller has computed.
func (c *Checker) AssertLE(a, b frontend.Variable, bits int) {
	c.Check(c.api.Sub(b, a), bits)
}

// AssertBool asserts v is 0 or 1.
func (c *Checker) AssertBool(v frontend.Variable) { c.api.AssertIsBoolean(v) }

func init() {
	solver.RegisterHint(LessOrEqualHint, DivFloorHint)
}

// LessOrEqualHint returns 1 if inputs[0] <= inputs[1] (as integers), else 0.
func LessOrEqualHint(_ *big.Int, inputs, outputs []*big.Int) error {
	if inputs[0].Cmp(inputs[1]) <= 0 {
		outputs[0].SetUint64(1)
	} else {
		outputs[0].SetUint64(0)
	}
	return nil
}

// DivFloorHint returns floor(inputs[0] / inputs[1]) and the remainder; a zero
// divisor gives 0, 0 (the caller's constraints then fail).
func DivFloorHint(_ *big.Int, inputs, outputs []*big.Int) error {
	if inputs[1].Sign() == 0 {
		outputs[0].SetUint64(0)
		outputs[1].SetUint64(0)
		return nil
	}
	outputs[0].QuoRem(inputs[0], inputs[1], outputs[1])
	return nil
}

// LessOrEqual returns 1 if a <= b and 0 otherwise. Both must be known to lie in
// [0, 2^bits). The bit comes from a hint and is pinned by one range check:
// bit = 1 requires b - a in [0, 2^bits), bit = 0 requires a - b - 1 in [0, 2^bits).
func (c *Checker) LessOrEqual(a, b frontend.Variable, bits int) frontend.Variable {
	out, err := c.api.Compiler().NewHint(LessOrEqualHint, 1, a, b)
	if err != nil {
		panic(err)
	}
	bit := out[0]
	// The bit needs no boolean assertion of its own: api.Select below asserts
	// its selector boolean (R1CS and SCS builders alike);
	// TestLessOrEqualLyingHint ("answers 2") shows a non-boolean bit refused.
	le := c.api.Sub(b, a)
	gt := c.api.Sub(c.api.Sub(a, b), 1)
	c.Check(c.api.Select(bit, le, gt), bits)
	return bit
}

// DivFloor returns q = floor(x / y) for x in [0, 2^xBits) and y in [1, 2^xBits),
// with q < 2^qBits. It asserts y > 0: r = x - q*y must satisfy 0 <= r < y.
func (c *Checker) DivFloor(x, y frontend.Variable, xBits, qBits int) frontend.Variable {
	q, _ := c.DivRem(x, y, xBits, qBits)
	return q
}

// DivRem returns q = floor(x / y) and r = x mod y, under the same conditions as
// DivFloor; r = 0 exactly when y divides x.
func (c *Checker) DivRem(x, y frontend.Variable, xBits, qBits int) (q, r frontend.Variable) {
	out, err := c.api.Compiler().NewHint(DivFloorHint, 2, x, y)
	if err != nil {
		panic(err)
	}
	q = out[0]
	c.Check(q, qBits)
	r = c.api.Sub(x, c.api.Mul(q, y))
	c.Check(r, xBits)
	c.Check(c.api.Sub(c.api.Sub(y, r), 1), xBits)
	return q, r
}

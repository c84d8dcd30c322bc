package bound_test

import (
	"fmt"
	"math/big"
	"strings"
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/backend"
	"github.com/consensys/gnark/constraint/solver"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/test"

	"github.com/zktreasury/zktreasury/circuits/gadget/bound"
)

var (
	modes   = []bound.Mode{bound.Lookup, bound.Bits}
	pMinus1 = new(big.Int).Sub(ecc.BN254.ScalarField(), big.NewInt(1))
)

func pow2(n int) *big.Int { return new(big.Int).Lsh(big.NewInt(1), uint(n)) }

// neg returns p - x, the field's -x.
func neg(x *big.Int) *big.Int { return new(big.Int).Sub(ecc.BN254.ScalarField(), x) }

// solverOnly runs gnark's test engine and the Groth16 (R1CS) and PLONK (SCS)
// solvers, without proving: these tests are about satisfiability only.
func solverOnly(opts ...test.TestingOption) []test.TestingOption {
	return append([]test.TestingOption{test.WithCurves(ecc.BN254), test.WithBackends(backend.GROTH16, backend.PLONK),
		test.NoFuzzing(), test.NoSerializationChecks()}, opts...)
}

type checkCircuit struct {
	V    frontend.Variable
	Bits int        `gnark:"-"`
	Mode bound.Mode `gnark:"-"`
}

func (c *checkCircuit) Define(api frontend.API) error {
	bound.New(api, c.Mode).Check(c.V, c.Bits)
	return nil
}

// TestCheckEdges: 0 and 2^n-1 pass, 2^n and -1 (p-1) do not, in both modes.
func TestCheckEdges(t *testing.T) {
	for _, mode := range modes {
		for _, n := range []int{1, 8, 14, 64, bound.MaxBits} {
			t.Run(fmt.Sprintf("%s/%d", mode, n), func(t *testing.T) {
				assert := test.NewAssert(t)
				top := new(big.Int).Sub(pow2(n), big.NewInt(1))
				opts := solverOnly(test.WithValidAssignment(&checkCircuit{V: 0}), test.WithValidAssignment(&checkCircuit{V: top}),
					test.WithInvalidAssignment(&checkCircuit{V: pow2(n)}), test.WithInvalidAssignment(&checkCircuit{V: pMinus1}))
				assert.CheckCircuit(&checkCircuit{Bits: n, Mode: mode}, opts...)
			})
		}
	}
}

// TestCheckWidthRefused: a width outside [1, MaxBits] is a programming error,
// refused when the circuit is built.
func TestCheckWidthRefused(t *testing.T) {
	for _, n := range []int{0, bound.MaxBits + 1} {
		err := test.IsSolved(&checkCircuit{Bits: n}, &checkCircuit{V: 0}, ecc.BN254.ScalarField())
		if err == nil || !strings.Contains(err.Error(), fmt.Sprintf("%d bits out of [1, %d]", n, bound.MaxBits)) {
			t.Errorf("Check with %d bits: err = %v", n, err)
		}
	}
}

func TestParseMode(t *testing.T) {
	for i, name := range bound.Modes {
		m, err := bound.ParseMode(name)
		if err != nil || int(m) != i || m.String() != name {
			t.Errorf("ParseMode(%q) = %v, %v", name, m, err)
		}
	}
	if _, err := bound.ParseMode("Bits"); err == nil {
		t.Error("ParseMode accepted a name in the wrong case")
	}
	if s := bound.Mode(7).String(); s != "Mode(7)" {
		t.Errorf("Mode(7).String() = %q", s)
	}
}

type leCircuit struct {
	A, B frontend.Variable
	Bits int        `gnark:"-"`
	Mode bound.Mode `gnark:"-"`
}

func (c *leCircuit) Define(api frontend.API) error {
	bound.New(api, c.Mode).AssertLE(c.A, c.B, c.Bits)
	return nil
}

// TestAssertLE: equal and ordered values pass across the whole width; a > b by
// one, or by the largest amount, does not (the difference wraps to a value far
// above 2^bits).
func TestAssertLE(t *testing.T) {
	const n = 64
	top := new(big.Int).Sub(pow2(n), big.NewInt(1))
	for _, mode := range modes {
		t.Run(mode.String(), func(t *testing.T) {
			assert := test.NewAssert(t)
			assert.CheckCircuit(&leCircuit{Bits: n, Mode: mode}, solverOnly(
				test.WithValidAssignment(&leCircuit{A: 5, B: 5}),
				test.WithValidAssignment(&leCircuit{A: 0, B: top}),
				test.WithValidAssignment(&leCircuit{A: top, B: top}),
				test.WithInvalidAssignment(&leCircuit{A: 6, B: 5}),
				test.WithInvalidAssignment(&leCircuit{A: top, B: 0}),
				test.WithInvalidAssignment(&leCircuit{A: 0, B: pow2(n)}),
			)...)
		})
	}
}

// lessOrEqualCircuit pins LessOrEqual's output to Want, so that with a lying
// hint the only constraints left to reject are LessOrEqual's own.
type lessOrEqualCircuit struct {
	A, B, Want frontend.Variable
	Bits       int        `gnark:"-"`
	Mode       bound.Mode `gnark:"-"`
}

func (c *lessOrEqualCircuit) Define(api frontend.API) error {
	api.AssertIsEqual(bound.New(api, c.Mode).LessOrEqual(c.A, c.B, c.Bits), c.Want)
	return nil
}

// TestLessOrEqual: the honest bit at and around the edges of the width.
func TestLessOrEqual(t *testing.T) {
	const n = 64
	top := new(big.Int).Sub(pow2(n), big.NewInt(1))
	for _, mode := range modes {
		t.Run(mode.String(), func(t *testing.T) {
			assert := test.NewAssert(t)
			assert.CheckCircuit(&lessOrEqualCircuit{Bits: n, Mode: mode}, solverOnly(
				test.WithValidAssignment(&lessOrEqualCircuit{A: 5, B: 5, Want: 1}),
				test.WithValidAssignment(&lessOrEqualCircuit{A: 6, B: 5, Want: 0}),
				test.WithValidAssignment(&lessOrEqualCircuit{A: 0, B: top, Want: 1}),
				test.WithValidAssignment(&lessOrEqualCircuit{A: top, B: 0, Want: 0}),
				test.WithInvalidAssignment(&lessOrEqualCircuit{A: 5, B: 5, Want: 0}),
				test.WithInvalidAssignment(&lessOrEqualCircuit{A: 6, B: 5, Want: 1}),
			)...)
		})
	}
}

// lyingHint replaces a hint for the solvers (the test engine keeps the honest
// one, so it is switched off): a malicious prover chooses hint outputs freely.
func lyingHint(h solver.Hint, lie solver.Hint) []test.TestingOption {
	return []test.TestingOption{test.NoTestEngine(), test.WithSolverOpts(solver.OverrideHint(solver.GetHintID(h), lie))}
}

// TestLessOrEqualLyingHint: a prover answering the comparison wrongly is caught
// by the pinning range check, and one answering 2 (for which Select's
// arithmetic, i2 + bit·(i1 - i2), lands in range when a <= b) by the boolean
// check. The boolean check is needed for PLONK: gnark's R1CS Select asserts its
// selector boolean itself, SCS does not.
func TestLessOrEqualLyingHint(t *testing.T) {
	const n = 64
	answer := func(v uint64) solver.Hint {
		return func(_ *big.Int, _, out []*big.Int) error { out[0].SetUint64(v); return nil }
	}
	for _, mode := range modes {
		for _, tc := range []struct {
			name string
			a, b uint64
			lie  uint64
		}{
			{"says a <= b when a > b", 6, 5, 1},
			{"says a > b when a <= b", 5, 6, 0},
			{"says a > b when a == b", 5, 5, 0},
			{"answers 2 when a <= b", 5, 9, 2},
		} {
			t.Run(mode.String()+"/"+tc.name, func(t *testing.T) {
				assert := test.NewAssert(t)
				opts := append(solverOnly(test.WithInvalidAssignment(&lessOrEqualCircuit{A: tc.a, B: tc.b, Want: tc.lie})),
					lyingHint(bound.LessOrEqualHint, answer(tc.lie))...)
				assert.CheckCircuit(&lessOrEqualCircuit{Bits: n, Mode: mode}, opts...)
			})
		}
	}
}

// divCircuit pins DivFloor's quotient to Q.
type divCircuit struct {
	X, Y, Q frontend.Variable
	Mode    bound.Mode `gnark:"-"`
}

const divXBits, divQBits = 64, 32

func (c *divCircuit) Define(api frontend.API) error {
	api.AssertIsEqual(bound.New(api, c.Mode).DivFloor(c.X, c.Y, divXBits, divQBits), c.Q)
	return nil
}

// TestDivFloor: honest quotients, including x < y, x = 0 and a remainder of
// y - 1; a zero divisor is refused; a quotient that does not fit qBits is refused.
func TestDivFloor(t *testing.T) {
	for _, mode := range modes {
		t.Run(mode.String(), func(t *testing.T) {
			assert := test.NewAssert(t)
			wide := new(big.Int).Mul(pow2(divQBits), big.NewInt(3)) // quotient 2^32 with y = 3
			assert.CheckCircuit(&divCircuit{Mode: mode}, solverOnly(
				test.WithValidAssignment(&divCircuit{X: 17, Y: 5, Q: 3}),
				test.WithValidAssignment(&divCircuit{X: 19, Y: 5, Q: 3}),
				test.WithValidAssignment(&divCircuit{X: 4, Y: 5, Q: 0}),
				test.WithValidAssignment(&divCircuit{X: 0, Y: 1, Q: 0}),
				test.WithValidAssignment(&divCircuit{X: 1000, Y: 1, Q: 1000}),
				test.WithInvalidAssignment(&divCircuit{X: 17, Y: 5, Q: 4}),
				test.WithInvalidAssignment(&divCircuit{X: 17, Y: 0, Q: 0}),
				test.WithInvalidAssignment(&divCircuit{X: wide, Y: 3, Q: pow2(divQBits)}),
			)...)
		})
	}
}

// TestDivFloorLyingHint: each of DivFloor's three range checks is the only one
// that catches one lie, x = 17, y = 5 (q = 3, r = 2):
//   - q - y^-1 with r + 1: r is in range and below y, q wraps (check of q);
//   - q + 1 with r - y: r < y holds, r is negative (check of r);
//   - q - 1 with r + y: r is in range, r >= y (check of y - r - 1).
func TestDivFloorLyingHint(t *testing.T) {
	const x, y = 17, 5
	field := ecc.BN254.ScalarField()
	yInv := new(big.Int).ModInverse(big.NewInt(y), field)
	qWrapped := new(big.Int).Mod(new(big.Int).Sub(big.NewInt(3), yInv), field)
	for _, mode := range modes {
		for _, tc := range []struct {
			name string
			q, r *big.Int
		}{
			{"quotient wraps the field (q - 1/y)", qWrapped, big.NewInt(3)},
			{"remainder negative (q + 1)", big.NewInt(4), neg(big.NewInt(y - 2))},
			{"remainder not below y (q - 1)", big.NewInt(2), big.NewInt(2 + y)},
		} {
			// Each lie is consistent: x = q·y + r in the field.
			lhs := new(big.Int).Mul(tc.q, big.NewInt(y))
			lhs.Add(lhs, tc.r).Mod(lhs, field)
			if lhs.Cmp(big.NewInt(x)) != 0 {
				t.Fatalf("%s: q·y + r = %s, not %d", tc.name, lhs, x)
			}
			lie := func(_ *big.Int, _, out []*big.Int) error { out[0].Set(tc.q); out[1].Set(tc.r); return nil }
			t.Run(mode.String()+"/"+tc.name, func(t *testing.T) {
				assert := test.NewAssert(t)
				opts := append(solverOnly(test.WithInvalidAssignment(&divCircuit{X: x, Y: y, Q: tc.q})),
					lyingHint(bound.DivFloorHint, lie)...)
				assert.CheckCircuit(&divCircuit{Mode: mode}, opts...)
			})
		}
	}
}

// TestHints: the hints' own answers, which the honest prover relies on.
func TestHints(t *testing.T) {
	out := []*big.Int{new(big.Int), new(big.Int)}
	for _, tc := range []struct{ a, b, want int64 }{{1, 2, 1}, {2, 2, 1}, {3, 2, 0}} {
		if err := bound.LessOrEqualHint(nil, []*big.Int{big.NewInt(tc.a), big.NewInt(tc.b)}, out[:1]); err != nil || out[0].Int64() != tc.want {
			t.Errorf("LessOrEqualHint(%d, %d) = %v, %v; want %d", tc.a, tc.b, out[0], err, tc.want)
		}
	}
	if err := bound.DivFloorHint(nil, []*big.Int{big.NewInt(17), big.NewInt(5)}, out); err != nil || out[0].Int64() != 3 || out[1].Int64() != 2 {
		t.Errorf("DivFloorHint(17, 5) = %v, %v, %v", out[0], out[1], err)
	}
	if err := bound.DivFloorHint(nil, []*big.Int{big.NewInt(17), big.NewInt(0)}, out); err != nil || out[0].Sign() != 0 || out[1].Sign() != 0 {
		t.Errorf("DivFloorHint(17, 0) = %v, %v, %v; want 0, 0", out[0], out[1], err)
	}
}

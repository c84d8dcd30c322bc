package epoch

import (
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/consensys/gnark/constraint"
	"github.com/consensys/gnark/constraint/solver"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/frontend/cs/r1cs"
	"github.com/consensys/gnark/frontend/cs/scs"
	"github.com/consensys/gnark/std/math/bits"
	"github.com/consensys/gnark/test"

	"github.com/zktreasury/zktreasury/prover/statement/epochhash"
)

// hashOnly is the epoch circuit's public-hash check alone, for A assets: its hashed fields
// and PublicHash (C's other fields are not part of the witness).
type hashOnly struct {
	PublicHash                                                                                    frontend.Variable `gnark:",public"`
	PolicyCommitment, PrevStateCommitment, NewStateCommitment, LiabilitiesRoot, ActionsCommitment frontend.Variable
	ActionCount, Epoch, StartTime, EndTime                                                        frontend.Variable
	Prices, Inflows, Outflows                                                                     []frontend.Variable
}

func (h *hashOnly) Define(api frontend.API) error {
	c := &Circuit{PublicHash: h.PublicHash, PolicyCommitment: h.PolicyCommitment, PrevStateCommitment: h.PrevStateCommitment,
		NewStateCommitment: h.NewStateCommitment, LiabilitiesRoot: h.LiabilitiesRoot, ActionsCommitment: h.ActionsCommitment,
		ActionCount: h.ActionCount, Epoch: h.Epoch, StartTime: h.StartTime, EndTime: h.EndTime,
		Prices: h.Prices, Inflows: h.Inflows, Outflows: h.Outflows, Params: Params{Assets: len(h.Prices)}}
	return AssertPublicHash(api, c.PublicHash, c.hashed(), c.Params.Assets)
}

func hashShape(a int) *hashOnly {
	return &hashOnly{Prices: make([]frontend.Variable, a), Inflows: make([]frontend.Variable, a), Outflows: make([]frontend.Variable, a)}
}

// randomValues are values of every width's extremes and random ones: field elements up to
// r - 1, integers up to 2^64 - 1.
func randomValues(a int, seed uint64) *epochhash.Values {
	r := rand.New(rand.NewPCG(seed, uint64(a)))
	field := func(i int) *big.Int {
		if i == 0 {
			return new(big.Int).Sub(fr.Modulus(), big.NewInt(1))
		}
		var e fr.Element
		e.SetUint64(r.Uint64())
		e.Square(&e)
		return e.BigInt(new(big.Int))
	}
	u := func() uint64 {
		if r.IntN(4) == 0 {
			return ^uint64(0)
		}
		return r.Uint64()
	}
	v := &epochhash.Values{PolicyCommitment: field(0), PrevStateCommitment: field(1), NewStateCommitment: field(2),
		LiabilitiesRoot: big.NewInt(0), ActionsCommitment: field(4), ActionCount: u(), Epoch: u(), StartTime: u(), EndTime: u()}
	for range a {
		v.Prices, v.Inflows, v.Outflows = append(v.Prices, u()), append(v.Inflows, u()), append(v.Outflows, u())
	}
	return v
}

func hashAssignment(v *epochhash.Values, h *big.Int) *hashOnly {
	w := hashShape(len(v.Prices))
	c := w
	c.PublicHash = h
	c.PolicyCommitment, c.PrevStateCommitment, c.NewStateCommitment = v.PolicyCommitment, v.PrevStateCommitment, v.NewStateCommitment
	c.LiabilitiesRoot, c.ActionsCommitment = v.LiabilitiesRoot, v.ActionsCommitment
	c.ActionCount, c.Epoch, c.StartTime, c.EndTime = v.ActionCount, v.Epoch, v.StartTime, v.EndTime
	for i := range v.Prices {
		c.Prices[i], c.Inflows[i], c.Outflows[i] = v.Prices[i], v.Inflows[i], v.Outflows[i]
	}
	return w
}

// TestCircuitHashMatchesNative: the circuit's public hash equals epochhash's (SHA-256 of the
// documented bytes mod 2^253) at 1, 2, 4, 8 and 16 assets, with extreme and random values, and
// a hash one off is refused.
func TestCircuitHashMatchesNative(t *testing.T) {
	sizes := []int{1, 2, 4, 8, 16}
	if testing.Short() {
		sizes = []int{1, 8}
	}
	for _, a := range sizes {
		v := randomValues(a, 7)
		h, err := v.Hash()
		if err != nil {
			t.Fatal(err)
		}
		if err := test.IsSolved(hashShape(a), hashAssignment(v, h), ecc.BN254.ScalarField()); err != nil {
			t.Errorf("%d assets: %v", a, err)
		}
		if err := test.IsSolved(hashShape(a), hashAssignment(v, new(big.Int).Add(h, big.NewInt(1))), ecc.BN254.ScalarField()); err == nil {
			t.Errorf("%d assets: a hash one off was accepted", a)
		}
	}
}

// BenchmarkPublicHashConstraints reports the constraints the public hash adds to the epoch
// circuit (encoding decompositions and SHA-256) at 1, 4 and 16 assets, for Groth16 (R1CS) and
// PLONK. Run: go test ./circuits/epoch -run '^$' -bench PublicHashConstraints -benchtime 1x
func BenchmarkPublicHashConstraints(b *testing.B) {
	for _, a := range []int{1, 3, 4, 8, 16} {
		r, err := frontend.Compile(ecc.BN254.ScalarField(), r1cs.NewBuilder, hashShape(a))
		if err != nil {
			b.Fatal(err)
		}
		p, err := frontend.Compile(ecc.BN254.ScalarField(), scs.NewBuilder, hashShape(a))
		if err != nil {
			b.Fatal(err)
		}
		b.Logf("%2d assets: %d bytes, %d SHA-256 blocks, %d R1CS, %d PLONK constraints", a, EncodingBytes(a), (EncodingBytes(a)+9+63)/64, r.GetNbConstraints(), p.GetNbConstraints())
	}
}

// compileHash compiles the public-hash check alone for A assets (R1CS, Groth16's form).
func compileHash(t *testing.T, a int) constraint.ConstraintSystem {
	t.Helper()
	ccs, err := frontend.Compile(ecc.BN254.ScalarField(), r1cs.NewBuilder, hashShape(a))
	if err != nil {
		t.Fatal(err)
	}
	return ccs
}

// compileHashSCS is compileHash for PLONK (SCS).
func compileHashSCS(t *testing.T, a int) constraint.ConstraintSystem {
	t.Helper()
	ccs, err := frontend.Compile(ecc.BN254.ScalarField(), scs.NewBuilder, hashShape(a))
	if err != nil {
		t.Fatal(err)
	}
	return ccs
}

func hashSolved(t *testing.T, ccs constraint.ConstraintSystem, w *hashOnly, opts ...solver.Option) error {
	t.Helper()
	full, err := frontend.NewWitness(w, ecc.BN254.ScalarField())
	if err != nil {
		t.Fatal(err)
	}
	return ccs.IsSolved(full, opts...)
}

// decomposeHint is gnark's bit-decomposition hint (nBits), honest except where cheat
// returns another integer to decompose for an input and an output width.
func decomposeHint(cheat func(in *big.Int, width int) *big.Int) (solver.HintID, solver.Hint) {
	return solver.GetHintID(bits.GetHints()[1]), func(_ *big.Int, in []*big.Int, out []*big.Int) error {
		y := in[0]
		if c := cheat(y, len(out)); c != nil {
			y = c
		}
		for i := range out {
			out[i].SetUint64(uint64(y.Bit(i)))
		}
		return nil
	}
}

// TestHashNonCanonicalFieldRefused (red team, issue 12): with the values of randomValues (the
// liabilities root 0, the only hashed zero), the root hashed as the 32 bytes of r (254 bits
// that sum to 0 in the field), with PublicHash the hash of that aliased encoding and the
// decomposition hint returning r's bits, is refused: ToBinary's canonical (< r) check. Unlike
// TestNonCanonicalFieldEncodingRefused it never depends on the fixture's values. The same
// override without the alias solves, so the refusal is the canonical check's. Both the R1CS
// (Groth16) and the SCS (PLONK) compilations.
func TestHashNonCanonicalFieldRefused(t *testing.T) {
	for name, compile := range map[string]func(*testing.T, int) constraint.ConstraintSystem{"r1cs": compileHash, "scs": compileHashSCS} {
		t.Run(name, func(t *testing.T) { nonCanonicalRefused(t, compile(t, 1)) })
	}
}

func nonCanonicalRefused(t *testing.T, ccs constraint.ConstraintSystem) {
	v := randomValues(1, 12)
	enc, err := v.Encode()
	if err != nil {
		t.Fatal(err)
	}
	fr.Modulus().FillBytes(enc[3*32 : 4*32])
	id, hint := decomposeHint(func(in *big.Int, width int) *big.Int {
		if width == 254 && in.Sign() == 0 {
			return fr.Modulus()
		}
		return nil
	})
	if err := hashSolved(t, ccs, hashAssignment(v, epochhash.HashBytes(enc)), solver.OverrideHint(id, hint)); err == nil {
		t.Fatal("the liabilities root 0 hashed as the bytes of r was accepted")
	}
	honestID, honest := decomposeHint(func(*big.Int, int) *big.Int { return nil })
	h, err := v.Hash()
	if err != nil {
		t.Fatal(err)
	}
	if err := hashSolved(t, ccs, hashAssignment(v, h), solver.OverrideHint(honestID, honest)); err != nil {
		t.Fatalf("honest through the override: %v", err)
	}
}

// TestHashIntegerWrapRefused (red team, issue 12): every 8-byte slot of the encoding (count,
// epoch, times, price, inflow, outflow) holding x + 2^64, or x - 2^64 mod r, with PublicHash
// the hash of x's 8 bytes and the decomposition hint returning x's 64 bits, is refused: the
// decomposition must sum to the value itself.
func TestHashIntegerWrapRefused(t *testing.T) {
	ccs := compileHash(t, 1)
	v := randomValues(1, 13)
	v.ActionCount, v.Epoch, v.StartTime, v.EndTime = 3, 2, 1000, 2000
	v.Prices[0], v.Inflows[0], v.Outflows[0] = 7, 8, 9
	h, err := v.Hash()
	if err != nil {
		t.Fatal(err)
	}
	two64 := new(big.Int).Lsh(big.NewInt(1), 64)
	slots := map[string]func(w *hashOnly) *frontend.Variable{
		"actionCount": func(w *hashOnly) *frontend.Variable { return &w.ActionCount },
		"epoch":       func(w *hashOnly) *frontend.Variable { return &w.Epoch },
		"startTime":   func(w *hashOnly) *frontend.Variable { return &w.StartTime },
		"endTime":     func(w *hashOnly) *frontend.Variable { return &w.EndTime },
		"price":       func(w *hashOnly) *frontend.Variable { return &w.Prices[0] },
		"inflow":      func(w *hashOnly) *frontend.Variable { return &w.Inflows[0] },
		"outflow":     func(w *hashOnly) *frontend.Variable { return &w.Outflows[0] },
	}
	if err := hashSolved(t, ccs, hashAssignment(v, h)); err != nil {
		t.Fatalf("honest: %v", err)
	}
	for name, slot := range slots {
		for _, wrap := range []struct {
			name string
			f    func(x *big.Int) *big.Int
		}{
			{"x + 2^64", func(x *big.Int) *big.Int { return new(big.Int).Add(x, two64) }},
			{"x - 2^64 mod r", func(x *big.Int) *big.Int {
				return new(big.Int).Mod(new(big.Int).Sub(x, two64), fr.Modulus())
			}},
		} {
			w := hashAssignment(v, h)
			p := slot(w)
			x := new(big.Int).SetUint64((*p).(uint64))
			wrapped := wrap.f(x)
			*p = wrapped
			id, hint := decomposeHint(func(in *big.Int, width int) *big.Int {
				if width == 64 && in.Cmp(wrapped) == 0 {
					return x
				}
				return nil
			})
			if err := hashSolved(t, ccs, w, solver.OverrideHint(id, hint)); err == nil {
				t.Errorf("%s = %s accepted as the 8 bytes of %v", name, wrap.name, x)
			}
		}
	}
}

// TestHashAssetOrderBound (red team, issue 12): the per-asset values are hashed in position;
// a witness whose prices (or inflows, or outflows) are those of the hash with two assets
// swapped is refused.
func TestHashAssetOrderBound(t *testing.T) {
	ccs := compileHash(t, 2)
	v := randomValues(2, 14)
	v.Prices[0], v.Prices[1], v.Inflows[0], v.Inflows[1], v.Outflows[0], v.Outflows[1] = 1, 2, 3, 4, 5, 6
	h, err := v.Hash()
	if err != nil {
		t.Fatal(err)
	}
	if err := hashSolved(t, ccs, hashAssignment(v, h)); err != nil {
		t.Fatalf("honest: %v", err)
	}
	for name, sl := range map[string][]uint64{"prices": v.Prices, "inflows": v.Inflows, "outflows": v.Outflows} {
		sl[0], sl[1] = sl[1], sl[0]
		if err := hashSolved(t, ccs, hashAssignment(v, h)); err == nil {
			t.Errorf("%s swapped between the assets accepted under the hash of the unswapped order", name)
		}
		sl[0], sl[1] = sl[1], sl[0]
	}
}

// TestCircuitHashPaddingSpill (red team, issue 12): at 5 assets the encoding is 312 bytes, 56
// mod 64, the one case in 1..8 assets where SHA-256's length field spills into an extra block
// (TestCircuitHashMatchesNative's sizes are 24, 48, 32, 0 and 0 mod 64); the circuit's hash
// still equals epochhash's at 3 (8 mod 64) and 5 assets.
func TestCircuitHashPaddingSpill(t *testing.T) {
	for _, a := range []int{3, 5} {
		if EncodingBytes(a) != epochhash.Len(a) {
			t.Fatalf("%d assets: circuit encoding %d bytes, epochhash %d", a, EncodingBytes(a), epochhash.Len(a))
		}
		v := randomValues(a, 15)
		h, err := v.Hash()
		if err != nil {
			t.Fatal(err)
		}
		if err := test.IsSolved(hashShape(a), hashAssignment(v, h), ecc.BN254.ScalarField()); err != nil {
			t.Errorf("%d assets (%d bytes, %d mod 64): %v", a, EncodingBytes(a), EncodingBytes(a)%64, err)
		}
	}
}

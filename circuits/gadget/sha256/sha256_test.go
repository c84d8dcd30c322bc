package sha256

import (
	stdsha256 "crypto/sha256"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/constraint/solver"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/frontend/cs/r1cs"
	"github.com/consensys/gnark/std/math/bits"
	"github.com/consensys/gnark/test"
)

// sumCircuit asserts that Digest (bits, most significant first) is SHA-256 of Msg (bits).
type sumCircuit struct {
	Msg    []frontend.Variable
	Digest [256]frontend.Variable `gnark:",public"`
}

func (c *sumCircuit) Define(api frontend.API) error {
	d, err := Sum(api, c.Msg)
	if err != nil {
		return err
	}
	for i := range d {
		api.AssertIsEqual(d[i], c.Digest[i])
	}
	return nil
}

func bitsOf(b []byte) []frontend.Variable {
	out := make([]frontend.Variable, 0, 8*len(b))
	for _, x := range b {
		for i := 7; i >= 0; i-- {
			out = append(out, uint64(x>>uint(i))&1)
		}
	}
	return out
}

func assignment(msg []byte) *sumCircuit {
	d := stdsha256.Sum256(msg)
	c := &sumCircuit{Msg: bitsOf(msg)}
	copy(c.Digest[:], bitsOf(d[:]))
	return c
}

func shape(n int) *sumCircuit { return &sumCircuit{Msg: make([]frontend.Variable, 8*n)} }

func message(n int, seed uint64) []byte {
	r := rand.New(rand.NewPCG(seed, uint64(n)))
	m := make([]byte, n)
	for i := range m {
		m[i] = byte(r.Uint32())
	}
	return m
}

// TestSumMatchesStdlib compares the circuit with crypto/sha256 on lengths around every padding
// case: empty, one block, the 55/56-byte boundary where the length spills into a new block,
// 63/64, two blocks (119/120), and longer.
func TestSumMatchesStdlib(t *testing.T) {
	lengths := []int{0, 1, 3, 32, 55, 56, 63, 64, 65, 100, 119, 120, 127, 128, 200, 264}
	if testing.Short() {
		lengths = []int{0, 55, 56, 64, 119, 120}
	}
	for _, n := range lengths {
		for _, m := range [][]byte{message(n, 1), allFF(n)} {
			if err := test.IsSolved(shape(n), assignment(m), ecc.BN254.ScalarField()); err != nil {
				t.Errorf("%d bytes %x: %v", n, m, err)
			}
		}
	}
}

func allFF(n int) []byte {
	m := make([]byte, n)
	for i := range m {
		m[i] = 0xff
	}
	return m
}

// TestWrongDigestRefused: the digest is bound bit by bit (a claim off in any one bit is refused).
func TestWrongDigestRefused(t *testing.T) {
	m := message(70, 2)
	for _, i := range []int{0, 1, 2, 3, 31, 32, 128, 200, 254, 255} {
		bad := assignment(m)
		bad.Digest[i] = 1 - bad.Digest[i].(uint64)
		if err := test.IsSolved(shape(70), bad, ecc.BN254.ScalarField()); err == nil {
			t.Errorf("a digest with bit %d flipped was accepted", i)
		}
	}
	// The same digest for another message.
	bad := assignment(m)
	other := append([]byte(nil), m...)
	other[69] ^= 1
	bad.Msg = bitsOf(other)
	if err := test.IsSolved(shape(70), bad, ecc.BN254.ScalarField()); err == nil {
		t.Error("the digest of one message was accepted for another")
	}
}

// TestMessageBitsBoolean: the first message word only ever enters additions, where a bit of
// 2 counts as the next bit's 1. Without the booleanity of the message bits, "0, 2" in place of
// "1, 0" in that word would prove the digest of a message the bits do not spell.
func TestMessageBitsBoolean(t *testing.T) {
	m := message(20, 3)
	m[0] = 0x80 | m[0]&0x3f // the top two bits: 1, 0
	cheat := assignment(m)
	cheat.Msg[0], cheat.Msg[1] = uint64(0), uint64(2)
	if err := test.IsSolved(shape(20), cheat, ecc.BN254.ScalarField()); err == nil {
		t.Fatal("message bits 0, 2 were accepted for 1, 0")
	}
}

// TestAdditionCarries: the largest sum the compression adds (a constant and six words, all
// ones) fits the decomposition; a narrower one would refuse honest messages.
func TestAdditionCarries(t *testing.T) {
	ones := constWord(0xffffffff)
	c := &addCircuit{Terms: 6, Cst: 0xffffffff}
	w := &addCircuit{Terms: 6, Cst: 0xffffffff}
	for i := range 6 {
		w.Words[i] = ones
	}
	var want uint64 = 0xffffffff * 7
	w.Want = want & 0xffffffff
	if err := test.IsSolved(c, w, ecc.BN254.ScalarField()); err != nil {
		t.Fatal(err)
	}
	w.Want = want & 0x3ffffffff
	if err := test.IsSolved(c, w, ecc.BN254.ScalarField()); err == nil {
		t.Fatal("a sum with its carry kept was accepted as the sum mod 2^32")
	}
}

type addCircuit struct {
	Words [6]word
	Want  frontend.Variable
	Terms int    `gnark:"-"`
	Cst   uint32 `gnark:"-"`
}

func (c *addCircuit) Define(api frontend.API) error {
	r := add(api, c.Cst, c.Words[:c.Terms]...)
	api.AssertIsEqual(pack(api, r), c.Want)
	return nil
}

// TestAdditionDecompositionCheat solves the compiled R1CS with a dishonest bit decomposition in
// the additions mod 2^32: a sum's bits that add up to the sum but use a digit 2 (so the low 32
// bits are not the sum mod 2^32), or the bits of the sum plus 2^32. Both are refused.
func TestAdditionDecompositionCheat(t *testing.T) {
	ccs, err := frontend.Compile(ecc.BN254.ScalarField(), r1cs.NewBuilder, shape(8))
	if err != nil {
		t.Fatal(err)
	}
	if c := ccs.GetCommitments().CommitmentIndexes(); len(c) != 0 {
		t.Fatalf("the gadget adds %d commitments", len(c))
	}
	w, err := frontend.NewWitness(assignment(message(8, 4)), ecc.BN254.ScalarField())
	if err != nil {
		t.Fatal(err)
	}
	if err := ccs.IsSolved(w); err != nil {
		t.Fatalf("honest: %v", err)
	}
	nb := solver.GetHintID(bits.GetHints()[1])
	for name, cheat := range map[string]func(v *big.Int, out []*big.Int){
		"digit 2": func(v *big.Int, out []*big.Int) {
			// Move a set bit 32 (a carry) down as a 2 in bit 31.
			for i := range out {
				out[i].SetUint64(uint64(v.Bit(i)))
			}
			if len(out) > 32 && v.Bit(32) == 1 {
				out[32].SetUint64(0)
				out[31].Add(out[31], big.NewInt(2))
			}
		},
		"plus 2^32": func(v *big.Int, out []*big.Int) {
			u := new(big.Int).Add(v, new(big.Int).Lsh(big.NewInt(1), 32))
			for i := range out {
				out[i].SetUint64(uint64(u.Bit(i)))
			}
		},
	} {
		evil := func(_ *big.Int, in []*big.Int, out []*big.Int) error {
			cheat(in[0], out)
			return nil
		}
		if err := ccs.IsSolved(w, solver.OverrideHint(nb, evil)); err == nil {
			t.Errorf("%s: a dishonest decomposition was accepted", name)
		}
	}
}

// BenchmarkSumConstraints reports the R1CS constraints of SHA-256 by message length.
func BenchmarkSumConstraints(b *testing.B) {
	for _, n := range []int{55, 119, 264, 576} {
		ccs, err := frontend.Compile(ecc.BN254.ScalarField(), r1cs.NewBuilder, shape(n))
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(ccs.GetNbConstraints()), "constraints/"+itoa(n)+"B")
	}
}

func itoa(n int) string { return big.NewInt(int64(n)).String() }

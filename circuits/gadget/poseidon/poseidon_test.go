package poseidon_test

import (
	"fmt"
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/consensys/gnark/backend"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/test"

	"github.com/zktreasury/zktreasury/circuits/gadget/poseidon"
	"github.com/zktreasury/zktreasury/prover/hashing"
)

func solverOnly(opts ...test.TestingOption) []test.TestingOption {
	return append([]test.TestingOption{test.WithCurves(ecc.BN254), test.WithBackends(backend.GROTH16, backend.PLONK),
		test.NoFuzzing(), test.NoSerializationChecks()}, opts...)
}

// inputs returns n distinct, unstructured field elements (SHA-256 of a label,
// reduced modulo r).
func inputs(n int, seed uint64) []fr.Element {
	out := make([]fr.Element, n)
	for i := range out {
		out[i] = hashing.FromString(fmt.Sprintf("poseidon-test-%d-%d", seed, i))
	}
	return out
}

type compressCircuit struct {
	In    []frontend.Variable
	Out   frontend.Variable
	Width int `gnark:"-"`
}

func (c *compressCircuit) Define(api frontend.API) error {
	h, err := poseidon.NewCompressor(api, c.Width)
	if err != nil {
		return err
	}
	if h.Width() != c.Width {
		return fmt.Errorf("Width() = %d, want %d", h.Width(), c.Width)
	}
	api.AssertIsEqual(h.Compress(c.In...), c.Out)
	return nil
}

func vars(el []fr.Element) []frontend.Variable {
	out := make([]frontend.Variable, len(el))
	for i, e := range el {
		out[i] = e
	}
	return out
}

// TestCompressAgreesWithNative: for every width in Widths, full and padded
// inputs, the circuit's compression is prover/hashing's; another output, or the
// inputs in another order, are refused.
func TestCompressAgreesWithNative(t *testing.T) {
	for _, w := range poseidon.Widths {
		for _, n := range []int{w, w - 1} {
			t.Run(fmt.Sprintf("width %d, %d inputs", w, n), func(t *testing.T) {
				in := inputs(n, uint64(w))
				want, err := hashing.Compress(w, in...)
				if err != nil {
					t.Fatal(err)
				}
				var wrong fr.Element
				wrong.SetOne()
				wrong.Add(&wrong, &want)
				opts := solverOnly(test.WithValidAssignment(&compressCircuit{In: vars(in), Out: want}),
					test.WithInvalidAssignment(&compressCircuit{In: vars(in), Out: wrong}))
				if n > 1 {
					rev := append([]fr.Element(nil), in...)
					rev[0], rev[n-1] = rev[n-1], rev[0]
					opts = append(opts, test.WithInvalidAssignment(&compressCircuit{In: vars(rev), Out: want}))
				}
				assert := test.NewAssert(t)
				assert.CheckCircuit(&compressCircuit{In: make([]frontend.Variable, n), Width: w}, opts...)
			})
		}
	}
}

// TestCompressWidthsDiffer: the same two inputs, zero-padded to each width,
// compress to a different value at every width.
func TestCompressWidthsDiffer(t *testing.T) {
	in := inputs(2, 99)
	seen := map[fr.Element]int{}
	for _, w := range poseidon.Widths {
		h, err := hashing.Compress(w, in...)
		if err != nil {
			t.Fatal(err)
		}
		if prev, ok := seen[h]; ok {
			t.Fatalf("widths %d and %d compress %v alike", prev, w, in)
		}
		seen[h] = w
	}
}

// TestRoundsAndWidthFor: the round numbers the package documents, the smallest
// width for each input count, and refusals past the widest.
func TestRoundsAndWidthFor(t *testing.T) {
	for w, want := range map[int][2]int{2: {6, 50}, 3: {8, 56}, 4: {8, 56}, 8: {8, 57}, 12: {8, 57}, 16: {8, 57}} {
		f, p, err := poseidon.Rounds(w)
		if err != nil || f != want[0] || p != want[1] {
			t.Errorf("Rounds(%d) = %d, %d, %v; want %v", w, f, p, err, want)
		}
	}
	for _, w := range []int{0, 1, 5, 17} {
		if _, _, err := poseidon.Rounds(w); err == nil {
			t.Errorf("Rounds(%d) accepted", w)
		}
	}
	for n := 0; n <= 16; n++ {
		w, err := poseidon.WidthFor(n)
		if err != nil {
			t.Fatalf("WidthFor(%d): %v", n, err)
		}
		// The smallest supported width that holds n.
		for _, v := range poseidon.Widths {
			if v >= n {
				if w != v {
					t.Errorf("WidthFor(%d) = %d, want %d", n, w, v)
				}
				break
			}
		}
	}
	if _, err := poseidon.WidthFor(17); err == nil {
		t.Error("WidthFor(17) accepted")
	}
}

type hasherCircuit struct {
	In  []frontend.Variable
	Out frontend.Variable
	Tag uint64 `gnark:"-"`
}

func (c *hasherCircuit) Define(api frontend.API) error {
	h, err := poseidon.NewHasher(api, c.Tag)
	if err != nil {
		return err
	}
	h.Write(c.In...)
	api.AssertIsEqual(h.Sum(), c.Out)
	return nil
}

var tags = map[string]uint64{"state": poseidon.TagState, "policy": poseidon.TagPolicy, "user": poseidon.TagUser,
	"salt": poseidon.TagSalt, "actions": poseidon.TagActions}

// TestHasherAgreesWithNative: with each domain tag, the circuit's hash of 0, 1
// and 5 elements is prover/hashing's; the same input under another tag, or a
// changed input, is refused.
func TestHasherAgreesWithNative(t *testing.T) {
	for name, tag := range tags {
		for _, n := range []int{0, 1, 5} {
			t.Run(fmt.Sprintf("%s/%d", name, n), func(t *testing.T) {
				in := inputs(n, tag)
				want := hashing.Hash(tag, in...)
				otherTag := hashing.Hash(tag+1, in...)
				assert := test.NewAssert(t)
				opts := solverOnly(test.WithValidAssignment(&hasherCircuit{In: vars(in), Out: want}),
					test.WithInvalidAssignment(&hasherCircuit{In: vars(in), Out: otherTag}))
				if n > 0 {
					changed := append([]fr.Element(nil), in...)
					changed[n-1].SetUint64(3)
					opts = append(opts, test.WithInvalidAssignment(&hasherCircuit{In: vars(changed), Out: want}))
				}
				assert.CheckCircuit(&hasherCircuit{In: make([]frontend.Variable, n), Tag: tag}, opts...)
			})
		}
	}
}

// TestTagsSeparate: the tags' digests of the same input are all distinct.
func TestTagsSeparate(t *testing.T) {
	in := inputs(2, 5)
	seen := map[fr.Element]string{}
	for name, tag := range tags {
		h := hashing.Hash(tag, in...)
		if prev, ok := seen[h]; ok {
			t.Fatalf("tags %s and %s give the same digest", prev, name)
		}
		seen[h] = name
	}
	if len(seen) != len(tags) {
		t.Fatalf("%d digests for %d tags", len(seen), len(tags))
	}
}

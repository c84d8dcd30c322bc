package liabtree

import (
	"errors"
	"testing"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"

	"github.com/zktreasury/zktreasury/circuits/gadget/merkle"
	"github.com/zktreasury/zktreasury/prover/hashing"
)

func TestArities(t *testing.T) {
	for n, want := range map[int][]int{4: {4}, 16: {8, 2}, 64: {8, 8}, 1024: {8, 8, 8, 2}, 4096: {8, 8, 8, 8}, 2: {2}} {
		got, err := merkle.Arities(n)
		if err != nil || len(got) != len(want) {
			t.Fatalf("Arities(%d) = %v, %v; want %v", n, got, err, want)
		}
		prod := 1
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("Arities(%d) = %v, want %v", n, got, want)
			}
			prod *= got[i]
		}
		if prod != n {
			t.Fatalf("Arities(%d) multiplies to %d", n, prod)
		}
	}
	for _, n := range []int{0, 1, 3, 12, 100} {
		if _, err := merkle.Arities(n); err == nil {
			t.Errorf("Arities(%d) accepted", n)
		}
	}
}

// TestPaths: every leaf's path verifies; a wrong sibling, a wrong index, a path
// presented for another capacity, or another root do not.
func TestPaths(t *testing.T) {
	for _, capacity := range []int{4, 16, 64, 256} {
		leaves := make([]fr.Element, capacity)
		for i := range leaves {
			leaves[i] = hashing.FromUint64(uint64(1000 + i))
		}
		tree, err := Build(leaves)
		if err != nil {
			t.Fatal(err)
		}
		root := tree.Root()
		for i := range leaves {
			p, err := tree.Path(i)
			if err != nil {
				t.Fatal(err)
			}
			if err := Verify(leaves[i], p, root, capacity); err != nil {
				t.Fatalf("capacity %d leaf %d: %v", capacity, i, err)
			}
		}
		p, _ := tree.Path(capacity / 2)
		leaf := leaves[capacity/2]
		bad := Path{Index: p.Index, Siblings: make([][]fr.Element, len(p.Siblings))}
		for l := range p.Siblings {
			bad.Siblings[l] = append([]fr.Element(nil), p.Siblings[l]...)
		}
		bad.Siblings[0][0] = hashing.FromUint64(7)
		if err := Verify(leaf, bad, root, capacity); !errors.Is(err, ErrNotIncluded) {
			t.Errorf("capacity %d: wrong sibling: err = %v", capacity, err)
		}
		wrongIndex := p
		wrongIndex.Index ^= 1
		if err := Verify(leaf, wrongIndex, root, capacity); !errors.Is(err, ErrNotIncluded) {
			t.Errorf("capacity %d: wrong index: err = %v", capacity, err)
		}
		if err := Verify(leaf, p, root, capacity*4); !errors.Is(err, ErrNotIncluded) {
			t.Errorf("capacity %d: path accepted for capacity %d", capacity, capacity*4)
		}
		other := hashing.FromUint64(1)
		if err := Verify(leaf, p, other, capacity); !errors.Is(err, ErrNotIncluded) {
			t.Errorf("capacity %d: another root accepted", capacity)
		}
	}
}

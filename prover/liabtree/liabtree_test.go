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

// TestLeafAsNodeAttack is issue 9's attack: the operator puts in the tree a
// leaf whose "user hash" is the victim's real leaf V, with zero balances, and
// hands the victim a path claiming a capacity 8x larger whose bottom level is
// seven zero siblings. Without the leaf tag C_8(V, 0...) is that leaf, and the
// victim's check passes while the tree counted zero for them. The variant puts
// the tag itself as the first sibling, so that the bottom node is exactly the
// tagged fake leaf's preimage; the path is refused for its first input.
func TestLeafAsNodeAttack(t *testing.T) {
	const nAssets = 10 // width-8 leaves: the same function as an 8-ary node
	victimBalances := make([]uint64, nAssets)
	for a := range victimBalances {
		victimBalances[a] = uint64(1000 + a)
	}
	victim, err := Leaf(UserHash("victim", hashing.FromUint64(5)), victimBalances)
	if err != nil {
		t.Fatal(err)
	}
	// Without the tag, a zero-balance leaf over V equals a node over V and
	// seven zeros: the attack's premise (this test fails if it does not hold).
	var zero fr.Element
	untagged := hashing.MustCompress(8, victim, zero, zero, zero, zero)
	if node := hashing.MustCompress(8, victim, zero, zero, zero, zero, zero, zero, zero); !node.Equal(&untagged) {
		t.Fatal("premise: an untagged width-8 leaf should equal an 8-ary node")
	}

	fake, err := Leaf(victim, make([]uint64, nAssets))
	if err != nil {
		t.Fatal(err)
	}
	const capacity = 64
	empty, err := Leaf(fr.Element{}, make([]uint64, nAssets))
	if err != nil {
		t.Fatal(err)
	}
	leaves := make([]fr.Element, capacity)
	for i := range leaves {
		leaves[i] = empty
	}
	leaves[0] = fake
	tree, err := Build(leaves)
	if err != nil {
		t.Fatal(err)
	}
	real, err := tree.Path(0)
	if err != nil {
		t.Fatal(err)
	}
	zeros := make([]fr.Element, 7)
	issue := Path{Index: 0, Siblings: append([][]fr.Element{zeros}, real.Siblings...)}
	withTag := Path{Index: 1, Siblings: append([][]fr.Element{append([]fr.Element{leafTag}, zeros[:6]...)}, real.Siblings...)}
	for _, c := range []struct {
		name     string
		path     Path
		capacity int
	}{
		{"issue attack, claimed capacity", issue, 8 * capacity},
		{"issue attack, proof's capacity", issue, capacity},
		{"tag as first sibling, claimed capacity", withTag, 8 * capacity},
		{"tag as first sibling, proof's capacity", withTag, capacity},
	} {
		if err := Verify(victim, c.path, tree.Root(), c.capacity); !errors.Is(err, ErrNotIncluded) {
			t.Errorf("%s: err = %v, want ErrNotIncluded", c.name, err)
		}
	}
	// The tag-as-sibling path does reach the root: only the first-input rule
	// refuses it at a claimed capacity.
	node := hashing.MustCompress(8, append([]fr.Element{leafTag, victim}, zeros[:6]...)...)
	if !node.Equal(&fake) {
		t.Fatal("premise: the tagged fake leaf should be the node over (tag, V, zeros)")
	}
	// And the fake leaf itself verifies for what it is: a zero-balance leaf.
	if err := Verify(fake, real, tree.Root(), capacity); err != nil {
		t.Fatalf("the fake leaf's own path: %v", err)
	}
}

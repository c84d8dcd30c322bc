package batch

import (
	"fmt"
	"math/big"
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	fb "github.com/consensys/gnark-crypto/ecc/bls12-377/fr"
	fa "github.com/consensys/gnark-crypto/ecc/bw6-761/fr"
	"github.com/consensys/gnark/backend/groth16"
	"github.com/consensys/gnark/test"
	"github.com/shopspring/decimal"

	circuit "github.com/zktreasury/zktreasury/circuits/batch"
	"github.com/zktreasury/zktreasury/circuits/gadget/bound"
	"github.com/zktreasury/zktreasury/circuits/solvency"
	"github.com/zktreasury/zktreasury/treasury"
)

func fixture(t testing.TB, users, k, m int) (*treasury.Policy, *Ledger) {
	return fixtureFrom(t, "../../testdata/solvency/solvent/policy.json", users, k, m)
}

// fixtureFrom builds a ledger of users with distinct balances under a policy
// file, cut into m batches of k (m = 0: the fewest).
func fixtureFrom(t testing.TB, policy string, users, k, m int) (*treasury.Policy, *Ledger) {
	t.Helper()
	pol, err := treasury.LoadPolicy(policy)
	if err != nil {
		t.Fatal(err)
	}
	led := &treasury.Ledger{}
	for i := range users {
		u := treasury.UserBalance{ID: fmt.Sprintf("user-%04d", i)}
		for a := range pol.Assets {
			u.Balance = append(u.Balance, decimal.NewFromInt(int64(100*i+a+1)))
		}
		led.Users = append(led.Users, u)
	}
	var key [32]byte
	key[31] = 7
	l, err := BuildLedger(pol, led, key, k, m)
	if err != nil {
		t.Fatal(err)
	}
	return pol, l
}

// TestTreeMatchesCircuit holds the native twin and the circuit together: an
// honest assignment from the native tree solves, in both hash modes.
func TestTreeMatchesCircuit(t *testing.T) {
	_, l := fixture(t, 7, 4, 2)
	for _, mode := range []circuit.HashMode{circuit.Direct, circuit.GKR} {
		for b := range l.M {
			a, err := l.Assignment(3, b, l.Params(mode, bound.Bits))
			if err != nil {
				t.Fatal(err)
			}
			c, _ := circuit.NewCircuit(l.Params(mode, bound.Bits))
			if err := test.IsSolved(c, a, ecc.BLS12_377.ScalarField()); err != nil {
				t.Fatalf("%s batch %d: honest witness refused: %v", mode, b, err)
			}
		}
	}
}

// TestBatchCheats: each cheat starts from an honest batch and changes one thing.
func TestBatchCheats(t *testing.T) {
	_, l := fixture(t, 7, 4, 2)
	p := l.Params(circuit.Direct, bound.Bits)
	cheats := map[string]func(c *circuit.Circuit){
		"total off by one": func(c *circuit.Circuit) {
			c.Totals[1] = new(big.Int).Sub(c.Totals[1].(*big.Int), big.NewInt(1))
		},
		"balance lowered, totals and root recomputed but not the leaf": func(c *circuit.Circuit) {
			c.Balances[0][0] = uint64(0)
			c.Totals[0] = new(big.Int).Sub(c.Totals[0].(*big.Int), big.NewInt(1))
		},
		"root tampered": func(c *circuit.Circuit) {
			c.Root = new(big.Int).Add(c.Root.(*big.Int), big.NewInt(1))
		},
		"user hash tampered": func(c *circuit.Circuit) {
			c.UserHashes[1] = 12345
		},
		"epoch beyond 64 bits": func(c *circuit.Circuit) {
			c.Epoch = new(big.Int).Lsh(big.NewInt(1), 64)
		},
	}
	for name, cheat := range cheats {
		t.Run(name, func(t *testing.T) {
			a, err := l.Assignment(3, 0, p)
			if err != nil {
				t.Fatal(err)
			}
			// Totals and root as big.Int so the cheats can shift them.
			for i := range a.Totals {
				a.Totals[i] = new(big.Int).Set(l.BatchTotals[0][i])
			}
			var root big.Int
			rr := l.Tree.BatchRoot(0)
			rr.BigInt(&root)
			a.Root = &root
			cheat(a)
			c, _ := circuit.NewCircuit(p)
			if err := test.IsSolved(c, a, ecc.BLS12_377.ScalarField()); err == nil {
				t.Fatal("cheat accepted")
			}
		})
	}
}

// TestBalanceOutOfRange: a balance outside [0, 2^64) with the leaf, the batch
// root and the totals all recomputed in the field to match it, so that only
// the range check can refuse it: a "negative" balance r - 1 (it lowers the
// total by one unit, hiding a liability), 2^64 (it would spill into the next
// balance's bits of the packed leaf), and r - 2^64 + 5.
func TestBalanceOutOfRange(t *testing.T) {
	_, l := fixture(t, 7, 4, 2)
	p := l.Params(circuit.Direct, bound.Bits)
	r := ecc.BLS12_377.ScalarField()
	for name, v := range map[string]*big.Int{
		"negative":     new(big.Int).Sub(r, big.NewInt(1)),
		"2^64":         new(big.Int).Lsh(big.NewInt(1), 64),
		"r - 2^64 + 5": new(big.Int).Add(new(big.Int).Sub(r, new(big.Int).Lsh(big.NewInt(1), 64)), big.NewInt(5)),
	} {
		t.Run(name, func(t *testing.T) {
			a, err := l.Assignment(3, 0, p)
			if err != nil {
				t.Fatal(err)
			}
			const user, asset = 3, 0
			old := new(big.Int).SetUint64(l.Users[user].Balances[asset])
			bal := make([]*big.Int, l.Assets)
			for k := range bal {
				bal[k] = new(big.Int).SetUint64(l.Users[user].Balances[k])
			}
			bal[asset] = v
			a.Balances[user][asset] = v
			tot := new(big.Int).Sub(l.BatchTotals[0][asset], old)
			tot.Add(tot, v).Mod(tot, r)
			a.Totals[asset] = tot
			leaves := append([]fb.Element(nil), l.Tree.Lower[0][:l.K]...)
			leaves[user] = fieldLeaf(l.Users[user].Hash, bal)
			for len(leaves) > 1 {
				next := make([]fb.Element, len(leaves)/2)
				for i := range next {
					next[i] = CompressB(leaves[2*i], leaves[2*i+1])
				}
				leaves = next
			}
			a.Root = leaves[0]
			c, _ := circuit.NewCircuit(p)
			if err := test.IsSolved(c, a, ecc.BLS12_377.ScalarField()); err == nil {
				t.Fatal("out-of-range balance accepted")
			}
		})
	}
}

// fieldLeaf is Leaf with the packing done in F_b, so that it accepts any field
// element as a balance (as the circuit computes it).
func fieldLeaf(userHash fb.Element, balances []*big.Int) fb.Element {
	s := userHash
	for j := 0; j < len(balances); j += solvency.PackPerElement {
		var packed fb.Element
		for k := j; k < min(j+solvency.PackPerElement, len(balances)); k++ {
			var x, sh fb.Element
			x.SetBigInt(balances[k])
			sh.SetBigInt(new(big.Int).Lsh(big.NewInt(1), uint(solvency.AmountBits*(k-j))))
			x.Mul(&x, &sh)
			packed.Add(&packed, &x)
		}
		if j+solvency.PackPerElement >= len(balances) {
			var tag fb.Element
			tag.SetBigInt(circuit.LeafTag(len(balances)))
			packed.Add(&packed, &tag)
		}
		s = CompressB(s, packed)
	}
	return s
}

// TestFieldLeafIsLeaf: the test's field packing is Leaf's on in-range values.
func TestFieldLeafIsLeaf(t *testing.T) {
	_, l := fixture(t, 3, 4, 1)
	u := l.Users[1]
	bal := make([]*big.Int, len(u.Balances))
	for k, x := range u.Balances {
		bal[k] = new(big.Int).SetUint64(x)
	}
	want, _ := Leaf(u.Hash, u.Balances)
	if got := fieldLeaf(u.Hash, bal); !got.Equal(&want) {
		t.Fatal("fieldLeaf differs from Leaf")
	}
}

// TestLeafWidthsApart: the leaf chain continues the user hash's chain, so a
// leaf of six balances whose first three pack a salt s would, without the asset
// count in the tag, be the leaf of three balances under u = C_b(u', s) (the
// red team's attack: a six-asset proof telling a three-asset user INCLUDED).
func TestLeafWidthsApart(t *testing.T) {
	var prefix fb.Element
	prefix.SetUint64(12345) // u', a user-hash chain before its salt
	s := []uint64{7, 8, 9}
	var packedSalt fb.Element
	packedSalt.SetBigInt(new(big.Int).Add(new(big.Int).Lsh(new(big.Int).Add(new(big.Int).Lsh(big.NewInt(9), 64), big.NewInt(8)), 64), big.NewInt(7)))
	u := CompressB(prefix, packedSalt)
	b := []uint64{100, 200, 300}
	three, err := Leaf(u, b)
	if err != nil {
		t.Fatal(err)
	}
	six, err := Leaf(prefix, append(append([]uint64(nil), s...), b...))
	if err != nil {
		t.Fatal(err)
	}
	if three.Equal(&six) {
		t.Fatal("a six-asset leaf equals a three-asset leaf")
	}
}

// TestPathsReachRoot: every user's path reaches the root; a path checked
// against another shape, another index, a changed balance or a leaf passed off
// as a node is refused.
func TestPathsReachRoot(t *testing.T) {
	_, l := fixture(t, 13, 4, 0)
	if l.M != 4 {
		t.Fatalf("13 users in batches of 4: %d batches, want 4", l.M)
	}
	root := l.Tree.Root()
	for _, u := range l.Users {
		leaf, _ := Leaf(u.Hash, u.Balances)
		p, err := l.Tree.Path(u.Index)
		if err != nil {
			t.Fatal(err)
		}
		if err := VerifyPath(leaf, p, root, l.K, l.M); err != nil {
			t.Fatalf("user %s: %v", u.ID, err)
		}
	}
	u := l.Users[5]
	leaf, _ := Leaf(u.Hash, u.Balances)
	p, _ := l.Tree.Path(u.Index)
	if VerifyPath(leaf, p, root, 8, 2) == nil {
		t.Fatal("path accepted for another shape")
	}
	q := p
	q.Index ^= 1
	if VerifyPath(leaf, q, root, l.K, l.M) == nil {
		t.Fatal("path accepted at another index")
	}
	more := append([]uint64(nil), u.Balances...)
	more[0]--
	lower, _ := Leaf(u.Hash, more)
	if VerifyPath(lower, p, root, l.K, l.M) == nil {
		t.Fatal("lowered balance accepted")
	}
	// An internal node passed off as a leaf: the level-1 node over leaves 4
	// and 5 with the rest of leaf 4's path is one level short, whatever index.
	p4, _ := l.Tree.Path(4)
	node := l.Tree.Lower[1][2]
	short := Path{Index: 2, Lower: p4.Lower[1:], Upper: p4.Upper}
	if VerifyPath(node, short, root, l.K, l.M) == nil {
		t.Fatal("node accepted as a leaf")
	}
	var zero fa.Element
	if VerifyPath(leaf, p, zero, l.K, l.M) == nil {
		t.Fatal("wrong root accepted")
	}
}

// TestProveVerify proves one real batch and checks that the proof verifies
// only against its own statement.
func TestProveVerify(t *testing.T) {
	_, l := fixture(t, 5, 4, 2)
	p := l.Params(circuit.Direct, bound.Bits)
	ccs, err := Compile(p)
	if err != nil {
		t.Fatal(err)
	}
	pk, vk, err := groth16.Setup(ccs)
	if err != nil {
		t.Fatal(err)
	}
	a, err := l.Assignment(9, 1, p)
	if err != nil {
		t.Fatal(err)
	}
	proof, err := Prove(ccs, pk, a)
	if err != nil {
		t.Fatal(err)
	}
	pub := l.Public(9, 1)
	if err := Verify(proof, vk, pub); err != nil {
		t.Fatal(err)
	}
	for name, edit := range map[string]func(*Public){
		"other epoch": func(q *Public) { q.Epoch = 8 },
		"other index": func(q *Public) { q.Index = 0 },
		"other root":  func(q *Public) { q.Root = new(big.Int).Add(q.Root, big.NewInt(1)) },
		"other total": func(q *Public) { q.Totals[2] = new(big.Int).Add(q.Totals[2], big.NewInt(1)) },
	} {
		q := l.Public(9, 1)
		edit(&q)
		if Verify(proof, vk, q) == nil {
			t.Errorf("%s: proof accepted", name)
		}
	}
}

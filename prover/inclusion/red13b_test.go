package inclusion

import (
	"errors"
	"strings"
	"testing"

	fb "github.com/consensys/gnark-crypto/ecc/bls12-377/fr"

	batchcircuit "github.com/zktreasury/zktreasury/circuits/batch"
	"github.com/zktreasury/zktreasury/prover/batch"
	"github.com/zktreasury/zktreasury/prover/statement"
)

// TestGhostLeafBelowARealLeaf (red13b): a leaf is C_b(userHash, packed+tag)
// with the user hash a free witness of the batch circuit, so a real leaf is
// also a valid internal node whose left child is any F_b element, another
// user's leaf included. The operator drops the victim's balances from the
// tree by putting, at the victim's slot, a leaf of zero balances whose "user
// hash" is the victim's true leaf (provable: circuits/batch constrains the
// user hash in no way), then hands the victim a file one level deeper
// (batchSize 2K) whose first sibling is the zero leaf's tagged element. The
// recomputed root is the real one: only the depth of the path, that is the
// capacity the verifier holds, refuses it.
//
// At the registry's capacity K·M the file is refused, under every split of
// that capacity. One level deeper its path reaches the root though the victim
// is uncounted, so the capacity must be the joined proofs' M·K: the registry's
// root is the digest of the joined root and the capacity (batch.RootDigest),
// so a registry stating twice the capacity refuses it too.
func TestGhostLeafBelowARealLeaf(t *testing.T) {
	pol, led, l := batchedFixture(t, 11, 4)
	if l.Assets > 3 {
		t.Fatalf("fixture has %d assets: this test's ghost is one compression deep (at most 3 assets)", l.Assets)
	}
	bal := map[string][]string{}
	for _, u := range led.Users {
		for _, b := range u.Balance {
			bal[u.ID] = append(bal[u.ID], b.String())
		}
	}
	const victim = 5
	honestFile, err := ExportBatched(l, pol, bal, 5, victim)
	if err != nil {
		t.Fatal(err)
	}
	v := l.Users[victim]
	trueLeaf, err := batch.Leaf(v.Hash, v.Balances)
	if err != nil {
		t.Fatal(err)
	}

	// The operator's tree: the victim's slot holds Leaf(trueLeaf, zeros).
	ghost, err := batch.Leaf(trueLeaf, make([]uint64, l.Assets))
	if err != nil {
		t.Fatal(err)
	}
	var tag fb.Element
	tag.SetBigInt(batchcircuit.LeafTag(l.Assets))
	if want := batch.CompressB(trueLeaf, tag); !ghost.Equal(&want) {
		t.Fatal("the ghost leaf is not C_b(victim's leaf, tag): the leaf format changed, revisit this test")
	}
	leaves := append([]fb.Element(nil), l.Tree.Lower[0]...)
	if !leaves[v.Index].Equal(&trueLeaf) {
		t.Fatal("fixture: the victim's leaf is not at its index")
	}
	leaves[v.Index] = ghost
	cheat, err := batch.Build(leaves, l.K)
	if err != nil {
		t.Fatal(err)
	}
	cl := *l
	cl.Tree = cheat
	f, err := ExportBatched(&cl, pol, bal, 5, victim)
	if err != nil {
		t.Fatal(err)
	}
	// The victim's file: the honest leaf, one more level below the real tree.
	f.Assets = honestFile.Assets
	f.BatchSize = 2 * l.K
	f.LeafIndex = 2 * v.Index
	f.BatchSiblings = append([]string{batch.HexB(tag)}, f.BatchSiblings...)

	root := cheat.Root()
	pv, err := statement.EncodePolicy(pol)
	if err != nil {
		t.Fatal(err)
	}
	pc, err := statement.PolicyCommitment(pv)
	if err != nil {
		t.Fatal(err)
	}
	digest, err := batch.RootDigestElement(&root, l.K*l.M)
	if err != nil {
		t.Fatal(err)
	}
	rec := RecordedBatched{Epoch: 5, Root: digest, PolicyCommitment: pc, Capacity: l.K * l.M, Assets: l.Assets}

	// At the real capacity: refused, as the file says, and re-cut to any
	// shape of that capacity.
	if _, err := VerifyBatchedRecorded(f, pol, rec); !errors.Is(err, ErrNotIncluded) {
		t.Fatalf("ghost leaf at the real capacity: %v, want not included", err)
	}
	for k := 2; k <= l.K*l.M; k *= 2 {
		g := *f
		g.BatchSize, g.Batches = k, l.K*l.M/k
		if _, err := VerifyBatchedRecorded(&g, pol, rec); !errors.Is(err, ErrNotIncluded) {
			t.Errorf("ghost leaf re-cut to %d batches of %d: %v, want not included", g.Batches, g.BatchSize, err)
		}
	}

	// One level deeper the path itself reaches the root: the depth is the
	// only guard, so the capacity a verifier uses must be the proof's.
	deeper := ProvenBatched{Root: root, Epoch: 5, BatchSize: 2 * l.K, Batches: l.M, Assets: l.Assets}
	if _, err := VerifyBatched(f, pol, deeper); err != nil {
		t.Fatalf("the ghost path no longer verifies one level deeper (%v): the leaf format now separates leaves from nodes; "+
			"update this test and the capacity note in the README", err)
	}
	// ... while the victim is not counted: the slot's balances are zero.
	for a := range l.Assets {
		if v.Balances[a] == 0 {
			t.Fatalf("fixture: the victim's balance of asset %d is zero", a)
		}
	}
	// A registry that states twice the capacity, with the root the wrap
	// recorded (digest at the proof's capacity): refused, because the digest
	// binds the capacity. Only a wrap compiled for 2·K·M would record the
	// digest at 2·K·M, and prover/wrap.Compile refuses that wrap
	// (TestCompileRefusesAnotherCapacity); its circuit constant is public.
	rec.Capacity *= 2
	if _, err := VerifyBatchedRecorded(f, pol, rec); !errors.Is(err, ErrNotIncluded) || !strings.Contains(err.Error(), "has digest") {
		t.Fatalf("ghost leaf against a registry claiming twice the capacity: %v, want the digest refused", err)
	}
}

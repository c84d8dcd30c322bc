package aggregate_test

import (
	"fmt"
	"math/big"
	"strings"
	"sync"
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	bls12377 "github.com/consensys/gnark-crypto/ecc/bls12-377"
	fb "github.com/consensys/gnark-crypto/ecc/bls12-377/fr"
	fa "github.com/consensys/gnark-crypto/ecc/bw6-761/fr"
	"github.com/consensys/gnark/backend/groth16"
	groth16bls "github.com/consensys/gnark/backend/groth16/bls12-377"
	"github.com/consensys/gnark/constraint"
	"github.com/consensys/gnark/constraint/solver"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/std/algebra/native/sw_bls12377"
	"github.com/consensys/gnark/std/math/emulated"
	"github.com/consensys/gnark/test"
	"github.com/shopspring/decimal"

	agg "github.com/zktreasury/zktreasury/circuits/aggregate"
	batchcircuit "github.com/zktreasury/zktreasury/circuits/batch"
	"github.com/zktreasury/zktreasury/circuits/gadget/bound"
	paggregate "github.com/zktreasury/zktreasury/prover/aggregate"
	"github.com/zktreasury/zktreasury/prover/batch"
	"github.com/zktreasury/zktreasury/treasury"
)

const epoch = 3

// keys is a batch circuit with its setup.
type keys struct {
	p   batchcircuit.Params
	ccs constraint.ConstraintSystem
	pk  groth16.ProvingKey
	vk  groth16.VerifyingKey
}

func setupBatch(t testing.TB, p batchcircuit.Params) *keys {
	t.Helper()
	ccs, err := batch.Compile(p)
	if err != nil {
		t.Fatal(err)
	}
	pk, vk, err := groth16.Setup(ccs)
	if err != nil {
		t.Fatal(err)
	}
	return &keys{p: p, ccs: ccs, pk: pk, vk: vk}
}

// proven is a ledger with every batch proven for one epoch.
type proven struct {
	led    *batch.Ledger
	proofs []groth16.Proof
	stmts  []batch.Public
}

func prove(t testing.TB, k *keys, l *batch.Ledger, ep uint64) *proven {
	t.Helper()
	out := &proven{led: l}
	for b := range l.M {
		a, err := l.Assignment(ep, b, k.p)
		if err != nil {
			t.Fatal(err)
		}
		proof, err := batch.Prove(k.ccs, k.pk, a)
		if err != nil {
			t.Fatal(err)
		}
		out.proofs = append(out.proofs, proof)
		out.stmts = append(out.stmts, l.Public(ep, b))
	}
	return out
}

var (
	policyOnce sync.Once
	policy     *treasury.Policy
	policyErr  error
)

// users returns n users with distinct balances in each of the policy's assets.
func users(t testing.TB, n int) (*treasury.Policy, *treasury.Ledger) {
	t.Helper()
	policyOnce.Do(func() { policy, policyErr = treasury.LoadPolicy("../../testdata/run/policy.json") })
	if policyErr != nil {
		t.Fatal(policyErr)
	}
	led := &treasury.Ledger{}
	for i := range n {
		u := treasury.UserBalance{ID: fmt.Sprintf("user-%04d", i)}
		for a := range policy.Assets {
			u.Balance = append(u.Balance, decimal.NewFromInt(int64(100*i+a+1)))
		}
		led.Users = append(led.Users, u)
	}
	return policy, led
}

var userKey = [32]byte{31: 7}

func ledger(t testing.TB, n, k, m int) *batch.Ledger {
	t.Helper()
	pol, led := users(t, n)
	l, err := batch.BuildLedger(pol, led, userKey, k, m)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// ledgerOf builds a batched ledger from users already in leaf order (no
// sorting, duplicates allowed): the way a cheating operator would.
func ledgerOf(t testing.TB, us []batch.User, k, m, nA int) *batch.Ledger {
	t.Helper()
	empty, err := batch.Leaf(fb.Element{}, make([]uint64, nA))
	if err != nil {
		t.Fatal(err)
	}
	leaves := make([]fb.Element, k*m)
	for i := range leaves {
		leaves[i] = empty
	}
	l := &batch.Ledger{K: k, M: m, Assets: nA, Users: append([]batch.User(nil), us...)}
	l.BatchTotals = make([][]*big.Int, m)
	for b := range l.BatchTotals {
		l.BatchTotals[b] = make([]*big.Int, nA)
		for a := range nA {
			l.BatchTotals[b][a] = new(big.Int)
		}
	}
	for i := range l.Users {
		l.Users[i].Index = i
		if leaves[i], err = batch.Leaf(l.Users[i].Hash, l.Users[i].Balances); err != nil {
			t.Fatal(err)
		}
		for a, x := range l.Users[i].Balances {
			l.BatchTotals[i/k][a].Add(l.BatchTotals[i/k][a], new(big.Int).SetUint64(x))
		}
	}
	if l.Tree, err = batch.Build(leaves, k); err != nil {
		t.Fatal(err)
	}
	return l
}

// rootOf hashes batch roots in slot order as the circuit does, whatever
// their epochs and indices.
func rootOf(stmts []batch.Public) fa.Element {
	level := make([]fa.Element, len(stmts))
	for i, s := range stmts {
		level[i].SetBigInt(s.Root)
	}
	for len(level) > 1 {
		next := make([]fa.Element, len(level)/2)
		for i := range next {
			next[i] = batch.CompressA(level[2*i], level[2*i+1])
		}
		level = next
	}
	return level[0]
}

// world is the shared honest setting: 7 users in 2 batches of 4 (4 assets,
// Direct+Bits), proven for epoch 3 under one batch key.
type world struct {
	k      *keys
	p      agg.Params
	honest *proven
	shape  *agg.Circuit
}

var (
	worldOnce sync.Once
	theWorld  *world
)

func getWorld(t *testing.T) *world {
	t.Helper()
	worldOnce.Do(func() {
		l := ledger(t, 7, 4, 2)
		k := setupBatch(t, l.Params(batchcircuit.Direct, bound.Bits))
		w := &world{k: k, p: agg.Params{Batches: 2, Batch: k.p}}
		w.honest = prove(t, k, l, epoch)
		shape, err := agg.NewCircuit(w.p, k.vk)
		if err != nil {
			t.Fatal(err)
		}
		w.shape = shape
		theWorld = w
	})
	if theWorld == nil {
		t.Fatal("fixture failed")
	}
	return theWorld
}

// assign returns the honest assignment of proofs and statements.
func (w *world) assign(t *testing.T, pr *proven) (*agg.Circuit, *paggregate.Statement) {
	t.Helper()
	a, st, err := paggregate.Assignment(w.p, epoch, pr.proofs, pr.stmts)
	if err != nil {
		t.Fatal(err)
	}
	return a, st
}

func (w *world) solved(a *agg.Circuit) error {
	return test.IsSolved(w.shape, a, ecc.BW6_761.ScalarField())
}

func (w *world) mustRefuse(t *testing.T, a *agg.Circuit, what string) {
	t.Helper()
	if err := w.solved(a); err == nil {
		t.Fatalf("%s: joined witness accepted", what)
	}
}

func setSlot(t *testing.T, a *agg.Circuit, i int, proof groth16.Proof, s batch.Public) {
	t.Helper()
	var err error
	if a.Proofs[i], a.Publics[i], err = paggregate.Slot(proof, s); err != nil {
		t.Fatal(err)
	}
}

func setTotals(a *agg.Circuit, totals []*big.Int) {
	for i, x := range totals {
		a.Totals[i] = new(big.Int).Set(x)
	}
}

// TestHonest: the joined statement of an honest epoch is the native tree's
// root and the ledger's totals, and the circuit accepts it.
func TestHonest(t *testing.T) {
	w := getWorld(t)
	a, st := w.assign(t, w.honest)
	root := w.honest.led.Tree.Root()
	if !st.Root.Equal(&root) {
		t.Fatalf("joined root %s, the native tree's %s", st.Root.String(), root.String())
	}
	for i, x := range w.honest.led.Totals() {
		if st.Totals[i].Cmp(x) != 0 {
			t.Fatalf("joined total %d = %v, the ledger's %v", i, st.Totals[i], x)
		}
	}
	if err := w.solved(a); err != nil {
		t.Fatalf("honest joined witness refused: %v", err)
	}
}

// TestUserMissing: the ledger without one user, proven honestly, joins to
// another root: claiming the full ledger's root (or totals) fails, and the
// missing user's path does not reach the joined root.
func TestUserMissing(t *testing.T) {
	w := getWorld(t)
	full := w.honest.led
	pol, led := users(t, 7)
	gone := full.Users[2] // any one user
	var rest treasury.Ledger
	for _, u := range led.Users {
		if u.ID != gone.ID {
			rest.Users = append(rest.Users, u)
		}
	}
	l, err := batch.BuildLedger(pol, &rest, userKey, 4, 2)
	if err != nil {
		t.Fatal(err)
	}
	pr := prove(t, w.k, l, epoch)
	a, st := w.assign(t, pr)
	if err := w.solved(a); err != nil {
		t.Fatalf("the smaller ledger's own statement refused: %v", err)
	}
	fullRoot := full.Tree.Root()
	if st.Root.Equal(&fullRoot) {
		t.Fatal("the ledger without a user joins to the full ledger's root")
	}
	a.Root = fullRoot
	w.mustRefuse(t, a, "full ledger's root over batches missing a user")

	a, _ = w.assign(t, pr)
	setTotals(a, full.Totals())
	w.mustRefuse(t, a, "full ledger's totals over batches missing a user")

	leaf, err := batch.Leaf(gone.Hash, gone.Balances)
	if err != nil {
		t.Fatal(err)
	}
	path, err := full.Tree.Path(gone.Index)
	if err != nil {
		t.Fatal(err)
	}
	if err := batch.VerifyPath(leaf, path, full.Tree.Root(), 4, 2); err != nil {
		t.Fatalf("the user's path does not reach the full root: %v", err)
	}
	if batch.VerifyPath(leaf, path, st.Root, 4, 2) == nil {
		t.Fatal("the missing user's path reaches the joined root")
	}
}

// TestUserTwice: a ledger whose user is duplicated into a second batch,
// proven honestly, cannot claim the real ledger's root or totals; and one
// batch proof in two slots fails the index check.
func TestUserTwice(t *testing.T) {
	w := getWorld(t)
	full := w.honest.led
	us := append([]batch.User(nil), full.Users...) // leaves 0..6; leaf 7 empty
	us = append(us, full.Users[0])                 // user of batch 0 again in batch 1
	l := ledgerOf(t, us, 4, 2, full.Assets)
	pr := prove(t, w.k, l, epoch)
	a, st := w.assign(t, pr)
	if err := w.solved(a); err != nil {
		t.Fatalf("the duplicated ledger's own statement refused: %v", err)
	}
	if st.Totals[0].Cmp(full.Totals()[0]) <= 0 {
		t.Fatal("the duplicate did not raise the totals")
	}
	a.Root = full.Tree.Root()
	w.mustRefuse(t, a, "real ledger's root over a duplicated user")
	a, _ = w.assign(t, pr)
	setTotals(a, full.Totals())
	w.mustRefuse(t, a, "real ledger's totals over a duplicated user")

	// batch 0's proof in both slots, root and totals recomputed from the slots
	a, _ = w.assign(t, w.honest)
	h := w.honest
	setSlot(t, a, 1, h.proofs[0], h.stmts[0])
	twice := []batch.Public{h.stmts[0], h.stmts[0]}
	a.Root = rootOf(twice)
	for i := range a.Totals {
		a.Totals[i] = new(big.Int).Lsh(h.stmts[0].Totals[i], 1)
	}
	w.mustRefuse(t, a, "one batch proof in two slots")
}

// TestTotalsOffByOne: joined totals one unit away from the batches' sum fail.
func TestTotalsOffByOne(t *testing.T) {
	w := getWorld(t)
	for asset := range w.p.Batch.Assets {
		for _, d := range []int64{-1, 1} {
			a, st := w.assign(t, w.honest)
			a.Totals[asset] = new(big.Int).Add(st.Totals[asset], big.NewInt(d))
			w.mustRefuse(t, a, fmt.Sprintf("total of asset %d off by %d", asset, d))
		}
	}
}

// TestSwapped: the two batch proofs swapped between slots, the root
// recomputed over the swapped order, fail the index check.
func TestSwapped(t *testing.T) {
	w := getWorld(t)
	h := w.honest
	a, _ := w.assign(t, h)
	setSlot(t, a, 0, h.proofs[1], h.stmts[1])
	setSlot(t, a, 1, h.proofs[0], h.stmts[0])
	a.Root = rootOf([]batch.Public{h.stmts[1], h.stmts[0]})
	w.mustRefuse(t, a, "swapped slots")
}

// TestOtherEpoch: a batch proof of another epoch (its statement otherwise the
// same) fails; so does the joined epoch set to another one.
func TestOtherEpoch(t *testing.T) {
	w := getWorld(t)
	h := w.honest
	later := prove(t, w.k, h.led, epoch+1)
	a, _ := w.assign(t, h)
	setSlot(t, a, 1, later.proofs[1], later.stmts[1])
	w.mustRefuse(t, a, "batch 1 from epoch 4 in epoch 3")

	a, _ = w.assign(t, h)
	a.Epoch = epoch + 1
	w.mustRefuse(t, a, "joined epoch 4 over epoch 3 batches")
}

// TestOtherKey: a batch proof under a second setup's key, or a tampered
// proof, or a statement the proof does not prove, fails.
func TestOtherKey(t *testing.T) {
	w := getWorld(t)
	h := w.honest
	other := setupBatch(t, w.k.p)
	rogue := prove(t, other, h.led, epoch)
	if err := batch.Verify(rogue.proofs[1], other.vk, rogue.stmts[1]); err != nil {
		t.Fatalf("rogue proof does not verify under its own key: %v", err)
	}
	a, _ := w.assign(t, h)
	setSlot(t, a, 1, rogue.proofs[1], rogue.stmts[1])
	w.mustRefuse(t, a, "batch proof under another verifying key")

	// Ar moved by the generator: still a point of the subgroup.
	p := *(h.proofs[1].(*groth16bls.Proof))
	_, _, g1, _ := bls12377.Generators()
	p.Ar.Add(&p.Ar, &g1)
	a, _ = w.assign(t, h)
	setSlot(t, a, 1, &p, h.stmts[1])
	w.mustRefuse(t, a, "tampered proof")

	// The statement of batch 1 with one total raised, the joined totals
	// following it: only the proof check stands in the way.
	s := h.stmts[1]
	s.Totals = append([]*big.Int(nil), s.Totals...)
	s.Totals[0] = new(big.Int).Add(s.Totals[0], big.NewInt(1))
	a, st := w.assign(t, h)
	setSlot(t, a, 1, h.proofs[1], s)
	a.Totals[0] = new(big.Int).Add(st.Totals[0], big.NewInt(1))
	w.mustRefuse(t, a, "statement the proof does not prove")
}

// glvHint finds gnark's GLV scalar-decomposition hint of sw_bls12377.
func glvHint(t *testing.T) solver.HintID {
	t.Helper()
	for _, h := range solver.GetRegisteredHints() {
		if strings.HasSuffix(solver.GetHintName(h), "sw_bls12377.decomposeScalarG1Simple") {
			return solver.GetHintID(h)
		}
	}
	t.Fatal("no sw_bls12377.decomposeScalarG1Simple hint registered")
	return 0
}

// TestCanonicalInputs: a malicious prover who decomposes the scalar s of the
// MSM as s1 + λ·s2 = s exactly (not modulo r_b) makes the batch verifier
// accept a public input given as x + r_b (the point is [x]P either way). Only
// the canonical conversion then keeps the joined root on x: with the
// malicious hint, the canonical joined root passes, a root over x + r_b fails.
func TestCanonicalInputs(t *testing.T) {
	w := getWorld(t)
	h := w.honest
	lambda, _ := new(big.Int).SetString("91893752504881257701523279626832445440", 10) // x² - 1, x the BLS12-377 seed
	exact := func(_ *big.Int, in, out []*big.Int) error {
		out[1].Div(in[0], lambda)
		out[0].Sub(in[0], new(big.Int).Mul(out[1], lambda))
		return nil
	}
	opt := test.WithReplacementHint(glvHint(t), exact)

	a, _ := w.assign(t, h)
	if err := test.IsSolved(w.shape, a, ecc.BW6_761.ScalarField(), opt); err != nil {
		t.Fatalf("honest witness refused with the exact decomposition: %v", err)
	}
	lifted := new(big.Int).Add(h.stmts[1].Root, fb.Modulus())
	limbs := make([]frontend.Variable, 4)
	mask := new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 64), big.NewInt(1))
	for i := range limbs {
		limbs[i] = new(big.Int).And(new(big.Int).Rsh(lifted, uint(64*i)), mask)
	}
	a.Publics[1].Public[2] = emulated.Element[sw_bls12377.ScalarField]{Limbs: limbs}
	if err := test.IsSolved(w.shape, a, ecc.BW6_761.ScalarField(), opt); err != nil {
		t.Fatalf("root + r_b under the canonical joined root refused: %v", err)
	}
	var r0, r1 fa.Element
	r0.SetBigInt(h.stmts[0].Root)
	r1.SetBigInt(lifted)
	a.Root = batch.CompressA(r0, r1)
	if test.IsSolved(w.shape, a, ecc.BW6_761.ScalarField(), opt) == nil {
		t.Fatal("joined root over the non-canonical batch root accepted")
	}
}

// TestLookupBatches: batch proofs with a BSB22 commitment (lookup range
// checks) join too, and a tampered commitment fails.
func TestLookupBatches(t *testing.T) {
	w := getWorld(t)
	l := w.honest.led
	k := setupBatch(t, l.Params(batchcircuit.Direct, bound.Lookup))
	if n := len(k.ccs.GetCommitments().(constraint.Groth16Commitments)); n != 1 {
		t.Fatalf("lookup batch circuit has %d commitments, want 1", n)
	}
	pr := prove(t, k, l, epoch)
	p := agg.Params{Batches: 2, Batch: k.p}
	shape, err := agg.NewCircuit(p, k.vk)
	if err != nil {
		t.Fatal(err)
	}
	a, _, err := paggregate.Assignment(p, epoch, pr.proofs, pr.stmts)
	if err != nil {
		t.Fatal(err)
	}
	if err := test.IsSolved(shape, a, ecc.BW6_761.ScalarField()); err != nil {
		t.Fatalf("honest lookup batches refused: %v", err)
	}
	bad := *(pr.proofs[0].(*groth16bls.Proof))
	bad.Commitments = append([]bls12377.G1Affine(nil), bad.Commitments...)
	_, _, g1, _ := bls12377.Generators()
	bad.Commitments[0].Add(&bad.Commitments[0], &g1)
	if a.Proofs[0], a.Publics[0], err = paggregate.Slot(&bad, pr.stmts[0]); err != nil {
		t.Fatal(err)
	}
	if test.IsSolved(shape, a, ecc.BW6_761.ScalarField()) == nil {
		t.Fatal("tampered commitment accepted")
	}
}

// TestNewCircuitRefuses: a key of another batch shape, or bad params.
func TestNewCircuitRefuses(t *testing.T) {
	w := getWorld(t)
	three := w.p
	three.Batch.Assets = 3
	if _, err := agg.NewCircuit(three, w.k.vk); err == nil {
		t.Error("a 4-asset batch key accepted for 3-asset params")
	}
	for _, m := range []int{0, 3, -2} {
		p := w.p
		p.Batches = m
		if _, err := agg.NewCircuit(p, w.k.vk); err == nil {
			t.Errorf("%d batches accepted", m)
		}
	}
}

func TestParseParams(t *testing.T) {
	for _, s := range []string{"m2-k4-a4-direct-bits", "m64-k16384-a4-gkr-lookup", "m1-k2-a1-direct-lookup"} {
		p, err := agg.ParseParams(s)
		if err != nil || p.String() != s {
			t.Errorf("%s: %v, %v", s, p, err)
		}
	}
	for _, s := range []string{"", "m3-k4-a4-direct-bits", "m2-k4-a4-direct", "m2-k4-a4-fast-bits", "m2-k4-a0-direct-bits", "m02-k4-a4-direct-bits", "m2-k4-a4-direct-bits-x"} {
		if _, err := agg.ParseParams(s); err == nil {
			t.Errorf("%q accepted", s)
		}
	}
}

package inclusion_test

import (
	"encoding/json"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	fb "github.com/consensys/gnark-crypto/ecc/bls12-377/fr"
	"github.com/consensys/gnark/backend/groth16"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/frontend/cs/r1cs"
	stdgroth16 "github.com/consensys/gnark/std/recursion/groth16"

	aggcircuit "github.com/zktreasury/zktreasury/circuits/aggregate"

	"github.com/zktreasury/zktreasury/circuits/gadget/poseidon"
	"github.com/zktreasury/zktreasury/prover/aggregate"
	"github.com/zktreasury/zktreasury/prover/batch"
	"github.com/zktreasury/zktreasury/prover/batchrun"
	"github.com/zktreasury/zktreasury/prover/inclusion"
	"github.com/zktreasury/zktreasury/prover/keystore"
	"github.com/zktreasury/zktreasury/prover/prooffile"
	"github.com/zktreasury/zktreasury/treasury"
)

// TestBatchedProofOfOtherAssetCount (red13): a joined proof of a tree of six
// assets per leaf, checked by a user of the three-asset policy. The operator
// gives the user the salt 1, which a user cannot check, and proves the leaf
// Leaf(H(TagUser, id), [1, 0, 0, b0, b1, b2]): its first compression is the
// user's hash H(TagUser, id, 1), so the leaf is also the user's three-asset
// leaf Leaf(H(TagUser, id, 1), [b0, b1, b2]). The user's balances are counted
// in the proof's assets 3..5, none in its USDC, WETH or WBTC totals. The file,
// the epoch, the shape and the root are all the proof's: only the asset count
// of the proof's params can refuse it. (The CLI used to overwrite the proof's
// asset count with the policy's, which made that check vacuous.) Since then
// the leaf tag carries the asset count, which makes the two leaves differ;
// the test keeps both defences.
func TestBatchedProofOfOtherAssetCount(t *testing.T) {
	pol, err := treasury.LoadPolicy(filepath.Join(solventCase, "policy.json"))
	if err != nil {
		t.Fatal(err)
	}
	const id, epoch, k, m = "victim", uint64(7), 4, 2
	ledger := []string{"12.5", "0.5", "0.01"}
	units := []uint64{12_500_000, 500_000, 1_000_000}
	var salt fb.Element
	salt.SetOne()
	// The six-asset leaf: user hash H(TagUser, id), balances [1, 0, 0, units...].
	forged, err := batch.Leaf(batch.HashB(poseidon.TagUser, batch.FromString(id)), append([]uint64{1, 0, 0}, units...))
	if err != nil {
		t.Fatal(err)
	}
	mine, err := batch.Leaf(batch.UserHash(id, salt), units)
	if err != nil {
		t.Fatal(err)
	}
	// The leaf tag carries the asset count (circuits/batch.LeafTag), so the
	// overlap is gone by construction...
	if forged.Equal(&mine) {
		t.Fatal("a six-asset leaf equals the user's three-asset leaf")
	}
	// ...and the verifier takes the asset count from the proof besides: the
	// tree below holds the user's own three-asset leaf, the six-asset proof of
	// its root is refused by the count alone.
	empty, err := batch.Leaf(fb.Element{}, make([]uint64, 6))
	if err != nil {
		t.Fatal(err)
	}
	leaves := make([]fb.Element, k*m)
	for i := range leaves {
		leaves[i] = empty
	}
	leaves[0] = mine
	tree, err := batch.Build(leaves, k)
	if err != nil {
		t.Fatal(err)
	}
	path, err := tree.Path(0)
	if err != nil {
		t.Fatal(err)
	}
	f := &inclusion.BatchedFile{Format: inclusion.FormatBatched, UserID: id, Salt: batch.HexB(salt), Epoch: epoch,
		BatchSize: k, Batches: m, LiabilitiesRoot: batch.HexA(tree.Root())}
	for a, ap := range pol.Assets {
		f.Assets = append(f.Assets, inclusion.Asset{Symbol: ap.Symbol, Balance: ledger[a], CircuitDecimals: ap.CircuitDecimals, Units: units[a]})
	}
	for _, s := range path.Lower {
		f.BatchSiblings = append(f.BatchSiblings, batch.HexB(s))
	}
	for _, s := range path.Upper {
		f.TopSiblings = append(f.TopSiblings, batch.HexA(s))
	}
	dir := t.TempDir()
	incl := filepath.Join(dir, "victim.inclusion.json")
	data, err := json.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(incl, data, 0o600); err != nil {
		t.Fatal(err)
	}
	// The joined statement of the six-asset tree: totals 1 (the salt) in
	// asset 0, the user's units in assets 3..5.
	st := &aggregate.Statement{Epoch: epoch, Root: tree.Root(), Totals: []*big.Int{big.NewInt(1), new(big.Int), new(big.Int)}}
	for _, u := range units {
		st.Totals = append(st.Totals, new(big.Int).SetUint64(u))
	}
	digest := strings.Repeat("ab", 32)
	proof := filepath.Join(dir, "joined.proof.json")
	if err := prooffile.Write(proof, &prooffile.File{Circuit: aggregate.Name, Params: "m2-k4-a6-direct-bits", Backend: aggregate.Backend, CircuitDigest: digest, VerifyingKeyDigest: digest,
		PublicInputs: st.Named(), Proof: "0x00"}); err != nil {
		t.Fatal(err)
	}
	policy := filepath.Join(solventCase, "policy.json")
	// Control: the same file against a three-asset proof of the same root is
	// included, so the refusal below is the asset count's alone.
	ok := filepath.Join(dir, "three.proof.json")
	st3 := &aggregate.Statement{Epoch: epoch, Root: tree.Root(), Totals: st.Totals[:3]}
	if err := prooffile.Write(ok, &prooffile.File{Circuit: aggregate.Name, Params: "m2-k4-a3-direct-bits", Backend: aggregate.Backend, CircuitDigest: digest, VerifyingKeyDigest: digest,
		PublicInputs: st3.Named(), Proof: "0x00"}); err != nil {
		t.Fatal(err)
	}
	if code, out, stderr := run(t, "inclusion", "verify", incl, "--proof", ok, "--policy", policy); code != 0 || !strings.Contains(out, "INCLUDED") {
		t.Fatalf("control (three-asset proof): exit %d: %s%s", code, out, stderr)
	} else if strings.Contains(out, "matching the proof's commitment") {
		t.Fatalf("a joined proof commits to no policy, the output says it matches one: %s", out)
	}
	code, out, stderr := run(t, "inclusion", "verify", incl, "--proof", proof, "--policy", policy)
	if code != 3 || !strings.Contains(out, "NOT INCLUDED") || !strings.Contains(out, "6 assets") {
		t.Fatalf("six-asset proof, three-asset policy: exit %d (want 3, NOT INCLUDED naming 6 assets): %s%s", code, out, stderr)
	}
}

// standIn has the joined proof's public interface (Epoch, Root, three
// totals) and states nothing about them.
type standIn struct {
	Epoch, Root frontend.Variable    `gnark:",public"`
	Totals      [3]frontend.Variable `gnark:",public"`
}

func (c *standIn) Define(api frontend.API) error {
	api.AssertIsEqual(api.Mul(c.Epoch, 1), c.Epoch)
	return nil
}

// TestBatchedInsecureKeysSaid (red13): a joined proof verified with --keys
// whose aggregation key comes from a single-party (insecure) setup must say
// so, as a single tree's does: whoever made such a key can prove any root.
// The key here is a stand-in circuit's with the joined proof's public
// interface, filed under the aggregation circuit's name and params: the key
// store is the verifier's whole trust anchor (it is not recompiled), so only
// its insecure mark can warn. The batched path used to drop that mark. Then
// the file's params restated as another shape: refused by the key's params.
func TestBatchedInsecureKeysSaid(t *testing.T) {
	pol, err := treasury.LoadPolicy(filepath.Join(solventCase, "policy.json"))
	if err != nil {
		t.Fatal(err)
	}
	const id, epoch = "victim", uint64(7)
	units := []uint64{12_500_000, 500_000, 1_000_000}
	var salt fb.Element
	salt.SetUint64(99)
	leaf, _ := batch.Leaf(batch.UserHash(id, salt), units)
	empty, _ := batch.Leaf(fb.Element{}, make([]uint64, 3))
	leaves := []fb.Element{leaf, empty, empty, empty, empty, empty, empty, empty}
	tree, err := batch.Build(leaves, 4)
	if err != nil {
		t.Fatal(err)
	}
	path, _ := tree.Path(0)
	f := &inclusion.BatchedFile{Format: inclusion.FormatBatched, UserID: id, Salt: batch.HexB(salt), Epoch: epoch,
		BatchSize: 4, Batches: 2, LiabilitiesRoot: batch.HexA(tree.Root())}
	for a, ap := range pol.Assets {
		f.Assets = append(f.Assets, inclusion.Asset{Symbol: ap.Symbol, Balance: "0", CircuitDecimals: ap.CircuitDecimals, Units: units[a]})
	}
	for _, s := range path.Lower {
		f.BatchSiblings = append(f.BatchSiblings, batch.HexB(s))
	}
	for _, s := range path.Upper {
		f.TopSiblings = append(f.TopSiblings, batch.HexA(s))
	}
	dir := t.TempDir()
	incl := filepath.Join(dir, "victim.inclusion.json")
	data, _ := json.Marshal(f)
	if err := os.WriteFile(incl, data, 0o600); err != nil {
		t.Fatal(err)
	}

	p, err := aggcircuit.ParseParams("m2-k4-a3-direct-bits")
	if err != nil {
		t.Fatal(err)
	}
	st := &aggregate.Statement{Epoch: epoch, Root: tree.Root()}
	for _, u := range units {
		st.Totals = append(st.Totals, new(big.Int).SetUint64(u))
	}
	ccs, err := frontend.Compile(aggregate.Curve.ScalarField(), r1cs.NewBuilder, &standIn{})
	if err != nil {
		t.Fatal(err)
	}
	keys, err := batchrun.AggregateBackend.SetupInsecure(ccs)
	if err != nil {
		t.Fatal(err)
	}
	digest, err := keystore.CircuitDigest(ccs)
	if err != nil {
		t.Fatal(err)
	}
	store := keystore.Store{Dir: filepath.Join(dir, "keys")}
	if err := store.Save(keystore.Meta{Circuit: batchrun.AggregateCircuitName, Params: p.String(), Backend: batchrun.AggregateBackendName,
		CircuitDigest: digest, Constraints: ccs.GetNbConstraints(), PublicInputs: 5, Insecure: true, Created: time.Now().UTC()}, keys); err != nil {
		t.Fatal(err)
	}
	var root big.Int
	st.Root.BigInt(&root)
	w, err := frontend.NewWitness(&standIn{Epoch: epoch, Root: &root, Totals: [3]frontend.Variable{st.Totals[0], st.Totals[1], st.Totals[2]}},
		aggregate.Curve.ScalarField())
	if err != nil {
		t.Fatal(err)
	}
	vk := keys.VK.(groth16.VerifyingKey)
	proof, err := groth16.Prove(ccs, keys.PK.(groth16.ProvingKey), w, stdgroth16.GetNativeProverOptions(aggregate.Wrap.ScalarField(), aggregate.Curve.ScalarField()))
	if err != nil {
		t.Fatal(err)
	}
	pf, err := aggregate.File(p, ccs, vk, proof, st, false) // the file does not say insecure: the key store does
	if err != nil {
		t.Fatal(err)
	}
	proofPath := filepath.Join(dir, "joined.proof.json")
	if err := prooffile.Write(proofPath, pf); err != nil {
		t.Fatal(err)
	}
	policy := filepath.Join(solventCase, "policy.json")
	code, out, stderr := run(t, "inclusion", "verify", incl, "--proof", proofPath, "--keys", store.Dir, "--policy", policy)
	if code != 0 || !strings.Contains(out, "verified with the keys") {
		t.Fatalf("exit %d: %s%s", code, out, stderr)
	}
	if !strings.Contains(out, "INSECURE") {
		t.Fatalf("a proof verified with insecure keys is reported without the warning:\n%s", out)
	}
	code, out, _ = run(t, "inclusion", "verify", incl, "--proof", proofPath, "--keys", store.Dir, "--policy", policy, "--json")
	var res struct {
		Verified bool `json:"proofVerified"`
		Insecure bool `json:"insecureSetup"`
	}
	if err := json.Unmarshal([]byte(out), &res); code != 0 || err != nil || !res.Verified || !res.Insecure {
		t.Fatalf("--json: exit %d, %+v (%v): %s", code, res, err, out)
	}
	// The same proof file restating its params as another shape of the same
	// capacity and public inputs (4 batches of 2): the key it names was made
	// for m2-k4, and only the key store's params can refuse it.
	pf.Params = "m4-k2-a3-direct-bits"
	other := filepath.Join(dir, "reshaped.proof.json")
	if err := prooffile.Write(other, pf); err != nil {
		t.Fatal(err)
	}
	code, out, stderr = run(t, "inclusion", "verify", incl, "--proof", other, "--keys", store.Dir, "--policy", policy)
	if code == 0 || !strings.Contains(stderr+out, "the key store's aggregation key is for m2-k4-a3-direct-bits") {
		t.Fatalf("params restated as m4-k2: exit %d: %s%s", code, out, stderr)
	}
}

package prover

import (
	"math/big"
	"strings"
	"testing"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"

	"github.com/zktreasury/zktreasury/circuits/gadget/bound"
	"github.com/zktreasury/zktreasury/prover/statement"
)

// redEpochPublic is what an honest epoch proof file names for testdata/epoch, and its asset
// symbols.
func redEpochPublic(t *testing.T) ([]statement.NamedInput, []string) {
	t.Helper()
	const dir = "../testdata/epoch"
	in, err := statement.LoadEpochInputs(statement.EpochCaseFiles(dir))
	if err != nil {
		t.Fatal(err)
	}
	cp, err := statement.LoadCaseParams(dir)
	if err != nil {
		t.Fatal(err)
	}
	in.Epoch, in.Capacity, in.Slots, in.RangeCheck = cp.Epoch, cp.Capacity, cp.Slots, bound.Bits
	in.StartTime, in.EndTime = cp.StartTime, cp.EndTime
	e, err := statement.BuildEpoch(in)
	if err != nil {
		t.Fatal(err)
	}
	var symbols []string
	for _, a := range in.Policy.Assets {
		symbols = append(symbols, a.Symbol)
	}
	return e.Public(symbols), symbols
}

func redClone(named []statement.NamedInput) []statement.NamedInput {
	return append([]statement.NamedInput(nil), named...)
}

// TestCheckPublicHashRefusesRewrittenValues (red team, issue 12): a proof file whose named
// values are not the ones its publicHash (the proven input) hashes is refused by
// checkPublicHash, which verify, inclusion verify and the runner reach through VerifyFile:
// every value one unit off with the proven hash kept; a field value written as its alias
// x + r and an 8-byte value written as x + 2^64 (both with the hash of x, so the proof still
// verifies); and a file whose hash is replaced by the hash of changed values (then the
// Groth16 check, not this one, refuses: the proof is for the old hash).
func TestCheckPublicHashRefusesRewrittenValues(t *testing.T) {
	honest, _ := redEpochPublic(t)
	if err := checkPublicHash("epoch", honest); err != nil {
		t.Fatalf("honest: %v", err)
	}
	for i := range honest[:len(honest)-1] {
		f := redClone(honest)
		x, err := statement.ParseElement(f[i].Value)
		if err != nil {
			t.Fatal(err)
		}
		var one fr.Element
		one.SetOne()
		x.Add(&x, &one)
		f[i].Value = statement.Hex(x)
		if err := checkPublicHash("epoch", f); err == nil {
			t.Errorf("%s one unit off accepted under the proven hash", f[i].Name)
		}
		// The alias of the true value: x + r for a field slot, x + 2^64 for an 8-byte one.
		f = redClone(honest)
		orig, _ := statement.ParseElement(honest[i].Value)
		ob := orig.BigInt(new(big.Int))
		alias := new(big.Int).Add(ob, new(big.Int).Lsh(big.NewInt(1), 64))
		if i < 5 { // the five field values come first
			alias = new(big.Int).Add(ob, fr.Modulus())
		}
		f[i].Value = "0x" + alias.Text(16)
		err = checkPublicHash("epoch", f)
		if err == nil {
			t.Errorf("%s written as its alias %s accepted", f[i].Name, f[i].Value)
		}
	}
	f := redClone(honest)
	h, _ := statement.ParseElement(f[len(f)-1].Value)
	var one fr.Element
	one.SetOne()
	h.Add(&h, &one)
	f[len(f)-1].Value = statement.Hex(h)
	if err := checkPublicHash("epoch", f); err == nil {
		t.Error("publicHash one unit off accepted")
	}
}

// TestCheckPublicHashAssetLabels (red team, issue 12): the symbols in a proof file's names are
// not hashed. Relabelling the assets (price.A <-> price.B and the flows alike, values kept in
// place) passes checkPublicHash; what binds the labels is the policy: verify --policy compares
// them with the policy's assets (checkPins) and epoch submit with the deployment's feeds
// (contracts.ClaimFromInputs). A file whose labels are inconsistent between prices and flows is
// refused here.
func TestCheckPublicHashAssetLabels(t *testing.T) {
	honest, symbols := redEpochPublic(t)
	if len(symbols) < 2 {
		t.Skip("one asset")
	}
	a, b := symbols[0], symbols[1]
	swap := func(name string, prefixes ...string) string {
		for _, p := range prefixes {
			if s, ok := strings.CutPrefix(name, p); ok {
				switch s {
				case a:
					return p + b
				case b:
					return p + a
				}
			}
		}
		return name
	}
	relabel := redClone(honest)
	for i := range relabel {
		relabel[i].Name = swap(relabel[i].Name, "price.", "inflow.", "outflow.")
	}
	if err := checkPublicHash("epoch", relabel); err != nil {
		t.Fatalf("relabelled assets: %v (labels are the policy's to check)", err)
	}
	half := redClone(honest)
	for i := range half {
		half[i].Name = swap(half[i].Name, "price.")
	}
	if err := checkPublicHash("epoch", half); err == nil {
		t.Fatal("prices labelled in one asset order and flows in another accepted")
	}
}

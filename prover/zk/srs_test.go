package zk

import (
	"errors"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"

	kzg "github.com/consensys/gnark-crypto/ecc/bn254/kzg"
	"github.com/consensys/gnark/frontend"
)

// cubic proves X³ + X + 5 == Y.
type cubic struct {
	X frontend.Variable
	Y frontend.Variable `gnark:",public"`
}

func (c *cubic) Define(api frontend.API) error {
	api.AssertIsEqual(c.Y, api.Add(api.Mul(c.X, c.X, c.X), c.X, 5))
	return nil
}

func localSRS(t *testing.T, size uint64, tau int64) *kzg.SRS {
	t.Helper()
	srs, err := kzg.NewSRS(size, big.NewInt(tau))
	if err != nil {
		t.Fatal(err)
	}
	return srs
}

func writeSRS(t *testing.T, srs *kzg.SRS) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "srs.bin")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := srs.WriteTo(f); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestPlonkFromSRSFile(t *testing.T) {
	b := Plonk{}
	ccs, err := b.Compile(&cubic{})
	if err != nil {
		t.Fatal(err)
	}
	needC, needL := SRSSizes(ccs)
	// a locally generated SRS larger than needed, as a public one would be
	srs, digest, err := ReadSRS(writeSRS(t, localSRS(t, 4*needC, 123456789)))
	if err != nil {
		t.Fatal(err)
	}
	if len(digest) != 64 {
		t.Fatalf("digest %q", digest)
	}
	keys, err := b.SetupWithSRS(ccs, srs, nil)
	if err != nil {
		t.Fatal(err)
	}
	full, _ := frontend.NewWitness(&cubic{X: 3, Y: 35}, Curve.ScalarField())
	proof, err := b.Prove(ccs, keys.PK, full)
	if err != nil {
		t.Fatal(err)
	}
	pub, _ := full.Public()
	if err := b.Verify(proof, keys.VK, pub); err != nil {
		t.Fatal(err)
	}
	wrong, _ := PublicWitness([]any{36})
	if err := b.Verify(proof, keys.VK, wrong); !errors.Is(err, ErrProofRejected) {
		t.Fatalf("wrong public input: %v", err)
	}

	// a Lagrange SRS derived from this canonical SRS is accepted
	cut, lag, err := PlonkSRS(ccs, srs, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := PlonkSRS(ccs, srs, lag); err != nil {
		t.Fatalf("derived Lagrange SRS refused: %v", err)
	}
	if uint64(len(cut.Pk.G1)) != needC || uint64(len(lag.Pk.G1)) != needL {
		t.Fatalf("sizes %d, %d", len(cut.Pk.G1), len(lag.Pk.G1))
	}

	// a Lagrange SRS of another τ (with this SRS's verifying key) is refused
	other := localSRS(t, needC, 987654321)
	_, otherLag, err := PlonkSRS(ccs, other, nil)
	if err != nil {
		t.Fatal(err)
	}
	otherLag.Vk = srs.Vk
	if _, _, err := PlonkSRS(ccs, srs, otherLag); !errors.Is(err, ErrBadSRS) {
		t.Fatalf("Lagrange SRS of another τ: %v", err)
	}
	// a Lagrange SRS with two points swapped is refused
	swapped := &kzg.SRS{Vk: lag.Vk, Pk: kzg.ProvingKey{G1: append(lag.Pk.G1[:0:0], lag.Pk.G1...)}}
	swapped.Pk.G1[1], swapped.Pk.G1[2] = swapped.Pk.G1[2], swapped.Pk.G1[1]
	if _, _, err := PlonkSRS(ccs, srs, swapped); !errors.Is(err, ErrBadSRS) {
		t.Fatalf("Lagrange SRS with swapped points: %v", err)
	}
	// a canonical SRS with one power replaced is refused
	bad := &kzg.SRS{Vk: srs.Vk, Pk: kzg.ProvingKey{G1: append(srs.Pk.G1[:0:0], srs.Pk.G1...)}}
	bad.Pk.G1[3] = bad.Pk.G1[4]
	if _, err := b.SetupWithSRS(ccs, bad, nil); !errors.Is(err, ErrBadSRS) {
		t.Fatalf("canonical SRS with a forged power: %v", err)
	}
}

func TestSRSTooSmall(t *testing.T) {
	b := Plonk{}
	ccs, err := b.Compile(&cubic{})
	if err != nil {
		t.Fatal(err)
	}
	needC, _ := SRSSizes(ccs)
	srs := localSRS(t, needC-1, 42)
	_, err = b.SetupWithSRS(ccs, srs, nil)
	if !errors.Is(err, ErrSRSTooSmall) {
		t.Fatalf("got %v", err)
	}
	for _, want := range []string{"has " + itoa(needC-1) + " G1 points", "needs " + itoa(needC)} {
		if !strings.Contains(err.Error(), want) {
			t.Fatalf("error %q does not say %q", err, want)
		}
	}
}

func itoa(n uint64) string { return big.NewInt(int64(n)).String() }

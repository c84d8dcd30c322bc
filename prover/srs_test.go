package prover

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"math/big"
	"os"
	"path/filepath"
	"testing"

	kzg "github.com/consensys/gnark-crypto/ecc/bn254/kzg"
	"github.com/consensys/gnark/frontend"

	"github.com/zktreasury/zktreasury/prover/keystore"
	"github.com/zktreasury/zktreasury/prover/zk"
)

// tinyCubic proves X³ + X + 5 == Y.
type tinyCubic struct {
	X frontend.Variable
	Y frontend.Variable `gnark:",public"`
}

func (c *tinyCubic) Define(api frontend.API) error {
	api.AssertIsEqual(c.Y, api.Add(api.Mul(c.X, c.X, c.X), c.X, 5))
	return nil
}

func srsFile(t *testing.T, size uint64) (string, string) {
	t.Helper()
	srs, err := kzg.NewSRS(size, big.NewInt(424242))
	if err != nil {
		t.Fatal(err)
	}
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
	data, _ := os.ReadFile(p)
	h := sha256.Sum256(data)
	return p, hex.EncodeToString(h[:])
}

func TestSetupPlonkSRS(t *testing.T) {
	j := Job{Circuit: "cubic", Params: "tiny", Shape: &tinyCubic{}}
	store := keystore.Store{Dir: t.TempDir()}
	path, digest := srsFile(t, 64)
	meta, err := SetupPlonkSRS(store, j, path, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	if meta.Insecure || meta.TranscriptDigest == "" {
		t.Fatalf("meta %+v", meta)
	}
	tr, err := store.LoadTranscript(j.Circuit, "plonk", meta.CircuitDigest)
	if err != nil {
		t.Fatal(err)
	}
	if tr.Kind != keystore.KindKZGSRS || tr.SRS.Digest != digest || tr.SRS.Size != 64 {
		t.Fatalf("transcript %+v", tr)
	}
	// the keys load and prove
	full, _ := frontend.NewWitness(&tinyCubic{X: 3, Y: 35}, zk.Curve.ScalarField())
	ccs, _, err := Compile(zk.Plonk{}, j, nil)
	if err != nil {
		t.Fatal(err)
	}
	pk, _, err := store.LoadProvingKey(zk.Plonk{}, j.Circuit, ccs)
	if err != nil {
		t.Fatal(err)
	}
	vk, _, err := store.LoadVerifyingKey(zk.Plonk{}, j.Circuit, meta.CircuitDigest)
	if err != nil {
		t.Fatal(err)
	}
	proof, err := zk.Plonk{}.Prove(ccs, pk, full)
	if err != nil {
		t.Fatal(err)
	}
	pub, _ := full.Public()
	if err := (zk.Plonk{}).Verify(proof, vk, pub); err != nil {
		t.Fatal(err)
	}

	// an SRS one point short is refused and nothing is written
	need, _ := zk.SRSSizes(ccs)
	small, _ := srsFile(t, need-1)
	empty := keystore.Store{Dir: t.TempDir()}
	if _, err := SetupPlonkSRS(empty, j, small, "", nil); !errors.Is(err, zk.ErrSRSTooSmall) {
		t.Fatalf("small SRS: %v", err)
	}
	if entries, _ := os.ReadDir(empty.Dir); len(entries) != 0 {
		t.Fatalf("files written: %v", entries)
	}
}

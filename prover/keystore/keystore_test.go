package keystore_test

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/consensys/gnark/frontend"

	"github.com/zktreasury/zktreasury/prover/keystore"
	"github.com/zktreasury/zktreasury/prover/zk"
)

// square proves knowledge of X with X·X = Y.
type square struct {
	X frontend.Variable
	Y frontend.Variable `gnark:",public"`
}

func (c *square) Define(api frontend.API) error {
	api.AssertIsEqual(api.Mul(c.X, c.X), c.Y)
	return nil
}

// TestProvingKeyRoundTrip saves keys (the proving key raw), loads them back and
// proves with the loaded key; a proving key in the older compressed form still
// loads; a proving key whose bytes no longer match the metadata's SHA-256 is
// refused before it is decoded.
func TestProvingKeyRoundTrip(t *testing.T) {
	for _, b := range []zk.Backend{zk.Groth16{}, zk.Plonk{}} {
		t.Run(b.Name(), func(t *testing.T) {
			ccs, err := b.Compile(&square{})
			if err != nil {
				t.Fatal(err)
			}
			digest, err := keystore.CircuitDigest(ccs)
			if err != nil {
				t.Fatal(err)
			}
			keys, err := b.SetupInsecure(ccs)
			if err != nil {
				t.Fatal(err)
			}
			store := keystore.Store{Dir: t.TempDir()}
			meta := keystore.Meta{Circuit: "square", Params: "p", Backend: b.Name(), CircuitDigest: digest,
				Constraints: ccs.GetNbConstraints(), PublicInputs: b.NbPublicInputs(ccs), Insecure: true, Created: time.Now().UTC()}
			if err := store.Save(meta, keys); err != nil {
				t.Fatal(err)
			}
			pkPath, _, _ := store.Paths("square", b.Name(), digest)
			raw, err := os.ReadFile(pkPath)
			if err != nil {
				t.Fatal(err)
			}
			compressed, err := zk.Bytes(keys.PK)
			if err != nil {
				t.Fatal(err)
			}
			if len(raw) <= len(compressed) {
				t.Fatalf("saved proving key has %d bytes, the compressed form %d: not the raw form", len(raw), len(compressed))
			}
			prove := func() error {
				pk, _, err := store.LoadProvingKey(b, "square", ccs)
				if err != nil {
					return err
				}
				vk, _, err := store.LoadVerifyingKey(b, "square", digest)
				if err != nil {
					return err
				}
				full, err := frontend.NewWitness(&square{X: 3, Y: 9}, zk.Curve.ScalarField())
				if err != nil {
					return err
				}
				pub, err := full.Public()
				if err != nil {
					return err
				}
				proof, err := b.Prove(ccs, pk, full)
				if err != nil {
					return err
				}
				return b.Verify(proof, vk, pub)
			}
			if err := prove(); err != nil {
				t.Fatalf("raw proving key: %v", err)
			}

			// an older store: the same keys with the proving key compressed
			old := keystore.Store{Dir: t.TempDir()}
			if err := old.Save(meta, keys); err != nil {
				t.Fatal(err)
			}
			oldPK, _, oldMeta := old.Paths("square", b.Name(), digest)
			m, err := old.LoadMeta("square", b.Name(), digest)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(oldPK, compressed, 0o644); err != nil {
				t.Fatal(err)
			}
			rewriteDigest(t, oldMeta, m.ProvingKeyDigest, compressed)
			first := store
			store = old
			if err := prove(); err != nil {
				t.Fatalf("compressed proving key: %v", err)
			}

			// one byte changed: refused by the digest, never decoded
			raw[len(raw)/2] ^= 1
			if err := os.WriteFile(pkPath, raw, 0o644); err != nil {
				t.Fatal(err)
			}
			if _, _, err := first.LoadProvingKey(b, "square", ccs); !errors.Is(err, keystore.ErrKeyMismatch) {
				t.Fatalf("tampered proving key: %v, want ErrKeyMismatch", err)
			}
		})
	}
}

// rewriteDigest points a metadata file's proving-key digest at data.
func rewriteDigest(t *testing.T, metaPath, old string, data []byte) {
	t.Helper()
	m, err := os.ReadFile(metaPath)
	if err != nil {
		t.Fatal(err)
	}
	h := sha256.Sum256(data)
	if !strings.Contains(string(m), old) {
		t.Fatalf("%s does not name %s", metaPath, old)
	}
	if err := os.WriteFile(metaPath, []byte(strings.ReplaceAll(string(m), old, hex.EncodeToString(h[:]))), 0o644); err != nil {
		t.Fatal(err)
	}
}

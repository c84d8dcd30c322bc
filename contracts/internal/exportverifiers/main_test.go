package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zktreasury/zktreasury/prover"
	"github.com/zktreasury/zktreasury/prover/keystore"
)

// repoRoot is the repository root seen from this package.
const repoRoot = "../../.."

// TestCommittedVerifiers fails when a committed verifier differs from the export of its committed
// verifying key, or when a committed key was made for another circuit than the one compiled now
// (a circuit changed without new keys), or when something in testdata/keys is not a verifying
// key or metadata of a current target (a stale key, or a proving key that must not be
// committed).
func TestCommittedVerifiers(t *testing.T) {
	ts, err := targets(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	store := keystore.Store{Dir: filepath.Join(repoRoot, keysDir)}
	expected := map[string]bool{}
	for _, tg := range ts {
		t.Run(tg.Name(), func(t *testing.T) {
			_, digest, err := prover.Compile(tg.backend, prover.Job{Circuit: tg.circuit, Params: tg.params, Shape: tg.shape}, nil)
			if err != nil {
				t.Fatal(err)
			}
			committed, err := filepath.Glob(filepath.Join(store.Dir, fmt.Sprintf("%s-*-%s.json", tg.circuit, tg.backend.Name())))
			if err != nil {
				t.Fatal(err)
			}
			if len(committed) != 1 {
				t.Fatalf("%d committed keys for %s %s, want 1; run `go run ./contracts/internal/exportverifiers -setup`", len(committed), tg.circuit, tg.backend.Name())
			}
			var meta keystore.Meta
			raw, err := os.ReadFile(committed[0])
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(raw, &meta); err != nil {
				t.Fatalf("%s: %v", committed[0], err)
			}
			if meta.CircuitDigest != digest {
				t.Fatalf("the committed %s key is for circuit %.16s, the %s circuit compiles to %.16s now: "+
					"run `go run ./contracts/internal/exportverifiers -setup` and `go run ./contracts/internal/gen`", tg.backend.Name(), meta.CircuitDigest, tg.circuit, digest)
			}
			if meta.Params != tg.params || !meta.Insecure {
				t.Errorf("committed metadata says %s, insecure %v; want %s, insecure", meta.Params, meta.Insecure, tg.params)
			}
			_, vkPath, metaPath := store.Paths(tg.circuit, tg.backend.Name(), digest)
			expected[filepath.Base(vkPath)], expected[filepath.Base(metaPath)] = true, true

			want, err := export(store, tg, nil)
			if err != nil {
				t.Fatal(err)
			}
			got, err := os.ReadFile(filepath.Join(repoRoot, verifierDir, tg.Name()+".sol"))
			if err != nil {
				t.Fatalf("%v; run `go run ./contracts/internal/exportverifiers`", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("contracts/verifiers/%s.sol differs from the export of its committed key; run `go run ./contracts/internal/exportverifiers` and `go run ./contracts/internal/gen`", tg.Name())
			}
		})
	}
	entries, err := os.ReadDir(store.Dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") || e.Name() == "README.md" {
			continue
		}
		if !expected[e.Name()] {
			t.Errorf("testdata/keys/%s is not the verifying key or metadata of a current target (a stale key, or a proving key, which must not be committed)", e.Name())
		}
	}
}

// TestExportRefusesStaleKeys checks that the export refuses a store without a key for the
// circuit compiled now, rather than exporting a verifier of another circuit.
func TestExportRefusesStaleKeys(t *testing.T) {
	ts, err := targets(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	// A key store holding the committed key under another circuit digest: what the committed
	// store looks like right after a circuit change.
	src := keystore.Store{Dir: filepath.Join(repoRoot, keysDir)}
	tg := ts[0]
	committed, _ := filepath.Glob(filepath.Join(src.Dir, fmt.Sprintf("%s-*-%s.*", tg.circuit, tg.backend.Name())))
	for _, p := range committed {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		name := strings.Replace(filepath.Base(p), tg.circuit+"-", tg.circuit+"-0000", 1)
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := export(keystore.Store{Dir: dir}, tg, nil); !errors.Is(err, keystore.ErrNoKeys) {
		t.Fatalf("export with only a stale key: %v, want ErrNoKeys", err)
	}
}

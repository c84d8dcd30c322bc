// Command exportverifiers regenerates the committed gnark verifiers
// contracts/verifiers/<Circuit><Backend>Verifier.sol from the committed development verifying
// keys in testdata/keys, for the circuit shapes of the testdata/epoch case (solvency and
// compliance with lookup range checks, the epoch circuit with bit range checks; Groth16 and
// PLONK each).
//
// The keys come from a single-party setup, which is random: they are development keys, and
// whoever ran the setup can forge proofs for them. Only the verifying keys and their keystore
// metadata are committed, never the proving keys.
//
// Run it from anywhere inside the repository:
//
//	go run ./contracts/internal/exportverifiers          # export the verifiers of the committed keys
//	go run ./contracts/internal/exportverifiers -setup   # first set up new keys where a circuit changed
//
// then `go run ./contracts/internal/gen` to compile them into contracts/build and bindings.
// The export refuses a committed key whose circuit digest is not that of the circuit compiled
// now; TestCommittedVerifiers fails when a committed verifier or key has drifted.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/logger"
	"github.com/google/renameio/v2"

	"github.com/zktreasury/zktreasury/prover"
	"github.com/zktreasury/zktreasury/prover/keystore"
	"github.com/zktreasury/zktreasury/prover/statement"
	"github.com/zktreasury/zktreasury/prover/zk"
	"github.com/zktreasury/zktreasury/treasury"
)

// Paths relative to the repository root.
const (
	caseDir     = "testdata/epoch"
	keysDir     = "testdata/keys"
	verifierDir = "contracts/verifiers"
)

func main() {
	root := flag.String("root", "", "repository root (default: the directory holding go.mod, searched upward)")
	setup := flag.Bool("setup", false, "run a single-party setup (INSECURE, development only) for every circuit whose committed key is missing or stale, then export")
	flag.Parse()
	logger.Disable() // gnark's compile logs would bury the progress lines
	if err := run(*root, *setup, func(format string, args ...any) { fmt.Fprintf(os.Stderr, format+"\n", args...) }); err != nil {
		fmt.Fprintln(os.Stderr, "exportverifiers:", err)
		os.Exit(1)
	}
}

// target is one committed verifier: a circuit shape under one proof system.
type target struct {
	circuit string
	params  string
	shape   frontend.Circuit
	backend zk.Backend
}

// Name is the verifier's file stem and artifact name, e.g. EpochGroth16Verifier.
func (t target) Name() string {
	return title(t.circuit) + title(t.backend.Name()) + "Verifier"
}

func title(s string) string { return strings.ToUpper(s[:1]) + s[1:] }

// targets lists the committed verifiers: every circuit at the case's shape, with its default
// range checks (prover.DefaultRangeCheck), under both backends.
func targets(root string) ([]target, error) {
	dir := filepath.Join(root, caseDir)
	pol, err := treasury.LoadPolicy(filepath.Join(dir, statement.PolicyFile))
	if err != nil {
		return nil, err
	}
	cp, err := statement.LoadCaseParams(dir)
	if err != nil {
		return nil, err
	}
	if cp.Capacity == 0 || cp.Slots == 0 {
		return nil, fmt.Errorf("%s/case.json must set capacity and slots", dir)
	}
	var out []target
	for _, b := range []zk.Backend{zk.Groth16{}, zk.Plonk{}} {
		for _, circuit := range []string{"solvency", "compliance", "epoch"} {
			j, err := prover.Shape{Circuit: circuit, Users: cp.Capacity, Actions: cp.Slots, Assets: len(pol.Assets),
				Venues: len(pol.Venues), RangeCheck: prover.DefaultRangeCheck(circuit)}.Job()
			if err != nil {
				return nil, err
			}
			out = append(out, target{circuit: circuit, params: j.Params, shape: j.Shape, backend: b})
		}
	}
	return out, nil
}

// findRoot walks up from the working directory to the directory holding go.mod.
func findRoot(root string) (string, error) {
	if root != "" {
		return filepath.Abs(root)
	}
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working directory; pass -root")
		}
		dir = parent
	}
}

func run(root string, setup bool, logf prover.Logf) error {
	root, err := findRoot(root)
	if err != nil {
		return err
	}
	ts, err := targets(root)
	if err != nil {
		return err
	}
	store := keystore.Store{Dir: filepath.Join(root, keysDir)}
	for _, t := range ts {
		src, err := export(store, t, logf)
		if errors.Is(err, keystore.ErrNoKeys) && setup {
			if err := setupKeys(store, t, logf); err != nil {
				return err
			}
			src, err = export(store, t, logf)
		}
		if errors.Is(err, keystore.ErrNoKeys) {
			return fmt.Errorf("%w: the circuit changed or its key was never committed; run `go run ./contracts/internal/exportverifiers -setup`", err)
		}
		if err != nil {
			return err
		}
		path := filepath.Join(root, verifierDir, t.Name()+".sol")
		if err := writeAtomic(path, src); err != nil {
			return err
		}
		logf("wrote %s (%s %s, %s)", filepath.Join(verifierDir, t.Name()+".sol"), t.circuit, t.params, t.backend.Name())
	}
	logf("now run `go run ./contracts/internal/gen` to compile them")
	return nil
}

// export compiles the target's circuit, loads the committed verifying key for exactly that
// circuit (keystore.ErrNoKeys if there is none) and returns its exported Solidity verifier.
func export(store keystore.Store, t target, logf prover.Logf) ([]byte, error) {
	_, digest, err := prover.Compile(t.backend, prover.Job{Circuit: t.circuit, Params: t.params, Shape: t.shape}, logf)
	if err != nil {
		return nil, err
	}
	vk, _, err := store.LoadVerifyingKey(t.backend, t.circuit, digest)
	if err != nil {
		return nil, err
	}
	var sol bytes.Buffer
	if err := t.backend.ExportSolidity(vk, &sol); err != nil {
		return nil, fmt.Errorf("export %s: %w", t.Name(), err)
	}
	return sol.Bytes(), nil
}

// setupKeys runs a single-party setup for the target in a temporary store, copies the verifying
// key and its metadata into store, and removes the target's stale ones. The proving key is
// dropped: it is large, and committing it would add nothing a verifier needs.
func setupKeys(store keystore.Store, t target, logf prover.Logf) error {
	logf("WARNING: single-party setup for %s %s (%s): development keys only", t.circuit, t.params, t.backend.Name())
	tmp, err := os.MkdirTemp("", "zkt-devkeys-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	meta, err := prover.SetupInsecure(keystore.Store{Dir: tmp}, t.backend, prover.Job{Circuit: t.circuit, Params: t.params, Shape: t.shape}, logf)
	if err != nil {
		return fmt.Errorf("setup %s %s: %w", t.circuit, t.backend.Name(), err)
	}
	stale, err := filepath.Glob(filepath.Join(store.Dir, fmt.Sprintf("%s-*-%s.*", t.circuit, t.backend.Name())))
	if err != nil {
		return err
	}
	_, vkTmp, metaTmp := keystore.Store{Dir: tmp}.Paths(meta.Circuit, meta.Backend, meta.CircuitDigest)
	_, vkDst, metaDst := store.Paths(meta.Circuit, meta.Backend, meta.CircuitDigest)
	for _, c := range [][2]string{{vkTmp, vkDst}, {metaTmp, metaDst}} {
		data, err := os.ReadFile(c[0])
		if err != nil {
			return err
		}
		if err := writeAtomic(c[1], data); err != nil {
			return err
		}
	}
	for _, p := range stale {
		if p != vkDst && p != metaDst {
			if err := os.Remove(p); err != nil {
				return fmt.Errorf("remove stale key %s: %w", p, err)
			}
			logf("removed stale %s", p)
		}
	}
	return nil
}

func writeAtomic(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := renameio.WriteFile(path, data, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

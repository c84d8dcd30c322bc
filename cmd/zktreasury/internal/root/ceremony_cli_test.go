package root

import (
	"encoding/json"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"

	kzg "github.com/consensys/gnark-crypto/ecc/bn254/kzg"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
)

const (
	cliBeacon1 = "0x9d1a6bd2f0c4c1bbf0fb1f4a1e6e1b1a3c5d7e9f00112233445566778899aabb"
	cliBeacon2 = "0x1c0ffee0c0ffee0c0ffee0c0ffee0c0ffee0c0ffee0c0ffee0c0ffee0c0ffee0"
)

// smallSolventCase writes a copy of the solvent fixture with its first four
// users only (tree capacity 4), so that its solvency circuit fits a 2^14
// ceremony domain.
func smallSolventCase(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range []string{"policy.json", "prices.csv", "positions.csv", "secrets.json"} {
		data, err := os.ReadFile(filepath.Join(solventCase, f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(filepath.Join(solventCase, "liabilities.csv"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(string(data), "\n")
	if err := os.WriteFile(filepath.Join(dir, "liabilities.csv"), []byte(strings.Join(lines[:5], "")), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "case.json"), []byte(`{"epoch": 1, "capacity": 4}`), 0o600); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestCeremonyCLI runs a whole ceremony through the command line for a
// four-user copy of the solvent fixture (solvency, capacity 4: under 2^14
// constraints), proves it with the ceremony's keys, and checks that a
// tampered contribution makes verify exit 3. (`phase2 verify` on an honest
// transcript and with --beacon is covered at tiny sizes in prover/ceremony.)
func TestCeremonyCLI(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a 2^14 ceremony (minutes)")
	}
	dir, keys := t.TempDir(), t.TempDir()
	small := smallSolventCase(t)
	shape := []string{"--circuit", "solvency", "--case", small}
	steps := [][]string{
		{"ceremony", "phase1", "new", "--dir", dir, "--power", "14"},
		{"ceremony", "phase1", "contribute", "--dir", dir, "--name", "alice"},
		append([]string{"ceremony", "phase2", "new", "--dir", dir, "--phase1-beacon", cliBeacon1}, shape...),
		append([]string{"ceremony", "phase2", "contribute", "--dir", dir, "--name", "bob"}, shape...),
	}
	for _, s := range steps {
		if code, _, stderr := run(t, s...); code != 0 {
			t.Fatalf("%v: exit %d: %s", s, code, stderr)
		}
	}
	code, out, stderr := run(t, append([]string{"ceremony", "finalize", "--dir", dir, "--beacon", cliBeacon2, "--keys", keys, "--json"}, shape...)...)
	if code != 0 {
		t.Fatalf("finalize: exit %d: %s", code, stderr)
	}
	var fin struct {
		Insecure         bool
		TranscriptDigest string
	}
	if err := json.Unmarshal([]byte(out), &fin); err != nil || fin.Insecure || len(fin.TranscriptDigest) != 64 {
		t.Fatalf("finalize output %s (%v)", out, err)
	}
	if !strings.Contains(out, `"name": "alice"`) || !strings.Contains(out, `"name": "bob"`) {
		t.Fatalf("finalize output names no contributors: %s", out)
	}

	// the ceremony's keys prove and verify the fixture
	proof := filepath.Join(t.TempDir(), "proof.json")
	if code, _, stderr := run(t, "prove", "solvency", "--case", small, "--keys", keys, "--out", proof); code != 0 {
		t.Fatalf("prove with ceremony keys: exit %d: %s", code, stderr)
	}
	if code, out, stderr := run(t, "verify", proof, "--keys", keys, "--json"); code != 0 || !strings.Contains(out, `"insecureSetup": false`) {
		t.Fatalf("verify: exit %d: %s %s", code, out, stderr)
	}

	// a tampered phase-1 contribution: verify exits 3 and says why
	p := filepath.Join(dir, "phase1", "0001.mpc")
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	data[len(data)-40] ^= 1
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"ceremony", "phase1", "verify", "--dir", dir},
		append([]string{"ceremony", "phase2", "verify", "--dir", dir}, shape...),
	} {
		code, _, stderr = run(t, args...)
		if code != cmdutil.ExitNo || !strings.Contains(stderr, "tampered file") {
			t.Fatalf("%v on a tampered transcript: exit %d: %s", args, code, stderr)
		}
	}
	code, out, _ = run(t, "ceremony", "phase1", "verify", "--dir", dir, "--json")
	if code != cmdutil.ExitNo || !strings.Contains(out, `"verified": false`) {
		t.Fatalf("phase1 verify --json on a tampered transcript: exit %d: %s", code, out)
	}
}

func TestCeremonyUsage(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"power out of range", []string{"ceremony", "phase1", "new", "--dir", dir, "--power", "40"}, cmdutil.ExitUsage, "--power 40"},
		{"no circuit", []string{"ceremony", "phase2", "new", "--dir", dir, "--phase1-beacon", cliBeacon1, "--case", solventCase}, cmdutil.ExitUsage, "--circuit is required"},
		{"unknown circuit", []string{"ceremony", "phase2", "verify", "--dir", dir, "--circuit", "nope", "--case", solventCase}, cmdutil.ExitUsage, "want one of"},
		{"no beacon", []string{"ceremony", "finalize", "--dir", dir, "--circuit", "solvency", "--case", solventCase}, cmdutil.ExitUsage, "--beacon is required"},
		{"short beacon", []string{"ceremony", "finalize", "--dir", dir, "--circuit", "solvency", "--case", solventCase, "--beacon", "0xabcd"}, cmdutil.ExitUsage, "at least 16"},
		{"no phase 1", []string{"ceremony", "phase1", "contribute", "--dir", dir}, cmdutil.ExitError, "ceremony directory"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := run(t, tc.args...)
			if code != tc.code || !strings.Contains(stderr, tc.want) {
				t.Fatalf("exit %d, stderr %q; want exit %d mentioning %q", code, stderr, tc.code, tc.want)
			}
		})
	}
}

// TestKeysSetupSRSTooSmall: a PLONK setup from an SRS file smaller than the
// circuit needs fails with both sizes named, and writes no keys.
func TestKeysSetupSRSTooSmall(t *testing.T) {
	srs, err := kzg.NewSRS(1000, big.NewInt(77))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "srs.bin")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := srs.WriteTo(f); err != nil {
		t.Fatal(err)
	}
	f.Close()
	keys := t.TempDir()
	code, _, stderr := run(t, "keys", "setup", "solvency", "--backend", "plonk", "--srs", path, "--case", solventCase, "--capacity", "4", "--keys", keys)
	if code != cmdutil.ExitError || !strings.Contains(stderr, "has 1000 G1 points") || !strings.Contains(stderr, "needs ") || !strings.Contains(stderr, path) {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if entries, _ := os.ReadDir(keys); len(entries) != 0 {
		t.Fatalf("keys written: %v", entries)
	}
	if code, _, stderr := run(t, "keys", "setup", "solvency", "--srs", path, "--case", solventCase); code != cmdutil.ExitUsage {
		t.Fatalf("--srs with groth16: exit %d: %s", code, stderr)
	}
}

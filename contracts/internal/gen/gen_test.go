package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// contractsRoot is the contracts directory seen from this package.
const contractsRoot = "../.."

// requireSolc skips when solc-js is not installed, unless CI is set: CI must have run
// `npm ci --prefix contracts`, so there a missing compiler fails the test.
func requireSolc(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(filepath.Join(contractsRoot, "node_modules", "solc", "package.json")); err != nil {
		msg := "solc-js is not installed in contracts/node_modules; run `npm ci --prefix contracts`"
		if _, ci := os.LookupEnv("CI"); ci {
			t.Fatalf("%s (CI is set, so this is a failure, not a skip)", msg)
		}
		t.Skip(msg)
	}
	if _, err := exec.LookPath("node"); err != nil {
		t.Fatalf("solc-js is installed but node is not on PATH: %v", err)
	}
}

// TestGeneratedUpToDate fails when build/ or bindings/ differ from what the generator makes
// from the current Solidity sources, as go-ethereum's bind/v2 generate_test.go does for its
// own test contracts.
func TestGeneratedUpToDate(t *testing.T) {
	requireSolc(t)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	dir, err := filepath.Abs(contractsRoot)
	if err != nil {
		t.Fatal(err)
	}
	files, err := generate(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, rel := range []string{"build/EpochRegistry.json", "bindings/epochregistry/bindings.go",
		"build/MockAggregator.json", "build/MockVerifier.json",
		"build/EpochGroth16Verifier.json", "bindings/epochgroth16verifier/bindings.go", "build/EpochPlonkVerifier.json",
		"build/SolvencyGroth16Verifier.json", "build/ComplianceGroth16Verifier.json"} {
		if _, ok := files[rel]; !ok {
			t.Errorf("the generator did not produce %s", rel)
		}
	}
	for _, rel := range sortedKeys(files) {
		got, err := os.ReadFile(filepath.Join(dir, rel))
		if err != nil {
			t.Errorf("%s: %v; run `go run ./contracts/internal/gen`", rel, err)
			continue
		}
		if !bytes.Equal(got, files[rel]) {
			t.Errorf("contracts/%s is stale; run `go run ./contracts/internal/gen`", rel)
		}
	}
	stale, err := staleFiles(dir, files)
	if err != nil {
		t.Fatal(err)
	}
	for _, rel := range stale {
		t.Errorf("contracts/%s no longer comes from any source; run `go run ./contracts/internal/gen`", rel)
	}
}

// TestCompileFailsLoudly checks that a Solidity error stops tools/compile.js with a non-zero
// exit, the compiler's message, and no artifact.
func TestCompileFailsLoudly(t *testing.T) {
	requireSolc(t)
	src := t.TempDir()
	out := t.TempDir()
	bad := "// SPDX-License-Identifier: UNLICENSED\npragma solidity ^0.8.20;\ncontract Broken { function f() public { undefinedThing(); } }\n"
	if err := os.WriteFile(filepath.Join(src, "Broken.sol"), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("node", filepath.Join(contractsRoot, "tools", "compile.js"), "--out", out, "--src", src)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err := cmd.Run()
	if err == nil {
		t.Fatal("compile.js succeeded on a broken source")
	}
	if !strings.Contains(stderr.String(), "undefinedThing") || !strings.Contains(stderr.String(), "error(s) from solc") {
		t.Fatalf("compile.js stderr does not name the error:\n%s", stderr.String())
	}
	if entries, _ := os.ReadDir(out); len(entries) != 0 {
		t.Fatalf("compile.js wrote %d files after an error", len(entries))
	}
}

// TestCompileNamesVerifiersByFile checks the artifact naming rule for gnark verifiers, which
// all share one contract name.
func TestCompileNamesVerifiersByFile(t *testing.T) {
	requireSolc(t)
	ver := t.TempDir()
	out := t.TempDir()
	v := "// SPDX-License-Identifier: UNLICENSED\npragma solidity ^0.8.20;\ncontract Verifier { function v() external pure returns (uint256) { return %d; } }\n"
	for i, name := range []string{"SolvencyVerifier", "ComplianceVerifier"} {
		if err := os.WriteFile(filepath.Join(ver, name+".sol"), []byte(strings.Replace(v, "%d", string(rune('1'+i)), 1)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command("node", filepath.Join(contractsRoot, "tools", "compile.js"), "--out", out, "--verifiers", ver)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("compile.js: %v\n%s", err, b)
	}
	for _, name := range []string{"SolvencyVerifier.json", "ComplianceVerifier.json"} {
		b, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(b, []byte(`"bin": "0x`)) {
			t.Fatalf("%s has no bin:\n%s", name, b)
		}
	}
}

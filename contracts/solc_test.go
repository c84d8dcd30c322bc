package contracts_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/zktreasury/zktreasury/contracts"
)

func TestCompileVerifiers(t *testing.T) {
	ctx := context.Background()
	src := []byte("// SPDX-License-Identifier: UNLICENSED\npragma solidity ^0.8.20;\ncontract Verifier { function v() external pure returns (uint256) { return 7; } }\n")
	if _, err := contracts.CompileVerifiers(ctx, ".", map[string][]byte{"not-an-identifier": src}); err == nil || !strings.Contains(err.Error(), "not an identifier") {
		t.Fatalf("a bad name: %v", err)
	}
	t.Run("without node", func(t *testing.T) {
		t.Setenv("PATH", "/nonexistent")
		_, err := contracts.CompileVerifiers(ctx, ".", map[string][]byte{"V": src})
		if !errors.Is(err, contracts.ErrNoCompiler) || !strings.Contains(err.Error(), "node is not on PATH") {
			t.Fatalf("got %v, want ErrNoCompiler naming node", err)
		}
	})
	t.Run("without compile.js", func(t *testing.T) {
		_, err := contracts.CompileVerifiers(ctx, t.TempDir(), map[string][]byte{"V": src})
		if !errors.Is(err, contracts.ErrNoCompiler) {
			t.Fatalf("got %v, want ErrNoCompiler", err)
		}
	})
	requireSolcJS(t)
	arts, err := contracts.CompileVerifiers(ctx, ".", map[string][]byte{"SevenVerifier": src})
	if err != nil {
		t.Fatal(err)
	}
	a, ok := arts["SevenVerifier"]
	if !ok || len(a.Bytecode) == 0 || a.ABI.Methods["v"].Name != "v" {
		t.Fatalf("artifacts %v", arts)
	}
	_, err = contracts.CompileVerifiers(ctx, ".", map[string][]byte{"Broken": []byte("pragma solidity ^0.8.20; contract B { x }")})
	if err == nil || !strings.Contains(err.Error(), "Broken") {
		t.Fatalf("a broken source: %v", err)
	}
}

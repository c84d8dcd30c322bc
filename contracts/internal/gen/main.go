// Command gen compiles the Solidity sources under contracts/src and contracts/verifiers with the
// pinned solc-js (contracts/tools/compile.js) and regenerates, from that output alone, the build
// artifacts contracts/build/<Name>.json and the abigen v2 bindings
// contracts/bindings/<name>/bindings.go, one package per contract.
//
// Run it from the repository root or from contracts/:
//
//	go run ./contracts/internal/gen
//
// It needs node on PATH and `npm ci --prefix contracts` done. TestGeneratedUpToDate fails when
// the committed files differ from what this command would write.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"

	"github.com/ethereum/go-ethereum/accounts/abi/abigen"
	"github.com/google/renameio/v2"
)

const (
	buildDir    = "build"
	bindingsDir = "bindings"
	// generatedHeader starts every abigen v2 file; only directories holding such a file are
	// treated as generated and may be removed when their contract disappears.
	generatedHeader = "// Code generated via abigen V2 - DO NOT EDIT."
)

func main() {
	dir := flag.String("dir", "", "the contracts directory (default: ./contracts, or . when run inside it)")
	flag.Parse()
	if err := run(context.Background(), *dir); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, dir string) error {
	dir, err := contractsDir(dir)
	if err != nil {
		return err
	}
	files, err := generate(ctx, dir)
	if err != nil {
		return err
	}
	for _, rel := range sortedKeys(files) {
		if err := writeAtomic(filepath.Join(dir, rel), files[rel]); err != nil {
			return err
		}
	}
	stale, err := staleFiles(dir, files)
	if err != nil {
		return err
	}
	for _, rel := range stale {
		if err := os.Remove(filepath.Join(dir, rel)); err != nil {
			return fmt.Errorf("remove stale %s: %w", rel, err)
		}
		// Drop the package directory too once it is empty.
		_ = os.Remove(filepath.Dir(filepath.Join(dir, rel)))
	}
	fmt.Fprintf(os.Stderr, "gen: wrote %d files, removed %d stale\n", len(files), len(stale))
	return nil
}

// contractsDir finds the directory holding tools/compile.js.
func contractsDir(dir string) (string, error) {
	candidates := []string{dir}
	if dir == "" {
		candidates = []string{"contracts", "."}
	}
	for _, c := range candidates {
		if _, err := os.Stat(filepath.Join(c, "tools", "compile.js")); err == nil {
			return filepath.Abs(c)
		}
	}
	return "", fmt.Errorf("no tools/compile.js under %q; run from the repository root or pass -dir path/to/contracts", strings.Join(candidates, `" or "`))
}

// artifact is what tools/compile.js writes per contract.
type artifact struct {
	ABI json.RawMessage `json:"abi"`
	Bin string          `json:"bin"`
}

// generate compiles into a temporary directory and returns every generated file, keyed by its
// path relative to dir (slash-separated), without touching dir.
func generate(ctx context.Context, dir string) (map[string][]byte, error) {
	tmp, err := os.MkdirTemp("", "zkt-gen-")
	if err != nil {
		return nil, fmt.Errorf("temp dir: %w", err)
	}
	defer os.RemoveAll(tmp)

	args := []string{filepath.Join(dir, "tools", "compile.js"), "--out", tmp, "--src", filepath.Join(dir, "src")}
	if st, err := os.Stat(filepath.Join(dir, "verifiers")); err == nil && st.IsDir() {
		args = append(args, "--verifiers", filepath.Join(dir, "verifiers"))
	}
	cmd := exec.CommandContext(ctx, "node", args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("node tools/compile.js: %w\n%s", err, stderr.String())
	}

	entries, err := os.ReadDir(tmp)
	if err != nil {
		return nil, fmt.Errorf("read compiler output: %w", err)
	}
	files := make(map[string][]byte)
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".json") {
			continue
		}
		name := strings.TrimSuffix(e.Name(), ".json")
		raw, err := os.ReadFile(filepath.Join(tmp, e.Name()))
		if err != nil {
			return nil, fmt.Errorf("read artifact %s: %w", name, err)
		}
		var a artifact
		if err := json.Unmarshal(raw, &a); err != nil {
			return nil, fmt.Errorf("parse artifact %s: %w", name, err)
		}
		if len(a.ABI) == 0 || !strings.HasPrefix(a.Bin, "0x") || len(a.Bin) < 4 {
			return nil, fmt.Errorf("artifact %s: missing abi or 0x-prefixed bin", name)
		}
		var compact bytes.Buffer
		if err := json.Compact(&compact, a.ABI); err != nil {
			return nil, fmt.Errorf("artifact %s: abi: %w", name, err)
		}
		pkg := strings.ToLower(name)
		code, err := abigen.BindV2([]string{name}, []string{compact.String()}, []string{a.Bin}, pkg, map[string]string{}, map[string]string{})
		if err != nil {
			return nil, fmt.Errorf("bind %s: %w", name, err)
		}
		files[buildDir+"/"+e.Name()] = raw
		files[bindingsDir+"/"+pkg+"/bindings.go"] = []byte(code)
	}
	if len(files) == 0 {
		return nil, errors.New("the compiler wrote no artifacts")
	}
	return files, nil
}

// staleFiles lists the committed generated files that generate no longer produces: artifacts in
// build/ and abigen-generated bindings.go files.
func staleFiles(dir string, files map[string][]byte) ([]string, error) {
	var stale []string
	artifacts, err := filepath.Glob(filepath.Join(dir, buildDir, "*.json"))
	if err != nil {
		return nil, err
	}
	bindings, err := filepath.Glob(filepath.Join(dir, bindingsDir, "*", "bindings.go"))
	if err != nil {
		return nil, err
	}
	for _, p := range append(artifacts, bindings...) {
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return nil, err
		}
		rel = filepath.ToSlash(rel)
		if _, ok := files[rel]; ok {
			continue
		}
		if strings.HasSuffix(rel, ".go") {
			b, err := os.ReadFile(p)
			if err != nil {
				return nil, err
			}
			if !bytes.HasPrefix(b, []byte(generatedHeader)) {
				continue // hand-written: not ours to remove
			}
		}
		stale = append(stale, rel)
	}
	sort.Strings(stale)
	return stale, nil
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

func sortedKeys(m map[string][]byte) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

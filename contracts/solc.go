package contracts

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
)

// ErrNoCompiler is returned by CompileVerifiers when node or the pinned solc-js is missing.
var ErrNoCompiler = errors.New("solc-js compiler unavailable")

// verifierName is what tools/compile.js accepts as an artifact name.
var verifierName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// FindContractsDir returns the absolute path of the contracts directory: dir itself when given,
// else ./contracts or . , whichever holds tools/compile.js.
func FindContractsDir(dir string) (string, error) {
	candidates := []string{dir}
	if dir == "" {
		candidates = []string{"contracts", "."}
	}
	for _, c := range candidates {
		if _, err := os.Stat(filepath.Join(c, "tools", "compile.js")); err == nil {
			return filepath.Abs(c)
		}
	}
	return "", fmt.Errorf("%w: no tools/compile.js in %q; run from the repository root or name the contracts directory", ErrNoCompiler, candidates)
}

// CompileVerifiers compiles Solidity verifier sources (name -> source, one deployable contract
// each, e.g. gnark's exported verifiers) with the pinned solc-js of contractsDir
// (tools/compile.js, optimizer and EVM version as for the registry) and returns their artifacts
// by name. It needs node on PATH and `npm ci --prefix contracts` done; otherwise it returns an
// error wrapping ErrNoCompiler that says so.
func CompileVerifiers(ctx context.Context, contractsDir string, sources map[string][]byte) (map[string]Artifact, error) {
	if len(sources) == 0 {
		return nil, errors.New("compile verifiers: no sources")
	}
	node, err := exec.LookPath("node")
	if err != nil {
		return nil, fmt.Errorf("%w: node is not on PATH (install Node.js, then run `npm ci --prefix contracts`): %v", ErrNoCompiler, err)
	}
	dir, err := FindContractsDir(contractsDir)
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "solc", "package.json")); err != nil {
		return nil, fmt.Errorf("%w: solc-js is not installed in %s; run `npm ci --prefix %s`", ErrNoCompiler, filepath.Join(dir, "node_modules"), dir)
	}
	tmp, err := os.MkdirTemp("", "zkt-verifiers-")
	if err != nil {
		return nil, fmt.Errorf("compile verifiers: %w", err)
	}
	defer os.RemoveAll(tmp)
	srcDir, outDir := filepath.Join(tmp, "verifiers"), filepath.Join(tmp, "build")
	if err := os.Mkdir(srcDir, 0o755); err != nil {
		return nil, fmt.Errorf("compile verifiers: %w", err)
	}
	names := make([]string, 0, len(sources))
	for name, src := range sources {
		if !verifierName.MatchString(name) {
			return nil, fmt.Errorf("compile verifiers: name %q is not an identifier", name)
		}
		if err := os.WriteFile(filepath.Join(srcDir, name+".sol"), src, 0o644); err != nil {
			return nil, fmt.Errorf("compile verifiers: %w", err)
		}
		names = append(names, name)
	}
	sort.Strings(names)
	cmd := exec.CommandContext(ctx, node, filepath.Join(dir, "tools", "compile.js"), "--out", outDir, "--verifiers", srcDir)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("compile verifiers %v with solc-js: %w\n%s", names, err, stderr.String())
	}
	out := make(map[string]Artifact, len(names))
	for _, name := range names {
		a, err := ReadArtifact(filepath.Join(outDir, name+".json"))
		if err != nil {
			return nil, fmt.Errorf("compile verifiers: %w", err)
		}
		out[name] = a
	}
	return out, nil
}

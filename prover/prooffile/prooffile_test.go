package prooffile

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zktreasury/zktreasury/prover/statement"
)

func TestReadRefuses(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.json")
	f := &File{Circuit: "solvency", Params: "u16-a3-v3-lookup", Backend: "groth16", CircuitDigest: strings.Repeat("ab", 32),
		PublicInputs: []statement.NamedInput{{Name: "epoch", Value: "0x01"}}, Proof: "0x00"}
	if err := Write(good, f); err != nil {
		t.Fatal(err)
	}
	g, err := Read(good)
	if err != nil {
		t.Fatalf("round trip: %v", err)
	}
	if g.Format != Format || g.Params != f.Params || len(g.PublicInputs) != 1 {
		t.Fatalf("round trip: %+v", g)
	}
	data, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	for name, edit := range map[string]func(string) string{
		"trailing data":  func(s string) string { return s + `{"format": "x"}` },
		"unknown field":  func(s string) string { return strings.Replace(s, `"format"`, `"extra": 1, "format"`, 1) },
		"another format": func(s string) string { return strings.Replace(s, Format, "zktreasury-proof/0", 1) },
		"short digest":   func(s string) string { return strings.Replace(s, strings.Repeat("ab", 32), "abcd", 1) },
	} {
		path := filepath.Join(dir, strings.ReplaceAll(name, " ", "-")+".json")
		if err := os.WriteFile(path, []byte(edit(string(data))), 0o600); err != nil {
			t.Fatal(err)
		}
		if _, err := Read(path); err == nil || !strings.Contains(err.Error(), path) {
			t.Errorf("%s: err = %v, want an error naming the file", name, err)
		}
	}
}

package inclusion

import (
	"encoding/json"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	fb "github.com/consensys/gnark-crypto/ecc/bls12-377/fr"
)

// TestBatchedPathShapeAttacks (red13): each edit starts from a fresh honest
// file of a tree of 2 batches of 4 and changes only the path's shape or
// position; the rest (leaf, siblings, root) is the honest one, so only the
// shape and index checks of VerifyBatched / batch.VerifyPath can refuse it.
func TestBatchedPathShapeAttacks(t *testing.T) {
	pol, led, l := batchedFixture(t, 8, 4)
	dir := filepath.Join(t.TempDir(), "inclusion")
	if _, err := ExportAll(dir, l, pol, led, 5, nil); err != nil {
		t.Fatal(err)
	}
	u := l.Users[5] // batch 1, position 1
	path := filepath.Join(dir, fmt.Sprint(u.Index/l.K), u.ID+".inclusion.json")
	rB := fb.Modulus()
	cases := map[string]func(f *BatchedFile){
		// the index aliases: the same low bits, beyond the capacity
		"index + capacity": func(f *BatchedFile) { f.LeafIndex += l.K * l.M },
		"negative index":   func(f *BatchedFile) { f.LeafIndex -= 1 << 40 },
		// the batch bit flipped: the leaf claimed in the other batch
		"other batch": func(f *BatchedFile) { f.LeafIndex ^= l.K },
		// the lowest top sibling moved down among the batch siblings (one
		// level more below, one less above: the same total depth)
		"top sibling moved down": func(f *BatchedFile) {
			f.BatchSiblings = append(f.BatchSiblings, f.TopSiblings[0])
			f.TopSiblings = nil
		},
		"batch sibling moved up": func(f *BatchedFile) {
			n := len(f.BatchSiblings) - 1
			f.TopSiblings = append([]string{f.BatchSiblings[n]}, f.TopSiblings...)
			f.BatchSiblings = f.BatchSiblings[:n]
		},
		"siblings swapped": func(f *BatchedFile) {
			f.BatchSiblings[0], f.BatchSiblings[1] = f.BatchSiblings[1], f.BatchSiblings[0]
		},
		"extra top sibling":   func(f *BatchedFile) { f.TopSiblings = append(f.TopSiblings, f.TopSiblings[0]) },
		"missing top sibling": func(f *BatchedFile) { f.TopSiblings = nil },
		// a sibling given as its value plus r_b (the same F_b element if reduced)
		"batch sibling + r_b": func(f *BatchedFile) {
			v, _ := new(big.Int).SetString(strings.TrimPrefix(f.BatchSiblings[0], "0x"), 16)
			f.BatchSiblings[0] = "0x" + v.Add(v, rB).Text(16)
		},
		// the lowest top sibling is an embedded batch root (< r_b): + r_b is
		// another F_a element
		"top sibling + r_b": func(f *BatchedFile) {
			v, _ := new(big.Int).SetString(strings.TrimPrefix(f.TopSiblings[0], "0x"), 16)
			f.TopSiblings[0] = "0x" + v.Add(v, rB).Text(16)
		},
		"salt + r_b": func(f *BatchedFile) {
			v, _ := new(big.Int).SetString(strings.TrimPrefix(f.Salt, "0x"), 16)
			f.Salt = "0x" + v.Add(v, rB).Text(16)
		},
		"shape of the same capacity": func(f *BatchedFile) { f.BatchSize, f.Batches = 2, 4 },
	}
	for name, edit := range cases {
		f, err := ReadBatched(path)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := VerifyBatched(f, pol, provenOf(l, 5)); err != nil {
			t.Fatalf("honest file refused: %v", err)
		}
		edit(f)
		if _, err := VerifyBatched(f, pol, provenOf(l, 5)); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	// The same capacity, another shape, in both file and proof: the leaf sits
	// at another depth of the tree, so the recomputed root differs.
	f, _ := ReadBatched(path)
	f.BatchSize, f.Batches = 2, 4
	f.TopSiblings = append([]string{f.BatchSiblings[1]}, f.TopSiblings...)
	f.BatchSiblings = f.BatchSiblings[:1]
	p := provenOf(l, 5)
	p.BatchSize, p.Batches = 2, 4
	if _, err := VerifyBatched(f, pol, p); err == nil {
		t.Error("the path re-cut to 4 batches of 2 (proof and file agreeing) is accepted")
	}
	// An epoch of 2^64 does not decode.
	data, _ := os.ReadFile(path)
	var raw map[string]any
	if err := json.Unmarshal(data, &raw); err != nil {
		t.Fatal(err)
	}
	bad := strings.Replace(string(data), fmt.Sprintf(`"epoch":%d`, 5), `"epoch":18446744073709551616`, 1)
	if bad == string(data) {
		t.Fatal("no epoch field to edit")
	}
	badPath := filepath.Join(t.TempDir(), "bad.json")
	if err := os.WriteFile(badPath, []byte(bad), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadBatched(badPath); err == nil {
		t.Error("epoch 2^64: read")
	}
}

// TestExportAllKeepsForeignDirectory (red13): `inclusion export --all --out
// DIR` replaces DIR as a whole; pointed at a directory that is not an earlier
// export (here a run directory holding a manifest), it used to delete it
// recursively. It must refuse and leave every file in place.
func TestExportAllKeepsForeignDirectory(t *testing.T) {
	pol, led, l := batchedFixture(t, 6, 4)
	dir := t.TempDir()
	keep := filepath.Join(dir, "manifest.json")
	if err := os.WriteFile(keep, []byte("{}"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "0"), 0o755); err != nil {
		t.Fatal(err)
	}
	_, err := ExportAll(dir, l, pol, led, 1, nil)
	if err == nil || !strings.Contains(err.Error(), "manifest.json") {
		t.Fatalf("export over a foreign directory: %v, want a refusal naming manifest.json", err)
	}
	if _, err := os.Stat(keep); err != nil {
		t.Fatalf("the foreign directory lost its file: %v", err)
	}
	entries, _ := os.ReadDir(filepath.Dir(dir))
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Fatalf("temporary %s left behind", e.Name())
		}
	}
	// An empty directory, and an earlier export, are replaced.
	empty := filepath.Join(t.TempDir(), "out")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if _, err := ExportAll(empty, l, pol, led, 1, nil); err != nil {
			t.Fatal(err)
		}
	}
}

// TestReplaceDirExchanges (red13): replacing an earlier export removed it
// before renaming the new set into place, so a crash in between left no
// directory under the export's name. On Linux the two are now exchanged in
// one renameat2 where the file system supports it (the temp directory's here).
func TestReplaceDirExchanges(t *testing.T) {
	base := t.TempDir()
	dir, tmp := filepath.Join(base, "incl"), filepath.Join(base, ".incl.tmp-1")
	for _, d := range []string{dir, tmp} {
		if err := os.MkdirAll(filepath.Join(d, "0"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(d, "0", filepath.Base(d)), nil, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	atomic, err := replaceDir(tmp, dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "0", ".incl.tmp-1")); err != nil {
		t.Fatalf("the new set is not in place: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "0", "incl")); !os.IsNotExist(err) {
		t.Fatal("the old set survived in place")
	}
	if _, err := os.Stat(tmp); !os.IsNotExist(err) {
		t.Fatal("the old set survived at the temporary name")
	}
	if runtime.GOOS == "linux" && !atomic {
		t.Log("the file system of the temp directory has no RENAME_EXCHANGE: replaced by remove + rename")
	}
}

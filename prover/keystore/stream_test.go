package keystore

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// TestWriteAtomicStream: what is streamed lands whole at the path with its
// SHA-256 returned; a write that fails halfway leaves the old file as it was
// and no temporary file beside it.
func TestWriteAtomicStream(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "sub", "k.pk")
	data := make([]byte, 3<<20+17) // several buffer flushes
	for i := range data {
		data[i] = byte(i * 7)
	}
	got, err := writeAtomicStream(path, func(w io.Writer) error {
		for off := 0; off < len(data); off += 4096 {
			if _, err := w.Write(data[off:min(off+4096, len(data))]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := sha256.Sum256(data)
	if got != hex.EncodeToString(want[:]) {
		t.Fatalf("digest %s, want %x", got, want)
	}
	back, err := os.ReadFile(path)
	if err != nil || string(back) != string(data) {
		t.Fatalf("file differs from what was streamed (err %v, %d bytes of %d)", err, len(back), len(data))
	}

	boom := errors.New("disk full")
	if _, err := writeAtomicStream(path, func(w io.Writer) error {
		if _, err := w.Write(make([]byte, 2<<20)); err != nil {
			return err
		}
		return boom
	}); !errors.Is(err, boom) {
		t.Fatalf("failed write: %v, want %v", err, boom)
	}
	back, err = os.ReadFile(path)
	if err != nil || string(back) != string(data) {
		t.Fatalf("a failed write changed the old file (err %v, %d bytes)", err, len(back))
	}
	entries, err := os.ReadDir(filepath.Dir(path))
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 {
		names := make([]string, len(entries))
		for i, e := range entries {
			names[i] = e.Name()
		}
		t.Fatalf("directory holds %v, want only k.pk", names)
	}
}

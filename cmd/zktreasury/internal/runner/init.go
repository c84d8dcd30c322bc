package runner

import (
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
)

// initFiles is the starting configuration `run --init` writes, with the inputs it names: the
// same files as testdata/run (a test keeps them equal).
//
//go:embed initdata
var initFiles embed.FS

// InitFiles lists the files Init writes.
func InitFiles() ([]string, error) {
	ents, err := fs.ReadDir(initFiles, "initdata")
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range ents {
		out = append(out, e.Name())
	}
	return out, nil
}

// InitFile returns one of the files Init writes.
func InitFile(name string) ([]byte, error) { return initFiles.ReadFile("initdata/" + name) }

// Init writes a commented starting configuration and its inputs into dir. It refuses to
// overwrite any existing file, and writes nothing then.
func Init(dir string) ([]string, error) {
	names, err := InitFiles()
	if err != nil {
		return nil, err
	}
	for _, n := range names {
		if _, err := os.Stat(filepath.Join(dir, n)); err == nil {
			return nil, fmt.Errorf("%s exists: run --init writes into a directory without these files (%v)", filepath.Join(dir, n), names)
		}
	}
	var wrote []string
	for _, n := range names {
		data, err := InitFile(n)
		if err != nil {
			return wrote, err
		}
		perm := os.FileMode(0o644)
		if n == "secrets.json" {
			perm = 0o600
		}
		p := filepath.Join(dir, n)
		if err := cmdutil.WriteFileAtomic(p, data, perm); err != nil {
			return wrote, err
		}
		wrote = append(wrote, p)
	}
	return wrote, nil
}

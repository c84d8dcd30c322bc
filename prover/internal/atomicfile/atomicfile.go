// Package atomicfile writes a file by streaming into a temporary file in the
// same directory, synced, then renamed over the path (renameio): a reader
// sees the old file or the whole new one, and a failed write leaves neither
// half a file nor the temporary one. Streaming matters for proving keys and
// ceremony contributions, which are gigabytes.
package atomicfile

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/google/renameio/v2"
)

// Stream creates path's directory if needed and writes path atomically
// through write, which gets a buffered writer.
func Stream(path string, write func(io.Writer) error) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	t, err := renameio.NewPendingFile(path, renameio.WithPermissions(0o644))
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer t.Cleanup()
	bw := bufio.NewWriterSize(t, 1<<20)
	if err := write(bw); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := t.CloseAtomicallyReplace(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

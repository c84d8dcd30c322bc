// Package cmdutil holds what every zktreasury command shares: the I/O streams,
// JSON output, progress reporting, exit codes and atomic file writes.
package cmdutil

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/google/renameio/v2"
)

// Exit codes of the zktreasury binary.
const (
	// ExitOK means the command ran and, for checks, the answer is yes.
	ExitOK = 0
	// ExitError means the command failed (bad input, I/O, internal error).
	ExitError = 1
	// ExitUsage means the command line itself was wrong.
	ExitUsage = 2
	// ExitNo means the check ran and the answer is no: insolvent, non-compliant,
	// proof rejected, not included.
	ExitNo = 3
)

// Factory carries the I/O streams to commands, so tests can capture them.
type Factory struct {
	// In is standard input.
	In io.Reader
	// Out receives results: a table or JSON.
	Out io.Writer
	// Err receives progress, warnings and errors.
	Err io.Writer
}

// UsageError is returned for a wrong command line; it exits with ExitUsage.
type UsageError struct{ Err error }

func (e *UsageError) Error() string { return e.Err.Error() }
func (e *UsageError) Unwrap() error { return e.Err }

// Usagef builds a UsageError.
func Usagef(format string, args ...any) error {
	return &UsageError{Err: fmt.Errorf(format, args...)}
}

// NoError is returned when a check ran and its answer is no; it exits with
// ExitNo. The command has already printed its result.
type NoError struct{ Reason string }

func (e *NoError) Error() string { return e.Reason }

// ExitCode maps an error returned by a command to the process exit code.
func ExitCode(err error) int {
	if err == nil {
		return ExitOK
	}
	var u *UsageError
	if errors.As(err, &u) {
		return ExitUsage
	}
	var n *NoError
	if errors.As(err, &n) {
		return ExitNo
	}
	return ExitError
}

// PrintJSON writes v as indented JSON followed by a newline.
func PrintJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// WriteFileAtomic writes data to path through a temporary file in the same
// directory, synced and renamed over path, so a failure never leaves a
// half-written file. Missing parent directories are created.
func WriteFileAtomic(path string, data []byte, perm os.FileMode) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := renameio.WriteFile(path, data, perm); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// Progress reports the steps of long work on a writer (stderr), with timings.
type Progress struct {
	w     io.Writer
	quiet bool
	start time.Time
}

// NewProgress returns a Progress writing to w; quiet silences it.
func NewProgress(w io.Writer, quiet bool) *Progress {
	return &Progress{w: w, quiet: quiet, start: time.Now()}
}

// Step prints one progress line, prefixed with the time elapsed since start.
func (p *Progress) Step(format string, args ...any) {
	if p == nil || p.quiet {
		return
	}
	fmt.Fprintf(p.w, "[%6.1fs] %s\n", time.Since(p.start).Seconds(), fmt.Sprintf(format, args...))
}

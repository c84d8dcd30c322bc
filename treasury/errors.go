package treasury

import (
	"fmt"
	"strings"
)

// InputError is returned by every loader and validator in this package when an
// input is wrong. It names the file, the line (0 when the format has none), the
// field and the offending value, so an operator can fix the file without guessing.
type InputError struct {
	File  string
	Line  int
	Field string
	Value string
	Msg   string
}

func (e *InputError) Error() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(e.File)
		if e.Line > 0 {
			fmt.Fprintf(&b, ":%d", e.Line)
		}
		b.WriteString(": ")
	}
	if e.Field != "" {
		fmt.Fprintf(&b, "field %q", e.Field)
		if e.Value != "" {
			fmt.Fprintf(&b, " = %q", e.Value)
		}
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

func inputErr(file string, line int, field, value, format string, args ...any) *InputError {
	return &InputError{File: file, Line: line, Field: field, Value: value, Msg: fmt.Sprintf(format, args...)}
}

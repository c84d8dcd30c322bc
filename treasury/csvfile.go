package treasury

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// csvTable is a CSV file read whole, with the line of each record kept for errors.
type csvTable struct {
	file       string
	header     []string
	headerLine int
	rows       [][]string
	lines      []int
}

func readCSV(path string, wantHeader []string) (*csvTable, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	// A file cut at a row's end is a valid, shorter file, and one cut inside
	// its last row is often a valid smaller number: the final newline is the
	// only mark that the last row is whole.
	if len(data) > 0 && data[len(data)-1] != '\n' {
		return nil, inputErr(path, bytes.Count(data, []byte("\n"))+1, "", "", "the file does not end with a newline: truncated?")
	}
	return parseCSV(path, bytes.NewReader(data), wantHeader)
}

// parseCSV reads a CSV with a header row. When wantHeader is non-nil the header
// must start with exactly those columns (compared ignoring case).
//
// There is no comment syntax: a record whose first field starts with '#' is an
// error naming its line, never a skipped row, because a skipped ledger row is a
// user whose liabilities silently leave the proof. Blank lines carry no field
// and are the only lines skipped. Every record must have as many fields as the
// header.
func parseCSV(name string, r io.Reader, wantHeader []string) (*csvTable, error) {
	cr := csv.NewReader(r)
	cr.TrimLeadingSpace = true
	cr.FieldsPerRecord = 0 // every record as long as the header
	t := &csvTable{file: name}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) && errors.Is(pe.Err, csv.ErrFieldCount) {
				if len(rec) > 0 && strings.HasPrefix(strings.TrimSpace(rec[0]), "#") {
					return nil, commentRow(name, pe.StartLine, t.firstField(), rec[0])
				}
				return nil, inputErr(name, pe.StartLine, t.firstField(), strings.Join(rec, ","), "row has %d fields, the header has %d", len(rec), len(t.header))
			}
			if errors.As(err, &pe) {
				return nil, inputErr(name, pe.Line, "", "", "%v", pe.Err)
			}
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		line, _ := cr.FieldPos(0)
		for i := range rec {
			// a control character (a vertical tab, a NUL) is never data; it
			// would be trimmed away or read as part of an id
			if j := strings.IndexFunc(rec[i], isControl); j >= 0 {
				l, _ := cr.FieldPos(i)
				col := fmt.Sprintf("column %d", i+1)
				if t.header != nil && i < len(t.header) {
					col = t.header[i]
				}
				return nil, inputErr(name, l, col, rec[i], "control character %q at offset %d", rec[i][j], j)
			}
			rec[i] = strings.TrimSpace(rec[i])
		}
		if strings.HasPrefix(rec[0], "#") {
			return nil, commentRow(name, line, t.firstField(), rec[0])
		}
		if t.header == nil {
			t.header, t.headerLine = rec, line
			for i, w := range wantHeader {
				if i >= len(rec) || !strings.EqualFold(rec[i], w) {
					return nil, inputErr(name, line, "header", strings.Join(rec, ","), "want columns %s", strings.Join(wantHeader, ","))
				}
			}
			continue
		}
		t.rows = append(t.rows, rec)
		t.lines = append(t.lines, line)
	}
	if t.header == nil {
		return nil, inputErr(name, 1, "header", "", "empty file: a header row is required")
	}
	return t, nil
}

// requireRows refuses a table with a header and no data row; what names what
// the rows are ("users", "positions").
func (t *csvTable) requireRows(what string) error {
	if len(t.rows) == 0 {
		return inputErr(t.file, t.headerLine, "header", strings.Join(t.header, ","), "no %s: the file has only a header row", what)
	}
	return nil
}

// firstField names the first column, for errors about a whole row.
func (t *csvTable) firstField() string {
	if t.header == nil {
		return "header"
	}
	return t.header[0]
}

func commentRow(name string, line int, field, first string) error {
	return inputErr(name, line, field, first, "a row starting with '#': this format has no comments; delete the row or the '#' (a skipped row would silently drop its data)")
}

func isControl(r rune) bool { return r < 0x20 && r != '\t' || r == 0x7f }

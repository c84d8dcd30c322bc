package treasury

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// csvTable is a CSV file read whole, with the line of each record kept for errors.
type csvTable struct {
	file   string
	header []string
	rows   [][]string
	lines  []int
}

func readCSV(path string, wantHeader []string) (*csvTable, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return parseCSV(path, f, wantHeader)
}

// parseCSV reads a CSV with a header row. When wantHeader is non-nil the header
// must start with exactly those columns.
func parseCSV(name string, r io.Reader, wantHeader []string) (*csvTable, error) {
	cr := csv.NewReader(r)
	cr.Comment = '#'
	cr.TrimLeadingSpace = true
	t := &csvTable{file: name}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, inputErr(name, pe.Line, "", "", "%v", pe.Err)
			}
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		line, _ := cr.FieldPos(0)
		for i := range rec {
			rec[i] = strings.TrimSpace(rec[i])
		}
		if t.header == nil {
			t.header = rec
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
		return nil, inputErr(name, 0, "", "", "empty file: a header row is required")
	}
	return t, nil
}

package treasury

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/shopspring/decimal"
)

// DateLayout is the date format of price-series files.
const DateLayout = "2006-01-02"

// PriceSeries is a daily history of oracle prices: one snapshot per calendar
// day, without gaps, every asset of the policy priced every day.
type PriceSeries struct {
	// Dates holds one date per day, consecutive, at midnight UTC.
	Dates []time.Time
	// USD is indexed [day][asset], assets in policy order.
	USD [][]decimal.Decimal
}

// Len returns the number of days.
func (s *PriceSeries) Len() int { return len(s.Dates) }

// Snapshot returns the prices of one day.
func (s *PriceSeries) Snapshot(day int) *Prices {
	return &Prices{USD: s.USD[day]}
}

// LoadPriceSeries reads a price-series CSV with the header "date,asset,price".
// Dates (YYYY-MM-DD) must be sorted and consecutive; each date lists every
// asset of the policy exactly once (in any order); prices are positive; unknown
// assets are errors. Every error names the file and the line.
func LoadPriceSeries(path string, p *Policy) (*PriceSeries, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("load price series %s: %w", path, err)
	}
	defer f.Close()
	return ParsePriceSeries(path, f, p)
}

// ParsePriceSeries is LoadPriceSeries on a reader; name is used in errors.
func ParsePriceSeries(name string, r io.Reader, p *Policy) (*PriceSeries, error) {
	t, err := parseCSV(name, r, []string{"date", "asset", "price"})
	if err != nil {
		return nil, fmt.Errorf("load price series %s: %w", name, err)
	}
	s := &PriceSeries{}
	nA := len(p.Assets)
	var (
		cur      time.Time
		row      []decimal.Decimal
		seen     []int // line where each asset was priced on the current date
		lastLine int
	)
	closeDay := func(line int) error {
		for a, l := range seen {
			if l == 0 {
				return inputErr(name, line, "asset", p.Assets[a].Symbol, "no price on %s", cur.Format(DateLayout))
			}
		}
		s.Dates = append(s.Dates, cur)
		s.USD = append(s.USD, row)
		return nil
	}
	for i, rec := range t.rows {
		line := t.lines[i]
		lastLine = line
		if len(rec) != 3 {
			return nil, inputErr(name, line, "", "", "want 3 columns, got %d", len(rec))
		}
		d, err := time.Parse(DateLayout, rec[0])
		if err != nil {
			return nil, inputErr(name, line, "date", rec[0], "want a date as YYYY-MM-DD")
		}
		if row == nil || !d.Equal(cur) {
			if row != nil {
				if d.Before(cur) {
					return nil, inputErr(name, line, "date", rec[0], "dates are not sorted: follows %s", cur.Format(DateLayout))
				}
				if want := cur.AddDate(0, 0, 1); !d.Equal(want) {
					return nil, inputErr(name, line, "date", rec[0], "gap in dates: %s follows %s (want %s)", rec[0], cur.Format(DateLayout), want.Format(DateLayout))
				}
				if err := closeDay(line); err != nil {
					return nil, err
				}
			}
			cur = d
			row = make([]decimal.Decimal, nA)
			seen = make([]int, nA)
		}
		a := p.AssetIndex(rec[1])
		if a < 0 {
			return nil, inputErr(name, line, "asset", rec[1], "unknown asset (not in the policy)")
		}
		if seen[a] != 0 {
			return nil, inputErr(name, line, "asset", rec[1], "second price on %s (first on line %d)", rec[0], seen[a])
		}
		v, err := ParsePrice(rec[2])
		if err != nil {
			return nil, inputErr(name, line, "price", rec[2], "%v", err)
		}
		seen[a] = line
		row[a] = v
	}
	if row == nil {
		return nil, inputErr(name, 0, "", "", "no prices")
	}
	if err := closeDay(lastLine); err != nil {
		return nil, err
	}
	return s, nil
}

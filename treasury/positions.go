package treasury

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// Positions holds the reserves: the amount of each asset at each venue, in whole
// tokens, indexed [asset][venue] in policy order. Slots not listed are zero.
type Positions struct {
	// Amount is indexed [asset][venue].
	Amount [][]decimal.Decimal
}

// NewPositions returns all-zero positions shaped for the policy.
func NewPositions(p *Policy) *Positions {
	pos := &Positions{Amount: make([][]decimal.Decimal, len(p.Assets))}
	for a := range pos.Amount {
		pos.Amount[a] = make([]decimal.Decimal, len(p.Venues))
	}
	return pos
}

// Clone returns a deep copy.
func (x *Positions) Clone() *Positions {
	out := &Positions{Amount: make([][]decimal.Decimal, len(x.Amount))}
	for a := range x.Amount {
		out.Amount[a] = append([]decimal.Decimal(nil), x.Amount[a]...)
	}
	return out
}

// AssetTotal returns the total amount of asset a across venues.
func (x *Positions) AssetTotal(a int) decimal.Decimal {
	sum := decimal.Zero
	for _, v := range x.Amount[a] {
		sum = sum.Add(v)
	}
	return sum
}

// LoadPositions reads a positions CSV with the header "asset,venue,amount".
// Amounts are non-negative and have at most the asset's token decimals. Slots
// without a row are zero, but a file without any row is an error (reserves
// that vanish are a broken export, not an empty treasury), and so is a '#' row:
// the file has no comment syntax.
func LoadPositions(path string, p *Policy) (*Positions, error) {
	t, err := readCSV(path, []string{"asset", "venue", "amount"})
	if err != nil {
		return nil, fmt.Errorf("load positions %s: %w", path, err)
	}
	if err := t.requireRows("positions"); err != nil {
		return nil, err
	}
	pos := NewPositions(p)
	seen := map[[2]int]bool{}
	for i, row := range t.rows {
		line := t.lines[i]
		if len(row) != 3 {
			return nil, inputErr(t.file, line, "", "", "want 3 columns, got %d", len(row))
		}
		a := p.AssetIndex(row[0])
		if a < 0 {
			return nil, inputErr(t.file, line, "asset", row[0], "unknown asset (not in the policy)")
		}
		v := p.VenueIndex(row[1])
		if v < 0 {
			return nil, inputErr(t.file, line, "venue", row[1], "unknown venue (not in the policy)")
		}
		if seen[[2]int{a, v}] {
			return nil, inputErr(t.file, line, "venue", row[1], "duplicate position for %s at %s", row[0], row[1])
		}
		seen[[2]int{a, v}] = true
		amt, err := ParseAmount(row[2], p.Assets[a].Decimals)
		if err != nil {
			return nil, inputErr(t.file, line, "amount", row[2], "%v", err)
		}
		pos.Amount[a][v] = amt
	}
	return pos, nil
}

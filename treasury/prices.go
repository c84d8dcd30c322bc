package treasury

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// Prices is an oracle price snapshot: USD per whole token, one per asset of the
// policy, in policy order.
type Prices struct {
	// USD holds the price of each asset in policy order.
	USD []decimal.Decimal
}

// LoadPrices reads a price snapshot CSV with the header "asset,price_usd". Every
// asset of the policy must have exactly one positive price; unknown assets are
// errors, and the file has no comment syntax (a '#' row is an error).
func LoadPrices(path string, p *Policy) (*Prices, error) {
	t, err := readCSV(path, []string{"asset", "price_usd"})
	if err != nil {
		return nil, fmt.Errorf("load prices %s: %w", path, err)
	}
	return pricesFromTable(t, p)
}

func pricesFromTable(t *csvTable, p *Policy) (*Prices, error) {
	out := &Prices{USD: make([]decimal.Decimal, len(p.Assets))}
	seen := make([]bool, len(p.Assets))
	for i, row := range t.rows {
		line := t.lines[i]
		if len(row) != 2 {
			return nil, inputErr(t.file, line, "", "", "want 2 columns, got %d", len(row))
		}
		a := p.AssetIndex(row[0])
		if a < 0 {
			return nil, inputErr(t.file, line, "asset", row[0], "unknown asset (not in the policy)")
		}
		if seen[a] {
			return nil, inputErr(t.file, line, "asset", row[0], "duplicate price")
		}
		seen[a] = true
		v, err := ParsePrice(row[1])
		if err != nil {
			return nil, inputErr(t.file, line, "price_usd", row[1], "%v", err)
		}
		out.USD[a] = v
	}
	for a, ok := range seen {
		if !ok {
			return nil, inputErr(t.file, t.headerLine, "asset", p.Assets[a].Symbol, "missing price: the file has no row for this asset of the policy")
		}
	}
	return out, nil
}

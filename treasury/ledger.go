package treasury

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/shopspring/decimal"
)

// Ledger is the liabilities ledger: what the protocol owes each user, per asset,
// in whole tokens. Users keep the file's order.
type Ledger struct {
	// Users holds one entry per user, in file order.
	Users []UserBalance
}

// UserBalance is one user's balances, indexed by asset in policy order.
type UserBalance struct {
	// ID identifies the user to themselves; it never leaves the prover in clear.
	ID string
	// Balance is indexed by asset in policy order.
	Balance []decimal.Decimal
}

var userIDRE = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._@:-]{0,127}$`)

// Totals returns the sum of balances per asset.
func (l *Ledger) Totals(nAssets int) []decimal.Decimal {
	out := make([]decimal.Decimal, nAssets)
	for a := range out {
		out[a] = decimal.Zero
	}
	for _, u := range l.Users {
		for a, b := range u.Balance {
			out[a] = out[a].Add(b)
		}
	}
	return out
}

// Index returns the position of the user with the given ID, or -1. IDs are
// compared ignoring case, as LoadLedger compares them for duplicates.
func (l *Ledger) Index(id string) int {
	for i, u := range l.Users {
		if strings.EqualFold(u.ID, id) {
			return i
		}
	}
	return -1
}

// LoadLedger reads a liabilities CSV whose header is "user_id" followed by every
// asset symbol of the policy, each exactly once, in any order: a missing column
// is an error, never a zero, and so is a file without a user. Balances are
// non-negative with at most the asset's token decimals, and never empty.
//
// User IDs are compared ignoring case ("Alice@x.org" and "alice@x.org" are a
// duplicate, refused with both lines named) but kept as written: the ID, as
// written, is what a user's leaf hash is computed from. The ID syntax is ASCII,
// so ignoring case is exact. The file has no comment syntax (see parseCSV).
func LoadLedger(path string, p *Policy) (*Ledger, error) {
	t, err := readCSV(path, []string{"user_id"})
	if err != nil {
		return nil, fmt.Errorf("load liabilities %s: %w", path, err)
	}
	col := make([]int, len(t.header)) // column -> asset index
	seenAsset := map[int]bool{}
	for c := 1; c < len(t.header); c++ {
		a := p.AssetIndex(t.header[c])
		if a < 0 {
			return nil, inputErr(t.file, t.headerLine, "header", t.header[c], "unknown asset (not in the policy)")
		}
		if seenAsset[a] {
			return nil, inputErr(t.file, t.headerLine, "header", t.header[c], "duplicate asset column")
		}
		seenAsset[a] = true
		col[c] = a
	}
	for a, ap := range p.Assets {
		if !seenAsset[a] {
			return nil, inputErr(t.file, t.headerLine, "header", strings.Join(t.header, ","),
				"no column for asset %s: every asset of the policy needs a column (write 0 for users who hold none)", ap.Symbol)
		}
	}
	if err := t.requireRows("users"); err != nil {
		return nil, err
	}
	l := &Ledger{}
	ids := map[string]int{} // lower-case ID -> row index
	for i, row := range t.rows {
		line := t.lines[i]
		if len(row) != len(t.header) {
			return nil, inputErr(t.file, line, "", "", "want %d columns, got %d", len(t.header), len(row))
		}
		id := row[0]
		if !userIDRE.MatchString(id) {
			return nil, inputErr(t.file, line, "user_id", id, "must match %s", userIDRE)
		}
		key := strings.ToLower(id)
		if prev, dup := ids[key]; dup {
			return nil, inputErr(t.file, line, "user_id", id, "duplicate user: %q on line %d is the same ID ignoring case", t.rows[prev][0], t.lines[prev])
		}
		ids[key] = i
		u := UserBalance{ID: id, Balance: make([]decimal.Decimal, len(p.Assets))}
		for c := 1; c < len(row); c++ {
			a := col[c]
			v, err := ParseAmount(row[c], p.Assets[a].Decimals)
			if err != nil {
				return nil, inputErr(t.file, line, p.Assets[a].Symbol, row[c], "%v", err)
			}
			u.Balance[a] = v
		}
		l.Users = append(l.Users, u)
	}
	return l, nil
}

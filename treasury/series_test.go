package treasury

import (
	"errors"
	"strings"
	"testing"
)

func testPolicy(t *testing.T) *Policy {
	t.Helper()
	p, err := LoadPolicy("../testdata/engine/policy.json")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestParsePriceSeries(t *testing.T) {
	const head = "date,asset,price\n"
	day := func(d string) string {
		return d + ",USDC,1\n" + d + ",DAI,1.001\n" + d + ",WETH,3000\n" + d + ",WBTC,60000\n"
	}
	tests := []struct {
		name      string
		csv       string
		wantDays  int
		wantLine  int
		wantField string
	}{
		{name: "two days", csv: head + day("2024-01-01") + day("2024-01-02"), wantDays: 2},
		{name: "assets in any order within a day", csv: head + "2024-01-01,WBTC,1\n2024-01-01,WETH,1\n2024-01-01,DAI,1\n2024-01-01,USDC,1\n", wantDays: 1},
		{name: "gap in dates", csv: head + day("2024-01-01") + day("2024-01-03"), wantLine: 6, wantField: "date"},
		{name: "unsorted dates", csv: head + day("2024-01-02") + day("2024-01-01"), wantLine: 6, wantField: "date"},
		{name: "zero price", csv: head + "2024-01-01,USDC,0\n", wantLine: 2, wantField: "price"},
		{name: "negative price", csv: head + "2024-01-01,USDC,-1\n", wantLine: 2, wantField: "price"},
		{name: "not a number", csv: head + "2024-01-01,USDC,1e\n", wantLine: 2, wantField: "price"},
		{name: "unknown asset", csv: head + "2024-01-01,DOGE,0.1\n", wantLine: 2, wantField: "asset"},
		{name: "missing asset on a day", csv: head + "2024-01-01,USDC,1\n2024-01-02,USDC,1\n", wantLine: 3, wantField: "asset"},
		{name: "duplicate asset on a day", csv: head + "2024-01-01,USDC,1\n2024-01-01,USDC,1\n", wantLine: 3, wantField: "asset"},
		{name: "bad date", csv: head + "01/02/2024,USDC,1\n", wantLine: 2, wantField: "date"},
		{name: "wrong header", csv: "day,asset,price\n", wantLine: 1, wantField: "header"},
		{name: "no rows", csv: head},
	}
	p := testPolicy(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, err := ParsePriceSeries("prices.csv", strings.NewReader(tc.csv), p)
			if tc.wantDays > 0 {
				if err != nil {
					t.Fatal(err)
				}
				if s.Len() != tc.wantDays || len(s.USD[0]) != 4 || s.USD[0][p.AssetIndex("WETH")].IsZero() {
					t.Fatalf("got %d days %v", s.Len(), s.USD)
				}
				return
			}
			var ie *InputError
			if !errors.As(err, &ie) {
				t.Fatalf("err = %v, want *InputError", err)
			}
			if ie.File != "prices.csv" || ie.Line != tc.wantLine || ie.Field != tc.wantField {
				t.Fatalf("err = %v (line %d field %q), want line %d field %q", err, ie.Line, ie.Field, tc.wantLine, tc.wantField)
			}
			if !strings.Contains(err.Error(), "prices.csv") {
				t.Fatalf("message %q does not name the file", err)
			}
		})
	}
}

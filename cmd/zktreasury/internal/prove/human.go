package prove

import (
	"fmt"
	"io"
	"math/big"

	"github.com/shopspring/decimal"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/format"
	"github.com/zktreasury/zktreasury/prover/statement"
	"github.com/zktreasury/zktreasury/treasury"
)

var bpsDen = big.NewInt(10_000)

// solvencyFigures are a solvency statement's totals in USD, as the proof counts
// them: haircut reserves and liabilities at the public prices.
func solvencyFigures(st *statement.Solvency, pol *treasury.Policy) (reserves, liabilities decimal.Decimal) {
	vd := pol.ValueDecimals
	reserves = decimal.NewFromBigInt(st.Reserves, -vd).Div(decimal.NewFromInt(10_000))
	liab := new(big.Int)
	for a, t := range st.Totals {
		liab.Add(liab, new(big.Int).Mul(t, new(big.Int).SetUint64(st.Prices[a])))
	}
	return reserves, decimal.NewFromBigInt(liab, -vd)
}

// insolventReason says in USD and tokens why no proof exists: the total short
// of the ratio, or the first asset the policy asks to cover on its own that is
// not. It mirrors statement.Solvency.Check, whose error is in value units.
func insolventReason(st *statement.Solvency, pol *treasury.Policy, reserves, liabilities decimal.Decimal) string {
	if st.Reserves.Cmp(st.Required) < 0 {
		need := liabilities.Mul(decimal.NewFromInt(int64(st.MinRatioBps))).Div(decimal.NewFromInt(10_000))
		return fmt.Sprintf("haircut reserves %s are below %s of the liabilities %s (%s needed)",
			format.USD(reserves), format.Percent(st.MinRatioBps), format.USD(liabilities), format.USD(need))
	}
	for a, ap := range pol.Assets {
		if !ap.Coverage {
			continue
		}
		cover := new(big.Int)
		for v, vp := range pol.Venues {
			kept := new(big.Int).SetUint64(st.Positions[a][v])
			cover.Add(cover, kept.Mul(kept, big.NewInt(int64(10_000-ap.HaircutsBps[vp.ID]))))
		}
		need := new(big.Int).Mul(st.Totals[a], new(big.Int).SetUint64(st.MinRatioBps))
		if cover.Cmp(need) < 0 {
			tokens := func(x *big.Int) string {
				return format.Tokens(decimal.NewFromBigInt(x, -ap.CircuitDecimals).Div(decimal.NewFromBigInt(bpsDen, 0)), ap.Symbol)
			}
			return fmt.Sprintf("%s is not covered on its own: %s after haircuts, below %s of the %s owed",
				ap.Symbol, tokens(cover), format.Percent(st.MinRatioBps), format.Tokens(decimal.NewFromBigInt(st.Totals[a], -ap.CircuitDecimals), ap.Symbol))
		}
	}
	return ""
}

// writeInputs prints public inputs as people read them (see format.PublicInputs).
func writeInputs(w io.Writer, pol *treasury.Policy, in []statement.NamedInput) {
	for _, x := range format.PublicInputs(pol, in) {
		fmt.Fprintf(w, "%s\t%s\n", x.Name, x.Value)
	}
}

// valueUSD converts value units to USD, exactly (for the JSON; the human
// output rounds to cents).
func valueUSD(pol *treasury.Policy, units *big.Int) *decimal.Decimal {
	d := decimal.NewFromBigInt(units, -pol.ValueDecimals)
	return &d
}

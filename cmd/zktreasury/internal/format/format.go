// Package format renders numbers for people on the commands' human output:
// ratios and shares in percent, values and prices in USD with thousands
// separators, epochs and counts in decimal, times in UTC, amounts in tokens.
// The --json output keeps the exact machine forms (basis points, value units,
// hex field elements); only commitments and roots, hex by nature, stay hex here.
package format

import (
	"fmt"
	"math/big"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/zktreasury/zktreasury/prover/statement"
	"github.com/zktreasury/zktreasury/treasury"
	"github.com/zktreasury/zktreasury/treasury/corridor"
)

// Percent renders basis points as a percentage with two decimals, exactly
// (10450 -> "104.50%").
func Percent[N ~int | ~int64 | ~uint32 | ~uint64](bps N) string {
	return decimal.NewFromBigInt(big.NewInt(int64(bps)), -2).StringFixed(2) + "%"
}

// PercentBig is Percent for a big basis-point figure.
func PercentBig(bps *big.Int) string {
	return decimal.NewFromBigInt(bps, -2).StringFixed(2) + "%"
}

// USD renders a USD value rounded to cents with thousands separators
// ("1,234,567.89 USD").
func USD(d decimal.Decimal) string {
	return group(d.StringFixed(2)) + " USD"
}

// PriceUSD renders a USD price exactly, with at least two decimals, so that a
// price below a cent is never shown as 0.00 ("3,012.55 USD", "0.000123 USD").
func PriceUSD(d decimal.Decimal) string {
	s := d.String() // shortest exact form
	if _, frac, _ := strings.Cut(s, "."); len(frac) < 2 {
		s = d.StringFixed(2)
	}
	return group(s) + " USD"
}

// ValueUSD converts value units (10^-valueDecimals USD) to a USD rendering.
func ValueUSD(valueDecimals int32, units *big.Int) string {
	return USD(decimal.NewFromBigInt(units, -valueDecimals))
}

// Tokens renders a token amount exactly, with its symbol ("12.5 WETH").
func Tokens(d decimal.Decimal, symbol string) string {
	return Amount(d) + " " + symbol
}

// Amount renders a token amount exactly, with thousands separators.
func Amount(d decimal.Decimal) string {
	return group(d.String())
}

// Int renders an integer with thousands separators.
func Int[N ~int | ~int64 | ~uint64](n N) string {
	return group(fmt.Sprint(n))
}

// group inserts thousands separators in the integer part of a decimal string.
func group(s string) string {
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	intPart, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if hasFrac {
		return sign + b.String() + "." + frac
	}
	return sign + b.String()
}

// Input is one public input as a person reads it.
type Input struct {
	Name  string
	Value string
}

// PublicInputs renders a proof's named public inputs for people, using the
// policy the proof was made under for scales and symbols: the epoch and counts
// in decimal, prices in USD per whole token, times in UTC, flows in tokens;
// commitments and roots stay hex. A value that does not parse is shown as is.
func PublicInputs(p *treasury.Policy, in []statement.NamedInput) []Input {
	out := make([]Input, len(in))
	for i, x := range in {
		out[i] = Input{Name: x.Name, Value: publicInput(p, x)}
	}
	return out
}

func publicInput(p *treasury.Policy, x statement.NamedInput) string {
	e, err := statement.ParseElement(x.Value)
	if err != nil {
		return x.Value
	}
	var v big.Int
	e.BigInt(&v)
	kind, sym, _ := strings.Cut(x.Name, ".")
	asset := -1
	if sym != "" {
		asset = p.AssetIndex(sym)
	}
	switch {
	case kind == "epoch" || kind == "actionCount":
		return v.String()
	case (kind == "startTime" || kind == "endTime") && v.IsInt64():
		return time.Unix(v.Int64(), 0).UTC().Format(time.RFC3339)
	case kind == "price" && asset >= 0:
		// value units per circuit unit -> USD per whole token.
		usd := decimal.NewFromBigInt(&v, p.Assets[asset].CircuitDecimals-p.ValueDecimals)
		return PriceUSD(usd) + " per " + sym
	case (kind == "inflow" || kind == "outflow") && asset >= 0:
		return Tokens(decimal.NewFromBigInt(&v, -p.Assets[asset].CircuitDecimals), sym)
	}
	return x.Value
}

// Violation renders a corridor violation with its figures in the units people
// use: USD for values (notional, turnover, loss, solvency), percent for
// slippage, tokens for positions. Corridors whose figures are already
// descriptive (weight bands, the liquidity buffer) keep the checker's wording.
func Violation(p *treasury.Policy, v *corridor.Violation) string {
	var b strings.Builder
	if v.Action >= 0 {
		fmt.Fprintf(&b, "action %d: ", v.Action)
	} else {
		b.WriteString("epoch: ")
	}
	b.WriteString(v.Err.Error())
	switch {
	case v.AssetName != "" && v.VenueName != "":
		fmt.Fprintf(&b, " (%s at %s)", v.AssetName, v.VenueName)
	case v.AssetName != "":
		fmt.Fprintf(&b, " (%s)", v.AssetName)
	case v.VenueName != "":
		fmt.Fprintf(&b, " (%s)", v.VenueName)
	}
	value, limit := figures(p, v)
	if value != "" || limit != "" {
		fmt.Fprintf(&b, ": %s, limit %s", value, limit)
	}
	return b.String()
}

// figures converts a violation's value and limit; on anything unexpected it
// returns them as the checker wrote them.
func figures(p *treasury.Policy, v *corridor.Violation) (value, limit string) {
	num := func(s string) (*big.Int, bool) {
		if _, after, ok := strings.Cut(s, "="); ok {
			s = after
		}
		return new(big.Int).SetString(s, 10)
	}
	val, okV := num(v.Value)
	lim, okL := num(v.Limit)
	if !okV || !okL {
		return v.Value, v.Limit
	}
	vd := p.ValueDecimals
	bps := big.NewInt(10_000)
	switch v.Corridor {
	case "notional-cap", "turnover-cap", "loss-budget":
		value, limit = ValueUSD(vd, val), ValueUSD(vd, lim)
		if value == limit { // over by less than a cent: show the exact figures
			value, limit = PriceUSD(decimal.NewFromBigInt(val, -vd)), PriceUSD(decimal.NewFromBigInt(lim, -vd))
		}
		return value, limit
	case "solvency-ratio":
		// haircut reserves × 10^4 against liabilities × minRatioBps.
		return "haircut reserves " + USD(decimal.NewFromBigInt(val, -vd).Div(decimal.NewFromBigInt(bps, 0))),
			"liabilities × minimum ratio " + USD(decimal.NewFromBigInt(lim, -vd).Div(decimal.NewFromBigInt(bps, 0)))
	case "slippage":
		// valueOut × 10^4 against valueIn × (10^4 − maxSlippageBps).
		keep := int64(10_000) - int64(p.MaxSlippageBps)
		if keep <= 0 {
			return v.Value, v.Limit
		}
		in := decimal.NewFromBigInt(lim, -vd).Div(decimal.NewFromInt(keep))
		out := decimal.NewFromBigInt(val, -vd).Div(decimal.NewFromBigInt(bps, 0))
		if in.IsZero() {
			return v.Value, v.Limit
		}
		lost := in.Sub(out).Div(in).Mul(decimal.NewFromInt(100)).StringFixed(2)
		return fmt.Sprintf("%s out for %s in (%s%% lost)", USD(out), USD(in), lost), Percent(p.MaxSlippageBps)
	case "non-negative", "overflow":
		if v.Asset < 0 || v.Asset >= len(p.Assets) {
			return v.Value, v.Limit
		}
		ap := p.Assets[v.Asset]
		return Tokens(decimal.NewFromBigInt(val, -ap.CircuitDecimals), ap.Symbol), Tokens(decimal.NewFromBigInt(lim, -ap.CircuitDecimals), ap.Symbol)
	}
	return v.Value, v.Limit
}

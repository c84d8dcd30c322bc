package treasury

import (
	"math/big"

	"github.com/shopspring/decimal"
)

// The ranges below are those the circuits can represent and enforce, so a
// policy that loads is a policy that can be proven under:
//
//   - circuits/solvency range-checks minRatioBps to 32 bits (RatioBits) and
//     haircuts h and 10000-h to 14 bits (HaircutBits), so 0 <= h <= 10000;
//   - circuits/compliance range-checks maxSlippageBps and 10000-maxSlippageBps,
//     bufferFloorBps and the weight bands to 14 bits (BpsBits), with
//     weightMinBps <= weightMaxBps, each lending venue's maxAprBps likewise,
//     minEpochSeconds to [1, 2^32-1] (SpanBits), and every USD limit (notional
//     cap, per-day turnover cap, loss budget and outflow cap, venue caps) to 128
//     bits of value units (ValueBits);
//   - amounts and prices are 64-bit integers at each asset's circuit scale
//     (AmountBits, PriceBits): the loaders of positions, prices and ledgers
//     refuse what does not fit (treasury/fixed), since it depends on the data.
//
// The policy asks for more than the circuits where the circuits would accept a
// meaningless policy: a minimum solvency ratio below 100% would let reserves
// worth less than the liabilities prove "solvent", so it is at least MaxBps.

// maxValueUnits is the largest USD limit the circuits represent, in value units
// (2^128 - 1: compliance.ValueBits).
var maxValueUnits = new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 128), big.NewInt(1))

// fieldBound is one line of a bounds table: the JSON field, how to read it, and
// the closed range [min, max] it must lie in (which may depend on the policy or
// on the item itself, e.g. an asset's circuitDecimals is at most its decimals).
type fieldBound[T any] struct {
	field    string
	get      func(*T) decimal.Decimal
	min, max func(*Policy, *T) decimal.Decimal
	why      string
}

type integer interface {
	~int | ~int32 | ~int64 | ~uint32 | ~uint64
}

func dec[N integer](n N) decimal.Decimal {
	if n < 0 {
		return decimal.NewFromInt(int64(n))
	}
	return decimal.NewFromBigInt(new(big.Int).SetUint64(uint64(n)), 0)
}

func constant[T any](n int64) func(*Policy, *T) decimal.Decimal {
	return func(*Policy, *T) decimal.Decimal { return decimal.NewFromInt(n) }
}

// between is a field of integer type N in the fixed range [lo, hi].
func between[T any, N integer](field string, lo, hi int64, get func(*T) N, why string) fieldBound[T] {
	return fieldBound[T]{field: field, get: func(x *T) decimal.Decimal { return dec(get(x)) }, min: constant[T](lo), max: constant[T](hi), why: why}
}

// usdLimit is a non-negative USD limit that must fit 128 bits of value units
// once scaled by 10^valueDecimals.
func usdLimit[T any](field string, get func(*T) decimal.Decimal) fieldBound[T] {
	return fieldBound[T]{field: field, get: get, min: constant[T](0),
		max: func(p *Policy, _ *T) decimal.Decimal { return MaxUSD(p.ValueDecimals) },
		why: "a USD limit is at most 2^128-1 value units (compliance ValueBits)"}
}

// MaxUSD is the largest USD limit the circuits represent at valueDecimals.
func MaxUSD(valueDecimals int32) decimal.Decimal {
	return decimal.NewFromBigInt(maxValueUnits, -valueDecimals)
}

// policyBounds are the policy-wide fields. A new field is one line here.
var policyBounds = []fieldBound[Policy]{
	between("version", 1, 1, func(p *Policy) int { return p.Version }, "only version 1 exists"),
	between("valueDecimals", 0, 18, func(p *Policy) int32 { return p.ValueDecimals }, "one value unit is 10^-valueDecimals USD"),
	between("minSolvencyRatioBps", MaxBps, MaxRatioBps, func(p *Policy) uint32 { return p.MinSolvencyRatioBps },
		"below 10000 bps (100%) reserves worth less than the liabilities would prove solvent; the circuit range-checks 32 bits"),
	between("maxSlippageBps", 0, MaxBps, func(p *Policy) uint32 { return p.MaxSlippageBps }, "the circuit checks 10000-maxSlippageBps to 14 bits"),
	between("liquidityBufferBps", 0, MaxBps, func(p *Policy) uint32 { return p.LiquidityBufferBps }, "a share of reserves is at most 10000 bps"),
	usdLimit("notionalCapUSD", func(p *Policy) decimal.Decimal { return p.NotionalCapUSD }),
	usdLimit("turnoverCapUSDPerDay", func(p *Policy) decimal.Decimal { return p.TurnoverCapUSDPerDay }),
	usdLimit("lossBudgetUSDPerDay", func(p *Policy) decimal.Decimal { return p.LossBudgetUSDPerDay }),
	usdLimit("outflowCapUSDPerDay", func(p *Policy) decimal.Decimal { return p.OutflowCapUSDPerDay }),
	between("minEpochSeconds", 1, MaxEpochSeconds, func(p *Policy) uint64 { return p.MinEpochSeconds },
		"the compliance circuit checks minEpochSeconds - 1 and the epoch's length to 32 bits"),
}

// assetBounds are each asset's fields, named assets[i].<field> in errors.
var assetBounds = []fieldBound[AssetPolicy]{
	between("decimals", 0, 36, func(a *AssetPolicy) int32 { return a.Decimals }, "a token's own decimals"),
	{field: "circuitDecimals", get: func(a *AssetPolicy) decimal.Decimal { return dec(a.CircuitDecimals) }, min: constant[AssetPolicy](0),
		max: func(_ *Policy, a *AssetPolicy) decimal.Decimal { return dec(a.Decimals) }, why: "the circuit scale is at most the token's decimals"},
	between("weightMinBps", 0, MaxBps, func(a *AssetPolicy) uint32 { return a.WeightMinBps }, "a weight is at most 10000 bps"),
	{field: "weightMaxBps", get: func(a *AssetPolicy) decimal.Decimal { return dec(a.WeightMaxBps) },
		min: func(_ *Policy, a *AssetPolicy) decimal.Decimal { return dec(a.WeightMinBps) }, max: constant[AssetPolicy](MaxBps),
		why: "the band needs weightMinBps <= weightMaxBps <= 10000 (compliance checks both to 14 bits)"},
	{field: "targetWeightBps", get: func(a *AssetPolicy) decimal.Decimal { return dec(a.TargetWeightBps) },
		min: func(_ *Policy, a *AssetPolicy) decimal.Decimal { return dec(a.WeightMinBps) },
		max: func(_ *Policy, a *AssetPolicy) decimal.Decimal { return dec(a.WeightMaxBps) }, why: "the target lies in the asset's band"},
}

// venueBounds are each venue's fields, named venues[i].<field> in errors.
var venueBounds = []fieldBound[VenuePolicy]{
	usdLimit("capUSD", func(v *VenuePolicy) decimal.Decimal { return v.CapUSD }),
	between("maxAprBps", 0, MaxBps, func(v *VenuePolicy) uint32 { return v.MaxAprBps }, "the compliance circuit checks maxAprBps and 10000-maxAprBps to 14 bits"),
}

// haircutBound applies to every entry of an asset's haircutsBps.
var haircutBound = between("haircutsBps", 0, MaxBps, func(h *uint32) uint32 { return *h },
	"the solvency circuit checks h and 10000-h to 14 bits")

// checkBounds applies a bounds table to x; prefix names the item ("assets[2].").
func checkBounds[T any](name string, p *Policy, x *T, prefix string, table []fieldBound[T]) error {
	for _, b := range table {
		if err := b.check(name, p, x, prefix+b.field); err != nil {
			return err
		}
	}
	return nil
}

func (b fieldBound[T]) check(name string, p *Policy, x *T, field string) error {
	v, lo, hi := b.get(x), b.min(p, x), b.max(p, x)
	if v.Cmp(lo) < 0 || v.Cmp(hi) > 0 {
		return inputErr(name, 0, field, v.String(), "must be in [%s, %s]: %s", lo, hi, b.why)
	}
	return nil
}

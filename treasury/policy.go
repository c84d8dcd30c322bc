package treasury

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"

	"github.com/shopspring/decimal"
)

// MaxBps is 100% in basis points.
const MaxBps = 10_000

// MaxRatioBps bounds the minimum solvency ratio a policy may ask for (1000%).
// The circuits range-check the ratio to 32 bits; this bound is far inside that.
// The lower bound is MaxBps (100%): see policybounds.go.
const MaxRatioBps = 100_000

// Policy is a governance policy: the asset and venue universe, haircuts, the
// minimum solvency ratio and the risk corridors every planned action must stay in.
// It is loaded from JSON; unknown fields are errors.
type Policy struct {
	// Version of the policy format; only 1 exists.
	Version int `json:"version"`
	// ValueDecimals sets the value unit all prices are expressed in inside the
	// circuits: one value unit is 10^-ValueDecimals USD.
	ValueDecimals int32 `json:"valueDecimals"`
	// Assets is the asset universe, in the order used by every commitment.
	Assets []AssetPolicy `json:"assets"`
	// Venues is the venue universe, in the order used by every commitment.
	Venues []VenuePolicy `json:"venues"`
	// MinSolvencyRatioBps is the minimum ratio of haircut reserves to liabilities.
	MinSolvencyRatioBps uint32 `json:"minSolvencyRatioBps"`
	// NotionalCapUSD caps the value sold by one action, at oracle prices.
	NotionalCapUSD decimal.Decimal `json:"notionalCapUSD"`
	// TurnoverCapUSDPerDay caps the value sold by all actions of an epoch, per
	// day of the epoch's length: an epoch of s seconds may sell
	// TurnoverCapUSDPerDay × s / 86400, so cutting time into more epochs gains nothing.
	TurnoverCapUSDPerDay decimal.Decimal `json:"turnoverCapUSDPerDay"`
	// MaxSlippageBps bounds one action's loss versus the oracle price.
	MaxSlippageBps uint32 `json:"maxSlippageBps"`
	// LossBudgetUSDPerDay bounds the cumulative loss of swaps versus oracle
	// prices, per day of the epoch's length (like TurnoverCapUSDPerDay).
	LossBudgetUSDPerDay decimal.Decimal `json:"lossBudgetUSDPerDay"`
	// OutflowCapUSDPerDay bounds the value that leaves the treasury through
	// outflow actions (payments, withdrawals by users), per day of the epoch's
	// length: the spending governance votes.
	OutflowCapUSDPerDay decimal.Decimal `json:"outflowCapUSDPerDay"`
	// MinEpochSeconds is the shortest epoch a proof may cover.
	MinEpochSeconds uint64 `json:"minEpochSeconds"`
	// LiquidityBufferBps is the floor of the stable assets' share of reserves.
	LiquidityBufferBps uint32 `json:"liquidityBufferBps"`
	// Paused is the kill switch: no action may execute while it is set.
	Paused bool `json:"paused"`
}

// AssetPolicy describes one asset of the universe and its corridors.
type AssetPolicy struct {
	// Symbol names the asset everywhere (files, logs, commitments order).
	Symbol string `json:"symbol"`
	// Decimals is the token's own number of decimals.
	Decimals int32 `json:"decimals"`
	// CircuitDecimals is the asset's circuit scale: amounts enter the circuits as
	// integers of 10^-CircuitDecimals tokens. At most Decimals.
	CircuitDecimals int32 `json:"circuitDecimals"`
	// Stable marks assets that count toward the liquidity buffer.
	Stable bool `json:"stable"`
	// Allowed marks assets the engine may buy; holdings of a disallowed asset
	// may only be sold.
	Allowed bool `json:"allowed"`
	// Coverage asks the solvency proof to show this asset covered on its own.
	Coverage bool `json:"coverage"`
	// TargetWeightBps is the strategic weight of the asset in the reserves.
	TargetWeightBps uint32 `json:"targetWeightBps"`
	// WeightMinBps and WeightMaxBps bound the asset's weight.
	WeightMinBps uint32 `json:"weightMinBps"`
	WeightMaxBps uint32 `json:"weightMaxBps"`
	// HaircutsBps is the haircut applied to a position of this asset at each
	// venue when valuing reserves; every venue must be listed.
	HaircutsBps map[string]uint32 `json:"haircutsBps"`
}

// VenuePolicy describes one venue: a custody wallet, an AMM pool or a lending pool.
type VenuePolicy struct {
	// ID names the venue everywhere.
	ID string `json:"id"`
	// Kind is one of "custody", "amm", "lending".
	Kind string `json:"kind"`
	// Allowed marks venues the engine may route value into.
	Allowed bool `json:"allowed"`
	// CapUSD optionally caps the value held at the venue (zero means no cap).
	CapUSD decimal.Decimal `json:"capUSD"`
	// MaxAprBps caps the interest a lending venue may accrue: an accrual on a
	// position X over an epoch of s seconds credits at most
	// floor(X × MaxAprBps × s / (10000 × 31536000)). Zero for other kinds.
	MaxAprBps uint32 `json:"maxAprBps"`
}

// VenueKinds lists the valid values of VenuePolicy.Kind.
var VenueKinds = []string{"custody", "amm", "lending"}

var symbolRE = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$`)

// LoadPolicy reads and validates a policy file.
func LoadPolicy(path string) (*Policy, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("load policy %s: %w", path, err)
	}
	p, err := ParsePolicy(path, data)
	if err != nil {
		return nil, err
	}
	return p, nil
}

// ParsePolicy decodes and validates a policy; name is used in error messages.
func ParsePolicy(name string, data []byte) (*Policy, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var p Policy
	if err := dec.Decode(&p); err != nil {
		return nil, jsonError(name, data, dec, err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, inputErr(name, lineAt(data, dec.InputOffset()), "", "", "trailing data after the policy object")
	}
	if err := p.Validate(name); err != nil {
		return nil, err
	}
	return &p, nil
}

func jsonError(name string, data []byte, dec *json.Decoder, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return inputErr(name, lineAt(data, syn.Offset), "", "", "invalid JSON: %v", syn)
	case errors.As(err, &typ):
		return inputErr(name, lineAt(data, typ.Offset), typ.Field, "", "expected %s, got JSON %s", typ.Type, typ.Value)
	}
	msg := err.Error()
	if m := regexp.MustCompile(`unknown field "([^"]*)"`).FindStringSubmatch(msg); m != nil {
		return inputErr(name, lineAt(data, dec.InputOffset()), m[1], "", "unknown field")
	}
	return inputErr(name, lineAt(data, dec.InputOffset()), "", "", "%v", err)
}

func lineAt(data []byte, offset int64) int {
	if offset > int64(len(data)) {
		offset = int64(len(data))
	}
	return bytes.Count(data[:offset], []byte("\n")) + 1
}

// Validate checks every field of the policy; name is used in error messages.
// Every numeric range is a line of the bounds tables (policybounds.go), which
// also say why each range is what the circuits enforce; what remains here are
// the relations a range cannot express (names, sets, sums).
func (p *Policy) Validate(name string) error {
	if err := checkBounds(name, p, p, "", policyBounds); err != nil {
		return err
	}
	if len(p.Assets) == 0 {
		return inputErr(name, 0, "assets", "", "at least one asset is required")
	}
	if len(p.Venues) == 0 {
		return inputErr(name, 0, "venues", "", "at least one venue is required")
	}
	venues := map[string]bool{}
	for i := range p.Venues {
		v := &p.Venues[i]
		f := fmt.Sprintf("venues[%d]", i)
		if !symbolRE.MatchString(v.ID) {
			return inputErr(name, 0, f+".id", v.ID, "must match %s", symbolRE)
		}
		if venues[v.ID] {
			return inputErr(name, 0, f+".id", v.ID, "duplicate venue")
		}
		venues[v.ID] = true
		if !contains(VenueKinds, v.Kind) {
			return inputErr(name, 0, f+".kind", v.Kind, "must be one of %v", VenueKinds)
		}
		if err := checkBounds(name, p, v, f+".", venueBounds); err != nil {
			return err
		}
		if v.MaxAprBps != 0 && v.Kind != "lending" {
			return inputErr(name, 0, f+".maxAprBps", fmt.Sprint(v.MaxAprBps), "only a lending venue accrues interest")
		}
	}
	custody := 0
	for _, v := range p.Venues {
		if v.Kind == "custody" {
			custody++
		}
	}
	if custody != 1 {
		return inputErr(name, 0, "venues[].kind", fmt.Sprint(custody), "exactly one custody venue is required (swaps, inflows and outflows settle there)")
	}
	symbols := map[string]bool{}
	var targetSum uint64
	for i := range p.Assets {
		a := &p.Assets[i]
		f := fmt.Sprintf("assets[%d]", i)
		if !symbolRE.MatchString(a.Symbol) {
			return inputErr(name, 0, f+".symbol", a.Symbol, "must match %s", symbolRE)
		}
		if symbols[a.Symbol] {
			return inputErr(name, 0, f+".symbol", a.Symbol, "duplicate asset")
		}
		symbols[a.Symbol] = true
		if err := checkBounds(name, p, a, f+".", assetBounds); err != nil {
			return err
		}
		targetSum += uint64(a.TargetWeightBps)
		for _, v := range p.Venues {
			h, ok := a.HaircutsBps[v.ID]
			if !ok {
				return inputErr(name, 0, f+".haircutsBps", v.ID, "missing haircut for venue %q", v.ID)
			}
			if err := haircutBound.check(name, p, &h, f+".haircutsBps."+v.ID); err != nil {
				return err
			}
		}
		for id := range a.HaircutsBps {
			if !venues[id] {
				return inputErr(name, 0, f+".haircutsBps", id, "unknown venue")
			}
		}
	}
	if targetSum != MaxBps {
		return inputErr(name, 0, "assets[].targetWeightBps", fmt.Sprint(targetSum), "target weights must sum to %d", MaxBps)
	}
	return nil
}

// MaxEpochSeconds bounds an epoch's length (and so the policy's minimum): the
// compliance circuit range-checks end - start to 32 bits.
const MaxEpochSeconds = 1<<32 - 1

// CustodyIndex returns the index of the policy's one custody venue, or -1.
func (p *Policy) CustodyIndex() int {
	for i, v := range p.Venues {
		if v.Kind == "custody" {
			return i
		}
	}
	return -1
}

// AssetIndex returns the index of the asset with the given symbol, or -1.
func (p *Policy) AssetIndex(symbol string) int {
	for i, a := range p.Assets {
		if a.Symbol == symbol {
			return i
		}
	}
	return -1
}

// VenueIndex returns the index of the venue with the given id, or -1.
func (p *Policy) VenueIndex(id string) int {
	for i, v := range p.Venues {
		if v.ID == id {
			return i
		}
	}
	return -1
}

// Symbols returns the asset symbols in policy order.
func (p *Policy) Symbols() []string {
	out := make([]string, len(p.Assets))
	for i, a := range p.Assets {
		out[i] = a.Symbol
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

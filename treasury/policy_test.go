package treasury

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/zktreasury/zktreasury/treasury/fixed"
)

const insolventPolicy = "../testdata/solvency/insolvent/policy.json"

// freshPolicy loads the insolvent fixture's policy anew for every case, so one
// case's edit never leaks into another.
func freshPolicy(t *testing.T) *Policy {
	t.Helper()
	p, err := LoadPolicy(insolventPolicy)
	if err != nil {
		t.Fatalf("honest fixture refused: %v", err)
	}
	return p
}

func TestPolicyBounds(t *testing.T) {
	maxUSD := MaxUSD(12) // the fixture's valueDecimals
	tiny := decimal.New(1, -12)
	tests := []struct {
		name      string
		edit      func(p *Policy)
		wantField string // "" means the policy is valid
		wantValue string
	}{
		{name: "honest fixture", edit: func(*Policy) {}},
		{name: "insolvent fixture at 1 bps", edit: func(p *Policy) { p.MinSolvencyRatioBps = 1 }, wantField: "minSolvencyRatioBps", wantValue: "1"},
		{name: "ratio 9999 bps", edit: func(p *Policy) { p.MinSolvencyRatioBps = 9999 }, wantField: "minSolvencyRatioBps", wantValue: "9999"},
		{name: "ratio 0", edit: func(p *Policy) { p.MinSolvencyRatioBps = 0 }, wantField: "minSolvencyRatioBps", wantValue: "0"},
		{name: "ratio exactly 100%", edit: func(p *Policy) { p.MinSolvencyRatioBps = 10000 }},
		{name: "ratio at its maximum", edit: func(p *Policy) { p.MinSolvencyRatioBps = MaxRatioBps }},
		{name: "ratio above its maximum", edit: func(p *Policy) { p.MinSolvencyRatioBps = MaxRatioBps + 1 }, wantField: "minSolvencyRatioBps", wantValue: "100001"},
		{name: "version 2", edit: func(p *Policy) { p.Version = 2 }, wantField: "version", wantValue: "2"},
		{name: "valueDecimals 19", edit: func(p *Policy) { p.ValueDecimals = 19 }, wantField: "valueDecimals", wantValue: "19"},
		{name: "valueDecimals -1", edit: func(p *Policy) { p.ValueDecimals = -1 }, wantField: "valueDecimals", wantValue: "-1"},
		{name: "slippage 10000 bps", edit: func(p *Policy) { p.MaxSlippageBps = 10000 }},
		{name: "slippage 10001 bps", edit: func(p *Policy) { p.MaxSlippageBps = 10001 }, wantField: "maxSlippageBps", wantValue: "10001"},
		{name: "buffer 10001 bps", edit: func(p *Policy) { p.LiquidityBufferBps = 10001 }, wantField: "liquidityBufferBps", wantValue: "10001"},
		{name: "negative notional cap", edit: func(p *Policy) { p.NotionalCapUSD = decimal.RequireFromString("-1") }, wantField: "notionalCapUSD", wantValue: "-1"},
		{name: "turnover cap at 2^128-1 value units", edit: func(p *Policy) { p.TurnoverCapUSDPerDay = maxUSD }},
		{name: "turnover cap one value unit over", edit: func(p *Policy) { p.TurnoverCapUSDPerDay = maxUSD.Add(tiny) }, wantField: "turnoverCapUSDPerDay", wantValue: maxUSD.Add(tiny).String()},
		{name: "loss budget over 128 bits", edit: func(p *Policy) { p.LossBudgetUSDPerDay = maxUSD.Mul(decimal.NewFromInt(2)) }, wantField: "lossBudgetUSDPerDay"},
		{name: "venue cap over 128 bits", edit: func(p *Policy) { p.Venues[1].CapUSD = maxUSD.Add(tiny) }, wantField: "venues[1].capUSD"},
		{name: "negative venue cap", edit: func(p *Policy) { p.Venues[0].CapUSD = decimal.NewFromInt(-5) }, wantField: "venues[0].capUSD", wantValue: "-5"},
		{name: "haircut 10001 bps", edit: func(p *Policy) { p.Assets[1].HaircutsBps["aave"] = 10001 }, wantField: "assets[1].haircutsBps.aave", wantValue: "10001"},
		{name: "haircut 100%", edit: func(p *Policy) { p.Assets[1].HaircutsBps["aave"] = 10000 }},
		{name: "missing haircut", edit: func(p *Policy) { delete(p.Assets[0].HaircutsBps, "vault") }, wantField: "assets[0].haircutsBps", wantValue: "vault"},
		{name: "circuit decimals above token decimals", edit: func(p *Policy) { p.Assets[0].CircuitDecimals = 7 }, wantField: "assets[0].circuitDecimals", wantValue: "7"},
		{name: "decimals 37", edit: func(p *Policy) { p.Assets[2].Decimals = 37 }, wantField: "assets[2].decimals", wantValue: "37"},
		{name: "weight max 10001", edit: func(p *Policy) { p.Assets[0].WeightMaxBps = 10001 }, wantField: "assets[0].weightMaxBps", wantValue: "10001"},
		{name: "band inverted", edit: func(p *Policy) { p.Assets[0].WeightMinBps = 6600 }, wantField: "assets[0].weightMaxBps", wantValue: "6500"},
		{name: "target outside band", edit: func(p *Policy) { p.Assets[0].TargetWeightBps = 6600 }, wantField: "assets[0].targetWeightBps", wantValue: "6600"},
		{name: "version 0", edit: func(p *Policy) { p.Version = 0 }, wantField: "version", wantValue: "0"},
		{name: "valueDecimals 0", edit: func(p *Policy) { p.ValueDecimals = 0 }},
		{name: "valueDecimals 18", edit: func(p *Policy) { p.ValueDecimals = 18 }},
		{name: "buffer 100%", edit: func(p *Policy) { p.LiquidityBufferBps = 10000 }},
		{name: "zero caps", edit: func(p *Policy) {
			p.NotionalCapUSD, p.TurnoverCapUSDPerDay, p.LossBudgetUSDPerDay = decimal.Zero, decimal.Zero, decimal.Zero
		}},
		{name: "negative loss budget", edit: func(p *Policy) { p.LossBudgetUSDPerDay = decimal.NewFromInt(-1) }, wantField: "lossBudgetUSDPerDay", wantValue: "-1"},
		{name: "negative decimals", edit: func(p *Policy) { p.Assets[2].Decimals = -1 }, wantField: "assets[2].decimals", wantValue: "-1"},
		{name: "decimals 36", edit: func(p *Policy) { p.Assets[1].Decimals = 36 }},
		{name: "negative circuit decimals", edit: func(p *Policy) { p.Assets[1].CircuitDecimals = -1 }, wantField: "assets[1].circuitDecimals", wantValue: "-1"},
		{name: "circuit decimals equal to decimals", edit: func(p *Policy) { p.Assets[1].CircuitDecimals = 18 }},
		{name: "weight min 10001", edit: func(p *Policy) { p.Assets[2].WeightMinBps = 10001 }, wantField: "assets[2].weightMinBps", wantValue: "10001"},
		{name: "band of one point", edit: func(p *Policy) { p.Assets[2].WeightMinBps, p.Assets[2].WeightMaxBps = 2000, 2000 }},
		{name: "minimum epoch 0 seconds", edit: func(p *Policy) { p.MinEpochSeconds = 0 }, wantField: "minEpochSeconds", wantValue: "0"},
		{name: "minimum epoch 1 second", edit: func(p *Policy) { p.MinEpochSeconds = 1 }},
		{name: "minimum epoch 2^32 - 1", edit: func(p *Policy) { p.MinEpochSeconds = MaxEpochSeconds }},
		{name: "minimum epoch 2^32", edit: func(p *Policy) { p.MinEpochSeconds = MaxEpochSeconds + 1 }, wantField: "minEpochSeconds", wantValue: "4294967296"},
		{name: "outflow cap over 128 bits", edit: func(p *Policy) { p.OutflowCapUSDPerDay = maxUSD.Add(tiny) }, wantField: "outflowCapUSDPerDay"},
		{name: "APR cap 100%", edit: func(p *Policy) { p.Venues[1].MaxAprBps = 10000 }},
		{name: "APR cap 10001 bps", edit: func(p *Policy) { p.Venues[1].MaxAprBps = 10001 }, wantField: "venues[1].maxAprBps", wantValue: "10001"},
		{name: "APR cap on an AMM", edit: func(p *Policy) { p.Venues[2].MaxAprBps = 100 }, wantField: "venues[2].maxAprBps", wantValue: "100"},
		{name: "two custody venues", edit: func(p *Policy) { p.Venues[2].Kind = "custody" }, wantField: "venues[].kind", wantValue: "2"},
		{name: "no custody venue", edit: func(p *Policy) { p.Venues[0].Kind = "amm" }, wantField: "venues[].kind", wantValue: "0"},
		{name: "targets not summing to 100%", edit: func(p *Policy) { p.Assets[0].TargetWeightBps = 4000 }, wantField: "assets[].targetWeightBps", wantValue: "9000"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := freshPolicy(t)
			tc.edit(p)
			err := p.Validate("policy.json")
			if tc.wantField == "" {
				if err != nil {
					t.Fatalf("valid policy refused: %v", err)
				}
				return
			}
			var ie *InputError
			if !errors.As(err, &ie) {
				t.Fatalf("err = %v, want an *InputError on %s", err, tc.wantField)
			}
			if ie.File != "policy.json" || ie.Field != tc.wantField || (tc.wantValue != "" && ie.Value != tc.wantValue) {
				t.Fatalf("err = %v (file %q field %q value %q), want field %q value %q", err, ie.File, ie.Field, ie.Value, tc.wantField, tc.wantValue)
			}
		})
	}
}

// TestPolicyMinRatioAtLoad: the attack, on the file itself: the
// insolvent fixture with "minSolvencyRatioBps": 1 does not load.
func TestPolicyMinRatioAtLoad(t *testing.T) {
	data, err := os.ReadFile(insolventPolicy)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range []string{"1", "9999"} {
		bad := strings.Replace(string(data), `"minSolvencyRatioBps": 10500`, `"minSolvencyRatioBps": `+v, 1)
		if bad == string(data) {
			t.Fatal("fixture has no minSolvencyRatioBps to edit")
		}
		_, err := ParsePolicy("insolvent/policy.json", []byte(bad))
		if err == nil || !strings.Contains(err.Error(), `insolvent/policy.json: field "minSolvencyRatioBps" = "`+v+`"`) {
			t.Fatalf("ratio %s: err = %v", v, err)
		}
	}
}

// TestUSDBoundMatchesConverter: the largest USD limit the table accepts is the
// largest the prover's converter encodes, at every valueDecimals the table allows.
func TestUSDBoundMatchesConverter(t *testing.T) {
	for vd := int32(0); vd <= 18; vd++ {
		m := MaxUSD(vd)
		if _, err := fixed.Value(m, vd, fixed.Down); err != nil {
			t.Errorf("valueDecimals %d: the bound %s does not encode: %v", vd, m, err)
		}
		over := m.Add(decimal.New(1, -vd))
		if _, err := fixed.Value(over, vd, fixed.Down); !errors.Is(err, fixed.ErrOverflow) {
			t.Errorf("valueDecimals %d: one unit over the bound encodes (err %v)", vd, err)
		}
	}
}

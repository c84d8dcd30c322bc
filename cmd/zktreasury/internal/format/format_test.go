package format

import (
	"math/big"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/zktreasury/zktreasury/prover/statement"
	"github.com/zktreasury/zktreasury/treasury"
	"github.com/zktreasury/zktreasury/treasury/corridor"
)

func TestNumbers(t *testing.T) {
	d := decimal.RequireFromString
	tests := []struct{ name, got, want string }{
		{"percent", Percent(10450), "104.50%"},
		{"percent below 1", Percent(uint32(7)), "0.07%"},
		{"percent negative", Percent(int64(-1)), "-0.01%"},
		{"percent big", PercentBig(big.NewInt(16716)), "167.16%"},
		{"usd grouped", USD(d("52999600")), "52,999,600.00 USD"},
		{"usd rounds to cents", USD(d("1234.565")), "1,234.57 USD"},
		{"usd small", USD(d("999.5")), "999.50 USD"},
		{"usd negative", USD(d("-1234567.8")), "-1,234,567.80 USD"},
		{"price exact", PriceUSD(d("3012.550000")), "3,012.55 USD"},
		{"price below a cent", PriceUSD(d("0.000123")), "0.000123 USD"},
		{"price integer", PriceUSD(d("97450")), "97,450.00 USD"},
		{"value units", ValueUSD(12, big.NewInt(5_000_000_000_000_000)), "5,000.00 USD"},
		{"tokens", Tokens(d("1234.5"), "WETH"), "1,234.5 WETH"},
		{"int", Int(1234567), "1,234,567"},
		{"int small", Int(12), "12"},
	}
	for _, tc := range tests {
		if tc.got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, tc.got, tc.want)
		}
	}
}

func TestPublicInputs(t *testing.T) {
	p, err := treasury.LoadPolicy("../../../../testdata/solvency/solvent/policy.json")
	if err != nil {
		t.Fatal(err)
	}
	// WETH: circuitDecimals 6, valueDecimals 12: 3012.55 USD per WETH is
	// 3012.55 × 10^12 / 10^6 = 3012550000 value units per 10^-6 WETH.
	in := []statement.NamedInput{
		{Name: "stateCommitment", Value: "0x0000000000000000000000000000000000000000000000000000000000000abc"},
		{Name: "epoch", Value: "0x000000000000000000000000000000000000000000000000000000000000002a"},
		{Name: "price.WETH", Value: "0x00000000000000000000000000000000000000000000000000000000b38fdd70"},
		{Name: "price.WBTC", Value: "0x01"},
		{Name: "endTime", Value: "0x0000000000000000000000000000000000000000000000000000000065920080"},
		{Name: "outflow.USDC", Value: "0x1e8480"},
		{Name: "price.DOGE", Value: "0x01"},
		{Name: "actionCount", Value: "not hex"},
	}
	want := []string{
		"0x0000000000000000000000000000000000000000000000000000000000000abc",
		"42",
		"3,012.55 USD per WETH",
		"0.0001 USD per WBTC", // 1 value unit per 10^-8 WBTC = 10^-12 × 10^8 USD
		"2024-01-01T00:00:00Z",
		"2 USDC",
		"0x01",
		"not hex",
	}
	got := PublicInputs(p, in)
	for i := range want {
		if got[i].Name != in[i].Name || got[i].Value != want[i] {
			t.Errorf("%s: got %q, want %q", in[i].Name, got[i].Value, want[i])
		}
	}
}

func TestViolation(t *testing.T) {
	p, err := treasury.LoadPolicy("../../../../testdata/solvency/solvent/policy.json") // valueDecimals 12, maxSlippage 50 bps
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		v    corridor.Violation
		want string
	}{
		{corridor.Violation{Corridor: "turnover-cap", Err: corridor.ErrTurnoverCap, Action: -1, Asset: -1, Venue: -1,
			Limit: "1000000000000000000", Value: "1000000000000000001"},
			"epoch: turnover cap exceeded: 1,000,000.000000000001 USD, limit 1,000,000.00 USD"},
		// valueIn 1000 USD, valueOut 990 USD: 1% lost against a 0.50% maximum.
		{corridor.Violation{Corridor: "slippage", Err: corridor.ErrSlippage, Action: 2, Asset: 1, Venue: 2, AssetName: "WETH", VenueName: "uniswap",
			Limit: "valueIn*(10000-maxSlippageBps)=9950000000000000000", Value: "valueOut*10000=9900000000000000000"},
			"action 2: slippage versus oracle exceeds the maximum (WETH at uniswap): 990.00 USD out for 1,000.00 USD in (1.00% lost), limit 0.50%"},
		{corridor.Violation{Corridor: "non-negative", Err: corridor.ErrNegativePosition, Action: 0, Asset: 1, Venue: 0, AssetName: "WETH", VenueName: "vault",
			Limit: "1500000", Value: "2000000"},
			"action 0: position would go negative (WETH at vault): 2 WETH, limit 1.5 WETH"},
		{corridor.Violation{Corridor: "liquidity-buffer", Err: corridor.ErrLiquidityBuffer, Action: -1, Asset: -1, Venue: -1,
			Limit: "floor 2500 bps or at least 2400 bps", Value: "2300 bps"},
			"epoch: liquidity buffer below its floor and falling: 2300 bps, limit floor 2500 bps or at least 2400 bps"},
	}
	for _, tc := range tests {
		if got := Violation(p, &tc.v); got != tc.want {
			t.Errorf("%s:\n got %q\nwant %q", tc.v.Corridor, got, tc.want)
		}
	}
}

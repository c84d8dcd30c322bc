package compliance_test

// Adversarial review of the typed-action epoch statement (issue 8). Each
// TestBreak... test states what the statement should refuse and fails today
// because the attack works. The lead fixes; these tests then pass unchanged.

import (
	"errors"
	"math/big"
	"testing"

	"github.com/zktreasury/zktreasury/treasury/corridor"
)

// TestBreakGoAccrualSumWraps: treasury/corridor keeps the per-slot accrual sum
// in a uint64 while the bound it is checked against, floor(X0 × maxAprBps × s /
// (10000 × 31536000)), can reach about 136 × 2^64 (maxAprBps ≤ 10000, s < 2^32).
// Once the sum passes 2^64 it wraps, and every later accrual is checked against
// the wrapped sum. The circuit sums in the field and refuses, so the Go checker
// (and the planner's AccrualBound) accept an epoch the circuit cannot prove.
//
// Witness: 2^62 USDC at aave, maxAprBps(aave) = 10000, a 4-year epoch, so the
// bound is exactly 2^64. Actions: accrue 2^63; withdraw 3·2^62 (so the slot has
// room again); accrue 2^63 (sum 2^64, at the bound; the uint64 sum is now 0);
// accrue 1 (sum 2^64 + 1, one unit above the bound).
func TestBreakGoAccrualSumWraps(t *testing.T) {
	l := baseLimits()
	for a := range l.WeightMinBps {
		l.WeightMinBps[a], l.WeightMaxBps[a] = 0, 10000
	}
	l.BufferFloorBps = 0
	l.MaxAprBps[aave] = 10000
	huge := new(big.Int).Lsh(big.NewInt(1), 127)
	l.NotionalCap, l.TurnoverCapPerDay = huge, huge
	s := baseState()
	s.X[usdc][aave] = 1 << 62
	seconds := uint64(4 * corridor.SecondsPerYear)
	actions := []corridor.Action{accrue(usdc, aave, 1<<63), withdraw(usdc, aave, 3<<62), accrue(usdc, aave, 1<<63), accrue(usdc, aave, 1)}

	// Control: the first three actions are exactly at the bound and both accept.
	if _, err := corridor.CheckEpoch(l, s, basePrices, seconds, actions[:3]); err != nil {
		t.Fatalf("control: the epoch at its accrual bound was refused: %v", err)
	}
	if err := solved(t, build(t, l, s, basePrices, seconds, actions[:3], 4).Assignment()); err != nil {
		t.Fatalf("control: the circuit refused the epoch at its accrual bound: %v", err)
	}
	// One unit above the bound: the circuit refuses (correctly)...
	if err := solved(t, build(t, l, s, basePrices, seconds, actions, 4).Assignment()); err == nil {
		t.Fatal("the circuit accepted accruals of 2^64 + 1 against a bound of 2^64")
	}
	// ...and so must the Go checker, which the prover and the planner trust.
	_, err := corridor.CheckEpoch(l, s, basePrices, seconds, actions)
	if !errors.Is(err, corridor.ErrAccrual) {
		t.Fatalf("Go checker: err = %v, want ErrAccrual (accruals 2^64 + 1 > bound 2^64; the uint64 sum wrapped)", err)
	}
}

// TestBreakZeroPriceSwap: a public price of 0 (the circuit range-checks prices
// to [0, 2^64), and neither it nor treasury/corridor refuses 0) makes both legs
// of a swap worth 0, so the slippage corridor 0 <= valueOut × 10000 <= 0 holds
// for any amounts of the zero-priced asset. A "swap" with amountIn = 0 then
// mints units from nothing, and one with amountOut = 0 sends units away
// without an outflow; neither touches a budget or the public flow totals. The
// units are worth something again as soon as the feed recovers (the next
// epoch's prices). Only registry-built prices reach the proof: the registry
// branch's convertPrice (contracts/src/PriceConversion.sol) refuses a round that
// converts to 0, so on-chain this is closed there alone (a crash of 10^4× below
// the deploy-time price of a feed at the 1-bps floor would otherwise do it). The
// statement should not rest on that: assert every price >= 1 in the circuit and
// the Go checker (one range check per asset), or require both swap amounts > 0.
//
// Witness: the compliance fixture with DAI priced 0: swap at uniswap
// (USDC, 0) -> (DAI, 10^12), or (DAI, 1000) -> (USDC, 0).
func TestBreakZeroPriceSwap(t *testing.T) {
	prices := corridor.Prices{1, 0, 10}
	cases := map[string]corridor.Action{
		"mint 10^12 DAI units for nothing": {Kind: corridor.Swap, Venue: uniswap, AssetIn: usdc, VenueIn: vault, AmountIn: 0,
			AssetOut: dai, VenueOut: vault, AmountOut: 1_000_000_000_000},
		"send all 1000 DAI units away for nothing (a hidden outflow)": {Kind: corridor.Swap, Venue: uniswap, AssetIn: dai, VenueIn: vault, AmountIn: 1000,
			AssetOut: usdc, VenueOut: vault, AmountOut: 0},
	}
	for name, a := range cases {
		t.Run(name, func(t *testing.T) {
			actions := []corridor.Action{a}
			c := build(t, baseLimits(), baseState(), prices, day, actions, 1)
			for i := range c.Outflows {
				if !c.Outflows[i].IsZero() || !c.Inflows[i].IsZero() {
					t.Fatal("the test would not isolate the swap: a public flow total is non-zero")
				}
			}
			_, goErr := corridor.CheckEpoch(baseLimits(), baseState(), prices, day, actions)
			circErr := solved(t, c.Assignment())
			if goErr == nil || circErr == nil {
				t.Fatalf("a zero-valued swap moving units of a zero-priced asset was accepted (Go checker err = %v, circuit err = %v)", goErr, circErr)
			}
		})
	}
}

// TestBreakCompliancePolicyRangesLeftToSolvency: checkPolicy's doc says the
// compliance circuit asserts "exactly those [ranges] corridor.Limits.Validate
// accepts", but it never range-checks HaircutBps or MinRatioBps, which Validate
// (run by every CheckEpoch) refuses outside [0, 10000] and [10000, 2^32). So the
// compliance circuit on its own accepts an epoch under a policy the Go checker
// refuses. In the registry's separate mode the solvency proof over the same
// policy commitment refuses such a policy, and the epoch circuit includes the
// solvency half, so this is a checker/circuit disagreement rather than an
// on-chain hole; fix the comment or move the checks into checkPolicy.
//
// Witness: the compliance fixture's honest swap, with haircut[WETH][aave] =
// 10001 bps, or minRatioBps = 9999, committed in the policy.
func TestBreakCompliancePolicyRangesLeftToSolvency(t *testing.T) {
	cases := map[string]func(*corridor.Limits){
		"haircut 10001 bps":  func(l *corridor.Limits) { l.HaircutBps[weth][aave] = 10001 },
		"min ratio 9999 bps": func(l *corridor.Limits) { l.MinRatioBps = 9999 },
	}
	actions := []corridor.Action{sellWETH(100, 990)}
	for name, edit := range cases {
		t.Run(name, func(t *testing.T) {
			l := baseLimits()
			edit(l)
			_, goErr := corridor.CheckEpoch(l, baseState(), basePrices, day, actions)
			circErr := solved(t, build(t, l, baseState(), basePrices, day, actions, 1).Assignment())
			if (goErr == nil) != (circErr == nil) {
				t.Fatalf("Go checker and compliance circuit disagree: Go err = %v, circuit err = %v", goErr, circErr)
			}
		})
	}
}

package statement

import (
	"fmt"
	"math/rand/v2"

	"github.com/shopspring/decimal"

	"github.com/zktreasury/zktreasury/prover/hashing"
	"github.com/zktreasury/zktreasury/treasury"
)

// SyntheticInputs returns deterministic, solvent inputs of any size, for
// benchmarks and load tests: nAssets assets (the first stable), nVenues venues,
// nUsers users with random balances, and reserves at 120% of liabilities.
func SyntheticInputs(nUsers, nAssets, nVenues int, seed uint64) (SolvencyInputs, error) {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	pol := &treasury.Policy{Version: 1, ValueDecimals: 12, MinSolvencyRatioBps: 10000,
		NotionalCapUSD: decimal.NewFromInt(1_000_000), TurnoverCapUSDPerDay: decimal.NewFromInt(10_000_000),
		MaxSlippageBps: 50, LossBudgetUSDPerDay: decimal.NewFromInt(50_000), OutflowCapUSDPerDay: decimal.NewFromInt(1_000_000),
		MinEpochSeconds: 3600, LiquidityBufferBps: 1000}
	for v := range nVenues {
		kind := "custody"
		if v > 0 {
			kind = "lending"
		}
		pol.Venues = append(pol.Venues, treasury.VenuePolicy{ID: fmt.Sprintf("venue%d", v), Kind: kind, Allowed: true})
	}
	prices := &treasury.Prices{}
	for a := range nAssets {
		w := uint32(10000 / nAssets)
		if a == 0 {
			w += uint32(10000 % nAssets)
		}
		hc := map[string]uint32{}
		for _, v := range pol.Venues {
			hc[v.ID] = uint32(100 * rng.IntN(20))
		}
		pol.Assets = append(pol.Assets, treasury.AssetPolicy{Symbol: fmt.Sprintf("TOK%d", a), Decimals: 18, CircuitDecimals: 6,
			Stable: a == 0, Allowed: true, TargetWeightBps: w, WeightMaxBps: 10000, HaircutsBps: hc})
		prices.USD = append(prices.USD, decimal.New(int64(1+rng.IntN(100_000)), -2))
	}
	if err := pol.Validate("synthetic"); err != nil {
		return SolvencyInputs{}, err
	}
	led := &treasury.Ledger{}
	for u := range nUsers {
		ub := treasury.UserBalance{ID: fmt.Sprintf("user-%07d", u)}
		for range nAssets {
			ub.Balance = append(ub.Balance, decimal.New(rng.Int64N(10_000_000_000), -6))
		}
		led.Users = append(led.Users, ub)
	}
	pos := treasury.NewPositions(pol)
	for a, tot := range led.Totals(nAssets) {
		// Enough at the first venue alone to cover 120% after any haircut <= 20%.
		pos.Amount[a][0] = tot.Mul(decimal.RequireFromString("1.5"))
	}
	sec := &Secrets{StateSalt: hashing.FromUint64(seed + 1), UserSaltKey: hashing.FromUint64(seed + 2)}
	return SolvencyInputs{Policy: pol, Prices: prices, Positions: pos, Ledger: led, Secrets: sec, Epoch: 1}, nil
}

// Package treasury holds the treasury's data model: assets, venues, positions,
// price snapshots, the liabilities ledger and the governance policy with its risk
// corridors. Every amount is a decimal.Decimal; nothing here knows about circuits,
// field elements or chains (the prover package converts, in one place).
package treasury

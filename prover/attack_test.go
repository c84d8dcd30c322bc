package prover_test

import (
	"errors"
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/constraint"
	"github.com/consensys/gnark/frontend"

	"github.com/zktreasury/zktreasury/circuits/epoch"
	"github.com/zktreasury/zktreasury/circuits/gadget/bound"
	"github.com/zktreasury/zktreasury/prover"
	"github.com/zktreasury/zktreasury/prover/statement"
	"github.com/zktreasury/zktreasury/prover/zk"
	"github.com/zktreasury/zktreasury/treasury/corridor"
)

// The adversarial review's headline attack: take the insolvent fixture (91.49%
// cover, 105% required) and log actions that create value from nothing, so that
// S(n) looks solvent. Each variant must be refused by the Go checker (no proof
// is even attempted) and, built past the checker, by the epoch circuit itself.

const insolventCase = "../testdata/solvency/insolvent"

// attackWindow is a one-day epoch.
const attackStart, attackEnd = 1_795_000_000, 1_795_000_000 + corridor.SecondsPerDay

// uncheckedEpoch builds the epoch statement for actions without running the
// corridor checker, applying the actions by their kinds' slots, exactly as a
// malicious prover would hand them to the circuit.
func uncheckedEpoch(t *testing.T, actions []corridor.Action) *statement.Epoch {
	t.Helper()
	in, err := statement.LoadSolvencyInputs(statement.CaseFiles(insolventCase))
	if err != nil {
		t.Fatal(err)
	}
	l, err := corridor.LimitsFromPolicy(in.Policy)
	if err != nil {
		t.Fatal(err)
	}
	s0, err := corridor.StateFromPositions(in.Policy, in.Positions)
	if err != nil {
		t.Fatal(err)
	}
	prices, err := corridor.PricesFromSnapshot(in.Policy, in.Prices)
	if err != nil {
		t.Fatal(err)
	}
	pv, err := statement.EncodePolicy(in.Policy)
	if err != nil {
		t.Fatal(err)
	}
	comp, err := statement.BuildCompliance(statement.ComplianceInputs{Policy: pv, Prices: prices, Prev: s0.X, Actions: actions, Epoch: 1,
		StartTime: attackStart, EndTime: attackEnd, PrevSalt: in.Secrets.StateSaltFor(0), NewSalt: in.Secrets.StateSaltFor(1),
		ActionsSalt: in.Secrets.ActionsSaltFor(1), Slots: 2, RangeCheck: bound.Bits})
	if err != nil {
		t.Fatal(err)
	}
	s1 := s0.Clone()
	for _, a := range actions {
		vin, vout := corridor.Slots(a.Kind, a.Venue, l.Custody())
		s1.X[a.AssetIn][vin] -= a.AmountIn
		s1.X[a.AssetOut][vout] += a.AmountOut
	}
	solv, err := statement.BuildSolvency(statement.SolvencyInputs{Policy: in.Policy, Prices: in.Prices,
		Positions: corridor.PositionsFromState(in.Policy, s1), Ledger: in.Ledger, Secrets: in.Secrets, Epoch: 1, Capacity: 16, RangeCheck: bound.Bits})
	if err != nil {
		t.Fatal(err)
	}
	if !solv.StateCommitment.Equal(&comp.NewCommitment) {
		t.Fatal("S(n) differs between the halves: the test would not isolate the corridors")
	}
	return &statement.Epoch{Compliance: comp, Solvency: solv, Params: epoch.Params{Users: solv.Params.Users,
		Actions: comp.Params.Actions, Assets: comp.Params.Assets, Venues: comp.Params.Venues, RangeCheck: bound.Bits}}
}

func TestInsolventTreasuryCannotFabricateValue(t *testing.T) {
	in, err := statement.LoadSolvencyInputs(statement.CaseFiles(insolventCase))
	if err != nil {
		t.Fatal(err)
	}
	p := in.Policy
	usdc, weth := p.AssetIndex("USDC"), p.AssetIndex("WETH")
	vault, aave, uni := p.VenueIndex("vault"), p.VenueIndex("aave"), p.VenueIndex("uniswap")
	s0, err := corridor.StateFromPositions(p, in.Positions)
	if err != nil {
		t.Fatal(err)
	}
	sixty := func(a, v int) uint64 { return s0.X[a][v] / 10 * 6 }
	attacks := map[string][]corridor.Action{
		// The review's exact attack, now typed as what it claims to be: interest.
		"accruals at the custody vault": {
			{Kind: corridor.Accrue, Venue: vault, AssetIn: usdc, VenueIn: vault, AssetOut: usdc, VenueOut: vault, AmountOut: sixty(usdc, vault)},
			{Kind: corridor.Accrue, Venue: vault, AssetIn: weth, VenueIn: vault, AssetOut: weth, VenueOut: vault, AmountOut: sixty(weth, vault)},
		},
		"an accrual doubling the lending position, far above its APR cap": {
			{Kind: corridor.Accrue, Venue: aave, AssetIn: usdc, VenueIn: aave, AssetOut: usdc, VenueOut: aave, AmountOut: s0.X[usdc][aave]},
		},
		"a swap filled a million times better than the oracle": {
			{Kind: corridor.Swap, Venue: uni, AssetIn: weth, VenueIn: vault, AmountIn: 1, AssetOut: usdc, VenueOut: vault, AmountOut: 1_000_000_000_000},
		},
		"an inflow booked as a deposit that does not conserve": {
			{Kind: corridor.Deposit, Venue: aave, AssetIn: usdc, VenueIn: vault, AmountIn: 1, AssetOut: usdc, VenueOut: aave, AmountOut: sixty(usdc, vault)},
		},
	}
	for name, actions := range attacks {
		t.Run(name, func(t *testing.T) {
			_, err := statement.BuildEpoch(statement.EpochInputs{Policy: p, Prices: in.Prices, Prev: in.Positions, Actions: actions,
				Ledger: in.Ledger, Secrets: in.Secrets, Epoch: 1, StartTime: attackStart, EndTime: attackEnd, Capacity: 16, Slots: 2, RangeCheck: bound.Bits})
			if !errors.Is(err, statement.ErrNonCompliant) {
				t.Fatalf("checker: err = %v, want ErrNonCompliant", err)
			}
			e := uncheckedEpoch(t, actions)
			if err := e.Solvency.Check(); err != nil {
				t.Fatalf("the fabricated S(n) is not even solvent, so the test would not show the circuit refusing it: %v", err)
			}
			if err := solveEpoch(t, e); err == nil {
				t.Fatal("the epoch circuit accepted an insolvent treasury made solvent by fabricated value")
			}
		})
	}
	// Control: the same path with a truthful epoch (no actions) is insolvent and
	// refused by the circuit for that reason alone.
	e := uncheckedEpoch(t, nil)
	if err := e.Solvency.Check(); !errors.Is(err, statement.ErrInsolvent) {
		t.Fatalf("control: err = %v, want ErrInsolvent", err)
	}
	if err := solveEpoch(t, e); err == nil {
		t.Fatal("control: the insolvent fixture satisfied the epoch circuit")
	}
}

var attackCCS = map[string]constraint.ConstraintSystem{}

func solveEpoch(t *testing.T, e *statement.Epoch) error {
	t.Helper()
	key := e.Params.String()
	ccs, ok := attackCCS[key]
	if !ok {
		shape, err := epoch.NewCircuit(e.Params)
		if err != nil {
			t.Fatal(err)
		}
		c, _, err := prover.Compile(zk.Groth16{}, prover.Job{Circuit: "epoch", Params: key, Shape: shape}, nil)
		if err != nil {
			t.Fatal(err)
		}
		attackCCS[key], ccs = c, c
	}
	w, err := frontend.NewWitness(e.Assignment(), ecc.BN254.ScalarField())
	if err != nil {
		t.Fatal(err)
	}
	return ccs.IsSolved(w)
}

package prover_test

import (
	"fmt"
	"math/big"
	"testing"

	"github.com/zktreasury/zktreasury/circuits/compliance"
	"github.com/zktreasury/zktreasury/circuits/gadget/bound"
	"github.com/zktreasury/zktreasury/prover"
	"github.com/zktreasury/zktreasury/prover/hashing"
	"github.com/zktreasury/zktreasury/prover/statement"
	"github.com/zktreasury/zktreasury/prover/zk"
	"github.com/zktreasury/zktreasury/treasury/corridor"
)

// syntheticEpoch returns a compliant epoch of k actions over nA assets and nV
// venues (venue 0 custody, venue 1 an AMM, the rest lending pools): equal
// prices, wide bands, and in turn a swap of 1,000 units at the oracle value, a
// deposit and a withdrawal of 1,000 units, so every kind's constraints are live.
func syntheticEpoch(b *testing.B, k, nA, nV int, mode bound.Mode) *statement.Compliance {
	b.Helper()
	if nV < 3 {
		b.Fatalf("syntheticEpoch needs 3 venues or more, got %d", nV)
	}
	l := &corridor.Limits{NotionalCap: big.NewInt(1 << 60), TurnoverCapPerDay: big.NewInt(1 << 62), LossBudgetPerDay: big.NewInt(0),
		OutflowCapPerDay: big.NewInt(0), MinEpochSeconds: 3600, MaxSlippageBps: 50, MinRatioBps: 10000}
	s := corridor.NewState(nA, nV)
	prices := make(corridor.Prices, nA)
	for a := range nA {
		l.AllowedAsset = append(l.AllowedAsset, true)
		l.Stable = append(l.Stable, a == 0)
		l.WeightMinBps = append(l.WeightMinBps, 0)
		l.WeightMaxBps = append(l.WeightMaxBps, 10000)
		l.HaircutBps = append(l.HaircutBps, make([]uint32, nV))
		prices[a] = 1_000_000
		for vi := range nV {
			s.X[a][vi] = 1_000_000_000
		}
	}
	for vi := range nV {
		kind := corridor.Lending
		switch vi {
		case 0:
			kind = corridor.Custody
		case 1:
			kind = corridor.AMM
		}
		l.AllowedVenue = append(l.AllowedVenue, true)
		l.VenueKind = append(l.VenueKind, kind)
		l.VenueCap = append(l.VenueCap, nil)
		l.MaxAprBps = append(l.MaxAprBps, 0)
	}
	var actions []corridor.Action
	for i := range k {
		a, v := i%nA, 2+(i/3)%(nV-2)
		switch i % 3 {
		case 0:
			actions = append(actions, corridor.Action{Kind: corridor.Swap, Venue: 1, AssetIn: a, VenueIn: 0, AmountIn: 1000,
				AssetOut: (a + 1) % nA, VenueOut: 0, AmountOut: 1000})
		case 1:
			actions = append(actions, corridor.Action{Kind: corridor.Deposit, Venue: v, AssetIn: a, VenueIn: 0, AmountIn: 1000,
				AssetOut: a, VenueOut: v, AmountOut: 1000})
		default:
			actions = append(actions, corridor.Action{Kind: corridor.Withdraw, Venue: v, AssetIn: a, VenueIn: v, AmountIn: 1000,
				AssetOut: a, VenueOut: 0, AmountOut: 1000})
		}
	}
	if _, err := corridor.CheckEpoch(l, s, prices, corridor.SecondsPerDay, actions); err != nil {
		b.Fatal(err)
	}
	c, err := statement.BuildCompliance(statement.ComplianceInputs{Policy: statement.VarsFromLimits(l), Prices: prices, Prev: s.X,
		Actions: actions, Epoch: 1, StartTime: 1_700_000_000, EndTime: 1_700_000_000 + corridor.SecondsPerDay,
		PrevSalt: hashing.FromUint64(1), NewSalt: hashing.FromUint64(2), ActionsSalt: hashing.FromUint64(3), Slots: k, RangeCheck: mode})
	if err != nil {
		b.Fatal(err)
	}
	return c
}

func complianceJob(b *testing.B, p compliance.Params) prover.Job {
	c, err := compliance.NewCircuit(p)
	if err != nil {
		b.Fatal(err)
	}
	return prover.Job{Circuit: "compliance", Params: p.String(), Shape: c}
}

// BenchmarkComplianceConstraints reports R1CS constraints per action slot
// (difference between K = 64 and K = 32, so fixed costs cancel) and per epoch
// circuit at K = 16 and K = 64, 8 assets × 4 venues.
//
//	go test ./prover -run '^$' -bench ComplianceConstraints -benchtime 1x
func BenchmarkComplianceConstraints(b *testing.B) {
	for _, mode := range []bound.Mode{bound.Lookup, bound.Bits} {
		b.Run(mode.String(), func(b *testing.B) {
			var per float64
			for range b.N {
				n := map[int]int{}
				for _, k := range []int{16, 32, 64} {
					ccs, _, err := prover.Compile(zk.Groth16{}, complianceJob(b, compliance.Params{Actions: k, Assets: 8, Venues: 4, RangeCheck: mode}), nil)
					if err != nil {
						b.Fatal(err)
					}
					n[k] = ccs.GetNbConstraints()
				}
				per = float64(n[64]-n[32]) / 32
				b.ReportMetric(float64(n[16]), "constraints@K=16")
				b.ReportMetric(float64(n[64]), "constraints@K=64")
			}
			b.ReportMetric(per, "constraints/action")
		})
	}
}

// BenchmarkComplianceProve: Groth16 prove time and peak heap for K = 64 actions
// over 8 assets and 4 venues.
//
//	go test ./prover -run '^$' -bench ComplianceProve -benchtime 1x -timeout 30m
func BenchmarkComplianceProve(b *testing.B) {
	for _, mode := range []bound.Mode{bound.Lookup, bound.Bits} {
		b.Run(fmt.Sprintf("groth16/k64-a8-v4/%s", mode), func(b *testing.B) {
			c := syntheticEpoch(b, 64, 8, 4, mode)
			proveBench(b, zk.Groth16{}, complianceJob(b, c.Params), c.Assignment(), 0)
		})
	}
}

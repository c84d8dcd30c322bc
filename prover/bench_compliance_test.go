package prover_test

import (
	"fmt"
	"math/big"
	"testing"

	"github.com/zktreasury/zktreasury/circuits/compliance"
	"github.com/zktreasury/zktreasury/circuits/gadget/bound"
	"github.com/zktreasury/zktreasury/circuits/policy"
	"github.com/zktreasury/zktreasury/prover"
	"github.com/zktreasury/zktreasury/prover/hashing"
	"github.com/zktreasury/zktreasury/prover/statement"
	"github.com/zktreasury/zktreasury/prover/zk"
	"github.com/zktreasury/zktreasury/treasury/corridor"
)

// syntheticEpoch returns a compliant epoch of k actions over nA assets and nV
// venues: equal prices, wide bands, and swaps that move 1,000 units between
// slots at the oracle value.
func syntheticEpoch(b *testing.B, k, nA, nV int, mode bound.Mode) *statement.Compliance {
	b.Helper()
	l := &corridor.Limits{NotionalCap: big.NewInt(1 << 60), TurnoverCap: big.NewInt(1 << 62), LossBudget: big.NewInt(0),
		MaxSlippageBps: 50, MinRatioBps: 10000}
	v := policy.NewVars(nA, nV)
	v.ValueDecimals, v.Paused, v.MinRatioBps, v.MaxSlippageBps, v.BufferFloorBps = uint64(12), uint64(0), uint64(10000), uint64(50), uint64(0)
	v.NotionalCap, v.TurnoverCap, v.LossBudget = l.NotionalCap, l.TurnoverCap, l.LossBudget
	s := corridor.NewState(nA, nV)
	prices := make(corridor.Prices, nA)
	for a := range nA {
		l.AllowedAsset = append(l.AllowedAsset, true)
		l.Stable = append(l.Stable, a == 0)
		l.WeightMinBps = append(l.WeightMinBps, 0)
		l.WeightMaxBps = append(l.WeightMaxBps, 10000)
		l.HaircutBps = append(l.HaircutBps, make([]uint32, nV))
		v.Assets[a] = policy.AssetVars{CircuitDecimals: uint64(6), Allowed: uint64(1), Stable: uint64(0), Coverage: uint64(0),
			TargetWeightBps: uint64(0), WeightMinBps: uint64(0), WeightMaxBps: uint64(10000)}
		if a == 0 {
			v.Assets[a].Stable = uint64(1)
		}
		prices[a] = 1_000_000
		for vi := range nV {
			s.X[a][vi] = 1_000_000_000
			v.HaircutBps[a][vi] = uint64(0)
		}
	}
	for vi := range nV {
		l.AllowedVenue = append(l.AllowedVenue, true)
		v.Venues[vi] = policy.VenueVars{Allowed: uint64(1), CapValue: uint64(0)}
	}
	var actions []corridor.Action
	for i := range k {
		actions = append(actions, corridor.Action{Venue: i % nV, AssetIn: i % nA, VenueIn: (i / nA) % nV, AmountIn: 1000,
			AssetOut: (i + 1) % nA, VenueOut: (i + 2) % nV, AmountOut: 1000})
	}
	if _, err := corridor.CheckEpoch(l, s, prices, actions); err != nil {
		b.Fatal(err)
	}
	c, err := statement.BuildCompliance(statement.ComplianceInputs{Policy: v, Prices: prices, Prev: s.X, Actions: actions, Epoch: 1,
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
// (difference between K = 64 and K = 32, so fixed costs cancel), 8 assets × 4 venues.
//
//	go test ./prover -run '^$' -bench ComplianceConstraints -benchtime 1x
func BenchmarkComplianceConstraints(b *testing.B) {
	for _, mode := range []bound.Mode{bound.Lookup, bound.Bits} {
		b.Run(mode.String(), func(b *testing.B) {
			var per float64
			for range b.N {
				n := map[int]int{}
				for _, k := range []int{32, 64} {
					ccs, _, err := prover.Compile(zk.Groth16{}, complianceJob(b, compliance.Params{Actions: k, Assets: 8, Venues: 4, RangeCheck: mode}), nil)
					if err != nil {
						b.Fatal(err)
					}
					n[k] = ccs.GetNbConstraints()
				}
				per = float64(n[64]-n[32]) / 32
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

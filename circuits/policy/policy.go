// Package policy holds the governance policy's integer parameters as circuit
// variables, in the one order that defines the policy commitment. Both the
// solvency and the compliance circuits open the same commitment from it, and the
// prover computes the native commitment from the same order (Elements).
package policy

import (
	"github.com/consensys/gnark/frontend"

	"github.com/zktreasury/zktreasury/circuits/gadget/poseidon"
)

// Version is the policy encoding version absorbed into the commitment.
// Version 2 added Labels, venue kinds, caps and APR caps, per-day budgets,
// the outflow cap and the minimum epoch length.
const Version = 2

// Vars are the policy's integer parameters. Amounts are value units
// (10^-ValueDecimals USD), ratios and weights basis points, flags 0 or 1.
type Vars struct {
	ValueDecimals     frontend.Variable
	Paused            frontend.Variable
	MinRatioBps       frontend.Variable
	NotionalCap       frontend.Variable
	TurnoverCapPerDay frontend.Variable
	MaxSlippageBps    frontend.Variable
	LossBudgetPerDay  frontend.Variable
	BufferFloorBps    frontend.Variable
	OutflowCapPerDay  frontend.Variable
	MinEpochSeconds   frontend.Variable
	Assets            []AssetVars
	Venues            []VenueVars
	// HaircutBps is indexed [asset][venue].
	HaircutBps [][]frontend.Variable
	// Labels is a digest of the asset symbols and venue ids in order
	// (prover/statement.LabelsDigest). No constraint reads it: it is in the
	// commitment so that a policy whose symbols are swapped, or renamed, has
	// another commitment, and what a user is shown is bound to the proof.
	Labels frontend.Variable
}

// AssetVars are one asset's parameters.
type AssetVars struct {
	CircuitDecimals frontend.Variable
	Allowed         frontend.Variable
	Stable          frontend.Variable
	Coverage        frontend.Variable
	TargetWeightBps frontend.Variable
	WeightMinBps    frontend.Variable
	WeightMaxBps    frontend.Variable
}

// VenueVars are one venue's parameters. Kind is 1 (custody), 2 (AMM) or 3
// (lending); HasCap is 0 for an uncapped venue, whose CapValue is then 0.
type VenueVars struct {
	Kind      frontend.Variable
	Allowed   frontend.Variable
	HasCap    frontend.Variable
	CapValue  frontend.Variable
	MaxAprBps frontend.Variable
}

// NewVars returns Vars with slices sized for nAssets and nVenues.
func NewVars(nAssets, nVenues int) Vars {
	v := Vars{
		Assets:     make([]AssetVars, nAssets),
		Venues:     make([]VenueVars, nVenues),
		HaircutBps: make([][]frontend.Variable, nAssets),
		Labels:     uint64(0),
	}
	for a := range v.HaircutBps {
		v.HaircutBps[a] = make([]frontend.Variable, nVenues)
	}
	return v
}

// Elements returns the parameters in commitment order:
//
//	version, nAssets, nVenues, valueDecimals, paused, minRatioBps, notionalCap,
//	turnoverCapPerDay, maxSlippageBps, lossBudgetPerDay, bufferFloorBps,
//	outflowCapPerDay, minEpochSeconds, labels,
//	for each asset: circuitDecimals, allowed, stable, coverage, targetWeightBps,
//	                weightMinBps, weightMaxBps,
//	for each venue: kind, allowed, hasCap, capValue, maxAprBps,
//	for each asset, for each venue: haircutBps.
//
// The shape (nAssets, nVenues) is absorbed so that policies of different shapes
// can never share a commitment.
func (v *Vars) Elements() []frontend.Variable {
	out := []frontend.Variable{Version, len(v.Assets), len(v.Venues), v.ValueDecimals, v.Paused,
		v.MinRatioBps, v.NotionalCap, v.TurnoverCapPerDay, v.MaxSlippageBps, v.LossBudgetPerDay, v.BufferFloorBps,
		v.OutflowCapPerDay, v.MinEpochSeconds, v.Labels}
	for _, a := range v.Assets {
		out = append(out, a.CircuitDecimals, a.Allowed, a.Stable, a.Coverage, a.TargetWeightBps, a.WeightMinBps, a.WeightMaxBps)
	}
	for _, x := range v.Venues {
		out = append(out, x.Kind, x.Allowed, x.HasCap, x.CapValue, x.MaxAprBps)
	}
	for _, row := range v.HaircutBps {
		out = append(out, row...)
	}
	return out
}

// Commit returns the policy commitment: the Poseidon2 hash, tagged TagPolicy, of
// Elements().
func (v *Vars) Commit(api frontend.API) (frontend.Variable, error) {
	h, err := poseidon.NewHasher(api, poseidon.TagPolicy)
	if err != nil {
		return nil, err
	}
	h.Write(v.Elements()...)
	return h.Sum(), nil
}

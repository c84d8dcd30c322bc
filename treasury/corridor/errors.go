package corridor

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors, one per corridor. A check returns a *Violation whose Unwrap
// gives one of these, so callers test with errors.Is.
var (
	// ErrPaused is returned for any action while the policy's kill switch is set.
	ErrPaused = errors.New("policy is paused")
	// ErrAssetNotAllowed is returned when an action's AssetOut is not an allowed
	// asset (selling a disallowed asset is fine; buying one is not).
	ErrAssetNotAllowed = errors.New("asset not allowed")
	// ErrVenueNotAllowed is returned when an action's execution venue or its
	// VenueOut is not an allowed venue.
	ErrVenueNotAllowed = errors.New("venue not allowed")
	// ErrNegativePosition is returned when an action takes more of an asset out
	// of a slot than the slot holds.
	ErrNegativePosition = errors.New("position would go negative")
	// ErrOverflow is returned when an action would take a slot above 2^64 - 1
	// circuit units.
	ErrOverflow = errors.New("position would overflow 64 bits")
	// ErrNotionalCap is returned when an action's value in exceeds the per-action
	// notional cap.
	ErrNotionalCap = errors.New("notional cap exceeded")
	// ErrSlippage is returned when an action's value out falls short of its value
	// in by more than MaxSlippageBps.
	ErrSlippage = errors.New("slippage versus oracle exceeds the maximum")
	// ErrWeightBand is returned when an action (or an epoch) moves an asset's
	// weight further outside its [min, max] band than it was.
	ErrWeightBand = errors.New("weight moved further outside its band")
	// ErrLiquidityBuffer is returned when an action (or an epoch) leaves the
	// stable share below the buffer floor and lower than it was.
	ErrLiquidityBuffer = errors.New("liquidity buffer below its floor and falling")
	// ErrTurnoverCap is returned at the end of an epoch whose summed value in
	// exceeds the turnover cap per day times the epoch's length.
	ErrTurnoverCap = errors.New("turnover cap exceeded")
	// ErrLossBudget is returned at the end of an epoch whose summed loss versus
	// oracle prices exceeds the loss budget.
	ErrLossBudget = errors.New("loss budget exceeded")
	// ErrSolvencyRatio is returned when haircut reserves fall short of
	// liabilities times the minimum solvency ratio.
	ErrSolvencyRatio = errors.New("solvency ratio below the minimum")
	// ErrCoverage is returned when an asset the policy marks for coverage is
	// not covered by its own haircut holdings at the minimum ratio.
	ErrCoverage = errors.New("asset not covered on its own")
	// ErrEmptyAction is returned for an action that moves nothing
	// (AmountIn = 0 and AmountOut = 0).
	ErrEmptyAction = errors.New("empty action")
	// ErrActionShape is returned when an action's kind is unknown, or its slots
	// or amounts are not those its kind implies (a deposit whose amounts differ,
	// a swap of an asset for itself, an inflow that takes something out, ...).
	ErrActionShape = errors.New("action does not have the shape of its kind")
	// ErrVenueKind is returned when an action executes at a venue of the wrong
	// kind (a swap outside an AMM, an accrual outside a lending pool, ...).
	ErrVenueKind = errors.New("action at a venue of the wrong kind")
	// ErrFavourableFill is returned when a swap's value out exceeds its value in
	// by more than MaxSlippageBps: value that no oracle price explains.
	ErrFavourableFill = errors.New("swap filled better than the oracle by more than the maximum slippage")
	// ErrAccrual is returned when the accruals credited to a lending position in
	// an epoch exceed the venue's APR cap on the position at the epoch's start.
	ErrAccrual = errors.New("accrual above the venue's APR cap")
	// ErrVenueCap is returned when an action takes the value held at a capped
	// venue above its cap, and higher than it was.
	ErrVenueCap = errors.New("venue cap exceeded")
	// ErrEpochLength is returned for an epoch shorter than the policy's minimum
	// (or longer than the circuit can measure).
	ErrEpochLength = errors.New("epoch length out of bounds")
	// ErrOutflowCap is returned at the end of an epoch whose outflows are worth
	// more than the outflow cap per day times the epoch's length.
	ErrOutflowCap = errors.New("outflow cap exceeded")
	// ErrIndexOutOfRange is returned when an action names an asset or venue
	// index outside the policy, or when limits, state and prices disagree on the
	// number of assets or venues.
	ErrIndexOutOfRange = errors.New("index out of range")
)

// corridorNames gives each sentinel the short name used in Violation.Corridor.
var corridorNames = map[error]string{
	ErrPaused:           "paused",
	ErrAssetNotAllowed:  "allowed-assets",
	ErrVenueNotAllowed:  "allowed-venues",
	ErrNegativePosition: "non-negative",
	ErrOverflow:         "overflow",
	ErrNotionalCap:      "notional-cap",
	ErrSlippage:         "slippage",
	ErrWeightBand:       "weight-band",
	ErrLiquidityBuffer:  "liquidity-buffer",
	ErrTurnoverCap:      "turnover-cap",
	ErrLossBudget:       "loss-budget",
	ErrSolvencyRatio:    "solvency-ratio",
	ErrCoverage:         "coverage",
	ErrEmptyAction:      "empty-action",
	ErrActionShape:      "action-shape",
	ErrVenueKind:        "venue-kind",
	ErrFavourableFill:   "favourable-fill",
	ErrAccrual:          "accrual",
	ErrVenueCap:         "venue-cap",
	ErrEpochLength:      "epoch-length",
	ErrOutflowCap:       "outflow-cap",
	ErrIndexOutOfRange:  "index",
}

// Violation says which corridor an action or an epoch left, and by how much.
type Violation struct {
	// Corridor is the corridor's short name, e.g. "notional-cap".
	Corridor string
	// Err is the corridor's sentinel error; errors.Is matches it.
	Err error
	// Action is the index of the offending action in its epoch, or -1 for an
	// epoch-level corridor.
	Action int
	// Asset and Venue locate the violation, or are -1 when not applicable.
	Asset, Venue int
	// AssetName and VenueName are the symbols, when the limits carry names.
	AssetName, VenueName string
	// Limit is the bound that was crossed and Value the value that crossed it,
	// both as decimal integers in circuit units, value units or basis points.
	Limit, Value string
}

func (v *Violation) Error() string {
	var b strings.Builder
	if v.Action >= 0 {
		fmt.Fprintf(&b, "action %d: ", v.Action)
	} else {
		b.WriteString("epoch: ")
	}
	b.WriteString(v.Err.Error())
	if v.Asset >= 0 {
		fmt.Fprintf(&b, " (asset %s", nameOr(v.AssetName, v.Asset))
		if v.Venue >= 0 {
			fmt.Fprintf(&b, " at venue %s", nameOr(v.VenueName, v.Venue))
		}
		b.WriteString(")")
	} else if v.Venue >= 0 {
		fmt.Fprintf(&b, " (venue %s)", nameOr(v.VenueName, v.Venue))
	}
	if v.Value != "" || v.Limit != "" {
		fmt.Fprintf(&b, ": %s, limit %s", v.Value, v.Limit)
	}
	return b.String()
}

// Unwrap returns the corridor's sentinel error.
func (v *Violation) Unwrap() error { return v.Err }

func nameOr(name string, i int) string {
	if name != "" {
		return fmt.Sprintf("%s(#%d)", name, i)
	}
	return fmt.Sprintf("#%d", i)
}

func (l *Limits) violation(err error, action, asset, venue int, limit, value string) *Violation {
	v := &Violation{Corridor: corridorNames[err], Err: err, Action: action, Asset: asset, Venue: venue, Limit: limit, Value: value}
	if asset >= 0 && asset < len(l.AssetNames) {
		v.AssetName = l.AssetNames[asset]
	}
	if venue >= 0 && venue < len(l.VenueNames) {
		v.VenueName = l.VenueNames[venue]
	}
	return v
}

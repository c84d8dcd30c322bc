// Package execution models how the treasury's orders execute: swaps on
// constant-product AMM pools with fees, deposits into and withdrawals from
// lending pools that accrue interest. Every amount is an integer at circuit
// scale (the same units the corridor checker sees), so an order quoted here and
// executed here produces exactly the action the planner checked.
//
// A real venue is added by implementing Venue; the model only needs quotes and
// fills in circuit units.
package execution

import (
	"errors"
	"fmt"
	"math/big"

	"github.com/zktreasury/zktreasury/treasury/corridor"
)

// Kind is what an order does: an action kind of the corridor checker
// (corridor.Swap, Deposit, Withdraw, Accrue). The model executes no inflow or
// outflow; those cross the treasury's boundary, not a venue.
type Kind = corridor.Kind

// The kinds of order the model executes.
const (
	// Swap exchanges AssetIn for AssetOut at an AMM venue, custody to custody.
	Swap = corridor.Swap
	// Deposit moves an asset from custody into a lending venue.
	Deposit = corridor.Deposit
	// Withdraw moves an asset from a lending venue back to custody.
	Withdraw = corridor.Withdraw
	// Accrue credits interest earned at a lending venue (AmountIn = 0).
	Accrue = corridor.Accrue
)

// ErrUnsupported is returned when a venue cannot execute an order: no pool
// for the pair, an asset the lending pool does not list, a kind the venue does
// not offer.
var ErrUnsupported = errors.New("venue does not support this order")

// ErrMinOut is returned when an execution would deliver less than the order's
// MinOut; nothing is executed.
var ErrMinOut = errors.New("output below the order's minimum")

// ErrInsufficient is returned when an order asks a venue for more than it
// holds (a withdrawal above the deposit, a claim above the accrued interest).
var ErrInsufficient = errors.New("venue holds less than requested")

// Order is one instruction to a venue, in circuit units and policy indices.
type Order struct {
	// Kind is what the order does.
	Kind Kind
	// Venue executes the order.
	Venue int
	// AssetIn, VenueIn and AmountIn name what leaves the treasury.
	AssetIn, VenueIn int
	AmountIn         uint64
	// AssetOut and VenueOut name where the proceeds arrive.
	AssetOut, VenueOut int
	// MinOut is the least AmountOut the order accepts (0 for a quote).
	MinOut uint64
	// AmountOut is the amount claimed by an Accrue order (ignored otherwise).
	AmountOut uint64
}

// Costs splits an action's loss versus oracle prices, in value units, so that
// ValueIn = ValueOut + Fee + Impact + Spread exactly.
type Costs struct {
	// Fee is the venue's fee, valued at the oracle price of AssetIn.
	Fee *big.Rat
	// Impact is the price impact of the trade's size against the pool (plus
	// integer rounding of the output).
	Impact *big.Rat
	// Spread is the gap between the pool's mid price and the oracle; negative
	// when the pool pays better than the oracle.
	Spread *big.Rat
}

// Fill is an order's result: the action as the corridor checker sees it, with
// the amount actually received.
type Fill struct {
	// Kind is the order's kind.
	Kind Kind
	// Action carries the integer amounts moved.
	Action corridor.Action
	// Costs is the loss breakdown at the prices given.
	Costs Costs
}

// Venue is a place where orders execute. Implementations for real venues
// return the amounts actually received in Execute.
type Venue interface {
	// ID is the venue's id in the policy.
	ID() string
	// Quote returns what Execute would return now, without changing anything.
	Quote(o Order, p corridor.Prices) (Fill, error)
	// Execute executes the order and returns what it delivered.
	Execute(o Order, p corridor.Prices) (Fill, error)
	// Clone returns an independent copy, for planning.
	Clone() Venue
}

// Model is the set of venues, indexed by policy venue index; custody venues
// are nil (moving value between custody slots is not an order).
type Model struct {
	// Venues is indexed by policy venue index.
	Venues []Venue
}

// Clone returns an independent copy of every venue.
func (m *Model) Clone() *Model {
	out := &Model{Venues: make([]Venue, len(m.Venues))}
	for i, v := range m.Venues {
		if v != nil {
			out.Venues[i] = v.Clone()
		}
	}
	return out
}

func (m *Model) venue(i int) (Venue, error) {
	if i < 0 || i >= len(m.Venues) || m.Venues[i] == nil {
		return nil, fmt.Errorf("venue %d: %w", i, ErrUnsupported)
	}
	return m.Venues[i], nil
}

// Quote asks the order's venue for a quote.
func (m *Model) Quote(o Order, p corridor.Prices) (Fill, error) {
	v, err := m.venue(o.Venue)
	if err != nil {
		return Fill{}, err
	}
	return v.Quote(o, p)
}

// OutputQuoter is implemented by venues that can quote an order's output
// without its cost breakdown, faster than Quote; planners call it often.
type OutputQuoter interface {
	// QuoteOut returns the action Execute would perform now.
	QuoteOut(o Order, p corridor.Prices) (corridor.Action, error)
}

// QuoteOut returns the action the order would perform now, using the venue's
// fast path when it has one.
func (m *Model) QuoteOut(o Order, p corridor.Prices) (corridor.Action, error) {
	v, err := m.venue(o.Venue)
	if err != nil {
		return corridor.Action{}, err
	}
	if q, ok := v.(OutputQuoter); ok {
		return q.QuoteOut(o, p)
	}
	f, err := v.Quote(o, p)
	return f.Action, err
}

// Execute executes the order at its venue.
func (m *Model) Execute(o Order, p corridor.Prices) (Fill, error) {
	v, err := m.venue(o.Venue)
	if err != nil {
		return Fill{}, err
	}
	return v.Execute(o, p)
}

// Lending returns the lending pools of the model, by venue index.
func (m *Model) Lending() map[int]*LendingPool {
	out := map[int]*LendingPool{}
	for i, v := range m.Venues {
		if lp, ok := v.(*LendingPool); ok {
			out[i] = lp
		}
	}
	return out
}

// AMMs returns the AMM venues of the model, by venue index.
func (m *Model) AMMs() map[int]*AMM {
	out := map[int]*AMM{}
	for i, v := range m.Venues {
		if a, ok := v.(*AMM); ok {
			out[i] = a
		}
	}
	return out
}

func action(o Order, out uint64) corridor.Action {
	return corridor.Action{Kind: o.Kind, Venue: o.Venue, AssetIn: o.AssetIn, VenueIn: o.VenueIn, AmountIn: o.AmountIn,
		AssetOut: o.AssetOut, VenueOut: o.VenueOut, AmountOut: out}
}

func valueOf(units uint64, price uint64) *big.Int {
	return new(big.Int).Mul(new(big.Int).SetUint64(units), new(big.Int).SetUint64(price))
}

// ValueIn returns AmountIn × p[AssetIn].
func (f Fill) ValueIn(p corridor.Prices) *big.Int {
	return valueOf(f.Action.AmountIn, p[f.Action.AssetIn])
}

// ValueOut returns AmountOut × p[AssetOut].
func (f Fill) ValueOut(p corridor.Prices) *big.Int {
	return valueOf(f.Action.AmountOut, p[f.Action.AssetOut])
}

func zeroCosts() Costs { return Costs{Fee: new(big.Rat), Impact: new(big.Rat), Spread: new(big.Rat)} }

package execution

import (
	"fmt"
	"math/big"
	"sort"

	"github.com/shopspring/decimal"

	"github.com/zktreasury/zktreasury/treasury"
	"github.com/zktreasury/zktreasury/treasury/corridor"
	"github.com/zktreasury/zktreasury/treasury/fixed"
)

// Default AMM parameters, used for an AMM venue the settings do not describe.
const (
	DefaultFeeBps   = 30
	DefaultDepthUSD = "10000000"
)

// VenueSettings describes how one venue of the policy is modelled.
type VenueSettings struct {
	// FeeBps is an AMM's swap fee.
	FeeBps *uint32 `json:"feeBps,omitempty"`
	// DepthUSD is the value on each side of each of an AMM's pools; the pools
	// pair every asset with the quote asset and are reset to the oracle price
	// at this depth every epoch.
	DepthUSD decimal.Decimal `json:"depthUSD"`
	// APRBps is a lending pool's interest rate per asset symbol; unlisted
	// assets cannot be deposited.
	APRBps map[string]uint32 `json:"aprBps,omitempty"`
}

// NewModel builds the execution model of a policy: an AMM for each "amm"
// venue (pools pairing every other asset with quote), a lending pool for each
// "lending" venue; custody venues need no model. Pools start at prices p.
func NewModel(p *treasury.Policy, settings map[string]VenueSettings, quote int, prices corridor.Prices) (*Model, error) {
	ids := make([]string, 0, len(settings))
	for id := range settings {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		v := p.VenueIndex(id)
		if v < 0 {
			return nil, fmt.Errorf("venue settings: venue %q is not in the policy", id)
		}
	}
	if quote < 0 || quote >= len(p.Assets) {
		return nil, fmt.Errorf("venue settings: quote asset index %d out of range", quote)
	}
	m := &Model{Venues: make([]Venue, len(p.Venues))}
	for v, vp := range p.Venues {
		s, ok := settings[vp.ID]
		switch vp.Kind {
		case "amm":
			if len(s.APRBps) > 0 {
				return nil, fmt.Errorf("venue settings %s: aprBps is for lending venues, %s is an amm", vp.ID, vp.ID)
			}
			fee := uint32(DefaultFeeBps)
			if s.FeeBps != nil {
				fee = *s.FeeBps
			}
			depthUSD := s.DepthUSD
			if !ok || depthUSD.IsZero() {
				depthUSD = decimal.RequireFromString(DefaultDepthUSD)
			}
			depth, err := fixed.Value(depthUSD, p.ValueDecimals, fixed.Down)
			if err != nil {
				return nil, fmt.Errorf("venue settings %s: depthUSD %s: %w", vp.ID, depthUSD, err)
			}
			amm, err := NewAMM(vp.ID, v, fee, depth)
			if err != nil {
				return nil, fmt.Errorf("venue settings: %w", err)
			}
			for a := range p.Assets {
				if a != quote {
					if err := amm.AddPool(a, quote, zero, zero); err != nil {
						return nil, fmt.Errorf("venue settings: %w", err)
					}
				}
			}
			amm.Rebase(prices)
			m.Venues[v] = amm
		case "lending":
			if s.FeeBps != nil || !s.DepthUSD.IsZero() {
				return nil, fmt.Errorf("venue settings %s: feeBps and depthUSD are for amm venues, %s is lending", vp.ID, vp.ID)
			}
			apr := make([]uint32, len(p.Assets))
			for sym, r := range s.APRBps {
				a := p.AssetIndex(sym)
				if a < 0 {
					return nil, fmt.Errorf("venue settings %s: aprBps: unknown asset %q", vp.ID, sym)
				}
				if r > vp.MaxAprBps {
					return nil, fmt.Errorf("venue settings %s: aprBps.%s = %d is above the policy's maxAprBps %d for %s: accruals at that rate would exceed the bound the compliance proof allows",
						vp.ID, sym, r, vp.MaxAprBps, vp.ID)
				}
				apr[a] = r
			}
			m.Venues[v] = NewLendingPool(vp.ID, v, apr)
		default:
			if ok {
				return nil, fmt.Errorf("venue settings %s: a %s venue takes no settings", vp.ID, vp.Kind)
			}
		}
	}
	return m, nil
}

var zero = new(big.Int)

package engine

import (
	"fmt"
	"os"
	"sort"

	"github.com/zktreasury/zktreasury/treasury"
	"github.com/zktreasury/zktreasury/treasury/execution"
	"github.com/zktreasury/zktreasury/treasury/risk"
	"github.com/zktreasury/zktreasury/treasury/strategy"
)

// Config is the engine's configuration file: how to trade inside the policy.
// It is separate from the policy because governance commits to the policy's
// corridors, while the operator tunes the strategy and the venue model
// within them. Unknown fields are errors.
type Config struct {
	// Version of the format; only 1 exists.
	Version int `json:"version"`
	// QuoteAsset is the asset every swap goes through (default: the first
	// allowed stable asset).
	QuoteAsset string `json:"quoteAsset"`
	// CustodyVenue is where swaps draw from and pay into (default: the first
	// custody venue).
	CustodyVenue string `json:"custodyVenue"`
	// Strategy configures rebalancing, volatility targeting and yield routing.
	Strategy strategy.Settings `json:"strategy"`
	// Breakers configures the circuit breakers.
	Breakers risk.BreakerSettings `json:"breakers"`
	// Venues models the policy's AMM and lending venues, by venue id. A
	// lending venue's rates are at most the policy's maxAprBps for it.
	Venues map[string]execution.VenueSettings `json:"venues"`
	// MaxActions is K, the compliance circuit's action slots per epoch (the
	// case's "slots"): the engine plans and claims at most this many actions
	// an epoch. 0 means no limit (such epochs may not fit a circuit).
	MaxActions int `json:"maxActions"`
}

// MaxActionSlots bounds Config.MaxActions.
const MaxActionSlots = 1 << 16

// DefaultConfig returns the configuration used without a file: default
// strategy settings, breakers at 30% drawdown, 300 bps depeg and 3 stale
// days, resuming after 30 quiet days, default venue models.
func DefaultConfig() Config {
	return Config{
		Version:  1,
		Strategy: strategy.Default(),
		Breakers: risk.BreakerSettings{MaxDrawdownBps: 3000, DepegBps: 300, StaleDays: 3, ResumeAfterDays: 30},
		Venues:   map[string]execution.VenueSettings{},
	}
}

// LoadConfig reads a configuration file over the defaults and validates it
// against the policy. Errors are *treasury.InputError naming file, line and field.
func LoadConfig(path string, p *treasury.Policy) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("load engine config %s: %w", path, err)
	}
	return ParseConfig(path, data, p)
}

// ParseConfig is LoadConfig on bytes; name is used in errors.
func ParseConfig(name string, data []byte, p *treasury.Policy) (*Config, error) {
	c := DefaultConfig()
	if err := treasury.DecodeStrictJSON(name, data, &c); err != nil {
		return nil, err
	}
	if err := c.Validate(name, p); err != nil {
		return nil, err
	}
	return &c, nil
}

// Validate checks the configuration against the policy.
func (c *Config) Validate(name string, p *treasury.Policy) error {
	bad := func(field, value, format string, args ...any) error {
		return &treasury.InputError{File: name, Field: field, Value: value, Msg: fmt.Sprintf(format, args...)}
	}
	if c.Version != 1 {
		return bad("version", fmt.Sprint(c.Version), "only version 1 is supported")
	}
	if _, err := c.Quote(p); err != nil {
		return bad("quoteAsset", c.QuoteAsset, "%v", err)
	}
	if _, err := c.Custody(p); err != nil {
		return bad("custodyVenue", c.CustodyVenue, "%v", err)
	}
	if err := c.Strategy.Validate(); err != nil {
		return &treasury.InputError{File: name, Msg: err.Error()}
	}
	if err := c.Breakers.Validate(); err != nil {
		return bad("breakers", "", "%v", err)
	}
	if c.MaxActions < 0 || c.MaxActions > MaxActionSlots {
		return bad("maxActions", fmt.Sprint(c.MaxActions), "must be in [0, %d] (0: no limit)", MaxActionSlots)
	}
	ids := make([]string, 0, len(c.Venues))
	for id := range c.Venues {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		v := p.VenueIndex(id)
		if v < 0 {
			return bad("venues."+id, "", "unknown venue (not in the policy)")
		}
		s := c.Venues[id]
		switch p.Venues[v].Kind {
		case "amm":
			if s.FeeBps != nil && *s.FeeBps >= 10_000 {
				return bad("venues."+id+".feeBps", fmt.Sprint(*s.FeeBps), "must be below 10000")
			}
			if s.DepthUSD.Sign() < 0 {
				return bad("venues."+id+".depthUSD", s.DepthUSD.String(), "must be positive")
			}
			if len(s.APRBps) > 0 {
				return bad("venues."+id+".aprBps", "", "only lending venues take aprBps")
			}
		case "lending":
			if s.FeeBps != nil || !s.DepthUSD.IsZero() {
				return bad("venues."+id, "", "feeBps and depthUSD are for amm venues")
			}
			syms := make([]string, 0, len(s.APRBps))
			for sym := range s.APRBps {
				syms = append(syms, sym)
			}
			sort.Strings(syms)
			for _, sym := range syms {
				if p.AssetIndex(sym) < 0 {
					return bad("venues."+id+".aprBps."+sym, "", "unknown asset (not in the policy)")
				}
				if r, maxApr := s.APRBps[sym], p.Venues[v].MaxAprBps; r > maxApr {
					return bad("venues."+id+".aprBps."+sym, fmt.Sprint(r),
						"above the policy's maxAprBps %d for %s: the compliance proof bounds accruals by that rate", maxApr, id)
				}
			}
		default:
			return bad("venues."+id, "", "a %s venue takes no settings", p.Venues[v].Kind)
		}
	}
	return nil
}

// Quote returns the quote asset's index.
func (c *Config) Quote(p *treasury.Policy) (int, error) {
	if c.QuoteAsset != "" {
		a := p.AssetIndex(c.QuoteAsset)
		if a < 0 {
			return -1, fmt.Errorf("unknown asset (not in the policy)")
		}
		return a, nil
	}
	for a, ap := range p.Assets {
		if ap.Stable && ap.Allowed {
			return a, nil
		}
	}
	return -1, fmt.Errorf("the policy has no allowed stable asset to quote swaps in; set quoteAsset")
}

// Custody returns the custody venue's index.
func (c *Config) Custody(p *treasury.Policy) (int, error) {
	if c.CustodyVenue != "" {
		v := p.VenueIndex(c.CustodyVenue)
		if v < 0 {
			return -1, fmt.Errorf("unknown venue (not in the policy)")
		}
		if p.Venues[v].Kind != "custody" {
			return -1, fmt.Errorf("venue %s is %s, want a custody venue", c.CustodyVenue, p.Venues[v].Kind)
		}
		return v, nil
	}
	for v, vp := range p.Venues {
		if vp.Kind == "custody" {
			return v, nil
		}
	}
	return -1, fmt.Errorf("the policy has no custody venue")
}

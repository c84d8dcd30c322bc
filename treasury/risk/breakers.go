package risk

import (
	"fmt"
	"time"

	"github.com/shopspring/decimal"
)

// BreakerSettings configures the circuit breakers. A zero threshold disables
// its breaker.
type BreakerSettings struct {
	// MaxDrawdownBps trips when NAV falls this far below its running peak.
	MaxDrawdownBps uint32 `json:"maxDrawdownBps"`
	// DepegBps trips when a stablecoin's price is this far from 1 USD.
	DepegBps uint32 `json:"depegBps"`
	// StaleDays trips when an asset's price has not changed for this many
	// consecutive days (a stuck oracle).
	StaleDays int `json:"staleDays"`
	// MaxPriceAgeHours trips when the price snapshot is older than this.
	MaxPriceAgeHours int `json:"maxPriceAgeHours"`
	// ResumeAfterDays lets a halted engine resume after this many consecutive
	// days without a trip; 0 keeps it halted until an operator resets it.
	ResumeAfterDays int `json:"resumeAfterDays"`
}

// Validate checks the settings' ranges.
func (s BreakerSettings) Validate() error {
	switch {
	case s.MaxDrawdownBps > 10_000:
		return fmt.Errorf("maxDrawdownBps %d must be at most 10000", s.MaxDrawdownBps)
	case s.DepegBps > 10_000:
		return fmt.Errorf("depegBps %d must be at most 10000", s.DepegBps)
	case s.StaleDays < 0 || s.MaxPriceAgeHours < 0 || s.ResumeAfterDays < 0:
		return fmt.Errorf("staleDays, maxPriceAgeHours and resumeAfterDays must not be negative")
	}
	return nil
}

// Trip is one breaker that fired.
type Trip struct {
	// Breaker is "drawdown", "depeg", "stale-price" or "price-age".
	Breaker string `json:"breaker"`
	// Asset is the symbol concerned, if any.
	Asset string `json:"asset,omitempty"`
	// Detail says what was measured against what.
	Detail string `json:"detail"`
}

// Observation is what the breakers look at on one day.
type Observation struct {
	// NAV is today's value of the reserves (any unit).
	NAV float64
	// PricesUSD are today's prices, policy order.
	PricesUSD []decimal.Decimal
	// Symbols and Stable describe the assets, policy order.
	Symbols []string
	Stable  []bool
	// UnchangedDays counts, per asset, the consecutive days its price has not
	// changed (0 when it moved today); nil skips the stale-price breaker.
	UnchangedDays []int
	// AsOf is the time of the price snapshot and Now the current time; a zero
	// AsOf skips the price-age breaker.
	AsOf, Now time.Time
}

// Monitor runs the circuit breakers over time. Once a breaker trips the
// monitor is halted: the engine plans only de-risking actions until the
// breakers have been quiet for ResumeAfterDays days (or Reset is called).
type Monitor struct {
	s         BreakerSettings
	peak      float64
	halted    bool
	quietDays int
	// Unsafe marks the assets a breaker named (a depegged or stale stablecoin
	// is exited in de-risking mode), policy order; set while halted.
	Unsafe []bool
}

// NewMonitor returns a monitor that is not halted.
func NewMonitor(s BreakerSettings) *Monitor { return &Monitor{s: s} }

// Halted reports whether the engine is halted.
func (m *Monitor) Halted() bool { return m.halted }

// Reset clears a halt, as an operator would, and restarts the drawdown peak.
func (m *Monitor) Reset() {
	m.halted, m.quietDays, m.peak, m.Unsafe = false, 0, 0, nil
}

// Check evaluates every breaker on one observation without changing state.
func (s BreakerSettings) Check(o Observation, peak float64) []Trip {
	var trips []Trip
	if s.MaxDrawdownBps > 0 && peak > 0 && o.NAV > 0 {
		dd := 1 - o.NAV/peak
		if dd*10_000 >= float64(s.MaxDrawdownBps)-1e-9 { // tolerate float rounding at the limit
			trips = append(trips, Trip{Breaker: "drawdown", Detail: fmt.Sprintf("NAV %.2f%% below its peak, limit %.2f%%", dd*100, float64(s.MaxDrawdownBps)/100)})
		}
	}
	if s.DepegBps > 0 {
		lim := decimal.NewFromInt(int64(s.DepegBps)).Shift(-4)
		for a, px := range o.PricesUSD {
			if a < len(o.Stable) && o.Stable[a] && px.Sub(one).Abs().GreaterThanOrEqual(lim) {
				trips = append(trips, Trip{Breaker: "depeg", Asset: o.Symbols[a], Detail: fmt.Sprintf("price %s USD, limit 1 ± %s", px, lim)})
			}
		}
	}
	if s.StaleDays > 0 {
		for a, n := range o.UnchangedDays {
			if n >= s.StaleDays {
				trips = append(trips, Trip{Breaker: "stale-price", Asset: o.Symbols[a], Detail: fmt.Sprintf("price unchanged for %d days, limit %d", n, s.StaleDays)})
			}
		}
	}
	if s.MaxPriceAgeHours > 0 && !o.AsOf.IsZero() {
		if age := o.Now.Sub(o.AsOf); age > time.Duration(s.MaxPriceAgeHours)*time.Hour {
			trips = append(trips, Trip{Breaker: "price-age", Detail: fmt.Sprintf("prices are %s old, limit %dh", age.Round(time.Minute), s.MaxPriceAgeHours)})
		}
	}
	return trips
}

// Update feeds one day to the monitor and returns the trips of that day. The
// drawdown is measured from the running peak since the last drawdown trip.
func (m *Monitor) Update(o Observation) []Trip {
	if o.NAV > m.peak {
		m.peak = o.NAV
	}
	trips := m.s.Check(o, m.peak)
	if len(trips) > 0 {
		m.halted, m.quietDays = true, 0
		if m.Unsafe == nil {
			m.Unsafe = make([]bool, len(o.Symbols))
		}
		for _, t := range trips {
			if t.Breaker == "drawdown" {
				// The fall is consumed by the halt: a further fall of the same
				// size trips again, a recovery lets the engine resume.
				m.peak = o.NAV
			}
			for a, s := range o.Symbols {
				if t.Asset == s && (t.Breaker == "depeg" || t.Breaker == "stale-price") {
					m.Unsafe[a] = true
				}
			}
		}
		return trips
	}
	if m.halted {
		m.quietDays++
		if m.s.ResumeAfterDays > 0 && m.quietDays >= m.s.ResumeAfterDays {
			m.halted, m.quietDays, m.Unsafe = false, 0, nil
			m.peak = o.NAV // a new drawdown window starts at the resume
		}
	}
	return nil
}

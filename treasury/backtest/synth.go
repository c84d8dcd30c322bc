package backtest

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"time"

	"github.com/zktreasury/zktreasury/treasury"
)

// Scenario describes a synthetic market: daily prices of USDC, DAI, WETH and
// WBTC drawn from correlated geometric Brownian motions (stables from a
// mean-reverting process around 1 USD), with optional shocks. The generator is
// seeded, so a scenario is reproducible bit for bit.
type Scenario struct {
	// Name is the scenario's file stem.
	Name string
	// Seed seeds the generator.
	Seed uint64
	// Start and Days set the calendar.
	Start time.Time
	Days  int
	// VolWETH, VolWBTC are annualized volatilities; DriftWETH, DriftWBTC
	// annualized drifts; Corr the correlation of their daily shocks.
	VolWETH, VolWBTC, DriftWETH, DriftWBTC, Corr float64
	// CrashDay, CrashDays and CrashTotal add a crash: over CrashDays days from
	// CrashDay, volatile prices fall by CrashTotal (0.6 = -60%) in all.
	CrashDay, CrashDays int
	CrashTotal          float64
	// DepegDay, DepegDays and DepegLow depeg DAI: it slides to DepegLow, stays
	// there DepegDays days, then recovers over as many days.
	DepegDay, DepegDays int
	DepegLow            float64
}

// Scenarios are the committed synthetic scenarios of testdata/backtest.
var Scenarios = []Scenario{
	{Name: "calm", Seed: 1, Days: 3 * 365, VolWETH: 0.45, VolWBTC: 0.35, DriftWETH: 0.15, DriftWBTC: 0.12, Corr: 0.7},
	{Name: "crash", Seed: 2, Days: 3 * 365, VolWETH: 0.6, VolWBTC: 0.5, DriftWETH: 0.2, DriftWBTC: 0.15, Corr: 0.75,
		CrashDay: 400, CrashDays: 30, CrashTotal: 0.6},
	{Name: "depeg", Seed: 3, Days: 3 * 365, VolWETH: 0.45, VolWBTC: 0.35, DriftWETH: 0.1, DriftWBTC: 0.1, Corr: 0.7,
		DepegDay: 500, DepegDays: 20, DepegLow: 0.90},
	{Name: "highvol", Seed: 4, Days: 3 * 365, VolWETH: 1.2, VolWBTC: 0.9, DriftWETH: 0.05, DriftWBTC: 0.05, Corr: 0.6},
}

func init() {
	for i := range Scenarios {
		Scenarios[i].Start = time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC)
	}
}

// Generate returns the scenario as a price-series CSV (date,asset,price).
func (s Scenario) Generate() []byte {
	r := rand.New(rand.NewPCG(s.Seed, 0x7a6b7472))
	dt := 1.0 / 365
	eth, btc := 3000.0, 60000.0
	usdc, dai := 1.0, 1.0
	var b bytes.Buffer
	b.WriteString("date,asset,price\n")
	for d := range s.Days {
		if d > 0 {
			z1 := r.NormFloat64()
			z2 := s.Corr*z1 + math.Sqrt(1-s.Corr*s.Corr)*r.NormFloat64()
			eth *= math.Exp((s.DriftWETH-s.VolWETH*s.VolWETH/2)*dt + s.VolWETH*math.Sqrt(dt)*z1)
			btc *= math.Exp((s.DriftWBTC-s.VolWBTC*s.VolWBTC/2)*dt + s.VolWBTC*math.Sqrt(dt)*z2)
			if s.CrashDays > 0 && d >= s.CrashDay && d < s.CrashDay+s.CrashDays {
				step := math.Pow(1-s.CrashTotal, 1/float64(s.CrashDays))
				eth *= step
				btc *= step
			}
			usdc = 1 + 0.8*(usdc-1) + 0.0003*r.NormFloat64()
			dai = 1 + 0.8*(dai-1) + 0.0004*r.NormFloat64()
		}
		daiPx := dai
		if s.DepegDays > 0 && d >= s.DepegDay {
			k := d - s.DepegDay
			switch {
			case k < 5: // slide
				daiPx = 1 - (1-s.DepegLow)*float64(k+1)/5 + 0.001*r.NormFloat64()
			case k < 5+s.DepegDays: // hold
				daiPx = s.DepegLow + 0.003*r.NormFloat64()
			case k < 5+2*s.DepegDays: // recover
				f := float64(k-5-s.DepegDays+1) / float64(s.DepegDays)
				daiPx = s.DepegLow + (1-s.DepegLow)*f + 0.001*r.NormFloat64()
			}
		}
		date := s.Start.AddDate(0, 0, d).Format(treasury.DateLayout)
		fmt.Fprintf(&b, "%s,USDC,%.6f\n%s,DAI,%.6f\n%s,WETH,%.2f\n%s,WBTC,%.2f\n", date, usdc, date, daiPx, date, eth, date, btc)
	}
	return b.Bytes()
}

// Package backtest replays the engine over a daily price history: day 0 is the
// starting state and every later day ends an epoch of 86400 s numbered from 1
// (interest, breakers, strategy, plan within the action slots, execution on
// the venue model, corridor check), and the result is compared with buying and
// holding the starting reserves. The treasury has no inflows or outflows here:
// the history moves prices only. It reports NAV, returns, volatility, drawdowns,
// turnover, rebalances and corridor violations (there must be none), as JSON
// and as a self-contained HTML report with charts.
package backtest

import (
	"fmt"
	"math"
	"math/big"

	"github.com/shopspring/decimal"
	"gonum.org/v1/gonum/stat"

	"github.com/zktreasury/zktreasury/treasury"
	"github.com/zktreasury/zktreasury/treasury/actionlog"
	"github.com/zktreasury/zktreasury/treasury/corridor"
	"github.com/zktreasury/zktreasury/treasury/engine"
	"github.com/zktreasury/zktreasury/treasury/execution"
	"github.com/zktreasury/zktreasury/treasury/risk"
	"github.com/zktreasury/zktreasury/treasury/strategy"
)

// Options configure one backtest.
type Options struct {
	// Name labels the result.
	Name string
	// Policy and Config drive the engine.
	Policy *treasury.Policy
	Config *engine.Config
	// Series is the price history; day 0 is the start.
	Series *treasury.PriceSeries
	// Initial are the starting positions; nil allocates InitialUSD at the
	// strategic weights, in custody, at day-0 prices.
	Initial    *treasury.Positions
	InitialUSD decimal.Decimal
	// Log, when set, receives every epoch's action log.
	Log *actionlog.Dir
	// Progress, when set, is called every 250 days.
	Progress func(day, days int)
}

// Stats summarize one NAV series.
type Stats struct {
	// StartNAV and FinalNAV are in USD.
	StartNAV float64 `json:"startNAV"`
	FinalNAV float64 `json:"finalNAV"`
	// TotalReturn and CAGR are fractions.
	TotalReturn float64 `json:"totalReturn"`
	CAGR        float64 `json:"cagr"`
	// AnnualVol is the annualized standard deviation of daily returns.
	AnnualVol float64 `json:"annualVol"`
	// Sharpe is the annualized mean daily return over AnnualVol (risk-free 0).
	Sharpe float64 `json:"sharpe"`
	// MaxDrawdown is the largest peak-to-trough fall, a fraction.
	MaxDrawdown float64 `json:"maxDrawdown"`
	// VaR95 and CVaR95 are the historical one-day VaR and CVaR at 95%.
	VaR95  float64 `json:"var95"`
	CVaR95 float64 `json:"cvar95"`
}

// Series are the daily paths, for charts.
type Series struct {
	// Dates are YYYY-MM-DD.
	Dates []string `json:"dates"`
	// NAV and BuyAndHold are in USD.
	NAV        []float64 `json:"nav"`
	BuyAndHold []float64 `json:"buyAndHold"`
	// Drawdown and BuyAndHoldDrawdown are falls from the running peak.
	Drawdown           []float64 `json:"drawdown"`
	BuyAndHoldDrawdown []float64 `json:"buyAndHoldDrawdown"`
	// Weights are each asset's share of NAV, by symbol, policy order in Assets.
	Assets  []string    `json:"assets"`
	Weights [][]float64 `json:"weights"`
	// Halted marks the days the engine was halted by a breaker.
	Halted []bool `json:"halted"`
}

// Result is a backtest's outcome.
type Result struct {
	// Name, Start, End and Days describe the run.
	Name  string `json:"name"`
	Start string `json:"start"`
	End   string `json:"end"`
	Days  int    `json:"days"`
	// Strategy and BuyAndHold summarize the two NAV paths.
	Strategy   Stats `json:"strategy"`
	BuyAndHold Stats `json:"buyAndHold"`
	// TurnoverUSD is Σ value in of every action; LossUSD Σ losses versus the
	// oracle (fees, impact, spread); InterestUSD the interest credited.
	TurnoverUSD decimal.Decimal `json:"turnoverUSD"`
	LossUSD     decimal.Decimal `json:"lossUSD"`
	InterestUSD decimal.Decimal `json:"interestUSD"`
	// Rebalances counts epochs with at least one swap; Actions every action.
	Rebalances int `json:"rebalances"`
	Actions    int `json:"actions"`
	// Epochs counts the epochs run (day 0 is the start, not an epoch);
	// MaxEpochActions is the most actions in one epoch, at most the engine's
	// action slots (MaxActions, 0: no limit).
	Epochs          int `json:"epochs"`
	MaxEpochActions int `json:"maxEpochActions"`
	MaxActions      int `json:"maxActions"`
	// Violations counts epochs the corridor checker rejected (must be 0);
	// ViolationDetails says which.
	Violations       int      `json:"violations"`
	ViolationDetails []string `json:"violationDetails"`
	// Halts counts circuit-breaker halts; HaltedDays the days spent halted;
	// Trips lists the first trip of each halt.
	Halts      int         `json:"halts"`
	HaltedDays int         `json:"haltedDays"`
	Trips      []DatedTrip `json:"trips"`
	// Shortfalls counts plan shortfalls (targets a plan could not reach).
	Shortfalls int `json:"shortfalls"`
	// Series are the daily paths.
	Series Series `json:"series"`
}

// DatedTrip is a breaker trip with its date.
type DatedTrip struct {
	// Date is YYYY-MM-DD.
	Date string `json:"date"`
	risk.Trip
}

// Run runs the backtest.
func Run(o Options) (*Result, error) {
	p, s := o.Policy, o.Series
	if s == nil || s.Len() < 2 {
		return nil, fmt.Errorf("backtest: need at least two days of prices")
	}
	nA, nV := len(p.Assets), len(p.Venues)
	prices := make([]corridor.Prices, s.Len())
	pxf := make([][]float64, s.Len())
	for d := range s.Len() {
		cp, err := corridor.PricesFromSnapshot(p, s.Snapshot(d))
		if err != nil {
			return nil, fmt.Errorf("backtest: %s: %w", s.Dates[d].Format(treasury.DateLayout), err)
		}
		prices[d] = cp
		pxf[d] = make([]float64, nA)
		for a := range nA {
			pxf[d][a] = s.USD[d][a].InexactFloat64()
		}
	}
	var s0 corridor.State
	if o.Initial != nil {
		st, err := corridor.StateFromPositions(p, o.Initial)
		if err != nil {
			return nil, fmt.Errorf("backtest: initial positions: %w", err)
		}
		s0 = st
	} else {
		st, err := allocate(p, o.Config, o.InitialUSD, s.Snapshot(0))
		if err != nil {
			return nil, fmt.Errorf("backtest: %w", err)
		}
		s0 = st
	}
	eng, err := engine.New(p, o.Config, s0, prices[0])
	if err != nil {
		return nil, fmt.Errorf("backtest: %w", err)
	}
	eng.Log = o.Log
	res0MaxActions := eng.MaxActions
	scale := make([]float64, nA) // 10^-circuitDecimals
	for a, ap := range p.Assets {
		scale[a] = math.Pow10(-int(ap.CircuitDecimals))
	}
	nav := func(st corridor.State, d int) float64 {
		var t float64
		for a := range nA {
			var u float64
			for v := range nV {
				u += float64(st.X[a][v])
			}
			t += u * scale[a] * pxf[d][a]
		}
		return t
	}
	res := &Result{Name: o.Name, Start: s.Dates[0].Format(treasury.DateLayout), End: s.Dates[s.Len()-1].Format(treasury.DateLayout), Days: s.Len(),
		ViolationDetails: []string{}, Trips: []DatedTrip{}, MaxActions: res0MaxActions}
	ser := &res.Series
	ser.Assets = p.Symbols()
	ser.Weights = make([][]float64, nA)
	turnover, loss, interest := new(big.Int), new(big.Int), new(big.Int)
	unchanged := make([]int, nA)
	stable := make([]bool, nA)
	for a, ap := range p.Assets {
		stable[a] = ap.Stable
	}
	symbols := p.Symbols()
	rets := make([]float64, nA)
	for d := range s.Len() {
		date := s.Dates[d].Format(treasury.DateLayout)
		var secs uint64
		if d > 0 {
			secs = 86400
			for a := range nA {
				rets[a] = math.Log(pxf[d][a] / pxf[d-1][a])
				if s.USD[d][a].Equal(s.USD[d-1][a]) {
					unchanged[a]++
				} else {
					unchanged[a] = 0
				}
			}
			eng.ObserveReturns(rets)
		}
		wasHalted := eng.Monitor.Halted()
		obs := &risk.Observation{NAV: nav(eng.State, d), PricesUSD: s.USD[d], Symbols: symbols, Stable: stable,
			UnchangedDays: append([]int(nil), unchanged...)}
		er, err := eng.RunEpoch(engine.EpochInput{Day: d, Date: date, Prices: prices[d], Seconds: secs, Observation: obs})
		if err != nil {
			return nil, fmt.Errorf("backtest: %s: %w", date, err)
		}
		if er.Violation != nil {
			res.Violations++
			res.ViolationDetails = append(res.ViolationDetails, date+": "+er.Violation.Error())
		}
		if !wasHalted && eng.Monitor.Halted() && len(er.Trips) > 0 {
			res.Halts++
			res.Trips = append(res.Trips, DatedTrip{Date: date, Trip: er.Trips[0]})
		}
		if er.Decision.Halted {
			res.HaltedDays++
		}
		if er.Plan != nil {
			res.Shortfalls += len(er.Plan.Shortfalls)
		}
		swapped := false
		for _, f := range er.Executed {
			if f.Kind == execution.Swap {
				swapped = true
			}
		}
		if swapped {
			res.Rebalances++
		}
		if er.Refused != nil {
			return nil, fmt.Errorf("backtest: %s: %w", date, er.Refused)
		}
		if er.Epoch > 0 {
			res.Epochs++
		}
		res.Actions += len(er.Actions)
		res.MaxEpochActions = max(res.MaxEpochActions, len(er.Actions))
		if er.Epoch > 0 {
			turnover.Add(turnover, er.Summary.Turnover)
			loss.Add(loss, er.Summary.Loss)
		}
		for _, a := range er.Accruals {
			interest.Add(interest, new(big.Int).Mul(new(big.Int).SetUint64(a.AmountOut), new(big.Int).SetUint64(prices[d][a.AssetOut])))
		}
		n := nav(eng.State, d)
		ser.Dates = append(ser.Dates, date)
		ser.NAV = append(ser.NAV, n)
		ser.BuyAndHold = append(ser.BuyAndHold, nav(s0, d))
		ser.Halted = append(ser.Halted, er.Decision.Halted)
		for a := range nA {
			var u float64
			for v := range nV {
				u += float64(eng.State.X[a][v])
			}
			w := 0.0
			if n > 0 {
				w = u * scale[a] * pxf[d][a] / n
			}
			ser.Weights[a] = append(ser.Weights[a], w)
		}
		if o.Progress != nil && d%250 == 0 {
			o.Progress(d, s.Len())
		}
	}
	ser.Drawdown = risk.DrawdownSeries(ser.NAV)
	ser.BuyAndHoldDrawdown = risk.DrawdownSeries(ser.BuyAndHold)
	res.Strategy = stats(ser.NAV)
	res.BuyAndHold = stats(ser.BuyAndHold)
	res.TurnoverUSD = decimal.NewFromBigInt(turnover, -p.ValueDecimals)
	res.LossUSD = decimal.NewFromBigInt(loss, -p.ValueDecimals)
	res.InterestUSD = decimal.NewFromBigInt(interest, -p.ValueDecimals)
	return res, nil
}

// allocate spends usd at the strategic weights, all in custody.
func allocate(p *treasury.Policy, c *engine.Config, usd decimal.Decimal, pr *treasury.Prices) (corridor.State, error) {
	if usd.Sign() <= 0 {
		return corridor.State{}, fmt.Errorf("initial USD %s must be positive (or give initial positions)", usd)
	}
	custody, err := c.Custody(p)
	if err != nil {
		return corridor.State{}, err
	}
	pos := treasury.NewPositions(p)
	for a := range pos.Amount {
		for v := range pos.Amount[a] {
			pos.Amount[a][v] = decimal.Zero
		}
	}
	for a, w := range strategy.StrategicWeights(p) {
		amt := usd.Mul(decimal.NewFromInt(w)).Div(decimal.NewFromInt(10_000)).Div(pr.USD[a])
		pos.Amount[a][custody] = amt.Truncate(p.Assets[a].CircuitDecimals)
	}
	st, err := corridor.StateFromPositions(p, pos)
	if err != nil {
		return corridor.State{}, fmt.Errorf("initial allocation: %w", err)
	}
	return st, nil
}

func stats(nav []float64) Stats {
	s := Stats{StartNAV: nav[0], FinalNAV: nav[len(nav)-1]}
	if s.StartNAV <= 0 {
		return s
	}
	s.TotalReturn = s.FinalNAV/s.StartNAV - 1
	years := float64(len(nav)-1) / risk.DaysPerYear
	if years > 0 && s.FinalNAV > 0 {
		s.CAGR = math.Pow(s.FinalNAV/s.StartNAV, 1/years) - 1
	}
	r := risk.Returns(nav)
	mean, sd := stat.MeanStdDev(r, nil)
	if len(r) > 1 {
		s.AnnualVol = sd * math.Sqrt(risk.DaysPerYear)
	}
	if s.AnnualVol > 0 {
		s.Sharpe = mean * risk.DaysPerYear / s.AnnualVol
	}
	s.MaxDrawdown = risk.MaxDrawdown(nav).Max
	if v, err := risk.HistoricalVaR(r, 0.95); err == nil {
		s.VaR95, s.CVaR95 = v.VaR, v.CVaR
	}
	return s
}

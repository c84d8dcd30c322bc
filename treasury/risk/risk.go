// Package risk measures the treasury's risk: EWMA volatility, historical and
// parametric value at risk and expected shortfall, drawdowns, stress
// scenarios and runway, and the circuit breakers that halt the engine.
//
// Statistics are never proven, so they use float64 (gonum); money that an
// operator reads (stress losses, runway) stays decimal.
package risk

import (
	"errors"
	"fmt"
	"math"
	"sort"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/stat/distuv"
)

// DaysPerYear annualizes daily statistics; crypto markets trade every day.
const DaysPerYear = 365

// DefaultLambda is RiskMetrics' decay factor for daily EWMA volatility.
const DefaultLambda = 0.94

// ErrTooFewReturns is returned when a statistic needs more observations than
// it was given.
var ErrTooFewReturns = errors.New("too few returns")

// Returns converts a price or NAV series into simple daily returns.
func Returns(series []float64) []float64 {
	if len(series) < 2 {
		return nil
	}
	out := make([]float64, len(series)-1)
	for i := 1; i < len(series); i++ {
		out[i-1] = series[i]/series[i-1] - 1
	}
	return out
}

// LogReturns converts a price series into daily log returns.
func LogReturns(series []float64) []float64 {
	if len(series) < 2 {
		return nil
	}
	out := make([]float64, len(series)-1)
	for i := 1; i < len(series); i++ {
		out[i-1] = math.Log(series[i] / series[i-1])
	}
	return out
}

// EWMA is an exponentially weighted moving variance, updated one return at a
// time: σ²_t = λ·σ²_{t-1} + (1-λ)·r²_t, seeded with the first squared return.
type EWMA struct {
	// Lambda is the decay factor in (0, 1).
	Lambda float64
	v      float64
	n      int
}

// Update adds one return.
func (e *EWMA) Update(r float64) {
	if e.n == 0 {
		e.v = r * r
	} else {
		e.v = e.Lambda*e.v + (1-e.Lambda)*r*r
	}
	e.n++
}

// Daily returns the daily volatility forecast.
func (e *EWMA) Daily() float64 { return math.Sqrt(e.v) }

// Annual returns the annualized volatility forecast.
func (e *EWMA) Annual() float64 { return e.Daily() * math.Sqrt(DaysPerYear) }

// N returns the number of returns seen.
func (e *EWMA) N() int { return e.n }

// EWMAVolatility returns the annualized EWMA volatility of a return series.
func EWMAVolatility(returns []float64, lambda float64) (float64, error) {
	if len(returns) == 0 {
		return 0, fmt.Errorf("ewma volatility: %w", ErrTooFewReturns)
	}
	if lambda <= 0 || lambda >= 1 {
		return 0, fmt.Errorf("ewma volatility: lambda %v must be in (0, 1)", lambda)
	}
	e := EWMA{Lambda: lambda}
	for _, r := range returns {
		e.Update(r)
	}
	return e.Annual(), nil
}

// EWMACov is an exponentially weighted covariance matrix of daily returns
// (RiskMetrics), updated one day at a time.
type EWMACov struct {
	lambda float64
	cov    *mat.SymDense
	n      int
}

// NewEWMACov returns an empty estimator for n assets.
func NewEWMACov(n int, lambda float64) *EWMACov {
	return &EWMACov{lambda: lambda, cov: mat.NewSymDense(n, nil)}
}

// Update adds one day of returns, one per asset.
func (c *EWMACov) Update(r []float64) {
	n := c.cov.SymmetricDim()
	for i := range n {
		for j := i; j < n; j++ {
			x := r[i] * r[j]
			if c.n > 0 {
				x = c.lambda*c.cov.At(i, j) + (1-c.lambda)*x
			}
			c.cov.SetSym(i, j, x)
		}
	}
	c.n++
}

// N returns the number of days seen.
func (c *EWMACov) N() int { return c.n }

// PortfolioVol returns the annualized volatility of a portfolio with the given
// weights (fractions summing to 1): sqrt(wᵀΣw·365).
func (c *EWMACov) PortfolioVol(w []float64) float64 {
	v := mat.NewVecDense(len(w), append([]float64(nil), w...))
	q := mat.Inner(v, c.cov, v)
	if q < 0 {
		q = 0
	}
	return math.Sqrt(q * DaysPerYear)
}

// AssetVol returns the annualized volatility of asset i.
func (c *EWMACov) AssetVol(i int) float64 { return math.Sqrt(c.cov.At(i, i) * DaysPerYear) }

// VaR is a one-day value at risk and expected shortfall (CVaR) at one
// confidence level, as positive fractions of the portfolio's value.
type VaR struct {
	// Level is the confidence level, e.g. 0.95.
	Level float64 `json:"level"`
	// VaR is the loss not exceeded with probability Level.
	VaR float64 `json:"var"`
	// CVaR is the mean loss beyond VaR.
	CVaR float64 `json:"cvar"`
}

// HistoricalVaR returns VaR and CVaR from the empirical distribution of
// returns: VaR is the Level quantile of losses, CVaR the mean of the losses at
// or beyond it.
func HistoricalVaR(returns []float64, level float64) (VaR, error) {
	if len(returns) < 20 {
		return VaR{}, fmt.Errorf("historical var: %d returns, need at least 20: %w", len(returns), ErrTooFewReturns)
	}
	if level <= 0 || level >= 1 {
		return VaR{}, fmt.Errorf("historical var: level %v must be in (0, 1)", level)
	}
	losses := make([]float64, len(returns))
	for i, r := range returns {
		losses[i] = -r
	}
	sort.Float64s(losses)
	v := stat.Quantile(level, stat.Empirical, losses, nil)
	var sum float64
	var n int
	for _, l := range losses {
		if l >= v {
			sum += l
			n++
		}
	}
	return VaR{Level: level, VaR: v, CVaR: sum / float64(n)}, nil
}

// ParametricVaR returns VaR and CVaR of a normal distribution fitted to the
// returns (mean μ, standard deviation σ): VaR = -(μ - σ·z), CVaR =
// -μ + σ·φ(z)/(1-Level), z the Level quantile of the standard normal.
func ParametricVaR(returns []float64, level float64) (VaR, error) {
	if len(returns) < 2 {
		return VaR{}, fmt.Errorf("parametric var: %w", ErrTooFewReturns)
	}
	if level <= 0 || level >= 1 {
		return VaR{}, fmt.Errorf("parametric var: level %v must be in (0, 1)", level)
	}
	mu, sigma := stat.MeanStdDev(returns, nil)
	return normalVaR(mu, sigma, level), nil
}

// EWMAParametricVaR is ParametricVaR with a zero mean and the EWMA volatility
// forecast, so it reacts to the latest market regime.
func EWMAParametricVaR(returns []float64, lambda, level float64) (VaR, error) {
	if len(returns) == 0 {
		return VaR{}, fmt.Errorf("ewma var: %w", ErrTooFewReturns)
	}
	e := EWMA{Lambda: lambda}
	for _, r := range returns {
		e.Update(r)
	}
	return normalVaR(0, e.Daily(), level), nil
}

func normalVaR(mu, sigma, level float64) VaR {
	z := distuv.UnitNormal.Quantile(level)
	return VaR{Level: level, VaR: -mu + sigma*z, CVaR: -mu + sigma*distuv.UnitNormal.Prob(z)/(1-level)}
}

// Drawdown describes the largest peak-to-trough fall of a series.
type Drawdown struct {
	// Max is the largest fall from a running peak, as a positive fraction.
	Max float64 `json:"max"`
	// Peak and Trough are the indices of that fall.
	Peak   int `json:"peak"`
	Trough int `json:"trough"`
}

// MaxDrawdown returns the largest peak-to-trough fall of a value series.
func MaxDrawdown(series []float64) Drawdown {
	var d Drawdown
	peak, peakAt := math.Inf(-1), 0
	for i, v := range series {
		if v > peak {
			peak, peakAt = v, i
		}
		if peak > 0 {
			if dd := 1 - v/peak; dd > d.Max {
				d = Drawdown{Max: dd, Peak: peakAt, Trough: i}
			}
		}
	}
	return d
}

// DrawdownSeries returns, for each point, the fall from the running peak.
func DrawdownSeries(series []float64) []float64 {
	out := make([]float64, len(series))
	peak := math.Inf(-1)
	for i, v := range series {
		peak = math.Max(peak, v)
		if peak > 0 {
			out[i] = 1 - v/peak
		}
	}
	return out
}

package backtest

import (
	"bytes"
	"fmt"
	"html/template"
	"time"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/plotutil"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgsvg"

	"github.com/zktreasury/zktreasury/treasury"
)

// line is one named series of a chart.
type line struct {
	name string
	ys   []float64
}

// chart draws a time-series line chart with gonum/plot and returns it as SVG
// (fonts referenced, not embedded, to keep the report small).
func chart(title, ylabel string, dates []string, lines []line) ([]byte, error) {
	p, err := newChart(title, ylabel, dates, lines)
	if err != nil {
		return nil, err
	}
	c := vgsvg.NewWith(vgsvg.UseWH(20*vg.Centimeter, 9*vg.Centimeter), vgsvg.EmbedFonts(false))
	p.Draw(draw.New(c))
	var buf bytes.Buffer
	if _, err := c.WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("chart %s: %w", title, err)
	}
	svg := buf.Bytes()
	if i := bytes.Index(svg, []byte("<svg")); i > 0 {
		svg = svg[i:] // drop the XML prolog: the SVG is inlined in HTML
	}
	return svg, nil
}

// newChart builds the plot of a chart.
func newChart(title, ylabel string, dates []string, lines []line) (*plot.Plot, error) {
	p := plot.New()
	p.Title.Text = title
	p.Y.Label.Text = ylabel
	p.X.Tick.Marker = plot.TimeTicks{Format: "2006-01"}
	p.Legend.Top = true
	p.Add(plotter.NewGrid())
	xs := make([]float64, len(dates))
	for i, d := range dates {
		t, err := time.Parse(treasury.DateLayout, d)
		if err != nil {
			return nil, fmt.Errorf("chart %s: date %q: %w", title, d, err)
		}
		xs[i] = float64(t.Unix())
	}
	for i, l := range lines {
		pts := make(plotter.XYs, len(l.ys))
		for j, y := range l.ys {
			pts[j] = plotter.XY{X: xs[j], Y: y}
		}
		ln, err := plotter.NewLine(pts)
		if err != nil {
			return nil, fmt.Errorf("chart %s: %w", title, err)
		}
		ln.Color = plotutil.Color(i)
		ln.Width = vg.Points(1.2)
		p.Add(ln)
		p.Legend.Add(l.name, ln)
	}
	return p, nil
}

var reportTmpl = template.Must(template.New("report").Funcs(template.FuncMap{
	"pct":  func(x float64) string { return fmt.Sprintf("%.2f%%", x*100) },
	"usd":  func(x float64) string { return fmt.Sprintf("%.0f", x) },
	"num2": func(x float64) string { return fmt.Sprintf("%.2f", x) },
}).Parse(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>zktreasury backtest: {{.R.Name}}</title>
<style>
body{font-family:system-ui,sans-serif;margin:2em auto;max-width:62em;color:#222}
table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.3em .7em;text-align:right}
th:first-child,td:first-child{text-align:left}.bad{color:#b00;font-weight:bold}.ok{color:#070}
figure{margin:1.5em 0}svg{max-width:100%;height:auto}
</style></head><body>
<h1>Backtest: {{.R.Name}}</h1>
<p>{{.R.Start}} to {{.R.End}}, {{.R.Days}} daily epochs.
Corridor violations: {{if eq .R.Violations 0}}<span class="ok">0</span>{{else}}<span class="bad">{{.R.Violations}}</span>{{end}}.
Rebalances: {{.R.Rebalances}}. Actions: {{.R.Actions}}. Halts: {{.R.Halts}} ({{.R.HaltedDays}} days halted).</p>
<table>
<tr><th></th><th>Strategy</th><th>Buy and hold</th></tr>
<tr><td>Start NAV (USD)</td><td>{{usd .R.Strategy.StartNAV}}</td><td>{{usd .R.BuyAndHold.StartNAV}}</td></tr>
<tr><td>Final NAV (USD)</td><td>{{usd .R.Strategy.FinalNAV}}</td><td>{{usd .R.BuyAndHold.FinalNAV}}</td></tr>
<tr><td>Total return</td><td>{{pct .R.Strategy.TotalReturn}}</td><td>{{pct .R.BuyAndHold.TotalReturn}}</td></tr>
<tr><td>CAGR</td><td>{{pct .R.Strategy.CAGR}}</td><td>{{pct .R.BuyAndHold.CAGR}}</td></tr>
<tr><td>Annual volatility</td><td>{{pct .R.Strategy.AnnualVol}}</td><td>{{pct .R.BuyAndHold.AnnualVol}}</td></tr>
<tr><td>Sharpe (rf = 0)</td><td>{{num2 .R.Strategy.Sharpe}}</td><td>{{num2 .R.BuyAndHold.Sharpe}}</td></tr>
<tr><td>Maximum drawdown</td><td>{{pct .R.Strategy.MaxDrawdown}}</td><td>{{pct .R.BuyAndHold.MaxDrawdown}}</td></tr>
<tr><td>1-day VaR 95% (historical)</td><td>{{pct .R.Strategy.VaR95}}</td><td>{{pct .R.BuyAndHold.VaR95}}</td></tr>
<tr><td>1-day CVaR 95% (historical)</td><td>{{pct .R.Strategy.CVaR95}}</td><td>{{pct .R.BuyAndHold.CVaR95}}</td></tr>
</table>
<p>Turnover {{.R.TurnoverUSD.StringFixed 0}} USD; fees, impact and spread {{.R.LossUSD.StringFixed 0}} USD; interest earned {{.R.InterestUSD.StringFixed 0}} USD.</p>
{{if .R.Trips}}<h2>Circuit breakers</h2><ul>{{range .R.Trips}}<li>{{.Date}}: {{.Breaker}} {{.Asset}}: {{.Detail}}</li>{{end}}</ul>{{end}}
{{if .R.ViolationDetails}}<h2 class="bad">Violations</h2><ul>{{range .R.ViolationDetails}}<li>{{.}}</li>{{end}}</ul>{{end}}
<figure>{{.NAV}}</figure>
<figure>{{.Weights}}</figure>
<figure>{{.Drawdown}}</figure>
</body></html>
`))

// HTML renders the self-contained report: summary tables and inline SVG
// charts of NAV, weights and drawdown.
func (r *Result) HTML() ([]byte, error) {
	s := r.Series
	navSVG, err := chart("NAV", "USD", s.Dates, []line{{"strategy", s.NAV}, {"buy and hold", s.BuyAndHold}})
	if err != nil {
		return nil, err
	}
	var ws []line
	for a, sym := range s.Assets {
		ws = append(ws, line{sym, s.Weights[a]})
	}
	wSVG, err := chart("Weights", "share of NAV", s.Dates, ws)
	if err != nil {
		return nil, err
	}
	neg := func(x []float64) []float64 {
		out := make([]float64, len(x))
		for i, v := range x {
			out[i] = -v
		}
		return out
	}
	ddSVG, err := chart("Drawdown", "fall from peak", s.Dates, []line{{"strategy", neg(s.Drawdown)}, {"buy and hold", neg(s.BuyAndHoldDrawdown)}})
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	err = reportTmpl.Execute(&buf, struct {
		R                      *Result
		NAV, Weights, Drawdown template.HTML
	}{r, template.HTML(navSVG), template.HTML(wSVG), template.HTML(ddSVG)}) // #nosec: SVG produced by gonum/plot from numbers
	if err != nil {
		return nil, fmt.Errorf("render report: %w", err)
	}
	return buf.Bytes(), nil
}

package engine

import (
	"errors"
	"path/filepath"
	"testing"

	"github.com/zktreasury/zktreasury/treasury"
	"github.com/zktreasury/zktreasury/treasury/actionlog"
	"github.com/zktreasury/zktreasury/treasury/corridor"
	"github.com/zktreasury/zktreasury/treasury/execution"
)

const dir = "../../testdata/engine/"

func fixture(t testing.TB) (*treasury.Policy, *Config, corridor.State, corridor.Prices) {
	t.Helper()
	p, err := treasury.LoadPolicy(dir + "policy.json")
	if err != nil {
		t.Fatal(err)
	}
	c, err := LoadConfig(dir+"engine.json", p)
	if err != nil {
		t.Fatal(err)
	}
	pos, err := treasury.LoadPositions(dir+"positions.csv", p)
	if err != nil {
		t.Fatal(err)
	}
	pr, err := treasury.LoadPrices(dir+"prices.csv", p)
	if err != nil {
		t.Fatal(err)
	}
	s, err := corridor.StateFromPositions(p, pos)
	if err != nil {
		t.Fatal(err)
	}
	cp, err := corridor.PricesFromSnapshot(p, pr)
	if err != nil {
		t.Fatal(err)
	}
	return p, c, s, cp
}

func TestPlanFixture(t *testing.T) {
	p, c, s, cp := fixture(t)
	e, err := New(p, c, s, cp)
	if err != nil {
		t.Fatal(err)
	}
	d, pl, err := e.Plan(EpochInput{Prices: cp})
	if err != nil {
		t.Fatal(err)
	}
	if !d.Rebalance {
		t.Fatalf("WETH starts above its band, yet no trigger: %+v", d)
	}
	if len(pl.Steps) == 0 {
		t.Fatal("empty plan")
	}
	for _, sh := range pl.Shortfalls {
		t.Logf("shortfall: %s", sh)
	}
	weth := p.AssetIndex("WETH")
	if w := pl.Summary.EndWeightsBps[weth]; w > uint64(p.Assets[weth].WeightMaxBps) {
		t.Fatalf("WETH ends at %d bps, above its band", w)
	}
	if _, err := corridor.CheckEpoch(e.Limits, s, cp, pl.Actions()); err != nil {
		t.Fatalf("plan fails the checker: %v", err)
	}
	// Planning does not touch the engine's state or model.
	if !e.State.Equal(s) {
		t.Fatal("Plan changed the engine state")
	}
	for i, st := range pl.Steps {
		t.Logf("step %d: %s %+v", i, st.Kind, st.Action)
	}
}

func TestRunEpochLogsAndChecks(t *testing.T) {
	p, c, s, cp := fixture(t)
	e, err := New(p, c, s, cp)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "actions.jsonl")
	if e.Log, err = actionlog.Open(path); err != nil {
		t.Fatal(err)
	}
	res, err := e.RunEpoch(EpochInput{Day: 0, Date: "2024-01-01", Prices: cp, Seconds: 86400})
	if err != nil {
		t.Fatal(err)
	}
	if res.Violation != nil {
		t.Fatalf("executed epoch violates: %v", res.Violation)
	}
	if len(res.Accruals) == 0 {
		t.Fatal("a day of interest on 8M of stablecoins accrued nothing")
	}
	if err := e.Log.Close(); err != nil {
		t.Fatal(err)
	}
	entries, err := actionlog.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != len(res.Accruals)+len(res.Executed) {
		t.Fatalf("log has %d entries, epoch executed %d", len(entries), len(res.Accruals)+len(res.Executed))
	}
	acts := make([]corridor.Action, len(entries))
	for i := range entries {
		acts[i] = entries[i].Action()
	}
	if _, err := corridor.CheckEpoch(e.Limits, s, cp, acts); err != nil {
		t.Fatalf("logged actions fail the checker: %v", err)
	}
	if !e.State.Equal(res.Summary.Final) || e.Epoch != 1 {
		t.Fatal("engine state not advanced")
	}
	if res.Executed[0].Kind != execution.Withdraw && res.Executed[0].Kind != execution.Swap {
		t.Fatalf("first executed %s", res.Executed[0].Kind)
	}
}

func TestPausedPlanIsEmptyAndSaysWhy(t *testing.T) {
	p, c, s, cp := fixture(t)
	p.Paused = true
	e, err := New(p, c, s, cp)
	if err != nil {
		t.Fatal(err)
	}
	_, pl, err := e.Plan(EpochInput{Prices: cp})
	if err != nil {
		t.Fatal(err)
	}
	if len(pl.Steps) != 0 || pl.Complete() || !errors.Is(pl.Shortfalls[0].Err, corridor.ErrPaused) {
		t.Fatalf("paused plan: %d steps, shortfalls %+v", len(pl.Steps), pl.Shortfalls)
	}
}

func TestLoadConfigErrors(t *testing.T) {
	p, _, _, _ := fixture(t)
	tests := []struct {
		name      string
		json      string
		wantField string
		wantLine  int
	}{
		{name: "unknown field", json: "{\n\"version\": 1,\n\"bogus\": 2}", wantField: "bogus", wantLine: 3},
		{name: "bad mode", json: `{"version": 1, "strategy": {"rebalance": {"mode": "sideways"}}}`},
		{name: "unknown quote", json: `{"version": 1, "quoteAsset": "DOGE"}`, wantField: "quoteAsset"},
		{name: "custody not custody", json: `{"version": 1, "custodyVenue": "aave"}`, wantField: "custodyVenue"},
		{name: "unknown venue", json: `{"version": 1, "venues": {"curve": {}}}`, wantField: "venues.curve"},
		{name: "apr on amm", json: `{"version": 1, "venues": {"uniswap": {"aprBps": {"USDC": 1}}}}`, wantField: "venues.uniswap.aprBps"},
		{name: "unknown asset apr", json: `{"version": 1, "venues": {"aave": {"aprBps": {"DOGE": 1}}}}`, wantField: "venues.aave.aprBps.DOGE"},
		{name: "version", json: `{"version": 2}`, wantField: "version"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseConfig("engine.json", []byte(tc.json), p)
			var ie *treasury.InputError
			if !errors.As(err, &ie) {
				t.Fatalf("err = %v, want *treasury.InputError", err)
			}
			if ie.File != "engine.json" || ie.Field != tc.wantField || (tc.wantLine > 0 && ie.Line != tc.wantLine) {
				t.Fatalf("err = %v (field %q line %d), want field %q line %d", err, ie.Field, ie.Line, tc.wantField, tc.wantLine)
			}
		})
	}
}

package engine

import (
	"errors"
	"fmt"
	"math/big"
	"os"
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
	d, pl, err := e.Plan(EpochInput{Prices: cp, Seconds: day})
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
	if _, err := corridor.CheckEpoch(e.Limits, s, cp, day, pl.Actions()); err != nil {
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

// day is the epoch length of most tests.
const day = corridor.SecondsPerDay

// loggedEpoch loads epoch n's log as the prover does, checks it against the
// policy and the result's head, and returns its actions.
func loggedEpoch(t *testing.T, e *Engine, res EpochResult) []corridor.Action {
	t.Helper()
	entries, err := actionlog.LoadEpoch(e.Log.Path(res.Epoch), res.Epoch)
	if err != nil {
		t.Fatal(err)
	}
	if err := actionlog.CheckAgainstPolicy(entries, e.Policy); err != nil {
		t.Fatal(err)
	}
	if err := actionlog.VerifyHead(entries, len(res.Actions), res.LogHead); err != nil {
		t.Fatal(err)
	}
	acts := make([]corridor.Action, len(entries))
	for i := range entries {
		acts[i] = entries[i].Action()
		if entries[i].Seq != uint64(i) || acts[i] != res.Actions[i] {
			t.Fatalf("entry %d: seq %d, action %+v, executed %+v", i, entries[i].Seq, acts[i], res.Actions[i])
		}
	}
	return acts
}

func TestRunEpochLogsAndChecks(t *testing.T) {
	p, c, s, cp := fixture(t)
	c.MaxActions = 16 // room for the interest claims beside the first rebalance
	e, err := New(p, c, s, cp)
	if err != nil {
		t.Fatal(err)
	}
	if e.Epoch != 1 {
		t.Fatalf("the first epoch is %d, want 1 (the prover refuses 0)", e.Epoch)
	}
	if e.Log, err = actionlog.OpenDir(filepath.Join(t.TempDir(), "log")); err != nil {
		t.Fatal(err)
	}
	res, err := e.RunEpoch(EpochInput{Day: 0, Date: "2024-01-01", Prices: cp, Seconds: day})
	if err != nil {
		t.Fatal(err)
	}
	if res.Violation != nil || res.Skipped != "" || res.Refused != nil {
		t.Fatalf("executed epoch: violation %v, skipped %q, refused %v", res.Violation, res.Skipped, res.Refused)
	}
	if res.Epoch != 1 || res.Seconds != day || e.Epoch != 2 {
		t.Fatalf("epoch %d of %d s, next %d", res.Epoch, res.Seconds, e.Epoch)
	}
	if len(res.Accruals) == 0 {
		t.Fatal("a day of interest on 8M of stablecoins accrued nothing")
	}
	if c.MaxActions > 0 && len(res.Actions) > c.MaxActions {
		t.Fatalf("%d actions in %d slots", len(res.Actions), c.MaxActions)
	}
	acts := loggedEpoch(t, e, res)
	if len(acts) != len(res.Accruals)+len(res.Executed) {
		t.Fatalf("log has %d entries, epoch executed %d", len(acts), len(res.Accruals)+len(res.Executed))
	}
	if _, err := corridor.CheckEpoch(e.Limits, s, cp, day, acts); err != nil {
		t.Fatalf("logged actions fail the checker: %v", err)
	}
	if !e.State.Equal(res.Summary.Final) {
		t.Fatal("engine state not advanced")
	}
	for i, a := range acts {
		if i < len(res.Accruals) && a.Kind != corridor.Accrue {
			t.Fatalf("action %d is a %s, the accruals come first", i, a.Kind)
		}
	}
	// The second epoch has its own file and its own chain from seq 0.
	res2, err := e.RunEpoch(EpochInput{Day: 1, Date: "2024-01-02", Prices: cp, Seconds: day})
	if err != nil {
		t.Fatal(err)
	}
	if res2.Epoch != 2 {
		t.Fatalf("second epoch numbered %d", res2.Epoch)
	}
	loggedEpoch(t, e, res2)
	if _, err := actionlog.LoadEpoch(e.Log.Path(2), 1); !errors.Is(err, actionlog.ErrWrongEpoch) && len(res2.Actions) > 0 {
		t.Fatalf("epoch 2's log accepted as epoch 1: %v", err)
	}
}

func TestShortEpochIsNotRun(t *testing.T) {
	p, c, s, cp := fixture(t)
	e, err := New(p, c, s, cp)
	if err != nil {
		t.Fatal(err)
	}
	if e.Log, err = actionlog.OpenDir(filepath.Join(t.TempDir(), "log")); err != nil {
		t.Fatal(err)
	}
	half := p.MinEpochSeconds / 2
	res, err := e.RunEpoch(EpochInput{Date: "2024-01-01", Prices: cp, Seconds: p.MinEpochSeconds - half - 1, Force: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Skipped == "" || res.Epoch != 0 || len(res.Actions) != 0 || res.Plan != nil || e.Epoch != 1 || !e.State.Equal(s) {
		t.Fatalf("a %d s epoch ran: %+v", res.Seconds, res)
	}
	if _, err := os.Stat(e.Log.Path(1)); !os.IsNotExist(err) {
		t.Fatal("a skipped epoch wrote a log")
	}
	if _, _, err := e.Plan(EpochInput{Prices: cp, Seconds: half}); !errors.Is(err, ErrEpochTooShort) {
		t.Fatalf("Plan of a short epoch: err = %v", err)
	}
	// The skipped time carries: one second short of the minimum in all...
	if res, err = e.RunEpoch(EpochInput{Date: "2024-01-01", Prices: cp, Seconds: half}); err != nil || res.Skipped == "" {
		t.Fatalf("%d s in all ran: %+v, %v", res.Seconds, res, err)
	}
	// ... and one more second makes an epoch of exactly the minimum.
	res, err = e.RunEpoch(EpochInput{Date: "2024-01-01", Prices: cp, Seconds: 1, Force: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Skipped != "" || res.Epoch != 1 || res.Seconds != p.MinEpochSeconds || res.Violation != nil {
		t.Fatalf("epoch of %d s: skipped %q, number %d, violation %v", res.Seconds, res.Skipped, res.Epoch, res.Violation)
	}
	if _, err := corridor.CheckEpoch(e.Limits, s, cp, res.Seconds, loggedEpoch(t, e, res)); err != nil {
		t.Fatal(err)
	}
}

func TestEpochFitsActionSlots(t *testing.T) {
	for _, k := range []int{1, 2, 4, 16} {
		t.Run(fmt.Sprint(k), func(t *testing.T) {
			p, c, s, cp := fixture(t)
			c.MaxActions = k
			e, err := New(p, c, s, cp)
			if err != nil {
				t.Fatal(err)
			}
			if e.Log, err = actionlog.OpenDir(filepath.Join(t.TempDir(), "log")); err != nil {
				t.Fatal(err)
			}
			for d := range 3 {
				res, err := e.RunEpoch(EpochInput{Day: d, Date: "2024-01-01", Prices: cp, Seconds: day, Force: true})
				if err != nil {
					t.Fatal(err)
				}
				if res.Violation != nil || len(res.Actions) > k || len(res.Actions) == 0 {
					t.Fatalf("day %d: %d actions in %d slots, violation %v", d, len(res.Actions), k, res.Violation)
				}
				loggedEpoch(t, e, res)
			}
		})
	}
}

// solventAtTheMargin runs the fixture's first epoch without liabilities and
// returns the engine inputs and the state it ends in.
func marginState(t *testing.T) (*treasury.Policy, *Config, corridor.State, corridor.Prices, corridor.State) {
	t.Helper()
	p, c, s, cp := fixture(t)
	e, err := New(p, c, s, cp)
	if err != nil {
		t.Fatal(err)
	}
	res, err := e.RunEpoch(EpochInput{Date: "2024-01-01", Prices: cp, Seconds: day})
	if err != nil || res.Epoch != 1 {
		t.Fatalf("%+v %v", res, err)
	}
	return p, c, s, cp, res.Summary.Final
}

func TestInsolventPlanIsNotExecuted(t *testing.T) {
	p, c, s, cp, final := marginState(t)
	l, err := corridor.LimitsFromPolicy(p)
	if err != nil {
		t.Fatal(err)
	}
	weth, usdc := p.AssetIndex("WETH"), p.AssetIndex("USDC")
	// The most WETH S(1) covers: haircut reserves / (p_WETH × minRatio).
	reserves := new(big.Int)
	for a := range final.X {
		for v, x := range final.X[a] {
			t := new(big.Int).SetUint64(x)
			t.Mul(t, new(big.Int).SetUint64(cp[a])).Mul(t, big.NewInt(int64(10_000-l.HaircutBps[a][v])))
			reserves.Add(reserves, t)
		}
	}
	maxWETH := new(big.Int).Quo(reserves, new(big.Int).Mul(new(big.Int).SetUint64(cp[weth]), big.NewInt(int64(l.MinRatioBps)))).Uint64()
	// The most USDC the USDC holdings cover on their own (USDC has coverage).
	cover := new(big.Int)
	for v, x := range final.X[usdc] {
		k := new(big.Int).SetUint64(x)
		cover.Add(cover, k.Mul(k, big.NewInt(int64(10_000-l.HaircutBps[usdc][v]))))
	}
	maxUSDC := cover.Quo(cover, big.NewInt(int64(l.MinRatioBps))).Uint64()
	tests := []struct {
		name    string
		liab    func() []uint64
		wantErr error
	}{
		{name: "solvent by one WETH unit", liab: func() []uint64 { x := make([]uint64, 4); x[weth] = maxWETH; return x }},
		{name: "insolvent by one WETH unit", liab: func() []uint64 { x := make([]uint64, 4); x[weth] = maxWETH + 1; return x }, wantErr: corridor.ErrSolvencyRatio},
		{name: "USDC covered to the unit", liab: func() []uint64 { x := make([]uint64, 4); x[usdc] = maxUSDC; return x }},
		{name: "USDC uncovered by one unit", liab: func() []uint64 { x := make([]uint64, 4); x[usdc] = maxUSDC + 1; return x }, wantErr: corridor.ErrCoverage},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e, err := New(p, c, s, cp)
			if err != nil {
				t.Fatal(err)
			}
			if e.Log, err = actionlog.OpenDir(filepath.Join(t.TempDir(), "log")); err != nil {
				t.Fatal(err)
			}
			e.Liabilities = tc.liab()
			res, err := e.RunEpoch(EpochInput{Date: "2024-01-01", Prices: cp, Seconds: day})
			if err != nil {
				t.Fatal(err)
			}
			if tc.wantErr == nil {
				if res.Refused != nil || res.Epoch != 1 || !e.State.Equal(final) {
					t.Fatalf("refused %v, epoch %d", res.Refused, res.Epoch)
				}
				return
			}
			if !errors.Is(res.Refused, ErrInsolventPlan) || !errors.Is(res.Refused, tc.wantErr) {
				t.Fatalf("refused = %v, want ErrInsolventPlan and %v", res.Refused, tc.wantErr)
			}
			if res.Epoch != 0 || e.Epoch != 1 || len(res.Actions) != 0 || len(res.Executed) != 0 || !e.State.Equal(s) {
				t.Fatalf("an insolvent plan executed: epoch %d, %d actions", res.Epoch, len(res.Actions))
			}
			if _, err := os.Stat(e.Log.Path(1)); !os.IsNotExist(err) {
				t.Fatal("a refused epoch wrote a log")
			}
			for v, lp := range e.Model.Lending() {
				for a := range p.Assets {
					if lp.Claimable(a) != 0 {
						t.Fatalf("a refused epoch accrued interest at venue %d", v)
					}
				}
			}
			// Plan says so too, as a shortfall. (Plan claims no interest, so
			// its S(n) differs at the margin: double the liabilities.)
			for a := range e.Liabilities {
				e.Liabilities[a] *= 2
			}
			_, pl, err := e.Plan(EpochInput{Prices: cp, Seconds: day})
			if err != nil {
				t.Fatal(err)
			}
			if pl.Complete() || pl.Shortfalls[len(pl.Shortfalls)-1].Need != "solvency" {
				t.Fatalf("plan shortfalls %v", pl.Shortfalls)
			}
		})
	}
}

func TestSetLiabilitiesFromLedger(t *testing.T) {
	p, c, s, cp := fixture(t)
	e, err := New(p, c, s, cp)
	if err != nil {
		t.Fatal(err)
	}
	led, err := treasury.LoadLedger(dir+"liabilities.csv", p)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.SetLiabilities(led); err != nil {
		t.Fatal(err)
	}
	if e.Liabilities[p.AssetIndex("USDC")] != 8_500_000*1_000_000 {
		t.Fatalf("USDC liabilities %d", e.Liabilities[0])
	}
	if err := e.CheckSolvency(s, cp); err != nil {
		t.Fatalf("the fixture is insolvent: %v", err)
	}
}

func TestPausedPlanIsEmptyAndSaysWhy(t *testing.T) {
	p, c, s, cp := fixture(t)
	p.Paused = true
	e, err := New(p, c, s, cp)
	if err != nil {
		t.Fatal(err)
	}
	_, pl, err := e.Plan(EpochInput{Prices: cp, Seconds: day})
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
		{name: "apr above the policy's cap", json: `{"version": 1, "venues": {"aave": {"aprBps": {"USDC": 1501}}}}`, wantField: "venues.aave.aprBps.USDC"},
		{name: "negative action slots", json: `{"version": 1, "maxActions": -1}`, wantField: "maxActions"},
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

func TestModelRefusesAPRAboveThePolicyCap(t *testing.T) {
	p, c, s, cp := fixture(t)
	if _, err := ParseConfig("engine.json", []byte(`{"version": 1, "venues": {"aave": {"aprBps": {"USDC": 1500}}}}`), p); err != nil {
		t.Fatalf("an APR at the cap refused: %v", err)
	}
	c.Venues = map[string]execution.VenueSettings{"aave": {APRBps: map[string]uint32{"DAI": 1501}}}
	if _, err := New(p, c, s, cp); err == nil {
		t.Fatal("an APR above the policy's maxAprBps reached the model")
	}
}

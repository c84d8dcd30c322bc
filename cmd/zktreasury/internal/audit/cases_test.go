package audit_test

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zktreasury/zktreasury/prover/audit"
	"github.com/zktreasury/zktreasury/prover/inclusion"
	"github.com/zktreasury/zktreasury/prover/statement"
	"github.com/zktreasury/zktreasury/treasury"
	"github.com/zktreasury/zktreasury/treasury/actionlog"
	"github.com/zktreasury/zktreasury/treasury/corridor"
	"github.com/zktreasury/zktreasury/treasury/engine"
)

var update = flag.Bool("update", false, "regenerate testdata/cases")

const (
	casesDir   = "../../../../testdata/cases"
	solventDir = "../../../../testdata/solvency/solvent"
	caseStart  = 1_795_132_800 // 2026-11-20T00:00:00Z, the registry's genesis in the fixtures
	caseSlots  = 6             // the committed development keys' K
)

// engineConfig is the operator's engine configuration for the cases: the
// fixture policy's venues, K = caseSlots.
const engineConfig = `{
  "version": 1,
  "quoteAsset": "USDC",
  "custodyVenue": "vault",
  "maxActions": %d,
  "strategy": {
    "rebalance": {"mode": "edge", "edgeMarginBps": 100, "thresholdBps": 500, "calendarDays": 30, "minTradeUSD": "1000"},
    "volTarget": {"enabled": false, "annualVol": 0.35, "lambda": 0.94, "minScale": 0.5},
    "yield": {"enabled": %t, "keepLiquidBps": 1500, "minMoveUSD": "50000"}
  },
  "breakers": {"maxDrawdownBps": 6000, "depegBps": 300, "staleDays": 3, "maxPriceAgeHours": 0, "resumeAfterDays": 30},
  "venues": {
    "uniswap": {"feeBps": 30, "depthUSD": "500000000"},
    "aave": {"aprBps": {"USDC": 450}}
  }
}
`

// A case: S(n-1), the epoch's prices, the engine's plan, what the engine does
// not emit (flows), and the verdict it must get.
type caseSpec struct {
	name       string
	positions  string
	prices     string
	maxActions int
	yield      bool
	flows      func(t *testing.T, p *treasury.Policy, s0 corridor.State, prices corridor.Prices) (before, after []corridor.Action)
	expect     string
	proofs     []string
	users      []string
}

var calmPositions = `asset,venue,amount
USDC,vault,1500000.000000
USDC,aave,1227000.000000
WETH,vault,443.000000000000000000
WETH,uniswap,100.000000000000000000
WBTC,vault,8.20000000
WBTC,aave,3.00000000
`

// crashPositions hold little USDC at custody, so buying the crashed assets
// back into their bands needs a withdrawal from the lending pool first.
var crashPositions = `asset,venue,amount
USDC,vault,150000.000000
USDC,aave,2577000.000000
WETH,vault,443.000000000000000000
WETH,uniswap,100.000000000000000000
WBTC,vault,8.20000000
WBTC,aave,3.00000000
`

// insolventPositions are the insolvent solvency fixture's reserves: the
// operator's engine, which does not know the liabilities, plans an ordinary
// epoch, and the proof must be refused.
var insolventPositions = `asset,venue,amount
USDC,vault,1046064.654180
USDC,aave,747189.038700
WETH,vault,173.462043600482502370
WETH,uniswap,77.094241600214445498
WBTC,vault,13.47440241
WBTC,aave,4.04232072
`

var specs = []caseSpec{
	{name: "insolvent", positions: insolventPositions, prices: "asset,price_usd\nUSDC,1.0001\nWETH,3012.55\nWBTC,97450.10\n",
		maxActions: caseSlots, expect: statement.ExpectInsolvent},
	{name: "calm", positions: calmPositions, prices: "asset,price_usd\nUSDC,1.0000\nWETH,3020.40\nWBTC,97210.55\n",
		maxActions: caseSlots, users: []string{"acct-1000", "user-007@example.org"}},
	{name: "crash-rebalance", positions: crashPositions, prices: "asset,price_usd\nUSDC,0.9998\nWETH,1210.00\nWBTC,45000.00\n",
		maxActions: caseSlots - 1, proofs: []string{"epoch", "solvency"}, users: []string{"acct-1003", "user-014@example.org"},
		// The engine, short of slots after the rebalance, leaves the day's
		// interest claimable; the operator claims it (at most the accrual
		// bound) and logs a grants payment out in WETH: the engine has no
		// spending schedule.
		flows: func(t *testing.T, p *treasury.Policy, s0 corridor.State, prices corridor.Prices) ([]corridor.Action, []corridor.Action) {
			usdc, weth, vault, aave := p.AssetIndex("USDC"), p.AssetIndex("WETH"), p.VenueIndex("vault"), p.VenueIndex("aave")
			l, err := corridor.LimitsFromPolicy(p)
			if err != nil {
				t.Fatal(err)
			}
			ep, err := corridor.NewEpoch(l, s0, prices, corridor.SecondsPerDay)
			if err != nil {
				t.Fatal(err)
			}
			interest := ep.AccrualBound(usdc, aave) * 450 / 1500 // the pool's 4.5% APR, under the 15% cap
			return []corridor.Action{{Kind: corridor.Accrue, Venue: aave, AssetIn: usdc, VenueIn: aave, AssetOut: usdc, VenueOut: aave, AmountOut: interest}},
				[]corridor.Action{{Kind: corridor.Outflow, Venue: vault, AssetIn: weth, VenueIn: vault, AmountIn: 5_000_000, AssetOut: weth, VenueOut: vault}}
		}},
}

// TestGenerateCases regenerates testdata/cases with -update (go test
// ./cmd/zktreasury/internal/audit -run TestGenerateCases -update), and
// otherwise checks that the committed cases are what the generator makes.
func TestGenerateCases(t *testing.T) {
	for _, sp := range specs {
		t.Run(sp.name, func(t *testing.T) {
			dir := filepath.Join(casesDir, sp.name)
			if *update {
				generate(t, sp, dir)
				return
			}
			tmp := filepath.Join(t.TempDir(), sp.name)
			generate(t, sp, tmp)
			got, want := caseFiles(t, tmp), caseFiles(t, dir)
			if strings.Join(got, " ") != strings.Join(want, " ") {
				t.Fatalf("files %v, the generator makes %v (run with -update)", want, got)
			}
			for _, rel := range got {
				a, _ := os.ReadFile(filepath.Join(tmp, rel))
				b, _ := os.ReadFile(filepath.Join(dir, rel))
				if string(a) != string(b) {
					t.Errorf("%s/%s differs from the generator's (run with -update)", sp.name, rel)
				}
			}
		})
	}
}

func write(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func generate(t *testing.T, sp caseSpec, dir string) {
	_ = os.RemoveAll(dir)
	for _, f := range []string{statement.PolicyFile, statement.LiabilitiesFile, statement.SecretsFile} {
		data, err := os.ReadFile(filepath.Join(solventDir, f))
		if err != nil {
			t.Fatal(err)
		}
		write(t, filepath.Join(dir, f), string(data))
	}
	write(t, filepath.Join(dir, statement.PositionsFile), sp.positions)
	write(t, filepath.Join(dir, statement.PricesFile), sp.prices)
	p, err := treasury.LoadPolicy(filepath.Join(dir, statement.PolicyFile))
	if err != nil {
		t.Fatal(err)
	}
	pos, err := treasury.LoadPositions(filepath.Join(dir, statement.PositionsFile), p)
	if err != nil {
		t.Fatal(err)
	}
	pr, err := treasury.LoadPrices(filepath.Join(dir, statement.PricesFile), p)
	if err != nil {
		t.Fatal(err)
	}
	led, err := treasury.LoadLedger(filepath.Join(dir, statement.LiabilitiesFile), p)
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := engine.ParseConfig("engine.json", []byte(fmt.Sprintf(engineConfig, sp.maxActions, sp.yield)), p)
	if err != nil {
		t.Fatal(err)
	}
	s0, err := corridor.StateFromPositions(p, pos)
	if err != nil {
		t.Fatal(err)
	}
	cp, err := corridor.PricesFromSnapshot(p, pr)
	if err != nil {
		t.Fatal(err)
	}
	eng, err := engine.New(p, cfg, s0, cp)
	if err != nil {
		t.Fatal(err)
	}
	if sp.expect == "" {
		if err := eng.SetLiabilities(led); err != nil {
			t.Fatal(err)
		}
	}
	res, err := eng.RunEpoch(engine.EpochInput{Day: 0, Date: "2026-11-20", Prices: cp, Seconds: corridor.SecondsPerDay, Force: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Violation != nil || res.Refused != nil || res.Skipped != "" {
		t.Fatalf("engine: violation %v, refused %v, skipped %q", res.Violation, res.Refused, res.Skipped)
	}
	actions := append([]corridor.Action(nil), res.Actions...)
	if sp.flows != nil {
		before, after := sp.flows(t, p, s0, cp)
		actions = append(append(before, actions...), after...)
	}
	for _, a := range actions {
		t.Logf("%v venue %d: %d %s -> %d %s", a.Kind, a.Venue, a.AmountIn, p.Assets[a.AssetIn].Symbol, a.AmountOut, p.Assets[a.AssetOut].Symbol)
	}
	logPath := filepath.Join(dir, statement.ActionsFile)
	w, err := actionlog.Open(logPath, 1)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range actions {
		e, err := actionlog.NewEntry(p, 1, "2026-11-20", a)
		if err != nil {
			t.Fatal(err)
		}
		if err := w.Append(&e); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	cj := map[string]any{"epoch": 1, "capacity": 16, "slots": caseSlots, "startTime": caseStart, "endTime": caseStart + corridor.SecondsPerDay,
		"rounds": map[string]string{"USDC": "18446744073709551617", "WETH": "18446744073709551617", "WBTC": "18446744073709551617"}}
	if sp.expect != "" {
		cj["expect"] = sp.expect
	}
	if len(sp.proofs) > 0 {
		cj["proofs"] = sp.proofs
	}
	data, _ := json.MarshalIndent(cj, "", "  ")
	write(t, filepath.Join(dir, statement.CaseFile), string(data)+"\n")
	for _, u := range sp.users {
		st, err := audit.Statement(dir)
		if err != nil {
			t.Fatal(err)
		}
		f, err := inclusion.Export(st, p, led, u)
		if err != nil {
			t.Fatal(err)
		}
		data, _ := json.MarshalIndent(f, "", "  ")
		write(t, filepath.Join(dir, audit.InclusionDir, strings.NewReplacer("@", "-at-", ".", "-").Replace(u)+".json"), string(data)+"\n")
	}
	// The goldens (which pin the inclusion files too) are what the audit recomputes: written once here, then
	// pinned (a change to hashing, encoding or rounding must be made on
	// purpose, with -update).
	goldens, err := audit.Recompute(dir)
	if err != nil {
		t.Fatal(err)
	}
	for name, v := range goldens {
		data, _ := json.MarshalIndent(v, "", "  ")
		write(t, filepath.Join(dir, name), string(data)+"\n")
	}
}

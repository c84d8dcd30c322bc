package prover_test

import (
	"errors"
	"math/big"
	"os"
	"path/filepath"
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/frontend"

	"github.com/zktreasury/zktreasury/circuits/epoch"
	"github.com/zktreasury/zktreasury/circuits/gadget/bound"
	"github.com/zktreasury/zktreasury/prover"
	"github.com/zktreasury/zktreasury/prover/keystore"
	"github.com/zktreasury/zktreasury/prover/statement"
	"github.com/zktreasury/zktreasury/prover/zk"
	"github.com/zktreasury/zktreasury/treasury"
	"github.com/zktreasury/zktreasury/treasury/actionlog"
	"github.com/zktreasury/zktreasury/treasury/corridor"
)

const epochCase = "../testdata/epoch"

// fixtureActions are two WBTC -> WETH swaps at uniswap that pull WBTC (40% of
// reserves, band max 30%) and WETH (17.7%, band min 20%) toward their bands,
// each below the notional cap, at 30 bps below the oracle value.
func fixtureActions(t testing.TB, p *treasury.Policy, pr *treasury.Prices) []corridor.Action {
	t.Helper()
	prices, err := corridor.PricesFromSnapshot(p, pr)
	if err != nil {
		t.Fatal(err)
	}
	wbtc, weth, uni, vault := p.AssetIndex("WBTC"), p.AssetIndex("WETH"), p.VenueIndex("uniswap"), p.VenueIndex("vault")
	var out []corridor.Action
	for _, in := range []uint64{250_000_000, 240_000_000} { // 2.5 and 2.4 WBTC
		value := new(big.Int).Mul(new(big.Int).SetUint64(in), new(big.Int).SetUint64(prices[wbtc]))
		value.Mul(value, big.NewInt(9970)).Quo(value, big.NewInt(10000))
		amountOut := value.Quo(value, new(big.Int).SetUint64(prices[weth])).Uint64()
		out = append(out, corridor.Action{Venue: uni, AssetIn: wbtc, VenueIn: vault, AmountIn: in, AssetOut: weth, VenueOut: vault, AmountOut: amountOut})
	}
	return out
}

// TestEpochFixture regenerates testdata/epoch with -update (from the solvent
// solvency case and fixtureActions, written through the engine's action log) and
// otherwise checks that the committed files are what the generator makes.
func TestEpochFixture(t *testing.T) {
	src := "../testdata/solvency/solvent"
	files := []string{"policy.json", "prices.csv", "positions.csv", "liabilities.csv", "secrets.json"}
	if *update {
		if err := os.MkdirAll(epochCase, 0o755); err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			data, err := os.ReadFile(filepath.Join(src, f))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(epochCase, f), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if err := os.WriteFile(filepath.Join(epochCase, "case.json"), []byte("{\n  \"epoch\": 1,\n  \"capacity\": 16,\n  \"slots\": 4\n}\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		p, err := treasury.LoadPolicy(filepath.Join(src, "policy.json"))
		if err != nil {
			t.Fatal(err)
		}
		pr, err := treasury.LoadPrices(filepath.Join(src, "prices.csv"), p)
		if err != nil {
			t.Fatal(err)
		}
		logPath := filepath.Join(epochCase, "actions.jsonl")
		_ = os.Remove(logPath)
		w, err := actionlog.Open(logPath)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range fixtureActions(t, p, pr) {
			e, err := actionlog.NewEntry(p, 1, "2026-11-21", "swap", a)
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
	}
	for _, f := range files {
		a, _ := os.ReadFile(filepath.Join(src, f))
		b, err := os.ReadFile(filepath.Join(epochCase, f))
		if err != nil || string(a) != string(b) {
			t.Errorf("%s differs from the solvent case (run go test ./prover -run TestEpochFixture -update)", f)
		}
	}
	e := loadEpoch(t, bound.Bits)
	if len(e.Compliance.In.Actions) != 2 {
		t.Fatalf("fixture has %d actions, want 2", len(e.Compliance.In.Actions))
	}
}

func loadEpoch(t testing.TB, mode bound.Mode) *statement.Epoch {
	t.Helper()
	in, err := statement.LoadEpochInputs(statement.EpochCaseFiles(epochCase))
	if err != nil {
		t.Fatal(err)
	}
	cp, err := statement.LoadCaseParams(epochCase)
	if err != nil {
		t.Fatal(err)
	}
	in.Epoch, in.Capacity, in.Slots, in.RangeCheck = cp.Epoch, cp.Capacity, cp.Slots, mode
	e, err := statement.BuildEpoch(in)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func TestEpochCircuit(t *testing.T) {
	e := loadEpoch(t, bound.Bits)
	if err := e.Solvency.Check(); err != nil {
		t.Fatalf("S(1) not solvent: %v", err)
	}
	shape, err := epoch.NewCircuit(e.Params)
	if err != nil {
		t.Fatal(err)
	}
	ccs, _, err := prover.Compile(zk.Groth16{}, prover.Job{Circuit: "epoch", Params: e.Params.String(), Shape: shape}, t.Logf)
	if err != nil {
		t.Fatal(err)
	}
	solved := func(c *epoch.Circuit) error {
		w, err := frontend.NewWitness(c, ecc.BN254.ScalarField())
		if err != nil {
			t.Fatal(err)
		}
		return ccs.IsSolved(w)
	}
	if err := solved(e.Assignment()); err != nil {
		t.Fatalf("honest epoch rejected: %v", err)
	}
	cheats := map[string]func(c *epoch.Circuit){
		"liabilities root of another tree":  func(c *epoch.Circuit) { c.LiabilitiesRoot = e.Compliance.NewCommitment },
		"new state is the previous one":     func(c *epoch.Circuit) { c.NewStateCommitment = c.PrevStateCommitment },
		"a user's balance lowered":          func(c *epoch.Circuit) { c.Balances[0][0] = e.Solvency.Users[0].Balances[0] - 1 },
		"an action's output raised":         func(c *epoch.Circuit) { c.Actions[0].AmountOut = e.Compliance.In.Actions[0].AmountOut + 1 },
		"actions count lowered":             func(c *epoch.Circuit) { c.ActionCount = 1 },
		"epoch changed":                     func(c *epoch.Circuit) { c.Epoch = 2 },
		"previous positions not committed":  func(c *epoch.Circuit) { c.Positions[0][0] = e.Compliance.In.Prev[0][0] + 1 },
		"a haircut differs from the policy": func(c *epoch.Circuit) { c.Policy.HaircutBps[0][0] = uint64(1) },
	}
	for name, mutate := range cheats {
		t.Run(name, func(t *testing.T) {
			c := e.Assignment()
			mutate(c)
			if err := solved(c); err == nil {
				t.Fatal("cheating witness satisfied the epoch circuit")
			}
		})
	}
}

// TestEpochNonCompliantRefused: the reference checker refuses an epoch whose
// action leaves a corridor, before any proving.
func TestEpochNonCompliantRefused(t *testing.T) {
	in, err := statement.LoadEpochInputs(statement.EpochCaseFiles(epochCase))
	if err != nil {
		t.Fatal(err)
	}
	in.Epoch, in.Capacity = 1, 16
	in.Actions[0].AmountOut /= 2 // 50% slippage
	if _, err := statement.BuildEpoch(in); !errors.Is(err, statement.ErrNonCompliant) || !errors.Is(err, corridor.ErrSlippage) {
		t.Fatalf("err = %v, want ErrNonCompliant wrapping ErrSlippage", err)
	}
}

// TestEpochProveVerify proves the fixture epoch with Groth16 (the on-chain
// backend; bit range checks, so no commitment) and checks every public input is
// bound: changing any one of them makes verification fail.
func TestEpochProveVerify(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a setup and a proof")
	}
	e := loadEpoch(t, bound.Bits)
	shape, _ := epoch.NewCircuit(e.Params)
	j := prover.Job{Circuit: "epoch", Params: e.Params.String(), Shape: shape}
	store := keystore.Store{Dir: t.TempDir()}
	if _, err := prover.SetupInsecure(store, zk.Groth16{}, j, nil); err != nil {
		t.Fatal(err)
	}
	f, err := prover.Prove(store, zk.Groth16{}, j, e.Assignment(), e.Public([]string{"USDC", "WETH", "WBTC"}), t.Logf)
	if err != nil {
		t.Fatal(err)
	}
	if err := prover.Verify(store, f); err != nil {
		t.Fatal(err)
	}
	for i := range f.PublicInputs {
		g := *f
		g.PublicInputs = append([]statement.NamedInput(nil), f.PublicInputs...)
		g.PublicInputs[i].Value = bump(g.PublicInputs[i].Value)
		if err := prover.Verify(store, &g); !errors.Is(err, zk.ErrProofRejected) {
			t.Errorf("public input %s changed: err = %v, want rejected", g.PublicInputs[i].Name, err)
		}
	}
}

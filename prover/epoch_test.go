package prover_test

import (
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/consensys/gnark/frontend"

	"github.com/zktreasury/zktreasury/circuits/epoch"
	"github.com/zktreasury/zktreasury/circuits/gadget/bound"
	"github.com/zktreasury/zktreasury/prover"
	"github.com/zktreasury/zktreasury/prover/keystore"
	"github.com/zktreasury/zktreasury/prover/statement"
	"github.com/zktreasury/zktreasury/prover/statement/epochhash"
	"github.com/zktreasury/zktreasury/prover/zk"
	"github.com/zktreasury/zktreasury/treasury"
	"github.com/zktreasury/zktreasury/treasury/actionlog"
	"github.com/zktreasury/zktreasury/treasury/corridor"
)

const epochCase = "../testdata/epoch"

// The epoch fixture covers [fixtureStart, fixtureEnd): one day, starting at the
// registry's genesis time.
const (
	fixtureStart = 1_795_132_800 // 2026-11-20T00:00:00Z
	fixtureEnd   = fixtureStart + corridor.SecondsPerDay
	fixtureSlots = 6
)

// fixtureActions are every kind but a deposit and a withdrawal, each inside its
// corridors: two WBTC -> WETH swaps at uniswap that pull WBTC (40% of reserves,
// band max 30%) and WETH (17.7%, band min 20%) toward their bands, each below
// the notional cap, at 30 bps below the oracle value; a day's interest at aave
// just under the 15% APR cap; a 25,000 USDC inflow and a 10,000 USDC outflow.
func fixtureActions(t testing.TB, p *treasury.Policy, pr *treasury.Prices, pos *treasury.Positions) []corridor.Action {
	t.Helper()
	prices, err := corridor.PricesFromSnapshot(p, pr)
	if err != nil {
		t.Fatal(err)
	}
	s0, err := corridor.StateFromPositions(p, pos)
	if err != nil {
		t.Fatal(err)
	}
	usdc, wbtc, weth := p.AssetIndex("USDC"), p.AssetIndex("WBTC"), p.AssetIndex("WETH")
	uni, vault, aave := p.VenueIndex("uniswap"), p.VenueIndex("vault"), p.VenueIndex("aave")
	var out []corridor.Action
	for _, in := range []uint64{250_000_000, 240_000_000} { // 2.5 and 2.4 WBTC
		value := new(big.Int).Mul(new(big.Int).SetUint64(in), new(big.Int).SetUint64(prices[wbtc]))
		value.Mul(value, big.NewInt(9970)).Quo(value, big.NewInt(10000))
		amountOut := value.Quo(value, new(big.Int).SetUint64(prices[weth])).Uint64()
		out = append(out, corridor.Action{Kind: corridor.Swap, Venue: uni, AssetIn: wbtc, VenueIn: vault, AmountIn: in, AssetOut: weth, VenueOut: vault, AmountOut: amountOut})
	}
	l, err := corridor.LimitsFromPolicy(p)
	if err != nil {
		t.Fatal(err)
	}
	e, err := corridor.NewEpoch(l, s0, prices, fixtureEnd-fixtureStart)
	if err != nil {
		t.Fatal(err)
	}
	interest := e.AccrualBound(usdc, aave) - 1_000_000 // one USDC under the bound
	out = append(out,
		corridor.Action{Kind: corridor.Accrue, Venue: aave, AssetIn: usdc, VenueIn: aave, AssetOut: usdc, VenueOut: aave, AmountOut: interest},
		corridor.Action{Kind: corridor.Inflow, Venue: vault, AssetIn: usdc, VenueIn: vault, AssetOut: usdc, VenueOut: vault, AmountOut: 25_000_000_000},
		corridor.Action{Kind: corridor.Outflow, Venue: vault, AssetIn: usdc, VenueIn: vault, AmountIn: 10_000_000_000, AssetOut: usdc, VenueOut: vault})
	return out
}

// TestEpochFixture regenerates testdata/epoch with -update (from the solvent
// solvency case and fixtureActions, written through the engine's action log) and
// otherwise checks that the committed files are what the generator makes.
func TestEpochFixture(t *testing.T) {
	src := "../testdata/solvency/solvent"
	files := []string{"policy.json", "prices.csv", "positions.csv", "liabilities.csv", "secrets.json"}
	caseJSON := fmt.Sprintf("{\n  \"epoch\": 1,\n  \"capacity\": 16,\n  \"slots\": %d,\n  \"startTime\": %d,\n  \"endTime\": %d,\n"+
		"  \"rounds\": {\n    \"USDC\": \"18446744073709551617\",\n    \"WETH\": \"18446744073709551617\",\n    \"WBTC\": \"18446744073709551617\"\n  }\n}\n",
		fixtureSlots, fixtureStart, fixtureEnd)
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
		if err := os.WriteFile(filepath.Join(epochCase, "case.json"), []byte(caseJSON), 0o644); err != nil {
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
		pos, err := treasury.LoadPositions(filepath.Join(src, "positions.csv"), p)
		if err != nil {
			t.Fatal(err)
		}
		logPath := filepath.Join(epochCase, "actions.jsonl")
		_ = os.Remove(logPath)
		w, err := actionlog.Open(logPath, 1)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range fixtureActions(t, p, pr, pos) {
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
	}
	for _, f := range files {
		a, _ := os.ReadFile(filepath.Join(src, f))
		b, err := os.ReadFile(filepath.Join(epochCase, f))
		if err != nil || string(a) != string(b) {
			t.Errorf("%s differs from the solvent case (run go test ./prover -run TestEpochFixture -update)", f)
		}
	}
	if b, err := os.ReadFile(filepath.Join(epochCase, "case.json")); err != nil || string(b) != caseJSON {
		t.Errorf("case.json differs from the generator (run go test ./prover -run TestEpochFixture -update)")
	}
	e := loadEpoch(t, bound.Bits)
	if len(e.Compliance.In.Actions) != 5 {
		t.Fatalf("fixture has %d actions, want 5", len(e.Compliance.In.Actions))
	}
	// The inflow and the outflow are public: 25,000 and 10,000 USDC.
	var in, out fr.Element
	in.SetUint64(25_000_000_000)
	out.SetUint64(10_000_000_000)
	if !e.Compliance.Inflows[0].Equal(&in) || !e.Compliance.Outflows[0].Equal(&out) {
		t.Fatalf("flows %v / %v", e.Compliance.Inflows, e.Compliance.Outflows)
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
	in.StartTime, in.EndTime = cp.StartTime, cp.EndTime
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
			// With the public hash recomputed for the changed values, the statement's own
			// constraints must still refuse it.
			rehash(t, c)
			if err := solved(c); err == nil {
				t.Fatal("cheating witness with a matching public hash satisfied the epoch circuit")
			}
		})
	}
	t.Run("public hash changed", func(t *testing.T) {
		c := e.Assignment()
		c.PublicHash = new(big.Int).Add(c.PublicHash.(*big.Int), big.NewInt(1))
		if err := solved(c); err == nil {
			t.Fatal("another public hash satisfied the epoch circuit")
		}
	})
}

// rehash sets an epoch assignment's PublicHash to the hash of its (possibly
// edited) values.
func rehash(t testing.TB, c *epoch.Circuit) {
	t.Helper()
	el := func(x frontend.Variable) *big.Int {
		v, err := statement.Elements([]frontend.Variable{x})
		if err != nil {
			t.Fatal(err)
		}
		return v[0].BigInt(new(big.Int))
	}
	u := func(x frontend.Variable) uint64 { return el(x).Uint64() }
	v := &epochhash.Values{PolicyCommitment: el(c.PolicyCommitment), PrevStateCommitment: el(c.PrevStateCommitment),
		NewStateCommitment: el(c.NewStateCommitment), LiabilitiesRoot: el(c.LiabilitiesRoot), ActionsCommitment: el(c.ActionsCommitment),
		ActionCount: u(c.ActionCount), Epoch: u(c.Epoch), StartTime: u(c.StartTime), EndTime: u(c.EndTime)}
	for a := range c.Prices {
		v.Prices, v.Inflows, v.Outflows = append(v.Prices, u(c.Prices[a])), append(v.Inflows, u(c.Inflows[a])), append(v.Outflows, u(c.Outflows[a]))
	}
	h, err := v.Hash()
	if err != nil {
		t.Fatal(err)
	}
	c.PublicHash = h
}

// TestEpochNonCompliantRefused: the reference checker refuses an epoch whose
// action leaves a corridor, before any proving.
func TestEpochNonCompliantRefused(t *testing.T) {
	in, err := statement.LoadEpochInputs(statement.EpochCaseFiles(epochCase))
	if err != nil {
		t.Fatal(err)
	}
	in.Epoch, in.Capacity, in.StartTime, in.EndTime = 1, 16, fixtureStart, fixtureEnd
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
	if n := len(f.Solidity.Input); n != 1 {
		t.Fatalf("%d Solidity inputs, want 1 (publicHash)", n)
	}
	last := len(f.PublicInputs) - 1
	for i := range f.PublicInputs {
		g := *f
		g.PublicInputs = append([]statement.NamedInput(nil), f.PublicInputs...)
		g.PublicInputs[i].Value = bump(g.PublicInputs[i].Value)
		if err := prover.Verify(store, &g); !errors.Is(err, zk.ErrProofRejected) {
			t.Errorf("public value %s changed: err = %v, want rejected", g.PublicInputs[i].Name, err)
		}
		if i == last {
			continue
		}
		// A coherent forgery: the value changed and publicHash (and the calldata input)
		// recomputed from the edited values. The hash check passes; the proof must not.
		h := fileHash(t, g.PublicInputs[:last])
		g.PublicInputs[last].Value, g.Solidity.Input = h, []string{h}
		if err := prover.Verify(store, &g); !errors.Is(err, zk.ErrProofRejected) {
			t.Errorf("public value %s changed with publicHash recomputed: err = %v, want rejected", g.PublicInputs[i].Name, err)
		}
	}
}

// fileHash is the epochhash of a proof file's named values, as hex.
func fileHash(t *testing.T, named []statement.NamedInput) string {
	t.Helper()
	h, err := statement.HashNamed(named)
	if err != nil {
		t.Fatal(err)
	}
	var e fr.Element
	e.SetBigInt(h)
	return statement.Hex(e)
}

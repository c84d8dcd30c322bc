package prover_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/frontend"

	"github.com/zktreasury/zktreasury/circuits/epoch"
	"github.com/zktreasury/zktreasury/circuits/gadget/bound"
	"github.com/zktreasury/zktreasury/prover"
	"github.com/zktreasury/zktreasury/prover/statement"
	"github.com/zktreasury/zktreasury/prover/zk"
	"github.com/zktreasury/zktreasury/treasury"
	"github.com/zktreasury/zktreasury/treasury/actionlog"
	"github.com/zktreasury/zktreasury/treasury/corridor"
	"github.com/zktreasury/zktreasury/treasury/engine"
)

// TestEngineEpochProves runs the engine for one epoch on testdata/engine, as an
// operator would, and builds the epoch proof from the files it wrote — the
// positions before, the prices, the liabilities and the epoch's action log —
// without editing anything: the log is taken as written, its epoch numbered
// from 1, its actions within the circuit's K slots, and the epoch circuit is
// satisfied.
func TestEngineEpochProves(t *testing.T) {
	const dir = "../testdata/engine"
	p, err := treasury.LoadPolicy(filepath.Join(dir, "policy.json"))
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := engine.LoadConfig(filepath.Join(dir, "engine.json"), p)
	if err != nil {
		t.Fatal(err)
	}
	pos, err := treasury.LoadPositions(filepath.Join(dir, "positions.csv"), p)
	if err != nil {
		t.Fatal(err)
	}
	pr, err := treasury.LoadPrices(filepath.Join(dir, "prices.csv"), p)
	if err != nil {
		t.Fatal(err)
	}
	led, err := treasury.LoadLedger(filepath.Join(dir, "liabilities.csv"), p)
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
	e, err := engine.New(p, cfg, s0, cp)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.SetLiabilities(led); err != nil {
		t.Fatal(err)
	}
	work := t.TempDir()
	if e.Log, err = actionlog.OpenDir(filepath.Join(work, "log")); err != nil {
		t.Fatal(err)
	}
	res, err := e.RunEpoch(engine.EpochInput{Day: 0, Date: "2026-11-20", Prices: cp, Seconds: corridor.SecondsPerDay})
	if err != nil {
		t.Fatal(err)
	}
	if res.Epoch != 1 || res.Violation != nil || res.Refused != nil || res.Skipped != "" {
		t.Fatalf("engine epoch %d: violation %v, refused %v, skipped %q", res.Epoch, res.Violation, res.Refused, res.Skipped)
	}
	if len(res.Actions) == 0 || len(res.Actions) > cfg.MaxActions {
		t.Fatalf("%d actions for %d slots", len(res.Actions), cfg.MaxActions)
	}
	secrets := filepath.Join(work, "secrets.json")
	data, err := os.ReadFile("../testdata/epoch/secrets.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(secrets, data, 0o600); err != nil {
		t.Fatal(err)
	}
	in, err := statement.LoadEpochInputs(statement.EpochFiles{SolvencyFiles: statement.SolvencyFiles{
		Policy: filepath.Join(dir, "policy.json"), Prices: filepath.Join(dir, "prices.csv"), Positions: filepath.Join(dir, "positions.csv"),
		Liabilities: filepath.Join(dir, "liabilities.csv"), Secrets: secrets}, Actions: e.Log.Path(1)})
	if err != nil {
		t.Fatal(err)
	}
	in.Epoch, in.StartTime, in.EndTime = res.Epoch, fixtureStart, fixtureStart+res.Seconds
	in.Slots, in.RangeCheck = cfg.MaxActions, bound.Lookup
	st, err := statement.BuildEpoch(in)
	if err != nil {
		t.Fatalf("the engine's epoch, as logged, is refused: %v", err)
	}
	if err := st.Solvency.Check(); err != nil {
		t.Fatal(err)
	}
	final, err := corridor.StateFromPositions(p, corridor.PositionsFromState(p, res.Summary.Final))
	if err != nil || !final.Equal(e.State) {
		t.Fatalf("the engine's S(1) is not the state it reports: %v", err)
	}
	shape, err := epoch.NewCircuit(st.Params)
	if err != nil {
		t.Fatal(err)
	}
	ccs, _, err := prover.Compile(zk.Groth16{}, prover.Job{Circuit: "epoch", Params: st.Params.String(), Shape: shape}, nil)
	if err != nil {
		t.Fatal(err)
	}
	w, err := frontend.NewWitness(st.Assignment(), ecc.BN254.ScalarField())
	if err != nil {
		t.Fatal(err)
	}
	if err := ccs.IsSolved(w); err != nil {
		t.Fatalf("the epoch circuit refuses the engine's epoch: %v", err)
	}
	t.Logf("engine epoch 1: %d actions (%d accruals) in %d slots, %d constraints", len(res.Actions), len(res.Accruals), cfg.MaxActions, ccs.GetNbConstraints())
}

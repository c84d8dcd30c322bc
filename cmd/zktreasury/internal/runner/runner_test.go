package runner

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/ethereum/go-ethereum/core/types"

	"github.com/zktreasury/zktreasury/contracts"
	"github.com/zktreasury/zktreasury/prover"
	"github.com/zktreasury/zktreasury/prover/keystore"
	"github.com/zktreasury/zktreasury/prover/prooffile"
	"github.com/zktreasury/zktreasury/prover/zk"
	"github.com/zktreasury/zktreasury/treasury"
)

// The tests run a small shape of testdata/run (4 users, K = 4) so a prove takes about a second.
const contractsDir = "../../../../contracts"

const (
	testCapacity = 4
	testSlots    = 4
	testEpochs   = 3
)

var (
	keysOnce sync.Once
	keysDir  string
	keysErr  error
)

// testKeys sets up insecure epoch keys for the test shape once per test binary.
func testKeys(t *testing.T) string {
	t.Helper()
	keysOnce.Do(func() {
		keysDir, keysErr = os.MkdirTemp("", "zkt-run-keys-")
		if keysErr != nil {
			return
		}
		pol, err := treasury.LoadPolicy("initdata/policy.json")
		if err != nil {
			keysErr = err
			return
		}
		sh := prover.Shape{Circuit: "epoch", Users: testCapacity, Actions: testSlots, Assets: len(pol.Assets), Venues: len(pol.Venues), RangeCheck: prover.DefaultRangeCheck("epoch")}
		job, err := sh.Job()
		if err != nil {
			keysErr = err
			return
		}
		_, keysErr = prover.SetupInsecure(keystore.Store{Dir: keysDir}, zk.Groth16{}, job, nil)
	})
	if keysErr != nil {
		t.Fatal(keysErr)
	}
	return keysDir
}

func TestMain(m *testing.M) {
	code := m.Run()
	if keysDir != "" {
		os.RemoveAll(keysDir)
	}
	os.Exit(code)
}

// testConfig writes the --init files into a fresh directory with the test shape and returns
// the config path.
func testConfig(t *testing.T, edit func(map[string]any)) string {
	t.Helper()
	dir := t.TempDir()
	if _, err := Init(dir); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "config.json")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	m["capacity"], m["slots"] = testCapacity, testSlots
	if edit != nil {
		edit(m)
	}
	out, _ := json.MarshalIndent(m, "", "  ")
	if err := os.WriteFile(path, out, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func runInProcess(t *testing.T, cfgPath, state, keys string, through uint64) (*Result, error) {
	t.Helper()
	cfg, err := LoadConfig(cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	cfg.SetState(state)
	cfg.SetKeys(keys)
	var log bytes.Buffer
	res, err := Run(context.Background(), Options{Config: cfg, Through: through, Err: &log, ContractsDir: contractsDir})
	t.Logf("run through %d:\n%s", through, log.String())
	return res, err
}

// TestInitMatchesTestdata keeps testdata/run equal to what `run --init` writes.
func TestInitMatchesTestdata(t *testing.T) {
	names, err := InitFiles()
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range names {
		want, _ := InitFile(n)
		got, err := os.ReadFile(filepath.Join("../../../../testdata/run", n))
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("testdata/run/%s differs from initdata/%s (err %v): run `zktreasury run --init` into a fresh testdata/run", n, n, err)
		}
	}
	if _, err := LoadConfig(filepath.Join("../../../../testdata/run", "config.json")); err != nil {
		t.Fatalf("the config --init writes does not load: %v", err)
	}
}

// TestConfigErrors: a broken config names the file and the field, and nothing is run.
func TestConfigErrors(t *testing.T) {
	for _, tc := range []struct {
		name    string
		edit    func(map[string]any)
		wantErr string
	}{
		{"no slots", func(m map[string]any) { delete(m, "slots") }, `field "slots"`},
		{"zero capacity", func(m map[string]any) { m["capacity"] = 0 }, `field "capacity" = "0"`},
		{"missing policy", func(m map[string]any) { m["policy"] = "nope.json" }, `field "policy" = "nope.json"`},
		{"bad backend", func(m map[string]any) { m["backend"] = "stark" }, `field "backend" = "stark"`},
		{"bad range check", func(m map[string]any) { m["rangeCheck"] = "bytes" }, `field "rangeCheck" = "bytes"`},
		{"unknown field", func(m map[string]any) { m["epochs"] = 3 }, `unknown field "epochs"`},
		{"key without rpc", func(m map[string]any) { m["chain"] = map[string]any{"key": "k"} }, `field "chain.rpc"`},
		{"rpc without signer", func(m map[string]any) { m["chain"] = map[string]any{"rpc": "http://127.0.0.1:1"} }, `field "chain.key"`},
		{"bad standalone", func(m map[string]any) { m["standalone"] = []string{"epoch"} }, `field "standalone[0]" = "epoch"`},
		{"format", func(m map[string]any) { m["format"] = "zktreasury-run/0" }, `field "format"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := testConfig(t, tc.edit)
			_, err := LoadConfig(path)
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) || !strings.Contains(err.Error(), path) {
				t.Fatalf("error %v: want the file %s and %s", err, path, tc.wantErr)
			}
		})
	}
	t.Run("too many users", func(t *testing.T) {
		path := testConfig(t, func(m map[string]any) { m["capacity"] = 2 })
		cfg, err := LoadConfig(path)
		if err != nil {
			t.Fatal(err)
		}
		state := filepath.Join(t.TempDir(), "state")
		cfg.SetState(state)
		_, err = Run(context.Background(), Options{Config: cfg, Quiet: true})
		if err == nil || !strings.Contains(err.Error(), `field "capacity" = "2"`) {
			t.Fatalf("error %v", err)
		}
		if _, err := os.Stat(StatePath(state)); !os.IsNotExist(err) {
			t.Fatalf("a refused config left %s", StatePath(state))
		}
	})
}

// chainView is what the registry of a state directory's simulated chain holds.
type chainView struct {
	LastEpoch   uint64
	State       string
	RecordHash  string
	Records     []string
	Submissions int // submitEpoch transactions in the chain's journal
}

func readChain(t *testing.T, state string) chainView {
	t.Helper()
	sc, err := openSimChain(state)
	if err != nil {
		t.Fatal(err)
	}
	defer sc.Close()
	dep := readDeployment(t, state)
	reg, err := contracts.NewRegistry(dep, sc, nil)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	s, err := reg.Status(ctx)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := reg.Records(ctx)
	if err != nil {
		t.Fatal(err)
	}
	v := chainView{LastEpoch: s.LastEpoch, State: fmt.Sprintf("%#x", s.CurrentState), RecordHash: s.RecordHash.Hex()}
	for _, r := range recs {
		v.Records = append(v.Records, r.RecordHash.Hex())
	}
	selector := submitSelector(t)
	for _, h := range sc.txs {
		tx := decodeTx(t, h)
		if tx.To() != nil && *tx.To() == dep && bytes.HasPrefix(tx.Data(), selector) {
			v.Submissions++
		}
	}
	return v
}

// TestRunChainsEpochs runs three epochs in one go and checks they are chained on the registry
// and that the state directory says so.
func TestRunChainsEpochs(t *testing.T) {
	if testing.Short() {
		t.Skip("proves three epochs")
	}
	keys := testKeys(t)
	cfg := testConfig(t, nil)
	state := filepath.Join(t.TempDir(), "state")
	res, err := runInProcess(t, cfg, state, keys, testEpochs)
	if err != nil {
		t.Fatal(err)
	}
	if res.LastEpoch != testEpochs || len(res.Epochs) != testEpochs {
		t.Fatalf("last epoch %d, %d epochs reported", res.LastEpoch, len(res.Epochs))
	}
	v := readChain(t, state)
	if v.LastEpoch != testEpochs || v.Submissions != testEpochs || len(v.Records) != testEpochs+1 {
		t.Fatalf("registry: %+v", v)
	}
	st, _ := LoadState(state)
	if v.State != st.StateCommitment && fmt.Sprintf("0x%064s", strings.TrimPrefix(v.State, "0x")) != st.StateCommitment {
		t.Fatalf("registry state %s, state.json %s", v.State, st.StateCommitment)
	}
	for i, e := range res.Epochs {
		if e.ProofBytes == 0 || e.GasUsed == 0 || e.InclusionFiles != 4 || e.ProofReused {
			t.Errorf("epoch %d: %+v", i+1, e)
		}
	}
	// Running again does nothing new: the epochs are done.
	res2, err := runInProcess(t, cfg, state, keys, testEpochs)
	if err != nil {
		t.Fatal(err)
	}
	if len(res2.Epochs) != 0 || readChain(t, state).Submissions != testEpochs {
		t.Fatalf("a second run redid %d epochs", len(res2.Epochs))
	}
}

var (
	binOnce sync.Once
	binPath string
	binErr  error
)

func buildBinary(t *testing.T) string {
	t.Helper()
	binOnce.Do(func() {
		dir, err := os.MkdirTemp("", "zkt-run-bin-")
		if err != nil {
			binErr = err
			return
		}
		binPath = filepath.Join(dir, "zktreasury")
		if runtime.GOOS == "windows" {
			binPath += ".exe"
		}
		out, err := exec.Command("go", "build", "-o", binPath, "../../").CombinedOutput()
		if err != nil {
			binErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return binPath
}

// runBinary runs `zktreasury run` as a subprocess, with ZKT_CRASH_AT=crash when crash is set.
func runBinary(t *testing.T, cfg, state, keys, crash string) (int, string) {
	t.Helper()
	cmd := exec.Command(buildBinary(t), "run", "--config", cfg, "--state", state, "--keys", keys, "--epochs", fmt.Sprint(testEpochs), "--contracts", contractsDir)
	cmd.Env = append(os.Environ(), CrashEnv+"="+crash)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	t.Logf("run (crash at %q): exit %d\n%s", crash, code, out.String())
	return code, out.String()
}

// commitments is what must not depend on crashes: per epoch its log head, commitments and
// record hash, and the last epoch and state.
func commitments(t *testing.T, state string) string {
	t.Helper()
	st, err := LoadState(state)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "last %d state %s root %s\n", st.LastEpoch, st.StateCommitment, st.LiabilitiesRoot)
	for _, e := range st.Epochs {
		fmt.Fprintf(&b, "epoch %d %s log %s state %s root %s actions %s record %s\n", e.Epoch, e.Stage, e.LogHead, e.StateCommitment, e.LiabilitiesRoot, e.ActionsCommitment, e.RecordHash)
	}
	return b.String()
}

// TestCrashAndResume kills `zktreasury run` (the built binary, exit 137 from the fault hook)
// while proving, right after a submission landed, between signing and sending, and after
// planning, restarting it each time; the end state must be the uninterrupted run's: the same
// state.json commitments, the same registry state and records, exactly one submission per
// epoch, and the proof killed after writing reused rather than proven again.
func TestCrashAndResume(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and proves epochs several times")
	}
	keys := testKeys(t)
	cfg := testConfig(t, nil)

	clean := filepath.Join(t.TempDir(), "clean")
	cmd := exec.Command(buildBinary(t), "run", "--config", cfg, "--state", clean, "--keys", keys, "--epochs", fmt.Sprint(testEpochs), "--contracts", contractsDir, "--json")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("uninterrupted run: %v\n%s", err, stderr.String())
	}
	// --json: one JSON document on stdout, no progress anywhere.
	var doc Result
	dec := json.NewDecoder(&stdout)
	if err := dec.Decode(&doc); err != nil || dec.More() || doc.LastEpoch != testEpochs || len(doc.Epochs) != testEpochs {
		t.Fatalf("--json output is not one Result document (err %v, more %v, %+v)", err, dec.More(), doc)
	}
	if strings.Contains(stderr.String(), "proving") {
		t.Fatalf("--json printed progress on stderr:\n%s", stderr.String())
	}
	want, wantChain := commitments(t, clean), readChain(t, clean)
	if wantChain.Submissions != testEpochs || wantChain.LastEpoch != testEpochs {
		t.Fatalf("uninterrupted run: %+v", wantChain)
	}

	crashed := filepath.Join(t.TempDir(), "crashed")
	steps := []struct {
		crash, wantOut string
	}{
		{"plan:1", ""},
		{"prove:2", ""},
		{"submit:2", "epochs/2/epoch.proof.json: verified with the pinned key, reused"}, // proof of the killed run reused
		{"sign:3", ""},
		{"", ""},
	}
	for _, s := range steps {
		code, out := runBinary(t, cfg, crashed, keys, s.crash)
		if s.crash != "" && code != CrashExitCode {
			t.Fatalf("crash at %s: exit %d, want %d", s.crash, code, CrashExitCode)
		}
		if s.crash == "" && code != 0 {
			t.Fatalf("final run: exit %d", code)
		}
		if s.wantOut != "" && !strings.Contains(out, s.wantOut) {
			t.Fatalf("after the crash before %s the run did not say %q", s.crash, s.wantOut)
		}
	}
	if got := commitments(t, crashed); got != want {
		t.Fatalf("state.json after crashes:\n%s\nuninterrupted:\n%s", got, want)
	}
	if got := readChain(t, crashed); fmt.Sprint(got) != fmt.Sprint(wantChain) {
		t.Fatalf("registry after crashes %+v, uninterrupted %+v", got, wantChain)
	}
}

// TestRecognisesLandedEpoch: an epoch that landed while state.json lost its transaction (the
// stage rolled back to proved, no hash) is recognised on chain, not submitted again.
func TestRecognisesLandedEpoch(t *testing.T) {
	if testing.Short() {
		t.Skip("proves epochs")
	}
	keys := testKeys(t)
	cfg := testConfig(t, nil)
	state := filepath.Join(t.TempDir(), "state")
	if _, err := runInProcess(t, cfg, state, keys, 1); err != nil {
		t.Fatal(err)
	}
	st, err := LoadState(state)
	if err != nil {
		t.Fatal(err)
	}
	e := &st.Epochs[0]
	e.Stage, e.TxHash, e.RecordHash, e.Block, e.GasUsed = StageProved, "", "", 0, 0
	st.LastEpoch, st.StateCommitment, st.LiabilitiesRoot = 0, "", ""
	if err := st.save(state); err != nil {
		t.Fatal(err)
	}
	res, err := runInProcess(t, cfg, state, keys, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Epochs) != 1 || !res.Epochs[0].RecognisedOnChain || !res.Epochs[0].ProofReused {
		t.Fatalf("epoch 1 not recognised: %+v", res.Epochs)
	}
	if v := readChain(t, state); v.Submissions != 1 || v.LastEpoch != 1 {
		t.Fatalf("registry %+v: want one submission", v)
	}
}

func decodeTx(t *testing.T, h string) *types.Transaction {
	t.Helper()
	b, err := hexDecode(h)
	if err != nil {
		t.Fatal(err)
	}
	tx := new(types.Transaction)
	if err := tx.UnmarshalBinary(b); err != nil {
		t.Fatal(err)
	}
	return tx
}

// TestInsolventEpochNoProof: liabilities above what the reserves cover make the engine refuse
// the epoch (ErrInsolvent, exit 3 from the command) and no proof or epoch is written.
func TestInsolventEpochNoProof(t *testing.T) {
	if testing.Short() {
		t.Skip("deploys on the simulated chain")
	}
	keys := testKeys(t)
	cfg := testConfig(t, nil)
	ledger := "user_id,USDC,DAI,WETH,WBTC\nalice,50000000,1000000,0,0\nbob,2500000,2000000,1000,0\ncarol,1000000,0,500,20\ndave,0,3000000,2000,40\n"
	if err := os.WriteFile(filepath.Join(filepath.Dir(cfg), "liabilities.csv"), []byte(ledger), 0o644); err != nil {
		t.Fatal(err)
	}
	state := filepath.Join(t.TempDir(), "state")
	_, err := runInProcess(t, cfg, state, keys, 1)
	if !errors.Is(err, ErrInsolvent) {
		t.Fatalf("error %v, want ErrInsolvent", err)
	}
	if _, err := os.Stat(filepath.Join(state, epochsDir, "1")); !os.IsNotExist(err) {
		t.Fatalf("an insolvent epoch left its directory: %v", err)
	}
	st, _ := LoadState(state)
	if len(st.Epochs) != 0 || st.LastEpoch != 0 {
		t.Fatalf("state after an insolvent epoch: %+v", st)
	}
}

// TestStandaloneProofs: with "standalone" the run also writes a solvency and a compliance
// proof per epoch, each verifying with its pinned key.
func TestStandaloneProofs(t *testing.T) {
	if testing.Short() {
		t.Skip("sets up two more keys and proves")
	}
	keys := testKeys(t)
	pol, err := treasury.LoadPolicy("initdata/policy.json")
	if err != nil {
		t.Fatal(err)
	}
	own := t.TempDir()
	for _, sh := range []prover.Shape{
		{Circuit: "epoch", Users: testCapacity, Actions: testSlots},
		{Circuit: "solvency", Users: testCapacity},
		{Circuit: "compliance", Actions: testSlots},
	} {
		sh.Assets, sh.Venues, sh.RangeCheck = len(pol.Assets), len(pol.Venues), prover.DefaultRangeCheck("epoch")
		if sh.Circuit == "epoch" {
			matches, _ := filepath.Glob(filepath.Join(keys, "epoch-*"))
			for _, m := range matches {
				data, err := os.ReadFile(m)
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(own, filepath.Base(m)), data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			continue
		}
		job, err := sh.Job()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := prover.SetupInsecure(keystore.Store{Dir: own}, zk.Groth16{}, job, nil); err != nil {
			t.Fatal(err)
		}
	}
	cfg := testConfig(t, func(m map[string]any) { m["standalone"] = []string{"solvency", "compliance"} })
	state := filepath.Join(t.TempDir(), "state")
	res, err := runInProcess(t, cfg, state, own, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Epochs) != 1 || len(res.Epochs[0].Standalone) != 2 {
		t.Fatalf("standalone proofs: %+v", res.Epochs)
	}
	for _, p := range res.Epochs[0].Standalone {
		f, err := prooffile.Read(p)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := prover.VerifyFile(keystore.Store{Dir: own}, f); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
	}
}

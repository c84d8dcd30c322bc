package runner

import (
	"context"
	"encoding/json"
	"errors"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/chain"
	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/epoch"
	"github.com/zktreasury/zktreasury/contracts"
	"github.com/zktreasury/zktreasury/prover/prooffile"
)

// Red-team attacks on resume: each starts from an honest state directory in which epoch 1 is
// confirmed and epoch 2 is planned and proved but not submitted (the registry was paused when
// the run tried), tampers with one thing in the state directory, unpauses, and runs again.

var (
	provedOnce          sync.Once
	provedCfg, provedSt string
	provedErr           error
)

// setPaused pauses or unpauses a state directory's registry on its simulated chain.
func setPaused(t *testing.T, state string, pause bool) {
	t.Helper()
	sc, err := openSimChain(state)
	if err != nil {
		t.Fatal(err)
	}
	defer sc.Close()
	reg, err := contracts.NewRegistry(readDeployment(t, state), sc, bind.NewKeyedTransactor(sc.key, big.NewInt(simChainID)))
	if err != nil {
		t.Fatal(err)
	}
	if pause {
		_, err = reg.Pause(context.Background())
	} else {
		_, err = reg.Unpause(context.Background())
	}
	if err != nil {
		t.Fatal(err)
	}
}

// provedNotSubmitted returns a copy of the honest state directory (epoch 1 confirmed, epoch 2
// proved, not submitted, registry unpaused) and its config.
func provedNotSubmitted(t *testing.T) (cfg, state, keys string) {
	t.Helper()
	if testing.Short() {
		t.Skip("proves epochs")
	}
	keys = testKeys(t)
	provedOnce.Do(func() {
		dir, err := os.MkdirTemp("", "zkt-red-")
		if err != nil {
			provedErr = err
			return
		}
		provedCfg = testConfig(t, nil)
		// testConfig's directory is the test's TempDir: keep a copy that outlives it.
		cfgDir := filepath.Join(dir, "cfg")
		if out, err := exec.Command("cp", "-a", filepath.Dir(provedCfg), cfgDir).CombinedOutput(); err != nil {
			provedErr = errors.New(string(out))
			return
		}
		provedCfg = filepath.Join(cfgDir, "config.json")
		provedSt = filepath.Join(dir, "state")
		if _, err := runInProcess(t, provedCfg, provedSt, keys, 1); err != nil {
			provedErr = err
			return
		}
		setPaused(t, provedSt, true)
		_, err = runInProcess(t, provedCfg, provedSt, keys, 2)
		var no *cmdutil.NoError
		if !errors.As(err, &no) || !strings.Contains(err.Error(), "Paused") {
			provedErr = errors.New("the run against a paused registry did not stop with a refusal: " + errorString(err))
			return
		}
		setPaused(t, provedSt, false)
	})
	if provedErr != nil {
		t.Fatal(provedErr)
	}
	st, err := LoadState(provedSt)
	if err != nil || len(st.Epochs) != 2 || st.Epochs[1].Stage != StageProved || st.LastEpoch != 1 {
		t.Fatalf("fixture state %+v (%v)", st, err)
	}
	state = filepath.Join(t.TempDir(), "state")
	if out, err := exec.Command("cp", "-a", provedSt, state).CombinedOutput(); err != nil {
		t.Fatalf("copy the fixture: %s", out)
	}
	return provedCfg, state, keys
}

func errorString(err error) string {
	if err == nil {
		return "<nil>"
	}
	return err.Error()
}

func editState(t *testing.T, state string, edit func(*State)) {
	t.Helper()
	st, err := LoadState(state)
	if err != nil {
		t.Fatal(err)
	}
	edit(st)
	if err := st.save(state); err != nil {
		t.Fatal(err)
	}
}

// TestResumeHonest: the fixture resumes to epoch 2 on chain, reusing the proof (the baseline
// the attacks below depart from).
func TestResumeHonest(t *testing.T) {
	cfg, state, keys := provedNotSubmitted(t)
	res, err := runInProcess(t, cfg, state, keys, 2)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Epochs) != 1 || !res.Epochs[0].ProofReused || res.LastEpoch != 2 {
		t.Fatalf("resume: %+v", res)
	}
	if v := readChain(t, state); v.LastEpoch != 2 || v.Submissions != 2 {
		t.Fatalf("registry %+v", v)
	}
}

// TestResumeRefusesEditedCaseFile: a liability lowered in the planned epoch's case directory
// (and its proof removed) must not be proven and submitted: the liabilities root is a free
// public input on chain, so the registry would record the understated ledger.
func TestResumeRefusesEditedCaseFile(t *testing.T) {
	cfg, state, keys := provedNotSubmitted(t)
	dir := filepath.Join(state, epochsDir, "2")
	raw, err := os.ReadFile(filepath.Join(dir, "liabilities.csv"))
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(raw), "alice,5000000,", "alice,1,", 1)
	if edited == string(raw) {
		t.Fatal("alice's row not found in the case's liabilities.csv")
	}
	if err := os.WriteFile(filepath.Join(dir, "liabilities.csv"), []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(dir, EpochProofFile)); err != nil {
		t.Fatal(err)
	}
	_, err = runInProcess(t, cfg, state, keys, 2)
	if v := readChain(t, state); v.LastEpoch != 1 || v.Submissions != 1 {
		t.Fatalf("the edited epoch was submitted: registry %+v (run error %v)", v, err)
	}
	if err == nil || !strings.Contains(err.Error(), "liabilities.csv") {
		t.Fatalf("want an error naming liabilities.csv, got %v", err)
	}
}

// TestResumeRefusesRedirectedProof: state.json's proof path pointed at another epoch's proof
// must not be what is submitted; the run submits only the proof it verified for the epoch.
func TestResumeRefusesRedirectedProof(t *testing.T) {
	cfg, state, keys := provedNotSubmitted(t)
	editState(t, state, func(s *State) { s.Epochs[1].Proof = filepath.Join(epochsDir, "1", EpochProofFile) })
	_, err := runInProcess(t, cfg, state, keys, 2)
	if err == nil || !strings.Contains(err.Error(), "state.json") || !strings.Contains(err.Error(), "proof") {
		t.Fatalf("want an error naming state.json's proof, got %v", err)
	}
	var no *cmdutil.NoError
	if errors.As(err, &no) {
		t.Fatalf("the run sent the redirected proof to the registry to be refused: %v", err)
	}
	if v := readChain(t, state); v.LastEpoch != 1 {
		t.Fatalf("registry %+v", v)
	}
}

// TestResumeRoundsInProofFile: the proof file's "rounds" are not covered by the proof; an
// edited one (here the same ids in hex, which a base-10 parse turned into nil) must neither
// crash the run nor decide what is submitted: the run uses its own rounds.
func TestResumeRoundsInProofFile(t *testing.T) {
	cfg, state, keys := provedNotSubmitted(t)
	path := filepath.Join(state, epochsDir, "2", EpochProofFile)
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	rounds, ok := m["rounds"].(map[string]any)
	if !ok || len(rounds) == 0 {
		t.Fatalf("no rounds in %s", path)
	}
	for sym, v := range rounds {
		id, _ := new(big.Int).SetString(v.(string), 10)
		rounds[sym] = "0x" + id.Text(16)
	}
	out, _ := json.MarshalIndent(m, "", "  ")
	if err := os.WriteFile(path, out, 0o644); err != nil {
		t.Fatal(err)
	}
	var res *Result
	func() {
		defer func() {
			if p := recover(); p != nil {
				t.Fatalf("the run panicked on an edited proof file: %v", p)
			}
		}()
		res, err = runInProcess(t, cfg, state, keys, 2)
	}()
	if err != nil {
		t.Fatal(err)
	}
	if res.LastEpoch != 2 {
		t.Fatalf("result %+v", res)
	}
	if v := readChain(t, state); v.LastEpoch != 2 || v.Submissions != 2 {
		t.Fatalf("registry %+v", v)
	}
}

// TestResumeRefusesConfirmedNotOnChain: state.json claiming epoch 2 confirmed while the
// registry never recorded it must not end in success.
func TestResumeRefusesConfirmedNotOnChain(t *testing.T) {
	cfg, state, keys := provedNotSubmitted(t)
	editState(t, state, func(s *State) {
		e := &s.Epochs[1]
		e.Stage, e.TxHash, e.RecordHash, e.Block = StageConfirmed, "0x"+strings.Repeat("ab", 32), "0x"+strings.Repeat("cd", 32), 99
		s.LastEpoch, s.StateCommitment, s.LiabilitiesRoot = 2, e.StateCommitment, e.LiabilitiesRoot
	})
	res, err := runInProcess(t, cfg, state, keys, 2)
	if err == nil {
		t.Fatalf("the run reported success through epoch %d, the registry is at epoch %d", res.LastEpoch, readChain(t, state).LastEpoch)
	}
	if !strings.Contains(err.Error(), "epoch 2") {
		t.Fatalf("the error does not name epoch 2: %v", err)
	}
}

// TestResumeRefusesDroppedSubmission: the chain journal losing epoch 2's submission (the
// simulated chain then never recorded it) while state.json says confirmed must not end in
// success either.
func TestResumeRefusesDroppedSubmission(t *testing.T) {
	cfg, state, keys := provedNotSubmitted(t)
	if _, err := runInProcess(t, cfg, state, keys, 2); err != nil {
		t.Fatal(err)
	}
	_, journal := simPaths(state)
	raw, err := os.ReadFile(journal)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(raw)), "\n")
	if err := os.WriteFile(journal, []byte(strings.Join(lines[:len(lines)-1], "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if v := readChain(t, state); v.LastEpoch != 1 {
		t.Fatalf("dropping the journal's last line left the registry at %+v", v)
	}
	if _, err := runInProcess(t, cfg, state, keys, 2); err == nil {
		t.Fatal("the run reported success for epoch 2, which the registry does not record")
	}
}

// TestLoadStateInconsistent: a state.json whose last epoch is not its confirmed prefix is
// refused on load, naming the field.
func TestLoadStateInconsistent(t *testing.T) {
	for _, tc := range []struct {
		name string
		st   State
		want string
	}{
		{"last epoch beyond the confirmed ones", State{Format: StateFormat, LastEpoch: 2, Epochs: []EpochState{{Epoch: 1, Stage: StageConfirmed}, {Epoch: 2, Stage: StageProved}}}, "lastEpoch"},
		{"last epoch without epochs", State{Format: StateFormat, LastEpoch: 3}, "lastEpoch"},
		{"a confirmed epoch after an unconfirmed one", State{Format: StateFormat, LastEpoch: 0, Epochs: []EpochState{{Epoch: 1, Stage: StagePlanned}, {Epoch: 2, Stage: StageConfirmed}}}, "lastEpoch"},
		{"an epoch dir outside the state directory", State{Format: StateFormat, Epochs: []EpochState{{Epoch: 1, Stage: StagePlanned, Dir: "../elsewhere"}}}, "epochs[0].dir"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := tc.st.save(dir); err != nil {
				t.Fatal(err)
			}
			_, err := LoadState(dir)
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "state.json") {
				t.Fatalf("want an error naming state.json and %s, got %v", tc.want, err)
			}
		})
	}
}

// TestOnChainComparesWholeRecord: an epoch recorded with this run's state, root and actions
// but another end time (or round, price, flow, policy) is not this run's epoch: the run must
// not confirm it as recognised (the next epoch would then start where the run did not plan).
func TestOnChainComparesWholeRecord(t *testing.T) {
	_, state, _ := provedNotSubmitted(t)
	st, err := LoadState(state)
	if err != nil {
		t.Fatal(err)
	}
	sc, err := openSimChain(state)
	if err != nil {
		t.Fatal(err)
	}
	defer sc.Close()
	dep, err := chain.ReadDeployment(filepath.Join(state, DeploymentFile))
	if err != nil {
		t.Fatal(err)
	}
	reg, err := contracts.NewRegistry(dep.Registry, sc, nil)
	if err != nil {
		t.Fatal(err)
	}
	r := &run{ctx: context.Background(), reg: reg}
	f, err := prooffile.Read(filepath.Join(state, epochsDir, "1", EpochProofFile))
	if err != nil {
		t.Fatal(err)
	}
	rounds := epoch.Rounds{}
	for sym, id := range f.Rounds {
		rounds[sym], _ = new(big.Int).SetString(id, 10)
	}
	claim, err := epoch.BuildSubmission(dep, f, rounds)
	if err != nil {
		t.Fatal(err)
	}
	if landed, _, err := r.onChain(1, &st.Epochs[0], claim); err != nil || !landed {
		t.Fatalf("the honest record is not recognised: %v %v", landed, err)
	}
	for name, edit := range map[string]func(c *contracts.Claim){
		"end time":  func(c *contracts.Claim) { c.EndTime++ },
		"a round":   func(c *contracts.Claim) { c.RoundIDs[0] = new(big.Int).Add(c.RoundIDs[0], big.NewInt(1)) },
		"an inflow": func(c *contracts.Claim) { c.Inflows[1]++ },
		"policy":    func(c *contracts.Claim) { c.Policy = new(big.Int).Add(c.Policy, big.NewInt(1)) },
	} {
		other, _ := epoch.BuildSubmission(dep, f, rounds)
		edit(other)
		if landed, _, err := r.onChain(1, &st.Epochs[0], other); err == nil || landed {
			t.Errorf("%s differs: landed %v, err %v: want a refusal", name, landed, err)
		}
	}
}

// TestSeriesPriceOutOfCircuitRange: a series price that parses but does not fit the circuit
// (rounds to zero at the asset's scale, or over 2^64-1 value units) is bad input: the run
// refuses it on load naming series.csv, the date and the asset, and writes nothing (it used
// to deploy, then fail at that epoch with an error naming neither file nor date).
func TestSeriesPriceOutOfCircuitRange(t *testing.T) {
	if testing.Short() {
		t.Skip("may deploy")
	}
	keys := testKeys(t)
	for name, edit := range map[string][2]string{
		"a WETH price that rounds to zero": {"2026-11-21,WETH,2850", "2026-11-21,WETH,0.00000001"},
		"a USDC price over 2^64 units":     {"2026-11-22,USDC,1.0002", "2026-11-22,USDC,1000000000000000000000000000000"},
	} {
		t.Run(name, func(t *testing.T) {
			cfg := testConfig(t, nil)
			path := filepath.Join(filepath.Dir(cfg), "series.csv")
			raw, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			edited := strings.Replace(string(raw), edit[0], edit[1], 1)
			if edited == string(raw) {
				t.Fatalf("%q not in series.csv", edit[0])
			}
			if err := os.WriteFile(path, []byte(edited), 0o644); err != nil {
				t.Fatal(err)
			}
			state := filepath.Join(t.TempDir(), "state")
			_, err = runInProcess(t, cfg, state, keys, 1)
			date := strings.SplitN(edit[1], ",", 2)[0]
			if err == nil || !strings.Contains(err.Error(), "series.csv") || !strings.Contains(err.Error(), date) {
				t.Fatalf("want an error naming series.csv and %s, got %v", date, err)
			}
			if _, err := os.Stat(state); !os.IsNotExist(err) {
				t.Fatalf("the refused run wrote %s (%v)", state, err)
			}
		})
	}
}

// TestLostStateJSONKeepsTheRegistry: state.json lost (deleted) while deployment.json and the
// chain remain must not deploy a second registry over the recorded one (and overwrite
// deployment.json, losing the registry that holds the epochs): the run adopts the deployment
// and recognises the epochs already recorded.
func TestLostStateJSONKeepsTheRegistry(t *testing.T) {
	cfg, state, keys := provedNotSubmitted(t)
	before := readDeployment(t, state)
	if err := os.Remove(StatePath(state)); err != nil {
		t.Fatal(err)
	}
	res, err := runInProcess(t, cfg, state, keys, 1)
	if err != nil {
		t.Fatal(err)
	}
	if after := readDeployment(t, state); after != before {
		t.Fatalf("a second registry %s was deployed over %s", after, before)
	}
	if len(res.Epochs) != 1 || !res.Epochs[0].RecognisedOnChain {
		t.Fatalf("epoch 1 not recognised on the registry: %+v", res.Epochs)
	}
	if v := readChain(t, state); v.LastEpoch != 1 || v.Submissions != 1 {
		t.Fatalf("registry %+v", v)
	}
}

// TestInclusionFileNamesCollide: a user whose id is not a safe file name gets user-N; another
// user literally named user-N would get the same inclusion file, one user's file silently
// replacing the other's. The ledger is refused on load, naming the file and both users.
func TestInclusionFileNamesCollide(t *testing.T) {
	keys := t.TempDir() // refused on load, before any key is needed
	cfg := testConfig(t, nil)
	path := filepath.Join(filepath.Dir(cfg), "liabilities.csv")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(raw), "\nbob,", "\nbob@example.org,", 1)
	s = strings.Replace(s, "\ncarol,", "\nuser-2,", 1)
	if !strings.Contains(s, "bob@example.org,") || !strings.Contains(s, "\nuser-2,") {
		t.Fatal("ledger rows not found")
	}
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	state := filepath.Join(t.TempDir(), "state")
	_, err = runInProcess(t, cfg, state, keys, 1)
	if err == nil || !strings.Contains(err.Error(), "liabilities.csv") || !strings.Contains(err.Error(), "user-2.inclusion.json") {
		files, _ := filepath.Glob(filepath.Join(state, epochsDir, "1", InclusionDir, "*"))
		t.Fatalf("want a refusal naming liabilities.csv and user-2.inclusion.json, got %v (inclusion files: %v)", err, files)
	}
	if _, err := os.Stat(state); !os.IsNotExist(err) {
		t.Fatalf("the refused run wrote %s", state)
	}
}

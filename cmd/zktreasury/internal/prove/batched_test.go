package prove

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/zktreasury/zktreasury/prover/batchrun"
)

var (
	binOnce sync.Once
	binPath string
	binErr  error
)

// zktBinary builds the zktreasury binary once per test run.
func zktBinary(t *testing.T) string {
	t.Helper()
	binOnce.Do(func() {
		dir, err := os.MkdirTemp("", "zkt-batch-bin-")
		if err != nil {
			binErr = err
			return
		}
		binPath = filepath.Join(dir, "zktreasury")
		if runtime.GOOS == "windows" {
			binPath += ".exe"
		}
		if out, err := exec.Command("go", "build", "-o", binPath, "../../").CombinedOutput(); err != nil {
			binErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return binPath
}

// zkt runs the binary; env entries are added to the environment.
func zkt(t *testing.T, env []string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	cmd := exec.Command(zktBinary(t), args...)
	cmd.Env = append(os.Environ(), env...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return code, out.String(), errb.String()
}

// batchCase writes a 4-asset case of n users into a new directory.
func batchCase(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	for src, dst := range map[string]string{
		"engine/policy.json": "policy.json", "engine/prices.csv": "prices.csv", "engine/positions.csv": "positions.csv",
		"solvency/solvent/secrets.json": "secrets.json",
	} {
		data, err := os.ReadFile(filepath.Join("../../../../testdata", src))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, dst), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var b strings.Builder
	b.WriteString("user_id,USDC,DAI,WETH,WBTC\n")
	for i := range n {
		fmt.Fprintf(&b, "user-%03d,%d.5,%d,0.%06d,0.%08d\n", i, 500+i, 3*i, 2*i+1, i)
	}
	if err := os.WriteFile(filepath.Join(dir, "liabilities.csv"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func planArgs(caseDir, run string, epoch int) []string {
	return []string{"prove", "solvency", "--policy", filepath.Join(caseDir, "policy.json"), "--prices", filepath.Join(caseDir, "prices.csv"),
		"--positions", filepath.Join(caseDir, "positions.csv"), "--liabilities", filepath.Join(caseDir, "liabilities.csv"),
		"--secrets", filepath.Join(caseDir, "secrets.json"), "--epoch", fmt.Sprint(epoch), "--batch-size", "4", "--batches", "8", "--plan", run}
}

func mustZkt(t *testing.T, env []string, args ...string) string {
	t.Helper()
	code, out, errs := zkt(t, env, args...)
	if code != 0 {
		t.Fatalf("zktreasury %s: exit %d\n%s%s", strings.Join(args, " "), code, out, errs)
	}
	return out
}

func proveJSON(t *testing.T, env []string, args ...string) batchrun.ProveResult {
	t.Helper()
	out := mustZkt(t, env, append(args, "--json")...)
	var res batchrun.ProveResult
	dec := json.NewDecoder(strings.NewReader(out))
	if err := dec.Decode(&res); err != nil || dec.More() {
		t.Fatalf("--json output is not one document (%v):\n%s", err, out)
	}
	return res
}

func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.Walk(src, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if info.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func indexes(res batchrun.ProveResult, status string) []int {
	var out []int
	for _, r := range res.Results {
		if r.Status == status {
			out = append(out, r.Index)
		}
	}
	slices.Sort(out)
	return out
}

// TestShardsJoinLikeOneProcess: one plan, copied; one copy proven by a single
// process, the other by 3 shard processes running at once; both joins give the
// same joined.json bytes. The proofs differ (Groth16 proofs are randomised:
// the files are not compared), the joined statement does not: it is a function
// of the manifest and the verified statements only.
func TestShardsJoinLikeOneProcess(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and proves 16 batches")
	}
	c := batchCase(t, 29)
	single := filepath.Join(t.TempDir(), "single")
	mustZkt(t, nil, planArgs(c, single, 4)...)
	sharded := filepath.Join(t.TempDir(), "sharded")
	copyTree(t, single, sharded)

	res := proveJSON(t, nil, "prove", "solvency", "--manifest", single)
	if res.Proved != 8 || res.Batches != 8 {
		t.Fatalf("single process: %+v", res)
	}
	var wg sync.WaitGroup
	results := make([]batchrun.ProveResult, 3)
	for i := range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = proveJSON(t, nil, "prove", "solvency", "--manifest", sharded, "--shard", fmt.Sprintf("%d/3", i), "--workers", "1")
		}()
	}
	wg.Wait()
	for i, r := range results {
		var want []int
		for b := i; b < 8; b += 3 {
			want = append(want, b)
		}
		if got := indexes(r, batchrun.Proved); !slices.Equal(got, want) {
			t.Fatalf("shard %d/3 proved %v, want %v", i, got, want)
		}
	}
	mustZkt(t, nil, "prove", "solvency", "--manifest", single, "--join")
	out := mustZkt(t, nil, "prove", "solvency", "--manifest", sharded, "--join", "--json")
	a, _ := os.ReadFile(filepath.Join(single, batchrun.JoinedFile))
	b, _ := os.ReadFile(filepath.Join(sharded, batchrun.JoinedFile))
	if len(a) == 0 || !bytes.Equal(a, b) {
		t.Fatalf("joined.json differs:\nsingle:\n%s\nsharded:\n%s", a, b)
	}
	var j batchrun.Joined
	if err := json.Unmarshal([]byte(out), &j); err != nil || j.Users != 29 || j.Totals[0].Amount.String() != "14920.5" {
		t.Fatalf("join --json: %v %+v", err, j)
	}
	p1, _ := os.ReadFile(batchrun.ProofPath(single, 0))
	p2, _ := os.ReadFile(batchrun.ProofPath(sharded, 0))
	if bytes.Equal(p1, p2) {
		t.Fatal("two proofs of batch 0 are identical: proofs are expected to be randomised")
	}
}

// TestCrashResume kills the prover (the ZKT_CRASH_AT hook, exit 137) after
// batch 5 is proven and before its file is written; the rerun proves exactly
// the batches without a file, and skips the others.
func TestCrashResume(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and proves batches")
	}
	c := batchCase(t, 29)
	run := filepath.Join(t.TempDir(), "run")
	mustZkt(t, nil, planArgs(c, run, 4)...)
	code, _, errs := zkt(t, []string{CrashEnv + "=batch:5"}, "prove", "solvency", "--manifest", run, "--workers", "1")
	if code != CrashExitCode {
		t.Fatalf("crash run: exit %d, want %d\n%s", code, CrashExitCode, errs)
	}
	var present, missing []int
	for b := range 8 {
		if _, err := os.Stat(batchrun.ProofPath(run, b)); err == nil {
			present = append(present, b)
		} else {
			missing = append(missing, b)
		}
	}
	if !slices.Equal(present, []int{0, 1, 2, 3, 4}) {
		t.Fatalf("after the crash, proofs of %v exist; want 0..4 (one worker, in order, killed before writing 5)", present)
	}
	if code, _, _ := zkt(t, nil, "prove", "solvency", "--manifest", run, "--join"); code != 1 {
		t.Fatalf("join of a crashed run: exit %d, want 1", code)
	}
	res := proveJSON(t, nil, "prove", "solvency", "--manifest", run)
	if got := indexes(res, batchrun.Proved); !slices.Equal(got, missing) || res.Proved != len(missing) {
		t.Fatalf("resume proved %v (%d), want exactly the missing %v", got, res.Proved, missing)
	}
	if got := indexes(res, batchrun.Skipped); !slices.Equal(got, present) {
		t.Fatalf("resume skipped %v, want %v", got, present)
	}
	mustZkt(t, nil, "prove", "solvency", "--manifest", run, "--join")
}

// TestBatchedRefusals: each case starts from a proven run and changes one thing.
func TestBatchedRefusals(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and proves batches")
	}
	c := batchCase(t, 29)
	run := filepath.Join(t.TempDir(), "run")
	mustZkt(t, nil, planArgs(c, run, 4)...)
	mustZkt(t, nil, "prove", "solvency", "--manifest", run)
	mustZkt(t, nil, "prove", "solvency", "--manifest", run, "--join")

	t.Run("proof swapped for another batch's", func(t *testing.T) {
		p3, p6 := batchrun.ProofPath(run, 3), batchrun.ProofPath(run, 6)
		a, _ := os.ReadFile(p3)
		b, _ := os.ReadFile(p6)
		os.WriteFile(p3, b, 0o644)
		os.WriteFile(p6, a, 0o644)
		code, _, errs := zkt(t, nil, "prove", "solvency", "--manifest", run, "--join")
		if code != 3 || !strings.Contains(errs, "3.proof: it is batch 6's proof") || !strings.Contains(errs, "6.proof: it is batch 3's proof") {
			t.Fatalf("join: exit %d\n%s", code, errs)
		}
		res := proveJSON(t, nil, "prove", "solvency", "--manifest", run)
		if got := indexes(res, batchrun.Reproved); !slices.Equal(got, []int{3, 6}) || res.Skipped != 6 {
			t.Fatalf("prove after the swap: reproved %v, %+v", got, res)
		}
		mustZkt(t, nil, "prove", "solvency", "--manifest", run, "--join")
	})
	t.Run("proof from another epoch's run", func(t *testing.T) {
		other := filepath.Join(t.TempDir(), "epoch9")
		mustZkt(t, nil, planArgs(c, other, 9)...)
		mustZkt(t, nil, "prove", "solvency", "--manifest", other, "--shard", "2/8")
		foreign, _ := os.ReadFile(batchrun.ProofPath(other, 2))
		os.WriteFile(batchrun.ProofPath(run, 2), foreign, 0o644)
		code, _, errs := zkt(t, nil, "prove", "solvency", "--manifest", run, "--join")
		if code != 3 || !strings.Contains(errs, "2.proof: epoch 9, the manifest's is 4") {
			t.Fatalf("join: exit %d\n%s", code, errs)
		}
		res := proveJSON(t, nil, "prove", "solvency", "--manifest", run, "--shard", "0/2")
		if got := indexes(res, batchrun.Reproved); !slices.Equal(got, []int{2}) {
			t.Fatalf("prove: reproved %v, %+v", got, res)
		}
		mustZkt(t, nil, "prove", "solvency", "--manifest", run, "--join")
	})
	t.Run("input edited after planning", func(t *testing.T) {
		path := filepath.Join(c, "prices.csv")
		orig, _ := os.ReadFile(path)
		defer os.WriteFile(path, orig, 0o644)
		os.WriteFile(path, bytes.Replace(orig, []byte("WETH,3000"), []byte("WETH,3001"), 1), 0o644)
		for _, args := range [][]string{{"prove", "solvency", "--manifest", run}} {
			code, _, errs := zkt(t, nil, args...)
			if code != 1 || !strings.Contains(errs, path) || !strings.Contains(errs, "the manifest wants") {
				t.Fatalf("%v: exit %d\n%s", args, code, errs)
			}
		}
	})
	t.Run("malformed manifest", func(t *testing.T) {
		mpath := filepath.Join(run, batchrun.ManifestFile)
		orig, _ := os.ReadFile(mpath)
		defer os.WriteFile(mpath, orig, 0o644)
		for name, tc := range map[string]struct {
			edit func(string) string
			want string
		}{
			"truncated":     {func(s string) string { return s[:len(s)/2] }, "manifest.json"},
			"unknown field": {func(s string) string { return strings.Replace(s, `"epoch"`, `"epoc"`, 1) }, `"epoc"`},
			"batch size":    {func(s string) string { return strings.Replace(s, `"batchSize": 4`, `"batchSize": 3`, 1) }, `"batchSize" = "3"`},
			"no constraints": {func(s string) string {
				return regexp.MustCompile(`"constraints": \d+`).ReplaceAllString(s, `"constraints": 0`)
			}, `"circuit.constraints" = "0"`},
			"batch reordered": {func(s string) string { return strings.Replace(s, `"index": 1,`, `"index": 2,`, 1) }, `"batchList[1].index" = "2"`},
			"format": {func(s string) string {
				return strings.Replace(s, batchrun.ManifestFormat, "zktreasury-batch-manifest/0", 1)
			}, `"format"`},
		} {
			os.WriteFile(mpath, []byte(tc.edit(string(orig))), 0o644)
			for _, args := range [][]string{{"prove", "solvency", "--manifest", run}, {"prove", "solvency", "--manifest", run, "--join"}} {
				code, _, errs := zkt(t, nil, args...)
				if code != 1 || !strings.Contains(errs, mpath) || !strings.Contains(errs, tc.want) {
					t.Fatalf("%s: %v: exit %d, want 1 naming %s and %s\n%s", name, args, code, mpath, tc.want, errs)
				}
			}
		}
	})
	t.Run("constraint count edited", func(t *testing.T) {
		// The count sizes the memory plan and the soft limit before the
		// circuit is compiled: a false one is refused once it is.
		mpath := filepath.Join(run, batchrun.ManifestFile)
		orig, _ := os.ReadFile(mpath)
		defer os.WriteFile(mpath, orig, 0o644)
		m, err := batchrun.LoadManifest(run)
		if err != nil {
			t.Fatal(err)
		}
		was := fmt.Sprintf(`"constraints": %d`, m.Circuit.Constraints)
		edited := fmt.Sprintf(`"constraints": %d`, m.Circuit.Constraints+1)
		if !bytes.Contains(orig, []byte(was)) {
			t.Fatalf("%s has no %s", mpath, was)
		}
		os.WriteFile(mpath, bytes.Replace(orig, []byte(was), []byte(edited), 1), 0o644)
		code, _, errs := zkt(t, nil, "prove", "solvency", "--manifest", run)
		want := fmt.Sprintf(`"circuit.constraints" = "%d"`, m.Circuit.Constraints+1)
		if code != 1 || !strings.Contains(errs, mpath) || !strings.Contains(errs, want) {
			t.Fatalf("exit %d, want 1 naming %s and %s\n%s", code, mpath, want, errs)
		}
	})
	t.Run("usage", func(t *testing.T) {
		for _, tc := range []struct {
			args []string
			want string
		}{
			{[]string{"--manifest", run, "--shard", "3/3"}, `"3/3"`},
			{[]string{"--manifest", run, "--shard", "-1/2"}, `"-1/2"`},
			{[]string{"--manifest", run, "--shard", "a/b"}, `"a/b"`},
			{[]string{"--manifest", run, "--workers", "-2"}, "--workers -2"},
			{[]string{"--manifest", run, "--join", "--shard", "0/2"}, "--shard"},
			{[]string{"--manifest", run, "--epoch", "3"}, "--epoch"},
			{[]string{"--manifest", run, "--plan", run}, "--plan and --manifest"},
			{[]string{"--case", c, "--plan", run}, "--batch-size"},
			{[]string{"--case", c, "--shard", "0/2"}, "--shard"},
			{append(planArgs(c, run, 4)[2:], "--hash", "sha"), `"sha"`},
			{append(planArgs(c, run, 4)[2:], "--batch-size", "6"), "--batch-size 6"},
			{append(planArgs(c, run, 4)[2:], "--batches", "3"), "--batches 3"},
			{append(planArgs(c, run, 4)[2:], "--out", "x"), "--out"},
		} {
			code, _, errs := zkt(t, nil, append([]string{"prove", "solvency"}, tc.args...)...)
			if code != 2 || !strings.Contains(errs, tc.want) {
				t.Errorf("%v: exit %d, want 2 naming %s\n%s", tc.args, code, tc.want, errs)
			}
		}
		code, _, errs := zkt(t, nil, planArgs(c, run, 4)...)
		if code != 1 || !strings.Contains(errs, "already planned") {
			t.Errorf("a second plan into %s: exit %d\n%s", run, code, errs)
		}
	})
}

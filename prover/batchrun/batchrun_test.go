package batchrun

import (
	"bytes"
	"encoding/json"
	"errors"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/frontend/cs/r1cs"
	"github.com/consensys/gnark/std/lookup/logderivlookup"
	"math"
	"math/big"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"

	circuit "github.com/zktreasury/zktreasury/circuits/batch"
	"github.com/zktreasury/zktreasury/circuits/gadget/bound"
	"github.com/zktreasury/zktreasury/prover/batch"
)

func TestParseShard(t *testing.T) {
	for _, tc := range []struct {
		in      string
		want    Shard
		wantErr string
	}{
		{in: "0/1", want: All},
		{in: "2/3", want: Shard{2, 3}},
		{in: "3/3", wantErr: `"3/3"`},
		{in: "-1/2", wantErr: `"-1/2"`},
		{in: "a/b", wantErr: `"a/b"`},
		{in: "1/0", wantErr: `"1/0"`},
		{in: "1", wantErr: `"1"`},
		{in: "", wantErr: `""`},
	} {
		t.Run(tc.in, func(t *testing.T) {
			got, err := ParseShard(tc.in)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("ParseShard(%q) = %v, %v; want an error naming %s", tc.in, got, err, tc.wantErr)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Fatalf("ParseShard(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
			}
		})
	}
	// Every batch is in exactly one shard.
	for b := range 10 {
		n := 0
		for i := range 3 {
			if (Shard{i, 3}).Has(b) {
				n++
			}
		}
		if n != 1 {
			t.Fatalf("batch %d is in %d shards of 3", b, n)
		}
	}
}

func TestAvailableMemory(t *testing.T) {
	dir := t.TempDir()
	write := func(name, s string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	meminfo := write("meminfo", "MemTotal:       16000000 kB\nMemFree:  100 kB\nMemAvailable:    8000000 kB\n")
	none := filepath.Join(dir, "absent")
	for _, tc := range []struct {
		name           string
		max, cur, stat string
		info           string
		want           uint64
		wantErr        bool
		wantSrcPart    string
	}{
		{name: "no cgroup", max: none, cur: none, info: meminfo, want: 8000000 * 1024, wantSrcPart: "MemAvailable"},
		{name: "cgroup without limit", max: write("max1", "max\n"), cur: none, info: meminfo, want: 8000000 * 1024, wantSrcPart: "MemAvailable"},
		{name: "cgroup limit", max: write("max2", "4294967296\n"), cur: write("cur2", "1073741824\n"), info: meminfo, want: 3 << 30, wantSrcPart: "max2 less"},
		{name: "cgroup limit, page cache not counted", max: write("max6", "4294967296\n"), cur: write("cur6", "2147483648\n"),
			stat: write("stat6", "anon 1073741824\nfile 1073741824\nactive_file 0\ninactive_file 1073741824\n"), info: meminfo, want: 3 << 30, wantSrcPart: "inactive_file"},
		{name: "inactive_file above usage", max: write("max7", "4294967296\n"), cur: write("cur7", "100\n"),
			stat: write("stat7", "inactive_file 5000\n"), info: meminfo, want: 4 << 30, wantSrcPart: "max7 less"},
		{name: "garbage memory.stat", max: write("max8", "4294967296\n"), cur: write("cur8", "100\n"),
			stat: write("stat8", "inactive_file lots\n"), info: meminfo, wantErr: true},
		{name: "cgroup over its limit", max: write("max3", "1000\n"), cur: write("cur3", "2000\n"), info: meminfo, want: 0, wantSrcPart: "max3"},
		{name: "cgroup above the host", max: write("max4", "1099511627776\n"), cur: write("cur4", "0\n"), info: meminfo, want: 8000000 * 1024, wantSrcPart: "MemAvailable"},
		{name: "garbage limit", max: write("max5", "lots\n"), cur: none, info: meminfo, wantErr: true},
		{name: "no MemAvailable", max: none, cur: none, info: write("info2", "MemTotal: 1 kB\n"), wantErr: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			stat := tc.stat
			if stat == "" {
				stat = none
			}
			got, err := availableMemory(tc.max, tc.cur, stat, tc.info)
			if tc.wantErr {
				if err == nil {
					t.Fatalf("got %+v, want an error", got)
				}
				return
			}
			if err != nil || got.Bytes != tc.want || !strings.Contains(got.Source, tc.wantSrcPart) {
				t.Fatalf("got %+v, %v; want %d bytes from %s", got, err, tc.want, tc.wantSrcPart)
			}
		})
	}
}

// TestInFlightWithCopies: the first batch in flight needs no circuit copy,
// so memory for two batches less one copy holds two; the warning names what
// one batch needs without its copy.
func TestInFlightWithCopies(t *testing.T) {
	const gib = 1 << 30
	peak, cp := uint64(8*gib), uint64(1*gib) // 7 GiB a batch plus a 1 GiB copy
	for _, tc := range []struct {
		name    string
		mem     uint64
		want    int
		warning bool
	}{
		{"two batches, one copy", 15 * gib, 2, false},
		{"a byte short of it", 15*gib - 1, 1, false},
		{"one batch exactly", 7 * gib, 1, false},
		{"less than one batch", 7*gib - 1, 1, true},
	} {
		n, w := inFlightWithCopies(4, 4, Memory{Bytes: tc.mem, Source: "test"}, peak, cp)
		if n != tc.want || (w != "") != tc.warning || (tc.warning && !strings.Contains(w, "7168 MiB")) {
			t.Errorf("%s: %d in flight, warning %q; want %d, warning %v", tc.name, n, w, tc.want, tc.warning)
		}
	}
	if n, w := inFlightWithCopies(4, 4, Memory{Bytes: 15 * gib, Source: "test"}, 7*gib, 0); n != 2 || w != "" {
		t.Errorf("no copies: %d in flight, %q", n, w)
	}
}

func TestInFlight(t *testing.T) {
	for _, tc := range []struct {
		name          string
		workers, cpus int
		mem, peak     uint64
		want          int
	}{
		{"cpus by default", 0, 8, 1 << 40, 1 << 30, 8},
		{"workers asked", 3, 8, 1 << 40, 1 << 30, 3},
		{"memory bound", 0, 8, 5 << 30, 2 << 30, 2},
		{"one even if it does not fit", 4, 8, 1 << 20, 1 << 30, 1},
	} {
		if got := InFlight(tc.workers, tc.cpus, tc.mem, tc.peak); got != tc.want {
			t.Errorf("%s: InFlight = %d, want %d", tc.name, got, tc.want)
		}
	}
}

// TestProofFileTotalsAreCanonical: a total shifted by r_b has the same public
// witness (gnark reduces it) and would verify, so the file's statement must
// refuse any value outside its range before the digest is computed.
func TestProofFileTotalsAreCanonical(t *testing.T) {
	p := circuit.Params{Users: 4, Assets: 2, Hash: circuit.Direct, RangeCheck: bound.Bits}
	f := ProofFile{Root: "0x01", Totals: []string{"5", "7"}}
	if _, err := f.Public(p.TotalBits()); err != nil {
		t.Fatal(err)
	}
	r := new(big.Int).Add(batch.Curve.ScalarField(), big.NewInt(5))
	for name, totals := range map[string][]string{
		"total + r_b": {r.String(), "7"},
		"negative":    {"-1", "7"},
		"2^66":        {new(big.Int).Lsh(big.NewInt(1), 66).String(), "7"},
		"not decimal": {"0x05", "7"},
	} {
		g := f
		g.Totals = totals
		if _, err := g.Public(p.TotalBits()); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	g := f
	g.Root = "0x" + new(big.Int).Add(batch.Curve.ScalarField(), big.NewInt(1)).Text(16)
	if _, err := g.Public(p.TotalBits()); err == nil {
		t.Error("root + r_b accepted")
	}
}

func planFixture(t *testing.T, users, k, m int) (string, *Manifest) {
	t.Helper()
	dir := t.TempDir()
	files := writeFixture(t, dir, users)
	run := filepath.Join(dir, "run")
	man, err := Plan(PlanConfig{Dir: run, Files: files, Epoch: 5, BatchSize: k, Batches: m, Hash: circuit.Direct, RangeCheck: bound.Bits})
	if err != nil {
		t.Fatal(err)
	}
	return run, man
}

// TestProveJoin is the library's whole path on one tiny run, with each attack
// starting from the honest run directory: a proof swapped for another batch's,
// one from another epoch's run, an edited input, a tampered manifest.
func TestProveJoin(t *testing.T) {
	run, man := planFixture(t, 13, 4, 4)
	if man.Batches != 4 || man.Users != 13 || len(man.Assets) != 4 || !man.Keys.Insecure {
		t.Fatalf("manifest: %+v", man)
	}
	if _, err := Plan(PlanConfig{Dir: run, Files: writeFixture(t, t.TempDir(), 13), BatchSize: 4}); err == nil {
		t.Fatal("a second plan over a planned directory accepted")
	}
	if _, err := Join(JoinOptions{Dir: run}); err == nil || !strings.Contains(err.Error(), "4 of 4 batches have no proof") {
		t.Fatalf("join before proving: %v", err)
	}
	res, err := Prove(ProveOptions{Dir: run, Shard: Shard{1, 2}, Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	if res.Batches != 2 || res.Proved != 2 || res.Skipped != 0 {
		t.Fatalf("shard 1/2: %+v", res)
	}
	if _, err := Join(JoinOptions{Dir: run}); err == nil || !strings.Contains(err.Error(), "batches 0, 2") {
		t.Fatalf("join with batches 0 and 2 missing: %v", err)
	}
	// Memory for one batch and a half: one in flight although 4 workers are asked.
	mem := &Memory{Bytes: PeakPerBatch(man.Circuit.Constraints) * 3 / 2, Source: "test"}
	res, err = Prove(ProveOptions{Dir: run, Workers: 4, Memory: mem})
	if err != nil {
		t.Fatal(err)
	}
	if res.Proved != 2 || res.Skipped != 2 || res.InFlight != 1 || res.Warning != "" {
		t.Fatalf("resume: %+v", res)
	}
	// The batches were proven under a soft limit (one batch's estimate, no
	// more than nine tenths of the memory given), lifted after.
	if limitNow := debug.SetMemoryLimit(-1); os.Getenv("GOMEMLIMIT") == "" && (res.SoftLimit == 0 || limitNow != math.MaxInt64) {
		t.Fatalf("soft limit during the batches %d, after %d", res.SoftLimit, limitNow)
	}
	res, err = Prove(ProveOptions{Dir: run, Workers: 4, Memory: &Memory{Bytes: 1, Source: "test"}})
	if err != nil || res.Skipped != 4 || !strings.Contains(res.Warning, "one at a time") {
		t.Fatalf("all proven, no memory: %+v, %v", res, err)
	}
	j, err := Join(JoinOptions{Dir: run})
	if err != nil {
		t.Fatal(err)
	}
	if j.LiabilitiesRoot != man.LiabilitiesRoot || len(j.Totals) != 4 {
		t.Fatalf("joined: %+v", j)
	}
	// USDC: sum over i < 13 of 1000 + i + 0.25.
	if got := j.Totals[0].Amount.String(); got != "13081.25" {
		t.Fatalf("USDC total %s, want 13081.25", got)
	}
	joined, _ := os.ReadFile(filepath.Join(run, JoinedFile))

	t.Run("proof swapped for another batch's", func(t *testing.T) {
		restore := swap(t, ProofPath(run, 1), ProofPath(run, 2))
		defer restore()
		_, err := Join(JoinOptions{Dir: run})
		if err == nil || !errors.Is(err, ErrBatchRejected) || !strings.Contains(err.Error(), "1.proof: it is batch 2's proof") {
			t.Fatalf("join over swapped proofs: %v", err)
		}
		res, err := Prove(ProveOptions{Dir: run, Workers: 1})
		if err != nil || res.Reproved != 2 || res.Skipped != 2 || res.Proved != 2 {
			t.Fatalf("prove after the swap: %+v, %v", res, err)
		}
		if _, err := Join(JoinOptions{Dir: run}); err != nil {
			t.Fatalf("join after re-proving: %v", err)
		}
	})
	t.Run("foreign proof relabelled as this batch's", func(t *testing.T) {
		// Batch 2's proof under batch 1's honest statement: only the proof is
		// foreign, and it must not verify.
		p1 := readJSON(t, ProofPath(run, 1))
		p2 := readJSON(t, ProofPath(run, 2))
		restore := keep(t, ProofPath(run, 1))
		defer restore()
		p1.Proof = p2.Proof
		writeProof(t, ProofPath(run, 1), p1)
		if _, err := Join(JoinOptions{Dir: run}); err == nil || !strings.Contains(err.Error(), "does not verify") {
			t.Fatalf("join: %v", err)
		}
	})
	t.Run("proof from another epoch", func(t *testing.T) {
		// A real proof of batch 0 for epoch 6 under this run's own keys, once as
		// written and once with its statement relabelled to the manifest's.
		pr, err := openProver(run, man)
		if err != nil {
			t.Fatal(err)
		}
		a, _ := pr.ld.ledger.Assignment(6, 0, pr.params)
		proof, err := batch.Prove(pr.ccs, pr.pk, a)
		if err != nil {
			t.Fatal(err)
		}
		pub6 := pr.ld.ledger.Public(6, 0)
		d6, _ := StatementDigest(pub6)
		f6, err := newProofFile(pub6, d6, man.Keys.VerifyingKeyDigest, proof)
		if err != nil {
			t.Fatal(err)
		}
		relabelled := *f6
		relabelled.Epoch, relabelled.StatementDigest = man.Epoch, man.BatchList[0].StatementDigest
		restore := keep(t, ProofPath(run, 0))
		defer restore()
		for name, f := range map[string]*ProofFile{"as written": f6, "relabelled": &relabelled} {
			writeProof(t, ProofPath(run, 0), *f)
			if _, err := Join(JoinOptions{Dir: run}); !errors.Is(err, ErrBatchRejected) {
				t.Fatalf("%s: join: %v", name, err)
			}
			writeProof(t, ProofPath(run, 0), *f)
			res, err := Prove(ProveOptions{Dir: run, Shard: Shard{0, 4}})
			if err != nil || res.Reproved != 1 {
				t.Fatalf("%s: prove: %+v, %v", name, res, err)
			}
		}
	})
	t.Run("input edited after planning", func(t *testing.T) {
		lpath, _ := man.input("liabilities")
		orig, _ := os.ReadFile(lpath)
		restore := keep(t, lpath)
		defer restore()
		os.WriteFile(lpath, bytes.Replace(orig, []byte("user-003,1003.25"), []byte("user-003,1.25"), 1), 0o644)
		_, err := Prove(ProveOptions{Dir: run})
		if !errors.Is(err, ErrInputChanged) || !strings.Contains(err.Error(), lpath) || !strings.Contains(err.Error(), man.Inputs[3].SHA256) {
			t.Fatalf("prove over an edited ledger: %v", err)
		}
	})
	after, _ := os.ReadFile(filepath.Join(run, JoinedFile))
	if !bytes.Equal(joined, after) {
		t.Fatal("a refused join changed joined.json")
	}
}

func readJSON(t *testing.T, path string) ProofFile {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var f ProofFile
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatal(err)
	}
	return f
}

func writeProof(t *testing.T, path string, f ProofFile) {
	t.Helper()
	data, _ := json.Marshal(f)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func swap(t *testing.T, a, b string) func() {
	t.Helper()
	da, err1 := os.ReadFile(a)
	db, err2 := os.ReadFile(b)
	if err1 != nil || err2 != nil {
		t.Fatal(err1, err2)
	}
	os.WriteFile(a, db, 0o644)
	os.WriteFile(b, da, 0o644)
	return func() { os.WriteFile(a, da, 0o644); os.WriteFile(b, db, 0o644) }
}

// keep saves a file and returns what puts it back.
func keep(t *testing.T, path string) func() {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return func() {
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Error(err)
		}
	}
}

// TestWorkerSystems: where the circuit keeps solving state in its constraint
// system (a logderivlookup table here, GKR hashing in a batch) every worker
// solves on its own copy, and the copies solve; a direct-hashed batch's
// workers share the loaded one. gnark's GKR keeps its state there: two
// batches solved at once over one fail (TestConcurrentGKRSolves in
// prover/batch), first seen at 10^5 users as "constraint #216 is not
// satisfied" with two batches of 2^14 in flight.
func TestWorkerSystems(t *testing.T) {
	field := batch.Curve.ScalarField()
	stateful, err := frontend.Compile(field, r1cs.NewBuilder, &lookupCircuit{})
	if err != nil {
		t.Fatal(err)
	}
	if !batch.HasSolvingState(stateful) {
		t.Fatal("a logderivlookup circuit reported stateless")
	}
	systems, err := workerSystems(stateful, 3, batch.HasSolvingState(stateful))
	if err != nil {
		t.Fatal(err)
	}
	if len(systems) != 3 || systems[0] != stateful || systems[1] == stateful || systems[2] == stateful || systems[1] == systems[2] {
		t.Fatalf("stateful: %d systems, want the loaded one and two copies", len(systems))
	}
	for i, c := range systems {
		w, err := frontend.NewWitness(&lookupCircuit{Index: 2, Value: 30}, field)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := c.Solve(w); err != nil {
			t.Fatalf("system %d: %v", i, err)
		}
	}

	direct, err := batch.Compile(circuit.Params{Users: 4, Assets: 2, Hash: circuit.Direct, RangeCheck: bound.Bits})
	if err != nil {
		t.Fatal(err)
	}
	if batch.HasSolvingState(direct) {
		t.Fatal("a direct-hashed batch reported stateful")
	}
	systems, err = workerSystems(direct, 2, batch.HasSolvingState(direct))
	if err != nil || len(systems) != 2 || systems[0] != direct || systems[1] != direct {
		t.Fatalf("direct: %d systems, %v", len(systems), err)
	}
}

// lookupCircuit reads a logderivlookup table, whose entries gnark keeps in
// the constraint system while solving.
type lookupCircuit struct {
	Index, Value frontend.Variable
}

func (c *lookupCircuit) Define(api frontend.API) error {
	table := logderivlookup.New(api)
	for _, v := range []int{10, 20, 30, 40} {
		table.Insert(v)
	}
	api.AssertIsEqual(table.Lookup(c.Index)[0], c.Value)
	return nil
}

package inclusion

import (
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/zktreasury/zktreasury/prover/batch"
	"github.com/zktreasury/zktreasury/prover/statement"
	"github.com/zktreasury/zktreasury/treasury"
)

func batchedFixture(t testing.TB, users, k int) (*treasury.Policy, *treasury.Ledger, *batch.Ledger) {
	t.Helper()
	pol, err := treasury.LoadPolicy("../../testdata/solvency/solvent/policy.json")
	if err != nil {
		t.Fatal(err)
	}
	led := &treasury.Ledger{Users: make([]treasury.UserBalance, users)}
	for i := range users {
		u := treasury.UserBalance{ID: fmt.Sprintf("acct-%07d", i)}
		for a := range pol.Assets {
			u.Balance = append(u.Balance, decimal.New(int64(1000*i+7*a+1), -2))
		}
		led.Users[i] = u
	}
	var key [32]byte
	key[0] = 3
	l, err := batch.BuildLedger(pol, led, key, k, 0)
	if err != nil {
		t.Fatal(err)
	}
	return pol, led, l
}

func provenOf(l *batch.Ledger, epoch uint64) ProvenBatched {
	return ProvenBatched{Root: l.Tree.Root(), Epoch: epoch, BatchSize: l.K, Batches: l.M, Assets: l.Assets}
}

// TestBatchedHonestAndTampered: every user's exported file verifies; each
// tampering, made on a fresh copy of one honest file, is refused.
func TestBatchedHonestAndTampered(t *testing.T) {
	pol, led, l := batchedFixture(t, 11, 4)
	dir := filepath.Join(t.TempDir(), "inclusion")
	rep, err := ExportAll(dir, l, pol, led, 5, nil)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Files != 11 {
		t.Fatalf("%d files, want 11", rep.Files)
	}
	var one string
	for _, u := range l.Users {
		path := filepath.Join(dir, fmt.Sprint(u.Index/l.K), u.ID+".inclusion.json")
		f, err := ReadBatched(path)
		if err != nil {
			t.Fatal(err)
		}
		got, err := VerifyBatched(f, pol, provenOf(l, 5))
		if err != nil {
			t.Fatalf("%s: %v", u.ID, err)
		}
		if len(got) != len(pol.Assets) {
			t.Fatalf("%d balances shown", len(got))
		}
		one = path
	}
	cases := map[string]func(f *BatchedFile, p *ProvenBatched){
		"units lowered":        func(f *BatchedFile, _ *ProvenBatched) { f.Assets[1].Units-- },
		"units raised":         func(f *BatchedFile, _ *ProvenBatched) { f.Assets[1].Units++ },
		"ledger balance above": func(f *BatchedFile, _ *ProvenBatched) { f.Assets[0].Balance = "1000000" },
		"batch sibling":        func(f *BatchedFile, _ *ProvenBatched) { f.BatchSiblings[0] = f.BatchSiblings[1] },
		"top sibling":          func(f *BatchedFile, _ *ProvenBatched) { f.TopSiblings[0] = f.LiabilitiesRoot },
		"leaf index":           func(f *BatchedFile, _ *ProvenBatched) { f.LeafIndex ^= 1 },
		"salt":                 func(f *BatchedFile, _ *ProvenBatched) { f.Salt = "0x01" },
		"user id":              func(f *BatchedFile, _ *ProvenBatched) { f.UserID = "acct-9999999" },
		"symbol":               func(f *BatchedFile, _ *ProvenBatched) { f.Assets[0].Symbol = "XYZ" },
		"decimals":             func(f *BatchedFile, _ *ProvenBatched) { f.Assets[0].CircuitDecimals++ },
		"other epoch":          func(_ *BatchedFile, p *ProvenBatched) { p.Epoch = 6 },
		"other shape":          func(_ *BatchedFile, p *ProvenBatched) { p.BatchSize, p.Batches = 8, 2 },
		"other root":           func(_ *BatchedFile, p *ProvenBatched) { p.Root.SetUint64(1) },
		"sibling off field": func(f *BatchedFile, _ *ProvenBatched) {
			f.BatchSiblings[0] = "0x" + fmt.Sprintf("%0128x", 1)
		},
	}
	for name, edit := range cases {
		f, err := ReadBatched(one)
		if err != nil {
			t.Fatal(err)
		}
		p := provenOf(l, 5)
		edit(f, &p)
		if _, err := VerifyBatched(f, pol, p); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

// TestBatchedRecorded: a batched file checks against a registry record whose
// root is the digest of the batched root, with the recorded policy commitment
// and capacity; each departure from the record is refused as not included.
func TestBatchedRecorded(t *testing.T) {
	pol, led, l := batchedFixture(t, 11, 4)
	root := l.Tree.Root()
	pv, err := statement.EncodePolicy(pol)
	if err != nil {
		t.Fatal(err)
	}
	pc, err := statement.PolicyCommitment(pv)
	if err != nil {
		t.Fatal(err)
	}
	bal := map[string][]string{}
	for _, u := range led.Users {
		for _, b := range u.Balance {
			bal[u.ID] = append(bal[u.ID], b.String())
		}
	}
	f, err := ExportBatched(l, pol, bal, 5, 0)
	if err != nil {
		t.Fatal(err)
	}
	digest, err := batch.RootDigestElement(&root, l.K*l.M)
	if err != nil {
		t.Fatal(err)
	}
	good := func() RecordedBatched {
		return RecordedBatched{Epoch: 5, Root: digest, PolicyCommitment: pc, Capacity: l.K * l.M, Assets: l.Assets}
	}
	if _, err := VerifyBatchedRecorded(f, pol, good()); err != nil {
		t.Fatalf("honest: %v", err)
	}
	for name, edit := range map[string]func(r *RecordedBatched){
		"the root itself, not its digest": func(r *RecordedBatched) { r.Root.SetBigInt(root.BigInt(new(big.Int))) },
		"another root's digest":           func(r *RecordedBatched) { r.Root.SetUint64(1) },
		"another policy":                  func(r *RecordedBatched) { r.PolicyCommitment.SetUint64(1) },
		"another capacity":                func(r *RecordedBatched) { r.Capacity *= 2 },
		"a capacity not a power of 2":     func(r *RecordedBatched) { r.Capacity = 3 * l.K },
		"another epoch":                   func(r *RecordedBatched) { r.Epoch = 6 },
		"another asset count":             func(r *RecordedBatched) { r.Assets++ },
	} {
		r := good()
		edit(&r)
		if _, err := VerifyBatchedRecorded(f, pol, r); !errors.Is(err, ErrNotIncluded) {
			t.Errorf("%s: %v, want not included", name, err)
		}
	}
}

// TestExportAllReplacesWhole: a second export replaces the first as a whole,
// and a failing export leaves the previous directory untouched.
func TestExportAllReplacesWhole(t *testing.T) {
	pol, led, l := batchedFixture(t, 6, 4)
	dir := filepath.Join(t.TempDir(), "inclusion")
	if _, err := ExportAll(dir, l, pol, led, 1, nil); err != nil {
		t.Fatal(err)
	}
	stale := filepath.Join(dir, "0", "stale.json")
	if err := os.WriteFile(stale, []byte("{}"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := ExportAll(dir, l, pol, led, 2, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Fatal("a file of the previous export survived")
	}
	// Two ids that collide on a case-insensitive file system: refused, and the
	// epoch-2 files stay.
	bad := &treasury.Ledger{Users: append([]treasury.UserBalance(nil), led.Users...)}
	bad.Users[1].ID = "ACCT-0000000"
	if _, err := ExportAll(dir, l, pol, bad, 3, nil); err == nil {
		t.Fatal("colliding names accepted")
	}
	u := l.Users[0]
	f, err := ReadBatched(filepath.Join(dir, fmt.Sprint(u.Index/l.K), u.ID+".inclusion.json"))
	if err != nil {
		t.Fatal(err)
	}
	if f.Epoch != 2 {
		t.Fatalf("epoch %d after a failed export, want 2", f.Epoch)
	}
	entries, _ := os.ReadDir(filepath.Dir(dir))
	if len(entries) != 1 {
		t.Fatalf("%d entries beside the export, want only it (no temp left)", len(entries))
	}
}

// BenchmarkInclusionAll builds the batched tree (s-tree: salts, user hashes,
// leaves, nodes) and writes every user's inclusion file (s-files), 3 assets,
// batches of 2^14:
// go test ./prover/inclusion -run '^$' -bench InclusionAll -benchtime 1x
// (the 10^6 case needs ~4 GB of disk in the temp directory).
func BenchmarkInclusionAll(b *testing.B) {
	for _, n := range []int{10_000, 100_000, 1_000_000} {
		b.Run(fmt.Sprintf("users=%d", n), func(b *testing.B) {
			for range b.N {
				b.StopTimer()
				pol, led, _ := batchedFixture(b, 2, 4)
				led.Users = make([]treasury.UserBalance, n)
				for i := range n {
					u := treasury.UserBalance{ID: fmt.Sprintf("acct-%07d", i)}
					for a := range pol.Assets {
						u.Balance = append(u.Balance, decimal.New(int64(1000*i+7*a+1), -2))
					}
					led.Users[i] = u
				}
				var key [32]byte
				b.StartTimer()
				t0 := time.Now()
				l, err := batch.BuildLedger(pol, led, key, 1<<14, 0)
				if err != nil {
					b.Fatal(err)
				}
				tree := time.Since(t0)
				dir := filepath.Join(b.TempDir(), "inclusion")
				rep, err := ExportAll(dir, l, pol, led, 1, nil)
				if err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				b.ReportMetric(float64(rep.Bytes)/float64(n), "bytes/file")
				b.ReportMetric(tree.Seconds(), "s-tree")
				b.ReportMetric(time.Since(t0).Seconds()-tree.Seconds(), "s-files")
				b.ReportMetric(rep.WriteSeconds, "s-write")
				b.ReportMetric(rep.SyncSeconds, "s-sync")
				os.RemoveAll(dir)
				b.StartTimer()
			}
		})
	}
}

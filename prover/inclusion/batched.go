package inclusion

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	fa "github.com/consensys/gnark-crypto/ecc/bw6-761/fr"

	"github.com/zktreasury/zktreasury/prover/batch"
	"github.com/zktreasury/zktreasury/prover/statement"
	"github.com/zktreasury/zktreasury/treasury"
)

// FormatBatched identifies the inclusion file of a batched liabilities tree
// (prover/batch): its path runs through the user's batch (BLS12-377 hashes)
// and then the batch roots (BW6-761 hashes).
const FormatBatched = "zktreasury-inclusion/3"

// BatchedFile is a user's inclusion file in a batched tree. BatchSize and
// Batches restate the tree's shape, which a verifier takes from the joined
// proof; Verify refuses a file where they differ. Unlike the single tree's
// file it carries no policy: the joined proof does not commit to one, so the
// user verifies with a policy file of their own, and a million copies of the
// policy would be a third of the bytes written.
type BatchedFile struct {
	Format          string   `json:"format"`
	UserID          string   `json:"userId"`
	Salt            string   `json:"salt"`
	Epoch           uint64   `json:"epoch"`
	Assets          []Asset  `json:"assets"`
	LeafIndex       int      `json:"leafIndex"`
	BatchSize       int      `json:"batchSize"`
	Batches         int      `json:"batches"`
	BatchSiblings   []string `json:"batchSiblings"`
	TopSiblings     []string `json:"topSiblings"`
	LiabilitiesRoot string   `json:"liabilitiesRoot"`
}

// ProvenBatched is what a joined proof of a batched tree states.
type ProvenBatched struct {
	Root      fa.Element
	Epoch     uint64
	BatchSize int
	Batches   int
	Assets    int
}

// ExportBatched builds the inclusion file of the user at leaf position i of l;
// ledgerBalance gives each user's balances as the decimal ledger writes them.
func ExportBatched(l *batch.Ledger, pol *treasury.Policy, ledgerBalance map[string][]string, epoch uint64, i int) (*BatchedFile, error) {
	if i < 0 || i >= len(l.Users) {
		return nil, fmt.Errorf("leaf %d holds no user (%d users)", i, len(l.Users))
	}
	u := l.Users[i]
	path, err := l.Tree.Path(u.Index)
	if err != nil {
		return nil, err
	}
	f := &BatchedFile{Format: FormatBatched, UserID: u.ID, Salt: batch.HexB(u.Salt), Epoch: epoch,
		LeafIndex: u.Index, BatchSize: l.K, Batches: l.M, LiabilitiesRoot: batch.HexA(l.Tree.Root())}
	bal := ledgerBalance[u.ID]
	for a, ap := range pol.Assets {
		f.Assets = append(f.Assets, Asset{Symbol: ap.Symbol, Balance: bal[a], CircuitDecimals: ap.CircuitDecimals, Units: u.Balances[a]})
	}
	f.BatchSiblings = make([]string, len(path.Lower))
	for j, s := range path.Lower {
		f.BatchSiblings[j] = batch.HexB(s)
	}
	f.TopSiblings = make([]string, len(path.Upper))
	for j, s := range path.Upper {
		f.TopSiblings[j] = batch.HexA(s)
	}
	return f, nil
}

var safeName = regexp.MustCompile(`^[A-Za-z0-9._-]{1,64}$`)

// FileNames are the users' inclusion file names, in ledger order: the user id
// when it is a safe file name, else user-N (N its 1-based row). Two users whose
// names would be the same file (ignoring case, for case-insensitive file
// systems) are refused: one user's file would silently replace the other's.
func FileNames(l *treasury.Ledger) ([]string, error) {
	names := make([]string, len(l.Users))
	seen := make(map[string]string, len(l.Users))
	for i, u := range l.Users {
		name := u.ID
		if !safeName.MatchString(name) {
			name = fmt.Sprintf("user-%d", i+1)
		}
		names[i] = name + ".inclusion.json"
		key := strings.ToLower(names[i])
		if other, ok := seen[key]; ok {
			return nil, fmt.Errorf("users %q and %q would both get the inclusion file %s: rename one", other, u.ID, names[i])
		}
		seen[key] = u.ID
	}
	return names, nil
}

// ExportAllReport says what ExportAll wrote.
type ExportAllReport struct {
	Dir   string `json:"dir"`
	Files int    `json:"files"`
	Bytes int64  `json:"bytes"`
	// WriteSeconds is the time to write every file (into the page cache),
	// SyncSeconds the time until the file system had them on disk.
	WriteSeconds float64 `json:"writeSeconds"`
	SyncSeconds  float64 `json:"syncSeconds"`
}

// ExportAll writes every user's inclusion file into dir, one subdirectory per
// batch (dir/<batch>/<name>.inclusion.json), on every CPU. The files are
// written into a fresh sibling directory which replaces dir only once every
// file is written and synced, so a crash leaves either the old directory or
// the new one, never a mix (under dir's name where the two can be exchanged
// atomically, replaceDir; else a crash between removing the old and renaming
// the new leaves the new under its temporary name); an existing dir that holds anything but batch
// subdirectories is refused, never deleted. progress, if not nil, is called
// with the number of files written so far (at most every 1% and at the end).
func ExportAll(dir string, l *batch.Ledger, pol *treasury.Policy, led *treasury.Ledger, epoch uint64, progress func(done, total int)) (*ExportAllReport, error) {
	names, err := FileNames(led)
	if err != nil {
		return nil, err
	}
	byID := make(map[string]int, len(led.Users))
	balances := make(map[string][]string, len(led.Users))
	for i, u := range led.Users {
		byID[u.ID] = i
		s := make([]string, len(u.Balance))
		for a, b := range u.Balance {
			s[a] = b.String()
		}
		balances[u.ID] = s
	}
	if err := replaceable(dir); err != nil {
		return nil, err
	}
	parent := filepath.Dir(filepath.Clean(dir))
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("inclusion files: %w", err)
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dir)+".tmp-")
	if err != nil {
		return nil, fmt.Errorf("inclusion files: %w", err)
	}
	committed := false
	defer func() {
		if !committed {
			os.RemoveAll(tmp)
		}
	}()
	for b := range l.M {
		if err := os.Mkdir(filepath.Join(tmp, fmt.Sprint(b)), 0o755); err != nil {
			return nil, fmt.Errorf("inclusion files: %w", err)
		}
	}
	total := len(l.Users)
	start := time.Now()
	var done, size atomic.Int64
	var firstErr error
	var errOnce sync.Once
	step := max(total/100, 1)
	work := make(chan int, 1024)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				f, err := ExportBatched(l, pol, balances, epoch, i)
				if err == nil {
					var data []byte
					if data, err = json.Marshal(f); err == nil {
						name := filepath.Join(tmp, fmt.Sprint(i/l.K), names[byID[f.UserID]])
						err = os.WriteFile(name, append(data, '\n'), 0o600)
						size.Add(int64(len(data) + 1))
					}
				}
				if err != nil {
					errOnce.Do(func() { firstErr = fmt.Errorf("inclusion file of leaf %d: %w", i, err) })
					continue
				}
				if n := done.Add(1); progress != nil && (n%int64(step) == 0) {
					progress(int(n), total)
				}
			}
		}()
	}
	for i := range total {
		work <- i
	}
	close(work)
	wg.Wait()
	if firstErr != nil {
		return nil, firstErr
	}
	written := time.Now()
	if err := syncTree(tmp); err != nil {
		return nil, fmt.Errorf("inclusion files: %w", err)
	}
	synced := time.Now()
	if _, err := replaceDir(tmp, dir); err != nil {
		return nil, fmt.Errorf("inclusion files: replace %s: %w", dir, err)
	}
	committed = true
	if progress != nil {
		progress(total, total)
	}
	return &ExportAllReport{Dir: dir, Files: total, Bytes: size.Load(),
		WriteSeconds: written.Sub(start).Seconds(), SyncSeconds: synced.Sub(written).Seconds()}, nil
}

// replaceDirNonAtomic removes dir, then renames tmp to it.
func replaceDirNonAtomic(tmp, dir string) error {
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	return os.Rename(tmp, dir)
}

var batchDirName = regexp.MustCompile(`^[0-9]{1,9}$`)

// replaceable refuses a dir that ExportAll may not replace: one that exists
// and holds anything but batch subdirectories (as an earlier export does),
// such as the current directory, a run directory or a home directory, which
// the replacement would delete recursively.
func replaceable(dir string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("inclusion files: %w", err)
	}
	for _, e := range entries {
		if !e.IsDir() || !batchDirName.MatchString(e.Name()) {
			return fmt.Errorf("inclusion files: %s holds %s, which is not a batch directory of an earlier export: "+
				"it would be deleted with the directory; give --out a new or empty directory", dir, e.Name())
		}
	}
	return nil
}

// ReadBatched reads a batched inclusion file.
func ReadBatched(path string) (*BatchedFile, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read inclusion %s: %w", path, err)
	}
	var f BatchedFile
	if err := treasury.DecodeStrictJSON(path, data, &f); err != nil {
		return nil, err
	}
	if f.Format != FormatBatched {
		return nil, &treasury.InputError{File: path, Field: "format", Value: f.Format, Msg: "want " + FormatBatched}
	}
	return &f, nil
}

// FormatOf returns the format field of an inclusion file, so a caller can
// dispatch between Read and ReadBatched.
func FormatOf(path string) (string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("read inclusion %s: %w", path, err)
	}
	var head struct {
		Format string `json:"format"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return "", &treasury.InputError{File: path, Msg: "not JSON: " + err.Error()}
	}
	return head.Format, nil
}

// VerifyBatched checks a batched inclusion file against what a joined proof
// states, as Verify does for a single tree: the file's epoch and shape must be
// the proof's, the symbols and circuit decimals the policy's (pol is the
// policy the user trusts: the joined proof does not carry a policy commitment
// yet), every counted balance at least the ledger balance rounded up, and the
// leaf recomputed from the user's id, salt and counted units must lie under
// the root along a path of exactly the proof's shape. Every refusal wraps
// ErrNotIncluded.
func VerifyBatched(f *BatchedFile, pol *treasury.Policy, p ProvenBatched) ([]Balance, error) {
	if p.Assets != len(pol.Assets) {
		return nil, fmt.Errorf("%w: the proof's tree has %d assets per leaf, the policy %d", ErrNotIncluded, p.Assets, len(pol.Assets))
	}
	if f.Epoch != p.Epoch {
		return nil, fmt.Errorf("%w: the file is for epoch %d, the proof for epoch %d", ErrNotIncluded, f.Epoch, p.Epoch)
	}
	if f.BatchSize != p.BatchSize || f.Batches != p.Batches {
		return nil, fmt.Errorf("%w: the file claims %d batches of %d leaves, the proof's tree has %d of %d", ErrNotIncluded, f.Batches, f.BatchSize, p.Batches, p.BatchSize)
	}
	salt, err := batch.ParseB(f.Salt)
	if err != nil {
		return nil, fmt.Errorf("%w: salt %q: %v", ErrNotIncluded, f.Salt, err)
	}
	units, out, err := counted(f.Assets, pol)
	if err != nil {
		return nil, err
	}
	leaf, err := batch.Leaf(batch.UserHash(f.UserID, salt), units)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotIncluded, err)
	}
	path := batch.Path{Index: f.LeafIndex}
	for j, h := range f.BatchSiblings {
		s, err := batch.ParseB(h)
		if err != nil {
			return nil, fmt.Errorf("%w: batchSiblings[%d] %q: %v", ErrNotIncluded, j, h, err)
		}
		path.Lower = append(path.Lower, s)
	}
	for j, h := range f.TopSiblings {
		s, err := batch.ParseA(h)
		if err != nil {
			return nil, fmt.Errorf("%w: topSiblings[%d] %q: %v", ErrNotIncluded, j, h, err)
		}
		path.Upper = append(path.Upper, s)
	}
	if err := batch.VerifyPath(leaf, path, p.Root, p.BatchSize, p.Batches); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotIncluded, err)
	}
	return out, nil
}

// RecordedBatched is what a registry recorded for a batched epoch: its
// liabilities root is the digest of the batched tree's root (batch.RootDigest),
// proven by the wrap of the joined proof (circuits/wrap).
type RecordedBatched struct {
	Epoch            uint64
	Root             fr.Element
	PolicyCommitment fr.Element
	// Capacity and Assets are the registry's tree capacity (M·K) and asset count.
	Capacity, Assets int
}

// VerifyBatchedRecorded checks f against a registry's record of a batched
// epoch: pol must have the recorded policy commitment, the digest of the
// file's root at the registry's capacity must be the recorded root, and the
// file's tree (batches of leaves) must have that capacity; then the user's
// path must reach that root (VerifyBatched). The capacity is the only guard
// on the path's depth (a leaf is also a node over a free user hash, so a
// deeper path can hide a leaf below a zero-balance leaf,
// TestGhostLeafBelowARealLeaf); the digest binds the registry's capacity to
// the wrap circuit's, which is the joined proofs' M·K (prover/wrap.MatchJoined).
// Every refusal wraps ErrNotIncluded.
func VerifyBatchedRecorded(f *BatchedFile, pol *treasury.Policy, r RecordedBatched) ([]Balance, error) {
	if err := CheckPolicy(pol, r.PolicyCommitment); err != nil {
		return nil, err
	}
	root, err := batch.ParseA(f.LiabilitiesRoot)
	if err != nil {
		return nil, fmt.Errorf("%w: liabilitiesRoot %q: %v", ErrNotIncluded, f.LiabilitiesRoot, err)
	}
	d, err := batch.RootDigestElement(&root, r.Capacity)
	if err != nil {
		return nil, fmt.Errorf("%w: the registry's tree capacity: %v", ErrNotIncluded, err)
	}
	if !d.Equal(&r.Root) {
		return nil, fmt.Errorf("%w: the registry recorded root %s for epoch %d; this file's root %s at the registry's capacity %d has digest %s",
			ErrNotIncluded, statement.Hex(r.Root), r.Epoch, f.LiabilitiesRoot, r.Capacity, statement.Hex(d))
	}
	if f.BatchSize <= 0 || f.Batches <= 0 || f.BatchSize*f.Batches != r.Capacity {
		return nil, fmt.Errorf("%w: the file claims %d batches of %d leaves, the registry's tree has %d leaves", ErrNotIncluded, f.Batches, f.BatchSize, r.Capacity)
	}
	return VerifyBatched(f, pol, ProvenBatched{Root: root, Epoch: r.Epoch, BatchSize: f.BatchSize, Batches: f.Batches, Assets: r.Assets})
}

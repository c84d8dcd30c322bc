package batchrun

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sync"
	"time"

	"github.com/consensys/gnark/backend/groth16"
	"github.com/consensys/gnark/constraint"

	circuit "github.com/zktreasury/zktreasury/circuits/batch"
	"github.com/zktreasury/zktreasury/prover/batch"
	"github.com/zktreasury/zktreasury/prover/keystore"
)

// Batch statuses in a ProveResult.
const (
	// Proved: no proof file existed; the batch was proven.
	Proved = "proved"
	// Skipped: the proof file existed and verified against the manifest.
	Skipped = "skipped"
	// Reproved: a proof file existed but was refused; the batch was proven again.
	Reproved = "reproved"
)

// ProveOptions are the options of Prove.
type ProveOptions struct {
	Dir   string
	Shard Shard
	// Workers caps the batches in flight; 0 means the number of CPUs.
	Workers int
	// Progress, when set, is called once per batch of the shard, in completion order.
	Progress func(Event)
	// AfterProve, when set, is called with a batch's index once its proof is
	// made and checked, before its file is written (the crash tests' hook).
	AfterProve func(b int)
	// Memory overrides AvailableMemory (tests).
	Memory *Memory
}

// Event reports one batch done.
type Event struct {
	Batch   BatchResult
	Done    int
	Total   int
	Elapsed time.Duration
	// Rate is batches done per second so far.
	Rate float64
}

// BatchResult is what happened to one batch.
type BatchResult struct {
	Index  int    `json:"index"`
	Status string `json:"status"`
	// Reason says why an existing proof file was refused (Reproved).
	Reason  string  `json:"reason,omitempty"`
	Seconds float64 `json:"seconds"`
}

// ProveResult is the outcome of proving one shard.
type ProveResult struct {
	Shard   string `json:"shard"`
	Epoch   uint64 `json:"epoch"`
	Batches int    `json:"batches"`
	// Proved counts the batches proven by this process (Proved + Reproved).
	Proved   int `json:"proved"`
	Skipped  int `json:"skipped"`
	Reproved int `json:"reproved"`
	// InFlight is the number of batches proven at once, Workers what was asked.
	InFlight     int    `json:"inFlight"`
	Workers      int    `json:"workers"`
	Memory       Memory `json:"memory"`
	PeakPerBatch uint64 `json:"peakPerBatchBytes"`
	// SoftLimit is the Go soft memory limit the batches were proven under:
	// GOMEMLIMIT when set, else what the process mapped with the circuit
	// and key loaded plus InFlight × PeakPerBatch, less the circuit copy
	// the first batch does not need (SoftMemoryLimitFor); 0 when the memory
	// is unknown.
	SoftLimit   uint64  `json:"softLimitBytes"`
	Constraints int     `json:"constraints"`
	Seconds     float64 `json:"seconds"`
	// Warning is set when one batch's estimated peak exceeds the memory.
	Warning string        `json:"warning,omitempty"`
	Results []BatchResult `json:"results"`
}

// prover is a run directory loaded for proving.
type prover struct {
	m      *Manifest
	ld     *loaded
	params circuit.Params
	ccs    constraint.ConstraintSystem
	pk     groth16.ProvingKey
	vk     groth16.VerifyingKey
}

// loadVerifyingKey loads Dir/keys' verifying key, checked against its
// metadata and the manifest.
func loadVerifyingKey(dir string, m *Manifest) (groth16.VerifyingKey, error) {
	store := keystore.Store{Dir: keysDir(dir)}
	vk, meta, err := store.LoadVerifyingKey(BatchBackend, CircuitName, m.Circuit.Digest)
	if err != nil {
		return nil, fmt.Errorf("batch verifying key: %w", err)
	}
	if meta.VerifyingKeyDigest != m.Keys.VerifyingKeyDigest {
		return nil, fmt.Errorf("batch verifying key in %s has digest %s, the manifest wants %s: %w", store.Dir, meta.VerifyingKeyDigest, m.Keys.VerifyingKeyDigest, keystore.ErrKeyMismatch)
	}
	return vk.(groth16.VerifyingKey), nil
}

func keysDir(dir string) string { return filepath.Join(dir, KeysDir) }

// openProver checks the inputs against dir's manifest m, rebuilds the ledger
// and checks every batch statement against the manifest, compiles the
// circuit (its digest and constraint count must be the manifest's) and loads
// the plan's keys.
func openProver(dir string, m *Manifest) (*prover, error) {
	if err := m.CheckInputs(); err != nil {
		return nil, err
	}
	files, err := filesOf(m)
	if err != nil {
		return nil, err
	}
	ld, err := loadInputs(files, m.BatchSize, m.Batches)
	if err != nil {
		return nil, err
	}
	_, digests, err := statementsOf(ld.ledger, m.Epoch)
	if err != nil {
		return nil, err
	}
	for b, d := range digests {
		if d != m.BatchList[b].StatementDigest {
			return nil, fmt.Errorf("batch %d: the inputs give statement digest %s, the manifest says %s; plan a new run", b, d, m.BatchList[b].StatementDigest)
		}
	}
	params, err := m.Params()
	if err != nil {
		return nil, err
	}
	ccs, err := batch.Compile(params)
	if err != nil {
		return nil, err
	}
	if got, err := keystore.CircuitDigest(ccs); err != nil {
		return nil, err
	} else if got != m.Circuit.Digest {
		return nil, fmt.Errorf("batch circuit %s compiles to digest %s, the manifest's is %s (another zktreasury version?); plan a new run", params, got, m.Circuit.Digest)
	}
	if n := ccs.GetNbConstraints(); n != m.Circuit.Constraints {
		return nil, fmt.Errorf("%s: \"circuit.constraints\" = \"%d\", but batch circuit %s has %d constraints; plan a new run", filepath.Join(dir, ManifestFile), m.Circuit.Constraints, params, n)
	}
	pk, meta, err := keystore.Store{Dir: keysDir(dir)}.LoadProvingKey(BatchBackend, CircuitName, ccs)
	if err != nil {
		return nil, fmt.Errorf("batch proving key: %w", err)
	}
	if meta.ProvingKeyDigest != m.Keys.ProvingKeyDigest {
		return nil, fmt.Errorf("batch proving key has digest %s, the manifest wants %s: %w", meta.ProvingKeyDigest, m.Keys.ProvingKeyDigest, keystore.ErrKeyMismatch)
	}
	vk, err := loadVerifyingKey(dir, m)
	if err != nil {
		return nil, err
	}
	return &prover{m: m, ld: ld, params: params, ccs: ccs, pk: pk.(groth16.ProvingKey), vk: vk}, nil
}

// Prove proves the batches of one shard that have no valid proof file yet.
// An existing file is kept only if it is a verifying proof of the manifest's
// statement for its batch; any other is proven again. Batches are proven by a
// pool of InFlight workers; each proof is verified before its file is written
// (temporary file, then rename), so a killed run leaves only whole, valid
// proofs and a rerun proves exactly the missing batches.
func Prove(opts ProveOptions) (*ProveResult, error) {
	start := time.Now()
	if opts.Shard.N == 0 {
		opts.Shard = All
	}
	// Loading compiles the circuit, decodes the key and rebuilds the
	// ledger, and leaves garbage as large as what it keeps: bound it by one
	// batch's estimate plus the ledger's, collect it, then bound the
	// proving by the batches in flight (below).
	m, err := LoadManifest(opts.Dir)
	if err != nil {
		return nil, err
	}
	mem, memErr := AvailableMemory()
	if opts.Memory != nil {
		mem, memErr = *opts.Memory, nil
	}
	pr, err := func() (*prover, error) {
		if memErr == nil {
			need := PeakPerBatch(m.Circuit.Constraints) + uint64(max(m.Users, 0))*LedgerBytesPerUser
			_, restore := SoftMemoryLimitFor(need, mem.Bytes)
			defer restore()
		}
		return openProver(opts.Dir, m)
	}()
	if err != nil {
		return nil, err
	}
	debug.FreeOSMemory()
	res := &ProveResult{Shard: opts.Shard.String(), Epoch: m.Epoch, Workers: opts.Workers, Constraints: pr.ccs.GetNbConstraints()}
	var todo []int
	reasons := map[int]string{}
	done := 0
	report := func(r BatchResult) {
		done++
		res.Results = append(res.Results, r)
		switch r.Status {
		case Proved:
			res.Proved++
		case Reproved:
			res.Proved++
			res.Reproved++
		case Skipped:
			res.Skipped++
		}
		if opts.Progress != nil {
			el := time.Since(start)
			opts.Progress(Event{Batch: r, Done: done, Total: res.Batches, Elapsed: el, Rate: float64(done) / el.Seconds()})
		}
	}
	var skipped []BatchResult
	for b := range m.Batches {
		if !opts.Shard.Has(b) {
			continue
		}
		res.Batches++
		t0 := time.Now()
		f, err := readProofFile(opts.Dir, b)
		if errors.Is(err, os.ErrNotExist) {
			todo = append(todo, b)
			continue
		}
		if err == nil {
			_, _, err = f.check(opts.Dir, m, b, pr.vk)
		}
		if err != nil {
			reasons[b] = err.Error()
			todo = append(todo, b)
			continue
		}
		skipped = append(skipped, BatchResult{Index: b, Status: Skipped, Seconds: time.Since(t0).Seconds()})
	}
	for _, r := range skipped {
		report(r)
	}

	res.PeakPerBatch = PeakPerBatch(res.Constraints)
	var copyBytes uint64
	stateful := batch.HasSolvingState(pr.ccs)
	if stateful {
		// Each batch in flight beside the first solves on its own copy of
		// the circuit (GKR hashing, batch.Copy): count it in every batch's
		// estimate.
		copyBytes = uint64(res.Constraints) * CopyBytesPerConstraint
		res.PeakPerBatch += copyBytes
	}
	if opts.Memory != nil {
		res.Memory = *opts.Memory
	} else if res.Memory, err = AvailableMemory(); err != nil {
		res.Memory = Memory{Source: "unknown"}
		res.Warning = fmt.Sprintf("available memory unknown (%v): batches in flight not bounded by memory", err)
	}
	if res.Memory.Source == "unknown" {
		res.InFlight = InFlight(opts.Workers, runtime.NumCPU(), 0, 0)
	} else {
		var warning string
		res.InFlight, warning = inFlightWithCopies(opts.Workers, runtime.NumCPU(), res.Memory, res.PeakPerBatch, copyBytes)
		if warning != "" {
			res.Warning = warning
		}
	}
	res.InFlight = min(res.InFlight, max(len(todo), 1))
	if len(todo) > 0 && res.Memory.Source != "unknown" {
		// The first batch solves on the loaded circuit: no copy.
		need := uint64(res.InFlight)*res.PeakPerBatch - copyBytes
		limit, restore := SoftMemoryLimitFor(need, res.Memory.Bytes)
		defer restore()
		res.SoftLimit = limit
	}

	systems, err := workerSystems(pr.ccs, res.InFlight, stateful)
	if err != nil {
		return nil, err
	}

	jobs := make(chan int)
	var mu sync.Mutex
	var firstErr error
	var wg sync.WaitGroup
	for w := range res.InFlight {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for b := range jobs {
				t0 := time.Now()
				err := pr.proveOne(opts, systems[w], b)
				mu.Lock()
				if err != nil {
					if firstErr == nil {
						firstErr = err
					}
				} else {
					st := Proved
					if _, ok := reasons[b]; ok {
						st = Reproved
					}
					report(BatchResult{Index: b, Status: st, Reason: reasons[b], Seconds: time.Since(t0).Seconds()})
				}
				mu.Unlock()
			}
		}()
	}
	for _, b := range todo {
		mu.Lock()
		stop := firstErr != nil
		mu.Unlock()
		if stop {
			break
		}
		jobs <- b
	}
	close(jobs)
	wg.Wait()
	if firstErr != nil {
		return nil, firstErr
	}
	res.Seconds = time.Since(start).Seconds()
	return res, nil
}

// inFlightWithCopies is InFlight for batches whose estimate peak includes a
// circuit copy of copyBytes that the first batch in flight does not need
// (it solves on the loaded circuit): n batches need n·peak − copyBytes. The
// warning is set when not even one fits.
func inFlightWithCopies(workers, cpus int, mem Memory, peak, copyBytes uint64) (int, string) {
	n := InFlight(workers, cpus, mem.Bytes+copyBytes, peak)
	if one := peak - min(copyBytes, peak); one > mem.Bytes {
		return n, fmt.Sprintf("one batch needs about %d MiB, %d MiB are available (%s): proving one at a time", one>>20, mem.Bytes>>20, mem.Source)
	}
	return n, ""
}

// workerSystems returns the constraint system each of n workers solves on:
// the loaded one for the first, and for the others a copy of it where the
// circuit keeps solving state in it (stateful, batch.HasSolvingState: GKR
// hashing), else the loaded one again.
func workerSystems(ccs constraint.ConstraintSystem, n int, stateful bool) ([]constraint.ConstraintSystem, error) {
	systems := []constraint.ConstraintSystem{ccs}
	for len(systems) < n {
		if !stateful {
			systems = append(systems, ccs)
			continue
		}
		c, _, err := batch.Copy(ccs)
		if err != nil {
			return nil, err
		}
		systems = append(systems, c)
	}
	return systems, nil
}

// proveOne proves batch b over ccs (the loaded circuit or a worker's copy),
// verifies the proof against the manifest's statement, and writes its file
// atomically.
func (pr *prover) proveOne(opts ProveOptions, ccs constraint.ConstraintSystem, b int) error {
	l := pr.ld.ledger
	a, err := l.Assignment(pr.m.Epoch, b, pr.params)
	if err != nil {
		return err
	}
	proof, err := batch.Prove(ccs, pr.pk, a)
	if err != nil {
		return fmt.Errorf("batch %d: %w", b, err)
	}
	pub := l.Public(pr.m.Epoch, b)
	if err := batch.Verify(proof, pr.vk, pub); err != nil {
		return fmt.Errorf("batch %d: the fresh proof does not verify: %w", b, err)
	}
	f, err := newProofFile(pub, pr.m.BatchList[b].StatementDigest, pr.m.Keys.VerifyingKeyDigest, proof)
	if err != nil {
		return err
	}
	if opts.AfterProve != nil {
		opts.AfterProve(b)
	}
	return writeJSON(ProofPath(opts.Dir, b), f)
}

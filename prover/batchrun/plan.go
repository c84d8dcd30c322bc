package batchrun

import (
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"time"

	fa "github.com/consensys/gnark-crypto/ecc/bw6-761/fr"
	"github.com/consensys/gnark/constraint"
	"github.com/google/renameio/v2"

	circuit "github.com/zktreasury/zktreasury/circuits/batch"
	"github.com/zktreasury/zktreasury/circuits/gadget/bound"
	"github.com/zktreasury/zktreasury/prover/batch"
	"github.com/zktreasury/zktreasury/prover/keystore"
	"github.com/zktreasury/zktreasury/prover/statement"
)

// PlanConfig are the parameters of a plan.
type PlanConfig struct {
	// Dir is the run directory; it must not hold a manifest yet.
	Dir   string
	Files statement.SolvencyFiles
	Epoch uint64
	// BatchSize is K; Batches is M, 0 for the fewest that hold the ledger.
	BatchSize, Batches int
	Hash               circuit.HashMode
	RangeCheck         bound.Mode
}

// loaded is what every step rebuilds from the inputs.
type loaded struct {
	in     statement.SolvencyInputs
	ledger *batch.Ledger
}

// loadInputs loads and validates every input file and cuts the ledger into
// batches of k (m batches, 0 for the fewest).
func loadInputs(files statement.SolvencyFiles, k, m int) (*loaded, error) {
	in, err := statement.LoadSolvencyInputs(files)
	if err != nil {
		return nil, err
	}
	key := in.Secrets.UserSaltKey.Bytes()
	l, err := batch.BuildLedger(in.Policy, in.Ledger, key, k, m)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", files.Liabilities, err)
	}
	return &loaded{in: in, ledger: l}, nil
}

func inputList(f statement.SolvencyFiles) []Input {
	return []Input{
		{Role: "policy", Path: f.Policy}, {Role: "prices", Path: f.Prices}, {Role: "positions", Path: f.Positions},
		{Role: "liabilities", Path: f.Liabilities}, {Role: "secrets", Path: f.Secrets},
	}
}

func filesOf(m *Manifest) (statement.SolvencyFiles, error) {
	var f statement.SolvencyFiles
	for _, x := range []struct {
		role string
		dst  *string
	}{{"policy", &f.Policy}, {"prices", &f.Prices}, {"positions", &f.Positions}, {"liabilities", &f.Liabilities}, {"secrets", &f.Secrets}} {
		p, err := m.input(x.role)
		if err != nil {
			return f, err
		}
		*x.dst = p
	}
	return f, nil
}

// liabilitiesRoot hashes the batch roots (F_b integers, embedded unchanged in
// F_a) into the liabilities root with C_a, as the aggregation circuit does.
func liabilitiesRoot(roots []*big.Int) (fa.Element, error) { return batch.TopRoot(roots) }

// elementHex formats the liabilities root as the joined proof file and the
// inclusion files write it.
func elementHex(e *fa.Element) string { return batch.HexA(*e) }

// statementsOf returns the public statement of every batch and its digest.
func statementsOf(l *batch.Ledger, epoch uint64) ([]batch.Public, []string, error) {
	pubs := make([]batch.Public, l.M)
	digests := make([]string, l.M)
	for b := range l.M {
		pubs[b] = l.Public(epoch, b)
		d, err := StatementDigest(pubs[b])
		if err != nil {
			return nil, nil, err
		}
		digests[b] = d
	}
	return pubs, digests, nil
}

// Plan loads the inputs, cuts the ledger into batches, compiles the batch
// circuit, makes its keys once in Dir/keys (a single-party setup, marked
// insecure: development only), and writes Dir/manifest.json atomically, last,
// so a directory with a manifest always has its keys.
func Plan(cfg PlanConfig) (*Manifest, error) {
	mpath := filepath.Join(cfg.Dir, ManifestFile)
	if _, err := os.Stat(mpath); err == nil {
		return nil, fmt.Errorf("%s exists: a run is already planned there; prove it with --manifest %s, or plan into a new directory", mpath, cfg.Dir)
	} else if !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("plan: %w", err)
	}
	inputs := inputList(cfg.Files)
	for i := range inputs {
		abs, err := filepath.Abs(inputs[i].Path)
		if err != nil {
			return nil, fmt.Errorf("%s input %s: %w", inputs[i].Role, inputs[i].Path, err)
		}
		inputs[i].Path = abs
		if inputs[i].SHA256, err = fileSHA256(abs); err != nil {
			return nil, fmt.Errorf("%s input: %w", inputs[i].Role, err)
		}
	}
	ld, err := loadInputs(cfg.Files, cfg.BatchSize, cfg.Batches)
	if err != nil {
		return nil, err
	}
	l := ld.ledger
	p := l.Params(cfg.Hash, cfg.RangeCheck)
	ccs, err := batch.Compile(p)
	if err != nil {
		return nil, err
	}
	digest, err := keystore.CircuitDigest(ccs)
	if err != nil {
		return nil, err
	}
	meta, err := setupKeys(filepath.Join(cfg.Dir, KeysDir), p, ccs, digest)
	if err != nil {
		return nil, err
	}
	m := &Manifest{
		Format: ManifestFormat, Epoch: cfg.Epoch, BatchSize: l.K, Batches: l.M, Users: len(l.Users),
		Hash: cfg.Hash.String(), RangeCheck: cfg.RangeCheck.String(), Inputs: inputs,
		Circuit: CircuitInfo{Params: p.String(), Curve: batch.Curve.String(), Digest: digest,
			Constraints: ccs.GetNbConstraints(), PublicInputs: BatchBackend.NbPublicInputs(ccs)},
		Keys: KeysInfo{Backend: BackendName, Insecure: meta.Insecure,
			ProvingKeyDigest: meta.ProvingKeyDigest, VerifyingKeyDigest: meta.VerifyingKeyDigest},
	}
	for _, a := range ld.in.Policy.Assets {
		m.Assets = append(m.Assets, Asset{Symbol: a.Symbol, CircuitDecimals: a.CircuitDecimals})
	}
	_, digests, err := statementsOf(l, cfg.Epoch)
	if err != nil {
		return nil, err
	}
	roots := make([]*big.Int, l.M)
	for b := range l.M {
		r := l.Tree.BatchRoot(b)
		roots[b] = r.BigInt(new(big.Int))
		users := min(max(len(l.Users)-b*l.K, 0), l.K)
		m.BatchList = append(m.BatchList, BatchEntry{Index: b, FirstLeaf: b * l.K, EndLeaf: (b + 1) * l.K, Users: users,
			Root: hex0x(roots[b]), StatementDigest: digests[b]})
	}
	top := l.Tree.Root()
	m.LiabilitiesRoot = elementHex(&top)
	// The tree's top and the join's recomputation from the batch roots must agree.
	if again, err := liabilitiesRoot(roots); err != nil || !again.Equal(&top) {
		return nil, fmt.Errorf("plan: the liabilities root recomputed from the batch roots differs from the tree's (%v)", err)
	}
	// An input edited while it was being read would make the digests lie.
	if err := m.CheckInputs(); err != nil {
		return nil, err
	}
	if err := m.validate(mpath); err != nil {
		return nil, fmt.Errorf("plan: internal error: %w", err)
	}
	if err := os.MkdirAll(filepath.Join(cfg.Dir, BatchesDir), 0o755); err != nil {
		return nil, fmt.Errorf("plan: %w", err)
	}
	if err := writeJSON(mpath, m); err != nil {
		return nil, err
	}
	return m, nil
}

// setupKeys makes the batch keys in dir with a single-party setup (insecure,
// development only) and returns their metadata. Only the plan calls it: shards
// never run a setup, since keys from two setups would not join.
func setupKeys(dir string, p circuit.Params, ccs constraint.ConstraintSystem, digest string) (*keystore.Meta, error) {
	keys, err := BatchBackend.SetupInsecure(ccs)
	if err != nil {
		return nil, err
	}
	store := keystore.Store{Dir: dir}
	meta := keystore.Meta{Circuit: CircuitName, Params: p.String(), Backend: BackendName, CircuitDigest: digest,
		Constraints: ccs.GetNbConstraints(), PublicInputs: BatchBackend.NbPublicInputs(ccs), Insecure: true, Created: time.Now().UTC()}
	if err := store.Save(meta, keys); err != nil {
		return nil, fmt.Errorf("save batch keys: %w", err)
	}
	return store.LoadMeta(CircuitName, BackendName, digest)
}

// writeAtomic writes data to path through a temporary file in the same
// directory, renamed over path.
func writeAtomic(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := renameio.WriteFile(path, data, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

package batchrun

import (
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"strings"

	"github.com/consensys/gnark/backend/groth16"
	"github.com/shopspring/decimal"

	"github.com/zktreasury/zktreasury/prover/batch"
)

// JoinedFormat identifies the joined statement.
const JoinedFormat = "zktreasury-batch-joined/1"

// AssetTotal is the liabilities of one asset over every batch.
type AssetTotal struct {
	Symbol string `json:"symbol"`
	// Units is the total in circuit units (10^-circuitDecimals tokens).
	Units string `json:"units"`
	// Amount is Units at the asset's circuit scale.
	Amount decimal.Decimal `json:"amount"`
}

// Joined is the statement the batch proofs establish together: the epoch,
// the liabilities root over every batch and the per-asset totals. It depends
// only on the inputs and the plan, never on the (randomised) proofs, so any
// split of the batches into shards joins to the same bytes.
type Joined struct {
	Format          string       `json:"format"`
	Epoch           uint64       `json:"epoch"`
	BatchSize       int          `json:"batchSize"`
	Batches         int          `json:"batches"`
	Users           int          `json:"users"`
	LiabilitiesRoot string       `json:"liabilitiesRoot"`
	Totals          []AssetTotal `json:"totals"`
	// BatchStatements are the batches' statement digests, in batch order.
	BatchStatements []string `json:"batchStatements"`
	// VerifyingKeyDigest is the batch key every proof was checked with.
	VerifyingKeyDigest string `json:"verifyingKeyDigest"`
}

// ErrMissingBatches is returned by Join when some batch has no proof file.
var ErrMissingBatches = errors.New("batches not proven")

// Aggregator proves a joined statement from the verified batch proofs; the
// aggregation circuit (circuits/aggregate, prover/aggregate) plugs in here.
// statements[b] and proofs[b] are batch b's, each checked against the manifest.
type Aggregator interface {
	Aggregate(dir string, m *Manifest, vk groth16.VerifyingKey, proofs []groth16.Proof, statements []batch.Public, joined *Joined) error
}

// JoinOptions are the options of Join.
type JoinOptions struct {
	Dir string
	// Aggregate, when set, proves the joined statement (joinProof).
	Aggregate Aggregator
}

// Join refuses unless every batch has a proof file that verifies against the
// manifest's statement for that batch (a file moved from another batch, or
// from another epoch's run, is named), recomputes the liabilities root from
// the batch roots and checks it against the manifest, sums the totals, and
// writes Dir/joined.json atomically.
func Join(opts JoinOptions) (*Joined, error) {
	m, err := LoadManifest(opts.Dir)
	if err != nil {
		return nil, err
	}
	vk, err := loadVerifyingKey(opts.Dir, m)
	if err != nil {
		return nil, err
	}
	var missing []string
	var errs []error
	proofs := make([]groth16.Proof, m.Batches)
	stmts := make([]batch.Public, m.Batches)
	for b := range m.Batches {
		f, err := readProofFile(opts.Dir, b)
		if errors.Is(err, os.ErrNotExist) {
			missing = append(missing, fmt.Sprint(b))
			continue
		}
		if err == nil {
			stmts[b], proofs[b], err = f.check(opts.Dir, m, b, vk)
		}
		if err != nil {
			errs = append(errs, err)
		}
	}
	if len(missing) > 0 {
		errs = append([]error{fmt.Errorf("%w: %d of %d batches have no proof in %s (batches %s)",
			ErrMissingBatches, len(missing), m.Batches, filepath.Join(opts.Dir, BatchesDir), strings.Join(missing, ", "))}, errs...)
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("join refused; run `zktreasury prove solvency --manifest %s` to prove these batches (again):\n%w", opts.Dir, errors.Join(errs...))
	}
	roots := make([]*big.Int, m.Batches)
	for b := range m.Batches {
		if got := hex0x(stmts[b].Root); got != m.BatchList[b].Root {
			return nil, fmt.Errorf("join: batch %d's proof has root %s, the manifest %s", b, got, m.BatchList[b].Root)
		}
		roots[b] = stmts[b].Root
	}
	top, err := liabilitiesRoot(roots)
	if err != nil {
		return nil, err
	}
	if got := elementHex(&top); got != m.LiabilitiesRoot {
		return nil, fmt.Errorf("join: the batch roots hash to %s, the manifest's liabilities root is %s", got, m.LiabilitiesRoot)
	}
	j := &Joined{Format: JoinedFormat, Epoch: m.Epoch, BatchSize: m.BatchSize, Batches: m.Batches, Users: m.Users,
		LiabilitiesRoot: m.LiabilitiesRoot, VerifyingKeyDigest: m.Keys.VerifyingKeyDigest}
	for a, as := range m.Assets {
		sum := new(big.Int)
		for b := range m.Batches {
			sum.Add(sum, stmts[b].Totals[a])
		}
		j.Totals = append(j.Totals, AssetTotal{Symbol: as.Symbol, Units: sum.String(), Amount: decimal.NewFromBigInt(sum, -as.CircuitDecimals)})
	}
	for _, e := range m.BatchList {
		j.BatchStatements = append(j.BatchStatements, e.StatementDigest)
	}
	if err := joinProof(opts, m, vk, proofs, stmts, j); err != nil {
		return nil, err
	}
	if err := writeJSON(filepath.Join(opts.Dir, JoinedFile), j); err != nil {
		return nil, err
	}
	return j, nil
}

// joinProof is the seam where the joined statement gets its proof: the
// aggregation circuit verifies every batch proof under the plan's key, binds
// each to its epoch and index, hashes the batch roots into the liabilities
// root and sums the totals. Without an Aggregator the join stops at the
// natively checked statement.
func joinProof(opts JoinOptions, m *Manifest, vk groth16.VerifyingKey, proofs []groth16.Proof, stmts []batch.Public, j *Joined) error {
	if opts.Aggregate == nil {
		return nil
	}
	if err := opts.Aggregate.Aggregate(opts.Dir, m, vk, proofs, stmts, j); err != nil {
		return fmt.Errorf("aggregate the batch proofs: %w", err)
	}
	return nil
}

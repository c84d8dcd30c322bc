package inclusion

import (
	"errors"
	"fmt"
	"github.com/consensys/gnark/backend/groth16"
	aggcircuit "github.com/zktreasury/zktreasury/circuits/aggregate"
	"github.com/zktreasury/zktreasury/prover/aggregate"
	"github.com/zktreasury/zktreasury/prover/batch"
	"github.com/zktreasury/zktreasury/prover/batchrun"
	"github.com/zktreasury/zktreasury/prover/keystore"
	"github.com/zktreasury/zktreasury/prover/prooffile"
	"github.com/zktreasury/zktreasury/prover/statement"
	"github.com/zktreasury/zktreasury/prover/zk"
	"os"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
	"github.com/zktreasury/zktreasury/prover/inclusion"
	"github.com/zktreasury/zktreasury/treasury"
)

// isBatched tells whether the inclusion file is of a batched tree. A file that
// cannot be read is left to the single-tree path, which names the problem.
func isBatched(path string) (bool, error) {
	if _, err := os.Stat(path); err != nil {
		return false, nil
	}
	format, err := inclusion.FormatOf(path)
	if err != nil {
		return false, nil
	}
	return format == inclusion.FormatBatched, nil
}

// verifyBatchedRun checks a batched tree's inclusion file. The statement
// comes from the registry (--registry with --rpc: the recorded root is the
// digest of the batched root, and the recorded policy commitment is checked
// against --policy), from a joined proof file (--proof, verified with --keys),
// or from --root with --epoch, --batch-size and --batches as given; the
// policy must be the user's own (--policy): a joined proof commits to no
// policy (the registry's record does).
func verifyBatchedRun(opts *VerifyOptions, epochSet bool) error {
	if opts.Policy == "" {
		return cmdutil.Usagef("with a batched tree's inclusion file, pass --policy (the policy file you trust)")
	}
	if opts.Registry != "" {
		return verifyBatchedRecorded(opts, epochSet)
	}
	if opts.Root != "" && (!epochSet || opts.BatchSize == 0 || opts.Batches == 0) {
		return cmdutil.Usagef("with --root and a batched tree's inclusion file, pass --epoch, --batch-size and --batches")
	}
	if opts.Proof != "" && (opts.BatchSize != 0 || opts.Batches != 0) {
		return cmdutil.Usagef("with --proof, the tree's shape is the joined proof's: drop --batch-size and --batches")
	}
	f, err := inclusion.ReadBatched(opts.File)
	if err != nil {
		return err
	}
	pol, err := treasury.LoadPolicy(opts.Policy)
	if err != nil {
		return err
	}
	var proven inclusion.ProvenBatched
	source, verified, insecure := "", false, false
	if opts.Proof != "" {
		if proven, verified, insecure, err = fromJoinedProof(opts); err != nil {
			return err
		}
		source = opts.Proof
	} else {
		root, err := batch.ParseA(opts.Root)
		if err != nil {
			return cmdutil.Usagef("--root %q: %v", opts.Root, err)
		}
		// --root states no asset count: the user's policy gives it.
		proven = inclusion.ProvenBatched{Root: root, Epoch: opts.Epoch, BatchSize: opts.BatchSize, Batches: opts.Batches, Assets: len(pol.Assets)}
		source = fmt.Sprintf("--root, --epoch, --batch-size %d and --batches %d as given", opts.BatchSize, opts.Batches)
	}
	res := VerifyResult{Included: true, UserID: f.UserID, Epoch: proven.Epoch, Balances: map[string]string{},
		LiabilitiesRoot: batch.HexA(proven.Root), Capacity: proven.BatchSize * proven.Batches,
		PolicySource: opts.Policy + " (taken as is: a batched root states no policy commitment)",
		Source:       source, ProofVerified: verified, InsecureSetup: insecure}
	balances, err := inclusion.VerifyBatched(f, pol, proven)
	if err != nil {
		if !errors.Is(err, inclusion.ErrNotIncluded) {
			return fmt.Errorf("%s: %w", opts.File, err)
		}
		res.Included, res.Reason = false, err.Error()
	}
	return report(opts, &res, balances)
}

func exportBatchedRun(opts *ExportOptions) error {
	l, pol, led, err := opts.Inputs.BuildBatched(opts.BatchSize)
	if err != nil {
		return err
	}
	epoch := opts.Inputs.Epoch
	if opts.All {
		progress := func(done, total int) {
			if !opts.JSON {
				fmt.Fprintf(opts.F.Err, "inclusion files: %d/%d\n", done, total)
			}
		}
		rep, err := inclusion.ExportAll(opts.Out, l, pol, led, epoch, progress)
		if err != nil {
			return err
		}
		if opts.JSON {
			return cmdutil.PrintJSON(opts.F.Out, map[string]any{"dir": rep.Dir, "files": rep.Files, "bytes": rep.Bytes,
				"batchSize": l.K, "batches": l.M, "liabilitiesRoot": batch.HexA(l.Tree.Root())})
		}
		fmt.Fprintf(opts.F.Out, "wrote %d inclusion files into %s (%d batches of %d, root %s)\n", rep.Files, rep.Dir, l.M, l.K, batch.HexA(l.Tree.Root()))
		return nil
	}
	idx := -1
	for i, u := range l.Users {
		if u.ID == opts.User {
			idx = i
		}
	}
	if idx < 0 {
		return fmt.Errorf("%w: %q (in %s)", inclusion.ErrUnknownUser, opts.User, opts.Inputs.Files.Liabilities)
	}
	bal := map[string][]string{}
	for _, u := range led.Users {
		if u.ID == opts.User {
			for _, b := range u.Balance {
				bal[u.ID] = append(bal[u.ID], b.String())
			}
		}
	}
	f, err := inclusion.ExportBatched(l, pol, bal, epoch, idx)
	if err != nil {
		return err
	}
	return writeInclusion(opts, f, f.UserID, f.LeafIndex, f.LiabilitiesRoot)
}

// fromJoinedProof reads a joined proof file's statement; with --keys it
// verifies the proof with the aggregation verifying key of the key store (the
// one the proof file's circuit digest names, whose metadata must give the
// file's parameters), without it only the file's own statement is used. It
// says whether the proof was verified, and whether with the keys of an
// insecure single-party setup (whose maker can prove anything).
func fromJoinedProof(opts *VerifyOptions) (inclusion.ProvenBatched, bool, bool, error) {
	var p inclusion.ProvenBatched
	pf, err := prooffile.Read(opts.Proof)
	if err != nil {
		return p, false, false, err
	}
	if pf.Circuit != aggregate.Name {
		return p, false, false, fmt.Errorf("%s is a %s proof: a batched tree's inclusion file is checked against a joined (%s) proof", opts.Proof, pf.Circuit, aggregate.Name)
	}
	params, err := aggcircuit.ParseParams(pf.Params)
	if err != nil {
		return p, false, false, &treasury.InputError{File: opts.Proof, Field: "params", Value: pf.Params, Msg: err.Error()}
	}
	st, err := aggregate.ParseNamed(pf.PublicInputs, params.Batch.Assets)
	if err != nil {
		return p, false, false, &treasury.InputError{File: opts.Proof, Field: "publicInputs", Msg: err.Error()}
	}
	verified, insecure := false, false
	if opts.Keys != "" {
		store := keystore.Store{Dir: opts.Keys}
		vk, meta, err := store.LoadVerifyingKey(batchrun.AggregateBackend, batchrun.AggregateCircuitName, pf.CircuitDigest)
		if err != nil {
			return p, false, false, fmt.Errorf("the joined proof's verifying key: %w", err)
		}
		if meta.Params != pf.Params {
			return p, false, false, fmt.Errorf("%w: the key store's aggregation key is for %s, the proof file says %s", zk.ErrProofRejected, meta.Params, pf.Params)
		}
		if st, err = aggregate.VerifyFile(pf, params, vk.(groth16.VerifyingKey)); err != nil {
			return p, false, false, &cmdutil.NoError{Reason: fmt.Sprintf("%s: %v", opts.Proof, err)}
		}
		verified, insecure = true, meta.Insecure
	}
	// The asset count is the proof's, never the policy's: a leaf of six assets
	// chained from a user hash can be a three-asset leaf (VerifyBatched refuses
	// a policy of another count).
	return inclusion.ProvenBatched{Root: st.Root, Epoch: st.Epoch, BatchSize: params.Batch.Users, Batches: params.Batches,
		Assets: params.Batch.Assets}, verified, insecure, nil
}

// verifyBatchedRecorded checks a batched tree's inclusion file against the
// registry's record of its epoch (inclusion.VerifyBatchedRecorded).
func verifyBatchedRecorded(opts *VerifyOptions, epochSet bool) error {
	f, err := inclusion.ReadBatched(opts.File)
	if err != nil {
		return err
	}
	pol, err := treasury.LoadPolicy(opts.Policy)
	if err != nil {
		return err
	}
	epoch := f.Epoch
	if epochSet {
		epoch = opts.Epoch
	}
	proven, notRecorded, err := fromRegistry(opts.RPC, opts.Registry, epoch)
	if err != nil {
		return err
	}
	res := VerifyResult{Included: true, UserID: f.UserID, Epoch: epoch, Balances: map[string]string{},
		LiabilitiesRoot: statement.Hex(proven.Root), Capacity: proven.Shape.Capacity,
		PolicyCommitment: statement.Hex(proven.PolicyCommitment), PolicySource: opts.Policy,
		Source: fmt.Sprintf("registry %s at %s, epoch %d", opts.Registry, opts.RPC, epoch)}
	var balances []inclusion.Balance
	if notRecorded != nil {
		res.Included, res.Reason = false, notRecorded.Error()
	} else if balances, err = inclusion.VerifyBatchedRecorded(f, pol, inclusion.RecordedBatched{Epoch: epoch, Root: proven.Root,
		PolicyCommitment: proven.PolicyCommitment, Capacity: proven.Shape.Capacity, Assets: proven.Shape.Assets}); err != nil {
		if !errors.Is(err, inclusion.ErrNotIncluded) {
			return fmt.Errorf("%s: %w", opts.File, err)
		}
		res.Included, res.Reason = false, err.Error()
	}
	return report(opts, &res, balances)
}

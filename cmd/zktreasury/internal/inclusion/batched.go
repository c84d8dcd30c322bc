package inclusion

import (
	"encoding/json"
	"errors"
	"fmt"
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
// comes from --root with --epoch, --batch-size and --batches as given; the
// policy must be the user's own (--policy): a batched joined proof does not
// carry a policy commitment yet.
func verifyBatchedRun(opts *VerifyOptions, epochSet bool) error {
	if opts.Root == "" || opts.Proof != "" || opts.Registry != "" {
		return cmdutil.Usagef("a batched tree's inclusion file is checked with --root, --epoch, --batch-size, --batches and --policy (joined proofs and the registry do not record batched epochs yet)")
	}
	if opts.Policy == "" || !epochSet || opts.BatchSize == 0 || opts.Batches == 0 {
		return cmdutil.Usagef("with a batched tree's inclusion file, pass --policy (the policy file you trust), --epoch, --batch-size and --batches")
	}
	f, err := inclusion.ReadBatched(opts.File)
	if err != nil {
		return err
	}
	pol, err := treasury.LoadPolicy(opts.Policy)
	if err != nil {
		return err
	}
	root, err := inclusion.ParseA(opts.Root)
	if err != nil {
		return cmdutil.Usagef("--root %q: %v", opts.Root, err)
	}
	proven := inclusion.ProvenBatched{Root: root, Epoch: opts.Epoch, BatchSize: opts.BatchSize, Batches: opts.Batches, Assets: len(pol.Assets)}
	res := VerifyResult{Included: true, UserID: f.UserID, Epoch: proven.Epoch, Balances: map[string]string{},
		LiabilitiesRoot: inclusion.HexA(root), Capacity: opts.BatchSize * opts.Batches,
		PolicySource: opts.Policy + " (taken as is: a batched root states no policy commitment)",
		Source:       fmt.Sprintf("--root, --epoch, --batch-size %d and --batches %d as given", opts.BatchSize, opts.Batches)}
	balances, err := inclusion.VerifyBatched(f, pol, proven)
	if err != nil {
		if !errors.Is(err, inclusion.ErrNotIncluded) {
			return fmt.Errorf("%s: %w", opts.File, err)
		}
		res.Included, res.Reason = false, err.Error()
	}
	for _, b := range balances {
		res.Balances[b.Symbol] = b.Counted.StringFixed(b.CircuitDecimals)
	}
	if opts.JSON {
		if err := cmdutil.PrintJSON(opts.F.Out, res); err != nil {
			return err
		}
	} else if err := printVerify(opts, &res, balances); err != nil {
		return err
	}
	if !res.Included {
		return &cmdutil.NoError{Reason: res.Reason}
	}
	return nil
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
				"batchSize": l.K, "batches": l.M, "liabilitiesRoot": inclusion.HexA(l.Tree.Root())})
		}
		fmt.Fprintf(opts.F.Out, "wrote %d inclusion files into %s (%d batches of %d, root %s)\n", rep.Files, rep.Dir, l.M, l.K, inclusion.HexA(l.Tree.Root()))
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
	pj, err := json.Marshal(pol)
	if err != nil {
		return err
	}
	bal := map[string][]string{}
	for _, u := range led.Users {
		if u.ID == opts.User {
			for _, b := range u.Balance {
				bal[u.ID] = append(bal[u.ID], b.String())
			}
		}
	}
	f, err := inclusion.ExportBatched(l, pol, pj, bal, epoch, idx)
	if err != nil {
		return err
	}
	data, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return err
	}
	data = append(data, '\n')
	if opts.Out == "" {
		_, err := opts.F.Out.Write(data)
		return err
	}
	if err := cmdutil.WriteFileAtomic(opts.Out, data, 0o600); err != nil {
		return err
	}
	if opts.JSON {
		return cmdutil.PrintJSON(opts.F.Out, map[string]any{"file": opts.Out, "userId": f.UserID, "leafIndex": f.LeafIndex, "liabilitiesRoot": f.LiabilitiesRoot})
	}
	fmt.Fprintf(opts.F.Out, "wrote %s (user %s, leaf %d, root %s)\n", opts.Out, f.UserID, f.LeafIndex, f.LiabilitiesRoot)
	return nil
}

package runner

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"path/filepath"
	"strings"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/epoch"
	"github.com/zktreasury/zktreasury/contracts"
	"github.com/zktreasury/zktreasury/prover/inclusion"
	"github.com/zktreasury/zktreasury/prover/prooffile"
	"github.com/zktreasury/zktreasury/prover/statement"
	"github.com/zktreasury/zktreasury/treasury"
)

// inclusionFiles writes every user's inclusion file for the epoch (idempotent: the files are a
// function of the case directory).
func (r *run) inclusionFiles(dir string, ep *statement.Epoch, rep *EpochReport) error {
	out := filepath.Join(dir, InclusionDir)
	names, err := inclusionNames(r.in.ledger)
	if err != nil {
		return err
	}
	for i, u := range r.in.ledger.Users {
		f, err := inclusion.Export(ep.Solvency, r.in.policy, r.in.ledger, u.ID)
		if err != nil {
			return err
		}
		data, err := json.MarshalIndent(f, "", "  ")
		if err != nil {
			return err
		}
		if err := cmdutil.WriteFileAtomic(filepath.Join(out, names[i]), append(data, '\n'), 0o600); err != nil {
			return err
		}
		rep.InclusionFiles++
	}
	return nil
}

// inclusionNames are the users' inclusion file names (inclusion.FileNames).
func inclusionNames(l *treasury.Ledger) ([]string, error) { return inclusion.FileNames(l) }

// pushRounds adds epoch n's round to every mock feed, updated at the epoch's end, unless the
// feed already has it (a crash after pushing); an existing round must answer the series' price.
func (r *run) pushRounds(n uint64) error {
	_, end := r.in.times(n)
	for a, f := range r.dep.Feeds {
		if !f.Mock {
			return fmt.Errorf("feed %s is not a mock feed: run pushes rounds only to mock feeds", f.Symbol)
		}
		want := contracts.RoundID(1, mockFeedRound0+n)
		answer := r.in.series.USD[n][a].Shift(int32(f.Decimals)).BigInt()
		latest, err := contracts.ReadFeed(r.ctx, r.conn, f.Aggregator)
		if err != nil {
			return err
		}
		switch latest.Latest.RoundID.Cmp(want) {
		case 0, 1:
			rd, err := contracts.ReadRound(r.ctx, r.conn, f.Aggregator, want)
			if err != nil {
				return err
			}
			if rd.Answer.Cmp(answer) != 0 || uint64(rd.UpdatedAt.Unix()) != end {
				return fmt.Errorf("feed %s round %v answers %v at %s, the series says %v at %d", f.Symbol, want, rd.Answer, rd.UpdatedAt, answer, end)
			}
			continue
		}
		if new(big.Int).Add(latest.Latest.RoundID, big.NewInt(1)).Cmp(want) != 0 {
			return fmt.Errorf("feed %s is at round %v, epoch %d needs round %v next", f.Symbol, latest.Latest.RoundID, n, want)
		}
		mf := contracts.MockFeed{Proxy: f.Aggregator, Aggregator: f.MockAggregator, Phase: 1}
		if _, err := contracts.AddMockRounds(r.ctx, r.conn, r.auth, mf, contracts.MockRound{Answer: answer, UpdatedAt: end}); err != nil {
			return err
		}
	}
	return nil
}

// onChain reports whether the registry already records epoch n with these commitments and,
// when claim is set, exactly claim's record (times, rounds, prices, flows, policy, previous
// state: epoch.RecordDiff); a record of epoch n that differs is an error (another run, or
// another submitter, recorded it).
func (r *run) onChain(n uint64, es *EpochState, claim *contracts.Claim) (bool, *contracts.EpochRecord, error) {
	st, err := r.reg.Status(r.ctx)
	if err != nil {
		return false, nil, err
	}
	if st.LastEpoch < n {
		return false, nil, nil
	}
	rec, err := r.reg.EpochRecord(r.ctx, n)
	if err != nil {
		return false, nil, err
	}
	if fmt.Sprintf("0x%064x", rec.StateCommitment) != es.StateCommitment || fmt.Sprintf("0x%064x", rec.LiabilitiesRoot) != es.LiabilitiesRoot ||
		fmt.Sprintf("0x%064x", rec.ActionsCommitment) != es.ActionsCommitment {
		return false, nil, fmt.Errorf("the registry already records epoch %d with state %#x, root %#x, actions %#x: not this run's epoch (state %s)",
			n, rec.StateCommitment, rec.LiabilitiesRoot, rec.ActionsCommitment, es.StateCommitment)
	}
	if claim != nil {
		prev, err := r.reg.EpochRecord(r.ctx, n-1)
		if err != nil {
			return false, nil, err
		}
		if d := epoch.RecordDiff(rec, prev.StateCommitment, claim); len(d) > 0 {
			return false, nil, fmt.Errorf("the registry already records epoch %d with another record than this run's proof: %s", n, strings.Join(d, "; "))
		}
	}
	return true, &rec, nil
}

// submit records epoch n on the registry exactly once. Before sending, the registry's last epoch
// and record are read (an epoch that landed before a crash is recognised) and a recorded
// transaction hash is looked up (a transaction sent before a crash is waited for, never sent
// again). The transaction is signed first and its hash saved in state.json before it is sent.
func (r *run) submit(n uint64, es *EpochState, rep *EpochReport) error {
	ctx, cancel := context.WithTimeout(r.ctx, receiptDeadline)
	defer cancel()
	r.prog.begin("epoch %d: submitting to the registry on %s", n, r.label)
	var receipt *types.Receipt
	if es.TxHash != "" {
		rc, err := r.conn.TransactionReceipt(ctx, common.HexToHash(es.TxHash))
		switch {
		case err == nil && rc != nil:
			receipt = rc
		case err != nil && !errors.Is(err, ethereum.NotFound):
			return fmt.Errorf("look up epoch %d's transaction %s: %w", n, es.TxHash, err)
		default:
			// Not known to the node. If it is pending, wait for it; else it was lost.
			if _, pending, err := r.conn.TransactionByHash(ctx, common.HexToHash(es.TxHash)); err == nil && pending {
				rc, err := contracts.WaitReceipt(ctx, r.conn, common.HexToHash(es.TxHash))
				if err != nil {
					return err
				}
				receipt = rc
			}
		}
	}
	// The proof prove verified for this epoch, priced at the run's own rounds (the file's
	// "rounds" are not covered by the proof).
	path := filepath.Join(r.epochDir(n), EpochProofFile)
	if es.Proof != r.rel(path) {
		return fmt.Errorf("epoch %d: %s names proof %q, the epoch's proof is %s", n, StatePath(r.dir), es.Proof, r.rel(path))
	}
	f, err := prooffile.Read(path)
	if err != nil {
		return err
	}
	sl, err := r.slotOf(n)
	if err != nil {
		return err
	}
	rounds := epoch.Rounds{}
	for sym, id := range sl.rounds {
		v, ok := new(big.Int).SetString(id, 10)
		if !ok {
			return fmt.Errorf("epoch %d: round %q of %s is not a decimal round id", n, id, sym)
		}
		rounds[sym] = v
	}
	claim, err := epoch.BuildSubmission(r.dep, f, rounds)
	if err != nil {
		return err
	}
	landed, rec, err := r.onChain(n, es, claim)
	if err != nil {
		return err
	}
	if landed {
		if receipt == nil || receipt.TxHash != rec.TxHash {
			rep.RecognisedOnChain, es.Recognised = true, true
			if rc, err := r.conn.TransactionReceipt(ctx, rec.TxHash); err == nil {
				receipt = rc
			}
		}
		return r.confirm(n, es, rec, receipt, rep)
	}
	if r.cfg.Live == nil {
		if err := r.pushRounds(n); err != nil {
			return err
		}
	}
	tx, err := r.reg.SignSubmission(ctx, claim.EpochSubmission)
	if err != nil {
		var revert *contracts.RevertError
		if errors.As(err, &revert) {
			return &cmdutil.NoError{Reason: fmt.Sprintf("the registry refuses epoch %d: %v", n, err)}
		}
		return err
	}
	es.Stage, es.TxHash = StageSubmitted, tx.Hash().Hex()
	if err := r.save(); err != nil {
		return err
	}
	crashPoint("sign", n)
	receipt, err = r.reg.SendSigned(ctx, tx)
	if err != nil {
		return err
	}
	crashPoint("submit", n)
	landed, rec, err = r.onChain(n, es, claim)
	if err != nil {
		return err
	}
	if !landed {
		return fmt.Errorf("epoch %d: transaction %s mined but the registry does not record the epoch", n, tx.Hash())
	}
	return r.confirm(n, es, rec, receipt, rep)
}

func (r *run) confirm(n uint64, es *EpochState, rec *contracts.EpochRecord, receipt *types.Receipt, rep *EpochReport) error {
	es.Stage, es.TxHash, es.RecordHash = StageConfirmed, rec.TxHash.Hex(), rec.RecordHash.Hex()
	es.Block = rec.Block
	if receipt != nil {
		es.GasUsed = receipt.GasUsed
	}
	r.st.LastEpoch, r.st.StateCommitment, r.st.LiabilitiesRoot = n, es.StateCommitment, es.LiabilitiesRoot
	if err := r.save(); err != nil {
		return err
	}
	rep.TxHash, rep.Block, rep.GasUsed = es.TxHash, es.Block, es.GasUsed
	recog := ""
	if es.Recognised {
		recog = " (found already recorded on chain)"
	}
	r.prog.note("epoch %d: recorded in block %d, tx %s, %d gas%s", n, es.Block, es.TxHash, es.GasUsed, recog)
	return nil
}

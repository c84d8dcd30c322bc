package contracts_test

import (
	"encoding/binary"
	"errors"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"

	"github.com/zktreasury/zktreasury/contracts"
	"github.com/zktreasury/zktreasury/contracts/bindings/epochregistry"
	"github.com/zktreasury/zktreasury/contracts/bindings/mockverifier"
)

// mockEnv is a registry wired to a MockVerifier and the Chainlink-shaped mock feeds.
type mockEnv struct {
	*feedEnv
	dep                      contracts.Deployment
	op, gov, guard, stranger *contracts.Registry
}

func newMockEnv(t testing.TB, kind contracts.VerifierKind) *mockEnv {
	return newMockEnvRules(t, devRules, kind, nil)
}

func newMockEnvRules(t testing.TB, r rules, kind contracts.VerifierKind, edit func(*contracts.DeployConfig)) *mockEnv {
	t.Helper()
	return newMockEnvN(t, r, len(testAssets), kind, edit)
}

// newMockEnvN is a mock env with n assets (assetsN).
func newMockEnvN(t testing.TB, r rules, n int, kind contracts.VerifierKind, edit func(*contracts.DeployConfig)) *mockEnv {
	t.Helper()
	fe := newFeedEnvN(t, r, n)
	cfg := fe.baseConfig(contracts.VerifierSpec{Kind: kind, Bytecode: contracts.MockVerifierBytecode()})
	if edit != nil {
		edit(&cfg)
	}
	dep, err := contracts.Deploy(ctxT(t), fe.client, fe.operator, cfg)
	if err != nil {
		t.Fatal(err)
	}
	e := &mockEnv{feedEnv: fe, dep: dep}
	for _, h := range []struct {
		r    **contracts.Registry
		auth *bind.TransactOpts
	}{{&e.op, fe.operator}, {&e.gov, fe.governance}, {&e.guard, fe.guardian}, {&e.stranger, fe.stranger}} {
		r, err := contracts.NewRegistry(dep.Registry, fe.client, h.auth)
		if err != nil {
			t.Fatal(err)
		}
		*h.r = r
	}
	return e
}

// next is the honest submission of epoch n, with fresh rounds for it.
func (e *mockEnv) next(t testing.TB, n uint64) contracts.EpochSubmission {
	t.Helper()
	return e.submissionFor(n, e.priceEpoch(t, n))
}

// submitHonest records epochs 1..n.
func (e *mockEnv) submitHonest(t testing.TB, n uint64) {
	t.Helper()
	for i := uint64(1); i <= n; i++ {
		if _, err := e.op.SubmitEpoch(ctxT(t), e.next(t, i)); err != nil {
			t.Fatalf("epoch %d: %v", i, err)
		}
	}
}

// expectInputs makes the mock verifier reject every call whose public inputs differ from in.
func (e *mockEnv) expectInputs(t testing.TB, in []*big.Int) {
	t.Helper()
	e.send(t, e.operator, e.dep.Verifier, mockverifier.NewMockVerifier().PackExpectInputs(in))
}

func (e *mockEnv) setAccept(t testing.TB, accept bool) {
	t.Helper()
	e.send(t, e.operator, e.dep.Verifier, mockverifier.NewMockVerifier().PackSetAccept(accept))
}

// wantRevert checks that err is the registry's named error with these arguments.
func wantRevert(t testing.TB, err error, sentinel error, args map[string]*big.Int) {
	t.Helper()
	if !errors.Is(err, sentinel) {
		t.Fatalf("got error %v, want %v", err, sentinel)
	}
	var re *contracts.RevertError
	if !errors.As(err, &re) {
		t.Fatalf("error %v is not a *contracts.RevertError", err)
	}
	for name, want := range args {
		got := re.Uint(name)
		if got == nil || got.Cmp(want) != 0 {
			t.Fatalf("%s: argument %s = %v, want %v", re, name, got, want)
		}
	}
}

func u64(v uint64) *big.Int { return new(big.Int).SetUint64(v) }

func TestSubmitEpochRecordsEpochs(t *testing.T) {
	for _, kind := range []contracts.VerifierKind{contracts.Groth16, contracts.Plonk} {
		t.Run(kind.String(), func(t *testing.T) {
			e := newMockEnv(t, kind)
			ctx := ctxT(t)
			cfg, err := e.stranger.Config(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if cfg.Verifier != e.dep.Verifier || cfg.VerifierKind != kind || cfg.NumAssets != len(testAssets) || cfg.TreeCapacity != testCapacity ||
				cfg.ValueDecimals != testValueDecimals || cfg.GenesisTime.Unix() != int64(e.genesis) || cfg.DeployBlock != e.dep.Block ||
				cfg.Governance != e.governance.From || cfg.Guardian != e.guardian.From || cfg.Sequencer != nil || cfg.PolicyGracePeriod != testPolicyGrace {
				t.Fatalf("config %+v, deployment %+v", cfg, e.dep)
			}
			prev := genesisState
			for n := uint64(1); n <= 2; n++ {
				s := e.next(t, n)
				// The mock rejects anything but the documented order, so a recorded epoch proves
				// the registry built the inputs as specified, with the prices of the named rounds.
				e.expectInputs(t, epochInputs(s, genesisPolicy, prev, testPrices()))
				receipt, err := e.op.SubmitEpoch(ctx, s)
				if err != nil {
					t.Fatalf("epoch %d: %v", n, err)
				}
				rec, err := e.stranger.EpochRecord(ctx, n)
				if err != nil {
					t.Fatal(err)
				}
				if rec.StateCommitment.Cmp(s.StateCommitment) != 0 || rec.LiabilitiesRoot.Cmp(s.LiabilitiesRoot) != 0 ||
					rec.ActionsCommitment.Cmp(s.ActionsCommitment) != 0 || rec.ActionCount != s.ActionCount ||
					rec.PolicyCommitment.Cmp(genesisPolicy) != 0 || rec.TxHash != receipt.TxHash ||
					rec.Start.Unix() != int64(s.StartTime) || rec.End.Unix() != int64(s.EndTime) ||
					len(rec.RoundIDs) != 4 || rec.RoundIDs[3].Cmp(s.RoundIDs[3]) != 0 || rec.Prices[1].Cmp(testPrices()[1]) != 0 ||
					rec.Inflows[2] != s.Inflows[2] || rec.Outflows[3] != s.Outflows[3] || rec.RecordedAt.Unix() != int64(e.headTime(t)) {
					t.Fatalf("record %+v does not match submission %+v", rec, s)
				}
				st, err := e.stranger.Status(ctx)
				if err != nil {
					t.Fatal(err)
				}
				if st.LastEpoch != n || st.CurrentState.Cmp(s.StateCommitment) != 0 || st.NextPolicy.Cmp(genesisPolicy) != 0 ||
					st.Paused || st.LastEnd.Unix() != int64(s.EndTime) || st.RecordHash != rec.RecordHash || st.Pending != nil {
					t.Fatalf("status %+v after epoch %d", st, n)
				}
				prev = s.StateCommitment
			}
			// The records chain from genesis to the stored head.
			recs, err := e.stranger.Records(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if len(recs) != 3 || recs[0].StateCommitment.Cmp(genesisState) != 0 || recs[0].Start.Unix() != int64(e.genesis) ||
				recs[0].Block != e.dep.Block || recs[2].PrevRecordHash != recs[1].RecordHash {
				t.Fatalf("records %+v", recs)
			}
		})
	}
}

func TestSubmitEpochRejections(t *testing.T) {
	type env = mockEnv
	one := func(v int64) *big.Int { return big.NewInt(v) }
	for _, tc := range []struct {
		name string
		// build returns what is submitted; it may change the chain first.
		build func(t *testing.T, e *env) contracts.EpochSubmission
		// raw sends the submission without the client's validation.
		raw      bool
		wantErr  error
		wantArgs func(e *env) map[string]*big.Int
	}{
		{
			name: "replayed epoch",
			build: func(t *testing.T, e *env) contracts.EpochSubmission {
				s := e.next(t, 1)
				if _, err := e.op.SubmitEpoch(ctxT(t), s); err != nil {
					t.Fatal(err)
				}
				return s
			},
			wantErr:  contracts.ErrEpochOutOfOrder,
			wantArgs: func(*env) map[string]*big.Int { return map[string]*big.Int{"expected": one(2), "got": one(1)} },
		},
		{
			name: "skipped epoch",
			build: func(t *testing.T, e *env) contracts.EpochSubmission {
				s := e.next(t, 1)
				s.Epoch = 2
				return s
			},
			wantErr:  contracts.ErrEpochOutOfOrder,
			wantArgs: func(*env) map[string]*big.Int { return map[string]*big.Int{"expected": one(1), "got": one(2)} },
		},
		{
			name: "start is not the previous end",
			build: func(t *testing.T, e *env) contracts.EpochSubmission {
				s := e.next(t, 1)
				s.StartTime++ // a gap after genesis
				return s
			},
			wantErr: contracts.ErrStartNotPreviousEnd,
			wantArgs: func(e *env) map[string]*big.Int {
				return map[string]*big.Int{"expected": u64(e.genesis), "got": u64(e.genesis + 1)}
			},
		},
		{
			name: "start before the previous end (overlapping epochs)",
			build: func(t *testing.T, e *env) contracts.EpochSubmission {
				e.submitHonest(t, 1)
				s := e.next(t, 2)
				s.StartTime = e.start(1) + 60
				return s
			},
			wantErr: contracts.ErrStartNotPreviousEnd,
			wantArgs: func(e *env) map[string]*big.Int {
				return map[string]*big.Int{"expected": u64(e.end(1))}
			},
		},
		{
			name: "end in the future",
			build: func(t *testing.T, e *env) contracts.EpochSubmission {
				s := e.next(t, 1)
				s.EndTime = e.headTime(t) + 3600
				return s
			},
			wantErr: contracts.ErrEpochEndInFuture,
		},
		{
			name: "empty epoch",
			build: func(t *testing.T, e *env) contracts.EpochSubmission {
				s := e.next(t, 1)
				s.EndTime = s.StartTime
				return s
			},
			raw:     true,
			wantErr: contracts.ErrEmptyEpoch,
		},
		{
			name: "a proof made for a price one unit off the round",
			build: func(t *testing.T, e *env) contracts.EpochSubmission {
				s := e.next(t, 1)
				prices := testPrices()
				prices[1] = new(big.Int).Add(prices[1], one(1))
				e.expectInputs(t, epochInputs(s, genesisPolicy, genesisState, prices))
				return s
			},
			wantErr: contracts.ErrProofRejected,
		},
		{
			name: "a round other than the proof's (priced at another round)",
			build: func(t *testing.T, e *env) contracts.EpochSubmission {
				s := e.next(t, 1)
				e.expectInputs(t, epochInputs(s, genesisPolicy, genesisState, testPrices()))
				// A round at another price, updated after the epoch's round but still before its
				// end, named instead: it is in force at the end, the proof's price is not its.
				ids, err := contracts.AddMockRounds(ctxT(t), e.client, e.operator, e.feeds[2],
					contracts.MockRound{Answer: big.NewInt(testAssets[2].answer + 1_0000), UpdatedAt: e.end(1) - 1})
				if err != nil {
					t.Fatal(err)
				}
				s.RoundIDs[2] = ids[0]
				return s
			},
			wantErr: contracts.ErrProofRejected,
		},
		{
			name: "stale round (older than its heartbeat at the end)",
			build: func(t *testing.T, e *env) contracts.EpochSubmission {
				// Epoch 1 priced at the genesis round, updated a minute before genesis: its
				// end is 6h later, fine; stretch the epoch to a day and a minute.
				s := e.submissionFor(1, []*big.Int{contracts.RoundID(1, 1), contracts.RoundID(1, 1), contracts.RoundID(1, 1), contracts.RoundID(1, 1)})
				s.EndTime = e.genesis + uint64(testHeartbeat/time.Second) + 1
				return s
			},
			wantErr: contracts.ErrStaleRound,
			wantArgs: func(e *env) map[string]*big.Int {
				return map[string]*big.Int{"asset": one(0), "updatedAt": u64(e.genesis - 60)}
			},
		},
		{
			name: "future-dated round",
			build: func(t *testing.T, e *env) contracts.EpochSubmission {
				s := e.next(t, 1)
				ids, err := contracts.AddMockRounds(ctxT(t), e.client, e.operator, e.feeds[1],
					contracts.MockRound{Answer: big.NewInt(testAssets[1].answer), UpdatedAt: e.headTime(t) + 7200})
				if err != nil {
					t.Fatal(err)
				}
				s.RoundIDs[1] = ids[0]
				return s
			},
			wantErr:  contracts.ErrFutureRound,
			wantArgs: func(*env) map[string]*big.Int { return map[string]*big.Int{"asset": one(1)} },
		},
		{
			name: "round updated after the epoch's end",
			build: func(t *testing.T, e *env) contracts.EpochSubmission {
				e.priceEpoch(t, 1)
				return e.submissionFor(1, e.priceEpoch(t, 2)) // epoch 2's rounds for epoch 1
			},
			wantErr: contracts.ErrRoundAfterEpochEnd,
			wantArgs: func(e *env) map[string]*big.Int {
				return map[string]*big.Int{"asset": one(0), "endTime": u64(e.end(1))}
			},
		},
		{
			name: "round superseded before the end",
			build: func(t *testing.T, e *env) contracts.EpochSubmission {
				s := e.next(t, 1)
				// The genesis round is fresh enough for epoch 1, but epoch 1's round replaced it.
				s.RoundIDs[3] = contracts.RoundID(1, 1)
				return s
			},
			wantErr: contracts.ErrRoundSuperseded,
			wantArgs: func(e *env) map[string]*big.Int {
				return map[string]*big.Int{"asset": one(3), "nextRoundId": contracts.RoundID(1, 2), "nextUpdatedAt": u64(e.end(1) - 60)}
			},
		},
		{
			name: "round superseded by the next phase's first round",
			build: func(t *testing.T, e *env) contracts.EpochSubmission {
				// WETH moves to a new aggregator (phase 2) whose round 1 is updated before the
				// end: phase 1's last round, which has no round after it, is no longer in force.
				if err := contracts.NewMockPhase(ctxT(t), e.client, e.operator, &e.feeds[1], testFeedDecimals); err != nil {
					t.Fatal(err)
				}
				s := e.next(t, 1)
				s.RoundIDs[1] = contracts.RoundID(1, 1)
				return s
			},
			wantErr: contracts.ErrRoundSuperseded,
			wantArgs: func(*env) map[string]*big.Int {
				return map[string]*big.Int{"asset": one(1), "nextRoundId": contracts.RoundID(2, 1)}
			},
		},
		{
			name: "round superseded by a round two phases later (the phase between never answered)",
			build: func(t *testing.T, e *env) contracts.EpochSubmission {
				for range 2 {
					if err := contracts.NewMockPhase(ctxT(t), e.client, e.operator, &e.feeds[1], testFeedDecimals); err != nil {
						t.Fatal(err)
					}
				}
				s := e.next(t, 1)
				if s.RoundIDs[1].Cmp(contracts.RoundID(3, 1)) != 0 {
					t.Fatalf("WETH's round %v, want phase 3's first", s.RoundIDs[1])
				}
				s.RoundIDs[1] = contracts.RoundID(1, 1)
				return s
			},
			wantErr: contracts.ErrRoundSuperseded,
			wantArgs: func(*env) map[string]*big.Int {
				return map[string]*big.Int{"asset": one(1), "nextRoundId": contracts.RoundID(3, 1)}
			},
		},
		{
			name: "zero answer",
			build: func(t *testing.T, e *env) contracts.EpochSubmission {
				s := e.next(t, 1)
				ids, err := contracts.AddMockRounds(ctxT(t), e.client, e.operator, e.feeds[2], contracts.MockRound{Answer: one(0), UpdatedAt: e.end(1) - 1})
				if err != nil {
					t.Fatal(err)
				}
				s.RoundIDs[2] = ids[0]
				return s
			},
			wantErr:  contracts.ErrInvalidFeedAnswer,
			wantArgs: func(*env) map[string]*big.Int { return map[string]*big.Int{"asset": one(2)} },
		},
		{
			name: "negative answer",
			build: func(t *testing.T, e *env) contracts.EpochSubmission {
				s := e.next(t, 1)
				ids, err := contracts.AddMockRounds(ctxT(t), e.client, e.operator, e.feeds[0], contracts.MockRound{Answer: one(-5), UpdatedAt: e.end(1) - 1})
				if err != nil {
					t.Fatal(err)
				}
				s.RoundIDs[0] = ids[0]
				return s
			},
			wantErr:  contracts.ErrInvalidFeedAnswer,
			wantArgs: func(*env) map[string]*big.Int { return map[string]*big.Int{"asset": one(0)} },
		},
		{
			name: "answer that converts to a price of 0",
			build: func(t *testing.T, e *env) contracts.EpochSubmission {
				s := e.next(t, 1)
				// 99 / 100 floors to 0 value units per circuit unit.
				ids, err := contracts.AddMockRounds(ctxT(t), e.client, e.operator, e.feeds[0], contracts.MockRound{Answer: one(99), UpdatedAt: e.end(1) - 1})
				if err != nil {
					t.Fatal(err)
				}
				s.RoundIDs[0] = ids[0]
				return s
			},
			wantErr:  contracts.ErrPriceOutOfRange,
			wantArgs: func(*env) map[string]*big.Int { return map[string]*big.Int{"asset": one(0), "answer": one(99)} },
		},
		{
			name: "a round that does not exist",
			build: func(t *testing.T, e *env) contracts.EpochSubmission {
				s := e.next(t, 1)
				s.RoundIDs[1] = contracts.RoundID(1, 99)
				return s
			},
			wantErr: contracts.ErrRoundUnavailable,
			wantArgs: func(*env) map[string]*big.Int {
				return map[string]*big.Int{"asset": one(1), "roundId": contracts.RoundID(1, 99)}
			},
		},
		{
			name: "a round of a phase that does not exist",
			build: func(t *testing.T, e *env) contracts.EpochSubmission {
				s := e.next(t, 1)
				s.RoundIDs[1] = contracts.RoundID(7, 2)
				return s
			},
			wantErr: contracts.ErrRoundUnavailable,
		},
		{
			name: "an empty round (OCR aggregators answer missing rounds with zeros)",
			build: func(t *testing.T, e *env) contracts.EpochSubmission {
				if err := contracts.SetMockEmptyOnMissing(ctxT(t), e.client, e.operator, e.feeds[3], true); err != nil {
					t.Fatal(err)
				}
				s := e.next(t, 1)
				s.RoundIDs[3] = contracts.RoundID(1, 50)
				return s
			},
			wantErr:  contracts.ErrRoundUnavailable,
			wantArgs: func(*env) map[string]*big.Int { return map[string]*big.Int{"asset": one(3)} },
		},
		{
			name: "paused by the guardian",
			build: func(t *testing.T, e *env) contracts.EpochSubmission {
				if _, err := e.guard.Pause(ctxT(t)); err != nil {
					t.Fatal(err)
				}
				return e.next(t, 1)
			},
			wantErr: contracts.ErrPaused,
		},
		{
			name: "verifier rejects",
			build: func(t *testing.T, e *env) contracts.EpochSubmission {
				e.setAccept(t, false)
				return e.next(t, 1)
			},
			wantErr: contracts.ErrProofRejected,
		},
		{
			name: "wrong previous state",
			build: func(t *testing.T, e *env) contracts.EpochSubmission {
				s := e.next(t, 1)
				e.expectInputs(t, epochInputs(s, genesisPolicy, big.NewInt(4242), testPrices()))
				return s
			},
			wantErr: contracts.ErrProofRejected,
		},
		{
			name: "an outflow other than the proven one",
			build: func(t *testing.T, e *env) contracts.EpochSubmission {
				s := e.next(t, 1)
				e.expectInputs(t, epochInputs(s, genesisPolicy, genesisState, testPrices()))
				s.Outflows = append([]uint64(nil), s.Outflows...)
				s.Outflows[2]--
				return s
			},
			wantErr: contracts.ErrProofRejected,
		},
		{
			name: "an end time other than the proven one",
			build: func(t *testing.T, e *env) contracts.EpochSubmission {
				s := e.next(t, 1)
				e.expectInputs(t, epochInputs(s, genesisPolicy, genesisState, testPrices()))
				s.EndTime--
				return s
			},
			wantErr: contracts.ErrProofRejected,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := newMockEnv(t, contracts.Groth16)
			s := tc.build(t, e)
			before, err := e.op.Status(ctxT(t))
			if err != nil {
				t.Fatal(err)
			}
			if tc.raw {
				err = rawSubmit(t, e, s)
			} else {
				_, err = e.op.SubmitEpoch(ctxT(t), s)
			}
			var args map[string]*big.Int
			if tc.wantArgs != nil {
				args = tc.wantArgs(e)
			}
			wantRevert(t, err, tc.wantErr, args)
			after, err := e.op.Status(ctxT(t))
			if err != nil {
				t.Fatal(err)
			}
			if after.LastEpoch != before.LastEpoch || after.CurrentState.Cmp(before.CurrentState) != 0 || after.RecordHash != before.RecordHash {
				t.Fatalf("a rejected submission changed the status: %+v -> %+v", before, after)
			}
		})
	}
}

// TestRoundInForce checks the rounds the registry accepts around the epoch's end: the round in
// force at the end is accepted whether the next round is after the end, missing (reverting or
// empty), or in a later phase after the end.
func TestRoundInForce(t *testing.T) {
	e := newMockEnv(t, contracts.Groth16)
	ctx := ctxT(t)
	// Epoch 1 priced at its rounds; the next rounds are after its end.
	s := e.next(t, 1)
	e.priceEpoch(t, 2)
	if _, err := e.op.SubmitEpoch(ctx, s); err != nil {
		t.Fatalf("rounds followed by rounds after the end: %v", err)
	}
	// Epoch 2's rounds are the latest (no next round): DAI's aggregator answers missing rounds
	// with an empty round, the others revert; WETH's proxy moves to a new phase whose first round
	// is after the end.
	if err := contracts.SetMockEmptyOnMissing(ctx, e.client, e.operator, e.feeds[3], true); err != nil {
		t.Fatal(err)
	}
	ids := []*big.Int{contracts.RoundID(1, 3), contracts.RoundID(1, 3), contracts.RoundID(1, 3), contracts.RoundID(1, 3)}
	if err := contracts.NewMockPhase(ctx, e.client, e.operator, &e.feeds[1], testFeedDecimals); err != nil {
		t.Fatal(err)
	}
	if _, err := contracts.AddMockRounds(ctx, e.client, e.operator, e.feeds[1], contracts.MockRound{Answer: big.NewInt(testAssets[1].answer), UpdatedAt: e.end(2) + 1}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.op.SubmitEpoch(ctx, e.submissionFor(2, ids)); err != nil {
		t.Fatalf("latest rounds: %v", err)
	}
	// Epoch 3 can be priced from WETH's phase 2.
	s = e.submissionFor(3, nil)
	s.RoundIDs = e.priceEpoch(t, 3)
	if s.RoundIDs[1].Cmp(contracts.RoundID(2, 2)) != 0 {
		t.Fatalf("WETH round %v, want phase 2 round 2", s.RoundIDs[1])
	}
	if _, err := e.op.SubmitEpoch(ctx, s); err != nil {
		t.Fatalf("a round of phase 2: %v", err)
	}
}

func TestSequencerUptimeFeed(t *testing.T) {
	c := newFeedEnv(t, devRules)
	ctx := ctxT(t)
	// Chainlink's uptime feed: answer 0 = up, startedAt = when the status last changed.
	seq, err := contracts.DeployMockFeed(ctx, c.client, c.operator, 0, contracts.MockRound{Answer: big.NewInt(1), UpdatedAt: c.genesis})
	if err != nil {
		t.Fatal(err)
	}
	cfg := c.baseConfig(contracts.VerifierSpec{Kind: contracts.Groth16, Bytecode: contracts.MockVerifierBytecode()})
	cfg.Sequencer = &contracts.SequencerConfig{Feed: seq.Proxy, GracePeriod: time.Hour}
	dep, err := contracts.Deploy(ctx, c.client, c.operator, cfg)
	if err != nil {
		t.Fatal(err)
	}
	e := &mockEnv{feedEnv: c, dep: dep}
	if e.op, err = contracts.NewRegistry(dep.Registry, c.client, c.operator); err != nil {
		t.Fatal(err)
	}
	s := e.next(t, 1)
	_, err = e.op.SubmitEpoch(ctx, s)
	wantRevert(t, err, contracts.ErrSequencerDown, nil)
	// Up again ten minutes ago: within the grace period.
	upSince := e.headTime(t) - 600
	if _, err := contracts.AddMockRounds(ctx, c.client, c.operator, seq, contracts.MockRound{Answer: big.NewInt(0), UpdatedAt: upSince}); err != nil {
		t.Fatal(err)
	}
	_, err = e.op.SubmitEpoch(ctx, s)
	wantRevert(t, err, contracts.ErrSequencerGracePeriodNotOver, map[string]*big.Int{"upSince": u64(upSince)})
	if err := e.sim.AdjustTime(time.Hour); err != nil {
		t.Fatal(err)
	}
	if _, err := e.op.SubmitEpoch(ctx, s); err != nil {
		t.Fatalf("sequencer up for longer than the grace period: %v", err)
	}
}

func TestSubmitEpochFieldChecks(t *testing.T) {
	e := newMockEnv(t, contracts.Groth16)
	for _, tc := range []struct {
		name   string
		mutate func(*contracts.EpochSubmission)
	}{
		{"state commitment", func(s *contracts.EpochSubmission) { s.StateCommitment = new(big.Int).Set(contracts.ScalarField) }},
		{"liabilities root", func(s *contracts.EpochSubmission) {
			s.LiabilitiesRoot = new(big.Int).Add(contracts.ScalarField, big.NewInt(7001))
		}},
		{"actions commitment", func(s *contracts.EpochSubmission) {
			s.ActionsCommitment = new(big.Int).Add(contracts.ScalarField, big.NewInt(1))
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := e.next(t, 1)
			tc.mutate(&s)
			// The client refuses it before sending...
			if _, err := e.op.SubmitEpoch(ctxT(t), s); err == nil || !strings.Contains(err.Error(), "not in the BN254 scalar field") {
				t.Fatalf("client accepted an out-of-field value: %v", err)
			}
			// ...and so does the contract, which must not store an alias of a field element.
			wantRevert(t, rawSubmit(t, e, s), contracts.ErrNotInField, nil)
		})
	}
	t.Run("counts", func(t *testing.T) {
		s := e.next(t, 1)
		s.Inflows = s.Inflows[:3]
		if _, err := e.op.SubmitEpoch(ctxT(t), s); err == nil || !strings.Contains(err.Error(), "3 inflows") {
			t.Fatalf("client accepted 3 inflows: %v", err)
		}
		wantRevert(t, rawSubmit(t, e, s), contracts.ErrCountMismatch, map[string]*big.Int{"expected": big.NewInt(4), "inflows": big.NewInt(3)})
		s = e.next(t, 1)
		s.RoundIDs, s.Inflows, s.Outflows = s.RoundIDs[:3], s.Inflows[:3], s.Outflows[:3]
		wantRevert(t, rawSubmit(t, e, s), contracts.ErrCountMismatch, map[string]*big.Int{"roundIds": big.NewInt(3)})
	})
}

// rawSubmit sends submitEpoch calldata without the client's validation, to reach the
// contract's own checks.
func rawSubmit(t *testing.T, e *mockEnv, s contracts.EpochSubmission) error {
	t.Helper()
	reg := epochregistry.NewEpochRegistry()
	data := reg.PackSubmitEpoch(epochregistry.EpochRegistrySubmission{
		Epoch: s.Epoch, StartTime: s.StartTime, EndTime: s.EndTime, NewState: s.StateCommitment, LiabilitiesRoot: s.LiabilitiesRoot,
		ActionsCommitment: s.ActionsCommitment, ActionCount: s.ActionCount, RoundIds: s.RoundIDs, Inflows: s.Inflows, Outflows: s.Outflows,
	}, s.Proof)
	_, err := bind.Transact(reg.Instance(e.client, e.dep.Registry), e.operator, data)
	if err == nil {
		t.Fatal("raw submission was accepted")
	}
	return contracts.DecodeCallErrorForTest(err)
}

func TestPauseRoles(t *testing.T) {
	e := newMockEnv(t, contracts.Groth16)
	ctx := ctxT(t)

	_, err := e.stranger.Pause(ctx)
	wantRevert(t, err, contracts.ErrNotGuardianOrGovernance, nil)
	if _, err := e.guard.Pause(ctx); err != nil {
		t.Fatal(err)
	}
	_, err = e.guard.Pause(ctx)
	wantRevert(t, err, contracts.ErrPaused, nil)
	// The guardian can stop, never restart.
	_, err = e.guard.Unpause(ctx)
	wantRevert(t, err, contracts.ErrNotGovernance, nil)
	if _, err := e.gov.Unpause(ctx); err != nil {
		t.Fatal(err)
	}
	_, err = e.gov.Unpause(ctx)
	wantRevert(t, err, contracts.ErrNotPaused, nil)
	e.submitHonest(t, 1)
	if _, err := e.gov.Pause(ctx); err != nil {
		t.Fatal(err)
	}
	_, err = e.op.SubmitEpoch(ctx, e.next(t, 2))
	wantRevert(t, err, contracts.ErrPaused, nil)
}

// TestRoleRotation: governance and guardian rotate in two steps; only the nominee can accept,
// and the old holder loses the role.
func TestRoleRotation(t *testing.T) {
	e := newMockEnv(t, contracts.Groth16)
	ctx := ctxT(t)
	newGov := e.stranger // the nominee
	// Only governance nominates governance.
	_, err := e.guard.TransferGovernance(ctx, e.chain.stranger.From)
	wantRevert(t, err, contracts.ErrNotGovernance, nil)
	if _, err := e.gov.TransferGovernance(ctx, e.chain.stranger.From); err != nil {
		t.Fatal(err)
	}
	// A non-nominee cannot accept; the old governance stays until the nominee accepts.
	_, err = e.op.AcceptGovernance(ctx)
	wantRevert(t, err, contracts.ErrNotPendingGovernance, nil)
	_, err = e.gov.AcceptGovernance(ctx)
	wantRevert(t, err, contracts.ErrNotPendingGovernance, nil)
	cfg, err := e.op.Config(ctx)
	if err != nil || cfg.Governance != e.governance.From || cfg.PendingGovernance != e.chain.stranger.From {
		t.Fatalf("config after the nomination %+v, %v", cfg, err)
	}
	if _, err := newGov.AcceptGovernance(ctx); err != nil {
		t.Fatal(err)
	}
	cfg, err = e.op.Config(ctx)
	if err != nil || cfg.Governance != e.chain.stranger.From || cfg.PendingGovernance != (common.Address{}) {
		t.Fatalf("config after the acceptance %+v, %v", cfg, err)
	}
	// The old governance has lost every power; the new one has them.
	_, err = e.gov.QueuePolicy(ctx, big.NewInt(3003), 2)
	wantRevert(t, err, contracts.ErrNotGovernance, nil)
	if _, err := newGov.QueuePolicy(ctx, big.NewInt(3003), 2); err != nil {
		t.Fatal(err)
	}
	_, err = newGov.AcceptGovernance(ctx) // the nomination is used up
	wantRevert(t, err, contracts.ErrNotPendingGovernance, nil)

	// The guardian nominates its successor (governance could too); a stranger cannot.
	_, err = e.op.TransferGuardian(ctx, e.operator.From)
	wantRevert(t, err, contracts.ErrNotGuardianOrGovernance, nil)
	if _, err := e.guard.TransferGuardian(ctx, e.operator.From); err != nil {
		t.Fatal(err)
	}
	_, err = newGov.AcceptGuardian(ctx)
	wantRevert(t, err, contracts.ErrNotPendingGuardian, nil)
	if _, err := e.op.AcceptGuardian(ctx); err != nil {
		t.Fatal(err)
	}
	_, err = e.guard.Pause(ctx)
	wantRevert(t, err, contracts.ErrNotGuardianOrGovernance, nil)
	if _, err := e.op.Pause(ctx); err != nil {
		t.Fatalf("the new guardian cannot pause: %v", err)
	}
	// Governance withdraws a nomination with the zero address.
	if _, err := newGov.TransferGovernance(ctx, e.governance.From); err != nil {
		t.Fatal(err)
	}
	if _, err := newGov.TransferGovernance(ctx, common.Address{}); err != nil {
		t.Fatal(err)
	}
	_, err = e.gov.AcceptGovernance(ctx)
	wantRevert(t, err, contracts.ErrNotPendingGovernance, nil)
}

func TestReadErrors(t *testing.T) {
	e := newMockEnv(t, contracts.Groth16)
	ctx := ctxT(t)
	_, err := e.op.EpochRecord(ctx, 1)
	wantRevert(t, err, contracts.ErrUnknownEpoch, map[string]*big.Int{"epoch": big.NewInt(1)})
	_, err = e.op.LiabilitiesRoot(ctx, 7)
	wantRevert(t, err, contracts.ErrUnknownEpoch, map[string]*big.Int{"epoch": big.NewInt(7)})

	feeds, err := e.op.Feeds(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(feeds) != 4 || feeds[2].Aggregator != e.feeds[2].Proxy || feeds[2].CircuitDecimals != 8 || feeds[1].Heartbeat != testHeartbeat ||
		feeds[2].Scale != (contracts.PriceScale{Exp: 4, Down: true}) {
		t.Fatalf("feeds %+v", feeds)
	}
	capacity, err := e.stranger.TreeCapacity(ctx)
	if err != nil || capacity != testCapacity {
		t.Fatalf("tree capacity %d, %v", capacity, err)
	}
	ro, err := contracts.NewRegistry(e.dep.Registry, e.client, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ro.SubmitEpoch(ctx, e.next(t, 1)); !errors.Is(err, contracts.ErrNoTransactor) {
		t.Fatalf("read-only handle submitted: %v", err)
	}
}

func TestDeployRejectsBadConfig(t *testing.T) {
	c := newFeedEnv(t, devRules)
	mock := contracts.VerifierSpec{Kind: contracts.Groth16, Bytecode: contracts.MockVerifierBytecode()}
	// A feed whose answer converts to fewer than 10000 value units per circuit unit: 0.0001 USD
	// at circuit scale 6 is 10^6 * 10^-4 = 100 units.
	cheap, err := contracts.DeployMockFeed(ctxT(t), c.client, c.operator, 8, contracts.MockRound{Answer: big.NewInt(10_000), UpdatedAt: c.genesis})
	if err != nil {
		t.Fatal(err)
	}
	// And one whose answer converts to more than 2^64 - 1.
	dear, err := contracts.DeployMockFeed(ctxT(t), c.client, c.operator, 8, contracts.MockRound{Answer: new(big.Int).Lsh(big.NewInt(1), 71), UpdatedAt: c.genesis})
	if err != nil {
		t.Fatal(err)
	}
	negative, err := contracts.DeployMockFeed(ctxT(t), c.client, c.operator, 8, contracts.MockRound{Answer: big.NewInt(-1), UpdatedAt: c.genesis})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name    string
		mutate  func(*contracts.DeployConfig)
		wantErr string
		wantIs  error
	}{
		{"zero governance", func(d *contracts.DeployConfig) { d.Governance = common.Address{} }, "governance address is zero", nil},
		{"no feeds", func(d *contracts.DeployConfig) { d.Feeds = nil }, "no price feeds", nil},
		{"zero heartbeat", func(d *contracts.DeployConfig) { d.Feeds[1].Heartbeat = 0 }, "feeds[1]: heartbeat", nil},
		{"fractional delay", func(d *contracts.DeployConfig) { d.PolicyDelay = 1500 * time.Millisecond }, "policy delay", nil},
		{"no grace period", func(d *contracts.DeployConfig) { d.PolicyGracePeriod = 0 }, "policy grace period", nil},
		{"zero capacity", func(d *contracts.DeployConfig) { d.TreeCapacity = 0 }, "tree capacity", nil},
		{"genesis outside the field", func(d *contracts.DeployConfig) { d.GenesisState = contracts.ScalarField }, "genesis state", nil},
		{"unknown verifier kind", func(d *contracts.DeployConfig) { d.Verifier.Kind = 7 }, "verifier: unknown kind", nil},
		{"scale beyond 10^76", func(d *contracts.DeployConfig) { d.Feeds[0].CircuitDecimals = 200 }, "beyond 10^76", nil},
		{"verifier address without code", func(d *contracts.DeployConfig) {
			d.Verifier = contracts.VerifierSpec{Kind: contracts.Groth16, Address: common.HexToAddress("0x1234")}
		}, "deploy epoch verifier: no contract at", nil},
		{"genesis in the future", func(d *contracts.DeployConfig) { d.GenesisTime = time.Unix(int64(c.headTime(t))+3600, 0) }, "genesis time is zero or in the future", contracts.ErrBadConfig},
		{"feed without code", func(d *contracts.DeployConfig) { d.Feeds[0].Aggregator = common.HexToAddress("0x1234") }, "price feed has no code", contracts.ErrBadConfig},
		{"feed decimals", func(d *contracts.DeployConfig) { d.Feeds[2].Decimals = 6 }, "FeedDecimalsMismatch(asset: 2, expected: 6, got: 8)", contracts.ErrFeedDecimalsMismatch},
		{"feed coarser than 1 bps", func(d *contracts.DeployConfig) { d.Feeds[3].Aggregator = cheap.Proxy }, "FeedTooCoarse(asset: 3, price: 100)", contracts.ErrFeedTooCoarse},
		{"feed that floors to 0", func(d *contracts.DeployConfig) { d.Feeds[3].Aggregator, d.Feeds[3].CircuitDecimals = cheap.Proxy, 12 }, "FeedTooCoarse(asset: 3, price: 0)", contracts.ErrFeedTooCoarse},
		{"feed above 2^64", func(d *contracts.DeployConfig) { d.Feeds[0].Aggregator = dear.Proxy }, "PriceOutOfRange(asset: 0", contracts.ErrPriceOutOfRange},
		{"negative feed", func(d *contracts.DeployConfig) { d.Feeds[1].Aggregator = negative.Proxy }, "InvalidFeedAnswer(asset: 1", contracts.ErrInvalidFeedAnswer},
		{"sequencer feed without code", func(d *contracts.DeployConfig) {
			d.Sequencer = &contracts.SequencerConfig{Feed: common.HexToAddress("0x1234"), GracePeriod: time.Hour}
		}, "sequencer feed has no code", contracts.ErrBadConfig},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := c.baseConfig(mock)
			tc.mutate(&cfg)
			_, err := contracts.Deploy(ctxT(t), c.client, c.operator, cfg)
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Fatalf("got %v, want an error containing %q", err, tc.wantErr)
			}
			if tc.wantIs != nil && !errors.Is(err, tc.wantIs) {
				t.Fatalf("got %v, want %v", err, tc.wantIs)
			}
		})
	}
}

func TestSentinelsCoverTheABI(t *testing.T) {
	a, err := epochregistry.EpochRegistryMetaData.ParseABI()
	if err != nil {
		t.Fatal(err)
	}
	for name, e := range a.Errors {
		data := e.ID.Bytes()[:4]
		var args []any
		for _, in := range e.Inputs {
			switch in.Type.String() {
			case "uint8":
				args = append(args, uint8(1))
			case "string":
				args = append(args, "x")
			default:
				args = append(args, big.NewInt(1))
			}
		}
		packed, err := e.Inputs.Pack(args...)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		err = contracts.DecodeRevert(append(data, packed...))
		var re *contracts.RevertError
		if !errors.As(err, &re) || re.Name != name {
			t.Fatalf("%s decodes to %v", name, err)
		}
		if errors.Is(err, contracts.ErrReverted) {
			t.Errorf("custom error %s has no sentinel in errors.go", name)
		}
	}
	if err := contracts.DecodeRevert([]byte{1, 2}); err != nil {
		t.Fatalf("short data decoded to %v", err)
	}
}

// TestParseRecord decodes a packed EpochRecorded record and refuses one of a length that is not
// the header plus whole assets.
func TestParseRecord(t *testing.T) {
	var b []byte
	word := func(v int64) { b = append(b, common.BigToHash(big.NewInt(v)).Bytes()...) }
	u64 := func(v uint64) { b = binary.BigEndian.AppendUint64(b, v) }
	word(0x77)                                      // previous record hash
	for _, v := range []int64{11, 12, 13, 14, 15} { // policy, S(n-1), S(n), root, actions
		word(v)
	}
	for _, v := range []uint64{3, 2, 1000, 2000} { // count, epoch, start, end
		u64(v)
	}
	for _, v := range []uint64{101, 102, 201, 202, 301, 302} { // prices, inflows, outflows
		u64(v)
	}
	for _, id := range []*big.Int{contracts.RoundID(1, 5), contracts.RoundID(2, 1)} {
		b = append(b, common.LeftPadBytes(id.Bytes(), 10)...)
	}
	r, err := contracts.ParseRecord(b)
	if err != nil {
		t.Fatal(err)
	}
	if r.PrevRecordHash != common.BigToHash(big.NewInt(0x77)) || r.PolicyCommitment.Int64() != 11 || r.PrevStateCommitment.Int64() != 12 ||
		r.StateCommitment.Int64() != 13 || r.LiabilitiesRoot.Int64() != 14 || r.ActionsCommitment.Int64() != 15 ||
		r.ActionCount != 3 || r.Epoch != 2 || r.Start.Unix() != 1000 || r.End.Unix() != 2000 ||
		len(r.Prices) != 2 || r.Prices[1].Int64() != 102 || r.Inflows[0] != 201 || r.Outflows[1] != 302 ||
		r.RoundIDs[0].Cmp(contracts.RoundID(1, 5)) != 0 || r.RoundIDs[1].Cmp(contracts.RoundID(2, 1)) != 0 {
		t.Fatalf("record %+v", r)
	}
	for _, n := range []int{0, contracts.RecordHeaderLen - 1, len(b) - 1, len(b) + 1} {
		if _, err := contracts.ParseRecord(make([]byte, n)); err == nil {
			t.Errorf("a record of %d bytes was accepted", n)
		}
	}
}

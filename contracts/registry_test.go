package contracts_test

import (
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

// mockEnv is a registry wired to two MockVerifiers and three mock feeds.
type mockEnv struct {
	*chain
	dep                      contracts.Deployment
	feeds                    []common.Address
	op, gov, guard, stranger *contracts.Registry
}

func newMockEnv(t testing.TB, solvencyKind, complianceKind contracts.VerifierKind) *mockEnv {
	return newMockEnvRules(t, devRules, solvencyKind, complianceKind)
}

func newMockEnvRules(t testing.TB, r rules, solvencyKind, complianceKind contracts.VerifierKind) *mockEnv {
	t.Helper()
	c := newChainRules(t, r)
	feeds := c.deployFeeds(t)
	cfg := baseConfig(c, feeds,
		contracts.VerifierSpec{Kind: solvencyKind, Bytecode: contracts.MockVerifierBytecode()},
		contracts.VerifierSpec{Kind: complianceKind, Bytecode: contracts.MockVerifierBytecode()})
	dep, err := contracts.Deploy(ctxT(t), c.client, c.operator, cfg)
	if err != nil {
		t.Fatal(err)
	}
	e := &mockEnv{chain: c, dep: dep, feeds: feeds}
	for _, h := range []struct {
		r    **contracts.Registry
		auth *bind.TransactOpts
	}{{&e.op, c.operator}, {&e.gov, c.governance}, {&e.guard, c.guardian}, {&e.stranger, c.stranger}} {
		r, err := contracts.NewRegistry(dep.Registry, c.client, h.auth)
		if err != nil {
			t.Fatal(err)
		}
		*h.r = r
	}
	return e
}

// mockSubmission is a well-formed epoch n; the mock verifiers ignore the proof bytes, whose
// length (45) is deliberately not a multiple of 32 to exercise the calldata padding.
func mockSubmission(n uint64) contracts.EpochSubmission {
	proof := make([]byte, 45)
	for i := range proof {
		proof[i] = byte(i + 1)
	}
	return contracts.EpochSubmission{
		Epoch:             n,
		StateCommitment:   big.NewInt(int64(5000 + n)),
		LiabilitiesRoot:   big.NewInt(int64(7000 + n)),
		ActionsCommitment: big.NewInt(int64(9000 + n)),
		ActionCount:       3,
		Prices:            expectedPrices(),
		SolvencyProof:     proof,
		ComplianceProof:   append([]byte{0xff}, proof...),
	}
}

// expectInputs makes a mock verifier reject every call whose public inputs differ from in.
func (e *mockEnv) expectInputs(t *testing.T, verifier common.Address, in []*big.Int) {
	t.Helper()
	e.send(t, e.operator, verifier, mockverifier.NewMockVerifier().PackExpectInputs(in))
}

func (e *mockEnv) setAccept(t *testing.T, verifier common.Address, accept bool) {
	t.Helper()
	e.send(t, e.operator, verifier, mockverifier.NewMockVerifier().PackSetAccept(accept))
}

// wantRevert checks that err is the registry's named error with these arguments.
func wantRevert(t *testing.T, err error, sentinel error, args map[string]*big.Int) {
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

func TestSubmitEpochRecordsEpochs(t *testing.T) {
	for _, tc := range []struct {
		name                 string
		solvency, compliance contracts.VerifierKind
	}{
		{"groth16", contracts.Groth16, contracts.Groth16},
		{"plonk", contracts.Plonk, contracts.Plonk},
		{"mixed", contracts.Plonk, contracts.Groth16},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := newMockEnv(t, tc.solvency, tc.compliance)
			ctx := ctxT(t)
			prev := genesisState
			for n := uint64(1); n <= 2; n++ {
				s := mockSubmission(n)
				// The mocks reject anything but the documented input order, so a recorded
				// epoch proves the registry built both input vectors as specified.
				e.expectInputs(t, e.dep.SolvencyVerifier, solvencyInputs(s, genesisPolicy))
				e.expectInputs(t, e.dep.ComplianceVerifier, complianceInputs(s, genesisPolicy, prev))
				receipt, err := e.op.SubmitEpoch(ctx, s)
				if err != nil {
					t.Fatalf("epoch %d: %v", n, err)
				}
				if receipt.GasUsed == 0 || len(receipt.Logs) == 0 {
					t.Fatalf("epoch %d receipt %+v", n, receipt)
				}

				// The event carries what a watcher needs.
				reg := epochregistry.NewEpochRegistry()
				var found bool
				for _, l := range receipt.Logs {
					ev, err := reg.UnpackEpochRecordedEvent(l)
					if err != nil {
						continue
					}
					found = true
					if ev.Epoch.Uint64() != n || ev.StateCommitment.Cmp(s.StateCommitment) != 0 ||
						ev.LiabilitiesRoot.Cmp(s.LiabilitiesRoot) != 0 || ev.ActionsCommitment.Cmp(s.ActionsCommitment) != 0 {
						t.Fatalf("EpochRecorded = %+v, want the submission's values", ev)
					}
				}
				if !found {
					t.Fatal("no EpochRecorded event")
				}

				rec, err := e.stranger.EpochRecord(ctx, n)
				if err != nil {
					t.Fatal(err)
				}
				if rec.StateCommitment.Cmp(s.StateCommitment) != 0 || rec.LiabilitiesRoot.Cmp(s.LiabilitiesRoot) != 0 ||
					rec.ActionsCommitment.Cmp(s.ActionsCommitment) != 0 || rec.ActionCount != s.ActionCount {
					t.Fatalf("record %+v does not match submission %+v", rec, s)
				}
				if rec.RecordedAt.IsZero() || rec.RecordedAt.Unix() != int64(e.headTime(t)) {
					t.Fatalf("record time %v, want the block's %d", rec.RecordedAt, e.headTime(t))
				}
				root, err := e.stranger.LiabilitiesRoot(ctx, n)
				if err != nil || root.Cmp(s.LiabilitiesRoot) != 0 {
					t.Fatalf("LiabilitiesRoot(%d) = %v, %v", n, root, err)
				}
				st, err := e.stranger.Status(ctx)
				if err != nil {
					t.Fatal(err)
				}
				if st.LastEpoch != n || st.CurrentState.Cmp(s.StateCommitment) != 0 || st.PolicyCommitment.Cmp(genesisPolicy) != 0 || st.Paused {
					t.Fatalf("status %+v after epoch %d", st, n)
				}
				prev = s.StateCommitment
			}
			genesis, err := e.stranger.EpochRecord(ctx, 0)
			if err != nil || genesis.StateCommitment.Cmp(genesisState) != 0 {
				t.Fatalf("genesis record %+v, %v", genesis, err)
			}
		})
	}
}

func TestSubmitEpochRejections(t *testing.T) {
	type env = mockEnv
	for _, tc := range []struct {
		name string
		// kinds default to Groth16 for both.
		solvency, compliance contracts.VerifierKind
		// setup runs before the submission; it may submit earlier epochs.
		setup func(t *testing.T, e *env)
		// submission builds what is submitted.
		submission func(t *testing.T, e *env) contracts.EpochSubmission
		wantErr    error
		wantArgs   func(e *env) map[string]*big.Int
	}{
		{
			name: "replayed epoch",
			setup: func(t *testing.T, e *env) {
				if _, err := e.op.SubmitEpoch(ctxT(t), mockSubmission(1)); err != nil {
					t.Fatal(err)
				}
			},
			submission: func(*testing.T, *env) contracts.EpochSubmission { return mockSubmission(1) },
			wantErr:    contracts.ErrEpochOutOfOrder,
			wantArgs: func(*env) map[string]*big.Int {
				return map[string]*big.Int{"expected": big.NewInt(2), "got": big.NewInt(1)}
			},
		},
		{
			name:       "skipped epoch",
			submission: func(*testing.T, *env) contracts.EpochSubmission { return mockSubmission(2) },
			wantErr:    contracts.ErrEpochOutOfOrder,
			wantArgs: func(*env) map[string]*big.Int {
				return map[string]*big.Int{"expected": big.NewInt(1), "got": big.NewInt(2)}
			},
		},
		{
			name: "stale price",
			setup: func(t *testing.T, e *env) {
				old := new(big.Int).SetUint64(e.headTime(t) - uint64(testMaxPriceAge/time.Second) - 10)
				if err := contracts.SetMockFeed(ctxT(t), e.client, e.operator, e.feeds[1], big.NewInt(feedAnswers[1]), old); err != nil {
					t.Fatal(err)
				}
			},
			submission: func(*testing.T, *env) contracts.EpochSubmission { return mockSubmission(1) },
			wantErr:    contracts.ErrStalePrice,
			wantArgs:   func(*env) map[string]*big.Int { return map[string]*big.Int{"asset": big.NewInt(1)} },
		},
		{
			name: "price one unit beyond tolerance",
			submission: func(*testing.T, *env) contracts.EpochSubmission {
				s := mockSubmission(1)
				// expected 60000000000; 50 bps of it is exactly 300000000.
				s.Prices[1] = big.NewInt(60_000_000_000 + 300_000_000 + 1)
				return s
			},
			wantErr: contracts.ErrPriceDeviation,
			wantArgs: func(*env) map[string]*big.Int {
				return map[string]*big.Int{"asset": big.NewInt(1), "submitted": big.NewInt(60_300_000_001), "expected": big.NewInt(60_000_000_000)}
			},
		},
		{
			name: "price far below the oracle",
			submission: func(*testing.T, *env) contracts.EpochSubmission {
				s := mockSubmission(1)
				s.Prices[0] = big.NewInt(1)
				return s
			},
			wantErr:  contracts.ErrPriceDeviation,
			wantArgs: func(*env) map[string]*big.Int { return map[string]*big.Int{"asset": big.NewInt(0)} },
		},
		{
			name: "feed answer zero",
			setup: func(t *testing.T, e *env) {
				if err := contracts.SetMockFeed(ctxT(t), e.client, e.operator, e.feeds[2], big.NewInt(0), nil); err != nil {
					t.Fatal(err)
				}
			},
			submission: func(*testing.T, *env) contracts.EpochSubmission { return mockSubmission(1) },
			wantErr:    contracts.ErrInvalidFeedAnswer,
			wantArgs:   func(*env) map[string]*big.Int { return map[string]*big.Int{"asset": big.NewInt(2)} },
		},
		{
			name: "feed answer negative",
			setup: func(t *testing.T, e *env) {
				if err := contracts.SetMockFeed(ctxT(t), e.client, e.operator, e.feeds[0], big.NewInt(-5), nil); err != nil {
					t.Fatal(err)
				}
			},
			submission: func(*testing.T, *env) contracts.EpochSubmission { return mockSubmission(1) },
			wantErr:    contracts.ErrInvalidFeedAnswer,
			wantArgs:   func(*env) map[string]*big.Int { return map[string]*big.Int{"asset": big.NewInt(0)} },
		},
		{
			name: "too few prices",
			submission: func(*testing.T, *env) contracts.EpochSubmission {
				s := mockSubmission(1)
				s.Prices = s.Prices[:2]
				return s
			},
			wantErr: contracts.ErrPriceCountMismatch,
			wantArgs: func(*env) map[string]*big.Int {
				return map[string]*big.Int{"expected": big.NewInt(3), "got": big.NewInt(2)}
			},
		},
		{
			name: "paused by the guardian",
			setup: func(t *testing.T, e *env) {
				if _, err := e.guard.Pause(ctxT(t)); err != nil {
					t.Fatal(err)
				}
			},
			submission: func(*testing.T, *env) contracts.EpochSubmission { return mockSubmission(1) },
			wantErr:    contracts.ErrPaused,
		},
		{
			name: "groth16 solvency verifier rejects",
			setup: func(t *testing.T, e *env) {
				e.setAccept(t, e.dep.SolvencyVerifier, false)
			},
			submission: func(*testing.T, *env) contracts.EpochSubmission { return mockSubmission(1) },
			wantErr:    contracts.ErrProofRejected,
			wantArgs:   func(*env) map[string]*big.Int { return map[string]*big.Int{"which": big.NewInt(0)} },
		},
		{
			name:       "plonk compliance verifier returns false",
			compliance: contracts.Plonk,
			setup: func(t *testing.T, e *env) {
				e.setAccept(t, e.dep.ComplianceVerifier, false)
			},
			submission: func(*testing.T, *env) contracts.EpochSubmission { return mockSubmission(1) },
			wantErr:    contracts.ErrProofRejected,
			wantArgs:   func(*env) map[string]*big.Int { return map[string]*big.Int{"which": big.NewInt(1)} },
		},
		{
			name: "wrong previous state",
			setup: func(t *testing.T, e *env) {
				// The proof was made from a previous state other than genesis.
				s := mockSubmission(1)
				e.expectInputs(t, e.dep.ComplianceVerifier, complianceInputs(s, genesisPolicy, big.NewInt(4242)))
			},
			submission: func(*testing.T, *env) contracts.EpochSubmission { return mockSubmission(1) },
			wantErr:    contracts.ErrProofRejected,
			wantArgs:   func(*env) map[string]*big.Int { return map[string]*big.Int{"which": big.NewInt(1)} },
		},
		{
			name: "liabilities root other than the proven one",
			setup: func(t *testing.T, e *env) {
				e.expectInputs(t, e.dep.SolvencyVerifier, solvencyInputs(mockSubmission(1), genesisPolicy))
			},
			submission: func(*testing.T, *env) contracts.EpochSubmission {
				s := mockSubmission(1)
				s.LiabilitiesRoot = big.NewInt(1)
				return s
			},
			wantErr:  contracts.ErrProofRejected,
			wantArgs: func(*env) map[string]*big.Int { return map[string]*big.Int{"which": big.NewInt(0)} },
		},
		{
			name: "policy queued but not in force",
			setup: func(t *testing.T, e *env) {
				if _, err := e.gov.QueuePolicy(ctxT(t), big.NewInt(3003)); err != nil {
					t.Fatal(err)
				}
				// The prover used the queued policy; the registry uses the one in force.
				e.expectInputs(t, e.dep.SolvencyVerifier, solvencyInputs(mockSubmission(1), big.NewInt(3003)))
			},
			submission: func(*testing.T, *env) contracts.EpochSubmission { return mockSubmission(1) },
			wantErr:    contracts.ErrProofRejected,
			wantArgs:   func(*env) map[string]*big.Int { return map[string]*big.Int{"which": big.NewInt(0)} },
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := newMockEnv(t, tc.solvency, tc.compliance)
			if tc.setup != nil {
				tc.setup(t, e)
			}
			before, err := e.op.Status(ctxT(t))
			if err != nil {
				t.Fatal(err)
			}
			_, err = e.op.SubmitEpoch(ctxT(t), tc.submission(t, e))
			var args map[string]*big.Int
			if tc.wantArgs != nil {
				args = tc.wantArgs(e)
			}
			wantRevert(t, err, tc.wantErr, args)
			after, err := e.op.Status(ctxT(t))
			if err != nil {
				t.Fatal(err)
			}
			if after.LastEpoch != before.LastEpoch || after.CurrentState.Cmp(before.CurrentState) != 0 {
				t.Fatalf("a rejected submission changed the status: %+v -> %+v", before, after)
			}
		})
	}
}

func TestPriceToleranceBoundary(t *testing.T) {
	e := newMockEnv(t, contracts.Groth16, contracts.Groth16)
	s := mockSubmission(1)
	// Exactly 50 bps above asset 1's expected 60000000000 and below asset 0's 3000000000.
	s.Prices[1] = big.NewInt(60_000_000_000 + 300_000_000)
	s.Prices[0] = big.NewInt(3_000_000_000 - 15_000_000)
	if _, err := e.op.SubmitEpoch(ctxT(t), s); err != nil {
		t.Fatalf("prices at the tolerance edge were refused: %v", err)
	}
	s = mockSubmission(2)
	s.Prices[0] = big.NewInt(3_000_000_000 - 15_000_000 - 1)
	_, err := e.op.SubmitEpoch(ctxT(t), s)
	wantRevert(t, err, contracts.ErrPriceDeviation, map[string]*big.Int{"asset": big.NewInt(0), "expected": big.NewInt(3_000_000_000)})
}

func TestSubmitEpochFieldChecks(t *testing.T) {
	e := newMockEnv(t, contracts.Groth16, contracts.Groth16)
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
			s := mockSubmission(1)
			tc.mutate(&s)
			// The client refuses it before sending...
			if _, err := e.op.SubmitEpoch(ctxT(t), s); err == nil || !strings.Contains(err.Error(), "not in the BN254 scalar field") {
				t.Fatalf("client accepted an out-of-field value: %v", err)
			}
			// ...and so does the contract, which must not store an alias of a field element.
			wantRevert(t, rawSubmit(t, e, s), contracts.ErrNotInField, nil)
		})
	}
}

// rawSubmit sends submitEpoch calldata without the client's validation, to reach the
// contract's own checks.
func rawSubmit(t *testing.T, e *mockEnv, s contracts.EpochSubmission) error {
	t.Helper()
	reg := epochregistry.NewEpochRegistry()
	data := reg.PackSubmitEpoch(new(big.Int).SetUint64(s.Epoch), s.StateCommitment, s.LiabilitiesRoot, s.ActionsCommitment,
		s.ActionCount, s.Prices, s.SolvencyProof, s.ComplianceProof)
	_, err := bind.Transact(reg.Instance(e.client, e.dep.Registry), e.operator, data)
	if err == nil {
		t.Fatal("raw submission was accepted")
	}
	return contracts.DecodeCallErrorForTest(err)
}

func TestPauseRoles(t *testing.T) {
	e := newMockEnv(t, contracts.Groth16, contracts.Groth16)
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
	st, err := e.op.Status(ctx)
	if err != nil || !st.Paused {
		t.Fatalf("status after a refused unpause: %+v, %v", st, err)
	}

	if _, err := e.gov.Unpause(ctx); err != nil {
		t.Fatal(err)
	}
	_, err = e.gov.Unpause(ctx)
	wantRevert(t, err, contracts.ErrNotPaused, nil)
	if _, err := e.op.SubmitEpoch(ctx, mockSubmission(1)); err != nil {
		t.Fatalf("submission after unpause: %v", err)
	}

	// Governance can pause too.
	if _, err := e.gov.Pause(ctx); err != nil {
		t.Fatal(err)
	}
	_, err = e.op.SubmitEpoch(ctx, mockSubmission(2))
	wantRevert(t, err, contracts.ErrPaused, nil)
}

func TestPolicyTimelock(t *testing.T) {
	e := newMockEnv(t, contracts.Groth16, contracts.Groth16)
	ctx := ctxT(t)
	next := big.NewInt(3003)

	_, err := e.op.QueuePolicy(ctx, next)
	wantRevert(t, err, contracts.ErrNotGovernance, nil)
	_, err = e.gov.ExecutePolicy(ctx)
	wantRevert(t, err, contracts.ErrNoPendingPolicy, nil)

	if _, err := e.gov.QueuePolicy(ctx, next); err != nil {
		t.Fatal(err)
	}
	queuedAt := e.headTime(t)
	eta := queuedAt + uint64(testPolicyDelay/time.Second)
	st, err := e.op.Status(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.PendingPolicy.Cmp(next) != 0 || st.PendingPolicyETA.Unix() != int64(eta) || st.PolicyCommitment.Cmp(genesisPolicy) != 0 {
		t.Fatalf("status after queue: %+v", st)
	}

	// Before the delay: refused, with the eta and the block time.
	_, err = e.gov.ExecutePolicy(ctx)
	wantRevert(t, err, contracts.ErrTimelockNotReady, map[string]*big.Int{"eta": new(big.Int).SetUint64(eta)})
	var re *contracts.RevertError
	errors.As(err, &re)
	if now := re.Uint("nowTs"); now == nil || now.Uint64() >= eta {
		t.Fatalf("nowTs = %v, want before eta %d", now, eta)
	}

	// Gas estimation runs on the head block's time, so move the head to the eta itself.
	if err := e.sim.AdjustTime(time.Duration(eta-e.headTime(t)) * time.Second); err != nil {
		t.Fatal(err)
	}
	if _, err := e.gov.ExecutePolicy(ctx); err != nil {
		t.Fatalf("execute after the delay: %v", err)
	}
	st, err = e.op.Status(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.PolicyCommitment.Cmp(next) != 0 || st.PendingPolicy.Sign() != 0 || !st.PendingPolicyETA.IsZero() {
		t.Fatalf("status after execute: %+v", st)
	}

	// Submissions now use the new policy in both input vectors. The feeds went stale over the
	// day, so refresh them first.
	for i, f := range e.feeds {
		if err := contracts.SetMockFeed(ctx, e.client, e.operator, f, big.NewInt(feedAnswers[i]), nil); err != nil {
			t.Fatal(err)
		}
	}
	s := mockSubmission(1)
	e.expectInputs(t, e.dep.SolvencyVerifier, solvencyInputs(s, next))
	e.expectInputs(t, e.dep.ComplianceVerifier, complianceInputs(s, next, genesisState))
	if _, err := e.op.SubmitEpoch(ctx, s); err != nil {
		t.Fatalf("submission under the new policy: %v", err)
	}

	// Cancel drops a queued policy.
	if _, err := e.gov.QueuePolicy(ctx, big.NewInt(4004)); err != nil {
		t.Fatal(err)
	}
	if _, err := e.gov.CancelPolicy(ctx); err != nil {
		t.Fatal(err)
	}
	_, err = e.gov.CancelPolicy(ctx)
	wantRevert(t, err, contracts.ErrNoPendingPolicy, nil)
}

func TestReadErrors(t *testing.T) {
	e := newMockEnv(t, contracts.Groth16, contracts.Groth16)
	ctx := ctxT(t)
	_, err := e.op.EpochRecord(ctx, 1)
	wantRevert(t, err, contracts.ErrUnknownEpoch, map[string]*big.Int{"epoch": big.NewInt(1)})
	_, err = e.op.LiabilitiesRoot(ctx, 7)
	wantRevert(t, err, contracts.ErrUnknownEpoch, map[string]*big.Int{"epoch": big.NewInt(7)})

	feeds, err := e.op.Feeds(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(feeds) != 3 || feeds[2].Aggregator != e.feeds[2] || feeds[1].ExpectedPrice(big.NewInt(feedAnswers[1])).Cmp(expectedPrices()[1]) != 0 {
		t.Fatalf("feeds %+v", feeds)
	}

	ro, err := contracts.NewRegistry(e.dep.Registry, e.client, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ro.SubmitEpoch(ctx, mockSubmission(1)); !errors.Is(err, contracts.ErrNoTransactor) {
		t.Fatalf("read-only handle submitted: %v", err)
	}
}

func TestDeployRejectsBadConfig(t *testing.T) {
	c := newChain(t)
	feeds := c.deployFeeds(t)
	mock := contracts.VerifierSpec{Kind: contracts.Groth16, Bytecode: contracts.MockVerifierBytecode()}
	for _, tc := range []struct {
		name    string
		mutate  func(*contracts.DeployConfig)
		wantErr string
		wantIs  error
	}{
		{"zero governance", func(c *contracts.DeployConfig) { c.Governance = common.Address{} }, "governance address is zero", nil},
		{"no feeds", func(c *contracts.DeployConfig) { c.Feeds = nil }, "no price feeds", nil},
		{"zero denominator", func(c *contracts.DeployConfig) { c.Feeds[1].PriceDen = big.NewInt(0) }, "feeds[1]: price denominator", nil},
		{"fractional delay", func(c *contracts.DeployConfig) { c.PolicyDelay = 1500 * time.Millisecond }, "policy delay", nil},
		{"tolerance", func(c *contracts.DeployConfig) { c.ToleranceBps = 10_001 }, "above 10000", nil},
		{"genesis outside the field", func(c *contracts.DeployConfig) { c.GenesisState = contracts.ScalarField }, "genesis state", nil},
		{"unknown verifier kind", func(c *contracts.DeployConfig) { c.Compliance.Kind = 7 }, "compliance verifier: unknown kind", nil},
		{"verifier address without code", func(c *contracts.DeployConfig) {
			c.Solvency = contracts.VerifierSpec{Kind: contracts.Groth16, Address: common.HexToAddress("0x1234")}
		}, "deploy solvency verifier: no contract at", nil},
		{"feed without code", func(c *contracts.DeployConfig) { c.Feeds[0].Aggregator = common.HexToAddress("0x1234") }, "price feed has no code", contracts.ErrBadConfig},
		{"feed decimals", func(c *contracts.DeployConfig) { c.Feeds[2].Decimals = 6 }, "FeedDecimalsMismatch(asset: 2, expected: 6, got: 8)", contracts.ErrFeedDecimalsMismatch},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := baseConfig(c, feeds, mock, mock)
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

package contracts_test

import (
	"math/big"
	"testing"
	"time"

	"github.com/zktreasury/zktreasury/contracts"
)

// advance moves the chain's head d later (gas estimation runs on the head's time).
func (e *mockEnv) advance(t testing.TB, d time.Duration) {
	t.Helper()
	if err := e.sim.AdjustTime(d); err != nil {
		t.Fatal(err)
	}
}

// queueAndExecute queues a policy for fromEpoch and executes it after the delay.
func (e *mockEnv) queueAndExecute(t testing.TB, commitment int64, fromEpoch uint64) {
	t.Helper()
	if _, err := e.gov.QueuePolicy(ctxT(t), big.NewInt(commitment), fromEpoch); err != nil {
		t.Fatal(err)
	}
	e.advance(t, testPolicyDelay)
	if _, err := e.gov.ExecutePolicy(ctxT(t), big.NewInt(commitment), fromEpoch); err != nil {
		t.Fatal(err)
	}
}

func TestPolicyTimelock(t *testing.T) {
	e := newMockEnv(t, contracts.Groth16)
	ctx := ctxT(t)
	next := big.NewInt(3003)

	_, err := e.op.QueuePolicy(ctx, next, 2)
	wantRevert(t, err, contracts.ErrNotGovernance, nil)
	_, err = e.gov.ExecutePolicy(ctx, next, 2)
	wantRevert(t, err, contracts.ErrNoPendingPolicy, nil)

	if _, err := e.gov.QueuePolicy(ctx, next, 2); err != nil {
		t.Fatal(err)
	}
	eta := e.headTime(t) + uint64(testPolicyDelay/time.Second)
	st, err := e.op.Status(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if p := st.Pending; p == nil || p.Commitment.Cmp(next) != 0 || p.FromEpoch != 2 || p.ETA.Unix() != int64(eta) ||
		p.ExpiresAt.Unix() != int64(eta+uint64(testPolicyGrace/time.Second)) || st.NextPolicy.Cmp(genesisPolicy) != 0 {
		t.Fatalf("status after queue: %+v (pending %+v)", st, st.Pending)
	}
	// Before the delay: refused, with the eta and the block time.
	_, err = e.gov.ExecutePolicy(ctx, next, 2)
	wantRevert(t, err, contracts.ErrTimelockNotReady, map[string]*big.Int{"eta": u64(eta)})

	e.advance(t, testPolicyDelay)
	// A call naming another commitment or first epoch than the queued one is refused: a
	// policy queued in between by another governance signer is never executed by it.
	_, err = e.gov.ExecutePolicy(ctx, big.NewInt(3004), 2)
	wantRevert(t, err, contracts.ErrPolicyNotQueued, map[string]*big.Int{"commitment": big.NewInt(3004), "queuedCommitment": next})
	_, err = e.gov.ExecutePolicy(ctx, next, 3)
	wantRevert(t, err, contracts.ErrPolicyNotQueued, map[string]*big.Int{"fromEpoch": big.NewInt(3), "queuedFromEpoch": big.NewInt(2)})
	if _, err := e.gov.ExecutePolicy(ctx, next, 2); err != nil {
		t.Fatalf("execute after the delay: %v", err)
	}
	hist, err := e.op.PolicyHistory(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(hist) != 2 || hist[0].FromEpoch != 0 || hist[0].Commitment.Cmp(genesisPolicy) != 0 || hist[1].FromEpoch != 2 || hist[1].Commitment.Cmp(next) != 0 {
		t.Fatalf("history %+v", hist)
	}
	// Epoch 1 is still judged by the genesis policy, epoch 2 by the new one.
	s := e.next(t, 1)
	e.expectInputs(t, epochInputs(s, genesisPolicy, genesisState, testPrices()))
	if _, err := e.op.SubmitEpoch(ctx, s); err != nil {
		t.Fatalf("epoch 1 under the genesis policy: %v", err)
	}
	st, err = e.op.Status(ctx)
	if err != nil || st.NextPolicy.Cmp(next) != 0 || st.Pending != nil {
		t.Fatalf("status after epoch 1: %+v, %v", st, err)
	}
	s2 := e.next(t, 2)
	e.expectInputs(t, epochInputs(s2, next, s.StateCommitment, testPrices()))
	if _, err := e.op.SubmitEpoch(ctx, s2); err != nil {
		t.Fatalf("epoch 2 under the new policy: %v", err)
	}
	rec, err := e.op.EpochRecord(ctx, 1)
	if err != nil || rec.PolicyCommitment.Cmp(genesisPolicy) != 0 {
		t.Fatalf("epoch 1's record %+v, %v", rec, err)
	}
	for n, want := range map[uint64]*big.Int{0: genesisPolicy, 1: genesisPolicy, 2: next, 9: next} {
		if got, err := e.op.PolicyFor(ctx, n); err != nil || got.Cmp(want) != 0 {
			t.Fatalf("policyFor(%d) = %v, %v; want %v", n, got, err, want)
		}
	}

	// Cancel drops a queued policy.
	if _, err := e.gov.QueuePolicy(ctx, big.NewInt(4004), 4); err != nil {
		t.Fatal(err)
	}
	_, err = e.gov.CancelPolicy(ctx, big.NewInt(4004), 5)
	wantRevert(t, err, contracts.ErrPolicyNotQueued, map[string]*big.Int{"queuedFromEpoch": big.NewInt(4)})
	if _, err := e.gov.CancelPolicy(ctx, big.NewInt(4004), 4); err != nil {
		t.Fatal(err)
	}
	_, err = e.gov.CancelPolicy(ctx, big.NewInt(4004), 4)
	wantRevert(t, err, contracts.ErrNoPendingPolicy, nil)
}

// TestPolicyChangeBetweenActionsAndSubmission: the operator has run epoch lastEpoch+1's actions
// under the policy in force; no policy change can make the registry judge that epoch by another.
func TestPolicyChangeBetweenActionsAndSubmission(t *testing.T) {
	e := newMockEnv(t, contracts.Groth16)
	ctx := ctxT(t)
	e.submitHonest(t, 1)
	// A policy for the epoch in progress (2) is refused at queueing.
	_, err := e.gov.QueuePolicy(ctx, big.NewInt(3003), 2)
	wantRevert(t, err, contracts.ErrPolicyTooSoon, map[string]*big.Int{"minFromEpoch": big.NewInt(3), "fromEpoch": big.NewInt(2)})
	// One for epoch 3, executed while epoch 2 is still being submitted, leaves epoch 2 to the
	// policy it ran under.
	e.queueAndExecute(t, 3003, 3)
	s := e.next(t, 2)
	prev, err := e.op.Status(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if prev.NextPolicy.Cmp(genesisPolicy) != 0 {
		t.Fatalf("epoch 2 would be judged by %v, want the genesis policy", prev.NextPolicy)
	}
	e.expectInputs(t, epochInputs(s, genesisPolicy, prev.CurrentState, testPrices()))
	if _, err := e.op.SubmitEpoch(ctx, s); err != nil {
		t.Fatalf("epoch 2 under the policy it ran under: %v", err)
	}
	// A proof of epoch 3 made under the old policy is refused: epoch 3 is judged by the new one.
	s3 := e.next(t, 3)
	e.expectInputs(t, epochInputs(s3, genesisPolicy, s.StateCommitment, testPrices()))
	_, err = e.op.SubmitEpoch(ctx, s3)
	wantRevert(t, err, contracts.ErrProofRejected, nil)
	e.expectInputs(t, epochInputs(s3, big.NewInt(3003), s.StateCommitment, testPrices()))
	if _, err := e.op.SubmitEpoch(ctx, s3); err != nil {
		t.Fatalf("epoch 3 under the new policy: %v", err)
	}
}

func TestQueuedPolicyExpires(t *testing.T) {
	t.Run("grace window", func(t *testing.T) {
		e := newMockEnv(t, contracts.Groth16)
		ctx := ctxT(t)
		if _, err := e.gov.QueuePolicy(ctx, big.NewInt(3003), 2); err != nil {
			t.Fatal(err)
		}
		expires := e.headTime(t) + uint64((testPolicyDelay+testPolicyGrace)/time.Second)
		e.advance(t, testPolicyDelay+testPolicyGrace+time.Second)
		_, err := e.gov.ExecutePolicy(ctx, big.NewInt(3003), 2)
		wantRevert(t, err, contracts.ErrPolicyExpired, map[string]*big.Int{"expiresAt": u64(expires)})
	})
	t.Run("its first epoch recorded", func(t *testing.T) {
		e := newMockEnv(t, contracts.Groth16)
		ctx := ctxT(t)
		if _, err := e.gov.QueuePolicy(ctx, big.NewInt(3003), 2); err != nil {
			t.Fatal(err)
		}
		e.submitHonest(t, 2)
		e.advance(t, testPolicyDelay)
		_, err := e.gov.ExecutePolicy(ctx, big.NewInt(3003), 2)
		wantRevert(t, err, contracts.ErrPolicyEpochPassed, map[string]*big.Int{"fromEpoch": big.NewInt(2), "lastEpoch": big.NewInt(2)})
		// Epoch 3 is still judged by the genesis policy.
		st, err := e.op.Status(ctx)
		if err != nil || st.NextPolicy.Cmp(genesisPolicy) != 0 {
			t.Fatalf("status %+v, %v", st, err)
		}
	})
}

// TestPolicySchedule: an executed policy replaces the scheduled ones from its fromEpoch on,
// and never the history.
func TestPolicySchedule(t *testing.T) {
	e := newMockEnv(t, contracts.Groth16)
	ctx := ctxT(t)
	e.queueAndExecute(t, 3003, 4) // A from 4
	e.queueAndExecute(t, 5005, 6) // C from 6
	e.queueAndExecute(t, 4004, 5) // B from 5 replaces C
	hist, err := e.op.PolicyHistory(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(hist) != 3 || hist[1].FromEpoch != 4 || hist[2].FromEpoch != 5 || hist[2].Commitment.Int64() != 4004 {
		t.Fatalf("history %+v", hist)
	}
	want := []int64{2002, 2002, 2002, 3003, 4004, 4004}
	prev := genesisState
	for n := uint64(1); n <= 6; n++ {
		s := e.next(t, n)
		e.expectInputs(t, epochInputs(s, big.NewInt(want[n-1]), prev, testPrices()))
		if _, err := e.op.SubmitEpoch(ctx, s); err != nil {
			t.Fatalf("epoch %d under policy %d: %v", n, want[n-1], err)
		}
		prev = s.StateCommitment
		if n == 4 {
			// Executed after epoch 4, from 6: replaces B from 6 on; epochs 4 and 5 keep theirs.
			e.queueAndExecute(t, 6006, 6)
			want[5] = 6006
		}
	}
	for n, w := range map[uint64]int64{3: 2002, 4: 3003, 5: 4004, 6: 6006} {
		rec, err := e.op.EpochRecord(ctx, n)
		if err != nil || rec.PolicyCommitment.Int64() != w {
			t.Fatalf("epoch %d's record policy %v, %v; want %d", n, rec.PolicyCommitment, err, w)
		}
	}
}

package chain_test

import (
	"crypto/ecdsa"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/chain"
	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/epoch"
	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/policy"
)

const (
	newPolicyFile   = repo + "/testdata/engine/policy.json"
	otherPolicyFile = repo + "/testdata/epoch/policy.json"
)

// TestPolicyTimelockCLI drives `policy queue|execute|cancel|status` against the registry's
// timelock on the simulated chain, moving its clock: each refusal exits 3 with the registry's
// error and a hint, and nothing the registry refuses changes its state.
func TestPolicyTimelockCLI(t *testing.T) {
	other := newKey(t)
	n := startSimNodeWith(t, simOptions{fund: []*ecdsa.PrivateKey{other}})
	gov := addr(n.Key)
	m := deployMock(t, n, gov, gov)
	otherKey := writeKeyFile(t, other)
	base := func(verb ...string) []string {
		return append(verb, "--rpc", n.URL, "--deployment", m.File)
	}
	govArgs := func(verb ...string) []string { return append(base(verb...), "--key", n.KeyFile) }
	commit, err := policy.FileCommitment(newPolicyFile)
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("0x%064x", commit)

	var st policy.StatusResult
	jsonRun(t, 0, &st, base("policy", "status")...)
	if st.Current != m.Dep.PolicyCommitment || st.Queued != nil || len(st.History) != 1 || st.History[0].FromEpoch != 0 || st.PolicyDelaySeconds != 3600 {
		t.Fatalf("status at genesis %+v", st)
	}

	// Too soon: the epoch in progress (1) keeps its policy.
	var q policy.QueueResult
	jsonRun(t, cmdutil.ExitNo, &q, govArgs("policy", "queue", "--policy", newPolicyFile, "--from-epoch", "1")...)
	if q.Error != "PolicyTooSoon" || !strings.Contains(q.Hint, "at least 2") || q.TxHash != "" || q.Commitment != want {
		t.Fatalf("queue from epoch 1: %+v", q)
	}
	// Not governance.
	q = policy.QueueResult{}
	jsonRun(t, cmdutil.ExitNo, &q, append(base("policy", "queue", "--policy", newPolicyFile, "--from-epoch", "2"), "--key", otherKey)...)
	if q.Error != "NotGovernance" || !strings.Contains(q.Hint, gov.Hex()) || q.TxHash != "" {
		t.Fatalf("queue by another key: %+v", q)
	}
	// Queued: the hash is printed before the wait, the ETA and expiry come from the event.
	q = policy.QueueResult{}
	stderr := jsonRun(t, 0, &q, govArgs("policy", "queue", "--policy", newPolicyFile, "--from-epoch", "2")...)
	if !q.Done || q.ETA == nil || q.ExpiresAt.Sub(*q.ETA) != 2*time.Hour || len(q.TxHash) != 66 || !strings.Contains(stderr, "sent tx "+q.TxHash) {
		t.Fatalf("queue: %+v\n%s", q, stderr)
	}
	eta := q.ETA.UTC().Format(time.RFC3339)
	// Before the ETA: TimelockNotReady, saying when.
	code, stdout, stderr := cli(t, govArgs("policy", "execute")...)
	if code != cmdutil.ExitNo || !strings.Contains(stdout, "REFUSED: TimelockNotReady") || !strings.Contains(stdout, "executable at "+eta) {
		t.Fatalf("execute before the ETA: exit %d\n%s\n%s", code, stdout, stderr)
	}
	st = policy.StatusResult{}
	jsonRun(t, 0, &st, append(base("policy", "status"), "--policy", newPolicyFile)...)
	if st.Queued == nil || st.Queued.State != "waiting" || st.Queued.Commitment != want || st.FileState != "queued" {
		t.Fatalf("status while queued %+v", st)
	}
	// Past the ETA: --policy naming another file sends nothing; the right one executes.
	n.Advance(t, time.Hour+time.Second)
	if code, _, stderr := cli(t, append(govArgs("policy", "execute"), "--policy", otherPolicyFile)...); code != cmdutil.ExitError || !strings.Contains(stderr, "nothing sent") {
		t.Fatalf("execute with another --policy: exit %d\n%s", code, stderr)
	}
	// Another key cannot execute either.
	var ex policy.ExecuteResult
	jsonRun(t, cmdutil.ExitNo, &ex, append(base("policy", "execute"), "--key", otherKey)...)
	if ex.Error != "NotGovernance" {
		t.Fatalf("execute by another key: %+v", ex)
	}
	ex = policy.ExecuteResult{}
	jsonRun(t, 0, &ex, append(govArgs("policy", "execute"), "--policy", newPolicyFile)...)
	if !ex.Done || ex.Commitment != want || ex.FromEpoch != 2 {
		t.Fatalf("execute: %+v", ex)
	}
	st = policy.StatusResult{}
	jsonRun(t, 0, &st, append(base("policy", "status"), "--policy", newPolicyFile)...)
	if st.Queued != nil || len(st.History) != 2 || st.History[1].FromEpoch != 2 || !st.History[1].Scheduled || st.Current != m.Dep.PolicyCommitment || st.FileState != "scheduled" {
		t.Fatalf("status after execute %+v", st)
	}
	// Nothing queued: execute and cancel say so.
	for _, verb := range []string{"execute", "cancel"} {
		ex = policy.ExecuteResult{}
		jsonRun(t, cmdutil.ExitNo, &ex, govArgs("policy", verb)...)
		if ex.Error != "NoPendingPolicy" || !strings.Contains(ex.Hint, "no policy is queued") {
			t.Fatalf("%s with nothing queued: %+v", verb, ex)
		}
	}
	// Queue, cancel.
	jsonRun(t, 0, nil, govArgs("policy", "queue", "--policy", otherPolicyFile, "--from-epoch", "3")...)
	ex = policy.ExecuteResult{}
	jsonRun(t, 0, &ex, govArgs("policy", "cancel")...)
	if !ex.Done || ex.FromEpoch != 3 {
		t.Fatalf("cancel: %+v", ex)
	}
	// Queue, let it expire: PolicyExpired, with when.
	q = policy.QueueResult{}
	jsonRun(t, 0, &q, govArgs("policy", "queue", "--policy", otherPolicyFile, "--from-epoch", "3")...)
	n.Advance(t, 3*time.Hour+time.Second)
	st = policy.StatusResult{}
	jsonRun(t, 0, &st, base("policy", "status")...)
	if st.Queued == nil || st.Queued.State != "expired" {
		t.Fatalf("status of an expired policy %+v", st)
	}
	ex = policy.ExecuteResult{}
	jsonRun(t, cmdutil.ExitNo, &ex, govArgs("policy", "execute")...)
	if ex.Error != "PolicyExpired" || !strings.Contains(ex.Hint, "expired at "+q.ExpiresAt.UTC().Format(time.RFC3339)) {
		t.Fatalf("execute after expiry: %+v", ex)
	}

	// Its first epoch recorded before execution: PolicyEpochPassed. Queue from epoch 2, record
	// epochs 1 and 2, pass the ETA.
	jsonRun(t, 0, nil, govArgs("policy", "queue", "--policy", otherPolicyFile, "--from-epoch", "2")...)
	for e := uint64(1); e <= 2; e++ {
		pol := genesisPolicy
		if e == 2 {
			pol = commit
		}
		var res epoch.SubmitResult
		jsonRun(t, 0, &res, "epoch", "submit", "--rpc", n.URL, "--key", n.KeyFile, "--deployment", m.File, m.proofFile(t, e, pol, nil))
		if !res.Recorded {
			t.Fatalf("submit epoch %d: %+v", e, res)
		}
	}
	n.Advance(t, time.Hour+time.Second)
	ex = policy.ExecuteResult{}
	jsonRun(t, cmdutil.ExitNo, &ex, govArgs("policy", "execute")...)
	if ex.Error != "PolicyEpochPassed" || !strings.Contains(ex.Hint, "--from-epoch 4") {
		t.Fatalf("execute after its epoch: %+v", ex)
	}
}

// TestPauseAndRolesCLI: pause by the guardian, a paused submission refused and accepted after
// unpause, each wrong-role refusal, and both two-step rotations, including an accept by an
// address that is not the nominee.
func TestPauseAndRolesCLI(t *testing.T) {
	guardian, other, heir := newKey(t), newKey(t), newKey(t)
	n := startSimNodeWith(t, simOptions{fund: []*ecdsa.PrivateKey{guardian, other, heir}})
	gov := addr(n.Key)
	m := deployMock(t, n, gov, addr(guardian))
	keyOf := map[string]string{"gov": n.KeyFile, "guardian": writeKeyFile(t, guardian), "other": writeKeyFile(t, other), "heir": writeKeyFile(t, heir)}
	as := func(who string, verb ...string) []string {
		return append(verb, "--rpc", n.URL, "--deployment", m.File, "--key", keyOf[who])
	}
	var p chain.PauseResult
	jsonRun(t, cmdutil.ExitNo, &p, as("other", "chain", "pause")...)
	if p.Error != "NotGuardianOrGovernance" || !strings.Contains(p.Hint, addr(guardian).Hex()) || p.Paused {
		t.Fatalf("pause by another key: %+v", p)
	}
	p = chain.PauseResult{}
	jsonRun(t, 0, &p, as("guardian", "chain", "pause")...)
	if !p.Done || !p.Paused || p.From != addr(guardian).Hex() {
		t.Fatalf("pause by the guardian: %+v", p)
	}
	p = chain.PauseResult{}
	jsonRun(t, cmdutil.ExitNo, &p, as("gov", "chain", "pause")...)
	if p.Error != "Paused" || !strings.Contains(p.Hint, "already paused") {
		t.Fatalf("pause twice: %+v", p)
	}
	// A submission while paused: refused at estimation, nothing sent.
	proof := m.proofFile(t, 1, genesisPolicy, nil)
	var sub epoch.SubmitResult
	jsonRun(t, cmdutil.ExitNo, &sub, append(as("gov", "epoch", "submit"), proof)...)
	if sub.Recorded || sub.Error != "Paused" || !strings.Contains(sub.Hint, "chain unpause") || sub.TxHash != "" {
		t.Fatalf("submit while paused: %+v", sub)
	}
	// The guardian cannot restart.
	p = chain.PauseResult{}
	jsonRun(t, cmdutil.ExitNo, &p, as("guardian", "chain", "unpause")...)
	if p.Error != "NotGovernance" || !p.Paused {
		t.Fatalf("unpause by the guardian: %+v", p)
	}
	p = chain.PauseResult{}
	jsonRun(t, 0, &p, as("gov", "chain", "unpause")...)
	if !p.Done || p.Paused {
		t.Fatalf("unpause: %+v", p)
	}
	p = chain.PauseResult{}
	jsonRun(t, cmdutil.ExitNo, &p, as("gov", "chain", "unpause")...)
	if p.Error != "NotPaused" {
		t.Fatalf("unpause twice: %+v", p)
	}
	sub = epoch.SubmitResult{}
	jsonRun(t, 0, &sub, append(as("gov", "epoch", "submit"), proof)...)
	if !sub.Recorded || sub.AlreadyRecorded || sub.RecordTx != sub.TxHash {
		t.Fatalf("submit after unpause: %+v", sub)
	}
	// Paused again, the recorded proof resubmitted is still success, from the record alone.
	jsonRun(t, 0, nil, as("guardian", "chain", "pause")...)
	again := epoch.SubmitResult{}
	jsonRun(t, 0, &again, append(as("gov", "epoch", "submit"), proof)...)
	if !again.AlreadyRecorded || again.RecordTx != sub.TxHash || again.TxHash != "" {
		t.Fatalf("resubmit while paused: %+v", again)
	}
	jsonRun(t, 0, nil, as("gov", "chain", "unpause")...)

	// Governance: propose by a non-holder refused; accept by someone else than the nominee refused.
	var r chain.RoleResult
	jsonRun(t, cmdutil.ExitNo, &r, append(as("other", "chain", "role", "propose"), "--role", "governance", "--to", addr(heir).Hex())...)
	if r.Error != "NotGovernance" {
		t.Fatalf("propose by another key: %+v", r)
	}
	r = chain.RoleResult{}
	jsonRun(t, cmdutil.ExitNo, &r, append(as("heir", "chain", "role", "accept"), "--role", "governance")...)
	if r.Error != "NotPendingGovernance" || !strings.Contains(r.Hint, "nobody is nominated") {
		t.Fatalf("accept with no nominee: %+v", r)
	}
	r = chain.RoleResult{}
	jsonRun(t, 0, &r, append(as("gov", "chain", "role", "propose"), "--role", "governance", "--to", addr(heir).Hex())...)
	if !r.Done || r.Nominee != addr(heir) || r.Holder != gov {
		t.Fatalf("propose: %+v", r)
	}
	r = chain.RoleResult{}
	jsonRun(t, cmdutil.ExitNo, &r, append(as("other", "chain", "role", "accept"), "--role", "governance")...)
	if r.Error != "NotPendingGovernance" || !strings.Contains(r.Hint, addr(heir).Hex()) || r.Holder != gov {
		t.Fatalf("accept by the wrong address: %+v", r)
	}
	r = chain.RoleResult{}
	jsonRun(t, 0, &r, append(as("heir", "chain", "role", "accept"), "--role", "governance")...)
	if !r.Done || r.Holder != addr(heir) || r.Nominee != (common.Address{}) {
		t.Fatalf("accept: %+v", r)
	}
	// The old governance has lost the role.
	p = chain.PauseResult{}
	jsonRun(t, cmdutil.ExitNo, &p, as("gov", "chain", "unpause")...)
	if p.Error != "NotGovernance" {
		t.Fatalf("unpause by the old governance: %+v", p)
	}
	// Guardian: the guardian proposes, the nominee accepts.
	r = chain.RoleResult{}
	jsonRun(t, 0, &r, append(as("guardian", "chain", "role", "propose"), "--role", "guardian", "--to", addr(other).Hex())...)
	if !r.Done || r.Nominee != addr(other) {
		t.Fatalf("propose the guardian: %+v", r)
	}
	r = chain.RoleResult{}
	jsonRun(t, cmdutil.ExitNo, &r, append(as("heir", "chain", "role", "accept"), "--role", "guardian")...)
	if r.Error != "NotPendingGuardian" {
		t.Fatalf("accept the guardian by the wrong address: %+v", r)
	}
	r = chain.RoleResult{}
	jsonRun(t, 0, &r, append(as("other", "chain", "role", "accept"), "--role", "guardian")...)
	if !r.Done || r.Holder != addr(other) {
		t.Fatalf("accept the guardian: %+v", r)
	}
	// A bad --role is a usage error.
	if code, _, _ := cli(t, append(as("gov", "chain", "role", "accept"), "--role", "owner")...); code != cmdutil.ExitUsage {
		t.Fatalf("--role owner: exit %d", code)
	}
}

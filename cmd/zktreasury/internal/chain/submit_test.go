package chain_test

import (
	"context"
	"encoding/json"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/epoch"
	"github.com/zktreasury/zktreasury/contracts"
)

// nonces returns the signer's mined and pending nonces.
func nonces(t *testing.T, n *simNode, a common.Address) (mined, pending uint64) {
	t.Helper()
	c := n.Client(t)
	ctx := context.Background()
	var err error
	if mined, err = c.NonceAt(ctx, a, nil); err != nil {
		t.Fatal(err)
	}
	if pending, err = c.PendingNonceAt(ctx, a); err != nil {
		t.Fatal(err)
	}
	return mined, pending
}

// TestSubmitIdempotent: the hash is printed before the receipt; the same proof submitted again
// is success and sends nothing; a different record for the recorded epoch (each field the
// submission carries, changed alone from the honest proof) exits 3 naming what differs, and
// sends nothing either.
func TestSubmitIdempotent(t *testing.T) {
	n := startSimNode(t)
	m := deployMock(t, n, addr(n.Key), addr(n.Key))
	submit := func(proof string, extra ...string) []string {
		return append([]string{"epoch", "submit", "--rpc", n.URL, "--key", n.KeyFile, "--deployment", m.File, proof}, extra...)
	}
	honest := m.proofFile(t, 1, genesisPolicy, nil)
	code, stdout, stderr := cli(t, submit(honest)...)
	if code != 0 {
		t.Fatalf("submit: exit %d\n%s\n%s", code, stdout, stderr)
	}
	// The first line, printed before the wait, names the tx the table ends with.
	first, _, _ := strings.Cut(stdout, "\n")
	if !strings.HasPrefix(first, "sent\t0x") || !strings.Contains(stdout, "RECORDED\n") {
		t.Fatalf("submit output:\n%s", stdout)
	}
	hash := strings.Fields(strings.TrimPrefix(first, "sent\t"))[0]
	hash = strings.TrimSuffix(hash, ",")
	if !strings.Contains(stdout, " "+hash+" (block ") {
		t.Fatalf("the table does not end with the sent tx %s:\n%s", hash, stdout)
	}
	rec, err := m.Operator.EpochRecord(ctx(t), 1)
	if err != nil {
		t.Fatal(err)
	}
	if rec.TxHash.Hex() != hash {
		t.Fatalf("epoch 1 recorded in %s, the CLI said %s", rec.TxHash.Hex(), hash)
	}

	mined, pending := nonces(t, n, addr(n.Key))
	var res epoch.SubmitResult
	jsonRun(t, 0, &res, submit(honest)...)
	if !res.Recorded || !res.AlreadyRecorded || res.RecordTx != hash || res.RecordBlock != rec.Block || res.TxHash != "" {
		t.Fatalf("submit again: %+v", res)
	}
	code, stdout, _ = cli(t, submit(honest)...)
	if code != 0 || !strings.Contains(stdout, "already recorded in tx "+hash) {
		t.Fatalf("submit again (table): exit %d\n%s", code, stdout)
	}
	// The recorded statement with proof bytes the registry's verifier refuses is not "this
	// proof": exit 3 naming the proof, nothing sent.
	m.setAccept(t, n, false)
	var bad epoch.SubmitResult
	jsonRun(t, cmdutil.ExitNo, &bad, submit(honest)...)
	if bad.AlreadyRecorded || len(bad.Differs) != 1 || !strings.HasPrefix(bad.Differs[0], "proof:") || bad.TxHash != "" {
		t.Fatalf("a recorded statement whose proof does not verify: %+v", bad)
	}
	m.setAccept(t, n, true)
	mined, pending = nonces(t, n, addr(n.Key))
	if m2, p2 := nonces(t, n, addr(n.Key)); m2 != mined || p2 != pending {
		t.Fatalf("submitting a recorded epoch sent a transaction: nonces %d/%d -> %d/%d", mined, pending, m2, p2)
	}

	for _, tc := range []struct {
		name, field string
		edit        func(map[string]*big.Int)
	}{
		{"another root", "liabilitiesRoot", func(v map[string]*big.Int) { v["liabilitiesRoot"] = big.NewInt(9) }},
		{"another state", "newStateCommitment", func(v map[string]*big.Int) { v["newStateCommitment"] = big.NewInt(9) }},
		{"another previous state", "prevStateCommitment", func(v map[string]*big.Int) { v["prevStateCommitment"] = big.NewInt(9) }},
		{"another policy", "policyCommitment", func(v map[string]*big.Int) { v["policyCommitment"] = big.NewInt(9) }},
		{"another actions commitment", "actionsCommitment", func(v map[string]*big.Int) { v["actionsCommitment"] = big.NewInt(9) }},
		{"another count", "actionCount", func(v map[string]*big.Int) { v["actionCount"] = big.NewInt(3) }},
		{"another end", "endTime", func(v map[string]*big.Int) { v["endTime"].Sub(v["endTime"], big.NewInt(1)) }},
		{"another inflow", "inflow[1]", func(v map[string]*big.Int) { v["inflow.WETH"] = big.NewInt(8) }},
		{"another outflow", "outflow[2]", func(v map[string]*big.Int) { v["outflow.WBTC"] = big.NewInt(4) }},
		{"another price", "price[0]", func(v map[string]*big.Int) { v["price.USDC"] = new(big.Int).Add(m.Prices[0], big.NewInt(1)) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var res epoch.SubmitResult
			jsonRun(t, cmdutil.ExitNo, &res, submit(m.proofFile(t, 1, genesisPolicy, tc.edit))...)
			if res.Recorded || res.Error != "EpochOutOfOrder" || len(res.Differs) != 1 || !strings.HasPrefix(res.Differs[0], tc.field+":") ||
				!strings.Contains(res.Hint, "already recorded with another record") || res.TxHash != "" {
				t.Fatalf("%+v", res)
			}
		})
	}
	if m2, p2 := nonces(t, n, addr(n.Key)); m2 != mined || p2 != pending {
		t.Fatalf("a different record sent a transaction: nonces %d/%d -> %d/%d", mined, pending, m2, p2)
	}
}

// TestSubmitTimeout: a chain that does not mine. The hash is printed, the command exits 1 after
// --timeout naming it, exactly one transaction is in the pool (never resent), a second run
// while it is pending sends nothing, and once it is mined a run says the epoch is recorded in
// that transaction.
func TestSubmitTimeout(t *testing.T) {
	n := startSimNode(t)
	m := deployMock(t, n, addr(n.Key), addr(n.Key))
	proof := m.proofFile(t, 1, genesisPolicy, nil)
	submit := []string{"epoch", "submit", "--rpc", n.URL, "--key", n.KeyFile, "--deployment", m.File, proof, "--timeout", "2s"}
	mined, _ := nonces(t, n, addr(n.Key))
	n.SetMining(false)
	start := time.Now()
	code, stdout, stderr := cli(t, append(submit, "--json")...)
	if code != cmdutil.ExitError || time.Since(start) > 20*time.Second {
		t.Fatalf("submit on a chain that does not mine: exit %d after %v\n%s\n%s", code, time.Since(start), stdout, stderr)
	}
	var res epoch.SubmitResult
	if err := json.Unmarshal([]byte(stdout), &res); err != nil {
		t.Fatalf("--json: %v\n%s", err, stdout)
	}
	if !res.Pending || res.Recorded || len(res.TxHash) != 66 || !strings.Contains(stderr, "sent\t"+res.TxHash) ||
		!strings.Contains(stderr, "error: epoch 1: tx "+res.TxHash) || !strings.Contains(stderr, "not resent") {
		t.Fatalf("pending result %+v\n%s", res, stderr)
	}
	if m2, p2 := nonces(t, n, addr(n.Key)); m2 != mined || p2 != mined+1 {
		t.Fatalf("nonces %d/%d after one pending submission from %d", m2, p2, mined)
	}
	// Again while it is pending: refused before anything is sent.
	code, _, stderr = cli(t, submit...)
	if code != cmdutil.ExitError || !strings.Contains(stderr, "not mined yet") || !strings.Contains(stderr, "nothing sent") {
		t.Fatalf("submit while pending: exit %d\n%s", code, stderr)
	}
	if _, p2 := nonces(t, n, addr(n.Key)); p2 != mined+1 {
		t.Fatalf("the second run sent a transaction: pending nonce %d", p2)
	}
	n.SetMining(true)
	if _, err := contracts.WaitReceipt(ctx(t), n.Client(t), common.HexToHash(res.TxHash)); err != nil {
		t.Fatal(err)
	}
	var again epoch.SubmitResult
	jsonRun(t, 0, &again, submit...)
	if !again.AlreadyRecorded || again.RecordTx != res.TxHash {
		t.Fatalf("after the pending tx was mined: %+v", again)
	}
}

func ctx(t *testing.T) context.Context { return ctxT(t) }

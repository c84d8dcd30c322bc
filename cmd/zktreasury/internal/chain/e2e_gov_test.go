package chain_test

import (
	"context"
	"math/big"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/chain"
	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/epoch"
	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/policy"
	"github.com/zktreasury/zktreasury/contracts/devnode"
)

// TestGethDevAccountGovernance runs the governance verbs with --dev-account against a real geth
// --dev node (chain 1337, its unlocked developer account signing through eth_signTransaction),
// on a registry with a mock verifier whose governance and guardian are that account: queue,
// a refused early execute, pause, a submission refused while paused, unpause, the submission
// (a fresh key funded by the dev account) and its identical resubmission. No proving: seconds.
func TestGethDevAccountGovernance(t *testing.T) {
	if os.Getenv("ZKT_E2E") != "1" {
		t.Skip("set ZKT_E2E=1 to run the geth end-to-end tests")
	}
	cache := os.Getenv("ZKT_GETH_CACHE")
	if cache == "" {
		var err error
		if cache, err = devnode.DefaultCacheDir(); err != nil {
			t.Fatal(err)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	geth, err := devnode.Install(ctx, cache)
	if err != nil {
		t.Fatal(err)
	}
	node, err := devnode.Start(ctx, geth)
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if err := node.Stop(); err != nil {
			t.Errorf("stop geth: %v", err)
		}
	}()
	key, err := node.FundedKey(ctx, new(big.Int).Mul(big.NewInt(100), big.NewInt(1e18)))
	if err != nil {
		t.Fatal(err)
	}
	n := &simNode{URL: node.URL, Key: key, ChainID: node.ChainID, KeyFile: writeKeyFile(t, key)}
	m := deployMock(t, n, node.DevAccount, node.DevAccount)
	dev := func(verb ...string) []string {
		return append(verb, "--rpc", node.URL, "--dev-account", "--deployment", m.File)
	}

	var q policy.QueueResult
	jsonRun(t, 0, &q, dev("policy", "queue", "--policy", newPolicyFile, "--from-epoch", "2")...)
	if !q.Done || q.From != node.DevAccount.Hex() || q.ETA == nil {
		t.Fatalf("queue as the dev account: %+v", q)
	}
	var ex policy.ExecuteResult
	jsonRun(t, cmdutil.ExitNo, &ex, dev("policy", "execute")...)
	if ex.Error != "TimelockNotReady" || !strings.Contains(ex.Hint, "executable at "+q.ETA.UTC().Format(time.RFC3339)) {
		t.Fatalf("execute before the ETA: %+v", ex)
	}
	var p chain.PauseResult
	jsonRun(t, 0, &p, dev("chain", "pause")...)
	if !p.Done || !p.Paused {
		t.Fatalf("pause as the dev account: %+v", p)
	}
	proof := m.proofFile(t, 1, genesisPolicy, nil)
	var sub epoch.SubmitResult
	jsonRun(t, cmdutil.ExitNo, &sub, append(dev("epoch", "submit"), proof)...)
	if sub.Error != "Paused" || sub.TxHash != "" {
		t.Fatalf("submit while paused: %+v", sub)
	}
	jsonRun(t, 0, nil, dev("chain", "unpause")...)
	sub = epoch.SubmitResult{}
	jsonRun(t, 0, &sub, append(dev("epoch", "submit"), proof)...)
	if !sub.Recorded || len(sub.TxHash) != 66 {
		t.Fatalf("submit: %+v", sub)
	}
	again := epoch.SubmitResult{}
	jsonRun(t, 0, &again, append(dev("epoch", "submit"), proof)...)
	if !again.AlreadyRecorded || again.RecordTx != sub.TxHash {
		t.Fatalf("resubmit: %+v", again)
	}
}

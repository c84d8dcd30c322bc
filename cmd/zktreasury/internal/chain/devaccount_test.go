package chain_test

import (
	"context"
	"math/big"
	"strings"
	"testing"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/chain"
	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/epoch"
)

// TestDevAccountOnlyOnDevChains: --dev-account spends the node's own account, so it is refused
// (exit 1, naming the chain id, nothing sent) on a chain that is not a development chain even
// when the node has an unlocked account, and on a dev chain id whose node has none; on a dev
// chain with one, governance verbs sign as that account and submit funds a fresh key from it.
func TestDevAccountOnlyOnDevChains(t *testing.T) {
	t.Run("a node with an unlocked account on chain 1", func(t *testing.T) {
		n := startSimNodeWith(t, simOptions{chainID: big.NewInt(1), devAccount: true})
		m := deployMock(t, n, n.DevAccount, n.DevAccount)
		before, err := n.Client(t).BalanceAt(context.Background(), n.DevAccount, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, args := range [][]string{
			{"epoch", "submit", m.proofFile(t, 1, genesisPolicy, nil)},
			{"chain", "pause"},
			{"policy", "cancel"},
		} {
			code, stdout, stderr := cli(t, append(args, "--rpc", n.URL, "--dev-account", "--deployment", m.File)...)
			if code != cmdutil.ExitError || !strings.Contains(stderr, "is chain 1, not a development chain") || stdout != "" {
				t.Fatalf("%v: exit %d\n%s\n%s", args, code, stdout, stderr)
			}
		}
		after, err := n.Client(t).BalanceAt(context.Background(), n.DevAccount, nil)
		if err != nil {
			t.Fatal(err)
		}
		if nonce, _ := nonces(t, n, n.DevAccount); nonce != 0 || after.Cmp(before) != 0 {
			t.Fatalf("the node's account sent %d transactions, balance %v -> %v", nonce, before, after)
		}
	})
	t.Run("chain 1337 without an account of its own", func(t *testing.T) {
		n := startSimNode(t)
		m := deployMock(t, n, addr(n.Key), addr(n.Key))
		code, _, stderr := cli(t, "chain", "pause", "--rpc", n.URL, "--dev-account", "--deployment", m.File)
		if code != cmdutil.ExitError || !strings.Contains(stderr, "(chain 1337) has no account of its own") {
			t.Fatalf("exit %d\n%s", code, stderr)
		}
	})
	t.Run("chain 1337 with a dev account", func(t *testing.T) {
		n := startSimNodeWith(t, simOptions{devAccount: true})
		m := deployMock(t, n, n.DevAccount, n.DevAccount)
		var p chain.PauseResult
		jsonRun(t, 0, &p, "chain", "pause", "--rpc", n.URL, "--dev-account", "--deployment", m.File)
		if !p.Done || !p.Paused || p.From != n.DevAccount.Hex() {
			t.Fatalf("pause as the dev account: %+v", p)
		}
		jsonRun(t, 0, nil, "chain", "unpause", "--rpc", n.URL, "--dev-account", "--deployment", m.File)
		var res epoch.SubmitResult
		jsonRun(t, 0, &res, "epoch", "submit", m.proofFile(t, 1, genesisPolicy, nil), "--rpc", n.URL, "--dev-account", "--deployment", m.File)
		if !res.Recorded || res.AlreadyRecorded {
			t.Fatalf("submit with --dev-account: %+v", res)
		}
	})
}

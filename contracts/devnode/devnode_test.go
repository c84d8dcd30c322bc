package devnode_test

import (
	"context"
	"errors"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"

	"github.com/zktreasury/zktreasury/contracts"
	"github.com/zktreasury/zktreasury/contracts/devnode"
)

// fakeGeth writes an executable script standing in for geth.
func fakeGeth(t *testing.T, dir, body string) string {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "geth")
	if err := os.WriteFile(p, []byte("#!/bin/sh\n"+body+"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestInstallUsesCachedBinary(t *testing.T) {
	cache := t.TempDir()
	want := fakeGeth(t, filepath.Join(cache, "bin"), `echo "Geth"; echo "Version: `+devnode.GethVersion+`-stable"`)
	// PATH without go: a cache miss would fail instead of building.
	t.Setenv("PATH", "/nonexistent")
	got, err := devnode.Install(context.Background(), cache)
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Fatalf("Install = %s, want %s", got, want)
	}
}

func TestInstallRejectsOtherVersionWithoutGo(t *testing.T) {
	cache := t.TempDir()
	fakeGeth(t, filepath.Join(cache, "bin"), `echo "Version: 1.10.0-stable"`)
	t.Setenv("PATH", "/nonexistent")
	_, err := devnode.Install(context.Background(), cache)
	if err == nil || !strings.Contains(err.Error(), "go command is not on PATH") {
		t.Fatalf("Install with a stale binary and no go: %v", err)
	}
}

func TestStartReportsEarlyExit(t *testing.T) {
	geth := fakeGeth(t, t.TempDir(), `echo "Fatal: something broke" >&2; exit 1`)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	_, err := devnode.Start(ctx, geth)
	if err == nil || !strings.Contains(err.Error(), "something broke") {
		t.Fatalf("Start with a failing binary: %v", err)
	}
}

func TestStartTimesOutAndKills(t *testing.T) {
	geth := fakeGeth(t, t.TempDir(), `exec sleep 600`)
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := devnode.Start(ctx, geth)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Start with a silent binary: %v", err)
	}
	if time.Since(start) > 15*time.Second {
		t.Fatalf("Start took %v to give up and stop the process", time.Since(start))
	}
}

// TestGethEndToEnd installs geth, starts a dev node, deploys the registry with mock verifiers
// and mock feeds, submits an epoch, reads it back and stops the node.
func TestGethEndToEnd(t *testing.T) {
	if os.Getenv("ZKT_E2E") != "1" {
		t.Skip("set ZKT_E2E=1 to run the geth end-to-end test (builds geth " + devnode.GethVersion + " on first use, ~4.5 min)")
	}
	cache := os.Getenv("ZKT_GETH_CACHE")
	if cache == "" {
		var err error
		if cache, err = devnode.DefaultCacheDir(); err != nil {
			t.Fatal(err)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Minute)
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
			t.Errorf("stop: %v", err)
		}
	}()
	if node.ChainID.Cmp(big.NewInt(1337)) != 0 {
		t.Fatalf("chain id %v", node.ChainID)
	}

	key, err := node.FundedKey(ctx, new(big.Int).Mul(big.NewInt(100), big.NewInt(1e18)))
	if err != nil {
		t.Fatal(err)
	}
	auth := bind.NewKeyedTransactor(key, node.ChainID)
	client := node.Client()

	head, err := client.HeaderByNumber(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	genesis := head.Time - 86400
	end := genesis + 3600
	answers := []int64{3_000_00000000, 60_000_00000000, 1_00000000}
	var feeds []contracts.FeedConfig
	var rounds []*big.Int
	for _, a := range answers {
		f, err := contracts.DeployMockFeed(ctx, client, auth, 8, contracts.MockRound{Answer: big.NewInt(a), UpdatedAt: end - 60})
		if err != nil {
			t.Fatal(err)
		}
		feeds = append(feeds, contracts.FeedConfig{Aggregator: f.Proxy, Decimals: 8, CircuitDecimals: 6, Heartbeat: time.Hour})
		rounds = append(rounds, contracts.RoundID(1, 1))
	}
	dep, err := contracts.Deploy(ctx, client, auth, contracts.DeployConfig{
		Governance:        auth.From,
		Guardian:          node.DevAccount,
		GenesisState:      big.NewInt(11),
		GenesisPolicy:     big.NewInt(22),
		GenesisTime:       time.Unix(int64(genesis), 0),
		PolicyDelay:       time.Hour,
		PolicyGracePeriod: time.Hour,
		Verifier:          contracts.VerifierSpec{Kind: contracts.Plonk, Bytecode: contracts.MockVerifierBytecode()},
		ValueDecimals:     12,
		Feeds:             feeds,
		TreeCapacity:      16,
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("deploy gas on geth --dev: registry %d, verifier %d", dep.RegistryGas, dep.VerifierGas)

	reg, err := contracts.NewRegistry(dep.Registry, client, auth)
	if err != nil {
		t.Fatal(err)
	}
	sub := contracts.EpochSubmission{
		Epoch: 1, StartTime: genesis, EndTime: end, StateCommitment: big.NewInt(33), LiabilitiesRoot: big.NewInt(44), ActionsCommitment: big.NewInt(55),
		ActionCount: 2, RoundIDs: rounds, Inflows: []uint64{1, 2, 3}, Outflows: []uint64{4, 5, 6}, Proof: []byte{1, 2, 3},
	}
	receipt, err := reg.SubmitEpoch(ctx, sub)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("submitEpoch gas on geth --dev (mock verifiers): %d", receipt.GasUsed)

	rec, err := reg.EpochRecord(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	if rec.StateCommitment.Cmp(sub.StateCommitment) != 0 || rec.LiabilitiesRoot.Cmp(sub.LiabilitiesRoot) != 0 || rec.ActionCount != 2 ||
		rec.Prices[1].Int64() != 60_000_000_000 || rec.Outflows[2] != 6 {
		t.Fatalf("record %+v", rec)
	}
	root, err := reg.LiabilitiesRoot(ctx, 1)
	if err != nil || root.Cmp(big.NewInt(44)) != 0 {
		t.Fatalf("liabilities root %v, %v", root, err)
	}

	// A real node's revert payload decodes to the named error.
	_, err = reg.SubmitEpoch(ctx, sub)
	if !errors.Is(err, contracts.ErrEpochOutOfOrder) {
		t.Fatalf("replay: %v, want ErrEpochOutOfOrder", err)
	}
	_, err = reg.EpochRecord(ctx, 9)
	if !errors.Is(err, contracts.ErrUnknownEpoch) {
		t.Fatalf("unknown epoch: %v, want ErrUnknownEpoch", err)
	}

	if err := node.Stop(); err != nil {
		t.Fatal(err)
	}
	if _, err := client.ChainID(ctx); err == nil {
		t.Fatal("the node still answers after Stop")
	}
}

package chain_test

import (
	"encoding/json"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/epoch"
	"github.com/zktreasury/zktreasury/contracts"
)

// TestStatusOfRecordedEpoch records an epoch on a registry with a MockVerifier (through the Go
// client, on the simulated node) and checks what `epoch status --registry` shows of it: times
// in UTC, the round, the price the registry derived in USD, the flows in token units, the
// queued policy with its first epoch and expiry.
func TestStatusOfRecordedEpoch(t *testing.T) {
	node := startSimNode(t)
	ctx := ctxT(t)
	client, err := ethclient.Dial(node.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()
	auth := bind.NewKeyedTransactor(node.Key, big.NewInt(1337))
	start, end := epochTimes()
	assets := []struct {
		answer   int64
		decimals uint8
	}{{1_00010000, 6}, {3012_55000000, 6}, {97450_10000000, 8}}
	var feeds []contracts.FeedConfig
	for _, a := range assets {
		f, err := contracts.DeployMockFeed(ctx, client, auth, 8, contracts.MockRound{Answer: big.NewInt(a.answer), UpdatedAt: end - 60})
		if err != nil {
			t.Fatal(err)
		}
		feeds = append(feeds, contracts.FeedConfig{Aggregator: f.Proxy, Decimals: 8, CircuitDecimals: a.decimals, Heartbeat: time.Hour})
	}
	dep, err := contracts.Deploy(ctx, client, auth, contracts.DeployConfig{
		Governance: auth.From, Guardian: auth.From, GenesisState: big.NewInt(11), GenesisPolicy: big.NewInt(22),
		GenesisTime: time.Unix(int64(start), 0), PolicyDelay: time.Hour, PolicyGracePeriod: 2 * time.Hour,
		Verifier:      contracts.VerifierSpec{Kind: contracts.Groth16, Bytecode: contracts.MockVerifierBytecode()},
		ValueDecimals: 12, Feeds: feeds, TreeCapacity: 16,
	})
	if err != nil {
		t.Fatal(err)
	}
	reg, err := contracts.NewRegistry(dep.Registry, client, auth)
	if err != nil {
		t.Fatal(err)
	}
	r1 := contracts.RoundID(1, 1)
	if _, err := reg.SubmitEpoch(ctx, contracts.EpochSubmission{
		Epoch: 1, StartTime: start, EndTime: end, StateCommitment: big.NewInt(33), LiabilitiesRoot: big.NewInt(44),
		ActionsCommitment: big.NewInt(55), ActionCount: 2, RoundIDs: []*big.Int{r1, r1, r1},
		Inflows: []uint64{1_500_000, 0, 12_345_678}, Outflows: []uint64{250_000, 7, 0}, Proof: []byte{1},
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := reg.QueuePolicy(ctx, big.NewInt(77), 3); err != nil {
		t.Fatal(err)
	}

	code, stdout, stderr := cli(t, "epoch", "status", "--rpc", node.URL, "--registry", dep.Registry.Hex(), "--json")
	if code != 0 {
		t.Fatalf("status: exit %d\n%s", code, stderr)
	}
	var st epoch.StatusResult
	if err := json.Unmarshal([]byte(stdout), &st); err != nil {
		t.Fatalf("%v\n%s", err, stdout)
	}
	r := st.Record
	if st.LastEpoch != 1 || st.LastEnd.Unix() != int64(end) || r.Start.Unix() != int64(start) || r.End.Unix() != int64(end) ||
		len(r.Assets) != 3 || r.Assets[0].Inflow != "1.5" || r.Assets[0].Outflow != "0.25" || r.Assets[2].Inflow != "0.12345678" ||
		r.Assets[1].Outflow != "0.000007" || r.Assets[1].PriceUSD != "3012.55" || r.Assets[1].Price != "3012550000" ||
		r.Assets[2].PriceUSD != "97450.1" || r.Assets[0].RoundID != "18446744073709551617" || r.Assets[1].Symbol != "asset1" ||
		st.Pending == nil || st.Pending.FromEpoch != 3 || st.Pending.ExpiresAt.Sub(st.Pending.ETA) != 2*time.Hour {
		t.Fatalf("status %+v\nrecord %+v", st, r)
	}
	code, stdout, _ = cli(t, "epoch", "status", "--rpc", node.URL, "--registry", dep.Registry.Hex())
	for _, want := range []string{"queued policy", "from epoch 3", "asset1", "3012.55 USD (round 18446744073709551617), in 0, out 0.000007", " UTC"} {
		if code != 0 || !strings.Contains(stdout, want) {
			t.Fatalf("status table: exit %d, no %q in\n%s", code, want, stdout)
		}
	}
}

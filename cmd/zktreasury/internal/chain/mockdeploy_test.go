package chain_test

import (
	"crypto/ecdsa"
	"encoding/json"
	"fmt"
	"math/big"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/chain"
	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
	"github.com/zktreasury/zktreasury/contracts"
	"github.com/zktreasury/zktreasury/contracts/bindings/mockverifier"
	"github.com/zktreasury/zktreasury/prover/prooffile"
	"github.com/zktreasury/zktreasury/prover/statement"
	"github.com/zktreasury/zktreasury/prover/statement/epochhash"
)

// mockDeployment is a registry with a MockVerifier (it accepts any proof) and three mock feeds
// on a simNode, deployed through the Go client, and the deployment file the CLI reads: the
// registry's own checks (order, times, rounds, pause, roles, timelock) are all real.
type mockDeployment struct {
	File string
	Dep  *chain.Deployment
	// Start is the genesis time; epoch n covers [Start + (n-1)h, Start + n h).
	Start uint64
	// Prices are the circuit prices the registry derives from the feeds' round.
	Prices []*big.Int
	// Operator is the deploying key's Go handle on the registry.
	Operator *contracts.Registry
	// Verifier is the MockVerifier the registry calls.
	Verifier common.Address
}

// setAccept makes the MockVerifier accept every proof, or refuse every one.
func (m *mockDeployment) setAccept(t *testing.T, n *simNode, accept bool) {
	t.Helper()
	client := n.Client(t)
	a, err := mockverifier.MockVerifierMetaData.ParseABI()
	if err != nil {
		t.Fatal(err)
	}
	bc := bind.NewBoundContract(m.Verifier, *a, client, client, client)
	tx, err := bind.Transact(bc, bind.NewKeyedTransactor(n.Key, n.ChainID), mockverifier.NewMockVerifier().PackSetAccept(accept))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := bind.WaitMined(ctxT(t), client, tx.Hash()); err != nil {
		t.Fatal(err)
	}
}

var (
	mockSymbols    = []string{"USDC", "WETH", "WBTC"}
	mockAnswers    = []int64{1_00010000, 3012_55000000, 97450_10000000}
	mockDecimals   = []uint8{6, 6, 8}
	genesisState   = big.NewInt(11)
	genesisPolicy  = big.NewInt(22)
	mockValueDecim = uint8(12)
)

func newKey(t *testing.T) *ecdsa.PrivateKey {
	t.Helper()
	k, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func addr(k *ecdsa.PrivateKey) common.Address { return crypto.PubkeyToAddress(k.PublicKey) }

// deployMock deploys the registry with these roles, a 1h policy delay and a 2h grace period.
func deployMock(t *testing.T, n *simNode, governance, guardian common.Address) *mockDeployment {
	t.Helper()
	return deployMockWith(t, n, governance, guardian, genesisPolicy)
}

// deployMockWith is deployMock with a genesis policy commitment of the caller's.
func deployMockWith(t *testing.T, n *simNode, governance, guardian common.Address, policy *big.Int) *mockDeployment {
	t.Helper()
	ctx := ctxT(t)
	client := n.Client(t)
	auth := bind.NewKeyedTransactor(n.Key, n.ChainID)
	start := uint64(time.Now().Add(-24 * time.Hour).Unix())
	m := &mockDeployment{Start: start}
	dep := &chain.Deployment{Format: chain.DeploymentFormat, ChainID: n.ChainID.Uint64(), Backend: "groth16",
		Verifier:     chain.Verifier{Circuit: "epoch", Params: "mock", CircuitDigest: strings.Repeat("c", 64), VerifyingKeyDigest: strings.Repeat("d", 64)},
		GenesisState: fmt.Sprintf("0x%064x", genesisState), PolicyCommitment: fmt.Sprintf("0x%064x", policy),
		GenesisTime: time.Unix(int64(start), 0).UTC(), Governance: governance, Guardian: guardian, Deployer: auth.From,
		PolicyDelaySeconds: 3600, PolicyGraceSeconds: 7200, ValueDecimals: mockValueDecim, TreeCapacity: 16}
	var feeds []contracts.FeedConfig
	for i, sym := range mockSymbols {
		f, err := contracts.DeployMockFeed(ctx, client, auth, 8, contracts.MockRound{Answer: big.NewInt(mockAnswers[i]), UpdatedAt: start + 3600 - 60})
		if err != nil {
			t.Fatal(err)
		}
		feeds = append(feeds, contracts.FeedConfig{Aggregator: f.Proxy, Decimals: 8, CircuitDecimals: mockDecimals[i], Heartbeat: 24 * time.Hour})
		dep.Feeds = append(dep.Feeds, chain.Feed{Symbol: sym, Aggregator: f.Proxy, Decimals: 8, CircuitDecimals: mockDecimals[i], HeartbeatSeconds: 86400,
			Mock: true, MockAggregator: f.Aggregator, MockRound: contracts.RoundID(f.Phase, 1).String()})
		scale, err := contracts.NewPriceScale(8, mockValueDecim, mockDecimals[i])
		if err != nil {
			t.Fatal(err)
		}
		p, err := scale.Price(big.NewInt(mockAnswers[i]))
		if err != nil {
			t.Fatal(err)
		}
		m.Prices = append(m.Prices, p)
	}
	d, err := contracts.Deploy(ctx, client, auth, contracts.DeployConfig{
		Governance: governance, Guardian: guardian, GenesisState: genesisState, GenesisPolicy: policy,
		GenesisTime: time.Unix(int64(start), 0), PolicyDelay: time.Hour, PolicyGracePeriod: 2 * time.Hour,
		Verifier:      contracts.VerifierSpec{Kind: contracts.Groth16, Bytecode: contracts.MockVerifierBytecode()},
		ValueDecimals: mockValueDecim, Feeds: feeds, TreeCapacity: 16,
	})
	if err != nil {
		t.Fatal(err)
	}
	dep.Registry, dep.Block, dep.RegistryGas = d.Registry, d.Block, d.RegistryGas
	m.Verifier = d.Verifier
	m.File = filepath.Join(t.TempDir(), "deployment.json")
	if err := chain.WriteDeployment(m.File, dep); err != nil {
		t.Fatal(err)
	}
	m.Dep = dep
	if m.Operator, err = contracts.NewRegistry(d.Registry, client, auth); err != nil {
		t.Fatal(err)
	}
	return m
}

// epochValues are the public inputs of a proof of epoch n, by name: judged by policy, from the
// state of epoch n-1 (genesis, or 1000 + n - 1), at the feeds' prices.
func (m *mockDeployment) epochValues(n uint64, policy *big.Int) map[string]*big.Int {
	prev := genesisState
	if n > 1 {
		prev = big.NewInt(int64(1000 + n - 1))
	}
	start := m.Start + (n-1)*3600
	v := map[string]*big.Int{
		"policyCommitment": policy, "prevStateCommitment": prev, "newStateCommitment": big.NewInt(int64(1000 + n)),
		"liabilitiesRoot": big.NewInt(int64(2000 + n)), "actionsCommitment": big.NewInt(int64(3000 + n)), "actionCount": big.NewInt(2),
		"epoch": new(big.Int).SetUint64(n), "startTime": new(big.Int).SetUint64(start), "endTime": new(big.Int).SetUint64(start + 3600),
	}
	for i, s := range mockSymbols {
		v["price."+s], v["inflow."+s], v["outflow."+s] = m.Prices[i], big.NewInt(7), big.NewInt(3)
	}
	return v
}

// proofFile writes a proof file of epoch n under policy (naming the feeds' round), with edit
// applied to its public inputs; the MockVerifier accepts its calldata.
func (m *mockDeployment) proofFile(t *testing.T, n uint64, policy *big.Int, edit func(map[string]*big.Int)) string {
	t.Helper()
	v := m.epochValues(n, policy)
	if edit != nil {
		edit(v)
	}
	f := &prooffile.File{Circuit: "epoch", Params: "mock", Backend: "groth16", CircuitDigest: m.Dep.Verifier.CircuitDigest,
		VerifyingKeyDigest: m.Dep.Verifier.VerifyingKeyDigest, Insecure: true, Proof: "0x00",
		Solidity: prooffile.Solidity{Proof: "0x" + strings.Repeat("ab", 256)}, Rounds: map[string]string{}}
	hv := &epochhash.Values{PolicyCommitment: v["policyCommitment"], PrevStateCommitment: v["prevStateCommitment"],
		NewStateCommitment: v["newStateCommitment"], LiabilitiesRoot: v["liabilitiesRoot"], ActionsCommitment: v["actionsCommitment"],
		ActionCount: v["actionCount"].Uint64(), Epoch: v["epoch"].Uint64(), StartTime: v["startTime"].Uint64(), EndTime: v["endTime"].Uint64()}
	for _, s := range mockSymbols {
		hv.Prices = append(hv.Prices, v["price."+s].Uint64())
		hv.Inflows = append(hv.Inflows, v["inflow."+s].Uint64())
		hv.Outflows = append(hv.Outflows, v["outflow."+s].Uint64())
	}
	h, err := hv.Hash()
	if err != nil {
		t.Fatal(err)
	}
	v[statement.PublicHashName] = h
	for _, name := range contracts.EpochInputLayout(mockSymbols) {
		f.PublicInputs = append(f.PublicInputs, statement.NamedInput{Name: name, Value: fmt.Sprintf("0x%064x", v[name])})
	}
	f.Solidity.Input = []string{fmt.Sprintf("0x%064x", h)}
	for _, fd := range m.Dep.Feeds {
		f.Rounds[fd.Symbol] = fd.MockRound
	}
	p := filepath.Join(t.TempDir(), fmt.Sprintf("epoch-%d.proof.json", n))
	if err := prooffile.Write(p, f); err != nil {
		t.Fatal(err)
	}
	return p
}

// jsonRun runs a CLI command with --json, checks its exit code and decodes its stdout.
func jsonRun(t *testing.T, want int, out any, args ...string) string {
	t.Helper()
	code, stdout, stderr := cli(t, append(args, "--json")...)
	if code != want {
		t.Fatalf("%v: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", args, code, want, stdout, stderr)
	}
	if out != nil && (code == 0 || code == cmdutil.ExitNo || strings.TrimSpace(stdout) != "") {
		if err := json.Unmarshal([]byte(stdout), out); err != nil {
			t.Fatalf("%v --json: %v\n%s", args, err, stdout)
		}
	}
	return stderr
}

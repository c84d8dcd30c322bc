package contracts_test

import (
	"context"
	"crypto/ecdsa"
	"fmt"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/node"

	"github.com/zktreasury/zktreasury/contracts"
	"github.com/zktreasury/zktreasury/contracts/bindings/mockverifier"
)

// autoMine mines a block after every transaction, so the client's WaitMined returns as it
// would on geth --dev.
type autoMine struct {
	simulated.Client
	sim *simulated.Backend
}

func (a autoMine) SendTransaction(ctx context.Context, tx *types.Transaction) error {
	if err := a.Client.SendTransaction(ctx, tx); err != nil {
		return err
	}
	a.sim.Commit()
	return nil
}

// chain is a simulated chain with an operator (who deploys and submits), governance, a
// guardian and a stranger, all funded.
type chain struct {
	sim        *simulated.Backend
	client     contracts.Backend
	operator   *bind.TransactOpts
	governance *bind.TransactOpts
	guardian   *bind.TransactOpts
	stranger   *bind.TransactOpts
}

// rules picks the simulated chain's fork.
type rules int

const (
	// devRules is simulated.NewBackend's default, the same as geth --dev's: in go-ethereum
	// v1.17 every fork including the experimental "Bogota" (EIP-8037 state gas, EIP-8038 state
	// access repricing), which prices new storage far above mainnet.
	devRules rules = iota
	// osakaRules is mainnet's current fork: the rules gas budgets are set against.
	osakaRules
)

func (r rules) String() string {
	if r == osakaRules {
		return "osaka"
	}
	return "dev"
}

// withoutBogota drops the experimental forks from the simulated chain's config.
func withoutBogota(_ *node.Config, ec *ethconfig.Config) {
	cfg := *ec.Genesis.Config
	cfg.BogotaTime = nil
	cfg.AmsterdamTime = nil
	ec.Genesis.Config = &cfg
}

func newChain(t testing.TB) *chain { return newChainRules(t, devRules) }

func newChainRules(t testing.TB, r rules) *chain {
	t.Helper()
	keys := make([]*ecdsa.PrivateKey, 4)
	alloc := types.GenesisAlloc{}
	funds := new(big.Int).Mul(big.NewInt(1000), big.NewInt(1e18))
	for i := range keys {
		k, err := crypto.GenerateKey()
		if err != nil {
			t.Fatal(err)
		}
		keys[i] = k
		alloc[crypto.PubkeyToAddress(k.PublicKey)] = types.Account{Balance: funds}
	}
	opts := []func(*node.Config, *ethconfig.Config){simulated.WithBlockGasLimit(60_000_000)}
	if r == osakaRules {
		opts = append(opts, withoutBogota)
	}
	sim := simulated.NewBackend(alloc, opts...)
	t.Cleanup(func() { sim.Close() })
	// The simulated chain starts at time 0; move it to the wall clock, as a real chain is, so
	// test epochs can lie in its past.
	if err := sim.AdjustTime(time.Until(time.Unix(0, 0)) * -1); err != nil {
		t.Fatal(err)
	}
	chainID := big.NewInt(1337)
	return &chain{
		sim:        sim,
		client:     autoMine{Client: sim.Client(), sim: sim},
		operator:   bind.NewKeyedTransactor(keys[0], chainID),
		governance: bind.NewKeyedTransactor(keys[1], chainID),
		guardian:   bind.NewKeyedTransactor(keys[2], chainID),
		stranger:   bind.NewKeyedTransactor(keys[3], chainID),
	}
}

func ctxT(t testing.TB) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	return ctx
}

// headTime is the latest block's timestamp.
func (c *chain) headTime(t testing.TB) uint64 {
	t.Helper()
	h, err := c.client.HeaderByNumber(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	return h.Time
}

// send signs data to a contract and requires it to succeed.
func (c *chain) send(t testing.TB, auth *bind.TransactOpts, to common.Address, data []byte) *types.Receipt {
	t.Helper()
	bound := bind.NewBoundContract(to, mockverifier.NewMockVerifier().GetABI(), c.client, c.client, c.client)
	opts := *auth
	tx, err := bind.Transact(bound, &opts, data)
	if err != nil {
		t.Fatalf("send to %s: %v", to, err)
	}
	r, err := contracts.WaitMined(ctxT(t), c.client, tx)
	if err != nil {
		t.Fatal(err)
	}
	if r.Status != types.ReceiptStatusSuccessful {
		t.Fatalf("tx to %s reverted", to)
	}
	return r
}

// The test assets: 8-decimal USD feeds (as Chainlink's), value units of 1e-12 USD, circuit
// scales 6, 6, 8 and 6, so a circuit price is answer / 100 (answer / 10^4 for WBTC).
type testAsset struct {
	symbol          string
	answer          int64
	circuitDecimals uint8
}

var testAssets = []testAsset{
	{"USDC", 1_00010000, 6},
	{"WETH", 3012_55000000, 6},
	{"WBTC", 97450_10000000, 8},
	{"DAI", 99980000, 6},
}

const (
	testFeedDecimals  = 8
	testValueDecimals = 12
	testHeartbeat     = 24 * time.Hour
	testPolicyDelay   = 24 * time.Hour
	testPolicyGrace   = 7 * 24 * time.Hour
	// testEpochLength is each test epoch's length; every epoch is priced by a round updated
	// testRoundLead before its end.
	testEpochLength = 6 * time.Hour
	testRoundLead   = time.Minute
	testCapacity    = 16
)

var (
	genesisState  = big.NewInt(1001)
	genesisPolicy = big.NewInt(2002)
)

func testSymbols() []string {
	out := make([]string, len(testAssets))
	for i, a := range testAssets {
		out[i] = a.symbol
	}
	return out
}

// assetsN is n test assets: the four of testAssets in turn, the symbols of the repeats numbered
// (USDC, WETH, WBTC, DAI, USDC2, ...).
func assetsN(n int) []testAsset {
	out := make([]testAsset, n)
	for i := range out {
		out[i] = testAssets[i%len(testAssets)]
		if i >= len(testAssets) {
			out[i].symbol += fmt.Sprint(i/len(testAssets) + 1)
		}
	}
	return out
}

// testPrice is asset i's circuit price for an answer.
func testPrice(i int, answer *big.Int) *big.Int {
	s, err := contracts.NewPriceScale(testFeedDecimals, testValueDecimals, testAssets[i%len(testAssets)].circuitDecimals)
	if err != nil {
		panic(err)
	}
	p, err := s.Price(answer)
	if err != nil {
		panic(err)
	}
	return p
}

// feedEnv is a chain with one Chainlink-shaped mock feed per test asset and a genesis time in
// the past, from which test epochs of testEpochLength follow each other.
type feedEnv struct {
	*chain
	assets  []testAsset
	feeds   []contracts.MockFeed
	genesis uint64
}

func newFeedEnv(t testing.TB, r rules) *feedEnv { return newFeedEnvN(t, r, len(testAssets)) }

// newFeedEnvN is a feed env with n assets (assetsN).
func newFeedEnvN(t testing.TB, r rules, n int) *feedEnv {
	t.Helper()
	c := newChainRules(t, r)
	e := &feedEnv{chain: c, assets: assetsN(n), genesis: c.headTime(t) - uint64(30*24*time.Hour/time.Second)}
	for _, a := range e.assets {
		// Round 1 prices genesis: updated before it, current at deploy.
		f, err := contracts.DeployMockFeed(ctxT(t), c.client, c.operator, testFeedDecimals,
			contracts.MockRound{Answer: big.NewInt(a.answer), UpdatedAt: e.genesis - 60})
		if err != nil {
			t.Fatal(err)
		}
		e.feeds = append(e.feeds, f)
	}
	return e
}

// start and end are epoch n's bounds.
func (e *feedEnv) start(n uint64) uint64 {
	return e.genesis + (n-1)*uint64(testEpochLength/time.Second)
}
func (e *feedEnv) end(n uint64) uint64 { return e.start(n + 1) }

// priceEpoch adds one round per feed updated testRoundLead before epoch n's end, answering
// the assets' answers, and returns the round ids.
func (e *feedEnv) priceEpoch(t testing.TB, n uint64) []*big.Int {
	t.Helper()
	var ids []*big.Int
	for i, a := range e.assets {
		id, err := contracts.AddMockRounds(ctxT(t), e.client, e.operator, e.feeds[i],
			contracts.MockRound{Answer: big.NewInt(a.answer), UpdatedAt: e.end(n) - uint64(testRoundLead/time.Second)})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id[0])
	}
	return ids
}

func (e *feedEnv) feedConfigs() []contracts.FeedConfig {
	var out []contracts.FeedConfig
	for i, f := range e.feeds {
		out = append(out, contracts.FeedConfig{Aggregator: f.Proxy, Decimals: testFeedDecimals,
			CircuitDecimals: e.assets[i].circuitDecimals, Heartbeat: testHeartbeat})
	}
	return out
}

func (e *feedEnv) baseConfig(v contracts.VerifierSpec) contracts.DeployConfig {
	return contracts.DeployConfig{
		Governance:        e.governance.From,
		Guardian:          e.guardian.From,
		GenesisState:      genesisState,
		GenesisPolicy:     genesisPolicy,
		GenesisTime:       time.Unix(int64(e.genesis), 0),
		PolicyDelay:       testPolicyDelay,
		PolicyGracePeriod: testPolicyGrace,
		Verifier:          v,
		ValueDecimals:     testValueDecimals,
		Feeds:             e.feedConfigs(),
		TreeCapacity:      testCapacity,
	}
}

// testProof is a stand-in proof the mock verifier ignores; its length (45) is deliberately
// not a multiple of 32 to exercise the calldata padding.
func testProof() []byte {
	p := make([]byte, 45)
	for i := range p {
		p[i] = byte(i + 1)
	}
	return p
}

// submissionFor is a well-formed epoch n priced at rounds, with an inflow and an outflow.
func (e *feedEnv) submissionFor(n uint64, rounds []*big.Int) contracts.EpochSubmission {
	s := contracts.EpochSubmission{
		Epoch:             n,
		StartTime:         e.start(n),
		EndTime:           e.end(n),
		StateCommitment:   big.NewInt(int64(5000 + n)),
		LiabilitiesRoot:   big.NewInt(int64(7000 + n)),
		ActionsCommitment: big.NewInt(int64(9000 + n)),
		ActionCount:       3,
		RoundIDs:          rounds,
		Proof:             testProof(),
	}
	for i := range e.assets {
		s.Inflows = append(s.Inflows, uint64(1000*(i+1))+n)
		s.Outflows = append(s.Outflows, uint64(500*(i+1))+n)
	}
	return s
}

// testPrices are the circuit prices of the test answers.
func testPrices() []*big.Int { return pricesN(len(testAssets)) }

// pricesN are the circuit prices of assetsN(n).
func pricesN(n int) []*big.Int {
	var out []*big.Int
	for i, a := range assetsN(n) {
		out = append(out, testPrice(i, big.NewInt(a.answer)))
	}
	return out
}

// epochInputs are the public inputs the registry must build: the one public hash of the
// statement (its Go twin, contracts.EpochPublicHash).
func epochInputs(s contracts.EpochSubmission, policy, prev *big.Int, prices []*big.Int) []*big.Int {
	h, err := contracts.EpochPublicHash(s, policy, prev, prices)
	if err != nil {
		panic(err)
	}
	return []*big.Int{h}
}

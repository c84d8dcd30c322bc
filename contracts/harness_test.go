package contracts_test

import (
	"context"
	"crypto/ecdsa"
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

// Three assets, 8-decimal USD feeds, circuit price = answer / 100.
var (
	feedAnswers = []int64{3_000_00000000, 60_000_00000000, 1_00000000}
	feedDen     = big.NewInt(100)
)

func expectedPrices() []*big.Int {
	out := make([]*big.Int, len(feedAnswers))
	for i, a := range feedAnswers {
		out[i] = new(big.Int).Quo(big.NewInt(a), feedDen)
	}
	return out
}

const (
	testToleranceBps = 50
	testMaxPriceAge  = time.Hour
	testPolicyDelay  = 24 * time.Hour
)

var (
	genesisState  = big.NewInt(1001)
	genesisPolicy = big.NewInt(2002)
)

// deployFeeds deploys one mock feed per asset.
func (c *chain) deployFeeds(t testing.TB) []common.Address {
	t.Helper()
	var out []common.Address
	for _, a := range feedAnswers {
		addr, err := contracts.DeployMockFeed(ctxT(t), c.client, c.operator, 8, big.NewInt(a))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, addr)
	}
	return out
}

func feedConfigs(feeds []common.Address) []contracts.FeedConfig {
	var out []contracts.FeedConfig
	for _, f := range feeds {
		out = append(out, contracts.FeedConfig{Aggregator: f, Decimals: 8, PriceNum: big.NewInt(1), PriceDen: feedDen})
	}
	return out
}

func baseConfig(c *chain, feeds []common.Address, solvency, compliance contracts.VerifierSpec) contracts.DeployConfig {
	return contracts.DeployConfig{
		Governance:    c.governance.From,
		Guardian:      c.guardian.From,
		GenesisState:  genesisState,
		GenesisPolicy: genesisPolicy,
		PolicyDelay:   testPolicyDelay,
		Solvency:      solvency,
		Compliance:    compliance,
		Feeds:         feedConfigs(feeds),
		ToleranceBps:  testToleranceBps,
		MaxPriceAge:   testMaxPriceAge,
	}
}

// solvencyInputs and complianceInputs are the public inputs the registry must build, in the
// order of the contract's documentation.
func solvencyInputs(s contracts.EpochSubmission, policy *big.Int) []*big.Int {
	in := []*big.Int{s.StateCommitment, s.LiabilitiesRoot, policy, new(big.Int).SetUint64(s.Epoch)}
	return append(in, s.Prices...)
}

func complianceInputs(s contracts.EpochSubmission, policy, prev *big.Int) []*big.Int {
	in := []*big.Int{policy, prev, s.StateCommitment, s.ActionsCommitment,
		new(big.Int).SetUint64(s.ActionCount), new(big.Int).SetUint64(s.Epoch)}
	return append(in, s.Prices...)
}

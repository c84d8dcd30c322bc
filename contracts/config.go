package contracts

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/zktreasury/zktreasury/contracts/bindings/epochregistry"
)

// VerifierSpec is the registry's epoch-circuit verifier: either creation code to deploy, or
// the address of one already deployed.
type VerifierSpec struct {
	// Kind is the ABI the verifier speaks.
	Kind VerifierKind
	// Bytecode is the verifier's creation code (an artifact's bin, hex-decoded). When empty,
	// Address is used as is.
	Bytecode []byte
	// Address of an already deployed verifier; ignored when Bytecode is set.
	Address common.Address
}

// ParseVerifierKind parses a proof system name, "groth16" or "plonk".
func ParseVerifierKind(s string) (VerifierKind, error) {
	switch s {
	case "groth16":
		return Groth16, nil
	case "plonk":
		return Plonk, nil
	}
	return 0, fmt.Errorf("unknown verifier kind %q: want groth16 or plonk", s)
}

// FeedConfig is one asset's Chainlink feed (the proxy's address). The registry converts the
// answer of the round a submission names into the asset's circuit price (see PriceScale).
type FeedConfig struct {
	// Aggregator is a contract with Chainlink's AggregatorV3Interface, getRoundData included.
	Aggregator common.Address
	// Decimals must equal the feed's decimals(); the registry checks it at deploy.
	Decimals uint8
	// CircuitDecimals is the asset's circuit scale (the policy's circuitDecimals).
	CircuitDecimals uint8
	// Heartbeat is the feed's own maximum age, whole seconds, at least one: a round updated
	// more than Heartbeat before an epoch's end is stale for it.
	Heartbeat time.Duration
}

// SequencerConfig is Chainlink's L2 sequencer-uptime feed: submissions are refused while it
// reports the sequencer down (answer 1) and for GracePeriod after it came back up.
type SequencerConfig struct {
	// Feed is the uptime feed's address.
	Feed common.Address
	// GracePeriod is how long after the sequencer came up submissions wait, whole seconds.
	GracePeriod time.Duration
}

// DeployConfig is everything fixed at the registry's deploy.
type DeployConfig struct {
	// Governance queues and executes policy changes, can pause and is the only one who can
	// unpause; it hands the role over in two steps.
	Governance common.Address
	// Guardian can pause.
	Guardian common.Address
	// GenesisState is S(0), the state commitment epoch 1 starts from.
	GenesisState *big.Int
	// GenesisPolicy is the policy commitment that judges epochs until a change is executed.
	GenesisPolicy *big.Int
	// GenesisTime is epoch 1's start (whole seconds, not after the deploy block).
	GenesisTime time.Time
	// PolicyDelay is the timelock on policy changes, whole seconds, at least one.
	PolicyDelay time.Duration
	// PolicyGracePeriod is how long after its delay a queued policy stays executable, whole
	// seconds, at least one.
	PolicyGracePeriod time.Duration
	// Verifier is the epoch-circuit verifier.
	Verifier VerifierSpec
	// ValueDecimals is the policy's value scale: value units are 10^-ValueDecimals USD.
	ValueDecimals uint8
	// Feeds has one feed per asset, in the policy's asset order.
	Feeds []FeedConfig
	// Sequencer is the optional L2 sequencer-uptime feed (nil on L1).
	Sequencer *SequencerConfig
	// TreeCapacity is the liabilities tree's capacity the epoch circuit is built for.
	TreeCapacity uint64
}

var (
	maxUint80 = new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 80), big.NewInt(1))
	// ScalarField is the BN254 scalar field modulus: every public input is below it.
	ScalarField, _ = new(big.Int).SetString("21888242871839275222246405745257275088548364400416034343698204186575808495617", 10)
	// MaxPrice is the largest circuit price, 2^64 - 1: the circuits range-check prices to 64 bits.
	MaxPrice = new(big.Int).SetUint64(^uint64(0))
)

// MinDeployPrice is the smallest circuit price a feed's current answer may convert to at deploy:
// a coarser conversion rounds prices by more than 1 bps.
const MinDeployPrice = 10_000

// Validate reports the first problem with the config, naming the field.
func (c DeployConfig) Validate() error {
	if c.Governance == (common.Address{}) {
		return errors.New("governance address is zero")
	}
	if c.Guardian == (common.Address{}) {
		return errors.New("guardian address is zero")
	}
	if err := checkField("genesis state", c.GenesisState); err != nil {
		return err
	}
	if err := checkField("genesis policy", c.GenesisPolicy); err != nil {
		return err
	}
	if c.GenesisTime.Unix() <= 0 || c.GenesisTime.Nanosecond() != 0 {
		return fmt.Errorf("genesis time %v must be a positive whole number of unix seconds", c.GenesisTime)
	}
	if err := checkSeconds("policy delay", c.PolicyDelay, 1<<40); err != nil {
		return err
	}
	if err := checkSeconds("policy grace period", c.PolicyGracePeriod, 1<<40); err != nil {
		return err
	}
	if c.Verifier.Kind != Groth16 && c.Verifier.Kind != Plonk {
		return fmt.Errorf("verifier: unknown kind %d", c.Verifier.Kind)
	}
	if len(c.Verifier.Bytecode) == 0 && c.Verifier.Address == (common.Address{}) {
		return errors.New("verifier: neither bytecode nor address given")
	}
	if c.TreeCapacity == 0 {
		return errors.New("tree capacity is zero")
	}
	if len(c.Feeds) == 0 {
		return errors.New("no price feeds")
	}
	for i, f := range c.Feeds {
		if f.Aggregator == (common.Address{}) {
			return fmt.Errorf("feeds[%d]: aggregator address is zero", i)
		}
		if err := checkSeconds(fmt.Sprintf("feeds[%d]: heartbeat", i), f.Heartbeat, 1<<32-1); err != nil {
			return err
		}
		if _, err := NewPriceScale(f.Decimals, c.ValueDecimals, f.CircuitDecimals); err != nil {
			return fmt.Errorf("feeds[%d]: %w", i, err)
		}
	}
	if s := c.Sequencer; s != nil {
		if s.Feed == (common.Address{}) {
			return errors.New("sequencer feed address is zero")
		}
		if s.GracePeriod < 0 || s.GracePeriod%time.Second != 0 || s.GracePeriod > (1<<32-1)*time.Second {
			return fmt.Errorf("sequencer grace period %v must be a whole number of seconds below 2^32", s.GracePeriod)
		}
	}
	return nil
}

// PriceScale is the registry's conversion of a feed's answer into a circuit price (value units
// per circuit unit): answer * 10^Exp, or floor(answer / 10^Exp) when Down. It is what
// src/PriceConversion.sol computes, and what treasury/fixed.Price computes from the answer in
// USD; a fuzz test holds the three together.
type PriceScale struct {
	// Exp is |valueDecimals - feedDecimals - circuitDecimals|, at most 76.
	Exp uint8
	// Down is true when that difference is negative.
	Down bool
}

// NewPriceScale returns the conversion for a feed with feedDecimals, value units of
// 10^-valueDecimals USD and an asset at circuit scale circuitDecimals.
func NewPriceScale(feedDecimals, valueDecimals, circuitDecimals uint8) (PriceScale, error) {
	e := int(valueDecimals) - int(feedDecimals) - int(circuitDecimals)
	s := PriceScale{Down: e < 0}
	if e < 0 {
		e = -e
	}
	if e > 76 {
		return PriceScale{}, fmt.Errorf("price conversion 10^%d (value decimals %d, feed decimals %d, circuit decimals %d) is beyond 10^76",
			e, valueDecimals, feedDecimals, circuitDecimals)
	}
	s.Exp = uint8(e)
	return s, nil
}

// Price converts a feed answer into the circuit price the registry derives from it; it fails,
// as the registry does, for an answer <= 0 and for a price of 0 or above MaxPrice.
func (s PriceScale) Price(answer *big.Int) (*big.Int, error) {
	if answer == nil || answer.Sign() <= 0 {
		return nil, fmt.Errorf("feed answer %v is not positive", answer)
	}
	p := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(s.Exp)), nil)
	if s.Down {
		p.Quo(answer, p)
	} else {
		p.Mul(answer, p)
	}
	if p.Sign() == 0 || p.Cmp(MaxPrice) > 0 {
		return nil, fmt.Errorf("feed answer %v converts to %v value units per circuit unit, outside [1, 2^64)", answer, p)
	}
	return p, nil
}

func checkField(name string, v *big.Int) error {
	if v == nil {
		return fmt.Errorf("%s is missing", name)
	}
	if v.Sign() < 0 || v.Cmp(ScalarField) >= 0 {
		return fmt.Errorf("%s %v is not in the BN254 scalar field", name, v)
	}
	return nil
}

func checkSeconds(name string, d time.Duration, maxSeconds uint64) error {
	if d < time.Second || d%time.Second != 0 || uint64(d/time.Second) > maxSeconds {
		return fmt.Errorf("%s %v must be a whole number of seconds, at least 1s and at most %ds", name, d, maxSeconds)
	}
	return nil
}

// Deployment is what Deploy put on chain, and the gas each deployment used.
type Deployment struct {
	// Registry is the EpochRegistry's address.
	Registry common.Address
	// Block is the block the registry was created in: its genesis EpochRecorded event is there.
	Block uint64
	// Verifier is the epoch-circuit verifier the registry calls.
	Verifier common.Address
	// RegistryGas and VerifierGas are the receipts' gas used; a verifier given by address has 0.
	RegistryGas, VerifierGas uint64
}

// Deploy deploys the verifier when given as bytecode, then the registry, signing with auth,
// and waits for each to be mined.
func Deploy(ctx context.Context, backend Backend, auth *bind.TransactOpts, cfg DeployConfig) (Deployment, error) {
	var d Deployment
	if backend == nil || auth == nil {
		return d, errors.New("deploy: nil backend or transact opts")
	}
	if err := cfg.Validate(); err != nil {
		return d, fmt.Errorf("deploy: %w", err)
	}
	var err error
	if d.Verifier, d.VerifierGas, err = deployVerifier(ctx, backend, auth, cfg.Verifier); err != nil {
		return d, fmt.Errorf("deploy epoch verifier: %w", err)
	}
	params := epochregistry.EpochRegistryInitParams{
		Governance:        cfg.Governance,
		Guardian:          cfg.Guardian,
		GenesisState:      cfg.GenesisState,
		GenesisPolicy:     cfg.GenesisPolicy,
		GenesisTime:       uint64(cfg.GenesisTime.Unix()),
		PolicyDelay:       uint64(cfg.PolicyDelay / time.Second),
		PolicyGracePeriod: uint64(cfg.PolicyGracePeriod / time.Second),
		Verifier:          epochregistry.EpochRegistryVerifierConfig{Verifier: d.Verifier, Kind: uint8(cfg.Verifier.Kind)},
		ValueDecimals:     cfg.ValueDecimals,
		TreeCapacity:      cfg.TreeCapacity,
	}
	if cfg.Sequencer != nil {
		params.SequencerFeed = cfg.Sequencer.Feed
		params.SequencerGracePeriod = uint32(cfg.Sequencer.GracePeriod / time.Second)
	}
	for _, f := range cfg.Feeds {
		params.Feeds = append(params.Feeds, epochregistry.EpochRegistryFeedConfig{
			Aggregator: f.Aggregator, Decimals: f.Decimals, CircuitDecimals: f.CircuitDecimals, Heartbeat: uint32(f.Heartbeat / time.Second),
		})
	}
	input, err := epochregistry.NewEpochRegistry().GetABI().Pack("", params)
	if err != nil {
		return d, fmt.Errorf("deploy registry: pack constructor: %w", err)
	}
	var receipt *types.Receipt
	if d.Registry, receipt, err = deployCode(ctx, backend, auth, common.FromHex(epochregistry.EpochRegistryMetaData.Bin), input); err != nil {
		return d, fmt.Errorf("deploy registry: %w", err)
	}
	d.RegistryGas, d.Block = receipt.GasUsed, receipt.BlockNumber.Uint64()
	return d, nil
}

func deployVerifier(ctx context.Context, backend Backend, auth *bind.TransactOpts, v VerifierSpec) (common.Address, uint64, error) {
	if len(v.Bytecode) == 0 {
		code, err := backend.CodeAt(ctx, v.Address, nil)
		if err != nil {
			return common.Address{}, 0, fmt.Errorf("read code at %s: %w", v.Address, err)
		}
		if len(code) == 0 {
			return common.Address{}, 0, fmt.Errorf("no contract at %s", v.Address)
		}
		return v.Address, 0, nil
	}
	addr, receipt, err := deployCode(ctx, backend, auth, v.Bytecode, nil)
	if err != nil {
		return common.Address{}, 0, err
	}
	return addr, receipt.GasUsed, nil
}

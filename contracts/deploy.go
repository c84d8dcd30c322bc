package contracts

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/zktreasury/zktreasury/contracts/bindings/epochregistry"
)

// Backend is a connection to a chain. *ethclient.Client and the simulated backend's Client
// both satisfy it.
type Backend interface {
	bind.ContractBackend
	ReceiptReader
}

// VerifierKind says which gnark verifier ABI a verifier contract speaks.
type VerifierKind uint8

const (
	// Groth16 verifiers export verifyProof(bytes, uint256[N]) and revert on a bad proof.
	Groth16 VerifierKind = 0
	// Plonk verifiers export Verify(bytes, uint256[]) and return false on a bad proof.
	Plonk VerifierKind = 1
)

// String names the kind.
func (k VerifierKind) String() string {
	switch k {
	case Groth16:
		return "groth16"
	case Plonk:
		return "plonk"
	}
	return fmt.Sprintf("VerifierKind(%d)", uint8(k))
}

// Mode says which proofs the registry takes per epoch; it is fixed at deploy.
type Mode uint8

const (
	// Separate takes a solvency proof and a compliance proof per epoch (two verifications).
	Separate Mode = 0
	// Combined takes one proof of the epoch circuit, both statements at once (one
	// verification).
	Combined Mode = 1
)

// Modes lists the mode names, in Mode order.
var Modes = []string{"separate", "combined"}

// String names the mode.
func (m Mode) String() string {
	if int(m) < len(Modes) {
		return Modes[m]
	}
	return fmt.Sprintf("Mode(%d)", uint8(m))
}

// ParseMode parses a mode name.
func ParseMode(s string) (Mode, error) {
	for i, n := range Modes {
		if s == n {
			return Mode(i), nil
		}
	}
	return 0, fmt.Errorf("unknown mode %q: want one of %v", s, Modes)
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

// VerifierSpec is one of the registry's verifiers: either creation code to deploy, or the
// address of one already deployed.
type VerifierSpec struct {
	// Kind is the ABI the verifier speaks.
	Kind VerifierKind
	// Bytecode is the verifier's creation code (an artifact's bin, hex-decoded). When empty,
	// Address is used as is.
	Bytecode []byte
	// Address of an already deployed verifier; ignored when Bytecode is set.
	Address common.Address
}

// FeedConfig is one asset's price feed. The circuit price the registry expects from a feed
// answer is answer * PriceNum / PriceDen (rounded down), e.g. for an 8-decimal USD feed, an
// asset at circuit scale 6 and value units of 1e-12 USD: 1e-8 * 1e-6 / 1e-12 = 1/100.
type FeedConfig struct {
	// Aggregator is a contract with Chainlink's AggregatorV3Interface.
	Aggregator common.Address
	// Decimals must equal the feed's decimals(); the registry checks it at deploy.
	Decimals uint8
	// PriceNum and PriceDen convert a feed answer to a circuit price; both positive, < 2^128.
	PriceNum, PriceDen *big.Int
}

// FeedConversion returns the PriceNum and PriceDen that turn the answer of a USD feed with
// feedDecimals into a circuit price: value units of 10^-valueDecimals USD per circuit unit of an
// asset with circuitDecimals, i.e. answer * 10^(valueDecimals - feedDecimals - circuitDecimals),
// as a reduced power of ten. It returns an error when the power does not fit 128 bits.
func FeedConversion(feedDecimals, valueDecimals, circuitDecimals int) (num, den *big.Int, err error) {
	if feedDecimals < 0 || valueDecimals < 0 || circuitDecimals < 0 {
		return nil, nil, fmt.Errorf("feed conversion: negative decimals (%d, %d, %d)", feedDecimals, valueDecimals, circuitDecimals)
	}
	e := valueDecimals - feedDecimals - circuitDecimals
	pow := func(n int) *big.Int { return new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(n)), nil) }
	num, den = big.NewInt(1), big.NewInt(1)
	if e >= 0 {
		num = pow(e)
	} else {
		den = pow(-e)
	}
	if num.Cmp(maxUint128) > 0 || den.Cmp(maxUint128) > 0 {
		return nil, nil, fmt.Errorf("feed conversion: 10^%d does not fit 128 bits", e)
	}
	return num, den, nil
}

// DeployConfig is everything fixed at the registry's deploy.
type DeployConfig struct {
	// Governance queues and executes policy changes and is the only one who can unpause.
	Governance common.Address
	// Guardian can pause.
	Guardian common.Address
	// GenesisState is S(0), the state commitment epoch 1 starts from.
	GenesisState *big.Int
	// GenesisPolicy is the policy commitment in force from the start.
	GenesisPolicy *big.Int
	// PolicyDelay is the timelock on policy changes, in whole seconds, at least one.
	PolicyDelay time.Duration
	// Mode is Separate (Solvency and Compliance verifiers) or Combined (Epoch verifier).
	Mode Mode
	// Solvency and Compliance are the two verifiers of Separate mode; leave them zero in
	// Combined mode.
	Solvency, Compliance VerifierSpec
	// Epoch is the epoch-circuit verifier of Combined mode; leave it zero in Separate mode.
	Epoch VerifierSpec
	// Feeds has one feed per asset, in the circuits' asset order.
	Feeds []FeedConfig
	// ToleranceBps is how far a submitted price may be from the feed's, in basis points.
	ToleranceBps uint16
	// MaxPriceAge is the oldest a feed's updatedAt may be, in whole seconds, at least one.
	MaxPriceAge time.Duration
}

var (
	maxUint128 = new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 128), big.NewInt(1))
	// ScalarField is the BN254 scalar field modulus: every public input is below it.
	ScalarField, _ = new(big.Int).SetString("21888242871839275222246405745257275088548364400416034343698204186575808495617", 10)
)

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
	if err := checkSeconds("policy delay", c.PolicyDelay); err != nil {
		return err
	}
	if err := checkSeconds("max price age", c.MaxPriceAge); err != nil {
		return err
	}
	if c.ToleranceBps > 10_000 {
		return fmt.Errorf("tolerance %d bps is above 10000", c.ToleranceBps)
	}
	used := []struct {
		name string
		v    VerifierSpec
	}{{"solvency", c.Solvency}, {"compliance", c.Compliance}}
	unused := []struct {
		name string
		v    VerifierSpec
	}{{"epoch", c.Epoch}}
	switch c.Mode {
	case Separate:
	case Combined:
		used, unused = unused, used
	default:
		return fmt.Errorf("unknown mode %d", c.Mode)
	}
	for _, nv := range unused {
		if len(nv.v.Bytecode) != 0 || nv.v.Address != (common.Address{}) {
			return fmt.Errorf("%s verifier given in %s mode", nv.name, c.Mode)
		}
	}
	for _, nv := range used {
		name, v := nv.name, nv.v
		if v.Kind != Groth16 && v.Kind != Plonk {
			return fmt.Errorf("%s verifier: unknown kind %d", name, v.Kind)
		}
		if len(v.Bytecode) == 0 && v.Address == (common.Address{}) {
			return fmt.Errorf("%s verifier: neither bytecode nor address given", name)
		}
	}
	if len(c.Feeds) == 0 {
		return errors.New("no price feeds")
	}
	for i, f := range c.Feeds {
		if f.Aggregator == (common.Address{}) {
			return fmt.Errorf("feeds[%d]: aggregator address is zero", i)
		}
		for _, t := range []struct {
			name string
			v    *big.Int
		}{{"price numerator", f.PriceNum}, {"price denominator", f.PriceDen}} {
			if t.v == nil || t.v.Sign() <= 0 || t.v.Cmp(maxUint128) > 0 {
				return fmt.Errorf("feeds[%d]: %s must be in [1, 2^128), got %v", i, t.name, t.v)
			}
		}
	}
	return nil
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

func checkSeconds(name string, d time.Duration) error {
	if d < time.Second || d%time.Second != 0 {
		return fmt.Errorf("%s %v must be a whole number of seconds, at least 1s", name, d)
	}
	return nil
}

// Deployment is what Deploy put on chain, and the gas each deployment used.
type Deployment struct {
	// Registry is the EpochRegistry's address.
	Registry common.Address
	// Block is the block the registry was created in: its genesis EpochRecorded event is there.
	Block uint64
	// SolvencyVerifier and ComplianceVerifier are the verifiers the registry calls in Separate
	// mode, EpochVerifier the one it calls in Combined mode; the others are zero.
	SolvencyVerifier, ComplianceVerifier, EpochVerifier common.Address
	// RegistryGas, SolvencyVerifierGas, ComplianceVerifierGas and EpochVerifierGas are the
	// receipts' gas used; a verifier given by address, or not used, has 0.
	RegistryGas, SolvencyVerifierGas, ComplianceVerifierGas, EpochVerifierGas uint64
}

// Deploy deploys the verifiers given as bytecode, then the registry, signing with auth, and
// waits for each to be mined.
func Deploy(ctx context.Context, backend Backend, auth *bind.TransactOpts, cfg DeployConfig) (Deployment, error) {
	var d Deployment
	if backend == nil || auth == nil {
		return d, errors.New("deploy: nil backend or transact opts")
	}
	if err := cfg.Validate(); err != nil {
		return d, fmt.Errorf("deploy: %w", err)
	}
	var err error
	if cfg.Mode == Separate {
		if d.SolvencyVerifier, d.SolvencyVerifierGas, err = deployVerifier(ctx, backend, auth, cfg.Solvency); err != nil {
			return d, fmt.Errorf("deploy solvency verifier: %w", err)
		}
		if d.ComplianceVerifier, d.ComplianceVerifierGas, err = deployVerifier(ctx, backend, auth, cfg.Compliance); err != nil {
			return d, fmt.Errorf("deploy compliance verifier: %w", err)
		}
	} else {
		if d.EpochVerifier, d.EpochVerifierGas, err = deployVerifier(ctx, backend, auth, cfg.Epoch); err != nil {
			return d, fmt.Errorf("deploy epoch verifier: %w", err)
		}
	}

	params := epochregistry.EpochRegistryInitParams{
		Governance:    cfg.Governance,
		Guardian:      cfg.Guardian,
		GenesisState:  cfg.GenesisState,
		GenesisPolicy: cfg.GenesisPolicy,
		PolicyDelay:   uint64(cfg.PolicyDelay / time.Second),
		Mode:          uint8(cfg.Mode),
		Solvency:      epochregistry.EpochRegistryVerifierConfig{Verifier: d.SolvencyVerifier, Kind: uint8(cfg.Solvency.Kind)},
		Compliance:    epochregistry.EpochRegistryVerifierConfig{Verifier: d.ComplianceVerifier, Kind: uint8(cfg.Compliance.Kind)},
		Epoch:         epochregistry.EpochRegistryVerifierConfig{Verifier: d.EpochVerifier, Kind: uint8(cfg.Epoch.Kind)},
		ToleranceBps:  cfg.ToleranceBps,
		MaxPriceAge:   uint64(cfg.MaxPriceAge / time.Second),
	}
	for _, f := range cfg.Feeds {
		params.Feeds = append(params.Feeds, epochregistry.EpochRegistryFeedConfig{
			Aggregator: f.Aggregator, Decimals: f.Decimals, PriceNum: f.PriceNum, PriceDen: f.PriceDen,
		})
	}
	regABI := epochregistry.NewEpochRegistry().GetABI()
	input, err := regABI.Pack("", params)
	if err != nil {
		return d, fmt.Errorf("deploy registry: pack constructor: %w", err)
	}
	bin := common.FromHex(epochregistry.EpochRegistryMetaData.Bin)
	var receipt *types.Receipt
	if d.Registry, receipt, err = deployCode(ctx, backend, auth, bin, input); err != nil {
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

// GasMarginPercent is added to every gas estimate when TransactOpts.GasLimit is 0. Unused gas
// is not charged, and go-ethereum's estimator under the EIP-8037 state-gas rules that geth
// --dev and the simulated backend enable (fork "Bogota" in v1.17) undershoots contract
// creations whose constructors write storage (by about 25% for MockAggregator).
const GasMarginPercent = 50

// maxTxGas is EIP-7825's cap on a transaction's gas limit (Osaka).
const maxTxGas = 1 << 24

// withGasLimit returns opts with a gas limit: the caller's, or the estimate plus
// GasMarginPercent. A revert during estimation is decoded.
func withGasLimit(ctx context.Context, backend Backend, auth *bind.TransactOpts, to *common.Address, data []byte) (*bind.TransactOpts, error) {
	opts := *auth
	opts.Context = ctx
	if opts.GasLimit != 0 {
		return &opts, nil
	}
	est, err := backend.EstimateGas(ctx, ethereum.CallMsg{From: opts.From, To: to, Value: opts.Value, Data: data})
	if err != nil {
		return nil, decodeCallError(err)
	}
	limit := est + est*GasMarginPercent/100
	if limit > maxTxGas && est <= maxTxGas {
		limit = maxTxGas
	}
	opts.GasLimit = limit
	return &opts, nil
}

// deployCode sends a creation transaction, waits for it and checks that code landed. The
// receipt is returned with a mined revert too.
func deployCode(ctx context.Context, backend Backend, auth *bind.TransactOpts, bytecode, input []byte) (common.Address, *types.Receipt, error) {
	opts, err := withGasLimit(ctx, backend, auth, nil, append(append([]byte{}, bytecode...), input...))
	if err != nil {
		return common.Address{}, nil, err
	}
	addr, tx, err := bind.DeployContract(opts, bytecode, backend, input)
	if err != nil {
		return common.Address{}, nil, decodeCallError(err)
	}
	receipt, err := WaitMined(ctx, backend, tx)
	if err != nil {
		return common.Address{}, nil, err
	}
	if receipt.Status != types.ReceiptStatusSuccessful {
		return common.Address{}, receipt, fmt.Errorf("creation tx %s reverted: %w", tx.Hash(), replayRevert(ctx, backend, opts.From, tx, receipt))
	}
	code, err := backend.CodeAt(ctx, addr, receipt.BlockNumber)
	if err != nil {
		return common.Address{}, receipt, fmt.Errorf("read code at %s: %w", addr, err)
	}
	if len(code) == 0 {
		return common.Address{}, receipt, fmt.Errorf("no code at %s after creation tx %s", addr, tx.Hash())
	}
	return addr, receipt, nil
}

// sendTx signs and sends data to a contract, waits for the receipt, and turns a revert (at gas
// estimation, or mined) into a decoded error. The receipt is returned with a mined revert.
func sendTx(ctx context.Context, backend Backend, auth *bind.TransactOpts, to common.Address, bound *bind.BoundContract, data []byte) (*types.Receipt, error) {
	opts, err := withGasLimit(ctx, backend, auth, &to, data)
	if err != nil {
		return nil, err
	}
	tx, err := bind.Transact(bound, opts, data)
	if err != nil {
		return nil, decodeCallError(err)
	}
	receipt, err := WaitMined(ctx, backend, tx)
	if err != nil {
		return nil, err
	}
	if receipt.Status != types.ReceiptStatusSuccessful {
		return receipt, fmt.Errorf("tx %s reverted: %w", tx.Hash(), replayRevert(ctx, backend, opts.From, tx, receipt))
	}
	return receipt, nil
}

// replayRevert re-executes a mined, reverted transaction as a call on the state after its block
// to recover the revert data a receipt does not carry.
func replayRevert(ctx context.Context, backend Backend, from common.Address, tx *types.Transaction, receipt *types.Receipt) error {
	msg := ethereum.CallMsg{From: from, To: tx.To(), Gas: tx.Gas(), Value: tx.Value(), Data: tx.Data()}
	_, err := backend.CallContract(ctx, msg, receipt.BlockNumber)
	if err == nil {
		return fmt.Errorf("%w (the replay on block %v succeeded: the state changed in between)", ErrReverted, receipt.BlockNumber)
	}
	if decoded, ok := revertFromRPC(err); ok {
		return decoded
	}
	return fmt.Errorf("%w: %v", ErrReverted, err)
}

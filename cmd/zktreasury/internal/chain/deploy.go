package chain

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/big"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/shopspring/decimal"
	"github.com/spf13/cobra"

	"github.com/zktreasury/zktreasury/circuits/gadget/bound"
	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
	"github.com/zktreasury/zktreasury/contracts"
	"github.com/zktreasury/zktreasury/prover"
	"github.com/zktreasury/zktreasury/prover/keystore"
	"github.com/zktreasury/zktreasury/prover/statement"
	"github.com/zktreasury/zktreasury/prover/zk"
	"github.com/zktreasury/zktreasury/treasury"
)

// MockFeedDecimals is the decimals of the mock feeds `--feeds mock` deploys, as Chainlink's USD
// feeds have.
const MockFeedDecimals = 8

// DeployOptions are the options of `chain deploy`.
type DeployOptions struct {
	F      *cmdutil.Factory
	RPC    string
	Signer Signer
	// KeysDir is the key store holding the verifying keys to export.
	KeysDir string
	// Case is the case directory: the policy, prices, positions S(0), secrets and case.json.
	Case string
	// Capacity and Slots override case.json (0: use it).
	Capacity, Slots int
	// RangeCheck is the range-check strategy of every circuit ("": each circuit's default).
	RangeCheck string
	Mode       string
	Backend    string
	// MockFeeds deploys a mock feed for every asset without a FeedAddrs entry.
	MockFeeds string
	// FeedAddrs are SYMBOL=0xADDR pairs naming existing Chainlink-style feeds.
	FeedAddrs []string
	// Governance and Guardian default to the signer (to the node's dev account with
	// --dev-account).
	Governance, Guardian string
	PolicyDelay          time.Duration
	MaxPriceAge          time.Duration
	ToleranceBps         uint16
	// ContractsDir holds tools/compile.js and the pinned solc-js.
	ContractsDir string
	Out          string
	JSON         bool
}

// NewCmdDeploy returns `chain deploy`.
func NewCmdDeploy(f *cmdutil.Factory, runF func(*DeployOptions) error) *cobra.Command {
	opts := &DeployOptions{F: f}
	cmd := &cobra.Command{
		Use:   "deploy",
		Short: "Deploy the verifiers of your keys, the price feeds and the epoch registry",
		Long: `Export the Solidity verifier of every verifying key the registry needs (the epoch
circuit in combined mode; solvency and compliance in separate mode) from the key
store, for the circuit shape of the case, compile them with the pinned solc-js
(node and ` + "`npm ci --prefix contracts`" + ` needed), deploy them, deploy or adopt one
price feed per asset, and deploy the registry starting from the case's state
S(0) (its positions and secrets) under its policy commitment. Writes the
deployment file atomically.

--feeds mock deploys settable mock feeds answering the case's prices (for
development: anyone can move them); a real deployment names an existing
Chainlink-style USD feed per asset with --feed SYMBOL=0xADDR.`,
		Example: `  zktreasury chain deploy --rpc http://127.0.0.1:8545 --dev-account --keys out/keys --case testdata/epoch --feeds mock --out out/deployment.json
  zktreasury chain deploy --rpc $RPC --key operator.key --keys keys --case prod --feed USDC=0x8fFf... --feed WETH=0x5f4e... --feed WBTC=0xF403...`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := opts.Signer.Validate(); err != nil {
				return err
			}
			if opts.RPC == "" {
				return cmdutil.Usagef("--rpc is required")
			}
			if opts.Case == "" {
				return cmdutil.Usagef("--case is required: the registry starts from its positions, secrets and policy")
			}
			if _, err := contracts.ParseMode(opts.Mode); err != nil {
				return cmdutil.Usagef("--mode: %v", err)
			}
			if _, err := zk.ByName(opts.Backend); err != nil {
				return cmdutil.Usagef("--backend: %v", err)
			}
			if opts.RangeCheck != "" {
				if _, err := bound.ParseMode(opts.RangeCheck); err != nil {
					return cmdutil.Usagef("--range-check: %v", err)
				}
			}
			if opts.MockFeeds != "" && opts.MockFeeds != "mock" {
				return cmdutil.Usagef("--feeds: %q is not a feed source: want mock", opts.MockFeeds)
			}
			for _, d := range []struct {
				name string
				v    time.Duration
			}{{"policy-delay", opts.PolicyDelay}, {"max-price-age", opts.MaxPriceAge}} {
				if d.v < time.Second || d.v%time.Second != 0 {
					return cmdutil.Usagef("--%s %v: want a whole number of seconds, at least 1s", d.name, d.v)
				}
			}
			if opts.ToleranceBps > 10_000 {
				return cmdutil.Usagef("--tolerance-bps %d is above 10000", opts.ToleranceBps)
			}
			for _, a := range []struct {
				name string
				v    string
			}{{"governance", opts.Governance}, {"guardian", opts.Guardian}} {
				if a.v != "" && !common.IsHexAddress(a.v) {
					return cmdutil.Usagef("--%s %q is not an address", a.name, a.v)
				}
			}
			if runF != nil {
				return runF(opts)
			}
			return deployRun(cmd.Context(), opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.RPC, "rpc", "", "the node's JSON-RPC URL")
	opts.Signer.Register(cmd)
	fl.StringVar(&opts.KeysDir, "keys", "keys", "key store holding the verifying keys")
	fl.StringVar(&opts.Case, "case", "", "case directory: policy.json, prices.csv, positions.csv (S(0)), secrets.json, case.json")
	fl.IntVar(&opts.Capacity, "capacity", 0, "liabilities tree capacity (default: case.json)")
	fl.IntVar(&opts.Slots, "slots", 0, "action slots K (default: case.json)")
	fl.StringVar(&opts.RangeCheck, "range-check", "", "range-check strategy of the circuits: lookup or bits (default: bits for epoch, lookup for solvency and compliance)")
	fl.StringVar(&opts.Mode, "mode", "combined", "combined (one epoch proof per epoch) or separate (a solvency and a compliance proof)")
	fl.StringVar(&opts.Backend, "backend", "groth16", "proof system of the verifiers: groth16 or plonk")
	fl.StringVar(&opts.MockFeeds, "feeds", "", "mock: deploy settable mock feeds at the case's prices for assets without --feed (development only)")
	fl.StringArrayVar(&opts.FeedAddrs, "feed", nil, "SYMBOL=0xADDR: an existing Chainlink-style USD feed for an asset (repeat per asset)")
	fl.StringVar(&opts.Governance, "governance", "", "governance address (default: the signer; the node's dev account with --dev-account)")
	fl.StringVar(&opts.Guardian, "guardian", "", "guardian address, who can pause (default: as governance)")
	fl.DurationVar(&opts.PolicyDelay, "policy-delay", 24*time.Hour, "timelock on policy changes, whole seconds")
	fl.DurationVar(&opts.MaxPriceAge, "max-price-age", time.Hour, "oldest feed answer a submission may use, whole seconds")
	fl.Uint16Var(&opts.ToleranceBps, "tolerance-bps", 50, "how far a submitted price may be from its feed's, in basis points")
	fl.StringVar(&opts.ContractsDir, "contracts", "", "contracts directory with tools/compile.js and solc-js (default: ./contracts)")
	fl.StringVar(&opts.Out, "out", "deployment.json", "deployment file to write")
	fl.BoolVar(&opts.JSON, "json", false, "print the deployment as JSON")
	return cmd
}

// deployCase is what the registry is set up from.
type deployCase struct {
	policy   *treasury.Policy
	prices   *treasury.Prices
	genesis  *big.Int // S(0)
	commit   *big.Int // policy commitment
	capacity int
	slots    int
}

// loadDeployCase loads the case and computes S(0) and the policy commitment, as the prover
// computes them for epoch 1 (the previous-state salt is the one of epoch 0).
func loadDeployCase(opts *DeployOptions) (*deployCase, error) {
	files := statement.CaseFiles(opts.Case)
	pol, err := treasury.LoadPolicy(files.Policy)
	if err != nil {
		return nil, err
	}
	prices, err := treasury.LoadPrices(files.Prices, pol)
	if err != nil {
		return nil, err
	}
	pos, err := treasury.LoadPositions(files.Positions, pol)
	if err != nil {
		return nil, err
	}
	secrets, err := statement.LoadSecrets(files.Secrets)
	if err != nil {
		return nil, err
	}
	cp, err := statement.LoadCaseParams(opts.Case)
	if err != nil {
		return nil, err
	}
	if cp.Epoch > 1 {
		return nil, fmt.Errorf("case %s is epoch %d: a new registry starts at epoch 1, from the positions before it (S(0)); deploy with the case of epoch 1", opts.Case, cp.Epoch)
	}
	genesis, commit, err := Genesis(pol, pos, secrets)
	if err != nil {
		return nil, err
	}
	c := &deployCase{policy: pol, prices: prices, genesis: genesis, commit: commit, capacity: cp.Capacity, slots: cp.Slots}
	if opts.Capacity != 0 {
		c.capacity = opts.Capacity
	}
	if opts.Slots != 0 {
		c.slots = opts.Slots
	}
	return c, nil
}

// Genesis returns the registry's starting state S(0), the commitment of the positions under the
// salt of epoch 0, and the policy commitment, both as the prover computes them.
func Genesis(pol *treasury.Policy, pos *treasury.Positions, secrets *statement.Secrets) (state, policy *big.Int, err error) {
	units, err := statement.EncodePositions(pol, pos)
	if err != nil {
		return nil, nil, fmt.Errorf("genesis state: %w", err)
	}
	s := statement.StateCommitment(secrets.StateSaltFor(0), units)
	pv, err := statement.EncodePolicy(pol)
	if err != nil {
		return nil, nil, fmt.Errorf("policy commitment: %w", err)
	}
	pc, err := statement.PolicyCommitment(pv)
	if err != nil {
		return nil, nil, err
	}
	return s.BigInt(new(big.Int)), pc.BigInt(new(big.Int)), nil
}

// exportedVerifier is a verifier exported from a stored key.
type exportedVerifier struct {
	circuit, params string
	meta            *keystore.Meta
	source          []byte
}

// exportVerifier compiles a circuit at the case's shape, loads its verifying key from the store
// (the key must be for exactly this circuit) and exports its Solidity verifier.
func exportVerifier(store keystore.Store, b zk.Backend, shape prover.Shape) (*exportedVerifier, error) {
	job, err := shape.Job()
	if err != nil {
		return nil, fmt.Errorf("%s circuit: %w", shape.Circuit, err)
	}
	_, digest, err := prover.Compile(b, job, nil)
	if err != nil {
		return nil, err
	}
	vk, meta, err := store.LoadVerifyingKey(b, job.Circuit, digest)
	if errors.Is(err, keystore.ErrNoKeys) {
		return nil, fmt.Errorf("%w; run `zktreasury keys setup %s --insecure-dev --backend %s --range-check %s` with the same --case into %q",
			err, job.Circuit, b.Name(), shape.RangeCheck, store.Dir)
	}
	if err != nil {
		return nil, err
	}
	var src bytes.Buffer
	if err := b.ExportSolidity(vk, &src); err != nil {
		return nil, fmt.Errorf("export the %s verifier: %w", job.Circuit, err)
	}
	return &exportedVerifier{circuit: job.Circuit, params: job.Params, meta: meta, source: src.Bytes()}, nil
}

// VerifierName is the contract name of a circuit's verifier, e.g. EpochGroth16Verifier.
func VerifierName(circuit, backend string) string {
	return title(circuit) + title(backend) + "Verifier"
}

func title(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// parseFeedFlags maps asset index to the feed named by --feed SYMBOL=0xADDR.
func parseFeedFlags(pol *treasury.Policy, flags []string) (map[int]common.Address, error) {
	out := map[int]common.Address{}
	for _, f := range flags {
		sym, addr, ok := strings.Cut(f, "=")
		if !ok || !common.IsHexAddress(addr) {
			return nil, cmdutil.Usagef("--feed %q: want SYMBOL=0xADDRESS", f)
		}
		a := pol.AssetIndex(sym)
		if a < 0 {
			return nil, cmdutil.Usagef("--feed %q: the policy has no asset %q (assets: %v)", f, sym, pol.Symbols())
		}
		if _, dup := out[a]; dup {
			return nil, cmdutil.Usagef("--feed: two feeds for %s", sym)
		}
		out[a] = common.HexToAddress(addr)
	}
	return out, nil
}

// warnDeviation warns when an adopted feed's answer is further than the tolerance from the
// case's price: proofs made at the case's prices would be refused with PriceDeviation.
func warnDeviation(opts *DeployOptions, symbol string, ans contracts.FeedAnswer, valueDecimals, circuitDecimals int, price uint64) {
	num, den, err := contracts.FeedConversion(int(ans.Decimals), valueDecimals, circuitDecimals)
	if err != nil || ans.Answer == nil || ans.Answer.Sign() <= 0 {
		return
	}
	f := contracts.Feed{PriceNum: num, PriceDen: den}
	expected := f.ExpectedPrice(ans.Answer)
	diff := new(big.Int).Sub(expected, new(big.Int).SetUint64(price))
	diff.Abs(diff).Mul(diff, big.NewInt(10_000))
	if diff.Cmp(new(big.Int).Mul(expected, big.NewInt(int64(opts.ToleranceBps)))) > 0 {
		fmt.Fprintf(opts.F.Err, "warning: the %s feed answers %s (circuit price %s), the case's price is %d: beyond %d bps, proofs at the case's prices would be refused\n",
			symbol, ans.Answer, expected, price, opts.ToleranceBps)
	}
}

// hex64 formats a field element as 0x-prefixed 64-digit hex, as proof files do.
func hex64(v *big.Int) string { return fmt.Sprintf("0x%064x", v) }

// mockAnswer is a USD price as an answer of a feed with MockFeedDecimals, rounded half up.
func mockAnswer(usd decimal.Decimal) *big.Int {
	return usd.Shift(MockFeedDecimals).Round(0).BigInt()
}

func deployRun(ctx context.Context, opts *DeployOptions) error {
	if ctx == nil {
		ctx = context.Background()
	}
	prog := cmdutil.NewProgress(opts.F.Err, opts.JSON)
	mode, _ := contracts.ParseMode(opts.Mode)
	kind, _ := contracts.ParseVerifierKind(opts.Backend)
	b, _ := zk.ByName(opts.Backend)

	prog.Step("loading the case %s", opts.Case)
	cs, err := loadDeployCase(opts)
	if err != nil {
		return err
	}
	feedAddrs, err := parseFeedFlags(cs.policy, opts.FeedAddrs)
	if err != nil {
		return err
	}
	var missing []string
	for a, asset := range cs.policy.Assets {
		if _, ok := feedAddrs[a]; !ok {
			missing = append(missing, asset.Symbol)
		}
	}
	if len(missing) > 0 && opts.MockFeeds != "mock" {
		return cmdutil.Usagef("no price feed for %v: pass --feed SYMBOL=0xADDR for each, or --feeds mock (development)", missing)
	}

	circuits := []string{"epoch"}
	if mode == contracts.Separate {
		circuits = []string{"solvency", "compliance"}
	}
	store := keystore.Store{Dir: opts.KeysDir}
	sources := map[string][]byte{}
	exported := map[string]*exportedVerifier{}
	for _, c := range circuits {
		rc := prover.DefaultRangeCheck(c)
		if opts.RangeCheck != "" {
			rc, _ = bound.ParseMode(opts.RangeCheck)
		}
		if cs.capacity == 0 && c != "compliance" {
			return cmdutil.Usagef("no tree capacity: pass --capacity or a --case whose case.json has capacity")
		}
		if cs.slots == 0 && c != "solvency" {
			return cmdutil.Usagef("no action slots: pass --slots or a --case whose case.json has slots")
		}
		shape := prover.Shape{Circuit: c, Users: cs.capacity, Actions: cs.slots, Assets: len(cs.policy.Assets), Venues: len(cs.policy.Venues), RangeCheck: rc}
		prog.Step("exporting the %s %s verifier from %s", c, b.Name(), opts.KeysDir)
		ev, err := exportVerifier(store, b, shape)
		if err != nil {
			return err
		}
		if ev.meta.Insecure {
			fmt.Fprintf(opts.F.Err, "warning: the %s key comes from a single-party setup (insecure): whoever ran it can forge proofs this registry accepts\n", c)
		}
		exported[c] = ev
		sources[VerifierName(c, b.Name())] = ev.source
	}
	prog.Step("compiling %d verifier(s) with solc-js", len(sources))
	arts, err := contracts.CompileVerifiers(ctx, opts.ContractsDir, sources)
	if errors.Is(err, contracts.ErrNoCompiler) && opts.ContractsDir == "" {
		return fmt.Errorf("%w (or pass --contracts path/to/zktreasury/contracts)", err)
	}
	if err != nil {
		return err
	}

	prog.Step("connecting to %s", opts.RPC)
	conn, err := Dial(ctx, opts.RPC)
	if err != nil {
		return err
	}
	defer conn.Close()
	acct, err := opts.Signer.Open(ctx, conn, opts.F.Err)
	if err != nil {
		return err
	}
	governance := acct.Auth.From
	if acct.DevAccount != (common.Address{}) {
		governance = acct.DevAccount
	}
	if opts.Governance != "" {
		governance = common.HexToAddress(opts.Governance)
	}
	guardian := governance
	if opts.Guardian != "" {
		guardian = common.HexToAddress(opts.Guardian)
	}

	dep := &Deployment{ChainID: conn.ChainID.Uint64(), Mode: mode.String(), Backend: b.Name(),
		GenesisState: hex64(cs.genesis), PolicyCommitment: hex64(cs.commit),
		Governance: governance, Guardian: guardian, Deployer: acct.Auth.From,
		PolicyDelaySeconds: uint64(opts.PolicyDelay / time.Second), MaxPriceAgeSeconds: uint64(opts.MaxPriceAge / time.Second),
		ToleranceBps: opts.ToleranceBps, Case: opts.Case, CreatedAt: time.Now().UTC().Truncate(time.Second)}
	if abs, err := filepath.Abs(opts.Case); err == nil {
		dep.Case = abs
	}
	circuitPrices, err := statement.EncodePrices(cs.policy, cs.prices)
	if err != nil {
		return err
	}
	cfg := contracts.DeployConfig{Governance: governance, Guardian: guardian, GenesisState: cs.genesis, GenesisPolicy: cs.commit,
		PolicyDelay: opts.PolicyDelay, Mode: mode, ToleranceBps: opts.ToleranceBps, MaxPriceAge: opts.MaxPriceAge}
	for a, asset := range cs.policy.Assets {
		f := Feed{Symbol: asset.Symbol}
		if addr, ok := feedAddrs[a]; ok {
			ans, err := contracts.ReadFeed(ctx, conn.Client, addr)
			if err != nil {
				return fmt.Errorf("--feed %s: %w", asset.Symbol, err)
			}
			f.Aggregator, f.Decimals = addr, ans.Decimals
			warnDeviation(opts, asset.Symbol, ans, int(cs.policy.ValueDecimals), int(asset.CircuitDecimals), circuitPrices[a])
		} else {
			answer := mockAnswer(cs.prices.USD[a])
			prog.Step("deploying a mock %s feed answering %s", asset.Symbol, cs.prices.USD[a])
			addr, gas, err := contracts.DeployMockFeedGas(ctx, conn.Client, acct.Auth, MockFeedDecimals, answer)
			if err != nil {
				return err
			}
			f.Aggregator, f.Decimals, f.Mock, f.Gas = addr, MockFeedDecimals, true, gas
		}
		num, den, err := contracts.FeedConversion(int(f.Decimals), int(cs.policy.ValueDecimals), int(asset.CircuitDecimals))
		if err != nil {
			return fmt.Errorf("feed of %s: %w", asset.Symbol, err)
		}
		f.PriceNum, f.PriceDen = num.String(), den.String()
		dep.Feeds = append(dep.Feeds, f)
		cfg.Feeds = append(cfg.Feeds, contracts.FeedConfig{Aggregator: f.Aggregator, Decimals: f.Decimals, PriceNum: num, PriceDen: den})
	}
	spec := func(c string) contracts.VerifierSpec {
		return contracts.VerifierSpec{Kind: kind, Bytecode: arts[VerifierName(c, b.Name())].Bytecode}
	}
	if mode == contracts.Combined {
		cfg.Epoch = spec("epoch")
	} else {
		cfg.Solvency, cfg.Compliance = spec("solvency"), spec("compliance")
	}
	prog.Step("deploying the %s verifier(s) and the registry (%s mode)", b.Name(), mode)
	d, err := contracts.Deploy(ctx, conn.Client, acct.Auth, cfg)
	if err != nil {
		return err
	}
	dep.Registry, dep.Block, dep.RegistryGas = d.Registry, d.Block, d.RegistryGas
	for _, c := range circuits {
		ev := exported[c]
		v := Verifier{Circuit: c, Params: ev.params, CircuitDigest: ev.meta.CircuitDigest, VerifyingKeyDigest: ev.meta.VerifyingKeyDigest, Insecure: ev.meta.Insecure, TranscriptDigest: ev.meta.TranscriptDigest}
		switch c {
		case "epoch":
			v.Address, v.Gas = d.EpochVerifier, d.EpochVerifierGas
		case "solvency":
			v.Address, v.Gas = d.SolvencyVerifier, d.SolvencyVerifierGas
		case "compliance":
			v.Address, v.Gas = d.ComplianceVerifier, d.ComplianceVerifierGas
		}
		dep.Verifiers = append(dep.Verifiers, v)
	}
	if err := WriteDeployment(opts.Out, dep); err != nil {
		return err
	}
	prog.Step("wrote %s", opts.Out)
	if opts.JSON {
		return cmdutil.PrintJSON(opts.F.Out, struct {
			*Deployment
			File string `json:"deploymentFile"`
		}{dep, opts.Out})
	}
	w := tabwriter.NewWriter(opts.F.Out, 0, 2, 2, ' ', 0)
	fmt.Fprintf(w, "registry\t%s (block %d, %d gas)\n", dep.Registry, dep.Block, dep.RegistryGas)
	fmt.Fprintf(w, "mode\t%s, %s\n", dep.Mode, dep.Backend)
	for _, v := range dep.Verifiers {
		insecure := ""
		if v.Insecure {
			insecure = ", INSECURE keys"
		}
		fmt.Fprintf(w, "%s verifier\t%s (%s, %d gas%s)\n", v.Circuit, v.Address, v.Params, v.Gas, insecure)
	}
	for _, f := range dep.Feeds {
		mock := ""
		if f.Mock {
			mock = " MOCK"
		}
		fmt.Fprintf(w, "feed %s\t%s (%d decimals, x%s/%s)%s\n", f.Symbol, f.Aggregator, f.Decimals, f.PriceNum, f.PriceDen, mock)
	}
	fmt.Fprintf(w, "genesis state\t%s\n", dep.GenesisState)
	fmt.Fprintf(w, "policy\t%s\n", dep.PolicyCommitment)
	fmt.Fprintf(w, "governance\t%s\n", dep.Governance)
	fmt.Fprintf(w, "guardian\t%s\n", dep.Guardian)
	fmt.Fprintf(w, "deployment\t%s\n", opts.Out)
	return w.Flush()
}

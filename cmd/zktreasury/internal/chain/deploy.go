package chain

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/shopspring/decimal"
	"github.com/spf13/cobra"

	"github.com/zktreasury/zktreasury/circuits/gadget/bound"
	wrapcircuit "github.com/zktreasury/zktreasury/circuits/wrap"
	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
	"github.com/zktreasury/zktreasury/contracts"
	"github.com/zktreasury/zktreasury/prover"
	"github.com/zktreasury/zktreasury/prover/batchrun"
	"github.com/zktreasury/zktreasury/prover/keystore"
	"github.com/zktreasury/zktreasury/prover/statement"
	"github.com/zktreasury/zktreasury/prover/zk"
	"github.com/zktreasury/zktreasury/treasury"
)

// MockFeedDecimals is the decimals of the mock feeds `--feeds mock` deploys, as Chainlink's USD
// feeds have.
const MockFeedDecimals = 8

// DefaultMockHeartbeat is the heartbeat of the mock feeds `--feeds mock` deploys (USDC/USD's
// on mainnet), unless --heartbeat names another.
const DefaultMockHeartbeat = 24 * time.Hour

// DevChainIDs are the chains on which governance may be the deployer's own key without a
// warning: geth --dev (1337) and Hardhat/Anvil (31337).
var DevChainIDs = []uint64{1337, 31337}

// DeployOptions are the options of `chain deploy`.
type DeployOptions struct {
	F      *cmdutil.Factory
	RPC    string
	Signer Signer
	// KeysDir is the key store holding the epoch circuit's verifying key.
	KeysDir string
	// Case is the case directory: the policy, prices, positions S(0), secrets and case.json.
	Case string
	// Capacity and Slots override case.json (0: use it).
	Capacity, Slots int
	// RangeCheck is the epoch circuit's range-check strategy ("": its default).
	RangeCheck string
	Backend    string
	// MockFeeds deploys a mock feed for every asset without a FeedAddrs entry.
	MockFeeds string
	// FeedAddrs are SYMBOL=0xADDR pairs naming existing Chainlink feeds (proxies).
	FeedAddrs []string
	// Heartbeats are SYMBOL=DURATION pairs: each feed's own maximum age. Required for every
	// --feed; mock feeds default to DefaultMockHeartbeat.
	Heartbeats []string
	// GenesisTime is epoch 1's start: unix seconds or RFC 3339 ("": case.json's startTime).
	GenesisTime string
	// MockRoundTime stamps the mock feeds' first round (unix seconds or RFC 3339; "": the
	// genesis time).
	MockRoundTime string
	// SequencerFeed is an L2 sequencer-uptime feed ("" on L1) and SequencerGrace its grace period.
	SequencerFeed  string
	SequencerGrace time.Duration
	// Governance and Guardian default to the signer (to the node's dev account with
	// --dev-account).
	Governance, Guardian string
	PolicyDelay          time.Duration
	PolicyGrace          time.Duration
	// ContractsDir holds tools/compile.js and the pinned solc-js.
	ContractsDir string
	Out          string
	JSON         bool
	// Manifest is a batched run's directory: deploy the verifier of its wrap
	// circuit (the key its first `prove epoch --manifest` made) instead of the
	// epoch circuit's, with the run's capacity M·K as the tree capacity.
	Manifest string
}

// NewCmdDeploy returns `chain deploy`.
func NewCmdDeploy(f *cmdutil.Factory, runF func(*DeployOptions) error) *cobra.Command {
	opts := &DeployOptions{F: f}
	cmd := &cobra.Command{
		Use:   "deploy",
		Short: "Deploy the epoch verifier of your keys, the price feeds and the epoch registry",
		Long: `Export the Solidity verifier of the epoch circuit's verifying key from the key
store, for the circuit shape of the case, compile it with the pinned solc-js
(node and ` + "`npm ci --prefix contracts`" + ` needed), deploy it, deploy or adopt one
Chainlink feed per asset, and deploy the registry starting from the case's state
S(0) (its positions and secrets) under its policy commitment, at the genesis time
(epoch 1's start). Writes the deployment file atomically.

A real deployment names an existing Chainlink USD feed (its proxy) per asset
with --feed SYMBOL=0xADDR and that feed's heartbeat with --heartbeat
SYMBOL=DURATION (each feed has its own: USDC/USD 24h, ETH/USD 1h on mainnet).
--feeds mock deploys Chainlink-shaped mock feeds (aggregator and proxy) whose
first round, 0x1<<64|1, answers the case's prices at 8 decimals (development:
anyone can add rounds). The registry refuses at deploy a feed whose current
answer converts to fewer than 10000 value units per circuit unit (coarser than
1 bps).

Warns when governance is the signer's own key on a chain other than a
development chain (1337, 31337): governance should be a timelocked multisig or
DAO.`,
		Example: `  zktreasury chain deploy --rpc http://127.0.0.1:8545 --dev-account --keys out/keys --case testdata/epoch --feeds mock --out out/deployment.json
  zktreasury chain deploy --rpc $RPC --key operator.key --keys keys --case prod --genesis-time 2026-12-01T00:00:00Z \
    --feed USDC=0x8fFf... --heartbeat USDC=24h --feed WETH=0x5f4e... --heartbeat WETH=1h --governance 0xDAO...`,
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
			if _, err := zk.ByName(opts.Backend); err != nil {
				return cmdutil.Usagef("--backend: %v", err)
			}
			if opts.Manifest != "" && (cmd.Flags().Changed("keys") || cmd.Flags().Changed("capacity")) {
				return cmdutil.Usagef("with --manifest the key and the tree capacity are the batched run's: drop --keys and --capacity")
			}
			if opts.Manifest != "" && opts.Backend != "groth16" {
				return cmdutil.Usagef("a batched epoch's verifier is groth16 (the wrap of the joined proof): drop --backend %s", opts.Backend)
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
			}{{"policy-delay", opts.PolicyDelay}, {"policy-grace", opts.PolicyGrace}} {
				if d.v < time.Second || d.v%time.Second != 0 {
					return cmdutil.Usagef("--%s %v: want a whole number of seconds, at least 1s", d.name, d.v)
				}
			}
			if opts.SequencerGrace < 0 || opts.SequencerGrace%time.Second != 0 {
				return cmdutil.Usagef("--sequencer-grace %v: want a whole number of seconds", opts.SequencerGrace)
			}
			for _, a := range []struct {
				name string
				v    string
			}{{"governance", opts.Governance}, {"guardian", opts.Guardian}, {"sequencer-feed", opts.SequencerFeed}} {
				if a.v != "" && !common.IsHexAddress(a.v) {
					return cmdutil.Usagef("--%s %q is not an address", a.name, a.v)
				}
			}
			for _, t := range []struct{ name, v string }{{"genesis-time", opts.GenesisTime}, {"mock-round-time", opts.MockRoundTime}} {
				if t.v != "" {
					if _, err := ParseTime(t.v); err != nil {
						return cmdutil.Usagef("--%s: %v", t.name, err)
					}
				}
			}
			if _, err := parseHeartbeats(opts.Heartbeats); err != nil {
				return err
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
	fl.StringVar(&opts.KeysDir, "keys", "keys", "key store holding the epoch circuit's verifying key")
	fl.StringVar(&opts.Case, "case", "", "case directory: policy.json, prices.csv, positions.csv (S(0)), secrets.json, case.json")
	fl.IntVar(&opts.Capacity, "capacity", 0, "liabilities tree capacity (default: case.json)")
	fl.IntVar(&opts.Slots, "slots", 0, "action slots K (default: case.json)")
	fl.StringVar(&opts.RangeCheck, "range-check", "", "range-check strategy of the epoch circuit: lookup or bits (default: bits)")
	fl.StringVar(&opts.Backend, "backend", "groth16", "proof system of the verifier: groth16 or plonk")
	fl.StringVar(&opts.MockFeeds, "feeds", "", "mock: deploy Chainlink-shaped mock feeds at the case's prices for assets without --feed (development only)")
	fl.StringArrayVar(&opts.FeedAddrs, "feed", nil, "SYMBOL=0xADDR: an existing Chainlink USD feed (proxy) for an asset (repeat per asset)")
	fl.StringArrayVar(&opts.Heartbeats, "heartbeat", nil, "SYMBOL=DURATION: that feed's maximum age at an epoch's end (required per --feed; mock feeds: 24h)")
	fl.StringVar(&opts.GenesisTime, "genesis-time", "", "epoch 1's start, unix seconds or RFC 3339 (default: case.json's startTime)")
	fl.StringVar(&opts.MockRoundTime, "mock-round-time", "", "when the mock feeds' first round was updated, unix seconds or RFC 3339 (default: the genesis time)")
	fl.StringVar(&opts.SequencerFeed, "sequencer-feed", "", "Chainlink L2 sequencer-uptime feed (L2 deployments)")
	fl.DurationVar(&opts.SequencerGrace, "sequencer-grace", time.Hour, "how long after the sequencer comes back up submissions wait")
	fl.StringVar(&opts.Governance, "governance", "", "governance address (default: the signer; the node's dev account with --dev-account)")
	fl.StringVar(&opts.Guardian, "guardian", "", "guardian address, who can pause (default: as governance)")
	fl.DurationVar(&opts.PolicyDelay, "policy-delay", 24*time.Hour, "timelock on policy changes, whole seconds")
	fl.DurationVar(&opts.PolicyGrace, "policy-grace", 7*24*time.Hour, "how long after its timelock a queued policy stays executable, whole seconds")
	fl.StringVar(&opts.ContractsDir, "contracts", "", "contracts directory with tools/compile.js and solc-js (default: ./contracts)")
	fl.StringVar(&opts.Out, "out", "deployment.json", "deployment file to write")
	fl.BoolVar(&opts.JSON, "json", false, "print the deployment as JSON")
	fl.StringVar(&opts.Manifest, "manifest", "", "a batched run's directory: deploy its wrap circuit's verifier (made by its first `prove epoch --manifest`) for batched epochs")
	return cmd
}

// ParseTime parses unix seconds or an RFC 3339 time, to whole seconds.
func ParseTime(s string) (time.Time, error) {
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		if n <= 0 {
			return time.Time{}, fmt.Errorf("time %q: want a positive unix time", s)
		}
		return time.Unix(n, 0).UTC(), nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("time %q: want unix seconds or RFC 3339 (2026-12-01T00:00:00Z)", s)
	}
	if t.Nanosecond() != 0 || t.Unix() <= 0 {
		return time.Time{}, fmt.Errorf("time %q: want a positive whole number of seconds", s)
	}
	return t.UTC(), nil
}

// parseHeartbeats maps symbol to the duration of --heartbeat SYMBOL=DURATION.
func parseHeartbeats(flags []string) (map[string]time.Duration, error) {
	out := map[string]time.Duration{}
	for _, f := range flags {
		sym, v, ok := strings.Cut(f, "=")
		d, err := time.ParseDuration(v)
		if !ok || sym == "" || err != nil || d < time.Second || d%time.Second != 0 || d > (1<<32-1)*time.Second {
			return nil, cmdutil.Usagef("--heartbeat %q: want SYMBOL=DURATION, a whole number of seconds (e.g. USDC=24h)", f)
		}
		if _, dup := out[sym]; dup {
			return nil, cmdutil.Usagef("--heartbeat: two heartbeats for %s", sym)
		}
		out[sym] = d
	}
	return out, nil
}

// caseStartTime reads an optional "startTime" (unix seconds or RFC 3339) from the case's
// case.json without minding its other fields.
func caseStartTime(dir string) (time.Time, bool, error) {
	path := filepath.Join(dir, statement.CaseFile)
	raw, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return time.Time{}, false, nil
	}
	if err != nil {
		return time.Time{}, false, fmt.Errorf("read %s: %w", path, err)
	}
	var c struct {
		StartTime json.RawMessage `json:"startTime"`
	}
	if err := json.Unmarshal(raw, &c); err != nil {
		return time.Time{}, false, fmt.Errorf("%s: %w", path, err)
	}
	if len(c.StartTime) == 0 {
		return time.Time{}, false, nil
	}
	v := strings.Trim(string(c.StartTime), `"`)
	t, err := ParseTime(v)
	if err != nil {
		return time.Time{}, false, fmt.Errorf("%s: startTime: %w", path, err)
	}
	return t, true, nil
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
	// capacity is a batched run's M·K (wrap verifiers only).
	capacity int
}

// exportWrapVerifier exports the Solidity verifier of a batched run's wrap
// key for epochs of shape p (batchrun.WrapVerifier).
func exportWrapVerifier(dir string, p wrapcircuit.Params) (*exportedVerifier, error) {
	vk, meta, p, err := batchrun.WrapVerifier(dir, p)
	if err != nil {
		return nil, err
	}
	var src bytes.Buffer
	if err := batchrun.WrapBackend.ExportSolidity(vk, &src); err != nil {
		return nil, fmt.Errorf("export the wrap verifier: %w", err)
	}
	return &exportedVerifier{circuit: batchrun.WrapCircuitName, params: p.String(), meta: meta, source: src.Bytes(), capacity: p.Users}, nil
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

// hex64 formats a field element as 0x-prefixed 64-digit hex, as proof files do.
func hex64(v *big.Int) string { return fmt.Sprintf("0x%064x", v) }

// mockAnswer is a USD price as the answer of a feed with MockFeedDecimals, exactly: a price with
// more decimals is refused rather than rounded, since the registry would then derive another
// circuit price than the case's.
func mockAnswer(symbol string, usd decimal.Decimal) (*big.Int, error) {
	a := usd.Shift(MockFeedDecimals)
	if !a.Equal(a.Truncate(0)) {
		return nil, fmt.Errorf("the case's %s price %s has more than %d decimals: a mock feed cannot answer it exactly", symbol, usd, MockFeedDecimals)
	}
	return a.BigInt(), nil
}

// isDevChain reports whether id is a development chain.
func isDevChain(id *big.Int) bool {
	for _, d := range DevChainIDs {
		if id.IsUint64() && id.Uint64() == d {
			return true
		}
	}
	return false
}

// governanceWarning is the warning `chain deploy` prints when governance is the signer's own
// key on a chain that is not a development chain, else "".
func governanceWarning(governance, signer common.Address, chainID *big.Int) string {
	if governance != signer || isDevChain(chainID) {
		return ""
	}
	return fmt.Sprintf("warning: governance is the deployer's own key %s on chain %v: whoever holds it alone can change the policy and unpause; "+
		"pass --governance with a timelocked multisig or DAO, or hand it over with `zktreasury chain role propose --role governance --to ADDR` and the nominee's `chain role accept`", governance, chainID)
}

func deployRun(ctx context.Context, opts *DeployOptions) error {
	if ctx == nil {
		ctx = context.Background()
	}
	prog := cmdutil.NewProgress(opts.F.Err, opts.JSON)
	kind, _ := contracts.ParseVerifierKind(opts.Backend)
	b, _ := zk.ByName(opts.Backend)
	heartbeats, _ := parseHeartbeats(opts.Heartbeats)

	prog.Step("loading the case %s", opts.Case)
	cs, err := loadDeployCase(opts)
	if err != nil {
		return err
	}
	feedAddrs, err := parseFeedFlags(cs.policy, opts.FeedAddrs)
	if err != nil {
		return err
	}
	for sym := range heartbeats {
		if cs.policy.AssetIndex(sym) < 0 {
			return cmdutil.Usagef("--heartbeat %s: the policy has no asset %q (assets: %v)", sym, sym, cs.policy.Symbols())
		}
	}
	var missing []string
	for a, asset := range cs.policy.Assets {
		if _, ok := feedAddrs[a]; !ok {
			missing = append(missing, asset.Symbol)
		} else if _, ok := heartbeats[asset.Symbol]; !ok {
			return cmdutil.Usagef("--feed %s needs --heartbeat %s=DURATION, that feed's own maximum age", asset.Symbol, asset.Symbol)
		}
	}
	if len(missing) > 0 && opts.MockFeeds != "mock" {
		return cmdutil.Usagef("no price feed for %v: pass --feed SYMBOL=0xADDR for each, or --feeds mock (development)", missing)
	}
	var genesisTime time.Time
	if opts.GenesisTime != "" {
		genesisTime, _ = ParseTime(opts.GenesisTime)
	} else {
		t, ok, err := caseStartTime(opts.Case)
		if err != nil {
			return err
		}
		if !ok {
			return cmdutil.Usagef("no genesis time: pass --genesis-time (epoch 1's start, unix seconds or RFC 3339) or a --case whose case.json has startTime")
		}
		genesisTime = t
	}
	mockRoundTime := genesisTime
	if opts.MockRoundTime != "" {
		mockRoundTime, _ = ParseTime(opts.MockRoundTime)
	}
	if cs.capacity == 0 && opts.Manifest == "" {
		return cmdutil.Usagef("no tree capacity: pass --capacity or a --case whose case.json has capacity")
	}
	if cs.slots == 0 {
		return cmdutil.Usagef("no action slots: pass --slots or a --case whose case.json has slots")
	}
	rc := prover.DefaultRangeCheck("epoch")
	if opts.RangeCheck != "" {
		rc, _ = bound.ParseMode(opts.RangeCheck)
	}
	var ev *exportedVerifier
	if opts.Manifest != "" {
		prog.Step("exporting the wrap verifier of the batched run %s (compiles the wrap circuit)", opts.Manifest)
		if ev, err = exportWrapVerifier(opts.Manifest, wrapcircuit.Params{Actions: cs.slots, Assets: len(cs.policy.Assets), Venues: len(cs.policy.Venues), RangeCheck: rc}); err != nil {
			return err
		}
		cs.capacity = ev.capacity
	} else {
		shape := prover.Shape{Circuit: "epoch", Users: cs.capacity, Actions: cs.slots, Assets: len(cs.policy.Assets), Venues: len(cs.policy.Venues), RangeCheck: rc}
		prog.Step("exporting the epoch %s verifier from %s", b.Name(), opts.KeysDir)
		if ev, err = exportVerifier(keystore.Store{Dir: opts.KeysDir}, b, shape); err != nil {
			return err
		}
	}
	if ev.meta.Insecure {
		fmt.Fprintf(opts.F.Err, "warning: the %s key comes from a single-party setup (insecure): whoever ran it can forge proofs this registry accepts\n", ev.circuit)
	}
	name := VerifierName(ev.circuit, b.Name())
	prog.Step("compiling the verifier with solc-js")
	arts, err := contracts.CompileVerifiers(ctx, opts.ContractsDir, map[string][]byte{name: ev.source})
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
	head, err := conn.Client.HeaderByNumber(ctx, nil)
	if err != nil {
		return fmt.Errorf("read the head block of %s: %w", opts.RPC, err)
	}
	if genesisTime.Unix() > int64(head.Time) {
		return fmt.Errorf("genesis time %s is after the chain's head block time %s: epoch 1 must start in the past",
			genesisTime.Format(time.RFC3339), time.Unix(int64(head.Time), 0).UTC().Format(time.RFC3339))
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
	if w := governanceWarning(governance, acct.Auth.From, conn.ChainID); w != "" {
		fmt.Fprintln(opts.F.Err, w)
	}

	dep := &Deployment{ChainID: conn.ChainID.Uint64(), Backend: b.Name(),
		GenesisState: hex64(cs.genesis), PolicyCommitment: hex64(cs.commit), GenesisTime: genesisTime,
		Governance: governance, Guardian: guardian, Deployer: acct.Auth.From,
		PolicyDelaySeconds: uint64(opts.PolicyDelay / time.Second), PolicyGraceSeconds: uint64(opts.PolicyGrace / time.Second),
		ValueDecimals: uint8(cs.policy.ValueDecimals), TreeCapacity: uint64(cs.capacity),
		Case: opts.Case, CreatedAt: time.Now().UTC().Truncate(time.Second)}
	if abs, err := filepath.Abs(opts.Case); err == nil {
		dep.Case = abs
	}
	cfg := contracts.DeployConfig{Governance: governance, Guardian: guardian, GenesisState: cs.genesis, GenesisPolicy: cs.commit,
		GenesisTime: genesisTime, PolicyDelay: opts.PolicyDelay, PolicyGracePeriod: opts.PolicyGrace,
		ValueDecimals: uint8(cs.policy.ValueDecimals), TreeCapacity: uint64(cs.capacity),
		Verifier: contracts.VerifierSpec{Kind: kind, Bytecode: arts[name].Bytecode}}
	if opts.SequencerFeed != "" {
		cfg.Sequencer = &contracts.SequencerConfig{Feed: common.HexToAddress(opts.SequencerFeed), GracePeriod: opts.SequencerGrace}
		dep.Sequencer = &Sequencer{Feed: cfg.Sequencer.Feed, GraceSeconds: uint64(opts.SequencerGrace / time.Second)}
	}
	for a, asset := range cs.policy.Assets {
		f := Feed{Symbol: asset.Symbol, CircuitDecimals: uint8(asset.CircuitDecimals)}
		hb, ok := heartbeats[asset.Symbol]
		if !ok {
			hb = DefaultMockHeartbeat
		}
		f.HeartbeatSeconds = uint64(hb / time.Second)
		if addr, ok := feedAddrs[a]; ok {
			ans, err := contracts.ReadFeed(ctx, conn.Client, addr)
			if err != nil {
				return fmt.Errorf("--feed %s: %w", asset.Symbol, err)
			}
			f.Aggregator, f.Decimals = addr, ans.Decimals
			if err := checkAdoptedFeed(opts, asset.Symbol, ans, uint8(cs.policy.ValueDecimals), f.CircuitDecimals); err != nil {
				return err
			}
		} else {
			answer, err := mockAnswer(asset.Symbol, cs.prices.USD[a])
			if err != nil {
				return err
			}
			prog.Step("deploying a mock %s feed answering %s at %s", asset.Symbol, cs.prices.USD[a], mockRoundTime.Format(time.RFC3339))
			mf, err := contracts.DeployMockFeed(ctx, conn.Client, acct.Auth, MockFeedDecimals,
				contracts.MockRound{Answer: answer, UpdatedAt: uint64(mockRoundTime.Unix())})
			if err != nil {
				return err
			}
			f.Aggregator, f.Decimals, f.Mock, f.MockAggregator, f.Gas = mf.Proxy, MockFeedDecimals, true, mf.Aggregator, mf.Gas
			f.MockRound = contracts.RoundID(mf.Phase, 1).String()
		}
		dep.Feeds = append(dep.Feeds, f)
		cfg.Feeds = append(cfg.Feeds, contracts.FeedConfig{Aggregator: f.Aggregator, Decimals: f.Decimals, CircuitDecimals: f.CircuitDecimals, Heartbeat: hb})
	}
	prog.Step("deploying the %s verifier and the registry", b.Name())
	d, err := contracts.Deploy(ctx, conn.Client, acct.Auth, cfg)
	if err != nil {
		return err
	}
	dep.Registry, dep.Block, dep.RegistryGas = d.Registry, d.Block, d.RegistryGas
	dep.Verifier = Verifier{Circuit: ev.circuit, Params: ev.params, CircuitDigest: ev.meta.CircuitDigest, VerifyingKeyDigest: ev.meta.VerifyingKeyDigest,
		Insecure: ev.meta.Insecure, TranscriptDigest: ev.meta.TranscriptDigest, Address: d.Verifier, Gas: d.VerifierGas}
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
	v := dep.Verifier
	insecure := ""
	if v.Insecure {
		insecure = ", INSECURE keys"
	}
	fmt.Fprintf(w, "%s verifier\t%s (%s %s, %d gas%s)\n", v.Circuit, v.Address, dep.Backend, v.Params, v.Gas, insecure)
	for _, f := range dep.Feeds {
		mock := ""
		if f.Mock {
			mock = fmt.Sprintf(" MOCK, round %s", f.MockRound)
		}
		fmt.Fprintf(w, "feed %s\t%s (%d decimals, heartbeat %s%s)\n", f.Symbol, f.Aggregator, f.Decimals, time.Duration(f.HeartbeatSeconds)*time.Second, mock)
	}
	if dep.Sequencer != nil {
		fmt.Fprintf(w, "sequencer feed\t%s (grace %s)\n", dep.Sequencer.Feed, time.Duration(dep.Sequencer.GraceSeconds)*time.Second)
	}
	fmt.Fprintf(w, "genesis\t%s, state %s\n", dep.GenesisTime.Format(time.RFC3339), dep.GenesisState)
	fmt.Fprintf(w, "policy\t%s\n", dep.PolicyCommitment)
	fmt.Fprintf(w, "tree capacity\t%d\n", dep.TreeCapacity)
	fmt.Fprintf(w, "governance\t%s\n", dep.Governance)
	fmt.Fprintf(w, "guardian\t%s\n", dep.Guardian)
	fmt.Fprintf(w, "deployment\t%s\n", opts.Out)
	return w.Flush()
}

// checkAdoptedFeed refuses, before the registry would, an adopted feed whose latest answer
// converts to fewer than contracts.MinDeployPrice value units per circuit unit, and says what
// circuit price its latest round gives.
func checkAdoptedFeed(opts *DeployOptions, symbol string, ans contracts.FeedAnswer, valueDecimals, circuitDecimals uint8) error {
	scale, err := contracts.NewPriceScale(ans.Decimals, valueDecimals, circuitDecimals)
	if err != nil {
		return fmt.Errorf("--feed %s: %w", symbol, err)
	}
	p, err := scale.Price(ans.Latest.Answer)
	if err != nil {
		return fmt.Errorf("--feed %s: latest round %v: %w", symbol, ans.Latest.RoundID, err)
	}
	if p.Cmp(big.NewInt(contracts.MinDeployPrice)) < 0 {
		return fmt.Errorf("--feed %s: its answer %v converts to %v value units per circuit unit, fewer than %d (coarser than 1 bps); raise the policy's valueDecimals",
			symbol, ans.Latest.Answer, p, contracts.MinDeployPrice)
	}
	fmt.Fprintf(opts.F.Err, "feed %s: latest round %v answers %v (%v value units per circuit unit), updated %s\n",
		symbol, ans.Latest.RoundID, ans.Latest.Answer, p, ans.Latest.UpdatedAt.Format(time.RFC3339))
	return nil
}

package runner

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/consensys/gnark/frontend"
	gnarklog "github.com/consensys/gnark/logger"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/shopspring/decimal"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/chain"
	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
	"github.com/zktreasury/zktreasury/contracts"
	"github.com/zktreasury/zktreasury/prover"
	"github.com/zktreasury/zktreasury/prover/keystore"
	"github.com/zktreasury/zktreasury/prover/prooffile"
	"github.com/zktreasury/zktreasury/prover/statement"
	"github.com/zktreasury/zktreasury/prover/zk"
	"github.com/zktreasury/zktreasury/treasury"
	"github.com/zktreasury/zktreasury/treasury/actionlog"
	"github.com/zktreasury/zktreasury/treasury/corridor"
	"github.com/zktreasury/zktreasury/treasury/engine"
)

// ErrInsolvent is returned (wrapped) when an epoch cannot be proven because its end state
// does not cover the liabilities, or the engine refused to execute for that reason: the run
// stops there, with no proof (exit 3).
var ErrInsolvent = errors.New("insolvent")

// File names inside an epoch's case directory, besides statement's case files.
const (
	EpochProofFile  = "epoch.proof.json"
	InclusionDir    = "inclusion"
	DeploymentFile  = "deployment.json"
	epochsDir       = "epochs"
	mockFeedRound0  = 1 // the aggregator round a mock feed is deployed with (the genesis prices)
	receiptDeadline = 2 * time.Minute
)

// Options are the options of one run.
type Options struct {
	// Config is the loaded run configuration.
	Config *Config
	// Through is the last epoch to run (0: one more than the last confirmed).
	Through uint64
	// Err receives progress; Quiet silences it.
	Err   io.Writer
	Quiet bool
	// ContractsDir holds tools/compile.js and the pinned solc-js ("": ./contracts).
	ContractsDir string
}

// Result is what a run did: the JSON document `run --json` prints.
type Result struct {
	// StateDir is the state directory; Chain "simulated" or the RPC URL; Registry and
	// Deployment the registry's address and the deployment file.
	StateDir   string `json:"stateDir"`
	Chain      string `json:"chain"`
	ChainID    uint64 `json:"chainId"`
	Registry   string `json:"registry"`
	Deployment string `json:"deployment"`
	// LastEpoch and StateCommitment are the last confirmed epoch and its S(n).
	LastEpoch       uint64 `json:"lastEpoch"`
	StateCommitment string `json:"stateCommitment"`
	// Epochs are the epochs this run worked on (not those confirmed by earlier runs).
	Epochs []EpochReport `json:"epochs"`
}

// EpochReport is one epoch of a run.
type EpochReport struct {
	Epoch uint64    `json:"epoch"`
	Start time.Time `json:"start"`
	End   time.Time `json:"end"`
	Dir   string    `json:"dir"`
	// Resumed is set when a previous run had planned the epoch.
	Resumed bool `json:"resumed"`
	// Actions are the logged actions; Corridors what of the policy's limits they used.
	Actions   []Action  `json:"actions"`
	Corridors Corridors `json:"corridors"`
	// SolvencyRatioPercent is haircut reserves over liabilities at the epoch's prices;
	// MinRatioPercent the policy's minimum.
	SolvencyRatioPercent string `json:"solvencyRatioPercent"`
	MinRatioPercent      string `json:"minRatioPercent"`
	// Proof is the epoch proof file, ProofBytes its proof's size, ProveSeconds the prover's
	// time (0 when reused), ProofReused set when a verified proof on disk was taken.
	Proof        string  `json:"proof"`
	ProofBytes   int     `json:"proofBytes"`
	ProveSeconds float64 `json:"proveSeconds,omitempty"`
	ProofReused  bool    `json:"proofReused"`
	// Standalone are the standalone proof files.
	Standalone []string `json:"standalone,omitempty"`
	// TxHash, Block and GasUsed are the submission's; RecognisedOnChain is set when the
	// epoch was found recorded before this run submitted it.
	TxHash            string `json:"txHash"`
	Block             uint64 `json:"block,omitempty"`
	GasUsed           uint64 `json:"gasUsed,omitempty"`
	RecognisedOnChain bool   `json:"recognisedOnChain,omitempty"`
	// InclusionFiles is how many users' inclusion files were written.
	InclusionFiles int `json:"inclusionFiles"`
}

// Action is one logged action in tokens.
type Action struct {
	// Kind and Venue name the action; the assets and amounts are in tokens.
	Kind      string `json:"kind"`
	Venue     string `json:"venue"`
	AssetIn   string `json:"assetIn"`
	AmountIn  string `json:"amountIn"`
	AssetOut  string `json:"assetOut"`
	AmountOut string `json:"amountOut"`
}

// Corridors are the epoch's budgets and how much of them it used, in USD, and the policy's
// per-action limits every action stayed inside.
type Corridors struct {
	// TurnoverUSD and LossUSD are what the epoch used of its budgets (per day × its length);
	// NotionalCapUSD and MaxSlippageBps bound every action.
	TurnoverUSD       string `json:"turnoverUSD"`
	TurnoverBudgetUSD string `json:"turnoverBudgetUSD"`
	LossUSD           string `json:"lossUSD"`
	LossBudgetUSD     string `json:"lossBudgetUSD"`
	NotionalCapUSD    string `json:"notionalCapUSD"`
	MaxSlippageBps    uint32 `json:"maxSlippageBps"`
	// Weights are the end weights with their bands, "WETH 24.10% in [15.00%, 35.00%]".
	Weights []string `json:"weights"`
}

type run struct {
	opts  Options
	cfg   *Config
	in    *inputs
	dir   string
	st    *State
	prog  *progress
	store keystore.Store
	// keys keeps the compiled circuit and its loaded keys from one epoch's proof to the next.
	keys prover.Cache
	back zk.Backend
	ctx  context.Context

	conn    contracts.Backend
	auth    *bind.TransactOpts
	chainID uint64
	closeFn func()
	label   string
	dep     *chain.Deployment
	reg     *contracts.Registry
	// slots caches each epoch's schedule and prices (slotOf).
	slots map[uint64]*slot
}

// Run runs the configured epochs up to opts.Through, resuming from the state directory.
func Run(ctx context.Context, opts Options) (*Result, error) {
	if ctx == nil {
		ctx = context.Background()
	}
	c := opts.Config
	r := &run{opts: opts, cfg: c, dir: c.Path(c.State), prog: newProgress(opts.Err, opts.Quiet), ctx: ctx,
		store: keystore.Store{Dir: c.Path(c.Keys)}}
	defer r.prog.end()
	gnarklog.Set(r.prog.gnarkLogger())
	r.back, _ = zk.ByName(c.Backend)
	r.prog.begin("loading the inputs named by %s", c.path)
	var err error
	if r.in, err = loadInputs(c); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Join(r.dir, epochsDir), 0o755); err != nil {
		return nil, err
	}
	removeStaleTemps(filepath.Join(r.dir, epochsDir))
	if r.st, err = LoadState(r.dir); err != nil {
		return nil, err
	}
	through := opts.Through
	if through == 0 {
		through = r.st.LastEpoch + 1
	}
	if c.Live == nil && through > r.in.epochs() {
		return nil, fmt.Errorf("epoch %d: the price series %s has %d epochs (dates after the genesis %s)", through, c.Path(c.Series),
			r.in.epochs(), r.in.series.Dates[0].Format("2006-01-02"))
	}
	if err := r.connect(); err != nil {
		return nil, err
	}
	defer r.closeFn()
	if err := r.deploy(); err != nil {
		return nil, err
	}
	res := &Result{Epochs: []EpochReport{}, StateDir: r.dir, Chain: r.label, ChainID: r.chainID, Registry: r.dep.Registry.Hex(),
		Deployment: filepath.Join(r.dir, DeploymentFile)}
	eng, err := r.newEngine()
	if err != nil {
		return nil, err
	}
	for n := uint64(1); n <= through; n++ {
		rep, err := r.epoch(eng, n)
		if err != nil {
			return res, err
		}
		if rep != nil {
			res.Epochs = append(res.Epochs, *rep)
		}
	}
	r.prog.end()
	res.LastEpoch, res.StateCommitment = r.st.LastEpoch, r.st.StateCommitment
	return res, nil
}

func (r *run) save() error { return r.st.save(r.dir) }

// connect opens the chain: the simulated chain of the state directory, or the RPC node.
func (r *run) connect() error {
	ch := r.cfg.Chain
	if ch.RPC == "" {
		r.prog.begin("opening the simulated chain in %s", filepath.Join(r.dir, "chain"))
		sc, err := openSimChain(r.dir)
		if err != nil {
			return err
		}
		auth := bind.NewKeyedTransactor(sc.key, big.NewInt(simChainID))
		r.conn, r.auth, r.chainID, r.closeFn, r.label = sc, auth, simChainID, sc.Close, "simulated"
		return nil
	}
	r.prog.begin("connecting to %s", ch.RPC)
	conn, err := chain.Dial(r.ctx, ch.RPC)
	if err != nil {
		return err
	}
	signer := chain.Signer{KeyFile: r.cfg.Path(ch.Key), DevAccount: ch.DevAccount}
	acct, err := signer.Open(r.ctx, conn, r.opts.Err)
	if err != nil {
		conn.Close()
		return err
	}
	r.conn, r.auth, r.chainID, r.closeFn, r.label = conn.Client, acct.Auth, conn.ChainID.Uint64(), conn.Close, ch.RPC
	return nil
}

// epochShape is the epoch circuit's shape for the configuration.
func (r *run) shape(circuit string) prover.Shape {
	p := r.in.policy
	return prover.Shape{Circuit: circuit, Users: r.cfg.Capacity, Actions: r.cfg.Slots, Assets: len(p.Assets), Venues: len(p.Venues), RangeCheck: r.cfg.RangeMode()}
}

// deploy deploys the mock feeds, the epoch verifier and the registry once, and records the
// deployment; a deployment recorded in the state directory is reopened and checked.
func (r *run) deploy() error {
	path := filepath.Join(r.dir, DeploymentFile)
	adopt := false
	if r.st.Deployment == "" {
		// Deployed, but state.json does not say so (lost, or a crash between writing the
		// deployment and state.json): adopt it rather than deploy a second registry over it.
		if _, err := os.Stat(path); err == nil {
			adopt = true
		}
	}
	if r.st.Deployment != "" || adopt {
		dep, err := chain.ReadDeployment(path)
		if err != nil {
			return err
		}
		if dep.ChainID != r.chainID {
			return fmt.Errorf("%s is on chain %d, the run's chain is %d", path, dep.ChainID, r.chainID)
		}
		genesis, commit, err := chain.Genesis(r.in.policy, r.in.s0, r.in.secrets)
		if err != nil {
			return err
		}
		if g, c := fmt.Sprintf("0x%064x", genesis), fmt.Sprintf("0x%064x", commit); dep.GenesisState != g || dep.PolicyCommitment != c {
			return fmt.Errorf("%s is the deployment of genesis state %s and policy %s, the run's inputs give %s and %s: another treasury's state directory",
				path, dep.GenesisState, dep.PolicyCommitment, g, c)
		}
		r.dep = dep
		r.reg, err = contracts.NewRegistry(dep.Registry, r.conn, r.auth)
		if err != nil {
			return err
		}
		code, err := r.conn.CodeAt(r.ctx, dep.Registry, nil)
		if err != nil {
			return fmt.Errorf("read the registry's code at %s: %w", dep.Registry, err)
		}
		if len(code) == 0 {
			return fmt.Errorf("no registry at %s on %s (the chain was reset?): start a new state directory", dep.Registry, r.label)
		}
		if r.cfg.Live != nil {
			if err := r.checkLiveDeployment(dep); err != nil {
				return err
			}
		}
		if adopt {
			r.prog.note("%s has no deployment, %s does: adopting registry %s", StatePath(r.dir), path, dep.Registry)
			r.st.Deployment, r.st.StateCommitment = DeploymentFile, dep.GenesisState
			return r.save()
		}
		return nil
	}
	in := r.in
	r.prog.begin("exporting the epoch %s verifier from %s", r.back.Name(), r.store.Dir)
	shape := r.shape("epoch")
	params, meta, src, err := chain.ExportVerifier(r.store, r.back, shape)
	if err != nil {
		return fmt.Errorf("%w (shape: --policy %s --capacity %d --slots %d --range-check %s)", err, r.cfg.Path(r.cfg.Policy), r.cfg.Capacity, r.cfg.Slots, r.cfg.RangeCheck)
	}
	r.prog.begin("compiling the verifier with solc-js")
	name := chain.VerifierName("epoch", r.back.Name())
	arts, err := contracts.CompileVerifiers(r.ctx, r.opts.ContractsDir, map[string][]byte{name: src})
	if errors.Is(err, contracts.ErrNoCompiler) && r.opts.ContractsDir == "" {
		return fmt.Errorf("%w (or pass --contracts path/to/zktreasury/contracts)", err)
	}
	if err != nil {
		return err
	}
	genesis, commit, err := chain.Genesis(in.policy, in.s0, in.secrets)
	if err != nil {
		return err
	}
	var gTime time.Time
	if r.cfg.Live != nil {
		gTime = r.cfg.Live.genesis
	} else {
		gTime = in.series.Dates[0].UTC()
	}
	head, err := r.conn.HeaderByNumber(r.ctx, nil)
	if err != nil {
		return err
	}
	if uint64(gTime.Unix()) > head.Time {
		return fmt.Errorf("genesis %s (the series' first date, or live.genesis) is after the chain's head block time %s: epochs must end in the past",
			gTime.Format(time.RFC3339), time.Unix(int64(head.Time), 0).UTC().Format(time.RFC3339))
	}
	kind, _ := contracts.ParseVerifierKind(r.back.Name())
	cfg := contracts.DeployConfig{Governance: r.auth.From, Guardian: r.auth.From, GenesisState: genesis, GenesisPolicy: commit,
		GenesisTime: gTime, PolicyDelay: 24 * time.Hour, PolicyGracePeriod: 7 * 24 * time.Hour,
		ValueDecimals: uint8(in.policy.ValueDecimals), TreeCapacity: uint64(r.cfg.Capacity),
		Verifier: contracts.VerifierSpec{Kind: kind, Bytecode: arts[name].Bytecode}}
	dep := &chain.Deployment{ChainID: r.chainID, Backend: r.back.Name(), GenesisState: fmt.Sprintf("0x%064x", genesis),
		PolicyCommitment: fmt.Sprintf("0x%064x", commit), GenesisTime: gTime, Governance: r.auth.From, Guardian: r.auth.From,
		Deployer: r.auth.From, PolicyDelaySeconds: 86400, PolicyGraceSeconds: 7 * 86400, ValueDecimals: uint8(in.policy.ValueDecimals),
		TreeCapacity: uint64(r.cfg.Capacity), Case: r.epochDir(1), CreatedAt: time.Now().UTC().Truncate(time.Second)}
	if r.cfg.Live != nil {
		r.prog.begin("reading the live feeds")
		if err := r.liveFeeds(dep, &cfg); err != nil {
			return err
		}
	}
	for a, asset := range in.policy.Assets {
		if r.cfg.Live != nil {
			break
		}
		r.prog.begin("deploying a mock %s feed at %s USD", asset.Symbol, in.series.USD[0][a])
		answer := in.series.USD[0][a].Shift(chain.MockFeedDecimals).BigInt()
		mf, err := contracts.DeployMockFeed(r.ctx, r.conn, r.auth, chain.MockFeedDecimals, contracts.MockRound{Answer: answer, UpdatedAt: uint64(gTime.Unix())})
		if err != nil {
			return err
		}
		f := chain.Feed{Symbol: asset.Symbol, CircuitDecimals: uint8(asset.CircuitDecimals), HeartbeatSeconds: uint64(chain.DefaultMockHeartbeat / time.Second),
			Aggregator: mf.Proxy, Decimals: chain.MockFeedDecimals, Mock: true, MockAggregator: mf.Aggregator, Gas: mf.Gas,
			MockRound: contracts.RoundID(mf.Phase, mockFeedRound0).String()}
		dep.Feeds = append(dep.Feeds, f)
		cfg.Feeds = append(cfg.Feeds, contracts.FeedConfig{Aggregator: f.Aggregator, Decimals: f.Decimals, CircuitDecimals: f.CircuitDecimals, Heartbeat: chain.DefaultMockHeartbeat})
	}
	r.prog.begin("deploying the %s verifier and the registry", r.back.Name())
	d, err := contracts.Deploy(r.ctx, r.conn, r.auth, cfg)
	if err != nil {
		return err
	}
	dep.Registry, dep.Block, dep.RegistryGas = d.Registry, d.Block, d.RegistryGas
	dep.Verifier = chain.Verifier{Circuit: "epoch", Params: params, CircuitDigest: meta.CircuitDigest, VerifyingKeyDigest: meta.VerifyingKeyDigest,
		Insecure: meta.Insecure, TranscriptDigest: meta.TranscriptDigest, Address: d.Verifier, Gas: d.VerifierGas}
	crashPoint("deploy", 0)
	if err := chain.WriteDeployment(path, dep); err != nil {
		return err
	}
	r.st.Deployment = DeploymentFile
	r.st.StateCommitment = dep.GenesisState
	if err := r.save(); err != nil {
		return err
	}
	r.prog.note("registry %s on %s (verifier %s%s)", dep.Registry, r.label, params, map[bool]string{true: ", INSECURE development keys", false: ""}[meta.Insecure])
	r.dep = dep
	r.reg, err = contracts.NewRegistry(dep.Registry, r.conn, r.auth)
	return err
}

func unixUTC(t uint64) time.Time { return time.Unix(int64(t), 0).UTC() }

// timeLabel shows an epoch bound: a date with the series (its dates are midnights), the time
// with live feeds.
func (r *run) timeLabel(t uint64) string {
	if r.cfg.Live != nil {
		return unixUTC(t).Format(time.RFC3339)
	}
	return unixUTC(t).Format("2006-01-02")
}

func (r *run) epochDir(n uint64) string { return filepath.Join(r.dir, epochsDir, fmt.Sprint(n)) }

func (r *run) rel(p string) string {
	if q, err := filepath.Rel(r.dir, p); err == nil {
		return q
	}
	return p
}

// newEngine builds the engine at the genesis; epochs are replayed through it so that a resumed
// run's engine (venue model, volatility, triggers) is the uninterrupted run's.
func (r *run) newEngine() (*engine.Engine, error) {
	p := r.in.policy
	s0, err := corridor.StateFromPositions(p, r.in.s0)
	if err != nil {
		return nil, err
	}
	g, err := r.slotOf(0)
	if err != nil {
		return nil, err
	}
	cp, err := corridor.PricesFromSnapshot(p, &treasury.Prices{USD: g.usd})
	if err != nil {
		return nil, err
	}
	e, err := engine.New(p, r.in.engine, s0, cp)
	if err != nil {
		return nil, err
	}
	if err := e.SetLiabilities(r.in.ledger); err != nil {
		return nil, err
	}
	return e, nil
}

// epoch runs (or resumes, or replays) epoch n.
func (r *run) epoch(eng *engine.Engine, n uint64) (*EpochReport, error) {
	in := r.in
	p := in.policy
	es := r.st.epoch(n)
	sl, err := r.slotOf(n)
	if err != nil {
		return nil, err
	}
	start, end := sl.start, sl.end
	dir := r.epochDir(n)
	resumed := es != nil
	done := es.reached(StageConfirmed) && n <= r.st.LastEpoch
	if !done {
		r.prog.begin("epoch %d [%s, %s): planning with the engine", n, r.timeLabel(start), r.timeLabel(end))
	}
	cp, err := corridor.PricesFromSnapshot(p, &treasury.Prices{USD: sl.usd})
	if err != nil {
		return nil, err
	}
	s0 := eng.State.Clone()
	work, err := os.MkdirTemp(filepath.Join(r.dir, epochsDir), ".log.tmp-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(work)
	if eng.Log, err = actionlog.OpenDir(work); err != nil {
		return nil, err
	}
	eng.Epoch = n
	res, err := eng.RunEpoch(engine.EpochInput{Day: int(n), Date: unixUTC(end).Format("2006-01-02"), Prices: cp, Seconds: end - start})
	if err != nil {
		return nil, fmt.Errorf("epoch %d: %w", n, err)
	}
	switch {
	case res.Skipped != "":
		return nil, &cmdutil.UsageError{Err: fmt.Errorf("%s: %s (space the series' dates at least minEpochSeconds apart)", r.cfg.Path(r.cfg.Series), res.Skipped)}
	case res.Refused != nil:
		return nil, fmt.Errorf("%w: %v: no proof exists for it", ErrInsolvent, res.Refused)
	case res.Violation != nil:
		return nil, fmt.Errorf("epoch %d: the engine's executed epoch leaves a corridor: %w", n, res.Violation)
	}
	logRaw, err := os.ReadFile(eng.Log.Path(n))
	if err != nil {
		return nil, err
	}
	cparams := statement.CaseParams{Epoch: n, Capacity: r.cfg.Capacity, Slots: r.cfg.Slots, StartTime: start, EndTime: end, Rounds: sl.rounds}
	caseJSON, err := json.MarshalIndent(cparams, "", "  ")
	if err != nil {
		return nil, err
	}
	files := map[string][]byte{
		statement.CaseFile: append(caseJSON, '\n'), statement.PolicyFile: in.policyRaw, statement.PricesFile: pricesCSV(p, sl.usd),
		statement.PositionsFile: positionsCSV(p, s0), statement.LiabilitiesFile: in.ledgerRaw, statement.SecretsFile: in.secretsRaw,
		statement.ActionsFile: logRaw,
	}
	if es != nil {
		// Planned before: the replay must give the very log on disk.
		onDisk, err := actionlog.LoadEpoch(filepath.Join(dir, statement.ActionsFile), n)
		if err != nil {
			return nil, err
		}
		if h := actionlog.Head(onDisk); h != res.LogHead || h != es.LogHead {
			return nil, fmt.Errorf("epoch %d: the engine's replay gives action log head %s, %s holds %s (state.json: %s): the inputs changed since it was planned; use a new state directory",
				n, res.LogHead, dir, h, es.LogHead)
		}
		// And every other case file: the statement proven is loaded from them, and a file
		// edited since planning (a liability lowered: the root is a free public input on
		// chain) would be proven and submitted.
		if err := sameFiles(dir, files); err != nil {
			return nil, fmt.Errorf("epoch %d: %w: the case directory was edited since it was planned; restore it or use a new state directory", n, err)
		}
	} else {
		if _, err := os.Stat(dir); err == nil {
			// Written, but the crash came before state.json recorded it: replace it (the
			// replay is what it would have been).
			if err := os.RemoveAll(dir); err != nil {
				return nil, err
			}
		}
		if err := writeDirAtomic(dir, files); err != nil {
			return nil, err
		}
		crashPoint("plan", n)
		r.st.Epochs = append(r.st.Epochs, EpochState{Epoch: n, Stage: StagePlanned, Dir: r.rel(dir), Log: r.rel(filepath.Join(dir, statement.ActionsFile)), LogHead: res.LogHead})
		if err := r.save(); err != nil {
			return nil, err
		}
		es = r.st.epoch(n)
	}
	if done {
		// Confirmed by an earlier run: the registry must still record it, with its commitments
		// and record hash (a reset chain or an edited state.json is not a success).
		landed, rec, err := r.onChain(n, es, nil)
		if err != nil {
			return nil, fmt.Errorf("epoch %d, confirmed in %s: %w", n, StatePath(r.dir), err)
		}
		if !landed || rec.RecordHash.Hex() != es.RecordHash {
			got := "no record"
			if rec != nil {
				got = "record " + rec.RecordHash.Hex()
			}
			return nil, fmt.Errorf("epoch %d: %s says confirmed with record %s in tx %s, the registry on %s holds %s: the chain was reset or the state directory edited; use a new state directory",
				n, StatePath(r.dir), es.RecordHash, es.TxHash, r.label, got)
		}
		return nil, nil
	}
	r.prog.end()
	rep := &EpochReport{Actions: []Action{}, Epoch: n, Start: unixUTC(start), End: unixUTC(end), Dir: dir, Resumed: resumed}
	ep, err := r.statement(dir)
	if err != nil {
		return nil, err
	}
	if r.cfg.Live != nil {
		if err := r.checkLivePrices(n, ep, sl.rounds); err != nil {
			return nil, err
		}
	}
	r.describe(rep, ep, res.Actions)
	if err := r.prove(n, es, ep, rep); err != nil {
		return nil, err
	}
	if err := r.inclusionFiles(dir, ep, rep); err != nil {
		return nil, err
	}
	if err := r.submit(n, es, rep); err != nil {
		return nil, err
	}
	return rep, nil
}

// mockRounds names epoch n's Chainlink round per asset: the mock feeds get one round per
// epoch, updated at its end, after the genesis round.
func (r *run) mockRounds(n uint64) map[string]string {
	out := map[string]string{}
	for _, a := range r.in.policy.Assets {
		out[a.Symbol] = contracts.RoundID(1, mockFeedRound0+n).String()
	}
	return out
}

// statement loads epoch n's case directory, as an auditor would, and builds its statement.
func (r *run) statement(dir string) (*statement.Epoch, error) {
	ein, err := statement.LoadEpochInputs(statement.EpochCaseFiles(dir))
	if err != nil {
		return nil, err
	}
	cp, err := statement.LoadCaseParams(dir)
	if err != nil {
		return nil, err
	}
	ein.Epoch, ein.StartTime, ein.EndTime, ein.Capacity, ein.Slots, ein.RangeCheck = cp.Epoch, cp.StartTime, cp.EndTime, cp.Capacity, cp.Slots, r.cfg.RangeMode()
	ep, err := statement.BuildEpoch(ein)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", dir, err)
	}
	if err := ep.Solvency.Check(); err != nil {
		if errors.Is(err, statement.ErrInsolvent) {
			return nil, fmt.Errorf("%w: epoch %d (%s): %v: no proof", ErrInsolvent, cp.Epoch, dir, err)
		}
		return nil, err
	}
	return ep, nil
}

func (r *run) describe(rep *EpochReport, ep *statement.Epoch, actions []corridor.Action) {
	p := r.in.policy
	vd := p.ValueDecimals
	for _, a := range actions {
		rep.Actions = append(rep.Actions, Action{Kind: a.Kind.String(), Venue: p.Venues[a.Venue].ID,
			AssetIn: p.Assets[a.AssetIn].Symbol, AmountIn: units(a.AmountIn, p.Assets[a.AssetIn].CircuitDecimals),
			AssetOut: p.Assets[a.AssetOut].Symbol, AmountOut: units(a.AmountOut, p.Assets[a.AssetOut].CircuitDecimals)})
	}
	s := ep.Summary
	usd := func(v *big.Int) string {
		if v == nil {
			return "0"
		}
		return decimal.NewFromBigInt(v, -int32(vd)).StringFixed(2)
	}
	lim, _ := corridor.LimitsFromPolicy(p)
	rep.Corridors = Corridors{TurnoverUSD: usd(s.Turnover), TurnoverBudgetUSD: usd(s.TurnoverBudget), LossUSD: usd(s.Loss), LossBudgetUSD: usd(s.LossBudget)}
	if lim != nil {
		rep.Corridors.NotionalCapUSD, rep.Corridors.MaxSlippageBps = usd(lim.NotionalCap), lim.MaxSlippageBps
		for a, asset := range p.Assets {
			if a < len(s.EndWeightsBps) {
				rep.Corridors.Weights = append(rep.Corridors.Weights, fmt.Sprintf("%s %s in [%s, %s]", asset.Symbol,
					pct(uint64(s.EndWeightsBps[a])), pct(uint64(lim.WeightMinBps[a])), pct(uint64(lim.WeightMaxBps[a]))))
			}
		}
	}
	liab := new(big.Int)
	for a, t := range ep.Solvency.Totals {
		liab.Add(liab, new(big.Int).Mul(t, new(big.Int).SetUint64(ep.Solvency.Prices[a])))
	}
	if liab.Sign() > 0 {
		ratio := decimal.NewFromBigInt(ep.Solvency.Reserves, 0).Div(decimal.NewFromBigInt(liab, 0).Mul(decimal.NewFromInt(100)))
		rep.SolvencyRatioPercent = ratio.StringFixed(2)
	}
	rep.MinRatioPercent = decimal.New(int64(ep.Solvency.MinRatioBps), -2).StringFixed(2)
}

func units(v uint64, decimals int32) string {
	return decimal.NewFromBigInt(new(big.Int).SetUint64(v), -decimals).String()
}

func pct(bps uint64) string { return decimal.New(int64(bps), -2).StringFixed(2) + "%" }

// prove writes and verifies epoch n's proof, unless a proof on disk already verifies for
// exactly this statement (a crash after proving): it is reused, never proven twice.
func (r *run) prove(n uint64, es *EpochState, ep *statement.Epoch, rep *EpochReport) error {
	symbols := r.in.policy.Symbols()
	public := ep.Public(symbols)
	path := filepath.Join(r.epochDir(n), EpochProofFile)
	rep.Proof = path
	shape := r.shape("epoch")
	shape.Users, shape.Actions = ep.Params.Users, ep.Params.Actions
	sl, err := r.slotOf(n)
	if err != nil {
		return err
	}
	if ok, err := r.reuse(path, public, func(f *prooffile.File) error {
		if fmt.Sprint(f.Rounds) != fmt.Sprint(sl.rounds) || f.ActionLogHead != es.LogHead {
			return fmt.Errorf("rounds %v and log head %s, the epoch's are %v and %s", f.Rounds, f.ActionLogHead, sl.rounds, es.LogHead)
		}
		return nil
	}); err != nil {
		return err
	} else if ok {
		rep.ProofReused = true
	} else {
		if err := r.proveOne(fmt.Sprintf("epoch %d: proving the epoch circuit", n), shape, ep.Assignment(), public, path, func(f *prooffile.File) {
			f.Rounds, f.ActionLogHead = r.slots[n].rounds, es.LogHead
		}, rep); err != nil {
			return err
		}
		crashPoint("prove", n)
	}
	for _, circuit := range r.cfg.Standalone {
		sp := filepath.Join(r.epochDir(n), circuit+".proof.json")
		sh := r.shape(circuit)
		var a frontend.Circuit
		var pub []statement.NamedInput
		if circuit == "solvency" {
			sh.Users, sh.Actions, a, pub = ep.Params.Users, 0, ep.Solvency.Assignment(), ep.Solvency.Public(symbols)
		} else {
			sh.Users, sh.Actions, a, pub = 0, ep.Params.Actions, ep.Compliance.Assignment(), ep.Compliance.Public(symbols)
		}
		if ok, err := r.reuse(sp, pub, nil); err != nil {
			return err
		} else if !ok {
			if err := r.proveOne(fmt.Sprintf("epoch %d: proving the standalone %s circuit", n, circuit), sh, a, pub, sp, nil, nil); err != nil {
				return err
			}
		}
		rep.Standalone = append(rep.Standalone, sp)
	}
	f, err := prooffile.Read(path)
	if err != nil {
		return err
	}
	if pb, err := f.ProofBytes(); err == nil {
		rep.ProofBytes = len(pb)
	}
	if !es.reached(StageProved) {
		es.Stage, es.Proof = StageProved, r.rel(path)
		for _, x := range public {
			switch x.Name {
			case "newStateCommitment":
				es.StateCommitment = x.Value
			case "liabilitiesRoot":
				es.LiabilitiesRoot = x.Value
			case "actionsCommitment":
				es.ActionsCommitment = x.Value
			}
		}
		if err := r.save(); err != nil {
			return err
		}
	}
	return nil
}

// reuse reports whether path holds a proof that verifies with the pinned key for exactly these
// public inputs and, when check is set, whose other fields check accepts.
func (r *run) reuse(path string, public []statement.NamedInput, check func(*prooffile.File) error) (bool, error) {
	f, err := prooffile.Read(path)
	if errors.Is(err, os.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		r.prog.note("%s: unreadable (%v): proving again", path, err)
		return false, nil
	}
	if len(f.PublicInputs) != len(public) {
		return false, nil
	}
	for i := range public {
		if f.PublicInputs[i] != public[i] {
			return false, nil
		}
	}
	if check != nil {
		if err := check(f); err != nil {
			r.prog.note("%s: %v: proving again", path, err)
			return false, nil
		}
	}
	if _, err := prover.VerifyFile(r.store, f); err != nil {
		r.prog.note("%s does not verify (%v): proving again", path, err)
		return false, nil
	}
	r.prog.note("%s: verified with the pinned key, reused", r.rel(path))
	return true, nil
}

// proveOne proves with the stored keys, verifies the file with the pinned key, writes it.
func (r *run) proveOne(label string, shape prover.Shape, a frontend.Circuit, public []statement.NamedInput, out string, decorate func(*prooffile.File), rep *EpochReport) error {
	job, err := shape.Job()
	if err != nil {
		return err
	}
	r.prog.begin("%s: compiling", label)
	var proveStart time.Time
	logf := func(format string, args ...any) {
		msg := fmt.Sprintf(format, args...)
		switch {
		case strings.HasPrefix(msg, "compiled") && strings.Contains(msg, "kept from the previous proof"):
			r.prog.begin("%s: circuit and keys kept from the previous proof", label)
		case strings.HasPrefix(msg, "compiled"):
			r.prog.begin("%s: loading the proving key (its SHA-256 against the key store's metadata)", label)
		case strings.HasPrefix(msg, "proving"):
			r.prog.begin("%s", label)
			r.prog.setPhase("solver")
			proveStart = time.Now()
		case strings.HasPrefix(msg, "proved"):
			if rep != nil {
				rep.ProveSeconds = time.Since(proveStart).Seconds()
			}
		}
	}
	f, err := r.keys.Prove(r.store, r.back, job, a, public, logf)
	if errors.Is(err, keystore.ErrNoKeys) {
		return fmt.Errorf("%w; run `zktreasury keys setup %s --insecure-dev --policy %s --capacity %d --slots %d --range-check %s --keys %s`",
			err, shape.Circuit, r.cfg.Path(r.cfg.Policy), r.cfg.Capacity, r.cfg.Slots, shape.RangeCheck, r.store.Dir)
	}
	if err != nil {
		return err
	}
	if decorate != nil {
		decorate(f)
	}
	r.prog.begin("%s: verifying with the pinned verifying key", label)
	if _, err := prover.VerifyFile(r.store, f); err != nil {
		return fmt.Errorf("the fresh proof does not verify with the pinned key: %w", err)
	}
	if err := prooffile.Write(out, f); err != nil {
		return err
	}
	return nil
}

package runner

import (
	"fmt"
	"math/big"
	"path/filepath"
	"sort"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/shopspring/decimal"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/chain"
	"github.com/zktreasury/zktreasury/contracts"
	"github.com/zktreasury/zktreasury/prover/statement"
	"github.com/zktreasury/zktreasury/treasury"
)

// LiveConfig prices a run's epochs from live Chainlink feeds (config "live"). Epoch 1 starts at
// Genesis; epoch n ends EpochLength after epoch n-1's end, and is run only once that end is
// not after the chain's head block time. Each asset's price is the answer of its feed's round in
// force at the epoch's end (contracts.RoundAt), converted as the registry converts it.
type LiveConfig struct {
	// Genesis is epoch 1's start, RFC 3339 in whole seconds ("2026-11-20T00:00:00Z"), not after
	// the chain's head.
	Genesis string `json:"genesis"`
	// EpochLength is every epoch's length, a Go duration in whole seconds ("24h").
	EpochLength string `json:"epochLength"`
	// Feeds maps every policy asset's symbol to its feed.
	Feeds map[string]LiveFeed `json:"feeds"`

	genesis time.Time
	length  time.Duration
}

// LiveFeed is one asset's Chainlink feed.
type LiveFeed struct {
	// Address is the feed's proxy (EACAggregatorProxy) address.
	Address string `json:"address"`
	// Heartbeat is the feed's own maximum age at an epoch's end, a Go duration in whole
	// seconds ("24h"); the registry refuses an older round.
	Heartbeat string `json:"heartbeat"`

	address   common.Address
	heartbeat time.Duration
}

func wholeSeconds(s string, maxSeconds int64) (time.Duration, error) {
	d, err := time.ParseDuration(s)
	if err != nil {
		return 0, err
	}
	if d <= 0 || d%time.Second != 0 || int64(d/time.Second) > maxSeconds {
		return 0, fmt.Errorf("want a positive whole number of seconds up to %d s", maxSeconds)
	}
	return d, nil
}

// validateLive parses the live section; the policy's assets are checked by checkLiveAssets.
func (c *Config) validateLive() error {
	l := c.Live
	g, err := time.Parse(time.RFC3339, l.Genesis)
	if err != nil || g.Unix() <= 0 || g.Nanosecond() != 0 {
		return c.fieldErr("live.genesis", l.Genesis, "want an RFC 3339 time in whole seconds after 1970, e.g. 2026-11-20T00:00:00Z")
	}
	l.genesis = g.UTC()
	if l.length, err = wholeSeconds(l.EpochLength, 1<<40); err != nil {
		return c.fieldErr("live.epochLength", l.EpochLength, "%v (a Go duration, e.g. 24h)", err)
	}
	if len(l.Feeds) == 0 {
		return c.fieldErr("live.feeds", "", "required: one {\"address\": \"0x..\", \"heartbeat\": \"24h\"} per policy asset")
	}
	for _, sym := range sortedSymbols(l.Feeds) {
		f := l.Feeds[sym]
		if !common.IsHexAddress(f.Address) || common.HexToAddress(f.Address) == (common.Address{}) {
			return c.fieldErr("live.feeds."+sym+".address", f.Address, "want the feed's 0x-prefixed proxy address")
		}
		f.address = common.HexToAddress(f.Address)
		if f.heartbeat, err = wholeSeconds(f.Heartbeat, 1<<32-1); err != nil {
			return c.fieldErr("live.feeds."+sym+".heartbeat", f.Heartbeat, "%v (the feed's own heartbeat, e.g. 24h)", err)
		}
		l.Feeds[sym] = f
	}
	return nil
}

func sortedSymbols(m map[string]LiveFeed) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// checkLiveAssets requires exactly one feed per policy asset.
func (c *Config) checkLiveAssets(p *treasury.Policy) error {
	for _, sym := range sortedSymbols(c.Live.Feeds) {
		if p.AssetIndex(sym) < 0 {
			return c.fieldErr("live.feeds."+sym, sym, "the policy %s has no asset %s (assets: %v)", c.Path(c.Policy), sym, p.Symbols())
		}
	}
	for _, a := range p.Assets {
		if _, ok := c.Live.Feeds[a.Symbol]; !ok {
			return c.fieldErr("live.feeds", a.Symbol, "no feed for the policy's asset %s", a.Symbol)
		}
	}
	return nil
}

// slot is an epoch's schedule and prices: [start, end) in unix seconds, each asset's USD price
// at the end (policy order) and the Chainlink round it is read from (symbol -> decimal id).
// Slot 0 is the genesis: start = end = the genesis time.
type slot struct {
	start, end uint64
	usd        []decimal.Decimal
	rounds     map[string]string
}

// slotOf returns epoch n's slot. With the series: its dates and prices, and the mock feeds'
// rounds. With live feeds: a planned epoch's from its case directory; a new epoch's from the
// chain (see LiveConfig).
func (r *run) slotOf(n uint64) (*slot, error) {
	if s, ok := r.slots[n]; ok {
		return s, nil
	}
	s, err := r.makeSlot(n)
	if err != nil {
		return nil, err
	}
	if r.slots == nil {
		r.slots = map[uint64]*slot{}
	}
	r.slots[n] = s
	return s, nil
}

func (r *run) makeSlot(n uint64) (*slot, error) {
	in := r.in
	if r.cfg.Live == nil {
		if n == 0 {
			g := uint64(in.series.Dates[0].Unix())
			return &slot{start: g, end: g, usd: in.series.USD[0]}, nil
		}
		start, end := in.times(n)
		return &slot{start: start, end: end, usd: in.series.USD[n], rounds: r.mockRounds(n)}, nil
	}
	g := uint64(r.cfg.Live.genesis.Unix())
	if n == 0 {
		usd, rounds, err := r.pricesAt(g)
		if err != nil {
			return nil, fmt.Errorf("genesis prices: %w", err)
		}
		return &slot{start: g, end: g, usd: usd, rounds: rounds}, nil
	}
	if r.st.epoch(n) != nil {
		// Planned: its case directory fixes its times, prices and rounds.
		dir := r.epochDir(n)
		cp, err := statement.LoadCaseParams(dir)
		if err != nil {
			return nil, err
		}
		pr, err := treasury.LoadPrices(filepath.Join(dir, statement.PricesFile), in.policy)
		if err != nil {
			return nil, err
		}
		return &slot{start: cp.StartTime, end: cp.EndTime, usd: pr.USD, rounds: cp.Rounds}, nil
	}
	prev, err := r.slotOf(n - 1)
	if err != nil {
		return nil, err
	}
	start := prev.end
	end := start + uint64(r.cfg.Live.length/time.Second)
	head, err := r.conn.HeaderByNumber(r.ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("read the chain's head: %w", err)
	}
	if end > head.Time {
		return nil, fmt.Errorf("epoch %d would end at %s (%s after epoch %d's end), after the chain's head block time %s: it is not due yet",
			n, unixRFC(end), r.cfg.Live.length, n-1, unixRFC(head.Time))
	}
	usd, rounds, err := r.pricesAt(end)
	if err != nil {
		return nil, fmt.Errorf("epoch %d: %w", n, err)
	}
	return &slot{start: start, end: end, usd: usd, rounds: rounds}, nil
}

func unixRFC(t uint64) string { return time.Unix(int64(t), 0).UTC().Format(time.RFC3339) }

// pricesAt reads every feed's round in force at t and its answer in USD (exactly: answer ×
// 10^-decimals), which treasury/fixed.Price turns into the price the registry computes.
func (r *run) pricesAt(t uint64) ([]decimal.Decimal, map[string]string, error) {
	usd := make([]decimal.Decimal, len(r.dep.Feeds))
	rounds := map[string]string{}
	for a, f := range r.dep.Feeds {
		rd, err := contracts.RoundAt(r.ctx, r.conn, f.Aggregator, t, time.Duration(f.HeartbeatSeconds)*time.Second)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", f.Symbol, err)
		}
		usd[a] = decimal.NewFromBigInt(rd.Answer, -int32(f.Decimals))
		rounds[f.Symbol] = rd.RoundID.String()
	}
	return usd, rounds, nil
}

// liveFeeds adds the configured feeds to the deployment (no mock feed is deployed), in the
// policy's asset order, with their decimals read from the feeds.
func (r *run) liveFeeds(dep *chain.Deployment, cfg *contracts.DeployConfig) error {
	for _, asset := range r.in.policy.Assets {
		lf := r.cfg.Live.Feeds[asset.Symbol]
		ans, err := contracts.ReadFeed(r.ctx, r.conn, lf.address)
		if err != nil {
			return fmt.Errorf("%s: live.feeds.%s: %w", r.cfg.path, asset.Symbol, err)
		}
		f := chain.Feed{Symbol: asset.Symbol, CircuitDecimals: uint8(asset.CircuitDecimals), HeartbeatSeconds: uint64(lf.heartbeat / time.Second),
			Aggregator: lf.address, Decimals: ans.Decimals}
		dep.Feeds = append(dep.Feeds, f)
		cfg.Feeds = append(cfg.Feeds, contracts.FeedConfig{Aggregator: f.Aggregator, Decimals: f.Decimals, CircuitDecimals: f.CircuitDecimals, Heartbeat: lf.heartbeat})
	}
	return nil
}

// checkLiveDeployment requires the deployment a resumed live run reopens to have the configured
// genesis, feeds and heartbeats.
func (r *run) checkLiveDeployment(dep *chain.Deployment) error {
	if l := r.cfg.Live; !dep.GenesisTime.Equal(l.genesis) {
		return r.cfg.fieldErr("live.genesis", l.Genesis, "the state directory's registry starts at %s: the config changed since it was deployed; use a new state directory",
			dep.GenesisTime.UTC().Format(time.RFC3339))
	}
	for _, f := range dep.Feeds {
		lf, ok := r.cfg.Live.Feeds[f.Symbol]
		if !ok || lf.address != f.Aggregator || uint64(lf.heartbeat/time.Second) != f.HeartbeatSeconds {
			return r.cfg.fieldErr("live.feeds."+f.Symbol, lf.Address, "the state directory's registry reads %s's feed %s with heartbeat %ds: the config changed since it was deployed; use a new state directory",
				f.Symbol, f.Aggregator, f.HeartbeatSeconds)
		}
	}
	return nil
}

// checkLivePrices requires each of the statement's prices to be what the registry derives from
// the named round: the round's answer read from the feed, converted by the registry's scale.
func (r *run) checkLivePrices(n uint64, ep *statement.Epoch, rounds map[string]string) error {
	vd := uint8(r.in.policy.ValueDecimals)
	for a, f := range r.dep.Feeds {
		id, ok := new(big.Int).SetString(rounds[f.Symbol], 10)
		if !ok {
			return fmt.Errorf("epoch %d: no round for %s in %s", n, f.Symbol, filepath.Join(r.epochDir(n), statement.CaseFile))
		}
		rd, err := contracts.ReadRound(r.ctx, r.conn, f.Aggregator, id)
		if err != nil {
			return fmt.Errorf("epoch %d: %s: %w", n, f.Symbol, err)
		}
		scale, err := contracts.NewPriceScale(f.Decimals, vd, f.CircuitDecimals)
		if err != nil {
			return fmt.Errorf("epoch %d: %s: %w", n, f.Symbol, err)
		}
		want, err := scale.Price(rd.Answer)
		if err != nil {
			return fmt.Errorf("epoch %d: %s round %v: %w", n, f.Symbol, id, err)
		}
		if a >= len(ep.Solvency.Prices) || want.Cmp(new(big.Int).SetUint64(ep.Solvency.Prices[a])) != 0 {
			return fmt.Errorf("epoch %d: %s's price in %s is not what the registry derives from round %v (answer %v): %v value units",
				n, f.Symbol, r.epochDir(n), id, rd.Answer, want)
		}
	}
	return nil
}

package runner

import (
	"context"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/shopspring/decimal"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/chain"
	"github.com/zktreasury/zktreasury/contracts"
	"github.com/zktreasury/zktreasury/prover/statement"
	"github.com/zktreasury/zktreasury/treasury"
)

// liveRound is a round the test posted, where the model finds it.
type liveRound struct {
	id     *big.Int
	at     uint64
	answer *big.Int
}

// liveFeeds deploys, on the state directory's simulated chain, one Chainlink-shaped feed per
// policy asset as if it were live, and posts rounds at times not aligned with the epochs
// [genesis + (n-1) day, genesis + n day): WETH's proxy moves to a new aggregator between the
// two epochs' ends. It returns the feeds and the rounds posted, per asset in id order.
// skip, when not nil, leaves out the rounds it names (by symbol and offset from the genesis).
func liveFeeds(t *testing.T, state string, pol *treasury.Policy, genesis uint64, skip func(symbol string, offset int64) bool) ([]contracts.MockFeed, [][]liveRound) {
	t.Helper()
	sc, err := openSimChain(state)
	if err != nil {
		t.Fatal(err)
	}
	defer sc.Close()
	ctx := context.Background()
	auth := bind.NewKeyedTransactor(sc.key, big.NewInt(simChainID))
	base := map[string]string{"USDC": "1.0001", "DAI": "0.9998", "WETH": "3000", "WBTC": "60000"}
	h := uint64(3600)
	offsets := []int64{-4000, int64(3*h + 17), int64(11*h + 300), int64(20 * h), int64(24*h - 1), int64(24*h + 1), int64(30 * h), int64(47 * h), int64(48 * h), int64(50 * h)}
	var feeds []contracts.MockFeed
	var rounds [][]liveRound
	for a, asset := range pol.Assets {
		b, err := decimal.NewFromString(base[asset.Symbol])
		if err != nil {
			t.Fatalf("no test price for %s", asset.Symbol)
		}
		answer0 := b.Shift(8).BigInt()
		step := new(big.Int).Div(answer0, big.NewInt(1000)) // 0.1 %
		var f contracts.MockFeed
		var rs []liveRound
		for i, off := range offsets {
			at := uint64(int64(genesis) + off + int64(a*37))
			ans := new(big.Int).Add(answer0, new(big.Int).Mul(step, big.NewInt(int64((i*(a+2))%7-3))))
			mr := contracts.MockRound{Answer: ans, UpdatedAt: at}
			if i > 0 && skip != nil && skip(asset.Symbol, off) {
				continue
			}
			if i == 0 {
				if f, err = contracts.DeployMockFeed(ctx, sc, auth, 8, mr); err != nil {
					t.Fatal(err)
				}
				rs = append(rs, liveRound{id: contracts.RoundID(1, 1), at: at, answer: ans})
				continue
			}
			if asset.Symbol == "WETH" && off == int64(30*h) {
				if err := contracts.NewMockPhase(ctx, sc, auth, &f, 8); err != nil {
					t.Fatal(err)
				}
			}
			ids, err := contracts.AddMockRounds(ctx, sc, auth, f, mr)
			if err != nil {
				t.Fatal(err)
			}
			rs = append(rs, liveRound{id: ids[0], at: at, answer: ans})
		}
		feeds, rounds = append(feeds, f), append(rounds, rs)
	}
	return feeds, rounds
}

// inForceAt is the model: the last round posted at or before t.
func inForceAt(rs []liveRound, t uint64) liveRound {
	var out liveRound
	for _, r := range rs {
		if r.at <= t {
			out = r
		}
	}
	return out
}

// TestRunLiveFeeds runs two epochs against feeds the test deployed as live: run deploys no mock
// feed and posts no round, and the registry records each epoch at the rounds in force at its
// end, with the prices the registry derives from them. A third epoch, not due yet, is refused
// before anything is written.
func TestRunLiveFeeds(t *testing.T) {
	if testing.Short() {
		t.Skip("proves two epochs")
	}
	keys := testKeys(t)
	pol, err := treasury.LoadPolicy("initdata/policy.json")
	if err != nil {
		t.Fatal(err)
	}
	state, head := newLiveState(t)
	genesis := head - 2*day - 4*3600 // epochs 1 and 2 are due, epoch 3 is not; every round is in the past
	feeds, rounds := liveFeeds(t, state, pol, genesis, nil)
	cfg := liveConfig(t, pol, feeds, genesis, nil)
	res, err := runInProcess(t, cfg, state, keys, 2)
	if err != nil {
		t.Fatal(err)
	}
	if res.LastEpoch != 2 || len(res.Epochs) != 2 {
		t.Fatalf("last epoch %d, %d epochs reported", res.LastEpoch, len(res.Epochs))
	}

	dep, err := chain.ReadDeployment(filepath.Join(state, DeploymentFile))
	if err != nil {
		t.Fatal(err)
	}
	sc, err := openSimChain(state)
	if err != nil {
		t.Fatal(err)
	}
	defer sc.Close()
	ctx := context.Background()
	reg, err := contracts.NewRegistry(dep.Registry, sc, nil)
	if err != nil {
		t.Fatal(err)
	}
	for a, f := range dep.Feeds {
		if f.Mock || f.Aggregator != feeds[a].Proxy {
			t.Fatalf("deployment feed %s: %+v, want the live feed %s", f.Symbol, f, feeds[a].Proxy)
		}
		latest, err := contracts.ReadFeed(ctx, sc, f.Aggregator)
		if err != nil {
			t.Fatal(err)
		}
		if last := rounds[a][len(rounds[a])-1]; latest.Latest.RoundID.Cmp(last.id) != 0 {
			t.Fatalf("%s's latest round is %v, the test posted up to %v: run pushed rounds to a live feed", f.Symbol, latest.Latest.RoundID, last.id)
		}
	}
	for n := uint64(1); n <= 2; n++ {
		rec, err := reg.EpochRecord(ctx, n)
		if err != nil {
			t.Fatal(err)
		}
		end := genesis + n*day
		if uint64(rec.Start.Unix()) != end-day || uint64(rec.End.Unix()) != end {
			t.Fatalf("epoch %d recorded [%v, %v), want [%d, %d)", n, rec.Start.Unix(), rec.End.Unix(), end-day, end)
		}
		prices, err := treasury.LoadPrices(filepath.Join(state, epochsDir, strconvU(n), statement.PricesFile), pol)
		if err != nil {
			t.Fatal(err)
		}
		for a, asset := range pol.Assets {
			want := inForceAt(rounds[a], end)
			if rec.RoundIDs[a].Cmp(want.id) != 0 {
				t.Fatalf("epoch %d %s: recorded round %v, the round in force at %d is %v", n, asset.Symbol, rec.RoundIDs[a], end, want.id)
			}
			scale, err := contracts.NewPriceScale(8, uint8(pol.ValueDecimals), uint8(asset.CircuitDecimals))
			if err != nil {
				t.Fatal(err)
			}
			p, err := scale.Price(want.answer)
			if err != nil {
				t.Fatal(err)
			}
			if rec.Prices[a].Cmp(p) != 0 {
				t.Fatalf("epoch %d %s: recorded price %v, the round's answer %v converts to %v", n, asset.Symbol, rec.Prices[a], want.answer, p)
			}
			if usd := decimal.NewFromBigInt(want.answer, -8); !prices.USD[a].Equal(usd) {
				t.Fatalf("epoch %d %s: planned at %s USD, the round in force answers %s", n, asset.Symbol, prices.USD[a], usd)
			}
		}
	}
	// The round in force at epoch 2's end is the one updated exactly then, for USDC.
	if got := inForceAt(rounds[0], genesis+2*day); got.at != genesis+2*day {
		t.Fatalf("the test lost its round exactly at epoch 2's end: %+v", got)
	}
	sc.Close()

	// Epoch 3 would end after the head: refused, nothing written.
	_, err = runInProcess(t, cfg, state, keys, 3)
	if err == nil || !strings.Contains(err.Error(), "not due yet") {
		t.Fatalf("epoch 3 ending in the future: %v", err)
	}
	st, err := LoadState(state)
	if err != nil {
		t.Fatal(err)
	}
	if st.LastEpoch != 2 || st.epoch(3) != nil {
		t.Fatalf("state after the refused epoch 3: last %d, epoch 3 %+v", st.LastEpoch, st.epoch(3))
	}
	if _, err := os.Stat(filepath.Join(state, epochsDir, "3")); !os.IsNotExist(err) {
		t.Fatalf("epoch 3's directory exists after the refusal: %v", err)
	}
	// The state directory's registry reads these feeds from this genesis: a config that changed
	// either is refused, naming the field.
	for _, tc := range []struct {
		cfg, field string
	}{
		{liveConfig(t, pol, feeds, genesis+1, nil), `field "live.genesis"`},
		{liveConfig(t, pol, feeds, genesis, func(l map[string]any) {
			l["feeds"].(map[string]any)["WETH"].(map[string]any)["heartbeat"] = "7h"
		}), `field "live.feeds.WETH"`},
	} {
		if _, err := runInProcess(t, tc.cfg, state, keys, 2); err == nil || !strings.Contains(err.Error(), tc.field) {
			t.Fatalf("a changed config: %v, want %s", err, tc.field)
		}
	}
}

const day = 86400

// newLiveState is a state directory whose simulated chain exists, and its head time.
func newLiveState(t *testing.T) (string, uint64) {
	t.Helper()
	state := filepath.Join(t.TempDir(), "state")
	sc, err := openSimChain(state)
	if err != nil {
		t.Fatal(err)
	}
	defer sc.Close()
	head, err := sc.HeaderByNumber(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	return state, head.Time
}

// liveConfig is the test config with a live section on the feeds (WETH and WBTC heartbeats
// 6 h, the stablecoins' 24 h), 24 h epochs and no series; edit changes the live section.
func liveConfig(t *testing.T, pol *treasury.Policy, feeds []contracts.MockFeed, genesis uint64, edit func(live map[string]any)) string {
	t.Helper()
	fm := map[string]any{}
	for a, asset := range pol.Assets {
		hb := "24h"
		if asset.Symbol == "WETH" || asset.Symbol == "WBTC" {
			hb = "6h"
		}
		fm[asset.Symbol] = map[string]any{"address": feeds[a].Proxy.Hex(), "heartbeat": hb}
	}
	live := map[string]any{"genesis": time.Unix(int64(genesis), 0).UTC().Format(time.RFC3339), "epochLength": "24h", "feeds": fm}
	if edit != nil {
		edit(live)
	}
	return testConfig(t, func(m map[string]any) {
		delete(m, "series") // not used with live feeds
		m["live"] = live
	})
}

// TestRunLiveStaleFeed: a feed whose round in force at an epoch's end is older than its
// heartbeat stops the run before the epoch is planned, naming the asset; nothing is written.
func TestRunLiveStaleFeed(t *testing.T) {
	if testing.Short() {
		t.Skip("sets up epoch keys")
	}
	keys := testKeys(t)
	pol, err := treasury.LoadPolicy("initdata/policy.json")
	if err != nil {
		t.Fatal(err)
	}
	state, head := newLiveState(t)
	genesis := head - 2*day - 4*3600
	// WETH's last round before epoch 1's end is at 11 h: 13 h old, its heartbeat is 6 h.
	feeds, _ := liveFeeds(t, state, pol, genesis, func(sym string, off int64) bool {
		return sym == "WETH" && off >= 20*3600 && off < 24*3600
	})
	cfg := liveConfig(t, pol, feeds, genesis, nil)
	_, err = runInProcess(t, cfg, state, keys, 1)
	if err == nil || !strings.Contains(err.Error(), "epoch 1: WETH") || !strings.Contains(err.Error(), "stale beyond the feed's heartbeat 6h0m0s") {
		t.Fatalf("a stale WETH round: %v", err)
	}
	if _, err := os.Stat(filepath.Join(state, epochsDir, "1")); !os.IsNotExist(err) {
		t.Fatalf("epoch 1's directory exists after the refusal: %v", err)
	}
}

// TestLiveConfigErrors: a broken live section names the file and the field.
func TestLiveConfigErrors(t *testing.T) {
	pol, err := treasury.LoadPolicy("initdata/policy.json")
	if err != nil {
		t.Fatal(err)
	}
	feeds := make([]contracts.MockFeed, len(pol.Assets))
	for a := range feeds {
		feeds[a].Proxy[19] = byte(a + 1)
	}
	for _, tc := range []struct {
		name    string
		edit    func(map[string]any)
		wantErr string
		atRun   bool
	}{
		{"bad genesis", func(l map[string]any) { l["genesis"] = "2026-11-20" }, `field "live.genesis" = "2026-11-20"`, false},
		{"fractional genesis", func(l map[string]any) { l["genesis"] = "2026-11-20T00:00:00.5Z" }, `field "live.genesis"`, false},
		{"bad epoch length", func(l map[string]any) { l["epochLength"] = "1.5s" }, `field "live.epochLength" = "1.5s"`, false},
		{"no feeds", func(l map[string]any) { delete(l, "feeds") }, `field "live.feeds"`, false},
		{"bad address", func(l map[string]any) { l["feeds"].(map[string]any)["WETH"].(map[string]any)["address"] = "0x12" }, `field "live.feeds.WETH.address" = "0x12"`, false},
		{"zero heartbeat", func(l map[string]any) { l["feeds"].(map[string]any)["DAI"].(map[string]any)["heartbeat"] = "0s" }, `field "live.feeds.DAI.heartbeat" = "0s"`, false},
		{"unknown asset", func(l map[string]any) {
			l["feeds"].(map[string]any)["LINK"] = map[string]any{"address": "0x0000000000000000000000000000000000000009", "heartbeat": "1h"}
		}, `field "live.feeds.LINK"`, true},
		{"missing asset", func(l map[string]any) { delete(l["feeds"].(map[string]any), "WBTC") }, `field "live.feeds" = "WBTC"`, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := liveConfig(t, pol, feeds, 1_700_000_000, tc.edit)
			cfg, err := LoadConfig(path)
			if !tc.atRun {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) || !strings.Contains(err.Error(), path) {
					t.Fatalf("error %v: want the file %s and %s", err, path, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			state := filepath.Join(t.TempDir(), "state")
			cfg.SetState(state)
			_, err = Run(context.Background(), Options{Config: cfg, Quiet: true})
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) || !strings.Contains(err.Error(), path) {
				t.Fatalf("error %v: want the file %s and %s", err, path, tc.wantErr)
			}
			if _, err := os.Stat(StatePath(state)); !os.IsNotExist(err) {
				t.Fatalf("a refused config left %s", StatePath(state))
			}
		})
	}
}

func strconvU(n uint64) string { return new(big.Int).SetUint64(n).String() }

// TestRunLiveResumeChecksRounds: a live run killed while proving epoch 1 resumes from the case
// directory; a round id changed in its case.json (to the round before, whose answer differs)
// is refused before proving, because the statement's price is not what the registry derives
// from that round.
func TestRunLiveResumeChecksRounds(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	keys := testKeys(t)
	pol, err := treasury.LoadPolicy("initdata/policy.json")
	if err != nil {
		t.Fatal(err)
	}
	state, head := newLiveState(t)
	genesis := head - 2*day - 4*3600
	feeds, rounds := liveFeeds(t, state, pol, genesis, nil)
	cfg := liveConfig(t, pol, feeds, genesis, nil)
	// Killed while proving: the crash point after the prove, with the proof removed, is the
	// state a kill during the prove leaves (state.json says planned).
	if code, _ := runBinary(t, cfg, state, keys, "prove:1"); code != CrashExitCode {
		t.Fatalf("exit %d, want the crash's %d", code, CrashExitCode)
	}
	dir := filepath.Join(state, epochsDir, "1")
	if err := os.Remove(filepath.Join(dir, EpochProofFile)); err != nil {
		t.Fatal(err)
	}
	if st, err := LoadState(state); err != nil || st.epoch(1) == nil || st.epoch(1).Stage != StagePlanned {
		t.Fatalf("state after the crash: %+v, %v", st, err)
	}
	cp, err := statement.LoadCaseParams(dir)
	if err != nil {
		t.Fatal(err)
	}
	w := pol.AssetIndex("WETH")
	in := inForceAt(rounds[w], genesis+day)
	if cp.Rounds["WETH"] != in.id.String() {
		t.Fatalf("planned WETH round %s, the round in force is %v", cp.Rounds["WETH"], in.id)
	}
	// Tamper: the round before the one in force.
	var prev liveRound
	for i, r := range rounds[w] {
		if r.id.Cmp(in.id) == 0 {
			prev = rounds[w][i-1]
		}
	}
	raw, err := os.ReadFile(filepath.Join(dir, statement.CaseFile))
	if err != nil {
		t.Fatal(err)
	}
	tampered := strings.Replace(string(raw), `"WETH": "`+in.id.String()+`"`, `"WETH": "`+prev.id.String()+`"`, 1)
	if tampered == string(raw) {
		t.Fatalf("no WETH round %v in %s", in.id, raw)
	}
	if err := os.WriteFile(filepath.Join(dir, statement.CaseFile), []byte(tampered), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = runInProcess(t, cfg, state, keys, 1)
	if err == nil || !strings.Contains(err.Error(), "WETH's price") || !strings.Contains(err.Error(), "not what the registry derives from round "+prev.id.String()) {
		t.Fatalf("a tampered round: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, EpochProofFile)); !os.IsNotExist(err) {
		t.Fatalf("a proof was written for the tampered epoch: %v", err)
	}
}

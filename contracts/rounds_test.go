package contracts_test

import (
	"errors"
	"math/big"
	"math/rand"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"

	"github.com/zktreasury/zktreasury/contracts"
)

// modelRound is a round of the test feed as the model sees it.
type modelRound struct {
	id *big.Int
	at uint64
}

// phasedFeed is a Chainlink-shaped mock feed with several phases of rounds at irregular times
// (ties included) and an empty phase between two others, and the model of its rounds in id
// order (which is time order).
type phasedFeed struct {
	feed   contracts.MockFeed
	rounds []modelRound
}

func newPhasedFeed(t *testing.T, c *chain, first uint64, rng *rand.Rand) *phasedFeed {
	t.Helper()
	ctx := ctxT(t)
	pf := &phasedFeed{}
	at := first
	addPhase := func(n int) []contracts.MockRound {
		var out []contracts.MockRound
		for i := 0; i < n; i++ {
			out = append(out, contracts.MockRound{Answer: big.NewInt(1_00000000 + rng.Int63n(1_000_000)), UpdatedAt: at})
			pf.rounds = append(pf.rounds, modelRound{id: contracts.RoundID(pf.feed.Phase, uint64(i+1)), at: at})
			switch rng.Intn(4) {
			case 0: // the next round at the same second
			default:
				at += 1 + uint64(rng.Intn(5000))
			}
		}
		return out
	}
	pf.feed.Phase = 1
	f, err := contracts.DeployMockFeed(ctx, c.client, c.operator, testFeedDecimals, addPhase(9+rng.Intn(6))...)
	if err != nil {
		t.Fatal(err)
	}
	pf.feed = f
	// Phase 2 never answers; phases 3 and 4 do.
	for _, n := range []int{0, 5 + rng.Intn(8), 1 + rng.Intn(6)} {
		if err := contracts.NewMockPhase(ctx, c.client, c.operator, &pf.feed, testFeedDecimals); err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			continue
		}
		at += 1 + uint64(rng.Intn(3000))
		if _, err := contracts.AddMockRounds(ctx, c.client, c.operator, pf.feed, addPhase(n)...); err != nil {
			t.Fatal(err)
		}
	}
	return pf
}

// inForce is the model's answer: the index of the last round (in id order) updated at or
// before t, -1 for none.
func (pf *phasedFeed) inForce(t uint64) int {
	k := -1
	for i, r := range pf.rounds {
		if r.at <= t {
			k = i
		}
	}
	return k
}

// probeTimes are the times the tests look at: every update, a second either side, and random
// times in between.
func (pf *phasedFeed) probeTimes(rng *rand.Rand) []uint64 {
	var ts []uint64
	for _, r := range pf.rounds {
		ts = append(ts, r.at-1, r.at, r.at+1)
	}
	first, last := pf.rounds[0].at, pf.rounds[len(pf.rounds)-1].at
	for i := 0; i < 20; i++ {
		ts = append(ts, first+uint64(rng.Int63n(int64(last-first+10000))))
	}
	return ts
}

const longHeartbeat = 365 * 24 * time.Hour

func TestRoundAt(t *testing.T) {
	c := newChain(t)
	ctx := ctxT(t)
	rng := rand.New(rand.NewSource(10))
	first := c.headTime(t) - 20*24*3600
	pf := newPhasedFeed(t, c, first, rng)
	for _, ts := range pf.probeTimes(rng) {
		k := pf.inForce(ts)
		got, err := contracts.RoundAt(ctx, c.client, pf.feed.Proxy, ts, longHeartbeat)
		if k < 0 {
			if !errors.Is(err, contracts.ErrNoRoundInForce) || !strings.Contains(err.Error(), pf.feed.Proxy.Hex()) || !strings.Contains(err.Error(), "no round was updated") {
				t.Fatalf("t = %d, before the first round: got %v, %v; want ErrNoRoundInForce naming the feed", ts, got.RoundID, err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("t = %d: %v", ts, err)
		}
		if got.RoundID.Cmp(pf.rounds[k].id) != 0 || uint64(got.UpdatedAt.Unix()) != pf.rounds[k].at {
			t.Fatalf("t = %d: round %v updated at %d, want %v updated at %d", ts, got.RoundID, got.UpdatedAt.Unix(), pf.rounds[k].id, pf.rounds[k].at)
		}
	}
	t.Run("exactly on an update with a tie", func(t *testing.T) {
		for i := 0; i+1 < len(pf.rounds); i++ {
			if pf.rounds[i].at != pf.rounds[i+1].at {
				continue
			}
			got, err := contracts.RoundAt(ctx, c.client, pf.feed.Proxy, pf.rounds[i].at, longHeartbeat)
			if err != nil {
				t.Fatal(err)
			}
			// The later of the two rounds updated at that second: the earlier is superseded.
			if got.RoundID.Cmp(pf.rounds[pf.inForce(pf.rounds[i].at)].id) != 0 || got.RoundID.Cmp(pf.rounds[i].id) == 0 {
				t.Fatalf("tie at %d: got %v, want a later round than %v", pf.rounds[i].at, got.RoundID, pf.rounds[i].id)
			}
			return
		}
		t.Fatal("the random feed has no tie: change the seed")
	})
	t.Run("stale", func(t *testing.T) {
		last := pf.rounds[len(pf.rounds)-1]
		_, err := contracts.RoundAt(ctx, c.client, pf.feed.Proxy, last.at+3601, time.Hour)
		if !errors.Is(err, contracts.ErrNoRoundInForce) || !strings.Contains(err.Error(), "stale beyond the feed's heartbeat 1h0m0s") || !strings.Contains(err.Error(), pf.feed.Proxy.Hex()) {
			t.Fatalf("a round 3601 s old with a 1 h heartbeat: %v", err)
		}
		if _, err := contracts.RoundAt(ctx, c.client, pf.feed.Proxy, last.at+3600, time.Hour); err != nil {
			t.Fatalf("a round exactly one heartbeat old: %v", err)
		}
	})
	t.Run("after the head", func(t *testing.T) {
		_, err := contracts.RoundAt(ctx, c.client, pf.feed.Proxy, c.headTime(t)+60, longHeartbeat)
		if err == nil || !strings.Contains(err.Error(), "after the chain's head") {
			t.Fatalf("a time in the future: %v", err)
		}
	})
	t.Run("bare aggregator", func(t *testing.T) {
		// The current phase's aggregator itself numbers its rounds in phase 0.
		last := pf.rounds[len(pf.rounds)-1]
		got, err := contracts.RoundAt(ctx, c.client, pf.feed.Aggregator, last.at, longHeartbeat)
		if err != nil {
			t.Fatal(err)
		}
		if got.RoundID.Cmp(new(big.Int).And(last.id, new(big.Int).SetUint64(^uint64(0)))) != 0 {
			t.Fatalf("bare aggregator: round %v, want aggregator round of %v", got.RoundID, last.id)
		}
	})
}

// TestRoundAtMatchesRegistry is the property that RoundAt finds what the registry enforces: for
// end times all over a multi-phase feed, the registry accepts the round RoundAt finds, and
// refuses the round before it (superseded) and the round after it (after the end).
func TestRoundAtMatchesRegistry(t *testing.T) {
	c := newChain(t)
	ctx := ctxT(t)
	rng := rand.New(rand.NewSource(11))
	first := c.headTime(t) - 20*24*3600
	pf := newPhasedFeed(t, c, first, rng)
	genesis := first - 1000
	env := &feedEnv{chain: c, genesis: genesis}
	cfg := env.baseConfig(contracts.VerifierSpec{Kind: contracts.Groth16, Bytecode: contracts.MockVerifierBytecode()})
	cfg.Feeds = []contracts.FeedConfig{{Aggregator: pf.feed.Proxy, Decimals: testFeedDecimals, CircuitDecimals: 6, Heartbeat: longHeartbeat}}
	dep, err := contracts.Deploy(ctx, c.client, c.operator, cfg)
	if err != nil {
		t.Fatal(err)
	}
	// check is the registry's verdict on epoch 1 ending at end priced at round id (an eth_call:
	// nothing is recorded).
	check := func(end uint64, id *big.Int) error {
		s := contracts.EpochSubmission{Epoch: 1, StartTime: genesis, EndTime: end, StateCommitment: big.NewInt(1), LiabilitiesRoot: big.NewInt(2),
			ActionsCommitment: big.NewInt(3), RoundIDs: []*big.Int{id}, Inflows: []uint64{0}, Outflows: []uint64{0}, Proof: testProof()}
		data, err := contracts.PackSubmission(s)
		if err != nil {
			t.Fatal(err)
		}
		_, err = c.client.CallContract(ctx, ethereum.CallMsg{From: c.operator.From, To: &dep.Registry, Data: data}, nil)
		return contracts.DecodeCallErrorForTest(err)
	}
	checked := 0
	for _, ts := range pf.probeTimes(rng) {
		k := pf.inForce(ts)
		if k < 0 || ts <= genesis {
			continue
		}
		got, err := contracts.RoundAt(ctx, c.client, pf.feed.Proxy, ts, longHeartbeat)
		if err != nil {
			t.Fatalf("t = %d: %v", ts, err)
		}
		if err := check(ts, got.RoundID); err != nil {
			t.Fatalf("t = %d: the registry refuses the round RoundAt found, %v: %v", ts, got.RoundID, err)
		}
		if k > 0 {
			if err := check(ts, pf.rounds[k-1].id); !errors.Is(err, contracts.ErrRoundSuperseded) {
				t.Fatalf("t = %d: the round before the one in force, %v: got %v, want RoundSuperseded", ts, pf.rounds[k-1].id, err)
			}
		}
		if k+1 < len(pf.rounds) {
			if err := check(ts, pf.rounds[k+1].id); !errors.Is(err, contracts.ErrRoundAfterEpochEnd) {
				t.Fatalf("t = %d: the round after the one in force, %v: got %v, want RoundAfterEpochEnd", ts, pf.rounds[k+1].id, err)
			}
		}
		checked++
	}
	if checked < 40 {
		t.Fatalf("only %d end times checked", checked)
	}
}

package contracts

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/zktreasury/zktreasury/contracts/bindings/mockaggregatorproxy"
)

// phaseOffset is the shift of the phase id in a proxy round id (EACAggregatorProxy).
const phaseOffset = 64

// ErrNoRoundInForce is returned (wrapped) by RoundAt when no round of the feed can price the
// time: none was updated at or before it, the one in force is older than the heartbeat, or its
// answer is not positive.
var ErrNoRoundInForce = errors.New("no usable round in force")

// RoundAt returns the round of the Chainlink feed at proxy (an EACAggregatorProxy-shaped feed:
// getRoundData, latestRoundData, phaseAggregators) in force at time t (unix seconds), the round
// the registry accepts for an epoch ending at t: the round with the greatest updatedAt <= t
// whose next round — id + 1 in the same phase, or, when that does not exist, the first round
// of the first later phase that has one — was updated after t or does not exist. The found
// round must also be fresh (t - updatedAt <= heartbeat) and answer a positive price, as the
// registry requires; otherwise the error (ErrNoRoundInForce) names the feed and the time. t
// must not be after the chain's head (a later round could still be in force at t).
//
// It walks back from latestRoundData: inside a phase updatedAt does not decrease with the round
// id, so the round is found by binary search over rounds 1..latest of that phase (the phase's
// aggregator's latestRoundData); earlier phases are read through phaseAggregators.
func RoundAt(ctx context.Context, backend Backend, proxy common.Address, t uint64, heartbeat time.Duration) (Round, error) {
	if backend == nil {
		return Round{}, errors.New("round at: nil backend")
	}
	at := time.Unix(int64(t), 0).UTC().Format(time.RFC3339)
	fail := func(format string, args ...any) error {
		return fmt.Errorf("feed %s at %s: %s", proxy, at, fmt.Sprintf(format, args...))
	}
	if heartbeat <= 0 {
		return Round{}, fail("heartbeat %s is not positive", heartbeat)
	}
	head, err := backend.HeaderByNumber(ctx, nil)
	if err != nil {
		return Round{}, fail("read the head block: %v", err)
	}
	if t > head.Time {
		return Round{}, fail("after the chain's head block time %s: the round in force is not known yet", unixUTC(head.Time).Format(time.RFC3339))
	}
	fr := &feedReader{ctx: ctx, backend: backend, proxy: proxy}
	latest, err := fr.latest()
	if err != nil {
		return Round{}, fail("%v", err)
	}
	lastPhase := uint16(new(big.Int).Rsh(latest.id, phaseOffset).Uint64())
	var found *rawRound
	// Phase ids start at 1; a bare aggregator (not behind a proxy) numbers its rounds in phase 0.
	for p := int(lastPhase); p >= 1 || p == int(lastPhase); p-- {
		phase := uint16(p)
		var hi uint64
		if phase == lastPhase {
			hi = low64(latest.id) // the aggregator round
		} else if hi, err = fr.phaseLatest(phase); err != nil {
			return Round{}, fail("%v", err)
		}
		if hi == 0 {
			continue // the phase never answered
		}
		if found, err = fr.search(phase, hi, t); err != nil {
			return Round{}, fail("%v", err)
		}
		if found != nil {
			break
		}
	}
	if found == nil {
		return Round{}, fmt.Errorf("%w: %s", ErrNoRoundInForce, fail("no round was updated at or before it"))
	}
	rd := roundOf(found.id, found.answer, found.startedAt, new(big.Int).SetUint64(found.updatedAt))
	if age := t - found.updatedAt; age > uint64(heartbeat/time.Second) {
		return rd, fmt.Errorf("%w: %s", ErrNoRoundInForce, fail("the round in force, %v, was updated at %s, %s before: stale beyond the feed's heartbeat %s",
			found.id, rd.UpdatedAt.Format(time.RFC3339), time.Duration(age)*time.Second, heartbeat))
	}
	if found.answer.Sign() <= 0 {
		return rd, fmt.Errorf("%w: %s", ErrNoRoundInForce, fail("the round in force, %v, answers %v: not a price", found.id, found.answer))
	}
	// The registry's own check, replayed: the next round after the one found is after t.
	if next, ok, err := fr.nextRound(found.id, lastPhase); err != nil {
		return Round{}, fail("%v", err)
	} else if ok && next.updatedAt <= t {
		return Round{}, fail("round %v was found in force but its next round %v was updated at %s: the feed's rounds are not in time order",
			found.id, next.id, unixUTC(next.updatedAt).Format(time.RFC3339))
	}
	return rd, nil
}

// rawRound is a round as read, times in unix seconds.
type rawRound struct {
	id, answer, startedAt *big.Int
	updatedAt             uint64
}

type feedReader struct {
	ctx     context.Context
	backend Backend
	proxy   common.Address
}

// proxyABI speaks AggregatorV3Interface and the proxy's phaseAggregators.
var proxyABI = mockaggregatorproxy.NewMockAggregatorProxy()

func (f *feedReader) opts() *bind.CallOpts { return &bind.CallOpts{Context: f.ctx} }

func (f *feedReader) latest() (rawRound, error) {
	rd, err := bind.Call(proxyABI.Instance(f.backend, f.proxy), f.opts(), proxyABI.PackLatestRoundData(), proxyABI.UnpackLatestRoundData)
	if err != nil {
		return rawRound{}, fmt.Errorf("latestRoundData(): %w", decodeCallError(err))
	}
	if rd.UpdatedAt.Sign() == 0 || !rd.UpdatedAt.IsUint64() || low64(rd.RoundId) == 0 {
		return rawRound{}, fmt.Errorf("latestRoundData() answers round %v updated at %v: the feed has no round", rd.RoundId, rd.UpdatedAt)
	}
	return rawRound{id: rd.RoundId, answer: rd.Answer, startedAt: rd.StartedAt, updatedAt: rd.UpdatedAt.Uint64()}, nil
}

// phaseLatest is the latest aggregator round of an earlier phase (0 when the phase has no
// aggregator or no round).
func (f *feedReader) phaseLatest(phase uint16) (uint64, error) {
	agg, err := bind.Call(proxyABI.Instance(f.backend, f.proxy), f.opts(), proxyABI.PackPhaseAggregators(phase), proxyABI.UnpackPhaseAggregators)
	if err != nil {
		return 0, fmt.Errorf("phaseAggregators(%d): %w", phase, decodeCallError(err))
	}
	if agg == (common.Address{}) {
		return 0, nil
	}
	// The aggregator's latestRoundData has the proxy's signature (its ids without the phase).
	rd, err := bind.Call(proxyABI.Instance(f.backend, agg), f.opts(), proxyABI.PackLatestRoundData(), proxyABI.UnpackLatestRoundData)
	if isRevert(err) {
		return 0, nil // an aggregator that never answered reverts ("No data present")
	}
	if err != nil {
		return 0, fmt.Errorf("phase %d aggregator %s latestRoundData(): %w", phase, agg, decodeCallError(err))
	}
	if rd.UpdatedAt.Sign() == 0 {
		return 0, nil
	}
	return low64(rd.RoundId), nil
}

// read reads a round through the proxy; ok is false for a round that does not exist (the read
// reverts or the round was never updated), as the registry counts it.
func (f *feedReader) read(id *big.Int) (rawRound, bool, error) {
	rd, err := bind.Call(proxyABI.Instance(f.backend, f.proxy), f.opts(), proxyABI.PackGetRoundData(id), proxyABI.UnpackGetRoundData)
	if isRevert(err) {
		return rawRound{}, false, nil
	}
	if err != nil {
		return rawRound{}, false, fmt.Errorf("getRoundData(%v): %w", id, decodeCallError(err))
	}
	if rd.UpdatedAt.Sign() == 0 {
		return rawRound{}, false, nil
	}
	if !rd.UpdatedAt.IsUint64() {
		return rawRound{}, false, fmt.Errorf("getRoundData(%v): updatedAt %v beyond 64 bits", id, rd.UpdatedAt)
	}
	return rawRound{id: id, answer: rd.Answer, startedAt: rd.StartedAt, updatedAt: rd.UpdatedAt.Uint64()}, true, nil
}

// mustRead reads a round that must exist: rounds 1..latest of a phase are contiguous.
func (f *feedReader) mustRead(phase uint16, r uint64) (rawRound, error) {
	rd, ok, err := f.read(RoundID(phase, r))
	if err != nil {
		return rawRound{}, err
	}
	if !ok {
		return rawRound{}, fmt.Errorf("round %v (phase %d round %d) does not exist although the phase's latest round is later: a gap in the feed", RoundID(phase, r), phase, r)
	}
	return rd, nil
}

// search returns the last round of the phase (rounds 1..hi) updated at or before t, nil when
// its first round is after t.
func (f *feedReader) search(phase uint16, hi, t uint64) (*rawRound, error) {
	first, err := f.mustRead(phase, 1)
	if err != nil {
		return nil, err
	}
	if first.updatedAt > t {
		return nil, nil
	}
	best := first
	lo := uint64(1) // invariant: round lo is updated at or before t; rounds after hi are not in the phase
	for lo < hi {
		mid := lo + (hi-lo+1)/2
		rd, err := f.mustRead(phase, mid)
		if err != nil {
			return nil, err
		}
		if rd.updatedAt <= t {
			lo, best = mid, rd
		} else {
			hi = mid - 1
		}
	}
	return &best, nil
}

// nextRound is the round the registry compares with id: id + 1 in the same phase or the first
// round of the first later phase, up to lastPhase, that has one; ok is false when there is none
// or id is the latest round.
func (f *feedReader) nextRound(id *big.Int, lastPhase uint16) (rawRound, bool, error) {
	phase := uint16(new(big.Int).Rsh(id, phaseOffset).Uint64())
	if r := low64(id); r != ^uint64(0) {
		rd, ok, err := f.read(RoundID(phase, r+1))
		if err != nil || ok {
			return rd, ok, err
		}
	}
	for q := uint32(phase) + 1; q <= uint32(lastPhase); q++ {
		rd, ok, err := f.read(RoundID(uint16(q), 1))
		if err != nil || ok {
			return rd, ok, err
		}
	}
	return rawRound{}, false, nil
}

var maxUint64 = new(big.Int).SetUint64(^uint64(0))

// low64 is a round id's low 64 bits: the aggregator's round.
func low64(id *big.Int) uint64 { return new(big.Int).And(id, maxUint64).Uint64() }

// isRevert reports whether a call error is the contract reverting (with or without data), not
// a failure to reach the node.
func isRevert(err error) bool {
	if err == nil {
		return false
	}
	var de rpc.DataError
	if errors.As(err, &de) {
		return true
	}
	return strings.Contains(err.Error(), "execution reverted")
}

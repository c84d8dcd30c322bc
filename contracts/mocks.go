package contracts

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"

	"github.com/zktreasury/zktreasury/contracts/bindings/mockaggregator"
	"github.com/zktreasury/zktreasury/contracts/bindings/mockaggregatorproxy"
	"github.com/zktreasury/zktreasury/contracts/bindings/mockverifier"
)

// MockVerifierBytecode is the creation code of src/test/MockVerifier.sol, a verifier that
// speaks both gnark ABIs and accepts every proof until told otherwise. For tests and dry runs
// only: a registry deployed with it proves nothing.
func MockVerifierBytecode() []byte {
	return common.FromHex(mockverifier.MockVerifierMetaData.Bin)
}

// RoundID is the proxy round id of an aggregator's round in a phase: phase << 64 | round, as
// Chainlink's EACAggregatorProxy numbers them.
func RoundID(phase uint16, aggregatorRound uint64) *big.Int {
	id := new(big.Int).Lsh(big.NewInt(int64(phase)), 64)
	return id.Or(id, new(big.Int).SetUint64(aggregatorRound))
}

// MockRound is a round to add to a mock feed; it starts and is updated at UpdatedAt (unix
// seconds).
type MockRound struct {
	// Answer is the round's answer at the feed's decimals.
	Answer *big.Int
	// UpdatedAt is when the round started and was updated.
	UpdatedAt uint64
}

// MockFeed is a Chainlink-shaped mock feed: a MockAggregatorProxy (the address the registry
// reads) in front of the MockAggregator of its current phase.
type MockFeed struct {
	// Proxy is the feed's address.
	Proxy common.Address
	// Aggregator is the current phase's aggregator and Phase that phase's id.
	Aggregator common.Address
	Phase      uint16
	// Gas is what deploying the aggregator, the proxy and the first rounds cost.
	Gas uint64
}

// DeployMockFeed deploys src/test/MockAggregator.sol and a MockAggregatorProxy in front of it
// (phase 1), then adds rounds (aggregator rounds 1, 2, ..., proxy ids RoundID(1, i)). For
// tests and demos: anyone can add rounds.
func DeployMockFeed(ctx context.Context, backend Backend, auth *bind.TransactOpts, decimals uint8, rounds ...MockRound) (MockFeed, error) {
	if backend == nil || auth == nil {
		return MockFeed{}, errors.New("deploy mock feed: nil backend or transact opts")
	}
	var f MockFeed
	agg, gas, err := deployMockAggregator(ctx, backend, auth, decimals)
	if err != nil {
		return MockFeed{}, err
	}
	f.Aggregator, f.Gas = agg, gas
	input, err := mockaggregatorproxy.NewMockAggregatorProxy().GetABI().Pack("", agg)
	if err != nil {
		return MockFeed{}, fmt.Errorf("deploy mock feed proxy: pack constructor: %w", err)
	}
	proxy, receipt, err := deployCode(ctx, backend, auth, common.FromHex(mockaggregatorproxy.MockAggregatorProxyMetaData.Bin), input)
	if err != nil {
		return MockFeed{}, fmt.Errorf("deploy mock feed proxy: %w", err)
	}
	f.Proxy, f.Phase, f.Gas = proxy, 1, f.Gas+receipt.GasUsed
	if len(rounds) > 0 {
		g, err := addMockRounds(ctx, backend, auth, f.Aggregator, rounds)
		if err != nil {
			return MockFeed{}, err
		}
		f.Gas += g
	}
	return f, nil
}

func deployMockAggregator(ctx context.Context, backend Backend, auth *bind.TransactOpts, decimals uint8) (common.Address, uint64, error) {
	input, err := mockaggregator.NewMockAggregator().GetABI().Pack("", decimals)
	if err != nil {
		return common.Address{}, 0, fmt.Errorf("deploy mock aggregator: pack constructor: %w", err)
	}
	addr, receipt, err := deployCode(ctx, backend, auth, common.FromHex(mockaggregator.MockAggregatorMetaData.Bin), input)
	if err != nil {
		return common.Address{}, 0, fmt.Errorf("deploy mock aggregator: %w", err)
	}
	return addr, receipt.GasUsed, nil
}

// AddMockRounds appends rounds to the feed's current aggregator and returns their proxy round
// ids.
func AddMockRounds(ctx context.Context, backend Backend, auth *bind.TransactOpts, f MockFeed, rounds ...MockRound) ([]*big.Int, error) {
	if backend == nil || auth == nil {
		return nil, errors.New("add mock rounds: nil backend or transact opts")
	}
	m := mockaggregator.NewMockAggregator()
	latest, err := bind.Call(m.Instance(backend, f.Aggregator), &bind.CallOpts{Context: ctx}, m.PackLatestRound(), m.UnpackLatestRound)
	if err != nil {
		return nil, fmt.Errorf("add mock rounds to %s: latestRound(): %w", f.Aggregator, decodeCallError(err))
	}
	if _, err := addMockRounds(ctx, backend, auth, f.Aggregator, rounds); err != nil {
		return nil, err
	}
	ids := make([]*big.Int, len(rounds))
	for i := range rounds {
		ids[i] = RoundID(f.Phase, latest.Uint64()+uint64(i)+1)
	}
	return ids, nil
}

func addMockRounds(ctx context.Context, backend Backend, auth *bind.TransactOpts, agg common.Address, rounds []MockRound) (uint64, error) {
	answers := make([]*big.Int, len(rounds))
	times := make([]uint64, len(rounds))
	for i, r := range rounds {
		if r.Answer == nil {
			return 0, fmt.Errorf("add mock rounds: round %d has no answer", i)
		}
		answers[i], times[i] = r.Answer, r.UpdatedAt
	}
	m := mockaggregator.NewMockAggregator()
	data, err := m.TryPackAddRounds(answers, times)
	if err != nil {
		return 0, fmt.Errorf("add mock rounds: pack: %w", err)
	}
	receipt, err := sendTx(ctx, backend, auth, agg, m.Instance(backend, agg), data)
	if err != nil {
		return 0, fmt.Errorf("add mock rounds to %s: %w", agg, err)
	}
	return receipt.GasUsed, nil
}

// NewMockPhase deploys a new MockAggregator with the same decimals and points the feed's proxy
// at it: the next phase, as when Chainlink upgrades a feed's aggregator. f is updated.
func NewMockPhase(ctx context.Context, backend Backend, auth *bind.TransactOpts, f *MockFeed, decimals uint8) error {
	agg, _, err := deployMockAggregator(ctx, backend, auth, decimals)
	if err != nil {
		return err
	}
	p := mockaggregatorproxy.NewMockAggregatorProxy()
	if _, err := sendTx(ctx, backend, auth, f.Proxy, p.Instance(backend, f.Proxy), p.PackSetAggregator(agg)); err != nil {
		return fmt.Errorf("new mock phase on %s: %w", f.Proxy, err)
	}
	f.Aggregator, f.Phase = agg, f.Phase+1
	return nil
}

// SetMockEmptyOnMissing chooses whether the feed's current aggregator answers a missing round
// with an empty round (OCR aggregators) instead of reverting (FluxAggregator).
func SetMockEmptyOnMissing(ctx context.Context, backend Backend, auth *bind.TransactOpts, f MockFeed, empty bool) error {
	m := mockaggregator.NewMockAggregator()
	if _, err := sendTx(ctx, backend, auth, f.Aggregator, m.Instance(backend, f.Aggregator), m.PackSetEmptyOnMissing(empty)); err != nil {
		return fmt.Errorf("set empty-on-missing on %s: %w", f.Aggregator, err)
	}
	return nil
}

// Round is one Chainlink round as getRoundData or latestRoundData answers it.
type Round struct {
	// RoundID is the proxy's round id (phase << 64 | aggregator round).
	RoundID *big.Int
	// Answer is the round's answer at the feed's decimals.
	Answer *big.Int
	// StartedAt and UpdatedAt are the round's times; UpdatedAt is zero for a round not updated.
	StartedAt, UpdatedAt time.Time
}

// FeedAnswer is a feed's decimals and latest round.
type FeedAnswer struct {
	// Decimals is the feed's decimals().
	Decimals uint8
	// Latest is its latestRoundData().
	Latest Round
}

func roundOf(id, answer, startedAt, updatedAt *big.Int) Round {
	r := Round{RoundID: id, Answer: answer}
	if startedAt.Sign() > 0 && startedAt.IsInt64() {
		r.StartedAt = time.Unix(startedAt.Int64(), 0).UTC()
	}
	if updatedAt.Sign() > 0 && updatedAt.IsInt64() {
		r.UpdatedAt = time.Unix(updatedAt.Int64(), 0).UTC()
	}
	return r
}

// ReadFeed reads a Chainlink AggregatorV3Interface feed's decimals and latest round (any such
// feed, not only the mocks: the calls are the interface's).
func ReadFeed(ctx context.Context, backend Backend, feed common.Address) (FeedAnswer, error) {
	if backend == nil {
		return FeedAnswer{}, errors.New("read feed: nil backend")
	}
	p := mockaggregatorproxy.NewMockAggregatorProxy()
	bound := p.Instance(backend, feed)
	opts := &bind.CallOpts{Context: ctx}
	dec, err := bind.Call(bound, opts, p.PackDecimals(), p.UnpackDecimals)
	if err != nil {
		return FeedAnswer{}, fmt.Errorf("read feed %s: decimals(): %w", feed, decodeCallError(err))
	}
	rd, err := bind.Call(bound, opts, p.PackLatestRoundData(), p.UnpackLatestRoundData)
	if err != nil {
		return FeedAnswer{}, fmt.Errorf("read feed %s: latestRoundData(): %w", feed, decodeCallError(err))
	}
	return FeedAnswer{Decimals: dec, Latest: roundOf(rd.RoundId, rd.Answer, rd.StartedAt, rd.UpdatedAt)}, nil
}

// ReadRound reads one round of a Chainlink AggregatorV3Interface feed with getRoundData.
func ReadRound(ctx context.Context, backend Backend, feed common.Address, roundID *big.Int) (Round, error) {
	if backend == nil || roundID == nil {
		return Round{}, errors.New("read round: nil backend or round id")
	}
	p := mockaggregatorproxy.NewMockAggregatorProxy()
	data, err := p.TryPackGetRoundData(roundID)
	if err != nil {
		return Round{}, fmt.Errorf("read round %v of %s: %w", roundID, feed, err)
	}
	rd, err := bind.Call(p.Instance(backend, feed), &bind.CallOpts{Context: ctx}, data, p.UnpackGetRoundData)
	if err != nil {
		return Round{}, fmt.Errorf("read round %v of %s: getRoundData(): %w", roundID, feed, decodeCallError(err))
	}
	return roundOf(rd.RoundId, rd.Answer, rd.StartedAt, rd.UpdatedAt), nil
}

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
	"github.com/zktreasury/zktreasury/contracts/bindings/mockverifier"
)

// MockVerifierBytecode is the creation code of src/test/MockVerifier.sol, a verifier that
// speaks both gnark ABIs and accepts every proof until told otherwise. For tests and dry runs
// only: a registry deployed with it proves nothing.
func MockVerifierBytecode() []byte {
	return common.FromHex(mockverifier.MockVerifierMetaData.Bin)
}

// DeployMockFeed deploys src/test/MockAggregator.sol, a Chainlink-style feed anyone can set,
// with the given decimals and first answer stamped at the current block. For tests and demos.
func DeployMockFeed(ctx context.Context, backend Backend, auth *bind.TransactOpts, decimals uint8, answer *big.Int) (common.Address, error) {
	addr, _, err := DeployMockFeedGas(ctx, backend, auth, decimals, answer)
	return addr, err
}

// DeployMockFeedGas is DeployMockFeed that also returns the creation's gas used.
func DeployMockFeedGas(ctx context.Context, backend Backend, auth *bind.TransactOpts, decimals uint8, answer *big.Int) (common.Address, uint64, error) {
	if backend == nil || auth == nil {
		return common.Address{}, 0, errors.New("deploy mock feed: nil backend or transact opts")
	}
	if answer == nil {
		return common.Address{}, 0, errors.New("deploy mock feed: nil answer")
	}
	feedABI := mockaggregator.NewMockAggregator().GetABI()
	input, err := feedABI.Pack("", decimals, answer)
	if err != nil {
		return common.Address{}, 0, fmt.Errorf("deploy mock feed: pack constructor: %w", err)
	}
	addr, receipt, err := deployCode(ctx, backend, auth, common.FromHex(mockaggregator.MockAggregatorMetaData.Bin), input)
	if err != nil {
		return common.Address{}, 0, fmt.Errorf("deploy mock feed: %w", err)
	}
	return addr, receipt.GasUsed, nil
}

// SetMockFeed publishes answer on a mock feed, stamped with updatedAt (unix seconds), or with
// the block's time when updatedAt is nil.
func SetMockFeed(ctx context.Context, backend Backend, auth *bind.TransactOpts, feed common.Address, answer, updatedAt *big.Int) error {
	if backend == nil || auth == nil || answer == nil {
		return errors.New("set mock feed: nil backend, transact opts or answer")
	}
	m := mockaggregator.NewMockAggregator()
	var data []byte
	var err error
	if updatedAt != nil {
		data, err = m.TryPackSetRoundData(answer, updatedAt)
	} else {
		data, err = m.TryPackSetAnswer(answer)
	}
	if err != nil {
		return fmt.Errorf("set mock feed %s: pack: %w", feed, err)
	}
	if _, err := sendTx(ctx, backend, auth, feed, m.Instance(backend, feed), data); err != nil {
		return fmt.Errorf("set mock feed %s: %w", feed, err)
	}
	return nil
}

// FeedAnswer is a feed's latest answer as the registry reads it.
type FeedAnswer struct {
	// Decimals is the feed's decimals().
	Decimals uint8
	// Answer and UpdatedAt are from latestRoundData().
	Answer    *big.Int
	UpdatedAt time.Time
}

// ReadFeed reads a Chainlink AggregatorV3Interface feed's decimals and latest answer (any such
// feed, not only the mocks: the two calls are the interface's).
func ReadFeed(ctx context.Context, backend Backend, feed common.Address) (FeedAnswer, error) {
	if backend == nil {
		return FeedAnswer{}, errors.New("read feed: nil backend")
	}
	m := mockaggregator.NewMockAggregator()
	bound := m.Instance(backend, feed)
	opts := &bind.CallOpts{Context: ctx}
	dec, err := bind.Call(bound, opts, m.PackDecimals(), m.UnpackDecimals)
	if err != nil {
		return FeedAnswer{}, fmt.Errorf("read feed %s: decimals(): %w", feed, decodeCallError(err))
	}
	rd, err := bind.Call(bound, opts, m.PackLatestRoundData(), m.UnpackLatestRoundData)
	if err != nil {
		return FeedAnswer{}, fmt.Errorf("read feed %s: latestRoundData(): %w", feed, decodeCallError(err))
	}
	return FeedAnswer{Decimals: dec, Answer: rd.Answer, UpdatedAt: time.Unix(rd.UpdatedAt.Int64(), 0).UTC()}, nil
}

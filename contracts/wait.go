package contracts

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// ReceiptPollInterval is how often WaitMined asks for a receipt: a dev chain mines in
// milliseconds, so bind.WaitMined's one second would dominate every test.
const ReceiptPollInterval = 10 * time.Millisecond

// ReceiptReader is the part of a backend that WaitMined needs.
type ReceiptReader interface {
	TransactionReceipt(ctx context.Context, txHash common.Hash) (*types.Receipt, error)
}

// WaitMined polls for tx's receipt every ReceiptPollInterval until it is mined, and returns it
// whatever its status. Not-found and "transaction indexing is in progress" (what a node answers
// until its transaction index has caught up, e.g. before geth --dev's first block) are retried;
// other errors are returned. It returns ctx.Err() when ctx is done first.
func WaitMined(ctx context.Context, backend ReceiptReader, tx *types.Transaction) (*types.Receipt, error) {
	if tx == nil {
		return nil, errors.New("wait mined: nil transaction")
	}
	return WaitReceipt(ctx, backend, tx.Hash())
}

// WaitReceipt is WaitMined for a transaction known only by its hash, e.g. one sent with
// eth_sendTransaction.
func WaitReceipt(ctx context.Context, backend ReceiptReader, hash common.Hash) (*types.Receipt, error) {
	if backend == nil {
		return nil, errors.New("wait mined: nil backend")
	}
	ticker := time.NewTicker(ReceiptPollInterval)
	defer ticker.Stop()
	for {
		receipt, err := backend.TransactionReceipt(ctx, hash)
		switch {
		case err == nil && receipt != nil:
			return receipt, nil
		case err == nil, errors.Is(err, ethereum.NotFound), isIndexingInProgress(err):
			// not mined yet, or not indexed yet
		case ctx.Err() != nil:
			return nil, ctx.Err()
		default:
			return nil, fmt.Errorf("receipt of %s: %w", hash, err)
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-ticker.C:
		}
	}
}

func isIndexingInProgress(err error) bool {
	return err != nil && strings.Contains(err.Error(), "transaction indexing is in progress")
}

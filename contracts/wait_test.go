package contracts_test

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/zktreasury/zktreasury/contracts"
)

// scriptedReceipts answers TransactionReceipt with errs in turn, then with a receipt.
type scriptedReceipts struct {
	errs  []error
	calls atomic.Int32
}

func (s *scriptedReceipts) TransactionReceipt(_ context.Context, h common.Hash) (*types.Receipt, error) {
	i := int(s.calls.Add(1)) - 1
	if i < len(s.errs) {
		return nil, s.errs[i]
	}
	return &types.Receipt{TxHash: h, Status: types.ReceiptStatusSuccessful}, nil
}

type indexingErr struct{}

func (indexingErr) Error() string          { return "transaction indexing is in progress" }
func (indexingErr) ErrorData() interface{} { return "transaction indexing is in progress" }

func TestWaitMinedRetries(t *testing.T) {
	tx := types.NewTx(&types.LegacyTx{Nonce: 1})
	r := &scriptedReceipts{errs: []error{indexingErr{}, ethereum.NotFound, indexingErr{}}}
	start := time.Now()
	got, err := contracts.WaitMined(context.Background(), r, tx)
	if err != nil {
		t.Fatal(err)
	}
	if got.TxHash != tx.Hash() || r.calls.Load() != 4 {
		t.Fatalf("receipt %v after %d calls", got.TxHash, r.calls.Load())
	}
	// Three retries at ReceiptPollInterval, not bind.WaitMined's one second each (3 s); the
	// bound is loose for a loaded machine.
	if d := time.Since(start); d > 2500*time.Millisecond {
		t.Fatalf("took %v for three retries", d)
	}
}

func TestWaitMinedReturnsOtherErrors(t *testing.T) {
	boom := errors.New("connection refused")
	r := &scriptedReceipts{errs: []error{boom}}
	_, err := contracts.WaitMined(context.Background(), r, types.NewTx(&types.LegacyTx{}))
	if !errors.Is(err, boom) {
		t.Fatalf("got %v, want %v", err, boom)
	}
}

func TestWaitMinedHonoursContext(t *testing.T) {
	r := &scriptedReceipts{errs: make([]error, 1_000_000)}
	for i := range r.errs {
		r.errs[i] = ethereum.NotFound
	}
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	_, err := contracts.WaitMined(ctx, r, types.NewTx(&types.LegacyTx{}))
	if !errors.Is(err, context.DeadlineExceeded) || err != ctx.Err() {
		t.Fatalf("got %v, want ctx.Err()", err)
	}

	ctx, cancel = context.WithCancel(context.Background())
	cancel()
	if _, err := contracts.WaitMined(ctx, r, types.NewTx(&types.LegacyTx{})); err != context.Canceled {
		t.Fatalf("got %v, want context.Canceled", err)
	}
}

package contracts

import (
	"context"
	"fmt"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// SignSubmission builds and signs the submitEpoch transaction without sending it, so that a
// caller can record its hash before it can land (a crash after sending is then recognised by
// the hash). Gas is estimated as SubmitEpoch does: a submission the registry would refuse is
// refused here, with the decoded error, and nothing is signed.
func (r *Registry) SignSubmission(ctx context.Context, s EpochSubmission) (*types.Transaction, error) {
	if r.auth == nil {
		return nil, fmt.Errorf("submit epoch %d: %w", s.Epoch, ErrNoTransactor)
	}
	data, err := PackSubmission(s)
	if err != nil {
		return nil, err
	}
	opts, err := withGasLimit(ctx, r.backend, r.auth, &r.address, data)
	if err != nil {
		return nil, fmt.Errorf("submit epoch %d: %w", s.Epoch, err)
	}
	opts.NoSend = true
	tx, err := bind.Transact(r.bound, opts, data)
	if err != nil {
		return nil, fmt.Errorf("submit epoch %d: sign: %w", s.Epoch, decodeCallError(err))
	}
	return tx, nil
}

// SendSigned sends a transaction signed by SignSubmission and waits for its receipt; a mined
// revert is decoded as SubmitEpoch decodes it (the receipt is returned with it).
func (r *Registry) SendSigned(ctx context.Context, tx *types.Transaction) (*types.Receipt, error) {
	if err := r.backend.SendTransaction(ctx, tx); err != nil {
		return nil, fmt.Errorf("send %s: %w", tx.Hash(), decodeCallError(err))
	}
	return r.WaitSubmitted(ctx, tx)
}

// WaitSubmitted waits for a sent transaction's receipt and decodes a mined revert.
func (r *Registry) WaitSubmitted(ctx context.Context, tx *types.Transaction) (*types.Receipt, error) {
	receipt, err := WaitMined(ctx, r.backend, tx)
	if err != nil {
		return nil, err
	}
	if receipt.Status != types.ReceiptStatusSuccessful {
		from := common.Address{}
		if r.auth != nil {
			from = r.auth.From
		}
		return receipt, fmt.Errorf("tx %s reverted: %w", tx.Hash(), replayRevert(ctx, r.backend, from, tx, receipt))
	}
	return receipt, nil
}

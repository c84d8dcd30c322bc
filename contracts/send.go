package contracts

import (
	"context"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/zktreasury/zktreasury/contracts/bindings/epochregistry"
)

// Op is one registry transaction, packed but not sent: Registry.Send sends it and returns as
// soon as the node has it, so a caller can show the hash before it waits (Registry.Wait).
type Op struct {
	// Name says what the transaction does, e.g. "queue policy"; errors start with it.
	Name string
	data []byte
	err  error
}

var opABI = epochregistry.NewEpochRegistry()

// OpSubmitEpoch is submitEpoch(s, proof); s is validated first (Send returns the error).
func OpSubmitEpoch(s EpochSubmission) Op {
	data, err := PackSubmission(s)
	return Op{Name: fmt.Sprintf("submit epoch %d", s.Epoch), data: data, err: err}
}

// OpPause is pause() (the guardian or governance).
func OpPause() Op { return Op{Name: "pause", data: opABI.PackPause()} }

// OpUnpause is unpause() (governance).
func OpUnpause() Op { return Op{Name: "unpause", data: opABI.PackUnpause()} }

// OpQueuePolicy is queuePolicy(commitment, fromEpoch) (governance).
func OpQueuePolicy(commitment *big.Int, fromEpoch uint64) Op {
	if err := checkField("policy commitment", commitment); err != nil {
		return Op{Name: "queue policy", err: err}
	}
	return Op{Name: "queue policy", data: opABI.PackQueuePolicy(commitment, fromEpoch)}
}

// OpExecutePolicy is executePolicy(commitment, fromEpoch) (governance): it executes
// only that queued policy.
func OpExecutePolicy(commitment *big.Int, fromEpoch uint64) Op {
	return Op{Name: "execute policy", data: opABI.PackExecutePolicy(commitment, fromEpoch)}
}

// OpCancelPolicy is cancelPolicy(commitment, fromEpoch) (governance): it drops only
// that queued policy.
func OpCancelPolicy(commitment *big.Int, fromEpoch uint64) Op {
	return Op{Name: "cancel policy", data: opABI.PackCancelPolicy(commitment, fromEpoch)}
}

// OpTransferGovernance is transferGovernance(next) (governance); the zero address withdraws a
// nomination.
func OpTransferGovernance(next common.Address) Op {
	return Op{Name: "transfer governance", data: opABI.PackTransferGovernance(next)}
}

// OpAcceptGovernance is acceptGovernance() (the nominee).
func OpAcceptGovernance() Op {
	return Op{Name: "accept governance", data: opABI.PackAcceptGovernance()}
}

// OpTransferGuardian is transferGuardian(next) (the guardian or governance).
func OpTransferGuardian(next common.Address) Op {
	return Op{Name: "transfer guardian", data: opABI.PackTransferGuardian(next)}
}

// OpAcceptGuardian is acceptGuardian() (the nominee).
func OpAcceptGuardian() Op { return Op{Name: "accept guardian", data: opABI.PackAcceptGuardian()} }

// SentTx is a registry transaction the node has accepted, not yet known to be mined.
type SentTx struct {
	// Op is what was sent; Tx the signed transaction (its Hash is what to look for).
	Op Op
	Tx *types.Transaction
	// From is the signer.
	From common.Address
}

// Hash is the transaction's hash.
func (s *SentTx) Hash() common.Hash { return s.Tx.Hash() }

// Send estimates op's gas (a revert there comes back decoded, e.g. a *RevertError matching
// ErrTimelockNotReady, and nothing is sent), signs it with the registry's TransactOpts and
// sends it. It does not wait: Wait does.
func (r *Registry) Send(ctx context.Context, op Op) (*SentTx, error) {
	if op.err != nil {
		return nil, fmt.Errorf("%s: %w", op.Name, op.err)
	}
	if r.auth == nil {
		return nil, fmt.Errorf("%s: %w", op.Name, ErrNoTransactor)
	}
	opts, err := withGasLimit(ctx, r.backend, r.auth, &r.address, op.data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", op.Name, err)
	}
	tx, err := bind.Transact(r.bound, opts, op.data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", op.Name, decodeCallError(err))
	}
	return &SentTx{Op: op, Tx: tx, From: opts.From}, nil
}

// Wait waits for a sent transaction's receipt. A mined revert comes back decoded (replayed on
// its block), with the receipt. When ctx ends first it returns ctx's error wrapped with the
// hash, and the transaction may still be mined later: it is never resent.
func (r *Registry) Wait(ctx context.Context, s *SentTx) (*types.Receipt, error) {
	if s == nil || s.Tx == nil {
		return nil, errors.New("wait: no transaction")
	}
	receipt, err := WaitMined(ctx, r.backend, s.Tx)
	if err != nil {
		return nil, fmt.Errorf("%s: tx %s: %w", s.Op.Name, s.Tx.Hash(), err)
	}
	if receipt.Status != types.ReceiptStatusSuccessful {
		return receipt, fmt.Errorf("%s: tx %s reverted: %w", s.Op.Name, s.Tx.Hash(), replayRevert(ctx, r.backend, s.From, s.Tx, receipt))
	}
	return receipt, nil
}

// QueuedPolicy reads the registry's PolicyQueued event in a queuePolicy receipt: what was
// queued, when it becomes executable and when it expires.
func (r *Registry) QueuedPolicy(receipt *types.Receipt) (*PendingPolicy, error) {
	if receipt == nil {
		return nil, errors.New("queued policy: no receipt")
	}
	for _, l := range receipt.Logs {
		if l.Address != r.address {
			continue
		}
		ev, err := opABI.UnpackPolicyQueuedEvent(l)
		if err != nil {
			continue
		}
		if !ev.Eta.IsUint64() || !ev.ExpiresAt.IsUint64() || !ev.FromEpoch.IsUint64() {
			return nil, fmt.Errorf("queued policy: PolicyQueued in tx %s is out of range", receipt.TxHash)
		}
		return &PendingPolicy{Commitment: ev.Commitment, FromEpoch: ev.FromEpoch.Uint64(),
			ETA: unixUTC(ev.Eta.Uint64()), ExpiresAt: unixUTC(ev.ExpiresAt.Uint64())}, nil
	}
	return nil, fmt.Errorf("queued policy: no PolicyQueued event in tx %s", receipt.TxHash)
}

// From is the address the registry's TransactOpts sign as (zero for a read-only handle).
func (r *Registry) From() common.Address {
	if r.auth == nil {
		return common.Address{}
	}
	return r.auth.From
}

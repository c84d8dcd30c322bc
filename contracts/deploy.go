package contracts

import (
	"context"
	"fmt"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// Backend is a connection to a chain. *ethclient.Client and the simulated backend's Client
// both satisfy it.
type Backend interface {
	bind.ContractBackend
	ReceiptReader
}

// VerifierKind says which gnark verifier ABI a verifier contract speaks.
type VerifierKind uint8

const (
	// Groth16 verifiers export verifyProof(bytes, uint256[N]) and revert on a bad proof.
	Groth16 VerifierKind = 0
	// Plonk verifiers export Verify(bytes, uint256[]) and return false on a bad proof.
	Plonk VerifierKind = 1
)

// String names the kind.
func (k VerifierKind) String() string {
	switch k {
	case Groth16:
		return "groth16"
	case Plonk:
		return "plonk"
	}
	return fmt.Sprintf("VerifierKind(%d)", uint8(k))
}

// GasMarginPercent is added to every gas estimate when TransactOpts.GasLimit is 0. Unused gas
// is not charged, and go-ethereum's estimator under the EIP-8037 state-gas rules that geth
// --dev and the simulated backend enable (fork "Bogota" in v1.17) undershoots contract
// creations whose constructors write storage (by about 25% for MockAggregator).
const GasMarginPercent = 50

// maxTxGas is EIP-7825's cap on a transaction's gas limit (Osaka).
const maxTxGas = 1 << 24

// withGasLimit returns opts with a gas limit: the caller's, or the estimate plus
// GasMarginPercent. A revert during estimation is decoded.
func withGasLimit(ctx context.Context, backend Backend, auth *bind.TransactOpts, to *common.Address, data []byte) (*bind.TransactOpts, error) {
	opts := *auth
	opts.Context = ctx
	if opts.GasLimit != 0 {
		return &opts, nil
	}
	est, err := backend.EstimateGas(ctx, ethereum.CallMsg{From: opts.From, To: to, Value: opts.Value, Data: data})
	if err != nil {
		return nil, decodeCallError(err)
	}
	limit := est + est*GasMarginPercent/100
	if limit > maxTxGas && est <= maxTxGas {
		limit = maxTxGas
	}
	opts.GasLimit = limit
	return &opts, nil
}

// deployCode sends a creation transaction, waits for it and checks that code landed. The
// receipt is returned with a mined revert too.
func deployCode(ctx context.Context, backend Backend, auth *bind.TransactOpts, bytecode, input []byte) (common.Address, *types.Receipt, error) {
	opts, err := withGasLimit(ctx, backend, auth, nil, append(append([]byte{}, bytecode...), input...))
	if err != nil {
		return common.Address{}, nil, err
	}
	addr, tx, err := bind.DeployContract(opts, bytecode, backend, input)
	if err != nil {
		return common.Address{}, nil, decodeCallError(err)
	}
	receipt, err := WaitMined(ctx, backend, tx)
	if err != nil {
		return common.Address{}, nil, err
	}
	if receipt.Status != types.ReceiptStatusSuccessful {
		return common.Address{}, receipt, fmt.Errorf("creation tx %s reverted: %w", tx.Hash(), replayRevert(ctx, backend, opts.From, tx, receipt))
	}
	code, err := backend.CodeAt(ctx, addr, receipt.BlockNumber)
	if err != nil {
		return common.Address{}, receipt, fmt.Errorf("read code at %s: %w", addr, err)
	}
	if len(code) == 0 {
		return common.Address{}, receipt, fmt.Errorf("no code at %s after creation tx %s", addr, tx.Hash())
	}
	return addr, receipt, nil
}

// sendTx signs and sends data to a contract, waits for the receipt, and turns a revert (at gas
// estimation, or mined) into a decoded error. The receipt is returned with a mined revert.
func sendTx(ctx context.Context, backend Backend, auth *bind.TransactOpts, to common.Address, bound *bind.BoundContract, data []byte) (*types.Receipt, error) {
	opts, err := withGasLimit(ctx, backend, auth, &to, data)
	if err != nil {
		return nil, err
	}
	tx, err := bind.Transact(bound, opts, data)
	if err != nil {
		return nil, decodeCallError(err)
	}
	receipt, err := WaitMined(ctx, backend, tx)
	if err != nil {
		return nil, err
	}
	if receipt.Status != types.ReceiptStatusSuccessful {
		return receipt, fmt.Errorf("tx %s reverted: %w", tx.Hash(), replayRevert(ctx, backend, opts.From, tx, receipt))
	}
	return receipt, nil
}

// replayRevert re-executes a mined, reverted transaction as a call on the state after its block
// to recover the revert data a receipt does not carry.
func replayRevert(ctx context.Context, backend Backend, from common.Address, tx *types.Transaction, receipt *types.Receipt) error {
	msg := ethereum.CallMsg{From: from, To: tx.To(), Gas: tx.Gas(), Value: tx.Value(), Data: tx.Data()}
	_, err := backend.CallContract(ctx, msg, receipt.BlockNumber)
	if err == nil {
		return fmt.Errorf("%w (the replay on block %v succeeded: the state changed in between)", ErrReverted, receipt.BlockNumber)
	}
	if decoded, ok := revertFromRPC(err); ok {
		return decoded
	}
	return fmt.Errorf("%w: %v", ErrReverted, err)
}

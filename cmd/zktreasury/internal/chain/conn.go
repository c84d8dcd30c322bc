package chain

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"io"
	"math/big"
	"os"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/rpc"
	"github.com/spf13/cobra"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
	"github.com/zktreasury/zktreasury/contracts/devnode"
)

// DialTimeout bounds how long Dial waits for the node's chain id.
const DialTimeout = 15 * time.Second

// Conn is a connection to a node over JSON-RPC.
type Conn struct {
	// URL is the node's endpoint.
	URL string
	// RPC is the raw client (for eth_accounts and eth_sendTransaction on a dev node).
	RPC *rpc.Client
	// Client is the ethclient over RPC; it satisfies contracts.Backend.
	Client *ethclient.Client
	// ChainID is the chain's id, read once at Dial.
	ChainID *big.Int
}

// Dial connects to the node at url and reads its chain id, so that a wrong URL or a node that
// is down fails here, naming the URL.
func Dial(ctx context.Context, url string) (*Conn, error) {
	if url == "" {
		return nil, cmdutil.Usagef("--rpc is required (the node's JSON-RPC URL, e.g. http://127.0.0.1:8545)")
	}
	c, err := rpc.DialContext(ctx, url)
	if err != nil {
		return nil, fmt.Errorf("connect to %s: %w", url, err)
	}
	client := ethclient.NewClient(c)
	cctx, cancel := context.WithTimeout(ctx, DialTimeout)
	defer cancel()
	id, err := client.ChainID(cctx)
	if err != nil {
		client.Close()
		return nil, fmt.Errorf("connect to %s: read the chain id: %w (is the node running and is --rpc its HTTP JSON-RPC URL?)", url, err)
	}
	return &Conn{URL: url, RPC: c, Client: client, ChainID: id}, nil
}

// Close closes the connection.
func (c *Conn) Close() {
	if c != nil && c.Client != nil {
		c.Client.Close()
	}
}

// DevFunding is what --dev-account sends to the fresh key it signs with: enough for any
// number of deployments and submissions on a dev chain.
var DevFunding = new(big.Int).Mul(big.NewInt(100), big.NewInt(1e18))

// Signer are the flags that say who signs transactions: a private key read from a file, or a
// fresh key funded by the unlocked account of a geth --dev node. A key is never taken from a
// flag's value, where it would land in shell histories and process lists.
type Signer struct {
	// KeyFile holds a hex private key (optionally 0x-prefixed, surrounding whitespace ignored).
	KeyFile string
	// DevAccount funds a fresh key from the node's first, unlocked account.
	DevAccount bool
}

// Register adds --key and --dev-account to a command.
func (s *Signer) Register(cmd *cobra.Command) {
	cmd.Flags().StringVar(&s.KeyFile, "key", "", "file holding the signer's hex private key (never the key itself)")
	cmd.Flags().BoolVar(&s.DevAccount, "dev-account", false, "sign with a fresh key funded by the node's own account (chain 1337 or 31337 with an unlocked account only)")
}

// Validate checks that exactly one signer is named.
func (s *Signer) Validate() error {
	if (s.KeyFile == "") == !s.DevAccount {
		return cmdutil.Usagef("pass exactly one of --key FILE and --dev-account")
	}
	return nil
}

// Account is a signer ready to transact.
type Account struct {
	// Auth signs transactions for the connection's chain.
	Auth *bind.TransactOpts
	// DevAccount is the node's account that funded Auth, when --dev-account was used.
	DevAccount common.Address
}

// Open returns the signer's transact options for conn's chain: the key file's key, or with
// --dev-account a fresh key funded by the node's dev account (CheckDevChain first). warn
// receives a warning when the key file is readable by others.
func (s *Signer) Open(ctx context.Context, conn *Conn, warn io.Writer) (*Account, error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	if s.DevAccount {
		if _, err := CheckDevChain(ctx, conn); err != nil {
			return nil, err
		}
		key, dev, err := devnode.FundFromDevAccount(ctx, conn.RPC, DevFunding)
		if err != nil {
			return nil, fmt.Errorf("--dev-account: %w", err)
		}
		return &Account{Auth: bind.NewKeyedTransactor(key, conn.ChainID), DevAccount: dev}, nil
	}
	key, err := ReadKeyFile(s.KeyFile, warn)
	if err != nil {
		return nil, err
	}
	return &Account{Auth: bind.NewKeyedTransactor(key, conn.ChainID)}, nil
}

// ReadKeyFile reads a hex private key from path. Errors name the file, never its contents. It
// warns on warn when the file is readable by group or others.
func ReadKeyFile(path string, warn io.Writer) (*ecdsa.PrivateKey, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("--key: %w", err)
	}
	if st.Mode().Perm()&0o077 != 0 && warn != nil {
		fmt.Fprintf(warn, "warning: key file %s is readable by others (mode %v); chmod 600 it\n", path, st.Mode().Perm())
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("--key: %w", err)
	}
	h := strings.TrimPrefix(strings.TrimSpace(string(raw)), "0x")
	key, err := crypto.HexToECDSA(h)
	if err != nil {
		// The parse error may quote the file's contents: do not pass it on.
		return nil, errors.New("--key: " + path + " does not hold a hex secp256k1 private key (64 hex digits, optionally 0x-prefixed)")
	}
	return key, nil
}

// CheckDevChain is the rule --dev-account follows: the chain id is a development chain's
// (DevChainIDs: 1337 geth --dev, 31337 Hardhat/Anvil) and the node lists an account of its own
// (eth_accounts), which a dev node holds unlocked. Both must hold: a public node on a dev chain
// id lists no account, and a node with an unlocked account on any other chain may hold real
// funds, which --dev-account would spend. It returns the node's first account.
func CheckDevChain(ctx context.Context, conn *Conn) (common.Address, error) {
	if !isDevChain(conn.ChainID) {
		return common.Address{}, fmt.Errorf("--dev-account: %s is chain %v, not a development chain (%v): --dev-account spends the node's own account; sign with --key FILE",
			conn.URL, conn.ChainID, DevChainIDs)
	}
	var accounts []common.Address
	if err := conn.RPC.CallContext(ctx, &accounts, "eth_accounts"); err != nil {
		return common.Address{}, fmt.Errorf("--dev-account: %s (chain %v): eth_accounts: %w", conn.URL, conn.ChainID, err)
	}
	if len(accounts) == 0 {
		return common.Address{}, fmt.Errorf("--dev-account: %s (chain %v) has no account of its own (is it geth --dev?); sign with --key FILE", conn.URL, conn.ChainID)
	}
	return accounts[0], nil
}

// OpenAsRole returns transact options that sign as the role holder: the key file's key, or with
// --dev-account the node's dev account itself (the governance and guardian `chain deploy
// --dev-account` sets), signing through the node's eth_signTransaction. Governance and role
// verbs use it; a fresh funded key would hold no role.
func (s *Signer) OpenAsRole(ctx context.Context, conn *Conn, warn io.Writer) (*Account, error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	if !s.DevAccount {
		return s.Open(ctx, conn, warn)
	}
	dev, err := CheckDevChain(ctx, conn)
	if err != nil {
		return nil, err
	}
	return &Account{Auth: nodeTransactor(ctx, conn, dev), DevAccount: dev}, nil
}

// nodeTransactor signs as account with the node's eth_signTransaction, and checks that what the
// node signed is the transaction asked for, from that account.
func nodeTransactor(ctx context.Context, conn *Conn, account common.Address) *bind.TransactOpts {
	chainID := conn.ChainID
	signer := types.LatestSignerForChainID(chainID)
	return &bind.TransactOpts{From: account, Context: ctx, Signer: func(from common.Address, tx *types.Transaction) (*types.Transaction, error) {
		if from != account {
			return nil, fmt.Errorf("--dev-account signs as %s, not %s", account, from)
		}
		args := map[string]any{"from": account, "to": tx.To(), "gas": hexutil.Uint64(tx.Gas()), "value": (*hexutil.Big)(tx.Value()),
			"nonce": hexutil.Uint64(tx.Nonce()), "input": hexutil.Bytes(tx.Data()), "chainId": (*hexutil.Big)(chainID)}
		if tx.Type() == types.LegacyTxType {
			args["gasPrice"] = (*hexutil.Big)(tx.GasPrice())
		} else {
			args["maxFeePerGas"], args["maxPriorityFeePerGas"] = (*hexutil.Big)(tx.GasFeeCap()), (*hexutil.Big)(tx.GasTipCap())
		}
		var res struct {
			Raw hexutil.Bytes `json:"raw"`
		}
		cctx, cancel := context.WithTimeout(context.Background(), DialTimeout)
		defer cancel()
		if err := conn.RPC.CallContext(cctx, &res, "eth_signTransaction", args); err != nil {
			return nil, fmt.Errorf("--dev-account: eth_signTransaction as %s: %w", account, err)
		}
		signed := new(types.Transaction)
		if err := signed.UnmarshalBinary(res.Raw); err != nil {
			return nil, fmt.Errorf("--dev-account: the node's signed transaction: %w", err)
		}
		got, err := types.Sender(signer, signed)
		if err != nil || got != account || signed.Nonce() != tx.Nonce() || signed.Gas() != tx.Gas() || signed.Value().Cmp(tx.Value()) != 0 ||
			!bytes.Equal(signed.Data(), tx.Data()) || (signed.To() == nil) != (tx.To() == nil) || (tx.To() != nil && *signed.To() != *tx.To()) {
			return nil, fmt.Errorf("--dev-account: the node signed another transaction than the one asked for (sender %s, %v)", got, err)
		}
		return signed, nil
	}}
}

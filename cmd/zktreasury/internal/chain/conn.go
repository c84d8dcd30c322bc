package chain

import (
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
	cmd.Flags().BoolVar(&s.DevAccount, "dev-account", false, "sign with a fresh key funded by the node's unlocked dev account (geth --dev only)")
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

// Open returns the signer's transact options for conn's chain. warn receives a warning when
// the key file is readable by others.
func (s *Signer) Open(ctx context.Context, conn *Conn, warn io.Writer) (*Account, error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	if s.DevAccount {
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

// Package devnode installs and runs a throwaway geth --dev node for end-to-end tests of the
// registry client against a real node (JSON-RPC over HTTP, real mining, real error payloads).
package devnode

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/zktreasury/zktreasury/contracts"
)

// GethVersion is the geth release Install builds.
const GethVersion = "1.17.8"

const gethPackage = "github.com/ethereum/go-ethereum/cmd/geth@v" + GethVersion

// DefaultCacheDir is where geth is installed when the caller has no preference:
// $HOME/.cache/zktreasury/geth.
func DefaultCacheDir() (string, error) {
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("geth cache dir: %w", err)
	}
	return filepath.Join(home, ".cache", "zktreasury", "geth"), nil
}

// Install returns the path of geth GethVersion under cacheDir/bin, building it with
// `go install` first when it is missing or another version (about 4.5 minutes on a cold module
// cache; progress goes to stderr).
func Install(ctx context.Context, cacheDir string) (string, error) {
	if cacheDir == "" {
		return "", errors.New("install geth: empty cache dir")
	}
	binDir, err := filepath.Abs(filepath.Join(cacheDir, "bin"))
	if err != nil {
		return "", fmt.Errorf("install geth: %w", err)
	}
	geth := filepath.Join(binDir, "geth")
	if v, err := installedVersion(ctx, geth); err == nil && v == GethVersion {
		return geth, nil
	} else if err == nil {
		fmt.Fprintf(os.Stderr, "devnode: %s is geth %s, want %s; reinstalling\n", geth, v, GethVersion)
	}

	goBin, err := exec.LookPath("go")
	if err != nil {
		return "", fmt.Errorf("install geth: the go command is not on PATH: %w", err)
	}
	if err := os.MkdirAll(binDir, 0o755); err != nil {
		return "", fmt.Errorf("install geth: %w", err)
	}
	fmt.Fprintf(os.Stderr, "devnode: go install %s into %s (about 4.5 minutes on a cold cache)\n", gethPackage, binDir)
	cmd := exec.CommandContext(ctx, goBin, "install", "-ldflags=-s -w", gethPackage)
	cmd.Dir = binDir // outside any module, so no go.mod is read or touched
	cmd.Env = append(os.Environ(), "GOBIN="+binDir, "GOWORK=off")
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	prepareGroup(cmd)
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return "", fmt.Errorf("install geth: %w", err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	tick := time.NewTicker(30 * time.Second)
	defer tick.Stop()
	for {
		select {
		case err := <-done:
			if err != nil {
				if ctx.Err() != nil {
					return "", fmt.Errorf("install geth: %w", ctx.Err())
				}
				return "", fmt.Errorf("install geth: go install %s: %w", gethPackage, err)
			}
			v, err := installedVersion(ctx, geth)
			if err != nil {
				return "", fmt.Errorf("install geth: the installed binary does not run: %w", err)
			}
			if v != GethVersion {
				return "", fmt.Errorf("install geth: installed version %s, want %s", v, GethVersion)
			}
			fmt.Fprintf(os.Stderr, "devnode: geth %s installed in %s\n", v, time.Since(start).Round(time.Second))
			return geth, nil
		case <-tick.C:
			fmt.Fprintf(os.Stderr, "devnode: still building geth (%s)\n", time.Since(start).Round(time.Second))
		}
	}
}

// installedVersion runs `geth version` and returns its "Version:" without "-stable".
func installedVersion(ctx context.Context, geth string) (string, error) {
	if _, err := os.Stat(geth); err != nil {
		return "", err
	}
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, geth, "version").Output()
	if err != nil {
		return "", fmt.Errorf("%s version: %w", geth, err)
	}
	for _, line := range strings.Split(string(out), "\n") {
		if v, ok := strings.CutPrefix(strings.TrimSpace(line), "Version:"); ok {
			v = strings.TrimSpace(v)
			v, _, _ = strings.Cut(v, "-")
			return v, nil
		}
	}
	return "", fmt.Errorf("%s version printed no Version line", geth)
}

// Node is a running geth --dev node, listening for JSON-RPC over HTTP on 127.0.0.1.
type Node struct {
	// URL is the node's HTTP JSON-RPC endpoint.
	URL string
	// DevAccount is the node's pre-funded, unlocked developer account.
	DevAccount common.Address
	// ChainID is the dev chain's id (1337).
	ChainID *big.Int

	cmd      *exec.Cmd
	rpc      *rpc.Client
	client   *ethclient.Client
	exited   chan struct{}
	waitErr  error
	output   *tailBuffer
	stopOnce sync.Once
	stopErr  error
}

// startTimeout bounds how long Start waits for eth_chainId to answer.
const startTimeout = 60 * time.Second

// Start runs geth --dev with an in-memory chain on a free port of 127.0.0.1 and returns once
// eth_chainId answers. Stop it with Stop.
func Start(ctx context.Context, gethPath string) (*Node, error) {
	var lastErr error
	for attempt := 0; attempt < 3; attempt++ {
		n, err := start(ctx, gethPath)
		if err == nil {
			return n, nil
		}
		lastErr = err
		// Another process may have taken the port between picking and binding it: retry only
		// when geth exited by itself.
		if ctx.Err() != nil || !errors.Is(err, errExitedEarly) {
			break
		}
	}
	return nil, lastErr
}

var errExitedEarly = errors.New("geth exited before answering")

func start(ctx context.Context, gethPath string) (*Node, error) {
	port, err := freePort()
	if err != nil {
		return nil, fmt.Errorf("start geth: %w", err)
	}
	n := &Node{
		URL:    "http://127.0.0.1:" + strconv.Itoa(port),
		exited: make(chan struct{}),
		output: &tailBuffer{max: 64 << 10},
	}
	n.cmd = exec.Command(gethPath,
		"--dev",
		"--http", "--http.addr", "127.0.0.1", "--http.port", strconv.Itoa(port),
		"--http.api", "eth,net,web3",
		"--nodiscover", "--maxpeers", "0", "--nat", "none", "--ipcdisable",
	)
	n.cmd.Stdout, n.cmd.Stderr = n.output, n.output
	if err := n.cmd.Start(); err != nil {
		return nil, fmt.Errorf("start geth: %w", err)
	}
	go func() {
		n.waitErr = n.cmd.Wait()
		close(n.exited)
	}()

	if err := n.waitReady(ctx); err != nil {
		stopErr := n.Stop()
		return nil, errors.Join(err, stopErr)
	}
	return n, nil
}

func (n *Node) waitReady(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, startTimeout)
	defer cancel()
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-n.exited:
			return fmt.Errorf("start geth: %w (%v); its output ends with:\n%s", errExitedEarly, n.waitErr, n.output.String())
		case <-ctx.Done():
			return fmt.Errorf("start geth: no answer on %s: %w; its output ends with:\n%s", n.URL, ctx.Err(), n.output.String())
		case <-tick.C:
		}
		if n.rpc == nil {
			c, err := rpc.DialContext(ctx, n.URL)
			if err != nil {
				continue
			}
			n.rpc, n.client = c, ethclient.NewClient(c)
		}
		id, err := n.client.ChainID(ctx)
		if err != nil {
			continue
		}
		var accounts []common.Address
		if err := n.rpc.CallContext(ctx, &accounts, "eth_accounts"); err != nil {
			return fmt.Errorf("start geth: eth_accounts: %w", err)
		}
		if len(accounts) == 0 {
			return errors.New("start geth: the dev node reports no account")
		}
		n.ChainID, n.DevAccount = id, accounts[0]
		return nil
	}
}

// Client is an ethclient connected to the node; it satisfies contracts.Backend.
func (n *Node) Client() *ethclient.Client { return n.client }

// FundedKey creates a fresh key and sends it value wei from the dev account (with
// eth_sendTransaction, the dev account being unlocked), so that the caller can sign ordinary
// transactions the same way as on any other chain.
func (n *Node) FundedKey(ctx context.Context, value *big.Int) (*ecdsa.PrivateKey, error) {
	key, _, err := FundFromDevAccount(ctx, n.rpc, value)
	return key, err
}

// FundFromDevAccount creates a fresh key and sends it value wei from the first account of the
// node at c, which must be unlocked (geth --dev's developer account is), and returns the key and
// that account. It is how a client gets a key it can sign with on a dev node it did not start.
func FundFromDevAccount(ctx context.Context, c *rpc.Client, value *big.Int) (*ecdsa.PrivateKey, common.Address, error) {
	if c == nil {
		return nil, common.Address{}, errors.New("fund key: nil rpc client")
	}
	if value == nil || value.Sign() <= 0 {
		return nil, common.Address{}, errors.New("fund key: value must be positive")
	}
	var accounts []common.Address
	if err := c.CallContext(ctx, &accounts, "eth_accounts"); err != nil {
		return nil, common.Address{}, fmt.Errorf("fund key: eth_accounts: %w", err)
	}
	if len(accounts) == 0 {
		return nil, common.Address{}, errors.New("fund key: the node has no unlocked account (is it geth --dev?)")
	}
	dev := accounts[0]
	key, err := crypto.GenerateKey()
	if err != nil {
		return nil, common.Address{}, fmt.Errorf("fund key: %w", err)
	}
	to := crypto.PubkeyToAddress(key.PublicKey)
	var hash common.Hash
	tx := map[string]any{"from": dev, "to": to, "value": (*hexutil.Big)(value)}
	if err := c.CallContext(ctx, &hash, "eth_sendTransaction", tx); err != nil {
		return nil, common.Address{}, fmt.Errorf("fund key: eth_sendTransaction from %s: %w", dev, err)
	}
	receipt, err := contracts.WaitReceipt(ctx, ethclient.NewClient(c), hash)
	if err != nil {
		return nil, common.Address{}, fmt.Errorf("fund key: %w", err)
	}
	if receipt.Status != types.ReceiptStatusSuccessful {
		return nil, common.Address{}, fmt.Errorf("fund key: transfer %s failed", hash)
	}
	// geth's transaction pool moves to a new head asynchronously: a transaction sent the
	// moment the receipt appears can still be checked against the old state ("insufficient
	// funds ... balance 0"). Wait until the pool's (pending) view has the funds.
	ec := ethclient.NewClient(c)
	for {
		bal, err := ec.PendingBalanceAt(ctx, to)
		if err != nil {
			return nil, common.Address{}, fmt.Errorf("fund key: pending balance of %s: %w", to, err)
		}
		if bal.Cmp(value) >= 0 {
			return key, dev, nil
		}
		select {
		case <-ctx.Done():
			return nil, common.Address{}, fmt.Errorf("fund key: %s funded in %s but the node's pending state still shows %v wei: %w", to, hash, bal, ctx.Err())
		case <-time.After(10 * time.Millisecond):
		}
	}
}

// Output is the last 64 KiB geth printed, for diagnostics.
func (n *Node) Output() string { return n.output.String() }

// Stop terminates geth by its PID (SIGTERM, then SIGKILL after 10 s) and waits for it to exit.
// Calling it again returns the first call's result.
func (n *Node) Stop() error {
	n.stopOnce.Do(func() {
		if n.client != nil {
			n.client.Close()
		}
		select {
		case <-n.exited:
			return // already gone
		default:
		}
		if err := terminate(n.cmd); err != nil && !errors.Is(err, os.ErrProcessDone) {
			n.stopErr = fmt.Errorf("stop geth (pid %d): %w", n.cmd.Process.Pid, err)
		}
		select {
		case <-n.exited:
			return
		case <-time.After(10 * time.Second):
		}
		if err := kill(n.cmd); err != nil && !errors.Is(err, os.ErrProcessDone) {
			n.stopErr = fmt.Errorf("kill geth (pid %d): %w", n.cmd.Process.Pid, err)
		}
		<-n.exited
	})
	return n.stopErr
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("pick a free port: %w", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// tailBuffer keeps the last max bytes written to it.
type tailBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
	max int
}

// Write keeps p, dropping the oldest bytes past max.
func (t *tailBuffer) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.buf.Write(p)
	if over := t.buf.Len() - t.max; over > 0 {
		t.buf.Next(over)
	}
	return len(p), nil
}

// String returns what is kept.
func (t *tailBuffer) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.buf.String()
}

var _ io.Writer = (*tailBuffer)(nil)

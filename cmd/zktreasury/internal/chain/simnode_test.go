package chain_test

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/node"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/root"
)

// simNode is go-ethereum's simulated chain served over HTTP JSON-RPC on 127.0.0.1, with a block
// mined every blockEvery, so the CLI can talk to it as to any node. It has no unlocked account:
// the funded key is written to a key file for --key. With simOptions.devAccount, URL is a proxy
// in front of it that plays a dev node's own account (eth_accounts, eth_sendTransaction,
// eth_signTransaction), as geth --dev does.
type simNode struct {
	URL     string
	KeyFile string
	Key     *ecdsa.PrivateKey
	ChainID *big.Int
	// Sim is the backend; DevKey and DevAccount the proxy's account (nil without one).
	Sim        *simulated.Backend
	DevKey     *ecdsa.PrivateKey
	DevAccount common.Address

	mu     sync.Mutex // Commit and AdjustTime
	mining atomic.Bool
}

// simOptions configure startSimNodeWith.
type simOptions struct {
	// chainID is the chain's id (nil: the dev chain's 1337).
	chainID *big.Int
	// devAccount serves the node through a proxy with an account of its own.
	devAccount bool
	// fund are more keys funded at genesis.
	fund []*ecdsa.PrivateKey
}

const blockEvery = 50 * time.Millisecond

func startSimNode(t *testing.T) *simNode { return startSimNodeWith(t, simOptions{}) }

func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	return port
}

func startSimNodeWith(t *testing.T, o simOptions) *simNode {
	t.Helper()
	key, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	n := &simNode{Key: key, ChainID: big.NewInt(1337)}
	if o.chainID != nil {
		n.ChainID = o.chainID
	}
	port := freePort(t)
	funds := new(big.Int).Mul(big.NewInt(1000), big.NewInt(1e18))
	alloc := types.GenesisAlloc{crypto.PubkeyToAddress(key.PublicKey): {Balance: funds}}
	for _, k := range o.fund {
		alloc[crypto.PubkeyToAddress(k.PublicKey)] = types.Account{Balance: funds}
	}
	if o.devAccount {
		if n.DevKey, err = crypto.GenerateKey(); err != nil {
			t.Fatal(err)
		}
		n.DevAccount = crypto.PubkeyToAddress(n.DevKey.PublicKey)
		alloc[n.DevAccount] = types.Account{Balance: funds}
	}
	sim := simulated.NewBackend(alloc,
		simulated.WithBlockGasLimit(60_000_000),
		func(nc *node.Config, ec *ethconfig.Config) {
			nc.HTTPHost, nc.HTTPPort, nc.HTTPModules = "127.0.0.1", port, []string{"eth", "net", "web3"}
			cfg := *ec.Genesis.Config
			cfg.ChainID = new(big.Int).Set(n.ChainID)
			ec.Genesis.Config, ec.NetworkId = &cfg, n.ChainID.Uint64()
		})
	n.Sim = sim
	// The simulated chain starts at time 0; move it to the wall clock, as a real chain is.
	if err := sim.AdjustTime(time.Since(time.Unix(0, 0))); err != nil {
		t.Fatal(err)
	}
	n.mining.Store(true)
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		tick := time.NewTicker(blockEvery)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case <-tick.C:
				if n.mining.Load() {
					n.mu.Lock()
					sim.Commit()
					n.mu.Unlock()
				}
			}
		}
	}()
	t.Cleanup(func() {
		close(stop)
		<-done
		sim.Close()
	})
	n.KeyFile = writeKeyFile(t, key)
	n.URL = fmt.Sprintf("http://127.0.0.1:%d", port)
	if o.devAccount {
		n.URL = startDevProxy(t, n.URL, n.DevKey, n.ChainID)
	}
	return n
}

// writeKeyFile writes a key as --key reads it.
func writeKeyFile(t *testing.T, key *ecdsa.PrivateKey) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "signer.key")
	if err := os.WriteFile(p, []byte("0x"+hex.EncodeToString(crypto.FromECDSA(key))+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// SetMining starts or stops the block loop: stopped, sent transactions stay pending.
func (n *simNode) SetMining(on bool) { n.mining.Store(on) }

// Advance mines what is pending and moves the chain's clock forward by d.
func (n *simNode) Advance(t *testing.T, d time.Duration) {
	t.Helper()
	n.mu.Lock()
	defer n.mu.Unlock()
	n.Sim.Commit()
	if err := n.Sim.AdjustTime(d); err != nil {
		t.Fatal(err)
	}
}

// Client dials the node (through the proxy, if any).
func (n *simNode) Client(t *testing.T) *ethclient.Client {
	t.Helper()
	c, err := ethclient.Dial(n.URL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	return c
}

// startDevProxy serves upstream with an account of its own, as a dev node does: eth_accounts
// lists it, eth_sendTransaction and eth_signTransaction sign with its key; every other call is
// forwarded.
func startDevProxy(t *testing.T, upstream string, key *ecdsa.PrivateKey, chainID *big.Int) string {
	t.Helper()
	account := crypto.PubkeyToAddress(key.PublicKey)
	up, err := ethclient.Dial(upstream)
	if err != nil {
		t.Fatal(err)
	}
	signer := types.LatestSignerForChainID(chainID)
	type args struct {
		From                 common.Address  `json:"from"`
		To                   *common.Address `json:"to"`
		Gas                  *hexutil.Uint64 `json:"gas"`
		GasPrice             *hexutil.Big    `json:"gasPrice"`
		MaxFeePerGas         *hexutil.Big    `json:"maxFeePerGas"`
		MaxPriorityFeePerGas *hexutil.Big    `json:"maxPriorityFeePerGas"`
		Value                *hexutil.Big    `json:"value"`
		Nonce                *hexutil.Uint64 `json:"nonce"`
		Input                hexutil.Bytes   `json:"input"`
		Data                 hexutil.Bytes   `json:"data"`
	}
	build := func(ctx context.Context, a args) (*types.Transaction, error) {
		if a.From != account {
			return nil, fmt.Errorf("unknown account %s", a.From)
		}
		data := a.Input
		if data == nil {
			data = a.Data
		}
		tx := &types.DynamicFeeTx{ChainID: chainID, To: a.To, Data: data, Value: new(big.Int)}
		if a.Value != nil {
			tx.Value = a.Value.ToInt()
		}
		if a.Nonce != nil {
			tx.Nonce = uint64(*a.Nonce)
		} else {
			nonce, err := up.PendingNonceAt(ctx, account)
			if err != nil {
				return nil, err
			}
			tx.Nonce = nonce
		}
		if a.Gas != nil {
			tx.Gas = uint64(*a.Gas)
		} else {
			gas, err := up.EstimateGas(ctx, ethereum.CallMsg{From: account, To: a.To, Value: tx.Value, Data: data})
			if err != nil {
				return nil, err
			}
			tx.Gas = gas * 2
		}
		switch {
		case a.MaxFeePerGas != nil && a.MaxPriorityFeePerGas != nil:
			tx.GasFeeCap, tx.GasTipCap = a.MaxFeePerGas.ToInt(), a.MaxPriorityFeePerGas.ToInt()
		case a.GasPrice != nil:
			tx.GasFeeCap, tx.GasTipCap = a.GasPrice.ToInt(), a.GasPrice.ToInt()
		default:
			head, err := up.HeaderByNumber(ctx, nil)
			if err != nil {
				return nil, err
			}
			tx.GasTipCap = big.NewInt(1e9)
			tx.GasFeeCap = new(big.Int).Add(new(big.Int).Mul(head.BaseFee, big.NewInt(2)), tx.GasTipCap)
		}
		return types.SignNewTx(key, signer, tx)
	}
	handle := func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(r.Body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		var req struct {
			ID     json.RawMessage   `json:"id"`
			Method string            `json:"method"`
			Params []json.RawMessage `json:"params"`
		}
		reply := func(result any, err error) {
			out := map[string]any{"jsonrpc": "2.0", "id": req.ID}
			if err != nil {
				out["error"] = map[string]any{"code": -32000, "message": err.Error()}
			} else {
				out["result"] = result
			}
			w.Header().Set("Content-Type", "application/json")
			_ = json.NewEncoder(w).Encode(out)
		}
		if bytes.HasPrefix(bytes.TrimSpace(body), []byte("{")) && json.Unmarshal(body, &req) == nil {
			ctx := r.Context()
			switch req.Method {
			case "eth_accounts":
				reply([]common.Address{account}, nil)
				return
			case "eth_sendTransaction", "eth_signTransaction":
				var a args
				if len(req.Params) != 1 || json.Unmarshal(req.Params[0], &a) != nil {
					reply(nil, fmt.Errorf("bad %s params", req.Method))
					return
				}
				tx, err := build(ctx, a)
				if err != nil {
					reply(nil, err)
					return
				}
				if req.Method == "eth_signTransaction" {
					raw, err := tx.MarshalBinary()
					reply(map[string]any{"raw": hexutil.Bytes(raw), "tx": tx}, err)
					return
				}
				reply(tx.Hash(), up.SendTransaction(ctx, tx))
				return
			}
		}
		resp, err := http.Post(upstream, "application/json", bytes.NewReader(body))
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		defer resp.Body.Close()
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(resp.StatusCode)
		_, _ = io.Copy(w, resp.Body)
	}
	port := freePort(t)
	srv := &http.Server{Addr: fmt.Sprintf("127.0.0.1:%d", port), Handler: http.HandlerFunc(handle), ReadHeaderTimeout: 5 * time.Second}
	l, err := net.Listen("tcp", srv.Addr)
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = srv.Serve(l) }()
	t.Cleanup(func() {
		_ = srv.Close()
		up.Close()
	})
	return "http://" + srv.Addr
}

// cli runs the zktreasury command line in-process.
func cli(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = root.Main(args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func ctxT(t *testing.T) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	t.Cleanup(cancel)
	return ctx
}

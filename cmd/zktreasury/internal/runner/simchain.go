package runner

import (
	"bufio"
	"context"
	"crypto/ecdsa"
	"encoding/hex"
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient/simulated"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
	"github.com/zktreasury/zktreasury/contracts"
)

// simChain is the default chain of a run: go-ethereum's simulated backend, in memory, made to
// survive a restart by a journal of every transaction sent to it. Each transaction is appended
// to the journal (fsynced) before it is sent, then mined in its own block; opening the chain
// again replays the journal on a fresh backend with the same genesis, so the chain's state —
// addresses, storage, nonces, the registry's records — is what it was when the process died,
// including a transaction sent just before the crash.
//
// Why not the backend's own database (node.Config.DataDir): its pebble store writes
// asynchronously and keeps recent state in memory until a clean shutdown, so a process killed
// with SIGKILL loses its last blocks (measured: after a kill the head saved with the block
// was not found on reopening), and simulated.NewBackend rewinds to genesis on start.
type simChain struct {
	simulated.Client
	sim     *simulated.Backend
	journal string
	key     *ecdsa.PrivateKey

	mu  sync.Mutex
	txs []string // raw transactions, hex, in order
}

// simChainID is the simulated backend's chain id.
const simChainID = 1337

func simPaths(stateDir string) (key, journal string) {
	d := filepath.Join(stateDir, "chain")
	return filepath.Join(d, "operator.key"), filepath.Join(d, "journal.txt")
}

// openSimChain opens (or creates) the simulated chain of a state directory.
func openSimChain(stateDir string) (*simChain, error) {
	keyPath, journal := simPaths(stateDir)
	key, err := loadOrCreateKey(keyPath)
	if err != nil {
		return nil, err
	}
	funds := new(big.Int).Mul(big.NewInt(1_000_000), big.NewInt(1e18))
	sim := simulated.NewBackend(types.GenesisAlloc{crypto.PubkeyToAddress(key.PublicKey): {Balance: funds}},
		simulated.WithBlockGasLimit(60_000_000))
	c := &simChain{Client: sim.Client(), sim: sim, journal: journal, key: key}
	// One empty block at the wall clock, so the head is not at time 0.
	sim.Commit()
	raw, err := os.ReadFile(journal)
	if err != nil && !os.IsNotExist(err) {
		sim.Close()
		return nil, fmt.Errorf("simulated chain journal: %w", err)
	}
	ctx := context.Background()
	sc := bufio.NewScanner(strings.NewReader(string(raw)))
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for line := 1; sc.Scan(); line++ {
		h := strings.TrimSpace(sc.Text())
		if h == "" {
			continue
		}
		b, err := hex.DecodeString(h)
		tx := new(types.Transaction)
		if err == nil {
			err = tx.UnmarshalBinary(b)
		}
		if err != nil {
			sim.Close()
			return nil, fmt.Errorf("%s:%d: not a raw transaction: %v", journal, line, err)
		}
		if err := c.Client.SendTransaction(ctx, tx); err != nil {
			continue // it was refused when first sent too (SendTransaction drops it then)
		}
		sim.Commit()
		c.txs = append(c.txs, h)
	}
	return c, nil
}

func loadOrCreateKey(path string) (*ecdsa.PrivateKey, error) {
	if raw, err := os.ReadFile(path); err == nil {
		k, err := crypto.HexToECDSA(strings.TrimSpace(string(raw)))
		if err != nil {
			return nil, fmt.Errorf("%s does not hold a hex private key", path)
		}
		return k, nil
	} else if !os.IsNotExist(err) {
		return nil, err
	}
	k, err := crypto.GenerateKey()
	if err != nil {
		return nil, err
	}
	if err := cmdutil.WriteFileAtomic(path, []byte(hex.EncodeToString(crypto.FromECDSA(k))+"\n"), 0o600); err != nil {
		return nil, err
	}
	return k, nil
}

// SendTransaction journals tx, sends it and mines it in its own block.
func (c *simChain) SendTransaction(ctx context.Context, tx *types.Transaction) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	b, err := tx.MarshalBinary()
	if err != nil {
		return err
	}
	h := hex.EncodeToString(b)
	for _, old := range c.txs {
		if old == h {
			return errors.New("already known") // what a node answers for a transaction it has
		}
	}
	txs := append(append([]string{}, c.txs...), h)
	if err := cmdutil.WriteFileAtomic(c.journal, []byte(strings.Join(txs, "\n")+"\n"), 0o644); err != nil {
		return fmt.Errorf("simulated chain journal: %w", err)
	}
	c.txs = txs
	if err := c.Client.SendTransaction(ctx, tx); err != nil {
		c.txs = txs[:len(txs)-1]
		if werr := cmdutil.WriteFileAtomic(c.journal, []byte(strings.Join(c.txs, "\n")+"\n"), 0o644); werr != nil {
			return errors.Join(err, werr)
		}
		return err
	}
	c.sim.Commit()
	return nil
}

// Close stops the backend.
func (c *simChain) Close() { c.sim.Close() }

var _ contracts.Backend = (*simChain)(nil)

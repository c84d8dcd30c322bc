package inclusion

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/chain"
	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
	"github.com/zktreasury/zktreasury/contracts"
	"github.com/zktreasury/zktreasury/prover/hashing"
	"github.com/zktreasury/zktreasury/prover/inclusion"
)

// registryTimeout bounds the reads of `inclusion verify --registry`.
const registryTimeout = time.Minute

// fromRegistry reads what the registry at addr recorded for epoch: the liabilities root,
// the policy commitment the epoch's proofs were checked against, the number of assets and
// the tree's capacity (immutable views set at deploy: the shape is the registry's, never the
// inclusion file's). When
// the registry has not recorded that epoch, notRecorded says so: the user is not included
// on chain, which is an answer, not an error.
func fromRegistry(rpcURL, addr string, epoch uint64) (p inclusion.Proven, notRecorded, err error) {
	p.Epoch = epoch
	if !common.IsHexAddress(addr) {
		return p, nil, cmdutil.Usagef("--registry %q is not an address", addr)
	}
	if epoch == 0 {
		return p, errors.New("epoch 0 is the registry's genesis, which has no liabilities"), nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), registryTimeout)
	defer cancel()
	conn, err := chain.Dial(ctx, rpcURL)
	if err != nil {
		return p, nil, err
	}
	defer conn.Close()
	reg, err := contracts.NewRegistry(common.HexToAddress(addr), conn.Client, nil)
	if err != nil {
		return p, nil, err
	}
	rec, err := reg.EpochRecord(ctx, epoch)
	if errors.Is(err, contracts.ErrUnknownEpoch) {
		return p, fmt.Errorf("the registry %s has not recorded epoch %d", addr, epoch), nil
	}
	if err != nil {
		return p, nil, fmt.Errorf("read epoch %d's record from %s: %w (is it a zktreasury registry on this chain?)", epoch, addr, err)
	}
	cfg, err := reg.Config(ctx)
	if err != nil {
		return p, nil, fmt.Errorf("read the configuration of %s: %w", addr, err)
	}
	p.Root, p.PolicyCommitment = hashing.FromBig(rec.LiabilitiesRoot), hashing.FromBig(rec.PolicyCommitment)
	p.Shape.Assets, p.Shape.Capacity = cfg.NumAssets, int(cfg.TreeCapacity)
	return p, nil, nil
}

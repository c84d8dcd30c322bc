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
)

// registryTimeout bounds the reads of `inclusion verify --registry`.
const registryTimeout = time.Minute

// rootFromRegistry reads the liabilities root the registry at addr recorded for epoch, as
// 0x-prefixed hex. When the registry has not recorded that epoch, the root is zero and
// notRecorded says so: the user is not included on chain, which is an answer, not an error.
func rootFromRegistry(rpcURL, addr string, epoch uint64) (root string, notRecorded, err error) {
	if !common.IsHexAddress(addr) {
		return "", nil, cmdutil.Usagef("--registry %q is not an address", addr)
	}
	ctx, cancel := context.WithTimeout(context.Background(), registryTimeout)
	defer cancel()
	conn, err := chain.Dial(ctx, rpcURL)
	if err != nil {
		return "", nil, err
	}
	defer conn.Close()
	reg, err := contracts.NewRegistry(common.HexToAddress(addr), conn.Client, nil)
	if err != nil {
		return "", nil, err
	}
	r, err := reg.LiabilitiesRoot(ctx, epoch)
	if errors.Is(err, contracts.ErrUnknownEpoch) {
		return fmt.Sprintf("0x%064x", 0), fmt.Errorf("the registry %s has not recorded epoch %d", addr, epoch), nil
	}
	if err != nil {
		return "", nil, fmt.Errorf("read the liabilities root of epoch %d from %s: %w (is it a zktreasury registry on this chain?)", epoch, addr, err)
	}
	if epoch == 0 {
		return fmt.Sprintf("0x%064x", r), fmt.Errorf("epoch 0 is the registry's genesis, which has no liabilities"), nil
	}
	return fmt.Sprintf("0x%064x", r), nil, nil
}

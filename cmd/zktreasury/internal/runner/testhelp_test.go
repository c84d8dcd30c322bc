package runner

import (
	"encoding/hex"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/chain"
	"github.com/zktreasury/zktreasury/contracts/bindings/epochregistry"
)

func hexDecode(s string) ([]byte, error) { return hex.DecodeString(s) }

func readDeployment(t *testing.T, state string) common.Address {
	t.Helper()
	dep, err := chain.ReadDeployment(state + "/" + DeploymentFile)
	if err != nil {
		t.Fatal(err)
	}
	return dep.Registry
}

func submitSelector(t *testing.T) []byte {
	t.Helper()
	m, ok := epochregistry.NewEpochRegistry().GetABI().Methods["submitEpoch"]
	if !ok {
		t.Fatal("no submitEpoch in the registry ABI")
	}
	return m.ID
}

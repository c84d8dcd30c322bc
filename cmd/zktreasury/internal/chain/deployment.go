package chain

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
	"github.com/zktreasury/zktreasury/contracts"
)

// DeploymentFormat identifies the deployment file format.
const DeploymentFormat = "zktreasury-deployment/1"

// Deployment is what `chain deploy` put on chain, written to deployment.json: everything
// `epoch submit` and `epoch status` need, and what an auditor needs to check which keys and
// feeds a registry trusts.
type Deployment struct {
	Format  string `json:"format"`
	ChainID uint64 `json:"chainId"`
	// Registry is the EpochRegistry's address, created in Block.
	Registry common.Address `json:"registry"`
	Block    uint64         `json:"block"`
	// Mode is "combined" (one epoch proof per epoch) or "separate" (solvency and compliance).
	Mode string `json:"mode"`
	// Backend is the proof system of the verifiers, "groth16" or "plonk".
	Backend   string     `json:"backend"`
	Verifiers []Verifier `json:"verifiers"`
	Feeds     []Feed     `json:"feeds"`
	// GenesisState is S(0), PolicyCommitment the policy in force at deploy (0x-prefixed hex).
	GenesisState     string `json:"genesisState"`
	PolicyCommitment string `json:"policyCommitment"`
	// Governance, Guardian and Deployer are the roles and the account that deployed.
	Governance common.Address `json:"governance"`
	Guardian   common.Address `json:"guardian"`
	Deployer   common.Address `json:"deployer"`
	// PolicyDelaySeconds, MaxPriceAgeSeconds and ToleranceBps are the registry's parameters.
	PolicyDelaySeconds uint64 `json:"policyDelaySeconds"`
	MaxPriceAgeSeconds uint64 `json:"maxPriceAgeSeconds"`
	ToleranceBps       uint16 `json:"toleranceBps"`
	// RegistryGas is the registry creation's gas used.
	RegistryGas uint64 `json:"registryGas"`
	// Case is the case directory the genesis state and policy came from.
	Case      string    `json:"case"`
	CreatedAt time.Time `json:"createdAt"`
}

// Verifier is one deployed verifier and the key it pins.
type Verifier struct {
	// Circuit is "epoch", "solvency" or "compliance"; Params its shape, e.g. u16-k4-a3-v3-bits.
	Circuit string `json:"circuit"`
	Params  string `json:"params"`
	// Address is the verifier contract; Gas its creation's gas used.
	Address common.Address `json:"address"`
	Gas     uint64         `json:"gas"`
	// CircuitDigest and VerifyingKeyDigest name the key the contract was exported from.
	CircuitDigest      string `json:"circuitDigest"`
	VerifyingKeyDigest string `json:"verifyingKeyDigest"`
	// Insecure is true for keys from a single-party setup.
	Insecure bool `json:"insecureSetup"`
	// TranscriptDigest is the digest of the ceremony transcript (or KZG SRS) the
	// keys were finalized from; empty for insecure keys. Users compare it with
	// the published ceremony (`zktreasury ceremony phase2 verify`).
	TranscriptDigest string `json:"transcriptDigest,omitempty"`
}

// Feed is one asset's price feed.
type Feed struct {
	Symbol     string         `json:"symbol"`
	Aggregator common.Address `json:"aggregator"`
	Decimals   uint8          `json:"decimals"`
	// PriceNum and PriceDen turn a feed answer into a circuit price (decimal strings).
	PriceNum string `json:"priceNum"`
	PriceDen string `json:"priceDen"`
	// Mock is true for a MockAggregator deployed by `chain deploy --feeds mock`: anyone can set
	// it, so such a registry proves nothing about real prices.
	Mock bool   `json:"mock,omitempty"`
	Gas  uint64 `json:"gas,omitempty"`
}

// VerifierFor returns the deployment's verifier of a circuit.
func (d *Deployment) VerifierFor(circuit string) (Verifier, bool) {
	for _, v := range d.Verifiers {
		if v.Circuit == circuit {
			return v, true
		}
	}
	return Verifier{}, false
}

// ContractsMode returns the registry mode.
func (d *Deployment) ContractsMode() (contracts.Mode, error) {
	return contracts.ParseMode(d.Mode)
}

// WriteDeployment writes d to path atomically.
func WriteDeployment(path string, d *Deployment) error {
	d.Format = DeploymentFormat
	data, err := json.MarshalIndent(d, "", "  ")
	if err != nil {
		return fmt.Errorf("write deployment: %w", err)
	}
	return cmdutil.WriteFileAtomic(path, append(data, '\n'), 0o644)
}

// ReadDeployment reads and checks a deployment file.
func ReadDeployment(path string) (*Deployment, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read deployment: %w", err)
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	var d Deployment
	if err := dec.Decode(&d); err != nil {
		return nil, fmt.Errorf("read deployment %s: %w", path, err)
	}
	if d.Format != DeploymentFormat {
		return nil, fmt.Errorf("read deployment %s: format %q, want %q", path, d.Format, DeploymentFormat)
	}
	if d.Registry == (common.Address{}) {
		return nil, fmt.Errorf("read deployment %s: no registry address", path)
	}
	if _, err := d.ContractsMode(); err != nil {
		return nil, fmt.Errorf("read deployment %s: %w", path, err)
	}
	return &d, nil
}

// CheckChain fails when conn is not on the deployment's chain.
func (d *Deployment) CheckChain(conn *Conn) error {
	if !conn.ChainID.IsUint64() || conn.ChainID.Uint64() != d.ChainID {
		return fmt.Errorf("%s is chain %v, the deployment is on chain %d", conn.URL, conn.ChainID, d.ChainID)
	}
	return nil
}

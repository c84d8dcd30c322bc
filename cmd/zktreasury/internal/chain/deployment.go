package chain

import (
	"encoding/json"
	"fmt"
	"os"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
	"github.com/zktreasury/zktreasury/treasury"
)

// DeploymentFormat identifies the deployment file format. Version 2 (issue 8): one epoch
// verifier, Chainlink round-priced feeds with heartbeats, genesis time; separate mode is gone.
const DeploymentFormat = "zktreasury-deployment/2"

// Deployment is what `chain deploy` put on chain, written to deployment.json: everything
// `epoch submit` and `epoch status` need, and what an auditor needs to check which key and
// feeds a registry trusts.
type Deployment struct {
	Format  string `json:"format"`
	ChainID uint64 `json:"chainId"`
	// Registry is the EpochRegistry's address, created in Block.
	Registry common.Address `json:"registry"`
	Block    uint64         `json:"block"`
	// Backend is the proof system of the verifier, "groth16" or "plonk".
	Backend  string   `json:"backend"`
	Verifier Verifier `json:"verifier"`
	// Feeds has one feed per asset, in the policy's asset order.
	Feeds []Feed `json:"feeds"`
	// Sequencer is the L2 sequencer-uptime feed, if any.
	Sequencer *Sequencer `json:"sequencer,omitempty"`
	// GenesisState is S(0), PolicyCommitment the policy in force at deploy (0x-prefixed hex),
	// GenesisTime epoch 1's start.
	GenesisState     string    `json:"genesisState"`
	PolicyCommitment string    `json:"policyCommitment"`
	GenesisTime      time.Time `json:"genesisTime"`
	// Governance, Guardian and Deployer are the roles at deploy and the account that deployed.
	Governance common.Address `json:"governance"`
	Guardian   common.Address `json:"guardian"`
	Deployer   common.Address `json:"deployer"`
	// PolicyDelaySeconds and PolicyGraceSeconds bound when a queued policy can be executed.
	PolicyDelaySeconds uint64 `json:"policyDelaySeconds"`
	PolicyGraceSeconds uint64 `json:"policyGraceSeconds"`
	// ValueDecimals is the policy's value scale; TreeCapacity the liabilities tree's capacity.
	ValueDecimals uint8  `json:"valueDecimals"`
	TreeCapacity  uint64 `json:"treeCapacity"`
	// RegistryGas is the registry creation's gas used.
	RegistryGas uint64 `json:"registryGas"`
	// Case is the case directory the genesis state and policy came from.
	Case      string    `json:"case"`
	CreatedAt time.Time `json:"createdAt"`
}

// Verifier is the deployed epoch verifier and the key it pins.
type Verifier struct {
	// Circuit is "epoch"; Params its shape, e.g. u16-k4-a3-v3-bits.
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

// Feed is one asset's Chainlink feed.
type Feed struct {
	// Symbol is the asset's symbol in the policy.
	Symbol string `json:"symbol"`
	// Aggregator is the feed's address (a proxy), Decimals its decimals().
	Aggregator common.Address `json:"aggregator"`
	Decimals   uint8          `json:"decimals"`
	// CircuitDecimals is the asset's circuit scale, HeartbeatSeconds the feed's maximum age.
	CircuitDecimals  uint8  `json:"circuitDecimals"`
	HeartbeatSeconds uint64 `json:"heartbeatSeconds"`
	// Mock is true for a feed deployed by `chain deploy --feeds mock`: anyone can add rounds,
	// so such a registry proves nothing about real prices. MockAggregator is its aggregator and
	// MockRound the id (decimal) of the round it was seeded with.
	Mock           bool           `json:"mock,omitempty"`
	MockAggregator common.Address `json:"mockAggregator,omitempty"`
	MockRound      string         `json:"mockRound,omitempty"`
	Gas            uint64         `json:"gas,omitempty"`
}

// Sequencer is an L2 sequencer-uptime feed and its grace period.
type Sequencer struct {
	// Feed is the uptime feed's address.
	Feed common.Address `json:"feed"`
	// GraceSeconds is how long after the sequencer comes back up submissions wait.
	GraceSeconds uint64 `json:"graceSeconds"`
}

// Symbols are the assets' symbols, in the registry's order.
func (d *Deployment) Symbols() []string {
	out := make([]string, len(d.Feeds))
	for i, f := range d.Feeds {
		out[i] = f.Symbol
	}
	return out
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
	var d Deployment
	if err := treasury.DecodeStrictJSON(path, raw, &d); err != nil {
		return nil, fmt.Errorf("read deployment: %w", err)
	}
	if d.Format != DeploymentFormat {
		return nil, &treasury.InputError{File: path, Field: "format", Value: d.Format, Msg: "want " + DeploymentFormat}
	}
	if d.Registry == (common.Address{}) {
		return nil, &treasury.InputError{File: path, Field: "registry", Msg: "no registry address"}
	}
	if len(d.Feeds) == 0 {
		return nil, &treasury.InputError{File: path, Field: "feeds", Msg: "no feeds"}
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

package epoch

import (
	"fmt"
	"strings"
	"testing"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/chain"
	"github.com/zktreasury/zktreasury/contracts"
	"github.com/zktreasury/zktreasury/prover/prooffile"
	"github.com/zktreasury/zktreasury/prover/statement"
)

func hexOf(v int) string { return fmt.Sprintf("0x%064x", v) }

func named(names []string, values ...int) []statement.NamedInput {
	out := make([]statement.NamedInput, len(names))
	for i, n := range names {
		out[i] = statement.NamedInput{Name: n, Value: hexOf(values[i])}
	}
	return out
}

var symbols = []string{"USDC", "WETH", "WBTC"}

func allNames(base []string) []string {
	return append(append([]string(nil), base...), priceNames(symbols)...)
}

func deployment(mode string) *chain.Deployment {
	d := &chain.Deployment{Format: chain.DeploymentFormat, Mode: mode, Backend: "groth16"}
	for _, s := range symbols {
		d.Feeds = append(d.Feeds, chain.Feed{Symbol: s})
	}
	if mode == "combined" {
		d.Verifiers = []chain.Verifier{{Circuit: "epoch", CircuitDigest: "ce", VerifyingKeyDigest: "ve"}}
	} else {
		d.Verifiers = []chain.Verifier{{Circuit: "solvency", CircuitDigest: "cs", VerifyingKeyDigest: "vs"},
			{Circuit: "compliance", CircuitDigest: "cc", VerifyingKeyDigest: "vc"}}
	}
	return d
}

// epochFile: policy 11, prev 12, new 13, root 14, actions 15, count 2, epoch 1, prices 100..102.
func epochFile() *prooffile.File {
	return &prooffile.File{Circuit: "epoch", Backend: "groth16", CircuitDigest: "ce", VerifyingKeyDigest: "ve",
		PublicInputs: named(allNames(epochInputs), 11, 12, 13, 14, 15, 2, 1, 100, 101, 102), Solidity: prooffile.Solidity{Proof: "0xabcdef"}}
}

func solvencyFile() *prooffile.File {
	return &prooffile.File{Circuit: "solvency", Backend: "groth16", CircuitDigest: "cs", VerifyingKeyDigest: "vs",
		PublicInputs: named(allNames(solvencyInputs), 13, 14, 11, 1, 100, 101, 102), Solidity: prooffile.Solidity{Proof: "0x0102"}}
}

func complianceFile() *prooffile.File {
	return &prooffile.File{Circuit: "compliance", Backend: "groth16", CircuitDigest: "cc", VerifyingKeyDigest: "vc",
		PublicInputs: named(allNames(complianceInputs), 11, 12, 13, 15, 2, 1, 100, 101, 102), Solidity: prooffile.Solidity{Proof: "0x0304"}}
}

func TestBuildSubmission(t *testing.T) {
	c, err := BuildSubmission(deployment("combined"), []*prooffile.File{epochFile()})
	if err != nil {
		t.Fatal(err)
	}
	if c.Mode() != contracts.Combined || c.Epoch != 1 || c.ActionCount != 2 || c.StateCommitment.Int64() != 13 || c.LiabilitiesRoot.Int64() != 14 ||
		c.ActionsCommitment.Int64() != 15 || c.Prices[2].Int64() != 102 || c.PrevState.Int64() != 12 || c.Policy.Int64() != 11 ||
		fmt.Sprintf("%x", c.EpochProof) != "abcdef" {
		t.Fatalf("combined claim %+v", c)
	}
	// Separate mode, in either order.
	for _, files := range [][]*prooffile.File{{solvencyFile(), complianceFile()}, {complianceFile(), solvencyFile()}} {
		c, err := BuildSubmission(deployment("separate"), files)
		if err != nil {
			t.Fatal(err)
		}
		if c.Mode() != contracts.Separate || c.StateCommitment.Int64() != 13 || c.LiabilitiesRoot.Int64() != 14 ||
			fmt.Sprintf("%x/%x", c.SolvencyProof, c.ComplianceProof) != "0102/0304" || c.PrevState.Int64() != 12 {
			t.Fatalf("separate claim %+v", c)
		}
	}
}

func TestBuildSubmissionRefuses(t *testing.T) {
	for _, tc := range []struct {
		name  string
		mode  string
		files func() []*prooffile.File
		want  string
	}{
		{"no proof", "combined", func() []*prooffile.File { return nil }, "takes one epoch proof"},
		{"a solvency proof to a combined registry", "combined", func() []*prooffile.File { return []*prooffile.File{solvencyFile()} }, "has no solvency verifier"},
		{"an epoch proof to a separate registry", "separate", func() []*prooffile.File { return []*prooffile.File{epochFile()} }, "has no epoch verifier"},
		{"only one of two proofs", "separate", func() []*prooffile.File { return []*prooffile.File{solvencyFile()} }, "takes a solvency proof and a compliance proof"},
		{"two epoch proofs", "combined", func() []*prooffile.File { return []*prooffile.File{epochFile(), epochFile()} }, "two epoch proofs"},
		{"other backend", "combined", func() []*prooffile.File {
			f := epochFile()
			f.Backend = "plonk"
			return []*prooffile.File{f}
		}, "is plonk, the deployed verifier is groth16"},
		{"other key", "combined", func() []*prooffile.File {
			f := epochFile()
			f.VerifyingKeyDigest = "other"
			return []*prooffile.File{f}
		}, "pins key"},
		{"inputs in another order", "combined", func() []*prooffile.File {
			f := epochFile()
			f.PublicInputs[3], f.PublicInputs[4] = f.PublicInputs[4], f.PublicInputs[3]
			return []*prooffile.File{f}
		}, "public input 3 is actionsCommitment, the registry builds liabilitiesRoot there"},
		{"a price missing", "combined", func() []*prooffile.File {
			f := epochFile()
			f.PublicInputs = f.PublicInputs[:9]
			return []*prooffile.File{f}
		}, "has 9 public inputs, the registry builds 10"},
		{"an input outside the field", "combined", func() []*prooffile.File {
			f := epochFile()
			f.PublicInputs[2].Value = "0x" + strings.Repeat("f", 64)
			return []*prooffile.File{f}
		}, "not below the BN254 scalar field"},
		{"proofs of different epochs", "separate", func() []*prooffile.File {
			s := solvencyFile()
			s.PublicInputs[3].Value = hexOf(2)
			return []*prooffile.File{s, complianceFile()}
		}, "not of the same epoch"},
		{"proofs at different prices", "separate", func() []*prooffile.File {
			c := complianceFile()
			c.PublicInputs[7].Value = hexOf(999)
			return []*prooffile.File{solvencyFile(), c}
		}, "different WETH prices"},
		{"no calldata", "combined", func() []*prooffile.File {
			f := epochFile()
			f.Solidity.Proof = ""
			return []*prooffile.File{f}
		}, "no solidity.proof"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := BuildSubmission(deployment(tc.mode), tc.files())
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want an error containing %q", err, tc.want)
			}
		})
	}
}

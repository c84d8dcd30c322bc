package contracts_test

import (
	"fmt"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/zktreasury/zktreasury/contracts"
	"github.com/zktreasury/zktreasury/contracts/bindings/mockaggregator"
)

// submitGasBudget is the most an epoch submission may cost on mainnet rules, verification
// excluded (mock verifiers), with Groth16-sized proofs.
const submitGasBudget = 400_000

// groth16SizedSubmission is mockSubmission with proofs the size of gnark Groth16 proofs: 384
// bytes with one commitment (solvency), 256 without (compliance), all non-zero bytes, so
// calldata costs what real proofs can cost at most.
func groth16SizedSubmission(n uint64) contracts.EpochSubmission {
	s := mockSubmission(n)
	s.SolvencyProof, s.ComplianceProof = make([]byte, 384), make([]byte, 256)
	for i := range s.SolvencyProof {
		s.SolvencyProof[i] = byte(i%255 + 1)
	}
	for i := range s.ComplianceProof {
		s.ComplianceProof[i] = byte(i%255 + 1)
	}
	return s
}

func TestSubmitEpochGasBudget(t *testing.T) {
	e := newMockEnvRules(t, osakaRules, contracts.Groth16, contracts.Groth16)
	t.Logf("deploy gas (osaka): registry %d, mock verifier %d", e.dep.RegistryGas, e.dep.SolvencyVerifierGas)
	for n := uint64(1); n <= 3; n++ {
		receipt, err := e.op.SubmitEpoch(ctxT(t), groth16SizedSubmission(n))
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("epoch %d: %d gas (osaka, mock verifiers)", n, receipt.GasUsed)
		if receipt.GasUsed > submitGasBudget {
			t.Errorf("epoch %d used %d gas, budget %d", n, receipt.GasUsed, submitGasBudget)
		}
	}
}

// BenchmarkSubmitEpochGas reports the gas of an epoch submission and of every deployment, on
// mainnet's Osaka rules and on the dev chain's default rules (geth --dev), three assets:
//
//   - separate/mock: Separate mode with MockVerifiers and Groth16-sized proofs (the registry's own
//     cost); separate/groth16 and separate/plonk: real gnark verifiers of the stand-in circuits
//     of real_test.go, the solvency one with one BSB22 commitment;
//   - combined/mock: Combined mode with a MockVerifier and a 256-byte proof; combined/groth16 and
//     combined/plonk: the real epoch circuit (testdata/epoch, u16-k4-a3-v3-bits) with fresh
//     keys and its exported verifier, each iteration a fresh registry recording epoch 1.
//
// Gas does not depend on b.N; run with -benchtime 3x.
func BenchmarkSubmitEpochGas(b *testing.B) {
	for _, r := range []rules{osakaRules, devRules} {
		b.Run(fmt.Sprintf("separate/mock/%s", r), func(b *testing.B) {
			e := newMockEnvRules(b, r, contracts.Groth16, contracts.Groth16)
			var total, n uint64
			for b.Loop() {
				n++
				receipt, err := e.op.SubmitEpoch(ctxT(b), groth16SizedSubmission(n))
				if err != nil {
					b.Fatal(err)
				}
				total += receipt.GasUsed
			}
			b.ReportMetric(float64(total)/float64(n), "gas/epoch")
			b.ReportMetric(float64(e.dep.RegistryGas), "gas/deploy-registry")
			b.ReportMetric(float64(e.dep.SolvencyVerifierGas), "gas/deploy-mock-verifier")
			b.ReportMetric(float64(mockFeedDeployGas(b, e.chain)), "gas/deploy-mock-feed")
		})
		for _, kind := range []contracts.VerifierKind{contracts.Groth16, contracts.Plonk} {
			b.Run(fmt.Sprintf("separate/%s/%s", kind, r), func(b *testing.B) {
				fix := realVerifiers(b)
				sys := fix.groth16
				if kind == contracts.Plonk {
					sys = fix.plonk
				}
				e := newRealEnv(b, r, sys)
				var total, n uint64
				for b.Loop() {
					total += e.submitNext(b)
					n++
				}
				b.ReportMetric(float64(total)/float64(n), "gas/epoch")
				b.ReportMetric(float64(e.dep.RegistryGas), "gas/deploy-registry")
				b.ReportMetric(float64(e.dep.SolvencyVerifierGas), "gas/deploy-solvency-verifier")
				b.ReportMetric(float64(e.dep.ComplianceVerifierGas), "gas/deploy-compliance-verifier")
			})
		}
		b.Run(fmt.Sprintf("combined/mock/%s", r), func(b *testing.B) {
			e := newCombinedEnv(b, r, contracts.Groth16)
			var total, n uint64
			for b.Loop() {
				n++
				s := combinedSubmission(n)
				s.EpochProof = groth16SizedSubmission(n).ComplianceProof
				receipt, err := e.op.SubmitEpoch(ctxT(b), s)
				if err != nil {
					b.Fatal(err)
				}
				total += receipt.GasUsed
			}
			b.ReportMetric(float64(total)/float64(n), "gas/epoch")
			b.ReportMetric(float64(e.dep.RegistryGas), "gas/deploy-registry")
		})
		for _, kind := range []contracts.VerifierKind{contracts.Groth16, contracts.Plonk} {
			b.Run(fmt.Sprintf("combined/%s/%s", kind, r), func(b *testing.B) {
				fix := realEpoch(b)
				sys := fix.groth16
				if kind == contracts.Plonk {
					sys = fix.plonk
				}
				proof := fix.honestProof(b, sys)
				e := newEpochEnv(b, r, fix, sys)
				var total, n uint64
				for b.Loop() {
					if n > 0 {
						e.deploy(b, fix.cs.genesis)
					}
					receipt, err := e.op.SubmitEpoch(ctxT(b), submission(fix.cs.st, append([]byte(nil), proof...)))
					if err != nil {
						b.Fatal(err)
					}
					total += receipt.GasUsed
					n++
				}
				b.ReportMetric(float64(total)/float64(n), "gas/epoch")
				b.ReportMetric(float64(e.dep.RegistryGas), "gas/deploy-registry")
				b.ReportMetric(float64(e.dep.EpochVerifierGas), "gas/deploy-epoch-verifier")
			})
		}
	}
}

// mockFeedDeployGas deploys one more mock feed and returns its receipt's gas.
func mockFeedDeployGas(tb testing.TB, c *chain) uint64 {
	tb.Helper()
	a := mockaggregator.NewMockAggregator().GetABI()
	input, err := a.Pack("", uint8(8), big.NewInt(feedAnswers[0]))
	if err != nil {
		tb.Fatal(err)
	}
	opts := *c.operator
	opts.GasLimit = 2_000_000 // the estimator undershoots this creation on dev rules
	_, tx, err := bind.DeployContract(&opts, common.FromHex(mockaggregator.MockAggregatorMetaData.Bin), c.client, input)
	if err != nil {
		tb.Fatal(err)
	}
	receipt, err := contracts.WaitMined(ctxT(tb), c.client, tx)
	if err != nil || receipt.Status != types.ReceiptStatusSuccessful {
		tb.Fatalf("deploy mock feed: %v, %+v", err, receipt)
	}
	return receipt.GasUsed
}

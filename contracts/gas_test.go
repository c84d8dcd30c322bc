package contracts_test

import (
	"fmt"
	"testing"

	"github.com/zktreasury/zktreasury/contracts"
)

// submitGasBudget is the most a 3-asset epoch submission may cost on mainnet rules,
// verification included: a regression guard at the measured 474,412 plus 3%. Issue 5's
// 400,000 no longer holds since the epoch carries its window, flows and exact Chainlink
// rounds (9 + 3A public inputs, each feed's round and its successor read on-chain); the
// sub-300,000 target of the gas issue (one hashed public input, a leaner registry) is open.
const submitGasBudget = 490_000

// groth16Proof is a proof the size of a gnark Groth16 proof without a commitment (256 bytes),
// all non-zero bytes, so calldata costs what a real proof can cost at most.
func groth16Proof() []byte {
	p := make([]byte, 256)
	for i := range p {
		p[i] = byte(i%255 + 1)
	}
	return p
}

// TestRegistryGasShare measures the registry's own cost of an epoch on mainnet rules with the
// Chainlink-shaped feeds and four assets: everything but the verification (a MockVerifier),
// with a Groth16-sized proof, 21k and calldata included. It guards against regressions: about
// 103k of base cost and 29k per asset (a getRoundData through the proxy, the latest-round check,
// the feed slot, three inputs and four event words). With a Groth16 verification of 21 inputs
// on top (BenchmarkSubmitEpochGas/standin) an epoch of four assets is above submitGasBudget:
// see contracts/README.md.
func TestRegistryGasShare(t *testing.T) {
	e := newMockEnvRules(t, osakaRules, contracts.Groth16, nil)
	t.Logf("deploy gas (osaka): registry %d, mock verifier %d, mock feed (aggregator + proxy + 1 round) %d",
		e.dep.RegistryGas, e.dep.VerifierGas, e.feeds[0].Gas)
	const registryShareBudget = 225_000
	for n := uint64(1); n <= 3; n++ {
		s := e.next(t, n)
		s.Proof = groth16Proof()
		receipt, err := e.op.SubmitEpoch(ctxT(t), s)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("epoch %d: %d gas (osaka, mock verifier, 4 assets)", n, receipt.GasUsed)
		if receipt.GasUsed > registryShareBudget {
			t.Errorf("epoch %d used %d gas of registry logic, more than %d", n, receipt.GasUsed, registryShareBudget)
		}
	}
}

// gasAssets are the asset counts the gas benchmark measures.
var gasAssets = []int{1, 4, 8, 16}

// BenchmarkSubmitEpochGas reports the gas of an epoch submission and of the deployments, on
// mainnet's Osaka rules and on the dev chain's default rules (geth --dev), with the
// Chainlink-shaped feeds (proxy + aggregator: getRoundData of the named round, latestRoundData
// for the in-force check), at 1, 4, 8 and 16 assets:
//
//   - mock/aN: a MockVerifier and a 256-byte proof (the registry's own cost);
//   - standin/groth16/aN and standin/plonk/aN: the real gnark verifiers of the stand-in circuit
//     of real_test.go, whose one public input is the epoch circuit's, so the verification costs
//     what the epoch circuit's does at any asset count;
//   - epoch/groth16 and epoch/plonk: the real epoch circuit (testdata/epoch, three assets) with
//     fresh keys and its exported verifier, each iteration a fresh registry recording epoch 1.
//
// Gas does not depend on b.N; run with -benchtime 3x.
func BenchmarkSubmitEpochGas(b *testing.B) {
	for _, r := range []rules{osakaRules, devRules} {
		for _, n := range gasAssets {
			b.Run(fmt.Sprintf("mock/a%d/%s", n, r), func(b *testing.B) {
				e := newMockEnvN(b, r, n, contracts.Groth16, nil)
				var total, k uint64
				for b.Loop() {
					k++
					s := e.next(b, k)
					s.Proof = groth16Proof()
					receipt, err := e.op.SubmitEpoch(ctxT(b), s)
					if err != nil {
						b.Fatal(err)
					}
					total += receipt.GasUsed
				}
				b.ReportMetric(float64(total)/float64(k), "gas/epoch")
				b.ReportMetric(float64(e.dep.RegistryGas), "gas/deploy-registry")
				b.ReportMetric(float64(e.dep.VerifierGas), "gas/deploy-mock-verifier")
				b.ReportMetric(float64(e.feeds[0].Gas), "gas/deploy-mock-feed")
			})
		}
		for _, kind := range []contracts.VerifierKind{contracts.Groth16, contracts.Plonk} {
			for _, n := range gasAssets {
				b.Run(fmt.Sprintf("standin/%s/a%d/%s", kind, n, r), func(b *testing.B) {
					e := newRealEnvN(b, r, realSystemOf(realVerifiers(b), kind), n)
					var total, k uint64
					for b.Loop() {
						total += e.submitNext(b)
						k++
					}
					b.ReportMetric(float64(total)/float64(k), "gas/epoch")
					b.ReportMetric(float64(e.dep.RegistryGas), "gas/deploy-registry")
					b.ReportMetric(float64(e.dep.VerifierGas), "gas/deploy-verifier")
				})
			}
		}
		for _, kind := range []contracts.VerifierKind{contracts.Groth16, contracts.Plonk} {
			b.Run(fmt.Sprintf("epoch/%s/%s", kind, r), func(b *testing.B) {
				fix := realEpoch(b)
				sys := fix.groth16
				if kind == contracts.Plonk {
					sys = fix.plonk
				}
				e := newEpochEnv(b, r, fix, sys)
				var total, n uint64
				for b.Loop() {
					if n > 0 {
						e.deploy(b, fix.cs.genesis)
					}
					receipt, err := e.op.SubmitEpoch(ctxT(b), e.honest(b))
					if err != nil {
						b.Fatal(err)
					}
					total += receipt.GasUsed
					n++
				}
				b.ReportMetric(float64(total)/float64(n), "gas/epoch")
				b.ReportMetric(float64(e.dep.RegistryGas), "gas/deploy-registry")
				b.ReportMetric(float64(e.dep.VerifierGas), "gas/deploy-epoch-verifier")
			})
		}
	}
}

func realSystemOf(fix *realFixture, kind contracts.VerifierKind) realSystem {
	if kind == contracts.Plonk {
		return fix.plonk
	}
	return fix.groth16
}

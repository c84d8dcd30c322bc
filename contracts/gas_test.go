package contracts_test

import (
	"fmt"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/zktreasury/zktreasury/contracts"
	"github.com/zktreasury/zktreasury/contracts/bindings/feedreadprobe"
)

// submitGasBudget is the most the real three-asset development epoch (testdata/epoch, its own
// Groth16 keys and verifier) may cost on mainnet rules, verification included: a regression
// guard at the measured figure plus about 2%. Issue 12's sub-300,000 target at four assets is
// not met: see combinedGasBudgets and TestFeedReadFloor.
const submitGasBudget = 354_000

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
// 92k of base cost and 24k per asset, of which the feed reads alone are about 17k
// (TestFeedReadFloor).
func TestRegistryGasShare(t *testing.T) {
	e := newMockEnvRules(t, osakaRules, contracts.Groth16, nil)
	t.Logf("deploy gas (osaka): registry %d, mock verifier %d, mock feed (aggregator + proxy + 1 round) %d",
		e.dep.RegistryGas, e.dep.VerifierGas, e.feeds[0].Gas)
	const registryShareBudget = 191_000
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

// TestFeedReadFloor measures, on mainnet rules with the Chainlink-shaped feeds, the floor of an
// on-chain price check per asset: getRoundData of the named round and latestRoundData (the
// in-force check) through the proxy, cold, with nothing else (FeedReadProbe). It is above the
// 5,000 gas per extra asset of issue 12: two cold accounts (2 x 2,600) and three cold slots
// (the proxy's phase aggregator and current phase, the round) already cost 11,500, plus the
// aggregator's latest-round slot.
func TestFeedReadFloor(t *testing.T) {
	e := newFeedEnvN(t, osakaRules, 8)
	ab := feedreadprobe.NewFeedReadProbe().GetABI()
	probe, _, err := contracts.DeployCodeForTest(ctxT(t), e.client, e.operator, common.FromHex(feedreadprobe.FeedReadProbeMetaData.Bin), nil)
	if err != nil {
		t.Fatal(err)
	}
	gas := map[int]uint64{}
	for _, n := range []int{1, 8} {
		var feeds []common.Address
		var ids []*big.Int
		for i := range n {
			feeds, ids = append(feeds, e.feeds[i].Proxy), append(ids, contracts.RoundID(1, 1))
		}
		data, err := ab.Pack("read", feeds, ids)
		if err != nil {
			t.Fatal(err)
		}
		gas[n] = e.send(t, e.operator, probe, data).GasUsed
	}
	perAsset := (gas[8] - gas[1]) / 7
	t.Logf("feed read floor (osaka): %d gas for 1 feed, %d for 8: %d per asset", gas[1], gas[8], perAsset)
	if perAsset < 11_500 {
		t.Errorf("the feed read costs %d gas per asset, below the 11,500 of its cold accesses: the probe does not read what the registry reads", perAsset)
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
//   - wrapshape/groth16/aN: a stand-in with one public input and one BSB22 commitment, the
//     on-chain shape of circuits/wrap (a batched epoch of any number of users);
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
		for _, n := range gasAssets {
			b.Run(fmt.Sprintf("wrapshape/groth16/a%d/%s", n, r), func(b *testing.B) {
				e := newRealEnvN(b, r, realVerifiers(b).wrapGroth16, n)
				var total, k uint64
				for b.Loop() {
					total += e.submitNext(b)
					k++
				}
				b.ReportMetric(float64(total)/float64(k), "gas/epoch")
				b.ReportMetric(float64(e.dep.VerifierGas), "gas/deploy-verifier")
			})
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

package contracts_test

import (
	"math/big"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"

	"github.com/zktreasury/zktreasury/contracts"
	"github.com/zktreasury/zktreasury/contracts/bindings/epochregistry"
	"github.com/zktreasury/zktreasury/contracts/bindings/mockverifier"
)

// combinedEnv is a Combined-mode registry wired to one MockVerifier and three mock feeds.
type combinedEnv struct {
	*chain
	dep       contracts.Deployment
	feeds     []common.Address
	op, guard *contracts.Registry
}

func newCombinedEnv(t testing.TB, r rules, kind contracts.VerifierKind) *combinedEnv {
	t.Helper()
	c := newChainRules(t, r)
	feeds := c.deployFeeds(t)
	cfg := baseConfig(c, feeds, contracts.VerifierSpec{}, contracts.VerifierSpec{})
	cfg.Mode = contracts.Combined
	cfg.Epoch = contracts.VerifierSpec{Kind: kind, Bytecode: contracts.MockVerifierBytecode()}
	dep, err := contracts.Deploy(ctxT(t), c.client, c.operator, cfg)
	if err != nil {
		t.Fatal(err)
	}
	e := &combinedEnv{chain: c, dep: dep, feeds: feeds}
	if e.op, err = contracts.NewRegistry(dep.Registry, c.client, c.operator); err != nil {
		t.Fatal(err)
	}
	if e.guard, err = contracts.NewRegistry(dep.Registry, c.client, c.guardian); err != nil {
		t.Fatal(err)
	}
	return e
}

// combinedSubmission is mockSubmission with one epoch proof instead of two.
func combinedSubmission(n uint64) contracts.EpochSubmission {
	s := mockSubmission(n)
	s.EpochProof = s.SolvencyProof
	s.SolvencyProof, s.ComplianceProof = nil, nil
	return s
}

// epochInputs are the public inputs a Combined registry must build, in the documented order.
func epochInputs(s contracts.EpochSubmission, policy, prev *big.Int) []*big.Int {
	in := []*big.Int{policy, prev, s.StateCommitment, s.LiabilitiesRoot, s.ActionsCommitment,
		new(big.Int).SetUint64(s.ActionCount), new(big.Int).SetUint64(s.Epoch)}
	return append(in, s.Prices...)
}

func TestCombinedRecordsEpochs(t *testing.T) {
	for _, kind := range []contracts.VerifierKind{contracts.Groth16, contracts.Plonk} {
		t.Run(kind.String(), func(t *testing.T) {
			e := newCombinedEnv(t, devRules, kind)
			ctx := ctxT(t)
			cfg, err := e.op.Config(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if cfg.Mode != contracts.Combined || cfg.EpochVerifier != e.dep.EpochVerifier || cfg.EpochKind != kind ||
				cfg.SolvencyVerifier != (common.Address{}) || cfg.NumAssets != 3 || cfg.DeployBlock != e.dep.Block {
				t.Fatalf("config %+v, deployment %+v", cfg, e.dep)
			}
			prev := genesisState
			for n := uint64(1); n <= 2; n++ {
				s := combinedSubmission(n)
				// The mock rejects anything but the documented order, so a recorded epoch proves
				// the registry built the epoch circuit's inputs as specified.
				e.send(t, e.operator, e.dep.EpochVerifier, mockExpect(epochInputs(s, genesisPolicy, prev)))
				if _, err := e.op.SubmitEpoch(ctx, s); err != nil {
					t.Fatalf("epoch %d: %v", n, err)
				}
				rec, err := e.op.EpochRecord(ctx, n)
				if err != nil {
					t.Fatal(err)
				}
				if rec.StateCommitment.Cmp(s.StateCommitment) != 0 || rec.LiabilitiesRoot.Cmp(s.LiabilitiesRoot) != 0 ||
					rec.ActionsCommitment.Cmp(s.ActionsCommitment) != 0 || rec.ActionCount != s.ActionCount ||
					rec.PolicyCommitment.Cmp(genesisPolicy) != 0 || rec.TxHash == (common.Hash{}) {
					t.Fatalf("record %+v does not match submission %+v", rec, s)
				}
				prev = s.StateCommitment
			}
			// The genesis record comes from the event the constructor emitted.
			g, err := e.op.EpochRecord(ctx, 0)
			if err != nil {
				t.Fatal(err)
			}
			if g.StateCommitment.Cmp(genesisState) != 0 || g.LiabilitiesRoot.Sign() != 0 || g.PolicyCommitment.Cmp(genesisPolicy) != 0 || g.Block != e.dep.Block {
				t.Fatalf("genesis record %+v", g)
			}
		})
	}
}

func TestWrongMode(t *testing.T) {
	sep := newMockEnv(t, contracts.Groth16, contracts.Groth16)
	_, err := sep.op.SubmitEpoch(ctxT(t), combinedSubmission(1))
	wantRevert(t, err, contracts.ErrWrongMode, map[string]*big.Int{"mode": big.NewInt(0)})

	comb := newCombinedEnv(t, devRules, contracts.Groth16)
	_, err = comb.op.SubmitEpoch(ctxT(t), mockSubmission(1))
	wantRevert(t, err, contracts.ErrWrongMode, map[string]*big.Int{"mode": big.NewInt(1)})

	s := mockSubmission(1)
	s.EpochProof = []byte{1}
	if _, err := comb.op.SubmitEpoch(ctxT(t), s); err == nil || !strings.Contains(err.Error(), "one or the other") {
		t.Fatalf("a submission with both kinds of proofs: %v", err)
	}
}

func TestCombinedRejections(t *testing.T) {
	e := newCombinedEnv(t, devRules, contracts.Groth16)
	ctx := ctxT(t)
	_, err := e.op.SubmitEpoch(ctx, combinedSubmission(2))
	wantRevert(t, err, contracts.ErrEpochOutOfOrder, map[string]*big.Int{"expected": big.NewInt(1), "got": big.NewInt(2)})

	e.send(t, e.operator, e.dep.EpochVerifier, mockSetAccept(false))
	_, err = e.op.SubmitEpoch(ctx, combinedSubmission(1))
	wantRevert(t, err, contracts.ErrProofRejected, map[string]*big.Int{"which": big.NewInt(2)})
	e.send(t, e.operator, e.dep.EpochVerifier, mockSetAccept(true))

	if _, err := e.guard.Pause(ctx); err != nil {
		t.Fatal(err)
	}
	_, err = e.op.SubmitEpoch(ctx, combinedSubmission(1))
	wantRevert(t, err, contracts.ErrPaused, nil)
}

// TestConstructorChecksMode deploys the registry without the client's validation, to reach the
// constructor's own checks of which verifiers a mode takes.
func TestConstructorChecksMode(t *testing.T) {
	c := newChain(t)
	feeds := c.deployFeeds(t)
	mock, err := contracts.Deploy(ctxT(t), c.client, c.operator, baseConfig(c, feeds,
		contracts.VerifierSpec{Kind: contracts.Groth16, Bytecode: contracts.MockVerifierBytecode()},
		contracts.VerifierSpec{Kind: contracts.Groth16, Bytecode: contracts.MockVerifierBytecode()}))
	if err != nil {
		t.Fatal(err)
	}
	verifier := epochregistry.EpochRegistryVerifierConfig{Verifier: mock.SolvencyVerifier}
	noCode := epochregistry.EpochRegistryVerifierConfig{Verifier: common.HexToAddress("0x1234")}
	for _, tc := range []struct {
		name                           string
		mode                           uint8
		solvency, compliance, epochCfg epochregistry.EpochRegistryVerifierConfig
		want                           string
	}{
		{"combined without an epoch verifier", 1, verifier, verifier, epochregistry.EpochRegistryVerifierConfig{}, "epoch verifier has no code"},
		{"combined with an epoch verifier without code", 1, epochregistry.EpochRegistryVerifierConfig{}, epochregistry.EpochRegistryVerifierConfig{}, noCode, "epoch verifier has no code"},
		{"combined with a solvency verifier", 1, verifier, epochregistry.EpochRegistryVerifierConfig{}, verifier, "set in combined mode"},
		{"separate with an epoch verifier", 0, verifier, verifier, verifier, "epoch verifier set in separate mode"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := epochregistry.EpochRegistryInitParams{
				Governance: c.governance.From, Guardian: c.guardian.From, GenesisState: genesisState, GenesisPolicy: genesisPolicy,
				PolicyDelay: 3600, Mode: tc.mode, Solvency: tc.solvency, Compliance: tc.compliance, Epoch: tc.epochCfg,
				ToleranceBps: 50, MaxPriceAge: 3600,
			}
			for _, f := range feedConfigs(feeds) {
				p.Feeds = append(p.Feeds, epochregistry.EpochRegistryFeedConfig{Aggregator: f.Aggregator, Decimals: f.Decimals, PriceNum: f.PriceNum, PriceDen: f.PriceDen})
			}
			input := epochregistry.NewEpochRegistry().PackConstructor(p)
			opts := *c.operator
			_, _, err := bind.DeployContract(&opts, common.FromHex(epochregistry.EpochRegistryMetaData.Bin), c.client, input)
			err = contracts.DecodeCallErrorForTest(err)
			wantRevert(t, err, contracts.ErrBadConfig, nil)
			if !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want %q", err, tc.want)
			}
		})
	}
}

func TestCombinedDeployValidation(t *testing.T) {
	c := newChain(t)
	feeds := c.deployFeeds(t)
	mock := contracts.VerifierSpec{Kind: contracts.Groth16, Bytecode: contracts.MockVerifierBytecode()}
	for _, tc := range []struct {
		name    string
		mutate  func(*contracts.DeployConfig)
		wantErr string
	}{
		{"separate with an epoch verifier", func(c *contracts.DeployConfig) { c.Epoch = mock }, "epoch verifier given in separate mode"},
		{"combined with separate verifiers", func(c *contracts.DeployConfig) { c.Mode = contracts.Combined; c.Epoch = mock }, "solvency verifier given in combined mode"},
		{"combined without an epoch verifier", func(c *contracts.DeployConfig) {
			c.Mode, c.Solvency, c.Compliance = contracts.Combined, contracts.VerifierSpec{}, contracts.VerifierSpec{}
		}, "epoch verifier: neither bytecode nor address"},
		{"unknown mode", func(c *contracts.DeployConfig) { c.Mode = 9 }, "unknown mode"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := baseConfig(c, feeds, mock, mock)
			tc.mutate(&cfg)
			if _, err := contracts.Deploy(ctxT(t), c.client, c.operator, cfg); err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Fatalf("got %v, want an error containing %q", err, tc.wantErr)
			}
		})
	}
}

func TestCombinedGasBudgetMock(t *testing.T) {
	e := newCombinedEnv(t, osakaRules, contracts.Groth16)
	for n := uint64(1); n <= 3; n++ {
		s := combinedSubmission(n)
		s.EpochProof = groth16SizedSubmission(n).ComplianceProof // 256 bytes, no commitment
		receipt, err := e.op.SubmitEpoch(ctxT(t), s)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("combined epoch %d: %d gas (osaka, mock verifier)", n, receipt.GasUsed)
		// With one Groth16 verification of 7 + 3 inputs (about 250k) on top, an epoch must stay
		// within submitGasBudget.
		if receipt.GasUsed > submitGasBudget-250_000 {
			t.Errorf("epoch %d used %d gas of registry logic, leaving less than 250k for the verification", n, receipt.GasUsed)
		}
	}
}

// mockExpect and mockSetAccept are the calldata of MockVerifier's switches.
func mockExpect(in []*big.Int) []byte { return mockverifier.NewMockVerifier().PackExpectInputs(in) }

func mockSetAccept(accept bool) []byte { return mockverifier.NewMockVerifier().PackSetAccept(accept) }

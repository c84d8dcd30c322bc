package contracts_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/big"
	"sync"
	"testing"
	"time"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/consensys/gnark/constraint"
	"github.com/shopspring/decimal"

	"github.com/zktreasury/zktreasury/circuits/epoch"
	"github.com/zktreasury/zktreasury/circuits/gadget/bound"
	"github.com/zktreasury/zktreasury/contracts"
	"github.com/zktreasury/zktreasury/prover/statement"
	"github.com/zktreasury/zktreasury/prover/zk"
)

// The real epoch tests prove the fixture epoch of testdata/epoch (epoch 1: two swaps from the
// solvent case's positions, 16-user tree, 4 action slots, bit range checks) with fresh
// single-party keys for both proof systems, and submit it to a Combined-mode registry whose
// verifier is the one gnark exports for those keys.

const epochCaseDir = "../testdata/epoch"

// feedDecimals is the mock feeds' decimals, as Chainlink's USD feeds have.
const feedDecimals = 8

// epochSystem is one proof system's keys for the epoch circuit and its compiled verifier.
type epochSystem struct {
	kind     contracts.VerifierKind
	backend  zk.Backend
	ccs      constraint.ConstraintSystem
	keys     zk.Keys
	bytecode []byte
}

// prove proves an assignment, checks the proof with the Go verifier (Solidity target) and returns
// its Solidity encoding.
func (s *epochSystem) prove(tb testing.TB, a *epoch.Circuit) []byte {
	tb.Helper()
	w, pub, err := witnesses(a)
	if err != nil {
		tb.Fatal(err)
	}
	p, err := s.backend.Prove(s.ccs, s.keys.PK, w)
	if err != nil {
		tb.Fatalf("prove epoch with %s: %v", s.backend.Name(), err)
	}
	if err := s.backend.Verify(p, s.keys.VK, pub); err != nil {
		tb.Fatalf("go verifier (%s): %v", s.backend.Name(), err)
	}
	sol, err := zk.SolidityCalldata(p)
	if err != nil {
		tb.Fatal(err)
	}
	return sol
}

// epochCase is the fixture epoch: its inputs, its statement and what a registry needs.
type epochCase struct {
	in      statement.EpochInputs
	st      *statement.Epoch
	symbols []string
	genesis *big.Int // S(0) = S(epoch-1), what the registry starts from
	policy  *big.Int
	answers []*big.Int // 8-decimal USD feed answers, one per asset
	feeds   []contracts.FeedConfig
}

type epochFixture struct {
	cs             *epochCase
	groth16, plonk *epochSystem

	mu     sync.Mutex
	proofs map[string][]byte // honest proofs by backend name
}

var (
	epochOnce sync.Once
	epochFix  *epochFixture
	epochErr  error
)

// realEpoch sets up both proof systems for the fixture epoch, exports and compiles their
// verifiers, once per test binary (about a minute on two cores).
func realEpoch(tb testing.TB) *epochFixture {
	tb.Helper()
	requireSolcJS(tb)
	epochOnce.Do(func() { epochFix, epochErr = buildEpochFixture() })
	if epochErr != nil {
		tb.Fatal(epochErr)
	}
	return epochFix
}

// loadEpochCase loads testdata/epoch, optionally changed by edit before the statement is built.
func loadEpochCase(edit func(*statement.EpochInputs)) (*epochCase, error) {
	in, err := statement.LoadEpochInputs(statement.EpochCaseFiles(epochCaseDir))
	if err != nil {
		return nil, err
	}
	cp, err := statement.LoadCaseParams(epochCaseDir)
	if err != nil {
		return nil, err
	}
	in.Epoch, in.Capacity, in.Slots, in.RangeCheck = cp.Epoch, cp.Capacity, cp.Slots, bound.Bits
	in.StartTime, in.EndTime = cp.StartTime, cp.EndTime
	if edit != nil {
		edit(&in)
	}
	st, err := statement.BuildEpoch(in)
	if err != nil {
		return nil, fmt.Errorf("build the fixture epoch: %w", err)
	}
	c := &epochCase{in: in, st: st, genesis: bigOf(st.Compliance.PrevCommitment), policy: bigOf(st.Compliance.PolicyCommitment)}
	for a, usd := range in.Prices.USD {
		asset := in.Policy.Assets[a]
		c.symbols = append(c.symbols, asset.Symbol)
		answer := usd.Shift(feedDecimals)
		if !answer.Equal(answer.Truncate(0)) {
			return nil, fmt.Errorf("price of %s has more than %d decimals", asset.Symbol, feedDecimals)
		}
		c.answers = append(c.answers, answer.BigInt())
		c.feeds = append(c.feeds, contracts.FeedConfig{Decimals: feedDecimals, CircuitDecimals: uint8(asset.CircuitDecimals), Heartbeat: testHeartbeat})
	}
	return c, nil
}

// claim is the submission of the case's statement with a proof, priced at rounds: built from
// the statement's named public inputs exactly as `epoch submit` builds it from a proof file.
func (c *epochCase) claim(tb testing.TB, proof []byte, rounds []*big.Int) contracts.EpochSubmission {
	tb.Helper()
	var in []contracts.PublicInput
	for _, x := range c.st.Public(c.symbols) {
		e, err := statement.ParseElement(x.Value)
		if err != nil {
			tb.Fatal(err)
		}
		in = append(in, contracts.PublicInput{Name: x.Name, Value: bigOf(e)})
	}
	if rounds == nil {
		rounds = make([]*big.Int, len(c.symbols))
		for i := range rounds {
			rounds[i] = big.NewInt(1)
		}
	}
	cl, err := contracts.ClaimFromInputs(in, c.symbols, rounds, proof)
	if err != nil {
		tb.Fatalf("the fixture epoch's public inputs (the epoch circuit of issue 8 has start, end and flows): %v", err)
	}
	cl.Proof = proof
	return cl.EpochSubmission
}

func bigOf(e fr.Element) *big.Int { return e.BigInt(new(big.Int)) }

func buildEpochFixture() (*epochFixture, error) {
	cs, err := loadEpochCase(nil)
	if err != nil {
		return nil, err
	}
	fix := &epochFixture{cs: cs, proofs: map[string][]byte{}}
	sources := map[string][]byte{}
	for _, s := range []struct {
		dst  **epochSystem
		kind contracts.VerifierKind
		b    zk.Backend
	}{{&fix.groth16, contracts.Groth16, zk.Groth16{}}, {&fix.plonk, contracts.Plonk, zk.Plonk{}}} {
		shape, err := epoch.NewCircuit(cs.st.Params)
		if err != nil {
			return nil, err
		}
		ccs, err := s.b.Compile(shape)
		if err != nil {
			return nil, fmt.Errorf("compile the epoch circuit for %s: %w", s.b.Name(), err)
		}
		keys, err := s.b.SetupInsecure(ccs)
		if err != nil {
			return nil, err
		}
		var sol bytes.Buffer
		if err := s.b.ExportSolidity(keys.VK, &sol); err != nil {
			return nil, fmt.Errorf("export the %s epoch verifier: %w", s.b.Name(), err)
		}
		name := "Epoch" + s.kind.String()
		sources[name] = sol.Bytes()
		*s.dst = &epochSystem{kind: s.kind, backend: s.b, ccs: ccs, keys: keys}
	}
	arts, err := contracts.CompileVerifiers(context.Background(), ".", sources)
	if err != nil {
		return nil, err
	}
	fix.groth16.bytecode = arts["Epochgroth16"].Bytecode
	fix.plonk.bytecode = arts["Epochplonk"].Bytecode
	return fix, nil
}

// honestProof is the (cached) proof of the fixture epoch under a system.
func (f *epochFixture) honestProof(tb testing.TB, s *epochSystem) []byte {
	tb.Helper()
	f.mu.Lock()
	defer f.mu.Unlock()
	if p, ok := f.proofs[s.backend.Name()]; ok {
		return append([]byte(nil), p...)
	}
	p := s.prove(tb, f.cs.st.Assignment())
	f.proofs[s.backend.Name()] = p
	return append([]byte(nil), p...)
}

// epochEnv is a registry with a real epoch verifier and Chainlink-shaped mock feeds whose
// round 1 answers the fixture's prices a minute before the epoch's end.
type epochEnv struct {
	*chain
	fix    *epochFixture
	sys    *epochSystem
	feeds  []contracts.MockFeed
	rounds []*big.Int
	dep    contracts.Deployment
	op     *contracts.Registry
	gov    *contracts.Registry
	guard  *contracts.Registry
}

func newEpochEnv(tb testing.TB, r rules, fix *epochFixture, sys *epochSystem) *epochEnv {
	tb.Helper()
	c := newChainRules(tb, r)
	e := &epochEnv{chain: c, fix: fix, sys: sys}
	times := fix.cs.claim(tb, []byte{1}, nil)
	for _, a := range fix.cs.answers {
		f, err := contracts.DeployMockFeed(ctxT(tb), c.client, c.operator, feedDecimals, contracts.MockRound{Answer: a, UpdatedAt: times.EndTime - 60})
		if err != nil {
			tb.Fatal(err)
		}
		e.feeds = append(e.feeds, f)
		e.rounds = append(e.rounds, contracts.RoundID(1, 1))
	}
	e.deploy(tb, fix.cs.genesis)
	return e
}

// honest is the fixture epoch's honest submission.
func (e *epochEnv) honest(tb testing.TB) contracts.EpochSubmission {
	tb.Helper()
	return e.fix.cs.claim(tb, e.fix.honestProof(tb, e.sys), e.rounds)
}

// deploy puts a new registry on the env's chain, starting from genesis at the epoch's start,
// and points the handles at it.
func (e *epochEnv) deploy(tb testing.TB, genesis *big.Int) {
	tb.Helper()
	feeds := append([]contracts.FeedConfig(nil), e.fix.cs.feeds...)
	for i := range feeds {
		feeds[i].Aggregator = e.feeds[i].Proxy
	}
	start := e.fix.cs.claim(tb, []byte{1}, nil).StartTime
	dep, err := contracts.Deploy(ctxT(tb), e.client, e.operator, contracts.DeployConfig{
		Governance: e.governance.From, Guardian: e.guardian.From,
		GenesisState: genesis, GenesisPolicy: e.fix.cs.policy, GenesisTime: time.Unix(int64(start), 0),
		PolicyDelay: testPolicyDelay, PolicyGracePeriod: testPolicyGrace,
		Verifier:      contracts.VerifierSpec{Kind: e.sys.kind, Bytecode: e.sys.bytecode},
		ValueDecimals: uint8(e.fix.cs.in.Policy.ValueDecimals), Feeds: feeds, TreeCapacity: uint64(e.fix.cs.in.Capacity),
	})
	if err != nil {
		tb.Fatal(err)
	}
	e.dep = dep
	if e.op, err = contracts.NewRegistry(dep.Registry, e.client, e.operator); err != nil {
		tb.Fatal(err)
	}
	if e.gov, err = contracts.NewRegistry(dep.Registry, e.client, e.governance); err != nil {
		tb.Fatal(err)
	}
	if e.guard, err = contracts.NewRegistry(dep.Registry, e.client, e.guardian); err != nil {
		tb.Fatal(err)
	}
}

// otherPolicy is the fixture with a larger loss budget: a policy governance might queue, with
// another commitment and the same circuit shape.
func otherPolicy(in *statement.EpochInputs) {
	p := *in.Policy
	p.LossBudgetUSDPerDay = p.LossBudgetUSDPerDay.Add(decimal.NewFromInt(1000))
	in.Policy = &p
}

// TestRealEpochCombined submits the fixture epoch, proven with real keys, to Combined-mode
// registries with the gnark-exported Groth16 and PLONK verifiers, and checks that every way of
// getting it wrong reverts with its named error and records nothing.
func TestRealEpochCombined(t *testing.T) {
	if testing.Short() {
		t.Skip("sets up and proves the epoch circuit twice (about a minute and a half)")
	}
	fix := realEpoch(t)
	under, err := loadEpochCase(otherPolicy)
	if err != nil {
		t.Fatal(err)
	}
	for _, sys := range []*epochSystem{fix.groth16, fix.plonk} {
		t.Run(sys.kind.String(), func(t *testing.T) {
			e := newEpochEnv(t, devRules, fix, sys)
			ctx := ctxT(t)
			honest := func() contracts.EpochSubmission { return e.honest(t) }
			// A proof of the same epoch under the policy governance has queued, not in force.
			queuedProof := sys.prove(t, under.st.Assignment())

			rejections := []struct {
				name string
				// setup changes the chain before the submission; undo restores it after.
				setup, undo func(t *testing.T)
				build       func() contracts.EpochSubmission
				want        error
				args        map[string]*big.Int
			}{
				{name: "skipped epoch", build: func() contracts.EpochSubmission {
					s := honest()
					s.Epoch = 2
					return s
				}, want: contracts.ErrEpochOutOfOrder, args: map[string]*big.Int{"expected": big.NewInt(1), "got": big.NewInt(2)}},
				{name: "tampered proof", build: func() contracts.EpochSubmission {
					s := honest()
					s.Proof[len(s.Proof)/3] ^= 0x04
					return s
				}, want: contracts.ErrProofRejected},
				{name: "tampered liabilities root", build: func() contracts.EpochSubmission {
					s := honest()
					s.LiabilitiesRoot = new(big.Int).Add(s.LiabilitiesRoot, big.NewInt(1))
					return s
				}, want: contracts.ErrProofRejected},
				{name: "tampered new state", build: func() contracts.EpochSubmission {
					s := honest()
					s.StateCommitment = new(big.Int).Add(s.StateCommitment, big.NewInt(1))
					return s
				}, want: contracts.ErrProofRejected},
				{name: "tampered action count", build: func() contracts.EpochSubmission {
					s := honest()
					s.ActionCount--
					return s
				}, want: contracts.ErrProofRejected},
				{name: "tampered actions commitment", build: func() contracts.EpochSubmission {
					s := honest()
					s.ActionsCommitment = new(big.Int).Add(s.ActionsCommitment, big.NewInt(1))
					return s
				}, want: contracts.ErrProofRejected},
				{name: "tampered inflow", build: func() contracts.EpochSubmission {
					s := honest()
					s.Inflows = append([]uint64(nil), s.Inflows...)
					s.Inflows[0]++
					return s
				}, want: contracts.ErrProofRejected},
				{name: "paused", setup: func(t *testing.T) {
					if _, err := e.guard.Pause(ctxT(t)); err != nil {
						t.Fatal(err)
					}
				}, undo: func(t *testing.T) {
					if _, err := e.gov.Unpause(ctxT(t)); err != nil {
						t.Fatal(err)
					}
				}, build: honest, want: contracts.ErrPaused},
				{name: "proven under a policy queued, not in force", setup: func(t *testing.T) {
					if _, err := e.gov.QueuePolicy(ctxT(t), under.policy, 2); err != nil {
						t.Fatal(err)
					}
				}, build: func() contracts.EpochSubmission {
					return under.claim(t, append([]byte(nil), queuedProof...), e.rounds)
				}, want: contracts.ErrProofRejected},
			}
			for _, r := range rejections {
				t.Run(r.name, func(t *testing.T) {
					if r.setup != nil {
						r.setup(t)
					}
					before, err := e.op.Status(ctxT(t))
					if err != nil {
						t.Fatal(err)
					}
					_, err = e.op.SubmitEpoch(ctxT(t), r.build())
					wantRevert(t, err, r.want, r.args)
					after, err := e.op.Status(ctxT(t))
					if err != nil {
						t.Fatal(err)
					}
					if after.LastEpoch != before.LastEpoch || after.CurrentState.Cmp(before.CurrentState) != 0 {
						t.Fatalf("a rejected submission changed the status: %+v -> %+v", before, after)
					}
					if r.undo != nil {
						r.undo(t)
					}
				})
			}

			// The queued policy cannot be put in force before its delay.
			_, err := e.gov.ExecutePolicy(ctx, under.policy, 2)
			wantRevert(t, err, contracts.ErrTimelockNotReady, nil)

			// The honest epoch is recorded.
			receipt, err := e.op.SubmitEpoch(ctx, honest())
			if err != nil {
				t.Fatalf("honest epoch: %v", err)
			}
			t.Logf("%s combined epoch 1: %d gas (dev rules)", sys.kind, receipt.GasUsed)
			want := honest()
			rec, err := e.op.EpochRecord(ctx, 1)
			if err != nil {
				t.Fatal(err)
			}
			if rec.StateCommitment.Cmp(want.StateCommitment) != 0 || rec.LiabilitiesRoot.Cmp(want.LiabilitiesRoot) != 0 ||
				rec.ActionsCommitment.Cmp(want.ActionsCommitment) != 0 || rec.ActionCount != want.ActionCount ||
				rec.PolicyCommitment.Cmp(fix.cs.policy) != 0 || rec.TxHash != receipt.TxHash || rec.End.Unix() != int64(want.EndTime) ||
				rec.Prices[0].Sign() == 0 || rec.Inflows[0] != want.Inflows[0] {
				t.Fatalf("record %+v, want %+v", rec, want)
			}
			st, err := e.op.Status(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if st.LastEpoch != 1 || st.CurrentState.Cmp(want.StateCommitment) != 0 {
				t.Fatalf("status %+v", st)
			}
			// The registry's verifier, asked directly (epoch submit's already-recorded check),
			// accepts the recorded proof and refuses it with one byte or the hash changed.
			genesis, err := e.op.EpochRecord(ctx, 0)
			if err != nil {
				t.Fatal(err)
			}
			h, err := contracts.EpochPublicHash(want, fix.cs.policy, genesis.StateCommitment, rec.Prices)
			if err != nil {
				t.Fatal(err)
			}
			if err := e.op.CheckProof(ctx, h, want.Proof); err != nil {
				t.Fatalf("CheckProof of the recorded proof: %v", err)
			}
			flipped := append([]byte(nil), want.Proof...)
			flipped[40] ^= 1
			if err := e.op.CheckProof(ctx, h, flipped); !errors.Is(err, contracts.ErrProofRejected) {
				t.Fatalf("CheckProof of a flipped proof: %v, want ErrProofRejected", err)
			}
			if err := e.op.CheckProof(ctx, new(big.Int).Add(h, big.NewInt(1)), want.Proof); !errors.Is(err, contracts.ErrProofRejected) {
				t.Fatalf("CheckProof with another hash: %v, want ErrProofRejected", err)
			}

			// Replayed, it is refused.
			_, err = e.op.SubmitEpoch(ctx, honest())
			wantRevert(t, err, contracts.ErrEpochOutOfOrder, map[string]*big.Int{"expected": big.NewInt(2), "got": big.NewInt(1)})

			// A registry whose S(0) is not the proof's previous state refuses the honest proof.
			e.deploy(t, new(big.Int).Add(fix.cs.genesis, big.NewInt(1)))
			_, err = e.op.SubmitEpoch(ctx, honest())
			wantRevert(t, err, contracts.ErrProofRejected, nil)

			// On a fresh registry: a later round before the epoch's end, one circuit unit
			// dearer for asset 1. The registry prices the epoch at it, the proof's price is not
			// its, and the round the proof was made at is superseded.
			e = newEpochEnv(t, devRules, fix, sys)
			s := honest()
			scale, err := contracts.NewPriceScale(feedDecimals, uint8(fix.cs.in.Policy.ValueDecimals), fix.cs.feeds[1].CircuitDecimals)
			if err != nil {
				t.Fatal(err)
			}
			step := big.NewInt(1)
			if scale.Down {
				step.Exp(big.NewInt(10), big.NewInt(int64(scale.Exp)), nil)
			}
			ids, err := contracts.AddMockRounds(ctx, e.client, e.operator, e.feeds[1],
				contracts.MockRound{Answer: new(big.Int).Add(fix.cs.answers[1], step), UpdatedAt: s.EndTime - 30})
			if err != nil {
				t.Fatal(err)
			}
			_, err = e.op.SubmitEpoch(ctx, s)
			wantRevert(t, err, contracts.ErrRoundSuperseded, map[string]*big.Int{"asset": big.NewInt(1)})
			s.RoundIDs[1] = ids[0]
			_, err = e.op.SubmitEpoch(ctx, s)
			wantRevert(t, err, contracts.ErrProofRejected, nil)
		})
	}
}

// combinedGasBudgets are the most a Groth16 epoch submission may cost on mainnet (Osaka) rules
// with Chainlink-shaped feeds, by asset count: regression guards at the measured figures plus
// about 2% (README "On-chain verification"). The sub-300,000 target of issue 12 at four assets
// is not met: the feed reads alone (proxy and aggregator, cold, the named round and the latest
// one) cost more than 5,000 gas per asset.
var combinedGasBudgets = map[int]uint64{1: 305_000, 4: 377_000, 8: 474_000}

// realEpochGasBudget is the budget of the real three-asset development epoch circuit (its own
// keys and verifier, testdata/epoch), measured plus about 2%.
const realEpochGasBudget = submitGasBudget

// TestCombinedGasBudget checks the gas of one Groth16 epoch on mainnet rules with
// Chainlink-shaped feeds against the budgets: the stand-in verifier (the epoch circuit's one
// public input) at 1, 4 and 8 assets, and the real epoch circuit of testdata/epoch (three
// assets, real keys set up here; skipped with -short).
func TestCombinedGasBudget(t *testing.T) {
	fix := realVerifiers(t)
	for _, n := range []int{1, 4, 8} {
		e := newRealEnvN(t, osakaRules, fix.groth16, n)
		gas := e.submitNext(t)
		t.Logf("groth16 epoch, %d assets, osaka rules: %d gas (budget %d)", n, gas, combinedGasBudgets[n])
		if gas > combinedGasBudgets[n] {
			t.Errorf("groth16 epoch with %d assets used %d gas, budget %d", n, gas, combinedGasBudgets[n])
		}
	}
	if testing.Short() {
		t.Skip("the real epoch circuit's part sets up the epoch circuit")
	}
	real := realEpoch(t)
	e := newEpochEnv(t, osakaRules, real, real.groth16)
	receipt, err := e.op.SubmitEpoch(ctxT(t), e.honest(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("real epoch circuit (3 assets), groth16, osaka rules: %d gas (budget %d)", receipt.GasUsed, realEpochGasBudget)
	if receipt.GasUsed > realEpochGasBudget {
		t.Errorf("real groth16 epoch used %d gas, budget %d", receipt.GasUsed, realEpochGasBudget)
	}
}

package contracts_test

import (
	"bytes"
	"context"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/backend"
	"github.com/consensys/gnark/backend/groth16"
	"github.com/consensys/gnark/backend/plonk"
	"github.com/consensys/gnark/backend/solidity"
	"github.com/consensys/gnark/backend/witness"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/frontend/cs/r1cs"
	"github.com/consensys/gnark/frontend/cs/scs"
	"github.com/consensys/gnark/test/unsafekzg"

	"github.com/zktreasury/zktreasury/contracts"
)

// The stand-in has the epoch circuit's one public input, publicHash, in a constraint: Groth16
// does not bind a public input that no constraint uses (its verifying-key point is the
// identity), so a proof would verify with any value there.

// epochStandIn has exactly the epoch circuit's public input layout (one input, the statement's
// hash) for any number of assets, and proves knowledge of it: the prover computes the hash of
// its claim natively (contracts.EpochPublicHash) and the registry must compute the same one,
// so a proof of any other claim is refused. Like the real epoch circuit with bit range checks,
// its Groth16 proof has no commitment, so its verification costs what the real one does, at
// every asset count (the verification does not depend on the circuit's size).
type epochStandIn struct {
	PublicHash frontend.Variable `gnark:",public"`
	// private: the prover's hash of its claim.
	Hash frontend.Variable
}

// Define asserts PublicHash == Hash.
func (c *epochStandIn) Define(api frontend.API) error {
	api.AssertIsEqual(c.PublicHash, c.Hash)
	return nil
}

// wrapStandIn has the on-chain shape of circuits/wrap, the batched epoch's circuit: the same
// one public input as epochStandIn and one BSB22 commitment (the wrap's emulated arithmetic
// commits to its range-check wires), so its Groth16 verification costs what the wrap's does.
type wrapStandIn struct {
	PublicHash frontend.Variable `gnark:",public"`
	Hash       frontend.Variable
}

// Define asserts PublicHash == Hash and commits to Hash.
func (c *wrapStandIn) Define(api frontend.API) error {
	api.AssertIsEqual(c.PublicHash, c.Hash)
	cm, err := api.(frontend.Committer).Commit(c.Hash)
	if err != nil {
		return err
	}
	api.AssertIsDifferent(cm, 0)
	return nil
}

// prover proves one circuit with one proof system and returns the proof's Solidity encoding,
// after checking it with the Go verifier in the mode that matches the exported contract.
type prover func(assignment frontend.Circuit) ([]byte, error)

// realSystem is one proof system's keys and compiled verifier for the stand-in.
type realSystem struct {
	kind     contracts.VerifierKind
	prove    prover
	bytecode []byte
}

type realFixture struct {
	groth16, plonk realSystem
	// wrapGroth16 proves epochStandIn assignments with wrapStandIn: the batched epoch's shape.
	wrapGroth16 realSystem
}

var (
	realOnce sync.Once
	realFix  *realFixture
	realErr  error
)

// requireSolcJS skips when solc-js is not installed, unless CI is set, where it fails.
func requireSolcJS(tb testing.TB) {
	tb.Helper()
	if _, err := os.Stat(filepath.Join("node_modules", "solc", "package.json")); err != nil {
		msg := "solc-js is not installed in contracts/node_modules; run `npm ci --prefix contracts`"
		if _, ci := os.LookupEnv("CI"); ci {
			tb.Fatalf("%s (CI is set, so this is a failure, not a skip)", msg)
		}
		tb.Skip(msg)
	}
}

// realVerifiers sets up the stand-in under Groth16 and PLONK, exports both Solidity verifiers
// and compiles them with tools/compile.js, once per test binary (a few seconds).
func realVerifiers(tb testing.TB) *realFixture {
	tb.Helper()
	requireSolcJS(tb)
	realOnce.Do(func() { realFix, realErr = buildRealFixture() })
	if realErr != nil {
		tb.Fatal(realErr)
	}
	return realFix
}

func buildRealFixture() (*realFixture, error) {
	fix := &realFixture{}
	sources := map[string][]byte{}
	for _, j := range []struct {
		name   string
		system backend.ID
		dst    *realSystem
		kind   contracts.VerifierKind
	}{{"StandInGroth16", backend.GROTH16, &fix.groth16, contracts.Groth16}, {"StandInPlonk", backend.PLONK, &fix.plonk, contracts.Plonk}} {
		var sol bytes.Buffer
		p, err := setupCircuit(&epochStandIn{}, j.system, &sol)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", j.name, err)
		}
		j.dst.prove, j.dst.kind = p, j.kind
		sources[j.name] = sol.Bytes()
	}
	var sol bytes.Buffer
	p, err := setupCircuit(&wrapStandIn{}, backend.GROTH16, &sol)
	if err != nil {
		return nil, fmt.Errorf("StandInWrapGroth16: %w", err)
	}
	fix.wrapGroth16.kind = contracts.Groth16
	fix.wrapGroth16.prove = func(a frontend.Circuit) ([]byte, error) {
		e, ok := a.(*epochStandIn)
		if !ok {
			return nil, fmt.Errorf("wrap stand-in: assignment %T", a)
		}
		return p(&wrapStandIn{PublicHash: e.PublicHash, Hash: e.Hash})
	}
	sources["StandInWrapGroth16"] = sol.Bytes()
	arts, err := contracts.CompileVerifiers(context.Background(), ".", sources)
	if err != nil {
		return nil, err
	}
	fix.groth16.bytecode = arts["StandInGroth16"].Bytecode
	fix.plonk.bytecode = arts["StandInPlonk"].Bytecode
	fix.wrapGroth16.bytecode = arts["StandInWrapGroth16"].Bytecode
	return fix, nil
}

// setupCircuit compiles a circuit, runs a (test-only, single-party) setup, writes the Solidity
// verifier to sol and returns a prover for it.
func setupCircuit(circuit frontend.Circuit, system backend.ID, sol *bytes.Buffer) (prover, error) {
	field := ecc.BN254.ScalarField()
	export := solidity.WithPragmaVersion("^0.8.20")
	proverOpt := solidity.WithProverTargetSolidityVerifier(system)
	verifierOpt := solidity.WithVerifierTargetSolidityVerifier(system)
	type marshaler interface{ MarshalSolidity() []byte }

	switch system {
	case backend.GROTH16:
		ccs, err := frontend.Compile(field, r1cs.NewBuilder, circuit)
		if err != nil {
			return nil, err
		}
		pk, vk, err := groth16.Setup(ccs)
		if err != nil {
			return nil, err
		}
		if err := vk.ExportSolidity(sol, export); err != nil {
			return nil, err
		}
		return func(a frontend.Circuit) ([]byte, error) {
			w, pub, err := witnesses(a)
			if err != nil {
				return nil, err
			}
			proof, err := groth16.Prove(ccs, pk, w, proverOpt)
			if err != nil {
				return nil, err
			}
			if err := groth16.Verify(proof, vk, pub, verifierOpt); err != nil {
				return nil, fmt.Errorf("go verifier: %w", err)
			}
			return proof.(marshaler).MarshalSolidity(), nil
		}, nil
	case backend.PLONK:
		ccs, err := frontend.Compile(field, scs.NewBuilder, circuit)
		if err != nil {
			return nil, err
		}
		srs, lagrange, err := unsafekzg.NewSRS(ccs)
		if err != nil {
			return nil, err
		}
		pk, vk, err := plonk.Setup(ccs, srs, lagrange)
		if err != nil {
			return nil, err
		}
		if err := vk.ExportSolidity(sol, export); err != nil {
			return nil, err
		}
		return func(a frontend.Circuit) ([]byte, error) {
			w, pub, err := witnesses(a)
			if err != nil {
				return nil, err
			}
			proof, err := plonk.Prove(ccs, pk, w, proverOpt)
			if err != nil {
				return nil, err
			}
			if err := plonk.Verify(proof, vk, pub, verifierOpt); err != nil {
				return nil, fmt.Errorf("go verifier: %w", err)
			}
			return proof.(marshaler).MarshalSolidity(), nil
		}, nil
	}
	return nil, fmt.Errorf("unsupported backend %v", system)
}

func witnesses(a frontend.Circuit) (witness.Witness, witness.Witness, error) {
	w, err := frontend.NewWitness(a, ecc.BN254.ScalarField())
	if err != nil {
		return nil, nil, err
	}
	pub, err := w.Public()
	if err != nil {
		return nil, nil, err
	}
	return w, pub, nil
}

// realEnv is a registry wired to one proof system's real stand-in verifier.
type realEnv struct {
	*mockEnv
	sys   realSystem
	roots []uint64 // roots[n] is the square root of S(n)
}

// realGenesisRoot makes S(0) = 1000².
const realGenesisRoot = 1000

func newRealEnv(tb testing.TB, r rules, sys realSystem) *realEnv {
	tb.Helper()
	return newRealEnvN(tb, r, sys, len(testAssets))
}

// newRealEnvN is a real env with n assets (assetsN).
func newRealEnvN(tb testing.TB, r rules, sys realSystem, n int) *realEnv {
	tb.Helper()
	e := newMockEnvN(tb, r, n, sys.kind, func(c *contracts.DeployConfig) {
		c.Verifier = contracts.VerifierSpec{Kind: sys.kind, Bytecode: sys.bytecode}
		c.GenesisState = sq(realGenesisRoot)
	})
	return &realEnv{mockEnv: e, sys: sys, roots: []uint64{realGenesisRoot}}
}

func sq(x uint64) *big.Int {
	return new(big.Int).Mul(new(big.Int).SetUint64(x), new(big.Int).SetUint64(x))
}

// standInClaim is what a prover claims for an epoch: the submission, and what the registry
// takes from elsewhere (the previous state's root, the policy, the prices).
type standInClaim struct {
	s        contracts.EpochSubmission
	prevRoot uint64
	root     uint64
	policy   *big.Int
	prices   []*big.Int
}

// nextClaim is the honest claim for the epoch after the last recorded one, with fresh rounds.
func (e *realEnv) nextClaim(tb testing.TB) standInClaim {
	tb.Helper()
	n := uint64(len(e.roots))
	prev := e.roots[n-1]
	c := standInClaim{s: e.next(tb, n), prevRoot: prev, root: prev + 7, policy: genesisPolicy, prices: pricesN(len(e.assets))}
	c.s.StateCommitment = sq(c.root)
	c.s.ActionsCommitment = new(big.Int).SetUint64(7)
	return c
}

// prove proves a claim and returns its submission.
func (e *realEnv) prove(tb testing.TB, c standInClaim) contracts.EpochSubmission {
	tb.Helper()
	h, err := contracts.EpochPublicHash(c.s, c.policy, sq(c.prevRoot), c.prices)
	if err != nil {
		tb.Fatal(err)
	}
	proof, err := e.sys.prove(&epochStandIn{PublicHash: h, Hash: h})
	if err != nil {
		tb.Fatalf("prove the stand-in: %v", err)
	}
	s := c.s
	s.Proof = proof
	return s
}

// submitNext proves and submits the next honest epoch and returns its receipt's gas.
func (e *realEnv) submitNext(tb testing.TB) uint64 {
	tb.Helper()
	c := e.nextClaim(tb)
	receipt, err := e.op.SubmitEpoch(ctxT(tb), e.prove(tb, c))
	if err != nil {
		tb.Fatalf("epoch %d: %v", c.s.Epoch, err)
	}
	e.roots = append(e.roots, c.root)
	return receipt.GasUsed
}

// TestRealVerifiers submits stand-in proofs to registries with the real gnark-exported Groth16
// and PLONK verifiers, so the registry's calldata for both ABIs and its public hash are checked
// by real verifiers, independently of the epoch circuit: an honest claim is recorded (the
// registry's SHA-256 of the statement equals the Go twin's), and a proof of any other value
// than the registry hashes is refused.
func TestRealVerifiers(t *testing.T) {
	fix := realVerifiers(t)
	for name, sys := range map[string]realSystem{"groth16": fix.groth16, "plonk": fix.plonk, "groth16-commitment": fix.wrapGroth16} {
		t.Run(name, func(t *testing.T) {
			e := newRealEnv(t, devRules, sys)
			ctx := ctxT(t)
			gas := e.submitNext(t)
			t.Logf("%s epoch 1: %d gas (dev rules)", sys.kind, gas)

			rejections := []struct {
				name string
				// build returns the submission: a proof of a claim, possibly tampered after.
				build func() contracts.EpochSubmission
			}{
				{"tampered proof byte", func() contracts.EpochSubmission {
					s := e.prove(t, e.nextClaim(t))
					s.Proof[len(s.Proof)/2] ^= 0x01
					return s
				}},
				{"liabilities root other than the proven one", func() contracts.EpochSubmission {
					s := e.prove(t, e.nextClaim(t))
					s.LiabilitiesRoot = new(big.Int).Add(s.LiabilitiesRoot, big.NewInt(1))
					return s
				}},
				{"proven at a price one unit off the round", func() contracts.EpochSubmission {
					c := e.nextClaim(t)
					c.prices = testPrices()
					c.prices[3] = new(big.Int).Add(c.prices[3], big.NewInt(1))
					return e.prove(t, c)
				}},
				{"epoch other than the proven one", func() contracts.EpochSubmission {
					c := e.nextClaim(t)
					c.s.Epoch++
					s := e.prove(t, c)
					s.Epoch--
					return s
				}},
				{"start other than the proven one", func() contracts.EpochSubmission {
					c := e.nextClaim(t)
					c.s.StartTime--
					s := e.prove(t, c)
					s.StartTime++
					return s
				}},
				{"end other than the proven one", func() contracts.EpochSubmission {
					c := e.nextClaim(t)
					c.s.EndTime--
					s := e.prove(t, c)
					s.EndTime++
					return s
				}},
				{"inflow other than the proven one", func() contracts.EpochSubmission {
					s := e.prove(t, e.nextClaim(t))
					s.Inflows = append([]uint64(nil), s.Inflows...)
					s.Inflows[0]++
					return s
				}},
				{"outflow other than the proven one", func() contracts.EpochSubmission {
					s := e.prove(t, e.nextClaim(t))
					s.Outflows = append([]uint64(nil), s.Outflows...)
					s.Outflows[3]--
					return s
				}},
				{"action count other than the proven one", func() contracts.EpochSubmission {
					s := e.prove(t, e.nextClaim(t))
					s.ActionCount++
					return s
				}},
				{"wrong previous state", func() contracts.EpochSubmission {
					c := e.nextClaim(t)
					c.prevRoot, c.root = 5000, 5007
					c.s.StateCommitment = sq(c.root)
					return e.prove(t, c)
				}},
				{"under a policy queued, not in force", func() contracts.EpochSubmission {
					c := e.nextClaim(t)
					c.policy = big.NewInt(3003)
					return e.prove(t, c)
				}},
			}
			if _, err := e.gov.QueuePolicy(ctx, big.NewInt(3003), 3); err != nil {
				t.Fatal(err)
			}
			for _, r := range rejections {
				t.Run(r.name, func(t *testing.T) {
					_, err := e.op.SubmitEpoch(ctxT(t), r.build())
					wantRevert(t, err, contracts.ErrProofRejected, nil)
				})
			}
			// Nothing was recorded by the rejections, and the honest epoch 2 still goes through.
			e.submitNext(t)
			st, err := e.op.Status(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if st.LastEpoch != 2 || st.CurrentState.Cmp(sq(e.roots[2])) != 0 {
				t.Fatalf("status %+v", st)
			}
		})
	}
}

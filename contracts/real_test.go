package contracts_test

import (
	"bytes"
	"fmt"
	"math/big"
	"os"
	"os/exec"
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
	"github.com/consensys/gnark/std/rangecheck"
	"github.com/consensys/gnark/test/unsafekzg"

	"github.com/zktreasury/zktreasury/contracts"
)

// Every public input of the stand-ins appears in a constraint: Groth16 does not bind a public
// input that no constraint uses (its verifying-key point is the identity), so a proof would
// verify with any value there. TestRealVerifiers caught exactly that before bindAll existed.

// bindAll puts each public input in a constraint (each is non-zero in these tests).
func bindAll(api frontend.API, vs ...frontend.Variable) {
	for _, v := range vs {
		api.AssertIsDifferent(v, 0)
	}
}

// solvencyStandIn has exactly the registry's solvency public inputs for three assets, in the
// registry's order, and proves knowledge of a 64-bit square root of the state commitment (the
// range check gives its Groth16 proof one BSB22 commitment, as the real circuit's has).
type solvencyStandIn struct {
	State           frontend.Variable    `gnark:",public"`
	LiabilitiesRoot frontend.Variable    `gnark:",public"`
	Policy          frontend.Variable    `gnark:",public"`
	Epoch           frontend.Variable    `gnark:",public"`
	Prices          [3]frontend.Variable `gnark:",public"`

	// private
	Root frontend.Variable
}

// Define asserts State == Root², Root < 2^64, and binds the other public inputs.
func (c *solvencyStandIn) Define(api frontend.API) error {
	rangecheck.New(api).Check(c.Root, 64)
	api.AssertIsEqual(api.Mul(c.Root, c.Root), c.State)
	bindAll(api, c.LiabilitiesRoot, c.Policy, c.Epoch, c.Prices[0], c.Prices[1], c.Prices[2])
	return nil
}

// complianceStandIn has exactly the registry's compliance public inputs for three assets, in
// the registry's order, and proves that the previous and new states are squares of roots whose
// difference is the actions commitment.
type complianceStandIn struct {
	Policy            frontend.Variable    `gnark:",public"`
	PrevState         frontend.Variable    `gnark:",public"`
	NewState          frontend.Variable    `gnark:",public"`
	ActionsCommitment frontend.Variable    `gnark:",public"`
	ActionCount       frontend.Variable    `gnark:",public"`
	Epoch             frontend.Variable    `gnark:",public"`
	Prices            [3]frontend.Variable `gnark:",public"`

	// private
	PrevRoot, NewRoot frontend.Variable
}

// Define asserts PrevState == PrevRoot², NewState == NewRoot²,
// ActionsCommitment == NewRoot - PrevRoot, and binds the other public inputs.
func (c *complianceStandIn) Define(api frontend.API) error {
	api.AssertIsEqual(api.Mul(c.PrevRoot, c.PrevRoot), c.PrevState)
	api.AssertIsEqual(api.Mul(c.NewRoot, c.NewRoot), c.NewState)
	api.AssertIsEqual(api.Sub(c.NewRoot, c.PrevRoot), c.ActionsCommitment)
	bindAll(api, c.Policy, c.ActionCount, c.Epoch, c.Prices[0], c.Prices[1], c.Prices[2])
	return nil
}

// prover proves one circuit with one proof system and returns the proof's Solidity encoding,
// after checking it with the Go verifier in the mode that matches the exported contract.
type prover func(assignment frontend.Circuit) ([]byte, error)

// realSystem is one proof system's keys and compiled verifiers for both stand-ins.
type realSystem struct {
	kind                                 contracts.VerifierKind
	proveSolvency, proveCompliance       prover
	solvencyBytecode, complianceBytecode []byte
}

type realFixture struct {
	groth16, plonk realSystem
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

// realVerifiers sets up both stand-ins under Groth16 and PLONK, exports the four Solidity
// verifiers and compiles them with tools/compile.js, once per test binary.
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
	dir, err := os.MkdirTemp("", "zkt-verifiers-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	srcDir, outDir := filepath.Join(dir, "verifiers"), filepath.Join(dir, "build")
	if err := os.Mkdir(srcDir, 0o755); err != nil {
		return nil, err
	}

	fix := &realFixture{}
	type job struct {
		name    string
		circuit frontend.Circuit
		system  backend.ID
		prover  *prover
	}
	jobs := []job{
		{"SolvencyGroth16", &solvencyStandIn{}, backend.GROTH16, &fix.groth16.proveSolvency},
		{"ComplianceGroth16", &complianceStandIn{}, backend.GROTH16, &fix.groth16.proveCompliance},
		{"SolvencyPlonk", &solvencyStandIn{}, backend.PLONK, &fix.plonk.proveSolvency},
		{"CompliancePlonk", &complianceStandIn{}, backend.PLONK, &fix.plonk.proveCompliance},
	}
	for _, j := range jobs {
		var sol bytes.Buffer
		p, err := setupCircuit(j.circuit, j.system, &sol)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", j.name, err)
		}
		*j.prover = p
		if err := os.WriteFile(filepath.Join(srcDir, j.name+".sol"), sol.Bytes(), 0o644); err != nil {
			return nil, err
		}
	}

	cmd := exec.Command("node", filepath.Join("tools", "compile.js"), "--out", outDir, "--verifiers", srcDir)
	if out, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("compile the exported verifiers: %w\n%s", err, out)
	}
	read := func(name string) ([]byte, error) {
		a, err := contracts.ReadArtifact(filepath.Join(outDir, name+".json"))
		if err != nil {
			return nil, err
		}
		return a.Bytecode, nil
	}
	for _, t := range []struct {
		name string
		dst  *[]byte
	}{
		{"SolvencyGroth16", &fix.groth16.solvencyBytecode}, {"ComplianceGroth16", &fix.groth16.complianceBytecode},
		{"SolvencyPlonk", &fix.plonk.solvencyBytecode}, {"CompliancePlonk", &fix.plonk.complianceBytecode},
	} {
		if *t.dst, err = read(t.name); err != nil {
			return nil, err
		}
	}
	fix.groth16.kind, fix.plonk.kind = contracts.Groth16, contracts.Plonk
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

// realEnv is a registry wired to one proof system's real verifiers.
type realEnv struct {
	*chain
	sys   realSystem
	dep   contracts.Deployment
	op    *contracts.Registry
	gov   *contracts.Registry
	roots []uint64 // roots[n] is the square root of S(n)
}

// realGenesisRoot makes S(0) = 1000².
const realGenesisRoot = 1000

func newRealEnv(tb testing.TB, r rules, sys realSystem) *realEnv {
	tb.Helper()
	c := newChainRules(tb, r)
	feeds := c.deployFeeds(tb)
	cfg := baseConfig(c, feeds,
		contracts.VerifierSpec{Kind: sys.kind, Bytecode: sys.solvencyBytecode},
		contracts.VerifierSpec{Kind: sys.kind, Bytecode: sys.complianceBytecode})
	cfg.GenesisState = big.NewInt(realGenesisRoot * realGenesisRoot)
	dep, err := contracts.Deploy(ctxT(tb), c.client, c.operator, cfg)
	if err != nil {
		tb.Fatal(err)
	}
	op, err := contracts.NewRegistry(dep.Registry, c.client, c.operator)
	if err != nil {
		tb.Fatal(err)
	}
	gov, err := contracts.NewRegistry(dep.Registry, c.client, c.governance)
	if err != nil {
		tb.Fatal(err)
	}
	return &realEnv{chain: c, sys: sys, dep: dep, op: op, gov: gov, roots: []uint64{realGenesisRoot}}
}

// epochClaim is what a prover claims for an epoch, before the proofs.
type epochClaim struct {
	epoch            uint64
	prevRoot, root   uint64
	liabilities      *big.Int
	policy           *big.Int
	actionCount      uint64
	prices           []*big.Int
	compliancePolicy *big.Int // when set, the compliance proof uses it instead of policy
}

// nextClaim is the honest claim for the epoch after the last recorded one.
func (e *realEnv) nextClaim() epochClaim {
	n := uint64(len(e.roots))
	prev := e.roots[n-1]
	return epochClaim{
		epoch: n, prevRoot: prev, root: prev + 7,
		liabilities: big.NewInt(int64(424242 + n)), policy: genesisPolicy, actionCount: 2, prices: expectedPrices(),
	}
}

func sq(x uint64) *big.Int {
	return new(big.Int).Mul(new(big.Int).SetUint64(x), new(big.Int).SetUint64(x))
}

// prove builds both proofs for a claim and returns the submission of exactly that claim.
func (e *realEnv) prove(tb testing.TB, c epochClaim) contracts.EpochSubmission {
	tb.Helper()
	var prices [3]frontend.Variable
	for i, p := range c.prices {
		prices[i] = p
	}
	compliancePolicy := c.policy
	if c.compliancePolicy != nil {
		compliancePolicy = c.compliancePolicy
	}
	solv, err := e.sys.proveSolvency(&solvencyStandIn{
		State: sq(c.root), LiabilitiesRoot: c.liabilities, Policy: c.policy, Epoch: c.epoch, Prices: prices, Root: c.root,
	})
	if err != nil {
		tb.Fatalf("prove solvency: %v", err)
	}
	comp, err := e.sys.proveCompliance(&complianceStandIn{
		Policy: compliancePolicy, PrevState: sq(c.prevRoot), NewState: sq(c.root), ActionsCommitment: c.root - c.prevRoot,
		ActionCount: c.actionCount, Epoch: c.epoch, Prices: prices, PrevRoot: c.prevRoot, NewRoot: c.root,
	})
	if err != nil {
		tb.Fatalf("prove compliance: %v", err)
	}
	return contracts.EpochSubmission{
		Epoch: c.epoch, StateCommitment: sq(c.root), LiabilitiesRoot: c.liabilities,
		ActionsCommitment: new(big.Int).SetUint64(c.root - c.prevRoot), ActionCount: c.actionCount,
		Prices: c.prices, SolvencyProof: solv, ComplianceProof: comp,
	}
}

// submitNext proves and submits the next honest epoch and returns its receipt's gas.
func (e *realEnv) submitNext(tb testing.TB) uint64 {
	tb.Helper()
	c := e.nextClaim()
	receipt, err := e.op.SubmitEpoch(ctxT(tb), e.prove(tb, c))
	if err != nil {
		tb.Fatalf("epoch %d: %v", c.epoch, err)
	}
	e.roots = append(e.roots, c.root)
	return receipt.GasUsed
}

func TestRealVerifiers(t *testing.T) {
	fix := realVerifiers(t)
	for _, sys := range []realSystem{fix.groth16, fix.plonk} {
		t.Run(sys.kind.String(), func(t *testing.T) {
			e := newRealEnv(t, devRules, sys)
			ctx := ctxT(t)

			// An honest epoch 1 is recorded.
			gas := e.submitNext(t)
			rec, err := e.op.EpochRecord(ctx, 1)
			if err != nil {
				t.Fatal(err)
			}
			if rec.StateCommitment.Cmp(sq(e.roots[1])) != 0 || rec.LiabilitiesRoot.Cmp(big.NewInt(424243)) != 0 {
				t.Fatalf("record %+v", rec)
			}
			t.Logf("%s epoch 1: %d gas (dev rules)", sys.kind, gas)

			rejections := []struct {
				name  string
				which int64
				// build returns the submission: proofs of a claim, possibly tampered after.
				build func() contracts.EpochSubmission
			}{
				{"tampered solvency proof byte", 0, func() contracts.EpochSubmission {
					s := e.prove(t, e.nextClaim())
					s.SolvencyProof[len(s.SolvencyProof)/2] ^= 0x01
					return s
				}},
				{"tampered compliance proof byte", 1, func() contracts.EpochSubmission {
					s := e.prove(t, e.nextClaim())
					s.ComplianceProof[40] ^= 0x80
					return s
				}},
				{"liabilities root other than the proven one", 0, func() contracts.EpochSubmission {
					s := e.prove(t, e.nextClaim())
					s.LiabilitiesRoot = new(big.Int).Add(s.LiabilitiesRoot, big.NewInt(1))
					return s
				}},
				{"price other than the proven one (within tolerance)", 0, func() contracts.EpochSubmission {
					s := e.prove(t, e.nextClaim())
					s.Prices = append([]*big.Int(nil), s.Prices...)
					s.Prices[2] = new(big.Int).Add(s.Prices[2], big.NewInt(1))
					return s
				}},
				{"epoch other than the proven one", 0, func() contracts.EpochSubmission {
					// A valid proof pair for epoch n+1 submitted as epoch n: the registry
					// builds the inputs with n, so the proofs fail against them.
					c := e.nextClaim()
					c.epoch++
					s := e.prove(t, c)
					s.Epoch--
					return s
				}},
				{"action count other than the proven one", 1, func() contracts.EpochSubmission {
					s := e.prove(t, e.nextClaim())
					s.ActionCount++
					return s
				}},
				{"wrong previous state", 1, func() contracts.EpochSubmission {
					// Honest proofs of a transition from a state the registry never recorded.
					c := e.nextClaim()
					c.prevRoot, c.root = 5000, 5007
					return e.prove(t, c)
				}},
				{"solvency under a policy not in force", 0, func() contracts.EpochSubmission {
					c := e.nextClaim()
					c.policy = big.NewInt(3003)
					c.compliancePolicy = genesisPolicy
					return e.prove(t, c)
				}},
				{"compliance under a policy not in force", 1, func() contracts.EpochSubmission {
					c := e.nextClaim()
					c.compliancePolicy = big.NewInt(3003)
					return e.prove(t, c)
				}},
			}
			// The queued policy 3003 is not in force during these submissions.
			if _, err := e.gov.QueuePolicy(ctx, big.NewInt(3003)); err != nil {
				t.Fatal(err)
			}
			for _, r := range rejections {
				t.Run(r.name, func(t *testing.T) {
					_, err := e.op.SubmitEpoch(ctxT(t), r.build())
					wantRevert(t, err, contracts.ErrProofRejected, map[string]*big.Int{"which": big.NewInt(r.which)})
				})
			}

			// Nothing was recorded by the rejections, and the honest epoch 2, whose compliance
			// proof starts from S(1), still goes through.
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

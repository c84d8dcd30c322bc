package contracts_test

import (
	"bytes"
	"context"
	"math/big"
	"os"
	"testing"
	"time"

	"github.com/zktreasury/zktreasury/contracts"
	"github.com/zktreasury/zktreasury/prover/statement"
	"github.com/zktreasury/zktreasury/prover/wrap"
	"github.com/zktreasury/zktreasury/prover/wrap/wraptest"
	"github.com/zktreasury/zktreasury/prover/zk"
)

// TestBatchedEpochOnChain is a batched epoch end to end on the simulated chain: testdata/epoch's
// ledger in 2 batches of 8 users (BLS12-377), their joined proof (BW6-761), the wrap (BN254,
// ~9.5M R1CS) with a single-party setup, its exported Solidity verifier behind the registry,
// and the epoch's submission: recorded with the digest of the joined root as its liabilities
// root, and refused with another root. The wrap's setup takes tens of minutes and ~20 GB, so
// this runs only with ZKT_WRAP_REAL=1 (`ZKT_WRAP_REAL=1 go test ./contracts -run
// TestBatchedEpochOnChain -v -timeout 120m`); `go test ./prover/wrap` checks the same wrap on
// gnark's test engine in every run.
func TestBatchedEpochOnChain(t *testing.T) {
	if os.Getenv("ZKT_WRAP_REAL") != "1" {
		t.Skip("set ZKT_WRAP_REAL=1: a real setup of the ~9.5M-R1CS wrap circuit (tens of minutes, ~20 GB)")
	}
	requireSolcJS(t)
	cs, err := loadEpochCase(nil)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	joined, err := wraptest.Build(cs.in, 8, 2)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("batches and joined proof: %s", time.Since(start).Round(time.Second))
	s, err := wrap.Build(cs.in, joined.Statement, joined.Users())
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Check(); err != nil {
		t.Fatal(err)
	}
	start = time.Now()
	ccs, err := wrap.Compile(s.Params, joined.Params, joined.CCS, joined.VK)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("wrap %s: %d R1CS, compiled in %s", s.Params, ccs.GetNbConstraints(), time.Since(start).Round(time.Second))
	start = time.Now()
	keys, err := zk.Groth16{}.SetupInsecure(ccs)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("wrap setup (insecure): %s, peak RSS so far %.1f GiB", time.Since(start).Round(time.Second), peakRSSGiB())
	a, err := s.Assignment(joined.Proof)
	if err != nil {
		t.Fatal(err)
	}
	start = time.Now()
	proof, err := wrap.Prove(ccs, keys, a)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("wrap prove and verify: %s, peak RSS %.1f GiB", time.Since(start).Round(time.Second), peakRSSGiB())
	calldata, err := zk.SolidityCalldata(proof)
	if err != nil {
		t.Fatal(err)
	}
	var sol bytes.Buffer
	if err := (zk.Groth16{}).ExportSolidity(keys.VK, &sol); err != nil {
		t.Fatal(err)
	}
	arts, err := contracts.CompileVerifiers(context.Background(), ".", map[string][]byte{"WrapGroth16": sol.Bytes()})
	if err != nil {
		t.Fatal(err)
	}
	sys := &epochSystem{kind: contracts.Groth16, backend: zk.Groth16{}, ccs: ccs, keys: keys, bytecode: arts["WrapGroth16"].Bytecode}
	fix := &epochFixture{cs: cs, proofs: map[string][]byte{}}
	for _, r := range []rules{osakaRules, devRules} {
		e := newEpochEnv(t, r, fix, sys)
		named, err := s.Public(cs.symbols)
		if err != nil {
			t.Fatal(err)
		}
		var in []contracts.PublicInput
		for _, x := range named {
			v, err := statement.ParseElement(x.Value)
			if err != nil {
				t.Fatal(err)
			}
			in = append(in, contracts.PublicInput{Name: x.Name, Value: bigOf(v)})
		}
		cl, err := contracts.ClaimFromInputs(in, cs.symbols, e.rounds, calldata)
		if err != nil {
			t.Fatal(err)
		}
		cl.Proof = calldata
		other := cl.EpochSubmission
		other.LiabilitiesRoot = new(big.Int).Add(other.LiabilitiesRoot, big.NewInt(1))
		_, err = e.op.SubmitEpoch(ctxT(t), other)
		wantRevert(t, err, contracts.ErrProofRejected, nil)
		receipt, err := e.op.SubmitEpoch(ctxT(t), cl.EpochSubmission)
		if err != nil {
			t.Fatalf("%s: the batched epoch is refused: %v", r, err)
		}
		rec, err := e.op.EpochRecord(ctxT(t), 1)
		if err != nil {
			t.Fatal(err)
		}
		if rec.LiabilitiesRoot.Cmp(s.LiabilitiesRoot) != 0 {
			t.Fatalf("recorded root %x, want the joined root's digest", rec.LiabilitiesRoot)
		}
		t.Logf("%s: batched epoch recorded, %d gas", r, receipt.GasUsed)
	}
}

// peakRSSGiB is the process's peak resident set size (VmHWM), 0 if unknown.
func peakRSSGiB() float64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range bytes.Split(data, []byte("\n")) {
		if rest, ok := bytes.CutPrefix(line, []byte("VmHWM:")); ok {
			var kb float64
			for _, c := range bytes.TrimSpace(bytes.TrimSuffix(bytes.TrimSpace(rest), []byte("kB"))) {
				kb = kb*10 + float64(c-'0')
			}
			return kb / (1 << 20)
		}
	}
	return 0
}

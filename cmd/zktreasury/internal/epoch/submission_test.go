package epoch

import (
	"context"
	"encoding/json"
	"fmt"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/chain"
	"github.com/zktreasury/zktreasury/contracts"
	"github.com/zktreasury/zktreasury/prover/prooffile"
	"github.com/zktreasury/zktreasury/prover/statement"
	"github.com/zktreasury/zktreasury/prover/statement/epochhash"
)

func hexOf(v int) string { return fmt.Sprintf("0x%064x", v) }

var symbols = []string{"USDC", "WETH", "WBTC"}

func deployment() *chain.Deployment {
	d := &chain.Deployment{Format: chain.DeploymentFormat, Backend: "groth16",
		Verifier: chain.Verifier{Circuit: "epoch", CircuitDigest: "ce", VerifyingKeyDigest: "ve"}}
	for _, s := range symbols {
		d.Feeds = append(d.Feeds, chain.Feed{Symbol: s})
	}
	return d
}

// epochFile: policy 11, prev 12, new 13, root 14, actions 15, count 2, epoch 1, start 1000,
// end 2000, prices 100..102, inflows 7..9, outflows 3..5, and publicHash their hash.
func epochFile() *prooffile.File {
	values := []int{11, 12, 13, 14, 15, 2, 1, 1000, 2000, 100, 101, 102, 7, 8, 9, 3, 4, 5}
	var in []statement.NamedInput
	layout := contracts.EpochInputLayout(symbols)
	for i, n := range layout[:len(values)] {
		in = append(in, statement.NamedInput{Name: n, Value: hexOf(values[i])})
	}
	b := func(i int) *big.Int { return big.NewInt(int64(values[i])) }
	u := func(i int) uint64 { return uint64(values[i]) }
	h, err := (&epochhash.Values{PolicyCommitment: b(0), PrevStateCommitment: b(1), NewStateCommitment: b(2), LiabilitiesRoot: b(3),
		ActionsCommitment: b(4), ActionCount: u(5), Epoch: u(6), StartTime: u(7), EndTime: u(8),
		Prices: []uint64{u(9), u(10), u(11)}, Inflows: []uint64{u(12), u(13), u(14)}, Outflows: []uint64{u(15), u(16), u(17)}}).Hash()
	if err != nil {
		panic(err)
	}
	in = append(in, statement.NamedInput{Name: layout[len(values)], Value: fmt.Sprintf("0x%064x", h)})
	return &prooffile.File{Circuit: "epoch", Backend: "groth16", CircuitDigest: "ce", VerifyingKeyDigest: "ve",
		PublicInputs: in, Solidity: prooffile.Solidity{Proof: "0xabcdef"}}
}

func rounds() Rounds {
	return Rounds{"USDC": big.NewInt(21), "WETH": big.NewInt(22), "WBTC": contracts.RoundID(1, 1)}
}

func TestBuildSubmission(t *testing.T) {
	c, err := BuildSubmission(deployment(), epochFile(), rounds())
	if err != nil {
		t.Fatal(err)
	}
	if c.Epoch != 1 || c.ActionCount != 2 || c.StartTime != 1000 || c.EndTime != 2000 || c.StateCommitment.Int64() != 13 ||
		c.LiabilitiesRoot.Int64() != 14 || c.ActionsCommitment.Int64() != 15 || c.Prices[2].Int64() != 102 || c.PrevState.Int64() != 12 ||
		c.Policy.Int64() != 11 || fmt.Sprintf("%x", c.Proof) != "abcdef" || c.RoundIDs[1].Int64() != 22 ||
		c.RoundIDs[2].String() != "18446744073709551617" || fmt.Sprint(c.Inflows, c.Outflows) != "[7 8 9] [3 4 5]" {
		t.Fatalf("claim %+v", c)
	}
}

func TestBuildSubmissionRefuses(t *testing.T) {
	for _, tc := range []struct {
		name   string
		file   func() *prooffile.File
		rounds func() Rounds
		want   string
	}{
		{"a solvency proof", func() *prooffile.File {
			f := epochFile()
			f.Circuit = "solvency"
			return f
		}, rounds, "takes one proof of the whole epoch"},
		{"other backend", func() *prooffile.File {
			f := epochFile()
			f.Backend = "plonk"
			return f
		}, rounds, "is plonk, the deployed verifier is groth16"},
		{"other key", func() *prooffile.File {
			f := epochFile()
			f.VerifyingKeyDigest = "other"
			return f
		}, rounds, "pins key"},
		{"inputs in another order", func() *prooffile.File {
			f := epochFile()
			f.PublicInputs[7], f.PublicInputs[8] = f.PublicInputs[8], f.PublicInputs[7]
			return f
		}, rounds, "public input 7 is endTime, the registry builds startTime there"},
		{"an outflow missing", func() *prooffile.File {
			f := epochFile()
			f.PublicInputs = append(f.PublicInputs[:17:17], f.PublicInputs[18])
			return f
		}, rounds, "has 18 public inputs, the registry builds 19"},
		{"publicHash not the hash of the values", func() *prooffile.File {
			f := epochFile()
			f.PublicInputs[12].Value = hexOf(70) // an inflow changed after proving
			return f
		}, rounds, "is not the hash of its named values"},
		{"an input outside the field", func() *prooffile.File {
			f := epochFile()
			f.PublicInputs[2].Value = "0x" + strings.Repeat("f", 64)
			return f
		}, rounds, "not below the BN254 scalar field"},
		{"a flow beyond 64 bits", func() *prooffile.File {
			f := epochFile()
			f.PublicInputs[12].Value = "0x" + strings.Repeat("0", 46) + "010000000000000000"
			return f
		}, rounds, "inflow.USDC"},
		{"no calldata", func() *prooffile.File {
			f := epochFile()
			f.Solidity.Proof = ""
			return f
		}, rounds, "no solidity.proof"},
		{"a round missing", epochFile, func() Rounds {
			r := rounds()
			delete(r, "WETH")
			return r
		}, "no round for [WETH]"},
		{"a round for another asset", epochFile, func() Rounds {
			r := rounds()
			r["DOGE"] = big.NewInt(1)
			return r
		}, "rounds for [DOGE]"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := BuildSubmission(deployment(), tc.file(), tc.rounds())
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want an error containing %q", err, tc.want)
			}
		})
	}
}

func TestRounds(t *testing.T) {
	r, err := ParseRounds(json.RawMessage(`{"USDC": "18446744073709551617", "WETH": 36893488147419103233, "WBTC": "0x10000000000000001"}`), "r.json")
	if err != nil {
		t.Fatal(err)
	}
	if r["USDC"].String() != "18446744073709551617" || r["WETH"].Cmp(contracts.RoundID(2, 1)) != 0 || r["WBTC"].Cmp(contracts.RoundID(1, 1)) != 0 {
		t.Fatalf("rounds %v", r)
	}
	for _, bad := range []string{`{"USDC": "0"}`, `{"USDC": "-1"}`, `{"USDC": "1208925819614629174706176"}`, `{"USDC": true}`, `["1"]`, `{"USDC": "x"}`} {
		if _, err := ParseRounds(json.RawMessage(bad), "r.json"); err == nil || !strings.Contains(err.Error(), "r.json") {
			t.Errorf("%s: got %v, want an error naming the file", bad, err)
		}
	}

}

// TestSubmitRounds: the rounds come from the parsed proof file (prooffile.File.Rounds) or from
// --rounds, never both and never neither; a bad id in the file names the file and the asset.
func TestSubmitRounds(t *testing.T) {
	with := epochFile()
	with.Rounds = map[string]string{"USDC": "5", "WETH": "6", "WBTC": "0x10000000000000001"}
	r, ok, err := FileRounds(with, "with.json")
	if err != nil || !ok || r["WETH"].Int64() != 6 || r["WBTC"].Cmp(contracts.RoundID(1, 1)) != 0 {
		t.Fatalf("rounds from the proof file: %v, %v, %v", r, ok, err)
	}
	if _, ok, err := FileRounds(epochFile(), "without.json"); ok || err != nil {
		t.Fatalf("a file without rounds: %v, %v", ok, err)
	}
	bad := epochFile()
	bad.Rounds = map[string]string{"USDC": "5", "WETH": "0", "WBTC": "7"}
	if _, _, err := FileRounds(bad, "bad.json"); err == nil || !strings.Contains(err.Error(), "bad.json: rounds.WETH") {
		t.Fatalf("a zero round: %v", err)
	}
	auth := &bind.TransactOpts{}
	ctx := context.Background()
	// Both are refused before anything touches a chain (the backend is nil).
	if _, err := Submit(ctx, nil, deployment(), with, SubmitParams{Auth: auth, Rounds: rounds(), ProofPath: "with.json"}); err == nil || !strings.Contains(err.Error(), "drop --rounds") {
		t.Fatalf("rounds in both places: %v", err)
	}
	if _, err := Submit(ctx, nil, deployment(), epochFile(), SubmitParams{Auth: auth, ProofPath: "without.json"}); err == nil || !strings.Contains(err.Error(), "pass --rounds") {
		t.Fatalf("no rounds: %v", err)
	}
}

// TestRecordDiff: the record of an honest submission matches its claim; each field of the
// record changed alone is named, so "already recorded" is said only of this proof's record.
func TestRecordDiff(t *testing.T) {
	c, err := BuildSubmission(deployment(), epochFile(), rounds())
	if err != nil {
		t.Fatal(err)
	}
	honest := func() contracts.EpochRecord {
		var rs []*big.Int
		for _, id := range c.RoundIDs {
			rs = append(rs, new(big.Int).Set(id))
		}
		var ps []*big.Int
		for _, p := range c.Prices {
			ps = append(ps, new(big.Int).Set(p))
		}
		return contracts.EpochRecord{Epoch: c.Epoch, Start: time.Unix(int64(c.StartTime), 0), End: time.Unix(int64(c.EndTime), 0),
			StateCommitment: big.NewInt(13), LiabilitiesRoot: big.NewInt(14), ActionsCommitment: big.NewInt(15), ActionCount: 2,
			PolicyCommitment: big.NewInt(11), RoundIDs: rs, Prices: ps,
			Inflows: append([]uint64(nil), c.Inflows...), Outflows: append([]uint64(nil), c.Outflows...)}
	}
	prev := big.NewInt(12)
	if d := RecordDiff(honest(), prev, c); len(d) != 0 {
		t.Fatalf("the honest record differs: %v", d)
	}
	for _, tc := range []struct {
		field string
		edit  func(*contracts.EpochRecord, **big.Int)
	}{
		{"epoch", func(r *contracts.EpochRecord, _ **big.Int) { r.Epoch++ }},
		{"startTime", func(r *contracts.EpochRecord, _ **big.Int) { r.Start = r.Start.Add(time.Second) }},
		{"endTime", func(r *contracts.EpochRecord, _ **big.Int) { r.End = r.End.Add(-time.Second) }},
		{"newStateCommitment", func(r *contracts.EpochRecord, _ **big.Int) { r.StateCommitment = big.NewInt(99) }},
		{"prevStateCommitment", func(_ *contracts.EpochRecord, p **big.Int) { *p = big.NewInt(99) }},
		{"liabilitiesRoot", func(r *contracts.EpochRecord, _ **big.Int) { r.LiabilitiesRoot = big.NewInt(99) }},
		{"actionsCommitment", func(r *contracts.EpochRecord, _ **big.Int) { r.ActionsCommitment = big.NewInt(99) }},
		{"actionCount", func(r *contracts.EpochRecord, _ **big.Int) { r.ActionCount = 3 }},
		{"policyCommitment", func(r *contracts.EpochRecord, _ **big.Int) { r.PolicyCommitment = big.NewInt(99) }},
		{"roundId[1]", func(r *contracts.EpochRecord, _ **big.Int) { r.RoundIDs[1] = big.NewInt(23) }},
		{"price[2]", func(r *contracts.EpochRecord, _ **big.Int) { r.Prices[2] = big.NewInt(103) }},
		{"inflow[0]", func(r *contracts.EpochRecord, _ **big.Int) { r.Inflows[0]++ }},
		{"outflow[2]", func(r *contracts.EpochRecord, _ **big.Int) { r.Outflows[2]++ }},
		{"assets", func(r *contracts.EpochRecord, _ **big.Int) { r.Outflows = r.Outflows[:2] }},
	} {
		rec, p := honest(), new(big.Int).Set(prev)
		tc.edit(&rec, &p)
		if d := RecordDiff(rec, p, c); len(d) != 1 || !strings.HasPrefix(d[0], tc.field+":") {
			t.Errorf("%s changed: diff %v", tc.field, d)
		}
	}
}

// TestBuildSubmissionBatched: a registry deployed with a batched run's wrap verifier takes wrap
// proofs (the same public layout as an epoch proof) and refuses epoch proofs, and an epoch
// registry refuses wrap proofs, before anything is sent.
func TestBuildSubmissionBatched(t *testing.T) {
	wrapDep := deployment()
	wrapDep.Verifier.Circuit = "wrap"
	wrapFile := epochFile()
	wrapFile.Circuit = "wrap"
	if _, err := BuildSubmission(wrapDep, wrapFile, rounds()); err != nil {
		t.Fatalf("a wrap proof for a wrap registry: %v", err)
	}
	if _, err := BuildSubmission(wrapDep, epochFile(), rounds()); err == nil || !strings.Contains(err.Error(), "a epoch proof") {
		t.Fatalf("an epoch proof for a wrap registry: %v", err)
	}
	if _, err := BuildSubmission(deployment(), wrapFile, rounds()); err == nil || !strings.Contains(err.Error(), "a wrap proof") {
		t.Fatalf("a wrap proof for an epoch registry: %v", err)
	}
}

package contracts_test

import (
	"bytes"
	"context"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/zktreasury/zktreasury/contracts"
	"github.com/zktreasury/zktreasury/contracts/bindings/epochregistry"
	"github.com/zktreasury/zktreasury/prover/statement/epochhash"
)

// extremeField picks a field value among 0, 1, r - 1, 2^248 and a random one below r.
func extremeField(r *rand.Rand) *big.Int {
	switch r.IntN(5) {
	case 0:
		return big.NewInt(0)
	case 1:
		return big.NewInt(1)
	case 2:
		return new(big.Int).Sub(contracts.ScalarField, big.NewInt(1))
	case 3:
		return new(big.Int).Lsh(big.NewInt(1), 248)
	default:
		b := make([]byte, 32)
		for i := range b {
			b[i] = byte(r.Uint32())
		}
		return new(big.Int).Mod(new(big.Int).SetBytes(b), contracts.ScalarField)
	}
}

// extremeU64 picks a uint64 among 0, 1, 2^63, 2^64 - 1 and a random one.
func extremeU64(r *rand.Rand) uint64 {
	switch r.IntN(5) {
	case 0:
		return 0
	case 1:
		return 1
	case 2:
		return 1 << 63
	case 3:
		return ^uint64(0)
	default:
		return r.Uint64()
	}
}

// TestRegistryHashMatchesEpochhash fuzzes the registry's public hash (abi.encodePacked and the
// SHA-256 precompile) against epochhash through the mock verifier, which rejects any call
// whose one public input is not the Go hash: commitments and root at 0, 1, r - 1, 2^248 or
// random, the count, flows and prices (through the feeds' answers) at 0 or 1, 2^63, 2^64 - 1
// or random. Each recorded epoch's EpochRecorded record must parse into exactly the hashed
// values (they hash to the proven input again), and a one-unit change in any submitted value
// must be refused, so the mock's check is not vacuous. The epoch and times are the registry's
// own (lastEpoch + 1, the previous end, not after the block). Both verifier ABIs.
func TestRegistryHashMatchesEpochhash(t *testing.T) {
	for _, kind := range []contracts.VerifierKind{contracts.Groth16, contracts.Plonk} {
		t.Run(kind.String(), func(t *testing.T) { registryHashMatches(t, kind) })
	}
}

func registryHashMatches(t *testing.T, kind contracts.VerifierKind) {
	e := newMockEnv(t, kind)
	ctx := ctxT(t)
	rng := rand.New(rand.NewPCG(12, 253))
	epochs := uint64(16)
	if testing.Short() {
		epochs = 4
	}
	prev := genesisState
	for n := uint64(1); n <= epochs; n++ {
		// Prices: asset i's circuit price is answer / 10^k (k = 2, or 4 for WBTC); a target price
		// in [1, 2^64) becomes the answer price * 10^k.
		var prices []*big.Int
		var ids []*big.Int
		for i, a := range e.assets {
			p := extremeU64(rng)
			if p == 0 {
				p = 1 // a price is at least 1 (PriceOutOfRange otherwise)
			}
			div := big.NewInt(100)
			if a.circuitDecimals == 8 {
				div = big.NewInt(10_000)
			}
			answer := new(big.Int).Mul(new(big.Int).SetUint64(p), div)
			if got := testPrice(i, answer); got.Uint64() != p || !got.IsUint64() {
				t.Fatalf("asset %d: answer %v converts to %v, want %d", i, answer, got, p)
			}
			id, err := contracts.AddMockRounds(ctx, e.client, e.operator, e.feeds[i],
				contracts.MockRound{Answer: answer, UpdatedAt: e.end(n) - 60})
			if err != nil {
				t.Fatal(err)
			}
			prices, ids = append(prices, new(big.Int).SetUint64(p)), append(ids, id[0])
		}
		s := e.submissionFor(n, ids)
		s.StateCommitment, s.LiabilitiesRoot, s.ActionsCommitment = extremeField(rng), extremeField(rng), extremeField(rng)
		s.ActionCount = extremeU64(rng)
		for i := range s.Inflows {
			s.Inflows[i], s.Outflows[i] = extremeU64(rng), extremeU64(rng)
		}
		want := epochInputs(s, genesisPolicy, prev, prices)
		e.expectInputs(t, want)

		// Control: the mock refuses the submission when any one hashed value differs from the
		// expected hash's (here the last outflow, one unit off mod 2^64).
		bad := s
		bad.Outflows = append([]uint64(nil), s.Outflows...)
		bad.Outflows[len(bad.Outflows)-1]++
		if _, err := e.op.SubmitEpoch(ctx, bad); err == nil {
			t.Fatalf("epoch %d: a submission whose hash is not the expected one was recorded", n)
		}
		if _, err := e.op.SubmitEpoch(ctx, s); err != nil {
			t.Fatalf("epoch %d: the registry's hash differs from epochhash's for %+v (prices %v): %v", n, s, prices, err)
		}

		rec, err := e.stranger.EpochRecord(ctx, n)
		if err != nil {
			t.Fatal(err)
		}
		v := &epochhash.Values{PolicyCommitment: rec.PolicyCommitment, PrevStateCommitment: rec.PrevStateCommitment,
			NewStateCommitment: rec.StateCommitment, LiabilitiesRoot: rec.LiabilitiesRoot, ActionsCommitment: rec.ActionsCommitment,
			ActionCount: rec.ActionCount, Epoch: rec.Epoch, StartTime: uint64(rec.Start.Unix()), EndTime: uint64(rec.End.Unix()),
			Inflows: rec.Inflows, Outflows: rec.Outflows}
		for _, p := range rec.Prices {
			v.Prices = append(v.Prices, p.Uint64())
		}
		h, err := v.Hash()
		if err != nil {
			t.Fatalf("epoch %d record: %v", n, err)
		}
		if h.Cmp(want[0]) != 0 {
			t.Fatalf("epoch %d: the emitted record hashes to %#x, the proof was checked against %#x", n, h, want[0])
		}
		for i, id := range rec.RoundIDs {
			if id.Cmp(ids[i]) != 0 {
				t.Fatalf("epoch %d: record round %d is %v, submitted %v", n, i, id, ids[i])
			}
		}
		root, err := e.stranger.LiabilitiesRoot(ctx, n)
		if err != nil {
			t.Fatal(err)
		}
		st, err := e.stranger.Status(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if root.Cmp(s.LiabilitiesRoot) != 0 || st.CurrentState.Cmp(s.StateCommitment) != 0 || st.RecordHash != rec.RecordHash {
			t.Fatalf("epoch %d: stored root %#x, state %#x, head %s; submitted %#x, %#x, record %s", n, root, st.CurrentState, st.RecordHash,
				s.LiabilitiesRoot, s.StateCommitment, rec.RecordHash)
		}
		prev = s.StateCommitment
	}
	if _, err := e.stranger.Records(ctx); err != nil {
		t.Fatalf("the record chain: %v", err)
	}
}

// TestSubmitEpochDirtyCalldataRefused (red team, issue 12): the registry hashes uint64 and
// uint80 submission values with shifts (shl(192, x), shl(176, id)) that would silently drop
// high bits; calldata whose word for the action count, the epoch, an inflow, an outflow or a
// round id has bits above its type's width set must revert (Solidity's calldata validation),
// not be hashed and recorded as its low bits. The clean calldata of the same submission is
// recorded, so each refusal is the dirty word's.
func TestSubmitEpochDirtyCalldataRefused(t *testing.T) {
	e := newMockEnv(t, contracts.Groth16)
	ctx := ctxT(t)
	s := e.next(t, 1)
	// Distinct values, so each one's calldata word can be found.
	s.ActionCount = 0x0a0b0c0d01
	for i := range s.Inflows {
		s.Inflows[i], s.Outflows[i] = 0x0a0b0c0d10+uint64(i), 0x0a0b0c0d20+uint64(i)
	}
	e.expectInputs(t, epochInputs(s, genesisPolicy, genesisState, testPrices()))
	reg := epochregistry.NewEpochRegistry()
	clean := reg.PackSubmitEpoch(epochregistry.EpochRegistrySubmission{
		Epoch: s.Epoch, StartTime: s.StartTime, EndTime: s.EndTime, NewState: s.StateCommitment, LiabilitiesRoot: s.LiabilitiesRoot,
		ActionsCommitment: s.ActionsCommitment, ActionCount: s.ActionCount, RoundIds: s.RoundIDs, Inflows: s.Inflows, Outflows: s.Outflows,
	}, s.Proof)
	// word is the offset of the calldata word holding v, the k-th of its n occurrences.
	word := func(t *testing.T, v *big.Int, k, n int) int {
		w := common.LeftPadBytes(v.Bytes(), 32)
		var at []int
		for i := 4; i+32 <= len(clean); i += 32 {
			if bytes.Equal(clean[i:i+32], w) {
				at = append(at, i)
			}
		}
		if len(at) != n {
			t.Fatalf("calldata word of %v found %d times, want %d", v, len(at), n)
		}
		return at[k]
	}
	for _, tc := range []struct {
		name        string
		value       *big.Int
		k, n, width int
	}{
		{"actionCount", u64(s.ActionCount), 0, 1, 64},
		{"epoch", u64(s.Epoch), 0, 1, 64},
		{"inflow 0", u64(s.Inflows[0]), 0, 1, 64},
		{"outflow 3", u64(s.Outflows[3]), 0, 1, 64},
		// The four feeds are at the same round: the third of four words.
		{"roundId 2", s.RoundIDs[2], 2, 4, 80},
	} {
		t.Run(tc.name, func(t *testing.T) {
			at := word(t, tc.value, tc.k, tc.n)
			dirty := append([]byte(nil), clean...)
			// Set the lowest bit above the width: the value plus 2^width.
			bit := tc.width
			dirty[at+31-bit/8] |= 1 << uint(bit%8)
			if _, err := bind.Transact(reg.Instance(e.client, e.dep.Registry), e.operator, dirty); err == nil {
				t.Fatalf("%s + 2^%d in the calldata was accepted", tc.name, tc.width)
			}
		})
	}
	if _, err := bind.Transact(reg.Instance(e.client, e.dep.Registry), e.operator, clean); err != nil {
		t.Fatalf("clean calldata: %v", err)
	}
	st, err := e.stranger.Status(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.LastEpoch != 1 {
		t.Fatalf("last epoch %d after the clean submission", st.LastEpoch)
	}
}

// lyingLogs is a backend whose FilterLogs answers pass through edit: a node or indexer that
// serves EpochRecorded events other than the registry's.
type lyingLogs struct {
	contracts.Backend
	edit func([]types.Log) []types.Log
}

func (l lyingLogs) FilterLogs(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, error) {
	logs, err := l.Backend.FilterLogs(ctx, q)
	if err != nil {
		return nil, err
	}
	return l.edit(logs), nil
}

// forgeRecord rewrites an EpochRecorded log's record with change applied to its packed bytes,
// and its recordHash topic to the forged record's keccak, so the log is self-consistent.
func forgeRecord(t *testing.T, l types.Log, change func(rec []byte)) types.Log {
	t.Helper()
	ev := epochregistry.NewEpochRegistry()
	dec, err := ev.UnpackEpochRecordedEvent(&l)
	if err != nil {
		t.Fatal(err)
	}
	rec := append([]byte(nil), dec.Record...)
	change(rec)
	args := abi.Arguments{{Type: mustType(t, "bytes")}}
	data, err := args.Pack(rec)
	if err != nil {
		t.Fatal(err)
	}
	l.Data = data
	l.Topics = append([]common.Hash(nil), l.Topics...)
	l.Topics[2] = crypto.Keccak256Hash(rec)
	return l
}

func mustType(t *testing.T, s string) abi.Type {
	ty, err := abi.NewType(s, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	return ty
}

// TestRecordsRefuseForgedEvents (red team, issue 12): the client's cross-checks of the
// EpochRecorded events against storage, with a log source that lies. A record whose bytes do
// not hash to its recordHash topic is refused; a self-consistent forged record (bytes and
// topic rewritten) of an earlier epoch breaks the chain and of the last epoch the stored head,
// so Records refuses both; EpochRecord(n) refuses a forged root (stored per epoch), a forged
// policy (policyFor(n)) and any forged record of the last epoch (the stored head and state).
// EpochRecord(n) of an older epoch cannot refuse a self-consistent forgery of the fields the
// registry does not store for it (S(n), the flows, the prices): see the KNOWN subtest.
func TestRecordsRefuseForgedEvents(t *testing.T) {
	e := newMockEnv(t, contracts.Groth16)
	ctx := ctxT(t)
	// Genesis is the last epoch before any submission: its record is the stored head.
	if _, err := e.stranger.EpochRecord(ctx, 0); err != nil {
		t.Fatalf("genesis record: %v", err)
	}
	e.submitHonest(t, 3)
	reader := func(edit func([]types.Log) []types.Log) *contracts.Registry {
		r, err := contracts.NewRegistry(e.dep.Registry, lyingLogs{e.client, edit}, nil)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	// epochOf is a log's epoch topic.
	epochOf := func(l types.Log) uint64 { return new(big.Int).SetBytes(l.Topics[1][:]).Uint64() }
	const stateAt = 32 + 2*32 // S(n) in the packed record
	bumpState := func(rec []byte) { rec[stateAt+31]++ }
	forge := func(n uint64, change func([]byte)) func([]types.Log) []types.Log {
		return func(logs []types.Log) []types.Log {
			out := append([]types.Log(nil), logs...)
			for i := range out {
				if epochOf(out[i]) == n {
					out[i] = forgeRecord(t, out[i], change)
				}
			}
			return out
		}
	}
	honest := reader(func(l []types.Log) []types.Log { return l })
	if _, err := honest.Records(ctx); err != nil {
		t.Fatalf("honest logs: %v", err)
	}
	for n := uint64(0); n <= 3; n++ {
		if _, err := honest.EpochRecord(ctx, n); err != nil {
			t.Fatalf("honest epoch %d: %v", n, err)
		}
	}
	t.Run("bytes not the topic's", func(t *testing.T) {
		r := reader(func(logs []types.Log) []types.Log {
			out := append([]types.Log(nil), logs...)
			for i := range out {
				if epochOf(out[i]) == 2 {
					out[i].Data = append([]byte(nil), out[i].Data...)
					out[i].Data[len(out[i].Data)-40]++ // inside the record
				}
			}
			return out
		})
		if _, err := r.Records(ctx); err == nil {
			t.Fatal("Records accepted a record that does not hash to its topic")
		}
		if _, err := r.EpochRecord(ctx, 2); err == nil {
			t.Fatal("EpochRecord accepted a record that does not hash to its topic")
		}
	})
	t.Run("forged earlier epoch breaks the chain", func(t *testing.T) {
		if _, err := reader(forge(2, bumpState)).Records(ctx); err == nil {
			t.Fatal("Records accepted a forged epoch 2")
		}
	})
	t.Run("forged last epoch is not the stored head", func(t *testing.T) {
		if _, err := reader(forge(3, bumpState)).Records(ctx); err == nil {
			t.Fatal("Records accepted a forged epoch 3")
		}
	})
	t.Run("forged root", func(t *testing.T) {
		if _, err := reader(forge(2, func(rec []byte) { rec[32+3*32+31]++ })).EpochRecord(ctx, 2); err == nil {
			t.Fatal("EpochRecord accepted a forged liabilities root")
		}
	})
	t.Run("forged policy", func(t *testing.T) {
		if _, err := reader(forge(2, func(rec []byte) { rec[32+31]++ })).EpochRecord(ctx, 2); err == nil {
			t.Fatal("EpochRecord accepted a forged policy commitment")
		}
	})
	t.Run("forged last epoch, one record", func(t *testing.T) {
		if _, err := reader(forge(3, bumpState)).EpochRecord(ctx, 3); err == nil {
			t.Fatal("EpochRecord accepted a forged record of the last epoch")
		}
	})
	t.Run("KNOWN", func(t *testing.T) {
		if _, err := reader(forge(2, bumpState)).EpochRecord(ctx, 2); err == nil {
			t.Skip("KNOWN: EpochRecord(n) of an older epoch checks its root and policy against storage only; a log source that " +
				"forges a self-consistent record of it (S(n), flows, prices) is caught by Records (the chain to the stored head), not by EpochRecord")
		}
	})
}

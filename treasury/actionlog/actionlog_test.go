package actionlog

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zktreasury/zktreasury/treasury"
	"github.com/zktreasury/zktreasury/treasury/corridor"
)

// testActions are a swap at uniswap, a deposit into aave and an accrual
// there (venues vault 0, uniswap 1, aave 2 of testdata/engine).
var testActions = []corridor.Action{
	{Kind: corridor.Swap, Venue: 1, AssetIn: 2, VenueIn: 0, AmountIn: 1_500_000, AssetOut: 0, VenueOut: 0, AmountOut: 4_485_000_000},
	{Kind: corridor.Deposit, Venue: 2, AssetIn: 0, VenueIn: 0, AmountIn: 1_000_000, AssetOut: 0, VenueOut: 2, AmountOut: 1_000_000},
	{Kind: corridor.Accrue, Venue: 2, AssetIn: 0, VenueIn: 2, AmountIn: 0, AssetOut: 0, VenueOut: 2, AmountOut: 12},
}

func writeLog(t *testing.T) (string, *treasury.Policy, []Entry) {
	t.Helper()
	p, err := treasury.LoadPolicy("../../testdata/engine/policy.json")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "actions.jsonl")
	w, err := Open(path, 1)
	if err != nil {
		t.Fatal(err)
	}
	var entries []*Entry
	for _, a := range testActions {
		e, err := NewEntry(p, 1, "2024-01-01", a)
		if err != nil {
			t.Fatal(err)
		}
		entries = append(entries, &e)
	}
	if err := w.Append(entries[:2]...); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	// Reopen: appends continue the chain.
	w, err = Open(path, 1)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Append(entries[2]); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	got, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	return path, p, got
}

func TestRoundTrip(t *testing.T) {
	_, p, got := writeLog(t)
	if len(got) != 3 || got[2].Seq != 2 || got[1].Prev != got[0].Hash || got[0].Prev != GenesisHash {
		t.Fatalf("entries %+v", got)
	}
	if got[0].AmountInDecimal.String() != "1.5" || got[0].AmountOutDecimal.String() != "4485" || got[0].AssetInSymbol != "WETH" {
		t.Fatalf("decimal fields %s %s %s", got[0].AmountInDecimal, got[0].AmountOutDecimal, got[0].AssetInSymbol)
	}
	if err := CheckAgainstPolicy(got, p); err != nil {
		t.Fatal(err)
	}
	if err := VerifyHead(got, 3, got[2].Hash); err != nil {
		t.Fatal(err)
	}
}

func TestTamperingDetected(t *testing.T) {
	path, _, good := writeLog(t)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := bytes.SplitAfter(data, []byte("\n"))
	lines = lines[:len(lines)-1] // drop the empty tail
	tests := []struct {
		name     string
		data     []byte
		wantErr  error
		wantLine string
	}{
		{name: "amount changed", data: bytes.Replace(data, []byte(`"amountIn":"1500000"`), []byte(`"amountIn":"1500001"`), 1), wantErr: ErrCorrupt, wantLine: ":1:"},
		{name: "decimal changed", data: bytes.Replace(data, []byte(`"amountOutDecimal":"4485"`), []byte(`"amountOutDecimal":"4486"`), 1), wantErr: ErrCorrupt, wantLine: ":1:"},
		{name: "cut inside the last line", data: data[:len(data)-10], wantErr: ErrTruncated, wantLine: ":3:"},
		{name: "lines swapped", data: bytes.Join([][]byte{lines[1], lines[0], lines[2]}, nil), wantErr: ErrCorrupt, wantLine: ":1:"},
		{name: "middle line removed", data: bytes.Join([][]byte{lines[0], lines[2]}, nil), wantErr: ErrCorrupt, wantLine: ":2:"},
		{name: "unknown field", data: bytes.Replace(data, []byte(`{"seq":0`), []byte(`{"x":1,"seq":0`), 1), wantErr: ErrCorrupt, wantLine: ":1:"},
		{name: "not json", data: append(append([]byte(nil), data...), []byte("garbage\n")...), wantErr: ErrCorrupt, wantLine: ":4:"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("actions.jsonl", tc.data)
			if !errors.Is(err, tc.wantErr) {
				t.Fatalf("err = %v, want %v", err, tc.wantErr)
			}
			if !strings.Contains(err.Error(), "actions.jsonl"+tc.wantLine) {
				t.Fatalf("err %q does not name actions.jsonl%s", err, tc.wantLine)
			}
		})
	}
	// Cut at a line boundary: only the recorded head catches it.
	short, err := Parse("actions.jsonl", bytes.Join(lines[:2], nil))
	if err != nil {
		t.Fatal(err)
	}
	if err := VerifyHead(short, 3, good[2].Hash); !errors.Is(err, ErrTruncated) {
		t.Fatalf("VerifyHead err = %v, want ErrTruncated", err)
	}
	// Appending to a corrupt log is refused.
	if err := os.WriteFile(path, data[:len(data)-10], 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(path, 1); !errors.Is(err, ErrTruncated) {
		t.Fatalf("Open of a truncated log: err = %v", err)
	}
}

func TestCheckAgainstPolicy(t *testing.T) {
	_, p, got := writeLog(t)
	got[0].AssetInSymbol = "WBTC"
	if err := CheckAgainstPolicy(got, p); !errors.Is(err, ErrCorrupt) {
		t.Fatalf("err = %v, want ErrCorrupt", err)
	}
}

func TestCanonicalRejectsUnsafeStrings(t *testing.T) {
	e := Entry{Kind: corridor.Swap, Date: "2024\nprev=00", Prev: GenesisHash}
	if _, err := e.ComputeHash(); err == nil {
		t.Fatal("a newline in a field was accepted into the canonical encoding")
	}
	e = Entry{Kind: 0, Prev: GenesisHash}
	if _, err := e.ComputeHash(); err == nil {
		t.Fatal("kind 0 (the circuit's empty slot) was accepted into the canonical encoding")
	}
}

func TestLogOfAnotherEpochRefused(t *testing.T) {
	path, p, good := writeLog(t)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ParseEpoch("actions.jsonl", data, 1); err != nil {
		t.Fatalf("the log of epoch 1 refused as epoch 1: %v", err)
	}
	_, err = ParseEpoch("actions.jsonl", data, 2)
	if !errors.Is(err, ErrWrongEpoch) || !strings.Contains(err.Error(), "actions.jsonl:1:") || !strings.Contains(err.Error(), "epoch 1") {
		t.Fatalf("epoch 1's log loaded as epoch 2: err = %v", err)
	}
	if _, err := LoadEpoch(path, 2); !errors.Is(err, ErrWrongEpoch) {
		t.Fatalf("LoadEpoch: err = %v", err)
	}
	if _, err := LoadEpoch(filepath.Join(t.TempDir(), "missing.jsonl"), 1); err == nil {
		t.Fatal("a missing epoch log loaded as an empty epoch")
	}
	if _, err := Open(path, 2); !errors.Is(err, ErrWrongEpoch) {
		t.Fatalf("Open for epoch 2: err = %v", err)
	}
	// An entry of epoch 2 chained onto epoch 1's log, hash and all: one file
	// holds one epoch.
	e, err := NewEntry(p, 2, "2024-01-02", testActions[0])
	if err != nil {
		t.Fatal(err)
	}
	e.Seq, e.Prev = 3, good[2].Hash
	if e.Hash, err = e.ComputeHash(); err != nil {
		t.Fatal(err)
	}
	line, _ := json.Marshal(&e)
	spliced := append(append([]byte(nil), data...), append(line, '\n')...)
	if _, err := Parse("actions.jsonl", spliced); !errors.Is(err, ErrWrongEpoch) || !strings.Contains(err.Error(), "actions.jsonl:4:") {
		t.Fatalf("a log spanning two epochs: err = %v", err)
	}
	w, err := Open(path, 1)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if err := w.Append(&e); !errors.Is(err, ErrWrongEpoch) {
		t.Fatalf("Append of an epoch-2 entry to epoch 1: err = %v", err)
	}
}

func TestRelabelledKindRefused(t *testing.T) {
	path, p, good := writeLog(t)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// Relabelled in place: the hash no longer matches.
	relabel := bytes.Replace(data, []byte(`"kind":"deposit"`), []byte(`"kind":"withdraw"`), 1)
	if bytes.Equal(relabel, data) {
		t.Fatal("the fixture has no deposit to relabel")
	}
	if _, err := Parse("actions.jsonl", relabel); !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), "actions.jsonl:2:") {
		t.Fatalf("relabelled kind: err = %v", err)
	}
	// A name that is no kind.
	mint := bytes.Replace(data, []byte(`"kind":"accrue"`), []byte(`"kind":"mint"`), 1)
	if _, err := Parse("actions.jsonl", mint); !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), "actions.jsonl:3:") {
		t.Fatalf("unknown kind: err = %v", err)
	}
	// Relabelled with the chain recomputed: the hashes hold, but the kind no
	// longer fits the venue (a swap at a lending pool) or its slots (a
	// deposit's slots labelled as a withdrawal), and the head changes.
	for _, tc := range []struct {
		name string
		kind corridor.Kind
	}{{"deposit relabelled swap", corridor.Swap}, {"deposit relabelled withdraw", corridor.Withdraw}, {"deposit relabelled accrue", corridor.Accrue}} {
		t.Run(tc.name, func(t *testing.T) {
			entries := append([]Entry(nil), good...)
			entries[1].Kind = tc.kind
			ptrs := []*Entry{&entries[0], &entries[1], &entries[2]}
			head, err := Chain(1, ptrs)
			if err != nil {
				t.Fatal(err)
			}
			enc, err := encode(ptrs)
			if err != nil {
				t.Fatal(err)
			}
			got, err := Parse("actions.jsonl", enc)
			if err != nil {
				t.Fatalf("recomputed chain does not parse: %v", err)
			}
			err = CheckAgainstPolicy(got, p)
			if !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), "entry 1") || !strings.Contains(err.Error(), "kind") {
				t.Fatalf("relabelled kind with its chain recomputed: err = %v", err)
			}
			if err := VerifyHead(got, 3, good[2].Hash); !errors.Is(err, ErrCorrupt) || head == good[2].Hash {
				t.Fatalf("head unchanged by a relabel: %v", err)
			}
		})
	}
}

func TestNewEntryRefusesNonCanonicalSlots(t *testing.T) {
	_, p, _ := writeLog(t)
	tests := []struct {
		name string
		a    corridor.Action
	}{
		{"no kind", corridor.Action{Venue: 1, AssetIn: 2, AssetOut: 0, AmountIn: 1, AmountOut: 1}},
		{"swap into aave", corridor.Action{Kind: corridor.Swap, Venue: 1, AssetIn: 2, VenueIn: 0, AssetOut: 0, VenueOut: 2, AmountIn: 1, AmountOut: 1}},
		{"swap at the lending pool", corridor.Action{Kind: corridor.Swap, Venue: 2, AssetIn: 2, VenueIn: 0, AssetOut: 0, VenueOut: 0, AmountIn: 1, AmountOut: 1}},
		{"deposit at the amm", corridor.Action{Kind: corridor.Deposit, Venue: 1, AssetIn: 0, VenueIn: 0, AssetOut: 0, VenueOut: 1, AmountIn: 1, AmountOut: 1}},
		{"accrue out of custody", corridor.Action{Kind: corridor.Accrue, Venue: 2, AssetIn: 0, VenueIn: 0, AssetOut: 0, VenueOut: 2, AmountOut: 1}},
		{"outflow at aave", corridor.Action{Kind: corridor.Outflow, Venue: 2, AssetIn: 0, VenueIn: 2, AssetOut: 0, VenueOut: 2, AmountIn: 1}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := NewEntry(p, 1, "", tc.a); err == nil {
				t.Fatalf("%+v accepted", tc.a)
			}
		})
	}
	ok := corridor.Action{Kind: corridor.Outflow, Venue: 0, AssetIn: 0, VenueIn: 0, AssetOut: 0, VenueOut: 0, AmountIn: 1}
	if _, err := NewEntry(p, 1, "", ok); err != nil {
		t.Fatalf("an outflow at custody refused: %v", err)
	}
}

func TestDirWritesOneChainPerEpoch(t *testing.T) {
	_, p, _ := writeLog(t)
	d, err := OpenDir(filepath.Join(t.TempDir(), "log"))
	if err != nil {
		t.Fatal(err)
	}
	mk := func(epoch uint64) []*Entry {
		var out []*Entry
		for _, a := range testActions {
			e, err := NewEntry(p, epoch, "2024-01-01", a)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, &e)
		}
		return out
	}
	h1, err := d.WriteEpoch(1, mk(1))
	if err != nil {
		t.Fatal(err)
	}
	h2, err := d.WriteEpoch(2, nil)
	if err != nil {
		t.Fatal(err)
	}
	h3, err := d.WriteEpoch(3, mk(3))
	if err != nil {
		t.Fatal(err)
	}
	if h2 != GenesisHash || h1 == h3 {
		t.Fatalf("heads %s %s %s", h1, h2, h3)
	}
	for _, c := range []struct {
		epoch uint64
		n     int
		head  string
	}{{1, 3, h1}, {2, 0, h2}, {3, 3, h3}} {
		got, err := LoadEpoch(d.Path(c.epoch), c.epoch)
		if err != nil {
			t.Fatal(err)
		}
		if err := VerifyHead(got, c.n, c.head); err != nil {
			t.Fatalf("epoch %d: %v", c.epoch, err)
		}
		if c.n > 0 && (got[0].Seq != 0 || got[0].Prev != GenesisHash) {
			t.Fatalf("epoch %d does not start its own chain: %+v", c.epoch, got[0])
		}
	}
	if _, err := d.WriteEpoch(1, mk(1)); !errors.Is(err, ErrExists) {
		t.Fatalf("epoch 1 rewritten: err = %v", err)
	}
	if _, err := d.WriteEpoch(4, mk(5)); !errors.Is(err, ErrWrongEpoch) {
		t.Fatalf("entries of epoch 5 written as epoch 4: err = %v", err)
	}
	if _, err := os.Stat(d.Path(4)); !os.IsNotExist(err) {
		t.Fatal("a refused write left a file")
	}
	if _, err := LoadEpoch(d.Path(3), 1); !errors.Is(err, ErrWrongEpoch) {
		t.Fatalf("epoch 3's file loaded as epoch 1: err = %v", err)
	}
}

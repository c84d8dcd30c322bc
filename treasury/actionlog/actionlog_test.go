package actionlog

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zktreasury/zktreasury/treasury"
	"github.com/zktreasury/zktreasury/treasury/corridor"
)

func writeLog(t *testing.T) (string, *treasury.Policy, []Entry) {
	t.Helper()
	p, err := treasury.LoadPolicy("../../testdata/engine/policy.json")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "actions.jsonl")
	w, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	acts := []corridor.Action{
		{Venue: 1, AssetIn: 2, VenueIn: 0, AmountIn: 1_500_000, AssetOut: 0, VenueOut: 0, AmountOut: 4_485_000_000},
		{Venue: 2, AssetIn: 0, VenueIn: 0, AmountIn: 1_000_000, AssetOut: 0, VenueOut: 2, AmountOut: 1_000_000},
		{Venue: 2, AssetIn: 0, VenueIn: 2, AmountIn: 0, AssetOut: 0, VenueOut: 2, AmountOut: 12},
	}
	kinds := []string{"swap", "deposit", "accrue"}
	var entries []*Entry
	for i, a := range acts {
		e, err := NewEntry(p, 1, "2024-01-01", kinds[i], a)
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
	w, err = Open(path)
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
	if _, err := Open(path); !errors.Is(err, ErrTruncated) {
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
	e := Entry{Kind: "swap\nprev=00", Prev: GenesisHash}
	if _, err := e.ComputeHash(); err == nil {
		t.Fatal("a newline in a field was accepted into the canonical encoding")
	}
}

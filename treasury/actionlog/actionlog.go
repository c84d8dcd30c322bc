// Package actionlog is the append-only log of executed actions: JSON Lines,
// one entry per action, chained by SHA-256 so that a corrupted, reordered,
// spliced or truncated log is detected on load.
//
// # Hash chain
//
// Each entry carries the hash of the previous one (Prev; 64 zero hex digits
// for the first) and its own Hash = SHA-256 of its canonical encoding, which
// is the UTF-8 text
//
//	zktreasury-actionlog-v1\n
//	seq=<Seq>\n epoch=<Epoch>\n date=<Date>\n kind=<Kind>\n
//	venue=<Venue>\n assetIn=<AssetIn>\n venueIn=<VenueIn>\n amountIn=<AmountIn>\n
//	assetOut=<AssetOut>\n venueOut=<VenueOut>\n amountOut=<AmountOut>\n
//	venueId=<VenueID>\n assetInSymbol=<AssetInSymbol>\n venueInId=<VenueInID>\n
//	assetOutSymbol=<AssetOutSymbol>\n venueOutId=<VenueOutID>\n
//	amountInDecimal=<AmountInDecimal>\n amountOutDecimal=<AmountOutDecimal>\n
//	prev=<Prev>\n
//
// (one field per line, in this order, no spaces; integers in base 10, decimals
// as shopspring's String(), Prev in lower-case hex). Strings are restricted to
// [A-Za-z0-9._-] so the encoding is unambiguous. The hash covers every field,
// so the integer action (what the compliance circuit sees; the prover computes
// the ZK actions commitment from these same fields) and the decimal amounts
// (what the operator reads) cannot drift apart unnoticed.
//
// Truncation inside a line is detected by the missing final newline; a log cut
// at a line boundary is detected by comparing its head hash or its length with
// a record kept elsewhere (the epoch record), see VerifyHead.
package actionlog

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/zktreasury/zktreasury/treasury"
	"github.com/zktreasury/zktreasury/treasury/corridor"
	"github.com/zktreasury/zktreasury/treasury/fixed"
)

// GenesisHash is the Prev of the first entry.
var GenesisHash = strings.Repeat("0", 64)

// ErrCorrupt is returned when an entry does not decode, its hash does not
// match its content, or it does not chain to the entry before it.
var ErrCorrupt = errors.New("action log is corrupt")

// ErrTruncated is returned when the log ends inside an entry, or is shorter
// than its expected head says.
var ErrTruncated = errors.New("action log is truncated")

// Entry is one executed action.
type Entry struct {
	// Seq numbers entries from 0, without gaps.
	Seq uint64 `json:"seq"`
	// Epoch is the epoch the action belongs to.
	Epoch uint64 `json:"epoch"`
	// Date is the day of execution, YYYY-MM-DD (empty when unknown).
	Date string `json:"date"`
	// Kind is swap, deposit, withdraw or accrue.
	Kind string `json:"kind"`
	// Venue, AssetIn, VenueIn, AmountIn, AssetOut, VenueOut and AmountOut are
	// the integer action the compliance circuit checks (circuit units).
	Venue     int    `json:"venue"`
	AssetIn   int    `json:"assetIn"`
	VenueIn   int    `json:"venueIn"`
	AmountIn  uint64 `json:"amountIn,string"`
	AssetOut  int    `json:"assetOut"`
	VenueOut  int    `json:"venueOut"`
	AmountOut uint64 `json:"amountOut,string"`
	// VenueID, AssetInSymbol, VenueInID, AssetOutSymbol and VenueOutID name
	// the indices above.
	VenueID        string `json:"venueId"`
	AssetInSymbol  string `json:"assetInSymbol"`
	VenueInID      string `json:"venueInId"`
	AssetOutSymbol string `json:"assetOutSymbol"`
	VenueOutID     string `json:"venueOutId"`
	// AmountInDecimal and AmountOutDecimal are the amounts in whole tokens.
	AmountInDecimal  decimal.Decimal `json:"amountInDecimal"`
	AmountOutDecimal decimal.Decimal `json:"amountOutDecimal"`
	// Prev is the previous entry's Hash.
	Prev string `json:"prev"`
	// Hash is SHA-256 of the canonical encoding of every field above.
	Hash string `json:"hash"`
}

var (
	safeRE = regexp.MustCompile(`^[A-Za-z0-9._-]*$`)
	hashRE = regexp.MustCompile(`^[0-9a-f]{64}$`)
)

// Action returns the integer action of the entry.
func (e *Entry) Action() corridor.Action {
	return corridor.Action{Venue: e.Venue, AssetIn: e.AssetIn, VenueIn: e.VenueIn, AmountIn: e.AmountIn,
		AssetOut: e.AssetOut, VenueOut: e.VenueOut, AmountOut: e.AmountOut}
}

// NewEntry builds an entry (without Seq, Prev and Hash, which Append sets)
// from an executed action, naming its indices and amounts from the policy.
func NewEntry(p *treasury.Policy, epoch uint64, date, kind string, a corridor.Action) (Entry, error) {
	nA, nV := len(p.Assets), len(p.Venues)
	if a.AssetIn < 0 || a.AssetIn >= nA || a.AssetOut < 0 || a.AssetOut >= nA ||
		a.Venue < 0 || a.Venue >= nV || a.VenueIn < 0 || a.VenueIn >= nV || a.VenueOut < 0 || a.VenueOut >= nV {
		return Entry{}, fmt.Errorf("new log entry: action %+v: %w", a, corridor.ErrIndexOutOfRange)
	}
	return Entry{
		Epoch: epoch, Date: date, Kind: kind,
		Venue: a.Venue, AssetIn: a.AssetIn, VenueIn: a.VenueIn, AmountIn: a.AmountIn,
		AssetOut: a.AssetOut, VenueOut: a.VenueOut, AmountOut: a.AmountOut,
		VenueID: p.Venues[a.Venue].ID, AssetInSymbol: p.Assets[a.AssetIn].Symbol, VenueInID: p.Venues[a.VenueIn].ID,
		AssetOutSymbol: p.Assets[a.AssetOut].Symbol, VenueOutID: p.Venues[a.VenueOut].ID,
		AmountInDecimal:  fixed.ToDecimal(a.AmountIn, p.Assets[a.AssetIn].CircuitDecimals),
		AmountOutDecimal: fixed.ToDecimal(a.AmountOut, p.Assets[a.AssetOut].CircuitDecimals),
	}, nil
}

// Canonical returns the canonical encoding the hash is computed over.
func (e *Entry) Canonical() ([]byte, error) {
	for _, s := range []struct{ name, v string }{{"date", e.Date}, {"kind", e.Kind}, {"venueId", e.VenueID},
		{"assetInSymbol", e.AssetInSymbol}, {"venueInId", e.VenueInID}, {"assetOutSymbol", e.AssetOutSymbol}, {"venueOutId", e.VenueOutID}} {
		if !safeRE.MatchString(s.v) {
			return nil, fmt.Errorf("field %s = %q: only [A-Za-z0-9._-] allowed", s.name, s.v)
		}
	}
	if !hashRE.MatchString(e.Prev) {
		return nil, fmt.Errorf("field prev = %q: want 64 lower-case hex digits", e.Prev)
	}
	var b bytes.Buffer
	b.WriteString("zktreasury-actionlog-v1\n")
	w := func(k, v string) { b.WriteString(k); b.WriteByte('='); b.WriteString(v); b.WriteByte('\n') }
	u := func(v uint64) string { return strconv.FormatUint(v, 10) }
	i := func(v int) string { return strconv.Itoa(v) }
	w("seq", u(e.Seq))
	w("epoch", u(e.Epoch))
	w("date", e.Date)
	w("kind", e.Kind)
	w("venue", i(e.Venue))
	w("assetIn", i(e.AssetIn))
	w("venueIn", i(e.VenueIn))
	w("amountIn", u(e.AmountIn))
	w("assetOut", i(e.AssetOut))
	w("venueOut", i(e.VenueOut))
	w("amountOut", u(e.AmountOut))
	w("venueId", e.VenueID)
	w("assetInSymbol", e.AssetInSymbol)
	w("venueInId", e.VenueInID)
	w("assetOutSymbol", e.AssetOutSymbol)
	w("venueOutId", e.VenueOutID)
	w("amountInDecimal", e.AmountInDecimal.String())
	w("amountOutDecimal", e.AmountOutDecimal.String())
	w("prev", e.Prev)
	return b.Bytes(), nil
}

// ComputeHash returns the hex SHA-256 of the canonical encoding.
func (e *Entry) ComputeHash() (string, error) {
	c, err := e.Canonical()
	if err != nil {
		return "", err
	}
	h := sha256.Sum256(c)
	return hex.EncodeToString(h[:]), nil
}

// Head returns the hash of the last entry, or GenesisHash for an empty log.
func Head(entries []Entry) string {
	if len(entries) == 0 {
		return GenesisHash
	}
	return entries[len(entries)-1].Hash
}

// Load reads and verifies a log. A missing file is an empty log.
func Load(path string) ([]Entry, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("load action log: %w", err)
	}
	return Parse(path, data)
}

// Parse verifies a log held in memory; name is used in errors.
func Parse(name string, data []byte) ([]Entry, error) {
	var out []Entry
	if len(data) > 0 && data[len(data)-1] != '\n' {
		line := bytes.Count(data, []byte("\n")) + 1
		return nil, fmt.Errorf("%s:%d: last entry has no final newline: %w", name, line, ErrTruncated)
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	prev := GenesisHash
	line := 0
	for sc.Scan() {
		line++
		dec := json.NewDecoder(bytes.NewReader(sc.Bytes()))
		dec.DisallowUnknownFields()
		var e Entry
		if err := dec.Decode(&e); err != nil {
			return nil, fmt.Errorf("%s:%d: %v: %w", name, line, err, ErrCorrupt)
		}
		if _, err := dec.Token(); !errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("%s:%d: trailing data after the entry: %w", name, line, ErrCorrupt)
		}
		if e.Seq != uint64(len(out)) {
			return nil, fmt.Errorf("%s:%d: field \"seq\" = %d, want %d: %w", name, line, e.Seq, len(out), ErrCorrupt)
		}
		if e.Prev != prev {
			return nil, fmt.Errorf("%s:%d: field \"prev\" = %q does not chain to the previous entry %q: %w", name, line, e.Prev, prev, ErrCorrupt)
		}
		h, err := e.ComputeHash()
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %v: %w", name, line, err, ErrCorrupt)
		}
		if h != e.Hash {
			return nil, fmt.Errorf("%s:%d: field \"hash\" = %q, content hashes to %q: %w", name, line, e.Hash, h, ErrCorrupt)
		}
		prev = h
		out = append(out, e)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %v: %w", name, line+1, err, ErrCorrupt)
	}
	return out, nil
}

// VerifyHead checks that a verified log ends at the expected head hash after
// the expected number of entries, as recorded elsewhere (an epoch record).
func VerifyHead(entries []Entry, wantCount int, wantHead string) error {
	if len(entries) < wantCount {
		return fmt.Errorf("log has %d entries, the record says %d: %w", len(entries), wantCount, ErrTruncated)
	}
	if len(entries) > wantCount {
		return fmt.Errorf("log has %d entries, the record says %d: %w", len(entries), wantCount, ErrCorrupt)
	}
	if got := Head(entries); got != wantHead {
		return fmt.Errorf("log head %s, the record says %s: %w", got, wantHead, ErrCorrupt)
	}
	return nil
}

// CheckAgainstPolicy checks that every entry's names and decimal amounts
// agree with its integer fields under the policy.
func CheckAgainstPolicy(entries []Entry, p *treasury.Policy) error {
	for i := range entries {
		e := &entries[i]
		want, err := NewEntry(p, e.Epoch, e.Date, e.Kind, e.Action())
		if err != nil {
			return fmt.Errorf("entry %d: %w", e.Seq, err)
		}
		if want.VenueID != e.VenueID || want.AssetInSymbol != e.AssetInSymbol || want.VenueInID != e.VenueInID ||
			want.AssetOutSymbol != e.AssetOutSymbol || want.VenueOutID != e.VenueOutID {
			return fmt.Errorf("entry %d: names do not match the policy's indices: %w", e.Seq, ErrCorrupt)
		}
		if !want.AmountInDecimal.Equal(e.AmountInDecimal) || !want.AmountOutDecimal.Equal(e.AmountOutDecimal) {
			return fmt.Errorf("entry %d: decimal amounts %s/%s do not match the integer amounts (%s/%s): %w",
				e.Seq, e.AmountInDecimal, e.AmountOutDecimal, want.AmountInDecimal, want.AmountOutDecimal, ErrCorrupt)
		}
	}
	return nil
}

// Writer appends entries to a log file.
type Writer struct {
	path   string
	f      *os.File
	seq    uint64
	head   string
	noSync bool
}

// SetSync chooses whether Append syncs the file to disk (the default). A
// simulation (a backtest) may turn it off; Close always syncs.
func (w *Writer) SetSync(sync bool) { w.noSync = !sync }

// Open verifies the log at path (creating it if missing) and returns a writer
// that appends after its last entry.
func Open(path string) (*Writer, error) {
	entries, err := Load(path)
	if err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("open action log: %w", err)
	}
	return &Writer{path: path, f: f, seq: uint64(len(entries)), head: Head(entries)}, nil
}

// Head returns the hash of the last entry written.
func (w *Writer) Head() string { return w.head }

// Len returns the number of entries in the log.
func (w *Writer) Len() uint64 { return w.seq }

// Append chains the entries after the log's head, writes them in one write
// and syncs the file. The entries are updated with Seq, Prev and Hash.
func (w *Writer) Append(entries ...*Entry) error {
	var buf bytes.Buffer
	seq, head := w.seq, w.head
	for _, e := range entries {
		e.Seq, e.Prev = seq, head
		h, err := e.ComputeHash()
		if err != nil {
			return fmt.Errorf("append to %s: entry %d: %w", w.path, seq, err)
		}
		e.Hash = h
		line, err := json.Marshal(e)
		if err != nil {
			return fmt.Errorf("append to %s: %w", w.path, err)
		}
		buf.Write(line)
		buf.WriteByte('\n')
		seq, head = seq+1, h
	}
	if _, err := w.f.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("append to %s: %w", w.path, err)
	}
	if !w.noSync {
		if err := w.f.Sync(); err != nil {
			return fmt.Errorf("append to %s: %w", w.path, err)
		}
	}
	w.seq, w.head = seq, head
	return nil
}

// Close syncs and closes the file.
func (w *Writer) Close() error {
	if err := w.f.Sync(); err != nil {
		w.f.Close()
		return fmt.Errorf("close %s: %w", w.path, err)
	}
	return w.f.Close()
}

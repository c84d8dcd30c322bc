// Package actionlog is the log of executed actions: JSON Lines, one entry per
// action, chained by SHA-256 so that a corrupted, reordered, spliced or
// truncated log is detected on load.
//
// # One file, one epoch, one chain
//
// Each epoch has its own log file (Dir names them epoch-<n>.jsonl) and its own
// chain: the first entry has Seq 0 and Prev = GenesisHash, and every entry of
// the file belongs to the same epoch. This is the file the epoch's compliance
// proof is built from, as written: the prover numbers the actions from 0, and
// the epoch's head hash (Head) is what the proof file carries, so a log cut,
// extended or swapped for another epoch's is caught by comparing heads
// (VerifyHead). LoadEpoch refuses a file holding another epoch's entries
// (ErrWrongEpoch). An epoch without actions has an empty file, whose head is
// GenesisHash.
//
// # Entries are typed actions
//
// Kind is the corridor.Kind's name (swap, deposit, withdraw, accrue, inflow,
// outflow) and VenueIn/VenueOut are the slots that kind implies at Venue
// (corridor.Slots). The kind is inside the hash, so relabelling an entry breaks
// its hash; and CheckAgainstPolicy refuses an entry whose kind does not fit its
// venue's kind or its slots, so a relabelled log with its hashes recomputed is
// refused too (and its head no longer matches the proof's).
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
// a record kept elsewhere (the epoch's proof), see VerifyHead.
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
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/google/renameio/v2"
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

// ErrWrongEpoch is returned when a log file holds entries of another epoch
// than the one asked for, or of more than one epoch.
var ErrWrongEpoch = errors.New("action log of another epoch")

// ErrExists is returned when an epoch's log is written a second time: once
// written, an epoch's log is final.
var ErrExists = errors.New("action log of this epoch already exists")

// Entry is one executed action.
type Entry struct {
	// Seq numbers entries from 0, without gaps.
	Seq uint64 `json:"seq"`
	// Epoch is the epoch the action belongs to.
	Epoch uint64 `json:"epoch"`
	// Date is the day of execution, YYYY-MM-DD (empty when unknown).
	Date string `json:"date"`
	// Kind is the action's kind, written as its name (corridor.KindNames).
	Kind corridor.Kind `json:"kind"`
	// Venue, AssetIn, VenueIn, AmountIn, AssetOut, VenueOut and AmountOut are
	// the integer action the compliance circuit checks (circuit units);
	// VenueIn and VenueOut are the kind's slots at Venue.
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
	return corridor.Action{Kind: e.Kind, Venue: e.Venue, AssetIn: e.AssetIn, VenueIn: e.VenueIn, AmountIn: e.AmountIn,
		AssetOut: e.AssetOut, VenueOut: e.VenueOut, AmountOut: e.AmountOut}
}

// NewEntry builds an entry (without Seq, Prev and Hash, which Append and
// WriteEpoch set) from an executed action, naming its indices and amounts from
// the policy. The action must have a kind whose slots and venue kind it
// matches (CheckShape).
func NewEntry(p *treasury.Policy, epoch uint64, date string, a corridor.Action) (Entry, error) {
	nA, nV := len(p.Assets), len(p.Venues)
	if a.AssetIn < 0 || a.AssetIn >= nA || a.AssetOut < 0 || a.AssetOut >= nA ||
		a.Venue < 0 || a.Venue >= nV || a.VenueIn < 0 || a.VenueIn >= nV || a.VenueOut < 0 || a.VenueOut >= nV {
		return Entry{}, fmt.Errorf("new log entry: action %+v: %w", a, corridor.ErrIndexOutOfRange)
	}
	if err := CheckShape(p, a); err != nil {
		return Entry{}, fmt.Errorf("new log entry: %w", err)
	}
	return Entry{
		Epoch: epoch, Date: date, Kind: a.Kind,
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
	kind, err := e.Kind.MarshalText()
	if err != nil {
		return nil, fmt.Errorf("field kind: %w", err)
	}
	for _, s := range []struct{ name, v string }{{"date", e.Date}, {"venueId", e.VenueID},
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
	w("kind", string(kind))
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

// Load reads and verifies one epoch's log file (any epoch; see LoadEpoch). A
// missing file is an empty log.
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

// LoadEpoch reads and verifies the log file of the given epoch: every entry
// must belong to it (ErrWrongEpoch otherwise). A missing file is an error: an
// epoch's proof needs its log, even an empty one.
func LoadEpoch(path string, epoch uint64) ([]Entry, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("load action log of epoch %d: %w", epoch, err)
	}
	return ParseEpoch(path, data, epoch)
}

// ParseEpoch is LoadEpoch on bytes; name is used in errors.
func ParseEpoch(name string, data []byte, epoch uint64) ([]Entry, error) {
	entries, err := Parse(name, data)
	if err != nil {
		return nil, err
	}
	if len(entries) > 0 && entries[0].Epoch != epoch {
		return nil, fmt.Errorf("%s:1: field \"epoch\" = %d, want %d: this is the log of epoch %d: %w", name, entries[0].Epoch, epoch, entries[0].Epoch, ErrWrongEpoch)
	}
	return entries, nil
}

// Parse verifies a log held in memory; name is used in errors. The entries
// form one chain from GenesisHash and Seq 0, and all belong to one epoch.
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
		if len(out) > 0 && e.Epoch != out[0].Epoch {
			return nil, fmt.Errorf("%s:%d: field \"epoch\" = %d, the log's first entry is of epoch %d: one file holds one epoch: %w", name, line, e.Epoch, out[0].Epoch, ErrWrongEpoch)
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
// the expected number of entries, as recorded elsewhere (an epoch's proof).
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

// venueKindOK says at which venue kinds an action kind may execute
// (treasury/corridor's rule (0)).
var venueKindOK = map[corridor.Kind][]corridor.VenueKind{
	corridor.Swap: {corridor.AMM}, corridor.Deposit: {corridor.Lending}, corridor.Withdraw: {corridor.AMM, corridor.Lending},
	corridor.Accrue: {corridor.Lending}, corridor.Inflow: {corridor.Custody}, corridor.Outflow: {corridor.Custody},
}

// CheckShape checks that an action's kind is valid, that its venue has a kind
// where that action may execute, and that VenueIn and VenueOut are the kind's
// slots (corridor.Slots). Amount relations are left to the corridor checker.
func CheckShape(p *treasury.Policy, a corridor.Action) error {
	if _, err := a.Kind.MarshalText(); err != nil {
		return fmt.Errorf("kind: %w", err)
	}
	if a.Venue < 0 || a.Venue >= len(p.Venues) {
		return fmt.Errorf("venue %d: %w", a.Venue, corridor.ErrIndexOutOfRange)
	}
	vk, err := corridor.ParseVenueKind(p.Venues[a.Venue].Kind)
	if err != nil {
		return fmt.Errorf("venue %s: %w", p.Venues[a.Venue].ID, err)
	}
	ok := false
	for _, k := range venueKindOK[a.Kind] {
		ok = ok || k == vk
	}
	if !ok {
		return fmt.Errorf("a %s cannot execute at %s, a %s venue: %w", a.Kind, p.Venues[a.Venue].ID, vk, corridor.ErrVenueKind)
	}
	c := p.CustodyIndex()
	in, out := corridor.Slots(a.Kind, a.Venue, c)
	if a.VenueIn != in || a.VenueOut != out {
		name := func(v int) string {
			if v >= 0 && v < len(p.Venues) {
				return p.Venues[v].ID
			}
			return fmt.Sprintf("#%d", v)
		}
		return fmt.Errorf("a %s at %s moves %s -> %s, the entry says %s -> %s: %w", a.Kind, p.Venues[a.Venue].ID,
			name(in), name(out), name(a.VenueIn), name(a.VenueOut), corridor.ErrActionShape)
	}
	return nil
}

// CheckAgainstPolicy checks that every entry's kind fits its venue and slots
// (CheckShape) and that its names and decimal amounts agree with its integer
// fields under the policy. Errors name the entry by its seq (its line is seq+1).
func CheckAgainstPolicy(entries []Entry, p *treasury.Policy) error {
	for i := range entries {
		e := &entries[i]
		if err := CheckShape(p, e.Action()); err != nil {
			return fmt.Errorf("entry %d (line %d): field \"kind\" = %q: %v: %w", e.Seq, e.Seq+1, e.Kind, err, ErrCorrupt)
		}
		want, err := NewEntry(p, e.Epoch, e.Date, e.Action())
		if err != nil {
			return fmt.Errorf("entry %d (line %d): %v: %w", e.Seq, e.Seq+1, err, ErrCorrupt)
		}
		if want.VenueID != e.VenueID || want.AssetInSymbol != e.AssetInSymbol || want.VenueInID != e.VenueInID ||
			want.AssetOutSymbol != e.AssetOutSymbol || want.VenueOutID != e.VenueOutID {
			return fmt.Errorf("entry %d (line %d): names do not match the policy's indices: %w", e.Seq, e.Seq+1, ErrCorrupt)
		}
		if !want.AmountInDecimal.Equal(e.AmountInDecimal) || !want.AmountOutDecimal.Equal(e.AmountOutDecimal) {
			return fmt.Errorf("entry %d (line %d): decimal amounts %s/%s do not match the integer amounts (%s/%s): %w",
				e.Seq, e.Seq+1, e.AmountInDecimal, e.AmountOutDecimal, want.AmountInDecimal, want.AmountOutDecimal, ErrCorrupt)
		}
	}
	return nil
}

// Chain sets Seq, Prev and Hash of one epoch's entries, from Seq 0 and
// GenesisHash, and returns the head. Every entry must carry the epoch.
func Chain(epoch uint64, entries []*Entry) (string, error) {
	head := GenesisHash
	for i, e := range entries {
		if e.Epoch != epoch {
			return "", fmt.Errorf("entry %d is of epoch %d, the log of epoch %d: %w", i, e.Epoch, epoch, ErrWrongEpoch)
		}
		e.Seq, e.Prev = uint64(i), head
		h, err := e.ComputeHash()
		if err != nil {
			return "", fmt.Errorf("entry %d: %w", i, err)
		}
		e.Hash, head = h, h
	}
	return head, nil
}

func encode(entries []*Entry) ([]byte, error) {
	var buf bytes.Buffer
	for _, e := range entries {
		line, err := json.Marshal(e)
		if err != nil {
			return nil, err
		}
		buf.Write(line)
		buf.WriteByte('\n')
	}
	return buf.Bytes(), nil
}

// Dir is a directory of per-epoch log files, epoch-<n>.jsonl.
type Dir struct {
	path   string
	noSync bool
}

// OpenDir returns the log directory at path, creating it if missing.
func OpenDir(path string) (*Dir, error) {
	if err := os.MkdirAll(path, 0o755); err != nil {
		return nil, fmt.Errorf("open action log directory: %w", err)
	}
	return &Dir{path: path}, nil
}

// SetSync chooses whether WriteEpoch syncs each file to disk (the default). A
// simulation (a backtest) may turn it off; the write stays atomic.
func (d *Dir) SetSync(sync bool) { d.noSync = !sync }

// Path returns the path of an epoch's log file.
func (d *Dir) Path(epoch uint64) string { return EpochPath(d.path, epoch) }

// EpochPath returns the path of an epoch's log file in dir.
func EpochPath(dir string, epoch uint64) string {
	return filepath.Join(dir, fmt.Sprintf("epoch-%06d.jsonl", epoch))
}

// WriteEpoch chains an epoch's entries from Seq 0 and GenesisHash and writes
// them as the epoch's file, atomically (temporary file and rename): the file
// is either complete or absent. It refuses to replace an existing epoch's log
// (ErrExists). It returns the epoch's head hash; with no entries the file is
// empty and the head is GenesisHash.
func (d *Dir) WriteEpoch(epoch uint64, entries []*Entry) (string, error) {
	path := d.Path(epoch)
	head, err := Chain(epoch, entries)
	if err != nil {
		return "", fmt.Errorf("write %s: %w", path, err)
	}
	data, err := encode(entries)
	if err != nil {
		return "", fmt.Errorf("write %s: %w", path, err)
	}
	if _, err := os.Lstat(path); err == nil {
		return "", fmt.Errorf("write %s: %w", path, ErrExists)
	}
	if d.noSync {
		tmp := path + ".tmp"
		if err := os.WriteFile(tmp, data, 0o644); err != nil {
			return "", fmt.Errorf("write %s: %w", path, err)
		}
		if err := os.Rename(tmp, path); err != nil {
			os.Remove(tmp)
			return "", fmt.Errorf("write %s: %w", path, err)
		}
		return head, nil
	}
	if err := renameio.WriteFile(path, data, 0o644); err != nil {
		return "", fmt.Errorf("write %s: %w", path, err)
	}
	return head, nil
}

// Writer appends entries to one epoch's log file, continuing its chain: for
// recording actions one at a time as they execute.
type Writer struct {
	path   string
	f      *os.File
	seq    uint64
	head   string
	epoch  uint64
	noSync bool
}

// SetSync chooses whether Append syncs the file to disk (the default); Close
// always syncs.
func (w *Writer) SetSync(sync bool) { w.noSync = !sync }

// Open verifies the log of the given epoch at path (creating it if missing;
// ErrWrongEpoch if it holds another epoch) and returns a writer that appends
// after its last entry.
func Open(path string, epoch uint64) (*Writer, error) {
	entries, err := Load(path)
	if err != nil {
		return nil, err
	}
	if len(entries) > 0 && entries[0].Epoch != epoch {
		return nil, fmt.Errorf("%s:1: field \"epoch\" = %d, want %d: %w", path, entries[0].Epoch, epoch, ErrWrongEpoch)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("open action log: %w", err)
	}
	return &Writer{path: path, f: f, seq: uint64(len(entries)), head: Head(entries), epoch: epoch}, nil
}

// Head returns the hash of the last entry written.
func (w *Writer) Head() string { return w.head }

// Len returns the number of entries in the log.
func (w *Writer) Len() uint64 { return w.seq }

// Append chains the entries after the log's head, writes them in one write
// and syncs the file. The entries are updated with Seq, Prev and Hash; each
// must be of the writer's epoch.
func (w *Writer) Append(entries ...*Entry) error {
	seq, head := w.seq, w.head
	for _, e := range entries {
		if e.Epoch != w.epoch {
			return fmt.Errorf("append to %s: entry of epoch %d in the log of epoch %d: %w", w.path, e.Epoch, w.epoch, ErrWrongEpoch)
		}
		e.Seq, e.Prev = seq, head
		h, err := e.ComputeHash()
		if err != nil {
			return fmt.Errorf("append to %s: entry %d: %w", w.path, seq, err)
		}
		e.Hash = h
		seq, head = seq+1, h
	}
	data, err := encode(entries)
	if err != nil {
		return fmt.Errorf("append to %s: %w", w.path, err)
	}
	if _, err := w.f.Write(data); err != nil {
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

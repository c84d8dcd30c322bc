// Package audit regenerates everything a case directory defines from its
// inputs and compares it with the case's golden files: every commitment, the
// public inputs of every proof, the proofs themselves (verified with the
// pinned verifying key when its proving key is at hand, else with an insecure
// development setup, said so), and every inclusion file the case ships.
//
// A case directory is the testdata/epoch layout (policy.json, prices.csv,
// positions.csv, liabilities.csv, secrets.json, case.json, and actions.jsonl
// for an epoch) plus its golden files: public.golden.json (the public inputs
// of the case's first proof), solvency.public.golden.json (an epoch case's
// standalone solvency proof of S(n), when case.json lists it),
// commitments.golden.json (an epoch case's commitments, circuit parameters,
// action-log head and Chainlink rounds), inputs.golden.json (the SHA-256 of
// each input file, of solvency and epoch cases: digits below a circuit scale
// are in no commitment) and
// inclusion/*.json. A case may instead ship the operator's proof
// (epoch.proof.json), which must verify with the pinned key store and state
// what the inputs give.
//
// Checks run in two stages. The first needs no key: inputs, commitments,
// public inputs and inclusion files against the statement rebuilt from the
// inputs. Proofs are regenerated only when every first-stage check passes: a
// proof of other inputs would say nothing about the case.
package audit

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"

	"github.com/consensys/gnark/frontend"

	"github.com/zktreasury/zktreasury/prover"
	"github.com/zktreasury/zktreasury/prover/inclusion"
	"github.com/zktreasury/zktreasury/prover/keystore"
	"github.com/zktreasury/zktreasury/prover/prooffile"
	"github.com/zktreasury/zktreasury/prover/statement"
	"github.com/zktreasury/zktreasury/prover/zk"
	"github.com/zktreasury/zktreasury/treasury"
	"github.com/zktreasury/zktreasury/treasury/corridor"
)

// Golden file names inside a case directory.
const (
	PublicGolden         = "public.golden.json"
	SolvencyPublicGolden = "solvency.public.golden.json"
	CommitmentsGolden    = "commitments.golden.json"
	InputsGolden         = "inputs.golden.json"
	InclusionDir         = "inclusion"
)

// Results of a check.
const (
	Pass    = "pass"
	Fail    = "FAIL"
	Skipped = "skipped"
)

// Check is one row of the verdict table.
type Check struct {
	Name   string `json:"check"`
	Result string `json:"result"`
	Detail string `json:"detail"`
}

// Report is the verdict on one case.
type Report struct {
	Case string `json:"case"`
	// Kind is "epoch" (the case has an action log) or "solvency".
	Kind string `json:"kind"`
	// Expect is case.json's expect ("insolvent", or "" for a case that proves).
	Expect string  `json:"expect,omitempty"`
	Checks []Check `json:"checks"`
	// DevSetup says that a regenerated proof came from an insecure development
	// setup in the cache, because the pinned store holds no proving key.
	DevSetup bool `json:"devSetup"`
	// ProofFiles are the regenerated proofs written to Options.OutDir.
	ProofFiles []string `json:"proofFiles,omitempty"`
}

// OK reports whether every check passed.
func (r *Report) OK() bool {
	for _, c := range r.Checks {
		if c.Result != Pass {
			return false
		}
	}
	return len(r.Checks) > 0
}

func (r *Report) add(name string, err error, detail string) bool {
	if err != nil {
		r.Checks = append(r.Checks, Check{Name: name, Result: Fail, Detail: err.Error()})
		return false
	}
	r.Checks = append(r.Checks, Check{Name: name, Result: Pass, Detail: detail})
	return true
}

func (r *Report) skip(name, why string) {
	r.Checks = append(r.Checks, Check{Name: name, Result: Skipped, Detail: why})
}

// Options configure an audit.
type Options struct {
	// Pinned holds the verifying keys the case is judged by (testdata/keys).
	Pinned keystore.Store
	// Cache receives an insecure development setup when Pinned has no proving
	// key for a circuit; it is reused by later audits.
	Cache keystore.Store
	// Backend is the proof system (Groth16 when nil).
	Backend zk.Backend
	// OutDir, when set, receives the regenerated proof files.
	OutDir string
	// Logf reports progress (nil: silent).
	Logf prover.Logf
}

// built is a case rebuilt from its inputs.
type built struct {
	dir     string
	params  statement.CaseParams
	policy  *treasury.Policy
	ledger  *treasury.Ledger
	epoch   *statement.Epoch      // nil for a solvency case
	solv    *statement.Solvency   // the tree every inclusion file is checked against
	proofs  []proofSpec           // in case.json order
	logHead string                // epoch cases
	in      statement.EpochInputs // epoch cases
}

// proofSpec is one proof the case defines.
type proofSpec struct {
	circuit    string
	golden     string
	shape      prover.Shape
	assignment func() frontend.Circuit
	public     []statement.NamedInput
	check      func() error // the native check proving is refused by
	shipped    *prooffile.File
}

// Run audits the case directory. It returns an error (exit 1) when an input
// cannot be read or does not parse; every other finding is a check in the
// report.
func Run(dir string, opts Options) (*Report, error) {
	if opts.Backend == nil {
		opts.Backend = zk.Groth16{}
	}
	cp, err := statement.LoadCaseParams(dir)
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(filepath.Join(dir, statement.CaseFile)); err != nil {
		return nil, fmt.Errorf("%s: not a case directory: %w", dir, err)
	}
	r := &Report{Case: dir, Kind: "solvency", Expect: cp.Expect}
	b, err := build(dir, cp, r)
	if err != nil {
		return nil, err
	}
	if b == nil { // refused by the corridor checker: already a failed check
		return r, nil
	}
	if err := staticChecks(dir, b, opts, r); err != nil {
		return nil, err
	}
	names := make([]string, len(b.proofs))
	for i, p := range b.proofs {
		names[i] = p.circuit + " proof"
	}
	if !r.OK() {
		for _, n := range names {
			r.skip(n, "not regenerated: a check above failed, and a proof of other inputs says nothing about this case")
		}
		return r, nil
	}
	if cp.Expect == statement.ExpectInsolvent {
		return r, refusal(b, opts, r)
	}
	var first *prooffile.File
	var firstMeta *keystore.Meta
	for _, p := range b.proofs {
		f, meta, err := regenerate(b, p, opts, r)
		if err != nil {
			return nil, err
		}
		if first == nil && f != nil {
			first, firstMeta = f, meta
		}
	}
	if first == nil {
		return r, nil
	}
	files, err := inclusionFiles(dir)
	if err != nil {
		return nil, err
	}
	for _, path := range files {
		f, err := inclusion.Read(path)
		if err != nil {
			return nil, err
		}
		shape, err := inclusion.ShapeFromParams(firstMeta.Circuit, firstMeta.Params)
		if err != nil {
			return nil, err
		}
		name := "inclusion " + filepath.Base(path) + " vs " + first.Circuit + " proof"
		proven, err := inclusion.ProvenFromProof(first, shape)
		if err == nil {
			_, err = inclusion.Verify(f, b.policy, proven)
		}
		r.add(name, err, fmt.Sprintf("user %s under the regenerated proof's root, epoch and policy", f.UserID))
	}
	return r, nil
}

// build loads the inputs and rebuilds the case's statements.
func build(dir string, cp statement.CaseParams, r *Report) (*built, error) {
	b := &built{dir: dir, params: cp}
	files := statement.EpochCaseFiles(dir)
	_, err := os.Stat(files.Actions)
	isEpoch := err == nil
	proofs := cp.Proofs
	if len(proofs) == 0 {
		proofs = []string{"solvency"}
		if isEpoch {
			proofs = []string{"epoch"}
		}
	}
	for i, name := range proofs {
		if name == "epoch" && !isEpoch {
			return nil, &treasury.InputError{File: filepath.Join(dir, statement.CaseFile), Field: fmt.Sprintf("proofs[%d]", i), Value: "epoch", Msg: "an epoch proof needs " + statement.ActionsFile}
		}
	}
	var st *statement.Solvency
	if isEpoch {
		r.Kind = "epoch"
		in, err := statement.LoadEpochInputs(files)
		if err != nil {
			return nil, err
		}
		in.Epoch, in.Capacity, in.Slots = cp.Epoch, cp.Capacity, cp.Slots
		in.StartTime, in.EndTime = cp.StartTime, cp.EndTime
		in.RangeCheck = prover.DefaultRangeCheck("epoch")
		e, err := statement.BuildEpoch(in)
		if errors.Is(err, statement.ErrNonCompliant) {
			r.add("compliance", err, "")
			return nil, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: build the epoch statement: %w", dir, err)
		}
		r.add("compliance", nil, fmt.Sprintf("%d actions inside every corridor (reference checker): turnover %s, loss %s value units",
			len(in.Actions), e.Summary.Turnover, e.Summary.Loss))
		b.in, b.epoch, b.logHead = in, e, in.LogHead()
		b.policy, b.ledger = in.Policy, in.Ledger
		st = e.Solvency
	} else {
		in, err := statement.LoadSolvencyInputs(statement.CaseFiles(dir))
		if err != nil {
			return nil, err
		}
		in.Epoch, in.Capacity, in.RangeCheck = cp.Epoch, cp.Capacity, prover.DefaultRangeCheck("solvency")
		if st, err = statement.BuildSolvency(in); err != nil {
			return nil, fmt.Errorf("%s: build the solvency statement: %w", dir, err)
		}
		b.policy, b.ledger = in.Policy, in.Ledger
	}
	b.solv = st
	symbols := b.policy.Symbols()
	for _, name := range proofs {
		golden := PublicGolden
		if len(b.proofs) > 0 {
			golden = name + "." + PublicGolden
		}
		switch name {
		case "epoch":
			e := b.epoch
			b.proofs = append(b.proofs, proofSpec{circuit: "epoch", golden: golden,
				shape: prover.Shape{Circuit: "epoch", Users: e.Params.Users, Actions: e.Params.Actions, Assets: e.Params.Assets,
					Venues: e.Params.Venues, RangeCheck: e.Params.RangeCheck},
				assignment: func() frontend.Circuit { return e.Assignment() }, public: e.Public(symbols), check: e.Solvency.Check})
		case "solvency":
			s := st
			if b.epoch != nil || s.Params.RangeCheck != prover.DefaultRangeCheck("solvency") {
				// an epoch case's standalone proof is of S(n), with the
				// solvency circuit's own range checks
				var err error
				s, err = statement.BuildSolvency(statement.SolvencyInputs{Policy: b.policy, Prices: b.in.Prices,
					Positions: corridor.PositionsFromState(b.policy, b.epoch.Summary.Final), Ledger: b.ledger, Secrets: b.in.Secrets,
					Epoch: cp.Epoch, Capacity: cp.Capacity, RangeCheck: prover.DefaultRangeCheck("solvency")})
				if err != nil {
					return nil, fmt.Errorf("%s: build the solvency statement of S(n): %w", dir, err)
				}
			}
			b.proofs = append(b.proofs, proofSpec{circuit: "solvency", golden: golden,
				shape: prover.Shape{Circuit: "solvency", Users: s.Params.Users, Assets: s.Params.Assets, Venues: s.Params.Venues,
					RangeCheck: s.Params.RangeCheck},
				assignment: func() frontend.Circuit { return s.Assignment() }, public: s.Public(symbols), check: s.Check})
		}
	}
	return b, nil
}

// ShippedProof is the name of a proof file a case may ship for a circuit
// (the operator's published proof, e.g. what `zktreasury run` wrote):
// "epoch.proof.json", "solvency.proof.json".
func ShippedProof(circuit string) string { return circuit + ".proof.json" }

// readShipped reads the case's shipped proof for a circuit, or nil.
func readShipped(dir, circuit string) (*prooffile.File, error) {
	path := filepath.Join(dir, ShippedProof(circuit))
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	return prooffile.Read(path)
}

// golden reads a golden file; a missing one is an error unless ok says the
// case has another reference (a shipped proof), then it is nil.
func golden(dir, name string, ok bool) ([]statement.NamedInput, error) {
	path := filepath.Join(dir, name)
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) && ok {
		return nil, nil
	}
	return readNamed(path)
}

// staticChecks are the checks that need no proving key: the commitments,
// public inputs and inclusion files recomputed from the inputs against the
// goldens, and any shipped proof against the pinned verifying key.
func staticChecks(dir string, b *built, opts Options, r *Report) error {
	for i := range b.proofs {
		f, err := readShipped(dir, b.proofs[i].circuit)
		if err != nil {
			return err
		}
		b.proofs[i].shipped = f
	}
	// Commitments recomputed from the inputs, each by its own function, must
	// be the statement's (which the circuit assignment is made from).
	got, err := commitments(b)
	if err != nil {
		return err
	}
	if b.epoch != nil {
		shipped := b.proofs[0].shipped != nil
		want, err := golden(dir, CommitmentsGolden, shipped)
		if err != nil {
			return err
		}
		if want != nil {
			r.add("commitments vs "+CommitmentsGolden, diffNamed(want, got), describe(got))
		}
	}
	// Digits below an asset's circuit scale (reserves round down) and the
	// labels of the action log are in no commitment: the digests say the
	// files are the very ones the goldens were made from (a solvency case's
	// positions too).
	want, err := golden(dir, InputsGolden, b.proofs[0].shipped != nil)
	if err != nil {
		return err
	}
	if want != nil {
		digests, err := inputDigests(dir, b.epoch != nil)
		if err != nil {
			return err
		}
		r.add("input files vs "+InputsGolden, diffNamed(want, digests), "SHA-256 of every input file and shipped inclusion file")
	}
	for _, p := range b.proofs {
		want, err := golden(dir, p.golden, p.shipped != nil)
		if err != nil {
			return err
		}
		if want != nil {
			r.add(p.circuit+" public inputs vs "+p.golden, diffNamed(want, p.public), fmt.Sprintf("%d public inputs recomputed from the inputs", len(p.public)))
		}
		if p.shipped != nil {
			shippedChecks(dir, b, p, opts, r)
		}
	}
	// The verdict the case declares, natively.
	err = b.proofs[0].check()
	switch {
	case b.params.Expect == statement.ExpectInsolvent && errors.Is(err, statement.ErrInsolvent):
		r.add("solvency (expect insolvent)", nil, err.Error())
	case b.params.Expect == statement.ExpectInsolvent && err == nil:
		r.add("solvency (expect insolvent)", errors.New("the case is solvent, but case.json says it must not prove"), "")
	case err != nil && !errors.Is(err, statement.ErrInsolvent):
		return err
	default:
		r.add("solvency", err, fmt.Sprintf("ratio %s bps (minimum %d)", ratio(b.solv), b.solv.MinRatioBps))
	}
	files, err := inclusionFiles(dir)
	if err != nil {
		return err
	}
	s := b.solv
	proven := inclusion.Proven{Root: s.Root(), Epoch: s.Epoch, PolicyCommitment: s.PolicyCommitment,
		Shape: inclusion.Shape{Capacity: s.Params.Users, Assets: s.Params.Assets}}
	for _, path := range files {
		f, err := inclusion.Read(path)
		if err != nil {
			return err
		}
		_, verr := inclusion.Verify(f, b.policy, proven)
		if verr == nil {
			verr = sameAsExport(path, f, b)
		}
		r.add("inclusion "+filepath.Base(path), verr, fmt.Sprintf("user %s: leaf under the recomputed root, file identical to a fresh export", f.UserID))
	}
	return nil
}

// shippedChecks verifies a proof the case ships with the pinned verifying key
// and compares what it states with what the inputs give.
func shippedChecks(dir string, b *built, p proofSpec, opts Options, r *Report) {
	name := "shipped " + ShippedProof(p.circuit)
	f := p.shipped
	meta, err := prover.VerifyFile(opts.Pinned, f)
	if err != nil {
		r.add(name, fmt.Errorf("not verified with the pinned key store %q: %w", opts.Pinned.Dir, err), "")
		return
	}
	if b.params.Expect == statement.ExpectInsolvent {
		r.add(name, fmt.Errorf("verifies with the pinned vk %.16s, for a case that must not prove: whoever holds that key's setup secrets can forge proofs", meta.VerifyingKeyDigest), "")
		return
	}
	r.add(name, nil, fmt.Sprintf("verified with the pinned vk %.16s (%s %s, insecure %v)", meta.VerifyingKeyDigest, meta.Circuit, meta.Params, meta.Insecure))
	err = diffNamed(p.public, f.PublicInputs)
	if err == nil && p.circuit == "epoch" {
		var diffs []string
		if f.ActionLogHead != b.logHead {
			diffs = append(diffs, fmt.Sprintf("actionLogHead: expected %s, got %s", b.logHead, f.ActionLogHead))
		}
		if !reflect.DeepEqual(f.Rounds, b.params.Rounds) && (len(f.Rounds) > 0 || len(b.params.Rounds) > 0) {
			diffs = append(diffs, fmt.Sprintf("rounds: case.json has %v, the proof %v", b.params.Rounds, f.Rounds))
		}
		if len(diffs) > 0 {
			err = errors.New(strings.Join(diffs, "; "))
		}
	}
	r.add(name+" vs the inputs", err, "its public inputs (and action-log head, rounds) are the ones recomputed from the inputs")
	files, ferr := inclusionFiles(dir)
	if ferr != nil {
		return
	}
	shape, serr := inclusion.ShapeFromParams(meta.Circuit, meta.Params)
	for _, path := range files {
		inc, err := inclusion.Read(path)
		if err != nil {
			continue // reported by the inclusion checks
		}
		err = serr
		var proven inclusion.Proven
		if err == nil {
			proven, err = inclusion.ProvenFromProof(f, shape)
		}
		if err == nil {
			_, err = inclusion.Verify(inc, b.policy, proven)
		}
		r.add("inclusion "+filepath.Base(path)+" vs "+name, err, "user "+inc.UserID+" under the shipped proof's root")
	}
}

// commitments recomputes the epoch case's commitments from the inputs, and
// checks each against the statement the proof is made from.
func commitments(b *built) ([]statement.NamedInput, error) {
	s := b.solv
	pv, err := statement.EncodePolicy(b.policy)
	if err != nil {
		return nil, err
	}
	pc, err := statement.PolicyCommitment(pv)
	if err != nil {
		return nil, err
	}
	out := []statement.NamedInput{{Name: "policyCommitment", Value: statement.Hex(pc)}}
	if b.epoch == nil {
		return append(out, statement.NamedInput{Name: "liabilitiesRoot", Value: statement.Hex(s.Root())}), nil
	}
	c := b.epoch.Compliance
	in := b.in
	prev, err := statement.EncodePositions(b.policy, in.Prev)
	if err != nil {
		return nil, err
	}
	next, err := statement.EncodePositions(b.policy, corridor.PositionsFromState(b.policy, b.epoch.Summary.Final))
	if err != nil {
		return nil, err
	}
	sPrev := statement.StateCommitment(in.Secrets.StateSaltFor(in.Epoch-1), prev)
	sNext := statement.StateCommitment(in.Secrets.StateSaltFor(in.Epoch), next)
	acts := statement.ActionsCommitment(in.Epoch, in.Secrets.ActionsSaltFor(in.Epoch), in.Actions)
	for _, x := range []struct {
		name      string
		got, stmt string
	}{
		{"policyCommitment", statement.Hex(pc), statement.Hex(c.PolicyCommitment)},
		{"prevStateCommitment", statement.Hex(sPrev), statement.Hex(c.PrevCommitment)},
		{"newStateCommitment", statement.Hex(sNext), statement.Hex(c.NewCommitment)},
		{"actionsCommitment", statement.Hex(acts), statement.Hex(c.ActionsCommitment)},
	} {
		if x.got != x.stmt {
			return nil, fmt.Errorf("internal error: %s recomputed %s, the statement has %s", x.name, x.got, x.stmt)
		}
	}
	out = append(out,
		statement.NamedInput{Name: "prevStateCommitment", Value: statement.Hex(sPrev)},
		statement.NamedInput{Name: "newStateCommitment", Value: statement.Hex(sNext)},
		statement.NamedInput{Name: "actionsCommitment", Value: statement.Hex(acts)},
		statement.NamedInput{Name: "liabilitiesRoot", Value: statement.Hex(s.Root())},
		statement.NamedInput{Name: "actionLogHead", Value: b.logHead})
	for _, p := range b.proofs {
		j, err := p.shape.Job()
		if err != nil {
			return nil, err
		}
		out = append(out, statement.NamedInput{Name: "params." + p.circuit, Value: j.Params})
	}
	syms := make([]string, 0, len(b.params.Rounds))
	for sym := range b.params.Rounds {
		syms = append(syms, sym)
	}
	sort.Strings(syms)
	for _, sym := range syms {
		out = append(out, statement.NamedInput{Name: "round." + sym, Value: b.params.Rounds[sym]})
	}
	return out, nil
}

// sameAsExport compares an inclusion file with the one the operator's inputs
// give for the same user: a ledger balance edited in the file (which Verify
// alone accepts when it is lowered) is caught here.
func sameAsExport(path string, f *inclusion.File, b *built) error {
	want, err := inclusion.Export(b.solv, b.policy, b.ledger, f.UserID)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	wj, err := toMap(want)
	if err != nil {
		return err
	}
	gj, err := toMap(f)
	if err != nil {
		return err
	}
	for _, k := range sortedKeys(wj, gj) {
		if !reflect.DeepEqual(wj[k], gj[k]) {
			return fmt.Errorf("%s: field %q is %s, a fresh export from the inputs gives %s", path, k, short(gj[k]), short(wj[k]))
		}
	}
	return nil
}

func toMap(v any) (map[string]any, error) {
	data, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	var m map[string]any
	err = json.Unmarshal(data, &m)
	return m, err
}

func sortedKeys(ms ...map[string]any) []string {
	seen := map[string]bool{}
	var out []string
	for _, m := range ms {
		for k := range m {
			if !seen[k] {
				seen[k] = true
				out = append(out, k)
			}
		}
	}
	sort.Strings(out)
	return out
}

func short(v any) string {
	data, _ := json.Marshal(v)
	if len(data) > 120 {
		return string(data[:117]) + "..."
	}
	return string(data)
}

// refusal checks that an insolvent case does not prove: the prover refuses it
// before proving and writes nothing, and the circuit itself is not satisfied
// by its witness.
func refusal(b *built, opts Options, r *Report) error {
	p := b.proofs[0]
	out := opts.OutDir
	if out == "" {
		tmp, err := os.MkdirTemp("", "zktreasury-audit-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		out = tmp
	}
	path := filepath.Join(out, p.circuit+".proof.json")
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("%s exists already: remove it, an audit of an insolvent case checks that no proof is written", path)
	}
	err := proveChecked(b, p, keystore.Store{Dir: filepath.Join(out, "no-keys")}, opts, path)
	_, statErr := os.Stat(path)
	switch {
	case !errors.Is(err, statement.ErrInsolvent):
		r.add("proving refused", fmt.Errorf("proving was not refused as insolvent: %v", err), "")
	case statErr == nil:
		r.add("proving refused", fmt.Errorf("refused, but %s was written", path), "")
	default:
		r.add("proving refused", nil, "refused before proving (insolvent), no proof written")
	}
	job, err := p.shape.Job()
	if err != nil {
		return err
	}
	ccs, _, err := prover.Compile(opts.Backend, job, opts.Logf)
	if err != nil {
		return err
	}
	w, err := frontend.NewWitness(p.assignment(), zk.Curve.ScalarField())
	if err != nil {
		return err
	}
	if err := ccs.IsSolved(w); err == nil {
		r.add("circuit refuses", errors.New("the insolvent witness satisfies the "+p.circuit+" circuit"), "")
	} else {
		r.add("circuit refuses", nil, "the "+p.circuit+" circuit is not satisfied by the case's witness")
	}
	return nil
}

// proveChecked is the prover's path: the native check first (nothing is
// written when it fails), then the proof, then the file.
func proveChecked(b *built, p proofSpec, store keystore.Store, opts Options, path string) error {
	if err := p.check(); err != nil {
		return err
	}
	job, err := p.shape.Job()
	if err != nil {
		return err
	}
	f, err := prover.Prove(store, opts.Backend, job, p.assignment(), p.public, opts.Logf)
	if err != nil {
		return err
	}
	decorate(b, f)
	return prooffile.Write(path, f)
}

func decorate(b *built, f *prooffile.File) {
	if f.Circuit == "epoch" {
		f.Rounds, f.ActionLogHead = b.params.Rounds, b.logHead
	}
}

// regenerate proves one of the case's proofs and verifies it.
func regenerate(b *built, p proofSpec, opts Options, r *Report) (*prooffile.File, *keystore.Meta, error) {
	name := p.circuit + " proof"
	job, err := p.shape.Job()
	if err != nil {
		return nil, nil, err
	}
	_, digest, err := prover.Compile(opts.Backend, job, opts.Logf)
	if err != nil {
		return nil, nil, err
	}
	bn := opts.Backend.Name()
	pinned, err := opts.Pinned.LoadMeta(job.Circuit, bn, digest)
	if errors.Is(err, keystore.ErrNoKeys) || errors.Is(err, keystore.ErrKeyMismatch) {
		r.add("pinned key "+p.circuit, fmt.Errorf("no pinned %s verifying key for %s %s (circuit digest %.16s) in %q: the circuit compiled from these inputs and this code is not the one pinned (%v)",
			bn, job.Circuit, job.Params, digest, opts.Pinned.Dir, err), "")
		r.skip(name, "no pinned key")
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, err
	}
	r.add("pinned key "+p.circuit, nil, fmt.Sprintf("%s %s %s: vk %.16s, circuit digest %.16s, insecure %v", job.Circuit, job.Params, bn, pinned.VerifyingKeyDigest, digest, pinned.Insecure))
	store := opts.Pinned
	pkPath, _, _ := opts.Pinned.Paths(job.Circuit, bn, digest)
	dev := false
	if _, err := os.Stat(pkPath); err != nil {
		dev, store = true, opts.Cache
		if _, err := opts.Cache.LoadMeta(job.Circuit, bn, digest); errors.Is(err, keystore.ErrNoKeys) {
			if opts.Logf != nil {
				opts.Logf("no proving key for %s %s in %q: INSECURE development setup into %q", job.Circuit, job.Params, opts.Pinned.Dir, opts.Cache.Dir)
			}
			if _, err := prover.SetupInsecure(opts.Cache, opts.Backend, job, opts.Logf); err != nil {
				return nil, nil, fmt.Errorf("development setup in %s: %w", opts.Cache.Dir, err)
			}
		} else if err != nil {
			return nil, nil, fmt.Errorf("key cache %s: %w", opts.Cache.Dir, err)
		}
		r.DevSetup = true
	}
	f, err := prover.Prove(store, opts.Backend, job, p.assignment(), p.public, opts.Logf)
	if err != nil {
		return nil, nil, err
	}
	decorate(b, f)
	meta, verr := prover.VerifyFile(store, f)
	detail := fmt.Sprintf("regenerated and verified with the pinned vk %.16s", pinned.VerifyingKeyDigest)
	if dev {
		detail = fmt.Sprintf("regenerated with an INSECURE development setup in %q (the pinned store has no proving key) and verified with that setup's vk %.16s, for the pinned circuit digest %.16s; the pinned vk %.16s can only verify proofs of its own proving key",
			opts.Cache.Dir, f.VerifyingKeyDigest, digest, pinned.VerifyingKeyDigest)
	}
	if !r.add(name, verr, detail) {
		return nil, nil, nil
	}
	want, err := golden(b.dir, p.golden, p.shipped != nil)
	if err != nil {
		return nil, nil, err
	}
	if want == nil {
		want, p.golden = p.shipped.PublicInputs, ShippedProof(p.circuit)
	}
	r.add(name+" public inputs vs "+p.golden, diffNamed(want, f.PublicInputs), "the regenerated proof's public inputs are the reference ones")
	if opts.OutDir != "" {
		path := filepath.Join(opts.OutDir, p.circuit+".proof.json")
		if err := prooffile.Write(path, f); err != nil {
			return nil, nil, err
		}
		r.ProofFiles = append(r.ProofFiles, path)
	}
	return f, meta, nil
}

func inclusionFiles(dir string) ([]string, error) {
	files, err := filepath.Glob(filepath.Join(dir, InclusionDir, "*.json"))
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	return files, nil
}

// readNamed reads a golden list of named values.
func readNamed(path string) ([]statement.NamedInput, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read golden file: %w", err)
	}
	var out []statement.NamedInput
	if err := treasury.DecodeStrictJSON(path, data, &out); err != nil {
		return nil, err
	}
	for i, x := range out {
		if x.Name == "" || x.Value == "" {
			return nil, &treasury.InputError{File: path, Field: fmt.Sprintf("[%d]", i), Msg: "each entry needs a name and a value"}
		}
	}
	return out, nil
}

// diffNamed names every field that differs, with the expected and the
// recomputed value.
func diffNamed(want, got []statement.NamedInput) error {
	var diffs []string
	for i := range max(len(want), len(got)) {
		switch {
		case i >= len(want):
			diffs = append(diffs, fmt.Sprintf("%s: not in the golden file, got %s", got[i].Name, got[i].Value))
		case i >= len(got):
			diffs = append(diffs, fmt.Sprintf("%s: expected %s, got nothing", want[i].Name, want[i].Value))
		case want[i].Name != got[i].Name:
			diffs = append(diffs, fmt.Sprintf("input %d: expected %s, got %s", i, want[i].Name, got[i].Name))
		case want[i].Value != got[i].Value:
			diffs = append(diffs, fmt.Sprintf("%s: expected %s, got %s", want[i].Name, want[i].Value, got[i].Value))
		}
	}
	if len(diffs) > 0 {
		return errors.New(strings.Join(diffs, "; "))
	}
	return nil
}

func describe(in []statement.NamedInput) string {
	names := make([]string, len(in))
	for i, x := range in {
		names[i] = x.Name
	}
	return "recomputed from the inputs: " + strings.Join(names, ", ")
}

func ratio(s *statement.Solvency) string {
	if r := s.RatioBps(); r >= 0 {
		return fmt.Sprint(r)
	}
	return "none (no liabilities)"
}

// Recompute returns the golden files of a case as its inputs give them, by
// file name (public.golden.json, and for an epoch case commitments.golden.json
// and the standalone solvency proof's), for regenerating fixtures.
func Recompute(dir string) (map[string][]statement.NamedInput, error) {
	b, err := load(dir)
	if err != nil {
		return nil, err
	}
	out := map[string][]statement.NamedInput{}
	for _, p := range b.proofs {
		out[p.golden] = p.public
	}
	if b.epoch != nil {
		if out[CommitmentsGolden], err = commitments(b); err != nil {
			return nil, err
		}
	}
	if out[InputsGolden], err = inputDigests(dir, b.epoch != nil); err != nil {
		return nil, err
	}
	return out, nil
}

// Statement returns the solvency statement whose tree a case's inclusion
// files are exported from (for an epoch case, that of S(n)).
func Statement(dir string) (*statement.Solvency, error) {
	b, err := load(dir)
	if err != nil {
		return nil, err
	}
	return b.solv, nil
}

func load(dir string) (*built, error) {
	cp, err := statement.LoadCaseParams(dir)
	if err != nil {
		return nil, err
	}
	r := &Report{}
	b, err := build(dir, cp, r)
	if err != nil {
		return nil, err
	}
	if b == nil {
		return nil, fmt.Errorf("%s: %s", dir, r.Checks[len(r.Checks)-1].Detail)
	}
	return b, nil
}

// inputDigests returns the SHA-256 of each input file of a case (the action log's for an
// epoch case).
func inputDigests(dir string, epoch bool) ([]statement.NamedInput, error) {
	var out []statement.NamedInput
	names := []string{statement.CaseFile, statement.PolicyFile, statement.PricesFile, statement.PositionsFile,
		statement.LiabilitiesFile, statement.SecretsFile}
	if epoch {
		names = append(names, statement.ActionsFile)
	}
	for _, name := range names {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			return nil, err
		}
		h := sha256.Sum256(data)
		out = append(out, statement.NamedInput{Name: name, Value: hex.EncodeToString(h[:])})
	}
	// The inclusion files the case ships are pinned too, so one removed (a user who can no
	// longer check their balance) or added fails the audit like an edited one.
	shipped, err := filepath.Glob(filepath.Join(dir, InclusionDir, "*.json"))
	if err != nil {
		return nil, err
	}
	sort.Strings(shipped)
	for _, path := range shipped {
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		h := sha256.Sum256(data)
		out = append(out, statement.NamedInput{Name: InclusionDir + "/" + filepath.Base(path), Value: hex.EncodeToString(h[:])})
	}
	return out, nil
}

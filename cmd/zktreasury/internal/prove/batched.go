package prove

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	circuit "github.com/zktreasury/zktreasury/circuits/batch"
	"github.com/zktreasury/zktreasury/circuits/gadget/bound"
	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
	"github.com/zktreasury/zktreasury/prover/batchrun"
)

// CrashEnv names the fault-injection hook of the batched prover's crash tests:
// ZKT_CRASH_AT=batch:<b> exits with CrashExitCode once batch b is proven and
// before its file is written, as a kill -9 would leave the run.
const CrashEnv = "ZKT_CRASH_AT"

// CrashExitCode is the exit code of an injected crash (128 + SIGKILL).
const CrashExitCode = 137

type batchMode int

const (
	batchNone batchMode = iota
	batchPlan
	batchProve
	batchJoin
)

// BatchOptions are the flags of the batched mode of `prove solvency`.
type BatchOptions struct {
	// BatchSize is K, the leaves per batch; Batches is M (0: the fewest).
	BatchSize int
	Batches   int
	Hash      string
	Plan      string
	Manifest  string
	Shard     string
	Workers   int
	Join      bool
	// Aggregate, with Join, proves the joined statement (one BW6-761 proof).
	Aggregate bool

	mode          batchMode
	shard         batchrun.Shard
	rangeCheckSet bool
}

func (b *BatchOptions) register(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.IntVar(&b.BatchSize, "batch-size", 0, "batched mode: leaves per batch K, a power of 2 (with --plan)")
	fl.IntVar(&b.Batches, "batches", 0, "batched mode: number of batches M, a power of 2 (default: the fewest that hold the ledger)")
	fl.StringVar(&b.Hash, "hash", "direct", "batched mode: how the batch circuit proves Poseidon2: "+strings.Join(circuit.HashModes, " or "))
	fl.StringVar(&b.Plan, "plan", "", "batched mode: write the run's manifest and batch keys into this directory")
	fl.StringVar(&b.Manifest, "manifest", "", "batched mode: the run directory a plan wrote; proves its batches (or joins them, with --join)")
	fl.StringVar(&b.Shard, "shard", "0/1", "with --manifest: prove shard I of N, the batches b with b mod N = I")
	fl.IntVar(&b.Workers, "workers", 0, "with --manifest: batches proven at once, at most (default: the CPUs; fewer if memory is short)")
	fl.BoolVar(&b.Join, "join", false, "with --manifest: check every batch proof and write the joined statement")
	fl.BoolVar(&b.Aggregate, "aggregate", false, "with --join: also prove the joined statement (one BW6-761 proof of every batch proof, joined.proof.json)")
}

// singleOnly are the flags of the single circuit, refused in batched mode.
var singleOnly = []string{"backend", "keys", "out", "capacity"}

// inputFlags name the inputs; with --manifest they come from the manifest.
var inputFlags = []string{"case", "policy", "prices", "positions", "liabilities", "secrets", "epoch", "range-check"}

func (b *BatchOptions) resolve(cmd *cobra.Command) error {
	fl := cmd.Flags()
	b.rangeCheckSet = fl.Changed("range-check")
	changed := func(names ...string) string {
		for _, n := range names {
			if fl.Changed(n) {
				return "--" + n
			}
		}
		return ""
	}
	switch {
	case b.Plan != "" && b.Manifest != "":
		return cmdutil.Usagef("--plan and --manifest: plan a run, or prove one, not both")
	case b.Plan != "":
		b.mode = batchPlan
		if f := changed("shard", "workers", "join", "aggregate"); f != "" {
			return cmdutil.Usagef("%s goes with --manifest, not --plan", f)
		}
		if !fl.Changed("batch-size") {
			return cmdutil.Usagef("--plan needs --batch-size K (leaves per batch, a power of 2)")
		}
		if k := b.BatchSize; k < 2 || k > circuit.MaxUsers || k&(k-1) != 0 {
			return cmdutil.Usagef("--batch-size %d: want a power of 2 in [2, %d]", k, circuit.MaxUsers)
		}
		if m := b.Batches; m < 0 || m&(m-1) != 0 {
			return cmdutil.Usagef("--batches %d: want a power of 2, or 0 for the fewest that hold the ledger", m)
		}
		if _, err := circuit.ParseHashMode(b.Hash); err != nil {
			return cmdutil.Usagef("--hash: %v", err)
		}
	case b.Manifest != "":
		b.mode = batchProve
		if b.Aggregate && !b.Join {
			return cmdutil.Usagef("--aggregate proves the joined statement: add --join")
		}
		if b.Join {
			b.mode = batchJoin
			if f := changed("shard", "workers"); f != "" {
				return cmdutil.Usagef("%s proves batches; --join only joins them", f)
			}
		}
		if f := changed(append(inputFlags, "batch-size", "batches", "hash")...); f != "" {
			return cmdutil.Usagef("%s: with --manifest the inputs and the batch shape come from %s's manifest", f, b.Manifest)
		}
		s, err := batchrun.ParseShard(b.Shard)
		if err != nil {
			return cmdutil.Usagef("--shard: %v", err)
		}
		b.shard = s
		if b.Workers < 0 {
			return cmdutil.Usagef("--workers %d: want 0 (the CPUs) or more", b.Workers)
		}
	default:
		if f := changed("batch-size", "batches", "hash", "shard", "workers", "join", "aggregate"); f != "" {
			return cmdutil.Usagef("%s is for the batched mode: add --plan DIR (with --batch-size) or --manifest DIR", f)
		}
		return nil
	}
	if f := changed(singleOnly...); f != "" {
		return cmdutil.Usagef("%s is for the single circuit, not the batched mode", f)
	}
	return nil
}

// PlanResult is the JSON output of a batched plan.
type PlanResult struct {
	Dir             string `json:"dir"`
	Epoch           uint64 `json:"epoch"`
	Users           int    `json:"users"`
	BatchSize       int    `json:"batchSize"`
	Batches         int    `json:"batches"`
	Circuit         string `json:"circuit"`
	Constraints     int    `json:"constraints"`
	LiabilitiesRoot string `json:"liabilitiesRoot"`
	InsecureKeys    bool   `json:"insecureKeys"`
}

func batchedRun(opts *SolvencyOptions) error {
	b := &opts.Batch
	prog := cmdutil.NewProgress(opts.F.Err, opts.JSON)
	switch b.mode {
	case batchPlan:
		return planRun(opts, prog)
	case batchProve:
		return shardRun(opts, prog)
	case batchJoin:
		return joinRun(opts, prog)
	}
	return fmt.Errorf("internal error: batched mode %d", b.mode)
}

func planRun(opts *SolvencyOptions, prog *cmdutil.Progress) error {
	b := &opts.Batch
	hash, _ := circuit.ParseHashMode(b.Hash)
	// Batch proofs are never verified on-chain: bits (no commitment) is the
	// default, as the batch design says, unless --range-check is given.
	rc := bound.Bits
	if b.rangeCheckSet {
		rc = opts.Inputs.Mode()
	}
	prog.Step("planning %s: batches of %d, %s hashing, %s range checks; the batch keys' setup is single-party (insecure, development only)", b.Plan, b.BatchSize, hash, rc)
	m, err := batchrun.Plan(batchrun.PlanConfig{Dir: b.Plan, Files: opts.Inputs.Files, Epoch: opts.Inputs.Epoch,
		BatchSize: b.BatchSize, Batches: b.Batches, Hash: hash, RangeCheck: rc})
	if err != nil {
		return err
	}
	res := PlanResult{Dir: b.Plan, Epoch: m.Epoch, Users: m.Users, BatchSize: m.BatchSize, Batches: m.Batches, Circuit: m.Circuit.Params,
		Constraints: m.Circuit.Constraints, LiabilitiesRoot: m.LiabilitiesRoot, InsecureKeys: m.Keys.Insecure}
	prog.Step("wrote %s/%s", b.Plan, batchrun.ManifestFile)
	if opts.JSON {
		return cmdutil.PrintJSON(opts.F.Out, res)
	}
	w := tabwriter.NewWriter(opts.F.Out, 0, 2, 2, ' ', 0)
	fmt.Fprintf(w, "run\t%s\n", res.Dir)
	fmt.Fprintf(w, "epoch\t%d\n", res.Epoch)
	fmt.Fprintf(w, "users\t%d in %d batches of %d\n", res.Users, res.Batches, res.BatchSize)
	fmt.Fprintf(w, "batch circuit\t%s, %d constraints\n", res.Circuit, res.Constraints)
	fmt.Fprintf(w, "liabilities root\t%s\n", res.LiabilitiesRoot)
	fmt.Fprintf(w, "keys\tINSECURE single-party setup (development only)\n")
	fmt.Fprintf(w, "next\tzktreasury prove solvency --manifest %s [--shard I/N]\n", res.Dir)
	return w.Flush()
}

// crashHook returns the ZKT_CRASH_AT hook of the batched prover, nil when unset.
func crashHook() func(int) {
	v := os.Getenv(CrashEnv)
	if v == "" {
		return nil
	}
	points := strings.Split(v, ",")
	return func(b int) {
		for _, p := range points {
			if p == fmt.Sprintf("batch:%d", b) {
				fmt.Fprintf(os.Stderr, "%s: crashing at %s\n", CrashEnv, p)
				os.Exit(CrashExitCode)
			}
		}
	}
}

func shardRun(opts *SolvencyOptions, prog *cmdutil.Progress) error {
	b := &opts.Batch
	prog.Step("proving shard %s of %s", b.shard, b.Manifest)
	res, err := batchrun.Prove(batchrun.ProveOptions{Dir: b.Manifest, Shard: b.shard, Workers: b.Workers, AfterProve: crashHook(),
		Progress: func(e batchrun.Event) {
			what := e.Batch.Status
			if e.Batch.Reason != "" {
				what += " (" + e.Batch.Reason + ")"
			}
			prog.Step("batch %d %s: %d/%d done, %.1fs elapsed, %.2f batches/s", e.Batch.Index, what, e.Done, e.Total, e.Elapsed.Seconds(), e.Rate)
		}})
	if err != nil {
		return err
	}
	if res.Warning != "" {
		fmt.Fprintln(opts.F.Err, "warning:", res.Warning)
	}
	if opts.JSON {
		return cmdutil.PrintJSON(opts.F.Out, res)
	}
	w := tabwriter.NewWriter(opts.F.Out, 0, 2, 2, ' ', 0)
	fmt.Fprintf(w, "shard\t%s: %d batches\n", res.Shard, res.Batches)
	fmt.Fprintf(w, "proved\t%d (%d of them replacing a refused file)\n", res.Proved, res.Reproved)
	fmt.Fprintf(w, "skipped\t%d already proven\n", res.Skipped)
	fmt.Fprintf(w, "in flight\t%d (memory %d MiB from %s, ~%d MiB per batch)\n", res.InFlight, res.Memory.Bytes>>20, res.Memory.Source, res.PeakPerBatch>>20)
	if res.SoftLimit > 0 {
		fmt.Fprintf(w, "soft limit\t%d MiB (Go's collector keeps the heap under it; GOMEMLIMIT overrides)\n", res.SoftLimit>>20)
	}
	fmt.Fprintf(w, "time\t%.1fs\n", res.Seconds)
	return w.Flush()
}

func joinRun(opts *SolvencyOptions, prog *cmdutil.Progress) error {
	b := &opts.Batch
	prog.Step("joining %s", b.Manifest)
	jo := batchrun.JoinOptions{Dir: b.Manifest}
	if b.Aggregate {
		jo.Aggregate = batchrun.ProofAggregator{Step: prog.Step}
	}
	j, err := batchrun.Join(jo)
	if errors.Is(err, batchrun.ErrBatchRejected) {
		// The check ran and the answer is no: exit 3, the reason on stderr.
		fmt.Fprintln(opts.F.Err, "error:", err)
		return &cmdutil.NoError{Reason: err.Error()}
	}
	if err != nil {
		return err
	}
	prog.Step("wrote %s/%s", b.Manifest, batchrun.JoinedFile)
	if opts.JSON {
		if b.Aggregate {
			return cmdutil.PrintJSON(opts.F.Out, struct {
				*batchrun.Joined
				JoinedProof string `json:"joinedProof"`
			}{j, filepath.Join(b.Manifest, batchrun.JoinedProofFile)})
		}
		return cmdutil.PrintJSON(opts.F.Out, j)
	}
	w := tabwriter.NewWriter(opts.F.Out, 0, 2, 2, ' ', 0)
	fmt.Fprintf(w, "epoch\t%d\n", j.Epoch)
	fmt.Fprintf(w, "users\t%d in %d batches of %d\n", j.Users, j.Batches, j.BatchSize)
	fmt.Fprintf(w, "liabilities root\t%s\n", j.LiabilitiesRoot)
	for _, t := range j.Totals {
		fmt.Fprintf(w, "liabilities %s\t%s\n", t.Symbol, t.Amount.String())
	}
	fmt.Fprintf(w, "joined\t%s/%s\n", b.Manifest, batchrun.JoinedFile)
	if b.Aggregate {
		fmt.Fprintf(w, "joined proof\t%s (BW6-761 Groth16, development keys: INSECURE)\n", filepath.Join(b.Manifest, batchrun.JoinedProofFile))
	} else {
		fmt.Fprintf(w, "joined proof\tnone: the batch proofs were checked natively (add --aggregate to prove the join)\n")
	}
	return w.Flush()
}

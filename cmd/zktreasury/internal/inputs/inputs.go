// Package inputs holds the flags that name a solvency statement's input files
// (a case directory or each file), shared by keys, prove and inclusion commands.
package inputs

import (
	"fmt"
	"github.com/zktreasury/zktreasury/prover/batch"

	"github.com/spf13/cobra"

	"github.com/zktreasury/zktreasury/circuits/gadget/bound"
	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
	"github.com/zktreasury/zktreasury/prover/statement"
	"github.com/zktreasury/zktreasury/treasury"
)

// Solvency are the flags naming a solvency statement's inputs.
type Solvency struct {
	Case        string
	Files       statement.SolvencyFiles
	Epoch       uint64
	Capacity    int
	RangeCheck  string
	epochSet    bool
	capacitySet bool
}

// Register adds the flags to a command. withData adds the data-file flags
// (prices, positions, liabilities, secrets, epoch); setup needs only the policy.
func (s *Solvency) Register(cmd *cobra.Command, withData bool) {
	s.register(cmd, withData, "lookup")
}

func (s *Solvency) register(cmd *cobra.Command, withData bool, defaultMode string) {
	fl := cmd.Flags()
	fl.StringVar(&s.Case, "case", "", "case directory holding policy.json, prices.csv, positions.csv, liabilities.csv, secrets.json, case.json (and actions.jsonl for epochs)")
	fl.StringVar(&s.Files.Policy, "policy", "", "policy file (JSON)")
	fl.IntVar(&s.Capacity, "capacity", 0, "liabilities tree capacity, a power of 4 (default: case.json, else the smallest that fits)")
	fl.StringVar(&s.RangeCheck, "range-check", defaultMode, "range-check strategy: lookup (fewer constraints) or bits (no commitment, cheaper on-chain)")
	if withData {
		fl.StringVar(&s.Files.Prices, "prices", "", "price snapshot (CSV asset,price_usd)")
		fl.StringVar(&s.Files.Positions, "positions", "", "reserve positions (CSV asset,venue,amount)")
		fl.StringVar(&s.Files.Liabilities, "liabilities", "", "liabilities ledger (CSV user_id,<asset>...)")
		fl.StringVar(&s.Files.Secrets, "secrets", "", "operator secrets (JSON stateSalt, userSaltKey)")
		fl.Uint64Var(&s.Epoch, "epoch", 0, "epoch number (default: case.json)")
	}
}

// Resolve fills unset flags from the case directory and checks that every file
// is named. Call it from RunE, after flag parsing.
func (s *Solvency) Resolve(cmd *cobra.Command, withData bool) error {
	return s.resolve(cmd, withData, withData)
}

func (s *Solvency) resolve(cmd *cobra.Command, withData, withLiabilities bool) error {
	s.epochSet = cmd.Flags().Changed("epoch")
	s.capacitySet = cmd.Flags().Changed("capacity")
	if _, err := bound.ParseMode(s.RangeCheck); err != nil {
		return cmdutil.Usagef("--range-check: %v", err)
	}
	if s.Case != "" {
		def := statement.CaseFiles(s.Case)
		fill := func(dst *string, v string) {
			if *dst == "" {
				*dst = v
			}
		}
		fill(&s.Files.Policy, def.Policy)
		if withData {
			fill(&s.Files.Prices, def.Prices)
			fill(&s.Files.Positions, def.Positions)
			fill(&s.Files.Liabilities, def.Liabilities)
			fill(&s.Files.Secrets, def.Secrets)
		}
		cp, err := statement.LoadCaseParams(s.Case)
		if err != nil {
			return err
		}
		if !s.epochSet {
			s.Epoch = cp.Epoch
		}
		if !s.capacitySet {
			s.Capacity = cp.Capacity
		}
	}
	missing := func(name, v string) error {
		if v == "" {
			return cmdutil.Usagef("no %s file: pass --%s or --case", name, name)
		}
		return nil
	}
	if err := missing("policy", s.Files.Policy); err != nil {
		return err
	}
	if withData {
		need := []struct{ n, v string }{{"prices", s.Files.Prices}, {"positions", s.Files.Positions}, {"secrets", s.Files.Secrets}}
		if withLiabilities {
			need = append(need, struct{ n, v string }{"liabilities", s.Files.Liabilities})
		}
		for _, x := range need {
			if err := missing(x.n, x.v); err != nil {
				return err
			}
		}
	}
	return nil
}

// Mode returns the parsed range-check mode (Resolve has validated it).
func (s *Solvency) Mode() bound.Mode {
	m, _ := bound.ParseMode(s.RangeCheck)
	return m
}

// LoadPolicy loads the policy alone.
func (s *Solvency) LoadPolicy() (*treasury.Policy, error) {
	return treasury.LoadPolicy(s.Files.Policy)
}

// Build loads every file and builds the statement.
func (s *Solvency) Build() (*statement.Solvency, *treasury.Policy, error) {
	in, err := statement.LoadSolvencyInputs(s.Files)
	if err != nil {
		return nil, nil, err
	}
	in.Epoch, in.Capacity, in.RangeCheck = s.Epoch, s.Capacity, s.Mode()
	st, err := statement.BuildSolvency(in)
	if err != nil {
		return nil, nil, fmt.Errorf("build solvency statement: %w", err)
	}
	return st, in.Policy, nil
}

// BuildBatched loads every file and cuts the ledger into batches of k users
// (prover/batch). It returns the batched ledger, the policy and the decimal
// ledger it was built from.
func (s *Solvency) BuildBatched(k int) (*batch.Ledger, *treasury.Policy, *treasury.Ledger, error) {
	in, err := statement.LoadSolvencyInputs(s.Files)
	if err != nil {
		return nil, nil, nil, err
	}
	l, err := batch.BuildLedger(in.Policy, in.Ledger, in.Secrets.UserSaltKey.Bytes(), k, 0)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("build batched ledger from %s: %w", s.Files.Liabilities, err)
	}
	return l, in.Policy, in.Ledger, nil
}

// Epoch are the flags naming an epoch's inputs: the solvency inputs (positions
// being S(n-1)), the epoch's action log and the number of action slots.
type Epoch struct {
	Solvency
	Actions string
	Slots   int
	// StartTime and EndTime bound the epoch, [start, end), unix seconds.
	StartTime, EndTime uint64
	// Rounds are the Chainlink rounds the case's prices were taken from, by
	// symbol (case.json), carried into the proof file for the registry.
	Rounds map[string]string
	// NeedLiabilities is false for a compliance proof alone.
	NeedLiabilities bool
}

// Register adds the flags; defaultMode is the default range-check strategy.
func (e *Epoch) Register(cmd *cobra.Command, defaultMode string) {
	e.Solvency.register(cmd, true, defaultMode)
	cmd.Flags().StringVar(&e.Actions, "actions", "", "the epoch's action log (JSON Lines, hash-chained)")
	cmd.Flags().IntVar(&e.Slots, "slots", 0, "action slots K of the compliance circuit (default: case.json, else the number of actions)")
	cmd.Flags().Uint64Var(&e.StartTime, "start", 0, "the epoch's start, unix seconds: the previous epoch's end (default: case.json startTime)")
	cmd.Flags().Uint64Var(&e.EndTime, "end", 0, "the epoch's end, unix seconds (default: case.json endTime)")
}

// RegisterShape adds only the flags that fix a circuit's shape (for key setup).
func (e *Epoch) RegisterShape(cmd *cobra.Command, defaultMode string) {
	e.Solvency.register(cmd, false, defaultMode)
	cmd.Flags().IntVar(&e.Slots, "slots", 0, "action slots K of the compliance circuit (default: case.json)")
}

// Resolve fills unset flags from the case directory; withData is false for setup.
func (e *Epoch) Resolve(cmd *cobra.Command, withData bool) error {
	if err := e.Solvency.resolve(cmd, withData, withData && e.NeedLiabilities); err != nil {
		return err
	}
	if e.Case != "" {
		if e.Actions == "" {
			e.Actions = statement.EpochCaseFiles(e.Case).Actions
		}
		cp, err := statement.LoadCaseParams(e.Case)
		if err != nil {
			return err
		}
		if !cmd.Flags().Changed("slots") {
			e.Slots = cp.Slots
		}
		if withData && !cmd.Flags().Changed("start") {
			e.StartTime = cp.StartTime
		}
		if withData && !cmd.Flags().Changed("end") {
			e.EndTime = cp.EndTime
		}
		e.Rounds = cp.Rounds
	}
	if withData && e.Actions == "" {
		return cmdutil.Usagef("no actions file: pass --actions or --case")
	}
	if withData && (e.EndTime == 0 || e.EndTime < e.StartTime) {
		return cmdutil.Usagef("the epoch's window [--start %d, --end %d) is not set or ends before it starts: pass --start and --end (unix seconds) or set startTime and endTime in case.json", e.StartTime, e.EndTime)
	}
	return nil
}

// Load loads the inputs (without the ledger unless NeedLiabilities).
func (e *Epoch) Load() (statement.EpochInputs, error) {
	files := statement.EpochFiles{SolvencyFiles: e.Files, Actions: e.Actions}
	var in statement.EpochInputs
	var err error
	if e.NeedLiabilities {
		in, err = statement.LoadEpochInputs(files)
	} else {
		in, err = statement.LoadComplianceInputs(files)
	}
	if err != nil {
		return in, err
	}
	in.Epoch, in.Capacity, in.Slots, in.RangeCheck = e.Epoch, e.Capacity, e.Slots, e.Mode()
	in.StartTime, in.EndTime = e.StartTime, e.EndTime
	return in, nil
}

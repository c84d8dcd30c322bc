// Package inputs holds the flags that name a solvency statement's input files
// (a case directory or each file), shared by keys, prove and inclusion commands.
package inputs

import (
	"fmt"

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
	fl := cmd.Flags()
	fl.StringVar(&s.Case, "case", "", "case directory holding policy.json, prices.csv, positions.csv, liabilities.csv, secrets.json, case.json")
	fl.StringVar(&s.Files.Policy, "policy", "", "policy file (JSON)")
	fl.IntVar(&s.Capacity, "capacity", 0, "liabilities tree capacity, a power of 4 (default: case.json, else the smallest that fits)")
	fl.StringVar(&s.RangeCheck, "range-check", "lookup", "range-check strategy: lookup (fewer constraints) or bits (no commitment, cheaper on-chain)")
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
		for _, x := range []struct{ n, v string }{{"prices", s.Files.Prices}, {"positions", s.Files.Positions}, {"liabilities", s.Files.Liabilities}, {"secrets", s.Files.Secrets}} {
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

package statement

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/zktreasury/zktreasury/treasury"
	"github.com/zktreasury/zktreasury/treasury/actionlog"
	"github.com/zktreasury/zktreasury/treasury/fixed"
)

// Case file names inside a case directory (testdata/solvency/<case>/).
const (
	PolicyFile      = "policy.json"
	PricesFile      = "prices.csv"
	PositionsFile   = "positions.csv"
	LiabilitiesFile = "liabilities.csv"
	SecretsFile     = "secrets.json"
	CaseFile        = "case.json"
)

// CaseParams are the non-file parameters of a case.
type CaseParams struct {
	Epoch    uint64 `json:"epoch"`
	Capacity int    `json:"capacity"`
	// Slots is the compliance circuit's number of action slots K.
	Slots int `json:"slots,omitempty"`
	// StartTime and EndTime bound an epoch case's epoch, [start, end), in unix
	// seconds: the registry requires start to be the previous epoch's end.
	StartTime uint64 `json:"startTime,omitempty"`
	EndTime   uint64 `json:"endTime,omitempty"`
	// Rounds names, per asset symbol, the Chainlink round each price is taken
	// from (decimal uint80); the registry reads those rounds and derives the
	// prices itself, so a price that is not the round's is refused on-chain.
	Rounds map[string]string `json:"rounds,omitempty"`
	// Expect is what an audit must find (`zktreasury audit`): "" for a case
	// that proves, ExpectInsolvent for one whose proving must be refused as
	// insolvent, with no proof written.
	Expect string `json:"expect,omitempty"`
	// Proofs lists the proofs an audit regenerates for the case ("epoch",
	// "solvency"); empty means the epoch proof for a case with an action log,
	// else the solvency proof. An epoch case's solvency proof is of S(n).
	Proofs []string `json:"proofs,omitempty"`
}

// ExpectInsolvent marks a case that must not prove (CaseParams.Expect).
const ExpectInsolvent = "insolvent"

// SolvencyFiles names the input files of a solvency proof.
type SolvencyFiles struct {
	Policy, Prices, Positions, Liabilities, Secrets string
}

// CaseFiles returns the standard file names inside a case directory.
func CaseFiles(dir string) SolvencyFiles {
	return SolvencyFiles{
		Policy: filepath.Join(dir, PolicyFile), Prices: filepath.Join(dir, PricesFile),
		Positions: filepath.Join(dir, PositionsFile), Liabilities: filepath.Join(dir, LiabilitiesFile),
		Secrets: filepath.Join(dir, SecretsFile),
	}
}

// LoadCaseParams reads dir/case.json; a missing file gives zero values.
func LoadCaseParams(dir string) (CaseParams, error) {
	path := filepath.Join(dir, CaseFile)
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return CaseParams{}, nil
	}
	if err != nil {
		return CaseParams{}, fmt.Errorf("load case %s: %w", path, err)
	}
	var c CaseParams
	if err := treasury.DecodeStrictJSON(path, data, &c); err != nil {
		return CaseParams{}, err
	}
	if c.Expect != "" && c.Expect != ExpectInsolvent {
		return CaseParams{}, &treasury.InputError{File: path, Field: "expect", Value: c.Expect, Msg: fmt.Sprintf("want %q or nothing", ExpectInsolvent)}
	}
	for i, p := range c.Proofs {
		if p != "epoch" && p != "solvency" {
			return CaseParams{}, &treasury.InputError{File: path, Field: fmt.Sprintf("proofs[%d]", i), Value: p, Msg: `want "epoch" or "solvency"`}
		}
	}
	return c, nil
}

// LoadSolvencyInputs loads and validates every input file.
func LoadSolvencyInputs(f SolvencyFiles) (SolvencyInputs, error) {
	var in SolvencyInputs
	var err error
	if in.Policy, err = treasury.LoadPolicy(f.Policy); err != nil {
		return in, err
	}
	if in.Prices, err = treasury.LoadPrices(f.Prices, in.Policy); err != nil {
		return in, err
	}
	if in.Positions, err = treasury.LoadPositions(f.Positions, in.Policy); err != nil {
		return in, err
	}
	if in.Ledger, err = treasury.LoadLedger(f.Liabilities, in.Policy); err != nil {
		return in, err
	}
	if in.Secrets, err = LoadSecrets(f.Secrets); err != nil {
		return in, err
	}
	if err := checkFits(f, in.Policy, in.Prices, in.Positions); err != nil {
		return in, err
	}
	for _, u := range in.Ledger.Users {
		for a, ap := range in.Policy.Assets {
			if _, err := fixed.Units(u.Balance[a], ap.CircuitDecimals, fixed.Up); err != nil {
				return in, &treasury.InputError{File: f.Liabilities, Field: ap.Symbol, Value: u.Balance[a].String(), Msg: fmt.Sprintf("user %q: %v", u.ID, err)}
			}
		}
	}
	return in, nil
}

// checkFits refuses, naming the file, a price or position that does not fit
// the circuit at its asset's scale (the loaders check syntax and sign; the
// scale is the policy's).
func checkFits(f SolvencyFiles, p *treasury.Policy, pr *treasury.Prices, pos *treasury.Positions) error {
	if _, err := EncodePrices(p, pr); err != nil {
		return &treasury.InputError{File: f.Prices, Field: "price_usd", Msg: err.Error()}
	}
	if _, err := EncodePositions(p, pos); err != nil {
		return &treasury.InputError{File: f.Positions, Field: "amount", Msg: err.Error()}
	}
	return nil
}

// ActionsFile is the action log of an epoch case.
const ActionsFile = "actions.jsonl"

// EpochFiles names the input files of an epoch proof: the solvency files (with
// Positions being S(n-1)) and the epoch's action log.
type EpochFiles struct {
	SolvencyFiles
	Actions string
}

// EpochCaseFiles returns the standard file names inside an epoch case directory.
func EpochCaseFiles(dir string) EpochFiles {
	return EpochFiles{SolvencyFiles: CaseFiles(dir), Actions: filepath.Join(dir, ActionsFile)}
}

// LoadEpochInputs loads every input file; the actions are the log's entries (the
// log's hash chain is verified on load). Epoch, Capacity and Slots are left to
// the caller; BuildEpoch refuses entries of another epoch.
func LoadEpochInputs(f EpochFiles) (EpochInputs, error) {
	s, err := LoadSolvencyInputs(f.SolvencyFiles)
	if err != nil {
		return EpochInputs{}, err
	}
	return withActions(s, f.Actions)
}

// LoadComplianceInputs loads what a compliance proof needs: everything but the
// liabilities ledger.
func LoadComplianceInputs(f EpochFiles) (EpochInputs, error) {
	var s SolvencyInputs
	var err error
	if s.Policy, err = treasury.LoadPolicy(f.Policy); err != nil {
		return EpochInputs{}, err
	}
	if s.Prices, err = treasury.LoadPrices(f.Prices, s.Policy); err != nil {
		return EpochInputs{}, err
	}
	if s.Positions, err = treasury.LoadPositions(f.Positions, s.Policy); err != nil {
		return EpochInputs{}, err
	}
	if s.Secrets, err = LoadSecrets(f.Secrets); err != nil {
		return EpochInputs{}, err
	}
	if err := checkFits(f.SolvencyFiles, s.Policy, s.Prices, s.Positions); err != nil {
		return EpochInputs{}, err
	}
	return withActions(s, f.Actions)
}

func withActions(s SolvencyInputs, actionsPath string) (EpochInputs, error) {
	f := EpochFiles{Actions: actionsPath}
	entries, err := actionlog.Load(f.Actions)
	if err != nil {
		return EpochInputs{}, err
	}
	if err := actionlog.CheckAgainstPolicy(entries, s.Policy); err != nil {
		return EpochInputs{}, fmt.Errorf("%s: %w", f.Actions, err)
	}
	in := EpochInputs{Policy: s.Policy, Prices: s.Prices, Prev: s.Positions, Ledger: s.Ledger, Secrets: s.Secrets, entries: entries, fromLog: true}
	for _, e := range entries {
		in.Actions = append(in.Actions, e.Action())
	}
	return in, nil
}

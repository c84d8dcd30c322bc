package statement

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/zktreasury/zktreasury/treasury"
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
}

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
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil {
		return CaseParams{}, &treasury.InputError{File: path, Msg: fmt.Sprintf("invalid case JSON: %v", err)}
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
	return in, nil
}

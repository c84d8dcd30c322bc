package engine

import (
	"errors"
	"os"
	"path/filepath"

	"github.com/zktreasury/zktreasury/treasury"
	"github.com/zktreasury/zktreasury/treasury/corridor"
)

// Paths name the input files of a run. Dir, when set, supplies the default
// of every empty path: policy.json, positions.csv, prices.csv, engine.json
// (optional: the defaults apply when it is missing) and liabilities.csv
// (optional).
type Paths struct {
	Dir, Policy, Positions, Prices, Config, Liabilities string
}

// Resolve fills empty paths from Dir. Optional files are kept only if they
// exist.
func (p Paths) Resolve() Paths {
	if p.Dir == "" {
		return p
	}
	def := func(s *string, name string, optional bool) {
		if *s != "" {
			return
		}
		path := filepath.Join(p.Dir, name)
		if optional {
			if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
				return
			}
		}
		*s = path
	}
	def(&p.Policy, "policy.json", false)
	def(&p.Positions, "positions.csv", false)
	def(&p.Prices, "prices.csv", false)
	def(&p.Config, "engine.json", true)
	def(&p.Liabilities, "liabilities.csv", true)
	return p
}

// Inputs are the loaded files; a missing optional file leaves its field nil.
type Inputs struct {
	Policy      *treasury.Policy
	Config      *Config
	Positions   *treasury.Positions
	Prices      *treasury.Prices
	Liabilities *treasury.Ledger
	// State and CircuitPrices are Positions and Prices at circuit scale.
	State         corridor.State
	CircuitPrices corridor.Prices
}

// Load reads what the paths name. needPositions asks for positions and
// prices to be present.
func Load(paths Paths, needPositions bool) (*Inputs, error) {
	paths = paths.Resolve()
	if paths.Policy == "" {
		return nil, errors.New("no policy file: pass --policy FILE or --dir DIR")
	}
	in := &Inputs{}
	var err error
	if in.Policy, err = treasury.LoadPolicy(paths.Policy); err != nil {
		return nil, err
	}
	if paths.Config != "" {
		if in.Config, err = LoadConfig(paths.Config, in.Policy); err != nil {
			return nil, err
		}
	} else {
		c := DefaultConfig()
		if err := c.Validate("(default engine config)", in.Policy); err != nil {
			return nil, err
		}
		in.Config = &c
	}
	if needPositions && (paths.Positions == "" || paths.Prices == "") {
		return nil, errors.New("positions and prices are required: pass --positions FILE --prices FILE or --dir DIR")
	}
	if paths.Positions != "" {
		if in.Positions, err = treasury.LoadPositions(paths.Positions, in.Policy); err != nil {
			return nil, err
		}
		if in.State, err = corridor.StateFromPositions(in.Policy, in.Positions); err != nil {
			return nil, &treasury.InputError{File: paths.Positions, Field: "amount", Msg: err.Error()}
		}
	}
	if paths.Prices != "" {
		if in.Prices, err = treasury.LoadPrices(paths.Prices, in.Policy); err != nil {
			return nil, err
		}
		if in.CircuitPrices, err = corridor.PricesFromSnapshot(in.Policy, in.Prices); err != nil {
			return nil, &treasury.InputError{File: paths.Prices, Field: "price_usd", Msg: err.Error()}
		}
	}
	if paths.Liabilities != "" {
		if in.Liabilities, err = treasury.LoadLedger(paths.Liabilities, in.Policy); err != nil {
			return nil, err
		}
	}
	return in, nil
}

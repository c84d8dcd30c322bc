package runner

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
	"github.com/zktreasury/zktreasury/prover/statement"
	"github.com/zktreasury/zktreasury/treasury"
	"github.com/zktreasury/zktreasury/treasury/corridor"
	"github.com/zktreasury/zktreasury/treasury/engine"
)

// inputs are a run's loaded inputs.
type inputs struct {
	policy  *treasury.Policy
	engine  *engine.Config
	s0      *treasury.Positions
	ledger  *treasury.Ledger
	secrets *statement.Secrets
	series  *treasury.PriceSeries
	// raw file contents copied into every epoch's case directory
	policyRaw, ledgerRaw, secretsRaw []byte
}

func loadInputs(c *Config) (*inputs, error) {
	in := &inputs{}
	var err error
	if in.policy, err = treasury.LoadPolicy(c.Path(c.Policy)); err != nil {
		return nil, err
	}
	if in.engine, err = engine.LoadConfig(c.Path(c.Engine), in.policy); err != nil {
		return nil, err
	}
	in.engine.MaxActions = c.Slots
	if in.s0, err = treasury.LoadPositions(c.Path(c.Positions), in.policy); err != nil {
		return nil, err
	}
	if in.ledger, err = treasury.LoadLedger(c.Path(c.Liabilities), in.policy); err != nil {
		return nil, err
	}
	if len(in.ledger.Users) > c.Capacity {
		return nil, c.fieldErr("capacity", fmt.Sprint(c.Capacity), "%s has %d users, more than the tree holds", c.Liabilities, len(in.ledger.Users))
	}
	if _, err := inclusionNames(in.ledger); err != nil {
		return nil, &treasury.InputError{File: c.Path(c.Liabilities), Field: "user_id", Msg: err.Error()}
	}
	if in.secrets, err = statement.LoadSecrets(c.Path(c.Secrets)); err != nil {
		return nil, err
	}
	if c.Live != nil {
		// Live feeds price the epochs: the series is not read.
		if err := c.checkLiveAssets(in.policy); err != nil {
			return nil, err
		}
	} else {
		if err := in.loadSeries(c); err != nil {
			return nil, err
		}
		// Every date's prices must fit the circuit (not round to zero at the asset's scale,
		// not overflow 64 bits of value units): refused here, before anything is deployed or
		// planned. (Live rounds are checked as they are read.)
		for d := range in.series.Dates {
			if _, err := corridor.PricesFromSnapshot(in.policy, in.series.Snapshot(d)); err != nil {
				return nil, &treasury.InputError{File: c.Path(c.Series), Field: "price",
					Msg: fmt.Sprintf("%s: %v", in.series.Dates[d].Format(treasury.DateLayout), err)}
			}
		}
	}
	for _, f := range []struct {
		path string
		into *[]byte
	}{{c.Path(c.Policy), &in.policyRaw}, {c.Path(c.Liabilities), &in.ledgerRaw}, {c.Path(c.Secrets), &in.secretsRaw}} {
		if *f.into, err = os.ReadFile(f.path); err != nil {
			return nil, err
		}
	}
	return in, nil
}

func (in *inputs) loadSeries(c *Config) error {
	var err error
	if in.series, err = treasury.LoadPriceSeries(c.Path(c.Series), in.policy); err != nil {
		return err
	}
	if in.series.Len() < 2 {
		return &treasury.InputError{File: c.Path(c.Series), Msg: fmt.Sprintf("%d dates: want the genesis date and at least one epoch end", in.series.Len())}
	}
	for d := range in.series.Dates {
		for a, p := range in.series.USD[d] {
			if !p.Shift(8).Equal(p.Shift(8).Truncate(0)) {
				return &treasury.InputError{File: c.Path(c.Series), Field: "price", Value: p.String(),
					Msg: fmt.Sprintf("%s on %s has more than 8 decimals: a Chainlink USD feed (8 decimals) cannot answer it exactly", in.policy.Assets[a].Symbol, in.series.Dates[d].Format(treasury.DateLayout))}
			}
		}
	}
	return nil
}

// epochs is the number of epochs the series holds (its dates after the genesis).
func (in *inputs) epochs() uint64 { return uint64(in.series.Len() - 1) }

// times returns epoch n's [start, end) in unix seconds: the series' dates n-1 and n.
func (in *inputs) times(n uint64) (start, end uint64) {
	return uint64(in.series.Dates[n-1].Unix()), uint64(in.series.Dates[n].Unix())
}

// pricesCSV renders a series snapshot as a prices.csv.
func pricesCSV(p *treasury.Policy, usd []decimal.Decimal) []byte {
	var b bytes.Buffer
	b.WriteString("asset,price_usd\n")
	for a, asset := range p.Assets {
		fmt.Fprintf(&b, "%s,%s\n", asset.Symbol, usd[a].String())
	}
	return b.Bytes()
}

// positionsCSV renders a state as a positions.csv, every non-zero position, exactly.
func positionsCSV(p *treasury.Policy, s corridor.State) []byte {
	pos := corridor.PositionsFromState(p, s)
	var b bytes.Buffer
	b.WriteString("asset,venue,amount\n")
	n := 0
	for a, asset := range p.Assets {
		for v, venue := range p.Venues {
			if pos.Amount[a][v].IsZero() {
				continue
			}
			fmt.Fprintf(&b, "%s,%s,%s\n", asset.Symbol, venue.ID, pos.Amount[a][v].String())
			n++
		}
	}
	if n == 0 { // a positions file must have a row
		fmt.Fprintf(&b, "%s,%s,0\n", p.Assets[0].Symbol, p.Venues[0].ID)
	}
	return b.Bytes()
}

// writeDirAtomic writes files into a fresh temporary directory next to dir and renames it to
// dir, so dir either holds every file or does not exist.
func writeDirAtomic(dir string, files map[string][]byte) error {
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dir)+".tmp-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	for name, data := range files {
		perm := os.FileMode(0o644)
		if strings.Contains(name, "secrets") {
			perm = 0o600
		}
		if err := cmdutil.WriteFileAtomic(filepath.Join(tmp, name), data, perm); err != nil {
			return err
		}
	}
	if err := os.Rename(tmp, dir); err != nil {
		return fmt.Errorf("write %s: %w", dir, err)
	}
	return syncDir(parent)
}

func syncDir(dir string) error {
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := f.Sync(); err != nil && !errors.Is(err, os.ErrInvalid) {
		return err
	}
	return nil
}

// removeStaleTemps removes temporary directories a crash left in dir.
func removeStaleTemps(dir string) {
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if e.IsDir() && strings.HasPrefix(e.Name(), ".") && strings.Contains(e.Name(), ".tmp-") {
			os.RemoveAll(filepath.Join(dir, e.Name()))
		}
	}
}

// sameFiles reports the first of files whose content in dir is not the given one.
func sameFiles(dir string, files map[string][]byte) error {
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		path := filepath.Join(dir, n)
		got, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if !bytes.Equal(got, files[n]) {
			gl, wl := strings.Split(string(got), "\n"), strings.Split(string(files[n]), "\n")
			line := 1
			for line <= len(gl) && line <= len(wl) && gl[line-1] == wl[line-1] {
				line++
			}
			return fmt.Errorf("%s:%d differs from what the run's inputs give", path, line)
		}
	}
	return nil
}

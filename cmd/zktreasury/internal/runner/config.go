// Package runner runs treasury epochs end to end — plan with the engine, execute on the venue
// model, log, prove, verify, submit to a chain, write the users' inclusion files — and keeps a
// state directory from which a run killed at any point resumes to the same end state. The
// `zktreasury run` command is a thin layer over Run; tests drive it in-process.
package runner

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/zktreasury/zktreasury/circuits/gadget/bound"
	"github.com/zktreasury/zktreasury/prover"
	"github.com/zktreasury/zktreasury/prover/zk"
	"github.com/zktreasury/zktreasury/treasury"
)

// ConfigFormat is the format tag of a run configuration.
const ConfigFormat = "zktreasury-run/1"

// Config is a run configuration (config.json). Paths are relative to the file's directory.
type Config struct {
	// Comment is free text, ignored: JSON has no comments, `run --init` writes them here.
	Comment json.RawMessage `json:"//,omitempty"`
	// Format must be ConfigFormat.
	Format string `json:"format"`
	// Policy, Engine, Positions (S(0)), Liabilities, Secrets and Series (the price series, one
	// date per epoch end, the first date the genesis) name the input files. Series is not used
	// (and may be empty) with Live.
	Policy      string `json:"policy"`
	Engine      string `json:"engine"`
	Positions   string `json:"positions"`
	Liabilities string `json:"liabilities"`
	Secrets     string `json:"secrets"`
	Series      string `json:"series"`
	// Capacity is the liabilities tree capacity; Slots is K, the action slots per epoch (the
	// engine plans at most K actions: it overrides engine.json's maxActions).
	Capacity int `json:"capacity"`
	Slots    int `json:"slots"`
	// Backend is groth16 or plonk; RangeCheck lookup or bits ("": bits, the epoch circuit's
	// default, whose Groth16 proofs carry no commitment).
	Backend    string `json:"backend,omitempty"`
	RangeCheck string `json:"rangeCheck,omitempty"`
	// Keys is the key store; State the state directory.
	Keys  string `json:"keys"`
	State string `json:"state"`
	// Standalone lists extra off-chain proofs per epoch: "solvency", "compliance".
	Standalone []string `json:"standalone,omitempty"`
	// Chain is where epochs are submitted; empty: an in-process simulated chain kept in the
	// state directory.
	Chain ChainConfig `json:"chain"`
	// Live, when set, prices every epoch from live Chainlink feeds instead of the series: run
	// deploys no mock feed and pushes no round.
	Live *LiveConfig `json:"live,omitempty"`

	// path is the file the configuration was read from; dir its directory.
	path, dir string
}

// ChainConfig names the chain epochs are submitted to.
type ChainConfig struct {
	// RPC is a node's JSON-RPC URL; "" runs the in-process simulated chain.
	RPC string `json:"rpc,omitempty"`
	// Key is a file holding the signer's hex private key; DevAccount funds a fresh key from a
	// geth --dev node's unlocked account. One of them with RPC.
	Key        string `json:"key,omitempty"`
	DevAccount bool   `json:"devAccount,omitempty"`
}

// LoadConfig reads and checks a run configuration; every error names the file and the field.
func LoadConfig(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("load run config: %w", err)
	}
	var c Config
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil {
		return nil, &treasury.InputError{File: path, Msg: fmt.Sprintf("invalid run config JSON: %v", err)}
	}
	if dec.More() {
		return nil, &treasury.InputError{File: path, Msg: "trailing data after the JSON object"}
	}
	c.path, c.dir = path, filepath.Dir(path)
	if err := c.validate(); err != nil {
		return nil, err
	}
	return &c, nil
}

func (c *Config) fieldErr(field, value, format string, args ...any) error {
	return &treasury.InputError{File: c.path, Field: field, Value: value, Msg: fmt.Sprintf(format, args...)}
}

func (c *Config) validate() error {
	if c.Format != ConfigFormat {
		return c.fieldErr("format", c.Format, "want %q", ConfigFormat)
	}
	for _, f := range []struct{ name, v string }{
		{"policy", c.Policy}, {"engine", c.Engine}, {"positions", c.Positions}, {"liabilities", c.Liabilities},
		{"secrets", c.Secrets}, {"series", c.Series}, {"keys", c.Keys}, {"state", c.State},
	} {
		if f.name == "series" && c.Live != nil {
			continue // live feeds price the epochs
		}
		if f.v == "" {
			return c.fieldErr(f.name, "", "required: a path relative to the config's directory")
		}
	}
	for _, f := range []struct{ name, v string }{
		{"policy", c.Policy}, {"engine", c.Engine}, {"positions", c.Positions}, {"liabilities", c.Liabilities},
		{"secrets", c.Secrets}, {"series", c.Series},
	} {
		if f.name == "series" && c.Live != nil {
			continue
		}
		if _, err := os.Stat(c.Path(f.v)); err != nil {
			return c.fieldErr(f.name, f.v, "cannot read %s: %v", c.Path(f.v), err)
		}
	}
	if c.Capacity <= 0 {
		return c.fieldErr("capacity", fmt.Sprint(c.Capacity), "want the liabilities tree capacity, a positive number")
	}
	if c.Slots <= 0 {
		return c.fieldErr("slots", fmt.Sprint(c.Slots), "want the action slots per epoch K, a positive number")
	}
	if c.Backend == "" {
		c.Backend = "groth16"
	}
	if _, err := zk.ByName(c.Backend); err != nil {
		return c.fieldErr("backend", c.Backend, "%v", err)
	}
	if c.RangeCheck == "" {
		c.RangeCheck = prover.DefaultRangeCheck("epoch").String()
	}
	if _, err := bound.ParseMode(c.RangeCheck); err != nil {
		return c.fieldErr("rangeCheck", c.RangeCheck, "%v", err)
	}
	seen := map[string]bool{}
	for i, s := range c.Standalone {
		if s != "solvency" && s != "compliance" {
			return c.fieldErr(fmt.Sprintf("standalone[%d]", i), s, "want solvency or compliance")
		}
		if seen[s] {
			return c.fieldErr(fmt.Sprintf("standalone[%d]", i), s, "listed twice")
		}
		seen[s] = true
	}
	ch := c.Chain
	switch {
	case ch.RPC == "" && (ch.Key != "" || ch.DevAccount):
		return c.fieldErr("chain.rpc", "", "chain.key and chain.devAccount need chain.rpc (without it the simulated chain signs with its own key)")
	case ch.RPC != "" && (ch.Key == "") == !ch.DevAccount:
		return c.fieldErr("chain.key", ch.Key, "with chain.rpc, set exactly one of chain.key (a key file) and chain.devAccount")
	}
	if c.Live != nil {
		return c.validateLive()
	}
	return nil
}

// Path resolves a path of the configuration against its directory.
func (c *Config) Path(p string) string {
	if p == "" || filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(c.dir, p)
}

// RangeMode is the configuration's range-check mode.
func (c *Config) RangeMode() bound.Mode {
	m, _ := bound.ParseMode(c.RangeCheck)
	return m
}

// SetState replaces the state directory (a path as given on the command line).
func (c *Config) SetState(dir string) { c.State = absOrWD(dir) }

// SetKeys replaces the key store (a path as given on the command line).
func (c *Config) SetKeys(dir string) { c.Keys = absOrWD(dir) }

// SetChain replaces the chain (flags as given on the command line: a key path is made absolute).
func (c *Config) SetChain(ch ChainConfig) {
	if ch.Key != "" {
		ch.Key = absOrWD(ch.Key)
	}
	c.Chain = ch
}

func absOrWD(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return p
}

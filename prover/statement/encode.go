// Package statement turns the treasury's decimal inputs into the exact integers,
// commitments and trees a proof is about, and assigns them to circuit witnesses.
// It is the only place where decimals become field elements; the rounding rules
// are those of treasury/fixed (reserves down, liabilities up, limits stricter).
package statement

import (
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"os"
	"strings"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/consensys/gnark/frontend"
	"github.com/shopspring/decimal"

	"github.com/zktreasury/zktreasury/circuits/gadget/poseidon"
	"github.com/zktreasury/zktreasury/circuits/policy"
	"github.com/zktreasury/zktreasury/prover/hashing"
	"github.com/zktreasury/zktreasury/treasury"
	"github.com/zktreasury/zktreasury/treasury/fixed"
)

// Secrets are the operator's blinding secrets: the salt of the state commitment
// and the key every user's salt is derived from. Losing them makes proofs
// impossible to regenerate; leaking them lets anyone brute-force positions.
type Secrets struct {
	StateSalt   fr.Element
	UserSaltKey fr.Element
}

// StateSaltFor returns the salt of the state commitment of epoch n,
// H(TagSalt, stateSalt, n): fresh per epoch, so equal positions in two epochs do
// not give equal commitments, and derivable by an auditor holding the secrets.
func (s *Secrets) StateSaltFor(epoch uint64) fr.Element {
	return hashing.Hash(poseidon.TagSalt, s.StateSalt, hashing.FromUint64(epoch))
}

// ActionsSaltFor returns the salt that starts the actions hash chain of epoch n.
func (s *Secrets) ActionsSaltFor(epoch uint64) fr.Element {
	return hashing.Hash(poseidon.TagActions, s.StateSalt, hashing.FromUint64(epoch))
}

type secretsFile struct {
	StateSalt   string `json:"stateSalt"`
	UserSaltKey string `json:"userSaltKey"`
}

// LoadSecrets reads a JSON file {"stateSalt": "0x…", "userSaltKey": "0x…"} of
// canonical field elements in hex.
func LoadSecrets(path string) (*Secrets, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("load secrets %s: %w", path, err)
	}
	var f secretsFile
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return nil, &treasury.InputError{File: path, Msg: fmt.Sprintf("invalid secrets JSON: %v", err)}
	}
	s := &Secrets{}
	for _, x := range []struct {
		field string
		val   string
		dst   *fr.Element
	}{{"stateSalt", f.StateSalt, &s.StateSalt}, {"userSaltKey", f.UserSaltKey, &s.UserSaltKey}} {
		e, err := ParseElement(x.val)
		if err != nil {
			return nil, &treasury.InputError{File: path, Field: x.field, Value: x.val, Msg: err.Error()}
		}
		if e.IsZero() {
			return nil, &treasury.InputError{File: path, Field: x.field, Value: x.val, Msg: "must not be zero"}
		}
		*x.dst = e
	}
	return s, nil
}

// ParseElement parses a canonical field element written as 0x-prefixed hex or
// decimal.
func ParseElement(s string) (fr.Element, error) {
	var b big.Int
	var ok bool
	if rest, found := strings.CutPrefix(s, "0x"); found {
		if _, err := hex.DecodeString(strings.Repeat("0", len(rest)%2) + rest); err != nil || rest == "" {
			return fr.Element{}, errors.New("not a hex number")
		}
		_, ok = b.SetString(rest, 16)
	} else {
		_, ok = b.SetString(s, 10)
	}
	if !ok || b.Sign() < 0 {
		return fr.Element{}, errors.New("not a non-negative integer")
	}
	if b.Cmp(fr.Modulus()) >= 0 {
		return fr.Element{}, errors.New("not below the BN254 scalar field modulus")
	}
	var e fr.Element
	e.SetBigInt(&b)
	return e, nil
}

// Hex formats a field element as 0x-prefixed 64-digit hex.
func Hex(e fr.Element) string {
	b := e.Bytes()
	return "0x" + hex.EncodeToString(b[:])
}

func flag(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

// EncodePolicy returns the policy's integer parameters: USD limits become value
// units rounded down (the stricter side), flags 0/1.
func EncodePolicy(p *treasury.Policy) (policy.Vars, error) {
	v := policy.NewVars(len(p.Assets), len(p.Venues))
	v.ValueDecimals = uint64(p.ValueDecimals)
	v.Paused = flag(p.Paused)
	v.MinRatioBps = uint64(p.MinSolvencyRatioBps)
	v.MaxSlippageBps = uint64(p.MaxSlippageBps)
	v.BufferFloorBps = uint64(p.LiquidityBufferBps)
	for _, c := range []struct {
		name string
		usd  decimal.Decimal
		dst  *frontend.Variable
	}{{"notionalCapUSD", p.NotionalCapUSD, &v.NotionalCap}, {"turnoverCapUSD", p.TurnoverCapUSD, &v.TurnoverCap}, {"lossBudgetUSD", p.LossBudgetUSD, &v.LossBudget}} {
		x, err := fixed.Value(c.usd, p.ValueDecimals, fixed.Down)
		if err != nil {
			return v, fmt.Errorf("policy %s: %w", c.name, err)
		}
		*c.dst = x
	}
	for a, ap := range p.Assets {
		v.Assets[a] = policy.AssetVars{
			CircuitDecimals: uint64(ap.CircuitDecimals),
			Allowed:         flag(ap.Allowed),
			Stable:          flag(ap.Stable),
			Coverage:        flag(ap.Coverage),
			TargetWeightBps: uint64(ap.TargetWeightBps),
			WeightMinBps:    uint64(ap.WeightMinBps),
			WeightMaxBps:    uint64(ap.WeightMaxBps),
		}
		for vi, venue := range p.Venues {
			v.HaircutBps[a][vi] = uint64(ap.HaircutsBps[venue.ID])
		}
	}
	for vi, venue := range p.Venues {
		c, err := fixed.Value(venue.CapUSD, p.ValueDecimals, fixed.Down)
		if err != nil {
			return v, fmt.Errorf("policy venues[%d].capUSD: %w", vi, err)
		}
		v.Venues[vi] = policy.VenueVars{Allowed: flag(venue.Allowed), CapValue: c}
	}
	return v, nil
}

// CopyPolicy returns a deep copy of v, down to the *big.Int values. Assignments
// take their policy through it, so that editing an assignment (a test's cheat, a
// caller's tweak) can never change the statement it came from, nor the next
// assignment made from it.
func CopyPolicy(v policy.Vars) policy.Vars {
	out := policy.NewVars(len(v.Assets), len(v.Venues))
	for _, f := range []struct{ dst, src *frontend.Variable }{
		{&out.ValueDecimals, &v.ValueDecimals}, {&out.Paused, &v.Paused}, {&out.MinRatioBps, &v.MinRatioBps},
		{&out.NotionalCap, &v.NotionalCap}, {&out.TurnoverCap, &v.TurnoverCap}, {&out.MaxSlippageBps, &v.MaxSlippageBps},
		{&out.LossBudget, &v.LossBudget}, {&out.BufferFloorBps, &v.BufferFloorBps},
	} {
		*f.dst = copyVar(*f.src)
	}
	for a, x := range v.Assets {
		out.Assets[a] = policy.AssetVars{CircuitDecimals: copyVar(x.CircuitDecimals), Allowed: copyVar(x.Allowed),
			Stable: copyVar(x.Stable), Coverage: copyVar(x.Coverage), TargetWeightBps: copyVar(x.TargetWeightBps),
			WeightMinBps: copyVar(x.WeightMinBps), WeightMaxBps: copyVar(x.WeightMaxBps)}
	}
	for i, x := range v.Venues {
		out.Venues[i] = policy.VenueVars{Allowed: copyVar(x.Allowed), CapValue: copyVar(x.CapValue)}
	}
	out.HaircutBps = make([][]frontend.Variable, len(v.HaircutBps))
	for a, row := range v.HaircutBps {
		out.HaircutBps[a] = make([]frontend.Variable, len(row))
		for i, x := range row {
			out.HaircutBps[a][i] = copyVar(x)
		}
	}
	return out
}

// copyVar copies a concrete value; only *big.Int is held by reference.
func copyVar(v frontend.Variable) frontend.Variable {
	if b, ok := v.(*big.Int); ok {
		return new(big.Int).Set(b)
	}
	return v
}

// Elements converts concrete circuit values (uint64, int, *big.Int) to field
// elements.
func Elements(vals []frontend.Variable) ([]fr.Element, error) {
	out := make([]fr.Element, len(vals))
	for i, x := range vals {
		switch t := x.(type) {
		case uint64:
			out[i].SetUint64(t)
		case int:
			if t < 0 {
				return nil, fmt.Errorf("element %d: negative %d", i, t)
			}
			out[i].SetUint64(uint64(t))
		case *big.Int:
			out[i].SetBigInt(t)
		case fr.Element:
			out[i] = t
		default:
			return nil, fmt.Errorf("element %d: unsupported type %T", i, x)
		}
	}
	return out, nil
}

// PolicyCommitment hashes the policy's integer parameters, as the circuits do.
func PolicyCommitment(v policy.Vars) (fr.Element, error) {
	el, err := Elements(v.Elements())
	if err != nil {
		return fr.Element{}, fmt.Errorf("policy commitment: %w", err)
	}
	return hashing.Hash(poseidon.TagPolicy, el...), nil
}

// EncodePrices converts USD prices into value units per circuit-scale unit.
func EncodePrices(p *treasury.Policy, pr *treasury.Prices) ([]uint64, error) {
	out := make([]uint64, len(p.Assets))
	for a, ap := range p.Assets {
		x, err := fixed.Price(pr.USD[a], p.ValueDecimals, ap.CircuitDecimals)
		if err != nil {
			return nil, fmt.Errorf("price of %s: %w", ap.Symbol, err)
		}
		out[a] = x
	}
	return out, nil
}

// EncodePositions converts reserves into circuit-scale units, rounding down.
func EncodePositions(p *treasury.Policy, pos *treasury.Positions) ([][]uint64, error) {
	out := make([][]uint64, len(p.Assets))
	for a, ap := range p.Assets {
		out[a] = make([]uint64, len(p.Venues))
		for v := range p.Venues {
			x, err := fixed.Units(pos.Amount[a][v], ap.CircuitDecimals, fixed.Down)
			if err != nil {
				return nil, fmt.Errorf("position %s at %s: %w", ap.Symbol, p.Venues[v].ID, err)
			}
			out[a][v] = x
		}
	}
	return out, nil
}

// StateCommitment is H(TagState, salt, positions asset-major).
func StateCommitment(salt fr.Element, units [][]uint64) fr.Element {
	el := []fr.Element{salt}
	for _, row := range units {
		for _, x := range row {
			el = append(el, hashing.FromUint64(x))
		}
	}
	return hashing.Hash(poseidon.TagState, el...)
}

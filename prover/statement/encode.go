// Package statement turns the treasury's decimal inputs into the exact integers,
// commitments and trees a proof is about, and assigns them to circuit witnesses.
// It is the only place where decimals become field elements; the rounding rules
// are those of treasury/fixed (reserves down, liabilities up, limits stricter).
package statement

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"math/big"
	"os"
	"strings"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/consensys/gnark/frontend"

	"github.com/zktreasury/zktreasury/circuits/gadget/poseidon"
	"github.com/zktreasury/zktreasury/circuits/policy"
	"github.com/zktreasury/zktreasury/prover/hashing"
	"github.com/zktreasury/zktreasury/treasury"
	"github.com/zktreasury/zktreasury/treasury/corridor"
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
	if err := treasury.DecodeStrictJSON(path, data, &f); err != nil {
		return nil, err
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
// units rounded down (the stricter side), flags 0/1. The corridors come from
// corridor.LimitsFromPolicy, so the circuit checks exactly the limits the Go
// checker does.
func EncodePolicy(p *treasury.Policy) (policy.Vars, error) {
	l, err := corridor.LimitsFromPolicy(p)
	if err != nil {
		return policy.Vars{}, fmt.Errorf("encode policy: %w", err)
	}
	v := VarsFromLimits(l)
	v.ValueDecimals = uint64(p.ValueDecimals)
	v.Labels = LabelsDigest(p)
	for a, ap := range p.Assets {
		v.Assets[a].CircuitDecimals = uint64(ap.CircuitDecimals)
		v.Assets[a].Coverage = flag(ap.Coverage)
		v.Assets[a].TargetWeightBps = uint64(ap.TargetWeightBps)
	}
	return v, nil
}

// VarsFromLimits returns the policy variables of corridor limits. The fields
// limits do not carry (value decimals, circuit decimals, coverage flags, target
// weights) are zero; EncodePolicy sets them. Nothing is shared with l.
func VarsFromLimits(l *corridor.Limits) policy.Vars {
	nA, nV := l.NumAssets(), l.NumVenues()
	v := policy.NewVars(nA, nV)
	v.ValueDecimals = uint64(0)
	v.Paused = flag(l.Paused)
	v.MinRatioBps = uint64(l.MinRatioBps)
	v.NotionalCap = new(big.Int).Set(l.NotionalCap)
	v.TurnoverCapPerDay = new(big.Int).Set(l.TurnoverCapPerDay)
	v.LossBudgetPerDay = new(big.Int).Set(l.LossBudgetPerDay)
	v.OutflowCapPerDay = new(big.Int).Set(l.OutflowCapPerDay)
	v.MinEpochSeconds = l.MinEpochSeconds
	v.MaxSlippageBps = uint64(l.MaxSlippageBps)
	v.BufferFloorBps = uint64(l.BufferFloorBps)
	for a := range nA {
		v.Assets[a] = policy.AssetVars{CircuitDecimals: uint64(0), Allowed: flag(l.AllowedAsset[a]), Stable: flag(l.Stable[a]),
			Coverage: uint64(0), TargetWeightBps: uint64(0),
			WeightMinBps: uint64(l.WeightMinBps[a]), WeightMaxBps: uint64(l.WeightMaxBps[a])}
		for vi := range nV {
			v.HaircutBps[a][vi] = uint64(l.HaircutBps[a][vi])
		}
	}
	for vi := range nV {
		capValue, hasCap := new(big.Int), uint64(0)
		if c := l.VenueCap[vi]; c != nil {
			capValue.Set(c)
			hasCap = 1
		}
		v.Venues[vi] = policy.VenueVars{Kind: uint64(l.VenueKind[vi]), Allowed: flag(l.AllowedVenue[vi]), HasCap: hasCap,
			CapValue: capValue, MaxAprBps: uint64(l.MaxAprBps[vi])}
	}
	return v
}

// LabelsDigest is the policy commitment's digest of the asset symbols and venue
// ids, in order: SHA-256 of "zktreasury-labels/1", then each symbol and each
// venue id as a 4-byte big-endian length and its bytes, reduced into the field.
// It binds the names a user is shown to the proof.
func LabelsDigest(p *treasury.Policy) fr.Element {
	h := sha256.New()
	h.Write([]byte("zktreasury-labels/1"))
	put := func(s string) {
		var n [4]byte
		binary.BigEndian.PutUint32(n[:], uint32(len(s)))
		h.Write(n[:])
		h.Write([]byte(s))
	}
	put(fmt.Sprint(len(p.Assets)))
	for _, a := range p.Assets {
		put(a.Symbol)
	}
	put(fmt.Sprint(len(p.Venues)))
	for _, v := range p.Venues {
		put(v.ID)
	}
	var e fr.Element
	e.SetBytes(h.Sum(nil))
	return e
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

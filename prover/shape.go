package prover

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"github.com/zktreasury/zktreasury/circuits/compliance"
	"github.com/zktreasury/zktreasury/circuits/epoch"
	"github.com/zktreasury/zktreasury/circuits/gadget/bound"
	"github.com/zktreasury/zktreasury/circuits/solvency"
	"github.com/zktreasury/zktreasury/prover/statement"
)

// Circuits lists the circuit names keys and proofs exist for.
var Circuits = []string{"solvency", "compliance", "epoch"}

// Shape names a circuit and the sizes its parameters need; fields a circuit
// does not use are ignored (Users for compliance, Actions for solvency).
type Shape struct {
	Circuit                        string
	Users, Actions, Assets, Venues int
	RangeCheck                     bound.Mode
}

// Job returns the job (name, parameters, sized circuit) for the shape.
func (s Shape) Job() (Job, error) {
	switch s.Circuit {
	case "solvency":
		p := solvency.Params{Users: s.Users, Assets: s.Assets, Venues: s.Venues, RangeCheck: s.RangeCheck}
		c, err := solvency.NewCircuit(p)
		if err != nil {
			return Job{}, err
		}
		return Job{Circuit: s.Circuit, Params: p.String(), Shape: c}, nil
	case "compliance":
		p := compliance.Params{Actions: s.Actions, Assets: s.Assets, Venues: s.Venues, RangeCheck: s.RangeCheck}
		c, err := compliance.NewCircuit(p)
		if err != nil {
			return Job{}, err
		}
		return Job{Circuit: s.Circuit, Params: p.String(), Shape: c}, nil
	case "epoch":
		p := epoch.Params{Users: s.Users, Actions: s.Actions, Assets: s.Assets, Venues: s.Venues, RangeCheck: s.RangeCheck}
		c, err := epoch.NewCircuit(p)
		if err != nil {
			return Job{}, err
		}
		return Job{Circuit: s.Circuit, Params: p.String(), Shape: c}, nil
	}
	return Job{}, fmt.Errorf("unknown circuit %q: want one of %v", s.Circuit, Circuits)
}

// DefaultRangeCheck is the range-check strategy a circuit uses unless told
// otherwise: the epoch circuit is verified on-chain, where bit decomposition
// (no BSB22 commitment) is cheaper; the others favour prover cost (lookups).
func DefaultRangeCheck(circuit string) bound.Mode {
	if circuit == "epoch" {
		return bound.Bits
	}
	return bound.Lookup
}

// ParseShape parses a circuit's parameters' name (Job().Params, e.g.
// "u16-a3-v3-lookup" for solvency, "u16-k4-a3-v3-bits" for epoch) back into
// its shape. Only the exact name the shape prints is accepted.
func ParseShape(circuit, params string) (Shape, error) {
	s := Shape{Circuit: circuit}
	parts := strings.Split(params, "-")
	if len(parts) < 2 {
		return Shape{}, fmt.Errorf("%s parameters %q: want e.g. u16-a3-v3-lookup", circuit, params)
	}
	mode, err := bound.ParseMode(parts[len(parts)-1])
	if err != nil {
		return Shape{}, fmt.Errorf("%s parameters %q: %w", circuit, params, err)
	}
	s.RangeCheck = mode
	for _, p := range parts[:len(parts)-1] {
		if len(p) < 2 {
			return Shape{}, fmt.Errorf("%s parameters %q: bad part %q", circuit, params, p)
		}
		n, err := strconv.Atoi(p[1:])
		if err != nil || n < 0 {
			return Shape{}, fmt.Errorf("%s parameters %q: bad part %q", circuit, params, p)
		}
		switch p[0] {
		case 'u':
			s.Users = n
		case 'k':
			s.Actions = n
		case 'a':
			s.Assets = n
		case 'v':
			s.Venues = n
		default:
			return Shape{}, fmt.Errorf("%s parameters %q: bad part %q", circuit, params, p)
		}
	}
	j, err := s.Job()
	if err != nil {
		return Shape{}, fmt.Errorf("%s parameters %q: %w", circuit, params, err)
	}
	if j.Params != params {
		return Shape{}, fmt.Errorf("%s parameters %q: not a %s parameter name (that shape is %q)", circuit, params, circuit, j.Params)
	}
	return s, nil
}

// PublicLayout returns the names of the public values a proof file carries,
// as it names them: first the values the circuit binds through a hash (fields
// tagged zkt:"hashed": the epoch circuit's statement), then the circuit's
// public inputs in witness order (see Layout). A scalar field's name is in
// lower camel case ("liabilitiesRoot"), and a slice field has one entry per
// element, the singular with a "." ("price."), which the file completes with
// the asset's symbol (CheckLayout).
func (s Shape) PublicLayout() ([]string, error) {
	hashed, public, err := s.Layout()
	if err != nil {
		return nil, err
	}
	return append(hashed, public...), nil
}

// Layout returns the names of the values the circuit hashes into its public
// input (none but for the epoch circuit) and of its public inputs.
func (s Shape) Layout() (hashed, public []string, err error) {
	j, err := s.Job()
	if err != nil {
		return nil, nil, err
	}
	v := reflect.ValueOf(j.Shape)
	for v.Kind() == reflect.Pointer {
		v = v.Elem()
	}
	for i := range v.NumField() {
		f := v.Type().Field(i)
		var dst *[]string
		switch {
		case strings.Contains(f.Tag.Get("gnark"), "public"):
			dst = &public
		case f.Tag.Get("zkt") == "hashed":
			dst = &hashed
		default:
			continue
		}
		name := strings.ToLower(f.Name[:1]) + f.Name[1:]
		switch f.Type.Kind() {
		case reflect.Slice:
			for range v.Field(i).Len() {
				*dst = append(*dst, strings.TrimSuffix(name, "s")+".")
			}
		default:
			*dst = append(*dst, name)
		}
	}
	return hashed, public, nil
}

// CheckLayout checks named public inputs against a layout: the same count, and
// each name the layout's, a "name." entry completed by a non-empty label.
func CheckLayout(layout []string, named []statement.NamedInput) error {
	if len(named) != len(layout) {
		return fmt.Errorf("%d public inputs, the circuit's layout has %d", len(named), len(layout))
	}
	for i, want := range layout {
		got := named[i].Name
		if strings.HasSuffix(want, ".") {
			if !strings.HasPrefix(got, want) || len(got) == len(want) {
				return fmt.Errorf("public input %d is named %q, the circuit's layout wants %s<symbol>", i, got, want)
			}
			continue
		}
		if got != want {
			return fmt.Errorf("public input %d is named %q, the circuit's layout wants %q", i, got, want)
		}
	}
	return nil
}

package prover

import (
	"fmt"

	"github.com/zktreasury/zktreasury/circuits/compliance"
	"github.com/zktreasury/zktreasury/circuits/epoch"
	"github.com/zktreasury/zktreasury/circuits/gadget/bound"
	"github.com/zktreasury/zktreasury/circuits/solvency"
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

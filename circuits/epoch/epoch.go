// Package epoch is the whole statement of one epoch in a single circuit: the
// compliance statement (S(n-1) -> S(n) by the committed actions, inside the
// corridors) and the solvency statement on S(n), sharing their public inputs.
//
// It exists for on-chain cost: one Groth16 verification (about 180k gas of
// pairings) instead of two, and with bit-decomposition range checks no BSB22
// commitment (about 120k gas more). The two halves share one range checker and
// the very variables of S(n), so they cannot disagree about the state.
package epoch

import (
	"fmt"

	"github.com/consensys/gnark/frontend"

	"github.com/zktreasury/zktreasury/circuits/compliance"
	"github.com/zktreasury/zktreasury/circuits/gadget/bound"
	"github.com/zktreasury/zktreasury/circuits/policy"
	"github.com/zktreasury/zktreasury/circuits/solvency"
)

// Params size an epoch circuit.
type Params struct {
	Users, Actions, Assets, Venues int
	RangeCheck                     bound.Mode
}

func (p Params) solvency() solvency.Params {
	return solvency.Params{Users: p.Users, Assets: p.Assets, Venues: p.Venues, RangeCheck: p.RangeCheck}
}

func (p Params) compliance() compliance.Params {
	return compliance.Params{Actions: p.Actions, Assets: p.Assets, Venues: p.Venues, RangeCheck: p.RangeCheck}
}

// Validate checks the parameters.
func (p Params) Validate() error {
	if err := p.solvency().Validate(); err != nil {
		return err
	}
	return p.compliance().Validate()
}

// String names the parameters, e.g. "u16-k4-a3-v3-bits".
func (p Params) String() string {
	return fmt.Sprintf("u%d-k%d-a%d-v%d-%s", p.Users, p.Actions, p.Assets, p.Venues, p.RangeCheck)
}

// Circuit proves, for one epoch [StartTime, EndTime), that the committed
// actions, each of the shape of its kind, took S(n-1) to S(n) inside the
// committed policy's corridors with the public Inflows and Outflows as the only
// value crossing the treasury's boundary, and that S(n), valued at the public
// prices less haircuts, covers the liabilities under LiabilitiesRoot at the
// policy's ratio.
type Circuit struct {
	// public
	PolicyCommitment    frontend.Variable   `gnark:",public"`
	PrevStateCommitment frontend.Variable   `gnark:",public"`
	NewStateCommitment  frontend.Variable   `gnark:",public"`
	LiabilitiesRoot     frontend.Variable   `gnark:",public"`
	ActionsCommitment   frontend.Variable   `gnark:",public"`
	ActionCount         frontend.Variable   `gnark:",public"`
	Epoch               frontend.Variable   `gnark:",public"`
	StartTime           frontend.Variable   `gnark:",public"`
	EndTime             frontend.Variable   `gnark:",public"`
	Prices              []frontend.Variable `gnark:",public"`
	Inflows             []frontend.Variable `gnark:",public"`
	Outflows            []frontend.Variable `gnark:",public"`

	// private
	Policy      policy.Vars
	PrevSalt    frontend.Variable
	NewSalt     frontend.Variable
	ActionsSalt frontend.Variable
	// Positions are S(n-1), indexed [asset][venue].
	Positions  [][]frontend.Variable
	Actions    []compliance.Action
	UserHashes []frontend.Variable
	Balances   [][]frontend.Variable

	// Params fixes the shape; it is not part of the witness.
	Params Params `gnark:"-"`
}

// NewCircuit returns a circuit with every slice sized for p.
func NewCircuit(p Params) (*Circuit, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	comp, _ := compliance.NewCircuit(p.compliance())
	solv, _ := solvency.NewCircuit(p.solvency())
	return &Circuit{
		Prices: comp.Prices, Inflows: comp.Inflows, Outflows: comp.Outflows, Policy: comp.Policy, Positions: comp.Positions, Actions: comp.Actions,
		UserHashes: solv.UserHashes, Balances: solv.Balances, Params: p,
	}, nil
}

// Define states the relation.
func (c *Circuit) Define(api frontend.API) error {
	if err := c.Params.Validate(); err != nil {
		return err
	}
	rc := bound.New(api, c.Params.RangeCheck)
	comp := &compliance.Circuit{
		PolicyCommitment: c.PolicyCommitment, PrevStateCommitment: c.PrevStateCommitment,
		NewStateCommitment: c.NewStateCommitment, ActionsCommitment: c.ActionsCommitment,
		ActionCount: c.ActionCount, Epoch: c.Epoch, StartTime: c.StartTime, EndTime: c.EndTime,
		Prices: c.Prices, Inflows: c.Inflows, Outflows: c.Outflows,
		Policy: c.Policy, PrevSalt: c.PrevSalt, NewSalt: c.NewSalt, ActionsSalt: c.ActionsSalt,
		Positions: c.Positions, Actions: c.Actions, Params: c.Params.compliance(),
	}
	next, err := comp.DefineWith(api, rc)
	if err != nil {
		return err
	}
	solv := &solvency.Circuit{
		StateCommitment: c.NewStateCommitment, LiabilitiesRoot: c.LiabilitiesRoot,
		PolicyCommitment: c.PolicyCommitment, Epoch: c.Epoch, Prices: c.Prices,
		StateSalt: c.NewSalt, Positions: next, Policy: c.Policy,
		UserHashes: c.UserHashes, Balances: c.Balances, Params: c.Params.solvency(),
	}
	return solv.DefineWith(api, rc)
}

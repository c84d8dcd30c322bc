package prover_test

import (
	"strings"
	"testing"

	"github.com/zktreasury/zktreasury/prover"
	"github.com/zktreasury/zktreasury/prover/statement"
)

// TestPublicLayout: the layout read from the circuit's public fields is the
// order statement.Public names the inputs in, and CheckLayout refuses a
// swapped, renamed, unlabelled or missing input.
func TestPublicLayout(t *testing.T) {
	s := loadCase(t, "solvent")
	shape, err := prover.ParseShape("solvency", s.Params.String())
	if err != nil {
		t.Fatal(err)
	}
	layout, err := shape.PublicLayout()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(layout, ","); got != "stateCommitment,liabilitiesRoot,policyCommitment,epoch,price.,price.,price." {
		t.Fatalf("layout %s", got)
	}
	named := s.Public(symbols())
	if err := prover.CheckLayout(layout, named); err != nil {
		t.Fatalf("honest names: %v", err)
	}
	for what, edit := range map[string]func([]statement.NamedInput) []statement.NamedInput{
		"swapped": func(n []statement.NamedInput) []statement.NamedInput {
			n[0].Name, n[1].Name = n[1].Name, n[0].Name
			return n
		},
		"renamed":    func(n []statement.NamedInput) []statement.NamedInput { n[3].Name = "epochs"; return n },
		"unlabelled": func(n []statement.NamedInput) []statement.NamedInput { n[4].Name = "price."; return n },
		"missing":    func(n []statement.NamedInput) []statement.NamedInput { return n[:len(n)-1] },
		"extra":      func(n []statement.NamedInput) []statement.NamedInput { return append(n, n[4]) },
	} {
		if err := prover.CheckLayout(layout, edit(append([]statement.NamedInput(nil), named...))); err == nil {
			t.Errorf("%s names accepted", what)
		}
	}
	ep, err := prover.ParseShape("epoch", "u16-k4-a3-v3-bits")
	if err != nil {
		t.Fatal(err)
	}
	if layout, err = ep.PublicLayout(); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(layout, ","); got != "policyCommitment,prevStateCommitment,newStateCommitment,liabilitiesRoot,actionsCommitment,actionCount,epoch,startTime,endTime,price.,price.,price.,inflow.,inflow.,inflow.,outflow.,outflow.,outflow.,publicHash" {
		t.Fatalf("epoch layout %s", got)
	}
}

func TestParseShape(t *testing.T) {
	for _, c := range []struct {
		circuit, params string
		ok              bool
	}{
		{"solvency", "u16-a3-v3-lookup", true},
		{"compliance", "k4-a3-v3-bits", true},
		{"epoch", "u16-k4-a3-v3-bits", true},
		{"solvency", "u16-a3-v3-table", false},
		{"solvency", "u16-a3-lookup", false},
		{"solvency", "a3-u16-v3-lookup", false},
		{"solvency", "u8-a3-v3-lookup", false},
		{"solvency", "u16-a43-v3-lookup", false},
		{"solvency", "u16-a3-v3-k4-lookup", false},
		{"nonsense", "u16-a3-v3-lookup", false},
	} {
		s, err := prover.ParseShape(c.circuit, c.params)
		if (err == nil) != c.ok {
			t.Errorf("ParseShape(%s, %s) = %+v, %v; want ok %v", c.circuit, c.params, s, err, c.ok)
		}
	}
}

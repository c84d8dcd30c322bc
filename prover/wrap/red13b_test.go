package wrap

import (
	"strings"
	"testing"

	aggcircuit "github.com/zktreasury/zktreasury/circuits/aggregate"
	batchcircuit "github.com/zktreasury/zktreasury/circuits/batch"
	"github.com/zktreasury/zktreasury/circuits/gadget/bound"
	circuit "github.com/zktreasury/zktreasury/circuits/wrap"
)

// TestCompileRefusesAnotherCapacity (red13b): the wrap's Users is only the
// totals' bound inside the circuit, so nothing there ties it to the capacity
// M·K of the joined proofs the fixed aggregation key verifies. A wrap named
// for more users (n32 over 2 batches of 8) would have its registry record a
// deeper tree than the joined root's, and a user's leaf hidden below a
// zero-balance leaf would check as included (prover/inclusion
// TestGhostLeafBelowARealLeaf). Compile refuses such a wrap before compiling
// anything; the honest one, and only it, matches. No circuit runs here.
func TestCompileRefusesAnotherCapacity(t *testing.T) {
	joined := aggcircuit.Params{Batches: 2, Batch: batchcircuit.Params{Users: 8, Assets: 3, Hash: batchcircuit.Direct, RangeCheck: bound.Bits}}
	honest := circuit.Params{Actions: 6, Assets: 3, Venues: 3, Users: 16, RangeCheck: bound.Bits}
	if err := MatchJoined(honest, joined); err != nil {
		t.Fatalf("honest wrap: %v", err)
	}
	for name, edit := range map[string]func(p *circuit.Params){
		"twice the capacity":   func(p *circuit.Params) { p.Users = 32 },
		"half the capacity":    func(p *circuit.Params) { p.Users = 8 },
		"the largest capacity": func(p *circuit.Params) { p.Users = circuit.MaxUsers },
		"capacity + 1":         func(p *circuit.Params) { p.Users = 17 },
		"another asset count":  func(p *circuit.Params) { p.Assets = 4 },
	} {
		p := honest
		edit(&p)
		err := MatchJoined(p, joined)
		if err == nil {
			t.Errorf("%s: %s matched %s", name, p, joined)
			continue
		}
		// Compile refuses it first: no constraint system or key is looked at.
		if _, cerr := Compile(p, joined, nil, nil); cerr == nil || cerr.Error() != err.Error() {
			t.Errorf("%s: Compile said %v, want %v", name, cerr, err)
		}
		if name == "twice the capacity" && !strings.Contains(err.Error(), "cover 2 batches of 8 = 16 leaves") {
			t.Errorf("the error does not name the joined capacity: %v", err)
		}
	}
	bad := joined
	bad.Batches = 3
	if err := MatchJoined(honest, bad); err == nil {
		t.Error("an invalid aggregation shape (3 batches) matched")
	}
}

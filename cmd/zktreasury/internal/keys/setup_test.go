package keys

import (
	"testing"

	"github.com/zktreasury/zktreasury/circuits/gadget/bound"
	"github.com/zktreasury/zktreasury/prover"
)

func TestDescribeShape(t *testing.T) {
	tests := []struct {
		shape prover.Shape
		want  string
	}{
		{prover.Shape{Circuit: "solvency", Users: 4096, Assets: 3, Venues: 2, RangeCheck: bound.Lookup}, "4,096 users, 3 assets, 2 venues, lookup range checks"},
		{prover.Shape{Circuit: "compliance", Users: 16, Actions: 8, Assets: 3, Venues: 2, RangeCheck: bound.Bits}, "8 action slots, 3 assets, 2 venues, bits range checks"},
		{prover.Shape{Circuit: "epoch", Users: 16, Actions: 8, Assets: 3, Venues: 2, RangeCheck: bound.Lookup}, "16 users, 8 action slots, 3 assets, 2 venues, lookup range checks"},
	}
	for _, tc := range tests {
		if got := describeShape(tc.shape); got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.shape.Circuit, got, tc.want)
		}
	}
}

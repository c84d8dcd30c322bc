package batch_test

import (
	"fmt"
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/frontend/cs/r1cs"

	"github.com/zktreasury/zktreasury/circuits/batch"
	"github.com/zktreasury/zktreasury/circuits/gadget/bound"
)

// BenchmarkConstraints reports the R1CS constraints per user of a 4-asset
// batch in each hash and range-check mode:
// go test ./circuits/batch -run '^$' -bench Constraints -benchtime 1x
func BenchmarkConstraints(b *testing.B) {
	for _, k := range []int{1 << 10, 1 << 12, 1 << 14} {
		for _, h := range []batch.HashMode{batch.Direct, batch.GKR} {
			for _, rc := range []bound.Mode{bound.Bits, bound.Lookup} {
				p := batch.Params{Users: k, Assets: 4, Hash: h, RangeCheck: rc}
				b.Run(p.String(), func(b *testing.B) {
					var n int
					for range b.N {
						c, err := batch.NewCircuit(p)
						if err != nil {
							b.Fatal(err)
						}
						ccs, err := frontend.Compile(ecc.BLS12_377.ScalarField(), r1cs.NewBuilder, c)
						if err != nil {
							b.Fatal(err)
						}
						n = ccs.GetNbConstraints()
					}
					b.ReportMetric(float64(n), "constraints")
					b.ReportMetric(float64(n)/float64(k), "constraints/user")
				})
			}
		}
	}
}

func ExampleParams_String() {
	fmt.Println(batch.Params{Users: 4096, Assets: 4, Hash: batch.GKR, RangeCheck: bound.Lookup})
	// Output: k4096-a4-gkr-lookup
}

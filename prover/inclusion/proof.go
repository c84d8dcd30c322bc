package inclusion

import (
	"fmt"

	"github.com/zktreasury/zktreasury/prover"
	"github.com/zktreasury/zktreasury/prover/prooffile"
	"github.com/zktreasury/zktreasury/prover/statement"
)

// ShapeFromParams returns the tree shape of a solvency or epoch circuit from
// its parameters' name (keystore.Meta.Params, or a proof file's params).
func ShapeFromParams(circuit, params string) (Shape, error) {
	if circuit != "solvency" && circuit != "epoch" {
		return Shape{}, fmt.Errorf("a %s proof has no liabilities tree (want solvency or epoch)", circuit)
	}
	s, err := prover.ParseShape(circuit, params)
	if err != nil {
		return Shape{}, err
	}
	return Shape{Capacity: s.Users, Assets: s.Assets}, nil
}

// ProvenFromProof reads the root, epoch and policy commitment from a proof
// file's public inputs; shape is the tree shape of the proof's circuit, which
// the caller takes from a trusted source (the key store's metadata).
func ProvenFromProof(f *prooffile.File, shape Shape) (Proven, error) {
	p := Proven{Shape: shape}
	for _, x := range []struct {
		name string
		dst  func(string) error
	}{
		{"liabilitiesRoot", func(v string) (err error) { p.Root, err = statement.ParseElement(v); return }},
		{"policyCommitment", func(v string) (err error) { p.PolicyCommitment, err = statement.ParseElement(v); return }},
		{"epoch", func(v string) error {
			e, err := statement.ParseElement(v)
			if err != nil {
				return err
			}
			if !e.IsUint64() {
				return fmt.Errorf("epoch %s does not fit 64 bits", v)
			}
			p.Epoch = e.Uint64()
			return nil
		}},
	} {
		v, ok := f.Input(x.name)
		if !ok {
			return Proven{}, fmt.Errorf("the %s proof has no %s public input", f.Circuit, x.name)
		}
		if err := x.dst(v); err != nil {
			return Proven{}, fmt.Errorf("public input %s = %q: %w", x.name, v, err)
		}
	}
	return p, nil
}

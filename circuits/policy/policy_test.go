package policy_test

import (
	"fmt"
	"math/big"
	"reflect"
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/consensys/gnark/backend"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/test"

	"github.com/zktreasury/zktreasury/circuits/policy"
	"github.com/zktreasury/zktreasury/prover/statement"
)

// commitCircuit opens a policy commitment.
type commitCircuit struct {
	Policy     policy.Vars
	Commitment frontend.Variable `gnark:",public"`
}

func (c *commitCircuit) Define(api frontend.API) error {
	pc, err := c.Policy.Commit(api)
	if err != nil {
		return err
	}
	api.AssertIsEqual(pc, c.Commitment)
	return nil
}

// encoded returns a real policy's encoding: 3 assets, 2 venues.
func encoded(t *testing.T) policy.Vars {
	t.Helper()
	in, err := statement.SyntheticInputs(2, 3, 2, 5)
	if err != nil {
		t.Fatal(err)
	}
	v, err := statement.EncodePolicy(in.Policy)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func commit(t *testing.T, v policy.Vars) fr.Element {
	t.Helper()
	pc, err := statement.PolicyCommitment(v)
	if err != nil {
		t.Fatal(err)
	}
	return pc
}

// leaves returns a pointer to every parameter of v, found by reflection over the
// struct (not through Elements), each with its path: a parameter that Elements
// forgot would still be listed here.
func leaves(v *policy.Vars) (paths []string, ptrs []*frontend.Variable) {
	varType := reflect.TypeOf((*frontend.Variable)(nil)).Elem()
	var walk func(path string, x reflect.Value)
	walk = func(path string, x reflect.Value) {
		switch {
		case x.Type() == varType:
			paths = append(paths, path)
			ptrs = append(ptrs, x.Addr().Interface().(*frontend.Variable))
		case x.Kind() == reflect.Struct:
			for i := range x.NumField() {
				walk(path+"."+x.Type().Field(i).Name, x.Field(i))
			}
		case x.Kind() == reflect.Slice:
			for i := range x.Len() {
				walk(fmt.Sprintf("%s[%d]", path, i), x.Index(i))
			}
		default:
			panic("policy.Vars holds a " + x.Type().String())
		}
	}
	walk("Vars", reflect.ValueOf(v).Elem())
	return paths, ptrs
}

// bump returns x + 1 as a new value.
func bump(x frontend.Variable) frontend.Variable {
	switch y := x.(type) {
	case uint64:
		return y + 1
	case *big.Int:
		return new(big.Int).Add(y, big.NewInt(1))
	case fr.Element:
		var one fr.Element
		one.SetOne()
		return *new(fr.Element).Add(&y, &one)
	case int:
		return y + 1
	}
	panic(fmt.Sprintf("unexpected %T", x))
}

// TestCommitAgreesWithNative: the circuit opens the prover's commitment of a
// real policy, under both builders and the test engine, and refuses another.
func TestCommitAgreesWithNative(t *testing.T) {
	v := encoded(t)
	pc := commit(t, v)
	var other fr.Element
	other.SetOne()
	other.Add(&other, &pc)
	assert := test.NewAssert(t)
	assert.CheckCircuit(&commitCircuit{Policy: policy.NewVars(3, 2)},
		test.WithValidAssignment(&commitCircuit{Policy: v, Commitment: pc}),
		test.WithInvalidAssignment(&commitCircuit{Policy: v, Commitment: other}),
		test.WithCurves(ecc.BN254), test.WithBackends(backend.GROTH16, backend.PLONK), test.NoFuzzing(), test.NoSerializationChecks())
}

// TestEveryParameterIsCommitted: changing any one parameter of the policy,
// found field by field, changes the native commitment, and the circuit refuses
// the changed policy against the original commitment.
func TestEveryParameterIsCommitted(t *testing.T) {
	base := encoded(t)
	pc := commit(t, base)
	paths, _ := leaves(&base)
	if want := len(base.Elements()) - 3; len(paths) != want { // version and shape are constants
		t.Fatalf("%d parameters in the struct, %d in Elements() besides version and shape", len(paths), want)
	}
	shape := &commitCircuit{Policy: policy.NewVars(3, 2)}
	for i, path := range paths {
		v := statement.CopyPolicyVars(base)
		_, ptrs := leaves(&v)
		*ptrs[i] = bump(*ptrs[i])
		if got := commit(t, v); got == pc {
			t.Errorf("%s changed, commitment unchanged", path)
			continue
		}
		if err := test.IsSolved(shape, &commitCircuit{Policy: v, Commitment: pc}, ecc.BN254.ScalarField()); err == nil {
			t.Errorf("%s changed: the circuit opened the original commitment", path)
		}
	}
}

// TestShapeIsCommitted: two all-zero policies of different shapes but as many
// elements (the first such pair of small shapes) commit differently.
func TestShapeIsCommitted(t *testing.T) {
	zero := func(nA, nV int) policy.Vars {
		v := policy.NewVars(nA, nV)
		_, ptrs := leaves(&v)
		for _, p := range ptrs {
			*p = uint64(0)
		}
		return v
	}
	byCount := map[int][2]int{}
	for nA := 1; nA <= 6; nA++ {
		for nV := 1; nV <= 12; nV++ {
			v := zero(nA, nV)
			n := len(v.Elements())
			other, ok := byCount[n]
			if !ok {
				byCount[n] = [2]int{nA, nV}
				continue
			}
			if commit(t, v) == commit(t, zero(other[0], other[1])) {
				t.Fatalf("policies of %d×%d and %d×%d share a commitment", nA, nV, other[0], other[1])
			}
			return
		}
	}
	t.Fatal("no two small shapes have as many elements: the test needs another pair")
}

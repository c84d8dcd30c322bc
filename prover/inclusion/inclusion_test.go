package inclusion

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"

	"github.com/zktreasury/zktreasury/prover/statement"
	"github.com/zktreasury/zktreasury/treasury"
)

const caseDir = "../../testdata/solvency/solvent"

type fixture struct {
	st     *statement.Solvency
	pol    *treasury.Policy
	led    *treasury.Ledger
	proven Proven
}

func load(t *testing.T) *fixture {
	t.Helper()
	in, err := statement.LoadSolvencyInputs(statement.CaseFiles(caseDir))
	if err != nil {
		t.Fatal(err)
	}
	cp, err := statement.LoadCaseParams(caseDir)
	if err != nil {
		t.Fatal(err)
	}
	in.Epoch, in.Capacity = cp.Epoch, cp.Capacity
	st, err := statement.BuildSolvency(in)
	if err != nil {
		t.Fatal(err)
	}
	return &fixture{st: st, pol: in.Policy, led: in.Ledger, proven: Proven{Root: st.Root(), Epoch: st.Epoch,
		PolicyCommitment: st.PolicyCommitment, Shape: Shape{Capacity: st.Params.Users, Assets: st.Params.Assets}}}
}

// export returns a fresh honest file for the fixture's first user.
func (fx *fixture) export(t *testing.T) *File {
	t.Helper()
	f, err := Export(fx.st, fx.pol, fx.led, fx.led.Users[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// policyFrom parses a policy JSON after edit.
func policyFrom(t *testing.T, pol *treasury.Policy, edit func(*treasury.Policy)) *treasury.Policy {
	t.Helper()
	data, err := json.Marshal(pol)
	if err != nil {
		t.Fatal(err)
	}
	var p treasury.Policy
	if err := json.Unmarshal(data, &p); err != nil {
		t.Fatal(err)
	}
	edit(&p)
	return &p
}

func TestHonest(t *testing.T) {
	fx := load(t)
	f := fx.export(t)
	// The policy travels in the file and has the proof's commitment.
	carried, err := f.FilePolicy("file")
	if err != nil {
		t.Fatal(err)
	}
	got, err := Verify(f, carried, fx.proven)
	if err != nil {
		t.Fatalf("honest file refused: %v", err)
	}
	if len(got) != len(fx.pol.Assets) {
		t.Fatalf("%d balances, want %d", len(got), len(fx.pol.Assets))
	}
	for a, b := range got {
		if b.Symbol != fx.pol.Assets[a].Symbol {
			t.Errorf("balance %d is %s, want %s", a, b.Symbol, fx.pol.Assets[a].Symbol)
		}
		// The ledger balance rounded up is what the tree counted.
		if b.Counted.Cmp(fx.led.Users[0].Balance[a]) < 0 {
			t.Errorf("%s counted %s < ledger %s", b.Symbol, b.Counted, fx.led.Users[0].Balance[a])
		}
	}
	// Through a file on disk too.
	path := filepath.Join(t.TempDir(), "u.json")
	data, _ := json.Marshal(f)
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	rf, err := Read(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Verify(rf, carried, fx.proven); err != nil {
		t.Fatalf("honest file from disk refused: %v", err)
	}
	// Every user of the ledger verifies.
	for _, u := range fx.led.Users {
		g, err := Export(fx.st, fx.pol, fx.led, u.ID)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Verify(g, fx.pol, fx.proven); err != nil {
			t.Fatalf("user %s refused: %v", u.ID, err)
		}
	}
}

// TestTampering: each cheat starts from a fresh honest file and changes only
// what it targets; each is refused with ErrNotIncluded.
func TestTampering(t *testing.T) {
	fx := load(t)
	weth := -1
	for a, ap := range fx.pol.Assets {
		if ap.Symbol == "WETH" {
			weth = a
		}
	}
	if weth < 0 {
		t.Fatal("fixture has no WETH")
	}
	for _, c := range []struct {
		name string
		// edit changes the file, the policy the user checks with, or what
		// the proof states.
		edit func(f *File, pol **treasury.Policy, p *Proven)
		want string
	}{
		{"issue: 0.000007 WETH shown as 7 with circuitDecimals 0", func(f *File, _ **treasury.Policy, _ *Proven) {
			f.Assets[weth].Balance, f.Assets[weth].CircuitDecimals, f.Assets[weth].Units = "7", 0, 7
		}, "circuit decimals"},
		{"changed decimals, same units", func(f *File, _ **treasury.Policy, _ *Proven) {
			f.Assets[weth].CircuitDecimals++
		}, "circuit decimals"},
		{"policy with changed decimals (the carried policy edited)", func(_ *File, pol **treasury.Policy, _ *Proven) {
			*pol = policyFrom(t, *pol, func(p *treasury.Policy) { p.Assets[weth].CircuitDecimals = 0 })
		}, "policy commitment"},
		{"swapped symbols and balances in the file", func(f *File, _ **treasury.Policy, _ *Proven) {
			f.Assets[0], f.Assets[1] = f.Assets[1], f.Assets[0]
		}, "the policy's asset"},
		{"swapped symbols in the policy", func(f *File, pol **treasury.Policy, _ *Proven) {
			*pol = policyFrom(t, *pol, func(p *treasury.Policy) {
				p.Assets[0].Symbol, p.Assets[1].Symbol = p.Assets[1].Symbol, p.Assets[0].Symbol
			})
			f.Assets[0].Symbol, f.Assets[1].Symbol = f.Assets[1].Symbol, f.Assets[0].Symbol
		}, "policy commitment"},
		{"renamed asset in the policy and the file", func(f *File, pol **treasury.Policy, _ *Proven) {
			*pol = policyFrom(t, *pol, func(p *treasury.Policy) { p.Assets[0].Symbol = "USDT" })
			f.Assets[0].Symbol = "USDT"
		}, "policy commitment"},
		{"a 1 bps looser policy", func(_ *File, pol **treasury.Policy, _ *Proven) {
			*pol = policyFrom(t, *pol, func(p *treasury.Policy) { p.MinSolvencyRatioBps-- })
		}, "policy commitment"},
		{"another epoch", func(f *File, _ **treasury.Policy, _ *Proven) { f.Epoch++ }, "epoch"},
		{"proof of another epoch", func(_ *File, _ **treasury.Policy, p *Proven) { p.Epoch++ }, "epoch"},
		{"another capacity in the file", func(f *File, _ **treasury.Policy, _ *Proven) { f.Capacity *= 4 }, "leaves"},
		{"another capacity in the file, path extended to match", func(f *File, _ **treasury.Policy, _ *Proven) {
			f.Capacity *= 8
			f.Siblings = append([][]string{make7()}, f.Siblings...)
		}, "leaves"},
		{"path one level short", func(f *File, _ **treasury.Policy, _ *Proven) { f.Siblings = f.Siblings[:len(f.Siblings)-1] }, "levels"},
		{"path one level long", func(f *File, _ **treasury.Policy, _ *Proven) { f.Siblings = append(f.Siblings, []string{"0x01"}) }, "levels"},
		{"level with a missing sibling", func(f *File, _ **treasury.Policy, _ *Proven) { f.Siblings[0] = f.Siblings[0][1:] }, "siblings"},
		{"index out of range", func(f *File, _ **treasury.Policy, _ *Proven) { f.LeafIndex = f.Capacity }, "outside"},
		{"negative index", func(f *File, _ **treasury.Policy, _ *Proven) { f.LeafIndex = -1 }, "outside"},
		{"another index", func(f *File, _ **treasury.Policy, _ *Proven) { f.LeafIndex ^= 1 }, "not included under the root"},
		{"fewer units than the ledger balance", func(f *File, _ **treasury.Policy, _ *Proven) { f.Assets[0].Units-- }, "less than the ledger"},
		{"fewer units, ledger balance lowered to match", func(f *File, _ **treasury.Policy, _ *Proven) {
			f.Assets[0].Units, f.Assets[0].Balance = 1, "0.000001"
		}, "not included under the root"},
		{"another user id", func(f *File, _ **treasury.Policy, _ *Proven) { f.UserID += "x" }, "not included under the root"},
		{"another salt", func(f *File, _ **treasury.Policy, _ *Proven) { f.Salt = "0x01" }, "not included under the root"},
		{"one asset dropped", func(f *File, _ **treasury.Policy, _ *Proven) { f.Assets = f.Assets[:len(f.Assets)-1] }, "lists"},
		{"a proof whose tree has another asset count", func(_ *File, _ **treasury.Policy, p *Proven) { p.Shape.Assets++ }, "assets per leaf"},
		{"another root", func(_ *File, _ **treasury.Policy, p *Proven) { p.Root = fr.NewElement(1) }, "not included under the root"},
	} {
		t.Run(c.name, func(t *testing.T) {
			f := fx.export(t)
			pol, err := f.FilePolicy("file")
			if err != nil {
				t.Fatal(err)
			}
			p := fx.proven
			c.edit(f, &pol, &p)
			_, err = Verify(f, pol, p)
			if !errors.Is(err, ErrNotIncluded) {
				t.Fatalf("err = %v, want ErrNotIncluded", err)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Fatalf("err = %v, want it to mention %q", err, c.want)
			}
		})
	}
}

func make7() []string {
	out := make([]string, 7)
	for i := range out {
		out[i] = "0x00"
	}
	return out
}

// TestPolicyMismatch: a policy that does not match the commitment is named as such.
func TestPolicyMismatch(t *testing.T) {
	fx := load(t)
	f := fx.export(t)
	p := fx.proven
	p.PolicyCommitment = fr.NewElement(3)
	if _, err := Verify(f, fx.pol, p); !errors.Is(err, ErrPolicyMismatch) || !errors.Is(err, ErrNotIncluded) {
		t.Fatalf("err = %v, want ErrPolicyMismatch and ErrNotIncluded", err)
	}
	// A file without a policy says what to do.
	f.Policy = nil
	if _, err := f.FilePolicy("u.json"); err == nil || !strings.Contains(err.Error(), "policy") {
		t.Fatalf("FilePolicy without a policy: %v", err)
	}
}

func TestShapeFromParams(t *testing.T) {
	for _, c := range []struct {
		circuit, params string
		want            Shape
		wantErr         bool
	}{
		{"solvency", "u16-a3-v3-lookup", Shape{16, 3}, false},
		{"epoch", "u16-k4-a3-v3-bits", Shape{16, 3}, false},
		{"solvency", "u16-a3-v3", Shape{}, true},
		{"solvency", "u16-a3-v3-lookup-x", Shape{}, true},
		{"solvency", "u016-a3-v3-lookup", Shape{}, true},
		{"compliance", "k4-a3-v3-bits", Shape{}, true},
		{"solvency", "u12-a3-v3-lookup", Shape{}, true},
	} {
		got, err := ShapeFromParams(c.circuit, c.params)
		if (err != nil) != c.wantErr || got != c.want {
			t.Errorf("ShapeFromParams(%s, %s) = %v, %v; want %v, err %v", c.circuit, c.params, got, err, c.want, c.wantErr)
		}
	}
}

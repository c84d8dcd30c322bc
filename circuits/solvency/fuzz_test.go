package solvency_test

import (
	"encoding/binary"
	"testing"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/shopspring/decimal"

	"github.com/zktreasury/zktreasury/circuits/gadget/bound"
	"github.com/zktreasury/zktreasury/prover/hashing"
	"github.com/zktreasury/zktreasury/prover/liabtree"
	"github.com/zktreasury/zktreasury/treasury"
)

// FuzzTreeAgreement: for random user hashes and balances (anywhere in
// [0, 2^64)), the root the native tree computes is the root the circuit accepts,
// and no other root is accepted.
func FuzzTreeAgreement(f *testing.F) {
	f.Add([]byte{1, 2, 3}, uint8(3))
	f.Add([]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 9}, uint8(4))
	f.Add([]byte{}, uint8(1))
	f.Fuzz(func(t *testing.T, seed []byte, assetsSel uint8) {
		nA := []int{1, 3, 4}[int(assetsSel)%3]
		s := fixture(t, nA, 3, 16, bound.Lookup, nil)
		c := s.Assignment()
		next := func(i int) uint64 {
			var b [8]byte
			for k := range b {
				if len(seed) > 0 {
					b[k] = seed[(i*8+k)%len(seed)] ^ byte(i*31+k)
				}
			}
			return binary.LittleEndian.Uint64(b[:])
		}
		leaves := make([]fr.Element, 16)
		for i := range 16 {
			uh := hashing.FromUint64(next(100 + i))
			bal := make([]uint64, nA)
			for a := range bal {
				bal[a] = next(i*nA + a)
			}
			c.UserHashes[i] = uh
			for a := range bal {
				c.Balances[i][a] = bal[a]
			}
			var err error
			if leaves[i], err = liabtree.Leaf(uh, bal); err != nil {
				t.Fatal(err)
			}
		}
		tree, err := liabtree.Build(leaves)
		if err != nil {
			t.Fatal(err)
		}
		// Huge balances would fail the solvency inequality, which is not what this
		// test is about: price every asset at 0, so both sides are 0 (the ratio
		// cannot be lowered below 100% any more), and ask no per-asset coverage.
		for a := range c.Prices {
			c.Prices[a] = uint64(0)
			c.Policy.Assets[a].Coverage = uint64(0)
		}
		rebind(t, c, rebindAll)
		if got, want := toFr(c.LiabilitiesRoot), tree.Root(); !got.Equal(&want) {
			t.Fatalf("field-packed root %s != native root %s", got.String(), want.String())
		}
		ccs := compile(t, s.Params, false)
		if err := solved(t, ccs, c); err != nil {
			t.Fatalf("native root rejected by the circuit: %v", err)
		}
		var one fr.Element
		one.SetOne()
		r := tree.Root()
		r.Add(&r, &one)
		c.LiabilitiesRoot = r
		if err := solved(t, ccs, c); err == nil {
			t.Fatal("a different root was accepted")
		}
	})
}

// FuzzSolvencyAgreement: near the solvency boundary, the native check accepts
// exactly when the circuit is satisfiable.
func FuzzSolvencyAgreement(f *testing.F) {
	f.Add(uint32(0), uint16(0), uint16(10000), false)
	f.Add(uint32(1), uint16(100), uint16(10500), true)
	f.Add(uint32(999), uint16(9999), uint16(1), true)
	f.Fuzz(func(t *testing.T, delta uint32, haircut uint16, ratio uint16, coverage bool) {
		haircut %= 10001
		if ratio < 10000 {
			ratio += 10000 // a ratio below 100% is refused at load (TestPolicyRanges covers it)
		}
		s := fixture(t, 2, 5, 16, bound.Lookup, func(p *treasury.Policy, pos *treasury.Positions, l *treasury.Ledger) {
			p.MinSolvencyRatioBps = uint32(ratio)
			p.Assets[0].Coverage = coverage
			p.Assets[0].HaircutsBps["aave"] = uint32(haircut)
			tot := l.Totals(2)
			// Reserves around the requirement: tot * ratio / (10000 - haircut) at the
			// hair-cut venue, shifted by delta units either way.
			keep := decimal.NewFromInt(int64(10000 - int(haircut)))
			if keep.IsZero() {
				keep = decimal.NewFromInt(1)
			}
			for a := range 2 {
				need := tot[a].Mul(decimal.NewFromInt(int64(ratio))).Div(keep).Truncate(6)
				shift := decimal.New(int64(delta%2000)-1000, -6)
				amt := need.Add(shift)
				if amt.Sign() < 0 {
					amt = decimal.Zero
				}
				pos.Amount[a][0] = decimal.Zero
				pos.Amount[a][1] = amt
			}
		})
		native := s.Check()
		circuit := solved(t, compile(t, s.Params, false), s.Assignment())
		if (native == nil) != (circuit == nil) {
			t.Fatalf("native check %v, circuit %v", native, circuit)
		}
	})
}

package contracts_test

import (
	"math/big"
	"math/rand"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/shopspring/decimal"

	"github.com/zktreasury/zktreasury/contracts"
	"github.com/zktreasury/zktreasury/contracts/bindings/priceconversionharness"
	"github.com/zktreasury/zktreasury/treasury/fixed"
)

func TestPriceScale(t *testing.T) {
	for _, tc := range []struct {
		feed, value, circuit uint8
		answer               int64
		want                 string // "" for an error
	}{
		{8, 12, 6, 1_00010000, "1000100"},             // USDC at scale 6, value units of 1e-12 USD
		{8, 12, 8, 97450_10000000, "974501000"},       // WBTC at scale 8
		{8, 18, 6, 3012_55000000, "3012550000000000"}, // finer value units: answer * 10^4
		{8, 14, 6, 7, "7"},                            // exact
		{8, 12, 6, 99, ""},                            // floors to 0
		{8, 12, 6, 0, ""},                             // not positive
		{8, 12, 6, -1, ""},                            // not positive
		{0, 30, 0, 2, ""},                             // 2 * 10^30 > 2^64 - 1
	} {
		s, err := contracts.NewPriceScale(tc.feed, tc.value, tc.circuit)
		if err != nil {
			t.Fatal(err)
		}
		p, err := s.Price(big.NewInt(tc.answer))
		if tc.want == "" {
			if err == nil {
				t.Errorf("%+v: got %v, want an error", tc, p)
			}
			continue
		}
		if err != nil || p.String() != tc.want {
			t.Errorf("%+v: got %v, %v; want %s", tc, p, err, tc.want)
		}
	}
	if _, err := contracts.NewPriceScale(0, 0, 77); err == nil {
		t.Error("a scale of 10^-77 was accepted")
	}
}

// priceHarness is src/test/PriceConversionHarness.sol deployed on a simulated chain.
type priceHarness struct {
	c    *chain
	addr common.Address
}

func newPriceHarness(tb testing.TB) *priceHarness {
	tb.Helper()
	c := newChainRules(tb, osakaRules)
	opts := *c.operator
	addr, tx, err := bind.DeployContract(&opts, common.FromHex(priceconversionharness.PriceConversionHarnessMetaData.Bin), c.client, nil)
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := contracts.WaitMined(ctxT(tb), c.client, tx); err != nil {
		tb.Fatal(err)
	}
	return &priceHarness{c: c, addr: addr}
}

// checkConversion compares, for one answer and scale, the contract's conversion, the Go
// client's PriceScale and treasury/fixed.Price: all three agree on the value, or all refuse.
func checkConversion(t testing.TB, ph *priceHarness, answer *big.Int, feedDec, valueDec, circuitDec uint8) {
	t.Helper()
	c, addr := ph.c, ph.addr
	h := priceconversionharness.NewPriceConversionHarness()
	out, err := bind.Call(h.Instance(c.client, addr), &bind.CallOpts{}, h.PackPrice(answer, feedDec, valueDec, circuitDec), h.UnpackPrice)
	if err != nil {
		t.Fatalf("harness price(%v, %d, %d, %d): %v", answer, feedDec, valueDec, circuitDec, err)
	}
	var goPrice *big.Int
	if s, err := contracts.NewPriceScale(feedDec, valueDec, circuitDec); err == nil {
		goPrice, _ = s.Price(answer)
	}
	var fixedPrice *big.Int
	if answer.Sign() > 0 {
		usd := decimal.NewFromBigInt(answer, -int32(feedDec))
		if p, err := fixed.Price(usd, int32(valueDec), int32(circuitDec)); err == nil {
			fixedPrice = new(big.Int).SetUint64(p)
		}
	} else if _, err := fixed.Price(decimal.NewFromBigInt(answer, -int32(feedDec)), int32(valueDec), int32(circuitDec)); err == nil {
		t.Fatalf("fixed.Price accepted a non-positive answer %v", answer)
	}
	if out.Ok != (fixedPrice != nil) || out.Ok != (goPrice != nil) {
		t.Fatalf("answer %v, decimals feed %d value %d circuit %d: contract ok=%v (%v), fixed.Price %v, PriceScale %v",
			answer, feedDec, valueDec, circuitDec, out.Ok, out.P, fixedPrice, goPrice)
	}
	if out.Ok && (out.P.Cmp(fixedPrice) != 0 || goPrice.Cmp(fixedPrice) != 0) {
		t.Fatalf("answer %v, decimals feed %d value %d circuit %d: contract %v, fixed.Price %v, PriceScale %v",
			answer, feedDec, valueDec, circuitDec, out.P, fixedPrice, goPrice)
	}
}

// TestPriceConversionMatchesFixed runs the comparison on the edges and on random answers and
// scales (the fuzz target below explores further with -fuzz).
func TestPriceConversionMatchesFixed(t *testing.T) {
	ph := newPriceHarness(t)
	max64 := new(big.Int).SetUint64(^uint64(0))
	for _, tc := range []struct {
		answer                      *big.Int
		feedDec, valueDec, circuitD uint8
	}{
		{big.NewInt(1_00010000), 8, 12, 6},
		{big.NewInt(100), 8, 12, 6},
		{big.NewInt(99), 8, 12, 6},
		{max64, 0, 0, 0},
		{new(big.Int).Add(max64, big.NewInt(1)), 0, 0, 0},
		{new(big.Int).Mul(max64, big.NewInt(100)), 8, 12, 6},
		{new(big.Int).Add(new(big.Int).Mul(max64, big.NewInt(100)), big.NewInt(100)), 8, 12, 6},
		{big.NewInt(1), 0, 19, 0},
		{big.NewInt(2), 0, 19, 0},
		{new(big.Int).Lsh(big.NewInt(1), 254), 60, 0, 16},
		{big.NewInt(5), 0, 0, 77},
		{big.NewInt(-3), 8, 12, 6},
		{big.NewInt(0), 8, 12, 6},
	} {
		checkConversion(t, ph, tc.answer, tc.feedDec, tc.valueDec, tc.circuitD)
	}
	rng := rand.New(rand.NewSource(8))
	for i := 0; i < 300; i++ {
		answer := new(big.Int).Rand(rng, new(big.Int).Lsh(big.NewInt(1), uint(1+rng.Intn(100))))
		if rng.Intn(10) == 0 {
			answer.Neg(answer)
		}
		checkConversion(t, ph, answer, uint8(rng.Intn(25)), uint8(rng.Intn(31)), uint8(rng.Intn(19)))
	}
}

func FuzzPriceConversion(f *testing.F) {
	ph := newPriceHarness(f)
	f.Add([]byte{0x05, 0xf5, 0xe1, 0x00}, false, uint8(8), uint8(12), uint8(6))
	f.Add([]byte{0x63}, false, uint8(8), uint8(12), uint8(6))
	f.Add([]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}, false, uint8(0), uint8(0), uint8(0))
	f.Add([]byte{0x01}, true, uint8(8), uint8(12), uint8(6))
	f.Fuzz(func(t *testing.T, mag []byte, negative bool, feedDec, valueDec, circuitDec uint8) {
		if len(mag) > 31 {
			mag = mag[:31] // an int256 answer
		}
		answer := new(big.Int).SetBytes(mag)
		if negative {
			answer.Neg(answer)
		}
		checkConversion(t, ph, answer, feedDec%90, valueDec%90, circuitDec%90)
	})
}

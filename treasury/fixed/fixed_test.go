package fixed

import (
	"errors"
	"testing"

	"github.com/shopspring/decimal"
)

func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func TestUnits(t *testing.T) {
	tests := []struct {
		name    string
		amount  string
		scale   int32
		r       Rounding
		want    uint64
		wantErr error
	}{
		{"exact", "1.5", 6, Down, 1_500_000, nil},
		{"reserve rounds down", "1.0000019", 6, Down, 1_000_001, nil},
		{"liability rounds up", "1.0000011", 6, Up, 1_000_002, nil},
		{"zero", "0", 6, Up, 0, nil},
		{"max", "18446744073709.551615", 6, Down, ^uint64(0), nil},
		{"overflow by one unit", "18446744073709.551616", 6, Down, 0, ErrOverflow},
		{"up overflows", "18446744073709.5516151", 6, Up, 0, ErrOverflow},
		{"negative", "-0.000001", 6, Down, 0, ErrNegative},
		{"dust refused", "0.0000001", 6, Down, 0, ErrRoundsToZero},
		{"dust liability rounds up to one unit", "0.0000001", 6, Up, 1, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Units(d(tc.amount), tc.scale, tc.r)
			if !errors.Is(err, tc.wantErr) {
				t.Fatalf("Units(%s) err = %v, want %v", tc.amount, err, tc.wantErr)
			}
			if err == nil && got != tc.want {
				t.Fatalf("Units(%s) = %d, want %d", tc.amount, got, tc.want)
			}
		})
	}
}

func TestPrice(t *testing.T) {
	// 3012.55 USD per ETH, value unit 1e-12 USD, circuit scale 1e-6 ETH.
	got, err := Price(d("3012.55"), 12, 6)
	if err != nil || got != 3_012_550_000 {
		t.Fatalf("Price = %d, %v; want 3012550000", got, err)
	}
	// Rounds down.
	got, err = Price(d("1.0000009"), 12, 6)
	if err != nil || got != 1_000_000 {
		t.Fatalf("Price = %d, %v; want 1000000", got, err)
	}
	if _, err := Price(d("0.0000001"), 6, 6); !errors.Is(err, ErrRoundsToZero) {
		t.Fatalf("tiny price: err = %v, want ErrRoundsToZero", err)
	}
	if _, err := Price(d("0"), 12, 6); err == nil {
		t.Fatal("zero price accepted")
	}
	if _, err := Price(d("100000000"), 18, 0); !errors.Is(err, ErrOverflow) {
		t.Fatalf("huge price: err = %v, want ErrOverflow", err)
	}
}

func TestValue(t *testing.T) {
	v, err := Value(d("250000.0000000000009"), 12, Down)
	if err != nil || v.String() != "250000000000000000" {
		t.Fatalf("Value = %v, %v", v, err)
	}
	v, err = Value(d("0.0000000000001"), 12, Up)
	if err != nil || v.String() != "1" {
		t.Fatalf("Value up = %v, %v", v, err)
	}
}

func TestRoundTrip(t *testing.T) {
	if got := ToDecimal(1_500_000, 6); !got.Equal(d("1.5")) {
		t.Fatalf("ToDecimal = %s", got)
	}
}

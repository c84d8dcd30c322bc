package corridor

import (
	"errors"
	"math/big"
	"testing"
)

// Fixture: assets USDC(0, stable), DAI(1, stable), WETH(2); venues vault(0),
// uniswap(1), aave(2). Prices 1, 1, 10 value units per unit. Positions USDC 4000,
// DAI 1000, WETH 500 at the vault: T = 10000, weights 4000/1000/5000, stable 5000.
const (
	usdc, dai, weth      = 0, 1, 2
	vault, uniswap, aave = 0, 1, 2
)

func baseLimits() *Limits {
	return &Limits{
		AllowedAsset:   []bool{true, true, true},
		AllowedVenue:   []bool{true, true, true},
		Stable:         []bool{true, true, false},
		WeightMinBps:   []uint32{2000, 0, 3000},
		WeightMaxBps:   []uint32{6000, 3000, 7000},
		NotionalCap:    big.NewInt(1000),
		TurnoverCap:    big.NewInt(3000),
		LossBudget:     big.NewInt(100),
		MaxSlippageBps: 100,
		BufferFloorBps: 3000,
		MinRatioBps:    10000,
		HaircutBps:     [][]uint32{{0, 0, 0}, {0, 0, 0}, {0, 0, 0}},
		AssetNames:     []string{"USDC", "DAI", "WETH"},
		VenueNames:     []string{"vault", "uniswap", "aave"},
	}
}

func baseState() State {
	s := NewState(3, 3)
	s.X[usdc][vault] = 4000
	s.X[dai][vault] = 1000
	s.X[weth][vault] = 500
	return s
}

var basePrices = Prices{1, 1, 10}

// sellWETH swaps n WETH for out USDC at uniswap.
func sellWETH(n, out uint64) Action {
	return Action{Venue: uniswap, AssetIn: weth, VenueIn: vault, AmountIn: n, AssetOut: usdc, VenueOut: vault, AmountOut: out}
}

// buyWETH swaps in USDC for n WETH at uniswap.
func buyWETH(in, n uint64) Action {
	return Action{Venue: uniswap, AssetIn: usdc, VenueIn: vault, AmountIn: in, AssetOut: weth, VenueOut: vault, AmountOut: n}
}

func deposit(asset int, n uint64) Action {
	return Action{Venue: aave, AssetIn: asset, VenueIn: vault, AmountIn: n, AssetOut: asset, VenueOut: aave, AmountOut: n}
}

func TestCheckActionCorridors(t *testing.T) {
	tests := []struct {
		name    string
		limits  func(*Limits)
		state   func(*State)
		prices  Prices
		action  Action
		wantErr error
	}{
		{name: "swap inside every corridor", action: sellWETH(100, 990)},
		{name: "paused", limits: func(l *Limits) { l.Paused = true }, action: sellWETH(100, 990), wantErr: ErrPaused},
		{name: "execution venue not allowed", limits: func(l *Limits) { l.AllowedVenue[uniswap] = false }, action: sellWETH(100, 990), wantErr: ErrVenueNotAllowed},
		{name: "venue out not allowed", limits: func(l *Limits) { l.AllowedVenue[aave] = false }, action: deposit(usdc, 10), wantErr: ErrVenueNotAllowed},
		{name: "venue in not checked (exit from any venue)", limits: func(l *Limits) { l.AllowedVenue[vault] = false },
			action: Action{Venue: aave, AssetIn: usdc, VenueIn: vault, AmountIn: 10, AssetOut: usdc, VenueOut: aave, AmountOut: 10}},
		{name: "asset out not allowed", limits: func(l *Limits) { l.AllowedAsset[usdc] = false }, action: sellWETH(100, 990), wantErr: ErrAssetNotAllowed},
		{name: "selling a disallowed asset is allowed", limits: func(l *Limits) { l.AllowedAsset[weth] = false }, action: sellWETH(100, 990)},
		{name: "position exactly emptied", limits: func(l *Limits) { l.NotionalCap = big.NewInt(1 << 40) }, action: deposit(usdc, 4000)},
		{name: "position one unit negative", limits: func(l *Limits) { l.NotionalCap = big.NewInt(1 << 40) }, action: deposit(usdc, 4001), wantErr: ErrNegativePosition},
		{name: "notional exactly at cap", action: sellWETH(100, 990)},
		{name: "notional one unit over cap", limits: func(l *Limits) { l.NotionalCap = big.NewInt(999) }, action: sellWETH(100, 990), wantErr: ErrNotionalCap},
		{name: "slippage exactly at max", action: sellWETH(100, 990)},
		{name: "slippage one unit over max", action: sellWETH(100, 989), wantErr: ErrSlippage},
		{name: "zero slippage allowed needs full value", limits: func(l *Limits) { l.MaxSlippageBps = 0 }, action: sellWETH(100, 999), wantErr: ErrSlippage},
		{name: "weight lands exactly on max", limits: func(l *Limits) { l.WeightMaxBps[weth] = 5010 }, action: buyWETH(10, 1)},
		{name: "weight lands one bps over max", limits: func(l *Limits) { l.WeightMaxBps[weth] = 5009 }, action: buyWETH(10, 1), wantErr: ErrWeightBand},
		{name: "outside band, moving toward it", limits: func(l *Limits) { l.WeightMaxBps[weth] = 4500 }, action: sellWETH(10, 100)},
		{name: "outside band, moving away", limits: func(l *Limits) { l.WeightMaxBps[weth] = 4500 }, action: buyWETH(10, 1), wantErr: ErrWeightBand},
		{name: "outside band, overshooting past the far edge", limits: func(l *Limits) { l.WeightMinBps[weth], l.WeightMaxBps[weth] = 4950, 4960 },
			action: sellWETH(100, 1000), wantErr: ErrWeightBand},
		{name: "asset out pushed above its band", limits: func(l *Limits) { l.WeightMaxBps[usdc] = 4000 }, action: sellWETH(10, 100), wantErr: ErrWeightBand},
		{name: "buffer lands exactly on floor", limits: func(l *Limits) { l.BufferFloorBps = 4990 }, action: buyWETH(10, 1)},
		{name: "buffer one bps under floor and falling", limits: func(l *Limits) { l.BufferFloorBps = 4991 }, action: buyWETH(10, 1), wantErr: ErrLiquidityBuffer},
		{name: "below floor, rising", limits: func(l *Limits) { l.BufferFloorBps = 6000 }, action: sellWETH(10, 100)},
		{name: "below floor, unchanged", limits: func(l *Limits) { l.BufferFloorBps = 6000 }, action: deposit(usdc, 100)},
		{name: "below floor, falling", limits: func(l *Limits) { l.BufferFloorBps = 6000 }, action: buyWETH(10, 1), wantErr: ErrLiquidityBuffer},
		{name: "accrual", action: Action{Venue: aave, AssetIn: usdc, VenueIn: aave, AssetOut: usdc, VenueOut: aave, AmountOut: 5}},
		{name: "empty action", action: Action{Venue: aave, AssetIn: usdc, VenueIn: aave, AssetOut: usdc, VenueOut: aave}, wantErr: ErrEmptyAction},
		{name: "venue index out of range", action: Action{Venue: 3, AmountIn: 1, AmountOut: 1}, wantErr: ErrIndexOutOfRange},
		{name: "asset index negative", action: Action{AssetOut: -1, AmountIn: 1, AmountOut: 1}, wantErr: ErrIndexOutOfRange},
		{name: "overflow exactly at 2^64-1", limits: wideOpen, state: func(s *State) { s.X[usdc][aave] = ^uint64(0) - 5 },
			prices: Prices{0, 1, 10}, action: Action{Venue: aave, AssetIn: usdc, VenueIn: aave, AssetOut: usdc, VenueOut: aave, AmountOut: 5}},
		{name: "overflow one unit over", limits: wideOpen, state: func(s *State) { s.X[usdc][aave] = ^uint64(0) - 5 },
			prices: Prices{0, 1, 10}, action: Action{Venue: aave, AssetIn: usdc, VenueIn: aave, AssetOut: usdc, VenueOut: aave, AmountOut: 6}, wantErr: ErrOverflow},
		{name: "same slot: subtraction comes first", limits: wideOpen, state: func(s *State) { s.X[usdc][aave] = ^uint64(0) },
			prices: Prices{0, 1, 10}, action: Action{Venue: aave, AssetIn: usdc, VenueIn: aave, AmountIn: 3, AssetOut: usdc, VenueOut: aave, AmountOut: 3}},
		{name: "empty reserves before", state: func(s *State) { *s = NewState(3, 3) },
			action: Action{Venue: aave, AssetIn: usdc, VenueIn: aave, AssetOut: usdc, VenueOut: aave, AmountOut: 5}, wantErr: ErrEmptyReserves},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			l, s, p := baseLimits(), baseState(), basePrices
			if tc.limits != nil {
				tc.limits(l)
			}
			if tc.state != nil {
				tc.state(&s)
			}
			if tc.prices != nil {
				p = tc.prices
			}
			before := s.Clone()
			got, err := CheckAction(l, s, p, tc.action)
			if !errors.Is(err, tc.wantErr) || (err != nil) != (tc.wantErr != nil) {
				t.Fatalf("CheckAction err = %v, want %v", err, tc.wantErr)
			}
			if !s.Equal(before) {
				t.Fatal("CheckAction modified its input state")
			}
			if err != nil {
				var v *Violation
				if !errors.As(err, &v) || v.Action != 0 || v.Corridor == "" {
					t.Fatalf("error %v is not a *Violation for action 0 with a corridor name", err)
				}
				return
			}
			a := tc.action
			want := s.Clone()
			want.X[a.AssetIn][a.VenueIn] -= a.AmountIn
			want.X[a.AssetOut][a.VenueOut] += a.AmountOut
			if !got.Equal(want) {
				t.Fatalf("state after = %v, want %v", got.X, want.X)
			}
		})
	}
}

func wideOpen(l *Limits) {
	for a := range l.WeightMinBps {
		l.WeightMinBps[a], l.WeightMaxBps[a] = 0, 10000
	}
	l.BufferFloorBps = 0
	l.NotionalCap = new(big.Int).Lsh(big.NewInt(1), 130)
}

func TestCheckEpochCorridors(t *testing.T) {
	three := []Action{sellWETH(100, 990), sellWETH(100, 990), buyWETH(1000, 99)}
	tests := []struct {
		name    string
		limits  func(*Limits)
		state   func(*State)
		actions []Action
		wantErr error
		wantIdx int
	}{
		{name: "turnover exactly at cap", actions: three},
		{name: "turnover one unit over cap", limits: func(l *Limits) { l.TurnoverCap = big.NewInt(2999) }, actions: three, wantErr: ErrTurnoverCap, wantIdx: -1},
		{name: "loss exactly at budget", limits: func(l *Limits) { l.LossBudget = big.NewInt(30) }, actions: three},
		{name: "loss one unit over budget", limits: func(l *Limits) { l.LossBudget = big.NewInt(29) }, actions: three, wantErr: ErrLossBudget, wantIdx: -1},
		{name: "action-level failure reports its index", actions: []Action{sellWETH(100, 990), sellWETH(100, 989)}, wantErr: ErrSlippage, wantIdx: 1},
		{name: "no actions while paused and out of band", limits: func(l *Limits) { l.Paused = true; l.WeightMaxBps[weth] = 4000 }},
		{name: "untouched asset pushed out of band by the epoch", limits: func(l *Limits) { l.WeightMaxBps[dai] = 1000 },
			actions: []Action{sellWETH(100, 990)}, wantErr: ErrWeightBand, wantIdx: -1},
		{name: "rebalance from outside toward the band", limits: func(l *Limits) { l.WeightMaxBps[weth] = 4500 },
			actions: []Action{sellWETH(50, 500), sellWETH(20, 200)}},
		{name: "rebalance away then back: each action is checked", limits: func(l *Limits) { l.WeightMaxBps[weth] = 4500 },
			actions: []Action{buyWETH(100, 10), sellWETH(20, 200)}, wantErr: ErrWeightBand, wantIdx: 0},
		{name: "epoch leaves buffer below floor", limits: func(l *Limits) { l.BufferFloorBps = 5000 },
			actions: []Action{sellWETH(1, 10), buyWETH(20, 2)}, wantErr: ErrLiquidityBuffer, wantIdx: 1},
		{name: "empty epoch on empty reserves", state: func(s *State) { *s = NewState(3, 3) }, wantErr: ErrEmptyReserves, wantIdx: -1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			l, s := baseLimits(), baseState()
			if tc.limits != nil {
				tc.limits(l)
			}
			if tc.state != nil {
				tc.state(&s)
			}
			sum, err := CheckEpoch(l, s, basePrices, tc.actions)
			if !errors.Is(err, tc.wantErr) || (err != nil) != (tc.wantErr != nil) {
				t.Fatalf("CheckEpoch err = %v, want %v", err, tc.wantErr)
			}
			if err != nil {
				var v *Violation
				if !errors.As(err, &v) || v.Action != tc.wantIdx {
					t.Fatalf("violation %v: want action index %d", err, tc.wantIdx)
				}
				return
			}
			if sum.Actions != len(tc.actions) {
				t.Fatalf("summary counts %d actions, want %d", sum.Actions, len(tc.actions))
			}
		})
	}
}

func TestEpochSummaryTotals(t *testing.T) {
	sum, err := CheckEpoch(baseLimits(), baseState(), basePrices, []Action{sellWETH(100, 990), buyWETH(1000, 101)})
	if err != nil {
		t.Fatal(err)
	}
	// Value in 1000 + 1000; loss 10 on the first, none on the second (gain 10).
	if sum.Turnover.Int64() != 2000 || sum.Loss.Int64() != 10 {
		t.Fatalf("turnover %s loss %s, want 2000 and 10", sum.Turnover, sum.Loss)
	}
	if sum.Final.X[weth][vault] != 501 || sum.Final.X[usdc][vault] != 3990 {
		t.Fatalf("final state %v", sum.Final.X)
	}
	if sum.StartWeightsBps[weth] != 5000 || sum.EndStableBps != (3990+1000)*10000/(3990+1000+5010) {
		t.Fatalf("weights %v stable %d", sum.EndWeightsBps, sum.EndStableBps)
	}
}

func TestCheckSolvency(t *testing.T) {
	tests := []struct {
		name    string
		ratio   uint32
		haircut uint32
		liab    []uint64
		wantErr error
	}{
		{name: "exactly at the ratio", ratio: 10000, liab: []uint64{4000, 1000, 500}},
		{name: "one bps over what reserves cover", ratio: 10001, liab: []uint64{4000, 1000, 500}, wantErr: ErrSolvencyRatio},
		{name: "haircut makes it exact", ratio: 10000, haircut: 1000, liab: []uint64{3600, 900, 450}},
		{name: "haircut one unit short", ratio: 10000, haircut: 1000, liab: []uint64{3601, 900, 450}, wantErr: ErrSolvencyRatio},
		{name: "no liabilities", ratio: 50000, liab: []uint64{0, 0, 0}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			l := baseLimits()
			l.MinRatioBps = tc.ratio
			for a := range l.HaircutBps {
				for v := range l.HaircutBps[a] {
					l.HaircutBps[a][v] = tc.haircut
				}
			}
			err := CheckSolvency(l, baseState(), basePrices, tc.liab)
			if !errors.Is(err, tc.wantErr) || (err != nil) != (tc.wantErr != nil) {
				t.Fatalf("CheckSolvency err = %v, want %v", err, tc.wantErr)
			}
		})
	}
}

func TestViolationMessageNamesCorridor(t *testing.T) {
	_, err := CheckAction(baseLimits(), baseState(), basePrices, sellWETH(100, 989))
	var v *Violation
	if !errors.As(err, &v) {
		t.Fatalf("err = %v", err)
	}
	if v.Corridor != "slippage" || v.AssetName != "WETH" || v.VenueName != "uniswap" || v.Limit == "" || v.Value == "" {
		t.Fatalf("violation %+v lacks detail", v)
	}
	if msg := v.Error(); msg == "" || !errors.Is(v, ErrSlippage) {
		t.Fatalf("message %q", msg)
	}
}

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
		AllowedAsset:      []bool{true, true, true},
		AllowedVenue:      []bool{true, true, true},
		VenueKind:         []VenueKind{Custody, AMM, Lending},
		VenueCap:          []*big.Int{nil, nil, nil},
		MaxAprBps:         []uint32{0, 0, 1000},
		Stable:            []bool{true, true, false},
		WeightMinBps:      []uint32{2000, 0, 3000},
		WeightMaxBps:      []uint32{6000, 3000, 7000},
		NotionalCap:       big.NewInt(1000),
		TurnoverCapPerDay: big.NewInt(3000),
		LossBudgetPerDay:  big.NewInt(100),
		OutflowCapPerDay:  big.NewInt(1000),
		MinEpochSeconds:   3600,
		MaxSlippageBps:    100,
		BufferFloorBps:    3000,
		MinRatioBps:       10000,
		HaircutBps:        [][]uint32{{0, 0, 0}, {0, 0, 0}, {0, 0, 0}},
		AssetNames:        []string{"USDC", "DAI", "WETH"},
		VenueNames:        []string{"vault", "uniswap", "aave"},
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

// day is the length of the test epochs: per-day budgets are per-epoch budgets.
const day = SecondsPerDay

// sellWETH swaps n WETH for out USDC at uniswap.
func sellWETH(n, out uint64) Action {
	return Action{Kind: Swap, Venue: uniswap, AssetIn: weth, VenueIn: vault, AmountIn: n, AssetOut: usdc, VenueOut: vault, AmountOut: out}
}

// buyWETH swaps in USDC for n WETH at uniswap.
func buyWETH(in, n uint64) Action {
	return Action{Kind: Swap, Venue: uniswap, AssetIn: usdc, VenueIn: vault, AmountIn: in, AssetOut: weth, VenueOut: vault, AmountOut: n}
}

func deposit(asset int, n uint64) Action {
	return Action{Kind: Deposit, Venue: aave, AssetIn: asset, VenueIn: vault, AmountIn: n, AssetOut: asset, VenueOut: aave, AmountOut: n}
}

func withdraw(asset, venue int, n uint64) Action {
	return Action{Kind: Withdraw, Venue: venue, AssetIn: asset, VenueIn: venue, AmountIn: n, AssetOut: asset, VenueOut: vault, AmountOut: n}
}

func accrue(asset int, n uint64) Action {
	return Action{Kind: Accrue, Venue: aave, AssetIn: asset, VenueIn: aave, AssetOut: asset, VenueOut: aave, AmountOut: n}
}

func inflow(asset int, n uint64) Action {
	return Action{Kind: Inflow, Venue: vault, AssetIn: asset, VenueIn: vault, AssetOut: asset, VenueOut: vault, AmountOut: n}
}

func outflow(asset int, n uint64) Action {
	return Action{Kind: Outflow, Venue: vault, AssetIn: asset, VenueIn: vault, AmountIn: n, AssetOut: asset, VenueOut: vault}
}

// lent puts 1000 USDC at aave (X0 for accrual tests): T = 11000.
func lent(s *State) { s.X[usdc][aave] = 1000 }

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
		{name: "withdrawal from a disallowed venue is allowed (exit)", limits: func(l *Limits) { l.AllowedVenue[aave] = false },
			state: lent, action: withdraw(usdc, aave, 10)},
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
		{name: "favourable fill exactly at max", action: sellWETH(100, 1010)},
		{name: "favourable fill one unit over max", action: sellWETH(100, 1011), wantErr: ErrFavourableFill},
		{name: "mint from nothing: 1 unit in, a fortune out", limits: wideOpen, action: sellWETH(1, 1_000_000), wantErr: ErrFavourableFill},
		{name: "swap of an asset for itself", action: Action{Kind: Swap, Venue: uniswap, AssetIn: usdc, VenueIn: vault, AmountIn: 10, AssetOut: usdc, VenueOut: vault, AmountOut: 10}, wantErr: ErrActionShape},
		{name: "swap at a lending venue", action: Action{Kind: Swap, Venue: aave, AssetIn: weth, VenueIn: vault, AmountIn: 100, AssetOut: usdc, VenueOut: vault, AmountOut: 990}, wantErr: ErrVenueKind},
		{name: "swap crediting another venue's slot", action: Action{Kind: Swap, Venue: uniswap, AssetIn: weth, VenueIn: vault, AmountIn: 100, AssetOut: usdc, VenueOut: aave, AmountOut: 990}, wantErr: ErrActionShape},
		{name: "deposit that does not conserve", action: Action{Kind: Deposit, Venue: aave, AssetIn: usdc, VenueIn: vault, AmountIn: 10, AssetOut: usdc, VenueOut: aave, AmountOut: 11}, wantErr: ErrActionShape},
		{name: "deposit into an AMM", action: Action{Kind: Deposit, Venue: uniswap, AssetIn: usdc, VenueIn: vault, AmountIn: 10, AssetOut: usdc, VenueOut: uniswap, AmountOut: 10}, wantErr: ErrVenueKind},
		{name: "withdrawal relabelled as executed at the AMM", state: lent,
			action: Action{Kind: Withdraw, Venue: uniswap, AssetIn: usdc, VenueIn: aave, AmountIn: 10, AssetOut: usdc, VenueOut: vault, AmountOut: 10}, wantErr: ErrActionShape},
		{name: "withdrawal from custody", action: withdraw(usdc, vault, 10), wantErr: ErrVenueKind},
		{name: "unknown kind", action: Action{Kind: 7, Venue: uniswap, AssetIn: weth, VenueIn: vault, AmountIn: 100, AssetOut: usdc, VenueOut: vault, AmountOut: 990}, wantErr: ErrActionShape},
		{name: "no kind", action: Action{Venue: uniswap, AssetIn: weth, VenueIn: vault, AmountIn: 100, AssetOut: usdc, VenueOut: vault, AmountOut: 990}, wantErr: ErrActionShape},
		// 1000 USDC at 10% APR for a day: floor(1000 × 1000 × 86400 / (10000 × 31536000)) = 0;
		// over 400 days' worth of seconds the bound is 109.
		{name: "accrual at a custody venue (fabricated interest)", action: Action{Kind: Accrue, Venue: vault, AssetIn: usdc, VenueIn: vault, AssetOut: usdc, VenueOut: vault, AmountOut: 5}, wantErr: ErrVenueKind},
		{name: "accrual above a day's bound", state: lent, action: accrue(usdc, 1), wantErr: ErrAccrual},
		{name: "accrual on an empty position", action: accrue(usdc, 1), wantErr: ErrAccrual},
		{name: "accrual that takes something out", state: lent, action: Action{Kind: Accrue, Venue: aave, AssetIn: usdc, VenueIn: aave, AmountIn: 1, AssetOut: usdc, VenueOut: aave, AmountOut: 5}, wantErr: ErrActionShape},
		{name: "inflow at custody", limits: wideOpen, action: inflow(usdc, 500)},
		{name: "inflow at a lending venue", limits: wideOpen, action: Action{Kind: Inflow, Venue: aave, AssetIn: usdc, VenueIn: vault, AssetOut: usdc, VenueOut: vault, AmountOut: 5}, wantErr: ErrVenueKind},
		{name: "outflow at custody", action: outflow(usdc, 100)},
		{name: "outflow crediting something", action: Action{Kind: Outflow, Venue: vault, AssetIn: usdc, VenueIn: vault, AmountIn: 10, AssetOut: usdc, VenueOut: vault, AmountOut: 1}, wantErr: ErrActionShape},
		{name: "outflow beyond the position", limits: wideOpen, action: outflow(weth, 501), wantErr: ErrNegativePosition},
		{name: "venue cap: lands exactly on the cap", limits: func(l *Limits) { l.VenueCap[aave] = big.NewInt(1100) }, state: lent, action: deposit(usdc, 100)},
		{name: "venue cap: one unit over", limits: func(l *Limits) { l.VenueCap[aave] = big.NewInt(1099) }, state: lent, action: deposit(usdc, 100), wantErr: ErrVenueCap},
		{name: "venue cap: above it and falling", limits: func(l *Limits) { l.VenueCap[aave] = big.NewInt(500) }, state: lent, action: withdraw(usdc, aave, 100)},
		{name: "venue cap on custody: swap that grows it", limits: func(l *Limits) { l.VenueCap[vault] = big.NewInt(9000) }, action: sellWETH(100, 1010), wantErr: ErrVenueCap},
		{name: "empty action", action: Action{Kind: Accrue, Venue: aave, AssetIn: usdc, VenueIn: aave, AssetOut: usdc, VenueOut: aave}, wantErr: ErrEmptyAction},
		{name: "venue index out of range", action: Action{Kind: Swap, Venue: 3, AmountIn: 1, AmountOut: 1}, wantErr: ErrIndexOutOfRange},
		{name: "asset index negative", action: Action{Kind: Swap, AssetOut: -1, AmountIn: 1, AmountOut: 1}, wantErr: ErrIndexOutOfRange},
		{name: "overflow exactly at 2^64-1", limits: wideOpen, state: func(s *State) { s.X[usdc][vault] = ^uint64(0) - 5 },
			prices: Prices{0, 1, 10}, action: inflow(usdc, 5)},
		{name: "overflow one unit over", limits: wideOpen, state: func(s *State) { s.X[usdc][vault] = ^uint64(0) - 5 },
			prices: Prices{0, 1, 10}, action: inflow(usdc, 6), wantErr: ErrOverflow},
		{name: "inflow into empty reserves", limits: wideOpen, state: func(s *State) { *s = NewState(3, 3) }, action: inflow(usdc, 5)},
		{name: "exact band: a weight 0.5 bps over its max is over", limits: func(l *Limits) { l.WeightMaxBps[weth] = 5000 },
			state: func(s *State) { s.X[weth][vault] = 500; s.X[usdc][vault] = 4000; s.X[dai][vault] = 1000 },
			// WETH value 5000 -> 5010 of T = 10000 -> 10000: 5010 bps, floor and ceil both over.
			action: buyWETH(10, 1), wantErr: ErrWeightBand},
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
			got, err := CheckAction(l, s, p, day, tc.action)
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
	l.NotionalCap = new(big.Int).Lsh(big.NewInt(1), 127)
}

func TestCheckEpochCorridors(t *testing.T) {
	three := []Action{sellWETH(100, 990), sellWETH(100, 990), buyWETH(1000, 99)}
	tests := []struct {
		name    string
		limits  func(*Limits)
		state   func(*State)
		seconds uint64
		actions []Action
		wantErr error
		wantIdx int
	}{
		{name: "turnover exactly at cap", actions: three},
		{name: "turnover one unit over cap", limits: func(l *Limits) { l.TurnoverCapPerDay = big.NewInt(2999) }, actions: three, wantErr: ErrTurnoverCap, wantIdx: -1},
		{name: "loss exactly at budget", limits: func(l *Limits) { l.LossBudgetPerDay = big.NewInt(30) }, actions: three},
		{name: "loss one unit over budget", limits: func(l *Limits) { l.LossBudgetPerDay = big.NewInt(29) }, actions: three, wantErr: ErrLossBudget, wantIdx: -1},
		{name: "half a day: half the turnover", seconds: day / 2, actions: three, wantErr: ErrTurnoverCap, wantIdx: -1},
		{name: "half a day, budgets doubled", seconds: day / 2, limits: func(l *Limits) { l.TurnoverCapPerDay = big.NewInt(6000) }, actions: three},
		{name: "shorter than the minimum epoch", seconds: 3599, wantErr: ErrEpochLength, wantIdx: -1},
		{name: "exactly the minimum epoch", seconds: 3600},
		{name: "outflows exactly at the cap", actions: []Action{outflow(usdc, 600), outflow(dai, 400)}},
		{name: "outflows one unit over the cap", actions: []Action{outflow(usdc, 600), outflow(dai, 401)}, wantErr: ErrOutflowCap, wantIdx: -1},
		{name: "accruals add up against one bound", seconds: 400 * day, state: lent,
			limits: func(l *Limits) { l.TurnoverCapPerDay = big.NewInt(1 << 40) }, actions: []Action{accrue(usdc, 60), accrue(usdc, 49)}},
		{name: "accruals add up: one unit over", seconds: 400 * day, state: lent,
			limits: func(l *Limits) { l.TurnoverCapPerDay = big.NewInt(1 << 40) }, actions: []Action{accrue(usdc, 60), accrue(usdc, 50)}, wantErr: ErrAccrual, wantIdx: 1},
		{name: "a deposit made in the epoch earns nothing in it", seconds: 400 * day,
			limits: func(l *Limits) { l.TurnoverCapPerDay = big.NewInt(1 << 40); l.NotionalCap = big.NewInt(1 << 40) }, actions: []Action{deposit(usdc, 1000), accrue(usdc, 1)}, wantErr: ErrAccrual, wantIdx: 1},
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
		{name: "empty epoch on empty reserves", state: func(s *State) { *s = NewState(3, 3) }},
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
			secs := tc.seconds
			if secs == 0 {
				secs = day
			}
			sum, err := CheckEpoch(l, s, basePrices, secs, tc.actions)
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
	sum, err := CheckEpoch(baseLimits(), baseState(), basePrices, day, []Action{sellWETH(100, 990), buyWETH(1000, 101), inflow(dai, 7), outflow(usdc, 3)})
	if err != nil {
		t.Fatal(err)
	}
	// Value in 1000 + 1000; loss 10 on the first, none on the second (gain 10).
	// Outflow value in 3 counts toward turnover, not loss.
	if sum.Turnover.Int64() != 2003 || sum.Loss.Int64() != 10 || sum.OutflowValue.Int64() != 3 {
		t.Fatalf("turnover %s loss %s outflow %s, want 2003, 10 and 3", sum.Turnover, sum.Loss, sum.OutflowValue)
	}
	if sum.Inflows[dai] != 7 || sum.Outflows[usdc] != 3 || sum.Inflows[usdc] != 0 || sum.Outflows[dai] != 0 {
		t.Fatalf("flows in %v out %v", sum.Inflows, sum.Outflows)
	}
	if sum.Final.X[weth][vault] != 501 || sum.Final.X[usdc][vault] != 3987 || sum.Final.X[dai][vault] != 1007 {
		t.Fatalf("final state %v", sum.Final.X)
	}
	if sum.StartWeightsBps[weth] != 5000 || sum.EndStableBps != (3987+1007)*10000/(3987+1007+5010) {
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
		{name: "one unit short", ratio: 10000, liab: []uint64{4001, 1000, 500}, wantErr: ErrSolvencyRatio},
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
	_, err := CheckAction(baseLimits(), baseState(), basePrices, day, sellWETH(100, 989))
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

func TestCheckCoverage(t *testing.T) {
	// USDC: 4000 at the vault (haircut 0) and 1000 at aave (haircut 1000):
	// cover = 4000·10000 + 1000·9000 = 49,000,000; at 10500 bps the most it
	// covers is floor(49,000,000 / 10500) = 4666 units.
	state := func() State {
		s := baseState()
		s.X[usdc][aave] = 1000
		return s
	}
	tests := []struct {
		name     string
		coverage []bool
		liab     []uint64
		wantErr  error
	}{
		{name: "one unit inside", coverage: []bool{true, false, false}, liab: []uint64{4666, 0, 0}},
		{name: "one unit outside", coverage: []bool{true, false, false}, liab: []uint64{4667, 0, 0}, wantErr: ErrCoverage},
		{name: "not asked for that asset", coverage: []bool{false, true, false}, liab: []uint64{1 << 40, 0, 0}},
		{name: "no coverage flags", coverage: nil, liab: []uint64{1 << 40, 1 << 40, 1 << 40}},
		// Units, not value: WETH's price of 10 does not count. 500 WETH cover
		// 476 units at 10500 bps (500·10000/10500 = 476.19), not 4761.
		{name: "units not value inside", coverage: []bool{false, false, true}, liab: []uint64{0, 0, 476}},
		{name: "units not value outside", coverage: []bool{false, false, true}, liab: []uint64{0, 0, 477}, wantErr: ErrCoverage},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			l := baseLimits()
			l.MinRatioBps = 10500
			l.HaircutBps[usdc][aave] = 1000
			l.Coverage = tc.coverage
			err := CheckCoverage(l, state(), tc.liab)
			if !errors.Is(err, tc.wantErr) || (err != nil) != (tc.wantErr != nil) {
				t.Fatalf("CheckCoverage err = %v, want %v", err, tc.wantErr)
			}
			var v *Violation
			if tc.wantErr != nil && (!errors.As(err, &v) || v.Asset < 0 || v.Corridor != "coverage") {
				t.Fatalf("violation %+v does not name the asset", v)
			}
		})
	}
	l := baseLimits()
	l.Coverage = []bool{true}
	if err := CheckCoverage(l, baseState(), []uint64{0, 0, 0}); !errors.Is(err, ErrIndexOutOfRange) {
		t.Fatalf("coverage flags of the wrong length: err = %v", err)
	}
}

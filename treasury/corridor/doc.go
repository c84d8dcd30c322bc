// Package corridor checks actions and epochs against a policy's risk corridors
// with exact integer arithmetic. The compliance circuit implements exactly the
// same arithmetic, and a differential test compares the two, so this comment is
// the specification: change one, change the other.
//
// # Numbers
//
// Everything here is an integer at circuit scale, obtained only through package
// fixed: positions X[a][v] are uint64 circuit units of asset a at venue v
// (reserves rounded down), prices p[a] are uint64 value units per circuit unit
// (fixed.Price), and USD caps and budgets are value units (fixed.Value, rounded
// down, the stricter side). Products and sums are computed without overflow
// (math/big); a circuit needs 128 + log2(assets × venues) + 14 bits for them.
//
// # Definitions
//
//	V_a(S)        = p_a × Σ_v X[a][v]
//	T(S)          = Σ_a V_a(S)                     (T = 0 gives ErrEmptyReserves)
//	weightBps(a,S)= floor(V_a(S) × 10000 / T(S))
//	dist(w,lo,hi) = lo - w if w < lo; w - hi if w > hi; 0 otherwise
//	stableBps(S)  = floor(Σ_{a stable} V_a(S) × 10000 / T(S))
//	valueIn       = AmountIn × p[AssetIn]
//	valueOut      = AmountOut × p[AssetOut]
//	loss          = max(0, valueIn - valueOut)
//
// Applying an action to S gives S': X[AssetIn][VenueIn] -= AmountIn, then
// X[AssetOut][VenueOut] += AmountOut (the two may be the same slot; the
// subtraction comes first). A swap has AssetIn != AssetOut at an AMM venue; a
// deposit moves one asset from custody to a lending venue; a withdrawal moves it
// back; an accrual of interest has AmountIn = 0 and AmountOut > 0 at a lending
// venue. The checker does not know venue kinds: it checks the corridors below and
// nothing else.
//
// # Per action, in this order
//
//	(0) every index is in range (ErrIndexOutOfRange) and AmountIn + AmountOut > 0
//	    (ErrEmptyAction)
//	(1) not Paused                                                    ErrPaused
//	(2) AllowedVenue[Venue] and AllowedVenue[VenueOut]                ErrVenueNotAllowed
//	    and AllowedAsset[AssetOut]                                    ErrAssetNotAllowed
//	(3) X[AssetIn][VenueIn] >= AmountIn                               ErrNegativePosition
//	    X[AssetOut][VenueOut] + AmountOut <= 2^64 - 1 (after (3a))    ErrOverflow
//	(4) valueIn <= NotionalCap                                        ErrNotionalCap
//	(5) valueOut × 10000 >= valueIn × (10000 - MaxSlippageBps)        ErrSlippage
//	(6) T(S) > 0 and T(S') > 0                                        ErrEmptyReserves
//	    for a in {AssetIn, AssetOut}:
//	    dist(weightBps(a,S'), min_a, max_a) <= dist(weightBps(a,S), min_a, max_a)
//	                                                                  ErrWeightBand
//	(7) stableBps(S') >= BufferFloorBps or stableBps(S') >= stableBps(S)
//	                                                                  ErrLiquidityBuffer
//
// Rule (6) is "never moves a weight further outside its band": inside the band
// the distance is 0, so an action may move a weight anywhere inside it, and an
// action that starts outside may move it toward the band (even overshooting into
// it) but never away. Rule (7) is "never takes the stable share below the floor,
// or further below it".
//
// # Per epoch
//
// With S0 the state at the start, S_end the state after every action, and the
// same prices throughout (checked in this order, each with Action = -1):
//
//	Σ valueIn <= TurnoverCap                                          ErrTurnoverCap
//	Σ loss    <= LossBudget                                           ErrLossBudget
//	T(S0) > 0 and T(S_end) > 0                                        ErrEmptyReserves
//	for every asset a, in index order:
//	    dist(weightBps(a,S_end)) <= dist(weightBps(a,S0))             ErrWeightBand
//	stableBps(S_end) >= BufferFloorBps or stableBps(S_end) >= stableBps(S0)
//	                                                                  ErrLiquidityBuffer
//
// The epoch rule deliberately does not demand that a weight outside its band end
// strictly closer to it. An epoch with no actions, for example while the policy
// is paused after a price shock moved weights out of their bands, must remain
// provable, or the chain of epochs would halt exactly when governance needs it.
// An empty epoch satisfies every rule above (S_end = S0) as long as T(S0) > 0.
//
// # Solvency
//
// Given liabilities L_a per asset (circuit units, rounded up), the state S is
// solvent at ratio MinRatioBps when
//
//	Σ_{a,v} X[a][v] × p_a × (10000 - HaircutBps[a][v]) >= (Σ_a L_a × p_a) × MinRatioBps
//
// (ErrSolvencyRatio otherwise).
package corridor

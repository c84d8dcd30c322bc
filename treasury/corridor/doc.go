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
//	T(S)          = Σ_a V_a(S)
//	weightBps(a,S)= floor(V_a(S) × 10000 / T(S))   (0 when T(S) = 0)
//	dist(w,lo,hi) = lo - w if w < lo; w - hi if w > hi; 0 otherwise
//	stableBps(S)  = floor(Σ_{a stable} V_a(S) × 10000 / T(S))
//	valueIn       = AmountIn × p[AssetIn]
//	valueOut      = AmountOut × p[AssetOut]
//	loss          = max(0, valueIn - valueOut) for a swap, 0 otherwise
//
// Applying an action to S gives S': X[AssetIn][VenueIn] -= AmountIn, then
// X[AssetOut][VenueOut] += AmountOut (the two may be the same slot; the
// subtraction comes first).
//
// # Kinds: no value from nowhere
//
// Every venue has a kind (Custody, AMM, Lending; exactly one Custody venue, c)
// and every action a Kind that fixes its slots and how its amounts relate. With
// v the action's Venue:
//
//	kind      venue kind   slots (in -> out)            assets      amounts
//	swap      AMM          (AssetIn,c) -> (AssetOut,c)  in != out   value out within slippage of value in, both sides
//	deposit   Lending      (a,c) -> (a,v)               in == out   AmountIn == AmountOut
//	withdraw  AMM/Lending  (a,v) -> (a,c)               in == out   AmountIn == AmountOut
//	accrue    Lending      (a,v) -> (a,v)               in == out   AmountIn == 0, bounded by the APR cap
//	inflow    Custody      (a,c) -> (a,c)               in == out   AmountIn == 0, public per-asset total
//	outflow   Custody      (a,c) -> (a,c)               in == out   AmountOut == 0, public per-asset total
//
// No other change of value is possible: the treasury's value at the epoch's
// prices grows only by a swap filled at most MaxSlippageBps better than the
// oracle, by interest within its committed bound, or by an inflow that everyone
// sees in the proof's public inputs.
//
// # Per action, in this order
//
//	(0) every index is in range (ErrIndexOutOfRange), the kind is one of the
//	    six (ErrActionShape), AmountIn + AmountOut > 0 (ErrEmptyAction),
//	    (VenueIn, VenueOut) are the kind's slots and the assets and amounts
//	    relate as the table says (ErrActionShape), v has the kind's venue kind
//	    (ErrVenueKind)
//	(1) not Paused                                                    ErrPaused
//	(2) swap, deposit: AllowedVenue[v]                                ErrVenueNotAllowed
//	    swap: AllowedAsset[AssetOut]                                  ErrAssetNotAllowed
//	(3) X[AssetIn][VenueIn] >= AmountIn                               ErrNegativePosition
//	    X[AssetOut][VenueOut] + AmountOut <= 2^64 - 1 (after (3a))    ErrOverflow
//	(4) valueIn <= NotionalCap                                        ErrNotionalCap
//	(5) swap: valueOut × 10000 >= valueIn × (10000 - MaxSlippageBps)  ErrSlippage
//	          valueOut × 10000 <= valueIn × (10000 + MaxSlippageBps)  ErrFavourableFill
//	(6) accrue: Σ accruals to (a,v) this epoch
//	          <= floor(X0[a][v] × MaxAprBps[v] × s / (10000 × 31536000))  ErrAccrual
//	    with X0 the position at the epoch's start and s the epoch's length
//	(7) with u = VenueOut and VV(u,S) = Σ_a X[a][u] × p_a, if u has a cap:
//	    VV(u,S') <= cap(u) or VV(u,S') <= VV(u,S)                     ErrVenueCap
//	(8) for a in {AssetIn, AssetOut}:
//	    dist(a,S') <= dist(a,S)                                       ErrWeightBand
//	(9) stableBps(S') >= BufferFloorBps or stableBps(S') >= stableBps(S)
//	                                                                  ErrLiquidityBuffer
//
// where dist(a,S) = min_a - floor(W) if floor(W) < min_a, ceil(W) - max_a if
// ceil(W) > max_a, and 0 otherwise, for W = V_a(S) × 10000 / T(S) (W = 0 when
// T(S) = 0). Flooring below the band and ceiling above it make "inside the
// band" exact: min_a × T <= 10000 × V_a <= max_a × T, so no rounding lets a
// weight exceed its maximum.
//
// Rule (8) is "never moves a weight further outside its band": inside the band
// the distance is 0, so an action may move a weight anywhere inside it, and an
// action that starts outside may move it toward the band (even overshooting into
// it) but never away. Rule (9) is "never takes the stable share below the floor,
// or further below it".
//
// # Per epoch
//
// With S0 the state at the start, S_end the state after every action, s the
// epoch's length in seconds (end - start) and the same prices throughout
// (checked in this order, each with Action = -1):
//
//	s >= MinEpochSeconds                                              ErrEpochLength
//	Σ valueIn × 86400 <= TurnoverCapPerDay × s                        ErrTurnoverCap
//	Σ swap loss × 86400 <= LossBudgetPerDay × s                       ErrLossBudget
//	Σ outflow valueIn × 86400 <= OutflowCapPerDay × s                 ErrOutflowCap
//	every per-asset inflow and outflow total <= 2^64 - 1              ErrOverflow
//	for every asset a, in index order:
//	    dist(a,S_end) <= dist(a,S0)                                   ErrWeightBand
//	stableBps(S_end) >= BufferFloorBps or stableBps(S_end) >= stableBps(S0)
//	                                                                  ErrLiquidityBuffer
//
// Budgets per day scaled by the epoch's length mean that cutting time into more
// epochs gains nothing; the registry on-chain requires each epoch to start where
// the previous one ended and to end no later than the block it lands in.
//
// The epoch rule deliberately does not demand that a weight outside its band end
// strictly closer to it. An epoch with no actions, for example while the policy
// is paused after a price shock moved weights out of their bands, must remain
// provable, or the chain of epochs would halt exactly when governance needs it.
// An empty epoch satisfies every rule above (S_end = S0) as long as it is long
// enough, even with reserves worth nothing.
//
// # Solvency
//
// Given liabilities L_a per asset (circuit units, rounded up), the state S is
// solvent at ratio MinRatioBps (at least 10000) when
//
//	Σ_{a,v} X[a][v] × p_a × (10000 - HaircutBps[a][v]) >= (Σ_a L_a × p_a) × MinRatioBps
//
// (ErrSolvencyRatio otherwise). Each asset a the policy marks for coverage is
// also covered on its own, in circuit units (CheckCoverage):
//
//	Σ_v X[a][v] × (10000 - HaircutBps[a][v]) >= L_a × MinRatioBps  (ErrCoverage otherwise)
package corridor

// Package contracts is the typed Go client of zktreasury's on-chain registry.
//
// The registry (src/EpochRegistry.sol) records one epoch at a time, only when its epoch-circuit
// proof verifies against public inputs it builds itself, in this order (A assets):
//
//	[policy, S(n-1), S(n), liabilitiesRoot, actionsCommitment, actionCount, epoch, startTime,
//	 endTime, price_0 .. price_{A-1}, inflow_0 .. inflow_{A-1}, outflow_0 .. outflow_{A-1}]
//
// The previous state and the policy come from its storage: the policy is the newest executed one
// whose fromEpoch <= epoch, and a policy can only be queued for an epoch at least two ahead, so
// the epoch in progress keeps the policy it ran under. The epoch starts where the previous one
// ended and ends no later than the block. Each price is derived, by PriceScale (the conversion
// of src/PriceConversion.sol and of treasury/fixed.Price), from the Chainlink round the
// submission names for that asset, which must be the round in force at the epoch's end and
// younger than its feed's heartbeat, so a prover cannot choose a price. Per epoch the registry
// stores the liabilities root (what users check their inclusion against) and overwrites the
// current state, the previous end and the head of a hash chain over the records; each record is
// in full in its EpochRecorded event, whose data hashes to the record hash.
//
// Deploy puts the verifier and the registry on chain; Registry submits epochs, governs policies
// and roles, and reads them back; reverts come back as errors that match the sentinels below
// with errors.Is, and as *RevertError with errors.As for their arguments. DeployMockFeed puts a
// Chainlink-shaped feed (aggregator behind an EACAggregatorProxy-like proxy) on a test chain.
// CompileVerifiers compiles exported gnark verifiers with the pinned solc-js.
//
// The Solidity sources compile with a pinned solc-js (tools/compile.js) into build/, and the
// abigen v2 bindings in bindings/ are generated from build/ by internal/gen; a test fails when
// either drifts from the sources. The verifiers under verifiers/ are exported from the
// development keys in testdata/keys by internal/exportverifiers, whose test fails when they
// drift from those keys or the keys from the circuits.
package contracts

//go:generate go run ./internal/gen -dir .

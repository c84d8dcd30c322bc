// Package contracts is the typed Go client of zktreasury's on-chain registry.
//
// The registry (src/EpochRegistry.sol) records one epoch at a time, only when its proofs verify
// against public inputs it builds from its own storage. Its mode, fixed at deploy, says which
// proofs an epoch carries:
//
//	Separate: solvency   [S(n), liabilitiesRoot, policy, epoch, price_0 .. price_{A-1}]
//	          compliance [policy, S(n-1), S(n), actionsCommitment, actionCount, epoch, price_0 .. price_{A-1}]
//	Combined: epoch      [policy, S(n-1), S(n), liabilitiesRoot, actionsCommitment, actionCount, epoch, price_0 .. price_{A-1}]
//
// so a proof made for another previous state or for a policy that is not in force fails.
// Prices are checked against one Chainlink-style feed per asset (freshness and tolerance). Per
// epoch the registry stores the liabilities root (what users check their inclusion against) and
// overwrites the current state; the rest of an epoch's record is in its EpochRecorded event.
//
// Deploy puts the verifiers and the registry on chain; Registry submits epochs and reads them
// back; reverts come back as errors that match the sentinels below with errors.Is, and as
// *RevertError with errors.As for their arguments. CompileVerifiers compiles exported gnark
// verifiers with the pinned solc-js.
//
// The Solidity sources compile with a pinned solc-js (tools/compile.js) into build/, and the
// abigen v2 bindings in bindings/ are generated from build/ by internal/gen; a test fails when
// either drifts from the sources. The verifiers under verifiers/ are exported from the
// development keys in testdata/keys by internal/exportverifiers, whose test fails when they
// drift from those keys or the keys from the circuits.
package contracts

//go:generate go run ./internal/gen -dir .

//go:build race

package batch

// raceEnabled: the race detector is on, which reports the shared-system
// control of TestConcurrentGKRSolves as the race it is.
const raceEnabled = true

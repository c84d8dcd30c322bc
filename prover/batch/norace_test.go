//go:build !race

package batch

// raceEnabled: the race detector is off.
const raceEnabled = false

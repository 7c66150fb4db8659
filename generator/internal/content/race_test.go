//go:build race

package content

// raceEnabled: the race detector slows the hostile-input tests tenfold.
const raceEnabled = true

//go:build race

package serve

// raceEnabled: the race detector slows the random series of edits about
// fivefold (randomSeeds).
const raceEnabled = true

// Package cpuclock reads the CPU time (user and system) the process has
// used, which on a shared machine says more of the cost of a step than
// its wall time: the benchmarks report both.
package cpuclock

import "time"

// Since returns the CPU time used since start, a reading of Now.
func Since(start time.Duration) time.Duration { return Now() - start }

// Package cpuclock reads the CPU time (user and system) the process has
// used, which on a shared machine says more of the cost of a step than
// its wall time: the benchmarks report both. The CPU time of a step is
// the difference of two readings of Now.
package cpuclock

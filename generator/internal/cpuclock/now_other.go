//go:build !unix && !windows

package cpuclock

import "time"

// Now returns 0: the system does not tell the CPU time of the process.
func Now() time.Duration { return 0 }

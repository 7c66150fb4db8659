//go:build unix

package cpuclock

import (
	"syscall"
	"time"
)

// Now returns the CPU time the process has used.
func Now() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(syscall.TimevalToNsec(ru.Utime) + syscall.TimevalToNsec(ru.Stime))
}

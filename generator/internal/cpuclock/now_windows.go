package cpuclock

import (
	"time"

	"golang.org/x/sys/windows"
)

// Now returns the CPU time the process has used.
func Now() time.Duration {
	var creation, exit, kernel, user windows.Filetime
	windows.GetProcessTimes(windows.CurrentProcess(), &creation, &exit, &kernel, &user)
	// A Filetime counts 100 ns intervals; Nanoseconds would count from 1601.
	ticks := func(f windows.Filetime) int64 { return int64(f.HighDateTime)<<32 | int64(f.LowDateTime) }
	return time.Duration((ticks(kernel) + ticks(user)) * 100)
}

package cpuclock

import (
	"runtime"
	"testing"
	"time"
)

// TestNowCounts spins for a while: the CPU time read grows, by no more
// than the wall time times the processors.
func TestNowCounts(t *testing.T) {
	if Now() == 0 && runtime.GOOS != "windows" {
		t.Skip("no CPU time on this system")
	}
	start, wall := Now(), time.Now()
	for time.Since(wall) < 50*time.Millisecond {
	}
	used, elapsed := Now()-start, time.Since(wall)
	if used <= 0 || used > elapsed*time.Duration(runtime.NumCPU())+10*time.Millisecond {
		t.Errorf("CPU time %v over %v of wall time", used, elapsed)
	}
}

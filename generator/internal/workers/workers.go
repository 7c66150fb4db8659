// Package workers runs the iterations of a loop on every processor: For
// calls a function for each index, Until stops at the first error. Each
// call must write only what is its own (the index's slot of a slice made
// beforehand), so that what the loop makes does not depend on the order
// the calls ran in.
//
// Up to four goroutines run per processor: a worker waiting for the disk,
// reading a file or writing one, leaves its processor to another. Each
// takes the next index itself (an atomic counter): a goroutine handing
// the indexes out through a channel needed a processor of its own between
// two calls, and with calls of tens of microseconds one of two
// processors sat idle for stretches of 10-20 ms.
package workers

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// For calls do for 0 ≤ i < n in parallel, and returns when every call
// has.
func For(n int, do func(i int)) {
	_ = Until(n, func(i int) error { do(i); return nil })
}

// Until calls do for 0 ≤ i < n in parallel until a call fails: then it
// starts no more calls, waits for those under way and returns the first
// error (the first to fail, not the lowest index). It returns nil when
// every call succeeded.
func Until(n int, do func(i int) error) error {
	var (
		next   atomic.Int64
		failed atomic.Bool
		once   sync.Once
		first  error
		wg     sync.WaitGroup
	)
	for range min(4*runtime.GOMAXPROCS(0), n) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < n && !failed.Load(); i = int(next.Add(1) - 1) {
				if err := do(i); err != nil {
					once.Do(func() { first = err; failed.Store(true) })
				}
			}
		})
	}
	wg.Wait()
	return first
}

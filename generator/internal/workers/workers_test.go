package workers

import (
	"errors"
	"runtime"
	"sync/atomic"
	"testing"
)

// TestFor checks that For calls do once for every index, and not at all
// for n of 0 or less.
func TestFor(t *testing.T) {
	for _, n := range []int{-1, 0, 1, 3, 4*runtime.GOMAXPROCS(0) + 1, 10000} {
		calls := make([]atomic.Int32, max(n, 0))
		var stray atomic.Int32
		For(n, func(i int) {
			if i < 0 || i >= n {
				stray.Add(1)
				return
			}
			calls[i].Add(1)
		})
		if stray.Load() != 0 {
			t.Errorf("n=%d: %d calls out of range", n, stray.Load())
		}
		for i := range calls {
			if c := calls[i].Load(); c != 1 {
				t.Errorf("n=%d: index %d called %d times, want once", n, i, c)
			}
		}
	}
}

// TestUntil checks that Until calls do once for every index while none
// fails, returns the error of the failing call, and starts no call after
// one failed: when every call fails, each worker makes at most one. An
// index a worker took before the last one failed may be left uncalled
// (the worker sees the failure before it calls), so when the last index
// fails only it is sure to be called, and the others at most once.
func TestUntil(t *testing.T) {
	stop := errors.New("stop")
	tests := []struct {
		name     string
		n        int
		fail     func(i int) error
		want     error
		maxCalls int // at most, when not every index is called once
		called   int // an index that must be called then, or -1
	}{
		{"none", 0, func(int) error { return stop }, nil, 0, -1},
		{"no error", 1000, func(int) error { return nil }, nil, 0, -1},
		{"the last index fails", 1000, func(i int) error {
			if i == 999 {
				return stop
			}
			return nil
		}, stop, 1000, 999},
		{"every call fails", 10000, func(int) error { return stop }, stop, 4 * runtime.GOMAXPROCS(0), -1},
	}
	for _, c := range tests {
		calls := make([]atomic.Int32, c.n)
		err := Until(c.n, func(i int) error {
			calls[i].Add(1)
			return c.fail(i)
		})
		if err != c.want {
			t.Errorf("%s: error %v, want %v", c.name, err, c.want)
		}
		total := 0
		for i := range calls {
			n := int(calls[i].Load())
			total += n
			if n > 1 || (c.maxCalls == 0 && n != 1) {
				t.Errorf("%s: index %d called %d times", c.name, i, n)
			}
		}
		if c.called >= 0 && calls[c.called].Load() != 1 {
			t.Errorf("%s: index %d not called", c.name, c.called)
		}
		if c.maxCalls > 0 && (total < 1 || total > c.maxCalls) {
			t.Errorf("%s: %d calls, want 1 to %d", c.name, total, c.maxCalls)
		}
	}
}

package output

import (
	"math/rand/v2"
	"os"
	"time"
)

// renameTimeout bounds how long Rename retries: long enough for a virus
// scanner, an indexer or a browser to let go of a file (cmd/go's
// robustio waits as long), short enough that a build that cannot swap
// reports it.
const renameTimeout = 2 * time.Second

// Rename renames from to to like os.Rename. On Windows a file that
// another program holds open (a browser showing a page, an editor, a
// virus scanner) cannot be replaced, and a folder holding one cannot be
// renamed: Rename retries such a failure, with growing random pauses, for
// up to two seconds before it returns the error. Elsewhere it is
// os.Rename.
func Rename(from, to string) error {
	wall := clock{now: time.Now, sleep: time.Sleep}
	return retry(func() error { return os.Rename(from, to) }, transient, renameTimeout, wall)
}

// clock is the time retry reads and waits on: the wall clock in Rename, a
// counted one in tests, so that a test of the timeout does not depend on
// how busy the machine is.
type clock struct {
	now   func() time.Time
	sleep func(time.Duration)
}

// maxPause is the longest retry waits between two calls.
const maxPause = 100 * time.Millisecond

// retry calls op until it succeeds, fails with an error that is not
// transient, or timeout has passed since the first failure.
func retry(op func() error, transient func(error) bool, timeout time.Duration, clk clock) error {
	var start time.Time
	pause := time.Millisecond
	for {
		err := op()
		if err == nil || !transient(err) {
			return err
		}
		if start.IsZero() {
			start = clk.now()
		} else if clk.now().Sub(start) >= timeout {
			return err
		}
		// A random pause of up to twice the last, at most maxPause, and
		// no longer than the time left.
		pause = min(pause+time.Duration(rand.Int64N(int64(pause)+1)), maxPause)
		clk.sleep(min(pause, timeout-clk.now().Sub(start)+time.Millisecond))
	}
}

package output

import (
	"errors"
	"maps"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestRetry(t *testing.T) {
	errBusy := errors.New("busy")
	errGone := errors.New("gone")
	for _, c := range []struct {
		name     string
		fails    []error // the errors of the first calls; then nil
		want     error
		calls    int
		timedOut bool
	}{
		{"at once", nil, nil, 1, false},
		{"after two transient failures", []error{errBusy, errBusy}, nil, 3, false},
		{"not transient", []error{errGone, errBusy}, errGone, 1, false},
		{"transient, then not", []error{errBusy, errGone}, errGone, 2, false},
		{"transient until the timeout", nil, errBusy, -1, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			calls := 0
			op := func() error {
				calls++
				if c.timedOut {
					return errBusy
				}
				if calls <= len(c.fails) {
					return c.fails[calls-1]
				}
				return nil
			}
			clk, pauses, elapsed := countedClock()
			err := retry(op, func(err error) bool { return err == errBusy }, renameTimeout, clk)
			if err != c.want {
				t.Errorf("err %v, want %v", err, c.want)
			}
			if c.calls >= 0 && calls != c.calls {
				t.Errorf("%d calls, want %d", calls, c.calls)
			}
			if c.calls >= 0 && len(*pauses) != max(c.calls-1, 0) {
				t.Errorf("%d pauses for %d calls", len(*pauses), calls)
			}
			for i, p := range *pauses {
				if p <= 0 || p > maxPause {
					t.Errorf("pause %d is %v, want (0, %v]", i, p, maxPause)
				}
			}
			if c.timedOut && (*elapsed < renameTimeout || *elapsed > renameTimeout+maxPause || calls < 10) {
				t.Errorf("gave up after %v and %d calls, want %v and at least 10", *elapsed, calls, renameTimeout)
			}
		})
	}
}

// countedClock is a clock whose sleep returns at once and moves its time
// on by the pause, which it records, with the total time slept.
func countedClock() (clk clock, pauses *[]time.Duration, elapsed *time.Duration) {
	start := time.Date(2026, 12, 5, 9, 0, 0, 0, time.UTC)
	pauses, elapsed = new([]time.Duration), new(time.Duration)
	clk = clock{
		now: func() time.Time { return start.Add(*elapsed) },
		sleep: func(d time.Duration) {
			*pauses = append(*pauses, d)
			*elapsed += d
		},
	}
	return clk, pauses, elapsed
}

// TestRestore leaves the output as a build killed between the two renames
// of the portable swap leaves it (no output folder, the previous tree
// aside), and expects restore, and so the next build, to put it back.
func TestRestore(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	v2 := map[string]string{"index.html": "v2", "a/index.html": "a"}
	publish(t, out, map[string]string{"index.html": "v1"}, true)
	publish(t, out, v2, true)
	aside := filepath.Join(dir, previousPrefix(out)+"42")
	if err := os.Rename(out, aside); err != nil {
		t.Fatal(err)
	}
	if err := restore(out); err != nil {
		t.Fatal(err)
	}
	if got := readTree(t, out); !maps.Equal(got, want(v2)) {
		t.Errorf("restored %v", got)
	}
	// Out is there: a previous tree is a leftover that Begin recycles.
	os.MkdirAll(aside, 0o755)
	if err := restore(out); err != nil {
		t.Fatal(err)
	}
	if got := readTree(t, out); !maps.Equal(got, want(v2)) {
		t.Errorf("restore with the output in place changed it: %v", got)
	}
	v3 := map[string]string{"index.html": "v3"}
	publish(t, out, v3, true)
	if got := readTree(t, out); !maps.Equal(got, want(v3)) {
		t.Errorf("next build %v", got)
	}
	if m, _ := filepath.Glob(filepath.Join(dir, previousPrefix(out)+"*")); len(m) != 0 {
		t.Errorf("previous trees left: %v", m)
	}
}

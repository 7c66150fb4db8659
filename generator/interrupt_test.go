package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
)

// stopWhen is a context that reports a signal (Err is context.Canceled)
// once stopped says so: a signal that arrives at a given step of a
// build, without timing.
type stopWhen struct {
	context.Context
	stopped func() bool
}

func (c stopWhen) Err() error {
	if c.stopped() {
		return context.Canceled
	}
	return nil
}

// TestSignalAndPublishing sends a build a signal before it publishes and
// after: the first fails and says that the output is as it was; the
// second published the site, and says so (exit 0) instead of "build
// failed, public left as it was" over the new site.
func TestSignalAndPublishing(t *testing.T) {
	tests := []struct {
		name      string
		stopped   func(out string) bool
		code      int
		published bool
	}{
		{"signal before publishing", func(string) bool { return true }, exitProblems, false},
		{"signal after publishing", func(out string) bool { _, err := os.Stat(out); return err == nil }, exitOK, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := checkSite(t, nil)
			out := filepath.Join(root, "public")
			ctx := stopWhen{context.Background(), func() bool { return tt.stopped(out) }}
			var stdout, stderr bytes.Buffer
			code := run(ctx, []string{"build", "-root", root, "-out", out, "-now", "2026-03-01"}, &stdout, &stderr, func(string) string { return "" })
			_, err := os.Stat(filepath.Join(out, "index.html"))
			if code != tt.code || (err == nil) != tt.published {
				t.Errorf("exit %d, published %v; want %d, %v\n%s", code, err == nil, tt.code, tt.published, stderr.String())
			}
			if failed := "build failed, " + filepath.ToSlash(out) + " left as it was: context canceled\n"; !tt.published && stderr.String() != failed {
				t.Errorf("stderr %q, want %q", stderr.String(), failed)
			}
			if tt.published && !bytes.Contains(stdout.Bytes(), []byte(filepath.ToSlash(out))) {
				t.Errorf("no summary naming %s: %q", out, stdout.String())
			}
		})
	}
}

package serve

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"portal/generator/internal/diag"
	"portal/generator/internal/output"
)

// holding is a site folder one of whose files another program holds
// open without sharing it while held is set, as Windows then answers
// every other program that opens it.
type holding struct {
	fs.FS
	name string
	held atomic.Bool
}

var errSharing = errors.New("the file is used by another process")

func (h *holding) Open(name string) (fs.File, error) {
	if name == h.name && h.held.Load() {
		return nil, &fs.PathError{Op: "open", Path: name, Err: errSharing}
	}
	return h.FS.Open(name)
}

// TestFollowRereadsHeldFile: a record saved while another program holds
// it open (a sync client, a virus scanner) cannot be read; when that
// program lets go, nothing changes in the folder to say so. serve's loop
// reads it again after a second, then after twice as long each time, and
// the preview is what a build writes, with no further save; the terminal
// says which file it reads again. It used to show "cannot read" until
// the next save.
func TestFollowRereadsHeldFile(t *testing.T) {
	const rec = "content/theses/energidata.md"
	root := fixture(t)
	src := &holding{FS: os.DirFS(root), name: rec}
	e := newEngine(src, output.NewMemory(), fixedNow)
	mustUpdate(t, e)
	src.held.Store(true)
	edit(t, root, rec, "deadline = 2026-12-15", "deadline = 2027-02-01")

	const rereadLine = "serve: reading again " + rec + ", which could not be read (the error above)"
	type event struct {
		errs diag.List
		line string
	}
	// announced is counted where serve's loop logs, which lets the file
	// go before its second read; the test's own loop counts the lines it
	// receives (seen), not announced, which another goroutine writes.
	events, announced := make(chan event, 64), atomic.Int32{}
	opt := Options{ClockCheck: time.Minute, Lang: diag.English, Logf: func(f string, a ...any) {
		line := fmt.Sprintf(f, a...)
		if line == rereadLine {
			if announced.Add(1) == 2 {
				src.held.Store(false) // the other program lets go
			}
		}
		events <- event{line: line}
	}}
	ctx, cancel := context.WithCancel(context.Background())
	batches, done := make(chan []string), make(chan error)
	go func() {
		done <- follow(ctx, e, batches, nil, func(res result, err error) {
			if err != nil {
				t.Errorf("update: %v", err)
			}
			events <- event{errs: res.Errs}
		}, opt)
	}()
	batches <- []string{rec}
	next := func() event {
		t.Helper()
		select {
		case ev := <-events:
			return ev
		case <-time.After(30 * time.Second):
			t.Fatal("serve did not read the file again")
			return event{}
		}
	}
	wantErr := rec + ":1:1: cannot read: " + errSharing.Error()
	var lines []string
	for seen := 0; seen < 2; {
		switch ev := next(); {
		case ev.line != "":
			lines = append(lines, ev.line)
			if ev.line == rereadLine {
				seen++
			}
		case len(ev.errs) != 1 || ev.errs[0].Error() != wantErr:
			t.Fatalf("update after %d tries: %v, want %s", seen, ev.errs, wantErr)
		}
	}
	if ev := next(); len(ev.errs) > 0 || ev.line != "" {
		t.Fatalf("after the file was let go: %v %q", ev.errs, ev.line)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if want := []string{rereadLine, rereadLine}; !slices.Equal(lines, want) {
		t.Errorf("the terminal says\n%q\nwant\n%q", lines, want)
	}
	matchesBuild(t, e, root, "read again")
}

// TestUnreadable: the sources an update could not read, each once, in
// the order of its problems; other problems are not read again.
func TestUnreadable(t *testing.T) {
	for _, c := range []struct {
		name string
		errs diag.List
		want []string
	}{
		{"none", nil, nil},
		{"other problems", diag.List{
			diag.At("content/theses/a.md", 3, 9, diag.TOMLInvalid, "x"),
		}, nil},
		{"twice and a config", diag.List{
			diag.At("config.toml", 1, 1, diag.CannotRead, "held"),
			diag.At("content/theses/a.md", 3, 9, diag.TOMLInvalid, "x"),
			diag.At("content/theses/b.md", 1, 1, diag.CannotRead, "held"),
			diag.At("config.toml", 1, 1, diag.CannotRead, "held"),
		}, []string{"config.toml", "content/theses/b.md"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := unreadable(c.errs); !slices.Equal(got, c.want) {
				t.Errorf("unreadable = %q, want %q", got, c.want)
			}
		})
	}
}

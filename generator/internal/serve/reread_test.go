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
// every other program that opens it; with letGo set, the program lets go
// of it at the letGo-th time the file is opened while held.
type holding struct {
	fs.FS
	name  string
	held  atomic.Bool
	letGo int32
	tries atomic.Int32 // the times the file was opened while held
}

var errSharing = errors.New("the file is used by another process")

func (h *holding) Open(name string) (fs.File, error) {
	if name == h.name && h.held.Load() {
		if n := h.tries.Add(1); h.letGo == 0 || n < h.letGo {
			return nil, &fs.PathError{Op: "open", Path: name, Err: errSharing}
		}
		h.held.Store(false)
	}
	return h.FS.Open(name)
}

// followHeld runs serve's loop on a site whose record rec another program
// holds (src), after rec was saved, until done says so of src, and
// returns what the terminal said, the problems of each update shown, and
// the engine.
func followHeld(t *testing.T, src *holding, root, rec string, clockCheck time.Duration, done func(shown []diag.List) bool) (lines []string, shown []diag.List, e *engine) {
	t.Helper()
	src.FS = os.DirFS(root)
	e = newEngine(src, output.NewMemory(), fixedNow)
	mustUpdate(t, e)
	src.held.Store(true)
	edit(t, root, rec, "deadline = 2026-12-15", "deadline = 2027-02-01")
	type event struct {
		errs diag.List
		line string
	}
	events := make(chan event, 64)
	opt := Options{ClockCheck: clockCheck, Lang: diag.English, Logf: func(f string, a ...any) {
		events <- event{line: fmt.Sprintf(f, a...)}
	}}
	ctx, cancel := context.WithCancel(context.Background())
	batches, ended := make(chan []string), make(chan error)
	go func() {
		ended <- follow(ctx, e, batches, nil, func(res result, err error) {
			if err != nil {
				t.Errorf("update: %v", err)
			}
			events <- event{errs: res.Errs}
		}, opt)
	}()
	batches <- []string{rec}
	deadline := time.After(30 * time.Second)
	for !done(shown) {
		select {
		case ev := <-events:
			if ev.line != "" {
				lines = append(lines, ev.line)
			} else {
				shown = append(shown, ev.errs)
			}
		case <-deadline:
			t.Fatal("serve did not read the file again")
		case <-time.After(time.Millisecond):
		}
	}
	cancel()
	if err := <-ended; err != nil {
		t.Fatal(err)
	}
	close(events)
	for ev := range events {
		if ev.line != "" {
			lines = append(lines, ev.line)
		} else {
			shown = append(shown, ev.errs)
		}
	}
	return lines, shown, e
}

// TestFollowRereadsHeldFile: a record saved while another program holds
// it open (a sync client, a virus scanner) cannot be read; when that
// program lets go, nothing changes in the folder to say so. serve's loop
// reads it again after a second, then after twice as long each time, and
// the preview is what a build writes, with no further save; the terminal
// says once which file it reads again, and does not repeat the problem
// while it is the same. It used to show "cannot read" until the next
// save.
func TestFollowRereadsHeldFile(t *testing.T) {
	const rec = "content/theses/energidata.md"
	root := fixture(t)
	// Read at the save and again in vain (an update may open it twice);
	// the fourth open succeeds, after a second try at least.
	src := &holding{name: rec, letGo: 4}
	lines, shown, e := followHeld(t, src, root, rec, time.Minute, func(shown []diag.List) bool {
		return !src.held.Load() && len(shown) > 0 && len(shown[len(shown)-1]) == 0
	})
	wantErr := rec + ":1:1: cannot read: " + errSharing.Error()
	if len(shown) < 2 || len(shown[0]) != 1 || shown[0][0].Error() != wantErr ||
		slices.ContainsFunc(shown[1:], func(errs diag.List) bool { return len(errs) > 0 }) {
		t.Errorf("the problems shown: %v, want %s once, then none", shown, wantErr)
	}
	rereadLine := "serve: reading again " + rec + ", which could not be read (the error above)"
	if want := []string{rereadLine}; !slices.Equal(lines, want) {
		t.Errorf("the terminal says\n%q\nwant\n%q", lines, want)
	}
	matchesBuild(t, e, root, "read again")
}

// TestFollowQuietWhileUnread: a file that stays unreadable (its
// permissions, or a program that never lets go) is read again for as
// long as serve runs, and the terminal says so once and shows its
// problem once, not again at each try (every minute, here every 2ms).
func TestFollowQuietWhileUnread(t *testing.T) {
	const rec = "content/theses/energidata.md"
	root := fixture(t)
	src := &holding{name: rec}
	lines, shown, _ := followHeld(t, src, root, rec, 2*time.Millisecond, func([]diag.List) bool { return src.tries.Load() >= 20 })
	if len(shown) != 1 || len(shown[0]) != 1 {
		t.Errorf("the problems shown: %v, want one cannot read, once", shown)
	}
	if want := []string{"serve: reading again " + rec + ", which could not be read (the error above)"}; !slices.Equal(lines, want) {
		t.Errorf("the terminal says\n%q\nwant\n%q", lines, want)
	}
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

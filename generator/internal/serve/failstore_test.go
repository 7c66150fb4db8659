package serve

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sync/atomic"
	"testing"
	"time"

	"portal/generator/internal/diag"
	"portal/generator/internal/output"
)

// failing is a store in memory whose writes fail while fail is set, as
// a full disk fails them.
type failing struct {
	m    *output.Memory
	fail atomic.Bool // set by a test while serve's loop writes
}

var errFull = errors.New("no space left on device")

func (f *failing) Put(rel string, data []byte) error {
	if f.fail.Load() {
		return errFull
	}
	return f.m.Put(rel, data)
}

func (f *failing) Remove(rel string) error {
	if f.fail.Load() {
		return errFull
	}
	return f.m.Remove(rel)
}

func (f *failing) Open(name string) (fs.File, error) { return f.m.Open(name) }

// TestWriteFailedThenEdits: an update whose new model was made (from the
// last one, site.Options.Prev) but whose pages could not be written
// leaves the model served as it was; the edits after it, a new model
// made from the served one and an edit in place, serve what build
// -drafts writes.
func TestWriteFailedThenEdits(t *testing.T) {
	const rec, other = "content/theses/energidata.md", "content/theses/trafikfloden.md"
	root := fixture(t)
	store := &failing{m: output.NewMemory()}
	e := newEngine(os.DirFS(root), store, fixedNow)
	if res, err := e.update(nil); err != nil || len(res.Errs) > 0 {
		t.Fatalf("first build: %v %v", err, res.Errs)
	}
	for _, s := range []struct {
		name     string
		path     string
		old, new string
		fail     bool // the update fails
		later    bool // the writes after the update fail
	}{
		{"moved, not written", rec, "deadline = 2026-12-15", "deadline = 2027-02-01", true, false},
		{"another moved", other, "deadline = 2026-11-27", "deadline = 2027-03-01", false, false},
		{"title in place", rec, `title = "Energidata`, `title = "Nya energidata`, false, false},
		{"moved back, not written", rec, "deadline = 2027-02-01", "deadline = 2026-12-15", true, false},
		{"title taken back", rec, `title = "Nya energidata`, `title = "Energidata`, false, false},
		{"another moved back, the rest not written", other, "deadline = 2027-03-01", "deadline = 2026-11-27", false, true},
		{"title in place again", rec, `title = "Energidata`, `title = "Nya energidata`, false, false},
		{"moved once more", rec, "deadline = 2026-12-15", "deadline = 2027-02-01", false, false},
	} {
		edit(t, root, s.path, s.old, s.new)
		store.fail.Store(s.fail)
		_, err := e.update([]string{s.path})
		store.fail.Store(false)
		if s.fail {
			if !errors.Is(err, errFull) {
				t.Fatalf("%s: %v, want %v", s.name, err, errFull)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		if s.later {
			store.fail.Store(true)
			_, err := e.finish()
			store.fail.Store(false)
			if !errors.Is(err, errFull) {
				t.Fatalf("%s: finish: %v, want %v", s.name, err, errFull)
			}
			continue
		}
		for e.pendingWrites() {
			if _, err := e.finish(); err != nil {
				t.Fatal(err)
			}
		}
		matchesBuild(t, e, root, s.name)
	}
}

// TestFollowRetriesFailedWrite: serve's loop tries again an update that
// could not write its files, after a second, then twice as long each time
// it fails again, and the preview is what a build writes once the disk
// takes the files again, with no further edit; the terminal says so.
func TestFollowRetriesFailedWrite(t *testing.T) {
	const rec = "content/theses/energidata.md"
	root := fixture(t)
	store := &failing{m: output.NewMemory()}
	e := newEngine(os.DirFS(root), store, fixedNow)
	mustUpdate(t, e)
	store.fail.Store(true)
	edit(t, root, rec, "deadline = 2026-12-15", "deadline = 2027-02-01")

	// What serve's loop does, in order: an update applied (its error) or
	// a line for the terminal.
	type event struct {
		at   time.Time
		err  error
		line string
	}
	// The edit fails, and so does the try after a second; the second,
	// after two more, finds the disk mended: the line that announces it
	// mends the disk, before the loop tries.
	const retryLine = "serve: trying again to write the preview, which failed (the error above)"
	events, announced := make(chan event, 64), 0
	opt := Options{ClockCheck: time.Minute, Lang: diag.English, Logf: func(f string, a ...any) {
		line := fmt.Sprintf(f, a...)
		if line == retryLine {
			if announced++; announced == 2 {
				store.fail.Store(false)
			}
		}
		events <- event{at: time.Now(), line: line}
	}}
	ctx, cancel := context.WithCancel(context.Background())
	batches, done := make(chan []string), make(chan error)
	go func() {
		done <- follow(ctx, e, batches, nil, func(_ result, err error) { events <- event{at: time.Now(), err: err} }, opt)
	}()
	start := time.Now()
	batches <- []string{rec}
	next := func() event {
		t.Helper()
		select {
		case ev := <-events:
			return ev
		case <-time.After(30 * time.Second):
			t.Fatal("serve did not try again")
			return event{}
		}
	}
	var tries []time.Duration
	for len(tries) < 2 {
		switch ev := next(); {
		case ev.line == retryLine:
			tries = append(tries, ev.at.Sub(start))
		case ev.line != "":
			t.Fatalf("the terminal says %q", ev.line)
		case !errors.Is(ev.err, errFull):
			t.Fatalf("update after %d tries: %v, want %v", len(tries), ev.err, errFull)
		}
	}
	if ev := next(); ev.err != nil || ev.line != "" {
		t.Fatalf("after the disk was mended: %v %q", ev.err, ev.line)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	for i, want := range []time.Duration{time.Second, 3 * time.Second} {
		if tries[i] < want {
			t.Errorf("try %d after %v, want %v or later", i+1, tries[i], want)
		}
	}
	matchesBuild(t, e, root, "written again")
}

// TestLaterWriteFailedThenRetry: an update whose later batches (the
// other pages, then the other files) could not be all written, an edit
// in place as well as a new model, is mended by the next update, as
// serve's loop tries it again with no file changed, and by an edit in
// place of another record: the files of the batch that failed are
// written then. An edit in place used to be tried again in place, which
// writes the outputs of the records edited since alone, and left the
// lists that show the record of the failed batch with its old title.
func TestLaterWriteFailedThenRetry(t *testing.T) {
	const rec, other = "content/theses/energidata.md", "content/theses/trafikfloden.md"
	tests := []struct {
		name     string
		old, new string
		full     bool // the edit makes a new model
		ok       int  // the later batches written before the one that fails
	}{
		{"in place, the other pages fail", `title = "Energidata`, `title = "Nya energidata`, false, 0},
		{"in place, the other files fail", `title = "Energidata`, `title = "Nya energidata`, false, 1},
		{"new model, the other pages fail", "deadline = 2026-12-15", "deadline = 2027-02-01", true, 0},
		{"new model, the other files fail", "deadline = 2026-12-15", "deadline = 2027-02-01", true, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := fixture(t)
			store := &failing{m: output.NewMemory()}
			e := newEngine(os.DirFS(root), store, fixedNow)
			if res, err := e.update(nil); err != nil || len(res.Errs) > 0 {
				t.Fatalf("first build: %v %v", err, res.Errs)
			}
			edit(t, root, rec, tt.old, tt.new)
			res, err := e.update([]string{rec})
			if err != nil || len(res.Errs) > 0 || res.Full != tt.full {
				t.Fatalf("edit: %v %v, full %v, want %v", err, res.Errs, res.Full, tt.full)
			}
			for range tt.ok {
				if _, err := e.finish(); err != nil {
					t.Fatal(err)
				}
			}
			store.fail.Store(true)
			_, err = e.finish()
			store.fail.Store(false)
			if !errors.Is(err, errFull) {
				t.Fatalf("finish: %v, want %v", err, errFull)
			}
			if res := mustUpdate(t, e); len(res.Errs) > 0 || !res.Full {
				t.Errorf("tried again: problems %v, full %v: want a new model", res.Errs, res.Full)
			}
			matchesBuild(t, e, root, "tried again")
			edit(t, root, other, `title = "Trafikflöden`, `title = "Nya trafikflöden`)
			if res := mustUpdate(t, e, other); len(res.Errs) > 0 || res.Full {
				t.Errorf("another title: problems %v, full %v: want an edit in place", res.Errs, res.Full)
			}
			matchesBuild(t, e, root, "another title")
		})
	}
}

// fullDisk fails the writes of a store while full is set, as a full disk
// fails them (fillable).
type fullDisk struct{ full atomic.Bool }

// write does w unless the disk is full.
func (d *fullDisk) write(w func() error) error {
	if d.full.Load() {
		return errFull
	}
	return w()
}

// fillable returns store, a folder or memory, with writes that fail
// while the returned disk is full: what the random tests serve into. The
// memory keeps its links and kept bytes (output.Linker, output.Keeper),
// as serve uses them.
func fillable(store output.Store) (output.Store, *fullDisk) {
	disk := &fullDisk{}
	switch s := store.(type) {
	case output.Dir:
		return fillableDir{disk, s}, disk
	case *output.Memory:
		return fillableMemory{disk, s}, disk
	}
	panic(fmt.Sprintf("fillable: a store of type %T", store))
}

type fillableDir struct {
	*fullDisk
	dir output.Dir
}

func (f fillableDir) Put(rel string, data []byte) error {
	return f.write(func() error { return f.dir.Put(rel, data) })
}

func (f fillableDir) Remove(rel string) error {
	return f.write(func() error { return f.dir.Remove(rel) })
}

func (f fillableDir) Open(name string) (fs.File, error) { return os.DirFS(string(f.dir)).Open(name) }

type fillableMemory struct {
	*fullDisk
	m *output.Memory
}

func (f fillableMemory) Put(rel string, data []byte) error {
	return f.write(func() error { return f.m.Put(rel, data) })
}

func (f fillableMemory) Keep(rel string, data []byte) error {
	return f.write(func() error { return f.m.Keep(rel, data) })
}

func (f fillableMemory) Link(rel string, fsys fs.FS, name string) error {
	return f.write(func() error { return f.m.Link(rel, fsys, name) })
}

func (f fillableMemory) Remove(rel string) error {
	return f.write(func() error { return f.m.Remove(rel) })
}

func (f fillableMemory) Open(name string) (fs.File, error) { return f.m.Open(name) }

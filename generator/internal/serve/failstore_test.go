package serve

import (
	"errors"
	"io/fs"
	"os"
	"testing"

	"portal/generator/internal/output"
)

// failing is a store in memory whose writes fail while fail is set, as
// a full disk fails them.
type failing struct {
	m    *output.Memory
	fail bool
}

var errFull = errors.New("no space left on device")

func (f *failing) Put(rel string, data []byte) error {
	if f.fail {
		return errFull
	}
	return f.m.Put(rel, data)
}

func (f *failing) Remove(rel string) error {
	if f.fail {
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
		store.fail = s.fail
		_, err := e.update([]string{s.path})
		store.fail = false
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
			store.fail = true
			_, err := e.finish()
			store.fail = false
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

package site

import (
	"slices"
	"testing"
	"time"
)

// TestBodiesOver checks that a model made over a store reads its bodies
// and leaves it as it was: no body dropped (a record missing from the
// model) and none rendered into it.
func TestBodiesOver(t *testing.T) {
	now := time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)
	files := map[string]string{
		"content/theses/a.md": thesis(`deadline = 2026-06-01`),
		"content/theses/b.md": thesis(`deadline = 2026-06-01`),
	}
	cfg, set := load(t, files)
	served := NewBodies()
	s, err := New(cfg, set, Options{Now: now, Bodies: served})
	if err != nil {
		t.Fatal(err)
	}
	gen := s.BodyGen()
	a, b := set.Records[0].Versions[0], set.Records[1].Versions[0]

	files["content/theses/c.md"] = thesis(`deadline = 2026-06-01`)
	cfg, set2 := load(t, files)
	set2.Records = set2.Records[1:] // a is refused, c is new
	over := served.Over()
	if _, err := New(cfg, set2, Options{Now: now, Bodies: over}); err != nil {
		t.Fatal(err)
	}
	if served.get(a) == nil || served.get(b) == nil {
		t.Error("a model made over the store dropped a body from it")
	}
	if c := set2.Records[1].Versions[0]; served.get(c) != nil || over.get(c) == nil {
		t.Error("the body of c went into the store under, or not into the one over it")
	}
	if over.get(b) != served.get(b) {
		t.Error("the store over did not read b's body from the store under")
	}
	if s.BodyGen() != gen {
		t.Errorf("the store under rendered %d bodies", s.BodyGen()-gen)
	}
}

// TestBodiesKeep checks that the bodies of a record deleted, and of one
// renamed, leave the store: at once, one model later, and within
// keepEvery models while a record is not published.
func TestBodiesKeep(t *testing.T) {
	now := time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)
	files := map[string]string{
		"content/theses/a.md": thesis(`deadline = 2026-06-01`),
		"content/theses/b.md": thesis(`deadline = 2026-06-01`),
	}
	bodies := NewBodies()
	model := func() {
		t.Helper()
		cfg, set := load(t, files)
		if _, err := New(cfg, set, Options{Now: now, Bodies: bodies}); err != nil {
			t.Fatal(err)
		}
	}
	stored := func() []string {
		var out []string
		for k := range bodies.m {
			out = append(out, k.path)
		}
		slices.Sort(out)
		return out
	}
	model()
	delete(files, "content/theses/a.md")
	model()
	if got := stored(); !slices.Equal(got, []string{"content/theses/b.md"}) {
		t.Errorf("a deleted: the store holds %q", got)
	}
	files["content/theses/c.md"] = files["content/theses/b.md"]
	delete(files, "content/theses/b.md")
	model()
	model()
	if got := stored(); !slices.Equal(got, []string{"content/theses/c.md"}) {
		t.Errorf("b renamed c, two models on: the store holds %q", got)
	}
	// A record not published has a version but no body: c renamed d
	// leaves c's body beside d's until keep looks through the store.
	files["content/theses/later.md"] = thesis("deadline = 2026-06-01\npublishDate = 2026-03-01")
	files["content/theses/d.md"] = files["content/theses/c.md"]
	delete(files, "content/theses/c.md")
	for range keepEvery {
		model()
	}
	if got := stored(); !slices.Equal(got, []string{"content/theses/d.md"}) {
		t.Errorf("c renamed d beside a record not published, %d models on: the store holds %q", keepEvery, got)
	}
}

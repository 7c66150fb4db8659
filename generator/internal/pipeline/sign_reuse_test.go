package pipeline

import (
	"hash/maphash"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"portal/generator/internal/config"
	"portal/generator/internal/content"
	"portal/generator/internal/site"
)

// TestSignerReuse: a signer made with the last site's (newSigner's prev)
// gives every entry, version and facet the sums a signer made from
// nothing gives, after edits that keep an entry whose body changes (a
// record it links to moves), an entry whose facts change, a new and a
// deleted record, and takes over the entries that did not change.
func TestSignerReuse(t *testing.T) {
	root := siteCopy(t, "testdata/sites/basic")
	fsys := os.DirFS(root)
	cfg, err := config.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	seed, bodies := maphash.MakeSeed(), site.NewBodies()
	var last *site.Site
	var lastSet *content.Set
	load := func() *site.Site {
		t.Helper()
		set, err := content.Load(fsys, cfg)
		if err != nil {
			t.Fatal(err)
		}
		keepUnchanged(set, lastSet) // as the preview keeps the records it did not reload
		s, err := site.New(cfg, set, site.Options{Now: testNow, Drafts: true, Bodies: bodies, Prev: last, Reuse: true})
		if err != nil {
			t.Fatal(err)
		}
		last, lastSet = s, set
		return s
	}
	prev := newSigner(load(), 1, seed, nil)
	for _, step := range []struct {
		name   string
		change func()
		kept   int // entries signed again: those whose signature must not be taken over
	}{
		{"nothing", func() {}, 0},
		{"a linked record moves", func() {
			rewrite(t, root, "content/agreements/mou.md", "type = ", "slug = \"mou-2014\"\ntype = ")
			for _, rel := range []string{"collaborations/elnat.md", "exchanges/gastforskare.md", "followups/2025.md"} {
				rewrite(t, root, "content/"+rel, `agreement = "mou"`, `agreement = "mou-2014"`)
			}
		}, 5}, // the agreement, the three records that name it, and the thesis that links to it
		{"deadline", func() {
			rewrite(t, root, "content/theses/energidata.md", "deadline = 2026-12-15", "deadline = 2027-02-01")
		}, 1},
		{"new", func() {
			b, _ := os.ReadFile(filepath.Join(root, "content/agreements/ramavtal.md"))
			os.WriteFile(filepath.Join(root, "content/agreements/nytt.md"), b, 0o644)
		}, 1},
		{"deleted", func() { os.Remove(filepath.Join(root, "content/agreements/nytt.md")) }, 0},
	} {
		step.change()
		s := load()
		got, want := newSigner(s, 1, seed, prev), newSigner(s, 1, seed, nil)
		for _, e := range slices.Concat(s.Entries, s.Free) {
			if got.entries[e] != want.entries[e] || got.facetSums[e] != want.facetSums[e] {
				t.Errorf("%s: %s: signed %x/%x, anew %x/%x", step.name, e.Own().Path,
					got.entries[e], got.facetSums[e], want.entries[e], want.facetSums[e])
			}
			for _, v := range e.Versions {
				if got.versions[v] != want.versions[v] {
					t.Errorf("%s: %s: version signed %x, anew %x", step.name, v.Path, got.versions[v], want.versions[v])
				}
			}
		}
		signed := 0 // entries reuse does not take over: it writes what got holds
		for _, e := range slices.Concat(s.Entries, s.Free) {
			if !got.reuse(prev, e) {
				signed++
			}
		}
		if signed != step.kept {
			t.Errorf("%s: %d entries signed again, want %d", step.name, signed, step.kept)
		}
		prev = got
	}
}

// keepUnchanged puts in set the records of old whose files did not change.
func keepUnchanged(set, old *content.Set) {
	if old == nil {
		return
	}
	byPath := map[string]*content.Record{}
	for _, r := range old.Records {
		byPath[r.Own().Path] = r
	}
	for i, r := range set.Records {
		o := byPath[r.Own().Path]
		if o != nil && slices.EqualFunc(o.Versions, r.Versions, func(v, w *content.Version) bool {
			return v.Path == w.Path && v.Hash == w.Hash
		}) {
			set.Records[i] = o
		}
	}
}

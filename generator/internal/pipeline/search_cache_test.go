package pipeline

import (
	"bytes"
	"slices"
	"testing"

	"portal/generator/internal/search"
	"portal/generator/internal/site"
)

// setStamps stamp each entry as set gives it, 1 when it has none.
type setStamps map[*site.Entry]uint64

func (s setStamps) Stamp(e *site.Entry) (uint64, bool) {
	if v, ok := s[e]; ok {
		return v, true
	}
	return 1, true
}
func (s setStamps) Since(int) ([]*site.Entry, int) { return nil, 0 }

// TestSearchIndexKept updates the index kept in the cache through a
// series of lists (records moved, changed and deleted) and compares
// every file with the index Build makes of the same list. From the
// third update on, the documents are listed in the memory of the list
// the index held two updates before (searchState.buffer): were it still
// the index's, the documents it compares with would be the new ones.
func TestSearchIndexKept(t *testing.T) {
	l, err := Load(fixture(t, "testdata/sites/basic"), Options{Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	es := searchEntries(l.Site)
	if len(es) < 12 {
		t.Fatalf("%d entries: the fixture is too small for the moves", len(es))
	}
	stamps := setStamps{}
	u := &cacheUse{c: NewCache(), stamps: stamps}
	at := func(list []*site.Entry, slug string) int {
		i := slices.IndexFunc(list, func(e *site.Entry) bool { return e.Slug == slug })
		if i < 0 {
			t.Fatalf("no record %s in the fixture", slug)
		}
		return i
	}
	// move moves the record slug to place j.
	move := func(slug string, j int) func([]*site.Entry) []*site.Entry {
		return func(list []*site.Entry) []*site.Entry {
			i := at(list, slug)
			return slices.Insert(slices.Delete(slices.Clone(list), i, i+1), j, list[i])
		}
	}
	// archived is move with the record unarchived or archived (a new
	// entry of the record, signed anew).
	archived := func(slug string, j int) func([]*site.Entry) []*site.Entry {
		return func(list []*site.Entry) []*site.Entry {
			c := *list[at(list, slug)]
			c.Archived = !c.Archived
			stamps[&c] = 2
			next := move(slug, j)(list)
			next[j] = &c
			return next
		}
	}
	tests := []struct {
		name string
		next func(list []*site.Entry) []*site.Entry
	}{
		{"first", slices.Clone[[]*site.Entry]},
		{"moved forward", move("energidata", 9)},
		{"moved back", move("mou", 0)},
		{"unarchived and moved", archived("gammalt", 7)},
		{"moved again", move("energidata", 2)},
		{"deleted", func(list []*site.Entry) []*site.Entry {
			i := at(list, "installd")
			return slices.Delete(slices.Clone(list), i, i+1)
		}},
		{"moved after the deletion", move("elnat", 1)},
	}
	list := es
	for _, tt := range tests {
		list = tt.next(list)
		scopes := searchScopes(l.Site, list)
		for _, lang := range l.Site.Cfg.Languages {
			got, err := u.searchIndex(l, lang, list, scopes)
			if err != nil {
				t.Fatal(err)
			}
			docs := l.searchDocs(lang, list)
			want, err := search.Build(lang, docs, scopes, l.searchNames(lang, docs))
			if err != nil {
				t.Fatal(err)
			}
			sameFiles(t, tt.name+" "+lang, got, want)
		}
	}
}

// sameFiles reports each file of want that got does not hold alike.
func sameFiles(t *testing.T, what string, got, want *search.Index) {
	t.Helper()
	if !slices.Equal(got.Layout.Paths(), want.Layout.Paths()) {
		t.Fatalf("%s: files %v, want %v", what, got.Layout.Paths(), want.Layout.Paths())
	}
	for _, p := range want.Layout.Paths() {
		g, _ := got.File(p)
		w, _ := want.File(p)
		if !bytes.Equal(g, w) {
			t.Errorf("%s: %s is\n%s\nwant\n%s", what, p, g, w)
		}
	}
}

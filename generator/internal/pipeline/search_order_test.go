package pipeline

import (
	"fmt"
	"slices"
	"testing"

	"portal/generator/internal/content"
	"portal/generator/internal/site"
)

// entry is an entry of the record kind/slug.
func entry(kind, slug string) *site.Entry {
	return &site.Entry{Record: &content.Record{Kind: kind, Slug: slug}}
}

// fakeStamps stamp every entry 1 and count the calls of Stamp; mark is
// what Since returns.
type fakeStamps struct{ calls, mark int }

func (f *fakeStamps) Stamp(*site.Entry) (uint64, bool) { f.calls++; return 1, true }
func (f *fakeStamps) Since(int) ([]*site.Entry, int)   { return nil, f.mark }

// TestSearchOrder compares the places searchOrder finds for the entries
// of a listing in the last one with those found by kind and slug, for
// records moved, added and deleted, and checks that the stamps are read
// once for all languages of a listing unless an entry was signed again.
func TestSearchOrder(t *testing.T) {
	prev := make([]*site.Entry, 40)
	for i := range prev {
		prev[i] = entry([]string{"theses", "lectures"}[i/30], fmt.Sprint("r", i))
	}
	renewed := func(e *site.Entry) *site.Entry { c := *e; return &c } // a new entry of the same record
	tests := []struct {
		name string
		next []*site.Entry
	}{
		{"the same", slices.Clone(prev)},
		{"none before", nil},
		{"moved forward, made anew", slices.Insert(slices.Delete(slices.Clone(prev), 3, 4), 20, renewed(prev[3]))},
		{"moved back", slices.Insert(slices.Delete(slices.Clone(prev), 25, 26), 2, prev[25])},
		{"added", slices.Insert(slices.Clone(prev), 10, entry("theses", "ny"))},
		{"deleted", slices.Delete(slices.Clone(prev), 7, 8)},
		{"reversed", func() []*site.Entry { s := slices.Clone(prev); slices.Reverse(s); return s }()},
		{"two moved", slices.Insert(slices.Insert(slices.Delete(slices.Delete(slices.Clone(prev), 30, 31), 5, 6),
			12, renewed(prev[5])), 35, prev[30])},
		{"same slug, other kind", []*site.Entry{entry("lectures", "r0"), prev[1]}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := make([]int, len(tt.next))
			for i, e := range tt.next {
				want[i] = slices.IndexFunc(prev, func(p *site.Entry) bool { return p.Kind == e.Kind && p.Slug == e.Slug })
			}
			stamps := &fakeStamps{}
			u := &cacheUse{stamps: stamps}
			o := u.searchOrder(prev, tt.next)
			if !slices.Equal(o.from, want) {
				t.Errorf("from %v, want %v", o.from, want)
			}
			moved := len(want) != len(prev)
			for i, j := range want {
				moved = moved || i != j
			}
			if o.moved != moved {
				t.Errorf("moved %v, want %v", o.moved, moved)
			}
			if u.searchOrder(prev, tt.next) != o || stamps.calls != len(tt.next) {
				t.Errorf("the second language read %d stamps, want the first's order", stamps.calls-len(tt.next))
			}
			stamps.mark++ // an entry signed again
			if u.searchOrder(prev, tt.next) == o || stamps.calls != 2*len(tt.next) {
				t.Errorf("after an entry was signed again: the order of before, %d stamps read", stamps.calls)
			}
		})
	}
}

package render

import (
	"os"
	"reflect"
	"slices"
	"sync"
	"testing"
	"time"

	"portal/generator/internal/site"
)

// TestSearchFacetsConcurrent asks for the search form of every searchable
// page of the shipped site from several goroutines at once, in different
// orders, as the workers of a build do, and compares each answer with the
// one a fresh Templates gives the page alone. The values of a scope are
// gathered once and shared by the pages and languages of the scope: an
// area page leaves its own area out of what it offers without taking it
// from the others.
func TestSearchFacetsConcurrent(t *testing.T) {
	at := func(tz *time.Location) time.Time { return time.Date(2026, 11, 27, 12, 0, 0, 0, tz) }
	s, tm := loadSite(t, os.DirFS("../../.."), at)
	var pages []*site.Page
	want := map[*site.Page][]Facet{}
	for _, p := range s.Pages {
		if len(SearchScope(s, p)) == 0 {
			continue
		}
		_, alone := loadSite(t, os.DirFS("../../.."), at)
		pages = append(pages, p)
		want[p] = (&View{S: s, P: p, Lang: p.Lang, t: alone}).SearchFacets()
	}
	if len(pages) < 4 {
		t.Fatalf("%d searchable pages in the shipped site; want a few", len(pages))
	}
	areaPages := 0
	for _, p := range pages {
		if p.Type != site.AreaPage {
			continue
		}
		areaPages++
		for _, f := range want[p] {
			if f.Name == "area" && slices.ContainsFunc(f.Options, func(o Option) bool { return o.Value == p.Term.Key }) {
				t.Errorf("%s offers its own area %q", p.URL, p.Term.Key)
			}
		}
	}
	if areaPages == 0 {
		t.Fatal("no area page in the shipped site")
	}
	var wg sync.WaitGroup
	got := make([]map[*site.Page][]Facet, 4)
	for w := range got {
		got[w] = map[*site.Page][]Facet{}
		order := slices.Clone(pages)
		if w%2 == 1 {
			slices.Reverse(order)
		}
		wg.Go(func() {
			for _, p := range order {
				got[w][p] = (&View{S: s, P: p, Lang: p.Lang, t: tm}).SearchFacets()
			}
		})
	}
	wg.Wait()
	for w := range got {
		for _, p := range pages {
			if !reflect.DeepEqual(got[w][p], want[p]) {
				t.Errorf("worker %d, %s: facets %v, want %v", w, p.URL, got[w][p], want[p])
			}
		}
	}
}

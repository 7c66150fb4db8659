package pipeline

import (
	"testing"

	"portal/generator/internal/site"
)

// TestPageMemo checks what the sums of pages' data are kept for: a sum
// made in one Plan stands in the next while its entries keep their
// signatures, and only the sums of the next Plan's pages are kept.
func TestPageMemo(t *testing.T) {
	a, b := new(site.Entry), new(site.Entry)
	sg := &signer{entries: map[*site.Entry]uint64{a: 1, b: 2}}
	pages := make([]*site.Page, 4)
	for i := range pages {
		pages[i] = &site.Page{URL: "/" + string(rune('a'+i)) + "/"}
	}
	m := newPageMemo()
	m.next(pages)
	for i, p := range pages {
		m.put(p, pageSum{sum: uint64(10 + i), entries: []*site.Entry{a}, sums: []uint64{1}})
	}
	m.put(pages[2], pageSum{sum: 12, entries: []*site.Entry{a, b}, sums: []uint64{1, 2}})

	m.next(pages[:3]) // a site without the fourth page
	if len(m.last) != 3 {
		t.Fatalf("kept %d pages, want the site's 3", len(m.last))
	}
	tests := []struct {
		name    string
		page    *site.Page
		sums    map[*site.Entry]uint64
		want    uint64
		wantHit bool
	}{
		{"made in the last Plan", pages[0], map[*site.Entry]uint64{a: 1, b: 2}, 10, true},
		{"not of the site", pages[3], map[*site.Entry]uint64{a: 1, b: 2}, 0, false},
		{"an entry signed again", pages[2], map[*site.Entry]uint64{a: 1, b: 3}, 0, false},
		{"an entry gone", pages[2], map[*site.Entry]uint64{a: 1}, 0, false},
		{"another entry signed again", pages[1], map[*site.Entry]uint64{a: 1, b: 3}, 11, true},
	}
	for _, tt := range tests {
		sg.entries = tt.sums
		ps, ok := m.get(sg, tt.page)
		if ok != tt.wantHit || ok && ps.sum != tt.want {
			t.Errorf("%s: got %d %v, want %d %v", tt.name, ps.sum, ok, tt.want, tt.wantHit)
		}
	}
	m.put(pages[3], pageSum{sum: 13})
	if ps, ok := m.get(sg, pages[3]); !ok || ps.sum != 13 {
		t.Errorf("a sum made since next: got %d %v, want 13", ps.sum, ok)
	}
}

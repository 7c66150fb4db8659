package pipeline

import (
	"testing"

	"portal/generator/internal/site"
)

// TestPageMemo checks what the sums of pages' data are kept for: a sum
// made in one Plan stands in the next while its entries keep their
// signatures, and the sums of pages no site has are forgotten once they
// are a quarter as many as the site's pages.
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

	m.next(pages) // the same site
	if len(m.last) != 4 {
		t.Fatalf("kept %d pages, want the site's 4", len(m.last))
	}
	tests := []struct {
		name    string
		page    *site.Page
		sums    map[*site.Entry]uint64
		want    uint64
		wantHit bool
	}{
		{"made in the last Plan", pages[0], map[*site.Entry]uint64{a: 1, b: 2}, 10, true},
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
	made := &site.Page{URL: "/e/"}
	m.put(made, pageSum{sum: 23})
	if ps, ok := m.get(sg, made); !ok || ps.sum != 23 {
		t.Errorf("a sum made since next: got %d %v, want 23", ps.sum, ok)
	}
	m.next(pages[:1]) // five sums, of which the site has one
	if len(m.last) != 1 || m.last[pages[0]].sum != 10 {
		t.Errorf("kept %v, want the first page's sum alone", m.last)
	}
}

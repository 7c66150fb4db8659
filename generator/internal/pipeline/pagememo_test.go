package pipeline

import (
	"testing"

	"portal/generator/internal/site"
)

// TestPageMemo checks what the sums of pages' data are kept for: a sum
// made in one Plan stands in the next while its entries keep their
// signatures, and the pages of earlier sites are forgotten once more than
// twice as many pages are kept as the site has, the site's own kept.
func TestPageMemo(t *testing.T) {
	a, b := new(site.Entry), new(site.Entry)
	sg := &signer{entries: map[*site.Entry]uint64{a: 1, b: 2}}
	pages := make([]*site.Page, 6)
	for i := range pages {
		pages[i] = &site.Page{URL: "/" + string(rune('a'+i)) + "/"}
	}
	m := newPageMemo()
	m.next(pages[:3])
	for i, p := range pages {
		m.put(p, pageSum{sum: uint64(10 + i), entries: []*site.Entry{a}, sums: []uint64{1}})
	}
	m.put(pages[5], pageSum{sum: 15, entries: []*site.Entry{a, b}, sums: []uint64{1, 2}})

	m.next(pages[:3]) // six kept, the site's three: none forgotten
	if len(m.last) != 6 {
		t.Fatalf("kept %d pages, want 6", len(m.last))
	}
	tests := []struct {
		name    string
		page    *site.Page
		sums    map[*site.Entry]uint64
		want    uint64
		wantHit bool
	}{
		{"made in the last Plan", pages[0], map[*site.Entry]uint64{a: 1, b: 2}, 10, true},
		{"of another site, kept", pages[4], map[*site.Entry]uint64{a: 1, b: 2}, 14, true},
		{"an entry signed again", pages[5], map[*site.Entry]uint64{a: 1, b: 3}, 0, false},
		{"an entry gone", pages[5], map[*site.Entry]uint64{a: 1}, 0, false},
		{"another entry signed again", pages[1], map[*site.Entry]uint64{a: 1, b: 3}, 11, true},
	}
	for _, tt := range tests {
		sg.entries = tt.sums
		ps, ok := m.get(sg, tt.page)
		if ok != tt.wantHit || ok && ps.sum != tt.want {
			t.Errorf("%s: got %d %v, want %d %v", tt.name, ps.sum, ok, tt.want, tt.wantHit)
		}
	}

	m.next(pages[1:3]) // six kept, more than twice the site's two
	if len(m.last) != 2 {
		t.Fatalf("kept %d pages after a site of two, want 2", len(m.last))
	}
	for _, p := range pages[1:3] {
		if _, ok := m.last[p]; !ok {
			t.Errorf("the sum of the site's page %s was forgotten", p.URL)
		}
	}
}

package pipeline

import (
	"maps"
	"reflect"
	"sync"

	"portal/generator/internal/site"
)

// pageMemo keeps, from one Plan to the next, the sum of each page's own
// data (its encoding: every field of site.Page, the records it shows by
// their signatures) with the entries it covers and their signatures then.
// A preview's site reuses the pages that an edit did not touch
// (site.Options.Prev), so after a structural edit most pages are the
// values the last Plan signed: such a page's sum stands while the
// entries it shows keep their signatures, and walking its fields again
// is saved. A page that covers a long list of entries is not kept (its
// signature covers the list by the list's own sum). What a page's
// signature adds to its data (the global part, a term's count, its
// search form's facets) is signed every time.
type pageMemo struct {
	last map[*site.Page]pageSum // of the pages of this Plan's site, and of some before; read only while it is signed
	mu   sync.Mutex
	now  map[*site.Page]pageSum // made since next
}

// pageSum is the sum of a page's data, made when its entries had sums.
type pageSum struct {
	sum     uint64
	entries []*site.Entry
	sums    []uint64
}

func newPageMemo() *pageMemo {
	return &pageMemo{last: map[*site.Page]pageSum{}, now: map[*site.Page]pageSum{}}
}

// next starts a Plan of a site of pages. It is called before the site's
// outputs are signed. What was made since the last is added to what is
// kept; the sums of pages the site no longer has are forgotten once they
// are a quarter as many as its pages (a structural edit makes a few
// hundred pages anew at 10,000 records: every twenty edits or so), not at
// every Plan, which would make the map of some 17,000 pages again.
func (m *pageMemo) next(pages []*site.Page) {
	if len(m.last)+len(m.now) > len(pages)+len(pages)/4 {
		keep := make(map[*site.Page]pageSum, len(pages))
		for _, p := range pages {
			if ps, ok := m.now[p]; ok {
				keep[p] = ps
			} else if ps, ok := m.last[p]; ok {
				keep[p] = ps
			}
		}
		m.last = keep
	} else {
		maps.Copy(m.last, m.now)
	}
	m.now = map[*site.Page]pageSum{}
}

// get returns what is kept of p that is current to sg: what next kept
// (read without a lock), else what was made since.
func (m *pageMemo) get(sg *signer, p *site.Page) (pageSum, bool) {
	if ps, ok := m.last[p]; ok && sg.current(ps) {
		return ps, true
	}
	m.mu.Lock()
	ps, ok := m.now[p]
	m.mu.Unlock()
	return ps, ok && sg.current(ps)
}

func (m *pageMemo) put(p *site.Page, ps pageSum) {
	m.mu.Lock()
	m.now[p] = ps
	m.mu.Unlock()
}

// pageData mixes the sum of p's own data into h and adds the entries it
// covers to dep, from the memo when the entries have the signatures
// they had when it was made.
func (sg *signer) pageData(h *hasher, p *site.Page, dep *deps) {
	if sg.memo != nil {
		if ps, ok := sg.memo.get(sg, p); ok {
			h.u64(ps.sum)
			dep.add(deps{entries: ps.entries})
			return
		}
	}
	var own deps
	ph := newHasher(sg.seed)
	sg.pageEnc(sg, &ph, reflect.ValueOf(p).Elem(), &own)
	sum := ph.sum()
	h.u64(sum)
	dep.add(own)
	if sg.memo == nil || len(own.lists) > 0 {
		return
	}
	sums := make([]uint64, len(own.entries))
	for i, e := range own.entries {
		sums[i] = sg.entries[e]
	}
	sg.memo.put(p, pageSum{sum: sum, entries: own.entries, sums: sums})
}

// current reports whether the entries of ps have the signatures they had.
func (sg *signer) current(ps pageSum) bool {
	for i, e := range ps.entries {
		if s, ok := sg.entries[e]; !ok || s != ps.sums[i] {
			return false
		}
	}
	return true
}

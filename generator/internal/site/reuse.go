package site

import (
	"maps"
	"slices"
	"sync/atomic"

	"portal/generator/internal/content"
)

// A site made with Options.Prev, the model of the same config it
// replaces, takes from it what an edit did not change, so that the
// preview updates its model in place rather than making it anew: an
// entry whose record (the same loaded value) and derived facts are as
// they were, a list (a kind's, its archive's, a term's members) with the
// same entries in the same order, the pages of such a list, and the page
// of a record whose entry, agreement and naming records are the ones it
// showed. The pages that show the site as a whole (home, indexes, the
// due list, 404) are made anew; they are few. When the pages have the
// same URLs in the same order, their order by URL is taken too
// (pageOrder), and when every link resolves as it did, only the bodies
// of the entries made anew have their links checked (linksAsBefore).
// What is taken is shared by the two sites, and the previous one is not
// used once the new one is made: the preview serves one site at a time,
// and ReplaceText writes into the pages of the one it serves.

// listID names a list of pages: a kind's list or archive, or a term's.
type listID struct {
	kind    string // kind lists
	archive bool
	index   string // term pages
	term    string
	facet   string // facet pages, with kind
	value   string
}

// listed are the pages of a list and the entries they were made of.
type listed struct {
	es    []*Entry
	pages []*Page
}

// kept is what a site keeps for the next to reuse (Options.Reuse), per
// language: the pages of each list, and each record's page.
type kept struct {
	lists   map[listID]listed
	records map[*Entry]*Page
}

// startReuse prepares s, which Options made, to reuse prev and to keep
// what the next site reuses.
func (s *Site) startReuse(opt Options) {
	if p := opt.Prev; p != nil && p.keep != nil && p.Cfg == s.Cfg && p.Drafts == s.Drafts {
		s.prev, s.fromPrev = p, true
	}
	if opt.Reuse {
		s.keep = make(map[string]kept, len(s.Cfg.Languages))
		for _, l := range s.Cfg.Languages {
			// As many record pages as the last site had: a map of
			// 10,000 grown from empty is made again eight times over.
			n := 0
			if s.prev != nil {
				n = len(s.prev.keep[l].records)
			}
			s.keep[l] = kept{lists: map[listID]listed{}, records: make(map[*Entry]*Page, n)}
		}
	}
}

// reuseEntry returns the entry of the previous site that an entry of r
// with the facts f, made anew, would equal but for its URLs, or else nil.
// The URLs of an entry are those of its record's kind, slug and versions
// in the config, which the two sites share.
func (s *Site) reuseEntry(r *content.Record, f Facts) *Entry {
	if s.prev == nil {
		return nil
	}
	old := s.prev.bySource[r.Versions[0].Path]
	if old == nil || old.Record != r || old.Facts != f {
		return nil
	}
	return old
}

// sameSplit returns the previous site's current and archived lists of a
// kind when its entries are the previous site's, in the same order: the
// lists are made of the entries' records and facts alone (splitOf).
func (s *Site) sameSplit(kind string) ([2][]*Entry, bool) {
	if s.prev == nil || !slices.Equal(s.prev.ByKind[kind], s.ByKind[kind]) {
		return [2][]*Entry{}, false
	}
	return s.prev.splits[kind], true
}

// keptSplit reports whether a kind's lists are the previous site's own.
func (s *Site) keptSplit(kind string) bool {
	now, was := s.splits[kind], s.prev.splits[kind]
	return SameList(now[0], was[0]) && SameList(now[1], was[1])
}

// SameList reports whether a and b are one list: both empty, or the same
// backing array and length. A list the model did not change keeps its
// backing array (reuseList), so this tells it from a list made anew
// without reading the entries.
func SameList(a, b []*Entry) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

// reuseList returns old when it holds the entries of es in their order,
// else es: a list that did not change keeps its backing array, by which
// its pages are found again (reusePages). A list taken over already
// (sameSplit, membersOf) is not compared again.
func reuseList(old, es []*Entry) []*Entry {
	if len(old) > 0 && (SameList(old, es) || slices.Equal(old, es)) {
		return old
	}
	return es
}

// reusePages returns the pages of the previous site's list id in lang
// when they were made of es itself (reuseList kept it).
func (s *Site) reusePages(lang string, id listID, es []*Entry) ([]*Page, bool) {
	if s.prev == nil {
		return nil, false
	}
	old, ok := s.prev.keep[lang].lists[id]
	if !ok || !SameList(old.es, es) {
		return nil, false
	}
	return old.pages, true
}

// keepPages notes the pages of list id in lang for the next site.
func (s *Site) keepPages(lang string, id listID, es []*Entry, pages []*Page) {
	if s.keep != nil {
		s.keep[lang].lists[id] = listed{es: es, pages: pages}
	}
}

// listPagesOf returns the pages of list id in lang, made of es by build
// unless the previous site's can be reused, and keeps them.
func (s *Site) listPagesOf(lang string, id listID, es []*Entry, build func() []*Page) []*Page {
	pages, ok := s.reusePages(lang, id, es)
	if !ok {
		pages = build()
	}
	s.keepPages(lang, id, es, pages)
	return pages
}

// reuseRecordPage returns the previous site's page of e's version v when
// it shows what the page of e would: e is the previous site's entry, and
// so are the agreement it names and the records that name it.
func (s *Site) reuseRecordPage(lang string, e *Entry, v *content.Version) *Page {
	if s.prev == nil {
		return nil
	}
	p := s.prev.keep[lang].records[e]
	if p == nil || p.V != v || s.prev.AgreementOf(e) != s.AgreementOf(e) ||
		!slices.Equal(s.prev.NamedBy(e), s.NamedBy(e)) {
		return nil
	}
	return p
}

// keepRecordPage notes the page of e in lang for the next site.
func (s *Site) keepRecordPage(lang string, e *Entry, p *Page) {
	if s.keep != nil {
		s.keep[lang].records[e] = p
	}
}

// bodyPuts counts the bodies a site rendered into its store, in New and
// after (the preview's edits of text in place), and notes whether any of
// them had a link error.
type bodyPuts struct {
	n      atomic.Uint64
	broken atomic.Bool
}

// putBody keeps st, the body of v rendered by s, in the store, and counts
// it (linksAsBefore).
func (s *Site) putBody(v *content.Version, st *stored) {
	s.bodies.put(v, st)
	s.puts.n.Add(1)
	if len(st.errs) > 0 {
		s.puts.broken.Store(true)
	}
}

// linksAsBefore reports whether every link of a body that the previous
// site rendered or checked resolves now as it did then, so that only the
// bodies of the entries made anew (fresh) need their links checked: each
// of its bodies resolved (its model was made without link errors, and it
// rendered none with one since, as the preview does for an edit of text
// in place); the store holds what it rendered, no other site having
// rendered into it since (a model of sources with problems); the site has
// the same paths (a link to /…, and the files beside a record), the same
// records published, refused and unpublished, and the entries made anew
// have the URLs of those they replace (a link to a record's file). An
// entry taken over is the same value, with the same files beside it.
// This is some 30,000 look-ups at 10,000 records, where checking every
// body is some 20,000 look-ups in the store, each a cache miss, and its
// links resolved again (TestLinksAsBefore).
func (s *Site) linksAsBefore() bool {
	p := s.prev
	if p == nil || p.puts.broken.Load() || p.bodies != s.bodies || s.bodyGen != p.bodyGen+p.puts.n.Load() {
		return false
	}
	if len(s.paths) != len(p.paths) || len(s.bySource) != len(p.bySource) ||
		!maps.Equal(s.refused, p.refused) || !maps.Equal(s.unpublished, p.unpublished) {
		return false
	}
	for k := range s.paths {
		if _, ok := p.paths[k]; !ok {
			return false
		}
	}
	for _, e := range s.fresh {
		for _, v := range e.Versions {
			old := p.bySource[v.Path]
			if old == nil || !maps.Equal(old.URL, e.URL) {
				return false
			}
		}
	}
	return true
}

// BodiesAsIn reports whether p is the site s was made from
// (Options.Prev) and the body of every entry that s took over from p is
// as it was when p's model was made, or p rendered it since: s checked
// the links of its new entries alone (linksAsBefore), and no other model
// rendered into the store.
func (s *Site) BodiesAsIn(p *Site) bool { return p != nil && s.asBefore != nil && s.asBefore == p.puts }

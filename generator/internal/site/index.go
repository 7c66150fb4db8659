package site

import (
	"cmp"
	"slices"

	"portal/generator/internal/config"
)

// indexes are the three vocabularies with a page per term.
var indexes = []string{"areas", "organisations", "schools"}

// Indexes returns the names of the vocabularies with a page per term.
func Indexes() []string { return slices.Clone(indexes) }

// membersOf returns, for each term of an index, its published entries in
// kind order, current before archived, each part in its list's order, and
// each kind's part by term. It writes nothing shared. A kind whose lists
// are the previous site's (reuse.go) takes its part from it, and a term
// that no kind made anew has, or had, keeps the previous site's members.
func (s *Site) membersOf(index string) (map[string][]*Entry, map[string]map[string][]*Entry) {
	names := s.Cfg.Kinds.Names()
	parts := make(map[string]map[string][]*Entry, len(names))
	var before map[string]map[string][]*Entry // the previous site's parts
	if s.prev != nil {
		before = s.prev.parts[index]
	}
	anew := map[string]bool{} // terms a part made anew has or had
	for _, kind := range names {
		if old, ok := before[kind]; ok && s.keptSplit(kind) {
			parts[kind] = old
			continue
		}
		cur, arch := s.split(kind)
		parts[kind] = termsOf(index, cur, arch)
		for t := range parts[kind] {
			anew[t] = true
		}
		for t := range before[kind] {
			anew[t] = true
		}
	}
	out := map[string][]*Entry{}
	for _, kind := range names {
		for t := range parts[kind] {
			if _, done := out[t]; done {
				continue
			}
			if before != nil && !anew[t] { // before is the previous site's
				if old, ok := s.prev.members[index][t]; ok {
					out[t] = old
					continue
				}
			}
			var m []*Entry
			for _, k := range names {
				m = append(m, parts[k][t]...)
			}
			out[t] = m
		}
	}
	return out, parts
}

// termsOf returns, for each term of an index, the entries of cur and then
// arch that have it, in their order.
func termsOf(index string, cur, arch []*Entry) map[string][]*Entry {
	out := map[string][]*Entry{}
	for _, es := range [2][]*Entry{cur, arch} {
		for _, e := range es {
			var keys []string
			switch index {
			case "areas":
				keys = e.Areas
			case "organisations":
				keys = e.Orgs()
			case "schools":
				keys = e.Schools
			}
			for _, k := range keys {
				out[k] = append(out[k], e)
			}
		}
	}
	return out
}

// termCounts lists the terms of an index that have records, with counts.
func (s *Site) termCounts(index, lang string) []TermCount {
	m := s.members[index]
	var out []TermCount
	for _, t := range s.Cfg.Vocab(index).Terms {
		if n := len(m[t.Key]); n > 0 || index == "areas" {
			out = append(out, TermCount{Term: t, URL: s.TermURL(index, t.Key, lang), Count: n})
		}
	}
	return out
}

// indexPages builds, for lang, the list of each index and a paginated page
// per term, its records grouped by kind.
func (s *Site) indexPages(lang string) []*Page {
	var pages []*Page
	for _, index := range indexes {
		typ := cmp.Or(map[string]PageType{"areas": AreasPage}[index], OrgsPage)
		list := &Page{Type: typ, Lang: lang, URL: s.IndexURL(index, lang), Index: index,
			Terms: s.termCounts(index, lang), Crumbs: []Link{s.homeCrumb(lang)}}
		s.alternates(list, func(l string) string { return s.IndexURL(index, l) })
		pages = append(pages, list)
		m := s.members[index]
		for _, t := range s.Cfg.Vocab(index).Terms {
			es := m[t.Key]
			if len(es) == 0 && index != "areas" {
				continue
			}
			pages = append(pages, s.termPages(index, t, lang, es)...)
		}
	}
	return pages
}

// termPages paginates the records of term t of an index in lang, unless
// the previous site's pages of it can be reused.
func (s *Site) termPages(index string, t *config.Term, lang string, es []*Entry) []*Page {
	return s.listPagesOf(lang, listID{index: index, term: t.Key}, es, func() []*Page {
		return s.makeTermPages(index, t, lang, es)
	})
}

// makeTermPages paginates the records of term t of an index in lang.
func (s *Site) makeTermPages(index string, t *config.Term, lang string, es []*Entry) []*Page {
	typ := map[string]PageType{"areas": AreaPage, "organisations": OrgPage, "schools": SchoolPage}[index]
	base := func(l string) string { return s.TermURL(index, t.Key, l) }
	totals := map[string]int{}
	for _, e := range es {
		totals[e.Kind]++
	}
	var pages []*Page
	s.paginate(len(es), lang, base, func(n, from, to int, pager *Pager) {
		p := &Page{Type: typ, Lang: lang, URL: pageURL(base(lang), lang, n), Index: index, Term: t,
			Title: t.Name(lang), Pager: pager, Deps: es[from:to],
			Crumbs: []Link{s.homeCrumb(lang), {Key: "index." + index, URL: s.IndexURL(index, lang)}}}
		if n > 1 {
			p.Crumbs = append(p.Crumbs, Link{Title: t.Name(lang), URL: base(lang)})
		}
		all := items(es[from:to], lang)
		for i, e := range es[from:to] {
			if len(p.Groups) == 0 || p.Groups[len(p.Groups)-1].Kind != e.Kind {
				p.Groups = append(p.Groups, Group{Kind: e.Kind, Total: totals[e.Kind], Items: all[i:i:len(all)]})
			}
			g := &p.Groups[len(p.Groups)-1]
			g.Items = g.Items[:len(g.Items)+1] // all[i], in place
		}
		for i := range p.Groups {
			p.Groups[i].Items = slices.Clip(p.Groups[i].Items)
		}
		p.Feed = base(lang) + "atom.xml" // an area's, an organisation's, a school's
		s.alternates(p, func(l string) string { return pageURL(base(l), l, n) })
		pages = append(pages, p)
	})
	return pages
}

// Members returns the published entries of a term of an index, in the
// order of its pages.
func (s *Site) Members(index, key string) []*Entry { return slices.Clip(s.members[index][key]) }

// KindPage is the number of the page of term key of an index on which
// its records of kind start (its section of that kind), 0 when it has
// none: a term's records are grouped by kind over its pages, so a kind
// after the first may start on page 4.
func (s *Site) KindPage(index, key, kind string) int {
	parts := s.parts[index]
	if len(parts[kind][key]) == 0 {
		return 0
	}
	before := 0
	for _, k := range s.Cfg.Kinds.Names() {
		if k == kind {
			break
		}
		before += len(parts[k][key])
	}
	return before/s.Cfg.PageSize + 1
}

// KindURL is the URL, in lang, of the section of kind on the page of term
// key of an index where it starts (KindPage), "" when the term has none.
func (s *Site) KindURL(index, key, kind, lang string) string {
	n := s.KindPage(index, key, kind)
	if n == 0 {
		return ""
	}
	return pageURL(s.TermURL(index, key, lang), lang, n) + "#kind-" + kind
}

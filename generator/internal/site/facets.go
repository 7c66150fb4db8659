package site

import (
	"slices"

	"portal/generator/internal/kinds"
)

// A kind's facets (kinds.Facet: the theses' level) have a list per
// value of the kind's current records with it: the master's theses at
// /exjobb/niva/master/, paginated as the kind's list is, with a feed of
// its own, so that a student without JavaScript, or one who subscribes,
// gets the offers of one level. The kind's list links to each of them
// (Page.Facets); they link to the kind's archive, which holds the closed
// records of every value, as the kind's list does.

// facetEntries are the entries of current (a kind's current list, in its
// order) whose key f has value.
func facetEntries(current []*Entry, f kinds.Facet, value string) []*Entry {
	var out []*Entry
	for _, e := range current {
		if e.String(f.Key) == value {
			out = append(out, e)
		}
	}
	return out
}

// FacetCurrent returns the current entries of kind whose facet key has
// value, in list order (the records of its list and its feed).
func (s *Site) FacetCurrent(kind, key, value string) []*Entry {
	k := s.Cfg.Kinds.Get(kind)
	if k == nil {
		return nil
	}
	for _, f := range k.Facets {
		if f.Key == key {
			return facetEntries(s.Current(kind), f, value)
		}
	}
	return nil
}

// FacetLinks is the row of links of a kind's list to the lists of each
// value of one of its facets.
type FacetLinks struct {
	// Key is the facet's key ("level"): the id of the row's label, but
	// the first's, which is facets-label (render.FrameIDs has them).
	Key string
	// Label is the i18n key of the row's label: facets.<kind>.<key>
	// (facets.theses.level, "Nivå:").
	Label string
	// Links are the lists of the values, in the order of the key's Enum,
	// each labelled by the value's word, the i18n key <key>.<value>
	// (level.master: "Master", the word of the fact on the records).
	Links []Link
}

// facetLinks are the rows of links of a kind's list to the lists of each
// value of its facets, in lang, one row a facet.
func (s *Site) facetLinks(kind, lang string) []FacetLinks {
	k := s.Cfg.Kinds.Get(kind)
	var out []FacetLinks
	for _, f := range k.Facets {
		row := FacetLinks{Key: f.Key, Label: "facets." + kind + "." + f.Key}
		for _, v := range k.Values(f) {
			row.Links = append(row.Links, Link{Lang: lang, Key: f.Key + "." + v, URL: s.FacetURL(kind, f, v, lang)})
		}
		out = append(out, row)
	}
	return out
}

// FacetKey is the i18n key of the heading of the list of value of a
// kind's facet key: facet.theses.level.master ("Masterexjobb").
func FacetKey(kind, key, value string) string {
	return "facet." + kind + "." + key + "." + value
}

// facetPages returns the pages of every value of facet f of kind in
// lang, each made of the entries of current with that value, unless the
// previous site's pages of it can be reused.
func (s *Site) facetPages(kind string, f kinds.Facet, lang string, current []*Entry) []*Page {
	var pages []*Page
	for _, v := range s.Cfg.Kinds.Get(kind).Values(f) {
		es := facetEntries(current, f, v)
		if s.prev != nil { // the same entries in the same order: the same list, whose pages are found again
			if old, ok := s.prev.keep[lang].lists[listID{kind: kind, facet: f.Key, value: v}]; ok {
				es = reuseList(old.es, es)
			}
		}
		pages = append(pages, s.listPagesOf(lang, listID{kind: kind, facet: f.Key, value: v}, es, func() []*Page {
			return s.makeFacetPages(kind, f, v, lang, es)
		})...)
	}
	return pages
}

// makeFacetPages paginates the entries es of value of facet f of kind in
// lang.
func (s *Site) makeFacetPages(kind string, f kinds.Facet, value, lang string, es []*Entry) []*Page {
	base := func(l string) string { return s.FacetURL(kind, f, value, l) }
	crumbs := []Link{s.homeCrumb(lang), {Key: "kind." + kind, URL: s.SectionURL(kind, lang)}}
	heading := FacetKey(kind, f.Key, value)
	var pages []*Page
	s.paginate(len(es), lang, base, func(n, from, to int, pager *Pager) {
		p := &Page{Type: FacetPage, Lang: lang, URL: pageURL(base(lang), lang, n), Kind: kind, Pager: pager,
			Facet: f.Key, Value: value, Crumbs: crumbs,
			Groups: []Group{{Kind: kind, Items: items(es[from:to], lang), Total: len(es)}},
			Deps:   es[from:to], Feed: base(lang) + "atom.xml", Archive: s.ArchiveURL(kind, lang)}
		if n > 1 {
			p.Crumbs = append(slices.Clip(crumbs), Link{Key: heading, URL: base(lang)})
		}
		s.alternates(p, func(l string) string { return pageURL(base(l), l, n) })
		pages = append(pages, p)
	})
	return pages
}

package site

import "portal/generator/internal/content"

// ReplaceText puts rec, a new load of the record of e that differs from
// it at most in the title, summary and body of its versions (an edit of
// text, which moves no record and changes no link), in the model in the
// place of e's record: e holds rec from then on, and every page and item
// that showed a version of the old record shows rec's version in the same
// language, the page of the version with its title. pages are the pages
// of s that show e (those of others are left as they
// are: the incremental layer knows them). The versions loaded before stay
// as content loaded them. It returns the pairs of versions replaced, old
// then new, in the order of rec's versions; the bodies of the new ones are
// not rendered (RenderBody).
func (s *Site) ReplaceText(e *Entry, rec *content.Record, pages []*Page) [][2]*content.Version {
	pairs := make([][2]*content.Version, len(rec.Versions))
	by := make(map[*content.Version]*content.Version, len(rec.Versions))
	for i, v := range e.Versions {
		pairs[i] = [2]*content.Version{v, rec.Versions[i]}
		by[v] = rec.Versions[i]
	}
	e.Record = rec
	swap := func(items []Item) {
		for i := range items {
			if nv := by[items[i].V]; nv != nil {
				items[i].V = nv
			}
		}
	}
	for _, p := range pages {
		if nv := by[p.V]; nv != nil && p.Entry == e {
			p.V, p.Title = nv, nv.Title
		}
		for _, g := range p.Groups {
			swap(g.Items)
		}
		if p.Home != nil {
			for _, list := range p.Home.Lists() {
				swap(list)
			}
		}
	}
	return pairs
}

package render

import (
	"slices"

	"portal/generator/internal/site"
)

// The filters of a kind's list run in the browser (search.html). Without
// JavaScript a reader narrows the list down by following a link instead:
// to the page of an area, a host organisation or a KTH school, at its
// section of the list's kind (on the page of it where that section
// starts: site.KindURL). Browse gives those links; the list writes
// them inside <noscript>.

// BrowseGroup is the links of one facet: Name is "area", "host" or
// "school".
type BrowseGroup struct {
	Name  string
	Links []Option // Value is the URL
}

// browseIndex is the index whose term pages stand in for a facet, or "".
func browseIndex(facet string) string {
	switch facet {
	case "area":
		return "areas"
	case "host":
		return "organisations"
	case "school":
		return "schools"
	}
	return ""
}

// Browse returns, on a kind's list, the facets its filter form offers that
// have term pages, each value linked to its term page's section of the
// list's kind (when that page exists); nil on other pages.
func (v *View) Browse() []BrowseGroup {
	if v.P.Type != site.ListPage {
		return nil
	}
	var out []BrowseGroup
	for _, f := range v.SearchFacets() {
		index := browseIndex(f.Name)
		if index == "" {
			continue
		}
		g := BrowseGroup{Name: f.Name}
		for _, o := range f.Options {
			u := v.S.KindURL(index, o.Value, v.P.Kind, v.Lang)
			if u != "" && v.S.HasPath(v.S.TermURL(index, o.Value, v.Lang)) {
				g.Links = append(g.Links, Option{Value: u, Label: o.Label})
			}
		}
		if len(g.Links) > 0 {
			out = append(out, g)
		}
	}
	return out
}

// Section is a kind of records on an area's, organisation's or school's
// page, linked to where its section is.
type Section struct {
	Kind, URL string
}

// Sections returns, on a page of an area, organisation or school, every
// kind the term has records of, each linked to its section: on this page
// when the page has one, else on the page where it starts
// (site.KindURL). A term's records are grouped by kind over its pages:
// page 1 of an area with many theses shows no internship, and this
// contents tells a reader without the filter that they are on page 4.
func (v *View) Sections() []Section {
	if v.P.Term == nil {
		return nil
	}
	var out []Section
	for _, kind := range v.S.Cfg.Kinds.Names() {
		u := v.S.KindURL(v.P.Index, v.P.Term.Key, kind, v.Lang)
		if u == "" {
			continue
		}
		if slices.ContainsFunc(v.P.Groups, func(g site.Group) bool { return g.Kind == kind }) {
			u = "#kind-" + kind
		}
		out = append(out, Section{Kind: kind, URL: u})
	}
	return out
}

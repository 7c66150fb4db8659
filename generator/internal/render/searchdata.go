package render

import (
	"cmp"
	"maps"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"portal/generator/internal/config"
	"portal/generator/internal/kinds"
	"portal/generator/internal/site"
)

// The search of kind lists and area pages runs in the browser
// (templates/assets/search.js) over an index per language, in many small
// files, that the build writes (package search). This file holds what the
// templates and the index share: the index's folder, the name of a page's
// scope, the facets a page offers and the short facts of a record shown
// in the results.

// SearchScopeName names the scope file of a searchable page: "k-<kind>"
// for a kind's list, "a-<area>" for an area page, "" for other pages.
func SearchScopeName(p *site.Page) string {
	switch {
	case p.Type == site.ListPage:
		return "k-" + p.Kind
	case p.Type == site.AreaPage && p.Term != nil:
		return "a-" + p.Term.Key
	}
	return ""
}

// Facet names, in the order the form shows them. They are also the keys of
// the URL query (?area=energi&level=master).
var Facets = []string{"kind", "area", "host", "school", "level", "language"}

// Facet is one filter of the search form: a <select> of the values that
// occur among the records the page searches.
type Facet struct {
	Name    string // "area", "host", ...
	Options []Option
}

// Option is one value of a facet.
type Option struct {
	Value, Label string
}

// Fact is a label and its value, as in the <dl class="meta"> of a list item.
type Fact struct {
	Label, Value string
	Lang         string // the language of Value when it is not the page's (a place not translated), or ""
}

// Searchable reports whether the page gets the search form: kind lists and
// area pages that have records to search.
func (v *View) Searchable() bool {
	return len(SearchScope(v.S, v.P)) > 0
}

// SearchIndex is the URL of the folder of the search index of the page's
// language.
func (v *View) SearchIndex() string { return v.S.SearchDir(v.Lang) }

// SearchScope is the name of the page's scope file in the search index.
func (v *View) SearchScope() string { return SearchScopeName(v.P) }

// SearchScope returns the entries a searchable page searches: a kind's
// current entries, or every entry of an area.
func SearchScope(s *site.Site, p *site.Page) []*site.Entry {
	switch {
	case p.Type == site.ListPage:
		return s.Current(p.Kind)
	case p.Type == site.AreaPage && p.Term != nil:
		return s.Members("areas", p.Term.Key)
	}
	return nil
}

// facetCache keeps, for one site, the values of each facet among the
// records of each search scope, and the facets each page's form offers,
// by language and scope: every page of a paginated list, in either
// language, offers the same ones. A new site empties it, so the preview
// server's Templates, used for build after build, holds no more than the
// site being rendered.
type facetCache struct {
	mu     sync.Mutex
	site   *site.Site
	scopes map[string]*scopeValues // by scope name (SearchScopeName)
	forms  map[string][]Facet      // by language and scope name
}

// scopeValues are the values of each facet (by its place in Facets) that
// occur among the records of a search scope, gathered once: the pages
// rendered at the same time wait for the first.
type scopeValues struct {
	once sync.Once
	seen []map[string]bool
}

// reset empties c when s is not the site it holds; c.mu is held.
func (c *facetCache) reset(s *site.Site) {
	if c.site != s {
		c.site, c.scopes, c.forms = s, map[string]*scopeValues{}, map[string][]Facet{}
	}
}

// values returns the values of each facet among the records the page p
// of s searches.
func (c *facetCache) values(s *site.Site, p *site.Page) *scopeValues {
	name := SearchScopeName(p)
	c.mu.Lock()
	c.reset(s)
	sv := c.scopes[name]
	if sv == nil {
		sv = &scopeValues{}
		c.scopes[name] = sv
	}
	c.mu.Unlock()
	sv.once.Do(func() { sv.seen = facetValues(SearchScope(s, p)) })
	return sv
}

// SearchFacets returns the facets worth offering on the page: those with
// at least two values among the records it searches. The area of an area
// page is a filter already, so its other areas are offered only when they
// narrow the list down.
func (v *View) SearchFacets() []Facet {
	if !v.Searchable() {
		return nil
	}
	key := v.Lang + "/" + SearchScopeName(v.P)
	c := &v.t.facets
	c.mu.Lock()
	c.reset(v.S)
	f, ok := c.forms[key]
	c.mu.Unlock()
	if ok {
		return f
	}
	f = v.searchFacets(c.values(v.S, v.P))
	c.mu.Lock()
	if c.site == v.S {
		c.forms[key] = f
	}
	c.mu.Unlock()
	return f
}

func (v *View) searchFacets(values *scopeValues) []Facet {
	cfg := v.S.Cfg
	var out []Facet
	for i, name := range Facets {
		if v.P.Type == site.ListPage && name == "kind" {
			continue
		}
		seen := values.seen[i]
		var opts []Option
		add := func(key, label string) {
			if seen[key] && !(v.P.Type == site.AreaPage && name == "area" && key == v.P.Term.Key) {
				opts = append(opts, Option{Value: key, Label: label})
			}
		}
		switch name {
		case "kind":
			for _, k := range cfg.Kinds.Names() {
				add(k, v.t.strings[v.Lang]["kind."+k])
			}
		case "area", "host", "school":
			voc := map[string]*config.Vocab{"area": &cfg.Areas, "host": &cfg.Organisations, "school": &cfg.Schools}[name]
			for _, term := range voc.Terms {
				add(term.Key, term.Name(v.Lang))
			}
		case "level":
			for _, k := range levels(cfg.Kinds) {
				add(k, v.t.strings[v.Lang]["level."+k])
			}
		case "language":
			langs := slices.Clone(cfg.Languages)
			for _, k := range slices.Sorted(maps.Keys(seen)) { // the same order every build
				if !slices.Contains(langs, k) {
					langs = append(langs, k)
				}
			}
			for _, k := range langs {
				label := cmp.Or(v.t.strings[v.Lang]["language."+k], k)
				add(k, Capitalized(label)) // an option stands alone: "Svenska", not "svenska"
			}
		}
		if len(opts) >= 2 || name == "area" && v.P.Type == site.AreaPage && len(opts) >= 1 {
			out = append(out, Facet{Name: name, Options: opts})
		}
	}
	return out
}

// Capitalized is s with its first letter in upper case: a language's name
// as an option of a list ("Engelska"), which Swedish writes in lower case
// within a sentence ("svenska, engelska"), or a list's mark made a
// sentence ("In Swedish.").
func Capitalized(s string) string {
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// facetValues are the values of each facet (by its place in Facets)
// among es, gathered in one pass.
func facetValues(es []*site.Entry) []map[string]bool {
	seen := make([]map[string]bool, len(Facets))
	for i := range seen {
		seen[i] = map[string]bool{}
	}
	for _, e := range es {
		for i, name := range Facets {
			EachFacetKey(name, e, func(k string) {
				if !seen[i][k] {
					seen[i][k] = true
				}
			})
		}
	}
	return seen
}

// EachFacetKey calls f with each value of facet name (one of Facets) that
// e has: what the search form offers is made of these.
func EachFacetKey(name string, e *site.Entry, f func(string)) {
	var keys []string
	switch {
	case name == "kind":
		f(e.Kind)
	case name == "area":
		keys = e.Areas
	case name == "host" && e.Host != "":
		f(e.Host)
	case name == "school":
		keys = e.Schools
	case name == "level" && e.Level != "":
		f(e.Level)
	case name == "language":
		keys = e.Language
	}
	for _, k := range keys {
		f(k)
	}
}

// SearchFacts are the facts of an entry that its list item shows (the
// <dl class="meta"> of the "item" partial), formatted for lang.
func (t *Templates) SearchFacts(lang string, e *site.Entry) []Fact {
	c := t.searchFacts(lang, e)
	var out []Fact
	c.list(func(label, text, _, textLang string) {
		out = append(out, Fact{c.tr(label), text, textLang})
	})
	return out
}

// searchFacts resolves the facts of e in lang for the search index: the
// UI strings as T gives them, no error collected (the pages report a
// missing one).
func (t *Templates) searchFacts(lang string, e *site.Entry) *facts {
	tr := func(key string) string { return t.T(lang, key) }
	n := func(key string, n int) string { s, _ := t.plural(lang, key, n); return s }
	return &facts{t: t, e: e, lang: lang, tr: tr, n: n}
}

// SearchFactTexts are the facts of an entry's page that its search text
// adds: the counted ones (a degree project's credits and students, an
// internship's weeks and credits, an agreement's notice period), the
// named ones (a degree project's working languages), formatted for lang
// as the page and its list item write them ("30 hp", "10 weeks",
// "Swedish, English"), and the label of a yes/no fact that is yes ("Paid"
// of a paid internship: "Paid: Yes" on its page), so that the search
// finds an offer by what a student types to find it: "30 hp" (or
// "30hp"), "English", "paid".
func (t *Templates) SearchFactTexts(lang string, e *site.Entry) []string {
	k := t.cfg.Kinds.Get(e.Kind)
	if k == nil {
		return nil
	}
	c := t.searchFacts(lang, e)
	var out []string
	for i := range k.Facts {
		switch f := &k.Facts[i]; f.As {
		case kinds.AsCount, kinds.AsTerms:
			text, _, ok := c.text(f)
			if !ok {
				break
			}
			out = append(out, text)
			if f.As != kinds.AsCount {
				break
			}
			// "30 hp" as students also type it, in one word: "30hp".
			if joined := oneWord(text); joined != text {
				out = append(out, joined)
			}
		case kinds.AsYesNo:
			if b := e.Flag(f.Key); b != nil && *b {
				out = append(out, c.tr(f.Label))
			}
		}
	}
	return out
}

// oneWord is text without its spaces: a counted fact's number and unit
// as one word ("30 hp" → "30hp").
func oneWord(text string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, text)
}

// Closes is the moment an offer closes or a lecture ends, as RFC 3339 in the
// site's time zone (the data-deadline / data-end of the pages), or "".
func (t *Templates) Closes(e *site.Entry) string {
	switch k := t.cfg.Kinds.Get(e.Kind); {
	case k == nil || k.CloseAttr == "":
		return ""
	case k.CloseDay:
		return t.dayEnd(e.Time(k.CloseKey))
	default:
		return t.isoDateTime(e.Time(k.CloseKey))
	}
}

// levels are the values of the key level, of every kind that has it.
func levels(reg *kinds.Registry) []string {
	var out []string
	for _, k := range reg.All() {
		if k.Key("level") == nil {
			continue
		}
		for _, l := range k.Key("level").Enum {
			if !slices.Contains(out, l) {
				out = append(out, l)
			}
		}
	}
	return out
}

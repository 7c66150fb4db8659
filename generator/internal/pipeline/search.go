package pipeline

import (
	"bytes"
	"strconv"
	"strings"
	"sync"

	"portal/generator/internal/config"
	"portal/generator/internal/render"
	"portal/generator/internal/search"
	"portal/generator/internal/site"
)

// The search index is made by package search; this file only hands it
// the site's records as documents and lists its files as outputs.

// search lists the files of the search index of every language. Their
// paths are known before any body is rendered; the index of a language is
// built when the first of its files is rendered, and again after the site
// forgets what it keeps (site.Memo), as it does when the preview server
// renders a record again in place.
func (l *Loaded) search() []Output {
	var outs []Output
	es := searchEntries(l.Site)
	scopes := searchScopes(l.Site, es)
	names := make([]string, len(scopes))
	for i, sc := range scopes {
		names[i] = sc.Name
	}
	layout := search.NewLayout(len(es), names)
	for _, lang := range l.Site.Cfg.Languages {
		paths := layout.Paths()
		file := l.searchIndex(lang, es, scopes, len(paths))
		dir := strings.TrimPrefix(render.SearchDir(l.Site, lang), "/")
		for _, p := range paths {
			outs = append(outs, Output{Path: dir + p, Deps: es, render: func(buf *bytes.Buffer) error {
				return file(buf, p)
			}})
		}
	}
	return outs
}

// searchIndex returns a function that writes a file of the index of lang
// into buf. The index is built when it is first needed, and again whenever
// the site's memo no longer holds the token of the last build. It is let
// go once each of its files has been written (files is how many there
// are), so that a build does not hold it while it writes the rest.
func (l *Loaded) searchIndex(lang string, es []*site.Entry, scopes []search.Scope, files int) func(buf *bytes.Buffer, path string) error {
	var mu sync.Mutex
	var x *search.Index
	var tok string // of x
	n, written := 0, map[string]bool{}
	return func(buf *bytes.Buffer, path string) error {
		mu.Lock()
		defer mu.Unlock()
		t, _ := l.Site.Memo().Get("search-index/"+lang, func() (string, error) {
			n++
			return strconv.Itoa(n), nil
		})
		if x == nil || t != tok {
			docs, names := l.searchDocs(lang, es)
			var err error
			if x, err = search.Build(lang, docs, scopes, names); err != nil {
				x = nil
				return err
			}
			tok, written = t, map[string]bool{}
		}
		b, err := x.File(path)
		buf.Write(b)
		if written[path] = true; len(written) == files {
			x = nil
		}
		return err
	}
}

// searchEntries lists the entries of the index in the order of the area
// pages: by kind, current before archived, each in its list's order. Only
// published records are entries (no drafts, scheduled or expired ones).
func searchEntries(s *site.Site) []*site.Entry {
	var es []*site.Entry
	for _, kind := range s.Cfg.Kinds.Names() {
		es = append(es, s.Current(kind)...)
		es = append(es, s.Archived(kind)...)
	}
	return es
}

// searchScopes are the scopes of the searchable pages (render.SearchScope):
// "k-<kind>" for a kind's list, "a-<area>" for an area page.
func searchScopes(s *site.Site, es []*site.Entry) []search.Scope {
	at := make(map[*site.Entry]int, len(es))
	for i, e := range es {
		at[e] = i
	}
	ids := func(list []*site.Entry) []int {
		out := make([]int, len(list))
		for i, e := range list {
			out[i] = at[e]
		}
		return out
	}
	var out []search.Scope
	for _, kind := range s.Cfg.Kinds.Names() {
		if list := s.Current(kind); len(list) > 0 {
			out = append(out, search.Scope{Name: render.SearchScopeName(&site.Page{Type: site.ListPage, Kind: kind}), Docs: ids(list)})
		}
	}
	for _, term := range s.Cfg.Areas.Terms {
		if list := s.Members("areas", term.Key); len(list) > 0 {
			out = append(out, search.Scope{Name: render.SearchScopeName(&site.Page{Type: site.AreaPage, Term: term}), Docs: ids(list)})
		}
	}
	return out
}

// searchDocs are the documents of es in lang, and the names of the marks
// and language notes they use.
func (l *Loaded) searchDocs(lang string, es []*site.Entry) ([]search.Doc, search.Names) {
	t, cfg := l.Templates, l.Site.Cfg
	names := search.Names{States: map[string]string{}, Foreign: map[string]string{}}
	term := func(voc *config.Vocab, k string) string {
		if x := voc.Get(k); x != nil {
			return x.Name(lang)
		}
		return k
	}
	docs := make([]search.Doc, len(es))
	for i, e := range es {
		v := e.VersionFor(lang)
		d := search.Doc{URL: e.URL[lang], Title: v.Title, Lang: v.Lang, Kind: e.Kind, State: t.State(e),
			Closes: t.Closes(e), Archived: e.Archived, Excerpt: v.Excerpt, Host: e.Host, Level: e.Level,
			Areas: e.Areas, Schools: e.Schools, Languages: e.Language}
		for _, f := range t.SearchFacts(lang, e) {
			d.Facts = append(d.Facts, [2]string{f.Label, f.Value})
		}
		if d.State != "" {
			names.States[d.State] = t.T(lang, "state."+d.State)
		}
		if v.Lang != lang {
			names.Foreign[v.Lang] = t.T(lang, "foreign."+v.Lang)
		}
		d.Strong = []string{v.Title, e.Speaker}
		if e.Host != "" {
			d.Strong = append(d.Strong, term(&cfg.Organisations, e.Host))
		}
		for _, a := range e.Areas {
			d.Strong = append(d.Strong, term(&cfg.Areas, a))
		}
		d.Text = []string{v.Excerpt, t.T(lang, "kind."+e.Kind)}
		if !e.Confidential {
			d.Text = append(d.Text, v.Text) // never any of a confidential agreement's body
		}
		if e.Level != "" {
			d.Text = append(d.Text, t.T(lang, "level."+e.Level))
		}
		for _, k := range e.Schools {
			d.Text = append(d.Text, term(&cfg.Schools, k))
		}
		docs[i] = d
	}
	return docs, names
}

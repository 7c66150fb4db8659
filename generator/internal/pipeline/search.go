package pipeline

import (
	"cmp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"portal/generator/internal/config"
	"portal/generator/internal/render"
	"portal/generator/internal/search"
	"portal/generator/internal/site"
	"portal/generator/internal/workers"
)

// The search index is made by package search; this file only hands it
// the site's records as documents and lists its files as outputs.

// search lists the files of the search index of every language. Their
// paths are known before any body is rendered; the index of a language is
// built when the first of its files is rendered, and again after a body
// was rendered again (site.Site.BodyGen), as when the preview server
// edits a record in place. With a cache, each file has a version
// (Output.version) that changes only when an update of the index kept in
// the cache wrote the file again, so that the other files are not even
// read.
func (l *Loaded) search(c *cacheUse) []Output {
	var outs []Output
	es := searchEntries(l.Site)
	scopes := searchScopes(l.Site, es)
	layout := search.LayoutOf(len(es), scopes)
	for _, lang := range l.Site.Cfg.Languages {
		paths := layout.Paths()
		x := &searchFiles{l: l, c: c, lang: lang, es: es, scopes: scopes, files: len(paths)}
		dir := strings.TrimPrefix(l.Site.SearchDir(lang), "/")
		for _, p := range paths {
			o := Output{Path: dir + p, Deps: es, file: func() ([]byte, error) { return x.file(p) }}
			if c != nil {
				o.version = func() (uint64, error) { return x.version(p) }
			}
			outs = append(outs, o)
		}
	}
	return outs
}

// searchFiles are the files of the index of one language.
type searchFiles struct {
	l      *Loaded
	c      *cacheUse // nil: none
	lang   string
	es     []*site.Entry
	scopes []search.Scope
	files  int // how many

	mu      sync.Mutex
	x       *search.Index
	gen     uint64 // of the bodies x was built from
	written map[string]bool
}

// index makes sure x is the index of the site as it is, and returns it.
// The index is built when it is first needed, and again whenever a body
// was rendered since the last build (site.Site.BodyGen): with a cache,
// by updating the index kept there (cacheUse.searchIndex). The caller
// holds f.mu.
func (f *searchFiles) index() (*search.Index, error) {
	t := f.l.Site.BodyGen()
	if f.x != nil && t == f.gen {
		return f.x, nil
	}
	var err error
	if f.c != nil {
		f.x, err = f.c.searchIndex(f.l, f.lang, f.es, f.scopes)
	} else {
		docs := f.l.searchDocs(f.lang, f.es)
		f.x, err = search.Build(f.lang, docs, f.scopes, f.l.searchNames(f.lang, docs))
	}
	if err != nil {
		f.x = nil
		return nil, err
	}
	f.gen, f.written = t, map[string]bool{}
	return f.x, nil
}

// file returns the bytes of the file at path, which the index never
// changes (an update of the index makes a file anew), so that the
// preview's memory keeps them without a copy. The index is let go once
// each of its files has been returned, so that a build does not hold it
// while it writes the rest.
func (f *searchFiles) file(path string) ([]byte, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	x, err := f.index()
	if err != nil {
		return nil, err
	}
	b, err := x.File(path)
	if f.written[path] = true; len(f.written) == f.files {
		f.x = nil
	}
	return b, err
}

// version is the version of the file at path in the index kept in the
// cache.
func (f *searchFiles) version(path string) (uint64, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if _, err := f.index(); err != nil {
		return 0, err
	}
	return f.c.searchVersion(f.lang, path), nil
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

// searchDocs are the documents of es in lang, made in parallel over
// ranges of at least 500 entries, one range per processor: the other
// workers of the build wait for the index while it is made.
func (l *Loaded) searchDocs(lang string, es []*site.Entry) []search.Doc {
	docs := make([]search.Doc, len(es))
	n := max(1, min(runtime.GOMAXPROCS(0), len(es)/500))
	workers.For(n, func(k int) {
		for i := k * len(es) / n; i < (k+1)*len(es)/n; i++ {
			docs[i] = l.searchDoc(lang, es[i])
		}
	})
	return docs
}

// searchNames are the names of the marks and language notes docs use: a
// mark by its name ("closed"), and under "<kind>.<mark>" the marks a kind
// of docs words apart (kindMarks); and the name of one record of each
// kind of docs (kindone.<kind>), which a result says on a page whose
// results may be of several kinds, as a list of several kinds says it
// (the partial item-kind).
func (l *Loaded) searchNames(lang string, docs []search.Doc) search.Names {
	t := l.Templates
	names := search.Names{States: map[string]string{}, Foreign: map[string]string{}, Kinds: map[string]string{}, Lists: l.searchLists(lang)}
	for _, d := range docs {
		if d.State != "" && names.States[d.State] == "" {
			names.States[d.State] = t.T(lang, "state."+d.State)
		}
		if _, seen := names.Kinds[d.Kind]; !seen {
			names.Kinds[d.Kind] = t.T(lang, "kindone."+d.Kind)
			l.kindMarks(lang, d.Kind, names.States)
		}
		if d.Lang != lang && names.Foreign[d.Lang] == "" {
			names.Foreign[d.Lang] = t.T(lang, "foreign."+d.Lang)
		}
	}
	return names
}

// searchLists are the kinds' lists in lang that the search of another
// kind's list offers when a word of the query names the kind: each
// named by its name and the name of one of its records (kind.<kind>,
// kindone.<kind>) and the words students search it by (search.words),
// in every language of the site, as the site words them; asked for by
// search.elsewhere ("Letar du efter {kind}?", the kind's name in lower
// case) and linked by the list's own name as the kind's archive links
// it (current.<kind>; a kind of a site's own without one, by its name).
func (l *Loaded) searchLists(lang string) []search.List {
	t, s := l.Templates, l.Site
	var out []search.List
	for _, kind := range s.Cfg.Kinds.Names() {
		url := s.SectionURL(kind, lang)
		if !s.HasPath(url) {
			continue
		}
		var names []string
		for _, in := range s.Cfg.Languages {
			names = append(names, t.T(in, "kind."+kind), t.Optional(in, "kindone."+kind), t.Optional(in, "search.words."+kind))
		}
		title := cmp.Or(t.Optional(lang, "current."+kind), t.T(lang, "kind."+kind))
		out = append(out, search.List{Kind: kind, URL: url, Title: title,
			Ask:   strings.ReplaceAll(t.T(lang, "search.elsewhere"), "{kind}", inSentence(t.T(lang, "kind."+kind))),
			Words: search.ListWords(names...)})
	}
	return out
}

// inSentence is a name as a sentence has it: its first letter in lower
// case ("Praktik" → "praktik", "Guest lectures" → "guest lectures"),
// but not that of an acronym ("KTH-kurser").
func inSentence(name string) string {
	if name == "" {
		return name
	}
	r, n := utf8.DecodeRuneInString(name)
	if next, _ := utf8.DecodeRuneInString(name[n:]); unicode.IsUpper(next) {
		return name
	}
	return string(unicode.ToLower(r)) + name[n:]
}

// kindMarks adds to states, under "<kind>.<mark>", each mark a record of
// kind can show that its kind words apart in lang (state.<kind>.<mark>,
// Templates.KindMark): "theses.closed" is "Stängt". The scripts look it
// up before "<mark>", also for a mark no record had when the site was
// built (an offer that closes after it).
func (l *Loaded) kindMarks(lang, kind string, states map[string]string) {
	k := l.Site.Cfg.Kinds.Get(kind)
	if k == nil {
		return
	}
	for _, m := range k.AllMarks() {
		if key, apart := l.Templates.KindMark(lang, kind, m); apart {
			states[kind+"."+m] = l.Templates.T(lang, key)
		}
	}
}

// searchDoc is the document of e in lang.
func (l *Loaded) searchDoc(lang string, e *site.Entry) search.Doc {
	t, cfg := l.Templates, l.Site.Cfg
	term := func(voc *config.Vocab, k string) string {
		if x := voc.Get(k); x != nil {
			return x.Name(lang)
		}
		return k
	}
	v := e.VersionFor(lang)
	body := l.Site.Body(v)
	d := search.Doc{URL: e.URL[lang], Title: v.Title, Lang: v.Lang, Kind: e.Kind, State: t.State(e),
		Closes: t.Closes(e), Archived: e.Archived, Excerpt: body.Excerpt, Host: e.Host, Level: e.Level,
		Areas: e.Areas, Schools: e.Schools, Languages: e.Language}
	fs := t.SearchFacts(lang, e)
	d.Facts = make([][]string, len(fs))
	for i, f := range fs {
		d.Facts[i] = []string{f.Label, f.Value, f.Lang}
		if f.Lang == "" {
			d.Facts[i] = d.Facts[i][:2]
		}
	}
	d.Strong = append(make([]string, 0, 4+len(e.Areas)), v.Title, e.Speaker, e.Course)
	if e.Host != "" {
		d.Strong = append(d.Strong, term(&cfg.Organisations, e.Host))
	}
	for _, a := range e.Areas {
		d.Strong = append(d.Strong, term(&cfg.Areas, a))
	}
	// The kind's name, and the words students search it by ("thesis").
	d.Text = append(make([]string, 0, 6+len(e.Schools)), body.Excerpt, t.T(lang, "kind."+e.Kind), t.Optional(lang, "search.words."+e.Kind))
	if !e.Confidential {
		d.Text = append(d.Text, body.Text) // never any of a confidential agreement's body
	}
	if e.Level != "" {
		d.Text = append(d.Text, t.T(lang, "level."+e.Level), t.Optional(lang, "search.words.level."+e.Level))
	}
	d.Text = append(d.Text, t.SearchFactTexts(lang, e)...) // "30 hp", "10 weeks", "Swedish, English"
	for _, k := range e.Schools {
		// A school's key is its acronym at KTH (abe, eecs), which students
		// type to find its offers though the page names it in full.
		d.Text = append(d.Text, term(&cfg.Schools, k), k)
	}
	d.Text = append(d.Text, parentNames(cfg, e, lang)...)
	// What the page's facts name besides: where (a lecture's place, an
	// offer's location), the other organisations (a lecture's speaker's,
	// partners, parties), who signed, a centre, a funding programme, a
	// position.
	d.Text = append(d.Text, e.Place, e.Location, e.Centre, e.Funding, e.Position)
	for _, k := range e.Orgs() {
		if k != e.Host {
			d.Text = append(d.Text, term(&cfg.Organisations, k))
		}
	}
	for _, sg := range e.Signatories {
		d.Text = append(d.Text, sg.Name, sg.Title)
	}
	return d
}

// parentNames are the names in lang of the organisations that e's schools
// or host belong to, which students search by though the page names only
// the school or the host: KTH (of a school: "KTH ABE") and the city (of a
// host that is one of its administrations or companies: "Stockholms stad
// Trafikkontoret", "Stockholms stad Stockholmshem"; a student looking
// for work at the city counts its companies in, as the city's own job
// listings do).
func parentNames(cfg *config.Config, e *site.Entry, lang string) []string {
	var parents []string
	if len(e.Schools) > 0 {
		parents = append(parents, "kth")
	}
	if h := cfg.Organisations.Get(e.Host); h.OfTheCity() && h.Type != "city" { // the city is its own host
		parents = append(parents, "city")
	}
	var names []string
	for _, o := range cfg.Organisations.Terms {
		if slices.Contains(parents, o.Type) {
			names = append(names, o.Name(lang))
		}
	}
	return names
}

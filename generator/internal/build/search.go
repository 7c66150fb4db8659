package build

import (
	"bytes"
	"encoding/json"
	"strings"
	"unicode"
	"unicode/utf8"

	"portal/generator/internal/config"
	"portal/generator/internal/render"
	"portal/generator/internal/site"
)

// SearchTextMax caps, in characters, the slice of a record's body text
// that goes into the search index beside its title and excerpt.
const SearchTextMax = 300

// searchFields names the positions of an item of the search index.
var searchFields = []string{
	"url", "title", "kind", "areas", "host", "schools", "level", "language",
	"closes", "lang", "state", "archived", "excerpt", "text", "facts",
}

// searchIndex is the JSON document of one language's search index. The
// items are arrays in the order of Fields; vocabulary terms, fact labels
// and states are numbers that index the header tables, so each name is
// written once.
type searchIndex struct {
	V         int         `json:"v"`
	Lang      string      `json:"lang"`
	Fields    []string    `json:"fields"`
	Kinds     [][2]string `json:"kinds"`
	Areas     [][2]string `json:"areas"`
	Orgs      [][2]string `json:"orgs"`
	Schools   [][2]string `json:"schools"`
	Levels    [][2]string `json:"levels"`
	Languages [][2]string `json:"languages"`
	States    [][2]string `json:"states"`
	Foreign   [][2]string `json:"foreign"`
	Labels    []string    `json:"labels"`
	Items     [][]any     `json:"items"`
}

// nameTable dedupes the names of one header table.
type nameTable struct {
	rows [][2]string
	at   map[string]int
}

func (t *nameTable) ref(key, name string) int {
	if i, ok := t.at[key]; ok {
		return i
	}
	if t.at == nil {
		t.at = map[string]int{}
	}
	t.at[key] = len(t.rows)
	t.rows = append(t.rows, [2]string{key, name})
	return len(t.rows) - 1
}

func (t *nameTable) list() [][2]string {
	if t.rows == nil {
		return [][2]string{}
	}
	return t.rows
}

// search writes the search index of every language.
func (l *Loaded) search() []Output {
	var outs []Output
	es := searchEntries(l.Site)
	for _, lang := range l.Site.Cfg.Languages {
		outs = append(outs, Output{Path: strings.TrimPrefix(render.SearchIndexURL(l.Site, lang), "/"),
			Deps: es, render: func(buf *bytes.Buffer) error { return l.writeSearch(buf, lang, es) }})
	}
	return outs
}

// searchEntries lists the entries of the index in the order of the area
// pages: by kind, current before archived, each in its list's order. Only
// published records are entries (no drafts, scheduled or expired ones).
func searchEntries(s *site.Site) []*site.Entry {
	var es []*site.Entry
	for _, kind := range config.Kinds {
		es = append(es, s.Current(kind)...)
		es = append(es, s.Archived(kind)...)
	}
	return es
}

func (l *Loaded) writeSearch(buf *bytes.Buffer, lang string, es []*site.Entry) error {
	s, t := l.Site, l.Templates
	cfg := s.Cfg
	var kinds, areas, orgs, schools, levels, languages, states, foreign nameTable
	labels := map[string]int{}
	ix := searchIndex{V: 1, Lang: lang, Fields: searchFields, Labels: []string{}, Items: [][]any{}}
	// Header tables keep the order of config.toml and of the kinds, so the
	// index reads like the site; only terms some record uses are listed.
	used := map[string]bool{}
	for _, e := range es {
		used["kind/"+e.Kind] = true
		for _, a := range e.Areas {
			used["area/"+a] = true
		}
		used["org/"+e.Host] = true
		for _, k := range e.Schools {
			used["school/"+k] = true
		}
	}
	for _, k := range config.Kinds {
		if used["kind/"+k] {
			kinds.ref(k, t.T(lang, "kind."+k))
		}
	}
	for _, v := range []struct {
		prefix string
		voc    *config.Vocab
		tab    *nameTable
	}{{"area/", &cfg.Areas, &areas}, {"org/", &cfg.Organisations, &orgs}, {"school/", &cfg.Schools, &schools}} {
		for _, term := range v.voc.Terms {
			if used[v.prefix+term.Key] {
				v.tab.ref(term.Key, term.Name(lang))
			}
		}
	}
	refs := func(tab *nameTable, keys []string, name func(string) string) []int {
		out := []int{}
		for _, k := range keys {
			out = append(out, tab.ref(k, name(k)))
		}
		return out
	}
	opt := func(tab *nameTable, key string, name func(string) string) any {
		if key == "" {
			return nil
		}
		return tab.ref(key, name(key))
	}
	ui := func(prefix string) func(string) string {
		return func(k string) string { return t.T(lang, prefix+k) }
	}
	termName := func(voc *config.Vocab) func(string) string {
		return func(k string) string {
			if term := voc.Get(k); term != nil {
				return term.Name(lang)
			}
			return k
		}
	}
	for _, e := range es {
		v := e.VersionFor(lang)
		facts := [][2]any{}
		for _, f := range t.SearchFacts(lang, e) {
			i, ok := labels[f.Label]
			if !ok {
				i = len(ix.Labels)
				labels[f.Label] = i
				ix.Labels = append(ix.Labels, f.Label)
			}
			facts = append(facts, [2]any{i, f.Value})
		}
		var state any
		if st := render.State(e); st != "" {
			state = states.ref(st, t.T(lang, "state."+st))
		}
		if v.Lang != lang {
			foreign.ref(v.Lang, t.T(lang, "foreign."+v.Lang))
		}
		text := v.Text
		if e.Kind == "agreements" && e.Confidential {
			text = "" // never any of a confidential agreement's body
		}
		archived := 0
		if e.Archived {
			archived = 1
		}
		ix.Items = append(ix.Items, []any{
			e.URL[lang], v.Title, kinds.ref(e.Kind, t.T(lang, "kind."+e.Kind)),
			refs(&areas, e.Areas, termName(&cfg.Areas)),
			opt(&orgs, e.Host, termName(&cfg.Organisations)),
			refs(&schools, e.Schools, termName(&cfg.Schools)),
			opt(&levels, e.Level, ui("level.")),
			refs(&languages, e.Language, ui("language.")),
			t.Closes(e), v.Lang, state, archived,
			v.Excerpt, searchText(text, v.Excerpt, SearchTextMax), facts,
		})
	}
	ix.Kinds, ix.Areas, ix.Orgs, ix.Schools = kinds.list(), areas.list(), orgs.list(), schools.list()
	ix.Levels, ix.Languages, ix.States, ix.Foreign = levels.list(), languages.list(), states.list(), foreign.list()
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	return enc.Encode(ix)
}

// searchText is the body text for matching: white space collapsed, the
// excerpt left out when the body starts with it, cut at a word boundary
// after at most max characters.
func searchText(text, excerpt string, max int) string {
	// Only the start of a long body can be used: cut it (at a character
	// boundary) before collapsing, with room for runs of white space.
	if limit := len(excerpt) + 8*max; len(text) > limit {
		for limit > 0 && !utf8.RuneStart(text[limit]) {
			limit--
		}
		text = text[:limit]
	}
	text = strings.Join(strings.Fields(text), " ")
	if ex := strings.Join(strings.Fields(excerpt), " "); ex != "" {
		text = strings.TrimSpace(strings.TrimPrefix(text, ex))
	}
	if utf8.RuneCountInString(text) <= max {
		return text
	}
	cut, n := 0, 0
	for i := range text {
		if n == max {
			cut = i
			break
		}
		n++
	}
	text = text[:cut]
	if i := strings.LastIndexFunc(text, unicode.IsSpace); i > max/2 {
		text = text[:i]
	}
	return strings.TrimRightFunc(text, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) })
}

package build

import (
	"bytes"
	"encoding/json"
	"strconv"
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
	// writeSearch leaves Items empty and writes the items after the other
	// fields as it makes them, in this place of the document.
	Items [][]any `json:"items,omitempty"`
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
	ix := searchIndex{V: 1, Lang: lang, Fields: searchFields, Labels: []string{}}
	// The items are written into buf as they are made, after room left
	// for the header, which is made last (the items fill its tables) and
	// moved in front of them: the index is built in the one buffer.
	const room = 64 << 10
	buf.Reset()
	buf.Grow(room + len(es)*800)
	items := buf.AvailableBuffer()[:room]
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
	refs := func(tab *nameTable, keys []string, name func(string) string) {
		items = append(items, '[')
		for i, k := range keys {
			if i > 0 {
				items = append(items, ',')
			}
			items = strconv.AppendInt(items, int64(tab.ref(k, name(k))), 10)
		}
		items = append(items, ']')
	}
	opt := func(tab *nameTable, key string, name func(string) string) {
		if key == "" {
			items = append(items, "null"...)
			return
		}
		items = strconv.AppendInt(items, int64(tab.ref(key, name(key))), 10)
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
	str := func(s string) { items = appendJSONString(items, s) }
	for n, e := range es {
		v := e.VersionFor(lang)
		text := v.Text
		if e.Kind == "agreements" && e.Confidential {
			text = "" // never any of a confidential agreement's body
		}
		if n > 0 {
			items = append(items, ',')
		}
		items = append(items, '[')
		str(e.URL[lang])
		items = append(items, ',')
		str(v.Title)
		items = append(items, ',')
		items = strconv.AppendInt(items, int64(kinds.ref(e.Kind, t.T(lang, "kind."+e.Kind))), 10)
		items = append(items, ',')
		refs(&areas, e.Areas, termName(&cfg.Areas))
		items = append(items, ',')
		opt(&orgs, e.Host, termName(&cfg.Organisations))
		items = append(items, ',')
		refs(&schools, e.Schools, termName(&cfg.Schools))
		items = append(items, ',')
		opt(&levels, e.Level, ui("level."))
		items = append(items, ',')
		refs(&languages, e.Language, ui("language."))
		items = append(items, ',')
		str(t.Closes(e))
		items = append(items, ',')
		str(v.Lang)
		items = append(items, ',')
		if st := render.State(e); st != "" {
			items = strconv.AppendInt(items, int64(states.ref(st, t.T(lang, "state."+st))), 10)
		} else {
			items = append(items, "null"...)
		}
		if v.Lang != lang {
			foreign.ref(v.Lang, t.T(lang, "foreign."+v.Lang))
		}
		if e.Archived {
			items = append(items, ",1,"...)
		} else {
			items = append(items, ",0,"...)
		}
		str(v.Excerpt)
		items = append(items, ',')
		str(searchText(text, v.Excerpt, SearchTextMax))
		items = append(items, ",["...)
		for i, f := range t.SearchFacts(lang, e) {
			j, ok := labels[f.Label]
			if !ok {
				j = len(ix.Labels)
				labels[f.Label] = j
				ix.Labels = append(ix.Labels, f.Label)
			}
			if i > 0 {
				items = append(items, ',')
			}
			items = append(items, '[')
			items = strconv.AppendInt(items, int64(j), 10)
			items = append(items, ',')
			str(f.Value)
			items = append(items, ']')
		}
		items = append(items, "]]"...)
	}
	ix.Kinds, ix.Areas, ix.Orgs, ix.Schools = kinds.list(), areas.list(), orgs.list(), schools.list()
	ix.Levels, ix.Languages, ix.States, ix.Foreign = levels.list(), languages.list(), states.list(), foreign.list()
	head := bytes.Buffer{}
	enc := json.NewEncoder(&head)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(ix); err != nil {
		return err
	}
	// {"v":1,...,"labels":[...]}\n → {"v":1,...,"labels":[...],"items":[...]}\n
	h := append(bytes.TrimSuffix(head.Bytes(), []byte("}\n")), `,"items":[`...)
	items = append(items, "]}\n"...)
	if len(h) > room {
		buf.Write(h)
		buf.Write(items[room:])
		return nil
	}
	start := room - len(h)
	copy(items[start:], h)
	buf.Write(items[start:]) // within buf's own array, unless items outgrew it
	return nil
}

// appendJSONString appends s as a JSON string the way encoding/json writes
// it without HTML escaping: quotes, backslashes and control characters
// escaped, invalid UTF-8 as U+FFFD, U+2028 and U+2029 escaped.
func appendJSONString(dst []byte, s string) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		if b := s[i]; b < utf8.RuneSelf {
			if b >= 0x20 && b != '"' && b != '\\' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '\\', '"':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hex[b>>4], hex[b&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hex[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// searchText is the body text for matching: white space collapsed, the
// excerpt left out when the body starts with it, cut at a word boundary
// after at most max characters.
func searchText(text, excerpt string, max int) string {
	ex := collapse(excerpt, -1)
	// Only the start of the body can end up in the index: collapse no
	// more of it than the excerpt, a space and a few more than max
	// characters, so that a longer body is still cut.
	text = collapse(text, utf8.RuneCountInString(ex)+max+4)
	if ex != "" {
		text = strings.TrimSpace(strings.TrimPrefix(text, ex))
	}
	return cutWords(text, max)
}

// cutWords cuts text after at most max characters, at a word boundary
// when there is one in the second half, without trailing punctuation.
func cutWords(text string, max int) string {
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

// collapse is strings.Join(strings.Fields(s), " ") cut after limit
// characters (no limit when negative).
func collapse(s string, limit int) string {
	// Text from Markdown is collapsed already: then it is only cut.
	n, prevSpace := 0, true
	for i := 0; i < len(s); {
		if limit >= 0 && n >= limit {
			if prevSpace && i > 0 {
				return s[:i-1]
			}
			return s[:i]
		}
		c := s[i]
		size := 1
		switch {
		case c >= utf8.RuneSelf:
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				return collapseSlow(s, limit)
			}
			prevSpace = false
		case c == ' ':
			if prevSpace {
				return collapseSlow(s, limit) // leading or double
			}
			prevSpace = true
		case c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f':
			return collapseSlow(s, limit)
		default:
			prevSpace = false
		}
		n++
		i += size
	}
	if prevSpace && len(s) > 0 {
		return collapseSlow(s, limit) // a space at the end
	}
	return s
}

// collapseSlow is collapse for text that is not collapsed already.
func collapseSlow(s string, limit int) string {
	b := make([]byte, 0, min(len(s), max(limit, 0)*2+8))
	if limit < 0 {
		b = make([]byte, 0, len(s))
	}
	n, space := 0, false
	for i := 0; i < len(s); {
		c := s[i]
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		isSpace := c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' ||
			c >= utf8.RuneSelf && unicode.IsSpace(r)
		if isSpace {
			space = len(b) > 0
			i += size
			continue
		}
		if limit >= 0 && n+btoi(space) >= limit {
			return string(b)
		}
		if space {
			b = append(b, ' ')
			n++
			space = false
		}
		b = append(b, s[i:i+size]...)
		n++
		i += size
	}
	return string(b)
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

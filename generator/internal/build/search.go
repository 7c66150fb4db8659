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
	pos  []int32 // of each row, the item that added it; -1: added before the items
}

func (t *nameTable) ref(key, name string, pos int32) int {
	if i, ok := t.at[key]; ok {
		return i
	}
	if t.at == nil {
		t.at = map[string]int{}
	}
	t.at[key] = len(t.rows)
	t.rows = append(t.rows, [2]string{key, name})
	t.pos = append(t.pos, pos)
	return len(t.rows) - 1
}

func (t *nameTable) list() [][2]string {
	if t.rows == nil {
		return [][2]string{}
	}
	return t.rows
}

// search writes the search index of every language. With a cache, each
// index is put together from the items the cache kept from an earlier
// build (see Cache).
func (l *Loaded) search(c *cacheUse) []Output {
	var outs []Output
	es := searchEntries(l.Site)
	for _, lang := range l.Site.Cfg.Languages {
		outs = append(outs, Output{Path: strings.TrimPrefix(render.SearchIndexURL(l.Site, lang), "/"),
			Deps: es, render: func(buf *bytes.Buffer) error { return l.writeSearch(buf, lang, es, c) }})
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

// The header tables of a search index, in the order searchWriter.tabs
// holds them.
const (
	tabKinds = iota
	tabAreas
	tabOrgs
	tabSchools
	tabLevels
	tabLanguages
	tabStates
	tabForeign
	tabLabels // fact labels: key and name are the label
	numTabs
)

// searchRef is one reference an item makes to a header table: the key
// and name it asked for and the number it got.
type searchRef struct {
	tab       uint8
	idx       int32
	key, name string
}

// searchWriter writes the items of one language's index and fills the
// header tables as they refer to them.
type searchWriter struct {
	l    *Loaded
	lang string
	tabs [numTabs]nameTable
	pos  int32 // the item being written: its place in the entries
	// rec, when not nil, records every reference, in order.
	rec *[]searchRef
	// frozen tables are not added to: a reference to a key that is not
	// in its table before the item being written, or that is there with
	// another name, sets bad.
	frozen, bad bool
}

// prefill lists, in the header tables of kinds, areas, organisations and
// schools, the terms some entry of es uses, in the order of the kinds and
// of config.toml, so the index reads like the site. The other tables are
// filled in the order the items refer to them.
func (w *searchWriter) prefill(es []*site.Entry) {
	t, cfg, lang := w.l.Templates, w.l.Site.Cfg, w.lang
	kinds, areas, orgs, schools := map[string]bool{}, map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, e := range es {
		kinds[e.Kind] = true
		for _, a := range e.Areas {
			areas[a] = true
		}
		orgs[e.Host] = true
		for _, k := range e.Schools {
			schools[k] = true
		}
	}
	for _, k := range config.Kinds {
		if kinds[k] {
			w.tabs[tabKinds].ref(k, t.T(lang, "kind."+k), -1)
		}
	}
	for _, v := range []struct {
		used map[string]bool
		voc  *config.Vocab
		tab  int
	}{{areas, &cfg.Areas, tabAreas}, {orgs, &cfg.Organisations, tabOrgs}, {schools, &cfg.Schools, tabSchools}} {
		for _, term := range v.voc.Terms {
			if v.used[term.Key] {
				w.tabs[v.tab].ref(term.Key, term.Name(lang), -1)
			}
		}
	}
}

// ref returns the number of key in a table, adding it with its name.
func (w *searchWriter) ref(tab int, key, name string) int {
	var i int
	if w.frozen {
		t := &w.tabs[tab]
		var ok bool
		if i, ok = t.at[key]; !ok || t.pos[i] >= w.pos || t.rows[i][1] != name {
			w.bad = true
		}
	} else {
		i = w.tabs[tab].ref(key, name, w.pos)
	}
	if w.rec != nil {
		*w.rec = append(*w.rec, searchRef{tab: uint8(tab), idx: int32(i), key: key, name: name})
	}
	return i
}

// replay makes the references of an item written before and reports
// whether each got the number it got then, so that the item's bytes are
// the same. Making the references of an item more than once changes
// nothing, so an item that does not replay is simply written again.
func (w *searchWriter) replay(refs []searchRef) bool {
	for _, r := range refs {
		if w.tabs[r.tab].ref(r.key, r.name, w.pos) != int(r.idx) {
			return false
		}
	}
	return true
}

// item appends the item of e, a JSON array in the order of searchFields.
func (w *searchWriter) item(items []byte, e *site.Entry) []byte {
	s, t, lang := w.l.Site, w.l.Templates, w.lang
	cfg := s.Cfg
	refs := func(tab int, keys []string, name func(string) string) {
		items = append(items, '[')
		for i, k := range keys {
			if i > 0 {
				items = append(items, ',')
			}
			items = strconv.AppendInt(items, int64(w.ref(tab, k, name(k))), 10)
		}
		items = append(items, ']')
	}
	opt := func(tab int, key string, name func(string) string) {
		if key == "" {
			items = append(items, "null"...)
			return
		}
		items = strconv.AppendInt(items, int64(w.ref(tab, key, name(key))), 10)
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
	v := e.VersionFor(lang)
	text := v.Text
	if e.Kind == "agreements" && e.Confidential {
		text = "" // never any of a confidential agreement's body
	}
	items = append(items, '[')
	str(e.URL[lang])
	items = append(items, ',')
	str(v.Title)
	items = append(items, ',')
	items = strconv.AppendInt(items, int64(w.ref(tabKinds, e.Kind, t.T(lang, "kind."+e.Kind))), 10)
	items = append(items, ',')
	refs(tabAreas, e.Areas, termName(&cfg.Areas))
	items = append(items, ',')
	opt(tabOrgs, e.Host, termName(&cfg.Organisations))
	items = append(items, ',')
	refs(tabSchools, e.Schools, termName(&cfg.Schools))
	items = append(items, ',')
	opt(tabLevels, e.Level, ui("level."))
	items = append(items, ',')
	refs(tabLanguages, e.Language, ui("language."))
	items = append(items, ',')
	str(t.Closes(e))
	items = append(items, ',')
	str(v.Lang)
	items = append(items, ',')
	if st := render.State(e); st != "" {
		items = strconv.AppendInt(items, int64(w.ref(tabStates, st, t.T(lang, "state."+st))), 10)
	} else {
		items = append(items, "null"...)
	}
	if v.Lang != lang {
		w.ref(tabForeign, v.Lang, t.T(lang, "foreign."+v.Lang))
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
		j := w.ref(tabLabels, f.Label, f.Label)
		if i > 0 {
			items = append(items, ',')
		}
		items = append(items, '[')
		items = strconv.AppendInt(items, int64(j), 10)
		items = append(items, ',')
		str(f.Value)
		items = append(items, ']')
	}
	return append(items, "]]"...)
}

// searchRoom is the room writeSearch leaves for the header in front of
// the items it writes.
const searchRoom = 64 << 10

func (l *Loaded) writeSearch(buf *bytes.Buffer, lang string, es []*site.Entry, c *cacheUse) error {
	w := &searchWriter{l: l, lang: lang}
	if c != nil {
		return c.writeSearch(w, buf, es)
	}
	w.prefill(es)
	// The items are written into buf as they are made, after room left
	// for the header, which is made last (the items fill its tables) and
	// moved in front of them: the index is built in the one buffer.
	buf.Reset()
	buf.Grow(searchRoom + len(es)*800)
	items := buf.AvailableBuffer()[:searchRoom]
	for n, e := range es {
		if n > 0 {
			items = append(items, ',')
		}
		w.pos = int32(n)
		items = w.item(items, e)
	}
	h, err := searchHeader(lang, &w.tabs)
	if err != nil {
		return err
	}
	joinSearch(buf, h, items)
	return nil
}

// searchHeader returns the start of the index of lang with the header
// tables, up to the opening bracket of the items:
// {"v":1,...,"labels":[...],"items":[
func searchHeader(lang string, tabs *[numTabs]nameTable) ([]byte, error) {
	ix := searchIndex{V: 1, Lang: lang, Fields: searchFields}
	ix.Kinds, ix.Areas, ix.Orgs = tabs[tabKinds].list(), tabs[tabAreas].list(), tabs[tabOrgs].list()
	ix.Schools, ix.Levels, ix.Languages = tabs[tabSchools].list(), tabs[tabLevels].list(), tabs[tabLanguages].list()
	ix.States, ix.Foreign = tabs[tabStates].list(), tabs[tabForeign].list()
	ix.Labels = make([]string, len(tabs[tabLabels].rows))
	for i, r := range tabs[tabLabels].rows {
		ix.Labels[i] = r[0]
	}
	head := bytes.Buffer{}
	enc := json.NewEncoder(&head)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(ix); err != nil {
		return nil, err
	}
	// {"v":1,...,"labels":[...]}\n → {"v":1,...,"labels":[...],"items":[
	return append(bytes.TrimSuffix(head.Bytes(), []byte("}\n")), `,"items":[`...), nil
}

// joinSearch writes into buf the header h and the items, which were
// written after searchRoom bytes of buf's available buffer.
func joinSearch(buf *bytes.Buffer, h, items []byte) {
	items = append(items, "]}\n"...)
	if len(h) > searchRoom {
		buf.Write(h)
		buf.Write(items[searchRoom:])
		return
	}
	start := searchRoom - len(h)
	copy(items[start:], h)
	buf.Write(items[start:]) // within buf's own array, unless items outgrew it
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

package search

import (
	"bytes"
	"cmp"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Doc is one record of the index, in the page's language. Its number is
// its place in the documents given to Build, the order of the site's
// lists.
type Doc struct {
	URL, Title, Lang string
	Kind             string
	State            string // the mark at build time ("closed", "past", ...), or ""
	Closes           string // RFC 3339: when an offer closes or a lecture ends, or ""
	Archived         bool
	Excerpt          string
	Facts            [][2]string // label and value, as the list item shows them
	// Facets.
	Host, Level    string
	Areas, Schools []string
	Languages      []string
	// Strong is text whose words rank a match higher (title, host, areas,
	// speaker); Text the rest (summary, body words, schools).
	Strong, Text []string
}

// Scope is what one page filters: the documents of a kind's list or of an
// area page, in the page's order.
type Scope struct {
	Name string
	Docs []int
}

// Names are the display names the results need: the marks of States and
// the notes of a record that is in another language (Foreign), by key.
type Names struct {
	States, Foreign map[string]string
}

// Index is the built index of one language: every file of its Layout.
type Index struct {
	Layout Layout
	files  map[string][]byte
}

// File returns the bytes of the file at path (one of Layout.Paths).
func (x *Index) File(path string) ([]byte, error) {
	b, ok := x.files[path]
	if !ok {
		return nil, fmt.Errorf("search: no file %s in the index", path)
	}
	return b, nil
}

// Build makes the index of lang from docs and scopes, with the layout
// NewLayout gives for them.
func Build(lang string, docs []Doc, scopes []Scope, names Names) (*Index, error) {
	var sn []string
	for _, s := range scopes {
		sn = append(sn, s.Name)
	}
	x := &Index{Layout: NewLayout(len(docs), sn), files: map[string][]byte{}}
	var err error
	put := func(path string, v any) {
		if err != nil {
			return
		}
		x.files[path], err = marshal(v)
	}
	put("index.json", map[string]any{"v": 2, "lang": lang, "docs": len(docs), "buckets": x.Layout.Buckets,
		"chunk": Chunk, "prefix": Prefix, "states": nonNil(names.States), "foreign": nonNil(names.Foreign)})
	for i, b := range buckets(x.Layout, docs) {
		put(bucketPath(i), b)
	}
	for _, s := range scopes {
		put(scopePath(s.Name), scopeRows(docs, s.Docs))
	}
	for i := range x.Layout.chunks() {
		put(chunkPath(i), chunkRows(docs[i*Chunk:min(len(docs), (i+1)*Chunk)]))
	}
	return x, err
}

func nonNil(m map[string]string) map[string]string {
	if m == nil {
		return map[string]string{}
	}
	return m
}

// marshal is json.Marshal without HTML escaping, ending in a newline.
// Maps are written with sorted keys, so the bytes are deterministic.
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// postings are the documents a word (or prefix) occurs in, ascending, and
// those where it occurs in strong text.
type postings struct{ all, strong []int }

func (p *postings) add(doc int, strong bool) {
	if n := len(p.all); n == 0 || p.all[n-1] != doc {
		p.all = append(p.all, doc)
	}
	if n := len(p.strong); strong && (n == 0 || p.strong[n-1] != doc) {
		p.strong = append(p.strong, doc)
	}
}

// bucket is the JSON of a term bucket: words by their lowercase spelling,
// and the unions of the words that start with a prefix shorter than
// Prefix runes, by that (folded) prefix. Each is two encoded sets: all
// documents and the strong ones. N lists, for each such short prefix, the
// prefixes one rune longer that its words go on with, the most frequent
// first (at most Next): what search.js fetches ahead while the visitor
// has typed only the short prefix.
type bucket struct {
	W map[string][2]string `json:"w"`
	U map[string][2]string `json:"u"`
	N map[string][]string  `json:"n,omitempty"`
}

// Next is how many longer prefixes a bucket lists for a short one.
const Next = 6

// word is what buckets keeps of a word: its documents, its folded form and
// the unions of the shorter prefixes it adds to.
type word struct {
	p      postings
	fold   string
	unions []*postings
}

// buckets sorts the words of docs into the term buckets of l.
func buckets(l Layout, docs []Doc) []bucket {
	f := NewFolder()
	words := map[string]*word{}
	unions := map[string]*postings{}
	for i, d := range docs {
		add := func(texts []string, strong bool) {
			for _, t := range texts {
				eachWord(t, func(w string) {
					x := words[w]
					if x == nil {
						x = &word{fold: f.Fold(w)}
						for n := 1; n < Prefix && n <= runes(x.fold); n++ {
							k := prefix(x.fold, n)
							u := unions[k]
							if u == nil {
								u = &postings{}
								unions[k] = u
							}
							x.unions = append(x.unions, u)
						}
						words[strings.Clone(w)] = x
					}
					x.p.add(i, strong)
					for _, u := range x.unions {
						u.add(i, strong)
					}
				})
			}
		}
		add(d.Strong, true)
		add(d.Text, false)
	}
	out := make([]bucket, l.Buckets)
	for i := range out {
		out[i] = bucket{W: map[string][2]string{}, U: map[string][2]string{}}
	}
	for w, x := range words {
		b := l.bucket(prefix(x.fold, Prefix))
		out[b].W[w] = [2]string{encodeSet(x.p.all), encodeSet(x.p.strong)}
	}
	for k, p := range unions {
		b := l.bucket(k)
		out[b].U[k] = [2]string{encodeSet(p.all), encodeSet(p.strong)}
	}
	for k, next := range nextPrefixes(words) {
		b := &out[l.bucket(k)]
		if b.N == nil {
			b.N = map[string][]string{}
		}
		b.N[k] = next
	}
	return out
}

// nextPrefixes lists, for each prefix shorter than Prefix runes, the
// prefixes one rune longer that words go on with, by the number of
// (word, document) pairs under them, most first, then in byte order; at
// most Next of them.
func nextPrefixes(words map[string]*word) map[string][]string {
	type next struct {
		p string
		n int
	}
	counts := map[string]map[string]int{}
	for _, x := range words {
		for n := 1; n < Prefix && n < runes(x.fold); n++ {
			k, p := prefix(x.fold, n), prefix(x.fold, n+1)
			if counts[k] == nil {
				counts[k] = map[string]int{}
			}
			counts[k][p] += len(x.p.all)
		}
	}
	out := make(map[string][]string, len(counts))
	for k, m := range counts {
		list := make([]next, 0, len(m))
		for p, n := range m {
			list = append(list, next{p, n})
		}
		slices.SortFunc(list, func(a, b next) int { return cmp.Or(cmp.Compare(b.n, a.n), strings.Compare(a.p, b.p)) })
		for _, x := range list[:min(len(list), Next)] {
			out[k] = append(out[k], x.p)
		}
	}
	return out
}

// encodeSet writes an ascending set of document numbers as the shorter
// of two strings: "d" and the gaps between them (n - previous - 1, the
// first from -1) in base 36, separated by commas; or "b" and a bitmap in
// base64, bit n&7 of byte n>>3 for document n. The empty set is "".
func encodeSet(s []int) string {
	if len(s) == 0 {
		return ""
	}
	var d strings.Builder
	d.WriteByte('d')
	prev := -1
	for i, n := range s {
		if i > 0 {
			d.WriteByte(',')
		}
		d.WriteString(strconv.FormatInt(int64(n-prev-1), 36))
		prev = n
	}
	bm := make([]byte, s[len(s)-1]/8+1)
	if base64.StdEncoding.EncodedLen(len(bm))+1 >= d.Len() {
		return d.String()
	}
	for _, n := range s {
		bm[n>>3] |= 1 << (n & 7)
	}
	return "b" + base64.StdEncoding.EncodeToString(bm)
}

// scopeCols are the columns of a scope file's rows after the first (the
// gap to the previous document's number, as in encodeSet, which may be
// negative when a page's order is not the index's). Each value is a number
// into the table of its column in "t", whose first value is "".
var scopeCols = []string{"kind", "area", "host", "school", "level", "language", "closes", "archived", "state"}

// scopeRows are the table "t" and rows "d" of a scope file.
func scopeRows(docs []Doc, ids []int) map[string]any {
	tabs := make([][]string, len(scopeCols))
	at := make([]map[string]int, len(scopeCols))
	for i := range tabs {
		tabs[i], at[i] = []string{""}, map[string]int{"": 0}
	}
	ref := func(col int, v string) int {
		n, ok := at[col][v]
		if !ok {
			n = len(tabs[col])
			at[col][v] = n
			tabs[col] = append(tabs[col], v)
		}
		return n
	}
	refs := func(col int, vs []string) []int {
		out := make([]int, len(vs))
		for i, v := range vs {
			out[i] = ref(col, v)
		}
		return out
	}
	rows := make([][]any, 0, len(ids))
	prev := -1
	for _, id := range ids {
		d := docs[id]
		arch := ""
		if d.Archived {
			arch = "1"
		}
		rows = append(rows, []any{id - prev - 1, ref(0, d.Kind), refs(1, d.Areas), ref(2, d.Host), refs(3, d.Schools),
			ref(4, d.Level), refs(5, d.Languages), ref(6, d.Closes), ref(7, arch), ref(8, d.State)})
		prev = id
	}
	t := map[string][]string{}
	for i, c := range scopeCols {
		t[c] = tabs[i]
	}
	return map[string]any{"t": t, "d": rows}
}

// chunkRows are the rows of a result chunk: for each document, its URL,
// title, language, excerpt and facts.
func chunkRows(docs []Doc) [][]any {
	rows := make([][]any, 0, len(docs))
	for _, d := range docs {
		facts := d.Facts
		if facts == nil {
			facts = [][2]string{}
		}
		rows = append(rows, []any{d.URL, d.Title, d.Lang, d.Excerpt, facts})
	}
	return rows
}

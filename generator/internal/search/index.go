package search

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"portal/generator/internal/workers"
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
	// Facts are the label and value of each fact, as the list item shows
	// them, then the language of the value when it is not the page's (the
	// lang of the item's <dd>).
	Facts [][]string
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
// the notes of a record that is in another language (Foreign), by key;
// the name of one record of each kind (Kinds, by kind: "Examensarbete"),
// which a result says on a page whose results may be of several kinds;
// and the kinds' lists (Lists), which a kind's list offers when a word of
// the query names another kind.
type Names struct {
	States, Foreign, Kinds map[string]string
	Lists                  []List
}

// List is a kind's list as the search of another kind's list offers it
// ("Letar du efter praktik? Lediga praktikplatser") when a word of the
// query names the kind: the word typed whole, or four letters or more
// of its beginning. In index.json as {"kind", "url", "ask", "title",
// "words"}.
type List struct {
	Kind  string `json:"kind"`
	URL   string `json:"url"`   // the list in the index's language
	Ask   string `json:"ask"`   // the question: "Letar du efter praktik?"
	Title string `json:"title"` // the link's text: "Lediga praktikplatser"
	// Words are the words that name the kind, folded (Folder), separated
	// by spaces: of its names in every language and of the words students
	// search it by. A word that begins another of them is left out, as
	// whatever names it names the longer one.
	Words string `json:"words"`
}

// ListWords are the Words of a List named by names: their words of at
// least three letters, folded, without those that begin a longer one,
// in the order of their first occurrence. A word shorter than three
// letters ("up" of "Follow-up") is left out: typed whole it would offer
// the list for a little word.
func ListWords(names ...string) string {
	f := NewFolder()
	var ws []string
	for _, n := range names {
		eachWord(n, func(w string) {
			if w = f.Fold(w); runes(w) >= 3 && !slices.Contains(ws, w) {
				ws = append(ws, strings.Clone(w))
			}
		})
	}
	var out []string
	for _, w := range ws {
		if !slices.ContainsFunc(ws, func(x string) bool { return x != w && runes(w) >= 4 && strings.HasPrefix(x, w) }) {
			out = append(out, w)
		}
	}
	return strings.Join(out, " ")
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
	x := &Index{Layout: LayoutOf(len(docs), scopes), files: map[string][]byte{}}
	bs, counts := groupTerms(x.Layout, collect(docs))
	facets := newFacetTables()
	refs := facets.allRefs(docs)
	paths := x.Layout.Paths()
	files := make([][]byte, len(paths))
	errs := make([]error, len(paths))
	nb, ns := x.Layout.Buckets, len(scopes)
	workers.For(len(paths), func(i int) {
		switch {
		case i == 0:
			files[i], errs[i] = marshal(head(lang, len(docs), x.Layout, names))
		case i <= nb:
			files[i] = bs[i-1].file(counts.top)
		case i <= nb+ns:
			files[i], errs[i] = facets.file(refs, scopes[i-1-nb].Docs)
		default:
			c := i - 1 - nb - ns
			files[i] = chunkFile(x.Layout.chunk(docs, c))
		}
	})
	for i, p := range paths {
		x.files[p] = files[i]
	}
	return x, errors.Join(errs...)
}

// head is the content of index.json.
func head(lang string, docs int, l Layout, names Names) map[string]any {
	m := map[string]any{"v": 2, "lang": lang, "docs": docs, "buckets": l.Buckets,
		"chunk": l.Chunk, "prefix": Prefix, "states": nonNil(names.States), "foreign": nonNil(names.Foreign)}
	if len(names.Lists) > 0 {
		m["lists"] = names.Lists
	}
	if len(names.Kinds) > 0 {
		m["kinds"] = names.Kinds
	}
	return m
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

// encodeSet writes an ascending set of document numbers as the shorter
// of two strings: "d" and the gaps between them (n - previous - 1, the
// first from -1) in base 36, separated by commas; or "b" and a bitmap in
// base64, bit n&7 of byte n>>3 for document n. The empty set is "". The
// lengths are reckoned before either is written, so only one is.
func encodeSet(s []int32) string {
	if len(s) == 0 {
		return ""
	}
	dlen, prev := len(s), int32(-1) // "d" and the commas
	for _, n := range s {
		dlen += digits36(n - prev - 1)
		prev = n
	}
	bm := int(s[len(s)-1])/8 + 1
	if base64.StdEncoding.EncodedLen(bm)+1 >= dlen {
		d := make([]byte, 0, dlen)
		d = append(d, 'd')
		prev = -1
		for i, n := range s {
			if i > 0 {
				d = append(d, ',')
			}
			d = append36(d, n-prev-1)
			prev = n
		}
		return string(d)
	}
	bits := make([]byte, bm)
	for _, n := range s {
		bits[n>>3] |= 1 << (n & 7)
	}
	out := make([]byte, 1+base64.StdEncoding.EncodedLen(bm))
	out[0] = 'b'
	base64.StdEncoding.Encode(out[1:], bits)
	return string(out)
}

// append36 appends n ≥ 0 in base 36, as strconv.AppendInt does: most
// gaps of a set are below 36, and strconv divides even for those.
func append36(b []byte, n int32) []byte {
	const digits = "0123456789abcdefghijklmnopqrstuvwxyz"
	switch {
	case n < 36:
		return append(b, digits[n])
	case n < 36*36:
		return append(b, digits[n/36], digits[n%36])
	}
	return strconv.AppendInt(b, int64(n), 36)
}

// digits36 is the number of digits of n ≥ 0 in base 36.
func digits36(n int32) int {
	d := 1
	for ; n >= 36; n /= 36 {
		d++
	}
	return d
}

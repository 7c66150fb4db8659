// Package search builds the search index of one language of the site as
// many small files, so that the browser (templates/assets/search.js)
// fetches only what one query needs: a manifest, the facets of the list it
// filters (a scope), the term buckets of the words typed and the result
// chunks of the results it shows.
//
// The files, relative to the language's search folder (/search/,
// /en/search/):
//
//	index.json       the manifest: buckets, chunk size, state and language names, the kinds' lists (List)
//	t/<n>.json       term bucket n: words and their documents, by folded prefix
//	s/<scope>.json   a scope's documents in the page's order with their facets
//	r/<n>.json       result chunk n: what a result shows, Layout.Chunk documents each
//
// Which files there are depends only on the number of documents and the
// scopes (Layout), so the build knows every path before any body is
// rendered. The bytes are the same for the same documents.
//
// Build makes the files once (the build); Incremental makes them as Build
// does and keeps the postings, so that an edit writes again only the
// files it changes (the preview). Both gather the terms of the documents
// with collect (terms.go) and write the files with the same writers
// (json.go, scope.go).
package search

import (
	"hash/maphash"
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
)

// foldFrom and foldTo are the letters that fold drops the diacritics of,
// rune by rune; search.js has the same two strings, so that the browser
// folds a query as the build folded the words (TestFoldTableInScript).
const (
	foldFrom = "àáâãäåāăąçćĉċčďđèéêëēĕėęěĝğġģĥìíîïĩīĭįıĵķĺļľłñńņňòóôõöōŏőŕŗřśŝşšţťùúûüũūŭůűųŵýÿŷźżž"
	foldTo   = "aaaaaaaaacccccddeeeeeeeeegggghiiiiiiiiijkllllnnnnoooooooorrrssssttuuuuuuuuuuwyyyzzz"
)

// folds maps each rune of foldFrom to the rune of foldTo at its place.
func folds() map[rune]rune {
	from, to := []rune(foldFrom), []rune(foldTo)
	m := make(map[rune]rune, len(from))
	for i, r := range from {
		m[r] = to[i]
	}
	return m
}

// Folder folds words: lowercase, without diacritics ("Mälardalen" →
// "malardalen"), so that a query typed on an English keyboard finds them.
type Folder struct{ m map[rune]rune }

// NewFolder returns a Folder.
func NewFolder() *Folder { return &Folder{m: folds()} }

// Fold returns w lowercased and without the diacritics of the letters in
// foldFrom.
func (f *Folder) Fold(w string) string {
	ascii := true
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf || 'A' <= w[i] && w[i] <= 'Z' {
			ascii = false
			break
		}
	}
	if ascii {
		return w
	}
	var b strings.Builder
	b.Grow(len(w))
	for _, r := range w {
		r = unicode.ToLower(r)
		if to, ok := f.m[r]; ok {
			r = to
		}
		b.WriteRune(r)
	}
	return b.String()
}

// isWordRune reports whether r is part of a word: letters and digits.
func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// eachWord calls fn with each word of s, lowercased, in order: the runs
// of letters and digits. Lowercase ASCII words are not copied.
func eachWord(s string, fn func(w string)) {
	eachRaw(s, func(w string, upper bool) {
		if upper {
			w = strings.ToLower(w)
		}
		fn(w)
	})
}

// eachRaw calls fn with each word of s as it is spelled, in order, and
// whether it has an upper-case letter.
func eachRaw(s string, fn func(w string, upper bool)) {
	start, upper := -1, false
	emit := func(end int) {
		if start >= 0 {
			fn(s[start:end], upper)
		}
		start, upper = -1, false
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			case 'A' <= c && c <= 'Z':
				upper = true
			default:
				emit(i)
				i++
				continue
			}
			if start < 0 {
				start = i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			emit(i)
		} else {
			if start < 0 {
				start = i
			}
			if unicode.IsUpper(r) || unicode.IsTitle(r) {
				upper = true
			}
		}
		i += size
	}
	emit(len(s))
}

// Words returns the distinct words of text, lowercased, in the order of
// their first occurrence, joined by spaces: what the index needs of a
// body, in less memory than its text. Each word is lowercased straight
// into the result and looked up in a hash table of the words kept so
// far (their places in the result), then kept or cut off again: no
// string per word, no sort.
func Words(text string) string {
	var buf [8192]byte // on the stack: a body's words are copied out once
	out := buf[:0]
	if len(text)+16 > len(buf) {
		out = make([]byte, 0, len(text)+16) // the most it holds, but for a rare longer lowercase
	}
	var small [1024]span
	table := small[:min(len(small), 1<<bits.Len(uint(max(16, len(text)/4)-1)))]
	seed := maphash.MakeSeed()
	kept := 0
	eachRaw(text, func(w string, upper bool) {
		start := len(out)
		if start > 0 {
			out = append(out, ' ')
		}
		at := len(out)
		out = appendLower(out, w, upper)
		word := out[at:]
		mask := uint32(len(table) - 1)
		for i := uint32(maphash.Bytes(seed, word)) & mask; ; i = (i + 1) & mask {
			sp := table[i]
			if sp.end == 0 {
				table[i] = span{int32(at), int32(len(out))}
				break
			}
			if string(out[sp.start:sp.end]) == string(word) {
				out = out[:start]
				return
			}
		}
		if kept++; 2*kept > len(table) {
			table = rehash(table, out, seed)
		}
	})
	return string(out)
}

// span is where a word kept by Words is in its result; end 0 is none.
type span struct{ start, end int32 }

// rehash returns a table twice the size of t with the words of t, which
// are in out, hashed with seed.
func rehash(t []span, out []byte, seed maphash.Seed) []span {
	n := make([]span, 2*len(t))
	mask := uint32(len(n) - 1)
	for _, sp := range t {
		if sp.end == 0 {
			continue
		}
		i := uint32(maphash.Bytes(seed, out[sp.start:sp.end])) & mask
		for n[i].end != 0 {
			i = (i + 1) & mask
		}
		n[i] = sp
	}
	return n
}

// appendLower appends w lowercased as strings.ToLower lowercases it (w
// is a word of eachRaw: valid UTF-8).
func appendLower(dst []byte, w string, upper bool) []byte {
	if !upper {
		return append(dst, w...)
	}
	for i := 0; i < len(w); {
		if c := w[i]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(w[i:])
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
		i += size
	}
	return dst
}

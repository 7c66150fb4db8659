// Package search builds the search index of one language of the site as
// many small files, so that the browser (templates/assets/search.js)
// fetches only what one query needs: a manifest, the facets of the list it
// filters (a scope), the term buckets of the words typed and the result
// chunks of the results it shows.
//
// The files, relative to the language's search folder (/search/,
// /en/search/):
//
//	index.json       the manifest: buckets, chunk size, state and language names
//	t/<n>.json       term bucket n: words and their documents, by folded prefix
//	s/<scope>.json   a scope's documents in the page's order with their facets
//	r/<n>.json       result chunk n: what a result shows, Chunk documents each
//
// Which files there are depends only on the number of documents and the
// scopes (Layout), so the build knows every path before any body is
// rendered. The bytes are the same for the same documents.
package search

import (
	"slices"
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

// Tokens returns the words of s, lowercased, in order, with repeats.
func Tokens(s string) []string {
	var out []string
	eachWord(s, func(w string) { out = append(out, w) })
	return out
}

// eachWord calls fn with each word of s, lowercased, in order: the runs
// of letters and digits. Lowercase ASCII words are not copied.
func eachWord(s string, fn func(w string)) {
	start, lower := -1, true
	emit := func(end int) {
		if start >= 0 {
			w := s[start:end]
			if !lower {
				w = strings.ToLower(w)
			}
			fn(w)
		}
		start, lower = -1, true
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			case 'A' <= c && c <= 'Z':
				lower = false
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
				lower = false
			}
		}
		i += size
	}
	emit(len(s))
}

// Words returns the distinct words of text, lowercased, in byte order,
// joined by spaces: what the index needs of a body, in less memory than
// its text. The words are sorted and compacted rather than looked up in
// a map, which costs a tenth of the memory.
func Words(text string) string {
	words := make([]string, 0, len(text)/6+1)
	// Most of a text's words are repeats ("och", "the", its subject): a
	// small table of the words seen keeps them out of the sort, which
	// costs n log n string comparisons. A word whose slot another word
	// holds is appended anyway; Compact removes what the table missed.
	var seen [512]int32 // 1 + index in words, by hash of the word
	eachWord(text, func(w string) {
		h := uint32(2166136261)
		for i := 0; i < len(w); i++ {
			h = (h ^ uint32(w[i])) * 16777619
		}
		slot := &seen[h&511]
		if *slot > 0 && words[*slot-1] == w {
			return
		}
		if *slot == 0 {
			*slot = int32(len(words) + 1)
		}
		words = append(words, w)
	})
	slices.Sort(words)
	words = slices.Compact(words)
	n := len(words)
	for _, w := range words {
		n += len(w)
	}
	var b strings.Builder
	b.Grow(n)
	for i, w := range words {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	return b.String()
}

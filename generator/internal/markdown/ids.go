package markdown

import (
	"slices"
	"strconv"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"

	"portal/generator/internal/config"
)

// headingIDs is the parser.IDs of one Render call: it turns heading text into
// readable ids ("Åtgärder för år 2" → "atgarder-for-ar-2") and keeps them
// unique within the body by adding "-1", "-2", ... to repeats.
type headingIDs struct {
	used     map[string]bool
	next     map[string]int  // next suffix to try for a base id
	reserved map[string]bool // ids of the page frame, never given (Renderer.Reserve)
}

// taken reports whether id is used in the body or by the page frame.
func (s *headingIDs) taken(id []byte) bool {
	return s.used[string(id)] || s.reserved[string(id)]
}

// Generate implements parser.IDs.
func (s *headingIDs) Generate(value []byte, kind ast.NodeKind) []byte {
	base := slugify(value)
	if len(base) == 0 {
		if kind == ast.KindHeading {
			base = []byte("heading")
		} else {
			base = []byte("id")
		}
	}
	id := base
	if s.taken(id) {
		n := max(s.next[string(base)], 1)
		for {
			id = strconv.AppendInt(append(slices.Clip(base), '-'), int64(n), 10)
			n++
			if !s.taken(id) {
				break
			}
		}
		s.next[string(base)] = n
	}
	s.used[string(id)] = true
	return id
}

// Put implements parser.IDs.
func (s *headingIDs) Put(value []byte) {
	s.used[string(value)] = true
}

// slugify turns the Markdown source of a heading into an id: letters
// lowercased and Latin letters transliterated to ASCII, digits kept, runs of
// anything else turned into one hyphen, no hyphen at either end. Link
// destinations and character references are dealt with first, so that
// "Se [avtalet](../avtal/x.md) &amp; mer" gives "se-avtalet-mer".
func slugify(value []byte) []byte {
	value = resolveEscapes(value)
	out := make([]byte, 0, len(value))
	sep := false
	for i := 0; i < len(value); {
		c := value[i]
		if c == ']' && i+1 < len(value) && value[i+1] == '(' {
			// Skip an inline link destination: "](...)".
			if j := closingParen(value, i+2); j > 0 {
				i = j + 1
				sep = true
				continue
			}
		}
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(value[i:])
		}
		i += size
		switch {
		case 'a' <= r && r <= 'z' || '0' <= r && r <= '9':
			out = appendSep(out, &sep)
			out = append(out, byte(r))
		case 'A' <= r && r <= 'Z':
			out = appendSep(out, &sep)
			out = append(out, byte(r)+'a'-'A')
		case r < utf8.RuneSelf:
			sep = true
		case unicode.Is(unicode.Mn, r):
			// A combining mark (decomposed "å"): drop it.
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			r = unicode.ToLower(r)
			out = appendSep(out, &sep)
			if t := translit(r); t != "" {
				out = append(out, t...)
			} else {
				out = utf8.AppendRune(out, r)
			}
		default:
			sep = true
		}
	}
	return out
}

// appendSep writes the pending hyphen, if any, unless out is empty.
func appendSep(out []byte, sep *bool) []byte {
	if *sep && len(out) > 0 {
		out = append(out, '-')
	}
	*sep = false
	return out
}

// closingParen returns the index of the ')' closing a link destination that
// starts at i, allowing balanced parentheses, or -1.
func closingParen(v []byte, i int) int {
	depth := 0
	for ; i < len(v); i++ {
		switch v[i] {
		case '\\':
			i++
		case '(':
			depth++
		case ')':
			if depth == 0 {
				return i
			}
			depth--
		}
	}
	return -1
}

// translit returns the ASCII spelling of a lowercase Latin letter with a
// diacritic (or a ligature), or "" if r has none: config.Fold's, but for
// the ligature ĳ, which ids spell "ij", and ŉ, which they keep.
func translit(r rune) string {
	switch r {
	case 'ĳ':
		return "ij"
	case 'ŉ':
		return ""
	}
	return config.Fold(r)
}

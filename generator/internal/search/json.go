package search

import (
	"encoding/base64"
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The term buckets and result chunks, nearly all of an index's files and
// bytes, are written here byte by byte, with the bytes encoding/json
// writes for the same values (marshal: compact, no HTML escaping, map
// keys in byte order, a final newline): going through maps of strings
// and encoding/json's reflection cost the build as much again as
// gathering the terms (BENCHMARKS.md, issue #12).

// appendString appends s as a JSON string, escaped as encoding/json
// escapes it without HTML escaping.
func appendString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		b := s[i]
		if b >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			var esc string
			switch {
			case r == utf8.RuneError && size == 1:
				esc = `\ufffd`
			case r == '\u2028':
				esc = `\u2028`
			case r == '\u2029':
				esc = `\u2029`
			default:
				i += size
				continue
			}
			dst = append(append(dst, s[start:i]...), esc...)
			i += size
			start = i
			continue
		}
		if b >= 0x20 && b != '"' && b != '\\' {
			i++
			continue
		}
		dst = append(dst, s[start:i]...)
		switch b {
		case '"', '\\':
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
			const hex = "0123456789abcdef"
			dst = append(dst, '\\', 'u', '0', '0', hex[b>>4], hex[b&0xF])
		}
		i++
		start = i
	}
	return append(append(dst, s[start:]...), '"')
}

// appendStrings appends ss as a JSON array of strings; nil as [].
func appendStrings(dst []byte, ss []string) []byte {
	dst = append(dst, '[')
	for i, s := range ss {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = appendString(dst, s)
	}
	return append(dst, ']')
}

// appendSet appends an ascending set of document numbers encoded as the
// shorter of two strings, without quotes: "d" and the gaps between them
// (n - previous - 1, the first from -1) in base 36, separated by commas;
// or "b" and a bitmap in base64, bit n&7 of byte n>>3 for document n. The
// empty set is nothing. The lengths are reckoned before either is
// written, so only one is. Both are plain ASCII that JSON does not
// escape.
func appendSet(dst []byte, s []int32) []byte {
	if len(s) == 0 {
		return dst
	}
	dlen, prev := len(s), int32(-1) // "d" and the commas
	for _, n := range s {
		dlen += digits36(n - prev - 1)
		prev = n
	}
	bm := int(s[len(s)-1])/8 + 1
	if base64.StdEncoding.EncodedLen(bm)+1 >= dlen {
		dst = slices.Grow(dst, dlen)
		dst = append(dst, 'd')
		prev = -1
		for i, n := range s {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = strconv.AppendInt(dst, int64(n-prev-1), 36)
			prev = n
		}
		return dst
	}
	bits := make([]byte, bm)
	for _, n := range s {
		bits[n>>3] |= 1 << (n & 7)
	}
	return base64.StdEncoding.AppendEncode(append(dst, 'b'), bits)
}

// digits36 is the number of digits of n ≥ 0 in base 36.
func digits36(n int32) int {
	d := 1
	for ; n >= 36; n /= 36 {
		d++
	}
	return d
}

// encode is the file of the term bucket: {"w":{…},"u":{…},"n":{…}}, the
// words and unions each with their two sets (all documents, strong ones),
// and "n" left out when the bucket has no short prefix that goes on.
func (tb termBucket) encode() []byte {
	size := 16
	for _, e := range tb.words {
		size += len(e.key) + 4*len(e.p.all) + 16
	}
	for _, e := range tb.unions {
		size += len(e.key) + 4*len(e.p.all) + 16
	}
	b := make([]byte, 0, size)
	b = appendPostings(append(b, `{"w":`...), tb.words)
	b = appendPostings(append(b, `,"u":`...), tb.unions)
	if len(tb.next) > 0 {
		b = append(b, `,"n":{`...)
		for i, k := range slices.Sorted(maps.Keys(tb.next)) {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendStrings(append(appendString(b, k), ':'), tb.next[k])
		}
		b = append(b, '}')
	}
	return append(b, "}\n"...)
}

// appendPostings appends terms as a JSON object of their two encoded
// sets, in the order of their keys. It sorts terms.
func appendPostings(b []byte, terms []keyed) []byte {
	slices.SortFunc(terms, func(x, y keyed) int { return strings.Compare(x.key, y.key) })
	b = append(b, '{')
	for i, e := range terms {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(appendString(b, e.key), `:["`...)
		b = append(appendSet(b, e.p.all), `","`...)
		b = append(appendSet(b, e.p.strong), `"]`...)
	}
	return append(b, '}')
}

// encodeChunk is the file of a result chunk: for each document, its URL,
// title, language, excerpt and facts (label and value).
func encodeChunk(docs []Doc) []byte {
	size := 4
	for _, d := range docs {
		size += len(d.URL) + len(d.Title) + len(d.Excerpt) + 32
		for _, f := range d.Facts {
			size += len(f[0]) + len(f[1]) + 8
		}
	}
	b := make([]byte, 0, size)
	b = append(b, '[')
	for i, d := range docs {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(appendString(append(b, '['), d.URL), ',')
		b = append(appendString(b, d.Title), ',')
		b = append(appendString(b, d.Lang), ',')
		b = append(appendString(b, d.Excerpt), ",["...)
		for j, f := range d.Facts {
			if j > 0 {
				b = append(b, ',')
			}
			b = appendStrings(b, f[:])
		}
		b = append(b, "]]"...)
	}
	return append(b, "]\n"...)
}

package diag

import (
	"strings"
	"unicode/utf8"
)

// Positions locates keys and values in a TOML text, so that a problem found
// after decoding (an unknown area, a date in the past) can point at the
// exact place an editor has to change.
type Positions struct {
	src     []byte
	lineOff int
	spans   map[string]span // dotted key path → where it is
}

type span struct{ key, val, end int } // byte offsets: key start, value start, value end

// NewPositions scans src, a TOML text that starts after lineOff lines of its
// file. The scan is lenient: it must not fail on text the decoder accepted.
func NewPositions(src []byte, lineOff int) *Positions {
	p := &Positions{src: src, lineOff: lineOff, spans: map[string]span{}}
	p.scan()
	return p
}

// Key returns the line and column of the key at path, or of the nearest
// enclosing table, or the start of the text.
func (p *Positions) Key(path ...string) (line, col int) {
	for n := len(path); n > 0; n-- {
		if s, ok := p.spans[strings.Join(path[:n], ".")]; ok {
			return p.LineCol(s.key)
		}
	}
	return p.LineCol(0)
}

// Value returns the position of the value of the key at path (falling back
// like Key).
func (p *Positions) Value(path ...string) (line, col int) {
	if s, ok := p.spans[strings.Join(path, ".")]; ok {
		return p.LineCol(s.val)
	}
	return p.Key(path...)
}

// Find returns the position of the quoted string needle inside the value of
// the key at path, falling back to the value itself.
func (p *Positions) Find(needle string, path ...string) (line, col int) {
	s, ok := p.spans[strings.Join(path, ".")]
	if !ok {
		return p.Key(path...)
	}
	text := string(p.src[s.val:s.end])
	for _, q := range []string{`"` + needle + `"`, `'` + needle + `'`, needle} {
		if i := strings.Index(text, q); i >= 0 && needle != "" {
			return p.LineCol(s.val + i)
		}
	}
	return p.LineCol(s.val)
}

// Nth returns the position of the n-th (0-based) element of the array value
// at path: its first character after the opening bracket and separators.
func (p *Positions) Nth(n int, path ...string) (line, col int) {
	s, ok := p.spans[strings.Join(path, ".")]
	if !ok {
		return p.Key(path...)
	}
	depth, idx := 0, 0
	starts := true
	for i := s.val; i < s.end; i++ {
		c := p.src[i]
		switch {
		case c == '[' || c == '{':
			depth++
			if depth == 1 {
				starts = true
				continue
			}
		case c == ']' || c == '}':
			depth--
		case c == ',' && depth == 1:
			idx++
			starts = true
			continue
		}
		if depth >= 1 && starts && c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			if idx == n {
				return p.LineCol(i)
			}
			starts = false
		}
	}
	return p.LineCol(s.val)
}

// LineCol converts a byte offset in the text into a file line and a
// 1-based column counted in characters.
func (p *Positions) LineCol(off int) (line, col int) {
	off = min(off, len(p.src))
	start := 0
	line = 1
	for i := 0; i < off; i++ {
		if p.src[i] == '\n' {
			line++
			start = i + 1
		}
	}
	return line + p.lineOff, utf8.RuneCount(p.src[start:off]) + 1
}

// scan walks the text once, recording each key's path and value span.
func (p *Positions) scan() {
	src := p.src
	var table []string
	i := 0
	for i < len(src) {
		i = skipSpace(src, i, true)
		if i >= len(src) {
			break
		}
		switch c := src[i]; {
		case c == '#':
			i = lineEnd(src, i)
		case c == '[':
			// [table] or [[array of tables]]
			j := i + 1
			if j < len(src) && src[j] == '[' {
				j++
			}
			j = skipSpace(src, j, false)
			keys, end := readKey(src, j)
			table = keys
			if _, seen := p.spans[strings.Join(keys, ".")]; !seen && len(keys) > 0 {
				p.spans[strings.Join(keys, ".")] = span{key: j, val: j, end: j}
			}
			i = lineEnd(src, end)
		default:
			keys, end := readKey(src, i)
			if len(keys) == 0 {
				i = lineEnd(src, i)
				continue
			}
			j := skipSpace(src, end, false)
			if j < len(src) && src[j] == '=' {
				j = skipSpace(src, j+1, false)
			}
			vend := skipValue(src, j)
			full := append(append([]string{}, table...), keys...)
			p.spans[strings.Join(full, ".")] = span{key: i, val: j, end: vend}
			p.inline(full, src, j, vend)
			i = vend
		}
	}
}

// inline records the keys of an inline table value, and of inline tables
// inside an array (as path.N.key), so errors in contacts can point inside.
func (p *Positions) inline(path []string, src []byte, start, end int) {
	if start >= end {
		return
	}
	switch src[start] {
	case '{':
		i := start + 1
		for i < end {
			i = skipSpace(src, i, true)
			if i >= end || src[i] == '}' {
				return
			}
			if src[i] == ',' {
				i++
				continue
			}
			keys, kend := readKey(src, i)
			if len(keys) == 0 {
				return
			}
			j := skipSpace(src, kend, false)
			if j < end && src[j] == '=' {
				j = skipSpace(src, j+1, true)
			}
			vend := skipValue(src, j)
			full := append(append([]string{}, path...), keys...)
			p.spans[strings.Join(full, ".")] = span{key: i, val: j, end: vend}
			p.inline(full, src, j, vend)
			i = vend
		}
	case '[':
		i, n := start+1, 0
		for i < end {
			i = skipSpace(src, i, true)
			if i >= end || src[i] == ']' {
				return
			}
			if src[i] == ',' {
				i++
				continue
			}
			if src[i] == '#' {
				i = lineEnd(src, i)
				continue
			}
			vend := skipValue(src, i)
			if src[i] == '{' {
				full := append(append([]string{}, path...), itoa(n))
				p.spans[strings.Join(full, ".")] = span{key: i, val: i, end: vend}
				p.inline(full, src, i, vend)
			}
			n++
			if vend <= i {
				return
			}
			i = vend
		}
	}
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

func skipSpace(src []byte, i int, newlines bool) int {
	for i < len(src) {
		switch src[i] {
		case ' ', '\t', '\r':
		case '\n':
			if !newlines {
				return i
			}
		default:
			return i
		}
		i++
	}
	return i
}

func lineEnd(src []byte, i int) int {
	for i < len(src) && src[i] != '\n' {
		i++
	}
	return i
}

// readKey reads a possibly dotted, possibly quoted key.
func readKey(src []byte, i int) ([]string, int) {
	var keys []string
	for i < len(src) {
		i = skipSpace(src, i, false)
		if i >= len(src) {
			break
		}
		switch c := src[i]; {
		case c == '"' || c == '\'':
			j := i + 1
			for j < len(src) && src[j] != c && src[j] != '\n' {
				if c == '"' && src[j] == '\\' {
					j++
				}
				j++
			}
			keys = append(keys, string(src[min(i+1, len(src)):min(j, len(src))]))
			i = min(j+1, len(src))
		case isBare(c):
			j := i
			for j < len(src) && isBare(src[j]) {
				j++
			}
			keys = append(keys, string(src[i:j]))
			i = j
		default:
			return keys, i
		}
		i = skipSpace(src, i, false)
		if i < len(src) && src[i] == '.' {
			i++
			continue
		}
		return keys, i
	}
	return keys, i
}

func isBare(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

// skipValue returns the offset just past the value starting at i: a
// string, an array or inline table (nested), or a bare scalar.
func skipValue(src []byte, i int) int {
	depth := 0
	for i < len(src) {
		c := src[i]
		switch {
		case c == '"' || c == '\'':
			i = skipString(src, i)
			if depth == 0 {
				return i
			}
			continue
		case c == '[' || c == '{':
			depth++
		case c == ']' || c == '}':
			depth--
			if depth <= 0 {
				return i + 1
			}
		case c == '#' && depth > 0:
			i = lineEnd(src, i)
			continue
		case depth == 0 && (c == '\n' || c == ',' || c == '#' || c == ' ' || c == '\t' || c == '\r'):
			// a bare scalar ends here, except for a date and time split by a space
			if c == ' ' && i+1 < len(src) && src[i+1] >= '0' && src[i+1] <= '9' && i > 0 && src[i-1] >= '0' && src[i-1] <= '9' {
				break
			}
			return i
		}
		i++
	}
	return i
}

func skipString(src []byte, i int) int {
	q := src[i]
	triple := i+2 < len(src) && src[i+1] == q && src[i+2] == q
	if triple {
		i += 3
		for i+2 < len(src) {
			if q == '"' && src[i] == '\\' {
				i += 2
				continue
			}
			if src[i] == q && src[i+1] == q && src[i+2] == q {
				return i + 3
			}
			i++
		}
		return len(src)
	}
	i++
	for i < len(src) && src[i] != '\n' {
		if q == '"' && src[i] == '\\' {
			i += 2
			continue
		}
		if src[i] == q {
			return i + 1
		}
		i++
	}
	return i
}

// Has reports whether the key at path appears in the text.
func (p *Positions) Has(path ...string) bool {
	_, ok := p.spans[strings.Join(path, ".")]
	return ok
}

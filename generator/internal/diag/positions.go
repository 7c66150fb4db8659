package diag

import (
	"bytes"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// Positions locates keys and values in a TOML text, so that a problem found
// after decoding (an unknown area, a date in the past) can point at the
// exact place an editor has to change.
//
// The text is scanned on the first question, not before: most files have
// no problem, and nobody asks.
type Positions struct {
	src     []byte
	read    func() []byte // reads src on the first question (PositionsOf)
	lineOff int
	once    sync.Once
	scanned atomic.Bool     // build ran
	spans   map[string]span // dotted key path → where it is
	lines   []int           // byte offset at which each line starts
	runes   []int           // runes before every runeStep-th byte, for LineCol
}

// Limits that keep the scan linear on hostile text: longer or deeper key
// paths are not recorded (problems in them fall back to an enclosing key).
const (
	maxPathLen   = 256 // bytes of a dotted key path
	maxPathDepth = 16  // components of a key path, inline tables included
	runeStep     = 256
)

type span struct{ key, val, end int } // byte offsets: key start, value start, value end

// NewPositions returns the positions in src, a TOML text that starts after
// lineOff lines of its file. It keeps a copy of src, which it scans when
// first asked. The scan is lenient: it must not fail on text the decoder
// accepted.
func NewPositions(src []byte, lineOff int) *Positions {
	return &Positions{src: bytes.Clone(src), lineOff: lineOff}
}

// PositionsOf is NewPositions of the text read returns when first asked,
// for a build that keeps no copy of every text; read returns nil when the
// text is gone (every position is then the start of the text).
func PositionsOf(read func() []byte, lineOff int) *Positions {
	return &Positions{read: read, lineOff: lineOff}
}

// Unkept returns the positions of p's text, scanned anew when asked and
// dropped with the copy rather than kept with p: for one question of
// each of many files (a build's warnings), whose answers would otherwise
// keep every file's index in memory.
func (p *Positions) Unkept() *Positions {
	if p.read != nil {
		return &Positions{read: p.read, lineOff: p.lineOff}
	}
	return &Positions{src: p.src, lineOff: p.lineOff} // set when made, never after
}

// Scanned reports whether the text was scanned: whether a question was
// asked. A file without problems is never scanned (the tests of a
// build's memory check it).
func (p *Positions) Scanned() bool { return p.scanned.Load() }

// index scans the text, once.
func (p *Positions) index() { p.once.Do(p.build) }

func (p *Positions) build() {
	p.scanned.Store(true)
	if p.read != nil {
		p.src = p.read()
	}
	p.spans, p.lines = map[string]span{}, []int{0}
	n := 0
	for i, c := range p.src {
		if i%runeStep == 0 {
			p.runes = append(p.runes, n)
		}
		if c == '\n' {
			p.lines = append(p.lines, i+1)
		}
		if c&0xC0 != 0x80 {
			n++
		}
	}
	p.scan()
}

// Key returns the line and column of the key at path, or of the nearest
// enclosing table, or the start of the text.
func (p *Positions) Key(path ...string) (line, col int) {
	p.index()
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
	p.index()
	if s, ok := p.spans[strings.Join(path, ".")]; ok {
		return p.LineCol(s.val)
	}
	return p.Key(path...)
}

// Find returns the position of the quoted string needle inside the value of
// the key at path, falling back to the value itself.
func (p *Positions) Find(needle string, path ...string) (line, col int) {
	p.index()
	s, ok := p.spans[strings.Join(path, ".")]
	if !ok {
		return p.Key(path...)
	}
	text := p.src[s.val:max(s.end, s.val)]
	for _, q := range []string{`"` + needle + `"`, `'` + needle + `'`, needle} {
		if i := bytes.Index(text, []byte(q)); i >= 0 && needle != "" {
			return p.LineCol(s.val + i)
		}
	}
	return p.LineCol(s.val)
}

// Nth returns the position of the n-th (0-based) element of the array value
// at path: its first character after the opening bracket and separators.
// Commas and brackets inside strings and comments do not count.
func (p *Positions) Nth(n int, path ...string) (line, col int) {
	p.index()
	s, ok := p.spans[strings.Join(path, ".")]
	if !ok {
		return p.Key(path...)
	}
	src := p.src
	depth, idx, starts := 0, 0, false
	for i := s.val; i < s.end && i < len(src); {
		c, next := src[i], i+1
		switch {
		case c == ' ' || c == '\t' || c == '\r' || c == '\n':
		case c == '#':
			next = endOfLine(src, i)
		case c == ',' && depth == 1:
			idx++
			starts = true
		case c == ']' || c == '}':
			if depth--; depth <= 0 {
				return p.LineCol(s.val)
			}
		case depth == 0:
			if c != '[' {
				return p.LineCol(s.val)
			}
			depth, starts = 1, true
		default:
			if starts && depth == 1 {
				if idx == n {
					return p.LineCol(i)
				}
				starts = false
			}
			switch c {
			case '"', '\'':
				next = skipString(src, i)
			case '[', '{':
				depth++
			}
		}
		i = next
	}
	return p.LineCol(s.val)
}

// LineCol converts a byte offset in the text into a file line and a
// 1-based column counted in characters.
func (p *Positions) LineCol(off int) (line, col int) {
	p.index()
	off = max(min(off, len(p.src)), 0)
	l, _ := slices.BinarySearch(p.lines, off+1) // lines starting at or before off
	start := p.lines[l-1]
	return l + p.lineOff, p.runesBefore(off) - p.runesBefore(start) + 1
}

// runesBefore counts the characters (bytes that do not continue a UTF-8
// sequence) in src[:off], in time independent of off.
func (p *Positions) runesBefore(off int) int {
	if off == 0 {
		return 0
	}
	k := min(off/runeStep, len(p.runes)-1)
	n := p.runes[k]
	for _, c := range p.src[k*runeStep : off] {
		if c&0xC0 != 0x80 {
			n++
		}
	}
	return n
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
			i = endOfLine(src, i)
		case c == '[':
			// [table] or [[array of tables]]
			j := i + 1
			if j < len(src) && src[j] == '[' {
				j++
			}
			j = skipSpace(src, j, false)
			keys, end := readKey(src, j)
			table = keys
			if _, has := p.spans[strings.Join(keys, ".")]; !has {
				p.record(keys, span{key: j, val: j, end: j})
			}
			i = endOfLine(src, end)
		default:
			keys, end := readKey(src, i)
			if len(keys) == 0 {
				i = endOfLine(src, i)
				continue
			}
			j := skipSpace(src, end, false)
			if j < len(src) && src[j] == '=' {
				j = skipSpace(src, j+1, false)
			}
			vend := skipValue(src, j)
			full := append(slices.Clip(table), keys...)
			if p.record(full, span{key: i, val: j, end: vend}) {
				p.inline(full, src, j, vend)
			}
			i = vend
		}
	}
}

// record notes where the key at path is, and where each enclosing key first
// appears (so that a.b = 1 also locates a), unless the path is too long or
// too deep to be a real key. It reports whether it recorded the path.
func (p *Positions) record(path []string, s span) bool {
	if len(path) == 0 || len(path) > maxPathDepth {
		return false
	}
	n := len(path) - 1
	for _, k := range path {
		n += len(k)
	}
	if n > maxPathLen {
		return false
	}
	for i := 1; i < len(path); i++ {
		prefix := strings.Join(path[:i], ".")
		if _, seen := p.spans[prefix]; !seen {
			p.spans[prefix] = span{key: s.key, val: s.key, end: s.end}
		}
	}
	p.spans[strings.Join(path, ".")] = s
	return true
}

// inline records the keys of an inline table value, and of inline tables
// inside an array (as path.N.key), so errors in contacts can point inside.
// Its recursion is bounded by maxPathDepth, since record refuses deeper paths.
func (p *Positions) inline(path []string, src []byte, start, end int) {
	if start >= end || start >= len(src) {
		return
	}
	switch src[start] {
	case '{':
		for i := nextItem(src, start+1, end, '}'); i >= 0; i = nextItem(src, i, end, '}') {
			keys, kend := readKey(src, i)
			if len(keys) == 0 {
				return
			}
			j := skipSpace(src, kend, false)
			if j < end && src[j] == '=' {
				j = skipSpace(src, j+1, true)
			}
			vend := skipValue(src, j)
			full := append(slices.Clip(path), keys...)
			if p.record(full, span{key: i, val: j, end: vend}) {
				p.inline(full, src, j, vend)
			}
			i = vend
		}
	case '[':
		n := 0
		for i := nextItem(src, start+1, end, ']'); i >= 0; i = nextItem(src, i, end, ']') {
			vend := skipValue(src, i)
			if src[i] == '{' {
				full := append(slices.Clip(path), strconv.Itoa(n))
				if p.record(full, span{key: i, val: i, end: vend}) {
					p.inline(full, src, i, vend)
				}
			}
			n++
			if vend <= i {
				return
			}
			i = vend
		}
	}
}

// nextItem skips the blanks, commas and comments of an inline table or
// array from i and returns where its next item starts, or -1 at closing or
// at end.
func nextItem(src []byte, i, end int, closing byte) int {
	for {
		i = skipSpace(src, i, true)
		switch {
		case i >= end || src[i] == closing:
			return -1
		case src[i] == ',':
			i++
		case src[i] == '#':
			i = endOfLine(src, i)
		default:
			return i
		}
	}
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

// readKey reads a possibly dotted, possibly quoted key. It keeps at most
// maxPathDepth+1 parts: a longer key is never recorded anyway.
func readKey(src []byte, i int) ([]string, int) {
	var keys []string
	add := func(k []byte) {
		if len(keys) <= maxPathDepth {
			keys = append(keys, string(k))
		}
	}
	for i < len(src) {
		i = skipSpace(src, i, false)
		if i >= len(src) {
			break
		}
		switch c := src[i]; {
		case c == '"' || c == '\'':
			j := i + 1
			for j < len(src) && src[j] != c && src[j] != '\n' {
				if c == '"' && src[j] == '\\' && j+1 < len(src) && src[j+1] != '\n' {
					j++
				}
				j++
			}
			add(src[i+1 : j])
			i = j
			if j < len(src) && src[j] == c {
				i++
			}
		case IsBareKey(c):
			j := i
			for j < len(src) && IsBareKey(src[j]) {
				j++
			}
			add(src[i:j])
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

// IsBareKey reports whether c is a character of a bare TOML key.
func IsBareKey(c byte) bool {
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
			i = endOfLine(src, i)
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
				// up to two more quotes belong to the string: """a""""
				i += 3
				for k := 0; k < 2 && i < len(src) && src[i] == q; k++ {
					i++
				}
				return i
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
	return min(i, len(src)) // a backslash that ends the text escapes nothing
}

// Header reports whether the key at path is named by a [table] or
// [[array of tables]] line, not set with =.
func (p *Positions) Header(path ...string) bool {
	p.index()
	s, ok := p.spans[strings.Join(path, ".")]
	return ok && s.val == s.key && s.end == s.key
}

// Has reports whether the key at path appears in the text.
func (p *Positions) Has(path ...string) bool {
	p.index()
	_, ok := p.spans[strings.Join(path, ".")]
	return ok
}

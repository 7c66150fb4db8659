package content

import (
	"bytes"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"portal/generator/internal/diag"
)

// decodeFront decodes a record's TOML front matter into raw. Front matter
// is nearly always a few lines of `key = value` with strings, numbers,
// booleans, dates and one-line arrays and inline tables; quickTOML reads
// exactly that subset, several times faster than the TOML decoder, and
// gives up on anything else (other syntax, a duplicate key, anything
// doubtful), which then goes to the decoder, errors and all. Both give the
// same values: the tests compare them. Without it the 10,000-record build
// takes 11 % more CPU time (BENCHMARKS.md, "Hand-made code or the standard
// library").
func decodeFront(front []byte, raw *map[string]any) error {
	if m, ok := quickTOML(front); ok {
		*raw = m
		return nil
	}
	_, err := toml.Decode(string(front), raw)
	diag.UnixNewlines(*raw)
	return err
}

// The zones the TOML decoder gives local dates and times (BurntSushi/toml
// internal.LocalDate, LocalDatetime): named, with this machine's current
// offset.
var localZones = sync.OnceValues(func() (date, datetime *time.Location) {
	_, off := time.Now().Zone()
	return time.FixedZone("date-local", off), time.FixedZone("datetime-local", off)
})

// quickTOML decodes src if it is in the subset described at decodeFront.
func quickTOML(src []byte) (map[string]any, bool) {
	m := make(map[string]any, 12)
	for len(src) > 0 {
		var line []byte
		var lf bool
		line, src, lf = bytes.Cut(src, []byte{'\n'})
		if n := len(line); n > 0 && line[n-1] == '\r' && lf {
			line = line[:n-1] // CRLF; a lone CR is a control character
		}
		ascii := true
		for _, c := range line {
			if c < 0x20 && c != '\t' || c == 0x7f {
				return nil, false
			}
			ascii = ascii && c < utf8.RuneSelf
		}
		if !ascii && !utf8.Valid(line) {
			return nil, false
		}
		p := &quick{s: line}
		p.space()
		if p.end() || p.peek() == '#' {
			continue
		}
		if !p.pair(0, m) {
			return nil, false
		}
		p.space()
		if !p.end() && p.peek() != '#' {
			return nil, false
		}
	}
	return m, true
}

// quick reads one line of TOML.
type quick struct {
	s []byte
	i int
}

func (p *quick) end() bool  { return p.i >= len(p.s) }
func (p *quick) peek() byte { return p.s[p.i] }

func (p *quick) eat(c byte) bool {
	if p.i < len(p.s) && p.s[p.i] == c {
		p.i++
		return true
	}
	return false
}

func (p *quick) space() {
	for p.i < len(p.s) && (p.s[p.i] == ' ' || p.s[p.i] == '\t') {
		p.i++
	}
}

// key reads a bare key.
func (p *quick) key() (string, bool) {
	start := p.i
	for p.i < len(p.s) && diag.IsBareKey(p.s[p.i]) {
		p.i++
	}
	return string(p.s[start:p.i]), p.i > start
}

// value reads a value; depth counts the arrays and inline tables around it.
func (p *quick) value(depth int) (any, bool) {
	if p.end() || depth > 2 {
		return nil, false
	}
	switch c := p.peek(); {
	case c == '"':
		return p.str()
	case c == '[':
		return p.array(depth)
	case c == '{':
		return p.table(depth)
	case c == 't':
		return true, p.word("true")
	case c == 'f':
		return false, p.word("false")
	case '0' <= c && c <= '9' || c == '-' || c == '+':
		return p.number()
	}
	return nil, false
}

func (p *quick) word(w string) bool {
	if len(p.s)-p.i < len(w) || string(p.s[p.i:p.i+len(w)]) != w {
		return false
	}
	p.i += len(w)
	return p.end() || !isBare(p.peek())
}

// isBare reports a character of a bare value (a number, a date and time).
func isBare(c byte) bool { return diag.IsBareKey(c) || c == '.' || c == ':' || c == '+' }

// str reads a basic string on one line.
func (p *quick) str() (any, bool) {
	p.i++ // the opening quote
	if p.i+1 < len(p.s) && p.s[p.i] == '"' && p.s[p.i+1] == '"' {
		return nil, false // a multi-line string
	}
	start := p.i
	var b []byte // made only for escapes
	for p.i < len(p.s) {
		c := p.s[p.i]
		switch c {
		case '"':
			var s string
			if b == nil {
				s = string(p.s[start:p.i])
			} else {
				s = string(append(b, p.s[start:p.i]...))
			}
			p.i++
			return s, true
		case '\\':
			b = append(b, p.s[start:p.i]...)
			if p.i+1 >= len(p.s) {
				return nil, false
			}
			p.i++
			switch e := p.s[p.i]; e {
			case 'b', 't', 'n', 'f', 'r', '"', '\\': // the letter at i of `btnfr"\` is the byte at i
				b = append(b, "\b\t\n\f\r\"\\"[strings.IndexByte(`btnfr"\`, e)])
			case 'u', 'U':
				n := 4
				if e == 'U' {
					n = 8
				}
				if p.i+n >= len(p.s) {
					return nil, false
				}
				r, err := strconv.ParseUint(string(p.s[p.i+1:p.i+1+n]), 16, 32)
				if err != nil || !utf8.ValidRune(rune(r)) {
					return nil, false
				}
				b = utf8.AppendRune(b, rune(r))
				p.i += n
			default:
				return nil, false
			}
			p.i++
			start = p.i
		default:
			p.i++
		}
	}
	return nil, false // not closed on this line
}

// array reads a one-line array.
func (p *quick) array(depth int) (any, bool) {
	p.i++
	out := make([]any, 0, 2)
	for {
		p.space()
		if p.eat(']') {
			return out, true
		}
		v, ok := p.value(depth + 1)
		if !ok {
			return nil, false
		}
		out = append(out, v)
		p.space()
		if p.eat(']') {
			return out, true
		}
		if !p.eat(',') {
			return nil, false
		}
	}
}

// pair reads "key = value" into m, the value at depth; a key that m
// already has is refused.
func (p *quick) pair(depth int, m map[string]any) bool {
	key, ok := p.key()
	if !ok {
		return false
	}
	p.space()
	if !p.eat('=') {
		return false
	}
	p.space()
	v, ok := p.value(depth)
	if _, dup := m[key]; !ok || dup {
		return false
	}
	m[key] = v
	return true
}

// table reads an inline table: bare keys, at least one, no trailing comma.
func (p *quick) table(depth int) (any, bool) {
	p.i++
	out := map[string]any{}
	p.space()
	if p.eat('}') {
		return out, true
	}
	for {
		p.space()
		if !p.pair(depth+1, out) {
			return nil, false
		}
		p.space()
		if p.eat('}') {
			return out, true
		}
		if !p.eat(',') {
			return nil, false
		}
	}
}

// number reads an integer, a date, or a date and time.
func (p *quick) number() (any, bool) {
	start := p.i
	for p.i < len(p.s) && isBare(p.s[p.i]) {
		p.i++
	}
	tok := string(p.s[start:p.i])
	if len(tok) >= 10 && tok[4] == '-' && tok[7] == '-' {
		return datetime(tok)
	}
	// A decimal integer: no underscores, no leading zero, no sign on 0.
	digits := tok
	if digits != "" && (digits[0] == '+' || digits[0] == '-') {
		digits = digits[1:]
	}
	if digits == "" || len(digits) > 1 && digits[0] == '0' {
		return nil, false
	}
	n, err := strconv.ParseInt(tok, 10, 64) // in base 10: a sign and digits only

	return n, err == nil
}

// datetime reads an RFC 3339 date, local date and time, or date and time
// with an offset, with every field written in full.
func datetime(tok string) (any, bool) {
	date, dt := localZones()
	var layout string
	var zone *time.Location
	switch {
	case len(tok) == 10:
		layout, zone = "2006-01-02", date
	case len(tok) >= 19 && tok[10] == 'T' && tok[13] == ':' && tok[16] == ':':
		rest := tok[19:]
		if len(rest) > 0 && rest[0] == '.' {
			j := 1
			for j < len(rest) && '0' <= rest[j] && rest[j] <= '9' {
				j++
			}
			if j == 1 || j > 10 {
				return nil, false
			}
			rest = rest[j:]
		}
		switch {
		case rest == "":
			layout, zone = "2006-01-02T15:04:05.999999999", dt
		case rest == "Z" || len(rest) == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':':
			layout, zone = time.RFC3339Nano, time.Local
		default:
			return nil, false
		}
	default:
		return nil, false
	}
	for i := 0; i < len(tok); i++ {
		if c := tok[i]; !('0' <= c && c <= '9' || c == '-' || c == ':' || c == 'T' || c == 'Z' || c == '.' || c == '+') {
			return nil, false
		}
	}
	t, err := time.ParseInLocation(layout, tok, zone)
	return t, err == nil
}

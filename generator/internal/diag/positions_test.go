package diag

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// tricky is a front matter with every TOML shape the scanner must survive.
// Its first line is line 2 of the file (lineOff 1, after "+++").
const tricky = `title = "x" # a comment with "quotes", [brackets] and = signs
a.b.c = 1
"quoted key" = 2
'literal.key' = 3
site . "dotted.part" . x = 4
arr = [
  "one", # a comment, with a comma
  "two,three",
  { role = "r", email = "e@x.se" },
]
contacts = [
  { role = "a", email = "a@b.se" },
  { role = "b", email = "b@b.se", name = "B" },
]
text = """
fake = "not a key"
[not.a.table]
"""
lit = '''
also = 'not'
'''
quotes = """ends in quotes"""""
after = 1
when = 2026-03-01 12:00:00
nested = { inner = { deep = true }, list = [1, [2, 3], "4,5"] }
multi = {
  k1 = "v", # TOML 1.1: newlines and comments in inline tables
  k2 = "w",
}
"åäö" = { "ü" = 1, b = 2 }
arrs = [[1, 2], [3]]

[table]
k = "v"
[ table . sub ]
"k 2" = 1
[deep.er]
z = 0
[[aot]]
x = 1
[[aot]]
x = 2
`

// at is an expected position: line of the text (1-based, before lineOff)
// and the first occurrence of mark on it; its column is counted in runes.
type at struct {
	line int
	mark string
}

func (a at) pos(t *testing.T, src string, lineOff int) (int, int) {
	t.Helper()
	lines := strings.Split(src, "\n")
	if a.line < 1 || a.line > len(lines) {
		t.Fatalf("bad line %d in test", a.line)
	}
	l := strings.TrimSuffix(lines[a.line-1], "\r")
	i := strings.Index(l, a.mark)
	if i < 0 {
		t.Fatalf("mark %q not on line %d: %q", a.mark, a.line, l)
	}
	return a.line + lineOff, utf8.RuneCountInString(l[:i]) + 1
}

func TestPositions(t *testing.T) {
	type call struct {
		name string
		f    func(p *Positions) (int, int)
		want at
	}
	key := func(path ...string) func(p *Positions) (int, int) {
		return func(p *Positions) (int, int) { return p.Key(path...) }
	}
	value := func(path ...string) func(p *Positions) (int, int) {
		return func(p *Positions) (int, int) { return p.Value(path...) }
	}
	find := func(needle string, path ...string) func(p *Positions) (int, int) {
		return func(p *Positions) (int, int) { return p.Find(needle, path...) }
	}
	nth := func(n int, path ...string) func(p *Positions) (int, int) {
		return func(p *Positions) (int, int) { return p.Nth(n, path...) }
	}
	start := at{1, "title"}
	calls := []call{
		{"key", key("title"), at{1, "title"}},
		{"value", value("title"), at{1, `"x"`}},
		{"dotted key", key("a", "b", "c"), at{2, "a.b.c"}},
		{"dotted value", value("a", "b", "c"), at{2, "1"}},
		{"parent of dotted key", key("a"), at{2, "a.b.c"}},
		{"parent of dotted key, middle", key("a", "b"), at{2, "a.b.c"}},
		{"unknown child falls back to parent", key("a", "b", "zz"), at{2, "a.b.c"}},
		{"quoted key", key("quoted key"), at{3, `"quoted key"`}},
		{"literal key with a dot", key("literal.key"), at{4, "'literal"}},
		{"spaced dotted key", key("site", "dotted.part", "x"), at{5, "site"}},
		{"spaced dotted value", value("site", "dotted.part", "x"), at{5, "4"}},
		{"multi-line array value", value("arr"), at{6, "["}},
		{"nth 0", nth(0, "arr"), at{7, `"one"`}},
		{"nth skips comment commas", nth(1, "arr"), at{8, `"two`}},
		{"nth skips string commas", nth(2, "arr"), at{9, "{"}},
		{"nth out of range", nth(3, "arr"), at{6, "["}},
		{"inline table in array", key("arr", "2", "email"), at{9, "email"}},
		{"inline table in array, value", value("arr", "2", "email"), at{9, `"e@x.se"`}},
		{"find in array", find("two,three", "arr"), at{8, `"two`}},
		{"find inline value", find("e@x.se", "arr"), at{9, `"e@x.se"`}},
		{"find missing falls back to value", find("nope", "arr"), at{6, "["}},
		{"find empty needle", find("", "arr"), at{6, "["}},
		{"contacts 0", key("contacts", "0"), at{12, "{"}},
		{"contacts 1 name", key("contacts", "1", "name"), at{13, "name"}},
		{"contacts 1 email value", value("contacts", "1", "email"), at{13, `"b@b.se"`}},
		{"contacts 2 falls back", key("contacts", "2", "role"), at{11, "contacts"}},
		{"multi-line basic string", value("text"), at{15, `"""`}},
		{"no key inside a multi-line string", key("fake"), start},
		{"no table inside a multi-line string", key("not", "a", "table"), start},
		{"multi-line literal string", key("lit"), at{19, "lit"}},
		{"no key inside a literal string", key("also"), start},
		{"string ending in extra quotes", value("quotes"), at{22, `"""`}},
		{"key after extra quotes", key("after"), at{23, "after"}},
		{"date and time with a space", value("when"), at{24, "2026"}},
		{"nested inline", key("nested", "inner", "deep"), at{25, "deep"}},
		{"nested inline list", nth(1, "nested", "list"), at{25, "[2"}},
		{"nested inline list, string element", nth(2, "nested", "list"), at{25, `"4,5"`}},
		{"multi-line inline table", key("multi", "k2"), at{28, "k2"}},
		{"multi-line inline table value", value("multi", "k1"), at{27, `"v"`}},
		{"non-ASCII quoted keys", key("åäö", "b"), at{30, "b ="}},
		{"non-ASCII quoted inner key", value("åäö", "ü"), at{30, "1"}},
		{"array of arrays", nth(1, "arrs"), at{31, "[3]"}},
		{"table header", key("table"), at{33, "table"}},
		{"key in table", key("table", "k"), at{34, "k"}},
		{"spaced table header", key("table", "sub"), at{35, "table"}},
		{"quoted key in subtable", key("table", "sub", "k 2"), at{36, `"k 2"`}},
		{"parent of a table header", key("deep"), at{37, "deep"}},
		{"array of tables", key("aot"), at{39, "aot"}},
		{"unknown key", key("nope"), start},
		{"no path", key(), start},
		{"unknown value", value("nope"), start},
		{"nth of a missing key", nth(0, "nope"), start},
		{"nth of a non-array", nth(0, "title"), at{1, `"x"`}},
	}
	for _, crlf := range []bool{false, true} {
		src := tricky
		if crlf {
			src = strings.ReplaceAll(src, "\n", "\r\n")
		}
		p := NewPositions([]byte(src), 1)
		for _, c := range calls {
			t.Run(fmt.Sprintf("%s/crlf=%v", c.name, crlf), func(t *testing.T) {
				wl, wc := c.want.pos(t, tricky, 1)
				if l, col := c.f(p); l != wl || col != wc {
					t.Errorf("got %d:%d, want %d:%d", l, col, wl, wc)
				}
			})
		}
	}
}

func TestTrickyIsTOML(t *testing.T) {
	var m map[string]any
	if _, err := toml.Decode(tricky, &m); err != nil {
		t.Fatal(err)
	}
}

func TestPositionsHas(t *testing.T) {
	p := NewPositions([]byte(tricky), 0)
	for path, want := range map[string]bool{
		"title": true, "a": true, "a.b.c": true, "arr.2": true, "arr.0": false,
		"contacts.1.name": true, "fake": false, "also": false, "not.a.table": false,
		"table.sub.k 2": true, "aot.x": true, "multi.k2": true, "nope": false,
	} {
		if got := p.Has(strings.Split(path, ".")...); got != want {
			t.Errorf("Has(%s) = %v, want %v", path, got, want)
		}
	}
}

func TestLineCol(t *testing.T) {
	src := "ab\nåäö x\n\n" + strings.Repeat("é", 300) + "z\r\nend"
	p := NewPositions([]byte(src), 3)
	for _, c := range []struct {
		off, line, col int
	}{
		{0, 4, 1},
		{2, 4, 3},  // the newline itself
		{3, 5, 1},  // after it
		{10, 5, 5}, // "x" after three two-byte letters and a space
		{12, 6, 1}, // empty line
		{13 + 600, 7, 301},
		{len(src), 8, 4},
		{len(src) + 10, 8, 4}, // clamped
		{-1, 4, 1},            // clamped
	} {
		if l, col := p.LineCol(c.off); l != c.line || col != c.col {
			t.Errorf("LineCol(%d) = %d:%d, want %d:%d", c.off, l, col, c.line, c.col)
		}
	}
	empty := NewPositions(nil, 0)
	if l, c := empty.Key("x"); l != 1 || c != 1 {
		t.Errorf("empty text: %d:%d", l, c)
	}
}

// TestPositionsLimits checks that paths too long or deep to be real keys are
// not recorded, and that problems in them fall back to an enclosing key.
func TestPositionsLimits(t *testing.T) {
	long := strings.Repeat("k", maxPathLen+1)
	deep := strings.Repeat("a.", maxPathDepth) + "b"
	src := "ok = 1\n" + long + " = 2\n" + deep + " = 3\n[" + long + "]\nx = 4\n[t]\ny = { z = " +
		strings.Repeat("{ z = ", maxPathDepth) + "1" + strings.Repeat("}", maxPathDepth+1) + "\n"
	p := NewPositions([]byte(src), 0)
	if p.Has(long) {
		t.Errorf("a key longer than %d bytes is recorded", maxPathLen)
	}
	if p.Has("a") || p.Has(strings.Split(deep, ".")...) {
		t.Errorf("deep key: Has(a)=%v Has(deep)=%v", p.Has("a"), p.Has(strings.Split(deep, ".")...))
	}
	if p.Has(long, "x") {
		t.Errorf("a key under a too-long table is recorded")
	}
	if l, c := p.Key("t", "y", "z"); l != 7 || c != 7 {
		t.Errorf("Key(t.y.z) = %d:%d, want 7:7", l, c)
	}
	z := []string{"t", "y"}
	for range maxPathDepth {
		z = append(z, "z")
	}
	if p.Has(z...) {
		t.Errorf("inline tables deeper than %d are recorded", maxPathDepth)
	}
}

func TestCheckLimits(t *testing.T) {
	nest := func(n int) string { return strings.Repeat("[", n) + strings.Repeat("]", n) }
	for _, c := range []struct {
		name, src string
		want      string // "" means accepted
	}{
		{"flat", "a = [1, 2]\nb = { c = 1 }\n", ""},
		{"max nesting", "a = " + nest(MaxNesting) + "\n", ""},
		{"too deep", "x = 1\na = " + nest(MaxNesting+1) + "\n", "f.md:3:21: arrays and inline tables nest more than 16 levels deep"},
		{"too deep inline tables", "a = " + strings.Repeat("{b=", MaxNesting+1), "f.md:2:53: arrays and inline tables nest more than 16 levels deep"},
		{"brackets in strings", "a = \"" + strings.Repeat("[", 100) + "\"\nb = '''\n" + strings.Repeat("{", 100) + "'''\n", ""},
		{"brackets in comments", "# " + strings.Repeat("[", 100) + "\n", ""},
		{"table headers", strings.Repeat("[[t]]\n", 100), ""},
		{"max key parts", strings.Repeat("a.", MaxKeyParts-1) + "a = 1\n", ""},
		{"too many key parts", strings.Repeat("a.", MaxKeyParts) + "a = 1\n", "f.md:2:32: dotted key has more than 16 parts"},
		{"dots in values", "v = [" + strings.Repeat("1.5, ", 40) + "]\nw = \"" + strings.Repeat(".", 40) + "\"\n", ""},
		{"dotted table header", "[" + strings.Repeat("a.", MaxKeyParts) + "a]\n", "f.md:2:33: dotted key has more than 16 parts"},
		{"non-ASCII before", "å = \"ä\"\nb = " + nest(MaxNesting+1), "f.md:3:21: arrays and inline tables nest more than 16 levels deep"},
	} {
		t.Run(c.name, func(t *testing.T) {
			e, ok := CheckLimits("f.md", []byte(c.src), 1)
			got := ""
			if !ok {
				got = e.Error()
			}
			if got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

// TestUnkept checks that a question asked through Unkept gets Value's
// answer and leaves the positions unscanned, for both ways of making them.
func TestUnkept(t *testing.T) {
	src := []byte("title = \"x\"\ndeadline = 2026-04-30\n")
	for name, p := range map[string]*Positions{
		"NewPositions": NewPositions(src, 1),
		"PositionsOf":  PositionsOf(func() []byte { return src }, 1),
	} {
		line, col := p.Unkept().Value("deadline")
		if line != 3 || col != 12 {
			t.Errorf("%s: deadline at %d:%d, want 3:12", name, line, col)
		}
		if p.spans != nil {
			t.Errorf("%s: scanned and kept", name)
		}
		if l, c := p.Value("deadline"); l != line || c != col {
			t.Errorf("%s: Value %d:%d, Unkept %d:%d", name, l, c, line, col)
		}
	}
}

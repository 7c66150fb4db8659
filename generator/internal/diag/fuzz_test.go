package diag

import (
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// FuzzPositions feeds the scanner any text (not only TOML the decoder
// accepted) and looks up a key path in it. It must never panic or hang,
// every position must lie inside the text, and LineCol must agree with a
// plain count of lines and characters.
func FuzzPositions(f *testing.F) {
	f.Add([]byte(tricky), "contacts.1.name", 1)
	f.Add([]byte("a = [\"x,y\", # c, d\n  { b = 1 }]\n"), "a.1.b", 1)
	f.Add([]byte("s = \"\"\"x\"\"\"\"\"\nn = 1\n"), "n", 0)
	f.Fuzz(func(t *testing.T, src []byte, path string, n int) {
		const lineOff = 1
		keys := strings.Split(path, ".")
		lines := strings.Count(string(src), "\n") + 1
		check := func(what string, line, col int) {
			t.Helper()
			if line < 1+lineOff || line > lines+lineOff || col < 1 || col > len(src)+1 {
				t.Fatalf("%s: position %d:%d outside the text (%d lines)", what, line, col, lines)
			}
		}
		within(t, 10*time.Second, func() {
			p := NewPositions(src, lineOff)
			l, c := p.Key(keys...)
			check("Key", l, c)
			l, c = p.Value(keys...)
			check("Value", l, c)
			l, c = p.Nth(n, keys...)
			check("Nth", l, c)
			l, c = p.Find(path, keys...)
			check("Find", l, c)
			if utf8.Valid(src) {
				for _, off := range []int{0, len(src) / 3, len(src) / 2, len(src)} {
					l, c = p.LineCol(off)
					wl, wc := naiveLineCol(src, off)
					if l != wl+lineOff || c != wc {
						t.Fatalf("LineCol(%d) = %d:%d, want %d:%d", off, l, c, wl+lineOff, wc)
					}
				}
			}
			if e, ok := CheckLimits("f.md", src, lineOff); !ok {
				check("CheckLimits", e.Line, e.Col)
				if e.Path != "f.md" || e.Msg == "" {
					t.Fatalf("CheckLimits: %q", e.Error())
				}
			}
		})
	})
}

// naiveLineCol counts lines and characters up to off, or to the end of the
// rune containing off.
func naiveLineCol(src []byte, off int) (line, col int) {
	line, col = 1, 1
	for i, r := range string(src) {
		if i >= off {
			break
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return line, col
}

// suggestionRE finds the line a message says to write instead, at its
// end: after the last "– write" or ", like" ("write one after =, like
// key = …"); whatever the key, so that one written wrong is found too.
var suggestionRE = regexp.MustCompile(`.*(?:, like|– write) (.+ = .+)$`)

// FuzzDecodeTOML feeds the front matter decoder any text: every line a
// message tells the editor to write must be one the decoder reads, to the
// value the message shows.
func FuzzDecodeTOML(f *testing.F) {
	f.Add([]byte("place: Kista.\nnote: [a.\n"))
	f.Add([]byte("location = C:\\Temp\nhost: \"kth\"  # the host\n"))
	f.Add([]byte("title = hello world\nstart = 28/2 2027\n"))
	f.Add([]byte("\"två ord\" = hello world\n\"a b\" =\n"))
	f.Add([]byte("type = “mou”\npaid = TRUE\nareas = [energi, bygg]\nlevel master\n"))
	f.Add([]byte("type\u00a0= \"mou\"\nområde = 1\n[a\n[b]\n[b]\n"))
	f.Add([]byte("areas = [“energi”, ”bygg”]\nschools = [«abe», \"sci\", cbh]\n[a b]\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		var errs List
		var decoded []byte
		within(t, 10*time.Second, func() {
			errs, _, decoded, _ = DecodeTOML("f.md", src, 1, func(b []byte) error {
				var m map[string]any
				_, err := toml.Decode(string(b), &m)
				return err
			})
		})
		// Lines are blanked in place: every position in src stays.
		if len(decoded) != len(src) {
			t.Fatalf("decoded %d bytes of %d", len(decoded), len(src))
		}
		lines := strings.Split(string(src), "\n")
		for _, e := range errs {
			if e.Path != "f.md" || e.Line < 2 || e.Line > len(lines)+1 || e.Col < 1 ||
				e.Col > utf8.RuneCountInString(lines[e.Line-2])+1 || e.Msg == "" || strings.ContainsAny(e.Msg, "\n\r") {
				t.Fatalf("bad error %q in %q", e.Error(), src)
			}
		}
		for _, e := range errs {
			s := suggestionRE.FindStringSubmatch(e.Msg)
			if s == nil {
				continue
			}
			var m map[string]any
			if _, err := toml.Decode(s[1]+"\n", &m); err != nil {
				t.Fatalf("%q suggests a line that cannot be read: %v", e.Error(), err)
			}
		}
	})
}

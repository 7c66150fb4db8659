package diag

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// TestDecodeTOML checks that a syntax error does not hide the rest of the
// text: each broken line is reported and blanked, the others decoded.
func TestDecodeTOML(t *testing.T) {
	var tooMany []string
	var as []string
	for i := range MaxSyntaxErrors {
		tooMany = append(tooMany, fmt.Sprintf(`f.md:%d:5: a: b is text and needs quotes – write a = "b"`, i+2))
		as = append(as, "a")
	}
	for _, c := range []decodeCase{
		{"clean", "a = 1\nb = 2\n", nil, nil, []string{"a", "b"}, true},
		{"two dates", "title = \"x\"\ndeadline = 2027-02-30\nstart = 28/2 2027\nareas = [\"a\"]\n",
			[]string{
				"f.md:3:12: deadline: 2027-02-30 does not exist – February 2027 has 28 days",
				"f.md:4:9: start: 28/2 2027 is not a date the site can read – dates are written year-month-day, without quotes: write start = 2027-02-28",
			}, []string{"deadline", "start"}, []string{"areas", "title"}, true},
		{"array over lines: the rest reported once", "a = [1,\n2 3]\nb = 1\n",
			[]string{`f.md:2:5: a: the list cannot be read – separate its values with commas and end it with ], like a = ["a", "b"]`},
			[]string{"a"}, []string{"b"}, true},
		{"list without a comma: its own line, once", "date = 2026-03-01\nareas = [\"a\" \"b\"]\nhost = 1\n",
			[]string{`f.md:3:9: areas: the list cannot be read – separate its values with commas and end it with ], like areas = ["a", "b"]`},
			[]string{"areas"}, []string{"date", "host"}, true},
		{"table in a list without a comma", "date = 2026-03-01\ncontacts = [{ role = \"a\" email = \"b\" }]\n",
			[]string{`f.md:3:12: contacts: the list cannot be read – separate its values with commas and end it with ], like contacts = ["a", "b"]`},
			[]string{"contacts"}, []string{"date"}, true},
		{"list left open above a key", "date = 2026-03-01\nareas = [\"a\", \"b\"\nhost = 1\n",
			[]string{`f.md:3:9: areas: the list cannot be read – separate its values with commas and end it with ], like areas = ["a", "b"]`},
			[]string{"areas"}, []string{"date", "host"}, true},
		// A list left open after a comma (schools = ["abe",): the
		// decoder, which reads on over line breaks for the next value,
		// stops at the key below; the list is told, once, not each key
		// below as a value that cannot be read.
		{"list left open after a comma", "date = 2026-03-01\nschools = [\"abe\",\nstart = 2027-01-18\nlanguage = [\"sv\"]\nlocation = \"Bromma\"\n",
			[]string{`f.md:3:11: schools: the list cannot be read – separate its values with commas and end it with ], like schools = ["a", "b"]`},
			[]string{"schools"}, []string{"date", "language", "location", "start"}, true},
		{"list over lines left open after a comma", "contacts = [\n  { role = \"a\", email = \"b@c.se\" },\nstart = 2027-01-18\n",
			[]string{`f.md:2:12: contacts: the list cannot be read – separate its values with commas and end it with ], like contacts = ["a", "b"]`},
			[]string{"contacts"}, []string{"start"}, true},
		{"a key without a value above a key", "a =\nb = 1\n",
			[]string{`f.md:2:1: a has no value – write one after =, like a = "…"`},
			[]string{"a"}, []string{"b"}, true},
		// A no-break space and a comment where the value would be: no
		// value to suggest (it panicked, found by FuzzDecodeTOML); the
		// space told, at it.
		{"a no-break space before a comment", "date = 2026-03-01\na \u00a0#\n",
			[]string{`f.md:3:3: the line has a non-breaking space (U+00A0), which the site does not read as a space – delete it and type a plain space`}, []string{"a"}, []string{"date"}, true},
		// A no-break space in place of the =: its key was set, and is
		// not reported missing as well.
		{"a no-break space for the =", "date = 2026-03-01\ntitle\u00a0\"x\"\n",
			[]string{`f.md:3:6: the line has a non-breaking space (U+00A0), which the site does not read as a space – delete it and type a plain space`}, []string{"title"}, []string{"date"}, true},
		{"an em space after blanks", "date = 2026-03-01\n  title \u2003\"x\"\n",
			[]string{`f.md:3:9: the line has a special space (U+2003), which the site does not read as a space – delete it and type a plain space`}, []string{"title"}, []string{"date"}, true},
		// After a line broken above, a line of a key and a special space
		// in place of the = is told too (it was blanked unreported), and
		// a key that such a space follows is set, whatever the space (a
		// line separator, U+2028, was not) or however the key is written.
		{"a no-break space for the = after a broken line", "date = 28/2 2027\ntitle\u00a0\"x\"\n",
			[]string{
				"f.md:2:8: date: 28/2 2027 is not a date the site can read – dates are written year-month-day, without quotes: write date = 2027-02-28",
				"f.md:3:6: the line has a non-breaking space (U+00A0), which the site does not read as a space – delete it and type a plain space",
			}, []string{"date", "title"}, nil, true},
		{"a line separator for the =", "date = 2026-03-01\ntitle\u2028\"x\"\n",
			[]string{`f.md:3:6: the line has a special space (U+2028), which the site does not read as a space – delete it and type a plain space`}, []string{"title"}, []string{"date"}, true},
		{"a next-line character for the =", "date = 2026-03-01\ntitle\u0085\"x\"\n",
			[]string{`f.md:3:6: the line has a special space (U+0085), which the site does not read as a space – delete it and type a plain space`}, []string{"title"}, []string{"date"}, true},
		{"a no-break space after a quoted key", "date = 2026-03-01\n\"title\"\u00a0\"x\"\n",
			[]string{`f.md:3:8: the line has a non-breaking space (U+00A0), which the site does not read as a space – delete it and type a plain space`}, []string{"title"}, []string{"date"}, true},
		{"a colon, a no-break space and a comment", "date = 2026-03-01\na: \u00a0# x\n",
			[]string{`f.md:3:2: invalid TOML: expected '.' or '=', but got ':' instead`}, nil, []string{"date"}, true},
		{"a quote inside the text", "title = \"Projektet \"Grön stad\" i Hjulsta\"\ndate = 2026-03-01\n",
			[]string{`f.md:2:9: title: the text has a " inside it, which ends the text there – write \" for a quote inside the text, or use typographic quotes (”…”)`},
			[]string{"title"}, []string{"date"}, true},
		// A colon for the = (as in YAML): each such line at its colon, its
		// key not missing, the comment after the value left out.
		{"a colon for the =", "date = 2026-03-01\nhost: \"kth\"  # the host\ncredits: 30\nsummary: \"Obs: \\\"x\\\"\"\n",
			[]string{
				`f.md:3:5: host: a key and its value are joined by =, not ":" – write host = "kth"`,
				`f.md:4:8: credits: a key and its value are joined by =, not ":" – write credits = 30`,
				`f.md:5:8: summary: a key and its value are joined by =, not ":" – write summary = "Obs: \"x\""`,
			}, []string{"host", "credits", "summary"}, []string{"date"}, true},
		// A value that is none as written: bare text is put in quotes; one
		// that quotes cannot mend is not suggested.
		{"a colon before bare text", "date = 2026-03-01\nplace: Kista.\nnote: [a.\n",
			[]string{
				`f.md:3:6: place: a key and its value are joined by =, not ":" – write place = "Kista."`,
				`f.md:4:5: note: a key and its value are joined by =, not ":"`,
			}, []string{"place", "note"}, []string{"date"}, true},
		// Bare text with a backslash is suggested with the backslash
		// written twice: "C:\Users" would not read either.
		{"bare text with a backslash", "date = 2026-03-01\nplace: C:\\Users\\x\nlocation = C:\\Temp\nroom = a\x01b\n",
			[]string{
				`f.md:3:6: place: a key and its value are joined by =, not ":" – write place = "C:\\Users\\x"`,
				`f.md:4:12: location: C:\Temp is text and needs quotes – write location = "C:\\Temp"`,
				`f.md:5:8: room: a\x01b cannot be read – text goes in quotes ("…"), dates as 2027-02-28, numbers as 30, lists as ["a", "b"]`,
			}, []string{"place", "location", "room"}, []string{"date"}, true},
		// A quoted key is written with its quotes: a b = "…" would not
		// read either.
		{"a quoted key", "date = 2026-03-01\n\"a b\" = hello world\n\"c d\" =\n",
			[]string{
				`f.md:3:9: "a b": hello world is text and needs quotes – write "a b" = "hello world"`,
				`f.md:4:1: "c d" has no value – write one after =, like "c d" = "…"`,
			}, []string{"a b", "c d"}, []string{"date"}, true},
		{"a quoted key's list left open", "\"two words\" = [\"a\", \"b\"\nhost = 1\n",
			[]string{`f.md:2:15: "two words": the list cannot be read – separate its values with commas and end it with ], like "two words" = ["a", "b"]`},
			[]string{"two words"}, []string{"host"}, true},
		// A key longer than a message quotes is suggested in quotes, which
		// its clipped form keeps: eeee… = "a b" cannot be read.
		{"a key too long to quote whole", strings.Repeat("e", MaxArg+10) + " = a b\n",
			[]string{
				`f.md:2:314: "` + strings.Repeat("e", MaxArg-1) + `…": a b is text and needs quotes – write "` + strings.Repeat("e", MaxArg-1) + `…" = "a b"`,
			}, []string{strings.Repeat("e", MaxArg+10)}, nil, true},
		// A dot that joins no two parts makes no key to suggest a line of.
		{"a dot that is no key", "date = 2026-03-01\n.=\n",
			[]string{`f.md:3:1: invalid TOML: unexpected '.': keys cannot start with a '.'`}, nil, []string{"date"}, true},
		{"a colon in a text broken above is no key", "summary = \"a\nObs: b\"\ndate = 2026-03-01\n",
			[]string{`f.md:2:11: summary: the text has no closing quote – end it with " on the same line`},
			[]string{"summary"}, []string{"date"}, true},
		{"an escaped quote is fine", "title = \"Projektet \\\"Grön stad\\\"\"\n", nil, nil, []string{"title"}, true},
		{"a backslash", "location = \"C:\\Users\\x\"\nplace = \"a\\q\"\ndate = 2026-03-01\n",
			[]string{
				`f.md:2:12: location: "C:\Users\x" has a backslash (\) the site cannot read – write \\ for each backslash in the text`,
				`f.md:3:9: place: "a\q" has a backslash (\) the site cannot read – write \\ for each backslash in the text`,
			},
			[]string{"location", "place"}, []string{"date"}, true},
		{"text over lines never closed", "title = \"x\"\nsummary = \"\"\"Lång\nsom\ndate = 2026-03-01\nhost = 1\n",
			[]string{`f.md:3:11: summary: the text opened with """ here is never closed – end it with """ where it ends`},
			[]string{"summary"}, []string{"date", "host", "title"}, true},
		{"literal text over lines never closed", "summary = '''Lång\ndate = 2026-03-01\n",
			[]string{`f.md:2:11: summary: the text opened with ''' here is never closed – end it with ''' where it ends`},
			[]string{"summary"}, []string{"date"}, true},
		{"table header", "[a\n", []string{"f.md:2:1: [a has no closing ] – end the line with ]"}, nil, nil, true},
		{"too many", strings.Repeat("a = b\n", MaxSyntaxErrors+1), tooMany, as, nil, false},
	} {
		t.Run(c.name, func(t *testing.T) { c.check(t) })
	}
}

// decodeCase is a text DecodeTOML is given, and what it must say of it.
type decodeCase struct {
	name, src string
	errs      []string
	broken    []string
	keys      []string // decoded at the end
	ok        bool
}

// check decodes c.src and compares the problems, the broken keys and the
// keys decoded with c's.
func (c decodeCase) check(t *testing.T) {
	t.Helper()
	var m map[string]any
	errs, broken, _, ok := DecodeTOML("f.md", []byte(c.src), 1, func(b []byte) error {
		m = nil
		_, err := toml.Decode(string(b), &m)
		return err
	})
	if got := strings.Join(errs.Lines(), "\n"); got != strings.Join(c.errs, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", got, strings.Join(c.errs, "\n"))
	}
	if !slices.Equal(broken, c.broken) || ok != c.ok {
		t.Errorf("broken %q ok %v, want %q %v", broken, ok, c.broken, c.ok)
	}
	if ok {
		var keys []string
		for k := range m {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		if !slices.Equal(keys, c.keys) {
			t.Errorf("keys %q, want %q", keys, c.keys)
		}
	}
}

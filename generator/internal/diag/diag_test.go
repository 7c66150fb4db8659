package diag

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
)

func TestErrorLines(t *testing.T) {
	l := List{
		{Path: "b.md", Line: 2, Col: 1, Msg: "second"},
		{Path: "a.md", Line: 10, Col: 3, Msg: "z"},
		{Path: "a.md", Line: 10, Col: 3, Msg: "a", Severity: SeverityWarning},
		{Path: "a.md", Line: 9, Col: 7, Msg: "first"},
	}
	l.Sort()
	want := "a.md:9:7: first\na.md:10:3: warning: a\na.md:10:3: z\nb.md:2:1: second"
	if got := l.Error(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if n := len(l.Errors()); n != 3 {
		t.Errorf("Errors: %d", n)
	}
	if w := l.Warnings(); len(w) != 1 || w[0].Msg != "a" {
		t.Errorf("Warnings: %v", w)
	}
}

func TestAsList(t *testing.T) {
	e := Error{Path: "p", Line: 1, Col: 1, Msg: "m"}
	for _, c := range []struct {
		name string
		err  error
		n    int
		ok   bool
	}{
		{"list", List{e, e}, 2, true},
		{"single", e, 1, true},
		{"wrapped list", fmt.Errorf("x: %w", List{e}), 1, true},
		{"joined error", errors.Join(errors.New("x"), e), 1, true},
		{"other", errors.New("x"), 0, false},
	} {
		l, ok := AsList(c.err)
		if ok != c.ok || len(l) != c.n {
			t.Errorf("%s: got %d, %v", c.name, len(l), ok)
		}
	}
}

func TestCause(t *testing.T) {
	err := &fs.PathError{Op: "open", Path: "content/x.md", Err: fs.ErrPermission}
	if got := Cause(err); got != "permission denied" {
		t.Errorf("got %q", got)
	}
	if got := Cause(errors.New("plain")); got != "plain" {
		t.Errorf("got %q", got)
	}
}

// TestTOMLError checks decoder errors become one-line positioned errors,
// with the column in characters and the line in the file, in plain words
// where the line says what it meant (at its value), in both languages.
func TestTOMLError(t *testing.T) {
	for _, c := range []struct {
		name, src, en, sv string
	}{
		{"impossible date", "title = \"x\"\ndeadline = 2027-02-30\n",
			`f.md:3:12: deadline: 2027-02-30 does not exist – February 2027 has 28 days`,
			`f.md:3:12: deadline: 2027-02-30 finns inte – februari 2027 har 28 dagar`},
		{"leap day", "date = 2028-02-30\n",
			`f.md:2:8: date: 2028-02-30 does not exist – February 2028 has 29 days`,
			`f.md:2:8: date: 2028-02-30 finns inte – februari 2028 har 29 dagar`},
		{"day and month swapped", "deadline = 28/2 2027\n",
			`f.md:2:12: deadline: 28/2 2027 is not a date the site can read – dates are written year-month-day, without quotes: write deadline = 2027-02-28`,
			`f.md:2:12: deadline: 28/2 2027 är inget datum som webbplatsen kan läsa – datum skrivs år-månad-dag, utan citattecken: skriv deadline = 2027-02-28`},
		{"month 13", "start = 2027-13-01\n",
			`f.md:2:9: start: 2027-13-01 does not exist – a year has 12 months; write year-month-day, like 2027-02-28`,
			`f.md:2:9: start: 2027-13-01 finns inte – ett år har 12 månader; skriv år-månad-dag, t.ex. 2027-02-28`},
		{"one digit", "start = 2027-3-1\n",
			`f.md:2:9: start: 2027-3-1 is not a date the site can read – dates are written year-month-day, without quotes: write start = 2027-03-01`,
			`f.md:2:9: start: 2027-3-1 är inget datum som webbplatsen kan läsa – datum skrivs år-månad-dag, utan citattecken: skriv start = 2027-03-01`},
		{"bad time", "start = 2027-03-01T25:00:00\n",
			`f.md:2:9: start: 2027-03-01T25:00:00 is not a date and time – write it like 2027-02-28T13:15:00`,
			`f.md:2:9: start: 2027-03-01T25:00:00 är ingen tidpunkt – skriv den som 2027-02-28T13:15:00`},
		{"list left open", "areas = [\"energi\"\nhost = \"kth\"\n",
			`f.md:2:9: areas: the list cannot be read – separate its values with commas and end it with ], like areas = ["a", "b"]`,
			`f.md:2:9: areas: listan går inte att läsa – skilj värdena åt med kommatecken och avsluta den med ], t.ex. areas = ["a", "b"]`},
		{"duplicate key", "a = 1\na = 2\n",
			`f.md:3:1: a is set twice – remove one of the lines`,
			`f.md:3:1: a står två gånger – ta bort en av raderna`},
		{"column in characters", "title = \"åäö\" x\n",
			`f.md:2:9: title: "åäö" x cannot be read – text goes in quotes ("…"), dates as 2027-02-28, numbers as 30, lists as ["a", "b"]`,
			`f.md:2:9: title: "åäö" x går inte att läsa – text skrivs inom citattecken ("…"), datum som 2027-02-28, tal som 30, listor som ["a", "b"]`},
		{"carriage return in a value", "title = 0\r0\n",
			`f.md:2:9: title: 0\r0 cannot be read – text goes in quotes ("…"), dates as 2027-02-28, numbers as 30, lists as ["a", "b"]`,
			`f.md:2:9: title: 0\r0 går inte att läsa – text skrivs inom citattecken ("…"), datum som 2027-02-28, tal som 30, listor som ["a", "b"]`},
		{"unclosed string", "title = \"x\n",
			`f.md:2:9: title: the text has no closing quote – end it with " on the same line`,
			`f.md:2:9: title: texten saknar avslutande citattecken – avsluta den med " på samma rad`},
		{"bare word", "title = hello\n",
			`f.md:2:9: title: hello is text and needs quotes – write title = "hello"`,
			`f.md:2:9: title: hello är text och behöver citattecken – skriv title = "hello"`},
		{"no value", "title =\n",
			`f.md:2:1: title has no value – write one after =, like title = "…"`,
			`f.md:2:1: title saknar värde – skriv ett efter =, t.ex. title = "…"`},
		{"invalid UTF-8", "a = \"\xff\"\n",
			`f.md:2:5: invalid TOML: invalid UTF-8 byte: 0xff`,
			`f.md:2:5: raden går inte att läsa – kontrollera citattecken, hakparenteser och likhetstecken (invalid UTF-8 byte: 0xff)`},
		{"not a key", "a = 1\r\n= 2\r\n",
			`f.md:3:1: invalid TOML: unexpected '=': key name appears blank`,
			`f.md:3:1: raden går inte att läsa – kontrollera citattecken, hakparenteser och likhetstecken (unexpected '=': key name appears blank)`},
	} {
		t.Run(c.name, func(t *testing.T) {
			var m map[string]any
			_, err := toml.Decode(c.src, &m)
			if err == nil {
				t.Fatal("decoded")
			}
			e := TOMLError("f.md", []byte(c.src), 1, err)
			if got := e.In(English); got != c.en {
				t.Errorf("got  %s\nwant %s", got, c.en)
			}
			if got := e.In(Swedish); got != c.sv {
				t.Errorf("got  %s\nwant %s", got, c.sv)
			}
		})
	}
	if got := FromTOML("f.md", 4, errors.New("Boom.")).Error(); got != "f.md:5:1: invalid TOML: boom" {
		t.Errorf("plain error: %s", got)
	}
}

// TestPositionsHostile runs the scanner on 1 MiB texts built to make a
// careless scanner quadratic; each must finish quickly.
func TestPositionsHostile(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	const m = 1 << 20
	long := strings.Repeat("a", m/2)
	for name, src := range map[string]string{
		"long table name":     "[" + long + "]\n" + strings.Repeat("x=1\n", m/8),
		"deep table":          "[" + strings.Repeat("a.", m/4) + "a]\n" + strings.Repeat("x=1\n", m/8),
		"nested inline":       "a = " + strings.Repeat("{a=", m/3),
		"nested arrays":       "a = " + strings.Repeat("[", m),
		"inline tables":       "a = [" + strings.Repeat("{b=1},", m/6) + "]",
		"many keys":           strings.Repeat("k=1\n", m/4),
		"long dotted key":     strings.Repeat("a.", m/4) + "b = 1\n",
		"quotes":              strings.Repeat(`"`, m),
		"open triple":         `a = """` + strings.Repeat(`\`, m),
		"brackets":            strings.Repeat("[", m),
		"equals":              strings.Repeat("a=", m/2),
		"commas":              "a=[" + strings.Repeat(",", m),
		"one long line":       "a = [" + strings.Repeat(`"é",`, m/5) + "]",
		"nested inline array": "a = " + strings.Repeat("[{a=", m/4),
	} {
		t.Run(name, func(t *testing.T) {
			within(t, 60*time.Second, func() { // a watchdog against hangs, not a timing: a busy machine must not fail it
				p := NewPositions([]byte(src), 1)
				// Many lookups, as when every key of a file is an error.
				for i := range 100 {
					p.Key("a", "b")
					p.Value("a")
					p.Nth(i%4, "a")
					p.Find("zz", "a")
					p.LineCol(len(src) - i)
				}
				CheckLimits("f.md", []byte(src), 1)
			})
		})
	}
}

// within fails t if f does not return in d: a hang, not a panic.
func within(t testing.TB, d time.Duration, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	select {
	case <-done:
	case <-time.After(d):
		t.Fatalf("did not finish in %v", d)
	}
}

// TestLongArgClipped checks that a message quotes at most MaxArg
// characters of a text (a record's value may be most of a MiB), counted
// in characters, not bytes, with "…" where it is cut; shorter ones whole.
func TestLongArgClipped(t *testing.T) {
	for _, c := range []struct{ value, quoted string }{
		{strings.Repeat("x", MaxArg), strings.Repeat("x", MaxArg)},
		{strings.Repeat("å", MaxArg), strings.Repeat("å", MaxArg)},
		{strings.Repeat("x", 300000), strings.Repeat("x", MaxArg) + "…"},
		{strings.Repeat("å", MaxArg+1), strings.Repeat("å", MaxArg) + "…"},
	} {
		got := M(VocabUnknown, M(WordOrganisation), c.value, "organisations").Text(English)
		if want := fmt.Sprintf(`unknown organisation %q (not in config.toml [organisations]); check the spelling`, c.quoted); got != want {
			t.Errorf("%d characters: %d bytes of message, want %d: %.80s", len([]rune(c.value)), len(got), len(want), got)
		}
	}
}

// TestClipKeepsQuotes clips a text in quotes, as a message suggests a
// value to write, inside its quotes and before an escape it would cut in
// half, so that the line suggested can still be read (FuzzDecodeTOML found
// `write 0 = "A0…XXX…` without its closing quote).
func TestClipKeepsQuotes(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"abcdefgh", "abcd…"},
		{`"abcdefgh"`, `"abc…"`},
		{`"ab\u00e5fgh"`, `"ab…"`},
		{`"a\\\\bcdefgh"`, `"a…"`},
		{`"ab"`, `"ab"`},
		{`"abcdefgh`, `"abc…`},
	} {
		if got := Clip(c.in, 4); got != c.want {
			t.Errorf("Clip(%s, 4) = %s, want %s", c.in, got, c.want)
		}
	}
}

package diag

import (
	"testing"

	"github.com/BurntSushi/toml"
)

// TestDecodeTOMLPasted feeds DecodeTOML the lines editors write in haste
// or paste from a word processor, a phone or a Mac: each is told with the
// line to write, at the place to change.
func TestDecodeTOMLPasted(t *testing.T) {
	for _, c := range []decodeCase{
		{"no equals sign", "host \"kth\"\nlevel master\nsummary\t\"En sammanfattning\" # kort\nareas [\"a\"\ndate = 2026-03-01\n",
			[]string{
				`f.md:2:6: host: a key and its value are joined by = – write host = "kth"`,
				`f.md:3:7: level: a key and its value are joined by = – write level = "master"`,
				`f.md:4:9: summary: a key and its value are joined by = – write summary = "En sammanfattning"`,
				`f.md:5:7: areas: a key and its value are joined by =`,
			},
			[]string{"host", "level", "summary", "areas"}, []string{"date"}, true},
		{"a line of words", "det här är text\n", []string{`f.md:2:5: invalid TOML: expected '.' or '=', but got 'h' instead`}, nil, nil, true},
		// Pasted or typed on a phone or a Mac: typographic quotes, a bare
		// TRUE, a list of bare words, a non-breaking space, a key in
		// Swedish letters.
		{"typographic quotes", "type = “agreement”\ntitle = ”Avtal”\nplace = «Kista»\ndate = 2026-03-01\n",
			[]string{
				`f.md:2:8: type: “agreement” has typographic quotes, which the site cannot read; type straight ones – write type = "agreement"`,
				`f.md:3:9: title: ”Avtal” has typographic quotes, which the site cannot read; type straight ones – write title = "Avtal"`,
				`f.md:4:9: place: «Kista» has typographic quotes, which the site cannot read; type straight ones – write place = "Kista"`,
			}, []string{"type", "title", "place"}, []string{"date"}, true},
		{"a list in typographic quotes", "areas = [“energi”, ”bygg”]\nschools = [“abe”, \"sci\"]\nlanguage = [«sv», en]\ndate = 2026-03-01\n",
			[]string{
				`f.md:2:9: areas: [“energi”, ”bygg”] has typographic quotes, which the site cannot read; type straight ones – write areas = ["energi", "bygg"]`,
				`f.md:3:11: schools: [“abe”, "sci"] has typographic quotes, which the site cannot read; type straight ones – write schools = ["abe", "sci"]`,
				`f.md:4:12: language: [«sv», en] has typographic quotes, which the site cannot read; type straight ones – write language = ["sv", "en"]`,
			}, []string{"areas", "schools", "language"}, []string{"date"}, true},
		{"true in capitals", "paid = TRUE\nconfidential = False\ndate = 2026-03-01\n",
			[]string{
				`f.md:2:8: paid: TRUE is no value the site reads; true and false are written in lower case – write paid = true`,
				`f.md:3:16: confidential: False is no value the site reads; true and false are written in lower case – write confidential = false`,
			}, []string{"paid", "confidential"}, []string{"date"}, true},
		{"a list of bare words", "areas = [energi, bygg]\nschools = [abe]\ndate = 2026-03-01\n",
			[]string{
				`f.md:2:9: areas: [energi, bygg] is text and needs quotes – write areas = ["energi", "bygg"]`,
				`f.md:3:11: schools: [abe] is text and needs quotes – write schools = ["abe"]`,
			}, []string{"areas", "schools"}, []string{"date"}, true},
		{"a non-breaking space", "type\u00a0= \"mou\"\nplace =\u00a0\"Kista\"\ndate = 2026-03-01\n",
			[]string{
				`f.md:2:5: type: the line has a space the site does not read as one (U+00A0, a non-breaking or other special space) – delete it and type a plain space`,
				`f.md:3:8: place: the line has a space the site does not read as one (U+00A0, a non-breaking or other special space) – delete it and type a plain space`,
			}, []string{"type", "place"}, []string{"date"}, true},
		// A zero-width space or a soft hyphen, pasted: it shows as
		// nothing, so told as invisible, at it, the key not missing.
		{"an invisible character", "le\u200bvel = \"master\"\ntype\u200b = \"mou\"\n\u00adplace = \"Kista\"\ndate = 2026-03-01\n",
			[]string{
				`f.md:2:3: level: the line has an invisible character (U+200B, a zero-width space or similar, usually pasted) – delete it: retype the line`,
				`f.md:3:5: type: the line has an invisible character (U+200B, a zero-width space or similar, usually pasted) – delete it: retype the line`,
				`f.md:4:1: place: the line has an invisible character (U+00AD, a zero-width space or similar, usually pasted) – delete it: retype the line`,
			}, []string{"level", "type", "place"}, []string{"date"}, true},
		// A date typed in Word or Outlook: its hyphens made en dashes.
		{"a date with dashes", "deadline = 2026–03–01\nstart = 2026−03−01T13:15:00\nend = 2026–02–30\ndate = 2026-03-01\n",
			[]string{
				`f.md:2:12: deadline: 2026–03–01 has dashes (–) where a date has hyphens (-), as a word processor writes them – write deadline = 2026-03-01`,
				`f.md:3:9: start: 2026−03−01T13:15:00 has dashes (–) where a date has hyphens (-), as a word processor writes them – write start = 2026-03-01T13:15:00`,
				`f.md:4:7: end: 2026–02–30 cannot be read – text goes in quotes ("…"), dates as 2027-02-28, numbers as 30, lists as ["a", "b"]`,
			}, []string{"deadline", "start", "end"}, []string{"date"}, true},
		{"a key in Swedish letters", "område = \"energi\"\ndate = 2026-03-01\n",
			[]string{`f.md:2:1: "område" is no key the site reads: a key has the letters a–z, digits, - and _ only; spell it as in docs/EDITING.md`},
			[]string{"område"}, []string{"date"}, true},
		// Two keys on one line (copied from a table written in braces):
		// told at the second key, both keys not missing.
		{"two keys on one line", "sv = \"Energi\" en = \"Energy\"\ncredits = 30  weeks = 10\ndate = 2026-03-01\n",
			[]string{
				`f.md:2:15: en: each key goes on a line of its own – start a new line before en =`,
				`f.md:3:15: weeks: each key goes on a line of its own – start a new line before weeks =`,
			}, []string{"sv", "en", "credits", "weeks"}, []string{"date"}, true},
		{"table header twice", "[a]\nx = 1\n[a] # again\ny = 2\n", []string{"f.md:4:1: [a] is there twice – give the second its own name, or remove one of them"}, nil, []string{"a"}, true},
	} {
		t.Run(c.name, func(t *testing.T) { c.check(t) })
	}
}

// TestDecodeTOMLSpaceAt checks a line the decoder stops at for a
// no-break space (or another special space) where no = follows the key,
// as text pasted from a word processor brings: told in the project's
// words, in both languages, at the space; the space escaped where a
// message quotes the line (never here: the message names it by its code).
func TestDecodeTOMLSpaceAt(t *testing.T) {
	const (
		nbspEn = `the line has a non-breaking space (U+00A0), which the site does not read as a space – delete it and type a plain space`
		nbspSv = `raden har ett hårt mellanslag (U+00A0), som webbplatsen inte läser som ett mellanslag – ta bort det och skriv ett vanligt mellanslag`
	)
	for _, c := range []struct {
		name, src string
		en, sv    string
	}{
		{"before a comment", "a \u00a0#\n", "f.md:2:3: " + nbspEn, "f.md:2:3: " + nbspSv},
		{"before a comment, no blank", "a\u00a0# note\n", "f.md:2:2: " + nbspEn, "f.md:2:2: " + nbspSv},
		{"at the end of the line", "title\u00a0\n", "f.md:2:6: " + nbspEn, "f.md:2:6: " + nbspSv},
		{"after blanks at the end", "title \u00a0\n", "f.md:2:7: " + nbspEn, "f.md:2:7: " + nbspSv},
		{"in place of the =", "title\u00a0\"x\"\n", "f.md:2:6: " + nbspEn, "f.md:2:6: " + nbspSv},
		{"before the key", "date = 2026-03-01\n\u00a0title = \"x\"\n", "f.md:3:1: " + nbspEn, "f.md:3:1: " + nbspSv},
		{"after a value, before its comment", "title = \"Å\"\u00a0# x\n", "f.md:2:12: " + nbspEn, "f.md:2:12: " + nbspSv},
		{"a narrow no-break space", "a\u202f#\n",
			"f.md:2:2: the line has a non-breaking space (U+202F), which the site does not read as a space – delete it and type a plain space",
			"f.md:2:2: raden har ett hårt mellanslag (U+202F), som webbplatsen inte läser som ett mellanslag – ta bort det och skriv ett vanligt mellanslag"},
		{"an em space", "a\u2003#\n",
			"f.md:2:2: the line has a special space (U+2003), which the site does not read as a space – delete it and type a plain space",
			"f.md:2:2: raden har ett särskilt mellanslag (U+2003), som webbplatsen inte läser som ett mellanslag – ta bort det och skriv ett vanligt mellanslag"},
	} {
		t.Run(c.name, func(t *testing.T) {
			errs, _, _, _ := DecodeTOML("f.md", []byte(c.src), 1, func(b []byte) error {
				var m map[string]any
				_, err := toml.Decode(string(b), &m)
				return err
			})
			if len(errs) != 1 {
				t.Fatalf("%d problems: %q", len(errs), errs.Lines())
			}
			if got := errs[0].In(English); got != c.en {
				t.Errorf("English:\n%s\nwant:\n%s", got, c.en)
			}
			if got := errs[0].In(Swedish); got != c.sv {
				t.Errorf("Swedish:\n%s\nwant:\n%s", got, c.sv)
			}
		})
	}
}

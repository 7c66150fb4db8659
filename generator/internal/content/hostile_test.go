package content

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestLoadHostile loads files near the 1 MiB limit built to make a careless
// parser slow: each must be refused or accepted in seconds, with positioned
// errors.
func TestLoadHostile(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	const budget = MaxFileSize - 1024
	fill := func(head, unit, tail string) string {
		n := (budget - len(head) - len(tail)) / len(unit)
		return head + strings.Repeat(unit, n) + tail
	}
	numbered := func(head, format, tail string) string {
		var b strings.Builder
		b.WriteString(head)
		for i := 0; b.Len() < budget-len(tail)-64; i++ {
			fmt.Fprintf(&b, format, i)
		}
		b.WriteString(tail)
		return b.String()
	}
	cfg := testConfig(t)
	for name, front := range map[string]string{
		"many unknown keys":      numbered(thesis+"\n", "k%d = 1\n", ""),
		"many unknown areas":     numbered(thesis+"\nschools = [", `"s%d",`, "]"),
		"many bad contacts":      numbered(thesis+"\ncontacts = [", `{ role = "r", email = "bad%d", x = 1 },`, "]"),
		"many signatories":       numbered(agreementFront+"\nsignatories = [", `{ name = "n", title = "t", org = "o%d" },`, "]"),
		"nested inline tables":   fill(thesis+"\nx = ", "{a=", ""),
		"nested arrays":          fill(thesis+"\nx = ", "[", ""),
		"long dotted key":        fill(thesis+"\n", "a.", "b = 1"),
		"one long string":        fill(thesis+"\nlocation = \"", "å", "\""),
		"long multi-line string": fill(thesis+"\nlocation = \"\"\"", "\\\n", "\"\"\""),
		"many tables":            numbered(thesis+"\n", "[t%d]\n", ""),
		"many lines of comments": fill(thesis+"\n", "#\n", ""),
		"array of many strings":  fill(thesis+"\nlanguage = [", `"sv",`, "]"),
		"deep table":             fill(thesis+"\n[", "a.", "b]\nx = 1"),
		"unclosed string":        fill(thesis+"\nlocation = \"", "x", ""),
	} {
		t.Run(name, func(t *testing.T) {
			// A watchdog against hangs (a quadratic parser takes minutes
			// here), not a speed test: speed is BenchmarkLoad's. Linear
			// cases take ~3 s alone; the margin absorbs a busy machine.
			limit := 60 * time.Second
			if raceEnabled {
				limit *= 10
			}
			checkLoad(t, cfg, map[string]string{"content/theses/a.md": "+++\n" + front + "\n+++\n"}, limit)
		})
	}
}

const agreementFront = `title = "Avtal"
date = 2026-01-01
areas = ["bygg"]
type = "mou"
parties = ["kth", "stad"]
signed = 2026-01-01
status = "active"`

// TestLoadHiddenCharacters refuses the characters that make text read
// otherwise than it is written (Trojan Source): a bidirectional override
// in a title shows "Avtal\u202Efdp.exe" as "Avtalexe.pdf"; a control
// character has no place in text, nor U+FFFE or U+FFFF, which are no
// characters (a byte order mark read the wrong way round), and which XML
// (Atom, the sitemap) cannot hold. Each is an error at the string, or in
// the body at the character; tabs, line breaks and the marks U+200E,
// U+200F stay allowed.
func TestLoadHiddenCharacters(t *testing.T) {
	fsys := mapFS(map[string]string{
		"content/theses/a.md": rec(with(thesis, `title = "Energidata i skolor"`, "title = \"Avtal\u202efdp.exe\"",
			"", `contacts = [{ role = "r", email = "a@example.se", name = "N\u2066N" }]`,
			"", "location = \"Tab\\there \u200e\u200f\"")) + "Ett\u001b[31m röd\n",
		"content/theses/a.en.md": "+++\ntitle = \"Energy\\u0085data\"\n+++\n\nBody\u202a here.\n",
		"content/theses/b.md":    rec(with(thesis, "", `summary = """Line one`+"\r\n"+`line two"""`)) + "Tab\there.\n",
		"content/theses/c.md":    rec(with(thesis, `title = "Energidata i skolor"`, "title = \"Energi\ufffedata\"")) + "Text\uffff.\n",
	})
	_, got := load(t, fsys)
	want := []string{
		`content/theses/a.en.md:2:9: title holds the invisible control character U+0085, which can change how the text around it reads; delete it`,
		`content/theses/a.en.md:5:5: the text holds the invisible control character U+202A, which can change how the text around it reads; delete it`,
		`content/theses/a.md:2:9: title holds the invisible control character U+202E, which can change how the text around it reads; delete it`,
		`content/theses/a.md:9:12: contacts holds the invisible control character U+2066, which can change how the text around it reads; delete it`,
		`content/theses/a.md:14:4: the text holds the invisible control character U+001B, which can change how the text around it reads; delete it`,
		`content/theses/c.md:2:9: title holds the invisible control character U+FFFE, which can change how the text around it reads; delete it`,
		`content/theses/c.md:12:5: the text holds the invisible control character U+FFFF, which can change how the text around it reads; delete it`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestLoadHTMLInTitles checks that markup in titles and summaries is kept
// as text: content does not escape or strip, the templates escape.
func TestLoadHTMLInTitles(t *testing.T) {
	title := `<script>alert("t")</script> & <b>`
	fsys := mapFS(map[string]string{
		"content/theses/a.md": rec(with(thesis, `title = "Energidata i skolor"`, "title = '"+title+"'", "", `summary = "<img src=x onerror=alert(1)>"`)),
	})
	set, errs := load(t, fsys)
	if errs != nil {
		t.Fatal(errs)
	}
	v := set.Records[0].Own()
	if v.Title != title || v.Summary != "<img src=x onerror=alert(1)>" {
		t.Errorf("title %q summary %q", v.Title, v.Summary)
	}
}

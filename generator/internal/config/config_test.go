package config

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf16"

	"portal/generator/internal/diag"
	"portal/generator/internal/kinds"
	"portal/generator/internal/linktest"
)

// base is a small valid config. Its line numbers matter to the cases below.
const base = `title = { sv = "Portal", en = "Portal EN" }
baseURL = "https://example.org"
defaultLanguage = "sv"
languages = ["en", "sv"]
timeZone = "Europe/Stockholm"
pageSize = 10

[sections.theses]
sv = "exjobb"
en = "theses"
[sections.internships]
sv = "praktik"
en = "internships"
[sections.lectures]
sv = "gastforelasningar"
en = "guest-lectures"
[sections.collaborations]
sv = "samarbeten"
en = "collaborations"
[sections.agreements]
sv = "avtal"
en = "agreements"
[sections.exchanges]
sv = "personutbyten"
en = "exchanges"
[sections.followups]
sv = "uppfoljning"
en = "follow-ups"

[areas.energi]
sv = "Energi"
en = "Energy"
[areas.bygg]
sv = "Bygg"

[organisations.stad]
sv = "Staden"
type = "city"
[organisations.kth]
sv = "KTH"
en = "KTH Royal Institute of Technology"
type = "kth"

[schools.abe]
sv = "ABE"
`

func TestParseValid(t *testing.T) {
	c, err := ParseWith([]byte(base), kinds.Default())
	if err != nil {
		t.Fatal(err)
	}
	for _, check := range []struct {
		what      string
		got, want any
	}{
		{"baseURL gets a slash", c.BaseURL, "https://example.org/"},
		{"default language first", strings.Join(c.Languages, ","), "sv,en"},
		{"page size", c.PageSize, 10},
		{"time zone", c.TimeZone.String(), "Europe/Stockholm"},
		{"section", c.Section("followups", "en"), "follow-ups"},
		{"areas in file order", c.Areas.Terms[0].Key + "," + c.Areas.Terms[1].Key, "energi,bygg"},
		{"organisations in file order", c.Organisations.Terms[0].Key, "stad"},
		{"missing name falls back to the key", c.Areas.Get("bygg").Name("en"), "bygg"},
		{"name", c.Organisations.Get("kth").Name("en"), "KTH Royal Institute of Technology"},
		{"type", c.Organisations.Get("kth").Type, "kth"},
		{"unknown term", c.Schools.Get("eecs") == nil, true},
		{"title", c.Title["en"], "Portal EN"},
		{"no translation expected by default", len(c.Translations), 0},
	} {
		if check.got != check.want {
			t.Errorf("%s: got %v, want %v", check.what, check.got, check.want)
		}
	}
	withPolicy := strings.Replace(base, "[schools.abe]\n", "[translations]\nexpected = [\"theses\", \"pages\"]\n[schools.abe]\n", 1)
	if c, err := ParseWith([]byte(withPolicy), kinds.Default()); err != nil || !c.Translations["theses"] || !c.Translations["pages"] || c.Translations["lectures"] {
		t.Errorf("[translations] expected: %v %v", c, err)
	}
	noPageSize := strings.Replace(base, "pageSize = 10\n", "", 1)
	if c, err := ParseWith([]byte(noPageSize), kinds.Default()); err != nil || c.PageSize != 20 {
		t.Errorf("default pageSize: %v %v", c, err)
	}
	crlf := strings.ReplaceAll(strings.Replace(base, `sv = "Energi"`, `sv = '''Energi och
klimat'''`, 1), "\n", "\r\n")
	if c, err := ParseWith([]byte(crlf), kinds.Default()); err != nil || c.Areas.Get("energi").Name("sv") != "Energi och\nklimat" {
		t.Errorf("a name over two lines, CRLF: %q %v", c.Areas.Get("energi").Name("sv"), err)
	}
}

// edit is a change to base: replace old (which must occur) with new.
type edit struct{ old, new string }

func TestParseErrors(t *testing.T) {
	for _, c := range []struct {
		name  string
		edits []edit
		want  []string
	}{
		{"unknown top-level key", []edit{{"pageSize = 10\n", "pageSize = 10\npagesize = 10\n"}},
			[]string{`config.toml:7:1: unknown key "pagesize" (did you mean "pageSize"?)`}},
		// Saved by Notepad: a byte order mark, which no editor shows, is
		// no column, and the line is still told in plain words.
		{"syntax error after a byte order mark", []edit{{"title = {", "\ufeffpageSize = 2x\ntitle = {"}, {"pageSize = 10\n", ""}},
			[]string{`config.toml:1:12: pageSize: 2x cannot be read – text goes in quotes ("…"), dates as 2027-02-28, numbers as 30, lists as ["a", "b"]`}},
		{"a required key misspelt", []edit{{"baseURL = ", "baseURl = "}},
			[]string{`config.toml:2:1: unknown key "baseURl" (did you mean "baseURL"?)`}},
		{"an unknown top-level key like none", []edit{{"pageSize = 10\n", "pageSize = 10\ncolour = \"blue\"\n"}},
			[]string{`config.toml:7:1: unknown key "colour"; remove it, or spell it as one of the keys in docs/EDITING.md`}},
		{"unknown key in a vocabulary term", []edit{{"type = \"kth\"\n", "type = \"kth\"\ntyp = \"kth\"\n"}},
			[]string{`config.toml:43:1: unknown key "typ" in [organisations.kth]; remove it (a term has a name per language, and an organisation a type)`}},
		{"name in an unknown language", []edit{{"sv = \"Bygg\"\n", "sv = \"Bygg\"\nsw = \"Bygg\"\n"}},
			[]string{`config.toml:35:1: unknown key "sw" in areas.bygg: languages are sv, en`}},
		{"title in an unknown language", []edit{{`en = "Portal EN" }`, `en = "Portal EN", de = "Portal DE" }`}},
			[]string{`config.toml:1:44: unknown key "de" in title: languages are sv, en`}},
		{"section in an unknown language", []edit{{"en = \"theses\"\n", "en = \"theses\"\nfi = \"x\"\n"}},
			[]string{`config.toml:11:1: unknown key "fi" in sections.theses: languages are sv, en`}},
		{"name with a direction override", []edit{{`sv = "Bygg"`, `sv = "Bygg\u202Eeeb"`}},
			[]string{`config.toml:34:6: areas.bygg.sv holds the invisible control character U+202E, which can change how the text around it reads; delete it`}},
		{"title with a control character", []edit{{`en = "Portal EN" }`, `en = "Portal\u0007EN" }`}},
			[]string{`config.toml:1:31: title.en holds the invisible control character U+0007, which can change how the text around it reads; delete it`}},
		{"name not a string", []edit{{`sv = "Bygg"`, `sv = 1`}},
			[]string{`config.toml:34:6: areas.bygg.sv must be text in straight quotes, like "…"`}},
		{"pageSize a string", []edit{{"pageSize = 10", `pageSize = "10"`}},
			[]string{`config.toml:6:12: pageSize must be a whole number from 1 to 1000, like 20, without quotes`}},
		{"pageSize zero", []edit{{"pageSize = 10", `pageSize = 0`}},
			[]string{`config.toml:6:12: pageSize must be a whole number from 1 to 1000, like 20, without quotes`}},
		{"pageSize a word", []edit{{"pageSize = 10", `pageSize = tjugo`}},
			[]string{`config.toml:6:12: pageSize must be a whole number from 1 to 1000, like 20, without quotes`}},
		{"pageSize in typographic quotes", []edit{{"pageSize = 10", `pageSize = “10”`}},
			[]string{`config.toml:6:12: pageSize must be a whole number from 1 to 1000, like 20, without quotes`}},
		{"pageSize with a colon and a word", []edit{{"pageSize = 10", `pageSize: tjugo`}},
			[]string{`config.toml:6:9: pageSize: a key and its value are joined by =, not ":"`}},
		{"languages bare words", []edit{{`languages = ["en", "sv"]`, `languages = en, sv`}},
			[]string{`config.toml:4:13: languages: en, sv is text and needs quotes – write languages = ["en", "sv"]`}},
		{"languages in typographic quotes", []edit{{`languages = ["en", "sv"]`, `languages = “sv”`}},
			[]string{`config.toml:4:13: languages: “sv” has typographic quotes, which the site cannot read; type straight ones – write languages = ["sv"]`}},
		{"languages with a colon", []edit{{`languages = ["en", "sv"]`, `languages: en`}},
			[]string{`config.toml:4:10: languages: a key and its value are joined by =, not ":" – write languages = ["en"]`}},
		{"a text key bare is still told to quote it", []edit{{`"https://example.org"`, `https://example.org`}},
			[]string{`config.toml:2:11: baseURL: https://example.org is text and needs quotes – write baseURL = "https://example.org"`}},
		{"baseURL not http", []edit{{`"https://example.org"`, `"javascript:alert(1)"`}},
			[]string{`config.toml:2:11: baseURL must be an absolute http(s) URL like "https://samverkan.example.se/"`}},
		{"baseURL without a host", []edit{{`"https://example.org"`, `"https://"`}},
			[]string{`config.toml:2:11: baseURL must be an absolute http(s) URL like "https://samverkan.example.se/": it has no host`}},
		{"baseURL with a port only", []edit{{`"https://example.org"`, `"https://:8080/"`}},
			[]string{`config.toml:2:11: baseURL must be an absolute http(s) URL like "https://samverkan.example.se/": it has no host`}},
		{"baseURL with a space in the host", []edit{{`"https://example.org"`, `"https://exam ple.org/"`}},
			[]string{`config.toml:2:11: baseURL must be an absolute http(s) URL like "https://samverkan.example.se/"`}},
		{"baseURL with a query", []edit{{`"https://example.org"`, `"https://example.org/?a=1"`}},
			[]string{`config.toml:2:11: baseURL must be an absolute http(s) URL like "https://samverkan.example.se/": no user, query or fragment`}},
		{"baseURL with a user", []edit{{`"https://example.org"`, `"https://me@example.org/"`}},
			[]string{`config.toml:2:11: baseURL must be an absolute http(s) URL like "https://samverkan.example.se/": no user, query or fragment`}},
		// Written percent-encoded into the feeds, sitemap and canonical
		// links, which feed readers and crawlers do not resolve.
		{"baseURL with a host not in ASCII", []edit{{`"https://example.org"`, `"https://samverkan.exämpel.se/"`}},
			[]string{`config.toml:2:11: baseURL: write the host "samverkan.exämpel.se" in its ASCII form (punycode, xn--…), as the domain's registrar gives it: feed readers and crawlers do not resolve it as written, percent-encoded in feeds, the sitemap and canonical links`}},
		{"baseURL with a host percent-encoded", []edit{{`"https://example.org"`, `"https://samverkan.ex%C3%A4mpel.se/"`}},
			[]string{`config.toml:2:11: baseURL: write the host "samverkan.exämpel.se" in its ASCII form (punycode, xn--…), as the domain's registrar gives it: feed readers and crawlers do not resolve it as written, percent-encoded in feeds, the sitemap and canonical links`}},
		{"baseURL with a colon and no port", []edit{{`"https://example.org"`, `"https://example.org:/"`}},
			[]string{`config.toml:2:11: baseURL must be an absolute http(s) URL like "https://samverkan.example.se/": a colon after the host needs a port number, or remove it`}},
		// The pages link from the root of the host: a path was in the
		// absolute URLs alone.
		{"baseURL with a path", []edit{{`"https://example.org"`, `"https://example.org/portal"`}},
			[]string{`config.toml:2:11: baseURL must be the root of its host, like "https://samverkan.example.se/", without the path /portal: the site's pages link from the root (/exjobb/), so its feeds, sitemap and canonical links would lead elsewhere; publish the site at the root of a host of its own`}},
		{"baseURL with a path and a slash", []edit{{`"https://example.org"`, `"https://example.org/samverkan/portal/"`}},
			[]string{`config.toml:2:11: baseURL must be the root of its host, like "https://samverkan.example.se/", without the path /samverkan/portal/: the site's pages link from the root (/exjobb/), so its feeds, sitemap and canonical links would lead elsewhere; publish the site at the root of a host of its own`}},
		{"baseURL with a file", []edit{{`"https://example.org"`, `"https://example.org/index.html"`}},
			[]string{`config.toml:2:11: baseURL must be the root of its host, like "https://samverkan.example.se/", without the path /index.html: the site's pages link from the root (/exjobb/), so its feeds, sitemap and canonical links would lead elsewhere; publish the site at the root of a host of its own`}},
		{"baseURL with two slashes", []edit{{`"https://example.org"`, `"https://example.org//"`}},
			[]string{`config.toml:2:11: baseURL must be the root of its host, like "https://samverkan.example.se/", without the path //: the site's pages link from the root (/exjobb/), so its feeds, sitemap and canonical links would lead elsewhere; publish the site at the root of a host of its own`}},
		{"baseURL with a path not in ASCII", []edit{{`"https://example.org"`, `"https://example.org/för/"`}},
			[]string{`config.toml:2:11: baseURL must be the root of its host, like "https://samverkan.example.se/", without the path /f%C3%B6r/: the site's pages link from the root (/exjobb/), so its feeds, sitemap and canonical links would lead elsewhere; publish the site at the root of a host of its own`}},
		{"local time zone", []edit{{`"Europe/Stockholm"`, `"Local"`}},
			[]string{`config.toml:5:12: time zone "Local" depends on the computer; name a zone like "Europe/Stockholm"`}},
		{"two sections, one segment", []edit{{`sv = "praktik"`, `sv = "exjobb"`}},
			[]string{`config.toml:12:6: section segment "exjobb" is already the URL of [sections.theses] (/exjobb/)`}},
		{"two sections, one segment in English", []edit{{`en = "follow-ups"`, `en = "theses"`}},
			[]string{`config.toml:28:6: section segment "theses" is already the URL of [sections.theses] (/en/theses/)`}},
		{"section on an index", []edit{{`sv = "exjobb"`, `sv = "omraden"`}},
			[]string{`config.toml:9:6: section segment "omraden" is already the URL of the areas index (/omraden/)`}},
		{"section on an English index", []edit{{`en = "theses"`, `en = "schools"`}},
			[]string{`config.toml:10:6: section segment "schools" is already the URL of the schools index (/en/schools/)`}},
		{"section on a language", []edit{{`sv = "avtal"`, `sv = "en"`}},
			[]string{`config.toml:21:6: section segment "en" is already the URL of the "en" pages (/en/)`}},
		{"section on the assets", []edit{{`sv = "avtal"`, `sv = "assets"`}},
			[]string{`config.toml:21:6: section segment "assets" is already the URL of the assets (/assets/)`}},
		{"section on the English search index", []edit{{`en = "theses"`, `en = "search"`}},
			[]string{`config.toml:10:6: section segment "search" is already the URL of the search index (/en/search/)`}},
		{"unknown time zone", []edit{{`"Europe/Stockholm"`, `"Mars/Olympus_Mons"`}},
			[]string{`config.toml:5:12: unknown time zone "Mars/Olympus_Mons"; write a zone like "Europe/Stockholm"`}},
		{"time zone path", []edit{{`"Europe/Stockholm"`, `"../../../etc/passwd"`}},
			[]string{`config.toml:5:12: unknown time zone "../../../etc/passwd"; write a zone like "Europe/Stockholm"`}},
		{"title a string", []edit{{`title = { sv = "Portal", en = "Portal EN" }`, `title = "Portal"`}},
			[]string{`config.toml:1:9: title must be a table of language = text`}},
		{"title missing a language", []edit{{`, en = "Portal EN"`, ``}},
			[]string{`config.toml:1:1: title has no "en" text; add it, like en = "…"`}},
		{"defaultLanguage not listed", []edit{{`defaultLanguage = "sv"`, `defaultLanguage = "de"`}},
			[]string{`config.toml:3:19: defaultLanguage "de" is not in languages; add it there`}},
		{"defaultLanguage not a string", []edit{{`defaultLanguage = "sv"`, `defaultLanguage = 1`}},
			[]string{`config.toml:3:19: defaultLanguage must be a two-letter language code like "sv"`}},
		{"languages not an array", []edit{{`languages = ["en", "sv"]`, `languages = "sv"`}},
			[]string{`config.toml:4:13: languages must list at least one language, like ["sv", "en"]`}},
		{"languages empty", []edit{{`languages = ["en", "sv"]`, `languages = []`}},
			[]string{`config.toml:4:13: languages must list at least one language, like ["sv", "en"]`}},
		{"language not a code", []edit{{`languages = ["en", "sv"]`, `languages = ["sv", "../en", 3]`}},
			[]string{
				`config.toml:4:20: languages must list two-letter language codes like "sv"`,
				`config.toml:4:29: languages must list two-letter language codes like "sv"`,
			}},
		{"language twice", []edit{{`languages = ["en", "sv"]`, `languages = ["en", "sv", "en"]`}},
			[]string{`config.toml:4:26: language "en" is listed twice in languages; remove one`}},
		{"vocabulary key not a slug", []edit{{"[areas.bygg]", "[areas.Bygg]"}},
			[]string{`config.toml:33:2: key "Bygg" is not a slug (lowercase letters, digits and hyphens)`}},
		{"vocabulary term not a table", []edit{{"[schools.abe]\nsv = \"ABE\"\n", "[schools]\nabe = \"ABE\"\n"}},
			[]string{`config.toml:45:7: [schools.abe] must be a table: write [schools.abe] on a line of its own, then its names, like sv = "…"`}},
		{"vocabulary not a table", []edit{{"[schools.abe]\nsv = \"ABE\"\n", ""}, {"pageSize = 10\n", "pageSize = 10\nschools = 1\n"}},
			[]string{`config.toml:7:11: schools must be a table per term: write [schools.<key>] on a line of its own`}},
		{"organisation type", []edit{{`type = "city"`, `type = "university"`}},
			[]string{`config.toml:38:8: type must be one of kth, city, city-administration, city-company, other`}},
		{"organisation without a type", []edit{{"type = \"city\"\n", ""}},
			[]string{`config.toml:36:2: [organisations.stad] needs a type, like type = "kth"`}},
		{"missing section table", []edit{{"[sections.followups]\nsv = \"uppfoljning\"\nen = \"follow-ups\"\n", ""}},
			[]string{`config.toml:8:2: missing [sections.followups]; add the table with a segment per language`}},
		{"missing section segment", []edit{{"sv = \"praktik\"\n", ""}},
			[]string{`config.toml:11:2: [sections.internships] has no "sv" segment; add a line sv = "…" to it`}},
		{"section segment not a slug", []edit{{`sv = "praktik"`, `sv = "Prak tik"`}},
			[]string{`config.toml:12:6: section segment "Prak tik" is not a slug: use lowercase letters a–z, digits and hyphens`}},
		{"section of an unknown kind", []edit{{"[areas.energi]", "[sections.blog]\nsv = \"blogg\"\n[areas.energi]"}},
			[]string{`config.toml:30:2: unknown kind "blog" in [sections]; check the spelling`}},
		{"missing tables", []edit{{"[areas.energi]\nsv = \"Energi\"\nen = \"Energy\"\n[areas.bygg]\nsv = \"Bygg\"\n", ""},
			{base[strings.Index(base, "[sections.theses]"):strings.Index(base, "[areas.energi]")], ""}},
			[]string{`config.toml:1:1: missing required table [areas]; add the table with its keys`,
				`config.toml:1:1: missing required table [sections]; add the table with its keys`}},
		{"empty file", []edit{{base, ""}},
			[]string{
				`config.toml:1:1: missing required key "baseURL"; add a line that starts with baseURL =`,
				`config.toml:1:1: missing required key "defaultLanguage"; add a line that starts with defaultLanguage =`,
				`config.toml:1:1: missing required key "languages"; add a line that starts with languages =`,
				`config.toml:1:1: missing required key "timeZone"; add a line that starts with timeZone =`,
				`config.toml:1:1: missing required key "title"; add a line that starts with title =`,
				`config.toml:1:1: missing required table [areas]; add the table with its keys`,
				`config.toml:1:1: missing required table [organisations]; add the table with its keys`,
				`config.toml:1:1: missing required table [sections]; add the table with its keys`,
			}},
		{"invalid TOML", []edit{{"pageSize = 10", "pageSize = 2026-02-30"}},
			[]string{`config.toml:6:12: pageSize: 2026-02-30 does not exist – February 2026 has 28 days`}},
		{"duplicate table", []edit{{"[schools.abe]\nsv = \"ABE\"\n", "[schools.abe]\nsv = \"ABE\"\n[schools.abe]\n"}},
			[]string{`config.toml:46:1: [schools.abe] is there twice – give the second its own name, or remove one of them`}},
		{"translations: unknown kind", []edit{{"[schools.abe]\n", "[translations]\nexpected = [\"pages\", \"thesis\"]\n[schools.abe]\n"}},
			[]string{`config.toml:45:22: unknown kind "thesis" in [translations] expected (kinds: theses, internships, lectures, collaborations, agreements, exchanges, followups, pages)`}},
		{"translations: unknown key", []edit{{"[schools.abe]\n", "[translations]\nexpect = [\"theses\"]\n[schools.abe]\n"}},
			[]string{`config.toml:45:1: unknown key "expect" in [translations] (it has expected = [kinds])`}},
		{"translations: not a list", []edit{{"[schools.abe]\n", "[translations]\nexpected = \"theses\"\n[schools.abe]\n"}},
			[]string{`config.toml:45:12: expected must be a list of kinds`}},
		{"hostile nesting", []edit{{"pageSize = 10", "pageSize = " + strings.Repeat("[", 5000)}},
			[]string{`config.toml:6:28: arrays and inline tables nest more than 16 levels deep`}},
	} {
		t.Run(c.name, func(t *testing.T) { checkParse(t, c.edits, c.want) })
	}
}

// checkParse parses base with edits, which must be refused with exactly
// the problems want.
func checkParse(t *testing.T, edits []edit, want []string) {
	t.Helper()
	src := base
	for _, e := range edits {
		if !strings.Contains(src, e.old) {
			t.Fatalf("edit %q does not apply", e.old)
		}
		src = strings.Replace(src, e.old, e.new, 1)
	}
	cfg, err := ParseWith([]byte(src), kinds.Default())
	if err == nil {
		t.Fatalf("accepted: %+v", cfg)
	}
	if cfg != nil {
		t.Errorf("a config with errors is returned")
	}
	if got := strings.Split(err.Error(), "\n"); !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestParseValueErrors refuses values of config.toml at the value, and
// tables written twice or left open at their line, each saying what to
// write.
func TestParseValueErrors(t *testing.T) {
	for _, c := range []struct {
		name  string
		edits []edit
		want  []string
	}{
		{"title with an empty language", []edit{{`en = "Portal EN"`, `en = ""`}},
			[]string{`config.toml:1:31: title has no "en" text; add it, like en = "…"`}},
		{"section with an empty segment", []edit{{`sv = "praktik"`, `sv = ""`}},
			[]string{`config.toml:12:6: [sections.internships] has no "sv" segment; add a line sv = "…" to it`}},
		// A name or segment written, but not as text: the one problem is
		// its form, not that it is missing ("add a line sv = …").
		{"title with a number for a language", []edit{{`en = "Portal EN"`, `en = 5`}},
			[]string{`config.toml:1:31: title.en must be text in straight quotes, like "…"`}},
		{"section with a number for a segment", []edit{{`sv = "praktik"`, `sv = 5`}},
			[]string{`config.toml:12:6: sections.internships.sv must be text in straight quotes, like "…"`}},
		// A term copied to make a new one, its key left as it was.
		{"a term copied, its key not changed", []edit{{"[areas.bygg]\n", "[areas.energi]  # ny\n"}},
			[]string{`config.toml:33:1: [areas.energi] is there twice – give the second its own name, or remove one of them`}},
		// A name with a space or a letter outside a–z is closed: not told
		// to end the line with ].
		{"a term's key with a space", []edit{{"[areas.bygg]\n", "[areas.ny bygg]\n"}},
			[]string{`config.toml:33:11: invalid TOML: expected '.' or ']' to end table name, but got 'b' instead`}},
		{"a term's key with å", []edit{{"[areas.bygg]\n", "[areas.bygg-gård]\n"}},
			[]string{`config.toml:33:14: invalid TOML: expected '.' or ']' to end table name, but got 'å' instead`}},
		{"a table array not closed", []edit{{"[areas.bygg]\n", "[[areas.bygg]\n"}},
			[]string{`config.toml:33:1: [[areas.bygg] has no closing ] – end the line with ]`}},
		{"no = between a key and its value", []edit{{`sv = "praktik"`, `sv "praktik"`}},
			[]string{`config.toml:12:4: sv: a key and its value are joined by = – write sv = "praktik"`}},
		{"two keys on one line", []edit{{"sv = \"Energi\"\nen = \"Energy\"\n", "sv = \"Energi\" en = \"Energy\"\n"}},
			[]string{`config.toml:31:15: en: each key goes on a line of its own – start a new line before en =`}},
		{"table name not closed", []edit{{"[areas.bygg]\n", "[areas.bygg\n"}},
			[]string{`config.toml:33:1: [areas.bygg has no closing ] – end the line with ]`}},
		{"translations not a table", []edit{{"pageSize = 10\n", "pageSize = 10\ntranslations = \"pages\"\n"}},
			[]string{`config.toml:7:16: translations must be a table: write [translations] with expected = ["pages"] on the line below`}},
		{"sections not a table", []edit{{base[strings.Index(base, "[sections.theses]"):strings.Index(base, "[areas.energi]")], ""}, {"pageSize = 10\n", "pageSize = 10\nsections = \"exjobb\"\n"}},
			[]string{`config.toml:7:12: sections must be a table: write a [sections.<kind>] table per kind`}},
	} {
		t.Run(c.name, func(t *testing.T) { checkParse(t, c.edits, c.want) })
	}
}

func TestLoad(t *testing.T) {
	if _, err := Load(fstest.MapFS{}); err == nil || err.Error() != "config.toml:1:1: there is no config.toml here, so this is not the folder of a site: run portal in the folder that holds config.toml and content/, or give that folder with -root" {
		t.Errorf("missing file: %v", err)
	}
	fsys := fstest.MapFS{FileName: {Data: []byte(base)}}
	if _, err := Load(fsys); err != nil {
		t.Errorf("Load: %v", err)
	}
}

// TestLoadOnlyItsOwnFile refuses a config.toml that is not a file of the
// site: a symbolic link (to /proc/self/environ or a credentials file it
// quoted the lines of, "DB_PASSWORD: hunter2 is text and needs quotes", in
// the messages CI prints for a pull request), a device (/dev/zero never
// ended) or a file over 1 MiB.
func TestLoadOnlyItsOwnFile(t *testing.T) {
	dir := t.TempDir()
	secret := filepath.Join(dir, "secret.env")
	if err := os.WriteFile(secret, []byte("DB_PASSWORD=hunter2\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	root := filepath.Join(dir, "site")
	os.Mkdir(root, 0o755)
	linktest.Symlink(t, secret, filepath.Join(root, FileName))
	for _, c := range []struct {
		name string
		fsys fs.FS
		want string
	}{
		{"link", os.DirFS(root), "config.toml:1:1: config.toml is a symbolic link; put the file itself at the site root"},
		{"device", fstest.MapFS{FileName: {Mode: fs.ModeDevice}}, "config.toml:1:1: not a regular file"},
		{"large", fstest.MapFS{FileName: {Data: []byte(base + strings.Repeat("#\n", 1<<19))}}, "config.toml:1:1: file is larger than 1 MiB; split the text, or put large parts in an attachment"},
	} {
		if _, err := Load(c.fsys); err == nil || err.Error() != c.want {
			t.Errorf("%s: %v, want %s", c.name, err, c.want)
		}
	}
}

// TestShippedConfig parses the site's own config.toml, when it is there.
func TestShippedConfig(t *testing.T) {
	src, err := os.ReadFile("../../../config.toml")
	if err != nil {
		t.Skip("no config.toml at the repository root")
	}
	if _, err := ParseWith(src, kinds.Default()); err != nil {
		t.Errorf("config.toml:\n%v", err)
	}
}

func TestValidSlug(t *testing.T) {
	for s, want := range map[string]bool{
		"a": true, "a-b": true, "a1-2b": true, "": false, "-a": false, "a-": false, "a--b": false,
		"A": false, "å": false, "a b": false, "a/b": false, "..": false,
	} {
		if ValidSlug(s) != want {
			t.Errorf("ValidSlug(%q) = %v", s, !want)
		}
	}
}

// TestParseUTF16 feeds ParseWith config.toml saved as UTF-16 (Notepad's
// "Unicode"): told so at its top, in the language of the run, not as
// the decoder's English words at the first NUL.
func TestParseUTF16(t *testing.T) {
	units := utf16.Encode([]rune(base))
	le, be := make([]byte, 0, 2*len(units)), make([]byte, 0, 2*len(units))
	for _, u := range units {
		le = append(le, byte(u), byte(u>>8))
		be = append(be, byte(u>>8), byte(u))
	}
	for _, c := range []struct {
		name string
		src  []byte
		lang diag.Lang
		want string
	}{
		{"LE with its mark", append([]byte{0xff, 0xfe}, le...), diag.English, `config.toml:1:1: the file is saved as UTF-16 (Unicode); save it again as UTF-8`},
		{"LE without its mark", le, diag.English, `config.toml:1:1: the file is saved as UTF-16 (Unicode); save it again as UTF-8`},
		{"BE with its mark", append([]byte{0xfe, 0xff}, be...), diag.English, `config.toml:1:1: the file is saved as UTF-16 (Unicode); save it again as UTF-8`},
		{"in Swedish", le, diag.Swedish, `config.toml:1:1: filen är sparad som UTF-16 (Unicode) – spara om den som UTF-8 i redigeraren`},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParseWith(c.src, kinds.Default())
			list, ok := diag.AsList(err)
			if !ok {
				t.Fatalf("not a diag.List: %v", err)
			}
			if got := strings.Join(list.LinesIn(c.lang), "\n"); got != c.want {
				t.Errorf("got\n%s\nwant\n%s", got, c.want)
			}
		})
	}
}

// TestParseErrorsSwedish checks the Swedish of problems with a value,
// at the value as in English.
func TestParseErrorsSwedish(t *testing.T) {
	for _, c := range []struct {
		name  string
		edits []edit
		want  string
	}{
		{"pageSize zero", []edit{{"pageSize = 10", `pageSize = 0`}},
			`config.toml:6:12: pageSize: skriv ett heltal från 1 till 1000 utan citattecken, t.ex. 20`},
		{"baseURL with a host not in ASCII", []edit{{`"https://example.org"`, `"https://samverkan.exämpel.se/"`}},
			`config.toml:2:11: baseURL: skriv värdnamnet "samverkan.exämpel.se" i ASCII-form (punycode, xn--…), så som domänens registrar anger det – annars skrivs det procentkodat i flöden, webbplatskartan och kanoniska länkar, och då hittar flödesläsare och sökmotorer inte dit`},
		{"baseURL with a colon and no port", []edit{{`"https://example.org"`, `"https://example.org:/"`}},
			`config.toml:2:11: baseURL: ett kolon efter värdnamnet ska följas av ett portnummer – skriv numret eller ta bort kolonet`},
		{"baseURL with a path", []edit{{`"https://example.org"`, `"https://example.org/portal"`}},
			`config.toml:2:11: baseURL: adressen ska vara roten på en värd, t.ex. "https://samverkan.example.se/", utan sökvägen /portal – sidorna länkar från roten (/exjobb/), så med en sökväg leder flöden, webbplatskartan och kanoniska länkar fel. Publicera webbplatsen i roten på en egen värd`},
		{"pageSize a word", []edit{{"pageSize = 10", `pageSize = tjugo`}},
			`config.toml:6:12: pageSize: skriv ett heltal från 1 till 1000 utan citattecken, t.ex. 20`},
		{"languages bare words", []edit{{`languages = ["en", "sv"]`, `languages = en, sv`}},
			`config.toml:4:13: languages: en, sv är text och behöver citattecken – skriv languages = ["en", "sv"]`},
		{"organisation type", []edit{{`type = "city"`, `type = "university"`}},
			`config.toml:38:8: type: skriv en av kth, city, city-administration, city-company, other`},
		{"a term copied, its key not changed", []edit{{"[areas.bygg]\n", "[areas.energi]\n"}},
			`config.toml:33:1: [areas.energi] står två gånger – ge den andra ett eget namn, eller ta bort den ena`},
		{"section with an empty segment", []edit{{`sv = "praktik"`, `sv = ""`}},
			`config.toml:12:6: [sections.internships] saknar adressdel för språket "sv" – lägg till raden sv = "…" där`},
	} {
		t.Run(c.name, func(t *testing.T) {
			src := base
			for _, e := range c.edits {
				src = strings.Replace(src, e.old, e.new, 1)
			}
			_, err := ParseWith([]byte(src), kinds.Default())
			list, ok := diag.AsList(err)
			if !ok {
				t.Fatalf("not a diag.List: %v", err)
			}
			if got := strings.Join(list.LinesIn(diag.Swedish), "\n"); got != c.want {
				t.Errorf("got\n%s\nwant\n%s", got, c.want)
			}
		})
	}
}

// TestBaseURLValid checks base URLs that config.toml takes as they are
// (with a final slash): a host in punycode, a port, an address.
func TestBaseURLValid(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"https://xn--exmpel-cua.se", "https://xn--exmpel-cua.se/"},
		{"https://samverkan.xn--exmpel-cua.se/", "https://samverkan.xn--exmpel-cua.se/"},
		{"http://localhost:8080", "http://localhost:8080/"},
		{"https://[::1]:8443/", "https://[::1]:8443/"},
		{"https://192.0.2.1/", "https://192.0.2.1/"},
	} {
		got, msg := checkBaseURL(c.in)
		if got != c.want || msg.ID != "" {
			t.Errorf("%q: %q %v, want %q", c.in, got, msg, c.want)
		}
	}
}

// TestOfTheCity: the city, its administrations and its companies are the
// city's organisations; KTH, another and no organisation are not.
func TestOfTheCity(t *testing.T) {
	tests := []struct {
		org  *Term
		want bool
	}{
		{&Term{Key: "stad", Type: "city"}, true},
		{&Term{Key: "miljo", Type: "city-administration"}, true},
		{&Term{Key: "stokab", Type: "city-company"}, true},
		{&Term{Key: "kth", Type: "kth"}, false},
		{&Term{Key: "rise", Type: "other"}, false},
		{nil, false},
	}
	for _, c := range tests {
		if got := c.org.OfTheCity(); got != c.want {
			t.Errorf("%+v: %v, want %v", c.org, got, c.want)
		}
	}
}

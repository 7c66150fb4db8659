package render

import (
	"io/fs"
	"slices"
	"strings"
	"testing"
)

// TestSiteTablesInherit: a site's own i18n table is laid over the
// program's of its language key by key, so that a site's older table
// keeps building when the program reads a text it does not have.
func TestSiteTablesInherit(t *testing.T) {
	defaults, err := Load(realTemplates(t), mustConfig(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if defaults.MarkKey("sv", "theses", "closed") != "state.theses.closed" {
		t.Fatal("the program's Swedish table no longer words closed degree projects apart: the mark cases below mean nothing")
	}
	type text struct{ lang, key, want string }
	for _, c := range []struct {
		name   string
		sv, en string
		errs   []string
		texts  []text
		marks  []text // lang, "kind.mark", the key MarkKey gives
	}{
		{"a few texts of its own", "[kind]\ntheses = \"Examensarbeten\"\n", "[kind]\ntheses = \"Degree projects\"\n", nil,
			[]text{{"sv", "kind.theses", "Examensarbeten"}, {"en", "kind.theses", "Degree projects"},
				{"sv", "format.group", defaults.T("sv", "format.group")}, {"en", "home", defaults.T("en", "home")}},
			[]text{{"sv", "theses.closed", "state.theses.closed"}}},
		{"its own word for a mark goes on every kind", "[state]\nclosed = \"Avslutad\"\n", "[state]\nclosed = \"Ended\"\n", nil,
			[]text{{"sv", "state.closed", "Avslutad"}},
			[]text{{"sv", "theses.closed", "state.closed"}, {"en", "theses.closed", "state.closed"}}},
		{"a kind's own word kept", "[state]\nclosed = \"Avslutad\"\n[state.theses]\nclosed = \"Avslutat\"\n", "", nil,
			[]text{{"sv", "state.theses.closed", "Avslutat"}},
			[]text{{"sv", "theses.closed", "state.theses.closed"}}},
		// A fact's label worded by the site is its label once the
		// record's time is over too (factpast), not the program's
		// "Gällde till" beside its own "Giltigt till".
		{"its own label of a fact goes on a record whose time is over", "[fact]\nvalidUntil = \"Giltigt till\"\n", "", nil,
			[]text{{"sv", "factpast.validUntil", "Giltigt till"}, {"sv", "factpast.validFrom", "Gällde från"},
				{"en", "factpast.validUntil", "Valid until"}}, nil},
		{"its own past label kept", "[fact]\nvalidUntil = \"Giltigt till\"\n[factpast]\nvalidUntil = \"Var giltigt till\"\n", "", nil,
			[]text{{"sv", "factpast.validUntil", "Var giltigt till"}}, nil},
		{"a text of its own in one language only", "[own]\nnote = \"Obs\"\n", "", []string{
			`templates/i18n/sv.toml:2:1: UI string "own.note" is none of the program's texts: check its spelling; a text of the site's own goes in a table of its own for every language, here and in templates/i18n/en.toml`}, nil, nil},
		{"a misspelled key", "[search]\nquer = \"Hitta\"\n", "", []string{
			`templates/i18n/sv.toml:2:1: UI string "search.quer" is none of the program's texts: did you mean "search.query"? (A text of the site's own goes in a table of its own for every language, here and in templates/i18n/en.toml.)`}, nil, nil},
		{"a text of its own in both languages", "[own]\nnote = \"Obs\"\n", "[own]\nnote = \"Note\"\n", nil,
			[]text{{"sv", "own.note", "Obs"}, {"en", "own.note", "Note"}}, nil},
		// A language of its own (fi) inherits nothing: a text the others
		// take from the program's tables is missing there, and is said
		// once, where fi's table would have it.
		{"a language of its own lacks an inherited text", "[kind]\ntheses = \"Examensarbeten\"\n", "", []string{
			`templates/i18n/fi.toml:49:2: UI string "format.group" is missing here; templates/i18n/sv.toml has it from the program's own table: add it`}, nil, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			entries := map[string]string{"templates/i18n/sv.toml": c.sv}
			if strings.Contains(c.name, "language of its own") {
				entries["templates/i18n/fi.toml"] = withoutLine(t, "templates/i18n/en.toml", "group = ")
			}
			if c.en != "" {
				entries["templates/i18n/en.toml"] = c.en
			}
			tm, errs := loadSiteDir(t, siteDir(t, entries))
			if !slices.Equal(errs, c.errs) {
				t.Fatalf("errors\n%q\nwant\n%q", errs, c.errs)
			}
			for _, x := range c.texts {
				if got := tm.T(x.lang, x.key); got != x.want {
					t.Errorf("%s %s = %q, want %q", x.lang, x.key, got, x.want)
				}
			}
			for _, x := range c.marks {
				kind, mark, _ := strings.Cut(x.key, ".")
				if got := tm.MarkKey(x.lang, kind, mark); got != x.want {
					t.Errorf("MarkKey(%s, %s) = %q, want %q", x.lang, x.key, got, x.want)
				}
			}
		})
	}
}

// withoutLine is the program's file p without its line that starts with
// prefix.
func withoutLine(t *testing.T, p, prefix string) string {
	t.Helper()
	b, err := fs.ReadFile(realTemplates(t), p)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(string(b), "\n")
	i := slices.IndexFunc(lines, func(l string) bool { return strings.HasPrefix(l, prefix) })
	if i < 0 {
		t.Fatalf("%s has no line %s", p, prefix)
	}
	return strings.Join(slices.Delete(lines, i, i+1), "")
}

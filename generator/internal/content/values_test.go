package content

import (
	"os"
	"testing"

	"portal/generator/internal/config"
	"portal/generator/internal/kinds"
)

// TestRegistryMessages checks the messages built from the declarations
// of the registry (ranges, lists of numbers, enumerations, Want, Need,
// relations and When) in both languages.
func TestRegistryMessages(t *testing.T) {
	const p = "content/theses/a.md"
	for _, c := range []struct {
		name, path, src string
		en, sv          string
	}{
		{"list of numbers", p, rec(with(thesis, "credits = 30", "credits = 45")),
			p + `:7:11: credits must be 15 or 30, not 45`,
			p + `:7:11: credits: 45 är inte tillåtet – skriv 15 eller 30`},
		{"range", "content/internships/i.md", rec(`title = "Praktik"`, "date = 2026-01-01", `areas = ["energi"]`, `host = "kth"`, "deadline = 2026-04-30", "weeks = 200"),
			`content/internships/i.md:7:9: weeks must be from 1 to 104, not 200`,
			`content/internships/i.md:7:9: weeks: 200 är inte tillåtet – skriv ett tal från 1 till 104`},
		{"enumeration", p, rec(with(thesis, "", `language = ["sv", "de"]`)),
			p + `:9:19: language must list "sv" and/or "en", not "de"`,
			p + `:9:19: language: "de" är inte tillåtet – skriv "sv" och/eller "en"`},
		{"pattern and want", "content/lectures/l.md", rec(with(lecture, "", `course = "ag2129"`)),
			`content/lectures/l.md:10:10: course must be a KTH course code like AG2129, not "ag2129"`,
			`content/lectures/l.md:10:10: course: "ag2129" är inte tillåtet – skriv en KTH-kurskod som AG2129`},
		{"need", p, rec(with(thesis, `areas = ["energi"]`, `areas = []`)),
			p + `:4:9: areas needs at least one area`,
			p + `:4:9: areas: ange minst ett område`},
		{"after", "content/lectures/l.md", rec(with(lecture, "end = 2026-03-12T17:00:00", "end = 2026-03-12T15:00:00")),
			`content/lectures/l.md:6:7: end 2026-03-12T15:00 must be after start 2026-03-12T15:15; check the two`,
			`content/lectures/l.md:6:7: end 2026-03-12T15:00 ska vara efter start 2026-03-12T15:15 – kontrollera de två`},
		{"when", "content/agreements/x.md", agreement(`status = "terminated"`),
			`content/agreements/x.md:8:10: a terminated agreement needs the date it ended: add terminated = YYYY-MM-DD`,
			`content/agreements/x.md:8:10: ett uppsagt avtal behöver datumet då det upphörde – lägg till terminated = ÅÅÅÅ-MM-DD`},
	} {
		t.Run(c.name, func(t *testing.T) {
			loadOneProblem(t, map[string]string{c.path: c.src}, testConfig(t), c.en, c.sv)
		})
	}
}

// TestSuggestTerm checks the key suggested for a term that is none: its
// name, a misspelling, and the first words of one key only.
func TestSuggestTerm(t *testing.T) {
	src, err := os.ReadFile("testdata/config.toml")
	if err != nil {
		t.Fatal(err)
	}
	src = append(src, `
[areas.energi-och-klimat]
sv = "Energi och klimat"
[areas.transport-och-mobilitet]
sv = "Transport och mobilitet"
[areas.halsa-och-omsorg]
sv = "Hälsa och omsorg"
[areas.halsa-och-idrott]
sv = "Hälsa och idrott"
`...)
	cfg, err := config.ParseWith(src, kinds.Default())
	if err != nil {
		t.Fatal(err)
	}
	for word, want := range map[string]string{
		"Energi och klimat": "energi-och-klimat", // a name
		"enrgi":             "energi",            // a misspelling
		"transport":         "transport-och-mobilitet",
		"Transport och":     "transport-och-mobilitet",
		"hälsa":             "", // the first word of two keys
		"mobilitet":         "",
		"x":                 "",
	} {
		if got := suggestTerm(cfg.Vocab("areas"), word); got != want {
			t.Errorf("suggestTerm(%q) = %q, want %q", word, got, want)
		}
	}
}

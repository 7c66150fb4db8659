package pipeline

import (
	"bytes"
	"context"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"portal/generator/internal/content"
	"portal/generator/internal/diag"
	"portal/generator/internal/kinds"
	"portal/generator/internal/output"
	"portal/generator/internal/site"
)

// workshops is a toy kind: events with a start, an end, a place and a
// number of seats, in the calendar, closed once they end. The words of
// its messages are its own, in both languages (no catalog entry).
func workshops() *kinds.Kind {
	span := kinds.Fact{Label: "fact.time", Key: "start", As: kinds.AsSpan, And: &kinds.Fact{Key: "end"}}
	place := kinds.Fact{Label: "fact.place", Key: "place", As: kinds.AsText}
	return &kinds.Kind{
		Name: "workshops",
		Keys: []kinds.Key{
			{Name: "start", Type: kinds.DateTime, Required: true},
			{Name: "end", Type: kinds.DateTime, Required: true, After: "start"},
			{Name: "place", Type: kinds.Text, Required: true},
			{Name: "seats", Type: kinds.Int, Min: 1, Max: 40,
				Want: diag.T("a number of seats from 1 to 40", "ett antal platser från 1 till 40")},
			{Name: "mode", Type: kinds.String, Enum: []string{"onsite", "online"}},
		},
		Facets: []kinds.Facet{{Key: "mode", Segment: "format",
			Lists: diag.T("the lists of workshops by format", "listorna över workshoppar per format")}},
		CloseKey: "end", Mark: "past", MarkDate: "start", CloseAttr: "data-end",
		Order: []kinds.Sort{{Key: "start"}}, Archive: []kinds.Sort{{Key: "start", Desc: true}},
		Facts:     []kinds.Fact{place, span, {Label: "calendar.fact", As: kinds.AsCalendar, Arg: "calendar.add"}},
		ListFacts: []kinds.Fact{span, place},
		Calendar:  true, JSONLD: "Event",
	}
}

// toySite writes the basic fixture with the repository's templates to a
// temporary folder, and adds what a new kind needs besides its
// declaration: its section in config.toml, its UI strings and records.
func toySite(t *testing.T, records map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("testdata/sites/basic")); err != nil {
		t.Fatal(err)
	}
	if err := os.CopyFS(filepath.Join(dir, "templates"), os.DirFS("../../../templates")); err != nil {
		t.Fatal(err)
	}
	appendTo(t, filepath.Join(dir, "config.toml"), "\n[sections.workshops]\nsv = \"workshoppar\"\nen = \"workshops\"\n", "")
	for lang, name := range map[string]string{"sv": "Workshoppar", "en": "Workshops"} {
		p := filepath.Join(dir, "templates/i18n", lang+".toml")
		for _, table := range []string{"kind", "kindone", "archivetitle", "current", "intro", "archiveintro", "empty", "notice.more", "calendarlink"} {
			appendTo(t, p, "workshops = \""+name+" ("+table+")\"\n", "["+table+"]\n")
		}
		appendTo(t, p, "\n[count.workshops]\none = \"{n} "+name+"\"\nother = \"{n} "+name+"\"\n", "")
		appendTo(t, p, "workshops = \"All "+name+"\"\n", "[facetall]\n")
		appendTo(t, p, toyFacetStrings[lang], "")
	}
	for name, src := range records {
		p := filepath.Join(dir, "content/workshops", name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// toyFacetStrings are the UI strings of the toy kind's facet (mode, its
// lists at <section>/format/<mode>/) in each language: the words of its
// values, the label of the row of links to its lists, and each list's
// heading, lead and text when it is empty.
var toyFacetStrings = map[string]string{
	"sv": `
[mode]
onsite = "På plats"
online = "På nätet"

[facets.workshops]
mode = "Form:"

[facet.workshops.mode]
onsite = "Workshoppar på plats"
online = "Workshoppar på nätet"

[facetintro.workshops.mode]
onsite = "Workshoppar i ett rum."
online = "Workshoppar på nätet."

[facetempty.workshops.mode]
onsite = "Inga workshoppar på plats."
online = "Inga workshoppar på nätet."
`,
	"en": `
[mode]
onsite = "On site"
online = "Online"

[facets.workshops]
mode = "Format:"

[facet.workshops.mode]
onsite = "Workshops on site"
online = "Online workshops"

[facetintro.workshops.mode]
onsite = "Workshops in a room."
online = "Workshops online."

[facetempty.workshops.mode]
onsite = "No workshops on site."
online = "No online workshops."
`,
}

// appendTo adds text to the file at p: after the line after, or at its end.
func appendTo(t *testing.T, p, text, after string) {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	if i := strings.Index(s, "\n"+after); after != "" && i >= 0 {
		s = s[:i+1+len(after)] + text + s[i+1+len(after):]
	} else if after != "" {
		t.Fatalf("%s has no line %q", p, after)
	} else {
		s += text
	}
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

const workshop = `+++
title = "Kartdag"
date = 2026-11-01
areas = ["energi"]
start = 2026-12-10T09:00:00
end = 2026-12-10T12:00:00
place = "Rum 1"
mode = "onsite"
+++

En dag om kartor.
`

// TestToyKind adds a kind with nothing but its declaration, its section,
// its UI strings and its records, and builds the site: its list, archive
// and record pages, its facts in the declared order, its feed, its own
// calendar (linked from its list and the footer), search and JSON-LD
// membership appear as declared.
func TestToyKind(t *testing.T) {
	past := strings.NewReplacer("Kartdag", "Gammal dag", "2026-12-10", "2026-05-04").Replace(workshop)
	dir := toySite(t, map[string]string{"kartdag.md": workshop, "gammal.md": past})
	reg := kinds.Default().With(workshops())
	l, err := Load(os.DirFS(dir), Options{Now: testNow, Kinds: reg})
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	out := t.TempDir()
	if _, err := l.Write(context.Background(), out); err != nil {
		t.Fatalf("write: %v", err)
	}
	read := func(p string) string {
		t.Helper()
		b, err := os.ReadFile(filepath.Join(out, p))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	tests := []struct {
		file string
		want []string // in this order
	}{
		{"workshoppar/index.html", []string{`<a class="feed" href="/workshoppar/calendar.ics" type="text/calendar">Workshoppar (calendarlink) <span class="fmt">(iCalendar)</span></a>`,
			`<a class="feed webcal" href="webcal://test.example.se/workshoppar/calendar.ics">`,
			`data-end="2026-12-10T12:00:00+01:00"`, "Kartdag", "10 december 2026 kl. 09.00–12.00", "Rum 1",
			`<a href="/gastforelasningar/calendar.ics" type="text/calendar">Hämta gästföreläsningarna till din kalender`,
			`<a href="/workshoppar/calendar.ics" type="text/calendar">Workshoppar (calendarlink)`}},
		{"workshoppar/arkiv/index.html", []string{"Gammal dag"}},
		{"workshoppar/kartdag/index.html", []string{`"@type":"Event"`, `data-end="2026-12-10T12:00:00+01:00"`,
			"<dt>Plats</dt>", "Rum 1", "<dt>Tid</dt>", `datetime="2026-12-10T09:00:00+01:00"`, "kartdag.ics", "En dag om kartor."}},
		{"workshoppar/gammal/index.html", []string{"notice-past"}},
		{"workshoppar/atom.xml", []string{"Kartdag"}},
		{"workshoppar/calendar.ics", []string{"X-WR-CALNAME:Testportal – Workshoppar (kind)", "UID:workshops-kartdag@test.example.se", "END:VCALENDAR"}},
		{"en/workshops/calendar.ics", []string{"UID:workshops-kartdag@test.example.se"}},
		{"workshoppar/kartdag/kartdag.ics", []string{"SUMMARY;LANGUAGE=sv:Kartdag", "LOCATION;LANGUAGE=sv:Rum 1"}},
		{"en/workshops/index.html", []string{"Workshops (kind)", "Kartdag"}},
	}
	for _, tt := range tests {
		got := read(tt.file)
		wantInOrder(t, tt.file, got, tt.want)
	}
	// Each kind in the calendar has its own: the lectures' holds no
	// workshop.
	for _, p := range []string{"gastforelasningar/calendar.ics", "en/guest-lectures/calendar.ics"} {
		if got := read(p); strings.Contains(got, "workshops-") || !strings.Contains(got, "BEGIN:VCALENDAR") {
			t.Errorf("%s holds a workshop or is no calendar:\n%s", p, got)
		}
	}
	if err := filepath.WalkDir(filepath.Join(out, "search"), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.Contains(read(mustRel(t, out, p)), "/workshoppar/kartdag/") {
			return filepath.SkipAll
		}
		return err
	}); err != filepath.SkipAll && err != nil {
		t.Fatal(err)
	}
}

func mustRel(t *testing.T, base, p string) string {
	t.Helper()
	r, err := filepath.Rel(base, p)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestToyKindChecks checks that a toy kind's schema is the checker's:
// its required keys, the relation of its moments and its own words for
// what a value must be, in English and Swedish.
func TestToyKindChecks(t *testing.T) {
	bad := strings.Replace(workshop, "end = 2026-12-10T12:00:00", "end = 2026-12-10T08:00:00", 1)
	bad = strings.Replace(bad, `place = "Rum 1"`+"\n", "plats = \"Rum 1\"\nseats = 99\n", 1)
	dir := toySite(t, map[string]string{"kartdag.md": bad})
	_, err := Load(os.DirFS(dir), Options{Now: testNow, Kinds: kinds.Default().With(workshops())})
	list, _ := diag.AsList(err)
	want := []string{
		`content/workshops/kartdag.md:6:7: end 2026-12-10T08:00 must be after start 2026-12-10T09:00; check the two`,
		`content/workshops/kartdag.md:7:1: unknown key "plats" (did you mean "place"?)`,
		`content/workshops/kartdag.md:8:9: seats must be a number of seats from 1 to 40, not 99`,
	}
	if got := list.Lines(); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	sv := `content/workshops/kartdag.md:8:9: seats: 99 är inte tillåtet – skriv ett antal platser från 1 till 40`
	if got := list.LinesIn(diag.Swedish); len(got) != len(want) || got[len(got)-1] != sv {
		t.Errorf("in Swedish:\n%s\nwant last:\n%s", strings.Join(got, "\n"), sv)
	}
	if _, err := Load(os.DirFS(dir), Options{Now: testNow}); err == nil || err.Error() != `config.toml:57:2: unknown kind "workshops" in [sections]; check the spelling` {
		t.Errorf("without the kind: %v", err)
	}
	names, required := content.KeyNames(kinds.Default().With(workshops()), "workshops")
	if got := strings.Join(names, " "); !strings.HasSuffix(got, "aliases start end place seats mode") || !required["end"] {
		t.Errorf("keys %q, required %v", got, required)
	}
}

// TestToyKindIncremental builds the toy site incrementally, as the
// preview does (its Cache keeps the events of each calendar), and edits
// a workshop and a lecture: after each edit the folder holds what a full
// build writes, each calendar its own kind's events.
func TestToyKindIncremental(t *testing.T) {
	dir := toySite(t, map[string]string{"kartdag.md": workshop})
	reg := kinds.Default().With(workshops())
	load := func() *Loaded {
		t.Helper()
		l, err := Load(os.DirFS(dir), Options{Now: testNow, Kinds: reg})
		if err != nil {
			t.Fatal(err)
		}
		return l
	}
	out := t.TempDir()
	in := NewIncremental(output.Dir(out))
	if err := in.build(context.Background(), load(), 1); err != nil {
		t.Fatal(err)
	}
	for i, edit := range []struct{ rec, old, new string }{
		{"content/workshops/kartdag.md", `place = "Rum 1"`, `place = "Rum 2"`},
		{"content/lectures/smarta-kartor.md", "KTH, sal Q2", "KTH, sal Q3"},
		{"content/workshops/kartdag.md", `title = "Kartdag"`, `title = "Kartdagen"`},
	} {
		rewrite(t, dir, edit.rec, edit.old, edit.new)
		l := load()
		for _, b := range in.Plan(l, uint64(i+2), func(e *site.Entry) bool { return e.Own().Path == edit.rec }) {
			if _, err := in.Write(context.Background(), b); err != nil {
				t.Fatal(err)
			}
		}
		want := t.TempDir()
		if _, err := load().Write(context.Background(), want); err != nil {
			t.Fatal(err)
		}
		got, exp := tree(t, out), tree(t, want)
		for _, p := range []string{"workshoppar/calendar.ics", "gastforelasningar/calendar.ics", "en/workshops/calendar.ics", "en/guest-lectures/calendar.ics"} {
			if !bytes.Equal(got[p], exp[p]) {
				t.Errorf("after %s %q: %s\n%s\nwant\n%s", edit.rec, edit.new, p, got[p], exp[p])
			}
		}
		if !maps.EqualFunc(got, exp, bytes.Equal) {
			t.Errorf("after %s %q: the folder does not hold what a build writes", edit.rec, edit.new)
		}
	}
	if got := string(tree(t, out)["workshoppar/calendar.ics"]); !strings.Contains(got, "SUMMARY;LANGUAGE=sv:Kartdagen") || !strings.Contains(got, "Rum 2") {
		t.Errorf("workshoppar/calendar.ics after the edits:\n%s", got)
	}
}

// wantInOrder reports each of want that got, the file at path, does not
// have after the one before, and stops at the first missing.
func wantInOrder(t *testing.T, path, got string, want []string) {
	t.Helper()
	at := 0
	for _, w := range want {
		i := strings.Index(got[at:], w)
		if i < 0 {
			t.Errorf("%s: no %q after byte %d:\n%s", path, w, at, got)
			return
		}
		at += i + len(w)
	}
}

package pipeline

import (
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"portal/generator/internal/search"
)

// TestSearchFindsFacts: a record is found by what its page's facts name,
// not only by its title and text: a lecture by its course code and its
// place, an agreement by who signed it and its notice period, an offer by
// its credits and weeks as its list item writes them ("30 hp", "10
// weeks") and in one word ("30hp"), which a student types to find a
// 30-credit degree project, and
// a degree project by its working languages ("engelska", "English"), a
// paid internship by the word its page says it with ("Betald: Ja"), and
// an offer by its school's acronym (a school's key: "ABE", "EECS"), which
// its page names in full.
func TestSearchFindsFacts(t *testing.T) {
	b := buildFixture(t, fixture(t, "testdata/sites/basic"))
	// smarta-kartor: course = "AG2129", place = "KTH, sal Q2"; mou:
	// signatories "Finansborgarråd", noticeMonths = 3; theses: credits;
	// sommarpraktik: weeks = 10, paid = true; energidata: language =
	// ["sv", "en"]; schools = ["abe"], ["eecs"].
	want := map[string][]string{
		"sv": {"ag2129", "sal", "finansborgarråd", "hp", "30hp", "veckor", "10veckor", "månader", "svenska", "engelska", "betald", "abe", "eecs"},
		"en": {"ag2129", "sal", "finansborgarråd", "credits", "weeks", "months", "swedish", "paid", "abe", "eecs"},
	}
	for _, lang := range b.l.Site.Cfg.Languages {
		files, layout := readSearch(t, b, lang)
		words := indexWords(files, layout)
		for _, w := range want[lang] {
			if !words[w] {
				t.Errorf("%s: %q is not in the index", lang, w)
			}
		}
	}
}

// indexWords are the words of the term buckets of an index (readSearch).
func indexWords(files map[string]any, layout search.Layout) map[string]bool {
	words := map[string]bool{}
	for _, p := range layout.Paths() {
		if strings.HasPrefix(p, "t/") {
			for w := range files[p].(map[string]any)["w"].(map[string]any) {
				words[w] = true
			}
		}
	}
	return words
}

// TestSearchNumberAndUnit: "15 hp" lists the offers of 15 credits
// (trafikfloden and b-fifteen) before one of 30 whose text also has "15",
// which comes before b-fifteen in the list: the
// number and the word after it, joined, are the word the index holds for
// a counted fact ("15hp"), and a match of it ranks higher. It narrows
// nothing: the offer of 30 credits still matches both words.
func TestSearchNumberAndUnit(t *testing.T) {
	thesis := func(title, deadline string, credits int, body string) string {
		return "+++\ntitle = \"" + title + "\"\ndate = 2026-09-01\nareas = [\"energi\"]\nhost = \"kth\"\n" +
			"level = \"master\"\ncredits = " + strconv.Itoa(credits) + "\ndeadline = " + deadline +
			"\napply = \"mailto:a@example.se\"\n+++\n\n" + body + "\n"
	}
	dir := copySite(t, "testdata/sites/basic", map[string]string{
		"content/theses/a-thirty.md":  thesis("Värme i skolor", "2026-12-10", 30, "Mätningar i 15 skolor."),
		"content/theses/b-fifteen.md": thesis("Värme i parker", "2026-12-20", 15, "Mätningar i parker."),
	})
	b := buildFixture(t, fixture(t, dir))
	sv, en := filepath.Join(b.out, "search")+"/", filepath.Join(b.out, "en", "search")+"/"
	now := testNow.Format(time.RFC3339)
	tests := []struct {
		c    searchCase
		urls []string
	}{
		{searchCase{sv, "k-theses", "?q=v%C3%A4rme+15", now, false}, []string{"/exjobb/a-thirty/", "/exjobb/b-fifteen/"}},
		{searchCase{sv, "k-theses", "?q=15+hp", now, false}, []string{"/exjobb/trafikfloden/", "/exjobb/b-fifteen/", "/exjobb/a-thirty/"}},
		{searchCase{sv, "k-theses", "?q=15+h", now, false}, []string{"/exjobb/trafikfloden/", "/exjobb/b-fifteen/", "/exjobb/a-thirty/"}},
		{searchCase{sv, "k-theses", "?q=v%C3%A4rme+15hp", now, false}, []string{"/exjobb/b-fifteen/"}},
		{searchCase{en, "k-theses", "?q=15+credits", now, false}, []string{"/exjobb/trafikfloden/", "/exjobb/b-fifteen/", "/exjobb/a-thirty/"}},
	}
	var cases []searchCase
	for _, tc := range tests {
		cases = append(cases, tc.c)
	}
	for i, got := range runSearch(t, cases) {
		if tc := tests[i]; !slices.Equal(got.URLs, tc.urls) {
			t.Errorf("%s %s: %v, want %v", tc.c.Scope, tc.c.Query, got.URLs, tc.urls)
		}
	}
}

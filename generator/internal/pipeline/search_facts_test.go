package pipeline

import (
	"strings"
	"testing"

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

package pipeline

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// offerRunner prints, for each case, what the list of the case's kind
// offers for each of its queries (search.js, elsewhere): the lists of
// other kinds a word names.
const offerRunner = `
const api = require(process.argv[2]);
const fs = require('fs');
const cases = JSON.parse(fs.readFileSync(0, 'utf8'));
const get = (p) => Promise.resolve(JSON.parse(fs.readFileSync(p, 'utf8')));
(async () => {
  const out = [];
  for (const c of cases) {
    const ix = await api.openIndex(c.index, 'k-' + c.kind, get);
    out.push(api.elsewhere(ix, c.q, c.kind).map((l) => [l.ask, l.title, l.url]));
  }
  process.stdout.write(JSON.stringify(out));
})().catch((e) => { console.error(e); process.exit(1); });
`

// offerCase is a query typed on the list of kind in the index of lang,
// and the offers (question, link text, URL) it should get.
type offerCase struct {
	lang, kind, q string
	want          [][]string
}

// runOffers runs offerRunner over the cases on the index built in out.
func runOffers(t *testing.T, out string, tests []offerCase) {
	t.Helper()
	var cases []map[string]string
	for _, tc := range tests {
		dir := filepath.Join(out, "search") + "/"
		if tc.lang == "en" {
			dir = filepath.Join(out, "en", "search") + "/"
		}
		cases = append(cases, map[string]string{"index": dir, "kind": tc.kind, "q": tc.q})
	}
	var got [][][]string
	runNode(t, offerRunner, cases, &got)
	for i, tc := range tests {
		if len(got[i]) == 0 && len(tc.want) == 0 {
			continue
		}
		if !reflect.DeepEqual(got[i], tc.want) {
			t.Errorf("%s %s list, %q: offers %q, want %q", tc.lang, tc.kind, tc.q, got[i], tc.want)
		}
	}
}

// TestSearchOffersOtherKinds: a word of the query that names another
// kind, by its name or the name of one of its records in either
// language, or by a word students search it by (search.words), whole or
// by four letters or more of its beginning, folded, offers a link to
// that kind's list in the page's language, with the question in the
// page's language and the list's name as the link's text, and the other
// words of the query carried to it. A word that names the page's own
// kind, a little word and three letters offer nothing.
func TestSearchOffersOtherKinds(t *testing.T) {
	b := buildFixture(t, fixture(t, "testdata/sites/basic"))
	praktik := []string{"Letar du efter praktik?", "Lediga praktikplatser", "/praktik/"}
	exjobb := []string{"Letar du efter exjobb?", "Öppna exjobb", "/exjobb/"}
	lectures := []string{"Looking for guest lectures?", "Upcoming guest lectures", "/en/guest-lectures/"}
	theses := []string{"Looking for degree projects?", "Open degree projects", "/en/theses/"}
	internships := []string{"Looking for internships?", "Open internships", "/en/internships/"}
	runOffers(t, b.out, []offerCase{
		{"sv", "theses", "praktik", [][]string{praktik}},
		{"sv", "theses", "Praktikplats", [][]string{praktik}},
		{"sv", "theses", "praktikplatser", [][]string{praktik}},
		{"sv", "theses", "prak", [][]string{praktik}},
		{"sv", "theses", "internship", [][]string{praktik}},
		{"sv", "theses", "praktik energi", [][]string{{praktik[0], praktik[1], "/praktik/?q=energi"}}},
		{"sv", "theses", "gästföreläsning", [][]string{{"Letar du efter gästföreläsningar?", "Kommande gästföreläsningar", "/gastforelasningar/"}}},
		{"sv", "theses", "gastforelasning", [][]string{{"Letar du efter gästföreläsningar?", "Kommande gästföreläsningar", "/gastforelasningar/"}}},
		{"sv", "internships", "exjobb", [][]string{exjobb}},
		{"sv", "internships", "thesis", [][]string{exjobb}},
		{"sv", "internships", "examensarbete i energi", [][]string{{exjobb[0], exjobb[1], "/exjobb/?q=i+energi"}}},
		{"en", "theses", "lecture", [][]string{lectures}},
		{"en", "theses", "internships", [][]string{internships}},
		{"en", "theses", "praktik", [][]string{internships}},
		{"en", "internships", "thesis", [][]string{theses}},
		{"en", "internships", "exjobb", [][]string{theses}},
		{"en", "internships", "thesis on energy", [][]string{{theses[0], theses[1], "/en/theses/?q=on+energy"}}},
		// "project" names the collaborations (search.words) as well as
		// the degree projects: nothing on either list, both elsewhere.
		{"en", "collaborations", "project", nil},
		{"en", "theses", "projects", nil},
		// A bare "projekt" names no kind in Swedish: an exjobb is one too.
		{"sv", "theses", "projekt", nil},
		{"en", "internships", "project", [][]string{theses, {"Looking for collaborations?", "Active and planned collaborations", "/en/collaborations/"}}},
		// Two kinds, in the order of the words.
		{"en", "collaborations", "internship thesis", [][]string{internships, theses}},
		// Nothing for the page's own kind, three letters, a word that
		// is no name, a little word, a word longer than a name.
		{"sv", "theses", "exjobb", nil},
		{"en", "theses", "thesis", nil},
		{"sv", "theses", "pra", nil},
		{"sv", "theses", "energi", nil},
		{"en", "theses", "for", nil},
		{"sv", "theses", "inte betald", nil},
		{"en", "theses", "inte", nil},
		{"sv", "theses", "praktikplatserna", nil},
		{"sv", "theses", "", nil},
	})
}

// TestSearchOffersSiteNames: the words, names and addresses of the
// offers are the site's own: a site that calls its internships
// "Sommarjobb" in its own UI strings and publishes them at /sommarjobb/
// offers them for "sommarjobb", not for "praktik" any more.
func TestSearchOffersSiteNames(t *testing.T) {
	dir := copySite(t, "testdata/sites/basic", map[string]string{
		"templates/i18n/sv.toml": "[kind]\ninternships = \"Sommarjobb\"\n[kindone]\ninternships = \"Sommarjobb\"\n" +
			"[current]\ninternships = \"Lediga sommarjobb\"\n[search.words]\ninternships = \"feriejobb\"\n",
		"templates/i18n/en.toml": "[kind]\ninternships = \"Summer jobs\"\n[kindone]\ninternships = \"Summer job\"\n" +
			"[current]\ninternships = \"Open summer jobs\"\n[search.words]\ninternships = \"holiday\"\n",
	})
	cfg := filepath.Join(dir, "config.toml")
	text, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	renamed := strings.Replace(string(text), "sv = \"praktik\"", "sv = \"sommarjobb\"", 1)
	if renamed == string(text) {
		t.Fatal("the fixture's config has no section praktik")
	}
	if err := os.WriteFile(cfg, []byte(renamed), 0o644); err != nil {
		t.Fatal(err)
	}
	b := buildFixture(t, os.DirFS(dir))
	jobs := [][]string{{"Letar du efter sommarjobb?", "Lediga sommarjobb", "/sommarjobb/"}}
	runOffers(t, b.out, []offerCase{
		{"sv", "theses", "sommarjobb", jobs},
		{"sv", "theses", "summer", jobs},
		{"sv", "theses", "feriejobb", jobs},
		{"sv", "theses", "holiday", jobs},
		{"en", "theses", "sommarjobb", [][]string{{"Looking for summer jobs?", "Open summer jobs", "/en/internships/"}}},
		{"sv", "theses", "praktik", nil},
		{"sv", "theses", "internship", nil},
	})
}

// TestSearchLectureTimeNote: the note of an English lecture's time, whose
// clock it is ("10:15–12:00 (Stockholm time)", format.span), is in its
// result (the fact the list item shows) but not in its search text:
// "stockholm" and "time" on the English lecture list find none of the
// fixture's lectures, which name neither.
func TestSearchLectureTimeNote(t *testing.T) {
	b := buildFixture(t, fixture(t, "testdata/sites/basic"))
	en := filepath.Join(b.out, "en", "search") + "/"
	var cases []map[string]any
	for _, q := range []string{"stockholm", "time", "stockholm+time", "kartor"} {
		cases = append(cases, map[string]any{"index": en, "scope": "k-lectures", "now": testNow.Format(time.RFC3339), "queries": []string{"?q=" + q}})
	}
	var res [][]typoResult
	runNode(t, typoRunner, cases, &res)
	for i, want := range []int{0, 0, 0, 1} {
		if got := res[i][0].URLs; len(got) != want {
			t.Errorf("%s on the English lecture list: %v, want %d results", cases[i]["queries"], got, want)
		}
	}
	chunk, err := os.ReadFile(filepath.Join(b.out, "en", "search", "r", "0.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(chunk), "13:15–15:00 (Stockholm time)") {
		t.Errorf("the results lost the note of the lecture's time:\n%s", chunk)
	}
}

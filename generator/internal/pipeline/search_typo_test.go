package pipeline

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// typoSite is the basic fixture with four theses in both languages whose
// words a student may mistype: "skyfallsmodellering", "hållbarhet",
// "sensor", "energy"; "senior", one letter from "sensor"; and a company
// spelled "Enrgy", a word that a slip in "energi" makes.
func typoSite(t *testing.T) *built {
	t.Helper()
	en := func(title, body string) string { return "+++\ntitle = \"" + title + "\"\n+++\n\n" + body + "\n" }
	dir := copySite(t, "testdata/sites/basic", map[string]string{
		"content/theses/a-skyfall.md":    studentThesis("Skyfallsmodellering i staden", "Om regn."),
		"content/theses/a-skyfall.en.md": en("Cloudbursts in the city", "On rain."),
		"content/theses/b-hamnen.md":     studentThesis("Hållbarhet i hamnen", "Om fartyg."),
		"content/theses/b-hamnen.en.md":  en("Energy sensor networks", "On ships."),
		"content/theses/c-senior.md":     studentThesis("Seniorer och boende", "Om äldre."),
		"content/theses/c-senior.en.md":  en("Senior housing", "On the elderly."),
		"content/theses/d-enrgy.md":      studentThesis("Samarbete med Enrgy AB", "Om företaget."),
		"content/theses/d-enrgy.en.md":   en("Working with a company", "On the firm."),
	})
	return buildFixture(t, fixture(t, dir))
}

// typoResult is what typoRunner prints for a query: its results' URLs,
// the query as it was looked for when a word was spelled anew, and the
// term buckets it fetched that no query before it on the page had
// (t/<n>.json, in the order asked).
type typoResult struct {
	URLs     []string `json:"urls"`
	Spelling string   `json:"spelling"`
	Buckets  []string `json:"buckets"`
}

// typoRunner searches each case's queries one after another on one
// index, as search-page.js searches while a student types (or, with
// ahead, as its fetch ahead searches a likely next query), and prints
// each one's typoResult. Its get keeps what it fetched, as the page's
// does, and notes the term buckets asked for.
const typoRunner = `
const api = require(process.argv[2]);
const fs = require('fs');
const cases = JSON.parse(fs.readFileSync(0, 'utf8'));
(async () => {
  const out = [];
  for (const c of cases) {
    const cache = new Map();
    let asked = [];
    const get = (p) => {
      if (!cache.has(p)) {
        cache.set(p, Promise.resolve(JSON.parse(fs.readFileSync(p, 'utf8'))));
        if (p.startsWith(c.index + 't/')) asked.push(p.slice(c.index.length));
      }
      return cache.get(p);
    };
    const ix = await api.openIndex(c.index, c.scope, get);
    const res = [];
    for (const q of c.queries) {
      asked = [];
      const found = await api.details(ix, await api.search(ix, api.readQuery(q), Date.parse(c.now), undefined, c.ahead));
      res.push({ urls: found.map((it) => it.url), spelling: api.spelling ? api.spelling(ix, api.readQuery(q).q) : '', buckets: asked });
    }
    out.push(res);
  }
  process.stdout.write(JSON.stringify(out));
})().catch((e) => { console.error(e); process.exit(1); });
`

// runTyped runs typoRunner over each list of queries on the thesis list
// of the index (one fresh page per list).
func runTyped(t *testing.T, index string, lists [][]string) [][]typoResult {
	t.Helper()
	return runSearched(t, index, lists, false)
}

// runSearched is runTyped, each query searched as the fetch ahead
// searches it when ahead is true.
func runSearched(t *testing.T, index string, lists [][]string, ahead bool) [][]typoResult {
	t.Helper()
	var cases []map[string]any
	for _, qs := range lists {
		cases = append(cases, map[string]any{"index": index, "scope": "k-theses", "now": testNow.Format(time.RFC3339), "queries": qs, "ahead": ahead})
	}
	var res [][]typoResult
	runNode(t, typoRunner, cases, &res)
	if len(res) != len(lists) {
		t.Fatalf("%d results for %d lists of queries", len(res), len(lists))
	}
	return res
}

// TestSearchTypos: a word of four letters or more that matches nothing
// on the list, by prefix or by its stems, is looked for by the words of
// its bucket one slip away (a letter wrong, missing, extra, two
// neighbours swapped), and the query says how it was looked for
// (spelling, the note "Visar träffar för …"). A word that matches is
// never looked for by another ("senior" does not bring in "sensor", nor
// "enrgy" "energi" where a text has "Enrgy"), nor is a word of three
// letters.
func TestSearchTypos(t *testing.T) {
	b := typoSite(t)
	sv, en := filepath.Join(b.out, "search")+"/", filepath.Join(b.out, "en", "search")+"/"
	tests := []struct {
		index, query string
		urls         []string // the results, in order; nil for none
		spelling     string
		among        bool // urls are among the results (others have the word too)
	}{
		// A letter missing, in a long word and a short one.
		{sv, "skyfallsmodelering", []string{"/exjobb/a-skyfall/"}, "skyfallsmodellering", false},
		{en, "enrgy", []string{"/en/theses/b-hamnen/"}, "energy", true},
		// Two neighbours swapped, with and without diacritics.
		{sv, "h%C3%A5llbarhte", []string{"/exjobb/b-hamnen/"}, "hållbarhet", false},
		{sv, "hallbarhte", []string{"/exjobb/b-hamnen/"}, "hållbarhet", false},
		{en, "sensro", []string{"/en/theses/b-hamnen/"}, "sensor", false},
		// A letter wrong, a letter extra.
		{en, "sebsor", []string{"/en/theses/b-hamnen/"}, "sensor", false},
		{en, "sensoor", []string{"/en/theses/b-hamnen/"}, "sensor", false},
		// Two slips in a long word; a slip in a word typed on.
		{sv, "skyfalsmodelering", []string{"/exjobb/a-skyfall/"}, "skyfallsmodellering", false},
		{sv, "skyfalsmod", []string{"/exjobb/a-skyfall/"}, "skyfallsmodellering", false},
		// The other words of the query still narrow (and where nothing
		// is left, search-page.js shows no note).
		{en, "sensro+networks", []string{"/en/theses/b-hamnen/"}, "sensor networks", false},
		{en, "sensro+housing", nil, "sensor housing", false},
		// Words that match are looked for as typed.
		{en, "senior", []string{"/en/theses/c-senior/"}, "", false},
		{en, "sensor", []string{"/en/theses/b-hamnen/"}, "", false},
		{sv, "enrgy", []string{"/exjobb/d-enrgy/"}, "", false},
		// Three letters are too few to guess from ("enx" is a slip from
		// "ene…", "sebsor" from "sensor" at four).
		{en, "enx", nil, "", false},
	}
	var svq, enq [][]string
	for _, tc := range tests {
		if tc.index == sv {
			svq = append(svq, []string{"?q=" + tc.query})
		} else {
			enq = append(enq, []string{"?q=" + tc.query})
		}
	}
	got := append(runTyped(t, sv, svq), runTyped(t, en, enq)...)
	i, j := 0, len(svq)
	for _, tc := range tests {
		var res typoResult
		if tc.index == sv {
			res, i = got[i][0], i+1
		} else {
			res, j = got[j][0], j+1
		}
		ok := slices.Equal(res.URLs, tc.urls) || len(tc.urls) == 0 && len(res.URLs) == 0
		if tc.among {
			ok = !slices.ContainsFunc(tc.urls, func(u string) bool { return !slices.Contains(res.URLs, u) })
		}
		if !ok || res.Spelling != tc.spelling {
			t.Errorf("%s?q=%s: %v spelled %q, want %v spelled %q", tc.index[len(b.out):], tc.query, res.URLs, res.Spelling, tc.urls, tc.spelling)
		}
	}
}

// TestSearchTypoNotNarrowed: a word looked for by its near spellings may
// match what the keystroke before it did not, so its matches are not
// narrowed down from those: "enrg" finds the company "Enrgy", "enrgi"
// (one slip from "energi") finds the offers about energy too.
func TestSearchTypoNotNarrowed(t *testing.T) {
	b := typoSite(t)
	sv := filepath.Join(b.out, "search") + "/"
	typed := runTyped(t, sv, [][]string{{"?q=enrg", "?q=enrgi"}, {"?q=enrgi"}})
	if got := typed[0][0].URLs; !slices.Equal(got, []string{"/exjobb/d-enrgy/"}) {
		t.Errorf("enrg: %v, want [/exjobb/d-enrgy/]", got)
	}
	narrowed, fresh := typed[0][1].URLs, typed[1][0].URLs
	if !slices.Contains(fresh, "/exjobb/energidata/") || !slices.Equal(narrowed, fresh) {
		t.Errorf("enrgi typed on from enrg: %v, want %v (with /exjobb/energidata/)", narrowed, fresh)
	}
}

// TestSearchTypoNote: the note that says how a query was looked for is
// in the page's language, with {q} for the query (search-page.js).
func TestSearchTypoNote(t *testing.T) {
	b := buildFixture(t, fixture(t, "testdata/sites/basic"))
	for page, want := range map[string]string{
		"exjobb/index.html":    `data-corrected="Visar träffar för {q}"`,
		"en/theses/index.html": `data-corrected="Showing results for {q}"`,
	} {
		html, err := os.ReadFile(filepath.Join(b.out, page))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(html), want) {
			t.Errorf("%s has no %s", page, want)
		}
	}
}

// firstResults is the URL of the first result of each query, typed one
// after another on the thesis list of index (runTyped), "" for none.
func firstResults(t *testing.T, index string, queries ...string) []string {
	t.Helper()
	var first []string
	for _, r := range runTyped(t, index, [][]string{queries})[0] {
		url := ""
		if len(r.URLs) > 0 {
			url = r.URLs[0]
		}
		first = append(first, url)
	}
	return first
}

// TestSearchTypoFirstLetters: a word of five letters or more that
// matches nothing on the list, by itself, its stems or its near spellings
// in its bucket, is looked for by its near spellings in the buckets where
// a slip in its first two letters would have taken it from, with the
// same limits and the same note: the first two letters swapped, the
// first extra, the second extra or swapped with the third. It fetches
// those buckets (each once, at most three) and no other; a word that
// matches, one corrected in its own bucket, one of four letters and the
// fetch ahead fetch only the word's own bucket. A letter missing at the
// start cannot be placed: "kyfallsmodellering" finds nothing.
func TestSearchTypoFirstLetters(t *testing.T) {
	b := typoSite(t)
	sv, en := filepath.Join(b.out, "search")+"/", filepath.Join(b.out, "en", "search")+"/"
	_, layout := readSearch(t, b, "sv")
	_, enLayout := readSearch(t, b, "en")
	tests := []struct {
		index, query string
		urls         []string // the results, in order; nil for none
		spelling     string
		heads        []string // the beginnings whose buckets it fetches, its own first
	}{
		// The first two letters swapped.
		{sv, "ksyfallsmodellering", []string{"/exjobb/a-skyfall/"}, "skyfallsmodellering", []string{"ks", "sk", "sy", "ky"}},
		{en, "esnsor", []string{"/en/theses/b-hamnen/"}, "sensor", []string{"es", "se", "sn", "en"}},
		// The first letter extra.
		{sv, "askyfallsmodellering", []string{"/exjobb/a-skyfall/"}, "skyfallsmodellering", []string{"as", "sa", "sk", "ak"}},
		{en, "asensor", []string{"/en/theses/b-hamnen/"}, "sensor", []string{"as", "sa", "se", "ae"}},
		// The second letter swapped with the third, or extra.
		{sv, "sykfallsmodellering", []string{"/exjobb/a-skyfall/"}, "skyfallsmodellering", []string{"sy", "ys", "yk", "sk"}},
		{sv, "sxkyfallsmodelering", []string{"/exjobb/a-skyfall/"}, "skyfallsmodellering", []string{"sx", "xs", "xk", "sk"}},
		{en, "snesor", []string{"/en/theses/b-hamnen/"}, "sensor", []string{"sn", "ns", "ne", "se"}},
		{en, "lcoudbursts", []string{"/en/theses/a-skyfall/"}, "cloudbursts", []string{"lc", "cl", "co", "lo"}},
		// The first letter missing: nowhere to look.
		{sv, "kyfallsmodellering", nil, "", []string{"ky", "yk", "yf", "kf"}},
		// A word that matches, or is mended in its own bucket, or has
		// four letters, fetches its own bucket only.
		{sv, "skyfallsmodellering", []string{"/exjobb/a-skyfall/"}, "", []string{"sk"}},
		{en, "sensor", []string{"/en/theses/b-hamnen/"}, "", []string{"se"}},
		{en, "sensro", []string{"/en/theses/b-hamnen/"}, "sensor", []string{"se"}},
		{sv, "ksyf", nil, "", []string{"ks"}},
	}
	for _, tc := range tests {
		l := layout
		if tc.index == en {
			l = enLayout
		}
		var want []string
		for _, h := range tc.heads {
			if p := "t/" + strconv.Itoa(searchBucket(h, l.Buckets)) + ".json"; !slices.Contains(want, p) {
				want = append(want, p)
			}
		}
		res := runTyped(t, tc.index, [][]string{{"?q=" + tc.query}})[0][0]
		if !slices.Equal(res.URLs, tc.urls) && (len(tc.urls) > 0 || len(res.URLs) > 0) || res.Spelling != tc.spelling {
			t.Errorf("%s?q=%s: %v spelled %q, want %v spelled %q", tc.index[len(b.out):], tc.query, res.URLs, res.Spelling, tc.urls, tc.spelling)
		}
		if !slices.Equal(res.Buckets, want) {
			t.Errorf("%s?q=%s fetched %v, want %v (%v)", tc.index[len(b.out):], tc.query, res.Buckets, want, tc.heads)
		}
	}
	// Typed on from a word that found nothing ("ksyf", four letters), a
	// word mended elsewhere is not narrowed down from its nothing.
	if got := firstResults(t, sv, "?q=ksyf", "?q=ksyfa"); !slices.Equal(got, []string{"", "/exjobb/a-skyfall/"}) {
		t.Errorf("ksyf, then ksyfa: first results %q, want [\"\" /exjobb/a-skyfall/]", got)
	}
	// The fetch ahead looks in the word's own bucket only; the query
	// typed then fetches the others.
	typed := runSearched(t, sv, [][]string{{"?q=ksyfallsmodellering"}}, true)[0][0]
	if len(typed.URLs) != 0 || typed.Spelling != "" || !slices.Equal(typed.Buckets, []string{"t/" + strconv.Itoa(searchBucket("ks", layout.Buckets)) + ".json"}) {
		t.Errorf("ksyfallsmodellering fetched ahead: %v spelled %q, fetched %v, want nothing from its own bucket", typed.URLs, typed.Spelling, typed.Buckets)
	}
}

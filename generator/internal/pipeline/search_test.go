package pipeline

import (
	"bytes"
	"encoding/json"
	"hash/fnv"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"portal/generator/internal/render"
	"portal/generator/internal/search"
	"portal/generator/internal/site"
)

// readSearch decodes every file of the search index of lang.
func readSearch(t *testing.T, b *built, lang string) (map[string]any, search.Layout) {
	t.Helper()
	s := b.l.Site
	dir := strings.TrimPrefix(s.Prefix(lang), "/") + "search/"
	var man struct {
		Docs, Buckets int
	}
	if err := json.Unmarshal(b.files[dir+"index.json"], &man); err != nil {
		t.Fatalf("%sindex.json: %v", dir, err)
	}
	var scopes []string
	for p := range b.files {
		if n, ok := strings.CutPrefix(p, dir+"s/"); ok {
			scopes = append(scopes, strings.TrimSuffix(n, ".json"))
		}
	}
	slices.Sort(scopes)
	layout := search.NewLayout(man.Docs, scopes)
	files := map[string]any{}
	for _, p := range layout.Paths() {
		data := b.files[dir+p]
		if bytes.Count(data, []byte("\n")) != 1 || !bytes.HasSuffix(data, []byte("\n")) {
			t.Errorf("%s%s is not one compact line", dir, p)
		}
		var v any
		if err := json.Unmarshal(data, &v); err != nil {
			t.Fatalf("%s%s: %v", dir, p, err)
		}
		files[p] = v
	}
	for p := range b.files {
		if n, ok := strings.CutPrefix(p, dir); ok && files[n] == nil {
			t.Errorf("%s is not a file of the index", p)
		}
	}
	return files, layout
}

// TestSearchIndex checks the index of each language: every published
// record in one result chunk and nothing else, a scope per searchable
// page, and never a confidential agreement's body, a draft, a scheduled
// or an expired record.
func TestSearchIndex(t *testing.T) {
	long := strings.Repeat("Lång brödtext om energi och trafik. ", 60)
	dir := copySite(t, "testdata/sites/basic", map[string]string{
		"content/theses/utgangen.md": "+++\ntitle = \"Utgånget\"\ndate = 2026-01-01\nareas = [\"trafik\"]\nhost = \"kth\"\n" +
			"level = \"master\"\ncredits = 30\ndeadline = 2027-03-01\nexpiryDate = 2026-11-01\n+++\n\nUTGANGEN-TEXT.\n",
		"content/collaborations/lang.md": "+++\ntitle = \"Lång text\"\ndate = 2026-01-01\nareas = [\"energi\"]\nstatus = \"active\"\n" +
			"partners = [\"kth\"]\nperiodStart = 2026-01-01\nsummary = \"Kort.\"\n+++\n\n" + long + "SLUTET\n",
	})
	b := buildFixture(t, fixture(t, dir))
	s := b.l.Site
	hemligt := entryOf(t, s, "agreements", "hemligt")
	if body := s.Body(hemligt.Own()); body.Text != "" || body.HTML != "" {
		t.Errorf("confidential agreement has body text %q / HTML %q", body.Text, body.HTML)
	}
	for p, data := range b.files {
		low := bytes.ToLower(data)
		for _, secret := range []string{"HEMLIG-TEXT", "UTGANGEN-TEXT", "Utgånget", "Utkast", "Schemalagd praktik", "Publiceras senare"} {
			if bytes.Contains(data, []byte(secret)) || strings.HasSuffix(p, ".json") && bytes.Contains(low, bytes.ToLower([]byte(secret))) {
				t.Errorf("%s contains %q", p, secret)
			}
		}
	}
	for _, lang := range s.Cfg.Languages {
		files, layout := readSearch(t, b, lang)
		if want := []string{"a-energi", "a-trafik", "k-agreements", "k-collaborations", "k-followups", "k-internships", "k-lectures", "k-theses"}; !slices.Equal(layout.Scopes, want) {
			t.Errorf("%s: scopes %v, want %v", lang, layout.Scopes, want)
		}
		want := map[string]*site.Entry{}
		for _, e := range s.Entries {
			want[e.URL[lang]] = e
		}
		if layout.Docs != len(s.Entries) {
			t.Errorf("%s: %d documents, %d published records", lang, layout.Docs, len(s.Entries))
		}
		for _, p := range layout.Paths() {
			if !strings.HasPrefix(p, "r/") {
				continue
			}
			for _, row := range files[p].([]any) {
				it := row.([]any)
				url := it[0].(string)
				e := want[url]
				if e == nil {
					t.Errorf("%s: %s is not a published record (or twice)", lang, url)
					continue
				}
				delete(want, url)
				if !b.has(url) {
					t.Errorf("%s: %s is not in the output", lang, url)
				}
				if v := e.VersionFor(lang); it[1] != v.Title || it[2] != v.Lang {
					t.Errorf("%s: %s: title %v lang %v", lang, url, it[1], it[2])
				}
			}
		}
		for url := range want {
			t.Errorf("%s: %s is missing", lang, url)
		}
		words := indexWords(files, layout)
		// The body's words, in full up to the Markdown text limit, but
		// never those of a confidential agreement's body.
		for w, in := range map[string]bool{"lång": true, "brödtext": true, "slutet": false, "hemlig": false, "två": lang == "sv", "flerbostadshus": lang == "sv"} {
			if words[w] != in {
				t.Errorf("%s: word %q in the index: %v, want %v", lang, w, words[w], in)
			}
		}
	}
	checkSearchForms(t, b)
}

// checkSearchForms checks that kind lists and area pages with records to
// search, and only they, carry the search form with a visible label for every control.
func checkSearchForms(t *testing.T, b *built) {
	t.Helper()
	control := regexp.MustCompile(`<(input|select)[^>]* id="([^"]+)"`)
	for _, p := range b.l.Site.Pages {
		html := string(b.file(t, p.URL))
		var scope []*site.Entry
		switch p.Type {
		case site.ListPage:
			scope = b.l.Site.Current(p.Kind)
		case site.AreaPage:
			scope = b.l.Site.Members("areas", p.Term.Key)
		}
		want := len(scope) > 0
		has := strings.Contains(html, `<div class="search" data-index="`+b.l.Site.Prefix(p.Lang)+`search/" data-scope="`+render.SearchScopeName(p)+`"`)
		if has != want {
			t.Errorf("%s (%s): search form %v, want %v", p.URL, p.Type, has, want)
		}
		if !has {
			continue
		}
		for _, m := range control.FindAllStringSubmatch(html, -1) {
			if !strings.Contains(html, `<label for="`+m[2]+`">`) {
				t.Errorf("%s: %s#%s has no label", p.URL, m[1], m[2])
			}
		}
		if !strings.Contains(html, `aria-live="polite"`) || !strings.Contains(html, `<script src="/assets/search.`) {
			t.Errorf("%s: no live region or no search script", p.URL)
		}
	}
	// The facets offered on the fixture's thesis list.
	html := string(b.file(t, "/exjobb/"))
	var facets []string
	for _, m := range regexp.MustCompile(`<select id="search-([a-z]+)"`).FindAllStringSubmatch(html, -1) {
		facets = append(facets, m[1])
	}
	if want := []string{"area", "host", "level", "language"}; !slices.Equal(facets, want) {
		t.Errorf("/exjobb/: facets %v, want %v", facets, want)
	}
}

// searchRunner runs search.js's pure filter under Node for each case read
// from stdin and prints the results.
const searchRunner = `
const api = require(process.argv[2]);
const fs = require('fs');
const cases = JSON.parse(fs.readFileSync(0, 'utf8'));
const files = {};
// The files a prefetch asks for, each with how many of them had arrived
// when it was asked: during a prefetch a file arrives a task later.
let asked = null, arrived = 0;
const get = (p) => {
  if (asked && !files[p]) {
    asked.push([arrived, p]);
    files[p] = new Promise((ok) => setTimeout(() => { arrived++; ok(JSON.parse(fs.readFileSync(p, 'utf8'))); }, 0));
  }
  return Promise.resolve(files[p] || (files[p] = JSON.parse(fs.readFileSync(p, 'utf8'))));
};
function fakeDoc() {
  const E = (tag) => ({ tag, className: '', textContent: '', lang: '', href: '', attrs: [], children: [],
    appendChild(c) { this.children.push(c); return c; }, setAttribute(k, v) { this.attrs.push([k, v]); } });
  return { createElement: E };
}
function ser(e) {
  let a = '';
  if (e.className) a += ' class="' + e.className + '"';
  if (e.lang) a += ' lang="' + e.lang + '"';
  if (e.href) a += ' href="' + e.href + '"';
  for (const [k, v] of e.attrs) a += ' ' + k + '="' + v + '"';
  return '<' + e.tag + a + '>' + e.textContent + e.children.map(ser).join('') + '</' + e.tag + '>';
}
(async () => {
  const out = [];
  for (const c of cases) {
    const ix = await api.openIndex(c.index, c.scope, get);
    const state = api.readQuery(c.query);
    const now = Date.parse(c.now);
    const found = await api.details(ix, await api.search(ix, state, now));
    const res = { urls: found.map((it) => it.url), states: found.map((it) => api.stateOf(it, now)),
      query: api.writeQuery(state), active: api.isActive(state) };
    if (c.ahead) {
      res.next = await api.likely(ix, state.q, 3);
      asked = [];
      arrived = 0;
      await api.prefetch(ix, state, now, () => true);
      res.fetched = asked.map(([n, p]) => n + ' ' + p.slice(c.index.length));
      asked = null;
    }
    if (c.from !== undefined) {
      // The same query typed on from c.from, on an index whose scope is
      // then emptied: what it finds, it found among the kept matches.
      const ix2 = await api.openIndex(c.index, c.scope, get);
      await api.search(ix2, api.readQuery(c.from), now);
      ix2.items = [];
      res.narrowed = (await api.details(ix2, await api.search(ix2, state, now))).map((it) => it.url);
    }
    if (c.render) {
      const ctx = { lang: ix.lang, now, foreign: ix.foreign, kinds: api.kindNames(ix),
        stateLabel: (st, kind) => ix.states[kind + '.' + st] || ix.states[st] || st };
      res.html = found.map((it) => ser(api.renderItem(fakeDoc(), it, ctx))).join('');
    }
    out.push(res);
  }
  process.stdout.write(JSON.stringify(out));
})().catch((e) => { console.error(e); process.exit(1); });
`

type searchCase struct {
	Index  string `json:"index"` // the folder, ending in a slash
	Scope  string `json:"scope"`
	Query  string `json:"query"`
	Now    string `json:"now"`
	Render bool   `json:"render,omitempty"`
}

// aheadCase is a case whose result has the likely next queries and what
// prefetching for them fetches.
type aheadCase struct {
	searchCase
	Ahead bool `json:"ahead"`
}

// narrowCase is a case typed on from the query From.
type narrowCase struct {
	searchCase
	From string `json:"from"`
}

type searchResult struct {
	Narrowed []string `json:"narrowed"`
	URLs     []string `json:"urls"`
	States   []string `json:"states"`
	Query    string   `json:"query"`
	Active   bool     `json:"active"`
	Next     []string `json:"next"`
	Fetched  []string `json:"fetched"`
	HTML     string   `json:"html"`
}

// TestSearchFilter runs the filter of templates/assets/search.js under
// Node against the built index of the fixture: the records a filtered
// list or area page shows, the marks of records that closed after the
// build, the URL query of a filter, and the markup of a result (its mark
// named as search-page.js's stateLabel names it from the index).
func TestSearchFilter(t *testing.T) {
	if _, err := exec.LookPath("node"); err != nil {
		t.Skip("node not installed")
	}
	b := buildFixture(t, fixture(t, "testdata/sites/basic"))
	sv, en := filepath.Join(b.out, "search")+"/", filepath.Join(b.out, "en", "search")+"/"
	theses := "k-theses"
	now := testNow.Format("2006-01-02T15:04:05Z07:00")
	tests := []struct {
		name   string
		c      searchCase
		urls   []string
		states []string
		query  string
	}{
		{"area and level", searchCase{sv, theses, "?area=energi&level=master", now, false},
			[]string{"/exjobb/energidata/", "/en/theses/international/"}, []string{"", ""}, "?area=energi&level=master"},
		{"area and level, English", searchCase{en, theses, "?level=master&area=energi", now, false},
			[]string{"/en/theses/energidata/", "/en/theses/international/"}, nil, "?area=energi&level=master"},
		{"text with diacritics", searchCase{sv, theses, "?q=Trafikfl%C3%B6den", now, false},
			[]string{"/exjobb/trafikfloden/"}, nil, "?q=Trafikfl%C3%B6den"},
		{"text without diacritics", searchCase{sv, theses, "?q=trafikfloden", now, false},
			[]string{"/exjobb/trafikfloden/"}, nil, ""},
		{"every word must match", searchCase{sv, theses, "?q=tv%C3%A5+studenter", now, false},
			[]string{"/exjobb/energidata/"}, nil, ""},
		{"no match", searchCase{sv, theses, "?q=studenter+kartor", now, false}, nil, nil, ""},
		// The city's own offer first, then its administration's.
		{"host name as text", searchCase{sv, theses, "?q=stockholms+stad", now, false},
			[]string{"/exjobb/energidata/", "/exjobb/trafikfloden/"}, nil, ""},
		{"host, current only", searchCase{sv, theses, "?host=trafikkontoret", now, false},
			[]string{"/exjobb/trafikfloden/"}, nil, "?host=trafikkontoret"},
		{"language of the work", searchCase{sv, theses, "?language=en", now, false},
			[]string{"/exjobb/energidata/"}, nil, ""},
		{"closed after the build goes last", searchCase{sv, theses, "", "2026-11-28T00:00:00+01:00", false},
			[]string{"/exjobb/energidata/", "/en/theses/international/", "/exjobb/trafikfloden/"}, []string{"", "", "closed"}, ""},
		{"still open the second before", searchCase{sv, theses, "?level=bachelor", "2026-11-27T23:59:59+01:00", false},
			[]string{"/exjobb/trafikfloden/"}, []string{""}, ""},
		{"area page, kind facet", searchCase{sv, "a-energi", "?kind=lectures", now, false},
			[]string{"/gastforelasningar/installd/", "/gastforelasningar/forra-aret/"}, []string{"cancelled", "past"}, "?kind=lectures"},
		{"area page, text", searchCase{sv, "a-trafik", "?q=kartor", now, false},
			[]string{"/gastforelasningar/smarta-kartor/"}, nil, ""},
		{"area page, school", searchCase{sv, "a-energi", "?school=abe", now, false},
			[]string{"/exjobb/energidata/"}, nil, ""},
		// Every filter in English too: the same records, their English
		// pages where they have one.
		{"host, English", searchCase{en, theses, "?host=trafikkontoret", now, false},
			[]string{"/exjobb/trafikfloden/"}, nil, "?host=trafikkontoret"},
		{"language of the work, English", searchCase{en, theses, "?language=en", now, false},
			[]string{"/en/theses/energidata/"}, nil, ""},
		{"text, English (an area's English name)", searchCase{en, theses, "?q=energy", now, false},
			[]string{"/exjobb/trafikfloden/", "/en/theses/energidata/", "/en/theses/international/"}, nil, ""},
		{"area page, kind facet, English", searchCase{en, "a-energi", "?kind=lectures", now, false},
			[]string{"/gastforelasningar/installd/", "/gastforelasningar/forra-aret/"}, []string{"cancelled", "past"}, "?kind=lectures"},
		{"area page, school, English", searchCase{en, "a-energi", "?school=abe", now, false},
			[]string{"/en/theses/energidata/"}, nil, ""},
		{"confidential body is not searchable", searchCase{sv, "a-trafik", "?q=hemlig", now, false}, nil, nil, ""},
		{"confidential title is", searchCase{sv, "a-trafik", "?q=avtal+om+data", now, false},
			[]string{"/avtal/hemligt/"}, []string{"terminated"}, ""},
		{"lecture list order, past after the build", searchCase{sv, "k-lectures", "", "2026-12-03T15:00:00+01:00", false},
			[]string{"/gastforelasningar/installd/", "/gastforelasningar/smarta-kartor/"}, []string{"cancelled", "past"}, ""},
		{"unknown parameters are ignored", searchCase{sv, theses, "?foo=bar&q=", now, false},
			[]string{"/exjobb/trafikfloden/", "/exjobb/energidata/", "/en/theses/international/"}, nil, ""},
		{"prefix while typing", searchCase{sv, theses, "?q=trafikfl", now, false},
			[]string{"/exjobb/trafikfloden/"}, nil, ""},
		{"prefix without diacritics", searchCase{sv, theses, "?q=bostads+tva", now, false}, nil, nil, ""},
		{"words of the body", searchCase{sv, theses, "?q=flerbost+tva", now, false},
			[]string{"/exjobb/energidata/"}, nil, ""},
		{"one letter", searchCase{sv, theses, "?q=u", now, false},
			[]string{"/en/theses/international/"}, nil, ""},
		{"shared link", searchCase{sv, theses, "?q=energi&area=energi-och-klimat&level=master", now, false},
			nil, nil, "?q=energi&area=energi-och-klimat&level=master"},
	}
	var cases []searchCase
	for _, tc := range tests {
		cases = append(cases, tc.c)
	}
	cases = append(cases, searchCase{sv, theses, "?q=urban", now, true},
		searchCase{sv, theses, "?q=trafikfloden", "2026-11-28T00:00:00+01:00", true})
	res := runSearch(t, cases)
	for i, tc := range tests {
		got := res[i]
		if !slices.Equal(got.URLs, tc.urls) {
			t.Errorf("%s (%s): %v, want %v", tc.name, tc.c.Query, got.URLs, tc.urls)
		}
		if tc.states != nil && !slices.Equal(got.States, tc.states) {
			t.Errorf("%s: marks %q, want %q", tc.name, got.States, tc.states)
		}
		if tc.query != "" && got.Query != tc.query {
			t.Errorf("%s: query %q, want %q", tc.name, got.Query, tc.query)
		}
		if got.Active != (got.Query != "") {
			t.Errorf("%s: active %v for query %q", tc.name, got.Active, got.Query)
		}
	}
	// A result is the list item of the "item" partial: an offer in English
	// in the Swedish list, marked with its language.
	want := `<li class="item item-theses" lang="en" data-deadline="2027-02-01T00:00:00+01:00">` +
		`<h2 class="item-title"><a href="/en/theses/international/">Urban heat islands (English only)</a></h2>` +
		`<p class="marks" lang="sv"><span class="mark mark-lang">på engelska</span></p>` +
		`<dl class="meta" lang="sv"><div><dt>Sista ansökningsdag</dt><dd>31 januari 2027</dd></div>` +
		`<div><dt>Värdorganisation</dt><dd>KTH</dd></div><div><dt>Nivå</dt><dd>Master, 30` + "\u00a0" + `hp</dd></div></dl>` +
		`<p class="excerpt">An offer written in English only.</p></li>`
	if got := res[len(tests)].HTML; got != want {
		t.Errorf("rendered result:\n%s\nwant\n%s", got, want)
	}
	// An offer closed since the build is marked by its kind's word, which
	// the index names under "theses.closed" (ett exjobb is "Stängt").
	if got, mark := res[len(tests)+1].HTML, `<span class="mark mark-closed">Stängt</span>`; !strings.Contains(got, mark) {
		t.Errorf("result closed since the build:\n%s\nwant %s", got, mark)
	}
}

// runSearch runs the cases under Node with templates/assets/search.js.
func runSearch(t *testing.T, cases []searchCase) []searchResult {
	t.Helper()
	return runCases(t, cases, len(cases))
}

// runCases runs n cases (searchCase or aheadCase) under Node.
func runCases(t *testing.T, cases any, n int) []searchResult {
	t.Helper()
	var res []searchResult
	runNode(t, searchRunner, cases, &res)
	if len(res) != n {
		t.Fatalf("%d results for %d cases", len(res), n)
	}
	return res
}

// TestSearchRanking: a word typed without its diacritics finds it (and
// ranks it as it ranks the word spelled without), the exact spelling of
// a word typed with them ranks first, a match in the title ranks above one in the
// body, and an open offer above one whose deadline passed after the build
// (c-closes closes first, so it is listed first while open).
func TestSearchRanking(t *testing.T) {
	thesis := func(title, deadline, body string) string {
		return "+++\ntitle = \"" + title + "\"\ndate = 2026-09-01\nareas = [\"energi\"]\nhost = \"kth\"\n" +
			"level = \"master\"\ncredits = 30\ndeadline = " + deadline + "\napply = \"mailto:a@example.se\"\n+++\n\n" + body + "\n"
	}
	dir := copySite(t, "testdata/sites/basic", map[string]string{
		"content/theses/a-mark.md":   thesis("Fjärrvärme i Mälardalen", "2026-12-20", "Om värme."),
		"content/theses/b-plain.md":  thesis("Kyla och värme", "2026-12-20", "Text skriven fjarrvarme utan prickar."),
		"content/theses/c-closes.md": thesis("Fjärrvärme och data", "2026-11-28", "Om data."),
		"content/theses/d-body.md":   thesis("Annat ämne", "2026-12-20", "Här nämns fjärrvärme i brödtexten."),
	})
	b := buildFixture(t, fixture(t, dir))
	sv := filepath.Join(b.out, "search") + "/"
	now, later := testNow.Format(time.RFC3339), "2026-11-29T12:00:00+01:00"
	tests := []struct {
		c    searchCase
		urls []string
	}{
		// Typed without diacritics, the word with them is as good a
		// match as the word without: the titles first.
		{searchCase{sv, "k-theses", "?q=fjarrvarme", now, false},
			[]string{"/exjobb/c-closes/", "/exjobb/a-mark/", "/exjobb/b-plain/", "/exjobb/d-body/"}},
		{searchCase{sv, "k-theses", "?q=fj%C3%A4rrv%C3%A4rme", now, false},
			[]string{"/exjobb/c-closes/", "/exjobb/a-mark/", "/exjobb/d-body/", "/exjobb/b-plain/"}},
		{searchCase{sv, "k-theses", "?q=fj%C3%A4rrv%C3%A4rme", later, false},
			[]string{"/exjobb/a-mark/", "/exjobb/d-body/", "/exjobb/b-plain/", "/exjobb/c-closes/"}},
		{searchCase{sv, "k-theses", "?q=malardalen", now, false}, []string{"/exjobb/a-mark/"}},
		{searchCase{sv, "a-energi", "?q=m%C3%A4lard", now, false}, []string{"/exjobb/a-mark/"}},
	}
	var cases []searchCase
	for _, tc := range tests {
		cases = append(cases, tc.c)
	}
	for i, got := range runSearch(t, cases) {
		if tc := tests[i]; !slices.Equal(got.URLs, tc.urls) {
			t.Errorf("%s %s at %s: %v, want %v", tc.c.Scope, tc.c.Query, tc.c.Now, got.URLs, tc.urls)
		}
	}
}

// TestSearchPrefetch: after a query is drawn, search.js fetches ahead the
// term buckets of the likeliest next keystrokes (from the index's next
// prefixes for one letter, from the words of the bucket for more) and the
// result chunks of their first results, so that typing on is drawn from
// what is at hand; nothing after a space. The buckets are asked for all
// at once (each fetched file is "<files arrived before it was asked>
// <path>"), not one after the other, which kept a keystroke typed
// meanwhile waiting for a bucket fetched ahead.
func TestSearchPrefetch(t *testing.T) {
	thesis := func(title string) string {
		return "+++\ntitle = \"" + title + "\"\ndate = 2026-09-01\nareas = [\"energi\"]\nhost = \"kth\"\n" +
			"level = \"master\"\ncredits = 30\ndeadline = 2026-12-20\napply = \"mailto:a@example.se\"\n+++\n\nText.\n"
	}
	dir := copySite(t, "testdata/sites/basic", map[string]string{
		"content/theses/a.md": thesis("Zyxa zyxb"),
		"content/theses/b.md": thesis("Zyxa zcxo"),
		"content/theses/c.md": thesis("Zyxa Zyxc"),
	})
	b := buildFixture(t, fixture(t, dir))
	sv := filepath.Join(b.out, "search") + "/"
	_, layout := readSearch(t, b, "sv")
	bucket := func(p string) string { return "t/" + strconv.Itoa(searchBucket(p, layout.Buckets)) + ".json" }
	now := testNow.Format(time.RFC3339)
	tests := []struct {
		query   string
		next    []string
		fetched []string
	}{
		{"?q=z", []string{"zy", "zc"}, []string{"0 " + bucket("zy"), "0 " + bucket("zc")}},
		{"?q=zyx", []string{"zyxa", "zyxb", "zyxc"}, []string{}},
		{"?q=zyxa+", []string{}, []string{}},
	}
	var cases []aheadCase
	for _, tc := range tests {
		cases = append(cases, aheadCase{searchCase{sv, "k-theses", tc.query, now, false}, true})
	}
	for i, got := range runCases(t, cases, len(cases)) {
		tc := tests[i]
		if !slices.Equal(got.Next, tc.next) {
			t.Errorf("%s: next %q, want %q", tc.query, got.Next, tc.next)
		}
		if !slices.Equal(got.Fetched, tc.fetched) {
			t.Errorf("%s: prefetched %q, want %q", tc.query, got.Fetched, tc.fetched)
		}
	}
}

// TestSearchNarrows: a query typed on from the last one (one character
// more) is looked for among the last one's matches only, not the whole
// scope (search.js keeps them), and finds what a fresh search finds, in
// the same order: a letter more of the last word, a new word, a
// first letter after a facet.
func TestSearchNarrows(t *testing.T) {
	b := buildFixture(t, fixture(t, "testdata/sites/basic"))
	sv := filepath.Join(b.out, "search") + "/"
	now := testNow.Format(time.RFC3339)
	tests := []struct{ from, query string }{
		{"?q=trafikflo", "?q=trafikflod"},
		{"?q=e", "?q=en"},
		{"?q=tv%C3%A5+", "?q=tv%C3%A5+s"},
		{"?level=master", "?q=e&level=master"},
	}
	var cases []narrowCase
	for _, tc := range tests {
		cases = append(cases, narrowCase{searchCase{sv, "k-theses", tc.query, now, false}, tc.from})
	}
	for i, got := range runCases(t, cases, len(cases)) {
		tc := tests[i]
		if len(got.URLs) == 0 || !slices.Equal(got.Narrowed, got.URLs) {
			t.Errorf("%s typed on from %s: %v, want %v", tc.query, tc.from, got.Narrowed, got.URLs)
		}
	}
}

// searchBucket is the term bucket of a folded prefix among n (FNV-1a, as
// package search and search.js choose it).
func searchBucket(prefix string, n int) int {
	h := fnv.New32a()
	h.Write([]byte(prefix))
	return int(h.Sum32() & uint32(n-1))
}

// TestNoSearch: Options.NoSearch, for BenchmarkSearchCost only, leaves
// out every file of the search indexes and the body words kept for them,
// and nothing else.
func TestNoSearch(t *testing.T) {
	paths := func(opt Options) (search, other []string) {
		l, err := Load(fixture(t, "testdata/sites/basic"), opt)
		if err != nil {
			t.Fatal(err)
		}
		for _, o := range l.Outputs() {
			if strings.HasPrefix(o.Path, "search/") || strings.HasPrefix(o.Path, "en/search/") {
				search = append(search, o.Path)
			} else {
				other = append(other, o.Path)
			}
		}
		for _, e := range l.Site.Entries {
			for _, v := range e.Versions {
				if opt.NoSearch && l.Site.Body(v).Text != "" {
					t.Errorf("%s: body words kept without an index: %.40q", v.Path, l.Site.Body(v).Text)
				}
			}
		}
		return search, other
	}
	withIndex, all := paths(Options{Now: testNow})
	none, rest := paths(Options{Now: testNow, NoSearch: true})
	if len(withIndex) == 0 || len(none) != 0 {
		t.Errorf("search files: %d with the index, %d without (%q…)", len(withIndex), len(none), none)
	}
	if !slices.Equal(all, rest) {
		t.Errorf("other outputs differ without the index: %d against %d", len(rest), len(all))
	}
}

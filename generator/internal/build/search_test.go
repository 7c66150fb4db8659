package build

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"portal/generator/internal/site"
)

// readIndex decodes a built search index.
func readIndex(t *testing.T, data []byte) searchIndex {
	t.Helper()
	var ix searchIndex
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&ix); err != nil {
		t.Fatalf("search index: %v", err)
	}
	return ix
}

// TestSearchIndex checks the index of each language: every published
// record once and nothing else, compact, vocabularies written once, and
// never a confidential agreement's body, a draft, a scheduled or an
// expired record.
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
	if hemligt.Own().Text != "" || hemligt.Own().HTML != "" {
		t.Errorf("confidential agreement has body text %q / HTML %q", hemligt.Own().Text, hemligt.Own().HTML)
	}
	for p, data := range b.files {
		for _, secret := range []string{"HEMLIG-TEXT", "UTGANGEN-TEXT", "Utgånget", "Utkast", "Schemalagd praktik", "Publiceras senare"} {
			if bytes.Contains(data, []byte(secret)) {
				t.Errorf("%s contains %q", p, secret)
			}
		}
	}
	for _, lang := range s.Cfg.Languages {
		name := strings.TrimPrefix(s.Prefix(lang), "/") + "search.json"
		data := b.files[name]
		if data == nil {
			t.Fatalf("no %s", name)
		}
		if bytes.Count(data, []byte("\n")) != 1 || !bytes.HasSuffix(data, []byte("}\n")) {
			t.Errorf("%s is not one compact line", name)
		}
		ix := readIndex(t, data)
		if ix.Lang != lang || !slices.Equal(ix.Fields, searchFields) {
			t.Errorf("%s: lang %q fields %v", name, ix.Lang, ix.Fields)
		}
		for tab, rows := range map[string][][2]string{"kinds": ix.Kinds, "areas": ix.Areas, "orgs": ix.Orgs, "schools": ix.Schools,
			"levels": ix.Levels, "languages": ix.Languages, "states": ix.States, "foreign": ix.Foreign} {
			seen := map[string]bool{}
			for _, r := range rows {
				if seen[r[0]] || r[1] == "" {
					t.Errorf("%s: %s: key %q twice or without a name", name, tab, r[0])
				}
				seen[r[0]] = true
			}
		}
		if want := []string{"energi", "trafik"}; !slices.Equal(col(ix.Areas), want) {
			t.Errorf("%s: areas %v, want %v", name, col(ix.Areas), want)
		}
		want := map[string]*site.Entry{}
		for _, e := range s.Entries {
			want[e.URL[lang]] = e
		}
		if len(ix.Items) != len(s.Entries) {
			t.Errorf("%s: %d items, %d published records", name, len(ix.Items), len(s.Entries))
		}
		for _, it := range ix.Items {
			if len(it) != len(searchFields) {
				t.Fatalf("%s: item of %d fields: %v", name, len(it), it)
			}
			url := it[0].(string)
			e := want[url]
			if e == nil {
				t.Errorf("%s: %s is not a published record (or twice)", name, url)
				continue
			}
			delete(want, url)
			if !b.has(url) {
				t.Errorf("%s: %s is not in the output", name, url)
			}
			v := e.VersionFor(lang)
			kind := ix.Kinds[int(it[2].(float64))][0]
			if it[1] != v.Title || kind != e.Kind || it[9] != v.Lang {
				t.Errorf("%s: %s: title %v kind %v lang %v", name, url, it[1], kind, it[9])
			}
			text := it[13].(string)
			if utf8.RuneCountInString(text) > SearchTextMax {
				t.Errorf("%s: %s: text of %d characters", name, url, utf8.RuneCountInString(text))
			}
			if e.Confidential && text != "" {
				t.Errorf("%s: confidential %s has text %q", name, url, text)
			}
			if e.Slug == "lang" && (!strings.HasPrefix(text, "Lång brödtext") || strings.Contains(text, "SLUTET")) {
				t.Errorf("%s: the long body is not capped: %q", name, text)
			}
		}
		for url := range want {
			t.Errorf("%s: %s is missing", name, url)
		}
	}
	checkSearchForms(t, b)
}

func col(rows [][2]string) []string {
	var out []string
	for _, r := range rows {
		out = append(out, r[0])
	}
	return out
}

// checkSearchForms checks that kind lists and area pages with records to
// search, and only they, carry the hidden search form with a visible label for every control.
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
		has := strings.Contains(html, `<div class="search" hidden data-index="`+b.l.Site.Prefix(p.Lang)+`search.json"`)
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
const cache = {};
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
const out = cases.map((c) => {
  const ix = cache[c.index] || (cache[c.index] = api.parseIndex(JSON.parse(fs.readFileSync(c.index, 'utf8'))));
  const state = api.readQuery(c.query);
  const now = Date.parse(c.now);
  const found = api.filter(ix, c.scope, state, now);
  const res = { urls: found.map((it) => it.url), states: found.map((it) => api.stateOf(it, now)),
    query: api.writeQuery(state), active: api.isActive(state) };
  if (c.render) {
    const ctx = { lang: ix.lang, now, foreign: ix.foreign, stateLabel: (st) => ix.states[st] || st };
    res.html = found.map((it) => ser(api.renderItem(fakeDoc(), it, ctx))).join('');
  }
  return res;
});
process.stdout.write(JSON.stringify(out));
`

type searchScope struct {
	Kind    string `json:"kind,omitempty"`
	Current bool   `json:"current,omitempty"`
	Area    string `json:"area,omitempty"`
}

type searchCase struct {
	Index  string      `json:"index"`
	Scope  searchScope `json:"scope"`
	Query  string      `json:"query"`
	Now    string      `json:"now"`
	Render bool        `json:"render,omitempty"`
}

type searchResult struct {
	URLs   []string `json:"urls"`
	States []string `json:"states"`
	Query  string   `json:"query"`
	Active bool     `json:"active"`
	HTML   string   `json:"html"`
}

// TestSearchFilter runs the filter of templates/assets/search.js under
// Node against the built index of the fixture: the records a filtered
// list or area page shows, the marks of records that closed after the
// build, the URL query of a filter, and the markup of a result.
func TestSearchFilter(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node not installed")
	}
	b := buildFixture(t, fixture(t, "testdata/sites/basic"))
	script, _ := filepath.Abs("../../../templates/assets/search.js")
	runner := filepath.Join(t.TempDir(), "run.js")
	if err := os.WriteFile(runner, []byte(searchRunner), 0o644); err != nil {
		t.Fatal(err)
	}
	sv, en := filepath.Join(b.out, "search.json"), filepath.Join(b.out, "en", "search.json")
	theses := searchScope{Kind: "theses", Current: true}
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
		{"host name as text", searchCase{sv, theses, "?q=stockholms+stad", now, false},
			[]string{"/exjobb/energidata/"}, nil, ""},
		{"host, current only", searchCase{sv, theses, "?host=trafikkontoret", now, false},
			[]string{"/exjobb/trafikfloden/"}, nil, "?host=trafikkontoret"},
		{"language of the work", searchCase{sv, theses, "?language=en", now, false},
			[]string{"/exjobb/energidata/"}, nil, ""},
		{"closed after the build goes last", searchCase{sv, theses, "", "2026-11-28T00:00:00+01:00", false},
			[]string{"/exjobb/energidata/", "/en/theses/international/", "/exjobb/trafikfloden/"}, []string{"", "", "closed"}, ""},
		{"still open the second before", searchCase{sv, theses, "?level=bachelor", "2026-11-27T23:59:59+01:00", false},
			[]string{"/exjobb/trafikfloden/"}, []string{""}, ""},
		{"area page, kind facet", searchCase{sv, searchScope{Area: "energi"}, "?kind=lectures", now, false},
			[]string{"/gastforelasningar/installd/", "/gastforelasningar/forra-aret/"}, []string{"cancelled", "past"}, "?kind=lectures"},
		{"area page, text", searchCase{sv, searchScope{Area: "trafik"}, "?q=kartor", now, false},
			[]string{"/gastforelasningar/smarta-kartor/"}, nil, ""},
		{"area page, school", searchCase{sv, searchScope{Area: "energi"}, "?school=abe", now, false},
			[]string{"/exjobb/energidata/"}, nil, ""},
		{"confidential body is not searchable", searchCase{sv, searchScope{Area: "trafik"}, "?q=hemlig", now, false}, nil, nil, ""},
		{"confidential title is", searchCase{sv, searchScope{Area: "trafik"}, "?q=avtal+om+data", now, false},
			[]string{"/avtal/hemligt/"}, []string{"terminated"}, ""},
		{"lecture list order, past after the build", searchCase{sv, searchScope{Kind: "lectures", Current: true}, "", "2026-12-03T15:00:00+01:00", false},
			[]string{"/gastforelasningar/installd/", "/gastforelasningar/smarta-kartor/"}, []string{"cancelled", "past"}, ""},
		{"unknown parameters are ignored", searchCase{sv, theses, "?foo=bar&q=", now, false},
			[]string{"/exjobb/trafikfloden/", "/exjobb/energidata/", "/en/theses/international/"}, nil, ""},
		{"shared link", searchCase{sv, theses, "?q=energi&area=energi-och-klimat&level=master", now, false},
			nil, nil, "?q=energi&area=energi-och-klimat&level=master"},
	}
	var cases []searchCase
	for _, tc := range tests {
		cases = append(cases, tc.c)
	}
	cases = append(cases, searchCase{sv, theses, "?q=urban", now, true})
	in, _ := json.Marshal(cases)
	cmd := exec.Command(node, runner, script)
	cmd.Stdin = bytes.NewReader(in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, stderr.Bytes())
	}
	var res []searchResult
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatalf("node output: %v\n%s", err, out)
	}
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
		`<div><dt>Värdorganisation</dt><dd>KTH</dd></div><div><dt>Nivå</dt><dd>Master, 30 hp</dd></div></dl>` +
		`<p class="excerpt">An offer written in English only.</p></li>`
	if got := res[len(tests)].HTML; got != want {
		t.Errorf("rendered result:\n%s\nwant\n%s", got, want)
	}
}

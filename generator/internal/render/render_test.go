package render

import (
	"bytes"
	"io/fs"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"portal/generator/internal/config"
	"portal/generator/internal/content"
	"portal/generator/internal/site"
)

// realTemplates copies the shipped templates/ folder into a MapFS.
func realTemplates(t *testing.T) fstest.MapFS {
	t.Helper()
	root := os.DirFS("../../..")
	m := fstest.MapFS{}
	err := fs.WalkDir(root, Dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(root, p)
		m[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

const tinyConfig = `
title = { sv = "Portalen", en = "The portal" }
baseURL = "https://example.org/"
defaultLanguage = "sv"
languages = ["sv", "en"]
timeZone = "Europe/Stockholm"
pageSize = 2

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
[areas.trafik]
sv = "Trafik"
en = "Transport"

[organisations.kth]
sv = "KTH"
en = "KTH"
type = "kth"
[organisations.stad]
sv = "Stockholms stad"
en = "City of Stockholm"
type = "city"
[organisations.trafikkontoret]
sv = "Trafikkontoret"
en = "Transport Administration"
type = "city-administration"

[schools.abe]
sv = "ABE-skolan"
en = "ABE school"
`

var tinyContent = map[string]string{
	"content/theses/cykel.md": `+++
title = "Cykelnätet"
date = 2026-11-01
areas = ["trafik"]
host = "trafikkontoret"
level = "master"
credits = 30
deadline = 2027-01-31
schools = ["abe"]
contacts = [{ role = "Handledare", email = "exjobb@example.se" }]
+++

Ett exjobb om cykelnätet.
`,
	"content/theses/vind.md": `+++
title = "Vindkraft i staden"
date = 2026-10-01
areas = ["energi"]
host = "stad"
level = "bachelor"
credits = 15
deadline = 2026-11-15
+++

Stängt exjobb.
`,
	"content/theses/heat.en.md": `+++
title = "Urban heat"
date = 2026-11-02
areas = ["energi"]
host = "stad"
level = "master"
credits = 30
deadline = 2027-02-01
+++

English only.
`,
	"content/theses/sol.md": `+++
title = "Solceller på tak"
date = 2026-11-03
areas = ["energi"]
host = "stad"
level = "master"
credits = 30
deadline = 2027-03-01
+++

Bara på svenska.
`,
	"content/theses/sol.en.md": `+++
title = "Solar panels on roofs"
+++

In English.
`,
	"content/lectures/trafik.md": `+++
title = "Trafiksäkerhet"
date = 2026-11-01
areas = ["trafik"]
start = 2027-03-29T13:15:00
end = 2027-03-29T15:00:00
place = "Sal F1"
speaker = "Trafikplanerare"
speakerOrg = "trafikkontoret"
+++

En föreläsning.
`,
	"content/agreements/mou.md": `+++
title = "Avsiktsförklaring 2014"
date = 2014-05-01
areas = ["energi", "trafik"]
type = "mou"
parties = ["kth", "stad"]
signed = 2014-05-01
signatories = [{ name = "Anna Rektor", title = "Rektor", org = "kth" }]
validFrom = 2014-05-01
noticeMonths = 3
status = "active"
attachment = "mou.pdf"
+++

Avtalets text.
`,
	"content/agreements/mou.pdf": "%PDF-1.4\n",
	"content/agreements/hemlig.md": `+++
title = "Hemligt avtal"
date = 2025-01-01
areas = ["energi"]
type = "agreement"
parties = ["kth", "stad"]
signed = 2025-01-01
status = "terminated"
terminated = 2026-06-30
confidential = true
+++

HEMLIG TEXT SOM INTE FÅR SYNAS.
`,
	"content/collaborations/samarbete.md": `+++
title = "Ett samarbete"
date = 2026-01-01
areas = ["trafik"]
status = "active"
partners = ["kth", "trafikkontoret"]
periodStart = 2026-01-01
agreement = "mou"
+++

Text.
`,
	"content/collaborations/samarbete.en.md": `+++
title = "A collaboration"
+++

Text.
`,
	"content/pages/tillganglighet.md": `+++
title = "Tillgänglighet"
+++

Tillgänglighetsredogörelse.
`,
}

// tinySite builds the test site at 2026-11-27 with the shipped templates.
func tinySite(t *testing.T) (*site.Site, *Templates) {
	t.Helper()
	fsys := realTemplates(t)
	fsys["config.toml"] = &fstest.MapFile{Data: []byte(tinyConfig)}
	for p, s := range tinyContent {
		fsys[p] = &fstest.MapFile{Data: []byte(s)}
	}
	return loadSite(t, fsys, func(tz *time.Location) time.Time { return time.Date(2026, 11, 27, 12, 0, 0, 0, tz) })
}

// loadSite loads the site in fsys, its model at the time at gives in the
// site's time zone, and its templates.
func loadSite(tb testing.TB, fsys fs.FS, at func(tz *time.Location) time.Time) (*site.Site, *Templates) {
	tb.Helper()
	cfg, err := config.Load(fsys)
	if err != nil {
		tb.Fatal(err)
	}
	set, err := content.Load(fsys, cfg)
	if err != nil {
		tb.Fatal(err)
	}
	s, err := site.New(cfg, set, site.Options{Now: at(cfg.TimeZone)})
	if err != nil {
		tb.Fatal(err)
	}
	tm, err := Load(fsys, cfg, Options{})
	if err != nil {
		tb.Fatal(err)
	}
	return s, tm
}

func pageAt(t *testing.T, s *site.Site, url string) *site.Page {
	t.Helper()
	for _, p := range s.Pages {
		if p.URL == url {
			return p
		}
	}
	t.Fatalf("no page %s", url)
	return nil
}

func TestPages(t *testing.T) {
	s, tm := tinySite(t)
	tests := []struct {
		url  string
		want []string
		not  []string
	}{
		{"/", []string{
			`<html lang="sv">`,
			`<a class="skip" href="#main">Hoppa till innehållet</a>`,
			`<main id="main"`,
			`<link rel="canonical" href="https://example.org/">`,
			`<link rel="alternate" hreflang="en" href="https://example.org/en/">`,
			`<link rel="alternate" hreflang="x-default" href="https://example.org/">`,
			`<a href="/en/" hreflang="en" lang="en">English</a>`,
			`href="/assets/site.`,
			`Cykelnätet`,
			`href="/tillganglighet/"`,
		}, []string{`aria-label="Du är här"`}},
		{"/en/theses/", []string{
			`<html lang="en">`,
			`<title>Degree projects – The portal</title>`,
			`<a class="skip" href="#main">Skip to content</a>`,
			`<nav class="crumbs wrap" aria-label="You are here">`,
			`<li><a href="/en/">Home</a></li>`,
			`<a href="/en/theses/" aria-current="page">Degree projects</a>`,
			`lang="sv" data-deadline="2027-02-01T00:00:00+01:00"`,
			`<span class="mark mark-lang">in Swedish</span>`,
			`<time datetime="2027-01-31">31 January 2027</time>`,
			`rel="alternate" type="application/atom+xml"`,
			`Subscribe (Atom)`,
			`<nav class="pager" aria-label="Pages">`,
			`aria-current="page"><span class="visually-hidden">Page </span>1</a>`,
			`href="/en/theses/archive/"`,
			`data-host="trafikkontoret"`,
			`data-level="master"`,
			`data-schools="abe"`,
			`data-areas="trafik"`,
		}, []string{`Vindkraft`}},
		{"/en/theses/page/2/", []string{
			`<title>Degree projects (page 2) – The portal</title>`,
			`Solar panels on roofs`,
			`<a href="/en/theses/" rel="prev">Previous</a>`,
			`<link rel="alternate" hreflang="sv" href="https://example.org/exjobb/sida/2/">`,
			`<li><a href="/en/theses/">Degree projects</a></li>`,
		}, []string{`lang="en" data-deadline`}},
		{"/exjobb/arkiv/", []string{
			`<h1>Stängda exjobb</h1>`,
			`Vindkraft i staden`,
			`<span class="mark mark-closed">Stängt</span>`,
			`<li><a href="/exjobb/">Exjobb</a></li>`,
		}, nil},
		{"/exjobb/vind/", []string{
			`Sista ansökningsdag var 15 november 2026. Erbjudandet går inte längre att söka.`,
			`<li><a href="/exjobb/arkiv/">Arkiv</a></li>`,
		}, nil},
		{"/avtal/mou/", []string{
			`<h1>Avsiktsförklaring 2014</h1>`,
			`<dt>Typ av avtal</dt><dd>Avsiktsförklaring (MoU)</dd>`,
			`<dt>Parter</dt><dd><a href="/organisationer/kth/">KTH</a>, <a href="/organisationer/stad/">Stockholms stad</a></dd>`,
			`<li>Anna Rektor, Rektor, <a href="/organisationer/kth/">KTH</a></li>`,
			`<dt>Undertecknat</dt><dd><time datetime="2014-05-01">1 maj 2014</time></dd>`,
			`<dt>Gäller till</dt><dd>Tills vidare</dd>`,
			`<dt>Uppsägningstid</dt><dd>3` + "\u00a0" + `månader</dd>`,
			`<dt>Status</dt><dd>Gällande</dd>`,
			`href="/avtal/mou/mou.pdf"`,
			`Avtalets text.`,
		}, nil},
		{"/avtal/hemlig/", []string{
			`Avtalet innehåller konfidentiella uppgifter`,
			`<dt>Status</dt><dd>Uppsagt, upphörde 30 juni 2026</dd>`,
			`Avtalet är uppsagt och gällde till och med 30 juni 2026.`,
			`<a href="/en/agreements/archive/" hreflang="en" lang="en">English <span class="lang-note">(Terminated agreements – not translated)</span></a>`,
		}, []string{`HEMLIG TEXT`, `.pdf`, `hreflang="en" href="https://example.org/en/`}},
		{"/gastforelasningar/trafik/", []string{
			`<time datetime="2027-03-29T13:15:00+02:00">29 mars 2027 kl. 13.15–15.00</time>`,
			`data-end="2027-03-29T15:00:00+02:00"`,
			`<dt>Status</dt><dd data-when-passed="Genomförd">Planerad</dd>`,
		}, nil},
		{"/en/collaborations/samarbete/", []string{
			`<dt>Status</dt><dd>Active</dd>`,
			`<dt>Agreement</dt><dd><a href="/avtal/mou/" hreflang="sv" lang="sv">Avsiktsförklaring 2014</a> (In force)</dd>`,
			`<dt>Period</dt><dd>from 1 January 2026</dd>`,
		}, nil},
		{"/omraden/", []string{`<h1>Områden</h1>`, `<a href="/omraden/energi/">Energi</a> <span class="count">`}, nil},
		{"/en/organisations/", []string{`<h1>Organisations</h1>`, `<h2 id="orgtype-city-administration">City administrations</h2>`}, nil},
		{"/skolor/", []string{`<h1>KTH:s skolor</h1>`, `href="/skolor/abe/"`}, nil},
		{"/omraden/energi/", []string{`<h2 id="kind-theses-h">Exjobb <span class="count">(`, `<a href="/omraden/">Områden</a>`}, nil},
		{"/organisationer/trafikkontoret/", []string{`<h1>Trafikkontoret</h1>`, `Cykelnätet`}, nil},
		{"/en/schools/abe/", []string{`<h1>ABE school</h1>`}, nil},
		{"/tillganglighet/", []string{`<h1>Tillgänglighet</h1>`, `Tillgänglighetsredogörelse.`}, nil},
		{"/en/404.html", []string{`<html lang="en">`, `<h1>Page not found</h1>`, `<meta name="robots" content="noindex">`, `href="/en/theses/"`}, []string{`rel="canonical"`}},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			var buf bytes.Buffer
			if err := tm.Page(&buf, new(Memo), s, pageAt(t, s, tt.url)); err != nil {
				t.Fatal(err)
			}
			out := buf.String()
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("missing %s", w)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(out, n) {
					t.Errorf("unexpected %s", n)
				}
			}
			if t.Failed() {
				t.Log(out)
			}
		})
	}
}

// Every page of the tiny site renders, is deterministic and has the frame.
func TestEveryPage(t *testing.T) {
	s, tm := tinySite(t)
	types := map[site.PageType]bool{}
	var m Memo
	for _, p := range s.Pages {
		var a, b bytes.Buffer
		if err := tm.Page(&a, &m, s, p); err != nil {
			t.Fatalf("%s: %v", p.URL, err)
		}
		if err := tm.Page(&b, &m, s, p); err != nil || !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Errorf("%s: not deterministic", p.URL)
		}
		out := a.String()
		for _, w := range []string{`<!doctype html>`, `<html lang="` + p.Lang + `">`, `class="skip" href="#main"`, `<main id="main"`, `</html>`} {
			if !strings.Contains(out, w) {
				t.Errorf("%s: missing %s", p.URL, w)
			}
		}
		types[p.Type] = true
	}
	for _, typ := range PageTypes {
		if !types[typ] {
			t.Errorf("the tiny site has no %q page", typ)
		}
	}
}

// TestTemplatesCRLF: templates saved by Notepad (a byte order mark,
// CRLF line ends) write the same pages as the same templates with LF,
// byte for byte; the carriage returns reached every page.
func TestTemplatesCRLF(t *testing.T) {
	s, lf := tinySite(t)
	fsys := realTemplates(t)
	for p, f := range fsys {
		if strings.HasSuffix(p, ".html") {
			f.Data = append([]byte("\xef\xbb\xbf"), bytes.ReplaceAll(f.Data, []byte("\n"), []byte("\r\n"))...)
		}
	}
	fsys["config.toml"] = &fstest.MapFile{Data: []byte(tinyConfig)}
	crlf, err := Load(fsys, s.Cfg, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var m1, m2 Memo
	for _, p := range s.Pages {
		var a, b bytes.Buffer
		if err := lf.Page(&a, &m1, s, p); err != nil {
			t.Fatal(err)
		}
		if err := crlf.Page(&b, &m2, s, p); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Errorf("%s: CRLF templates write other bytes than LF ones", p.URL)
		}
	}
}

// TestMemoEdited: a record's list item is kept in the Memo under the
// hashes of its files, so that a version edited in place (as the preview
// server does) is shown anew by the next rendering with the same Memo,
// and an unedited one as it was.
func TestMemoEdited(t *testing.T) {
	for _, edit := range []bool{false, true} {
		s, tm := tinySite(t)
		p := pageAt(t, s, "/exjobb/")
		e := p.Groups[0].Items[0].Entry
		v := e.Own()
		old := v.Title
		var m Memo
		var before, after bytes.Buffer
		if err := tm.Page(&before, &m, s, p); err != nil {
			t.Fatal(err)
		}
		if edit {
			v.Title, v.Hash = "Edited title", v.Hash+1
			s.RenderBody(e, v)
		}
		if err := tm.Page(&after, &m, s, p); err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(after.String(), "Edited title"); got != edit || !strings.Contains(before.String(), old) {
			t.Errorf("edit %v: the list shows the new title: %v", edit, got)
		}
		if !edit && before.String() != after.String() {
			t.Error("the list differs when rendered again")
		}
	}
}

// TestItemsEveryLevel: a record's list item, made for one heading level,
// is kept for the other levels items were asked at so far (Memo.sawLevel),
// and every page is the same as with a Memo of its own, whichever order
// the pages are rendered in.
func TestItemsEveryLevel(t *testing.T) {
	s, tm := tinySite(t)
	want := map[string]string{}
	for _, p := range s.Pages {
		var b bytes.Buffer
		if err := tm.Page(&b, new(Memo), s, p); err != nil {
			t.Fatalf("%s: %v", p.URL, err)
		}
		want[p.URL+" "+p.Lang] = b.String()
	}
	for _, reverse := range []bool{false, true} {
		pages := slices.Clone(s.Pages)
		if reverse {
			slices.Reverse(pages)
		}
		var m Memo
		for _, p := range pages {
			var b bytes.Buffer
			if err := tm.Page(&b, &m, s, p); err != nil {
				t.Fatalf("%s: %v", p.URL, err)
			}
			if b.String() != want[p.URL+" "+p.Lang] {
				t.Errorf("reverse %v: %s differs from its page rendered alone", reverse, p.URL)
			}
		}
	}
	var m Memo
	list := pageAt(t, s, "/exjobb/")
	var term *site.Page
	for _, p := range s.Pages {
		if p.Type == site.AreaPage && p.Lang == list.Lang && term == nil {
			term = p
		}
	}
	for _, p := range []*site.Page{term, list} {
		if err := tm.Page(new(bytes.Buffer), &m, s, p); err != nil {
			t.Fatal(err)
		}
	}
	for _, it := range list.Groups[0].Items {
		if _, ok := m.item(m.itemKey(it.Entry, "item", list.Lang, 3)); !ok {
			t.Errorf("%s: no item kept at level 3", it.URL)
		}
	}
}

func TestSawLevel(t *testing.T) {
	var m Memo
	for _, c := range []struct {
		h    int
		want []int
	}{{2, []int{}}, {2, []int{}}, {3, []int{2}}, {2, []int{3}}, {4, []int{2, 3}}} {
		if got := m.sawLevel(c.h); !slices.Equal(got, c.want) {
			t.Errorf("sawLevel(%d) = %v, want %v", c.h, got, c.want)
		}
	}
}

// TestItemsParts: View.ItemParts gives each item as a newline and its three
// parts, for the partial items to write one after another, not joined
// into a string that the page would copy again.
func TestItemsParts(t *testing.T) {
	s, tm := tinySite(t)
	list := pageAt(t, s, "/exjobb/")
	items := list.Groups[0].Items
	v, err := tm.view(new(Memo), s, list)
	if err != nil {
		t.Fatal(err)
	}
	parts, err := v.ItemParts(items, 2)
	if err != nil {
		t.Fatal(err)
	}
	joined, err := v.Items(items, 2)
	if err != nil {
		t.Fatal(err)
	}
	var all strings.Builder
	for _, p := range parts {
		all.WriteString(string(p))
	}
	if string(joined) != all.String() {
		t.Errorf("Items is not ItemParts joined:\n%s\n---\n%s", joined, all.String())
	}
	if len(parts) != 4*len(items) {
		t.Fatalf("%d parts for %d items, want %d", len(parts), len(items), 4*len(items))
	}
	for i, it := range items {
		p := parts[4*i : 4*i+4]
		if p[0] != "\n" || !strings.HasPrefix(string(p[1]), "<li") || !strings.Contains(string(p[1]), it.URL) || p[3] != "\n</li>" {
			t.Errorf("item %d: %q", i, p)
		}
	}
}

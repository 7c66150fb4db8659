package render

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"portal/generator/internal/config"
	"portal/generator/internal/content"
	"portal/generator/internal/diag"
	"portal/generator/internal/kinds"
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
			`<span class="mark mark-closed">Stängd</span>`,
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
			`<dt>Uppsägningstid</dt><dd>3 månader</dd>`,
			`<dt>Status</dt><dd>Gällande</dd>`,
			`href="/avtal/mou/mou.pdf"`,
			`Avtalets text.`,
		}, nil},
		{"/avtal/hemlig/", []string{
			`Avtalet innehåller konfidentiella uppgifter`,
			`<dt>Uppsagt</dt><dd><time datetime="2026-06-30">30 juni 2026</time></dd>`,
			`Avtalet sades upp 30 juni 2026`,
			`<a href="/en/" hreflang="en" lang="en">English <span class="lang-note">(home page – not translated)</span></a>`,
		}, []string{`HEMLIG TEXT`, `.pdf`, `hreflang="en" href="https://example.org/en/`}},
		{"/gastforelasningar/trafik/", []string{
			`<time datetime="2027-03-29T13:15:00+02:00">29 mars 2027 kl. 13.15–15.00</time>`,
			`data-end="2027-03-29T15:00:00+02:00"`,
			`<dt>Status</dt><dd>Planerad</dd>`,
		}, nil},
		{"/en/collaborations/samarbete/", []string{
			`<dt>Status</dt><dd>Active</dd>`,
			`<dt>Agreement</dt><dd><a href="/avtal/mou/" hreflang="sv">Avsiktsförklaring 2014</a></dd>`,
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

func TestFormatDates(t *testing.T) {
	_, tm := tinySite(t)
	utc := func(s string) time.Time {
		v, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	tests := []struct {
		name, lang string
		f          func(string, time.Time) string
		in         string
		want       string
	}{
		{"date sv", "sv", tm.FormatDate, "2026-03-03T12:00:00Z", "3 mars 2026"},
		{"date en", "en", tm.FormatDate, "2026-03-03T12:00:00Z", "3 March 2026"},
		{"date late UTC is next day in Stockholm", "sv", tm.FormatDate, "2026-12-31T23:30:00Z", "1 januari 2027"},
		{"datetime sv winter", "sv", tm.FormatDateTime, "2026-03-03T12:15:00Z", "3 mars 2026 kl. 13.15"},
		{"datetime en winter", "en", tm.FormatDateTime, "2026-03-03T12:15:00Z", "3 March 2026, 13:15"},
		{"datetime sv summer", "sv", tm.FormatDateTime, "2026-07-01T06:05:00Z", "1 juli 2026 kl. 08.05"},
		{"before spring forward", "sv", tm.FormatDateTime, "2026-03-29T00:59:00Z", "29 mars 2026 kl. 01.59"},
		{"after spring forward", "en", tm.FormatDateTime, "2026-03-29T01:00:00Z", "29 March 2026, 03:00"},
		{"before fall back", "sv", tm.FormatDateTime, "2026-10-25T00:30:00Z", "25 oktober 2026 kl. 02.30"},
		{"after fall back", "en", tm.FormatDateTime, "2026-10-25T01:30:00Z", "25 October 2026, 02:30"},
		{"time sv", "sv", tm.FormatTime, "2026-10-25T13:00:00Z", "14.00"},
		{"time en", "en", tm.FormatTime, "2026-05-25T13:00:00Z", "15:00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.f(tt.lang, utc(tt.in)); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
	if got := tm.FormatDate("sv", time.Time{}); got != "" {
		t.Errorf("zero date: got %q", got)
	}
}

func TestSpanAndISO(t *testing.T) {
	_, tm := tinySite(t)
	loc := tm.cfg.TimeZone
	d := func(y int, m time.Month, day, h, min int) time.Time { return time.Date(y, m, day, h, min, 0, 0, loc) }
	tests := []struct {
		name string
		got  string
		want string
	}{
		{"span same day sv", tm.FormatSpan("sv", d(2026, 3, 3, 13, 15), d(2026, 3, 3, 15, 0)), "3 mars 2026 kl. 13.15–15.00"},
		{"span same day en", tm.FormatSpan("en", d(2026, 3, 3, 13, 15), d(2026, 3, 3, 15, 0)), "3 March 2026, 13:15–15:00"},
		{"span two days", tm.FormatSpan("en", d(2026, 3, 3, 9, 0), d(2026, 3, 4, 16, 0)), "3 March 2026, 09:00 – 4 March 2026, 16:00"},
		{"iso winter", tm.isoDateTime(d(2026, 3, 3, 13, 15)), "2026-03-03T13:15:00+01:00"},
		{"iso summer", tm.isoDateTime(d(2026, 6, 3, 13, 15)), "2026-06-03T13:15:00+02:00"},
		{"iso date", tm.isoDate(d(2026, 6, 3, 0, 0)), "2026-06-03"},
		{"day end", tm.dayEnd(d(2027, 1, 31, 0, 0)), "2027-02-01T00:00:00+01:00"},
		{"day end before spring forward", tm.dayEnd(d(2026, 3, 28, 0, 0)), "2026-03-29T00:00:00+01:00"},
		{"day end on spring forward", tm.dayEnd(d(2026, 3, 29, 0, 0)), "2026-03-30T00:00:00+02:00"},
		{"day end on fall back", tm.dayEnd(d(2026, 10, 25, 0, 0)), "2026-10-26T00:00:00+01:00"},
		{"day end of a UTC instant late in the day", tm.dayEnd(time.Date(2026, 6, 30, 23, 0, 0, 0, time.UTC)), "2026-07-02T00:00:00+02:00"},
		{"period sv", tm.period("sv", d(2025, 3, 1, 0, 0), d(2026, 12, 31, 0, 0)), "1 mars 2025 – 31 december 2026"},
		{"period open en", tm.period("en", d(2025, 3, 1, 0, 0), time.Time{}), "from 1 March 2025"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, tt.got, tt.want)
		}
	}
}

func TestFingerprint(t *testing.T) {
	tests := []struct {
		name string
		data string
		want string
	}{
		{"site.css", "body{}", `^site\.[0-9a-f]{10}\.css$`},
		{"js/app.js", "x", `^js/app\.[0-9a-f]{10}\.js$`},
		{"LICENSE", "x", `^LICENSE\.[0-9a-f]{10}$`},
	}
	for _, tt := range tests {
		got := Fingerprint(tt.name, []byte(tt.data))
		if !regexp.MustCompile(tt.want).MatchString(got) {
			t.Errorf("Fingerprint(%q) = %q, want %s", tt.name, got, tt.want)
		}
		if again := Fingerprint(tt.name, []byte(tt.data)); again != got {
			t.Errorf("not deterministic: %q, %q", got, again)
		}
	}
	sum := sha256.Sum256([]byte("body{}"))
	if got, want := Fingerprint("site.css", []byte("body{}")), "site."+hex.EncodeToString(sum[:5])+".css"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if Fingerprint("a.css", []byte("1")) == Fingerprint("a.css", []byte("2")) {
		t.Error("different content, same name")
	}
}

func TestAssets(t *testing.T) {
	_, tm := tinySite(t)
	assets := tm.Assets()
	var css string
	for name := range assets {
		if strings.HasPrefix(name, "assets/site.") && strings.HasSuffix(name, ".css") {
			css = name
		}
	}
	if css == "" {
		t.Fatalf("no site.css among %v", assets)
	}
	if u := tm.assetURL["site.css"]; u != "/"+css {
		t.Errorf("asset URL %q, output %q", u, css)
	}
	if want := Fingerprint("site.css", assets[css]); "assets/"+want != css {
		t.Errorf("output %q, want assets/%s", css, want)
	}
}

// minimal is a set of templates that renders every page type with the
// given i18n tables.
func minimal(sv, en string) fstest.MapFS {
	m := fstest.MapFS{
		"config.toml":                  {Data: []byte(tinyConfig)},
		"templates/layouts/base.html":  {Data: []byte(`<html lang="{{.Lang}}">{{template "main" .}}</html>`)},
		"templates/i18n/sv.toml":       {Data: []byte(sv)},
		"templates/i18n/en.toml":       {Data: []byte(en)},
		"templates/assets/site.css":    {Data: []byte("body{}")},
		"templates/partials/void.html": {Data: []byte(`{{define "void"}}{{end}}`)},
	}
	for _, typ := range PageTypes {
		m["templates/pages/"+string(typ)+".html"] = &fstest.MapFile{Data: []byte(`{{define "main"}}{{t .Lang "home"}}{{end}}`)}
	}
	return m
}

// required returns a table with every key the Go code needs, plus extra.
func required(extra string) string {
	var b strings.Builder
	for _, k := range requiredKeys(kinds.Default()) {
		b.WriteString(`"` + k + `" = "x"` + "\n")
	}
	return b.String() + extra
}

func loadErr(t *testing.T, fsys fs.FS) diag.List {
	t.Helper()
	cfg, err := config.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Load(fsys, cfg, Options{})
	if err == nil {
		return nil
	}
	l, ok := diag.AsList(err)
	if !ok {
		t.Fatalf("not a diag.List: %v", err)
	}
	return l
}

func TestI18nParity(t *testing.T) {
	tests := []struct {
		name   string
		sv, en string
		want   []string // error lines
	}{
		{"same keys", required(""), required(""), nil},
		{"missing in en", required("only.sv = \"bara svenska\"\n"), required(""),
			[]string{`templates/i18n/sv.toml:` + strconv.Itoa(len(requiredKeys(kinds.Default()))+1) + `:1: UI string "only.sv" is missing in templates/i18n/en.toml`}},
		{"missing in sv, table form", required(""), required("[extra]\nkey = \"x\"\n"),
			[]string{`templates/i18n/en.toml:` + strconv.Itoa(len(requiredKeys(kinds.Default()))+2) + `:1: UI string "extra.key" is missing in templates/i18n/sv.toml`}},
		{"required key missing in both", `home = "x"`, `home = "y"`, nil},
		{"not a string", required("n = 3\n"), required("n = \"3\"\n"),
			[]string{`templates/i18n/sv.toml:` + strconv.Itoa(len(requiredKeys(kinds.Default()))+1) + `:5: UI string "n" must be a string`}},
		{"bad toml", required("x = \n"), required(""), []string{`templates/i18n/sv.toml:`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			errs := loadErr(t, minimal(tt.sv, tt.en))
			if tt.name == "required key missing in both" {
				if len(errs) == 0 || !strings.Contains(errs.Error(), `missing UI string "format.date"`) {
					t.Errorf("got %v", errs)
				}
				return
			}
			if len(tt.want) == 0 && len(errs) > 0 {
				t.Fatalf("unexpected errors:\n%v", errs)
			}
			for _, w := range tt.want {
				if !strings.Contains(errs.Error(), w) {
					t.Errorf("missing error %q in:\n%v", w, errs)
				}
			}
		})
	}
}

func TestTemplateErrors(t *testing.T) {
	tests := []struct {
		name string
		file string
		src  string
		want string
	}{
		{"parse error", "templates/pages/list.html", "{{define \"main\"}}\n\n{{if}}{{end}}", `templates/pages/list.html:3:1: missing value for if`},
		{"unknown func", "templates/partials/x.html", "{{define \"x\"}}\n{{nosuch 1}}{{end}}", `templates/partials/x.html:2:1: function "nosuch" not defined`},
		{"unknown key", "templates/pages/home.html", "{{define \"main\"}}\n\n  {{t .Lang \"no.such.key\"}}{{end}}", `templates/pages/home.html:3:`},
		{"missing page", "templates/pages/record.html", "", `templates/pages/record.html:1:1: missing`},
		{"no main", "templates/pages/area.html", "hello", `templates/pages/area.html:1:1: page template must {{define "main"}}`},
		{"escaping", "templates/pages/school.html", "{{define \"main\"}}\n<a href=\"{{.Lang}}>x</a>{{end}}", `templates/pages/school.html:`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := minimal(required(""), required(""))
			if tt.src == "" {
				delete(fsys, tt.file)
			} else {
				fsys[tt.file] = &fstest.MapFile{Data: []byte(tt.src)}
			}
			errs := loadErr(t, fsys)
			if !strings.Contains(errs.Error(), tt.want) {
				t.Errorf("want %q in:\n%v", tt.want, errs)
			}
			for _, e := range errs {
				if !strings.HasPrefix(e.Path, "templates/") || e.Line < 1 || e.Col < 1 {
					t.Errorf("badly positioned: %v", e)
				}
			}
		})
	}
}

// A key computed at render time that is in no table fails the render.
func TestUnknownKeyAtRender(t *testing.T) {
	fsys := minimal(required(""), required(""))
	fsys["templates/pages/list.html"] = &fstest.MapFile{Data: []byte(`{{define "main"}}{{t .Lang (printf "kind.%s.nope" .P.Kind)}}{{end}}`)}
	for p, s := range tinyContent {
		fsys[p] = &fstest.MapFile{Data: []byte(s)}
	}
	s, tm := loadSite(t, fsys, func(*time.Location) time.Time { return time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC) })
	var buf bytes.Buffer
	err := tm.Page(&buf, new(Memo), s, pageAt(t, s, "/exjobb/"))
	if err == nil || !strings.Contains(err.Error(), `unknown UI string "kind.theses.nope"`) || !strings.HasPrefix(err.Error(), "templates/pages/list.html:1:") {
		t.Errorf("got %v", err)
	}
	if buf.Len() != 0 {
		t.Errorf("wrote %d bytes of a failed page", buf.Len())
	}
	if got := tm.T("en", "home"); got != "x" {
		t.Errorf("T: got %q", got)
	}
	if got := tm.T("en", "no.such"); got != "no.such" {
		t.Errorf("T of an unknown key: got %q", got)
	}
}

// The shipped tables have the same keys and every kind's strings.
func TestShippedTables(t *testing.T) {
	fsys := realTemplates(t)
	fsys["config.toml"] = &fstest.MapFile{Data: []byte(tinyConfig)}
	if errs := loadErr(t, fsys); len(errs) > 0 {
		t.Fatal(errs)
	}
	tables, errs := loadTables(fsys, []string{"sv", "en"})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	for _, kind := range kinds.Default().Names() {
		for _, prefix := range []string{"kind.", "kindone.", "archivetitle.", "intro.", "archiveintro.", "empty.", "current.", "count." + kind + ".one", "count." + kind + ".other"} {
			key := prefix
			if strings.HasSuffix(prefix, ".") {
				key = prefix + kind
			}
			for l, tb := range tables {
				if tb.strings[key] == "" {
					t.Errorf("%s: empty or missing %q", l, key)
				}
			}
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

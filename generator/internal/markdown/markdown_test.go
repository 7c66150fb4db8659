package markdown

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
)

// records is the resolver used by the tests: two records and two site paths
// exist, everything else is missing.
func records(calls *[]string) Resolver {
	return func(dest string) (string, error) {
		if calls != nil {
			*calls = append(*calls, dest)
		}
		path, frag, _ := strings.Cut(dest, "#")
		var url string
		switch path {
		case "../theses/energy-data.md", "energy-data.md":
			url = "/exjobb/energy-data/"
		case "../agreements/mou-2014.md":
			url = "/avtal/mou-2014/"
		case "/exjobb/", "/en/theses/":
			url = path
		default:
			return "", fmt.Errorf("link to %q: no such record", dest)
		}
		if frag != "" {
			url += "#" + frag
		}
		return url, nil
	}
}

func TestRenderHTML(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{
			name: "table",
			src:  "| Vad | När |\n|---|:-:|\n| Ansökan | 1 mars |\n",
			want: "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\">\n<table>\n<thead>\n<tr>\n<th>Vad</th>\n<th style=\"text-align:center\">När</th>\n</tr>\n</thead>\n" +
				"<tbody>\n<tr>\n<td>Ansökan</td>\n<td style=\"text-align:center\">1 mars</td>\n</tr>\n</tbody>\n</table>\n</div>\n",
		},
		{
			name: "strikethrough",
			src:  "~~stängd~~ öppen",
			want: "<p><del>stängd</del> öppen</p>\n",
		},
		{
			name: "task list",
			src:  "- [ ] skriv\n- [x] läs\n",
			want: "<ul>\n<li><input disabled=\"\" type=\"checkbox\"> skriv</li>\n" +
				"<li><input checked=\"\" disabled=\"\" type=\"checkbox\"> läs</li>\n</ul>\n",
		},
		{
			name: "footnote",
			src:  "Text[^a].\n\n[^a]: Not.\n",
			want: "<p>Text<sup id=\"fnref:1\"><a href=\"#fn:1\" class=\"footnote-ref\" role=\"doc-noteref\">1</a></sup>.</p>\n" +
				"<div class=\"footnotes\" role=\"doc-endnotes\">\n<hr>\n<ol>\n<li id=\"fn:1\">\n" +
				"<p>Not.&#160;<a href=\"#fnref:1\" class=\"footnote-backref\" role=\"doc-backlink\">&#x21a9;&#xfe0e;</a></p>\n" +
				"</li>\n</ol>\n</div>\n",
		},
		{
			name: "heading ids",
			src: "# Åtgärder för år 2\n\n## Åtgärder för år 2\n\n## Åtgärder för år 2\n\n" +
				"### Café & Crème brûlée\n\nRubrik\n------\n\n## Se [avtalet](https://x.se/a) `kod`\n\n## ***\n",
			want: "<h1 id=\"atgarder-for-ar-2\">Åtgärder för år 2</h1>\n" +
				"<h2 id=\"atgarder-for-ar-2-1\">Åtgärder för år 2</h2>\n" +
				"<h2 id=\"atgarder-for-ar-2-2\">Åtgärder för år 2</h2>\n" +
				"<h3 id=\"cafe-creme-brulee\">Café &amp; Crème brûlée</h3>\n" +
				"<h2 id=\"rubrik\">Rubrik</h2>\n" +
				"<h2 id=\"se-avtalet-kod\">Se <a href=\"https://x.se/a\">avtalet</a> <code>kod</code></h2>\n" +
				"<h2 id=\"heading\">***</h2>\n",
		},
		{
			name: "heading id suffix does not collide",
			src:  "## A 1\n\n## A\n\n## A\n",
			want: "<h2 id=\"a-1\">A 1</h2>\n<h2 id=\"a\">A</h2>\n<h2 id=\"a-2\">A</h2>\n",
		},
		{
			name: "autolinks",
			src:  "Se https://www.kth.se/abe, www.stockholm.se och <exjobb@kth.se>.",
			want: "<p>Se <a href=\"https://www.kth.se/abe\">https://www.kth.se/abe</a>, " +
				"<a href=\"http://www.stockholm.se\">www.stockholm.se</a> och " +
				"<a href=\"mailto:exjobb@kth.se\">exjobb@kth.se</a>.</p>\n",
		},
		{
			name: "raw html omitted",
			src:  "<script>alert(1)</script>\n\nHej <b onclick=\"x()\">fet</b>\n",
			want: "<!-- raw HTML omitted -->\n<p>Hej <!-- raw HTML omitted -->fet<!-- raw HTML omitted --></p>\n",
		},
		{
			name: "javascript destinations neutralised",
			src:  "[a](javascript:alert(1)) ![b](JavaScript:alert(1)) <javascript:alert(1)> [c](vbscript:x)",
			want: "<p><a href=\"\">a</a> <img src=\"\" alt=\"b\"> <a href=\"\">javascript:alert(1)</a> <a href=\"\">c</a></p>\n",
		},
		{
			name: "links resolved",
			src: "[Exjobb](../theses/energy-data.md#apply), [lista](/exjobb/), " +
				"[extern](https://kth.se/x.md), [e-post](mailto:a@kth.se), [här](#mal)",
			want: "<p><a href=\"/exjobb/energy-data/#apply\">Exjobb</a>, <a href=\"/exjobb/\">lista</a>, " +
				"<a href=\"https://kth.se/x.md\">extern</a>, <a href=\"mailto:a@kth.se\">e-post</a>, " +
				"<a href=\"#mal\">här</a></p>\n",
		},
	}
	r := New()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := r.Render([]byte(tt.src), 1, records(nil))
			if string(got.HTML) != tt.want {
				t.Errorf("HTML\n got: %q\nwant: %q", got.HTML, tt.want)
			}
			if len(got.Errors) != 0 {
				t.Errorf("errors: %v", got.Errors)
			}
		})
	}
}

// TestDangerousDestinations checks that a URL a browser would run or embed
// is written as an empty target, however its scheme is hidden, and that a
// name merely holding such a word is not.
// TestRenderCRLF renders a body saved with CRLF line ends (Windows'
// Notepad) as the same body with LF, byte for byte: the carriage returns
// of code blocks and of a link's title over two lines reached the page.
func TestRenderCRLF(t *testing.T) {
	lf := "Rad  \nrad\\\nrad.\n\n```\nkod 1\nkod 2\n```\n\n    kod 3\n    kod 4\n\n" +
		"> citat\n> två\n\n- a\n  b\n\n<div>\nx\n</div>\n\n[l]: https://x.se/ \"Titel\nrad två\"\n\nSe [l].\n"
	want := New().Render([]byte(lf), 1, nil)
	got := New().Render([]byte(strings.ReplaceAll(lf, "\n", "\r\n")), 1, nil)
	if got.HTML != want.HTML || got.Text != want.Text || got.Summary != want.Summary ||
		fmt.Sprint(got.RawHTML) != fmt.Sprint(want.RawHTML) {
		t.Errorf("CRLF:\n%q\n%q\n%v\nLF:\n%q\n%q\n%v", got.HTML, got.Text, got.RawHTML, want.HTML, want.Text, want.RawHTML)
	}
}

func TestDangerousDestinations(t *testing.T) {
	for _, c := range []struct{ name, src, want string }{
		{"data destinations neutralised, images too", "[a](data:text/html,x) ![b](data:image/png;base64,iVBOR) ![c](DATA:image/svg+xml,x) <data:text/html,x>", "<p><a href=\"\">a</a> <img src=\"\" alt=\"b\"> <img src=\"\" alt=\"c\"> <a href=\"\">data:text/html,x</a></p>\n"},
		{"schemes a browser reads through tabs, references and spaces", "[a](<java\tscript:alert(1)>) [b](java&#9;script:alert(1)) [c](&#x20;javascript:x) [d](file:///etc/passwd) <FILE:///x>", "<p><a href=\"\">a</a> <a href=\"\">b</a> <a href=\"\">c</a> <a href=\"\">d</a> <a href=\"\">FILE:///x</a></p>\n"},
		{"character references", "[a](&#100;ata:text/html,x) [b](j&#x61;vascript:x) [c](javascript&colon;x) [d](&#x0A;data:x)", "<p><a href=\"\">a</a> <a href=\"\">b</a> <a href=\"\">c</a> <a href=\"\">d</a></p>\n"},
		{"data in a name or path is no scheme", "[a](datafile.pdf) [b](https://x.se/data:) [c](javascript.pdf)", "<p><a href=\"datafile.pdf\">a</a> <a href=\"https://x.se/data:\">b</a> <a href=\"javascript.pdf\">c</a></p>\n"},
	} {
		if got := string(New().Render([]byte(c.src), 1, nil).HTML); got != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.name, got, c.want)
		}
	}
}

func TestUnsafeNeverPassesThrough(t *testing.T) {
	srcs := []string{
		"<script>alert(1)</script>",
		"text <script>alert(1)</script> text",
		"<div>\n<script>alert(1)</script>\n</div>",
		"Hej <b onclick=\"alert(1)\">fet</b>",
		"<img src=x onerror=alert(1)>",
		"- <b onclick=x>a</b>\n\n> <SCRIPT>alert(1)</SCRIPT>",
		"| a |\n|---|\n| <b onclick=x>b</b> |",
		"[x](javascript:alert(1))",
		"[x](  JAVASCRIPT:alert(1) )",
		"[x][r]\n\n[r]: javascript:alert(1)",
		"![x](javascript:alert(1))",
		"<javascript:alert(1)>",
		"[x](data:text/html;base64,PHNjcmlwdD4=)",
	}
	r := New()
	for _, src := range srcs {
		html := strings.ToLower(string(r.Render([]byte(src), 1, records(nil)).HTML))
		for _, bad := range []string{"<script", "onclick", "onerror", "<b ", "<img src=x", `="javascript:`, `="vbscript:`, `="data:text`} {
			if strings.Contains(html, bad) {
				t.Errorf("%q: output contains %q:\n%s", src, bad, html)
			}
		}
	}
}

func TestLinks(t *testing.T) {
	tests := []struct {
		name      string
		src       string
		firstLine int
		calls     []string // destinations passed to the resolver, if not nil
		html      string   // substring expected in the HTML, if set
		errs      []LinkError
	}{
		{
			name:      "resolved with fragment",
			src:       "Se [erbjudandet](../theses/energy-data.md#apply).",
			firstLine: 7,
			calls:     []string{"../theses/energy-data.md#apply"},
			html:      `<a href="/exjobb/energy-data/#apply">erbjudandet</a>`,
		},
		{
			name:      "missing record on first line",
			src:       "Se [avtalet](../agreements/nope.md).",
			firstLine: 7,
			calls:     []string{"../agreements/nope.md"},
			html:      `<a href="../agreements/nope.md">avtalet</a>`,
			errs:      []LinkError{{Line: 7, Col: 14, Msg: `link to "../agreements/nope.md": no such record`}},
		},
		{
			name: "third line of a paragraph",
			src: "Första raden i stycket\n" +
				"andra raden\n" +
				"och den tredje med [en länk](../theses/gone.md) i.\n",
			firstLine: 10,
			errs:      []LinkError{{Line: 12, Col: 31, Msg: `link to "../theses/gone.md": no such record`}},
		},
		{
			name: "list items",
			src: "Intro.\n\n" +
				"- ett\n" +
				"- två [x](../a.md)\n" +
				"  - nästlad [y](/nope/)\n" +
				"1. tre\n" +
				"   fortsättning [z](b.md#f)\n",
			firstLine: 4,
			calls:     []string{"../a.md", "/nope/", "b.md#f"},
			errs: []LinkError{
				{Line: 7, Col: 12, Msg: `link to "../a.md": no such record`},
				{Line: 8, Col: 18, Msg: `link to "/nope/": no such record`},
				{Line: 10, Col: 22, Msg: `link to "b.md#f": no such record`},
			},
		},
		{
			name:      "blockquote and heading",
			src:       "# Om [x](x.md)\n\n> citat\n> med [y](y.md)\n",
			firstLine: 1,
			errs: []LinkError{
				{Line: 1, Col: 10, Msg: `link to "x.md": no such record`},
				{Line: 4, Col: 11, Msg: `link to "y.md": no such record`},
			},
		},
		{
			name:      "table cell",
			src:       "| a | b |\n|---|---|\n| 1 | [x](../nope.md) |\n",
			firstLine: 3,
			errs:      []LinkError{{Line: 5, Col: 11, Msg: `link to "../nope.md": no such record`}},
		},
		{
			name:      "two links with the same destination",
			src:       "[a](n.md) och [b](n.md)",
			firstLine: 1,
			errs: []LinkError{
				{Line: 1, Col: 5, Msg: `link to "n.md": no such record`},
				{Line: 1, Col: 19, Msg: `link to "n.md": no such record`},
			},
		},
		{
			name:      "image inside a link",
			src:       "[![bild](i.md)](l.md)",
			firstLine: 1,
			calls:     []string{"l.md", "i.md"},
			errs: []LinkError{
				{Line: 1, Col: 10, Msg: `link to "i.md": no such record`},
				{Line: 1, Col: 17, Msg: `link to "l.md": no such record`},
			},
		},
		{
			name:      "code span in link text",
			src:       "[`](n.md`](n.md)",
			firstLine: 1,
			errs:      []LinkError{{Line: 1, Col: 12, Msg: `link to "n.md": no such record`}},
		},
		{
			name:      "angle brackets, title, destination on next line",
			src:       "[a](<../x y.md> \"T\")\n[b](\n../z.md)",
			firstLine: 2,
			calls:     []string{"../x y.md", "../z.md"},
			errs: []LinkError{
				{Line: 2, Col: 6, Msg: `link to "../x y.md": no such record`},
				{Line: 4, Col: 1, Msg: `link to "../z.md": no such record`},
			},
		},
		{
			name:      "escaped destination",
			src:       `[a](../a\_b.md)`,
			firstLine: 1,
			calls:     []string{"../a_b.md"},
			errs:      []LinkError{{Line: 1, Col: 5, Msg: `link to "../a_b.md": no such record`}},
		},
		{
			name:      "reference link points at the link",
			src:       "Text och\n  en [ref] och [text][ref].\n\n[ref]: ../nope.md\n",
			firstLine: 5,
			calls:     []string{"../nope.md", "../nope.md"},
			errs: []LinkError{
				{Line: 6, Col: 6, Msg: `link to "../nope.md": no such record`},
				{Line: 6, Col: 16, Msg: `link to "../nope.md": no such record`},
			},
		},
		{
			name:      "multibyte and CRLF",
			src:       "åäö\r\nåäö [x](../n.md)",
			firstLine: 1,
			errs:      []LinkError{{Line: 2, Col: 12, Msg: `link to "../n.md": no such record`}},
		},
		{
			name:      "not resolved",
			src:       "[c](https://x.se/a.md) [d](mailto:a@b.se) [e](#apply) [f](//cdn.se/a.md) [h]() [i](x:y.md) ![j](../img/k.jpg) ![k](k.png?x#y) https://x.se/a.md",
			firstLine: 1,
			calls:     []string{},
		},
		{
			// The resolver says what a link to a file that is no record
			// is (the record's attachment, or an error): it is not
			// published at the address it has beside the source.
			name:      "relative links to files resolved",
			src:       "[a](bild.png) [b](mou-2014.pdf) [g](a.md?x=1) [w](www.kth.se) [u](../) ![m](x.md)",
			firstLine: 1,
			calls:     []string{"bild.png", "mou-2014.pdf", "a.md?x=1", "www.kth.se", "../", "x.md"},
			html:      `<a href="bild.png">a</a>`,
			errs: []LinkError{{Line: 1, Col: 5, Msg: `link to "bild.png": no such record`},
				{Line: 1, Col: 19, Msg: `link to "mou-2014.pdf": no such record`},
				{Line: 1, Col: 37, Msg: `link to "a.md?x=1": no such record`},
				{Line: 1, Col: 51, Msg: `link to "www.kth.se": no such record`},
				{Line: 1, Col: 67, Msg: `link to "../": no such record`},
				{Line: 1, Col: 77, Msg: `link to "x.md": no such record`}},
		},
		{
			name:      "images resolved too",
			src:       "![karta](/exjobb/) ![k](/bilder/k.png)",
			firstLine: 1,
			calls:     []string{"/exjobb/", "/bilder/k.png"},
			html:      `<img src="/exjobb/" alt="karta">`,
			errs:      []LinkError{{Line: 1, Col: 25, Msg: `link to "/bilder/k.png": no such record`}},
		},
	}
	r := New()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var calls []string
			got := r.Render([]byte(tt.src), tt.firstLine, records(&calls))
			if tt.calls != nil && !slices.Equal(calls, tt.calls) {
				t.Errorf("resolver calls: got %q, want %q", calls, tt.calls)
			}
			if tt.html != "" && !strings.Contains(string(got.HTML), tt.html) {
				t.Errorf("HTML %q does not contain %q", got.HTML, tt.html)
			}
			if !sameErrors(got.Errors, tt.errs) {
				t.Errorf("errors\n got: %v\nwant: %v", got.Errors, tt.errs)
			}
		})
	}
}

func TestNilResolver(t *testing.T) {
	got := New().Render([]byte("[a](../nope.md)"), 1, nil)
	if want := "<p><a href=\"../nope.md\">a</a></p>\n"; string(got.HTML) != want || len(got.Errors) != 0 {
		t.Errorf("got %q %v, want %q and no errors", got.HTML, got.Errors, want)
	}
}

// TestConcurrent renders in parallel and compares with sequential results; run
// with -race.
func TestConcurrent(t *testing.T) {
	r := New()
	srcs := make([][]byte, 16)
	want := make([]Result, len(srcs))
	for i := range srcs {
		srcs[i] = fmt.Appendf(nil, "## Rubrik %d\n\n## Rubrik %d\n\nText [l](../nope-%d.md) [m](../theses/energy-data.md)\n\n%s",
			i%3, i%3, i, benchBody)
		want[i] = r.Render(srcs[i], i+1, records(nil))
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for k := range 50 {
				i := (g + k) % len(srcs)
				got := r.Render(srcs[i], i+1, records(nil))
				if string(got.HTML) != string(want[i].HTML) || got.Text != want[i].Text ||
					got.Summary != want[i].Summary || !sameErrors(got.Errors, want[i].Errors) {
					t.Errorf("render %d differs when concurrent", i)
					return
				}
			}
		})
	}
	wg.Wait()
}

func TestResolverErrorMessage(t *testing.T) {
	res := func(string) (string, error) { return "", errors.New("no such record") }
	got := New().Render([]byte("[a](/x/)"), 3, res)
	if want := []LinkError{{Line: 3, Col: 5, Msg: "no such record"}}; !sameErrors(got.Errors, want) {
		t.Errorf("got %v, want %v", got.Errors, want)
	}
}

// benchBody is a realistic ~3 KB thesis body.
const benchBody = `Vi söker en eller två **masterstudenter** som vill undersöka hur öppna
energidata från stadens fastigheter kan användas för att planera
energieffektiviseringar. Arbetet sker i samarbete med [Stockholms stad](https://start.stockholm/)
och [KTH:s avdelning för energiteknik](../organisations/kth-energy.md).

## Bakgrund

Staden har sedan 2019 samlat mätdata från drygt 400 skolor, förskolor och
kontor. Data finns i ett öppet API men används i dag sällan i planeringen.
Se även det tidigare [exjobbet om solceller](../theses/energy-data.md#resultat)
och [samarbetsavtalet](../agreements/mou-2014.md).

## Åtgärder för år 2

1. Kartlägg vilka data som finns och hur de är strukturerade.
2. Ta fram en metod för att jämföra byggnader med varandra:
   - normalisera för yta och utetemperatur,
   - identifiera avvikande förbrukning,
   - föreslå åtgärder i prioritetsordning.
3. Utvärdera metoden på ett urval av byggnader tillsammans med förvaltarna.

- [x] Handledare på KTH klar
- [ ] Handledare på staden

| Moment | Omfattning | Tidpunkt |
|---|---:|:-:|
| Litteraturstudie | 3 veckor | januari |
| Dataanalys | 8 veckor | februari–mars |
| Utvärdering | 5 veckor | april |
| Rapport | 4 veckor | maj |

## Om projektet

Projektet drivs inom ramen för [samarbetet om hållbar stadsutveckling](../collaborations/hallbar-stad.md)
mellan KTH och Stockholms stad. Tidigare studenter har bland annat tagit fram
en modell för att uppskatta värmebehovet i äldre flerbostadshus, och en
jämförelse av olika sätt att presentera energidata för förvaltare och
politiker. Resultaten har presenterats vid stadens årliga energiseminarium
och har legat till grund för två vetenskapliga artiklar.

Du får tillgång till en arbetsplats i stadshuset en dag i veckan, handledning
från både KTH och staden samt möjlighet att presentera ditt arbete för
stadens ledningsgrupp. Ersättning utgår enligt stadens riktlinjer för
examensarbeten (för närvarande 10 000 kronor vid godkänt arbete).

### Praktiska uppgifter

- **Omfattning:** 30 hp, heltid under vårterminen
- **Plats:** Stockholm, delvis på distans
- **Språk:** svenska eller engelska
- **Handledare:** se [kontaktuppgifterna](#ansokan) nedan

## Vem vi söker

Du läser ett masterprogram inom energiteknik, datavetenskap eller
samhällsbyggnad och har goda kunskaper i ~~Excel~~ Python eller R. Erfarenhet
av ` + "`pandas`" + ` eller liknande är meriterande[^1]. Arbetet kan skrivas på svenska
eller engelska.

> Vi har tidigare haft tre exjobb i samma projekt och resultaten används nu
> i stadens energiplan. Läs mer på https://www.stockholm.se/energi.

## Ansökan

Skicka ett kort personligt brev och ditt studieintyg till
<exjobb-energi@stockholm.se> senast sista ansökningsdagen. Frågor besvaras av
[kontaktpersonen](/exjobb/) och av programansvarig. Bilaga: [projektbeskrivning](projekt.pdf).

![Karta över byggnaderna](karta.png)

[^1]: Kurserna AG2129 och DD2421 ger en bra grund.
`

func BenchmarkRender(b *testing.B) {
	r := New()
	src := []byte(benchBody)
	resolve := records(nil)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		res := r.Render(src, 12, resolve)
		if len(res.Errors) != 2 { // kth-energy.md, hallbar-stad.md
			b.Fatalf("errors: %v", res.Errors)
		}
	}
}

// sameErrors compares errors by position and English text (Msg); the
// catalog message each may carry is asserted through that text.
func sameErrors(a, b []LinkError) bool {
	return slices.EqualFunc(a, b, func(x, y LinkError) bool {
		return x.Line == y.Line && x.Col == y.Col && x.Msg == y.Msg
	})
}

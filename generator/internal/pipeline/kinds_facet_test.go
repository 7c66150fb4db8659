package pipeline

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"portal/generator/internal/content"
	"portal/generator/internal/diag"
	"portal/generator/internal/kinds"
)

// TestToyKindFacet builds a site with the toy kind, whose facet (mode,
// at the segment format, which config has no words for: it is the
// segment in every language) is declared in its registry entry alone,
// with its UI strings: each value's list, in both languages, holds the
// open workshops of that value and not the past one, has its feed, the
// kind's list links to it under the facet's label, and the sitemap has
// it with its translation.
func TestToyKindFacet(t *testing.T) {
	online := strings.NewReplacer("Kartdag", "Nätdag", "2026-12-10", "2026-12-11", `"onsite"`, `"online"`).Replace(workshop)
	past := strings.NewReplacer("Kartdag", "Gammal dag", "2026-12-10", "2026-05-04", `"onsite"`, `"online"`).Replace(workshop)
	dir := toySite(t, map[string]string{"kartdag.md": workshop, "natdag.md": online, "gammal.md": past})
	l, err := Load(os.DirFS(dir), Options{Now: testNow, Kinds: kinds.Default().With(workshops())})
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	out := t.TempDir()
	if _, err := l.Write(context.Background(), out); err != nil {
		t.Fatalf("write: %v", err)
	}
	const site = "https://test.example.se"
	tests := []struct {
		file string
		want []string // in this order
		not  []string
	}{
		{"workshoppar/format/onsite/index.html", []string{"<h1>Workshoppar på plats</h1>", "Workshoppar i ett rum.", "1 Workshoppar",
			`href="/workshoppar/format/onsite/atom.xml"`, `href="/workshoppar/">All Workshoppar</a>`, "/workshoppar/kartdag/"},
			[]string{"Nätdag", "Gammal dag"}},
		{"workshoppar/format/online/index.html", []string{"<h1>Workshoppar på nätet</h1>", "/workshoppar/natdag/"},
			[]string{"Kartdag", "Gammal dag"}},
		{"en/workshops/format/onsite/index.html", []string{"<h1>Workshops on site</h1>", "Workshops in a room.", "1 Workshops",
			`href="/en/workshops/format/onsite/atom.xml"`, `href="/en/workshops/">All Workshops</a>`, "Kartdag"},
			[]string{"Nätdag", "Gammal dag"}},
		{"en/workshops/format/online/index.html", []string{"<h1>Online workshops</h1>", "Nätdag"}, []string{"Kartdag", "Gammal dag"}},
		{"workshoppar/format/onsite/atom.xml", []string{"Workshoppar på plats", `rel="self" type="application/atom+xml" href="` + site + `/workshoppar/format/onsite/atom.xml"`,
			"Kartdag"}, []string{"Nätdag", "Gammal dag"}},
		{"en/workshops/format/online/atom.xml", []string{"Online workshops", `rel="self" type="application/atom+xml" href="` + site + `/en/workshops/format/online/atom.xml"`,
			"Nätdag"}, []string{"Kartdag", "Gammal dag"}},
		{"workshoppar/index.html", []string{`<span id="facets-label" class="facet-label">Form:</span>`,
			`<li><a href="/workshoppar/format/onsite/">På plats</a></li>`, `<li><a href="/workshoppar/format/online/">På nätet</a></li>`}, nil},
		{"en/workshops/index.html", []string{`<span id="facets-label" class="facet-label">Format:</span>`,
			`<li><a href="/en/workshops/format/onsite/">On site</a></li>`, `<li><a href="/en/workshops/format/online/">Online</a></li>`}, nil},
		{"sitemap.xml", []string{"<loc>" + site + "/en/workshops/format/online/</loc>",
			`hreflang="sv" href="` + site + `/workshoppar/format/online/"`, `hreflang="en" href="` + site + `/en/workshops/format/online/"`,
			"<loc>" + site + "/workshoppar/format/onsite/</loc>",
			`hreflang="sv" href="` + site + `/workshoppar/format/onsite/"`, `hreflang="en" href="` + site + `/en/workshops/format/onsite/"`}, nil},
		{"exjobb/index.html", []string{`<span id="facets-label" class="facet-label">Nivå:</span>`}, []string{"format"}},
	}
	for _, tt := range tests {
		b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(tt.file)))
		if err != nil {
			t.Error(err)
			continue
		}
		got := string(b)
		wantInOrder(t, tt.file, got, tt.want)
		for _, w := range tt.not {
			if strings.Contains(got, w) {
				t.Errorf("%s holds %q:\n%s", tt.file, w, got)
			}
		}
	}
}

// TestToyKindFacetSlug checks that the toy kind's facet segment is a
// reserved slug, from its declaration alone: a workshop named format is
// refused, naming the facet's lists in the words its declaration gives,
// in both languages, and the kind's JSON Schema refuses the slug.
func TestToyKindFacetSlug(t *testing.T) {
	reg := kinds.Default().With(workshops())
	for _, tt := range []struct {
		name, src string
		en, sv    string
	}{
		{"format.md", workshop,
			`content/workshops/format.md:1:1: file name "format" is the address of the lists of workshops by format (/workshoppar/format/), which the record's page would take; rename the file, or set slug = "kartdag"`,
			`content/workshops/format.md:1:1: filnamnet "format" är redan adressen till listorna över workshoppar per format (/workshoppar/format/) – byt namn på filen eller skriv slug = "kartdag"`},
		{"nytt.md", strings.Replace(workshop, `title = "Kartdag"`, "title = \"Nytt format\"\nslug = \"format\"", 1),
			`content/workshops/nytt.md:3:8: slug "format" is the address of the lists of workshops by format (/workshoppar/format/), which the record's page would take; choose another slug, e.g. slug = "nytt-format"`,
			`content/workshops/nytt.md:3:8: slug: "format" är redan adressen till listorna över workshoppar per format (/workshoppar/format/) – välj en annan slug, t.ex. slug = "nytt-format"`},
	} {
		dir := toySite(t, map[string]string{tt.name: tt.src})
		_, err := Load(os.DirFS(dir), Options{Now: testNow, Kinds: reg})
		list, _ := diag.AsList(err)
		if got := strings.Join(list.Lines(), "\n"); got != tt.en {
			t.Errorf("%s: errors:\n%s\nwant:\n%s", tt.name, got, tt.en)
		}
		if got := strings.Join(list.LinesIn(diag.Swedish), "\n"); got != tt.sv {
			t.Errorf("%s: in Swedish:\n%s\nwant:\n%s", tt.name, got, tt.sv)
		}
	}

	clean := toySite(t, map[string]string{"kartdag.md": workshop})
	l, err := Load(os.DirFS(clean), Options{Now: testNow, Kinds: reg})
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	b, err := content.JSONSchema(reg, "workshops", l.Cfg, func(kind, key string) string { return kind + "." + key })
	if err != nil {
		t.Fatal(err)
	}
	var schema struct {
		Properties struct {
			Slug struct {
				Not struct{ Enum []string }
			}
			Mode struct{ Enum []string }
		}
	}
	if err := json.Unmarshal(b, &schema); err != nil {
		t.Fatal(err)
	}
	if got, want := schema.Properties.Slug.Not.Enum, []string{"arkiv", "format", "archive"}; !slices.Equal(got, want) {
		t.Errorf("slugs refused %q, want %q", got, want)
	}
	if got, want := schema.Properties.Mode.Enum, []string{"onsite", "online"}; !slices.Equal(got, want) {
		t.Errorf("modes %q, want %q", got, want)
	}
}

// TestToyKindTwoFacets checks that a kind with two facets has a row of
// links to each one's lists on its list, each under its own label whose
// id the page frame reserves, and the lists of both.
func TestToyKindTwoFacets(t *testing.T) {
	kind := workshops()
	kind.Keys = append(kind.Keys, kinds.Key{Name: "size", Type: kinds.String, Enum: []string{"small", "large"}})
	kind.Facets = append(kind.Facets, kinds.Facet{Key: "size", Segment: "size", Lists: diag.T("the lists of workshops by size", "listorna över workshoppar per storlek")})
	src := strings.Replace(workshop, "mode = \"onsite\"\n", "mode = \"onsite\"\nsize = \"large\"\n", 1)
	dir := toySite(t, map[string]string{"kartdag.md": src})
	for lang, words := range map[string][3]string{"sv": {"Storlek:", "Liten", "Stor"}, "en": {"Size:", "Small", "Large"}} {
		p := filepath.Join(dir, "templates/i18n", lang+".toml")
		appendTo(t, p, "size = \""+words[0]+"\"\n", "[facets.workshops]\n")
		appendTo(t, p, "\n[size]\nsmall = \""+words[1]+"\"\nlarge = \""+words[2]+"\"\n", "")
		for _, table := range []string{"facet", "facetintro", "facetempty"} {
			appendTo(t, p, "\n["+table+".workshops.size]\nsmall = \""+words[1]+"\"\nlarge = \""+words[2]+"\"\n", "")
		}
	}
	l, err := Load(os.DirFS(dir), Options{Now: testNow, Kinds: kinds.Default().With(kind)})
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	out := t.TempDir()
	if _, err := l.Write(context.Background(), out); err != nil {
		t.Fatalf("write: %v", err)
	}
	if frame := l.Templates.FrameIDs(); !slices.Contains(frame, "facets-label-size") {
		t.Errorf("the frame's ids have no facets-label-size, which a body's heading could take: %q", frame)
	}
	b, err := os.ReadFile(filepath.Join(out, "en/workshops/index.html"))
	if err != nil {
		t.Fatal(err)
	}
	want := `<nav class="facet-links" aria-labelledby="facets-label">
<span id="facets-label" class="facet-label">Format:</span>
<ul>
<li><a href="/en/workshops/format/onsite/">On site</a></li>
<li><a href="/en/workshops/format/online/">Online</a></li>
</ul>
</nav>
<nav class="facet-links" aria-labelledby="facets-label-size">
<span id="facets-label-size" class="facet-label">Size:</span>
<ul>
<li><a href="/en/workshops/size/small/">Small</a></li>
<li><a href="/en/workshops/size/large/">Large</a></li>
</ul>
</nav>`
	if !strings.Contains(string(b), want) {
		t.Errorf("en/workshops/index.html has not\n%s\n%s", want, b)
	}
	for file, want := range map[string]string{"workshoppar/size/large/index.html": "Kartdag", "workshoppar/size/small/index.html": "Liten"} {
		if b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(file))); err != nil || !strings.Contains(string(b), want) {
			t.Errorf("%s: %v, no %q", file, err, want)
		}
	}
}

package pipeline

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"portal/generator/internal/feeds/feedtest"
	"portal/generator/internal/site"
)

// TestSitemap reads sitemap.xml strictly: every published page once, the
// 404 pages not, each page's language versions and x-default; robots.txt
// names it; every language has its 404 page.
func TestSitemap(t *testing.T) {
	b := buildFixture(t, fixture(t, "testdata/sites/basic"))
	s := b.l.Site
	urls := readURLSet(t, "sitemap.xml", b.files["sitemap.xml"])
	checkSitemapURLs(t, b, urls)
	robots := string(b.files["robots.txt"])
	if !strings.Contains(robots, "\nSitemap: https://test.example.se/sitemap.xml\n") {
		t.Errorf("robots.txt does not name the sitemap:\n%s", robots)
	}
	for _, lang := range s.Cfg.Languages {
		nf := s.Prefix(lang) + "404.html"
		if html := b.file(t, nf); !bytes.Contains(html, []byte(`<html lang="`+lang+`">`)) {
			t.Errorf("%s is not in %s", nf, lang)
		}
	}
}

func checkSitemapURLs(t *testing.T, b *built, urls []feedtest.URL) {
	t.Helper()
	s := b.l.Site
	want := map[string]*site.Page{}
	for _, p := range s.Pages {
		if p.Type != site.NotFound {
			want[s.Abs(p.URL)] = p
		}
	}
	for _, u := range urls {
		p := want[u.Loc]
		if p == nil {
			t.Errorf("sitemap: %s is not a published page (or is listed twice)", u.Loc)
			continue
		}
		delete(want, u.Loc)
		if !b.has(u.Loc) {
			t.Errorf("sitemap: %s is not in the output", u.Loc)
		}
		if len(p.Alternates) < 2 {
			if len(u.Alternates) != 0 {
				t.Errorf("sitemap: %s has alternates %v but no translation", u.Loc, u.Alternates)
			}
			continue
		}
		var langs []string
		for _, a := range u.Alternates {
			langs = append(langs, a.Lang)
			if !b.has(a.Href) {
				t.Errorf("sitemap: %s: alternate %s is not in the output", u.Loc, a.Href)
			}
			if a.Lang == "x-default" && a.Href != u.Alternates[0].Href {
				t.Errorf("sitemap: %s: x-default %s is not the Swedish page", u.Loc, a.Href)
			}
		}
		if !slices.Equal(langs, []string{"sv", "en", "x-default"}) {
			t.Errorf("sitemap: %s: hreflang %v", u.Loc, langs)
		}
		if p.Entry != nil && !u.LastMod.Equal(p.Entry.Date) {
			t.Errorf("sitemap: %s: lastmod %s, want the record's date", u.Loc, u.LastMod)
		}
	}
	for loc := range want {
		t.Errorf("sitemap: %s is missing", loc)
	}
}

// TestSitemapSplit splits the fixture's sitemap at 10 URLs a file: an
// index of sitemap-N.xml files that together list every page once.
func TestSitemapSplit(t *testing.T) {
	b := buildFixture(t, fixture(t, "testdata/sites/basic"))
	files := map[string][]byte{}
	for _, o := range b.l.sitemapSplit(nil, 10) {
		data, err := o.Bytes(&bytes.Buffer{})
		if err != nil {
			t.Fatal(err)
		}
		files[o.Path] = data
	}
	idx, err := feedtest.DecodeSitemapIndex(files["sitemap.xml"])
	if err != nil {
		t.Fatalf("sitemap.xml: %v", err)
	}
	pages := len(b.l.Site.Pages) - len(b.l.Cfg.Languages) // without the 404 pages
	if n := (pages + 9) / 10; len(idx.Sitemaps) != n || n < 2 {
		t.Fatalf("index of %d sitemaps, want %d", len(idx.Sitemaps), n)
	}
	var all []feedtest.URL
	for i, sm := range idx.Sitemaps {
		name := "sitemap-" + itoa(i+1) + ".xml"
		if len(sm.Loc) != 1 || sm.Loc[0] != "https://test.example.se/"+name {
			t.Errorf("index entry %d: %v", i, sm.Loc)
		}
		part := readURLSet(t, name, files[name])
		if len(part) > 10 {
			t.Errorf("%s: %d urls", name, len(part))
		}
		all = append(all, part...)
	}
	checkSitemapURLs(t, b, all)
	if _, ok := files["robots.txt"]; !ok {
		t.Error("no robots.txt")
	}
}

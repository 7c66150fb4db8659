package feeds

import (
	"bytes"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"portal/generator/internal/feeds/feedtest"
)

func siteURLs(n int) []URL {
	base := "https://samverkan.example.se/"
	urls := []URL{{
		Loc:     base,
		LastMod: t0,
		Alternates: []Alternate{
			{"sv", base}, {"en", base + "en/"}, {"x-default", base},
		},
	}}
	for i := 1; i < n; i++ {
		sv := fmt.Sprintf("%sexjobb/projekt-%d/", base, i)
		en := fmt.Sprintf("%sen/theses/projekt-%d/", base, i)
		u := URL{Loc: sv, LastMod: t0.Add(time.Duration(i) * time.Hour)}
		if i%3 != 0 {
			u.Alternates = []Alternate{{"sv", sv}, {"en", en}, {"x-default", sv}}
		}
		if i%4 == 0 {
			u.LastMod = time.Time{}
		}
		urls = append(urls, u)
	}
	return urls
}

// mustURLs fails the test with name on a reading error.
func mustURLs(t *testing.T, name string) func([]feedtest.URL, error) []feedtest.URL {
	return func(urls []feedtest.URL, err error) []feedtest.URL {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return urls
	}
}

func sameURLs(t *testing.T, got []feedtest.URL, want []URL) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%d urls, want %d", len(got), len(want))
	}
	for i := range want {
		g, w := got[i], want[i]
		alts := slices.EqualFunc(g.Alternates, w.Alternates, func(a feedtest.Alternate, b Alternate) bool {
			return a.Lang == b.Lang && a.Href == b.Href
		})
		if g.Loc != w.Loc || !g.LastMod.Equal(w.LastMod.Truncate(time.Second)) || !alts {
			t.Errorf("url %d:\n got %+v\nwant %+v", i, g, w)
		}
	}
}

func TestSitemaps(t *testing.T) {
	escaping := []URL{{
		Loc:        "https://samverkan.example.se/s%C3%B6k/?q=a&b='c'&d=\"e\"<f>",
		LastMod:    time.Date(2026, 3, 1, 12, 30, 15, 999, stockholm),
		Alternates: []Alternate{{"sv-SE", "https://samverkan.example.se/?a=1&b=2"}, {"x-default", "https://samverkan.example.se/"}},
	}}
	tests := []struct {
		name  string
		base  string
		urls  []URL
		max   int
		files []string // sorted names
		parts []int    // URLs per part file
		dir   string   // golden directory under testdata/
	}{
		{name: "single", base: "https://samverkan.example.se/", urls: siteURLs(5), max: 50000,
			files: []string{"sitemap.xml"}, dir: "sitemap/single"},
		{name: "exactly max", base: "https://samverkan.example.se", urls: siteURLs(4), max: 4,
			files: []string{"sitemap.xml"}},
		{name: "empty", base: "https://samverkan.example.se/", urls: nil, max: 2,
			files: []string{"sitemap.xml"}, dir: "sitemap/empty"},
		{name: "split", base: "https://samverkan.example.se/", urls: siteURLs(5), max: 2,
			files: []string{"sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml", "sitemap.xml"}, parts: []int{2, 2, 1}, dir: "sitemap/split"},
		{name: "split one per file", base: "https://samverkan.example.se/", urls: siteURLs(3), max: 1,
			files: []string{"sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml", "sitemap.xml"}, parts: []int{1, 1, 1}},
		{name: "escaping", base: "https://samverkan.example.se/", urls: escaping, max: 10,
			files: []string{"sitemap.xml"}, dir: "sitemap/escaping"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			files, err := Sitemaps(tc.base, tc.urls, tc.max)
			if err != nil {
				t.Fatal(err)
			}
			names := slices.Sorted(maps.Keys(files))
			if !slices.Equal(names, tc.files) {
				t.Fatalf("files %v, want %v", names, tc.files)
			}
			for name, b := range files {
				if !bytes.HasSuffix(b, []byte("\n")) {
					t.Errorf("%s: no final newline", name)
				}
			}
			var got []feedtest.URL
			if tc.parts == nil {
				got = mustURLs(t, "sitemap.xml")(feedtest.DecodeURLSet(files["sitemap.xml"]))
				if !bytes.Contains(files["sitemap.xml"], []byte(`xmlns:xhtml="http://www.w3.org/1999/xhtml"`)) {
					t.Error("urlset does not declare the xhtml prefix")
				}
			} else {
				idx, err := feedtest.DecodeSitemapIndex(files["sitemap.xml"])
				if err != nil {
					t.Fatalf("sitemap.xml: %v", err)
				}
				if len(idx.Sitemaps) != len(tc.parts) {
					t.Fatalf("index lists %d sitemaps, want %d", len(idx.Sitemaps), len(tc.parts))
				}
				for i, sm := range idx.Sitemaps {
					name := fmt.Sprintf("sitemap-%d.xml", i+1)
					if len(sm.Loc) != 1 || sm.Loc[0] != "https://samverkan.example.se/"+name {
						t.Errorf("index entry %d: loc %v", i, sm.Loc)
					}
					part := mustURLs(t, name)(feedtest.DecodeURLSet(files[name]))
					if len(part) != tc.parts[i] {
						t.Errorf("%s: %d urls, want %d", name, len(part), tc.parts[i])
					}
					var newest time.Time
					for _, u := range part {
						if u.LastMod.After(newest) {
							newest = u.LastMod
						}
					}
					switch {
					case newest.IsZero() && len(sm.LastMod) != 0:
						t.Errorf("index entry %d: lastmod %v for a part without any", i, sm.LastMod)
					case !newest.IsZero() && (len(sm.LastMod) != 1 || sm.LastMod[0] != newest.UTC().Format(time.RFC3339)):
						t.Errorf("index entry %d: lastmod %v, want %s", i, sm.LastMod, newest.UTC().Format(time.RFC3339))
					}
					got = append(got, part...)
				}
			}
			sameURLs(t, got, tc.urls)
			if tc.dir != "" {
				for _, name := range names {
					checkGolden(t, tc.dir+"/"+name, files[name])
				}
			}
			again, err := Sitemaps(tc.base, tc.urls, tc.max)
			if err != nil || !maps.EqualFunc(files, again, bytes.Equal) {
				t.Errorf("second run differs (err %v)", err)
			}
		})
	}
}

func TestSitemapsErrors(t *testing.T) {
	base := "https://samverkan.example.se/"
	mod := func(f func([]URL)) []URL {
		u := siteURLs(3)
		f(u)
		return u
	}
	tests := []struct {
		name string
		base string
		urls []URL
		max  int
		want string
	}{
		{"max zero", base, siteURLs(3), 0, "max 0"},
		{"max too big", base, siteURLs(3), 50001, "max 50001"},
		{"relative base", "/", siteURLs(3), 10, "base url"},
		{"ftp base", "ftp://samverkan.example.se/", siteURLs(3), 10, "base url"},
		{"loc elsewhere", base, mod(func(u []URL) { u[1].Loc = "https://other.example/x/" }), 10, "not an absolute url under"},
		{"relative loc", base, mod(func(u []URL) { u[1].Loc = "/exjobb/" }), 10, "not an absolute url under"},
		{"duplicate loc", base, mod(func(u []URL) { u[2].Loc = u[1].Loc }), 10, "same loc"},
		{"empty hreflang", base, mod(func(u []URL) { u[0].Alternates[0].Lang = "" }), 10, "hreflang"},
		{"bad hreflang", base, mod(func(u []URL) { u[0].Alternates[0].Lang = "sv_SE" }), 10, "hreflang"},
		{"duplicate hreflang", base, mod(func(u []URL) { u[0].Alternates[1].Lang = "SV" }), 10, "appears twice"},
		{"relative href", base, mod(func(u []URL) { u[0].Alternates[1].Href = "/en/" }), 10, "not an absolute url"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			files, err := Sitemaps(tc.base, tc.urls, tc.max)
			if err == nil || !strings.Contains(strings.ToLower(err.Error()), tc.want) {
				t.Fatalf("error %v, want one containing %q", err, tc.want)
			}
			if files != nil {
				t.Errorf("files returned with the error")
			}
			if msg := err.Error(); !strings.HasPrefix(msg, "feeds: ") || strings.HasSuffix(msg, ".") {
				t.Errorf("message style: %q", msg)
			}
		})
	}
}

func TestValidHreflang(t *testing.T) {
	for s, want := range map[string]bool{
		"sv": true, "en": true, "x-default": true, "sv-SE": true, "zh-Hant-TW": true, "es-419": true,
		"": false, "-": false, "sv-": false, "-sv": false, "sv_SE": false, "1a": false, "abcdefghi": false, "sv se": false,
	} {
		if got := validHreflang(s); got != want {
			t.Errorf("validHreflang(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestRobots(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://samverkan.example.se/sitemap.xml", "User-agent: *\nAllow: /\nSitemap: https://samverkan.example.se/sitemap.xml\n"},
		{"", "User-agent: *\nAllow: /\n"},
		{"https://x.example/sitemap.xml\nDisallow: /", "User-agent: *\nAllow: /\nSitemap: https://x.example/sitemap.xmlDisallow: /\n"},
	}
	for _, tc := range tests {
		if got := string(Robots(tc.in)); got != tc.want {
			t.Errorf("Robots(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

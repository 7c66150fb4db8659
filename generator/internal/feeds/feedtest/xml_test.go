package feedtest

import (
	"strings"
	"testing"
	"time"
)

const atomOK = `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="sv"><id>https://x.se/</id><title>T</title><updated>2026-03-01T09:00:00Z</updated>
<author><name>KTH</name></author>
<entry><id>tag:x.se,2026:a</id><title>A</title><updated>2026-03-01T09:00:00Z</updated><link rel="alternate" href="https://x.se/a/"/></entry>
</feed>
`

// TestDecodeAtom checks that the reader takes a valid feed and reports
// each broken rule, all of them at once.
func TestDecodeAtom(t *testing.T) {
	f, err := DecodeAtom([]byte(atomOK))
	if err != nil || f.Lang != "sv" || len(f.Entries) != 1 || f.Entries[0].Links[0].Href != "https://x.se/a/" {
		t.Fatalf("%+v, %v", f, err)
	}
	tests := []struct{ name, old, new, want string }{
		{"trailing element", "</feed>\n", "</feed>\n<x/>", "content after the root element: xml.StartElement{Name:xml.Name{Space:\"\", Local:\"x\"}, Attr:[]xml.Attr{}}"},
		{"not well-formed", "<title>T</title>", "<title>T</titel>", "decode: XML syntax error on line 2: element <title> closed by </titel>"},
		{"other namespace", `<feed xmlns="http://www.w3.org/2005/Atom"`, `<feed xmlns="http://example.com/"`, "decode: expected element <feed> in name space http://www.w3.org/2005/Atom but have http://example.com/"},
		{"two titles", "<title>T</title>", "<title>T</title><title>U</title>", "feed title: 2 elements, want 1"},
		{"local time", "<updated>2026-03-01T09:00:00Z</updated>\n<author>", "<updated>2026-03-01T10:00:00+01:00</updated>\n<author>", `feed updated "2026-03-01T10:00:00+01:00" is not an RFC 3339 UTC time: <nil>`},
		{"no author", "<author><name>KTH</name></author>", "", "entry 0: no author, and the feed has none"},
		{"no link, no id", `<id>tag:x.se,2026:a</id><title>A</title><updated>2026-03-01T09:00:00Z</updated><link rel="alternate" href="https://x.se/a/"/>`, "<title>A</title><updated>2026-03-01T09:00:00Z</updated>",
			"entry id: 0 elements, want 1\nentry 0: 0 links rel=alternate, want 1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			data := strings.Replace(atomOK, tc.old, tc.new, 1)
			if data == atomOK {
				t.Fatal("replacement did not apply")
			}
			if _, err := DecodeAtom([]byte(data)); err == nil || err.Error() != tc.want {
				t.Errorf("error %v, want %q", err, tc.want)
			}
		})
	}
}

const urlsetOK = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
<url><loc>https://x.se/</loc><lastmod>2026-03-01T09:00:00Z</lastmod><xhtml:link rel="alternate" hreflang="en" href="https://x.se/en/"/></url>
<url><loc>https://x.se/a/</loc></url>
</urlset>
`

// TestDecodeSitemaps checks the urlset and sitemap index readers.
func TestDecodeSitemaps(t *testing.T) {
	urls, err := DecodeURLSet([]byte(urlsetOK))
	if err != nil || len(urls) != 2 || !urls[0].LastMod.Equal(time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)) ||
		urls[0].Alternates[0] != (Alternate{"en", "https://x.se/en/"}) || !urls[1].LastMod.IsZero() {
		t.Fatalf("%+v, %v", urls, err)
	}
	tests := []struct{ name, old, new, want string }{
		{"no declaration", `<?xml version="1.0" encoding="UTF-8"?>` + "\n", "", "no XML declaration"},
		{"date only", "2026-03-01T09:00:00Z", "2026-03-01", `lastmod "2026-03-01" is not a W3C datetime`},
		{"two locs", "<loc>https://x.se/a/</loc>", "<loc>https://x.se/a/</loc><loc>https://x.se/b/</loc>", "url 1: 2 locs"},
		{"other rel", `rel="alternate"`, `rel="canonical"`, `xhtml:link rel="canonical"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := DecodeURLSet([]byte(strings.Replace(urlsetOK, tc.old, tc.new, 1))); err == nil || err.Error() != tc.want {
				t.Errorf("error %v, want %q", err, tc.want)
			}
		})
	}
	idx, err := DecodeSitemapIndex([]byte(`<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://x.se/sitemap-1.xml</loc></sitemap></sitemapindex>
`))
	if err != nil || len(idx.Sitemaps) != 1 || idx.Sitemaps[0].Loc[0] != "https://x.se/sitemap-1.xml" {
		t.Errorf("%+v, %v", idx, err)
	}
	if _, err := DecodeSitemapIndex([]byte(urlsetOK)); err == nil || err.Error() != "decode: expected element type <sitemapindex> but have <urlset>" {
		t.Errorf("a urlset as index: %v", err)
	}
}

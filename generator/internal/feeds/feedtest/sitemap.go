package feedtest

import (
	"bytes"
	"errors"
	"regexp"
	"time"
)

// URL is one <url> of a sitemap as read back.
type URL struct {
	Loc        string
	LastMod    time.Time // zero without <lastmod>
	Alternates []Alternate
}

// Alternate is an <xhtml:link rel="alternate">: a language version.
type Alternate struct {
	Lang, Href string
}

// SitemapIndex is a <sitemapindex> as read back.
type SitemapIndex struct {
	XMLName  struct{}  `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 sitemapindex"`
	Sitemaps []Sitemap `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 sitemap"`
}

// Sitemap is one entry of a sitemap index.
type Sitemap struct {
	Loc     []string `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 loc"`
	LastMod []string `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 lastmod"`
}

type urlset struct {
	XMLName struct{} `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []struct {
		Loc     []string `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 loc"`
		LastMod []string `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 lastmod"`
		Links   []struct {
			Rel      string `xml:"rel,attr"`
			Hreflang string `xml:"hreflang,attr"`
			Href     string `xml:"href,attr"`
		} `xml:"http://www.w3.org/1999/xhtml link"`
	} `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 url"`
}

// w3cDateTime is the W3C datetime profile with seconds, as written here.
var w3cDateTime = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$`)

// decodeSitemapXML checks the XML declaration and decodes strictly.
func decodeSitemapXML(data []byte, v any) error {
	if !bytes.HasPrefix(data, []byte(xmlDecl)) {
		return errors.New("no XML declaration")
	}
	return decodeStrict(data, v)
}

// DecodeSitemapIndex reads a <sitemapindex> strictly.
func DecodeSitemapIndex(data []byte) (SitemapIndex, error) {
	var idx SitemapIndex
	err := decodeSitemapXML(data, &idx)
	return idx, err
}

// DecodeURLSet reads a <urlset> strictly: one <loc> per URL, at most one
// <lastmod> in the W3C datetime profile, only rel="alternate" links. The
// error joins every problem found.
func DecodeURLSet(data []byte) ([]URL, error) {
	var us urlset
	if err := decodeSitemapXML(data, &us); err != nil {
		return nil, err
	}
	var p problems
	var out []URL
	for i, u := range us.URLs {
		if len(u.Loc) != 1 || u.Loc[0] == "" {
			p.add("url %d: %d locs", i, len(u.Loc))
			continue
		}
		got := URL{Loc: u.Loc[0]}
		if len(u.LastMod) > 1 {
			p.add("url %d: %d lastmods", i, len(u.LastMod))
		}
		for _, lm := range u.LastMod {
			if !w3cDateTime.MatchString(lm) {
				p.add("lastmod %q is not a W3C datetime", lm)
			}
			got.LastMod, _ = time.Parse(time.RFC3339, lm)
		}
		for _, l := range u.Links {
			if l.Rel != "alternate" {
				p.add("xhtml:link rel=%q", l.Rel)
			}
			got.Alternates = append(got.Alternates, Alternate{Lang: l.Hreflang, Href: l.Href})
		}
		out = append(out, got)
	}
	return out, p.err()
}

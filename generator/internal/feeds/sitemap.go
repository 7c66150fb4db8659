package feeds

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

const (
	sitemapNS = "http://www.sitemaps.org/schemas/sitemap/0.9"
	xhtmlNS   = "http://www.w3.org/1999/xhtml"

	// SitemapMaxURLs is the protocol's limit of URLs per sitemap file and of
	// sitemaps per index; pass it as Sitemaps' max in production.
	SitemapMaxURLs = 50000
	// SitemapMaxBytes is the protocol's limit on an uncompressed sitemap file.
	SitemapMaxBytes = 50 * 1024 * 1024
)

// URL is one <url> of a sitemap.
type URL struct {
	// Loc is the page's absolute URL; it must lie under Sitemaps' baseURL
	// and be unique.
	Loc string
	// LastMod is written as <lastmod> (W3C datetime, UTC, whole seconds);
	// zero omits it.
	LastMod time.Time
	// Alternates are the page's language versions, written as
	// <xhtml:link rel="alternate" hreflang="..." href="..."/> in the order
	// given: every language version including the page itself, plus
	// x-default. Empty for a page with no translation. Each Lang appears once.
	Alternates []Alternate
}

// Alternate is one hreflang alternate of a URL.
type Alternate struct {
	Lang string // "sv", "en", "x-default"
	Href string // absolute URL
}

// SitemapNames are the files Sitemaps writes for n URLs with at most max
// URLs per file, sorted: "sitemap.xml" alone, or "sitemap-1.xml",
// "sitemap-2.xml", ... and "sitemap.xml", the index.
func SitemapNames(n, max int) []string {
	names := []string{"sitemap.xml"}
	if parts := (n + max - 1) / max; parts > 1 {
		for i := 1; i <= parts; i++ {
			names = append(names, "sitemap-"+strconv.Itoa(i)+".xml")
		}
		slices.Sort(names)
	}
	return names
}

// Sitemaps writes the sitemap of urls (in the order given). It returns the
// files to write, by name relative to the site root: with at most max URLs,
// just "sitemap.xml" (a <urlset>, empty when urls is empty); with more,
// "sitemap.xml" is a sitemap index pointing at "sitemap-1.xml",
// "sitemap-2.xml", ... under baseURL, each with at most max URLs and with
// <lastmod> the newest LastMod of its URLs. max is SitemapMaxURLs (50,000) in
// production; it must be between 1 and SitemapMaxURLs, and a file over
// SitemapMaxBytes or an index of more than SitemapMaxURLs parts is an error.
//
// baseURL is the site's absolute http(s) URL ("https://example.org/"; a
// missing final slash is added). Sitemaps escapes the five XML special
// characters but does not percent-encode: Loc and Href must already be URLs.
func Sitemaps(baseURL string, urls []URL, max int) (map[string][]byte, error) {
	if max < 1 || max > SitemapMaxURLs {
		return nil, fmt.Errorf("feeds: sitemap: max %d is not between 1 and %d", max, SitemapMaxURLs)
	}
	if !hasScheme(baseURL) || !(strings.HasPrefix(baseURL, "http://") || strings.HasPrefix(baseURL, "https://")) {
		return nil, fmt.Errorf("feeds: sitemap: base url %q is not an absolute http(s) url", baseURL)
	}
	if !strings.HasSuffix(baseURL, "/") {
		baseURL += "/"
	}
	if err := checkURLs(baseURL, urls); err != nil {
		return nil, err
	}
	parts := (len(urls) + max - 1) / max
	if parts <= 1 {
		b, err := urlset(urls)
		if err != nil {
			return nil, err
		}
		return map[string][]byte{"sitemap.xml": b}, nil
	}
	if parts > SitemapMaxURLs {
		return nil, fmt.Errorf("feeds: sitemap: %d urls need %d files, more than an index may list (%d)",
			len(urls), parts, SitemapMaxURLs)
	}

	files := make(map[string][]byte, parts+1)
	idx := make([]byte, 0, 200+parts*(len(baseURL)+90))
	idx = append(idx, xmlDecl+`<sitemapindex xmlns="`+sitemapNS+`">`+"\n"...)
	for p := range parts {
		chunk := urls[p*max : min((p+1)*max, len(urls))]
		b, err := urlset(chunk)
		if err != nil {
			return nil, fmt.Errorf("%w (part %d)", err, p+1)
		}
		name := "sitemap-" + strconv.Itoa(p+1) + ".xml"
		files[name] = b

		var newest time.Time
		for i := range chunk {
			if chunk[i].LastMod.After(newest) {
				newest = chunk[i].LastMod
			}
		}
		idx = append(idx, "  <sitemap>\n    <loc>"...)
		idx = appendEscapedXML(idx, baseURL)
		idx = append(idx, name+"</loc>\n"...)
		idx = appendLastMod(idx, newest)
		idx = append(idx, "  </sitemap>\n"...)
	}
	files["sitemap.xml"] = append(idx, "</sitemapindex>\n"...)
	return files, nil
}

const xmlDecl = `<?xml version="1.0" encoding="UTF-8"?>` + "\n"

// checkURLs checks every Loc and Alternate before anything is written.
func checkURLs(baseURL string, urls []URL) error {
	seen := make(map[string]int, len(urls))
	for i := range urls {
		u := &urls[i]
		if !strings.HasPrefix(u.Loc, baseURL) || !hasScheme(u.Loc) {
			return fmt.Errorf("feeds: sitemap: url %d: loc %q is not an absolute url under %s", i, u.Loc, baseURL)
		}
		if j, ok := seen[u.Loc]; ok {
			return fmt.Errorf("feeds: sitemap: urls %d and %d have the same loc %s", j, i, u.Loc)
		}
		seen[u.Loc] = i
		for k, a := range u.Alternates {
			if !validHreflang(a.Lang) {
				return fmt.Errorf("feeds: sitemap: url %s: alternate %d: hreflang %q is not a language tag or x-default", u.Loc, k, a.Lang)
			}
			if !hasScheme(a.Href) {
				return fmt.Errorf("feeds: sitemap: url %s: alternate %s: href %q is not an absolute url", u.Loc, a.Lang, a.Href)
			}
			for _, b := range u.Alternates[:k] {
				if strings.EqualFold(a.Lang, b.Lang) {
					return fmt.Errorf("feeds: sitemap: url %s: hreflang %s appears twice", u.Loc, a.Lang)
				}
			}
		}
	}
	return nil
}

// validHreflang accepts "x-default" and BCP 47-shaped tags: subtags of 1-8
// letters or digits joined by hyphens, the first of letters only.
func validHreflang(s string) bool {
	sub, n := 0, 0 // subtag index and length
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == '-' {
			if n < 1 || n > 8 {
				return false
			}
			sub, n = sub+1, 0
			continue
		}
		c := s[i]
		letter := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
		if !letter && !(sub > 0 && '0' <= c && c <= '9') {
			return false
		}
		n++
	}
	return true
}

// urlset writes one <urlset> file.
func urlset(urls []URL) ([]byte, error) {
	size := 200
	for i := range urls {
		size += 40 + len(urls[i].Loc) + 40
		for _, a := range urls[i].Alternates {
			size += 60 + len(a.Lang) + len(a.Href)
		}
	}
	b := make([]byte, 0, size+size/16) // room for some escaping
	b = append(b, xmlDecl...)
	b = append(b, `<urlset xmlns="`+sitemapNS+`" xmlns:xhtml="`+xhtmlNS+`">`+"\n"...)
	for i := range urls {
		u := &urls[i]
		b = append(b, "  <url>\n    <loc>"...)
		b = appendEscapedXML(b, u.Loc)
		b = append(b, "</loc>\n"...)
		b = appendLastMod(b, u.LastMod)
		for _, a := range u.Alternates {
			b = append(b, `    <xhtml:link rel="alternate" hreflang="`...)
			b = appendEscapedXML(b, a.Lang)
			b = append(b, `" href="`...)
			b = appendEscapedXML(b, a.Href)
			b = append(b, "\"/>\n"...)
		}
		b = append(b, "  </url>\n"...)
	}
	b = append(b, "</urlset>\n"...)
	if len(b) > SitemapMaxBytes {
		return nil, fmt.Errorf("feeds: sitemap: %d urls make %d bytes, over the limit of %d; lower max",
			len(urls), len(b), SitemapMaxBytes)
	}
	return b, nil
}

// appendLastMod appends a <lastmod> line in W3C datetime (UTC), or nothing
// for a zero time.
func appendLastMod(b []byte, t time.Time) []byte {
	if t.IsZero() {
		return b
	}
	b = append(b, "    <lastmod>"...)
	b = t.UTC().Truncate(time.Second).AppendFormat(b, time.RFC3339)
	return append(b, "</lastmod>\n"...)
}

// Robots returns robots.txt allowing everything and naming the sitemap:
// "User-agent: *\nAllow: /\nSitemap: <url>\n". The Sitemap line is left out
// when sitemapURL is empty; control characters in it are dropped so it
// cannot add lines.
func Robots(sitemapURL string) []byte {
	b := []byte("User-agent: *\nAllow: /\n")
	if sitemapURL == "" {
		return b
	}
	b = append(b, "Sitemap: "...)
	b = appendICSRaw(b, sitemapURL)
	return append(b, '\n')
}

package site

import (
	"strconv"
	"strings"

	"portal/generator/internal/config"
	"portal/generator/internal/kinds"
)

// Prefix is the root of a language: "/" for the default, "/en/" for English.
func (s *Site) Prefix(lang string) string {
	if lang == s.Cfg.DefaultLanguage {
		return "/"
	}
	return "/" + lang + "/"
}

// SectionURL is the list of a kind in lang.
func (s *Site) SectionURL(kind, lang string) string {
	return s.Prefix(lang) + s.Cfg.Section(kind, lang) + "/"
}

// ArchiveURL is the archive of a kind in lang.
func (s *Site) ArchiveURL(kind, lang string) string {
	return s.SectionURL(kind, lang) + config.Segment("archive", lang) + "/"
}

// FacetURL is the list of a kind's current records whose key facet has
// value, in lang: /exjobb/niva/master/ (kinds.Facet).
func (s *Site) FacetURL(kind string, f kinds.Facet, value, lang string) string {
	return s.SectionURL(kind, lang) + config.Segment(f.Segment, lang) + "/" + value + "/"
}

// IndexURL is the list of an index ("areas", "organisations", "schools") in lang.
func (s *Site) IndexURL(index, lang string) string {
	return s.Prefix(lang) + config.Segment(index, lang) + "/"
}

// TermURL is the page of one area, organisation or school.
func (s *Site) TermURL(index, key, lang string) string {
	return s.IndexURL(index, lang) + key + "/"
}

// recordURLs returns the function that gives the page of a record's
// version in lang, for the records of one site: it makes the list URL of
// each kind and language once.
func (s *Site) recordURLs() func(e *Entry, lang string) string {
	sections := map[[2]string]string{} // kind, language → SectionURL
	return func(e *Entry, lang string) string {
		if e.Kind == "pages" {
			return s.Prefix(lang) + e.Slug + "/"
		}
		k := [2]string{e.Kind, lang}
		section, ok := sections[k]
		if !ok {
			section = s.SectionURL(e.Kind, lang)
			sections[k] = section
		}
		return section + e.Slug + "/"
	}
}

// pageURL is page n (1-based) of a paginated list rooted at base.
func pageURL(base, lang string, n int) string {
	if n <= 1 {
		return base
	}
	return base + config.Segment("page", lang) + "/" + strconv.Itoa(n) + "/"
}

// Abs makes a site path absolute with the configured base URL, escaped
// (BaseURL).
func (s *Site) Abs(path string) string {
	if len(path) > 0 && path[0] == '/' {
		path = path[1:]
	}
	return s.base + path
}

// BaseURL is the configured base URL with every byte a URL cannot hold
// percent-encoded (EscapeURL), so that each output format, escaping its
// own special characters, writes a URL: no space, quote, angle bracket,
// control character or line break of config.toml reaches a page, feed,
// calendar, sitemap or robots.txt as it is.
func (s *Site) BaseURL() string { return s.base }

// EscapeURL percent-encodes the bytes of u that a URL cannot hold: control
// characters, space, non-ASCII bytes and " < > \ ^ ` { | }. A "%" is
// kept: u may be encoded already.
func EscapeURL(u string) string {
	const hex = "0123456789ABCDEF"
	var b []byte
	for i := 0; i < len(u); i++ {
		c := u[i]
		if c > 0x20 && c < 0x7F && !strings.ContainsRune("\"<>\\^`{|}", rune(c)) {
			if b != nil {
				b = append(b, c)
			}
			continue
		}
		if b == nil {
			b = append(make([]byte, 0, len(u)+8), u[:i]...)
		}
		b = append(b, '%', hex[c>>4], hex[c&15])
	}
	if b == nil {
		return u
	}
	return string(b)
}

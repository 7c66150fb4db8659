package config

import (
	"net/url"
	"strings"
	"unicode/utf8"

	"portal/generator/internal/diag"
	"portal/generator/internal/kinds"
)

// fixed are the URL segments that do not come from config.toml.
var fixed = map[string]map[string]string{
	"sv": {"areas": "omraden", "organisations": "organisationer", "schools": "skolor", "archive": "arkiv", "page": "sida", "due": "att-fornya", "level": "niva"},
	"en": {"areas": "areas", "organisations": "organisations", "schools": "schools", "archive": "archive", "page": "page", "due": "due-for-review", "level": "level"},
}

// Segment returns a fixed URL segment ("areas", "archive", ...) in lang;
// languages other than Swedish use the English segments.
// A name without a fixed segment (the facet of a kind another site
// declares) is its own segment.
func Segment(name, lang string) string {
	m, ok := fixed[lang]
	if !ok {
		m = fixed["en"]
	}
	if seg, ok := m[name]; ok {
		return seg
	}
	return name
}

// AssetsDir is the folder at the root of the site that holds the
// stylesheets, scripts and images of the templates (see render.Load).
const AssetsDir = "assets"

// SearchDir is the folder at the root of each language that holds the
// files of its search index (see package search).
const SearchDir = "search"

// rootSegments names what else takes a segment at the root of lang: the
// index pages, and, in the default language, the other languages' roots
// and the assets.
func (c *Config) rootSegments(lang string) map[string]diag.Message {
	used := map[string]diag.Message{}
	for _, index := range []string{"areas", "organisations", "schools"} {
		s := Segment(index, lang)
		used[s] = diag.M(diag.UsedIndex, index, c.root(lang)+s+"/")
	}
	used[SearchDir] = diag.M(diag.UsedSearch, c.root(lang)+SearchDir+"/")
	if lang == c.DefaultLanguage {
		used[AssetsDir] = diag.M(diag.UsedAssets, AssetsDir)
		for _, l := range c.Languages {
			if l != lang {
				used[l] = diag.M(diag.UsedLang, l, l)
			}
		}
	}
	return used
}

func (c *Config) root(lang string) string {
	if lang == c.DefaultLanguage {
		return "/"
	}
	return "/" + lang + "/"
}

// segmentClashes reports a section whose segment in a language is the
// segment of another section, or of something else at the root of that
// language: their pages would have the same URLs.
func (p *parser) segmentClashes() {
	c := p.cfg
	for _, l := range c.Languages {
		used := c.rootSegments(l)
		for _, kind := range c.Kinds.Names() {
			s := c.Sections[kind][l]
			if !ValidSlug(s) {
				continue // reported
			}
			if other, ok := used[s]; ok {
				p.errVal([]string{"sections", kind, l}, diag.SegmentUsed, s, other)
				continue
			}
			used[s] = diag.M(diag.UsedSection, kind, c.root(l)+s+"/")
		}
	}
}

// checkBaseURL returns the base URL s with a final slash, or an error
// message: it must be an absolute http(s) URL with a valid host, written
// in ASCII (a host of other letters is written percent-encoded into the
// feeds, the sitemap and the canonical links, which feed readers and
// crawlers do not resolve: punycode, xn--, is the form they read), with
// a port if any, and no path, user, query or fragment: the site is at the
// root of its host (its pages link to /exjobb/, robots.txt is
// /robots.txt), so a path would be in the absolute URLs alone, which
// then lead nowhere.
func checkBaseURL(s string) (string, diag.Message) {
	u, err := url.Parse(s)
	switch {
	case err != nil || !(strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "http://")):
		return "", diag.M(diag.BaseURL)
	case u.Host == "" || u.Hostname() == "":
		return "", diag.M(diag.BaseURLNoHost)
	case u.User != nil || u.RawQuery != "" || u.Fragment != "" || strings.ContainsAny(s, "?#"):
		return "", diag.M(diag.BaseURLExtra)
	case !ascii(u.Host) || strings.Contains(u.Host, "%"):
		return "", diag.M(diag.BaseURLHostASCII, u.Hostname())
	case strings.HasSuffix(u.Host, ":"):
		return "", diag.M(diag.BaseURLPort)
	case u.Path != "" && u.Path != "/":
		return "", diag.M(diag.BaseURLPath, u.EscapedPath())
	}
	if !strings.HasSuffix(s, "/") {
		s += "/"
	}
	return s, diag.Message{}
}

// ascii reports whether s is all ASCII.
func ascii(s string) bool {
	return !strings.ContainsFunc(s, func(r rune) bool { return r >= utf8.RuneSelf })
}

// SectionSegment is a fixed segment the site puts in the folder of a
// kind's section: Name is "archive", "page" or "due", Lang the language
// whose segment it is, URL where it is ("/exjobb/arkiv/", or for "page"
// the list's second page, "/exjobb/sida/2/").
type SectionSegment struct {
	Name, Lang, Segment, URL string
}

// SectionSegments returns the fixed segments of kind's section in each
// of the site's languages, the languages in their order: the archive's
// and the list pages' of every kind, the due page's of agreements, the
// segment of each of the kind's facets (the theses' levels). A
// language other than Swedish has the English ones (Segment), so a
// segment may come twice, at two URLs.
func (c *Config) SectionSegments(kind string) []SectionSegment {
	var out []SectionSegment
	for _, l := range c.Languages {
		for _, name := range c.sectionSegmentNames(kind) {
			out = append(out, c.sectionSegment(kind, name, l))
		}
	}
	return out
}

// SectionSegmentOf returns the fixed segment of kind's section that slug
// is in any of the site's languages (a record's page in one language is
// in that language's section), if any: the first of SectionSegments that
// it is. A record with it for slug would have its page at the archive's
// or the due page's URL, at the folder of a facet's lists (the theses'
// niva/), or around the list's further pages.
func (c *Config) SectionSegmentOf(kind, slug string) (SectionSegment, bool) {
	for _, l := range c.Languages {
		for _, name := range c.sectionSegmentNames(kind) {
			if Segment(name, l) == slug {
				return c.sectionSegment(kind, name, l), true
			}
		}
	}
	return SectionSegment{}, false
}

// sectionSegmentNames names the fixed segments of kind's section: the
// archive's, the list pages', the due page's of agreements and the
// segment of each facet the registry declares for kind.
func (c *Config) sectionSegmentNames(kind string) []string {
	names := []string{"archive", "page"}
	if kind == kinds.Agreements {
		names = append(names, "due")
	}
	if c.Kinds != nil {
		if k := c.Kinds.Get(kind); k != nil {
			for _, f := range k.Facets {
				names = append(names, f.Segment)
			}
		}
	}
	return names
}

// sectionSegment is the fixed segment name of kind's section in lang.
func (c *Config) sectionSegment(kind, name, lang string) SectionSegment {
	seg := Segment(name, lang)
	url := c.root(lang) + c.Section(kind, lang) + "/" + seg + "/"
	if name == "page" {
		url += "2/"
	}
	return SectionSegment{Name: name, Lang: lang, Segment: seg, URL: url}
}

// OtherSlug suggests a slug for a record of kind whose slug is taken by a
// fixed segment of its section (SectionSegmentOf): the slug of its title,
// when that is free, else the slug followed by the section's segment
// ("arkiv-exjobb").
func (c *Config) OtherSlug(kind, slug, title string) string {
	if s := SlugOf(title); s != slug && ValidSlug(s) {
		if _, taken := c.SectionSegmentOf(kind, s); !taken {
			return s
		}
	}
	return slug + "-" + c.Section(kind, c.DefaultLanguage)
}

package site

import (
	"cmp"
	"net/url"
	"path"
	"slices"
	"strings"

	"portal/generator/internal/config"
	"portal/generator/internal/diag"
	"portal/generator/internal/feeds"
	"portal/generator/internal/kinds"
)

// Every file the site writes is claimed once, by its page, feed,
// calendar, sitemap, search index, asset or attachment; a second claim of
// a path is an error naming both. A file name with a dot (every file but
// a page) never equals a folder name, which is a slug.

// key is the claim of a URL: a page's folder URL ("/exjobb/") and the
// file that holds it ("/exjobb/index.html") are one output.
func key(url string) string {
	if strings.HasSuffix(url, "/index.html") {
		return url[:len(url)-len("index.html")]
	}
	return url
}

// FilePath maps a site URL to its file: "/exjobb/" → "exjobb/index.html".
func FilePath(url string) string {
	p := strings.TrimPrefix(url, "/")
	if p == "" || strings.HasSuffix(p, "/") {
		p += "index.html"
	}
	return p
}

// claimant is what claimed an output, for the message of a second
// claim: a source file (a record's or a page's), or a part of the site
// (a list, a feed, an attachment, ...) described in the messages'
// languages.
type claimant struct {
	path string        // the source file, or "" for a part of the site
	part *diag.Message // the part of the site, when path is ""
}

// part makes the claimant of a part of the site, described by the
// catalog's message id with args.
func part(id diag.ID, args ...any) claimant {
	m := diag.M(id, args...)
	return claimant{part: &m}
}

// arg is c as an argument of a message.
func (c claimant) arg() any {
	if c.part != nil {
		return *c.part
	}
	return c.path
}

// claim registers an output path; a second claim is a collision, reported
// at the slug of e when it has one, else at the source file of by, else
// at config.toml (whose sections name the site's parts).
func (s *Site) claim(url string, by claimant, e *Entry) *diag.Error {
	if prev, dup := s.paths[key(url)]; dup {
		return used(url, by, prev, e)
	}
	s.paths[key(url)] = by
	return nil
}

// used is the error of by's claim of url, which prev has: at the slug
// of e when it has one (in its own file, also for a translation's page),
// else at the source file of by, else at config.toml.
func used(url string, by, prev claimant, e *Entry) *diag.Error {
	d := diag.At(cmp.Or(by.path, config.FileName), 1, 1, diag.URLUsed, url, prev.arg())
	if e != nil && e.Own().Pos.Has("slug") {
		d.Path = e.Own().Path
		d.Line, d.Col = e.Own().Pos.Value("slug")
	}
	return &d
}

// claimPage claims the URL of p, as claim does; a free page inside a
// folder of the site's own (reservedDir) is refused too, which no file
// of that folder claims: a free page with the slug search or assets. The
// other pages are in the folders of the config's segments, which it
// keeps from these (config.Config.rootSegments).
func (s *Site) claimPage(p *Page, by claimant, e *Entry) *diag.Error {
	if p.Type == FreePage {
		if dir, what := s.reservedDir(p.URL); dir != "" {
			return used(dir, by, what, e)
		}
	}
	return s.claim(p.URL, by, e)
}

// reservedDir is the folder the site writes of its own that url is in,
// with what it holds: a language's search index (SearchDir) or the
// templates' assets (/assets/); "" for none. A free page is published at
// the root of each language (/<slug>/, /en/<slug>/), where these are.
func (s *Site) reservedDir(url string) (string, claimant) {
	for _, lang := range s.Cfg.Languages {
		if dir := s.SearchDir(lang); strings.HasPrefix(url, dir) {
			return dir, part(diag.ClaimSearch)
		}
	}
	if dir := "/" + config.AssetsDir + "/"; strings.HasPrefix(url, dir) {
		return dir, part(diag.ClaimAssets)
	}
	return "", claimant{}
}

// HasPath reports whether the site writes a page or file at url.
func (s *Site) HasPath(url string) bool {
	_, ok := s.paths[key(url)]
	return ok
}

// Paths lists the files of the site (as FilePath names them), sorted.
func (s *Site) Paths() []string {
	out := make([]string, 0, len(s.paths))
	for k := range s.paths {
		out = append(out, FilePath(k))
	}
	slices.Sort(out)
	return out
}

// KindCalendarURL is the calendar of the events of kind, in lang: beside
// its list, or "" for a kind that is not in the calendar (kinds.Kind's
// Calendar).
func (s *Site) KindCalendarURL(kind, lang string) string {
	if k := s.Cfg.Kinds.Get(kind); k == nil || !k.Calendar {
		return ""
	}
	return s.SectionURL(kind, lang) + "calendar.ics"
}

// CalendarKind is the first kind in the calendar, whose records the home
// page shows as events.
func (s *Site) CalendarKind() string {
	if kinds := s.CalendarKinds(); len(kinds) > 0 {
		return kinds[0]
	}
	return ""
}

// CalendarKinds are the kinds in the calendar, in the registry's order:
// each has a calendar of its own (KindCalendarURL).
func (s *Site) CalendarKinds() []string {
	var out []string
	for _, k := range s.Cfg.Kinds.All() {
		if k.Calendar {
			out = append(out, k.Name)
		}
	}
	return out
}

// Events returns the records of the kinds that are in the calendar, in
// the order of the kinds and then of ByKind.
func (s *Site) Events() []*Entry {
	var out []*Entry
	for _, k := range s.Cfg.Kinds.All() {
		if k.Calendar {
			out = append(out, s.ByKind[k.Name]...)
		}
	}
	return out
}

// EventURL is the calendar file of one record, beside its page in lang: a
// lecture, or an agreement's last day to give notice (HasNoticeFile).
func (s *Site) EventURL(e *Entry, lang string) string { return e.URL[lang] + EventFile(e) }

// EventFiles returns the records with a calendar file of their own
// beside their page in lang (EventURL): the agreements whose last day to
// give notice is still to come (HasNoticeFile), then the records of the
// calendar's kinds with a version in lang.
func (s *Site) EventFiles(lang string) []*Entry {
	var out []*Entry
	for _, e := range s.ByKind[kinds.Agreements] {
		if s.HasNoticeFile(e, lang) {
			out = append(out, e)
		}
	}
	for _, e := range s.Events() {
		if e.In(lang) != nil {
			out = append(out, e)
		}
	}
	return out
}

// EventFile is the file name of a lecture's own calendar file.
func EventFile(e *Entry) string { return e.Slug + ".ics" }

// SearchDir is the folder of the search index of lang: /search/, or
// /en/search/ for English. Its manifest (index.json) is claimed like any
// file; the files in its subfolders are the search index's alone, since
// no section may be named search (config) and no attachment name holds a
// slash.
func (s *Site) SearchDir(lang string) string { return s.Prefix(lang) + config.SearchDir + "/" }

// SearchIndexURL is the manifest of the search index of lang.
func (s *Site) SearchIndexURL(lang string) string { return s.SearchDir(lang) + "index.json" }

// AttachmentPath is the path of e's attachment beside its page in lang,
// as written to public/, or "" when e has none that is published.
func (s *Site) AttachmentPath(e *Entry, lang string) string {
	if e.Attachment == "" || e.Confidential {
		return ""
	}
	return e.URL[lang] + path.Base(e.Attachment)
}

// AttachmentURL is AttachmentPath as a link to it: escaped, so that a
// file named "Avtal #2.pdf" is linked as a whole, not cut at the "#".
func (s *Site) AttachmentURL(e *Entry, lang string) string {
	return (&url.URL{Path: s.AttachmentPath(e, lang)}).EscapedPath()
}

// Sitemaps are the files of the sitemap: "sitemap.xml" and, past max URLs,
// its parts (feeds.SitemapNames).
func (s *Site) Sitemaps(max int) []string {
	n := 0
	for _, p := range s.Pages {
		if p.Type != NotFound {
			n++
		}
	}
	return feeds.SitemapNames(n, max)
}

// claimFiles claims every file that is not a page: the feeds, calendars,
// search indexes, sitemap and robots.txt, which the site always writes,
// then the assets (their output paths), then the attachments and the
// images of bodies, so that a collision is reported at the attachment key
// or the image of the record that caused it.
func (s *Site) claimFiles(assets []string) diag.List {
	var errs diag.List
	fixed := func(url string, what claimant) {
		if d := s.claim(url, what, nil); d != nil {
			d.Path = config.FileName
			errs = append(errs, *d)
		}
	}
	for _, p := range s.Pages {
		if p.Feed != "" && (p.Pager == nil || p.Pager.Page == 1) {
			fixed(p.Feed, part(diag.ClaimFeed, p.URL))
		}
	}
	for _, lang := range s.Cfg.Languages {
		for _, kind := range s.CalendarKinds() {
			fixed(s.KindCalendarURL(kind, lang), part(diag.ClaimCalendar, s.Cfg.Kinds.RecordsWord(kind)))
		}
		fixed(s.DueCalendarURL(lang), part(diag.ClaimDueCalendar))
		for _, e := range s.EventFiles(lang) {
			fixed(s.EventURL(e, lang), part(diag.ClaimEvent, e.In(lang).Path))
		}
		fixed(s.SearchIndexURL(lang), part(diag.ClaimSearch))
	}
	for _, name := range s.Sitemaps(feeds.SitemapMaxURLs) {
		fixed("/"+name, part(diag.ClaimSitemap))
	}
	fixed("/robots.txt", part(diag.ClaimRobots))
	for _, name := range assets {
		if d := s.claim("/"+name, part(diag.ClaimAsset, name), nil); d != nil {
			d.Path = "templates/assets"
			errs = append(errs, *d)
		}
	}
	for _, e := range s.Entries {
		for _, v := range e.Versions {
			at := s.AttachmentPath(e, v.Lang)
			if at == "" {
				continue
			}
			if prev, dup := s.paths[key(at)]; dup {
				line, col := e.Own().Pos.Value("attachment")
				errs = append(errs, diag.At(e.Path(), line, col, diag.AttachmentURLUsed, path.Base(e.Attachment), at, prev.arg()))
				continue
			}
			s.paths[key(at)] = part(diag.ClaimAttachment, e.Path())
		}
	}
	return append(errs, s.claimImages()...)
}

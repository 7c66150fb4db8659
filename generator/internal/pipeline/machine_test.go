package pipeline

import (
	"bytes"
	"context"
	"encoding/json"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"portal/generator/internal/feeds/feedtest"
	"portal/generator/internal/site"
)

// built is a fixture site built into a temporary folder.
type built struct {
	l     *Loaded
	rep   *Report
	out   string
	files map[string][]byte
}

// buildFixture builds the site at dir (a fixture folder) with the shipped
// templates, at testNow.
func buildFixture(t *testing.T, fsys fs.FS) *built {
	t.Helper()
	l, err := Load(fsys, Options{Now: testNow})
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	out := filepath.Join(t.TempDir(), "public")
	rep, err := l.Write(context.Background(), out)
	if err != nil {
		t.Fatalf("write: %v", err)
	}
	return &built{l: l, rep: rep, out: out, files: tree(t, out)}
}

func (b *built) file(t *testing.T, url string) []byte {
	t.Helper()
	data, ok := b.files[site.FilePath(url)]
	if !ok {
		t.Fatalf("%s: no file %s in the output", url, site.FilePath(url))
	}
	return data
}

// has reports whether a site URL or absolute URL of the site is a file of
// the output.
func (b *built) has(url string) bool {
	url = strings.TrimPrefix(url, b.l.Cfg.BaseURL)
	_, ok := b.files[site.FilePath("/"+strings.TrimPrefix(url, "/"))]
	return ok
}

func entryOf(t *testing.T, s *site.Site, kind, slug string) *site.Entry {
	t.Helper()
	for _, e := range s.ByKind[kind] {
		if e.Slug == slug {
			return e
		}
	}
	t.Fatalf("no published %s/%s", kind, slug)
	return nil
}

// TestOutputsUnique checks that no two outputs claim one file: a
// paginated list names its feed on every page, and the feed is still
// written once.
func TestOutputsUnique(t *testing.T) {
	b := buildFixture(t, fixture(t, "testdata/sites/basic"))
	seen := map[string]bool{}
	for _, o := range b.l.Outputs() {
		if seen[o.Path] {
			t.Errorf("%s is written twice", o.Path)
		}
		seen[o.Path] = true
	}
	if b.rep.Files != len(b.files) {
		t.Errorf("report counts %d files, the output has %d", b.rep.Files, len(b.files))
	}
}

// TestAtomFeeds reads every feed of the fixture strictly: one per kind list,
// per area and of the agreements due for review in each language, newest first, the right records,
// times taken from the records, and each list page linking its feed.
func TestAtomFeeds(t *testing.T) {
	b := buildFixture(t, fixture(t, "testdata/sites/basic"))
	s := b.l.Site
	feedsSeen := map[string]bool{}
	for _, p := range s.Pages {
		wantFeed := p.Type == site.ListPage || p.Type == site.AreaPage || p.Type == site.DuePage
		if (p.Feed != "") != wantFeed {
			t.Errorf("%s (%s): feed %q", p.URL, p.Type, p.Feed)
		}
		if p.Feed == "" {
			continue
		}
		// The page links its feed in <head> and visibly.
		html := string(b.file(t, p.URL))
		head := `<link rel="alternate" type="application/atom+xml" title="`
		if !strings.Contains(html, head) || !strings.Contains(html, `href="`+s.Abs(p.Feed)+`">`) {
			t.Errorf("%s: no <link rel=alternate> to %s", p.URL, s.Abs(p.Feed))
		}
		if !regexp.MustCompile(`<a [^>]*href="` + regexp.QuoteMeta(p.Feed) + `"[^>]*>[^<]+</a>`).MatchString(html) {
			t.Errorf("%s: no visible link to %s", p.URL, p.Feed)
		}
		if feedsSeen[p.Feed] {
			continue
		}
		feedsSeen[p.Feed] = true
		data := b.file(t, p.Feed)
		f := readAtom(t, p.Feed, data)
		if f.Lang != p.Lang {
			t.Errorf("%s: xml:lang %q, want %q", p.Feed, f.Lang, p.Lang)
		}
		if f.IDs[0] != s.Abs(p.URL) {
			t.Errorf("%s: id %q, want the list's URL", p.Feed, f.IDs[0])
		}
		var self, alt string
		for _, l := range f.Links {
			switch l.Rel {
			case "self":
				self = l.Href
			case "alternate":
				alt = l.Href
			}
		}
		if self != s.Abs(p.Feed) || alt != s.Abs(p.URL) {
			t.Errorf("%s: self %q, alternate %q", p.Feed, self, alt)
		}
		// The records: a kind list's current entries, an area's entries
		// that are not archived; newest first.
		var want []*site.Entry
		switch p.Type {
		case site.ListPage:
			want = s.Current(p.Kind)
		case site.DuePage:
			want = s.Due()
		default:
			for _, e := range s.Members("areas", p.Term.Key) {
				if !e.Archived {
					want = append(want, e)
				}
			}
		}
		wantLinks := map[string]*site.Entry{}
		for _, e := range want {
			wantLinks[s.Abs(e.URL[p.Lang])] = e
		}
		var newest time.Time
		var prev time.Time
		ids := map[string]bool{}
		for i, e := range f.Entries {
			link := ""
			for _, l := range e.Links {
				if l.Rel == "alternate" {
					link = l.Href
				}
			}
			rec := wantLinks[link]
			if rec == nil {
				t.Errorf("%s: entry %d links %s, which is not one of the list's records", p.Feed, i, link)
				continue
			}
			delete(wantLinks, link)
			if !b.has(link) {
				t.Errorf("%s: entry %d links %s, which is not in the output", p.Feed, i, link)
			}
			if ids[e.IDs[0]] || !strings.HasPrefix(e.IDs[0], "tag:test.example.se,2014:"+rec.Kind+"/"+rec.Slug+"/") {
				t.Errorf("%s: entry id %q", p.Feed, e.IDs[0])
			}
			ids[e.IDs[0]] = true
			up, _ := time.Parse(time.RFC3339, e.Updated[0])
			if !up.Equal(rec.Date) {
				t.Errorf("%s: %s updated %s, want the record's date %s", p.Feed, link, up, rec.Date)
			}
			if i > 0 && up.After(prev) {
				t.Errorf("%s: entry %d (%s) is newer than the one before it", p.Feed, i, up)
			}
			prev = up
			if up.After(newest) {
				newest = up
			}
			v := rec.VersionFor(p.Lang)
			if e.Titles[0] != v.Title {
				t.Errorf("%s: title %q, want %q", p.Feed, e.Titles[0], v.Title)
			}
			if ex := s.Body(v).Excerpt; ex != "" && (len(e.Summaries) != 1 || e.Summaries[0].Text != ex) {
				t.Errorf("%s: %s: summary %v, want %q", p.Feed, link, e.Summaries, ex)
			}
		}
		for link := range wantLinks {
			t.Errorf("%s: no entry for %s", p.Feed, link)
		}
		up, _ := time.Parse(time.RFC3339, f.Updated[0])
		if len(f.Entries) > 0 && !up.Equal(newest) {
			t.Errorf("%s: updated %s, want the newest entry's %s", p.Feed, up, newest)
		}
		if up.Equal(testNow) {
			t.Errorf("%s: updated is the build's clock", p.Feed)
		}
	}
	// Spot checks of the content rules.
	for feed, want := range map[string][]string{
		"/exjobb/atom.xml":            {"international", "energidata", "trafikfloden"}, // open offers, newest first; not gammalt, utkast
		"/praktik/atom.xml":           {"sommarpraktik"},                               // not framtida (scheduled)
		"/gastforelasningar/atom.xml": {"installd", "smarta-kartor"},                   // upcoming, not forra-aret
		"/en/areas/energi/atom.xml":   {"installd", "international", "energidata", "trafikfloden", "2025", "elnat", "mou"},
	} {
		f := readAtom(t, feed, b.file(t, feed))
		var got []string
		for _, e := range f.Entries {
			id := e.IDs[0]
			got = append(got, path.Base(path.Dir(id)))
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: entries %v, want %v", feed, got, want)
		}
	}
	for _, f := range []string{"exjobb/atom.xml", "en/theses/atom.xml", "omraden/energi/atom.xml", "en/areas/trafik/atom.xml"} {
		if !feedsSeen["/"+f] {
			t.Errorf("no feed %s", f)
		}
	}
}

// TestCalendars reads every .ics file of the fixture with the strict
// reader: calendar.ics of all lectures per language and one file per
// lecture page, linked from upcoming lectures' pages.
func TestCalendars(t *testing.T) {
	b := buildFixture(t, fixture(t, "testdata/sites/basic"))
	s := b.l.Site
	lectures := s.ByKind["lectures"]
	var icsFiles []string
	for p := range b.files {
		if strings.HasSuffix(p, ".ics") {
			icsFiles = append(icsFiles, p)
		}
	}
	slices.Sort(icsFiles)
	want := []string{
		"en/guest-lectures/calendar.ics",
		"gastforelasningar/calendar.ics",
		"gastforelasningar/forra-aret/forra-aret.ics",
		"gastforelasningar/installd/installd.ics",
		"gastforelasningar/smarta-kartor/smarta-kartor.ics",
	}
	if !slices.Equal(icsFiles, want) {
		t.Errorf("calendar files:\n%v\nwant\n%v", icsFiles, want)
	}
	for _, name := range icsFiles {
		data := b.files[name]
		root, err := feedtest.ParseICS(data)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		pc, err := feedtest.CheckCalendar(root)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if !slices.Equal(pc.TZIDs, []string{"Europe/Stockholm"}) {
			t.Errorf("%s: VTIMEZONEs %v", name, pc.TZIDs)
		}
		n := 1
		if strings.HasSuffix(name, "/calendar.ics") {
			// Upcoming and recent lectures: not forra-aret, of last year.
			n = len(lectures) - 1
		}
		if len(pc.Events) != n {
			t.Errorf("%s: %d events, want %d", name, len(pc.Events), n)
		}
		for _, ev := range pc.Events {
			slug, _, _ := strings.Cut(strings.TrimPrefix(ev.UID, "lectures-"), "@")
			e := entryOf(t, s, "lectures", slug)
			if ev.UID != "lectures-"+slug+"@test.example.se" {
				t.Errorf("%s: UID %q", name, ev.UID)
			}
			if !ev.Start.Equal(e.Start) || !ev.End.Equal(e.End) {
				t.Errorf("%s: %s: %s–%s, want %s–%s", name, slug, ev.Start, ev.End, e.Start, e.End)
			}
			if !ev.Stamp.Equal(e.Date) {
				t.Errorf("%s: %s: DTSTAMP %s, want the record's date %s", name, slug, ev.Stamp, e.Date)
			}
			if wantSt := map[bool]string{true: "CANCELLED", false: "CONFIRMED"}[e.Status == "cancelled"]; ev.Status != wantSt {
				t.Errorf("%s: %s: STATUS %s, want %s", name, slug, ev.Status, wantSt)
			}
			if ev.Location != e.Place || ev.Summary != e.Own().Title {
				t.Errorf("%s: %s: summary %q location %q", name, slug, ev.Summary, ev.Location)
			}
			if !b.has(ev.URL) {
				t.Errorf("%s: URL %s is not a page of the site", name, ev.URL)
			}
		}
		if !bytes.Contains(data, []byte("\r\n ")) && strings.HasSuffix(name, "/calendar.ics") {
			t.Errorf("%s: no folded line (the descriptions are long enough to fold)", name)
		}
	}
	// "Add to calendar" on upcoming lectures' pages, to the file beside them.
	link := regexp.MustCompile(`<a class="ics" href="([^"]+)" type="text/calendar">`)
	for _, e := range lectures {
		html := b.file(t, e.URL["sv"])
		m := link.FindSubmatch(html)
		upcoming := !e.Archived && e.Status != "cancelled"
		switch {
		case upcoming && m == nil:
			t.Errorf("%s: no add-to-calendar link", e.URL["sv"])
		case !upcoming && m != nil:
			t.Errorf("%s: add-to-calendar link on a past or cancelled lecture", e.URL["sv"])
		case m != nil:
			if got, want := string(m[1]), e.URL["sv"]+site.EventFile(e); got != want || !b.has(got) {
				t.Errorf("%s: calendar link %s, want %s (present: %v)", e.URL["sv"], got, want, b.has(got))
			}
		}
	}
}

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

// ldScripts returns the JSON-LD objects of a page.
func ldScripts(t *testing.T, html []byte) []map[string]any {
	t.Helper()
	var out []map[string]any
	const open = `<script type="application/ld+json">`
	rest := string(html)
	for {
		i := strings.Index(rest, open)
		if i < 0 {
			return out
		}
		rest = rest[i+len(open):]
		j := strings.Index(strings.ToLower(rest), "</script")
		if j < 0 {
			t.Fatal("unterminated ld+json script")
		}
		body := rest[:j]
		if strings.Contains(body, "<!--") || strings.Contains(strings.ToLower(body), "<script") {
			t.Errorf("script content holds markup: %s", body)
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(body), &m); err != nil {
			t.Fatalf("ld+json is not JSON: %v\n%s", err, body)
		}
		out = append(out, m)
		rest = rest[j:]
	}
}

func oneLD(t *testing.T, b *built, url, typ string) map[string]any {
	t.Helper()
	lds := ldScripts(t, b.file(t, url))
	if len(lds) != 1 {
		t.Fatalf("%s: %d ld+json scripts, want 1", url, len(lds))
	}
	ld := lds[0]
	if ld["@context"] != "https://schema.org" || ld["@type"] != typ {
		t.Fatalf("%s: @context %v @type %v, want %s", url, ld["@context"], ld["@type"], typ)
	}
	return ld
}

func field(m map[string]any, path ...string) any {
	var v any = m
	for _, p := range path {
		mm, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = mm[p]
	}
	return v
}

// TestStructuredData checks the JSON-LD of the home pages (Organization),
// lectures (Event) and internships (JobPosting), and that no other page
// has any.
func TestStructuredData(t *testing.T) {
	b := buildFixture(t, fixture(t, "testdata/sites/basic"))
	for _, lang := range []string{"sv", "en"} {
		home := b.l.Site.Prefix(lang)
		org := oneLD(t, b, home, "Organization")
		if org["url"] != b.l.Site.Abs(home) || org["name"] != b.l.Cfg.Title[lang] {
			t.Errorf("%s: organisation %v", home, org)
		}
		members, _ := org["member"].([]any)
		var names []string
		for _, m := range members {
			names = append(names, field(m.(map[string]any), "name").(string)+"/"+field(m.(map[string]any), "@type").(string))
		}
		want := map[string][]string{
			"sv": {"KTH/CollegeOrUniversity", "Stockholms stad/GovernmentOrganization"},
			"en": {"KTH Royal Institute of Technology/CollegeOrUniversity", "City of Stockholm/GovernmentOrganization"},
		}[lang]
		if !slices.Equal(names, want) {
			t.Errorf("%s: members %v, want %v", home, names, want)
		}
	}

	ev := oneLD(t, b, "/gastforelasningar/smarta-kartor/", "Event")
	for k, want := range map[string]any{
		"name":                "Smarta kartor, data; och staden",
		"startDate":           "2026-12-03T13:15:00+01:00",
		"endDate":             "2026-12-03T15:00:00+01:00",
		"eventStatus":         "https://schema.org/EventScheduled",
		"eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
		"url":                 "https://test.example.se/gastforelasningar/smarta-kartor/",
		"inLanguage":          "sv",
	} {
		if ev[k] != want {
			t.Errorf("Event %s = %v, want %v", k, ev[k], want)
		}
	}
	if field(ev, "location", "@type") != "Place" || field(ev, "location", "name") != "KTH, sal Q2" {
		t.Errorf("Event location %v", ev["location"])
	}
	if field(ev, "organizer", "@type") != "Organization" || field(ev, "organizer", "name") != "Testportal" {
		t.Errorf("Event organizer %v", ev["organizer"])
	}
	if c := oneLD(t, b, "/gastforelasningar/installd/", "Event"); c["eventStatus"] != "https://schema.org/EventCancelled" ||
		c["startDate"] != "2027-01-20T10:15:00+01:00" {
		t.Errorf("cancelled Event: %v %v", c["eventStatus"], c["startDate"])
	}

	job := oneLD(t, b, "/praktik/sommarpraktik/", "JobPosting")
	for k, want := range map[string]any{
		"title":          "Sommarpraktik på Trafikkontoret",
		"description":    "Praktik under sommaren.",
		"datePosted":     "2026-10-15",
		"validThrough":   "2027-02-02T00:00:00+01:00", // the deadline 2027-02-01 ends at midnight, Stockholm time
		"employmentType": "INTERN",
		"url":            "https://test.example.se/praktik/sommarpraktik/",
	} {
		if job[k] != want {
			t.Errorf("JobPosting %s = %v, want %v", k, job[k], want)
		}
	}
	if field(job, "hiringOrganization", "name") != "Trafikkontoret" || field(job, "hiringOrganization", "@type") != "Organization" {
		t.Errorf("JobPosting hiringOrganization %v", job["hiringOrganization"])
	}
	if _, ok := job["jobLocation"]; ok {
		t.Errorf("JobPosting has a jobLocation but the record has no location")
	}

	for _, p := range b.l.Site.Pages {
		if p.Type == site.HomePage || p.Entry != nil && (p.Entry.Kind == "lectures" || p.Entry.Kind == "internships") {
			continue
		}
		if lds := ldScripts(t, b.file(t, p.URL)); len(lds) != 0 {
			t.Errorf("%s: unexpected structured data %v", p.URL, lds)
		}
	}
}

// copySite copies a fixture into a temporary folder, with extra files.
func copySite(t *testing.T, dir string, extra map[string]string) string {
	t.Helper()
	tmp := t.TempDir()
	if err := os.CopyFS(tmp, os.DirFS(dir)); err != nil {
		t.Fatal(err)
	}
	for name, text := range extra {
		p := filepath.Join(tmp, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return tmp
}

// TestStructuredDataEscaping puts markup that would end the script element
// into a title, a place and a location: the JSON-LD still parses and gives
// the text back unchanged.
func TestStructuredDataEscaping(t *testing.T) {
	title := `Kartor </script><script>alert(1)</script> <!-- & "citat"` + "\u2028rad"
	dir := copySite(t, "testdata/sites/basic", map[string]string{
		"content/lectures/farlig.md": "+++\ntitle = '" + title + "'\ndate = 2026-10-01\nareas = [\"trafik\"]\n" +
			"start = 2026-12-10T13:15:00+01:00\nend = 2026-12-10T15:00:00+01:00\nplace = \"Sal </SCRIPT> 1\"\nspeaker = \"X\"\n+++\n\nText.\n",
		"content/internships/plats.md": "+++\ntitle = \"Praktik </script>\"\ndate = 2026-10-15\nareas = [\"trafik\"]\n" +
			"host = \"trafikkontoret\"\ndeadline = 2027-03-31\nlocation = \"Kista </script>\"\n+++\n\nPraktik.\n",
	})
	b := buildFixture(t, fixture(t, dir))
	ev := oneLD(t, b, "/gastforelasningar/farlig/", "Event")
	if ev["name"] != title || field(ev, "location", "name") != "Sal </SCRIPT> 1" {
		t.Errorf("Event name %q, location %v", ev["name"], ev["location"])
	}
	job := oneLD(t, b, "/praktik/plats/", "JobPosting")
	if job["title"] != "Praktik </script>" || job["validThrough"] != "2027-04-01T00:00:00+02:00" {
		t.Errorf("JobPosting title %q validThrough %v", job["title"], job["validThrough"])
	}
	if field(job, "jobLocation", "address", "addressLocality") != "Kista </script>" ||
		field(job, "jobLocation", "address", "@type") != "PostalAddress" {
		t.Errorf("JobPosting jobLocation %v", job["jobLocation"])
	}
}

// TestClosingData checks the moments the browser closes offers and ends
// lectures at: data-deadline is the start of the day after the deadline in
// Stockholm, data-end the lecture's end, on list items and record pages.
func TestClosingData(t *testing.T) {
	b := buildFixture(t, fixture(t, "testdata/sites/basic"))
	for _, tc := range []struct{ page, attr, value string }{
		{"/exjobb/", `data-deadline`, "2026-12-16T00:00:00+01:00"}, // energidata, deadline 2026-12-15
		{"/exjobb/", `data-deadline`, "2026-11-28T00:00:00+01:00"}, // trafikfloden, deadline today
		{"/exjobb/energidata/", `data-deadline`, "2026-12-16T00:00:00+01:00"},
		{"/en/theses/energidata/", `data-deadline`, "2026-12-16T00:00:00+01:00"},
		{"/gastforelasningar/", `data-end`, "2026-12-03T15:00:00+01:00"},
		{"/gastforelasningar/smarta-kartor/", `data-end`, "2026-12-03T15:00:00+01:00"},
		{"/praktik/sommarpraktik/", `data-deadline`, "2027-02-02T00:00:00+01:00"},
	} {
		if html := b.file(t, tc.page); !bytes.Contains(html, []byte(tc.attr+`="`+tc.value+`"`)) {
			t.Errorf("%s: no %s=%q", tc.page, tc.attr, tc.value)
		}
	}
	// The labels the script writes come from the page, in its language.
	for page, label := range map[string]string{"/exjobb/": `data-closed-label="Stängd"`, "/en/theses/": `data-closed-label="Closed"`} {
		if !bytes.Contains(b.file(t, page), []byte(label)) {
			t.Errorf("%s: no %s", page, label)
		}
	}
}

// TestAssetFingerprints changes site.css and builds again into the same
// folder: only the new fingerprinted name is left, and every page links
// it.
func TestAssetFingerprints(t *testing.T) {
	repo, _ := filepath.Abs("../../..")
	tmpl := t.TempDir()
	if err := os.CopyFS(filepath.Join(tmpl, "templates"), os.DirFS(filepath.Join(repo, "templates"))); err != nil {
		t.Fatal(err)
	}
	fsys := overlay{site: os.DirFS("testdata/sites/basic"), templates: os.DirFS(tmpl)}
	out := filepath.Join(t.TempDir(), "public")
	assets := func() []string {
		ents, _ := os.ReadDir(filepath.Join(out, "assets"))
		var names []string
		for _, e := range ents {
			names = append(names, e.Name())
		}
		return names
	}
	hashed := regexp.MustCompile(`^(site|search|search-page|favicon)\.[0-9a-f]{10}\.(css|js|svg)$`)
	buildTo(t, fsys, out)
	before := assets()
	for _, n := range before {
		if !hashed.MatchString(n) {
			t.Errorf("asset %s has no content hash in its name", n)
		}
	}
	css := filepath.Join(tmpl, "templates", "assets", "site.css")
	old, _ := os.ReadFile(css)
	if err := os.WriteFile(css, append(old, []byte("\n/* changed */\n")...), 0o644); err != nil {
		t.Fatal(err)
	}
	buildTo(t, fsys, out)
	after := assets()
	var oldCSS, newCSS []string
	for _, n := range before {
		if strings.HasPrefix(n, "site.") && strings.HasSuffix(n, ".css") {
			oldCSS = append(oldCSS, n)
		}
	}
	for _, n := range after {
		if strings.HasPrefix(n, "site.") && strings.HasSuffix(n, ".css") {
			newCSS = append(newCSS, n)
		}
	}
	if len(oldCSS) != 1 || len(newCSS) != 1 || oldCSS[0] == newCSS[0] {
		t.Fatalf("site.css before %v, after %v: want one file each, renamed", oldCSS, newCSS)
	}
	if len(after) != len(before) {
		t.Errorf("assets before %v, after %v", before, after)
	}
	files := tree(t, out)
	for p, data := range files {
		if !strings.HasSuffix(p, ".html") || bytes.Contains(data, []byte(`<meta http-equiv="refresh"`)) {
			continue // a redirect page (an alias) has no style
		}
		if bytes.Contains(data, []byte(oldCSS[0])) {
			t.Errorf("%s links the old %s", p, oldCSS[0])
		}
		if !bytes.Contains(data, []byte(`href="/assets/`+newCSS[0]+`"`)) {
			t.Errorf("%s does not link %s", p, newCSS[0])
		}
		for _, m := range regexp.MustCompile(`(?:href|src)="/assets/([^"]+)"`).FindAllSubmatch(data, -1) {
			if _, ok := files["assets/"+string(m[1])]; !ok {
				t.Errorf("%s links /assets/%s, which is not in the output", p, m[1])
			}
		}
	}
}

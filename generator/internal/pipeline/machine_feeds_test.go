package pipeline

import (
	"bytes"
	"path"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"portal/generator/internal/feeds/feedtest"
	"portal/generator/internal/site"
)

// TestAtomFeeds reads every feed of the fixture strictly: one per kind list,
// per area, organisation and school, per level of theses and of the agreements due for review in each language, newest first, the right records,
// times taken from the records, and each list page linking its feed.
func TestAtomFeeds(t *testing.T) {
	b := buildFixture(t, fixture(t, "testdata/sites/basic"))
	s := b.l.Site
	feedsSeen := map[string]bool{}
	for _, p := range s.Pages {
		wantFeed := p.Term != nil || p.Type == site.ListPage || p.Type == site.DuePage || p.Type == site.FacetPage
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
		// The records: a kind list's current entries, an area's, an
		// organisation's or a school's entries that are not archived;
		// newest first.
		var want []*site.Entry
		switch p.Type {
		case site.ListPage:
			want = s.Current(p.Kind)
		case site.DuePage:
			want = s.Due()
		case site.FacetPage:
			want = s.FacetCurrent(p.Kind, p.Facet, p.Value)
		default:
			for _, e := range s.Members(p.Index, p.Term.Key) {
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
			if p.Type == site.DuePage { // the day it became due, or its notice day passed
				if !up.Equal(s.DueChanged(rec)) {
					t.Errorf("%s: %s updated %s, want %s", p.Feed, link, up, s.DueChanged(rec))
				}
			} else if !up.Equal(rec.Published()) { // its date, or its later publishDate
				t.Errorf("%s: %s updated %s, want the day it was published %s", p.Feed, link, up, rec.Published())
			}
			if i > 0 && up.After(prev) {
				t.Errorf("%s: entry %d (%s) is newer than the one before it", p.Feed, i, up)
			}
			prev = up
			if up.After(newest) {
				newest = up
			}
			v := rec.VersionFor(p.Lang)
			title := v.Title
			if p.Term != nil { // the kinds mixed: each says its own, in the feed's language
				title = b.l.Templates.T(p.Lang, "kindone."+rec.Kind) + ": " + title
			}
			if e.Titles[0] != title {
				t.Errorf("%s: title %q, want %q", p.Feed, e.Titles[0], title)
			}
			// The summary is the list item's facts, then the excerpt; in
			// the version's language, after a note in the feed's when
			// that is another.
			if ex := s.Body(v).Excerpt; ex != "" && (len(e.Summaries) != 1 || !strings.HasSuffix(feedText(e.Summaries[0], p.Lang, v.Lang), "\n\n"+ex)) {
				t.Errorf("%s: %s: summary %v, want the facts, then %q", p.Feed, link, e.Summaries, ex)
			}
			if v.Lang != p.Lang {
				// After the mark of its state, when it has one
				// ("Cancelled. In Swedish."): its own text says
				// "Inställd" only.
				note := feedtest.Part{Lang: p.Lang, Text: map[string]string{"sv": "In Swedish.", "en": "På engelska."}[v.Lang]}
				if st := b.l.Templates.State(rec); st != "" {
					note.Text = b.l.Templates.T(p.Lang, b.l.Templates.MarkKey(p.Lang, rec.Kind, st)) + ". " + note.Text
				}
				if len(e.Summaries) != 1 || len(e.Summaries[0].Parts(v.Lang)) == 0 || e.Summaries[0].Parts(v.Lang)[0] != note {
					t.Errorf("%s: %s: summary %v, want it to start with %v", p.Feed, link, e.Summaries, note)
				}
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
		// A host's records that are not archived: not gammalt (closed), gastforskare (ended), hemligt (terminated), framtida (scheduled), utkast (draft).
		"/organisationer/trafikkontoret/atom.xml": {"sommarpraktik", "smarta-kartor", "trafikfloden", "ramavtal"},
		"/en/schools/abe/atom.xml":                {"energidata"},
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
	for _, f := range []string{"exjobb/atom.xml", "en/theses/atom.xml", "omraden/energi/atom.xml", "en/areas/trafik/atom.xml",
		"organisationer/trafikkontoret/atom.xml", "en/organisations/kth/atom.xml", "skolor/abe/atom.xml", "en/schools/eecs/atom.xml"} {
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
	agreements := func(p string) bool { // their calendars are TestNoticeCalendars'
		for _, lang := range s.Cfg.Languages {
			if strings.HasPrefix("/"+p, s.SectionURL("agreements", lang)) {
				return true
			}
		}
		return false
	}
	for p := range b.files {
		if strings.HasSuffix(p, ".ics") && !agreements(p) {
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
			// The title, after the mark of a cancelled one in the
			// calendar's language; the place in the record's own.
			lang := map[bool]string{true: "en", false: "sv"}[strings.HasPrefix(name, "en/")]
			if ev.Location != e.Place || !strings.HasSuffix(ev.Summary, e.VersionFor(lang).Title) || ev.Langs["LOCATION"] != e.Own().Lang {
				t.Errorf("%s: %s: summary %q location %q (%s)", name, slug, ev.Summary, ev.Location, ev.Langs["LOCATION"])
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

// TestNoticeCalendars reads the calendars of the agreements' last days to
// give notice back with the strict reader: one day-long event for each
// agreement of site.Notices, on its notice day, linking to its page; and
// the file beside an agreement's page with its own event alone.
func TestNoticeCalendars(t *testing.T) {
	b := buildFixture(t, fixture(t, "testdata/sites/basic"))
	s := b.l.Site
	want := s.Notices(CalendarDays)
	if len(want) == 0 {
		t.Fatal("the fixture has no agreement with a notice day to come")
	}
	files := map[string][]*site.Entry{}
	for _, lang := range s.Cfg.Languages {
		files[s.DueCalendarURL(lang)] = want
		for _, e := range want {
			if s.HasNoticeFile(e, lang) {
				files[s.EventURL(e, lang)] = []*site.Entry{e}
			}
		}
	}
	if len(files) <= len(s.Cfg.Languages) {
		t.Fatal("no agreement has a calendar file of its own")
	}
	// The reminders of each notice event, by slug and language: the only
	// agreement of the fixture without an English version has its Swedish
	// title in the English calendar.
	noticeAlarms := map[string][]feedtest.Alarm{
		"ramavtal sv": {
			{Lang: "sv", Trigger: "-P29DT15H", Before: 711 * time.Hour,
				Description: "Sista dagen att säga upp ”Ramavtal för cykelräkning” är om 30 dagar, den 31 december 2026. Bestäm i tid om avtalet ska förnyas, omförhandlas eller sägas upp."},
			{Lang: "sv", Trigger: "-P6DT15H", Before: 159 * time.Hour,
				Description: "Sista dagen att säga upp ”Ramavtal för cykelräkning” är om 7 dagar, den 31 december 2026. Bestäm i tid om avtalet ska förnyas, omförhandlas eller sägas upp."},
		},
		"ramavtal en": { // English with the Swedish title in it: no LANGUAGE
			{Trigger: "-P29DT15H", Before: 711 * time.Hour,
				Description: "The last day to give notice of “Ramavtal för cykelräkning” is in 30 days, on 31 December 2026. Decide in time whether to renew, renegotiate or terminate the agreement."},
			{Trigger: "-P6DT15H", Before: 159 * time.Hour,
				Description: "The last day to give notice of “Ramavtal för cykelräkning” is in 7 days, on 31 December 2026. Decide in time whether to renew, renegotiate or terminate the agreement."},
		},
	}
	for url, want := range files {
		lang := "sv"
		if strings.HasPrefix(url, "/en/") {
			lang = "en"
		}
		name := strings.TrimPrefix(url, "/")
		root, err := feedtest.ParseICS(b.file(t, "/"+name))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		pc, err := feedtest.CheckCalendar(root)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(pc.TZIDs) != 0 || len(pc.Events) != len(want) {
			t.Fatalf("%s: zones %v, %d events, want none and %d", name, pc.TZIDs, len(pc.Events), len(want))
		}
		for i, ev := range pc.Events {
			e := want[i]
			day := e.NoticeDay().Format(time.DateOnly)
			if ev.UID != "agreements-"+e.Slug+"-notice@test.example.se" || !ev.AllDay ||
				ev.Start.Format(time.DateOnly) != day || ev.End.Format(time.DateOnly) != e.NoticeDay().AddDate(0, 0, 1).Format(time.DateOnly) {
				t.Errorf("%s: event %s %v %s–%s, want %s on %s", name, ev.UID, ev.AllDay, ev.Start, ev.End, e.Slug, day)
			}
			// The summary is in lang, with the title in it: of a record
			// without a version in lang, of two languages and of no
			// LANGUAGE.
			wantLang := lang
			if e.In(lang) == nil {
				wantLang = ""
			}
			if !strings.Contains(ev.Summary, e.VersionFor(lang).Title) || ev.Lang != wantLang || !b.has(ev.URL) {
				t.Errorf("%s: %s: summary %q (%s), URL %s (a page: %v)", name, e.Slug, ev.Summary, ev.Lang, ev.URL, b.has(ev.URL))
			}
			// Outlook and Google Calendar show no URL property: the
			// description, which every program shows, holds the address.
			if !strings.HasSuffix(ev.Description, "\n\n"+ev.URL) {
				t.Errorf("%s: %s: description %q does not end with the agreement's address %s", name, e.Slug, ev.Description, ev.URL)
			}
			// A subscribed calendar warns of the day: at 09:00 a month and
			// a week before, in the calendar's language.
			want, ok := noticeAlarms[e.Slug+" "+lang]
			if !ok {
				t.Errorf("%s: %s: no reminders expected of it in %s", name, e.Slug, lang)
			} else if !slices.Equal(ev.Alarms, want) {
				t.Errorf("%s: %s: reminders\n%q\nwant\n%q", name, e.Slug, ev.Alarms, want)
			}
		}
	}
}

// TestWithKind checks the title of an entry of an area's feed: its kind
// first, unless the title starts with the kind's name as a word already.
func TestWithKind(t *testing.T) {
	for _, c := range []struct{ kind, title, want string }{
		{"Examensarbete", "Ett erbjudande", "Examensarbete: Ett erbjudande"},
		{"Årlig uppföljning", "Årlig uppföljning 2026", "Årlig uppföljning 2026"},
		{"Annual follow-up", "annual follow-up 2026", "annual follow-up 2026"},
		{"Annual follow-up", "Annual follow-up", "Annual follow-up"},
		{"Internship", "Internship: traffic data", "Internship: traffic data"},
		{"Examensarbete", "Examensarbetet om buller", "Examensarbete: Examensarbetet om buller"},
		{"Praktik", "Prak", "Praktik: Prak"},
		{"Gästföreläsning", "Gäst", "Gästföreläsning: Gäst"},
	} {
		if got := withKind(c.kind, c.title); got != c.want {
			t.Errorf("withKind(%q, %q) = %q, want %q", c.kind, c.title, got, c.want)
		}
	}
}

// feedText is the text of summary sum of an entry in lang, in a feed in
// feedLang, without a note in feedLang: its paragraphs, a blank line
// between them; a paragraph in another language than lang is marked so.
func feedText(sum feedtest.Text, feedLang, lang string) string {
	var paras []string
	for i, part := range sum.Parts(lang) {
		switch {
		case i == 0 && part.Lang == feedLang && feedLang != lang:
			continue // the note
		case part.Lang != lang:
			paras = append(paras, "["+part.Lang+"] "+part.Text)
		default:
			paras = append(paras, part.Text)
		}
	}
	return strings.Join(paras, "\n\n")
}

package pipeline

import (
	"bytes"
	"cmp"
	"fmt"
	"hash/maphash"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"portal/generator/internal/feeds"
	"portal/generator/internal/kinds"
	"portal/generator/internal/render"
	"portal/generator/internal/site"
)

// FeedSize is how many records a feed holds: the newest. A feed reader
// polls a feed again and again for what is new, so a feed of every
// record would grow with the site and be fetched whole each time; the
// list pages (paginated) and the search index hold them all.
const FeedSize = 50

// feeds lists the Atom feeds, calendars, sitemap and robots.txt.
func (l *Loaded) feeds(c *cacheUse) []Output {
	s, t := l.Site, l.Templates
	var outs []Output
	newest := map[feedList][]*site.Entry{} // of each list: its feeds in every language hold the same records
	for _, p := range s.Pages {
		if p.Feed == "" || (p.Pager != nil && p.Pager.Page > 1) {
			continue // every page of a list names the feed; write it once
		}
		updated := published
		title := s.Cfg.Title[p.Lang] + " – "
		switch p.Type {
		case site.ListPage:
			title += t.T(p.Lang, "kind."+p.Kind)
		case site.FacetPage:
			title += t.T(p.Lang, site.FacetKey(p.Kind, p.Facet, p.Value))
		case site.AreaPage:
			title += p.Term.Name(p.Lang)
		case site.OrgPage, site.SchoolPage:
			// A host's name alone ("Stokab", "KTH") does not say in a
			// feed reader's list what the feed holds; an area's does.
			title += strings.ReplaceAll(t.T(p.Lang, "feed."+p.Index), "{name}", p.Term.Name(p.Lang))
		case site.DuePage:
			updated = s.DueChanged
			title += t.T(p.Lang, "due.title")
		}
		// The feed is made when it is rendered, so that it reads the
		// records' current text; which records it holds is known now
		// (an edit of text moves none), and they alone are its Deps.
		list := feedList{typ: p.Type, kind: p.Kind, facet: p.Facet, value: p.Value}
		if p.Term != nil {
			list.term = p.Term.Key
		}
		es, ok := newest[list]
		if !ok {
			es = newestBy(feedEntries(s, p), FeedSize, updated)
			newest[list] = es
		}
		outs = append(outs, Output{Path: strings.TrimPrefix(p.Feed, "/"), Deps: es, render: func(buf *bytes.Buffer) error {
			return feeds.WriteAtom(buf, l.atom(p, title, es, updated))
		}})
	}
	outs = append(outs, l.calendars(c)...)
	outs = append(outs, l.noticeCalendars()...)
	outs = append(outs, l.eventFiles()...)
	outs = append(outs, l.sitemapSplit(c, feeds.SitemapMaxURLs)...)
	return outs
}

// feedList names the list of a feed, in every language: the type of its
// pages, their kind, their term, or their facet's key and value.
type feedList struct {
	typ                      site.PageType
	kind, term, facet, value string
}

// feedEntries are the records the feed of the list page p may hold: of
// the page of an area, an organisation or a school, its records that are
// not archived; of a list of one level of theses (a facet's), its
// records.
func feedEntries(s *site.Site, p *site.Page) []*site.Entry {
	switch p.Type {
	case site.ListPage:
		return s.Current(p.Kind)
	case site.FacetPage:
		return s.FacetCurrent(p.Kind, p.Facet, p.Value)
	case site.AreaPage, site.OrgPage, site.SchoolPage:
		var es []*site.Entry
		for _, e := range s.Members(p.Index, p.Term.Key) {
			if !e.Archived {
				es = append(es, e)
			}
		}
		return es
	case site.DuePage:
		return s.Due()
	}
	return nil
}

// host is the base URL's host, for tag: ids.
func (l *Loaded) host() string {
	u, err := url.Parse(l.Site.BaseURL())
	if err != nil || u.Host == "" {
		return "localhost"
	}
	return u.Hostname()
}

// published is the updated time of an entry in a feed: when its record was
// published (site.Entry.Published; but on the page of agreements due for
// review, site.DueChanged).
func published(e *site.Entry) time.Time { return e.Published() }

// newestBy returns the n newest of es by the time updated gives, newest
// first (then by kind and slug), without sorting the others.
func newestBy(es []*site.Entry, n int, updated func(*site.Entry) time.Time) []*site.Entry {
	if n <= 0 {
		return nil
	}
	order := func(a, b *site.Entry) int {
		return cmp.Or(updated(b).Compare(updated(a)), cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.Slug, b.Slug))
	}
	top := make([]*site.Entry, 0, min(len(es), n)+1)
	for _, e := range es {
		if len(top) == n && order(e, top[n-1]) >= 0 {
			continue
		}
		i, _ := slices.BinarySearchFunc(top, e, order)
		if top = slices.Insert(top, i, e); len(top) > n {
			top = top[:n]
		}
	}
	return top
}

// atom builds the feed of a list page of the records es, its newest
// (newest), each updated when updated says (its record's date, or when
// it became due on the page of agreements due for review).
func (l *Loaded) atom(p *site.Page, title string, es []*site.Entry, updated func(*site.Entry) time.Time) feeds.Feed {
	s := l.Site
	f := feeds.Feed{
		ID: s.Abs(p.URL), Title: title, Lang: p.Lang, Self: s.Abs(p.Feed), Alt: s.Abs(p.URL),
		Author: l.Templates.T(p.Lang, "feed.author"), // the partnership, in the feed's language
	}
	// The feed of an area, an organisation or a school mixes the kinds,
	// which its page shows under a heading each: an entry's title says
	// its kind there, and so does its first category, so that a reader
	// who follows an area for its degree projects can tell them from its
	// lectures. The kind is the portal's word, in the feed's language as
	// the heading is, also before the title of a record in the other
	// language.
	mixed := p.Term != nil
	for _, e := range es {
		up := updated(e)
		v := e.VersionFor(p.Lang)
		title, categories := v.Title, l.areaNames(e, p.Lang)
		if mixed {
			kind := l.Templates.T(p.Lang, "kindone."+e.Kind)
			title = withKind(kind, title)
			categories = append([]string{kind}, categories...)
		}
		note := l.foreignNote(e, p.Lang, v.Lang)
		f.Entries = append(f.Entries, feeds.Entry{
			ID:    "tag:" + l.host() + ",2014:" + e.Kind + "/" + e.Slug + "/" + p.Lang,
			Title: title, Link: s.Abs(e.URL[p.Lang]), Lang: v.Lang,
			Published: e.Published(), Updated: up, Summary: s.Body(v).Excerpt, Categories: categories,
			Facts: l.feedFacts(e, p.Lang, note == ""), Note: note,
		})
		if up.After(f.Updated) {
			f.Updated = up
		}
	}
	if len(es) == 0 {
		// A feed without entries (a new site, a kind without records)
		// was made today, not in 1970 as a reader would show the
		// epoch; the day, not the moment, so that serve, which signs
		// the outputs again when the day changes, writes what a build
		// of the same day writes.
		f.Updated = s.Today()
	}
	return f
}

// feedFacts are the facts e's feed entry in lang starts its summary
// with: those its list item in lang shows (an offer's deadline, host and
// level, a lecture's time and place, ...), so that a reader of the feed
// need not open the page to see them. As on the list page they are in
// lang, whatever the language of the version the entry shows: their
// labels and the portal's words (a level, a date) are the portal's, in
// the reader's language; a value that is the record's own text (a
// place, a speaker) is in its own language, and marked so. With mark, the
// mark of a record the list marks (a cancelled lecture, "Inställd")
// comes first, so that nobody reads its time and place as if it were
// held; an entry in the other language has it in its note instead.
func (l *Loaded) feedFacts(e *site.Entry, lang string, mark bool) []feeds.Fact {
	var facts []feeds.Fact
	if st := l.Templates.State(e); st != "" && mark {
		facts = append(facts, feeds.Fact{Value: l.Templates.T(lang, l.Templates.MarkKey(lang, e.Kind, st))})
	}
	for _, f := range l.Templates.SearchFacts(lang, e) {
		facts = append(facts, feeds.Fact{Label: f.Label, Value: f.Value, Lang: f.Lang})
	}
	return facts
}

// foreignNote is the line an entry of a feed or an event of a calendar
// in lang starts with when it shows e's version in another language,
// vlang: the marks the list pages give it, as sentences in lang, so that
// a reader of an English feed sees why the entry is in Swedish ("In
// Swedish."), and first the mark of its state ("Cancelled. In
// Swedish."), which the list item shows in English and the entry's own
// Swedish text only as "Inställd": a student who reads no Swedish must
// not go to a lecture that was called off. "" when vlang is lang.
func (l *Loaded) foreignNote(e *site.Entry, lang, vlang string) string {
	if vlang == lang {
		return ""
	}
	marks := []string{l.Templates.T(lang, "foreign."+vlang)}
	if st := l.Templates.State(e); st != "" {
		marks = slices.Insert(marks, 0, l.Templates.T(lang, l.Templates.MarkKey(lang, e.Kind, st)))
	}
	var note []string
	for _, mark := range marks {
		if mark != "" {
			note = append(note, render.Capitalized(mark)+".")
		}
	}
	return strings.Join(note, " ")
}

// areaNames are the names in lang of the areas of e, the categories of
// its feed entries and events.
func (l *Loaded) areaNames(e *site.Entry, lang string) []string {
	var names []string
	for _, a := range e.Areas {
		if term := l.Site.Cfg.Areas.Get(a); term != nil {
			names = append(names, term.Name(lang))
		}
	}
	return names
}

// CalendarDays is how long a lecture stays in calendar.ics after it ended:
// a subscribed calendar keeps the recent past, and the file does not grow
// with every lecture ever held. Every lecture keeps its own .ics.
const CalendarDays = 90

// NextTurn is the first moment after s.Now at which an output made from
// s may change with the time alone: the model's next turn
// (site.Site.NextTurn), or a lecture leaving the calendars, CalendarDays
// after its end.
func NextTurn(s *site.Site) time.Time {
	turn := s.NextTurn()
	for _, e := range s.Events() {
		if t := calendarEnd(s, e).Add(time.Nanosecond); t.After(s.Now) && t.Before(turn) {
			turn = t
		}
	}
	return turn
}

// withKind is title said to be a kind's ("Examensarbete: Ett erbjudande";
// or under a mark, "Inställd: Solceller"), unless it starts with the
// kind's name already, as a word ("Årlig uppföljning 2026", not
// "Examensarbetet ...").
func withKind(kind, title string) string {
	if len(title) >= len(kind) && strings.EqualFold(title[:len(kind)], kind) {
		next, _ := utf8.DecodeRuneInString(title[len(kind):])
		if next == utf8.RuneError || !unicode.IsLetter(next) && !unicode.IsDigit(next) {
			return title
		}
	}
	return kind + ": " + title
}

// calendarEnd is the last moment lecture e is in the calendars: CalendarDays
// after its end, counted in the days of the site's time zone, not of the
// zone now is written in (-now with Z or an offset, SOURCE_DATE_EPOCH, the
// preview's clock), which would make the same moment give other calendars
// where summer time starts or ends in between. The calendars
// and NextTurn both count forward from the end: counted back from now, a
// lecture that ended at a time of day the clocks skip or repeat on that
// day left the calendars up to an hour before NextTurn said, or left and
// came back within that hour.
func calendarEnd(s *site.Site, e *site.Entry) time.Time {
	return e.End.In(s.Cfg.TimeZone).AddDate(0, 0, CalendarDays)
}

// calendars writes, for each kind in the calendar and each language, the
// calendar.ics beside its list (site.Site.KindCalendarURL), of its events
// to come and those that ended in the last CalendarDays days (each
// event's own .ics is one of eventFiles). With a cache, a calendar.ics is
// put together from the events the cache kept from an earlier build.
func (l *Loaded) calendars(c *cacheUse) []Output {
	s := l.Site
	var outs []Output
	for _, kind := range s.CalendarKinds() {
		events := slices.Clone(s.ByKind[kind])
		slices.SortStableFunc(events, func(a, b *site.Entry) int {
			return cmp.Or(a.Start.Compare(b.Start), cmp.Compare(a.Slug, b.Slug))
		})
		recent := slices.DeleteFunc(events, func(e *site.Entry) bool { return calendarEnd(s, e).Before(s.Now) })
		for _, lang := range s.Cfg.Languages {
			cal := l.calendar(lang, "kind."+kind)
			path := strings.TrimPrefix(s.KindCalendarURL(kind, lang), "/")
			outs = append(outs, Output{Path: path, Deps: recent, render: func(buf *bytes.Buffer) error {
				if c != nil {
					return c.writeCalendar(buf, l, path, cal, recent)
				}
				all := cal
				for _, e := range recent {
					all.Events = append(all.Events, l.event(e, lang))
				}
				return feeds.WriteICS(buf, all, s.Cfg.TimeZone)
			}})
		}
	}
	return outs
}

// calendar is an empty calendar of the site in lang, named by the site's
// title and the UI string titleKey; without a name when titleKey is "".
func (l *Loaded) calendar(lang, titleKey string) feeds.Calendar {
	s := l.Site
	cal := feeds.Calendar{ProdID: "-//" + l.host() + "//portal//" + strings.ToUpper(lang), Lang: lang, Now: s.Now}
	if titleKey != "" {
		cal.Name = s.Cfg.Title[lang] + " – " + l.Templates.T(lang, titleKey)
	}
	return cal
}

// eventFiles are the calendar files beside records' pages
// (site.EventFiles), each with its one event: a lecture's, or an
// agreement's last day to give notice. A file has no calendar name: its
// event is added to a calendar the reader has, and a calendar program
// makes a new calendar of that name for a file that has one.
func (l *Loaded) eventFiles() []Output {
	s := l.Site
	files := make([][]*site.Entry, len(s.Cfg.Languages))
	n := 0
	for i, lang := range s.Cfg.Languages {
		files[i] = s.EventFiles(lang)
		n += len(files[i])
	}
	outs := make([]Output, 0, n) // some thousands: not grown one by one
	for i, lang := range s.Cfg.Languages {
		cal := l.calendar(lang, "") // no name: see above
		for _, e := range files[i] {
			event := l.event
			if e.Kind == kinds.Agreements {
				event = l.noticeEvent
			}
			outs = append(outs, Output{Path: strings.TrimPrefix(s.EventURL(e, lang), "/"), Deps: []*site.Entry{e},
				render: func(buf *bytes.Buffer) error {
					one := cal
					one.Events = []feeds.Event{event(e, lang)}
					return feeds.WriteICS(buf, one, s.Cfg.TimeZone)
				}})
		}
	}
	return outs
}

// event is lecture e's event in the calendar of lang. Its texts are in
// lang where they are the portal's words (the note that it is in
// Swedish, the word before its speaker, the mark of a cancelled one), in
// the language of the version it shows where they are that version's
// (its title, its text) and in the language of the record's own text
// where they are that (its place, its speaker), as its list item in
// lang shows them. Each property is marked with the language of its
// text, or with none when it holds more than one (eventLangs).
func (l *Loaded) event(e *site.Entry, lang string) feeds.Event {
	s := l.Site
	v, own := e.VersionFor(lang), e.Own().Lang
	var desc, descLangs []string
	if note := l.foreignNote(e, lang, v.Lang); note != "" {
		// A calendar program shows no LANGUAGE parameter: the reader of
		// the English calendar learns that an event is in Swedish only
		// from its text, as from its Atom entry ("In Swedish.").
		desc, descLangs = append(desc, note), append(descLangs, lang)
	}
	if e.Speaker != "" {
		desc = append(desc, l.Templates.T(lang, "fact.speaker")+": "+e.Speaker)
		descLangs = append(descLangs, lang, own)
	}
	if excerpt := s.Body(v).Excerpt; excerpt != "" {
		desc, descLangs = append(desc, excerpt), append(descLangs, v.Lang)
	}
	summary, summaryLangs := l.eventSummary(e, lang, v.Title), []string{v.Lang}
	if summary != v.Title {
		summaryLangs = append(summaryLangs, lang)
	}
	ev := feeds.Event{
		UID: e.Kind + "-" + e.Slug + "@" + l.host(), Summary: summary, Description: strings.Join(desc, "\n\n"),
		Location: e.Place, URL: s.Abs(e.URL[lang]), Start: e.Start, End: e.End, Stamp: e.Published(),
		Cancelled: e.Status == "cancelled", Categories: l.areaNames(e, lang),
	}
	if v.Lang != lang {
		ev.Lang = v.Lang
	}
	ev.Langs = eventLangs(cmp.Or(ev.Lang, lang), map[string][]string{
		"SUMMARY": summaryLangs, "DESCRIPTION": descLangs, "LOCATION": {own},
	})
	return ev
}

// eventLangs are the Langs of an event of language lang (feeds.Event)
// whose properties hold texts in the languages of texts, by property:
// a property whose texts are all in one language other than lang is
// marked with it; one of more languages than one with none.
func eventLangs(lang string, texts map[string][]string) map[string]string {
	var langs map[string]string
	for name, in := range texts {
		one := ""
		for i, l := range in {
			if i == 0 {
				one = l
			} else if l != one {
				one = ""
				break
			}
		}
		if len(in) > 0 && one != lang {
			if langs == nil {
				langs = map[string]string{}
			}
			langs[name] = one
		}
	}
	return langs
}

// eventSummary is the SUMMARY of lecture e in the calendar of lang, its
// title: after the mark of a cancelled one, in lang ("Cancelled: ...",
// also before a Swedish title: the portal's word, which the reader of
// the English calendar must understand), unless the title starts with
// it. STATUS:CANCELLED alone is not enough: Outlook shows such an event
// of a subscribed calendar or an imported file as if it were held.
func (l *Loaded) eventSummary(e *site.Entry, lang, title string) string {
	if e.Status != "cancelled" {
		return title
	}
	st := l.Templates.State(e)
	if st == "" {
		return title
	}
	return withKind(l.Templates.T(lang, l.Templates.MarkKey(lang, e.Kind, st)), title)
}

// sitemapSplit lists every published HTML page (not the 404 pages) with
// its language alternates, with at most max URLs per file (past max, the
// sitemap is an index of sitemap-1.xml, sitemap-2.xml, ...), and
// robots.txt naming it. With a cache, the files have a version: a sum of
// what they show (sitemapSum), so that an edit that changes none of it
// does not make them again.
func (l *Loaded) sitemapSplit(c *cacheUse, max int) []Output {
	s := l.Site
	n := 0
	for _, p := range s.Pages {
		if p.Type != site.NotFound {
			n++
		}
	}
	// The files are known from the number of URLs; their bytes are made
	// when the first is written (the URLs of every page take memory) and
	// dropped as they are written.
	names := feeds.SitemapNames(n, max)
	var (
		once  sync.Once
		mu    sync.Mutex
		files map[string][]byte
		err   error
	)
	build := func() {
		def := s.Cfg.DefaultLanguage
		urls := make([]feeds.URL, 0, n)
		for _, p := range s.Pages {
			if p.Type == site.NotFound {
				continue
			}
			u := feeds.URL{Loc: s.Abs(p.URL)}
			if p.Entry != nil {
				u.LastMod = p.Entry.Published()
			}
			if len(p.Alternates) > 1 {
				xdef := p.Alternates[0].URL
				for _, a := range p.Alternates {
					u.Alternates = append(u.Alternates, feeds.Alternate{Lang: a.Lang, Href: s.Abs(a.URL)})
					if a.Lang == def {
						xdef = a.URL
					}
				}
				u.Alternates = append(u.Alternates, feeds.Alternate{Lang: "x-default", Href: s.Abs(xdef)})
			}
			urls = append(urls, u)
		}
		files, err = feeds.Sitemaps(s.BaseURL(), urls, max)
	}
	var version func() (uint64, error)
	if c != nil {
		sum := sync.OnceValue(func() uint64 { return l.sitemapSum(c.c.seed, max) })
		version = func() (uint64, error) { return sum(), nil }
	}
	var outs []Output
	for _, name := range names {
		outs = append(outs, Output{Path: name, render: func(buf *bytes.Buffer) error {
			once.Do(build)
			if err != nil {
				return err
			}
			mu.Lock()
			data, ok := files[name]
			delete(files, name)
			mu.Unlock()
			if !ok {
				return fmt.Errorf("sitemap %s: written twice", name)
			}
			buf.Write(data)
			return nil
		}, version: version})
	}
	outs = append(outs, Output{Path: "robots.txt", data: feeds.Robots(s.Abs("sitemap.xml"))})
	return outs
}

// sitemapSum sums what the sitemap shows of each page: its address, its
// record's date and its alternates, after the base URL, the default
// language and max.
func (l *Loaded) sitemapSum(seed maphash.Seed, max int) uint64 {
	s := l.Site
	h := newHasher(seed)
	h.str(s.BaseURL())
	h.str(s.Cfg.DefaultLanguage)
	h.int(max)
	for _, p := range s.Pages {
		if p.Type == site.NotFound {
			continue
		}
		h.str(p.URL)
		if p.Entry != nil {
			at := p.Entry.Published()
			h.u64(uint64(at.UnixNano()))
			name, offset := at.Zone()
			h.str(name)
			h.int(offset)
		} else {
			h.byte(0)
		}
		h.int(len(p.Alternates))
		for _, a := range p.Alternates {
			h.str(a.Lang)
			h.str(a.URL)
		}
	}
	return h.sum()
}

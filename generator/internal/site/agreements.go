package site

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"

	"portal/generator/internal/config"
	"portal/generator/internal/content"
	"portal/generator/internal/diag"
	"portal/generator/internal/kinds"
)

// DueMonths is how far ahead the page of agreements due for review looks:
// an agreement is on it from this many months before its notice day.
const DueMonths = 12

// NoticeDay returns the last day to give notice of an agreement, so that it
// ends on its end date rather than being renewed: validUntil minus
// noticeMonths, the same day of that month, or its last day when it is
// shorter. An end date on the last day of its month gives the last day of
// that month: a month counted from 31 January ends on 28 February (there
// is no 31 February), so notice given on 31 January ends an agreement
// valid until 28 February in time. An open-ended agreement has none: the
// zero time.
func (e *Entry) NoticeDay() time.Time {
	if e.Kind != kinds.Agreements || e.ValidUntil.IsZero() {
		return time.Time{}
	}
	y, m, d := e.ValidUntil.Date()
	first := time.Date(y, m-time.Month(e.NoticeMonths), 1, 0, 0, 0, 0, e.ValidUntil.Location())
	last := first.AddDate(0, 1, -1).Day()
	if monthEnd(e.ValidUntil) {
		d = last
	}
	return time.Date(first.Year(), first.Month(), min(d, last), 0, 0, 0, 0, e.ValidUntil.Location())
}

// EndsWithoutNotice reports whether e is an agreement with an end date
// but no notice period (no noticeMonths, or 0). Its NoticeDay is its
// validUntil, the day it runs out: there is nothing to give notice of
// before it, only whether to renew it to decide. Its page, the page of
// agreements due for review and the calendars word that day as its end,
// not as a last day to give notice.
func (e *Entry) EndsWithoutNotice() bool {
	return e.Kind == kinds.Agreements && !e.ValidUntil.IsZero() && e.NoticeMonths == 0
}

// LastDay is the last day agreement e is in force by its record: its
// terminated day, or its validUntil when that is earlier (a termination
// after the end is a mistake check warns of: the earlier stands, as the
// fact "valid until" shows); validUntil when it was not terminated; the
// zero time for another kind, or when it has neither. Its page's notice
// and status name this day as the day it ends, or ended.
func (e *Entry) LastDay() time.Time { return lastDay(e.Record) }

// lastDay is Entry.LastDay of the record r.
func lastDay(r *content.Record) time.Time {
	if r.Kind != kinds.Agreements {
		return time.Time{}
	}
	if r.Terminated.IsZero() || !r.ValidUntil.IsZero() && r.ValidUntil.Before(r.Terminated) {
		return r.ValidUntil
	}
	return r.Terminated
}

// monthEnd reports whether t is the last day of its month.
func monthEnd(t time.Time) bool { return t.AddDate(0, 0, 1).Day() == 1 }

// term is the number of whole months from an agreement's signing to its
// validUntil, or -1 when it has not both: the most notice months whose
// NoticeDay is not before the signing. A validUntil on the last day of its
// month counts a whole month from any day of the month before, as
// NoticeDay does (signed 31 January, valid until 28 February: a month).
func (e *Entry) term() int {
	if e.Kind != kinds.Agreements || e.Signed.IsZero() || e.ValidUntil.IsZero() {
		return -1
	}
	sy, sm, sd := e.Signed.Date()
	vy, vm, vd := e.ValidUntil.Date()
	months := (vy-sy)*12 + int(vm-sm)
	if vd < sd && !monthEnd(e.ValidUntil) {
		months--
	}
	return months
}

// expired reports whether r is an agreement in force by its status whose
// validUntil (valid through the whole of that day) has passed at s.Now.
func (s *Site) expired(r *content.Record) bool {
	return r.Kind == kinds.Agreements && r.Status == "active" && s.passed(r.ValidUntil)
}

// passed reports whether the whole of day d is past at s.Now (false for
// the zero time).
func (s *Site) passed(d time.Time) bool {
	return !d.IsZero() && !s.Now.Before(s.dayAfter(d))
}

// DueURL is the page of the agreements due for review in lang.
func (s *Site) DueURL(lang string) string {
	return s.SectionURL(kinds.Agreements, lang) + config.Segment("due", lang) + "/"
}

// dueOf is the page of kind's records due for review in lang, or "" for
// a kind that has none. The agreements alone have one, by design: which
// are due is counted from their own keys (validUntil, noticeMonths,
// terminated), which no other kind declares; their list links to it
// (Page.Due), so that the templates name no kind.
func (s *Site) dueOf(kind, lang string) string {
	if kind != kinds.Agreements {
		return ""
	}
	return s.DueURL(lang)
}

// Due returns the current agreements whose notice day falls within the
// next DueMonths months (today included) or has passed, the soonest
// first. One whose day has passed runs out soon, or has run out, unless
// it was renewed: it stays until the record says so (a later validUntil)
// or that it was terminated, since it is the most urgent to look at.
func (s *Site) Due() []*Entry { return s.due }

// DueCalendarURL is the calendar of the agreements' last days to give
// notice (Notices), beside the page of agreements due for review in lang.
func (s *Site) DueCalendarURL(lang string) string { return s.DueURL(lang) + "calendar.ics" }

// Notices returns the current agreements with a last day to give notice
// that is still to come, or passed at most days days ago, the soonest
// first (then by slug): an agreement being terminated has none to give.
// Unlike Due it looks any distance ahead, as a calendar reminds of a day
// whenever it comes.
func (s *Site) Notices(days int) []*Entry {
	since := s.Today().AddDate(0, 0, -days)
	var out []*Entry
	for _, a := range s.ByKind[kinds.Agreements] {
		if a.noticeOpen() && !a.NoticeDay().Before(since) {
			out = append(out, a)
		}
	}
	slices.SortStableFunc(out, func(a, b *Entry) int {
		return cmp.Or(a.NoticeDay().Compare(b.NoticeDay()), cmp.Compare(a.Slug, b.Slug))
	})
	return out
}

// HasNoticeFile reports whether agreement e has a calendar file of its own
// beside its page in lang (EventURL), with the one event of its last day
// to give notice: while that day is still to come (Notices), in each
// language it has a version in.
func (s *Site) HasNoticeFile(e *Entry, lang string) bool {
	return e.noticeOpen() && !e.NoticePassed && e.In(lang) != nil
}

// noticeOpen reports whether e is an agreement with a last day to give
// notice that still matters: in force (not archived) and not being
// terminated already. It is what the page of agreements due for review,
// the agreements' calendar and NoticePassed look at.
func (e *Entry) noticeOpen() bool {
	return !e.Archived && !e.Ending && !e.NoticeDay().IsZero()
}

// DueChanged is when agreement e last changed on the page of agreements
// due for review, the updated time of its entry in that page's feed: the
// day it came onto the page (its notice day within DueMonths months), or
// the day after its notice day once that has passed; when its record was
// published (Entry.Published: its publishDate when that is later than its
// date) when that is later (published due). A subscriber is told when an
// agreement becomes due and when its notice day has passed, not only when
// its record was first published, which is years before for most.
func (s *Site) DueChanged(e *Entry) time.Time {
	d := e.NoticeDay()
	if d.IsZero() {
		return e.Published()
	}
	// The first day whose horizon (agreementFacts) is after d: about
	// DueMonths months before d, give or take the days the months differ.
	y, m, day := d.Date()
	from := time.Date(y, m-DueMonths, day-4, 0, 0, 0, 0, s.Cfg.TimeZone)
	for !d.Before(from.AddDate(0, DueMonths, 0)) {
		from = from.AddDate(0, 0, 1)
	}
	if s.passed(d) {
		from = s.dayAfter(d)
	}
	if at := e.Published(); at.After(from) {
		return at
	}
	return from
}

// NamedBy returns the published records that name agreement a (their
// agreement key), collaborations first, then exchanges and follow-ups,
// each in their list order.
func (s *Site) NamedBy(a *Entry) []*Entry { return s.namedBy[a] }

// agreementFacts works out, before the pages are made, which agreements
// are due and which records name each agreement.
func (s *Site) agreementFacts() {
	today := s.Today()
	horizon := today.AddDate(0, DueMonths, 0)
	s.due = nil
	for _, a := range s.ByKind[kinds.Agreements] {
		if a.noticeOpen() && a.NoticeDay().Before(horizon) {
			s.due = append(s.due, a)
		}
	}
	sortEntries(s.due, func(a, b *Entry) int { return a.NoticeDay().Compare(b.NoticeDay()) })
	s.namedBy = map[*Entry][]*Entry{}
	for _, kind := range s.naming() {
		cur, arch := s.split(kind)
		for _, es := range [][]*Entry{cur, arch} {
			for _, e := range es {
				if a := s.AgreementOf(e); a != nil {
					s.namedBy[a] = append(s.namedBy[a], e)
				}
			}
		}
	}
}

// duePage is the page of the agreements due for review in lang, with its
// own feed.
func (s *Site) duePage(lang string) *Page {
	p := &Page{Type: DuePage, Lang: lang, URL: s.DueURL(lang), Kind: kinds.Agreements,
		Crumbs: []Link{s.homeCrumb(lang), {Key: "kind." + kinds.Agreements, URL: s.SectionURL(kinds.Agreements, lang)}},
		Groups: []Group{{Kind: kinds.Agreements, Items: items(s.due, lang), Total: len(s.due)}},
		Deps:   s.due, Feed: s.DueURL(lang) + "atom.xml"}
	s.alternates(p, s.DueURL)
	return p
}

// checkAgreements reports a record whose agreement does not exist: no
// record of agreements, published or not, has its slug.
func (s *Site) checkAgreements(agreements map[string]bool) diag.List {
	var errs diag.List
	for _, kind := range s.naming() {
		for _, e := range s.ByKind[kind] {
			if e.Agreement == "" {
				continue
			}
			if !agreements[e.Agreement] {
				line, col := e.Own().Pos.Value("agreement")
				errs = append(errs, diag.At(e.Path(), line, col, diag.AgreementMissing, e.Agreement, e.Agreement))
			}
		}
	}
	return errs
}

// naming returns the kinds whose records may name the agreement they fall
// under (they have the key agreement = "<slug>"), in the registry's order:
// an agreement's page lists them in this order.
func (s *Site) naming() []string {
	var out []string
	for _, k := range s.Cfg.Kinds.All() {
		if k.Key("agreement") != nil {
			out = append(out, k.Name)
		}
	}
	return out
}

// signatoryWarnings warns of each signatory of agreement e who signs for
// an organisation that is none of its parties: a party left out of
// parties, or an org key mistaken for another. One of the city's
// (the city, an administration or a company of the city) may sign for
// another of the city's that is a party: the city signs for its
// administrations, and an administration may sign for the city.
func (s *Site) signatoryWarnings(e *Entry, own *content.Version, place func() *diag.Positions) diag.List {
	var out diag.List
	for i, sig := range e.Signatories {
		if sig.Org == "" || slices.Contains(e.Parties, sig.Org) || s.forTheCity(sig.Org, e.Parties) {
			continue
		}
		line, col := place().Value("signatories", strconv.Itoa(i), "org")
		out = append(out, diag.Warn(own.Path, line, col, diag.WarnSignatoryParty, sig.Org, strings.Join(e.Parties, ", ")))
	}
	return out
}

// forTheCity reports whether org is one of the city's organisations and
// so is one of parties.
func (s *Site) forTheCity(org string, parties []string) bool {
	city := func(key string) bool { return s.Cfg.Organisations.Get(key).OfTheCity() }
	return city(org) && slices.ContainsFunc(parties, city)
}

package site

import (
	"slices"
	"time"

	"portal/generator/internal/content"
	"portal/generator/internal/diag"
	"portal/generator/internal/kinds"
	"portal/generator/internal/workers"
)

// Warnings are problems that do not stop a build: a record dated after
// now, which is published all the same (publishDate alone holds one
// back), a record whose slug is the segment of its list's further pages
// ("sida", "page": its page's folder holds them, /exjobb/sida/2/, which
// breaks nothing, but its address reads as one of the list's; the
// archive's and the due page's segments are errors of content.Load, the
// same URL as a page of the site's), a record without a
// version in a language, for the kinds config.toml [translations] expects
// in every language, an agreement without its attachment, and an offer
// whose deadline is not after its date or a lecture that starts on its
// date (as `portal new` writes them: a warning, not an error, so that
// older records, and the benchmark corpus, still build; check -strict
// refuses it), an agreement terminated after
// its validUntil (it had ended then: the earlier date stands, but one of
// the two is likely mistyped) or before it was signed (as the benchmark
// corpus writes some, which must still build) or with a notice longer than its term from
// signing (notice could never be given in time), and HTML in a text,
// which is not published (of the bodies rendered). An offer whose
// deadline has passed is not one: it is shown as closed, as it should.
func (s *Site) Warnings() diag.List {
	out := slices.Concat(s.eachWarnings(s.all(), true)...)
	out.Sort()
	return out
}

// eachWarnings returns the warnings of each entry of all, placed or not
// (see entryWarnings), made on every processor.
func (s *Site) eachWarnings(all []*Entry, placed bool) []diag.List {
	each := make([]diag.List, len(all))
	workers.For(len(all), func(i int) { each[i] = s.entryWarnings(all[i], placed) })
	return each
}

// FirstWarnings returns the first n of Warnings with more (warnings
// made elsewhere) among them, sorted, and how many there are in all: what
// a build prints. A warning's place may read its file again (a date's
// line and column); only the entries with a warning in the files of the
// first n read theirs. The list sorts by file first, so the first n are
// among the warnings of those files, which are all placed.
func (s *Site) FirstWarnings(n int, more diag.List) (diag.List, int) {
	all := s.all()
	each := s.eachWarnings(all, false)
	unplaced := slices.Concat(slices.Concat(each...), more)
	unplaced.Sort()
	first := map[string]bool{}
	for _, w := range unplaced[:min(n, len(unplaced))] {
		first[w.Path] = true
	}
	for i, ws := range each {
		if slices.ContainsFunc(ws, func(w diag.Error) bool { return first[w.Path] }) {
			each[i] = s.entryWarnings(all[i], true)
		}
	}
	out := slices.Concat(slices.Concat(each...), more)
	out.Sort()
	return out[:min(n, len(out))], len(out)
}

// EntryWarnings are the warnings of one published entry (see Warnings),
// sorted: they depend on the entry alone, so that the preview can show a
// record's on its page.
func (s *Site) EntryWarnings(e *Entry) diag.List { return s.entryWarnings(e, true) }

// entryWarnings is EntryWarnings; unplaced, the warnings that a key's
// place would read the entry's file for are all at its first line and
// column, and a written slug is not asked for (the number of warnings
// and their files are the same; see FirstWarnings).
func (s *Site) entryWarnings(e *Entry, placed bool) diag.List {
	var out diag.List
	own := e.Own()
	var pos *diag.Positions // one reading of the file for all of e's warnings
	place := func() *diag.Positions {
		if pos == nil {
			pos = own.Pos.Unkept()
			if !placed {
				pos = diag.NewPositions(nil, 1)
			}
		}
		return pos
	}
	if e.Kind == kinds.Agreements && e.Attachment == "" && !e.Confidential {
		out = append(out, diag.Warn(own.Path, 1, 1, diag.WarnAgreementPDF))
	}
	out = append(out, s.dateWarnings(e, own, place)...)
	out = append(out, s.signatoryWarnings(e, own, place)...)
	// Whether slug is written decides the message and its place, not
	// whether there is one; asking reads the file again, so only then.
	if c, ok := content.SegmentProblem(s.Cfg, e.Kind, e.Slug, own.Title, false); ok && !c.Refused() {
		bySlug := placed && own.Pos.Has("slug")
		c, _ = content.SegmentProblem(s.Cfg, e.Kind, e.Slug, own.Title, bySlug)
		line, col := 1, 1 // at the file name, else at the slug
		if bySlug {
			line, col = own.Pos.Value("slug")
		}
		out = append(out, diag.Warn(own.Path, line, col, c.Message.ID, c.Message.Args...)) // its error is Load's
	}
	for _, v := range e.Versions {
		if st := s.bodies.get(v); st != nil {
			out = append(out, st.warns...)
		}
	}
	if s.Cfg.Translations[e.Kind] {
		for _, l := range s.Cfg.Languages {
			if e.In(l) == nil {
				out = append(out, diag.Warn(own.Path, 1, 1, diag.WarnTranslation, l, s.translationName(own.Path, l)))
			}
		}
	}
	out.Sort()
	return out
}

// dateWarnings are the warnings of e's dates (own is its own version):
// a date after Now (Facts.Future; a date without a time is its day's
// start, so it is after Now from the day after today on, and a datetime
// as soon as it is later than Now), a key that holds a day written with
// a time (which is not used: dayTimeWarnings), an offer's deadline not
// after its date, or a calendar kind's start on its date (both as
// portal new writes them, the day the record is made), a terminated day after validUntil or before signed, a validUntil
// before signed, and a notice longer than the term.
func (s *Site) dateWarnings(e *Entry, own *content.Version, place func() *diag.Positions) diag.List {
	var out diag.List
	warn := func(key string, id diag.ID, args ...any) {
		line, col := place().Value(key)
		out = append(out, diag.Warn(own.Path, line, col, id, args...))
	}
	if e.Future {
		d := e.Date.In(s.Cfg.TimeZone)
		written := d.Format("2006-01-02T15:04:05")
		if d.Equal(time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, s.Cfg.TimeZone)) {
			written = d.Format(time.DateOnly)
		}
		warn("date", diag.WarnFutureDate, written, written)
	}
	s.dayTimeWarnings(e, warn)
	if !e.Deadline.IsZero() && !e.Date.IsZero() && !e.Deadline.After(e.Date) {
		warn("deadline", diag.WarnDeadline, e.Deadline.Format(time.DateOnly), e.Date.Format(time.DateOnly))
	}
	if k := s.Cfg.Kinds.Get(e.Kind); k != nil && k.Calendar && !e.Start.IsZero() && !e.Date.IsZero() &&
		e.Start.In(s.Cfg.TimeZone).Format(time.DateOnly) == e.Date.In(s.Cfg.TimeZone).Format(time.DateOnly) {
		warn("start", diag.WarnStartOnDate, e.Start.In(s.Cfg.TimeZone).Format("2006-01-02T15:04"), e.Date.Format(time.DateOnly))
	}
	if !e.Terminated.IsZero() && !e.ValidUntil.IsZero() && e.Terminated.After(e.ValidUntil) {
		warn("terminated", diag.WarnTerminated, e.Terminated.Format(time.DateOnly), e.ValidUntil.Format(time.DateOnly))
	}
	if !e.Terminated.IsZero() && !e.Signed.IsZero() && e.Terminated.Before(e.Signed) {
		warn("terminated", diag.WarnTermSigned, e.Terminated.Format(time.DateOnly), e.Signed.Format(time.DateOnly))
	}
	if !e.ValidUntil.IsZero() && !e.Signed.IsZero() && e.ValidUntil.Before(e.Signed) {
		warn("validUntil", diag.WarnUntilSigned, e.ValidUntil.Format(time.DateOnly), e.Signed.Format(time.DateOnly))
	}
	if term := e.term(); e.NoticeMonths > term && term >= 0 {
		signed, until := e.Signed.Format(time.DateOnly), e.ValidUntil.Format(time.DateOnly)
		switch term {
		case 0:
			warn("noticeMonths", diag.WarnNoticeUnder, e.NoticeMonths, signed, until)
		case 1:
			warn("noticeMonths", diag.WarnNoticeMonth, e.NoticeMonths, signed, until)
		default:
			warn("noticeMonths", diag.WarnNotice, e.NoticeMonths, term, signed, until)
		}
	}
	return out
}

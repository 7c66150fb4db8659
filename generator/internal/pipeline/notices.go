package pipeline

import (
	"bytes"
	"strings"

	"portal/generator/internal/feeds"
	"portal/generator/internal/site"
)

// noticeCalendars writes, per language, the calendar beside the page of
// agreements due for review: one day-long event on each current
// agreement's last day to give notice (site.Notices), to come or passed
// in the last CalendarDays days. Staff who subscribe to it are reminded in
// their own calendar program, however far ahead the day is, not only once
// it is within the page's twelve months. An agreement whose day is to
// come also has a file of that one event beside its page (eventFiles),
// for whoever looks after that agreement alone. It
// holds what the agreements' pages and lists show of them, never a body:
// a confidential agreement publishes its metadata only.
func (l *Loaded) noticeCalendars() []Output {
	s := l.Site
	agreements := s.Notices(CalendarDays)
	var outs []Output
	for _, lang := range s.Cfg.Languages {
		cal := l.calendar(lang, "due.title")
		outs = append(outs, Output{Path: strings.TrimPrefix(s.DueCalendarURL(lang), "/"),
			Deps: agreements, render: func(buf *bytes.Buffer) error {
				all := cal
				for _, e := range agreements {
					all.Events = append(all.Events, l.noticeEvent(e, lang))
				}
				return feeds.WriteICS(buf, all, s.Cfg.TimeZone)
			}})
	}
	return outs
}

// noticeEvent is the day-long event of agreement e's last day to give
// notice, in lang: its texts are the calendar's language, the title of
// an agreement without a version in lang aside.
func (l *Loaded) noticeEvent(e *site.Entry, lang string) feeds.Event {
	s, t := l.Site, l.Templates
	v := e.VersionFor(lang)
	url := s.Abs(e.URL[lang])
	// The address ends the description too: Outlook and Google Calendar
	// show no URL property, and staff reminded of the day need the page.
	note := strings.ReplaceAll(t.T(lang, "due.eventnote"), "{date}", t.FormatDate(lang, e.ValidUntil))
	return feeds.Event{
		UID:         e.Kind + "-" + e.Slug + "-notice@" + l.host(),
		Summary:     strings.ReplaceAll(t.T(lang, "due.event"), "{title}", v.Title),
		Description: note + "\n\n" + url,
		URL:         url, Start: e.NoticeDay(), AllDay: true, Stamp: e.Published(),
		Categories: l.areaNames(e, lang),
	}
}

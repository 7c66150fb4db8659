package pipeline

import (
	"bytes"
	"strings"
	"time"

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
// an agreement without a version in lang aside, which makes its summary
// and reminders of two languages and so of no LANGUAGE parameter
// (eventLangs). An agreement without a
// notice period (site.Entry.EndsWithoutNotice) has the day it runs out
// instead, worded so: "Avtalet löper ut" / "Agreement ends", not a last
// day to give notice that there is none of.
func (l *Loaded) noticeEvent(e *site.Entry, lang string) feeds.Event {
	s, t := l.Site, l.Templates
	v := e.VersionFor(lang)
	url := s.Abs(e.URL[lang])
	keys := noticeKeys(e)
	// The address ends the description too: Outlook and Google Calendar
	// show no URL property, and staff reminded of the day need the page.
	note := strings.ReplaceAll(t.T(lang, keys.note), "{date}", t.FormatDate(lang, e.ValidUntil))
	titled := []string{lang, v.Lang} // a text in lang with the title in it
	return feeds.Event{
		UID:         e.Kind + "-" + e.Slug + "-notice@" + l.host(),
		Summary:     strings.ReplaceAll(t.T(lang, keys.summary), "{title}", v.Title),
		Description: note + "\n\n" + url,
		URL:         url, Start: e.NoticeDay(), AllDay: true, Stamp: e.Published(),
		Sequence:   noticeSequence(e),
		Categories: l.areaNames(e, lang),
		Alarms:     l.noticeAlarms(e, lang, v.Title, keys.alarm),
		Langs:      eventLangs(lang, map[string][]string{"SUMMARY": titled, "VALARM": titled}),
	}
}

// noticeSequence is the revision (SEQUENCE) of agreement e's notice
// event: its notice day's number, the days from 1970-01-01 to it,
// counted on the calendar (a day in summer time is as many days from one
// in winter as on the calendar). The record holds no revision, and its
// UID and DTSTAMP stay when the agreement is renewed; its day then moves
// later, and so does this, whatever else changed (a renewal signed
// later, from a later signing day, has a later day and a higher
// sequence), so that Outlook or Google Calendar, which imported the
// event from the agreement's own file, take the file of the new day as a
// change rather than as the event it already has. (A day corrected to an
// earlier one is not taken so; the calendar beside the page of
// agreements due for review, to subscribe to, is read whole again.)
func noticeSequence(e *site.Entry) int {
	day := e.NoticeDay()
	if day.IsZero() {
		return 0
	}
	y, m, d := day.Date()
	return max(0, int(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix()/(24*60*60)))
}

// noticeTexts are the UI strings of a notice event's summary, description
// and reminders.
type noticeTexts struct{ summary, note, alarm string }

// noticeKeys are the UI strings of agreement e's notice event: of its
// last day to give notice, or of its end when it has no notice period.
func noticeKeys(e *site.Entry) noticeTexts {
	if e.EndsWithoutNotice() {
		return noticeTexts{"due.endevent", "due.endnote", "due.endalarm"}
	}
	return noticeTexts{"due.event", "due.eventnote", "due.alarm"}
}

// noticeAlarmEarly and noticeAlarmLate are how many days before an
// agreement's last day to give notice its event reminds: a month ahead,
// time to prepare a decision to renew, renegotiate or terminate it (ask the partner, the
// head of school, the lawyers) and to get it signed; a week ahead again
// for whoever put it off. The page of agreements due for review lists
// it a year ahead, but only to whoever looks; these come by themselves.
// Both are more than one day, so the UI string is plural as it stands.
const noticeAlarmEarly, noticeAlarmLate = 30, 7

// noticeAlarmHour is the hour of those days the reminders show, a
// working morning's, not the midnight a day-long event starts at.
const noticeAlarmHour = 9

// noticeAlarms are the reminders of agreement e's notice event in lang
// (title its title there, key the UI string of their text),
// noticeAlarmEarly and noticeAlarmLate days before its day at
// noticeAlarmHour; none once the day has passed, which
// some programs (Thunderbird) would show at once as missed reminders to
// whoever subscribes. Their text is in the calendar's language and holds
// no date of the build's, so the file changes only with the record.
func (l *Loaded) noticeAlarms(e *site.Entry, lang, title, key string) []feeds.Alarm {
	t := l.Templates
	if e.NoticePassed {
		return nil
	}
	date := t.FormatDate(lang, e.NoticeDay())
	var alarms []feeds.Alarm
	for _, days := range [...]int{noticeAlarmEarly, noticeAlarmLate} {
		text := strings.NewReplacer("{title}", title, "{date}", date, "{n}", t.Count(lang, days)).Replace(t.T(lang, key))
		alarms = append(alarms, feeds.Alarm{Before: time.Duration(days)*24*time.Hour - noticeAlarmHour*time.Hour, Description: text})
	}
	return alarms
}

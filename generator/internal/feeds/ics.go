package feeds

import (
	"bufio"
	"bytes"
	"cmp"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Event is one VEVENT: a guest lecture, or the last day to give notice of
// an agreement (AllDay).
type Event struct {
	// UID is the stable, globally unique id of the event. Required and
	// unique in the calendar.
	UID string
	// Summary, Description and Location are plain text (TEXT values,
	// escaped on output). Each is omitted when empty.
	Summary, Description, Location string
	// URL is the absolute URL of the event page, written unescaped as a URI.
	// Omitted when empty.
	URL string
	// Start is DTSTART (required); End is DTEND, omitted when zero, else it
	// must be after Start. Both are written to whole seconds.
	Start, End time.Time
	// AllDay writes Start as a DATE, the day its own location reads (not
	// the calendar's zone), and DTEND as the next day: a day, not a time,
	// which calendars show on that day wherever they are. End is not
	// read. Such a day marks a date (a last day to give notice) and takes
	// none of the subscriber's time: it is TRANSP:TRANSPARENT, since by
	// default (OPAQUE) a calendar that imports it shows its owner busy
	// the whole day to everyone who books a meeting.
	AllDay bool
	// Stamp is DTSTAMP, from the record (e.g. its date), never the clock.
	// Required. Always written in UTC.
	Stamp time.Time
	// Sequence is SEQUENCE, the event's revision, written when positive.
	// A program that imported the event once (Outlook, Google Calendar)
	// takes a file with the same UID as a change only when its sequence
	// is higher (RFC 5546 2.1.5): with Stamp from the record, a changed
	// day with an unchanged sequence is read as the same event again.
	Sequence int
	// Cancelled writes STATUS:CANCELLED, else STATUS:CONFIRMED.
	Cancelled bool
	// Categories are area names, written as one CATEGORIES property.
	Categories []string
	// Lang is the language of the event's text when it differs from the
	// calendar's (an addition to the brief); empty means Calendar.Lang.
	Lang string
	// Langs are the languages of single texts that are not in Lang, by
	// the property's name (SUMMARY, DESCRIPTION, LOCATION; VALARM for
	// the alarms' descriptions): a place in the language of the record's
	// own text, "" for a text of more than one language (an English note
	// before Swedish text), or of none known, which then has no LANGUAGE
	// parameter (RFC 5545 3.2.10 names one language for a whole value).
	Langs map[string]string
	// Alarms are the event's reminders, VALARMs written in the order
	// given, their texts in the event's language.
	Alarms []Alarm
}

// Alarm is a VALARM of ACTION:DISPLAY: a reminder the calendar program
// shows Before the event's start, with Description as its text. A
// subscribed calendar shows its events' alarms by itself, where a day
// without one is only seen by whoever looks at that day.
type Alarm struct {
	// Before is how long before the start the reminder shows: positive,
	// in whole minutes, written as a TRIGGER of a negative duration
	// relative to the start in weeks, days, hours and minutes
	// (-P29DT15H: 09:00 thirty days before a day-long event, whose start
	// is the midnight that begins its day where the reader is).
	Before time.Duration
	// Description is the reminder's text (required by RFC 5545 for
	// DISPLAY), written with the event's LANGUAGE, or Langs["VALARM"].
	Description string
}

// Calendar is one iCalendar object with events.
type Calendar struct {
	// ProdID is the PRODID value, e.g. "-//KTH//Samverkan//SV". Required.
	ProdID string
	// Name is written as X-WR-CALNAME unless empty.
	Name string
	// Lang is the default LANGUAGE parameter of the SUMMARY, DESCRIPTION
	// and LOCATION of every event whose own Lang is empty (and whose Langs
	// do not name the property); empty means no LANGUAGE parameter.
	Lang string
	// Events are written in the order given.
	Events []Event
	// Now is when the calendar is made (the build's moment). A calendar
	// without events holds the VTIMEZONE of its zone (UTC's when it has
	// none) from Now's year on, since RFC 5545 wants at least one
	// component in a calendar and strict readers refuse one without;
	// zero: nothing.
	Now time.Time
}

// WriteICS writes c as an iCalendar (RFC 5545) object: VERSION:2.0, PRODID,
// CALSCALE:GREGORIAN, METHOD:PUBLISH and X-WR-CALNAME, then the events in the
// order given. Lines end in CRLF and are folded at 75 octets without splitting
// a UTF-8 sequence (continuation lines start with one space); TEXT values have
// backslash, semicolon, comma and newline escaped and other control
// characters (except tab) and invalid UTF-8 dropped.
//
// Times: with loc nil or UTC, DTSTART and DTEND are UTC times ("...Z") and
// no VTIMEZONE is written (but for a calendar without events). With any other loc (it must have an IANA name such
// as "Europe/Stockholm"; time.Local is refused because its name says nothing)
// they are local times with TZID=<loc name>, and X-WR-TIMEZONE and a VTIMEZONE
// for loc are written (unless the events are all days; a calendar without
// events has the VTIMEZONE of Calendar.Now's year). The VTIMEZONE is derived
// from loc itself: for Europe/Stockholm a STANDARD (CET, +0100) and a
// DAYLIGHT (CEST, +0200) observance with RRULE:FREQ=YEARLY;BYMONTH=10 (resp.
// 3);BYDAY=-1SU. The observances cover the years of the events plus the next
// year and follow the time zone database, so a zone whose rules changed gets
// one observance per rule, the older closed with UNTIL. A local time that
// occurs twice (the hour repeated when summer time ends) is written in UTC
// when it means the second occurrence, because RFC 5545 reads an ambiguous
// local time as the first. DTSTAMP is always UTC. Sub-second parts are
// dropped.
//
// WriteICS checks c first and writes nothing when c is invalid.
func WriteICS(w io.Writer, c Calendar, loc *time.Location) error {
	return writeCalendar(w, c, loc, func(iw *icsWriter) {
		for i := range c.Events {
			iw.event(&c.Events[i], c.Lang)
		}
	})
}

// writeCalendar checks c and writes it, its events by events.
func writeCalendar(w io.Writer, c Calendar, loc *time.Location, events func(iw *icsWriter)) error {
	if err := c.check(); err != nil {
		return err
	}
	zone, err := newICSZone(loc, c.Events, c.Now)
	if err != nil {
		return err
	}
	iw := icsWriter{bw: bufio.NewWriter(w), zone: zone}
	iw.head(&c)
	events(&iw)
	iw.raw("END", "VCALENDAR")
	return iw.bw.Flush()
}

// AppendEvent appends e as WriteICS writes it in a calendar of language
// calLang with the times in loc: the same bytes, so that a caller that
// keeps the events it wrote can put a calendar together again with
// WriteICSEvents, writing only the events that changed.
func AppendEvent(dst []byte, e Event, calLang string, loc *time.Location) ([]byte, error) {
	one := Calendar{ProdID: "-", Events: []Event{e}}
	if err := one.check(); err != nil {
		return dst, err
	}
	zone, err := newICSZone(loc, one.Events, time.Time{})
	if err != nil {
		return dst, err
	}
	b := bytes.NewBuffer(dst)
	iw := icsWriter{bw: bufio.NewWriter(b), zone: zone}
	iw.event(&e, calLang)
	if err := iw.bw.Flush(); err != nil {
		return dst, err
	}
	return b.Bytes(), nil
}

// WriteICSEvents is WriteICS with each event of c already written by
// AppendEvent (with c.Lang and loc): events[i] is c.Events[i]. The bytes
// are those of WriteICS.
func WriteICSEvents(w io.Writer, c Calendar, loc *time.Location, events [][]byte) error {
	if len(events) != len(c.Events) {
		return fmt.Errorf("feeds: ics: %d events written for %d", len(events), len(c.Events))
	}
	return writeCalendar(w, c, loc, func(iw *icsWriter) {
		for _, ev := range events {
			iw.bw.Write(ev)
		}
	})
}

// head writes the calendar's properties and time zone.
func (iw *icsWriter) head(c *Calendar) {
	iw.raw("BEGIN", "VCALENDAR")
	iw.raw("VERSION", "2.0")
	iw.text("PRODID", "", c.ProdID)
	iw.raw("CALSCALE", "GREGORIAN")
	iw.raw("METHOD", "PUBLISH")
	if c.Name != "" {
		iw.text("X-WR-CALNAME", "", c.Name)
	}
	if iw.zone != nil {
		iw.raw("X-WR-TIMEZONE", iw.zone.name)
		iw.zone.write(iw)
	}
}

func (c *Calendar) check() error {
	if c.ProdID == "" {
		return fmt.Errorf("feeds: ics: calendar prodid is empty")
	}
	seen := make(map[string]int, len(c.Events))
	for i := range c.Events {
		e := &c.Events[i]
		switch {
		case e.UID == "":
			return fmt.Errorf("feeds: ics: event %d: uid is empty", i)
		case e.Stamp.IsZero():
			return fmt.Errorf("feeds: ics: event %d (%s): stamp is zero", i, e.UID)
		case e.Start.IsZero():
			return fmt.Errorf("feeds: ics: event %d (%s): start is zero", i, e.UID)
		case !e.AllDay && !e.End.IsZero() && !e.End.Truncate(time.Second).After(e.Start.Truncate(time.Second)):
			return fmt.Errorf("feeds: ics: event %d (%s): end %s is not after start %s", i, e.UID,
				e.End.Format(time.RFC3339), e.Start.Format(time.RFC3339))
		}
		for _, a := range e.Alarms {
			if a.Before <= 0 || a.Before%time.Minute != 0 || a.Description == "" {
				return fmt.Errorf("feeds: ics: event %d (%s): an alarm needs a description and a time before the start in whole minutes, not %s", i, e.UID, a.Before)
			}
		}
		if j, ok := seen[e.UID]; ok {
			return fmt.Errorf("feeds: ics: events %d and %d have the same uid %s", j, i, e.UID)
		}
		seen[e.UID] = i
	}
	return nil
}

// icsWriter builds one content line at a time and writes it folded.
type icsWriter struct {
	bw   *bufio.Writer // keeps the first write error; Flush reports it
	zone *icsZone      // nil: UTC
	line []byte        // the content line being built
}

func (w *icsWriter) event(e *Event, calLang string) {
	lang := cmp.Or(e.Lang, calLang)
	w.raw("BEGIN", "VEVENT")
	w.text("UID", "", e.UID)
	w.line = append(w.line[:0], "DTSTAMP:"...)
	w.line = appendICSUTC(w.line, e.Stamp)
	w.emit()
	if e.Sequence > 0 {
		w.raw("SEQUENCE", strconv.Itoa(e.Sequence))
	}
	switch {
	case e.AllDay:
		y, m, d := e.Start.Date()
		w.date("DTSTART", time.Date(y, m, d, 0, 0, 0, 0, time.UTC))
		// A DATE has four digits of year: the day after 9999-12-31 (an
		// agreement valid "for ever" with no notice) has none. Without
		// DTEND a day's event lasts that day (RFC 5545 3.6.1).
		if next := time.Date(y, m, d+1, 0, 0, 0, 0, time.UTC); next.Year() <= 9999 {
			w.date("DTEND", next)
		}
		w.raw("TRANSP", "TRANSPARENT")
	default:
		w.time("DTSTART", e.Start)
		if !e.End.IsZero() {
			w.time("DTEND", e.End)
		}
	}
	for _, p := range [...][2]string{{"SUMMARY", e.Summary}, {"DESCRIPTION", e.Description}, {"LOCATION", e.Location}} {
		if p[1] != "" {
			w.text(p[0], e.lang(p[0], lang), p[1])
		}
	}
	if e.URL != "" {
		w.raw("URL", e.URL)
	}
	w.line = append(w.line[:0], "CATEGORIES:"...)
	n := 0
	for _, c := range e.Categories {
		if c == "" {
			continue
		}
		if n > 0 {
			w.line = append(w.line, ',')
		}
		w.line = appendICSText(w.line, c)
		n++
	}
	if n > 0 {
		w.emit()
	}
	if e.Cancelled {
		w.raw("STATUS", "CANCELLED")
	} else {
		w.raw("STATUS", "CONFIRMED")
	}
	for _, a := range e.Alarms {
		w.raw("BEGIN", "VALARM")
		w.raw("ACTION", "DISPLAY")
		w.text("DESCRIPTION", e.lang("VALARM", lang), a.Description)
		w.line = appendICSBefore(append(w.line[:0], "TRIGGER:"...), a.Before)
		w.emit()
		w.raw("END", "VALARM")
	}
	w.raw("END", "VEVENT")
}

// lang is the LANGUAGE of e's property name, of the event's language
// lang unless Langs says otherwise.
func (e *Event) lang(name, lang string) string {
	if l, ok := e.Langs[name]; ok {
		return l
	}
	return lang
}

// appendICSBefore appends the DURATION value of d before the start, d a
// positive number of whole minutes: -P30D, -P29DT15H, -PT15M. Days are
// written as days, which RFC 5545 counts in the calendar (a day is a day
// also when summer time begins), hours and minutes as exact time.
func appendICSBefore(dst []byte, d time.Duration) []byte {
	mins := int64(d / time.Minute)
	days, hours, mins := mins/(24*60), mins/60%24, mins%60
	dst = append(dst, "-P"...)
	if days > 0 {
		dst = append(strconv.AppendInt(dst, days, 10), 'D')
	}
	if hours > 0 || mins > 0 {
		dst = append(dst, 'T')
	}
	if hours > 0 {
		dst = append(strconv.AppendInt(dst, hours, 10), 'H')
	}
	if mins > 0 {
		dst = append(strconv.AppendInt(dst, mins, 10), 'M')
	}
	return dst
}

// raw writes name:value with value unescaped (fixed values, URIs, TZIDs);
// control characters and invalid UTF-8 are dropped.
func (w *icsWriter) raw(name, value string) {
	w.line = append(w.line[:0], name...)
	w.line = append(w.line, ':')
	w.line = appendICSRaw(w.line, value)
	w.emit()
}

// text writes a TEXT property, with a LANGUAGE parameter when lang is set.
func (w *icsWriter) text(name, lang, value string) {
	w.line = append(w.line[:0], name...)
	if lang != "" {
		w.line = append(w.line, ";LANGUAGE="...)
		w.line = appendICSParam(w.line, lang)
	}
	w.line = append(w.line, ':')
	w.line = appendICSText(w.line, value)
	w.emit()
}

// time writes a DATE-TIME property in the calendar's zone (see WriteICS).
func (w *icsWriter) time(name string, t time.Time) {
	w.line = append(w.line[:0], name...)
	t = t.Truncate(time.Second)
	if w.zone == nil || w.zone.secondOccurrence(t) {
		w.line = append(w.line, ':')
		w.line = appendICSUTC(w.line, t)
	} else {
		w.line = append(w.line, ";TZID="...)
		w.line = append(w.line, w.zone.name...)
		w.line = append(w.line, ':')
		w.line = t.In(w.zone.loc).AppendFormat(w.line, "20060102T150405")
	}
	w.emit()
}

// date writes a DATE property (VALUE=DATE) of day, a time at midnight UTC.
func (w *icsWriter) date(name string, day time.Time) {
	w.line = append(w.line[:0], name...)
	w.line = append(w.line, ";VALUE=DATE:"...)
	w.line = day.AppendFormat(w.line, "20060102")
	w.emit()
}

// icsLineMax is the longest physical line in octets, CRLF excluded.
const icsLineMax = 75

// emit writes w.line folded (RFC 5545 3.1): physical lines of at most 75
// octets, each continuation starting with one space, never cutting a UTF-8
// sequence, each line ending in CRLF.
func (w *icsWriter) emit() {
	line := w.line
	limit := icsLineMax
	for len(line) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(line[cut]) {
			cut--
		}
		if cut == 0 { // not UTF-8; cannot happen for lines built here
			cut = limit
		}
		w.bw.Write(line[:cut])
		w.bw.WriteString("\r\n ")
		line = line[cut:]
		limit = icsLineMax - 1 // the leading space counts
	}
	w.bw.Write(line)
	w.bw.WriteString("\r\n")
}

// appendICSText appends s as an RFC 5545 TEXT value: backslash, semicolon
// and comma are backslash-escaped, CRLF, CR and LF become \n, other control
// characters (except tab) and invalid UTF-8 are dropped.
func appendICSText(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
		case r == '\\' || r == ';' || r == ',':
			dst = append(dst, '\\', byte(r))
		case r == '\r' || r == '\n':
			if r == '\r' && i+1 < len(s) && s[i+1] == '\n' {
				size++
			}
			dst = append(dst, `\n`...)
		case r < 0x20 && r != '\t' || r == 0x7F:
		default:
			dst = append(dst, s[i:i+size]...)
		}
		i += size
	}
	return dst
}

// appendICSRaw appends s without escaping, dropping control characters
// (tab included) and invalid UTF-8.
func appendICSRaw(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !(r == utf8.RuneError && size == 1) && r >= 0x20 && r != 0x7F {
			dst = append(dst, s[i:i+size]...)
		}
		i += size
	}
	return dst
}

// appendICSParam appends a parameter value, quoted when it holds ; : or , and
// without double quotes and control characters, which a parameter cannot hold.
func appendICSParam(dst []byte, s string) []byte {
	s = strings.ReplaceAll(s, `"`, "")
	if strings.ContainsAny(s, ";:,") {
		return append(appendICSRaw(append(dst, '"'), s), '"')
	}
	return appendICSRaw(dst, s)
}

func appendICSUTC(dst []byte, t time.Time) []byte {
	return t.UTC().Truncate(time.Second).AppendFormat(dst, "20060102T150405Z")
}

// appendICSOffset appends a UTC-OFFSET value: +HHMM, or +HHMMSS when the
// offset has seconds.
func appendICSOffset(dst []byte, sec int) []byte {
	if sec < 0 {
		dst = append(dst, '-')
		sec = -sec
	} else {
		dst = append(dst, '+')
	}
	two := func(n int) {
		dst = append(dst, byte('0'+n/10), byte('0'+n%10))
	}
	two(sec / 3600)
	two(sec / 60 % 60)
	if sec%60 != 0 {
		two(sec % 60)
	}
	return dst
}

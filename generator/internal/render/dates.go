package render

import (
	"strconv"
	"strings"
	"time"
)

// Date and time formats are UI strings, so each language writes them its
// own way:
//
//	format.date     = "{d} {month} {yyyy}"                 3 mars 2026
//	format.datetime = "{d} {month} {yyyy} kl. {HH}.{mm}"   3 mars 2026 kl. 13.15
//	format.time     = "{HH}.{mm}"                          13.15
//
// {month} is month.1 … month.12 of the same table. Every time is shown in
// the site's time zone.

// layout writes tm in the site's time zone as the format key of lang
// (format.date, ...) says it; the zero time as "". Placeholders it does
// not know are left as they are.
func (t *Templates) layout(lang, key string, tm time.Time) string {
	if tm.IsZero() {
		return ""
	}
	pattern := t.strings[lang][key]
	tm = t.local(tm)
	b := make([]byte, 0, len(pattern)+16)
	for i := 0; i < len(pattern); i++ {
		c := pattern[i]
		if c != '{' {
			b = append(b, c)
			continue
		}
		end := strings.IndexByte(pattern[i:], '}')
		if end < 0 {
			b = append(b, pattern[i:]...)
			break
		}
		known := true
		switch pattern[i+1 : i+end] {
		case "d":
			b = strconv.AppendInt(b, int64(tm.Day()), 10)
		case "dd":
			b = append(b, pad(tm.Day())...)
		case "month":
			b = append(b, t.strings[lang]["month."+strconv.Itoa(int(tm.Month()))]...)
		case "M":
			b = strconv.AppendInt(b, int64(tm.Month()), 10)
		case "MM":
			b = append(b, pad(int(tm.Month()))...)
		case "yyyy":
			b = strconv.AppendInt(b, int64(tm.Year()), 10)
		case "H":
			b = strconv.AppendInt(b, int64(tm.Hour()), 10)
		case "HH":
			b = append(b, pad(tm.Hour())...)
		case "mm":
			b = append(b, pad(tm.Minute())...)
		default:
			known = false
		}
		if !known {
			b = append(b, c) // not a placeholder: keep the brace
			continue
		}
		i += end
	}
	return string(b)
}

func pad(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

func (t *Templates) local(tm time.Time) time.Time { return tm.In(t.cfg.TimeZone) }

// FormatDate is a date as readers of lang write it: "3 mars 2026", "3 March 2026".
func (t *Templates) FormatDate(lang string, tm time.Time) string {
	return t.layout(lang, "format.date", tm)
}

// FormatDateTime is a date and time: "3 mars 2026 kl. 13.15", "3 March 2026, 13:15".
func (t *Templates) FormatDateTime(lang string, tm time.Time) string {
	return t.layout(lang, "format.datetime", tm)
}

// FormatTime is a time of day: "13.15", "13:15".
func (t *Templates) FormatTime(lang string, tm time.Time) string {
	return t.layout(lang, "format.time", tm)
}

// FormatSpan is a lecture's start and end: "3 mars 2026 kl. 13.15–15.00",
// or both in full when the end is on another day, as format.span of lang
// places it ({span}): the English table says whose clock it is ("…,
// 13:15–15:00 (Stockholm time)"), since a student who reads the English
// pages may well be abroad, and a time without its zone reads as the
// reader's own; the Swedish one says nothing more.
func (t *Templates) FormatSpan(lang string, start, end time.Time) string {
	return strings.ReplaceAll(t.T(lang, "format.span"), "{span}", t.span(lang, start, end))
}

// span is FormatSpan's start and end, without format.span around them.
func (t *Templates) span(lang string, start, end time.Time) string {
	if end.IsZero() {
		return t.FormatDateTime(lang, start)
	}
	s, e := t.local(start), t.local(end)
	if s.Year() == e.Year() && s.YearDay() == e.YearDay() {
		return t.FormatDateTime(lang, start) + "–" + t.FormatTime(lang, end)
	}
	return t.FormatDateTime(lang, start) + " – " + t.FormatDateTime(lang, end)
}

// isoDate is the value of a <time datetime> attribute for a date: 2026-03-03.
func (t *Templates) isoDate(tm time.Time) string {
	if tm.IsZero() {
		return ""
	}
	return t.local(tm).Format(time.DateOnly)
}

// isoDateTime is the value of a <time datetime> attribute for a moment:
// 2026-03-03T13:15:00+01:00.
func (t *Templates) isoDateTime(tm time.Time) string {
	if tm.IsZero() {
		return ""
	}
	return t.local(tm).Format(time.RFC3339)
}

// dayEnd is the moment a date stops being valid: the start of the next
// day in the site's time zone, as RFC 3339 (data-deadline).
func (t *Templates) dayEnd(tm time.Time) string {
	if tm.IsZero() {
		return ""
	}
	l := t.local(tm)
	return time.Date(l.Year(), l.Month(), l.Day()+1, 0, 0, 0, 0, t.cfg.TimeZone).Format(time.RFC3339)
}

// period is a span of dates: "1 mars 2025 – 31 december 2026", or
// "från 1 mars 2025" (period.from) when it has no end.
func (t *Templates) period(lang string, start, end time.Time) string {
	if end.IsZero() {
		return strings.ReplaceAll(t.strings[lang]["period.from"], "{start}", t.FormatDate(lang, start))
	}
	return t.FormatDate(lang, start) + " – " + t.FormatDate(lang, end)
}

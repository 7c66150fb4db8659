package diag

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// localDateTime is the form the site reads a date and time in, and the
// one portal new writes: local (Stockholm) time, seconds included.
const localDateTime = "2006-01-02T15:04:05"

// handTimeRE splits a date and time written by hand into its day (any
// form HandDate reads), the word before the time (kl., klockan, at), and
// the time: 13:15, 13.15, 13:15:00, 1:15 pm, 1 p.m., kl. 13. The string
// is in lower case, as HandDateTime makes it.
var handTimeRE = regexp.MustCompile(`^(.+?)(,?\s*(?:kl\.?|klockan|at|@)\s*|,\s*|\s+|t)` +
	`(\d{1,2})(?:[:.](\d{2})(?:[:.](\d{2}))?)?\s*(am|pm|a\.m\.|p\.m\.)?$`)

// HandDateTime reads v, a date and time written by hand in another form
// than the site's (2027-01-31T13:15:00): a day HandDate reads, then a
// time of day in hours and minutes (13:15, 13.15, 1:15 pm) or in hours
// after kl. or at, or with am or pm (kl. 13, 1 pm). It returns the
// moment it names, as local time; alt is the other reading of a day
// whose order of day and month is not clear, as HandDate's. A time or
// day that does not exist (25.15, 31 februari) is none: ok is false, as
// it is for a day without a time.
func HandDateTime(v string) (at, alt time.Time, ok bool) {
	v = strings.ToLower(strings.Join(strings.Fields(v), " "))
	m := handTimeRE.FindStringSubmatch(v)
	if m == nil {
		return time.Time{}, time.Time{}, false
	}
	dayPart, word, hours, minutes, seconds, half := m[1], m[2], m[3], m[4], m[5], m[6]
	if minutes == "" && half == "" && strings.TrimSpace(strings.Trim(word, ",")) == "" {
		return time.Time{}, time.Time{}, false // 31/1/2027 13: a number, not a time
	}
	clock, ok := clockTime(hours, minutes, seconds, half)
	if !ok {
		return time.Time{}, time.Time{}, false
	}
	day, alt, ok := HandDate(dayPart)
	if !ok {
		return time.Time{}, time.Time{}, false
	}
	at = day.Add(clock)
	if !alt.IsZero() {
		alt = alt.Add(clock)
	}
	return at, alt, true
}

// clockTime is the time of day of hours, minutes and seconds in digits
// (minutes and seconds may be empty), with half am or pm or empty.
func clockTime(hours, minutes, seconds, half string) (time.Duration, bool) {
	h, _ := strconv.Atoi(hours)
	mins, _ := strconv.Atoi(minutes)
	secs, _ := strconv.Atoi(seconds)
	if half != "" {
		if h < 1 || h > 12 {
			return 0, false
		}
		h %= 12
		if half[0] == 'p' {
			h += 12
		}
	}
	if h > 23 || mins > 59 || secs > 59 {
		return 0, false
	}
	return time.Duration(h)*time.Hour + time.Duration(mins)*time.Minute + time.Duration(secs)*time.Second, true
}

// DateTimeFormMessage says that value, written without quotes for key, a
// key that holds a date and time, is none the site reads, and ends with
// the line to write when HandDateTime reads it (both lines, when the
// order of day and month is not clear).
func DateTimeFormMessage(key, value string) Message {
	at, alt, ok := HandDateTime(value)
	switch {
	case !ok:
		return M(SyntaxTime, key, value)
	case alt.IsZero():
		return M(SyntaxTimeFix, key, value, at.Format(localDateTime))
	}
	return M(SyntaxTimeTwo, readings(localDateTime, at, alt, key, value)...)
}

// QuotedDateTimeMessage is ShapeDateTime for s, written in quotes for
// key, a key that holds a date and time, with the line to write when
// HandDateTime reads s. orDate is for a key that takes a date or a date
// and time (publishDate): the message says it may be either.
func QuotedDateTimeMessage(key, s string, orDate bool) Message {
	at, alt, ok := HandDateTime(s)
	fix, two := ShapeDateTimeFix, ShapeDateTimeTwo
	if orDate {
		fix, two = ShapeDateOrTimeFix, ShapeDateOrTimeTwo
	}
	switch {
	case !ok:
		return M(ShapeDateTime)
	case alt.IsZero():
		return M(fix, key, at.Format(localDateTime))
	}
	return M(two, readings(localDateTime, at, alt, key)...)
}

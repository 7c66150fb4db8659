package diag

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// The forms of a date written by hand, as editors write them in a letter
// or paste them from one: 2027-1-31, 2027/01/31; 31/1/2027, 31.1.2027,
// 28/2 2027; 31 januari 2027, 31 jan. 2027, den 31:a januari 2027;
// January 31, 2027, Jan 31st 2027, 31 January 2027.
var (
	yearFirstRE = regexp.MustCompile(`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$`)
	dayFirstRE  = regexp.MustCompile(`^(\d{1,2})[-/.](\d{1,2})(?:[-/.]|\s+)(\d{4})$`)
	dayNameRE   = regexp.MustCompile(`^(\d{1,2})(?:\.|:[ae]|st|nd|rd|th)?\s+(\pL+)\.?,?\s+(\d{4})$`)
	nameDayRE   = regexp.MustCompile(`^(\pL+)\.?\s+(\d{1,2})(?::[ae]|st|nd|rd|th)?,?\s+(\d{4})$`)
)

// HandDate reads v, a date written by hand in another form than the
// year-month-day the site reads, and returns the day it names. A form
// with the year first is year-month-day; one with a month's name, in
// Swedish or English, whole or cut to three letters or more, with or
// without a dot (jan., januari, Jan, sept), names its month. Day and month
// in digits are read day first, as Swedish (and British) writers order
// them, but only when the order cannot be the other one: in 31/1/2027
// the 31 is no month, and in 1/31/2027, written in the American order,
// the 31 is the day. When both could be a month and differ (1/2/2027, 1
// February or January 2), alt is the other reading: the site must not
// pick one, since a wrong day suggested would pass check and be
// published, so the message offers both and the editor chooses. A day
// that does not exist (31 februari 2027) is no date: ok is false.
func HandDate(v string) (day, alt time.Time, ok bool) {
	v = strings.ToLower(strings.Join(strings.Fields(v), " "))
	v = strings.TrimPrefix(v, "den ")
	if m := yearFirstRE.FindStringSubmatch(v); m != nil {
		day, ok = makeDay(m[1], m[2], m[3])
		return day, time.Time{}, ok
	}
	if m := dayFirstRE.FindStringSubmatch(v); m != nil {
		a, _ := strconv.Atoi(m[1])
		b, _ := strconv.Atoi(m[2])
		switch {
		case a > 12 || a == b:
			day, ok = makeDay(m[3], m[2], m[1])
		case b > 12:
			day, ok = makeDay(m[3], m[1], m[2])
		default:
			day, ok = makeDay(m[3], m[2], m[1])
			alt, _ = makeDay(m[3], m[1], m[2])
		}
		return day, alt, ok
	}
	if m := dayNameRE.FindStringSubmatch(v); m != nil {
		return namedDay(m[3], m[2], m[1])
	}
	if m := nameDayRE.FindStringSubmatch(v); m != nil {
		return namedDay(m[3], m[1], m[2])
	}
	return time.Time{}, time.Time{}, false
}

// namedDay is the day of year, the month named by word and day.
func namedDay(year, word, day string) (d, alt time.Time, ok bool) {
	month := monthNamed(word)
	if month == 0 {
		return time.Time{}, time.Time{}, false
	}
	d, ok = makeDay(year, strconv.Itoa(month), day)
	return d, time.Time{}, ok
}

// monthNamed is the number of the month word names, in Swedish or English
// (in lower case), whole or its first three letters or more; 0 for none.
// The names are the catalog's (monthName), as messages write them.
func monthNamed(word string) int {
	if len(word) < 3 {
		return 0
	}
	for m := 1; m <= 12; m++ {
		name, _ := lookup(monthName(m))
		if strings.HasPrefix(strings.ToLower(name.Sv), word) || strings.HasPrefix(strings.ToLower(name.En), word) {
			return m
		}
	}
	return 0
}

// makeDay is the day of year, month and day in digits, if it exists.
func makeDay(year, month, day string) (time.Time, bool) {
	y, _ := strconv.Atoi(year)
	m, _ := strconv.Atoi(month)
	d, _ := strconv.Atoi(day)
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if m < 1 || m > 12 || t.Day() != d || t.Month() != time.Month(m) {
		return time.Time{}, false
	}
	return t, true
}

// DateFormMessage says that value, written for the date key, is not a
// date the site reads, and ends with the line to write when HandDate
// reads it (both lines, when the order of day and month is not clear).
func DateFormMessage(key, value string) Message {
	day, alt, ok := HandDate(value)
	switch {
	case !ok:
		return M(SyntaxDateForm, key, value)
	case alt.IsZero():
		return M(SyntaxDateFormFix, key, value, day.Format(time.DateOnly))
	}
	return M(SyntaxDateFormTwo, readings(time.DateOnly, day, alt, key, value)...)
}

// QuotedDateMessage is ShapeDateQuoted for s, a date in quotes written
// for the date key, with the line to write when HandDate reads s.
func QuotedDateMessage(key, s string) Message {
	day, alt, ok := HandDate(s)
	switch {
	case !ok:
		return M(ShapeDateQuoted)
	case alt.IsZero():
		return M(ShapeDateQuotedFix, key, day.Format(time.DateOnly))
	}
	return M(ShapeDateQuotedTwo, readings(time.DateOnly, day, alt, key)...)
}

// readings are the arguments of a message that gives two lines to write
// (the ...Two messages): lead (the key, and the value as written, where
// the message quotes it), then for each reading, at and alt, the line's
// value in layout, its day and its month's name.
func readings(layout string, at, alt time.Time, lead ...any) []any {
	return append(lead, at.Format(layout), at.Day(), M(monthName(int(at.Month()))),
		alt.Format(layout), alt.Day(), M(monthName(int(alt.Month()))))
}

// DayTimeMessage is the message of value, a date and time written by
// hand for key, a key that holds a day (deadline = "31/1/2027 13:15"),
// in quotes or not: the line to write is the day alone (both lines,
// when the order of day and month is not clear), and it says that the
// time is dropped. ok is false when HandDateTime does not read value.
func DayTimeMessage(key, value string, quoted bool) (msg Message, ok bool) {
	at, alt, ok := HandDateTime(value)
	if !ok {
		return Message{}, false
	}
	day := at.Format(time.DateOnly)
	switch {
	case !alt.IsZero() && quoted:
		msg = M(ShapeDateQuotedTwo, readings(time.DateOnly, at, alt, key)...)
	case !alt.IsZero():
		msg = M(SyntaxDateFormTwo, readings(time.DateOnly, at, alt, key, value)...)
	case quoted:
		msg = M(ShapeDateQuotedFix, key, day)
	default:
		msg = M(SyntaxDateFormFix, key, value, day)
	}
	return M(ShapeDayNoTime, msg, key), true
}

package feedtest

import (
	"strings"
	"testing"
	"time"
)

// minimal is the smallest calendar the reader accepts.
const minimal = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nEND:VCALENDAR\r\n"

// stockholmZone is Europe/Stockholm as the feeds writer puts it.
const stockholmZone = "BEGIN:VTIMEZONE\r\nTZID:Europe/Stockholm\r\n" +
	"BEGIN:STANDARD\r\nDTSTART:20251026T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nEND:STANDARD\r\n" +
	"BEGIN:DAYLIGHT\r\nDTSTART:20260329T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nEND:DAYLIGHT\r\n" +
	"END:VTIMEZONE\r\n"

// withEvent returns minimal with the zone and one VEVENT of the given lines.
func withEvent(lines ...string) string {
	ev := "BEGIN:VEVENT\r\n" + strings.Join(lines, "\r\n") + "\r\nEND:VEVENT\r\n"
	return strings.Replace(minimal, "END:VCALENDAR", stockholmZone+ev+"END:VCALENDAR", 1)
}

// TestStrictICSParser makes sure the reader rejects what it should, with
// the message it should.
func TestStrictICSParser(t *testing.T) {
	tests := []struct{ name, data, want string }{
		{"bare LF", strings.Replace(minimal, "VERSION:2.0\r\n", "VERSION:2.0\n", 1), "line 2: bare CR or LF"},
		{"no final CRLF", strings.TrimSuffix(minimal, "\r\n"), "does not end with CRLF"},
		{"long line", strings.Replace(minimal, "PRODID:x", "PRODID:"+strings.Repeat("x", 70), 1), "line 3: 77 octets, more than 75"},
		{"split rune", strings.Replace(minimal, "PRODID:x", "PRODID:\xc3\r\n \xa5", 1), "line 3: not valid UTF-8 (a fold split a sequence?)"},
		{"empty line", strings.Replace(minimal, "PRODID:x\r\n", "PRODID:x\r\n\r\n", 1), "line 4: empty"},
		{"control", strings.Replace(minimal, "PRODID:x", "PRODID:\x01", 1), "line 3: control character"},
		{"leading fold", " x\r\n" + minimal, "line 1: continuation without a line"},
		{"unbalanced", strings.Replace(minimal, "END:VCALENDAR", "END:VEVENT", 1), "content line 6: END:VEVENT does not close the open component"},
		{"missing END", strings.TrimSuffix(minimal, "END:VCALENDAR\r\n"), "unbalanced BEGIN/END (1 open)"},
		{"no colon", strings.Replace(minimal, "PRODID:x", "PRODID", 1), `content line 3: no ':' after name and parameters: "PRODID"`},
		{"parameter twice", strings.Replace(minimal, "PRODID:x", "PRODID;A=1;A=2:x", 1), `content line 3: parameter A twice: "PRODID;A=1;A=2:x"`},
		{"second calendar", minimal + minimal, "content line 7: second top-level component"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseICS([]byte(tc.data))
			if err == nil || err.Error() != tc.want {
				t.Errorf("error %v, want %q", err, tc.want)
			}
		})
	}
	for _, s := range []string{`a,b`, `a;b`, `a\x`, `a\`} {
		if _, err := UnescapeText(s); err == nil {
			t.Errorf("UnescapeText(%q) accepted", s)
		}
	}
}

// TestCheckCalendar reads calendars back and rejects what RFC 5545 or the
// writer's rules forbid.
func TestCheckCalendar(t *testing.T) {
	event := []string{"UID:a", "DTSTAMP:20260301T000000Z", "DTSTART;TZID=Europe/Stockholm:20261025T023000", "DTEND:20261025T013000Z",
		"SUMMARY;LANGUAGE=sv:Öppna data\\, del 1", "CATEGORIES:A\\,B,C", "STATUS:CONFIRMED"}
	cal := read(t, withEvent(event...))
	if cal.TZIDs[0] != "Europe/Stockholm" || len(cal.Events) != 1 {
		t.Fatalf("zones %v, %d events", cal.TZIDs, len(cal.Events))
	}
	e := cal.Events[0]
	// 02:30 on the night summer time ends: the first (CEST) one.
	if want := time.Date(2026, 10, 25, 0, 30, 0, 0, time.UTC); !e.Start.Equal(want) {
		t.Errorf("start %s, want %s", e.Start, want)
	}
	if e.Summary != "Öppna data, del 1" || e.Lang != "sv" || strings.Join(e.Categories, "|") != "A,B|C" {
		t.Errorf("summary %q lang %q categories %q", e.Summary, e.Lang, e.Categories)
	}
	if off := cal.Zones["Europe/Stockholm"].OffsetAt(time.Date(2027, 7, 1, 0, 0, 0, 0, time.UTC)); off != 7200 {
		t.Errorf("offset in July 2027: %d", off)
	}
	with := func(i int, line string) string {
		ev := append([]string(nil), event...)
		ev[i] = line
		return withEvent(ev...)
	}
	tests := []struct{ name, data, want string }{
		{"no VERSION", strings.Replace(minimal, "VERSION:2.0\r\n", "", 1), "VCALENDAR: no VERSION"},
		{"bad METHOD", strings.Replace(minimal, "PUBLISH", "REQUEST", 1), "METHOD:REQUEST"},
		{"no component", minimal, "VCALENDAR: no component (RFC 5545 3.4 wants at least one)"},
		{"floating", with(2, "DTSTART:20261025T023000"), "DTSTART: floating time 20261025T023000"},
		{"unknown zone", with(2, "DTSTART;TZID=Europe/Oslo:20261025T023000"), "DTSTART: TZID Europe/Oslo has no VTIMEZONE"},
		{"skipped hour", with(2, "DTSTART;TZID=Europe/Stockholm:20260329T023000"), "local time 2026-03-29 02:30:00 +0000 UTC does not exist"},
		{"end before start", with(3, "DTEND:20261025T000000Z"), "event a: DTEND 2026-10-25 00:00:00 +0000 UTC not after DTSTART 2026-10-25 00:30:00 +0000 UTC"},
		{"local stamp", with(1, "DTSTAMP:20260301T000000"), `DTSTAMP must be UTC: parsing time "20260301T000000" as "20060102T150405Z": cannot parse "" as "Z"`},
		{"two UIDs", withEvent(append([]string{"UID:b"}, event...)...), "VEVENT: 2 UID properties"},
		{"bad status", with(6, "STATUS:TENTATIVE"), "STATUS:TENTATIVE"},
		{"empty language", with(4, "SUMMARY;LANGUAGE=:a"), "event a: SUMMARY with an empty LANGUAGE"},
		{"unescaped comma", with(4, "SUMMARY:a,b"), `unescaped , in "a,b"`},
		{"day and time", with(2, "DTSTART;VALUE=DATE:20261025"), "event a: DTSTART and DTEND of different types"},
		{"day with zone", with(2, "DTSTART;VALUE=DATE;TZID=Europe/Stockholm:20261025"), "DTSTART: a DATE with other parameters"},
		{"bad day", with(2, "DTSTART;VALUE=DATE:20261325"), `parsing time "20261325": month out of range`},
		{"period", with(2, "DTSTART;VALUE=PERIOD:20261025T000000Z/PT1H"), "DTSTART: VALUE=PERIOD"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			root, err := ParseICS([]byte(tc.data))
			if err != nil {
				t.Fatal(err)
			}
			if _, err := CheckCalendar(root); err == nil || err.Error() != tc.want {
				t.Errorf("error %v, want %q", err, tc.want)
			}
		})
	}
}

// TestCheckCalendarDays reads an event of a whole day back.
func TestCheckCalendarDays(t *testing.T) {
	cal := read(t, withEvent("UID:d", "DTSTAMP:20260301T000000Z", "DTSTART;VALUE=DATE:20270930", "DTEND;VALUE=DATE:20271001", "STATUS:CONFIRMED"))
	e := cal.Events[0]
	if !e.AllDay || !e.Start.Equal(time.Date(2027, 9, 30, 0, 0, 0, 0, time.UTC)) || !e.End.Equal(time.Date(2027, 10, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("all day %v, %s to %s", e.AllDay, e.Start, e.End)
	}
}

func read(t *testing.T, data string) *Calendar {
	t.Helper()
	root, err := ParseICS([]byte(data))
	if err != nil {
		t.Fatal(err)
	}
	cal, err := CheckCalendar(root)
	if err != nil {
		t.Fatal(err)
	}
	return cal
}

// TestCheckCalendarAlarms reads an event's reminders back and refuses
// one that is not a displayed reminder before the start.
func TestCheckCalendarAlarms(t *testing.T) {
	event := func(alarm ...string) string {
		lines := []string{"UID:d", "DTSTAMP:20260301T000000Z", "DTSTART;VALUE=DATE:20270930", "STATUS:CONFIRMED", "BEGIN:VALARM"}
		return withEvent(append(append(lines, alarm...), "END:VALARM")...)
	}
	cal := read(t, event("ACTION:DISPLAY", "DESCRIPTION;LANGUAGE=sv:Om 30 dagar", "TRIGGER:-P29DT15H"))
	if a := cal.Events[0].Alarms; len(a) != 1 || a[0] != (Alarm{Description: "Om 30 dagar", Lang: "sv", Trigger: "-P29DT15H", Before: 711 * time.Hour}) {
		t.Errorf("alarms %+v", a)
	}
	for _, tc := range []struct{ name, data, want string }{
		{"audio", event("ACTION:AUDIO", "DESCRIPTION:x", "TRIGGER:-P1D"), "event d: VALARM: ACTION:AUDIO"},
		{"no description", event("ACTION:DISPLAY", "TRIGGER:-P1D"), "event d: VALARM: no DESCRIPTION"},
		{"after", event("ACTION:DISPLAY", "DESCRIPTION:x", "TRIGGER:P1D"), "event d: VALARM: TRIGGER:P1D is not a duration before the start (<nil>)"},
		{"absolute", event("ACTION:DISPLAY", "DESCRIPTION:x", "TRIGGER;VALUE=DATE-TIME:20270901T090000Z"), "event d: VALARM: TRIGGER with parameters map[VALUE:DATE-TIME]"},
		{"mixed weeks", event("ACTION:DISPLAY", "DESCRIPTION:x", "TRIGGER:-P1W2D"), `event d: VALARM: TRIGGER:-P1W2D is not a duration before the start (duration "P1W2D": incomplete or mixed weeks)`},
		{"hours without T", event("ACTION:DISPLAY", "DESCRIPTION:x", "TRIGGER:-P15H"), `event d: VALARM: TRIGGER:-P15H is not a duration before the start (duration "P15H": unexpected H)`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root, err := ParseICS([]byte(tc.data))
			if err != nil {
				t.Fatal(err)
			}
			if _, err := CheckCalendar(root); err == nil || err.Error() != tc.want {
				t.Errorf("error %v, want %q", err, tc.want)
			}
		})
	}
}

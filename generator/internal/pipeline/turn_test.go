package pipeline

import (
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"portal/generator/internal/site"
)

// withFile is fsys with the file name holding data instead.
type withFile struct {
	fs.FS
	name string
	data string
}

func (w withFile) Open(name string) (fs.File, error) {
	if name == w.name {
		return fstest.MapFS{name: {Data: []byte(w.data)}}.Open(name)
	}
	return w.FS.Open(name)
}

// TestNextTurnCalendar checks that NextTurn is the moment a lecture
// leaves the calendars, CalendarDays after its end, in a time zone with
// summer time, also when that moment falls in the hour the clocks skip
// or repeat: the calendars counted the days back from now, NextTurn
// forward from the end, and the two differ there, so that the preview
// kept a lecture in its calendars up to an hour after a build left it
// out.
func TestNextTurnCalendar(t *testing.T) {
	stockholm, err := time.LoadLocation("Europe/Stockholm")
	if err != nil {
		t.Skip(err)
	}
	const rel = "content/lectures/forra-aret.md"
	tests := []struct {
		name, end string // the lecture's end
	}{
		{"an ordinary day", "2025-10-20T12:00:00+02:00"},
		{"the hour skipped in spring", "2025-12-29T02:30:00+01:00"},  // leaves 2026-03-29 at 02:30, which is not
		{"the hour repeated in autumn", "2026-07-27T02:30:00+02:00"}, // leaves 2026-10-25 at 02:30, which is twice
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			base := fixture(t, "testdata/sites/basic")
			b, err := fs.ReadFile(base, rel)
			if err != nil {
				t.Fatal(err)
			}
			text := strings.Replace(string(b), "end = 2025-10-20T12:00:00+02:00", "end = "+tc.end, 1)
			fsys := withFile{base, rel, text}
			end, err := time.Parse(time.RFC3339, tc.end)
			if err != nil {
				t.Fatal(err)
			}
			listed := func(now time.Time) (bool, *site.Site) {
				t.Helper()
				l, err := Load(fsys, Options{Now: now})
				if err != nil {
					t.Fatalf("load at %v: %v", now, err)
				}
				cal := l.calendars(nil)[0]
				return slices.ContainsFunc(cal.Deps, func(e *site.Entry) bool { return e.Slug == "forra-aret" }), l.Site
			}
			// From the start of the day it leaves on, turn by turn; the
			// model's turns on that day come first.
			d := end.In(stockholm).AddDate(0, 0, CalendarDays)
			now := time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, stockholm)
			for range 10 {
				in, s := listed(now)
				if !in {
					t.Fatalf("not in the calendars at %v", now)
				}
				turn := NextTurn(s)
				// Up to the turn, nothing turns: the lecture stays.
				for k := range 8 {
					m := now.Add(turn.Sub(now) * time.Duration(k+1) / 8).Add(-time.Nanosecond)
					if in, _ := listed(m); !in {
						t.Fatalf("the lecture left at %v, before the turn %v", m, turn)
					}
				}
				if in, _ := listed(turn); !in {
					return
				}
				now = turn
			}
			t.Errorf("the lecture ending %v did not leave the calendars", end)
		})
	}
}

// TestCalendarWindowZone checks that a lecture leaves the calendars
// CalendarDays days after its end counted in the site's time zone
// (Europe/Stockholm), whatever zone now is written in: -now with Z or an
// offset, SOURCE_DATE_EPOCH (UTC) and the preview's clock (the machine's
// zone) are the same moment, and must give the same calendar.ics. The
// days were counted in now's own zone, so a lecture ending at 14.00 in
// summer left at 13.00 in winter for a now in UTC, an hour before it
// left for a now in Stockholm.
func TestCalendarWindowZone(t *testing.T) {
	stockholm, err := time.LoadLocation("Europe/Stockholm")
	if err != nil {
		t.Skip(err)
	}
	newYork, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip(err)
	}
	const rel = "content/lectures/forra-aret.md"
	base := fixture(t, "testdata/sites/basic")
	b, err := fs.ReadFile(base, rel)
	if err != nil {
		t.Fatal(err)
	}
	// 90 days after 29 August 14.00 (summer time) is 27 November 14.00
	// (winter time): 13.00 UTC.
	text := strings.Replace(string(b), "end = 2025-10-20T12:00:00+02:00", "end = 2026-08-29T14:00:00+02:00", 1)
	fsys := withFile{base, rel, text}
	leaves := time.Date(2026, 11, 27, 14, 0, 0, 0, stockholm)
	for _, tc := range []struct {
		name   string
		now    time.Time
		listed bool
	}{
		{"a second before, Stockholm", leaves.Add(-time.Second), true},
		{"a second before, UTC", leaves.Add(-time.Second).UTC(), true},
		{"a second before, +01:00", leaves.Add(-time.Second).In(time.FixedZone("", 3600)), true},
		{"a second before, New York", leaves.Add(-time.Second).In(newYork), true},
		{"at the moment, UTC", leaves.UTC(), true},
		{"a second after, Stockholm", leaves.Add(time.Second), false},
		{"a second after, UTC", leaves.Add(time.Second).UTC(), false},
		{"a second after, New York", leaves.Add(time.Second).In(newYork), false},
	} {
		l, err := Load(fsys, Options{Now: tc.now})
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		cal := l.calendars(nil)[0]
		if in := slices.ContainsFunc(cal.Deps, func(e *site.Entry) bool { return e.Slug == "forra-aret" }); in != tc.listed {
			t.Errorf("%s (%v): in calendar.ics %v, want %v", tc.name, tc.now, in, tc.listed)
		}
	}
}

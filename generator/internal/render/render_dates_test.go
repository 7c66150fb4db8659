package render

import (
	"testing"
	"time"
)

func TestFormatDates(t *testing.T) {
	_, tm := tinySite(t)
	utc := func(s string) time.Time {
		v, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	tests := []struct {
		name, lang string
		f          func(string, time.Time) string
		in         string
		want       string
	}{
		{"date sv", "sv", tm.FormatDate, "2026-03-03T12:00:00Z", "3 mars 2026"},
		{"date en", "en", tm.FormatDate, "2026-03-03T12:00:00Z", "3 March 2026"},
		{"date late UTC is next day in Stockholm", "sv", tm.FormatDate, "2026-12-31T23:30:00Z", "1 januari 2027"},
		{"datetime sv winter", "sv", tm.FormatDateTime, "2026-03-03T12:15:00Z", "3 mars 2026 kl. 13.15"},
		{"datetime en winter", "en", tm.FormatDateTime, "2026-03-03T12:15:00Z", "3 March 2026, 13:15"},
		{"datetime sv summer", "sv", tm.FormatDateTime, "2026-07-01T06:05:00Z", "1 juli 2026 kl. 08.05"},
		{"before spring forward", "sv", tm.FormatDateTime, "2026-03-29T00:59:00Z", "29 mars 2026 kl. 01.59"},
		{"after spring forward", "en", tm.FormatDateTime, "2026-03-29T01:00:00Z", "29 March 2026, 03:00"},
		{"before fall back", "sv", tm.FormatDateTime, "2026-10-25T00:30:00Z", "25 oktober 2026 kl. 02.30"},
		{"after fall back", "en", tm.FormatDateTime, "2026-10-25T01:30:00Z", "25 October 2026, 02:30"},
		{"time sv", "sv", tm.FormatTime, "2026-10-25T13:00:00Z", "14.00"},
		{"time en", "en", tm.FormatTime, "2026-05-25T13:00:00Z", "15:00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.f(tt.lang, utc(tt.in)); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
	if got := tm.FormatDate("sv", time.Time{}); got != "" {
		t.Errorf("zero date: got %q", got)
	}
}

func TestSpanAndISO(t *testing.T) {
	_, tm := tinySite(t)
	loc := tm.cfg.TimeZone
	d := func(y int, m time.Month, day, h, min int) time.Time { return time.Date(y, m, day, h, min, 0, 0, loc) }
	tests := []struct {
		name string
		got  string
		want string
	}{
		{"span same day sv", tm.FormatSpan("sv", d(2026, 3, 3, 13, 15), d(2026, 3, 3, 15, 0)), "3 mars 2026 kl. 13.15–15.00"},
		{"span same day en", tm.FormatSpan("en", d(2026, 3, 3, 13, 15), d(2026, 3, 3, 15, 0)), "3 March 2026, 13:15–15:00 (Stockholm time)"},
		{"span two days", tm.FormatSpan("en", d(2026, 3, 3, 9, 0), d(2026, 3, 4, 16, 0)), "3 March 2026, 09:00 – 4 March 2026, 16:00 (Stockholm time)"},
		{"iso winter", tm.isoDateTime(d(2026, 3, 3, 13, 15)), "2026-03-03T13:15:00+01:00"},
		{"iso summer", tm.isoDateTime(d(2026, 6, 3, 13, 15)), "2026-06-03T13:15:00+02:00"},
		{"iso date", tm.isoDate(d(2026, 6, 3, 0, 0)), "2026-06-03"},
		{"day end", tm.dayEnd(d(2027, 1, 31, 0, 0)), "2027-02-01T00:00:00+01:00"},
		{"day end before spring forward", tm.dayEnd(d(2026, 3, 28, 0, 0)), "2026-03-29T00:00:00+01:00"},
		{"day end on spring forward", tm.dayEnd(d(2026, 3, 29, 0, 0)), "2026-03-30T00:00:00+02:00"},
		{"day end on fall back", tm.dayEnd(d(2026, 10, 25, 0, 0)), "2026-10-26T00:00:00+01:00"},
		{"day end of a UTC instant late in the day", tm.dayEnd(time.Date(2026, 6, 30, 23, 0, 0, 0, time.UTC)), "2026-07-02T00:00:00+02:00"},
		{"period sv", tm.period("sv", d(2025, 3, 1, 0, 0), d(2026, 12, 31, 0, 0)), "1 mars 2025 – 31 december 2026"},
		{"period open en", tm.period("en", d(2025, 3, 1, 0, 0), time.Time{}), "from 1 March 2025"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, tt.got, tt.want)
		}
	}
}

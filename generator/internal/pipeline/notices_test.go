package pipeline

import (
	"testing"
	"time"

	"portal/generator/internal/content"
	"portal/generator/internal/site"
)

// TestNoticeSequence: an agreement's notice event has a higher SEQUENCE
// whenever its notice day moves later, whatever its signing day, so that
// a calendar program that imported the event takes the new day as a
// change: a renewal signed later, with its notice day later, too; a day
// in summer time is counted as many days from one in winter as on the
// calendar.
func TestNoticeSequence(t *testing.T) {
	stockholm, err := time.LoadLocation("Europe/Stockholm")
	if err != nil {
		t.Fatal(err)
	}
	day := func(s string) time.Time {
		d, err := time.ParseInLocation(time.DateOnly, s, stockholm)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	agreement := func(signed, until string, months int) *site.Entry {
		return &site.Entry{Record: &content.Record{Kind: "agreements", Signed: day(signed),
			ValidUntil: day(until), NoticeMonths: months}}
	}
	for _, c := range []struct {
		name          string
		before, after *site.Entry
	}{
		{"renewed and signed again later", agreement("2025-06-30", "2028-12-31", 3), agreement("2028-09-01", "2029-12-31", 3)},
		{"renewed", agreement("2025-06-30", "2028-12-31", 3), agreement("2025-06-30", "2029-12-31", 3)},
		{"a shorter notice period", agreement("2025-06-30", "2028-12-31", 6), agreement("2025-06-30", "2028-12-31", 3)},
		{"a day later, across the change to summer time", agreement("2025-06-30", "2028-03-25", 0), agreement("2025-06-30", "2028-03-26", 0)},
		{"a day later, after signing was corrected to a later day", agreement("2025-06-01", "2028-10-27", 0), agreement("2025-06-30", "2028-10-28", 0)},
	} {
		t.Run(c.name, func(t *testing.T) {
			before, after := noticeSequence(c.before), noticeSequence(c.after)
			if after <= before {
				t.Errorf("SEQUENCE %d for notice day %s, after %d for %s: want it higher",
					after, c.after.NoticeDay().Format(time.DateOnly), before, c.before.NoticeDay().Format(time.DateOnly))
			}
		})
	}
	for _, c := range []struct {
		day  string
		want int
	}{
		{"1970-01-02", 1},
		{"2028-03-26", 21269}, // the first day of summer time
		{"2028-10-29", 21486}, // the first day of winter time
		{"2028-09-30", 21457},
	} {
		if got := noticeSequence(agreement("2025-06-30", c.day, 0)); got != c.want {
			t.Errorf("SEQUENCE for notice day %s = %d, want %d", c.day, got, c.want)
		}
	}
}

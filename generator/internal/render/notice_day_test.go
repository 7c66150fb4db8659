package render

import (
	"testing"
	"time"

	"portal/generator/internal/content"
	"portal/generator/internal/kinds"
	"portal/generator/internal/site"
)

// TestNoticeDayFact checks the "last day to give notice" of an agreement
// as its page and its list item show it: the day with its datetime, marked
// when it has passed; nothing for an open-ended agreement, nor for one
// that is terminated, whether its terminated day has passed (archived) or
// is still to come (Ending: notice was given, and the day computed from a
// later validUntil would fall after the agreement has ended); nothing for
// one without a notice period either, whose day is the end date that its
// "valid until" shows: there is no notice to give by it.
func TestNoticeDayFact(t *testing.T) {
	_, tm := tinySite(t)
	loc := tm.cfg.TimeZone
	until := time.Date(2027, 6, 30, 0, 0, 0, 0, loc)
	for _, c := range []struct {
		name   string
		until  time.Time
		months int
		facts  site.Facts
		want   string // text, then datetime; "" when left out
	}{
		{"in force", until, 6, site.Facts{}, "31 december 2026 2026-12-31"},
		{"passed", until, 6, site.Facts{NoticePassed: true}, "31 december 2026 (har passerat) 2026-12-31"},
		{"open-ended", time.Time{}, 6, site.Facts{}, ""},
		{"terminated from a day to come", until, 6, site.Facts{Ending: true}, ""},
		{"terminated", until, 6, site.Facts{Archived: true}, ""},
		{"no notice period", until, 0, site.Facts{}, ""},
		{"no notice period, ended", until, 0, site.Facts{NoticePassed: true}, ""},
	} {
		e := &site.Entry{Record: &content.Record{Kind: kinds.Agreements, ValidUntil: c.until, NoticeMonths: c.months}, Facts: c.facts}
		f := &facts{t: tm, e: e, lang: "sv", tr: func(key string) string { return tm.T("sv", key) }}
		got := ""
		if text, iso, ok := f.text(&kinds.Fact{Label: "fact.noticeDay", As: kinds.AsNoticeDay}); ok {
			got = text + " " + iso
		}
		if got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}

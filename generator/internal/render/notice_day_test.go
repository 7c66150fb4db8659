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
// later validUntil would fall after the agreement has ended).
func TestNoticeDayFact(t *testing.T) {
	_, tm := tinySite(t)
	loc := tm.cfg.TimeZone
	until := time.Date(2027, 6, 30, 0, 0, 0, 0, loc)
	for _, c := range []struct {
		name  string
		until time.Time
		facts site.Facts
		want  string // text, then datetime; "" when left out
	}{
		{"in force", until, site.Facts{}, "31 december 2026 2026-12-31"},
		{"passed", until, site.Facts{NoticePassed: true}, "31 december 2026 (har passerat) 2026-12-31"},
		{"open-ended", time.Time{}, site.Facts{}, ""},
		{"terminated from a day to come", until, site.Facts{Ending: true}, ""},
		{"terminated", until, site.Facts{Archived: true}, ""},
	} {
		e := &site.Entry{Record: &content.Record{Kind: kinds.Agreements, ValidUntil: c.until, NoticeMonths: 6}, Facts: c.facts}
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

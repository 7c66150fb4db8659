package site

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"portal/generator/internal/config"
	"portal/generator/internal/content"
	"portal/generator/internal/diag"
)

// record is the source of a record of any kind: its title, date and
// areas on lines 2 to 4, then lines, from line 5 on.
func record(lines ...string) string {
	return "+++\ntitle = \"T\"\ndate = 2026-01-01\nareas = [\"energi\"]\n" + strings.Join(lines, "\n") + "\n+++\n\nText.\n"
}

// dayTime is the warning of a key that holds a day written with a time,
// at line:col of path, in English and in Swedish.
func dayTime(path string, line, col int, key, written, day string) (en, sv string) {
	at := fmt.Sprintf("%s:%d:%d: ", path, line, col)
	return at + "warning: " + key + " " + written + " has a time of day, which is not used: " + key +
			" is a date, and the site counts the whole day " + day + "; write the day alone, " + key + " = " + day +
			", and write the time in the text if it matters",
		at + "varning: " + key + ": " + written + " har ett klockslag, som inte används – " + key +
			" är ett datum, och webbplatsen räknar med hela dagen " + day + "; skriv bara dagen, " + key + " = " + day +
			", och skriv klockslaget i texten om det behövs"
}

// TestDayKeyTime checks each key that holds a day (kinds.Key.Day, the
// dates of CONTENT-MODEL.md that are not "date or datetime"), written
// with a time: the record holds the start of the day (in Stockholm,
// whatever the offset), the warning at the value says the time is not
// used, in both languages, and no rule counts from the time the page does
// not show: an agreement in force, not yet in force, ended, its notice
// day; a period that closes at the midnight after its end; the checks
// that compare two of these days.
func TestDayKeyTime(t *testing.T) {
	const (
		agr    = "content/agreements/a.md"
		collab = "content/collaborations/c.md"
		exch   = "content/exchanges/x.md"
		follow = "content/followups/f.md"
		thes   = "content/theses/t.md"
		intern = "content/internships/i.md"
	)
	agreementOf := func(lines ...string) string {
		lines = append([]string{`type = "agreement"`, `parties = ["kth", "stad"]`}, lines...)
		return record(append(lines, `attachment = "a.pdf"`, "confidential = true")...)
	}
	type warning struct {
		line, col         int
		key, written, day string
	}
	for _, c := range []struct {
		name, path, src, now string
		key, day             string // the key and the day its field holds
		warns                []warning
		rules                string // the facts of the entry at now
	}{
		{name: "validUntil, plain", path: agr, now: "2026-06-30 15:00", key: "validUntil", day: "2026-06-30",
			src:   agreementOf("signed = 2026-01-15", `status = "active"`, "noticeMonths = 3", "validUntil = 2026-06-30"),
			rules: "in force, notice 2026-03-31"},
		{name: "validUntil at noon, in the afternoon", path: agr, now: "2026-06-30 15:00", key: "validUntil", day: "2026-06-30",
			src:   agreementOf("signed = 2026-01-15", `status = "active"`, "noticeMonths = 3", "validUntil = 2026-06-30T12:00:00"),
			warns: []warning{{10, 14, "validUntil", "2026-06-30T12:00", "2026-06-30"}},
			rules: "in force, notice 2026-03-31"},
		{name: "validUntil at noon, the day after", path: agr, now: "2026-07-01 00:00", key: "validUntil", day: "2026-06-30",
			src:   agreementOf("signed = 2026-01-15", `status = "active"`, "noticeMonths = 3", "validUntil = 2026-06-30T12:00:00"),
			warns: []warning{{10, 14, "validUntil", "2026-06-30T12:00", "2026-06-30"}},
			rules: "expired, notice 2026-03-31"},
		{name: "validUntil in UTC, the next day in Stockholm", path: agr, now: "2026-07-01 15:00", key: "validUntil", day: "2026-07-01",
			src:   agreementOf("signed = 2026-01-15", `status = "active"`, "noticeMonths = 3", "validUntil = 2026-06-30T23:30:00Z"),
			warns: []warning{{10, 14, "validUntil", "2026-06-30T23:30Z", "2026-07-01"}},
			rules: "in force, notice 2026-04-01"},
		{name: "validUntil at month end, notice at month end", path: agr, now: "2026-06-01 12:00", key: "validUntil", day: "2026-06-30",
			src:   agreementOf("signed = 2026-01-15", `status = "active"`, "noticeMonths = 4", "validUntil = 2026-06-30 23:59"),
			warns: []warning{{10, 14, "validUntil", "2026-06-30T23:59", "2026-06-30"}},
			rules: "in force, notice 2026-02-28"},
		{name: "validFrom at noon, that morning", path: agr, now: "2026-07-01 09:00", key: "validFrom", day: "2026-07-01",
			src:   agreementOf("signed = 2026-06-15", `status = "active"`, "validFrom = 2026-07-01T12:00:00"),
			warns: []warning{{9, 13, "validFrom", "2026-07-01T12:00", "2026-07-01"}},
			rules: "in force"},
		{name: "validFrom at noon, the day before", path: agr, now: "2026-06-30 23:59", key: "validFrom", day: "2026-07-01",
			src:   agreementOf("signed = 2026-06-15", `status = "active"`, "validFrom = 2026-07-01T12:00:00"),
			warns: []warning{{9, 13, "validFrom", "2026-07-01T12:00", "2026-07-01"}},
			rules: "pending"},
		{name: "terminated at noon on validUntil", path: agr, now: "2026-06-30 15:00", key: "terminated", day: "2026-06-30",
			src:   agreementOf("signed = 2026-01-15", `status = "terminated"`, "validUntil = 2026-06-30", "terminated = 2026-06-30T12:00:00"),
			warns: []warning{{10, 14, "terminated", "2026-06-30T12:00", "2026-06-30"}},
			rules: "ending, notice 2026-06-30"},
		{name: "terminated at noon, the day after", path: agr, now: "2026-07-01 00:00", key: "terminated", day: "2026-06-30",
			src:   agreementOf("signed = 2026-01-15", `status = "terminated"`, "terminated = 2026-06-30T12:00:00"),
			warns: []warning{{9, 14, "terminated", "2026-06-30T12:00", "2026-06-30"}},
			rules: "archived"},
		{name: "signed at noon on validUntil", path: agr, now: "2026-06-30 15:00", key: "signed", day: "2026-06-30",
			src:   agreementOf("signed = 2026-06-30T12:00:00", `status = "active"`, "validUntil = 2026-06-30"),
			warns: []warning{{7, 10, "signed", "2026-06-30T12:00", "2026-06-30"}},
			rules: "in force, notice 2026-06-30"},
		{name: "collaboration's periodEnd at noon, in the afternoon", path: collab, now: "2026-06-30 15:00", key: "periodEnd", day: "2026-06-30",
			src:   record(`status = "active"`, `partners = ["kth"]`, "periodStart = 2026-01-01", "periodEnd = 2026-06-30T12:00:00"),
			warns: []warning{{8, 13, "periodEnd", "2026-06-30T12:00", "2026-06-30"}},
			rules: "current"},
		{name: "collaboration's periodEnd at noon, the day after", path: collab, now: "2026-07-01 00:00", key: "periodEnd", day: "2026-06-30",
			src:   record(`status = "active"`, `partners = ["kth"]`, "periodStart = 2026-01-01", "periodEnd = 2026-06-30T12:00:00"),
			warns: []warning{{8, 13, "periodEnd", "2026-06-30T12:00", "2026-06-30"}},
			rules: "archived"},
		{name: "collaboration of one day, its end before its start's time", path: collab, now: "2026-06-30 15:00", key: "periodStart", day: "2026-06-30",
			src: record(`status = "active"`, `partners = ["kth"]`, "periodStart = 2026-06-30T12:00:00", "periodEnd = 2026-06-30T09:00:00"),
			warns: []warning{{7, 15, "periodStart", "2026-06-30T12:00", "2026-06-30"},
				{8, 13, "periodEnd", "2026-06-30T09:00", "2026-06-30"}},
			rules: "current"},
		{name: "exchange's periodEnd at noon, in the afternoon", path: exch, now: "2026-06-30 15:00", key: "periodEnd", day: "2026-06-30",
			src:   record(`from = "kth"`, `to = "stad"`, `position = "P"`, "periodStart = 2026-01-01", "periodEnd = 2026-06-30T12:00:00+02:00"),
			warns: []warning{{9, 13, "periodEnd", "2026-06-30T12:00+02:00", "2026-06-30"}},
			rules: "current"},
		{name: "exchange's periodStart", path: exch, now: "2026-06-30 15:00", key: "periodStart", day: "2026-01-01",
			src:   record(`from = "kth"`, `to = "stad"`, `position = "P"`, "periodStart = 2026-01-01T08:00:00"),
			warns: []warning{{8, 15, "periodStart", "2026-01-01T08:00", "2026-01-01"}},
			rules: "current"},
		{name: "follow-up's meeting", path: follow, now: "2026-06-30 15:00", key: "meeting", day: "2026-04-15",
			src:   record("year = 2026", "meeting = 2026-04-15T10:00:00"),
			warns: []warning{{6, 11, "meeting", "2026-04-15T10:00", "2026-04-15"}},
			rules: "current"},
		{name: "thesis's start", path: thes, now: "2026-06-30 15:00", key: "start", day: "2026-09-01",
			src:   record(`host = "kth"`, `level = "master"`, "credits = 30", "deadline = 2026-08-01", "start = 2026-09-01T08:00:00"),
			warns: []warning{{9, 9, "start", "2026-09-01T08:00", "2026-09-01"}},
			rules: "current"},
		{name: "internship's start", path: intern, now: "2026-06-30 15:00", key: "start", day: "2026-09-01",
			src:   record(`host = "kth"`, "deadline = 2026-08-01", "start = 2026-09-01 08:00"),
			warns: []warning{{7, 9, "start", "2026-09-01T08:00", "2026-09-01"}},
			rules: "current"},
	} {
		s, err := siteOf(c.path, c.src, stockholm(t, c.now))
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		var wantEn, wantSv []string
		for _, w := range c.warns {
			en, sv := dayTime(c.path, w.line, w.col, w.key, w.written, w.day)
			wantEn, wantSv = append(wantEn, en), append(wantSv, sv)
		}
		warns := s.Warnings()
		if got, want := strings.Join(warns.LinesIn(diag.English), "\n"), strings.Join(wantEn, "\n"); got != want {
			t.Errorf("%s: warnings\n%s\nwant\n%s", c.name, got, want)
		}
		if got, want := strings.Join(warns.LinesIn(diag.Swedish), "\n"), strings.Join(wantSv, "\n"); got != want {
			t.Errorf("%s: warnings in Swedish\n%s\nwant\n%s", c.name, got, want)
		}
		e := s.Entries[0]
		if got, want := e.Time(c.key), stockholm(t, c.day+" 00:00"); !got.Equal(want) {
			t.Errorf("%s: %s holds %s, want %s", c.name, c.key, got.Format(time.RFC3339), want.Format(time.RFC3339))
		}
		if got := rulesOf(e); got != c.rules {
			t.Errorf("%s: %q, want %q", c.name, got, c.rules)
		}
	}
}

// siteOf is the site of the test config and the one record src at path,
// built at now.
func siteOf(path, src string, now time.Time) (*Site, error) {
	fsys := fstest.MapFS{"config.toml": {Data: []byte(testConfig)}, path: {Data: []byte(src)}}
	if strings.HasPrefix(path, "content/agreements/") {
		fsys["content/agreements/a.pdf"] = &fstest.MapFile{Data: []byte("%PDF-1.4\n")}
	}
	cfg, err := config.Load(fsys)
	if err != nil {
		return nil, err
	}
	set, err := content.Load(fsys, cfg)
	if err != nil {
		return nil, err
	}
	return New(cfg, set, Options{Now: now})
}

// rulesOf words the facts of e that its dates decide: archived, or an
// agreement in force, pending, ending or expired, with its notice day.
func rulesOf(e *Entry) string {
	var out string
	switch {
	case e.Archived:
		return "archived"
	case e.Kind != "agreements":
		return "current"
	case e.Pending:
		out = "pending"
	case e.Ending:
		out = "ending"
	case e.Expired:
		out = "expired"
	default:
		out = "in force"
	}
	if d := e.NoticeDay(); !d.IsZero() {
		out += ", notice " + d.Format(time.DateOnly)
	}
	return out
}

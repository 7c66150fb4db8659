package site

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"portal/generator/internal/content"
)

func agreement(extra string) string {
	return "+++\ntitle = \"A\"\ndate = 2020-01-01\nareas = [\"energi\"]\ntype = \"agreement\"\nparties = [\"kth\", \"stad\"]\nsigned = 2020-01-01\n" + extra + "\n+++\n\nText.\n"
}

// TestNoticeDay checks the last day to give notice: the end date minus
// the notice months, on the month's last day when the month is shorter
// or when the end date is the last day of its month (a month's notice
// given on 31 January runs to the end of February).
func TestNoticeDay(t *testing.T) {
	loc, _ := time.LoadLocation("Europe/Stockholm")
	day := func(s string) time.Time {
		d, _ := time.ParseInLocation(time.DateOnly, s, loc)
		return d
	}
	for _, c := range []struct {
		until  string
		months int
		want   string
	}{
		{"2027-12-31", 3, "2027-09-30"},
		{"2027-05-31", 3, "2027-02-28"},
		{"2028-05-31", 3, "2028-02-29"},
		{"2027-03-15", 6, "2026-09-15"},
		{"2027-03-15", 0, "2027-03-15"},
		{"2027-01-31", 13, "2025-12-31"},
		{"2027-02-28", 1, "2027-01-31"},
		{"2028-02-29", 1, "2028-01-31"},
		{"2028-02-28", 1, "2028-01-28"},
		{"2027-06-30", 6, "2026-12-31"},
		{"2027-04-30", 2, "2027-02-28"},
		{"2027-09-30", 3, "2027-06-30"},
		{"2027-03-30", 1, "2027-02-28"},
		{"2027-03-31", 0, "2027-03-31"},
		{"", 3, ""},
	} {
		e := &Entry{Record: &content.Record{Kind: "agreements", NoticeMonths: c.months}}
		if c.until != "" {
			e.ValidUntil = day(c.until)
		}
		got := ""
		if d := e.NoticeDay(); !d.IsZero() {
			got = d.Format(time.DateOnly)
		}
		if got != c.want {
			t.Errorf("validUntil %s, noticeMonths %d: notice day %q, want %q", c.until, c.months, got, c.want)
		}
	}
}

// TestDue checks which agreements the page of agreements due for review
// lists, in what order, and that records naming an agreement are listed
// on its page.
func TestDue(t *testing.T) {
	files := map[string]string{
		"config.toml": testConfig,
		// now is 2026-09-01: notice days up to 2027-08-31 are due, past
		// ones too (igar ran out yesterday, but is not marked terminated).
		"content/agreements/idag.md":        agreement("status = \"active\"\nvalidUntil = 2026-12-01\nnoticeMonths = 3"), // today
		"content/agreements/igar.md":        agreement("status = \"active\"\nvalidUntil = 2026-08-31"),                   // yesterday: past
		"content/agreements/snart.md":       agreement("status = \"active\"\nvalidUntil = 2027-03-01\nnoticeMonths = 6"), // today too
		"content/agreements/sist.md":        agreement("status = \"active\"\nvalidUntil = 2027-08-31"),                   // the last day
		"content/agreements/sent.md":        agreement("status = \"active\"\nvalidUntil = 2027-12-01\nnoticeMonths = 3"), // a year from today
		"content/agreements/tillsvidare.md": agreement("status = \"active\"\nnoticeMonths = 3"),
		"content/agreements/uppsagt.md":     agreement("status = \"terminated\"\nterminated = 2026-01-01\nvalidUntil = 2026-12-01\nnoticeMonths = 1"),
		"content/collaborations/c.md":       "+++\ntitle = \"C\"\ndate = 2026-01-01\nareas = [\"energi\"]\nstatus = \"active\"\npartners = [\"kth\"]\nperiodStart = 2026-01-01\nagreement = \"idag\"\n+++\n",
		"content/exchanges/x.md":            "+++\ntitle = \"X\"\ndate = 2026-01-01\nareas = [\"energi\"]\nfrom = \"kth\"\nto = \"stad\"\nposition = \"P\"\nperiodStart = 2026-01-01\nagreement = \"idag\"\n+++\n",
		"content/followups/f.md":            "+++\ntitle = \"F\"\ndate = 2026-01-01\nareas = [\"energi\"]\nyear = 2025\nagreement = \"idag\"\n+++\n",
	}
	s, err := newSite(t, files, stockholm(t, "2026-09-01 23:59"), false)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range s.Due() {
		got = append(got, e.Slug+" "+e.NoticeDay().Format(time.DateOnly))
	}
	want := "igar 2026-08-31|idag 2026-09-01|snart 2026-09-01|sist 2027-08-31"
	if strings.Join(got, "|") != want {
		t.Errorf("due: %s\nwant %s", strings.Join(got, "|"), want)
	}
	var due *Page
	for _, p := range s.Pages {
		if p.Type == DuePage && p.Lang == "en" {
			due = p
		}
	}
	if due == nil || due.URL != "/en/agreements/due-for-review/" || due.Feed != "/en/agreements/due-for-review/atom.xml" || due.Groups[0].Total != 4 {
		t.Errorf("due page: %+v", due)
	}
	var named []string
	for _, e := range s.NamedBy(s.agreements["idag"]) {
		named = append(named, e.Kind+"/"+e.Slug)
	}
	if strings.Join(named, " ") != "collaborations/c exchanges/x followups/f" {
		t.Errorf("named by: %v", named)
	}
	if a := s.AgreementOf(s.Lookup("content/exchanges/x.md")); a == nil || a.Slug != "idag" {
		t.Errorf("exchange's agreement: %v", a)
	}

	_, err = newSite(t, map[string]string{"config.toml": files["config.toml"], "content/followups/f.md": files["content/followups/f.md"]}, stockholm(t, "2026-06-01 12:00"), false)
	if err == nil || err.Error() != `content/followups/f.md:6:13: agreement "idag" does not exist (no content/agreements/idag.md or record with that slug); check the spelling` {
		t.Errorf("missing agreement: %v", err)
	}
}

// TestDueChanged checks the updated time of an agreement in the feed of
// agreements due for review: the first day it is on the page (the day
// before, it is not), month ends and a leap day included; the day after
// its notice day once that has passed; its record's date when later.
func TestDueChanged(t *testing.T) {
	for _, c := range []struct {
		until   string
		months  int
		date    string // the record's date
		now     string // the build's day, at noon
		want    string // DueChanged, in Stockholm
		publish string // its publishDate, or ""
	}{
		{"2027-12-31", 3, "2020-01-01", "2026-11-27", "2026-10-01", ""},           // notice 30 September
		{"2028-03-01", 0, "2020-01-01", "2027-06-01", "2027-03-02", ""},           // notice 1 March 2028
		{"2028-02-29", 0, "2020-01-01", "2027-06-01", "2027-03-01", ""},           // a leap day
		{"2027-03-31", 1, "2020-01-01", "2026-11-27", "2026-03-01", ""},           // notice 28 February
		{"2026-12-31", 3, "2020-01-01", "2026-11-27", "2026-10-01", ""},           // passed 30 September
		{"2027-12-31", 3, "2026-11-02", "2026-11-27", "2026-11-02", ""},           // published later
		{"2027-03-28", 0, "2020-01-01", "2026-11-27", "2026-03-29", ""},           // a change to summer time
		{"2027-12-31", 3, "2026-10-15", "2026-11-27", "2026-11-05", "2026-11-05"}, // scheduled: on the page from its publishDate
	} {
		files := map[string]string{
			"config.toml":             testConfig,
			"content/agreements/a.md": strings.Replace(agreement(fmt.Sprintf("status = \"active\"\nvalidUntil = %s\nnoticeMonths = %d", c.until, c.months)+publishDate(c.publish)), "2020-01-01", c.date, 1),
		}
		s, err := newSite(t, files, stockholm(t, c.now+" 12:00"), false)
		if err != nil {
			t.Fatal(err)
		}
		e := s.agreements["a"]
		if got := s.DueChanged(e).In(s.Cfg.TimeZone).Format("2006-01-02 15:04"); got != c.want+" 00:00" {
			t.Errorf("validUntil %s, noticeMonths %d, date %s, now %s: %s, want %s 00:00", c.until, c.months, c.date, c.now, got, c.want)
		}
		if c.date != "2020-01-01" || s.passed(e.NoticeDay()) {
			continue
		}
		// On the page from that day on, not the minute before.
		for _, at := range []struct {
			now string
			due bool
		}{{c.want + " 00:00", true}, {c.want + " 00:00", false}} {
			now := stockholm(t, at.now)
			if !at.due {
				now = now.Add(-time.Minute)
			}
			s, err := newSite(t, files, now, false)
			if err != nil {
				t.Fatal(err)
			}
			if due := len(s.Due()) == 1; due != at.due {
				t.Errorf("validUntil %s, noticeMonths %d at %s: due %v, want %v", c.until, c.months, now, due, at.due)
			}
		}
	}
}

// publishDate is the line that sets publishDate d, or "" for none.
func publishDate(d string) string {
	if d == "" {
		return ""
	}
	return "\npublishDate = " + d
}

// TestTerm checks an agreement's term in whole months from signed to
// validUntil, which check warns of a longer noticeMonths by: the most
// notice months whose last day to give notice (NoticeDay) is not before
// the signing. An end on the last day of its month makes a month of one
// signed on a later day of the month (signed 31 August, valid until 30
// June: ten months, notice given on the day of signing), as NoticeDay
// counts it; the term was a month short there, and a notice as long as
// the term was warned of as longer.
func TestTerm(t *testing.T) {
	loc, _ := time.LoadLocation("Europe/Stockholm")
	day := func(s string) time.Time {
		d, _ := time.ParseInLocation(time.DateOnly, s, loc)
		return d
	}
	for _, c := range []struct {
		signed, until string
		want          int
	}{
		{"2025-01-15", "2026-01-14", 11},
		{"2025-01-15", "2026-01-15", 12},
		{"2025-08-31", "2026-06-30", 10},
		{"2025-08-31", "2026-06-29", 9},
		{"2026-01-31", "2026-02-28", 1},
		{"2028-01-31", "2028-02-28", 0},
		{"2028-01-31", "2028-02-29", 1},
		{"2026-01-30", "2026-02-28", 1},
		{"2026-03-31", "2026-04-30", 1},
		{"2026-03-31", "2026-03-31", 0},
		{"2026-03-30", "2026-03-31", 0},
		{"2026-01-01", "", -1},
	} {
		e := &Entry{Record: &content.Record{Kind: "agreements", Signed: day(c.signed)}}
		if c.until != "" {
			e.ValidUntil = day(c.until)
		}
		if got := e.term(); got != c.want {
			t.Errorf("signed %s, validUntil %s: term %d, want %d", c.signed, c.until, got, c.want)
		}
		if c.want < 0 {
			continue
		}
		// The term is the most notice months that can be given in time.
		e.NoticeMonths = c.want
		if e.NoticeDay().Before(e.Signed) {
			t.Errorf("signed %s, validUntil %s: notice of %d months due %s, before the signing", c.signed, c.until, c.want, e.NoticeDay().Format(time.DateOnly))
		}
		e.NoticeMonths++
		if !e.NoticeDay().Before(e.Signed) {
			t.Errorf("signed %s, validUntil %s: notice of %d months due %s, not before the signing", c.signed, c.until, c.want+1, e.NoticeDay().Format(time.DateOnly))
		}
	}
}

package site

import (
	"strings"
	"testing"
	"time"

	"portal/generator/internal/diag"
)

// TestDeadlineWarning checks that an offer whose deadline is not after
// its date (as `portal new` writes it) is a warning at the deadline, so
// that check -strict refuses it while older records still build.
func TestDeadlineWarning(t *testing.T) {
	const p = "content/theses/a.md"
	for _, c := range []struct{ deadline, want string }{
		{"2026-01-01", p + ":8:12: warning: deadline 2026-01-01 must be after the record's date 2026-01-01; write the last day to apply"},
		{"2025-12-31", p + ":8:12: warning: deadline 2025-12-31 must be after the record's date 2026-01-01; write the last day to apply"},
		{"2026-01-02", ""},
	} {
		s, err := newSite(t, map[string]string{p: thesis("deadline = " + c.deadline)}, stockholm(t, "2026-06-01 12:00"), false)
		if err != nil {
			t.Fatal(err)
		}
		if got := s.Warnings().Error(); got != c.want {
			t.Errorf("deadline %s: %q, want %q", c.deadline, got, c.want)
		}
	}
}

// TestFutureDateWarning checks that a record dated after now, which is
// published all the same (publishDate alone holds one back), is a
// warning at its date that names publishDate: a date from the day after
// today on (in the site's time zone), a datetime as soon as it is later
// than now. The preview is told again when the date comes (NextTurn).
func TestFutureDateWarning(t *testing.T) {
	const p = "content/followups/a.md"
	msg := func(d string) string {
		return p + ":3:8: warning: date " + d + " is in the future, but the record is published now all the same (date says when it was published); to publish it then, set publishDate = " + d
	}
	for _, c := range []struct {
		name, date, extra, now string
		want                   string
		turn                   string // NextTurn, when not the next midnight
	}{
		{name: "today", date: "2026-12-07", now: "2026-12-07 12:00"},
		{name: "yesterday", date: "2026-12-06", now: "2026-12-07 12:00"},
		{name: "tomorrow", date: "2026-12-08", now: "2026-12-07 12:00", want: msg("2026-12-08")},
		{name: "tomorrow, just before midnight", date: "2026-12-08", now: "2026-12-07 23:59", want: msg("2026-12-08")},
		{name: "tomorrow has come", date: "2026-12-08", now: "2026-12-08 00:00"},
		{name: "later today", date: "2026-12-07T18:00:00", now: "2026-12-07 12:00", want: msg("2026-12-07T18:00:00"), turn: "2026-12-07 18:00"},
		{name: "earlier today", date: "2026-12-07T11:00:00", now: "2026-12-07 12:00"},
		{name: "in UTC, tomorrow in Stockholm", date: "2026-12-07T23:30:00Z", now: "2026-12-07 12:00", want: msg("2026-12-08T00:30:00")},
		{name: "scheduled", date: "2026-12-24", extra: "publishDate = 2026-12-24", now: "2026-12-07 12:00"},
		{name: "scheduled earlier", date: "2026-12-24", extra: "publishDate = 2026-12-01", now: "2026-12-07 12:00", want: msg("2026-12-24")},
	} {
		src := "+++\ntitle = \"U\"\ndate = " + c.date + "\nareas = [\"energi\"]\nyear = 2026\n" + c.extra + "\n+++\n\nText.\n"
		now := stockholm(t, c.now)
		s, err := newSite(t, map[string]string{p: src}, now, false)
		if err != nil {
			t.Fatal(err)
		}
		if got := s.Warnings().Error(); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
		turn := s.dayTurn()
		if c.turn != "" {
			turn = stockholm(t, c.turn)
		}
		if got := s.NextTurn(); !got.Equal(turn) {
			t.Errorf("%s: NextTurn %s, want %s", c.name, got.Format(time.RFC3339), turn.Format(time.RFC3339))
		}
	}
}

// TestSegmentWarningScansOnlyItsRecord checks the warning of a slug that
// is the segment of the list's further pages: at the file name when the
// name makes the slug, at the slug when written; and that a record
// without it is not scanned for its keys' places (Warnings read every
// record's file again to ask whether it wrote slug, a fifth of a
// 10,000-record build's CPU after the writing).
func TestSegmentWarningScansOnlyItsRecord(t *testing.T) {
	for _, c := range []struct {
		name, path, src string
		want            string
		scanned         bool
	}{
		{name: "no problem", path: "content/theses/a.md", src: thesis("deadline = 2026-03-01")},
		{name: "file name", path: "content/theses/sida.md", src: thesis("deadline = 2026-03-01"),
			want:    `content/theses/sida.md:1:1: warning: file name "sida" is the segment of the list's further pages (/exjobb/sida/2/), which would be inside the record's folder, and its address reads as one of them; rename the file, or set slug = "t"`,
			scanned: true},
		{name: "slug", path: "content/theses/b.md", src: thesis("deadline = 2026-03-01\nslug = \"sida\""),
			want:    `content/theses/b.md:9:8: warning: slug "sida" is the segment of the list's further pages (/exjobb/sida/2/), which would be inside the record's folder, and its address reads as one of them; choose another slug, e.g. slug = "t"`,
			scanned: true},
	} {
		s, err := newSite(t, map[string]string{c.path: c.src}, stockholm(t, "2026-06-01 12:00"), false)
		if err != nil {
			t.Fatal(err)
		}
		if got := s.Warnings().Error(); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
		for _, e := range s.all() {
			if got := e.Own().Pos.Scanned(); got != c.scanned {
				t.Errorf("%s: scanned %v, want %v", c.name, got, c.scanned)
			}
		}
	}
}

// TestDateWarningsReadOnce checks that a record with two date warnings
// (a future date, a deadline not after it) has each at its key, and that
// its file is read again once for both, not once for each.
func TestDateWarningsReadOnce(t *testing.T) {
	const p = "content/theses/a.md"
	src := thesis("deadline = 2026-01-01")
	s, err := newSite(t, map[string]string{p: src}, stockholm(t, "2025-12-01 12:00"), false)
	if err != nil {
		t.Fatal(err)
	}
	reads := 0
	for _, e := range s.all() {
		front, _, _ := strings.Cut(strings.TrimPrefix(src, "+++\n"), "+++")
		e.Own().Pos = diag.PositionsOf(func() []byte { reads++; return []byte(front) }, 1) // as Load makes them
	}
	want := p + ":3:8: warning: date 2026-01-01 is in the future, but the record is published now all the same (date says when it was published); to publish it then, set publishDate = 2026-01-01\n" +
		p + ":8:12: warning: deadline 2026-01-01 must be after the record's date 2026-01-01; write the last day to apply"
	if got := s.Warnings().Error(); got != want {
		t.Errorf("warnings %q, want %q", got, want)
	}
	if reads != 1 {
		t.Errorf("the file was read %d times, want once", reads)
	}
}

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

// TestDeadlineTime checks that a deadline written with a time, which an
// offer's deadline does not use (it is open through the whole day,
// CONTENT-MODEL.md), is a warning at the value that names the day used,
// and that the offer is open all that day and closed from the next: the
// time changes nothing, in the site's time zone whatever the offset.
func TestDeadlineTime(t *testing.T) {
	const p = "content/theses/a.md"
	msg := func(written, day string) string {
		return p + ":8:12: warning: deadline " + written + " has a time of day, which is not used: the offer is open all day " +
			day + " and closes after it; write the day alone, deadline = " + day + ", and write the time in the text if it matters"
	}
	for _, c := range []struct {
		deadline, now string
		day           string // the deadline's day, as the record holds it
		archived      bool
		want          string
	}{
		{"2026-06-01", "2026-06-01 15:00", "2026-06-01", false, ""},
		{"2026-06-01T12:00:00", "2026-06-01 09:00", "2026-06-01", false, msg("2026-06-01T12:00", "2026-06-01")},
		{"2026-06-01T12:00:00", "2026-06-01 15:00", "2026-06-01", false, msg("2026-06-01T12:00", "2026-06-01")},
		{"2026-06-01T12:00:00", "2026-06-02 00:00", "2026-06-01", true, msg("2026-06-01T12:00", "2026-06-01")},
		{"2026-06-01 12:00", "2026-06-01 23:59", "2026-06-01", false, msg("2026-06-01T12:00", "2026-06-01")},
		{"2026-06-01T00:00:00", "2026-06-01 15:00", "2026-06-01", false, msg("2026-06-01T00:00", "2026-06-01")},
		{"2026-06-01T12:00:00Z", "2026-06-01 15:00", "2026-06-01", false, msg("2026-06-01T12:00Z", "2026-06-01")},
		{"2026-06-01T12:00:00+02:00", "2026-06-01 15:00", "2026-06-01", false, msg("2026-06-01T12:00+02:00", "2026-06-01")},
		{"2026-05-31T23:30:00Z", "2026-06-01 15:00", "2026-06-01", false, msg("2026-05-31T23:30Z", "2026-06-01")},
		// On the record's date: the day is not after it, whatever the time.
		{"2026-01-01T16:00:00", "2026-06-01 15:00", "2026-01-01", true,
			p + ":8:12: warning: deadline 2026-01-01 must be after the record's date 2026-01-01; write the last day to apply\n" +
				msg("2026-01-01T16:00", "2026-01-01")},
	} {
		s, err := newSite(t, map[string]string{p: thesis("deadline = " + c.deadline)}, stockholm(t, c.now), false)
		if err != nil {
			t.Fatal(err)
		}
		if got := s.Warnings().Error(); got != c.want {
			t.Errorf("deadline %s: %q, want %q", c.deadline, got, c.want)
		}
		e := s.Entries[0]
		if day := stockholm(t, c.day+" 00:00"); !e.Deadline.Equal(day) {
			t.Errorf("deadline %s: holds %s, want %s", c.deadline, e.Deadline.Format(time.RFC3339), day.Format(time.RFC3339))
		}
		if e.Archived != c.archived {
			t.Errorf("deadline %s at %s: archived %v, want %v", c.deadline, c.now, e.Archived, c.archived)
		}
	}
}

// TestSignatoryWarning checks that a signatory who signs for an
// organisation that is none of the agreement's parties is a warning at
// its org, and that one of the city's may sign for another of the city's.
func TestSignatoryWarning(t *testing.T) {
	const p = "content/agreements/a.md"
	const orgs = `[organisations.miljo]
sv = "Miljöförvaltningen"
en = "Environment and Health Administration"
type = "city-administration"
[organisations.stokab]
sv = "Stokab"
en = "Stokab"
type = "city-company"
[organisations.rise]
sv = "RISE"
en = "RISE"
type = "other"
`
	for _, c := range []struct {
		name, parties, orgs, want string
	}{
		{"parties sign", `"kth", "stad"`, `"kth", "stad"`, ""},
		{"the city for its administration", `"kth", "miljo"`, `"kth", "stad"`, ""},
		{"an administration for the city", `"kth", "stad"`, `"kth", "miljo"`, ""},
		{"a company of the city for the city", `"kth", "stad"`, `"stokab", "kth"`, ""},
		{"no party", `"kth", "stad"`, `"kth", "rise"`,
			p + `:13:54: warning: signatory's org "rise" is none of the agreement's parties (kth, stad); add it to parties, or change org to the party the signatory signs for`},
		{"the city for KTH's party", `"kth", "rise"`, `"stad", "rise"`,
			p + `:12:54: warning: signatory's org "stad" is none of the agreement's parties (kth, rise); add it to parties, or change org to the party the signatory signs for`},
	} {
		signers := strings.Split(c.orgs, ", ")
		src := "+++\ntitle = \"A\"\ndate = 2026-01-01\nareas = [\"energi\"]\ntype = \"agreement\"\nparties = [" + c.parties +
			"]\nsigned = 2026-01-01\nstatus = \"active\"\nattachment = \"a.pdf\"\nconfidential = true\nsignatories = [\n" +
			"  { name = \"Anna Andersson\", title = \"Rektor\", org = " + signers[0] + " },\n" +
			"  { name = \"Bo Berg\", title = \"Stadsdirektör\", org = " + signers[1] + " },\n]\n+++\n\nText.\n"
		files := map[string]string{"config.toml": testConfig + orgs, p: src, "content/agreements/a.pdf": "%PDF-1.4\n"}
		s, err := newSite(t, files, stockholm(t, "2026-06-01 12:00"), false)
		if err != nil {
			t.Fatal(err)
		}
		if got := s.Warnings().Error(); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
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

package site

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
)

// TestNextTurn checks the first moment after now at which a fact of the
// model turns: the moment a record's own time comes within the day, else
// the next midnight in the site's time zone. A model made a moment before
// the turn has the facts of the one made at now; one made at the turn
// does not, for the times within a day.
func TestNextTurn(t *testing.T) {
	tests := []struct {
		name, kind, file, now, want string
		within                      bool // the fact turns at want, not at a midnight
	}{
		{"nothing within the day", "theses", thesis("deadline = 2027-01-01"), "2026-05-01 12:00", "2026-05-02 00:00", false},
		{"an offer closes at midnight", "theses", thesis("deadline = 2026-05-01"), "2026-05-01 12:00", "2026-05-02 00:00", false},
		{"published later today", "theses", thesis("deadline = 2027-01-01\npublishDate = 2026-05-01T15:30:00"), "2026-05-01 12:00", "2026-05-01 15:30", true},
		{"published tomorrow", "theses", thesis("deadline = 2027-01-01\npublishDate = 2026-05-02"), "2026-05-01 12:00", "2026-05-02 00:00", false},
		{"expires later today", "theses", thesis("deadline = 2027-01-01\nexpiryDate = 2026-05-01T12:30:00"), "2026-05-01 12:00", "2026-05-01 12:30", true},
		{"expired already", "theses", thesis("deadline = 2027-01-01\nexpiryDate = 2026-05-01T11:00:00"), "2026-05-01 12:00", "2026-05-02 00:00", false},
		{"a lecture ends", "lectures", lecture("start = 2026-05-01T10:00:00\nend = 2026-05-01T13:45:00"), "2026-05-01 12:00", "2026-05-01 13:45", true},
		{"a lecture ended", "lectures", lecture("start = 2026-05-01T10:00:00\nend = 2026-05-01T11:45:00"), "2026-05-01 12:00", "2026-05-02 00:00", false},
		// validFrom is a day (kinds.Key.Day): in force from its start,
		// whatever time is written with it, not from that time.
		{"an agreement came into force today", "agreements", agreement("status = \"active\"\nvalidFrom = 2026-05-01T14:00:00"), "2026-05-01 12:00", "2026-05-02 00:00", false},
		{"an agreement comes into force tomorrow", "agreements", agreement("status = \"active\"\nvalidFrom = 2026-05-02T14:00:00"), "2026-05-01 12:00", "2026-05-02 00:00", false},
		{"across the change to summer time", "theses", thesis("deadline = 2027-01-01"), "2026-03-28 23:30", "2026-03-29 00:00", false},
		{"a day of 25 hours", "theses", thesis("deadline = 2027-01-01"), "2026-10-25 01:30", "2026-10-26 00:00", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{"content/" + tt.kind + "/x.md": tt.file}
			now, want := stockholm(t, tt.now), stockholm(t, tt.want)
			s, err := newSite(t, files, now, false)
			if err != nil {
				t.Fatal(err)
			}
			if got := s.NextTurn(); !got.Equal(want) {
				t.Fatalf("NextTurn() = %v, want %v", got, want)
			}
			before, err := newSite(t, files, want.Add(-time.Nanosecond), false)
			if err != nil {
				t.Fatal(err)
			}
			at, err := newSite(t, files, want, false)
			if err != nil {
				t.Fatal(err)
			}
			if facts(before) != facts(s) {
				t.Errorf("a moment before the turn: %s, at now: %s", facts(before), facts(s))
			}
			if tt.within && facts(at) == facts(s) {
				t.Errorf("at the turn the facts are still %s", facts(s))
			}
		})
	}
}

// facts is what the time decides of the one record of a test model.
func facts(s *Site) string {
	if len(s.Entries) == 0 {
		return "not published"
	}
	e := s.Entries[0]
	return fmt.Sprintf("archived %v, expired %v, pending %v, notice passed %v", e.Archived, e.Expired, e.Pending, e.NoticePassed)
}

// TestFactsBits checks that each of an entry's facts has a bit of its
// own in Facts.Bits, which the signatures of the outputs read: a fact
// added to Facts and left out of Bits would leave the pages that show it
// unwritten when it alone changes.
func TestFactsBits(t *testing.T) {
	seen := map[uint8]string{0: "no fact"}
	typ := reflect.TypeFor[Facts]()
	for i := range typ.NumField() {
		var f Facts
		reflect.ValueOf(&f).Elem().Field(i).SetBool(true)
		name := typ.Field(i).Name
		if other, ok := seen[f.Bits()]; ok {
			t.Errorf("%s has the bits of %s: %08b", name, other, f.Bits())
		}
		seen[f.Bits()] = name
	}
}

// TestNextTurnMidnightSkipped checks the turn in a time zone whose clocks
// skip midnight for summer time (Havana: 2026-03-08 00:00 is 01:00 CDT):
// time.Date puts that midnight an hour early, at 23:00 CST, where a
// deadline day ends; from then on the next midnight was that moment,
// passed already, and the preview made a new model at once, again and
// again, for the hour. Then the turn is the change of the clocks, at
// which the date changes.
func TestNextTurnMidnightSkipped(t *testing.T) {
	havana, err := time.LoadLocation("America/Havana")
	if err != nil {
		t.Skip(err)
	}
	at := func(s string) time.Time {
		v, err := time.ParseInLocation("2006-01-02 15:04", s, havana)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	tests := []struct {
		name, now, want string
	}{
		{"before the day ends", "2026-03-07 22:30", "2026-03-07 23:00"},
		{"after the day ended, before the clocks change", "2026-03-07 23:30", "2026-03-08 01:00"},
		{"after the clocks changed", "2026-03-08 01:30", "2026-03-09 00:00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, set := load(t, map[string]string{
				"config.toml":         strings.Replace(testConfig, `timeZone = "Europe/Stockholm"`, `timeZone = "America/Havana"`, 1),
				"content/theses/x.md": thesis("deadline = 2026-03-07"),
			})
			now, want := at(tt.now), at(tt.want)
			s, err := New(cfg, set, Options{Now: now})
			if err != nil {
				t.Fatal(err)
			}
			if got := s.NextTurn(); !got.Equal(want) {
				t.Fatalf("NextTurn() = %v, want %v", got, want)
			}
			before, err := New(cfg, set, Options{Now: want.Add(-time.Nanosecond)})
			if err != nil {
				t.Fatal(err)
			}
			if facts(before) != facts(s) || before.Today() != s.Today() {
				t.Errorf("a moment before the turn: %s, today %v; at now: %s, today %v", facts(before), before.Today(), facts(s), s.Today())
			}
		})
	}
}

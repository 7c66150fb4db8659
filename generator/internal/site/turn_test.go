package site

import (
	"fmt"
	"reflect"
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
		{"an agreement comes into force", "agreements", agreement("status = \"active\"\nvalidFrom = 2026-05-01T14:00:00"), "2026-05-01 12:00", "2026-05-01 14:00", true},
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

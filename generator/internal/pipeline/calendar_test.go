package pipeline

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// TestCalendarWindow checks that calendar.ics holds a lecture until
// CalendarDays days after its end, and its own .ics always.
func TestCalendarWindow(t *testing.T) {
	fsys := fixture(t, "testdata/sites/basic")
	end := time.Date(2025, 10, 20, 12, 0, 0, 0, stockholmTZ(t)) // forra-aret
	for _, c := range []struct {
		now  time.Time
		want bool
	}{
		{end.AddDate(0, 0, CalendarDays), true},
		{end.AddDate(0, 0, CalendarDays).Add(time.Second), false},
		{end.Add(-time.Hour), true},
	} {
		l, err := Load(fsys, Options{Now: c.now})
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]bool{}
		for _, o := range l.Outputs() {
			if o.Path != "gastforelasningar/calendar.ics" && o.Path != "gastforelasningar/forra-aret/forra-aret.ics" {
				continue
			}
			b, err := o.Bytes(new(bytes.Buffer))
			if err != nil {
				t.Fatal(err)
			}
			got[o.Path] = strings.Contains(string(b), "UID:lectures-forra-aret@")
		}
		if got["gastforelasningar/calendar.ics"] != c.want || !got["gastforelasningar/forra-aret/forra-aret.ics"] {
			t.Errorf("now %s: in calendar.ics %v (want %v), in its own .ics %v", c.now, got["gastforelasningar/calendar.ics"], c.want, got["gastforelasningar/forra-aret/forra-aret.ics"])
		}
	}
}

func stockholmTZ(t *testing.T) *time.Location {
	loc, err := time.LoadLocation("Europe/Stockholm")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

package feeds

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// TestICSZonePastZoneData writes the calendar of a lecture in 2045, past
// the last transition of the zone data (2037), where Go derives the
// zone's transitions from its rule: the build hung there (ZoneBounds gave
// 2040-12-31 01:00 CET as the end of the zone in effect at that moment,
// and the loop asked again, growing without bound), and each year past
// 2037 got a STANDARD observance of its own that changed nothing. The
// VTIMEZONE holds the two yearly rules, as for a lecture in 2026.
func TestICSZonePastZoneData(t *testing.T) {
	at := func(y int, mo time.Month, d, h int) time.Time { return time.Date(y, mo, d, h, 0, 0, 0, stockholm) }
	c := Calendar{ProdID: "-//x//y//SV", Name: "Föreläsningar", Lang: "sv", Events: []Event{
		{UID: "a@x", Summary: "A", Start: at(2026, time.May, 5, 10), End: at(2045, time.May, 5, 12), Stamp: at(2026, time.March, 1, 0)},
	}}
	var b bytes.Buffer
	done := make(chan error, 1)
	go func() { done <- WriteICS(&b, c, stockholm) }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("WriteICS of a lecture ending in 2045 did not end")
	}
	ics := strings.ReplaceAll(b.String(), "\r\n", "\n")
	zone := ics[strings.Index(ics, "BEGIN:VTIMEZONE"):strings.Index(ics, "END:VTIMEZONE")]
	want := `BEGIN:VTIMEZONE
TZID:Europe/Stockholm
X-LIC-LOCATION:Europe/Stockholm
BEGIN:STANDARD
DTSTART:20251026T030000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
TZNAME:CET
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:20260329T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
TZNAME:CEST
END:DAYLIGHT
`
	if zone != want {
		t.Errorf("VTIMEZONE:\n%s\nwant\n%s", zone, want)
	}
}

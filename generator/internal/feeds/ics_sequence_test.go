package feeds

import (
	"strings"
	"testing"
	"time"
)

// TestWriteICSSequence writes an event's revision (Event.Sequence) as
// SEQUENCE after DTSTAMP when it is positive, and none when it is zero: a
// calendar program that imported the event takes a changed day as a
// change only with a higher sequence.
func TestWriteICSSequence(t *testing.T) {
	stamp := time.Date(2024, 2, 11, 23, 0, 0, 0, time.UTC)
	day := time.Date(2027, 9, 30, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name     string
		sequence int
		want     string
	}{
		{"none", 0, "DTSTAMP:20240211T230000Z\r\nDTSTART;VALUE=DATE:20270930\r\n"},
		{"revision", 1337, "DTSTAMP:20240211T230000Z\r\nSEQUENCE:1337\r\nDTSTART;VALUE=DATE:20270930\r\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cal := Calendar{ProdID: "-//test//EN", Events: []Event{
				{UID: "a", Summary: "Notice", Start: day, Stamp: stamp, AllDay: true, Sequence: tc.sequence}}}
			var b strings.Builder
			if err := WriteICS(&b, cal, nil); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(b.String(), tc.want) {
				t.Errorf("no %q in\n%s", tc.want, b.String())
			}
		})
	}
}

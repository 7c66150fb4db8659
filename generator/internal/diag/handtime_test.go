package diag

import (
	"testing"
	"time"
)

func TestHandDateTime(t *testing.T) {
	for _, c := range []struct{ in, at, alt string }{
		{"31/1/2027 13:15", "2027-01-31T13:15:00", ""},
		{"31/1/2027 13.15", "2027-01-31T13:15:00", ""},
		{"31 januari 2027 kl. 13.15", "2027-01-31T13:15:00", ""},
		{"31 januari 2027, klockan 9", "2027-01-31T09:00:00", ""},
		{"den 31 jan. 2027 kl 13", "2027-01-31T13:00:00", ""},
		{"January 31, 2027 1:15 pm", "2027-01-31T13:15:00", ""},
		{"January 31, 2027, 1:15 PM", "2027-01-31T13:15:00", ""},
		{"Jan 31st 2027 at 12 a.m.", "2027-01-31T00:00:00", ""},
		{"31 January 2027 12:30 pm", "2027-01-31T12:30:00", ""},
		{"2027-01-31 13:15", "2027-01-31T13:15:00", ""},
		{"2027-01-31T13:15", "2027-01-31T13:15:00", ""},
		{"2027-1-31 13:15:30", "2027-01-31T13:15:30", ""},
		{"1/2/2027 13:15", "2027-02-01T13:15:00", "2027-01-02T13:15:00"},
		{"31/1/2027 kl. 25.15", "", ""},
		{"31/1/2027 13:60", "", ""},
		{"31/1/2027 13 pm", "", ""},
		{"31/1/2027 13", "", ""},
		{"31/1/2027", "", ""},
		{"31 februari 2027 13:15", "", ""},
		{"13:15", "", ""},
		{"nästa vecka 13:15", "", ""},
	} {
		at, alt, ok := HandDateTime(c.in)
		got, gotAlt := "", ""
		if ok {
			got = at.Format(localDateTime)
		}
		if !alt.IsZero() {
			gotAlt = alt.Format(localDateTime)
		}
		if got != c.at || gotAlt != c.alt {
			t.Errorf("HandDateTime(%q) = %q, %q; want %q, %q", c.in, got, gotAlt, c.at, c.alt)
		}
		if ok && at.Location() != time.UTC {
			t.Errorf("HandDateTime(%q) in %v, want no zone", c.in, at.Location())
		}
	}
}

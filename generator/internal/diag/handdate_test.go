package diag

import (
	"testing"
	"time"
)

func TestHandDate(t *testing.T) {
	for _, c := range []struct{ in, day, alt string }{
		{"31/1/2027", "2027-01-31", ""},
		{"1/31/2027", "2027-01-31", ""},
		{"1/2/2027", "2027-02-01", "2027-01-02"},
		{"2/2/2027", "2027-02-02", ""},
		{"28/2 2027", "2027-02-28", ""},
		{"31.1.2027", "2027-01-31", ""},
		{"2027-1-31", "2027-01-31", ""},
		{"2027/01/31", "2027-01-31", ""},
		{"31 januari 2027", "2027-01-31", ""},
		{"den 31:a januari 2027", "2027-01-31", ""},
		{"31 jan. 2027", "2027-01-31", ""},
		{"31 Jan 2027", "2027-01-31", ""},
		{"January 31, 2027", "2027-01-31", ""},
		{"Jan 31st 2027", "2027-01-31", ""},
		{"5 sept. 2027", "2027-09-05", ""},
		{"1 maj 2027", "2027-05-01", ""},
		{"1 mar 2027", "2027-03-01", ""},
		{"31 februari 2027", "", ""},
		{"31/2/2027", "", ""},
		{"1 ma 2027", "", ""},
		{"31 jan", "", ""},
		{"31/1/27", "", ""},
		{"nästa vecka", "", ""},
	} {
		day, alt, ok := HandDate(c.in)
		got, gotAlt := "", ""
		if ok {
			got = day.Format(time.DateOnly)
		}
		if !alt.IsZero() {
			gotAlt = alt.Format(time.DateOnly)
		}
		if got != c.day || gotAlt != c.alt {
			t.Errorf("HandDate(%q) = %q, %q; want %q, %q", c.in, got, gotAlt, c.day, c.alt)
		}
	}
}

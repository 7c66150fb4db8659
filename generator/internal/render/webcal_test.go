package render

import (
	"html/template"
	"testing"
)

func TestWebcal(t *testing.T) {
	for _, c := range []struct {
		abs  string
		want template.URL
	}{
		{"https://samverkan.example.se/gastforelasningar/calendar.ics", "webcal://samverkan.example.se/gastforelasningar/calendar.ics"},
		{"http://localhost:1313/en/guest-lectures/calendar.ics", "webcal://localhost:1313/en/guest-lectures/calendar.ics"},
	} {
		if got := Webcal(c.abs); got != c.want {
			t.Errorf("Webcal(%q) = %q, want %q", c.abs, got, c.want)
		}
	}
}

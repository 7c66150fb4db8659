package render

import "testing"

// TestWebLink checks how a text fact that ends with a web address is split
// into its text and its link.
func TestWebLink(t *testing.T) {
	tests := []struct {
		in, before, url, after string
		ok                     bool
	}{
		{"https://kth.zoom.us/j/1", "", "https://kth.zoom.us/j/1", "", true},
		{"Zoom: https://kth.zoom.us/j/1", "Zoom: ", "https://kth.zoom.us/j/1", "", true},
		{"Zoom:\u00a0https://kth.zoom.us/j/1", "Zoom:\u00a0", "https://kth.zoom.us/j/1", "", true},
		{"Zoom:\u2003https://x.se/a", "Zoom:\u2003", "https://x.se/a", "", true},
		{"Zoom (https://x.se/j/1)", "Zoom (", "https://x.se/j/1", ")", true},
		{"Zoom (https://x.se/j/1).", "Zoom (", "https://x.se/j/1", ").", true},
		{"Teams: https://x.se/j/1?a=b.", "Teams: ", "https://x.se/j/1?a=b", ".", true},
		{"Zoom <https://x.se/j/1>", "Zoom <", "https://x.se/j/1", ">", true},
		{"Wiki: https://sv.wikipedia.org/wiki/KTH_(h%C3%B6gskola)", "Wiki: ", "https://sv.wikipedia.org/wiki/KTH_(h%C3%B6gskola)", "", true},
		{"Wiki (https://x.se/w/A_(b)),", "Wiki (", "https://x.se/w/A_(b)", "),", true},
		{"Sal F1, KTH", "", "", "", false},
		{"https://", "", "", "", false},
		{"https://.", "", "", "", false},
		{"(https://)", "", "", "", false},
		{"https://x.se b", "", "", "", false},
	}
	for _, tt := range tests {
		before, u, after, ok := webLink(tt.in)
		if before != tt.before || u != tt.url || after != tt.after || ok != tt.ok {
			t.Errorf("webLink(%q) = %q, %q, %q, %v; want %q, %q, %q, %v", tt.in, before, u, after, ok, tt.before, tt.url, tt.after, tt.ok)
		}
	}
}

package pipeline

import (
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// studentThesis is the record of an open master's thesis in the area
// energi of the basic fixture, with title and body.
func studentThesis(title, body string) string {
	return "+++\ntitle = \"" + title + "\"\ndate = 2026-09-01\nareas = [\"energi\"]\nhost = \"kth\"\n" +
		"level = \"master\"\ncredits = 30\ndeadline = 2026-12-20\napply = \"mailto:a@example.se\"\n+++\n\n" + body + "\n"
}

// TestSearchStudentQueries: what a student types on a phone finds the
// obvious offer first. A word typed without its diacritics ("miljo")
// ranks the offers about that word ("miljö") above those with a longer
// word that merely starts with the letters typed ("miljonprogrammet");
// the exact spelling still ranks first where a text has it.
func TestSearchStudentQueries(t *testing.T) {
	dir := copySite(t, "testdata/sites/basic", map[string]string{
		"content/theses/a-prefix.md": studentThesis("Renovering i miljonprogrammet", "Om fasader."),
		"content/theses/b-whole.md":  studentThesis("Miljö och buller", "Om ljud."),
	})
	b := buildFixture(t, fixture(t, dir))
	sv := filepath.Join(b.out, "search") + "/"
	now := testNow.Format(time.RFC3339)
	tests := []struct {
		query string
		urls  []string
	}{
		{"?q=miljo", []string{"/exjobb/b-whole/", "/exjobb/a-prefix/"}},
		{"?q=milj%C3%B6", []string{"/exjobb/b-whole/", "/exjobb/a-prefix/"}},
		{"?q=miljon", []string{"/exjobb/a-prefix/"}},
	}
	var cases []searchCase
	for _, tc := range tests {
		cases = append(cases, searchCase{sv, "k-theses", tc.query, now, false})
	}
	for i, got := range runSearch(t, cases) {
		if tc := tests[i]; !slices.Equal(got.URLs, tc.urls) {
			t.Errorf("%s: %v, want %v", tc.query, got.URLs, tc.urls)
		}
	}
}

package site

import (
	"maps"
	"slices"
	"strings"
	"sync"
	"testing"

	"portal/generator/internal/diag"
)

// TestFirstWarnings checks that FirstWarnings, what a build prints, is
// the first n of Warnings with the other warnings among them, and their
// number, and that it reads again only the files of those n for their
// places (a build read the file of every warning it did not print).
func TestFirstWarnings(t *testing.T) {
	files := map[string]string{
		"content/theses/a.md": thesis("deadline = 2026-01-01"),                  // a future date, a deadline on it
		"content/theses/b.md": thesis("deadline = 2026-01-01\nslug = \"sida\""), // and a slug that is a segment
		"content/theses/c.md": thesis("deadline = 2026-03-01"),                  // a future date
	}
	more := diag.List{diag.Warn("templates/page.html", 2, 3, diag.WarnAgreementPDF)}
	for _, c := range []struct {
		n     int
		files []string // read again
	}{
		{0, nil},
		{1, []string{"content/theses/a.md"}},
		{2, []string{"content/theses/a.md"}},
		{3, []string{"content/theses/a.md", "content/theses/b.md"}},
		{5, []string{"content/theses/a.md", "content/theses/b.md"}},
		{6, []string{"content/theses/a.md", "content/theses/b.md", "content/theses/c.md"}},
		{10, []string{"content/theses/a.md", "content/theses/b.md", "content/theses/c.md"}},
	} {
		s, err := newSite(t, files, stockholm(t, "2025-12-01 12:00"), false)
		if err != nil {
			t.Fatal(err)
		}
		reads := map[string]int{}
		var mu sync.Mutex // Warnings reads the files on every processor
		for _, e := range s.all() {
			src := files[e.Own().Path]
			front, _, _ := strings.Cut(strings.TrimPrefix(src, "+++\n"), "+++")
			e.Own().Pos = diag.PositionsOf(func() []byte { // as Load makes them
				mu.Lock()
				defer mu.Unlock()
				reads[e.Own().Path]++
				return []byte(front)
			}, 1)
		}
		got, count := s.FirstWarnings(c.n, more)
		if read := slices.Sorted(maps.Keys(reads)); !slices.Equal(read, c.files) {
			t.Errorf("first %d: files read %q, want %q", c.n, read, c.files)
		}
		all := append(s.Warnings(), more...)
		all.Sort()
		if len(all) != 7 {
			t.Fatalf("%d warnings in all, want 7:\n%s", len(all), all.Error())
		}
		if want := all[:min(c.n, len(all))]; got.Error() != want.Error() {
			t.Errorf("first %d:\n%s\nwant\n%s", c.n, got.Error(), want.Error())
		}
		if count != len(all) {
			t.Errorf("first %d: count %d, want %d", c.n, count, len(all))
		}
	}
}

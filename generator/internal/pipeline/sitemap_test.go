package pipeline

import (
	"hash/maphash"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSitemapVersion checks that the sum the sitemap files are signed by
// in the preview server (sitemapSum) changes with what the sitemap shows,
// and only with that, across loads of the site.
func TestSitemapVersion(t *testing.T) {
	seed := maphash.MakeSeed()
	// sum loads a copy of the basic fixture changed by edit.
	sum := func(t *testing.T, edit func(dir string)) uint64 {
		t.Helper()
		dir := t.TempDir()
		if err := os.CopyFS(dir, os.DirFS("testdata/sites/basic")); err != nil {
			t.Fatal(err)
		}
		if edit != nil {
			edit(dir)
		}
		l, err := Load(fixture(t, dir), Options{Now: testNow})
		if err != nil {
			t.Fatalf("load: %v", err)
		}
		return l.sitemapSum(seed, 10)
	}
	replace := func(rel, old, new string) func(dir string) {
		return func(dir string) {
			p := filepath.Join(dir, "content", rel)
			data, err := os.ReadFile(p)
			if err != nil || !strings.Contains(string(data), old) {
				t.Fatalf("%s: %v, or no %q", rel, err, old)
			}
			if err := os.WriteFile(p, []byte(strings.Replace(string(data), old, new, 1)), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	add := func(rel, text string) func(dir string) {
		return func(dir string) {
			if err := os.WriteFile(filepath.Join(dir, "content", rel), []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	before := sum(t, nil)
	tests := []struct {
		name string
		edit func(dir string)
		same bool
	}{
		{"nothing", nil, true},
		{"a body", replace("theses/trafikfloden.md", "\n+++\n", "\n+++\n\nNy inledning.\n"), true},
		{"a title", replace("theses/trafikfloden.md", "title = \"", "title = \"Ny "), true},
		{"a record's date", replace("theses/trafikfloden.md", "date = 2026-", "date = 2025-"), false},
		{"a new record", add("theses/nytt.md", "+++\ntitle = \"Nytt\"\ndate = 2026-10-01\nareas = [\"energi\"]\nhost = \"stockholms-stad\"\nlevel = \"master\"\ncredits = 30\ndeadline = 2026-12-20\n+++\n"), false},
		{"a translation", add("theses/trafikfloden.en.md", "+++\ntitle = \"Traffic flows\"\n+++\n"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := sum(t, tt.edit); (got == before) != tt.same {
				t.Errorf("sum %x, before %x: same = %v, want %v", got, before, got == before, tt.same)
			}
		})
	}
}

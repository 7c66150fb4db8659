package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestAboutFeeds: the shipped About page says which lists have a feed,
// and the build of the shipped site has just those: every kind's list,
// every area, organisation and school and the agreements due for review,
// not the archives nor the indexes of areas and organisations. It said
// every list had one.
func TestAboutFeeds(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if code, _, stderr := runCmd(t, "build", "-root", "..", "-out", out, "-now", "2026-11-27"); code != exitOK {
		t.Fatalf("build: exit %d: %s", code, stderr)
	}
	for _, c := range []struct {
		page, says string
		feeds      []string // folders with an atom.xml
		none       []string // folders without one
	}{
		{"om", "Listan över varje slags innehåll och sidan för varje område, organisation och skola finns också som nyhetsflöde, liksom avtalen att förnya.",
			[]string{"exjobb", "uppfoljning", "omraden/energi-och-klimat", "avtal/att-fornya", "organisationer/kth", "skolor/abe"},
			[]string{"exjobb/arkiv", "omraden", "organisationer"}},
		{"en/om", "The list of each kind of content and the page of each area, organisation and school are also available as a feed, as are the agreements due for review.",
			[]string{"en/theses", "en/follow-ups", "en/areas/energi-och-klimat", "en/agreements/due-for-review", "en/organisations/kth", "en/schools/abe"},
			[]string{"en/theses/archive", "en/areas", "en/organisations"}},
	} {
		b, err := os.ReadFile(filepath.Join(out, c.page, "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), c.says) {
			t.Errorf("%s/index.html does not say %q", c.page, c.says)
		}
		for _, dir := range append(c.feeds, c.none...) {
			_, err := os.Stat(filepath.Join(out, dir, "atom.xml"))
			if has, want := err == nil, slices.Contains(c.feeds, dir); has != want {
				t.Errorf("%s/atom.xml written %v, want %v", dir, has, want)
			}
		}
	}
}

package build

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestClaimedAreWritten checks that the site model claims exactly the
// files a build writes, for the fixture and the shipped site: links to
// each of them are accepted, and a second claim of any is an error.
func TestClaimedAreWritten(t *testing.T) {
	repo, err := filepath.Abs("../../..")
	if err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{"testdata/sites/basic", repo} {
		b := buildFixture(t, fixture(t, dir))
		// The subfolders of a search folder are the search index's alone
		// (see site.SearchDir); its manifest is claimed.
		written := slices.DeleteFunc(sortedKeys(b.files), func(p string) bool {
			_, rest, ok := strings.Cut(p, "search/")
			return ok && strings.Contains(rest, "/") && (p == "search/"+rest || p == "en/search/"+rest)
		})
		if claimed := b.l.Site.Paths(); !slices.Equal(claimed, written) {
			t.Errorf("%s: claimed:\n%s\nwritten:\n%s", dir, strings.Join(claimed, "\n"), strings.Join(written, "\n"))
		}
	}
}

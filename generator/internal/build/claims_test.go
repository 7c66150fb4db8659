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
		written := sortedKeys(b.files)
		if claimed := b.l.Site.Paths(); !slices.Equal(claimed, written) {
			t.Errorf("%s: claimed:\n%s\nwritten:\n%s", dir, strings.Join(claimed, "\n"), strings.Join(written, "\n"))
		}
	}
}

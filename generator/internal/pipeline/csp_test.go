package pipeline

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"portal/generator/internal/config"
)

// The Content-Security-Policy is defence in depth: every page carries it
// in a <meta> before anything it governs, and no page needs what it
// forbids (inline script, style elements or attributes, event handler
// attributes, javascript: URLs, plugins or frames), so that the browser
// reports nothing on a page the generator wrote.

// checkTree checks every HTML page under dir and returns how many there are.
func checkTree(t *testing.T, dir string, policy config.Policy) int {
	t.Helper()
	pages := 0
	for name, data := range tree(t, dir) {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		pages++
		for _, e := range policy.Check(name, string(data)) {
			t.Error(e)
		}
	}
	return pages
}

// TestPagesCarryPolicy checks every page of the fixture site and of the
// repository's own site (content/, config.toml, templates/).
func TestPagesCarryPolicy(t *testing.T) {
	repo, err := filepath.Abs("../../..")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ name, root string }{
		{"fixture", "testdata/sites/basic"},
		{"repository", repo},
	} {
		t.Run(c.name, func(t *testing.T) {
			fsys := fixture(t, c.root)
			if c.root == repo {
				fsys = os.DirFS(repo)
			}
			cfg, err := config.Load(fsys)
			if err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(t.TempDir(), "public")
			rep := buildTo(t, fsys, out)
			if n := checkTree(t, out, cfg.CSP); n < rep.Pages || n == 0 {
				t.Errorf("checked %d pages, the build wrote %d", n, rep.Pages)
			}
		})
	}
}

// TestCorpusCarriesPolicy checks every page of a generated corpus of
// PORTAL_CSP_RECORDS records (default 100) in Swedish and English:
//
//	PORTAL_CSP_RECORDS=10000 go test ./generator/internal/pipeline -run CorpusCarriesPolicy
func TestCorpusCarriesPolicy(t *testing.T) {
	n := 100
	if s := os.Getenv("PORTAL_CSP_RECORDS"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil || n < 1 {
			t.Fatalf("PORTAL_CSP_RECORDS=%q: want a positive number", s)
		}
	}
	if testing.Short() {
		t.Skip("builds a corpus")
	}
	root := corpusSite(t, n, "sv,en")
	cfg, err := config.Load(os.DirFS(root))
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	rep := buildSite(t, root, out, benchNow)
	pages := checkTree(t, out, cfg.CSP)
	if pages < rep.Pages {
		t.Errorf("checked %d pages, the build wrote %d", pages, rep.Pages)
	}
	t.Logf("%d records: %d HTML pages carry the policy", n, pages)
}

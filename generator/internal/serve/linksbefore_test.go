package serve

import (
	"os"
	"testing"
	"time"

	"portal/generator/internal/output"
)

// TestLinkedRecordsMatchBuild checks, with bodies that link to other
// records, to an alias, to a free page and to the files beside them,
// that the preview serves what a build writes and refuses what it
// refuses, through edits that leave every link as it resolved (a model
// that checks the links of its new entries alone: site.linksAsBefore),
// edits of text in place between them, edits that move a linked record,
// and the clock coming to a linked record's expiry.
func TestLinkedRecordsMatchBuild(t *testing.T) {
	root := fixture(t)
	const linking, linked = "content/theses/trafikfloden.md", "content/theses/energidata.md"
	edit(t, root, linking, "Sista ansökningsdag är idag.", "Sista ansökningsdag är idag. Se [energi](energidata.md), [gammalt](gammalt.md), [sidan](/tillganglighet/) och [förr](/exjobb/forr/).")
	edit(t, root, linked, "schools = [\"abe\"]", "schools = [\"abe\"]\naliases = [\"/exjobb/forr/\"]")
	now := testNow
	e := newEngine(os.DirFS(root), output.Dir(t.TempDir()), func() time.Time { return now })
	if res, err := e.update(nil); err != nil || len(res.Errs) > 0 {
		t.Fatalf("first build: %v %v", err, res.Errs)
	}
	type step struct {
		name, path, old, new string
		errs                 int
	}
	for _, s := range []step{
		{"linked deadline", linked, "deadline = 2026-12-15", "deadline = 2026-12-20", 0},
		{"linking body in place", linking, "och [förr]", "och åter [förr]", 0},
		{"linked body in place", linked, "Vi söker", "Vi letar efter", 0},
		{"linked level", linked, "level = \"master\"", "level = \"bachelor\"", 0},
		{"gammalt expires", "content/theses/gammalt.md", "+++\n\n", "expiryDate = 2026-11-27T12:30:00Z\n+++\n\n", 0},
		{"linked alias", linked, "/exjobb/forr/", "/exjobb/forr2/", 1},
		{"linked alias back", linked, "/exjobb/forr2/", "/exjobb/forr/", 0},
		{"linked slug", linked, "schools = [\"abe\"]", "schools = [\"abe\"]\nslug = \"energi\"", 0},
		{"linking body in place again", linking, "och åter [förr]", "och [förr]", 0},
		{"linked deadline again", linked, "deadline = 2026-12-20", "deadline = 2026-12-21", 0},
	} {
		edit(t, root, s.path, s.old, s.new)
		res := mustUpdate(t, e, s.path)
		if len(res.Errs) != s.errs {
			t.Fatalf("%s: errors %v, want %d", s.name, res.Errs, s.errs)
		}
		if len(res.Errs) > 0 {
			refusedAsBuild(t, root, res.Errs, s.name, now)
			continue
		}
		matchesBuildAt(t, e, root, s.name, now)
	}
	// The clock comes to gammalt's expiry: the link to it breaks.
	now = time.Date(2026, 11, 27, 12, 30, 0, 0, time.UTC)
	res := mustUpdate(t, e)
	if len(res.Errs) != 1 {
		t.Fatalf("expired: errors %v, want the link to it", res.Errs)
	}
	refusedAsBuild(t, root, res.Errs, "expired", now)
}

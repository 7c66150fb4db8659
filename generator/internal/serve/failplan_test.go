package serve

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"portal/generator/internal/output"
)

// TestFailedPlanThenBodiesAsIn: the clock comes to the midnight a
// linked record closes at, and its file is written again as it was (a
// model whose record is new but whose body is in the store: it renders
// no body); the first batch of its Plan fails to be written, so the
// preview keeps its last site and makes the next from it, with the
// signer of the Plan that failed (pipeline.signer.reuse), and its bodies
// as in the last site (site.Site.BodiesAsIn). That model, an edit in place
// after it and another new model serve what a build writes.
func TestFailedPlanThenBodiesAsIn(t *testing.T) {
	const rec, linking = "content/theses/trafikfloden.md", "content/theses/energidata.md"
	root := fixture(t)
	edit(t, root, linking, "Se [avtalet]", "Se [flöden](trafikfloden.md) och [avtalet]")
	store := &failing{m: output.NewMemory()}
	now := testNow
	e := newEngine(os.DirFS(root), store, func() time.Time { return now })
	if res, err := e.update(nil); err != nil || len(res.Errs) > 0 {
		t.Fatalf("first build: %v %v", err, res.Errs)
	}
	now = e.turn
	b, _ := os.ReadFile(filepath.Join(root, rec))
	write(t, root, rec, string(b)) // the same bytes
	store.fail.Store(true)
	_, err := e.update([]string{rec})
	store.fail.Store(false)
	if !errors.Is(err, errFull) {
		t.Fatalf("%v, want %v", err, errFull)
	}
	last := e.site
	if res := mustUpdate(t, e); len(res.Errs) > 0 || !e.site.BodiesAsIn(last) {
		t.Fatalf("after the failed write: errors %v, bodies as in the last site %v", res.Errs, e.site.BodiesAsIn(last))
	}
	matchesBuildAt(t, e, root, "after the failed write", now)
	edit(t, root, linking, "Vi söker", "Vi letar efter")
	if res := mustUpdate(t, e, linking); len(res.Errs) > 0 || res.Full {
		t.Fatalf("in place: errors %v, full %v", res.Errs, res.Full)
	}
	matchesBuildAt(t, e, root, "in place", now)
	edit(t, root, linking, "deadline = 2026-12-15", "deadline = 2026-12-16")
	last = e.site
	if res := mustUpdate(t, e, linking); len(res.Errs) > 0 || !e.site.BodiesAsIn(last) {
		t.Fatalf("deadline: errors %v, bodies as in the last site %v", res.Errs, e.site.BodiesAsIn(last))
	}
	matchesBuildAt(t, e, root, "deadline", now)
}

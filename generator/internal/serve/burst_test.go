package serve

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"portal/generator/internal/output"
)

// TestMatchesBuildRandomBursts makes the edits of
// TestMatchesBuildRandomEdits in bursts, as an editor who saves often
// does: an update whose later batches are not written before the next
// edit comes (the server takes the next change first), two files changed
// in one update, an edit refused and kept while others are made and then
// taken back, a batch between two edits written to a full disk. After each burst is written out the served files must hold
// what build -drafts writes. PORTAL_RANDOM_EDITS=N runs N seeds more.
func TestMatchesBuildRandomBursts(t *testing.T) {
	seeds := randomSeeds()
	steps := 10
	if testing.Short() {
		seeds, steps = seeds[:1], 5
	}
	for _, seed := range seeds {
		t.Run(fmt.Sprint("seed=", seed), func(t *testing.T) {
			randomBursts(t, rand.New(rand.NewPCG(seed, 2)), rand.New(rand.NewPCG(seed, 6)), steps, 0, output.Dir(t.TempDir()))
		})
		t.Run(fmt.Sprint("long/seed=", seed), func(t *testing.T) {
			randomBursts(t, rand.New(rand.NewPCG(seed, 3)), rand.New(rand.NewPCG(seed, 7)), steps, 30, output.NewMemory())
		})
	}
}

// randomBursts runs steps bursts of random edits (randomEdit) on
// randomFixture. disk draws, apart from r, when the batch finished
// between two edits is written to a full disk: the next update, which
// writes the batches left first, makes a new model.
func randomBursts(t *testing.T, r, disk *rand.Rand, steps, extra int, store output.Store) {
	root := randomFixture(t, extra)
	now := testNow
	store, full := fillable(store)
	e := newEngine(os.DirFS(root), store, func() time.Time { return now })
	if res, err := e.update(nil); err != nil || len(res.Errs) > 0 {
		t.Fatalf("first build: %v %v", err, res.Errs)
	}
	pick := func() string {
		files := mdFiles(t, root)
		return files[r.IntN(len(files))]
	}
	for i := range steps {
		before := snapshot(t, root)
		var all []string
		var names []string
		edits := 1 + r.IntN(3)
		for j := range edits {
			var name string
			var paths []string
			if r.IntN(8) == 0 {
				name, paths = frameIDEdit(t, root)
			} else {
				rel := pick()
				name, paths = randomEdit(t, r, root, rel, now)
				name += " of " + rel
			}
			names = append(names, name)
			all = append(all, paths...)
			if j == edits-1 || r.IntN(2) == 0 {
				continue // the next edit comes in the same update
			}
			// An update of its own, whose later batches the next edit
			// overtakes; refused or not, the burst goes on.
			if _, err := e.update(paths); err != nil {
				t.Fatal(err)
			}
			names = append(names, "(updated, not finished)")
			if r.IntN(2) == 0 {
				full.full.Store(disk.IntN(3) == 0)
				_, err := e.finish()
				switch {
				case full.full.Swap(false) && errors.Is(err, errFull):
					names = append(names, "(one batch not finished, the disk full)")
				case err != nil:
					t.Fatal(err)
				default:
					names = append(names, "(one batch finished)")
				}
			}
		}
		step := fmt.Sprintf("burst %d: %s", i, strings.Join(names, ", "))
		res := mustUpdate(t, e, all...)
		if len(res.Errs) > 0 {
			refusedAsBuild(t, root, res.Errs, step, now)
			restore(t, root, before)
			step += " (refused: " + res.Errs[0].Msg + "; taken back)"
			if res := mustUpdate(t, e, all...); len(res.Errs) > 0 {
				t.Fatalf("%s: still %v", step, res.Errs)
			}
		}
		t.Log(step)
		matchesBuildAt(t, e, root, step, now)
		if t.Failed() {
			return
		}
	}
}

// frameIDEdit gives the page frame an element with the id of a heading of
// a record's body, or takes it away: every body is rendered again with
// the ids kept off the frame's (engine.reserveFrameIDs).
func frameIDEdit(t *testing.T, root string) (string, []string) {
	t.Helper()
	const rel, tag = "templates/layouts/base.html", `<i id="bakgrund"></i>`
	b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(rel)))
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	if strings.Contains(text, tag) {
		write(t, root, rel, strings.Replace(text, tag, "", 1))
		return "frame id taken away", []string{rel}
	}
	if !strings.Contains(text, `<main id="main"`) {
		t.Fatalf("%s has no main element", rel)
	}
	write(t, root, rel, strings.Replace(text, `<main id="main"`, tag+`<main id="main"`, 1))
	return "frame id added", []string{rel}
}

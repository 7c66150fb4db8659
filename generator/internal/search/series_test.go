package search

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"
)

// TestIncrementalSeries updates one kept index again and again (documents
// moved, added, deleted and edited in their place, by Update or Edit,
// drawn at random), and after each update compares every file with the
// index Build makes of the same documents: the postings each word keeps
// encoded (posted.encoded) must be encoded again whenever an update
// changed them, however many updates before kept them, and the scope
// files written with strconv must be those of Build.
func TestIncrementalSeries(t *testing.T) {
	for seed := range uint64(3) {
		t.Run("seed="+strconv.FormatUint(seed, 10), func(t *testing.T) {
			r := rand.New(rand.NewPCG(seed, 7))
			docs, scopes, _, in := kept(t, 120, nil)
			for step := range 12 {
				before, err := Build("sv", docs, scopes, Names{})
				if err != nil {
					t.Fatal(err)
				}
				next, nextScopes, what := docs, scopes, ""
				var wrote []string
				if op := r.IntN(5); op < 3 {
					from := keep(len(docs))
					switch i := r.IntN(len(docs)); op {
					case 0:
						from = slices.Insert(slices.Delete(from, i, i+1), r.IntN(len(docs)), i)
					case 1:
						from = slices.Insert(from, i, -1)
					case 2:
						from = slices.Delete(from, i, i+1)
					}
					what = fmt.Sprint("documents renumbered ", from)
					next, nextScopes = reorder(docs, scopes, from)
					wrote, err = in.Update(slices.Clone(next), from, nil, cloneScopes(nextScopes), Names{})
				} else {
					// A document's words change in its place: by Edit, as
					// serve does for an edit of text, or by Update.
					i := r.IntN(len(docs))
					d := docs[i]
					d.Text = []string{"ändrad " + strconv.Itoa(step) + " ord" + strconv.Itoa(r.IntN(50))}
					next = slices.Clone(docs)
					next[i] = d
					what = fmt.Sprint("document ", i, " edited")
					if op == 3 {
						wrote, err = in.Edit(map[int]Doc{i: d}, Names{})
					} else {
						wrote, err = in.Update(slices.Clone(next), nil, []int{i}, cloneScopes(scopes), Names{})
					}
				}
				if err != nil {
					t.Fatal(err)
				}
				want, err := Build("sv", next, nextScopes, Names{})
				if err != nil {
					t.Fatal(err)
				}
				if sameIndex(t, before, want, in, wrote); t.Failed() {
					t.Fatalf("step %d: %s", step, what)
				}
				docs, scopes = next, nextScopes
			}
		})
	}
}

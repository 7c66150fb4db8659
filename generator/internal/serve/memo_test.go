package serve

import (
	"fmt"
	"testing"
)

// TestInPlaceEditsKeepMemoBounded saves a record's text again and again,
// as an editor whose editor saves every second does: each save is an edit
// in place, which makes the record's list items anew. The items kept for
// the lists (render.Memo) must not grow with the number of saves.
func TestInPlaceEditsKeepMemoBounded(t *testing.T) {
	root := fixture(t)
	e := newTestEngine(t, root)
	const rec = "content/theses/energidata.md"
	text := "Vi söker"
	save := func(i int) {
		t.Helper()
		next := fmt.Sprintf("Vi söker (%d)", i)
		edit(t, root, rec, text, next)
		text = next
		if res := mustUpdate(t, e, rec); res.Full || len(res.Errs) > 0 {
			t.Fatalf("save %d: full=%v errs=%v, want an edit in place", i, res.Full, res.Errs)
		}
	}
	save(0)
	kept := e.inc.Memo().Items()
	for i := 1; i <= 20; i++ {
		save(i)
	}
	if got := e.inc.Memo().Items(); got > kept {
		t.Errorf("after 20 more saves %d list item parts are kept, %d after the first", got, kept)
	}
	matchesBuild(t, e, root, "after the saves")
}

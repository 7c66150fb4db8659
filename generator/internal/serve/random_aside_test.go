package serve

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// asideTextEdit makes an edit of text of rel (textEdit) and updates e,
// whose later batches may be written to a full disk (laterWriteFails);
// refused, it is taken back. It says what it did, for the step's name.
func asideTextEdit(t *testing.T, r *rand.Rand, e *engine, disk *fullDisk, root, rel string) string {
	t.Helper()
	before := snapshot(t, root)
	name, paths := textEdit(t, r, root, rel)
	done := fmt.Sprintf("%s of %s", name, rel)
	res, err := e.update(paths)
	switch {
	case err != nil:
		t.Fatal(err)
	case len(res.Errs) > 0:
		finishWrites(t, e)
		restore(t, root, before)
		if res := mustUpdate(t, e, paths...); len(res.Errs) > 0 {
			t.Fatalf("%s: taken back, still %v", done, res.Errs)
		}
		return done + " (refused: " + res.Errs[0].Msg + "; taken back)"
	case r.IntN(2) == 0:
		done += laterWriteFails(t, e, disk, r.IntN(2))
	}
	finishWrites(t, e)
	return done
}

// laterWriteFails writes written of the later batches of the last update
// (engine.finish) and then one more while the disk is full, and has
// serve's loop try again with no file changed: a new model, made from
// the last one, whose outputs are all signed, and written where their
// files differ. It says what it did, for the step's name.
func laterWriteFails(t *testing.T, e *engine, disk *fullDisk, written int) string {
	t.Helper()
	for range written {
		if _, err := e.finish(); err != nil {
			t.Fatal(err)
		}
	}
	if !e.pendingWrites() {
		return ""
	}
	disk.full.Store(true)
	_, err := e.finish()
	disk.full.Store(false)
	if err == nil {
		return fmt.Sprintf(" (later batch %d written to a full disk, with no file changed)", written+1)
	}
	if !errors.Is(err, errFull) {
		t.Fatalf("later batch %d: %v, want %v", written+1, err, errFull)
	}
	if res := mustUpdate(t, e); len(res.Errs) > 0 {
		t.Fatalf("tried again after the disk was full: %v", res.Errs)
	}
	return fmt.Sprintf(" (later batch %d not written, the disk full; tried again)", written+1)
}

// finishWrites writes the batches the last update left for later.
func finishWrites(t *testing.T, e *engine) {
	t.Helper()
	for e.pendingWrites() {
		if _, err := e.finish(); err != nil {
			t.Fatal(err)
		}
	}
}

// textEdit changes the title of rel, or its body at the start (which the
// lists show in the excerpt) or the end: an edit of text alone, which
// the preview applies in place, with no new model (engine.inPlace), as
// it does most of an editor's edits. A record with no title gets a body
// edit.
func textEdit(t *testing.T, r *rand.Rand, root, rel string) (string, []string) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(rel)))
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	name, changed := "body", text+fmt.Sprintf("\nOrd%d och fler ord.\n", r.IntN(50))
	switch op := r.IntN(3); {
	case op == 0 && frontLine("title").MatchString(text):
		name = "title"
		changed = frontLine("title").ReplaceAllLiteralString(text, "title = "+strconv.Quote(fmt.Sprintf("Rubrik %d", r.IntN(100))))
	case op == 1:
		name = "body at the start"
		changed = strings.Replace(text, "\n+++\n", fmt.Sprintf("\n+++\n\nFörst ord%d.\n", r.IntN(50)), 1)
	}
	write(t, root, rel, changed)
	return name, []string{rel}
}

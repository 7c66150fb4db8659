package serve

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"portal/generator/internal/output"
)

// TestPrepareOutLocks expects serve to hold the lock of its -out folder,
// so that a build of the same folder fails instead of swapping it away,
// and to refuse a folder that a build holds.
func TestPrepareOutLocks(t *testing.T) {
	dir := t.TempDir()
	root := filepath.Join(dir, "site")
	os.MkdirAll(filepath.Join(root, "content"), 0o755)
	out := filepath.Join(dir, "preview")
	store, _, done, err := prepareOut(root, out)
	if err != nil {
		t.Fatal(err)
	}
	if store != output.Dir(out) {
		t.Errorf("the store of -out %s: %#v", out, store)
	}
	s := filepath.ToSlash(dir)
	locked := s + "/preview: another build or serve is writing to it (it holds " + s + "/.preview.lock); wait until it has finished"
	if _, err := output.Begin(out); err == nil || err.Error() != locked {
		t.Errorf("a build while serve runs: %v\nwant %s", err, locked)
	}
	if _, _, _, err := prepareOut(root, out); err == nil || err.Error() != "serve: "+locked {
		t.Errorf("a second serve: %v\nwant serve: %s", err, locked)
	}
	done()
	stage, err := output.Begin(out)
	if err != nil {
		t.Fatalf("a build after serve: %v", err)
	}
	stage.Abort()
	if _, _, _, err := prepareOut(root, filepath.Join(root, "content", "x")); err == nil ||
		err.Error() != "serve: -out "+s+"/site/content/x is inside the sources (content); choose a folder outside them" {
		t.Errorf("inside content: %v", err)
	}
}

// TestPrepareOutMemory expects a preview without -out to be kept in
// memory: nothing is written to the disk.
func TestPrepareOutMemory(t *testing.T) {
	store, files, done, err := prepareOut(t.TempDir(), "")
	if err != nil {
		t.Fatal(err)
	}
	defer done()
	m, ok := store.(*output.Memory)
	if !ok || files != fs.FS(m) {
		t.Fatalf("without -out: store %T, files %T; want one *output.Memory", store, files)
	}
}

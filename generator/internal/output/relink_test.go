package output

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"portal/generator/internal/linktest"
)

// TestBeginLocksTheFolderItWrites changes what the output path names
// between Begin's resolving it and its locking it, and expects the lock
// to be that of the folder Begin stages beside and swaps, not of the one
// the path names by then: Begin resolved the path, and Lock resolved it
// again, so that a folder put in place of another by a link in between
// had the lock on one folder and the writes on another, and a second
// build of the first folder could write it at the same time.
func TestBeginLocksTheFolderItWrites(t *testing.T) {
	for _, c := range []struct {
		name   string
		link   bool   // out is a link to "site" to begin with
		folder string // the folder Begin resolves out to, under the test's folder
	}{
		{"the output folder becomes a link", false, "public"},
		{"the folder linked to becomes a link", true, "site"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			out, other := filepath.Join(dir, "public"), filepath.Join(dir, "other")
			for _, d := range []string{filepath.Join(dir, c.folder), other} {
				if err := os.MkdirAll(d, 0o755); err != nil {
					t.Fatal(err)
				}
			}
			if c.link {
				linktest.Symlink(t, filepath.Join(dir, "site"), out)
			}
			folder := filepath.Join(dir, c.folder)
			s, err := beginThen(out, func(resolved string) {
				if resolved != folder {
					t.Errorf("resolved to %s, want %s", resolved, folder)
				}
				// Another program puts a link to another folder in
				// place of the folder resolved.
				if err := os.Rename(resolved, resolved+".moved"); err != nil {
					t.Fatal(err)
				}
				linktest.Symlink(t, other, resolved)
			})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Abort()
			if s.out != folder || s.lock.Folder() != folder {
				t.Errorf("stages for %s, locks %s; want %s for both", s.out, s.lock.Folder(), folder)
			}
			if _, err := os.Lstat(LockFile(other)); !errors.Is(err, fs.ErrNotExist) {
				t.Errorf("Begin made the lock file of the folder linked to since, %s: %v", LockFile(other), err)
			}
			if l, err := lockTarget(folder); !errors.Is(err, ErrLocked) {
				l.Unlock()
				t.Errorf("the lock of %s, which Begin stages for, is free: %v", folder, err)
			}
		})
	}
}

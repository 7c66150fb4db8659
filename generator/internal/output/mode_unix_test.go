//go:build unix

package output

import (
	"io/fs"
	"path/filepath"
	"testing"

	"golang.org/x/sys/unix"
)

// TestModesIgnoreUmask builds under a restrictive umask, and over a
// recycled tree whose files and folders an earlier build made under one:
// every file of the output is 0644 and every folder 0755, so that a web
// server running as another user reads them all, whatever the umask of
// the build or of the builds before it. (Not parallel: the umask is the
// process's.)
func TestModesIgnoreUmask(t *testing.T) {
	files := map[string]string{"index.html": "i", "a/index.html": "a", "a/b/feed.xml": "f"}
	tests := []struct {
		name  string
		build func(t *testing.T, out string)
	}{
		{"new tree, umask 077", func(t *testing.T, out string) {
			withUmask(t, 0o077, func() { publish(t, out, files, true) })
		}},
		{"recycled tree made under umask 077, unchanged files", func(t *testing.T, out string) {
			withUmask(t, 0o077, func() {
				publish(t, out, files, true)
				publish(t, out, files, true)
			})
			publish(t, out, files, true) // recycles the first tree
		}},
		{"recycled tree made under umask 077, without Expect", func(t *testing.T, out string) {
			withUmask(t, 0o077, func() {
				publish(t, out, files, false)
				publish(t, out, files, false)
			})
			publish(t, out, files, false)
		}},
		{"Replace, umask 077", func(t *testing.T, out string) {
			withUmask(t, 0o077, func() {
				for rel, data := range files {
					if err := Replace(out, rel, []byte(data)); err != nil {
						t.Fatal(err)
					}
				}
			})
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "public")
			tt.build(t, out)
			filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
				if err != nil {
					t.Fatal(err)
				}
				info, err := d.Info()
				if err != nil {
					t.Fatal(err)
				}
				want := fs.FileMode(0o644)
				if d.IsDir() {
					want = fs.ModeDir | 0o755
				}
				if info.Mode() != want {
					t.Errorf("%s: mode %v, want %v", p, info.Mode(), want)
				}
				return nil
			})
		})
	}
}

// withUmask runs f with the process's umask set to mask.
func withUmask(t *testing.T, mask int, f func()) {
	t.Helper()
	old := unix.Umask(mask)
	defer unix.Umask(old)
	f()
}

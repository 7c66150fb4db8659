package output

import (
	"errors"
	"maps"
	"os"
	"path/filepath"
	"testing"

	"portal/generator/internal/linktest"
)

// TestOutputIsLink builds into an output folder that is a symbolic link,
// as deployments make public/ one to the folder the web server serves:
// the link stays, the folder it names holds the new tree, build after
// build, and a link to the folder and the folder share one lock. A link
// to nothing is an error, and nothing is written.
func TestOutputIsLink(t *testing.T) {
	v1 := map[string]string{"index.html": "v1", "a/index.html": "a1"}
	v2 := map[string]string{"index.html": "v2", "b/index.html": "b2"}
	tests := []struct {
		name    string
		link    func(dir string) string // the link's target
		wantErr bool
	}{
		{"absolute link", func(dir string) string { return filepath.Join(dir, "srv", "site") }, false},
		{"relative link", func(string) string { return filepath.Join("srv", "site") }, false},
		{"link to nothing", func(dir string) string { return filepath.Join(dir, "gone") }, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			site := filepath.Join(dir, "srv", "site")
			if err := os.MkdirAll(site, 0o755); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(dir, "public")
			linktest.Symlink(t, tt.link(dir), out)
			if tt.wantErr {
				if s, err := Begin(out); err == nil {
					s.Abort()
					t.Fatal("Begin of a link to nothing succeeded")
				}
				if got := readTree(t, dir); !maps.Equal(got, map[string]string{"srv/": "", "srv/site/": "", "public": "-> " + tt.link(dir)}) {
					t.Errorf("a failed Begin left %v", got)
				}
				return
			}
			for _, files := range []map[string]string{v1, v2, v1} {
				publish(t, out, files, true)
				if info, err := os.Lstat(out); err != nil || info.Mode()&os.ModeSymlink == 0 {
					t.Fatalf("%s is no longer a link: %v, %v", out, info, err)
				}
				if got := readTree(t, site); !maps.Equal(got, want(files)) {
					t.Errorf("the folder linked to holds %v, want %v", got, want(files))
				}
			}
			lock, err := Lock(site)
			if err != nil {
				t.Fatal(err)
			}
			defer lock.Unlock()
			if _, err := Lock(out); !errors.Is(err, ErrLocked) {
				t.Errorf("Lock of the link while the folder is locked: %v, want ErrLocked", err)
			}
		})
	}
}

package output

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestReplace writes files into folders that exist and folders that do
// not, and over files that exist: each holds the new bytes with the mode
// a build gives, and no temporary file is left.
func TestReplace(t *testing.T) {
	out := t.TempDir()
	umask := modeOf(t, out, "probe", func(p string) error {
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			return err
		}
		return os.Chmod(p, 0o644) // the umask aside, as a build
	})
	tests := []struct{ rel, data string }{
		{"index.html", "start"},
		{"exjobb/a/b/index.html", "new folders"},
		{"exjobb/a/b/index.html", "replaced"},
		{"exjobb/a/c.json", ""},
	}
	for _, tt := range tests {
		if err := Replace(out, tt.rel, []byte(tt.data)); err != nil {
			t.Fatalf("Replace(%s): %v", tt.rel, err)
		}
		full := filepath.Join(out, filepath.FromSlash(tt.rel))
		got, err := os.ReadFile(full)
		if err != nil || string(got) != tt.data {
			t.Errorf("%s holds %q (%v), want %q", tt.rel, got, err, tt.data)
		}
		if fi, err := os.Stat(full); err != nil || fi.Mode() != umask {
			t.Errorf("%s: mode %v (%v), want %v", tt.rel, fi.Mode(), err, umask)
		}
	}
	var files []string
	filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(out, p)
			files = append(files, filepath.ToSlash(rel))
		}
		return err
	})
	want := []string{"exjobb/a/b/index.html", "exjobb/a/c.json", "index.html", "probe"}
	if !slices.Equal(files, want) {
		t.Errorf("files %v, want %v", files, want)
	}
}

// modeOf is the mode of a file that create makes at dir/name.
func modeOf(t *testing.T, dir, name string, create func(string) error) fs.FileMode {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := create(p); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Mode()
}

// BenchmarkReplace replaces a page of a folder that exists, as an update
// of the preview server does for each output that changed.
func BenchmarkReplace(b *testing.B) {
	out := b.TempDir()
	data := make([]byte, 16<<10)
	if err := Replace(out, "exjobb/a/index.html", data); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if err := Replace(out, "exjobb/a/index.html", data); err != nil {
			b.Fatal(err)
		}
	}
}

package content

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// denied is a file system in which one file is listed but cannot be
// opened, as a file without read permission (which root could read).
type denied struct {
	fs.ReadLinkFS
	name string
}

func (d denied) Open(name string) (fs.File, error) {
	if name == d.name {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return d.ReadLinkFS.Open(name)
}

// TestUnreadableAttachment expects an attachment that cannot be read to
// be an error at its key, found by Load (and so by check), not only when
// the build copies it.
func TestUnreadableAttachment(t *testing.T) {
	root := t.TempDir()
	mustWrite(t, filepath.Join(root, "content", "agreements", "x.md"), agreement(`attachment = "x.pdf"`))
	mustWrite(t, filepath.Join(root, "content", "agreements", "x.pdf"), "%PDF-1.4")
	want := []string{`content/agreements/x.md:9:14: attachment "x.pdf" cannot be read: permission denied`}

	fsys := denied{os.DirFS(root).(fs.ReadLinkFS), "content/agreements/x.pdf"}
	if _, got := load(t, fsys); !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	if os.Getuid() == 0 {
		return // root reads a file without permissions
	}
	if runtime.GOOS == "windows" {
		return // Chmod only makes a file read-only there, and it stays readable
	}
	if err := os.Chmod(filepath.Join(root, "content", "agreements", "x.pdf"), 0); err != nil {
		t.Fatal(err)
	}
	if _, got := load(t, os.DirFS(root)); !slices.Equal(got, want) {
		t.Errorf("without read permission: got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

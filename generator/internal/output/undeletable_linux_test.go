package output

import (
	"errors"
	"maps"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/sys/unix"
)

// TestUndeletableOldFiles puts into the published tree a folder whose
// file the build may not remove (one copied in by hand as another user):
// the build that recycles that tree fails, leaving the output as it was
// and the tree set aside, and the builds after it succeed, instead of
// each recycling the same tree and failing the same way for ever.
func TestUndeletableOldFiles(t *testing.T) {
	v1 := map[string]string{"index.html": "v1"}
	v2 := map[string]string{"index.html": "v2", "a/index.html": "a2"}
	v3 := map[string]string{"index.html": "v3"}
	for _, expect := range []bool{true, false} {
		t.Run(map[bool]string{true: "Expect", false: "no Expect"}[expect], func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "public")
			publish(t, out, v1, expect)
			extra := filepath.Join(out, "extra")
			if err := os.Mkdir(extra, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(extra, "f"), []byte("x"), 0o644); err != nil {
				t.Fatal(err)
			}
			undeletable(t, extra)
			publish(t, out, v2, expect) // the tree with extra/ goes aside
			s, err := Begin(out)        // and is recycled
			if err != nil {
				t.Fatal(err)
			}
			if expect {
				s.Expect([]string{"index.html"})
			}
			if err := s.Write("index.html", []byte("v3")); err != nil {
				t.Fatal(err)
			}
			if err := s.Commit(); err == nil {
				t.Fatal("Commit published a tree holding a file it could not remove")
			}
			if got := readTree(t, out); !maps.Equal(got, want(v2)) {
				t.Errorf("the failed build left %v", got)
			}
			for i, files := range []map[string]string{v3, v1} {
				s, err := Begin(out)
				if err != nil {
					t.Fatal(err)
				}
				if err := s.Write("index.html", []byte(files["index.html"])); err != nil {
					t.Fatal(err)
				}
				if err := s.Commit(); err != nil {
					t.Fatalf("build %d after the failed one: %v", i+1, err)
				}
				if got := readTree(t, out); !maps.Equal(got, want(files)) {
					t.Errorf("build %d after the failed one: %v", i+1, got)
				}
			}
		})
	}
}

// undeletable makes the files of the folder dir impossible to remove:
// read-only for a user, immutable for root (who may remove anything
// else); it undoes that when the test ends.
func undeletable(t *testing.T, dir string) {
	t.Helper()
	if os.Geteuid() != 0 {
		if err := os.Chmod(dir, 0o555); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(dir, 0o755) })
		return
	}
	f, err := os.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	flags, err := unix.IoctlGetInt(int(f.Fd()), unix.FS_IOC_GETFLAGS)
	if err == nil {
		err = unix.IoctlSetPointerInt(int(f.Fd()), unix.FS_IOC_SETFLAGS, flags|fsImmutableFL)
	}
	if errors.Is(err, unix.ENOTTY) || errors.Is(err, unix.EOPNOTSUPP) || errors.Is(err, unix.EINVAL) {
		t.Skipf("the file system of %s has no immutable flag: %v", dir, err)
	}
	if err != nil {
		t.Fatal(err)
	}
	// The folder moves with the trees: undo the flag wherever it is.
	ino := inode(t, dir)
	root := filepath.Dir(filepath.Dir(dir))
	t.Cleanup(func() {
		filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
			if err == nil && d.IsDir() && d.Name() == "extra" && inode(t, p) == ino {
				if f, err := os.Open(p); err == nil {
					unix.IoctlSetPointerInt(int(f.Fd()), unix.FS_IOC_SETFLAGS, flags)
					f.Close()
				}
			}
			return nil
		})
	})
}

func inode(t *testing.T, p string) uint64 {
	var st unix.Stat_t
	if err := unix.Stat(p, &st); err != nil {
		t.Fatal(err)
	}
	return st.Ino
}

// fsImmutableFL is FS_IMMUTABLE_FL of linux/fs.h.
const fsImmutableFL = 0x10

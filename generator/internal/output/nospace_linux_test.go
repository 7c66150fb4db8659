package output

import (
	"errors"
	"maps"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"golang.org/x/sys/unix"
)

// TestDiskFull builds into a small file system that the build fills: the
// write fails with the file's path and "no space left on device", the
// output stays as it was, and the partial staging folder is removed, so
// that the disk has the space it had before the build (other programs
// writing there go on working), with or without an earlier tree to
// recycle.
func TestDiskFull(t *testing.T) {
	v1 := map[string]string{"index.html": "v1", "a/index.html": "a1"}
	tests := []struct {
		name   string
		builds int // builds of v1 before: 2 leave a tree to recycle
	}{
		{"new staging folder", 1},
		{"recycled staging folder", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := unix.Mount("tmpfs", dir, "tmpfs", 0, "size=256k"); err != nil {
				t.Skipf("cannot mount a small file system (root only): %v", err)
			}
			t.Cleanup(func() { unix.Unmount(dir, unix.MNT_DETACH) })
			out := filepath.Join(dir, "public")
			for range tt.builds {
				publish(t, out, v1, true)
			}
			var before unix.Statfs_t
			unix.Statfs(dir, &before)
			s, err := Begin(out)
			if err != nil {
				t.Fatal(err)
			}
			s.Expect([]string{"index.html", "big.json"})
			err = s.Write("index.html", []byte("v2"))
			if err == nil {
				err = s.Write("big.json", []byte(strings.Repeat("x", 1<<20)))
			}
			if !errors.Is(err, syscall.ENOSPC) || !strings.Contains(err.Error(), "big.json: no space left on device") {
				t.Fatalf("Write: %v, want the path of big.json and ENOSPC", err)
			}
			s.Abort()
			if got := readTree(t, out); !maps.Equal(got, want(v1)) {
				t.Errorf("the output holds %v", got)
			}
			if l := leftovers(t, out); len(l) != 0 {
				t.Errorf("staging folders left on the full disk: %v", l)
			}
			var after unix.Statfs_t
			unix.Statfs(dir, &after)
			if after.Bfree < before.Bfree {
				t.Errorf("%d blocks free after the failed build, %d before", after.Bfree, before.Bfree)
			}
		})
	}
}

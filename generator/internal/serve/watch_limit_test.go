//go:build unix

package serve

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"syscall"
	"testing"
	"time"
)

// TestWatcherUnderFileLimit runs the watcher, in a child process limited
// to 256 open files as macOS is by default, on a site of 10,000 records
// in one folder. Built with -tags portable it counts descriptors as kqueue
// spends them, so it must poll that folder; either way it must report an
// edit, a new record and a removed one, and leave the process descriptors
// to read sources and serve clients.
func TestWatcherUnderFileLimit(t *testing.T) {
	if root := os.Getenv("SERVE_LIMIT_ROOT"); root != "" {
		limitedWatcher(t, root)
		return
	}
	if testing.Short() {
		t.Skip("makes 10,000 files")
	}
	root := t.TempDir()
	dir := filepath.Join(root, "content", "theses")
	os.MkdirAll(dir, 0o755)
	os.MkdirAll(filepath.Join(root, "templates"), 0o755)
	write(t, root, "config.toml", "")
	for i := range 10000 {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("r%05d.md", i)), []byte("+++\n+++\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestWatcherUnderFileLimit$", "-test.v")
	cmd.Env = append(os.Environ(), "SERVE_LIMIT_ROOT="+root)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	} else {
		t.Logf("child:\n%s", out)
	}
}

// limitedWatcher is the child process of TestWatcherUnderFileLimit.
func limitedWatcher(t *testing.T, root string) {
	if err := syscall.Setrlimit(syscall.RLIMIT_NOFILE, &syscall.Rlimit{Cur: 256, Max: 256}); err != nil {
		t.Fatal(err)
	}
	wt, err := newWatcher(root, t.Logf)
	if err != nil {
		t.Fatal(err)
	}
	defer wt.close()
	dir := filepath.Join(root, "content", "theses")
	if wt.budget >= 0 && wt.poll.dirs[dir] == nil {
		t.Errorf("a folder of 10,000 files is watched under a budget of %d descriptors", wt.budget)
	}
	wt.every = 50 * time.Millisecond
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	out := make(chan []string, 8)
	go wt.run(ctx, 100*time.Millisecond, 2*time.Second, out)
	time.Sleep(100 * time.Millisecond)

	// Descriptors are left: 64 files open at once.
	var open []*os.File
	for i := range 64 {
		f, err := os.Open(filepath.Join(dir, fmt.Sprintf("r%05d.md", i)))
		if err != nil {
			t.Fatalf("open file %d with the watcher running: %v", i, err)
		}
		open = append(open, f)
	}
	for _, f := range open {
		f.Close()
	}

	for _, c := range []struct {
		change func() error
		want   []string
	}{
		{func() error {
			return os.WriteFile(filepath.Join(dir, "r04711.md"), []byte("+++\ntitle = \"x\"\n+++\n"), 0o644)
		},
			[]string{"content/theses/r04711.md"}},
		{func() error { return os.WriteFile(filepath.Join(dir, "new.md"), []byte("+++\n+++\n"), 0o644) },
			[]string{"content/theses/new.md"}},
		{func() error { return os.Remove(filepath.Join(dir, "r00001.md")) },
			[]string{"content/theses/r00001.md"}},
	} {
		if err := c.change(); err != nil {
			t.Fatal(err)
		}
		batch := receive(t, out)
		// The folder itself changed too: inotify reports it for a new
		// file, polling of the site root's folder may.
		batch = slices.DeleteFunc(batch, func(p string) bool { return p == "content/theses" })
		if !slices.Equal(batch, c.want) {
			t.Errorf("batch %v, want %v", batch, c.want)
		}
	}
	t.Logf("budget %d, %d folders polled", wt.budget, len(wt.poll.dirs))
}

package serve

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"portal/generator/internal/sources"
)

func TestIgnored(t *testing.T) {
	for _, c := range []struct {
		name string
		want bool
	}{
		{"energidata.md", false},
		{"energidata.en.md", false},
		{"2025.md", false},
		{"mou.pdf", false},
		{"base.html", false},
		{".energidata.md.swp", true},
		{".energidata.md.swx", true},
		{"energidata.md~", true},
		{"#energidata.md#", true},
		{".#energidata.md", true},
		{"4913", true},
		{"5036", true},
		{"energidata.md.tmp", true},
		{"energidata.md.kate-swp", true},
		{"energidata.md___jb_tmp___", true},
		{"energidata.md.crswap", true},
		{".goutputstream-ABC123", true},
		{".DS_Store", true},
	} {
		if got := sources.Ignored(c.name, false); got != c.want {
			t.Errorf("sources.Ignored(%q, false) = %v, want %v", c.name, got, c.want)
		}
	}
}

func TestWatcherRel(t *testing.T) {
	root := t.TempDir()
	os.MkdirAll(filepath.Join(root, "content", "theses", "2026"), 0o755)
	wt := &watcher{root: root, seen: map[string]bool{filepath.Join(root, "content", "theses", "2027"): true}}
	for _, c := range []struct{ path, want string }{
		{"config.toml", "config.toml"},
		{"content/theses/x.md", "content/theses/x.md"},
		{"content", "content"},
		{"templates/pages/home.html", "templates/pages/home.html"},
		{"public/index.html", ""},
		{"README.md", ""},
		{"content/theses/.x.md.swp", ""},
		{"content/.git/x", ""},
		{"sub/config.toml", ""},
		// vim's test file is no source, a folder named by a year is
		// (one that exists, or one watched and just removed).
		{"content/theses/4913", ""},
		{"content/theses/2026", "content/theses/2026"},
		{"content/theses/2026/x.md", "content/theses/2026/x.md"},
		{"content/theses/2027", "content/theses/2027"},
	} {
		if got := wt.rel(filepath.Join(root, filepath.FromSlash(c.path))); got != c.want {
			t.Errorf("rel(%s) = %q, want %q", c.path, got, c.want)
		}
	}
}

// TestWatcherDebounces checks that a burst of writes makes one batch, that
// folders made later are watched, and that editor files are left out.
func TestWatcherDebounces(t *testing.T) {
	root := t.TempDir()
	os.MkdirAll(filepath.Join(root, "content", "theses"), 0o755)
	wt, err := newWatcher(root, t.Logf)
	if err != nil {
		t.Fatal(err)
	}
	defer wt.close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	out := make(chan []string, 8)
	go wt.run(ctx, 150*time.Millisecond, 2*time.Second, out)

	for i := range 5 {
		write(t, root, "content/theses/a.md", string(rune('a'+i)))
		write(t, root, "content/theses/.a.md.swp", "swap")
		time.Sleep(10 * time.Millisecond)
	}
	batch := receive(t, out)
	if !slices.Equal(batch, []string{"content/theses/a.md"}) {
		t.Errorf("batch %v", batch)
	}

	os.MkdirAll(filepath.Join(root, "templates", "partials"), 0o755)
	receive(t, out) // the new folders
	time.Sleep(50 * time.Millisecond)
	write(t, root, "templates/partials/x.html", "x")
	if batch = receive(t, out); !slices.Contains(batch, "templates/partials/x.html") {
		t.Errorf("file in a new folder: batch %v", batch)
	}
	select {
	case b := <-out:
		t.Errorf("extra batch %v", b)
	case <-time.After(300 * time.Millisecond):
	}
}

func receive(t *testing.T, ch <-chan []string) []string {
	t.Helper()
	select {
	case b := <-ch:
		slices.Sort(b)
		return b
	case <-time.After(wait):
		t.Fatal("no batch")
	}
	return nil
}

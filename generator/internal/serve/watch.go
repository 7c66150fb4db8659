package serve

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/fsnotify/fsnotify"

	"portal/generator/internal/config"
	"portal/generator/internal/content"
	"portal/generator/internal/render"
	"portal/generator/internal/sources"
)

// watcher reports the source files that changed, in debounced batches:
// config.toml, and everything under content/ and templates/, including
// folders created later. Editors' temporary, backup and swap files are
// ignored, as build and check ignore them (sources.Ignored).
//
// It watches folders, not files. On macOS (kqueue) a watched folder costs
// a descriptor for itself and one for every file in it, and the default
// limit of open files is 256: the watcher then watches folders while
// their descriptors fit in half the limit (see watchBudget, per system)
// and polls the others (see poller), so that serve keeps descriptors for
// its builds and its clients. Linux (inotify) and Windows need no
// descriptor per file and watch every folder; built with the tag
// "portable", Linux counts descriptors as macOS does, which is how the
// polling is tested.
type watcher struct {
	root   string
	w      *fsnotify.Watcher
	logf   func(string, ...any)
	budget int // descriptors left for watched folders; < 0: no limit
	poll   *poller
	every  time.Duration   // how often polled folders are read
	seen   map[string]bool // folders watched or polled
}

func newWatcher(root string, logf func(string, ...any)) (*watcher, error) {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	wt := &watcher{root: root, w: w, logf: logf, budget: watchBudget(), poll: newPoller(), every: 500 * time.Millisecond, seen: map[string]bool{}}
	if err := wt.add(root); err != nil {
		w.Close()
		return nil, err
	}
	for _, dir := range []string{content.Dir, render.Dir} {
		wt.addTree(filepath.Join(root, dir))
	}
	if n := len(wt.poll.dirs); n > 0 {
		what := fmt.Sprintf("%d folders", n)
		if n == 1 {
			what = "1 folder"
		}
		logf("serve: polling %s every %v: watching them would take more open files than the system allows", what, wt.every)
	}
	return wt, nil
}

func (wt *watcher) close() error { return wt.w.Close() }

// addTree watches dir and every folder below it.
func (wt *watcher) addTree(dir string) {
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return nil
		}
		if p != dir && sources.Ignored(d.Name(), true) {
			return filepath.SkipDir
		}
		if err := wt.add(p); err != nil {
			wt.logf("serve: cannot watch %s: %v", p, err)
		}
		return nil
	})
}

// add watches the folder dir, or polls it when watching would take more
// descriptors than are left, or fails for want of them.
func (wt *watcher) add(dir string) error {
	if wt.seen[dir] {
		return nil
	}
	wt.seen[dir] = true
	if wt.budget >= 0 {
		ents, err := os.ReadDir(dir)
		if err != nil {
			return err
		}
		cost := 1 + len(ents)
		if cost > wt.budget {
			return wt.poll.add(dir)
		}
		wt.budget -= cost
	}
	err := wt.w.Add(dir)
	if errors.Is(err, syscall.EMFILE) || errors.Is(err, syscall.ENFILE) {
		return wt.poll.add(dir)
	}
	return err
}

// rel returns the site-root-relative, slash-separated path of an event,
// or "" when the event is not about a source.
func (wt *watcher) rel(name string) string {
	r, err := filepath.Rel(wt.root, name)
	if err != nil || r == "." || strings.HasPrefix(r, "..") {
		return ""
	}
	r = filepath.ToSlash(r)
	top, _, nested := strings.Cut(r, "/")
	switch {
	case !nested && top == config.FileName:
	case top == content.Dir || top == render.Dir:
	default:
		return ""
	}
	parts := strings.Split(r, "/")
	for _, part := range parts[:len(parts)-1] {
		if sources.Ignored(part, true) {
			return ""
		}
	}
	// The last part is a file or a folder (a folder 2026 is a source,
	// vim's test file 4913 is not): a folder that is one now, or that
	// was watched (one just removed).
	if last := parts[len(parts)-1]; sources.Ignored(last, true) ||
		sources.Ignored(last, false) && !wt.seen[name] && !isDir(name) {
		return ""
	}
	return r
}

// isDir reports whether name is a folder.
func isDir(name string) bool {
	info, err := os.Stat(name)
	return err == nil && info.IsDir()
}

// run sends batches of changed paths to out until ctx is done. A batch is
// sent when no event came for quiet, or at the latest after maxWait.
func (wt *watcher) run(ctx context.Context, quiet, maxWait time.Duration, out chan<- []string) {
	pending := map[string]bool{}
	var first time.Time
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	tick := time.NewTicker(wt.every)
	defer tick.Stop()
	flush := func() {
		if len(pending) == 0 {
			return
		}
		batch := slices.Collect(maps.Keys(pending))
		clear(pending)
		select {
		case out <- batch:
		case <-ctx.Done():
		}
	}
	// note adds the file name to the batch; a folder that may be new is
	// watched with everything below it.
	note := func(name string, created bool) {
		r := wt.rel(name)
		if r == "" {
			return
		}
		if created && isDir(name) {
			wt.addTree(name) // files made in it before the watch are found by the rebuild
		}
		if len(pending) == 0 {
			first = time.Now()
		}
		pending[r] = true
		wait := quiet
		if left := maxWait - time.Since(first); left < wait {
			wait = max(left, 0)
		}
		timer.Reset(wait)
	}
	for {
		select {
		case <-ctx.Done():
			timer.Stop()
			return
		case err, ok := <-wt.w.Errors:
			if !ok {
				return
			}
			wt.logf("serve: watching: %v", err)
		case ev, ok := <-wt.w.Events:
			if !ok {
				return
			}
			note(ev.Name, ev.Has(fsnotify.Create))
		case <-tick.C:
			for _, name := range wt.poll.scan() {
				note(name, true)
			}
		case <-timer.C:
			flush()
		}
	}
}

package serve

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
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
// ignored.
type watcher struct {
	root string
	w    *fsnotify.Watcher
	logf func(string, ...any)
}

func newWatcher(root string, logf func(string, ...any)) (*watcher, error) {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	wt := &watcher{root: root, w: w, logf: logf}
	if err := w.Add(root); err != nil {
		w.Close()
		return nil, err
	}
	for _, dir := range []string{content.Dir, render.Dir} {
		wt.addTree(filepath.Join(root, dir))
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
		if p != dir && ignored(d.Name()) {
			return filepath.SkipDir
		}
		if err := wt.w.Add(p); err != nil {
			wt.logf("serve: cannot watch %s: %v", p, err)
		}
		return nil
	})
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
	for _, part := range strings.Split(r, "/") {
		if ignored(part) {
			return ""
		}
	}
	return r
}

// run sends batches of changed paths to out until ctx is done. A batch is
// sent when no event came for quiet, or at the latest after maxWait.
func (wt *watcher) run(ctx context.Context, quiet, maxWait time.Duration, out chan<- []string) {
	pending := map[string]bool{}
	var first time.Time
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	flush := func() {
		if len(pending) == 0 {
			return
		}
		batch := make([]string, 0, len(pending))
		for p := range pending {
			batch = append(batch, p)
		}
		clear(pending)
		select {
		case out <- batch:
		case <-ctx.Done():
		}
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
			r := wt.rel(ev.Name)
			if r == "" {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
					wt.addTree(ev.Name) // files made in it before the watch are found by the rebuild
				}
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
		case <-timer.C:
			flush()
		}
	}
}

// ignored reports names editors, tools and desktops make beside the
// files they save, which build and check ignore too (sources.Ignored):
// hidden files, backups, swap and temporary files, Thumbs.db, ~$ locks.
func ignored(name string) bool { return sources.Ignored(name) }

package serve

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"portal/generator/internal/cpuclock"
	"portal/generator/internal/site"
)

// corpusSize is the number of records of the benchmark corpus.
const corpusSize = 10000

// benchSite makes a site root with the repository's config.toml and
// templates/ and a synthetic corpus made by the shared corpus tool
// (mkcorpus.py; PORTAL_MKCORPUS overrides its path). The corpus is made
// once and kept in the temporary folder, since the tool is slow.
func benchSite(b *testing.B) string {
	b.Helper()
	tool := os.Getenv("PORTAL_MKCORPUS")
	if tool == "" {
		tool = filepath.Join("..", "..", "..", "..", "shared", "bench", "mkcorpus.py") // ../shared from the project root
	}
	python, err := exec.LookPath("python3")
	if err != nil {
		b.Skip("python3 not found; the corpus tool needs it")
	}
	if _, err := os.Stat(tool); err != nil {
		b.Skipf("corpus tool %s not found (set PORTAL_MKCORPUS)", tool)
	}
	repo, err := filepath.Abs("../../..")
	if err != nil {
		b.Fatal(err)
	}
	cfg := filepath.Join(repo, "config.toml")
	if _, err := os.Stat(filepath.Join(repo, "templates", "layouts")); err != nil {
		b.Skip("templates/ not present")
	}
	cache := filepath.Join(os.TempDir(), fmt.Sprintf("portal-bench-corpus-%d", corpusSize))
	if _, err := os.Stat(filepath.Join(cache, ".complete")); err != nil {
		os.RemoveAll(cache)
		b.Logf("making a %d-record corpus in %s", corpusSize, cache)
		cmd := exec.Command(python, tool, filepath.Join(cache, "content"), fmt.Sprint(corpusSize), "--config", cfg)
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("%s: %v\n%s", tool, err, out)
		}
		if err := os.WriteFile(filepath.Join(cache, ".complete"), nil, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	root := b.TempDir()
	copyTree(b, filepath.Join(cache, "content"), filepath.Join(root, "content"))
	copyTree(b, filepath.Join(repo, "templates"), filepath.Join(root, "templates"))
	data, err := os.ReadFile(cfg)
	if err != nil {
		b.Fatal(err)
	}
	write(b, root, "config.toml", string(data))
	return root
}

// firstThesis is a record of the corpus to edit.
func firstThesis(b *testing.B, root string) string {
	ents, err := os.ReadDir(filepath.Join(root, "content", "theses"))
	if err != nil || len(ents) == 0 {
		b.Fatalf("no theses in the corpus: %v", err)
	}
	return "content/theses/" + ents[0].Name()
}

// newestLecture is the source of the current lecture of the newest date,
// which the calendars, the feeds and the home page show.
func newestLecture(b *testing.B, e *engine) string {
	var best *site.Entry
	for _, ent := range e.site.Current("lectures") {
		if best == nil || ent.Date.After(best.Date) {
			best = ent
		}
	}
	if best == nil {
		b.Fatal("no current lecture in the corpus")
	}
	return best.Own().Path
}

// BenchmarkIncrementalEdit measures, on a 10,000-record corpus, the time
// from a saved edit of a record's text to updated output, calling the
// rebuild directly. ms-page: until the record's own pages are written
// (then the browser showing it is told to reload); ms-pages: until every
// page that shows the record (lists, indexes, home) is written; ms-all:
// until every output that changed is written, the feeds, calendars,
// sitemap and search indexes included. "text" edits the body of a thesis
// (an archived one: no feed shows it), "lecture" that of the newest
// lecture (the feeds and calendars show it). The structural edits,
// which give the site a new model, change a thesis's deadline or areas
// (it moves in its lists, and onto other area pages), a collaboration's
// status (it moves to the archive and back), add a thesis and delete it.
// Each reports the median of its edits, in wall time and in CPU time
// (user and system, of every thread: on the shared machine the wall time
// swings with the other processes' load).
// "end-to-end" goes through a real server: from the write of the file to
// the reload event for its page, fsnotify and the debounce included.
func BenchmarkIncrementalEdit(b *testing.B) {
	root := benchSite(b)
	e := newEngine(os.DirFS(root), b.TempDir(), fixedNow)
	start := time.Now()
	res, err := e.update(nil)
	if err != nil || len(res.Errs) > 0 {
		b.Fatalf("first build: %v %v", err, res.Errs)
	}
	b.Logf("first build: %s, %d files", time.Since(start).Round(time.Millisecond), res.Written)
	rec := firstThesis(b, root)
	orig, err := os.ReadFile(filepath.Join(root, rec))
	if err != nil {
		b.Fatal(err)
	}
	n := 0
	edit := func() {
		n++
		text := strings.Replace(string(orig), "\n+++\n", fmt.Sprintf("\n+++\n\nRedigering %d.\n", n), 1)
		write(b, root, rec, text)
	}
	// ms is the median of the durations, in milliseconds: the shared
	// machine's load makes the mean swing with a single slow edit.
	ms := func(ds []time.Duration) float64 {
		slices.Sort(ds)
		return float64(ds[len(ds)/2].Microseconds()) / 1000
	}
	// textEdits edits the body of the record at rel again and again.
	textEdits := func(rel string) func(b *testing.B) {
		return func(b *testing.B) {
			orig, err := os.ReadFile(filepath.Join(root, rel))
			if err != nil {
				b.Fatal(err)
			}
			defer write(b, root, rel, string(orig))
			var page, pages, all, cpu []time.Duration
			first := true
			for b.Loop() {
				b.StopTimer()
				n++
				write(b, root, rel, strings.Replace(string(orig), "\n+++\n", fmt.Sprintf("\n+++\n\nRedigering %d.\n", n), 1))
				b.StartTimer()
				t0, c0 := time.Now(), cpuclock.Now()
				res, err := e.update([]string{rel})
				if err != nil || len(res.Errs) > 0 || res.Full {
					b.Fatalf("update: %v %v full=%v", err, res.Errs, res.Full)
				}
				page = append(page, time.Since(t0))
				written := [][]string{res.Changed}
				for i := 0; e.pendingWrites(); i++ {
					later, err := e.finish()
					if err != nil {
						b.Fatal(err)
					}
					if i == 0 {
						pages = append(pages, time.Since(t0))
					}
					written = append(written, later.Changed)
				}
				all, cpu = append(all, time.Since(t0)), append(cpu, cpuclock.Since(c0))
				if first {
					first = false
					b.Logf("one edit wrote, batch by batch: %v", written)
				}
			}
			b.ReportMetric(ms(page), "ms-page-median")
			b.ReportMetric(ms(pages), "ms-pages-median")
			b.ReportMetric(ms(all), "ms-all-median")
			b.ReportMetric(ms(cpu), "cpu-ms-all-median")
		}
	}
	b.Run("text", textEdits(rec))
	b.Run("lecture", textEdits(newestLecture(b, e)))

	// structural times the edits of a record that change its place in
	// the site: step(i) makes the i-th change to the sources and returns
	// the path it changed and whether it is to be timed (an untimed step
	// undoes a timed one).
	structural := func(step func(i int) (string, bool)) func(b *testing.B) {
		return func(b *testing.B) {
			var all, cpu []time.Duration
			for i := 0; b.Loop(); i++ {
				b.StopTimer()
				rel, timed := step(i)
				if !timed {
					if res, err := e.update([]string{rel}); err != nil || len(res.Errs) > 0 {
						b.Fatalf("update: %v %v", err, res.Errs)
					}
					rel, _ = step(i)
				}
				b.StartTimer()
				t0, c0 := time.Now(), cpuclock.Now()
				res, err := e.update([]string{rel})
				if err != nil || len(res.Errs) > 0 || !res.Full {
					b.Fatalf("update: %v %v full=%v", err, res.Errs, res.Full)
				}
				all, cpu = append(all, time.Since(t0)), append(cpu, cpuclock.Since(c0))
				if len(all) <= 2 {
					b.Logf("edit %d wrote %d files, removed %d", i, res.Written, res.Removed)
				}
			}
			b.ReportMetric(ms(all), "ms-all-median")
			b.ReportMetric(ms(cpu), "cpu-ms-all-median")
		}
	}
	// replace writes the record at rel with old replaced by new.
	replace := func(rel, text, old, new string) string {
		if !strings.Contains(text, old) {
			b.Fatalf("%s has no %q", rel, old)
		}
		write(b, root, rel, strings.Replace(text, old, new, 1))
		return rel
	}
	// "deadline" moves a thesis in the list of open theses, a year on and
	// back (the first edit opens it, untimed).
	b.Run("deadline", func() func(b *testing.B) {
		year := func(i int) string { return fmt.Sprintf("deadline = %d-", 2027+i%2) }
		replace(rec, string(orig), "deadline = 2026-", year(1))
		if _, err := e.update([]string{rec}); err != nil {
			b.Fatal(err)
		}
		return structural(func(i int) (string, bool) {
			return replace(rec, string(orig), "deadline = 2026-", year(i)), true
		})
	}())
	// "area" gives the thesis one area and another, in turn.
	areas := e.cfg.Areas.Terms
	b.Run("area", structural(func(i int) (string, bool) {
		text, _, _ := strings.Cut(string(orig), "\nareas = ")
		_, rest, _ := strings.Cut(string(orig), "\nareas = ")
		_, rest, _ = strings.Cut(rest, "\n")
		return replace(rec, text+"\n"+rest, "\n+++\n", fmt.Sprintf("\nareas = [%q]\n+++\n", areas[i%2].Key)), true
	}))
	write(b, root, rec, string(orig))
	if _, err := e.update([]string{rec}); err != nil {
		b.Fatal(err)
	}
	// "status" completes an active collaboration and makes it active again.
	collab := activeCollaboration(b, root)
	corig, err := os.ReadFile(filepath.Join(root, collab))
	if err != nil {
		b.Fatal(err)
	}
	b.Run("status", structural(func(i int) (string, bool) {
		if i%2 == 0 {
			return replace(collab, string(corig), `status = "active"`, `status = "completed"`), true
		}
		write(b, root, collab, string(corig))
		return collab, true
	}))
	write(b, root, collab, string(corig))
	if _, err := e.update([]string{collab}); err != nil {
		b.Fatal(err)
	}
	// "new" adds a thesis (timed), "deleted" deletes it (timed); each
	// undoes the other untimed.
	added := "content/theses/zz-bench-new.md"
	add := func() string { write(b, root, added, string(orig)); return added }
	del := func() string {
		if err := os.Remove(filepath.Join(root, added)); err != nil {
			b.Fatal(err)
		}
		return added
	}
	exists := func() bool { _, err := os.Stat(filepath.Join(root, added)); return err == nil }
	b.Run("new", structural(func(int) (string, bool) {
		if exists() {
			return del(), false
		}
		return add(), true
	}))
	b.Run("deleted", structural(func(int) (string, bool) {
		if !exists() {
			return add(), false
		}
		return del(), true
	}))
	if exists() {
		del()
		if _, err := e.update([]string{added}); err != nil {
			b.Fatal(err)
		}
	}

	b.Run("end-to-end", func(b *testing.B) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		write(b, root, rec, string(orig))
		ready := make(chan string, 1)
		done := make(chan error, 1)
		go func() {
			done <- Run(ctx, Options{Root: root, Addr: "127.0.0.1:0", Now: fixedNow, Debounce: 20 * time.Millisecond,
				Ready: func(addr string) { ready <- addr }})
		}()
		var addr string
		select {
		case addr = <-ready:
		case err := <-done:
			b.Fatal(err)
		}
		r := &running{base: "http://" + addr}
		ev := r.events(b)
		url := "/exjobb/" + strings.TrimSuffix(filepath.Base(rec), ".md") + "/"
		b.ResetTimer()
		for b.Loop() {
			edit()
			for {
				got := <-ev
				if paths, _ := got.Data["paths"].([]any); got.Name == "reload" && contains(paths, url) {
					break
				}
			}
			b.StopTimer()
			// Let the feeds and the search index follow before the next edit.
			for got := range ev {
				if paths, _ := got.Data["paths"].([]any); got.Name == "reload" && containsPrefix(paths, "/search/") {
					break
				}
			}
			b.StartTimer()
		}
		b.StopTimer()
		cancel()
		<-done
	})
}

// activeCollaboration is the source of an active collaboration.
func activeCollaboration(b *testing.B, root string) string {
	ents, err := os.ReadDir(filepath.Join(root, "content", "collaborations"))
	if err != nil {
		b.Fatal(err)
	}
	for _, ent := range ents {
		rel := "content/collaborations/" + ent.Name()
		if data, err := os.ReadFile(filepath.Join(root, rel)); err == nil && strings.Contains(string(data), `status = "active"`) {
			return rel
		}
	}
	b.Fatal("no active collaboration in the corpus")
	return ""
}

func contains(paths []any, p string) bool {
	for _, x := range paths {
		if x == p {
			return true
		}
	}
	return false
}

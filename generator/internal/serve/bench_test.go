package serve

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"portal/generator/internal/cpuclock"
	"portal/generator/internal/output"
	"portal/generator/internal/site"
)

// corpusSize is the number of records of the benchmark corpus: 10,000,
// or PORTAL_BENCH_RECORDS (the preview of a large site: 100000).
func corpusSize(b *testing.B) int {
	s := os.Getenv("PORTAL_BENCH_RECORDS")
	if s == "" {
		return 10000
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		b.Fatalf("PORTAL_BENCH_RECORDS=%q: want a positive number", s)
	}
	return n
}

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
	size := corpusSize(b)
	cache := filepath.Join(os.TempDir(), fmt.Sprintf("portal-bench-corpus-%d", size))
	if _, err := os.Stat(filepath.Join(cache, ".complete")); err != nil {
		os.RemoveAll(cache)
		b.Logf("making a %d-record corpus in %s", size, cache)
		cmd := exec.Command(python, tool, filepath.Join(cache, "content"), fmt.Sprint(size), "--config", cfg)
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

// BenchmarkIncrementalEdit measures, on a 10,000-record corpus (or
// PORTAL_BENCH_RECORDS records), the time from a saved edit of a
// record's text to updated output, calling the rebuild directly.
// ms-page: until the record's own pages are written (then the browser
// showing it is told to reload); ms-pages: until every
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
	be := &benchEdits{e: newEngine(os.DirFS(root), output.NewMemory(), fixedNow), root: root}
	start := time.Now()
	res, err := be.e.update(nil)
	if err != nil || len(res.Errs) > 0 {
		b.Fatalf("first build: %v %v", err, res.Errs)
	}
	b.Logf("first build: %s, %d files", time.Since(start).Round(time.Millisecond), res.Written)
	rec := firstThesis(b, root)
	orig, err := os.ReadFile(filepath.Join(root, rec))
	if err != nil {
		b.Fatal(err)
	}
	b.Run("text", be.text(rec))
	b.Run("lecture", be.text(newestLecture(b, be.e)))
	be.moves(b, rec, string(orig))
	be.addDelete(b, string(orig))
	b.Run("broken", be.broken(rec, string(orig)))
	b.Run("end-to-end", be.endToEnd(rec, string(orig)))
}

// benchEdits are the edits of BenchmarkIncrementalEdit, made to the
// sources under root and brought to the engine e.
type benchEdits struct {
	e    *engine
	root string
	n    int // edits of text made, numbering the texts written
}

// median is the median of the durations, in milliseconds: the shared
// machine's load makes the mean swing with a single slow edit.
func median(ds []time.Duration) float64 {
	slices.Sort(ds)
	return float64(ds[len(ds)/2].Microseconds()) / 1000
}

// edited is the text of a record with its n-th edit of text.
func edited(text string, n int) string {
	return strings.Replace(text, "\n+++\n", fmt.Sprintf("\n+++\n\nRedigering %d.\n", n), 1)
}

// update brings the engine up to an untimed change of rel, every batch
// written.
func (be *benchEdits) update(b *testing.B, rel string) {
	b.Helper()
	if res, err := be.e.update([]string{rel}); err != nil || len(res.Errs) > 0 {
		b.Fatalf("update: %v %v", err, res.Errs)
	}
	for be.e.pendingWrites() {
		if _, err := be.e.finish(); err != nil {
			b.Fatal(err)
		}
	}
}

// replace writes the record at rel as text with old replaced by new.
func (be *benchEdits) replace(b *testing.B, rel, text, old, new string) string {
	b.Helper()
	if !strings.Contains(text, old) {
		b.Fatalf("%s has no %q", rel, old)
	}
	write(b, be.root, rel, strings.Replace(text, old, new, 1))
	return rel
}

// text edits the body of the record at rel again and again.
func (be *benchEdits) text(rel string) func(b *testing.B) {
	return func(b *testing.B) {
		orig, err := os.ReadFile(filepath.Join(be.root, rel))
		if err != nil {
			b.Fatal(err)
		}
		defer write(b, be.root, rel, string(orig))
		var page, pages, all, cpu []time.Duration
		for b.Loop() {
			b.StopTimer()
			be.n++
			write(b, be.root, rel, edited(string(orig), be.n))
			b.StartTimer()
			t0, c0 := time.Now(), cpuclock.Now()
			var written [][]string
			// Labelled for a CPU profile: -tagfocus edit=text or edit=lecture.
			pprof.Do(context.Background(), pprof.Labels("edit", path.Base(b.Name())), func(context.Context) {
				res, err := be.e.update([]string{rel})
				if err != nil || len(res.Errs) > 0 || res.Full {
					b.Fatalf("update: %v %v full=%v", err, res.Errs, res.Full)
				}
				page = append(page, time.Since(t0))
				written = append(written, res.Changed)
				for i := 0; be.e.pendingWrites(); i++ {
					later, err := be.e.finish()
					if err != nil {
						b.Fatal(err)
					}
					if i == 0 {
						pages = append(pages, time.Since(t0))
					}
					written = append(written, later.Changed)
				}
			})
			all, cpu = append(all, time.Since(t0)), append(cpu, cpuclock.Now()-c0)
			if len(all) == 1 {
				b.Logf("one edit wrote, batch by batch: %v", written)
			}
		}
		b.ReportMetric(median(page), "ms-page-median")
		b.ReportMetric(median(pages), "ms-pages-median")
		b.ReportMetric(median(all), "ms-all-median")
		b.ReportMetric(median(cpu), "cpu-ms-all-median")
	}
}

// structural times the edits of a record that change its place in the
// site: step(b, i) makes the i-th change to the sources and returns the
// path it changed and whether it is to be timed (an untimed step undoes a
// timed one; the next step is then made and timed). Like text, it
// reports the time until update returns (the record's own pages written),
// until the first finish (the other pages) and until the last.
func (be *benchEdits) structural(step func(b *testing.B, i int) (string, bool)) func(b *testing.B) {
	return func(b *testing.B) {
		var page, pages, all, cpu []time.Duration
		for i := 0; b.Loop(); i++ {
			b.StopTimer()
			rel, timed := step(b, i)
			if !timed {
				be.update(b, rel)
				rel, _ = step(b, i)
			}
			b.StartTimer()
			t0, c0 := time.Now(), cpuclock.Now()
			var res result
			var err error
			written := []int{0}
			// Labelled for a CPU profile: -tagfocus edit=deadline, and so on.
			pprof.Do(context.Background(), pprof.Labels("edit", path.Base(b.Name())), func(context.Context) {
				if res, err = be.e.update([]string{rel}); err != nil || len(res.Errs) > 0 || !res.Full {
					return
				}
				page, written[0] = append(page, time.Since(t0)), res.Written+res.Removed
				for j := 0; be.e.pendingWrites() && err == nil; j++ {
					var later result
					later, err = be.e.finish()
					if j == 0 {
						pages = append(pages, time.Since(t0))
					}
					written = append(written, later.Written+later.Removed)
				}
			})
			if err != nil || len(res.Errs) > 0 || !res.Full {
				b.Fatalf("update: %v %v full=%v", err, res.Errs, res.Full)
			}
			all, cpu = append(all, time.Since(t0)), append(cpu, cpuclock.Now()-c0)
			if len(all) <= 2 {
				b.Logf("edit %d wrote or removed, batch by batch: %v files", i, written)
			}
		}
		b.ReportMetric(median(page), "ms-page-median")
		b.ReportMetric(median(pages), "ms-pages-median")
		b.ReportMetric(median(all), "ms-all-median")
		b.ReportMetric(median(cpu), "cpu-ms-all-median")
	}
}

// moves runs the structural edits that move a record: "deadline" moves
// the thesis rec (orig) in the list of open theses, a year on and back
// (the first edit opens it, untimed); "area" gives it one area and
// another, in turn; "status" completes an active collaboration and makes
// it active again. The records are as they were afterwards.
func (be *benchEdits) moves(b *testing.B, rec, orig string) {
	year := func(i int) string { return fmt.Sprintf("deadline = %d-", 2027+i%2) }
	be.replace(b, rec, orig, "deadline = 2026-", year(1))
	be.update(b, rec)
	b.Run("deadline", be.structural(func(b *testing.B, i int) (string, bool) {
		return be.replace(b, rec, orig, "deadline = 2026-", year(i)), true
	}))
	areas := be.e.cfg.Areas.Terms
	head, rest, _ := strings.Cut(orig, "\nareas = ")
	_, rest, _ = strings.Cut(rest, "\n")
	b.Run("area", be.structural(func(b *testing.B, i int) (string, bool) {
		return be.replace(b, rec, head+"\n"+rest, "\n+++\n", fmt.Sprintf("\nareas = [%q]\n+++\n", areas[i%2].Key)), true
	}))
	write(b, be.root, rec, orig)
	be.update(b, rec)
	collab := activeCollaboration(b, be.root)
	corig, err := os.ReadFile(filepath.Join(be.root, collab))
	if err != nil {
		b.Fatal(err)
	}
	b.Run("status", be.structural(func(b *testing.B, i int) (string, bool) {
		if i%2 == 0 {
			return be.replace(b, collab, string(corig), `status = "active"`, `status = "completed"`), true
		}
		write(b, be.root, collab, string(corig))
		return collab, true
	}))
	write(b, be.root, collab, string(corig))
	be.update(b, collab)
}

// addDelete runs the structural edits "new", which adds a thesis (text),
// and "deleted", which deletes it; each undoes the other untimed.
func (be *benchEdits) addDelete(b *testing.B, text string) {
	const added = "content/theses/zz-bench-new.md"
	full := filepath.Join(be.root, added)
	exists := func() bool { _, err := os.Stat(full); return err == nil }
	toggle := func(b *testing.B) string {
		if exists() {
			if err := os.Remove(full); err != nil {
				b.Fatal(err)
			}
		} else {
			write(b, be.root, added, text)
		}
		return added
	}
	b.Run("new", be.structural(func(b *testing.B, _ int) (string, bool) { return toggle(b), exists() }))
	b.Run("deleted", be.structural(func(b *testing.B, _ int) (string, bool) { return toggle(b), !exists() }))
	if exists() {
		toggle(b)
		be.update(b, added)
	}
}

// broken times an edit that breaks the record rec (orig), a list left
// unclosed, until its problem and those between the other records (checkRest)
// are reported; the record is mended, untimed, after each.
func (be *benchEdits) broken(rec, orig string) func(b *testing.B) {
	return func(b *testing.B) {
		var took []time.Duration
		for b.Loop() {
			b.StopTimer()
			be.replace(b, rec, orig, "\nareas = [", "\nareas = [[")
			b.StartTimer()
			t0 := time.Now()
			if res, err := be.e.update([]string{rec}); err != nil || len(res.Errs) == 0 {
				b.Fatalf("update: %v, no problem reported", err)
			}
			took = append(took, time.Since(t0))
			b.StopTimer()
			write(b, be.root, rec, orig)
			be.update(b, rec)
			b.StartTimer()
		}
		b.ReportMetric(median(took), "ms-median")
	}
}

// endToEnd edits the text of rec (orig) through a real server.
func (be *benchEdits) endToEnd(rec, orig string) func(b *testing.B) {
	return func(b *testing.B) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		write(b, be.root, rec, orig)
		ready := make(chan string, 1)
		done := make(chan error, 1)
		go func() {
			done <- Run(ctx, Options{Root: be.root, Addr: "127.0.0.1:0", Now: fixedNow, Debounce: 20 * time.Millisecond,
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
			be.n++
			write(b, be.root, rec, edited(orig, be.n))
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
	}
}

// activeCollaboration is the source of an active collaboration that is
// current at the benchmark's now: its periodEnd, if it has one, is not
// before that day (one whose period has ended is archived whatever its
// status, and completing it would change nothing).
func activeCollaboration(b *testing.B, root string) string {
	ents, err := os.ReadDir(filepath.Join(root, "content", "collaborations"))
	if err != nil {
		b.Fatal(err)
	}
	today := fixedNow().Format(time.DateOnly)
	for _, ent := range ents {
		rel := "content/collaborations/" + ent.Name()
		data, err := os.ReadFile(filepath.Join(root, rel))
		if err != nil || !strings.Contains(string(data), `status = "active"`) {
			continue
		}
		_, end, ended := strings.Cut(string(data), "\nperiodEnd = ")
		if !ended || len(end) >= len(today) && end[:len(today)] >= today {
			return rel
		}
	}
	b.Fatal("no active collaboration current at the benchmark's now in the corpus")
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

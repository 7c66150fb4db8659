package pipeline

import (
	"bytes"
	"context"
	"fmt"
	"hash/maphash"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strconv"
	"testing"
	"time"

	"portal/generator/internal/config"
	"portal/generator/internal/content"
	"portal/generator/internal/cpuclock"
	"portal/generator/internal/markdown"
)

// The benchmarks build a synthetic corpus made by the shared corpus tool
// (../shared/bench/mkcorpus.py; PORTAL_MKCORPUS overrides its path) with
// the repository's config.toml and templates/. PORTAL_BENCH_RECORDS sets
// the number of records (default 2000), PORTAL_BENCH_LANGS the languages
// of every record (default "sv"; "sv,en" adds English translations),
// PORTAL_BENCH_TEMPLATES another templates folder than the repository's.
//
//	go test ./generator/internal/pipeline -run '^$' -bench . -benchmem
//	PORTAL_BENCH_RECORDS=10000 go test ./generator/internal/pipeline -run '^$' -bench Build -benchtime 3x

// cpuClock measures the CPU time (user and system) of the process, which
// on a shared machine says more than the wall time b.Loop reports.
type cpuClock time.Duration

func cpuNow() cpuClock { return cpuClock(cpuclock.Now()) }

// report adds the CPU time per iteration since start as cpu-ms/op.
func (start cpuClock) report(b *testing.B) {
	b.ReportMetric(float64(cpuNow()-start)/1e6/float64(b.N), "cpu-ms/op")
}

// benchNow is the "now" of the benchmark builds, as in compare.sh.
var benchNow = time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)

// benchSite makes a site root in a temporary folder: the repository's
// config.toml and templates/ and a generated content/.
func benchSite(b *testing.B) string {
	b.Helper()
	n := 2000
	if s := os.Getenv("PORTAL_BENCH_RECORDS"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil || n < 1 {
			b.Fatalf("PORTAL_BENCH_RECORDS=%q: want a positive number", s)
		}
	}
	langs := "sv"
	if s := os.Getenv("PORTAL_BENCH_LANGS"); s != "" {
		langs = s
	}
	return corpusSite(b, n, langs)
}

// corpusSite makes a site root in a temporary folder with n generated
// records in langs ("sv" or "sv,en"); it skips tb without the corpus tool.
func corpusSite(tb testing.TB, n int, langs string) string {
	tb.Helper()
	tool := os.Getenv("PORTAL_MKCORPUS")
	if tool == "" {
		tool = filepath.Join("..", "..", "..", "..", "shared", "bench", "mkcorpus.py") // ../shared from the project root
	}
	python, err := exec.LookPath("python3")
	if err != nil {
		tb.Skip("python3 not found; the corpus tool needs it")
	}
	if _, err := os.Stat(tool); err != nil {
		tb.Skipf("corpus tool %s not found (set PORTAL_MKCORPUS)", tool)
	}
	repo, err := filepath.Abs("../../..")
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(repo, "templates", "layouts")); err != nil {
		tb.Skip("templates/ not present")
	}
	root := tb.TempDir()
	cfg := filepath.Join(repo, "config.toml")
	cmd := exec.Command(python, tool, filepath.Join(root, "content"), strconv.Itoa(n), "--config", cfg, "--langs", langs)
	if out, err := cmd.CombinedOutput(); err != nil {
		tb.Fatalf("%s: %v\n%s", tool, err, out)
	}
	templates := filepath.Join(repo, "templates")
	if dir := os.Getenv("PORTAL_BENCH_TEMPLATES"); dir != "" {
		templates = dir // to measure a variant of the templates
	}
	if err := os.CopyFS(filepath.Join(root, "templates"), os.DirFS(templates)); err != nil {
		tb.Fatal(err)
	}
	data, err := os.ReadFile(cfg)
	if err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "config.toml"), data, 0o644); err != nil {
		tb.Fatal(err)
	}
	return root
}

// BenchmarkBuild is the whole build command: load, model, render, write
// and publish, into the same output folder each time (as a deployment
// rebuilds).
func BenchmarkBuild(b *testing.B) {
	root := benchSite(b)
	out := filepath.Join(b.TempDir(), "public")
	fsys := os.DirFS(root)
	var pages, files int
	cpu := cpuNow()
	for b.Loop() {
		l, err := Load(fsys, Options{Now: benchNow})
		if err != nil {
			b.Fatal(err)
		}
		rep, err := l.Write(context.Background(), out)
		if err != nil {
			b.Fatal(err)
		}
		pages, files = rep.Pages, rep.Files
	}
	cpu.report(b)
	b.ReportMetric(float64(pages), "pages")
	b.ReportMetric(float64(files), "files")
}

// BenchmarkLoad is the reading half: config, content, templates, model.
func BenchmarkLoad(b *testing.B) {
	root := benchSite(b)
	fsys := os.DirFS(root)
	cpu := cpuNow()
	for b.Loop() {
		if _, err := Load(fsys, Options{Now: benchNow}); err != nil {
			b.Fatal(err)
		}
	}
	cpu.report(b)
}

// BenchmarkContent is content.Load alone: reading the files, splitting
// and decoding the front matter.
func BenchmarkContent(b *testing.B) {
	root := benchSite(b)
	fsys := os.DirFS(root)
	cfg, err := config.Load(fsys)
	if err != nil {
		b.Fatal(err)
	}
	cpu := cpuNow()
	for b.Loop() {
		if _, err := content.Load(fsys, cfg); err != nil {
			b.Fatal(err)
		}
	}
	cpu.report(b)
}

// BenchmarkMarkdown renders every body of the corpus once per iteration,
// on one goroutine.
func BenchmarkMarkdown(b *testing.B) {
	root := benchSite(b)
	fsys := os.DirFS(root)
	cfg, err := config.Load(fsys)
	if err != nil {
		b.Fatal(err)
	}
	set, err := content.Load(fsys, cfg)
	if err != nil {
		b.Fatal(err)
	}
	md := markdown.New()
	cpu := cpuNow()
	for b.Loop() {
		for _, r := range set.Records {
			for _, v := range r.Versions {
				md.Render(v.Body, v.BodyLine, nil)
			}
		}
	}
	cpu.report(b)
}

// BenchmarkOutputs renders every output of the site into memory, on one
// goroutine, and reports the cost per output of each page type.
func BenchmarkOutputs(b *testing.B) {
	root := benchSite(b)
	l, err := Load(os.DirFS(root), Options{Now: benchNow})
	if err != nil {
		b.Fatal(err)
	}
	// The outputs by group; a group's outputs are made again for every
	// round, since some (the sitemap's files) can be rendered only once.
	keyOf := func(o Output) string {
		switch {
		case o.Page != nil:
			return string(o.Page.Type)
		case filepath.Ext(o.Path) != "":
			return filepath.Ext(o.Path)[1:]
		}
		return "file"
	}
	group := func(key string) []Output {
		var outs []Output
		for _, o := range l.Outputs() {
			if keyOf(o) == key {
				outs = append(outs, o)
			}
		}
		return outs
	}
	count := map[string]int{}
	var order []string
	for _, o := range l.Outputs() {
		if count[keyOf(o)] == 0 {
			order = append(order, keyOf(o))
		}
		count[keyOf(o)]++
	}
	for _, key := range order {
		b.Run(fmt.Sprintf("%s-%d", key, count[key]), func(b *testing.B) {
			var buf bytes.Buffer
			var size int
			cpu := cpuNow()
			for b.Loop() {
				b.StopTimer()
				outs := group(key)
				b.StartTimer()
				size = 0
				for _, o := range outs {
					buf.Reset()
					data, err := o.Bytes(&buf)
					if err != nil {
						b.Fatal(err)
					}
					size += len(data)
				}
			}
			cpu.report(b)
			b.ReportMetric(float64(size)/float64(count[key]), "B/output")
		})
	}
}

// BenchmarkSearchCost is the whole build with the search index ("index")
// and without it ("none": Options.NoSearch, no index and no body words
// kept for it), in turns on the same corpus and output folder, for the
// target that the index adds at most 10% to a build's time and memory.
// Besides the time it reports cpu-ms/op and live-MiB, the largest live
// heap a collection found (sampled every millisecond): what the build's
// peak memory follows, since the build command keeps the runtime's memory
// near twice the live heap (main.governMemory), while the heap in use at
// any moment depends on when the collector last ran.
//
//	PORTAL_BENCH_RECORDS=10000 PORTAL_BENCH_LANGS=sv,en go test ./generator/internal/pipeline -run '^$' -bench SearchCost -benchtime 3x -count 3
func BenchmarkSearchCost(b *testing.B) {
	root := benchSite(b)
	out := filepath.Join(b.TempDir(), "public")
	fsys := os.DirFS(root)
	for _, bc := range []struct {
		name     string
		noSearch bool
	}{{"index", false}, {"none", true}} {
		b.Run(bc.name, func(b *testing.B) {
			runtime.GC()
			peak := heapPeak()
			cpu := cpuNow()
			for b.Loop() {
				l, err := Load(fsys, Options{Now: benchNow, Stream: true, Dir: root, NoSearch: bc.noSearch})
				if err != nil {
					b.Fatal(err)
				}
				if _, err := l.Write(context.Background(), out); err != nil {
					b.Fatal(err)
				}
			}
			cpu.report(b)
			b.ReportMetric(float64(peak())/(1<<20), "live-MiB")
		})
	}
}

// heapPeak samples the live heap (as of the last collection) every
// millisecond until the function it returns is called, which stops it and
// returns the most seen.
func heapPeak() func() uint64 {
	stop, done := make(chan struct{}), make(chan uint64)
	go func() {
		s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		var most uint64
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(s)
			most = max(most, s[0].Value.Uint64())
			select {
			case <-stop:
				done <- most
				return
			case <-t.C:
			}
		}
	}()
	return func() uint64 {
		close(stop)
		return <-done
	}
}

// BenchmarkSign signs every output of the site, as the incremental layer
// does after an edit that builds a new model: the entries, the global
// part and each output (sign.go).
func BenchmarkSign(b *testing.B) {
	root := benchSite(b)
	l, err := Load(os.DirFS(root), Options{Now: benchNow})
	if err != nil {
		b.Fatal(err)
	}
	outs := l.Outputs()
	seed := maphash.MakeSeed()
	for b.Loop() {
		sg := newSigner(l.Site, 1, seed, nil)
		for i := range outs {
			var dep deps
			sg.output(&outs[i], &dep)
		}
	}
	b.ReportMetric(float64(len(outs)), "outputs")
}

// BenchmarkSignAgain signs every output of the site with the sums of the
// pages' data kept from the last signer of the same site (pagememo.go),
// as the incremental layer does for the pages a structural edit's new
// model took over: a new signer made from the last, each output signed.
func BenchmarkSignAgain(b *testing.B) {
	root := benchSite(b)
	l, err := Load(os.DirFS(root), Options{Now: benchNow})
	if err != nil {
		b.Fatal(err)
	}
	outs := l.Outputs()
	seed, memo := maphash.MakeSeed(), newPageMemo()
	var sg *signer
	signAll := func() {
		memo.next(l.Site.Pages)
		sg = newSigner(l.Site, 1, seed, sg)
		sg.memo = memo
		for i := range outs {
			var dep deps
			sg.output(&outs[i], &dep)
		}
	}
	signAll()
	for b.Loop() {
		signAll()
	}
	b.ReportMetric(float64(len(outs)), "outputs")
}

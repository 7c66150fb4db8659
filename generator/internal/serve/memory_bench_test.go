package serve

import (
	"os"
	"runtime"
	"runtime/pprof"
	"testing"
	"time"

	"portal/generator/internal/output"
)

// BenchmarkPreviewMemory measures what the preview holds once its first
// build is written, on the corpus of BenchmarkIncrementalEdit (10,000
// records, or PORTAL_BENCH_RECORDS): the time of the first build and the
// live heap after a collection (the files kept in memory, the rendered
// bodies, the list items, the sources and the model), which the heap
// grows to about twice of between collections. With PORTAL_HEAP_PROFILE
// set to a file name, the heap profile at that moment is written there
// (go tool pprof -sample_index=inuse_space).
func BenchmarkPreviewMemory(b *testing.B) {
	root := benchSite(b)
	for b.Loop() {
		e := newEngine(os.DirFS(root), output.NewMemory(), fixedNow)
		start := time.Now()
		if res, err := e.update(nil); err != nil || len(res.Errs) > 0 {
			b.Fatalf("first build: %v %v", err, res.Errs)
		}
		for e.pendingWrites() {
			if _, err := e.finish(); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(time.Since(start).Seconds(), "s-first-build")
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		b.ReportMetric(float64(ms.HeapAlloc)/(1<<20), "MiB-live-heap")
		if name := os.Getenv("PORTAL_HEAP_PROFILE"); name != "" {
			f, err := os.Create(name)
			if err != nil {
				b.Fatal(err)
			}
			if err := pprof.WriteHeapProfile(f); err != nil {
				b.Fatal(err)
			}
			f.Close()
		}
		runtime.KeepAlive(e)
	}
}

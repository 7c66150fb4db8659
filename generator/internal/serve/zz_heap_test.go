package serve

import (
	"os"
	"runtime"
	"runtime/pprof"
	"testing"
	"time"

	"portal/generator/internal/output"
)

func BenchmarkZZHeap(b *testing.B) {
	root := benchSite(b)
	e := newEngine(os.DirFS(root), output.NewMemory(), fixedNow)
	t0 := time.Now()
	if _, err := e.update(nil); err != nil {
		b.Fatal(err)
	}
	for e.pendingWrites() {
		if _, err := e.finish(); err != nil {
			b.Fatal(err)
		}
	}
	b.Logf("first: %s", time.Since(t0))
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.Logf("heap in use %d MiB, sys %d MiB", ms.HeapInuse>>20, ms.Sys>>20)
	f, _ := os.Create(os.Getenv("HEAPOUT"))
	pprof.WriteHeapProfile(f)
	f.Close()
	runtime.KeepAlive(e)
}

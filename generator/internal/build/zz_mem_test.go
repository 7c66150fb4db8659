package build

import (
	"context"
	"os"
	"runtime"
	"runtime/pprof"
	"testing"
	"time"
)

func TestZZMem(t *testing.T) {
	root := os.Getenv("ZZ_ROOT")
	if root == "" {
		t.Skip()
	}
	var maxInuse, maxSys uint64
	done := make(chan bool)
	var series []uint64
	go func() {
		var m runtime.MemStats
		var lastGC uint32
		var maxLive uint64
		for {
			select {
			case <-done:
				return
			case <-time.After(5 * time.Millisecond):
			}
			runtime.ReadMemStats(&m)
			maxInuse = max(maxInuse, m.HeapInuse)
			maxSys = max(maxSys, m.Sys-m.HeapReleased)
			if m.NumGC != lastGC {
				lastGC = m.NumGC
				series = append(series, m.HeapAlloc>>20)
				if m.HeapAlloc > maxLive {
					maxLive = m.HeapAlloc
					f, _ := os.Create("/tmp/pb/zzheap.prof")
					pprof.Lookup("heap").WriteTo(f, 0)
					f.Close()
				}
			}
		}
	}()
	l, err := Load(os.DirFS(root), Options{Now: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC), Stream: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := l.Write(context.Background(), os.Getenv("ZZ_OUT")); err != nil {
		t.Fatal(err)
	}
	close(done)
	t.Logf("max heap inuse %d MB, max sys-released %d MB; heap after GCs: %v", maxInuse>>20, maxSys>>20, series)
}

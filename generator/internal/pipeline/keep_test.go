package pipeline

import (
	"context"
	"os"
	"strings"
	"sync"
	"testing"
	"unsafe"

	"portal/generator/internal/output"
)

// keeping is a Memory that remembers the bytes each file was kept with
// (Keep) instead of copied (Put).
type keeping struct {
	*output.Memory
	mu   sync.Mutex
	kept map[string][]byte
}

func (k *keeping) Keep(rel string, data []byte) error {
	k.mu.Lock()
	k.kept[rel] = data
	k.mu.Unlock()
	return k.Memory.Keep(rel, data)
}

// TestSearchFilesKeptOnce expects the preview's memory to keep the search
// index's files as the bytes the index holds (output.Keeper), not a copy
// of them: a site of 10,000 records would hold its index twice.
func TestSearchFilesKeptOnce(t *testing.T) {
	root := siteCopy(t, "testdata/sites/basic")
	l, err := Load(os.DirFS(root), Options{Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	store := &keeping{Memory: output.NewMemory(), kept: map[string][]byte{}}
	in := NewIncremental(store)
	if err := in.build(context.Background(), l, 1); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, lang := range l.Site.Cfg.Languages {
		dir := strings.TrimPrefix(l.Site.SearchDir(lang), "/")
		x := in.cache.search[lang].x.Index()
		for _, p := range x.Layout.Paths() {
			want, err := x.File(p)
			if err != nil {
				t.Fatal(err)
			}
			got, ok := store.kept[dir+p]
			if !ok || unsafe.SliceData(got) != unsafe.SliceData(want) {
				t.Errorf("%s%s: kept %v, or a copy of the index's bytes", dir, p, ok)
			}
			n++
		}
	}
	if n == 0 {
		t.Fatal("no search files")
	}
}

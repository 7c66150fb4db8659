package output

import (
	"fmt"
	"path/filepath"
	"testing"
)

// BenchmarkRebuild builds the same 5,000 pages again and again into one
// output folder, as a build of unchanged sources does: each file is
// compared with the recycled tree's and the previous output's, and none
// is written.
func BenchmarkRebuild(b *testing.B) {
	out := filepath.Join(b.TempDir(), "public")
	paths := make([]string, 5000)
	data := make([]byte, 12<<10)
	for i := range paths {
		paths[i] = fmt.Sprintf("exjobb/p%d/index.html", i)
	}
	build := func() {
		s, err := Begin(out)
		if err != nil {
			b.Fatal(err)
		}
		s.Expect(paths)
		for _, p := range paths {
			if err := s.Write(p, data); err != nil {
				b.Fatal(err)
			}
		}
		if err := s.Commit(); err != nil {
			b.Fatal(err)
		}
	}
	for range 3 { // the recycled tree and the output both hold the pages
		build()
	}
	for b.Loop() {
		build()
	}
}

package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"testing"
)

// TestDefaultPGO: default.pgo, the CPU profile the go command builds the
// portal with (profile-guided optimisation, BENCHMARKS.md "Twenty-ninth
// session"), is a pprof profile of a build and names the functions that
// take most of its time. When one of them is renamed or goes, the
// profile no longer guides the compiler there: make it again as
// BENCHMARKS.md "How to reproduce" says.
func TestDefaultPGO(t *testing.T) {
	f, err := os.Open("default.pgo")
	if err != nil {
		t.Fatalf("no profile to build with: %v", err)
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		t.Fatalf("default.pgo is not a pprof profile (gzip): %v", err)
	}
	raw, err := io.ReadAll(z)
	if err != nil {
		t.Fatalf("default.pgo: %v", err)
	}
	for _, name := range []string{
		"portal/generator/internal/tmplexec.(*execState).walk",
		"portal/generator/internal/markdown.(*Renderer).RenderImages",
		"portal/generator/internal/site.(*Site).RenderBody",
		"portal/generator/internal/output.(*Stage).writeFile",
		"portal/generator/internal/search.collectRange",
		"portal/generator/internal/content.parse",
	} {
		if !bytes.Contains(raw, []byte(name)) {
			t.Errorf("default.pgo has no samples of %s: make it again from a build of the 10,000-record corpus", name)
		}
	}
}

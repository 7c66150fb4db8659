package site

import (
	"fmt"
	"maps"
	"slices"
	"sync"
	"testing"

	"portal/generator/internal/content"
)

// BenchmarkNearRecord is the cost of the "did you mean" of one broken
// link on a site of 10,000 records in one folder, of names alike.
func BenchmarkNearRecord(b *testing.B) {
	s := &Site{bySource: map[string]*Entry{}}
	for i := range 10000 {
		s.bySource[fmt.Sprintf("content/theses/examensarbete-energi-%05d.md", i)] = &Entry{}
	}
	s.sources = sync.OnceValue(func() []string { return slices.Sorted(maps.Keys(s.bySource)) })
	v := &content.Version{Path: "content/lectures/a.md"}
	for b.Loop() {
		s.nearRecord(v, "content/theses/examensarbete-energy-xxxxx.md")
	}
}

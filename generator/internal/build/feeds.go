package build

import (
	"iter"
	"slices"
)

// feeds lists the Atom feeds, calendars, sitemap and robots.txt.
func (l *Loaded) feeds() []Output {
	return nil
}

// sortedMap iterates a map in key order, for deterministic output.
func sortedMap[V any](m map[string]V) iter.Seq2[string, V] {
	return func(yield func(string, V) bool) {
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			if !yield(k, m[k]) {
				return
			}
		}
	}
}

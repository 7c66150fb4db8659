package search

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// benchDocs makes n documents like mkcorpus.py's: a title of 6 words, a
// summary of 20 and a body of about 300 from a vocabulary of 2,000 words
// (some with diacritics), in 7 kinds and 8 areas.
func benchDocs(n int) ([]Doc, []Scope) {
	r := rand.New(rand.NewPCG(1, 2))
	vocab := make([]string, 2000)
	for i := range vocab {
		vocab[i] = fmt.Sprintf("ord%dä%d", i%97, i)
	}
	words := func(k int) string {
		w := make([]string, k)
		for i := range w {
			w[i] = vocab[int(r.ExpFloat64()*300)%len(vocab)]
		}
		return strings.Join(w, " ")
	}
	kinds := []string{"theses", "internships", "lectures", "collaborations", "agreements", "exchanges", "followups"}
	docs := make([]Doc, n)
	scopes := map[string][]int{}
	for i := range docs {
		kind := kinds[i%len(kinds)]
		area := fmt.Sprintf("area-%d", i%8)
		title := words(6)
		docs[i] = Doc{URL: fmt.Sprintf("/%s/rec-%06d/", kind, i), Title: title, Lang: "sv", Kind: kind,
			Closes: "2026-12-01T00:00:00+01:00", Excerpt: words(20), Host: "trafikkontoret", Level: "master",
			Areas: []string{area}, Schools: []string{"abe"}, Languages: []string{"sv"},
			Facts:  [][]string{{"Sista ansökningsdag", "1 december 2026"}, {"Nivå", "Master, 30 hp"}},
			Strong: []string{title, "Trafikkontoret"}, Text: []string{Words(words(300))}}
		scopes["k-"+kind] = append(scopes["k-"+kind], i)
		scopes["a-"+area] = append(scopes["a-"+area], i)
	}
	var out []Scope
	for name, ids := range scopes {
		out = append(out, Scope{name, ids})
	}
	return docs, out
}

// BenchmarkBuild10k builds the index of one language of 10,000 records.
func BenchmarkBuild10k(b *testing.B) {
	docs, scopes := benchDocs(10_000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Build("sv", docs, scopes, Names{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWords reduces 10,000 bodies of 300 words (about the 2,000
// characters the Markdown renderer keeps of a body's text) to their
// distinct words, as the build does for the index.
func BenchmarkWords(b *testing.B) {
	r := rand.New(rand.NewPCG(3, 4))
	bodies := make([]string, 10_000)
	for i := range bodies {
		w := make([]string, 300)
		for j := range w {
			w[j] = fmt.Sprintf("ord%dä%d", j%97, int(r.ExpFloat64()*300)%2000)
			if j%12 == 0 {
				w[j] = "O" + w[j][1:] // a sentence's first word
			}
		}
		bodies[i] = strings.Join(w, " ") + "."
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range bodies {
			Words(s)
		}
	}
}

// BenchmarkUpdateMove10k moves one of 10,000 documents 5,000 places in
// the order and back, as a new deadline does in the preview: the
// documents it passes are renumbered, and with them most term buckets
// and the scopes that hold them.
func BenchmarkUpdateMove10k(b *testing.B) {
	docs, scopes := benchDocs(10_000)
	in, err := NewIncremental("sv", slices.Clone(docs), scopes, Names{})
	if err != nil {
		b.Fatal(err)
	}
	// moved is the order with the document at 1,000 placed at 6,000;
	// from gives each its number in the other order.
	moved := make([]int, len(docs))
	for i := range moved {
		moved[i] = i
	}
	moved = slices.Insert(slices.Delete(moved, 1000, 1001), 6000, 1000)
	back := make([]int, len(docs))
	for i, j := range moved {
		back[j] = i
	}
	order := [2][]int{moved, back}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		from := order[i%2]
		next := make([]Doc, len(docs))
		for k, j := range from {
			next[k] = in.Docs()[j]
		}
		moveScopes := renumbered(scopes, from)
		if _, err := in.Update(next, from, nil, moveScopes, Names{}); err != nil {
			b.Fatal(err)
		}
		scopes = moveScopes
	}
}

// renumbered gives the documents of scopes their numbers in the order
// from (from[new] = old), keeping each scope in the new order.
func renumbered(scopes []Scope, from []int) []Scope {
	to := make([]int, len(from))
	for i, j := range from {
		to[j] = i
	}
	out := make([]Scope, len(scopes))
	for k, s := range scopes {
		ids := make([]int, len(s.Docs))
		for i, d := range s.Docs {
			ids[i] = to[d]
		}
		slices.Sort(ids)
		out[k] = Scope{s.Name, ids}
	}
	return out
}

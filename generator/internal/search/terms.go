package search

import (
	"cmp"
	"maps"
	"runtime"
	"slices"
	"strings"

	"portal/generator/internal/workers"
)

// postings are the documents a word (or prefix) occurs in, ascending, and
// those where it occurs in strong text.
type postings struct{ all, strong []int32 }

func (p *postings) add(doc int32, strong bool) {
	if n := len(p.all); n == 0 || p.all[n-1] != doc {
		p.all = append(p.all, doc)
	}
	if n := len(p.strong); strong && (n == 0 || p.strong[n-1] != doc) {
		p.strong = append(p.strong, doc)
	}
}

// merge appends q, whose documents all come after p's.
func (p *postings) merge(q *postings) {
	p.all = append(p.all, q.all...)
	p.strong = append(p.strong, q.strong...)
}

// word is what collect keeps of a word: its documents, its folded form and
// the unions of the shorter prefixes it adds to.
type word struct {
	p      postings
	fold   string
	unions []*postings
}

// terms are the words of documents by their lowercase spelling, and the
// unions of the words that start with a prefix shorter than Prefix runes,
// by that folded prefix.
type terms struct {
	words  map[string]*word
	unions map[string]*postings
}

// collect gathers the terms of docs: in parallel over ranges of at least
// 1,000 documents, one range per processor, each into maps of its own,
// then merged in the order of the ranges, so that every posting list
// stays ascending.
func collect(docs []Doc) terms {
	n := max(1, min(runtime.GOMAXPROCS(0), len(docs)/1000))
	parts := make([]terms, n)
	workers.For(n, func(k int) {
		parts[k] = collectRange(docs, k*len(docs)/n, (k+1)*len(docs)/n)
	})
	all := parts[0]
	for _, part := range parts[1:] {
		for w, x := range part.words {
			if y := all.words[w]; y != nil {
				y.p.merge(&x.p)
			} else {
				all.words[w] = x
			}
		}
		for k, u := range part.unions {
			if v := all.unions[k]; v != nil {
				v.merge(u)
			} else {
				all.unions[k] = u
			}
		}
	}
	return all
}

// collectRange gathers the terms of docs[lo:hi], numbered from lo.
func collectRange(docs []Doc, lo, hi int) terms {
	f := NewFolder()
	t := terms{words: map[string]*word{}, unions: map[string]*postings{}}
	for i := lo; i < hi; i++ {
		doc := int32(i)
		add := func(texts []string, strong bool) {
			for _, text := range texts {
				eachWord(text, func(w string) {
					x := t.words[w]
					if x == nil {
						// The word's fold and its prefixes are often w
						// itself: a copy, not the document's text, which
						// the kept index would keep alive.
						w = strings.Clone(w)
						x = t.newWord(f.Fold(w))
						t.words[w] = x
					}
					x.p.add(doc, strong)
					for _, u := range x.unions {
						u.add(doc, strong)
					}
				})
			}
		}
		add(docs[i].Strong, true)
		add(docs[i].Text, false)
	}
	return t
}

// newWord is a word folded as fold, with the unions of its short prefixes.
func (t terms) newWord(fold string) *word {
	x := &word{fold: fold}
	for n := 1; n < Prefix && n <= runes(fold); n++ {
		k := prefix(fold, n)
		u := t.unions[k]
		if u == nil {
			u = &postings{}
			t.unions[k] = u
		}
		x.unions = append(x.unions, u)
	}
	return x
}

// Next is how many longer prefixes a bucket lists for a short one.
const Next = 6

// keyed is a word or short prefix with its postings.
type keyed struct {
	key string
	p   *postings
}

// termBucket is what a term bucket holds before it is written.
type termBucket struct{ words, unions []keyed }

// groupTerms sorts the terms into the term buckets of l, and counts the
// next prefixes of the short ones.
func groupTerms(l Layout, t terms) ([]termBucket, prefixCounts) {
	out := make([]termBucket, l.Buckets)
	for w, x := range t.words {
		b := &out[l.bucket(prefix(x.fold, Prefix))]
		b.words = append(b.words, keyed{w, &x.p})
	}
	for k, p := range t.unions {
		b := &out[l.bucket(k)]
		b.unions = append(b.unions, keyed{k, p})
	}
	counts := prefixCounts{}
	for _, x := range t.words {
		counts.add(x.fold, len(x.p.all))
	}
	return out, counts
}

// file is the term bucket's file (appendBucket); top gives the next
// prefixes of a union. It lets go of the postings of the bucket's terms,
// so that they are not all live until every file is written.
func (tb termBucket) file(top func(k string) []string) []byte {
	for _, ts := range [][]keyed{tb.words, tb.unions} {
		slices.SortFunc(ts, func(x, y keyed) int { return strings.Compare(x.key, y.key) })
	}
	b := append(appendBucket(make([]byte, 0, 4096), tb.words, tb.unions, top), '\n')
	for _, e := range tb.words {
		*e.p = postings{}
	}
	for _, e := range tb.unions {
		*e.p = postings{}
	}
	return b
}

// prefixCounts counts, for each prefix shorter than Prefix runes, the
// (word, document) pairs under each prefix one rune longer that words go
// on with: short prefix → longer prefix → pairs.
type prefixCounts map[string]map[string]int

// add adds d (word, document) pairs of the word fold (folded) under its
// prefixes; d is negative for pairs that leave.
func (c prefixCounts) add(fold string, d int) {
	for n := 1; n < Prefix && n < runes(fold); n++ {
		k, q := prefix(fold, n), prefix(fold, n+1)
		m := c[k]
		if m == nil {
			m = map[string]int{}
			c[k] = m
		}
		if m[q] += d; m[q] == 0 {
			delete(m, q)
		}
	}
}

// top lists the prefixes one rune longer than k by their number of
// pairs, most first, then in byte order; at most Next of them.
func (c prefixCounts) top(k string) []string {
	m := c[k]
	ps := slices.Collect(maps.Keys(m))
	slices.SortFunc(ps, func(a, b string) int { return cmp.Or(cmp.Compare(m[b], m[a]), strings.Compare(a, b)) })
	return ps[:min(len(ps), Next)]
}

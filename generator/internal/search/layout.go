package search

import (
	"hash/fnv"
	"math/bits"
	"strconv"
	"unicode/utf8"
)

// Prefix is how many runes of a folded word choose its term bucket. A
// query word of fewer runes is looked up in the union of the words that
// start with it, kept in the bucket of that shorter prefix.
const Prefix = 2

// Layout is the set of files of one language's index. It depends only on
// the number of documents and the names of the scopes, which the build
// knows before it renders any body.
type Layout struct {
	Docs    int
	Buckets int      // term buckets, a power of two
	Chunk   int      // documents per result chunk (r/<n>.json)
	Scopes  []string // names of the scope files, s/<name>.json
}

// NewLayout returns the layout of an index of docs documents: about one
// term bucket per 64 documents, from 8 to 4096, and result chunks of
// about a three-hundredth of the documents, from 8 to 32 (a power of
// two). A small site keeps its result files small, a large one keeps
// their number down. The documents are numbered in the lists' order, so
// the first results of a list are mostly neighbours: a page of 20
// results fetches one or two chunks, at most 20. At 10,000 documents,
// chunks of 32 and buckets of 64 documents cost the phone no more bytes
// for a first result than chunks of 8 and buckets of 16 did, and the
// build a quarter of the files (BENCHMARKS.md).
func NewLayout(docs int, scopes []string) Layout {
	b := pow2(max(docs/64, 8))
	c := pow2(max(docs/300, 8))
	return Layout{Docs: docs, Buckets: min(b, 4096), Chunk: min(c, 32), Scopes: scopes}
}

// LayoutOf is NewLayout for docs documents and scopes.
func LayoutOf(docs int, scopes []Scope) Layout {
	names := make([]string, len(scopes))
	for i, s := range scopes {
		names[i] = s.Name
	}
	return NewLayout(docs, names)
}

// pow2 is the least power of two not below n > 0.
func pow2(n int) int { return 1 << bits.Len(uint(n-1)) }

// Paths are the files of the index, relative to its folder, in a fixed
// order.
func (l Layout) Paths() []string {
	out := []string{"index.json"}
	for i := range l.Buckets {
		out = append(out, bucketPath(i))
	}
	for _, s := range l.Scopes {
		out = append(out, scopePath(s))
	}
	for i := range l.chunks() {
		out = append(out, chunkPath(i))
	}
	return out
}

func (l Layout) chunks() int { return (l.Docs + l.Chunk - 1) / l.Chunk }

// chunk returns the documents of result chunk c of docs.
func (l Layout) chunk(docs []Doc, c int) []Doc {
	return docs[c*l.Chunk : min(len(docs), (c+1)*l.Chunk)]
}

func bucketPath(i int) string        { return "t/" + strconv.Itoa(i) + ".json" }
func chunkPath(i int) string         { return "r/" + strconv.Itoa(i) + ".json" }
func scopePath(s string) string      { return "s/" + s + ".json" }
func (l Layout) mask() uint32        { return uint32(l.Buckets - 1) }
func (l Layout) bucket(p string) int { return int(hash(p) & l.mask()) }

// hash is FNV-1a (32 bits) of the UTF-8 bytes of s; search.js computes
// the same.
func hash(s string) uint32 {
	h := fnv.New32a()
	h.Write([]byte(s))
	return h.Sum32()
}

// prefix returns the first n runes of s, or s when it is shorter.
func prefix(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// runes is the number of runes of s.
func runes(s string) int { return utf8.RuneCountInString(s) }

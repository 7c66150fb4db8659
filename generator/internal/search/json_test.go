package search

import (
	"bytes"
	"testing"
)

// What encoding/json writes of a term bucket and of a result chunk, which
// the files written by hand are compared with.

// bucket is a term bucket as encoding/json writes it: words by their
// lowercase spelling, the unions by their folded prefix, each with its
// two encoded sets; N, the next prefixes of each union that has some.
type bucket struct {
	W map[string][2]string `json:"w"`
	U map[string][2]string `json:"u"`
	N map[string][]string  `json:"n,omitempty"`
}

// encode is p as a term bucket writes it.
func (p *postings) encode() [2]string {
	return [2]string{encodeSet(p.all), encodeSet(p.strong)}
}

// chunkRows are the rows of a result chunk: for each document, its URL,
// title, language, excerpt and facts.
func chunkRows(docs []Doc) [][]any {
	rows := make([][]any, 0, len(docs))
	for _, d := range docs {
		facts := d.Facts
		if facts == nil {
			facts = [][]string{}
		}
		rows = append(rows, []any{d.URL, d.Title, d.Lang, d.Excerpt, facts})
	}
	return rows
}

// TestAppendJSONString compares appendJSONString with marshal.
func TestAppendJSONString(t *testing.T) {
	tests := []struct {
		name, s string
	}{
		{"empty", ""},
		{"plain", "ord0ä1"},
		{"html", "<a href='x'>&amp;</a>"},
		{"quote and backslash", `"Qu\ote"`},
		{"control", "a\x01b\tc\nd\x7f"},
		{"line separators", "a\u2028b\u2029c"},
		{"invalid UTF-8", "a\xffb\xc3"},
		{"astral", "🙂 ß"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want, err := marshal(tt.s)
			if err != nil {
				t.Fatal(err)
			}
			if got := appendJSONString([]byte("x"), tt.s); !bytes.Equal(got, append([]byte("x"), want[:len(want)-1]...)) {
				t.Errorf("appendJSONString(%q) = %s, want x%s", tt.s, got, want)
			}
		})
	}
}

// TestBucketJSON compares appendBucket with marshal of the same bucket.
func TestBucketJSON(t *testing.T) {
	set := func(all ...int32) *posted { return &posted{postings: postings{all: all, strong: all[:len(all)/2]}} }
	many := make([]int32, 300)
	for i := range many {
		many[i] = int32(i * 2)
	}
	tests := []struct {
		name          string
		words, unions []keyedPosted
		next          map[string][]string
	}{
		{"empty", nil, nil, nil},
		{"words only", []keyedPosted{{"zebra", set(3)}, {"apa", set(1, 4)}, {"ärende", set(0, 2, 900)}}, nil, nil},
		{"unions and next", []keyedPosted{{"ab", set(1)}}, []keyedPosted{{"b", set(many...)}, {"a", set(1, 4)}},
			map[string][]string{"a": {"ab", "ac"}}},
		{"escaped keys", []keyedPosted{{`"q\`, set(5)}, {"a\u2028", set(6)}, {"x\x01", set(7)}},
			[]keyedPosted{{"<", set(5)}}, map[string][]string{"<": {"<\"", "<\xff"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := bucket{W: map[string][2]string{}, U: map[string][2]string{}, N: tt.next}
			for _, w := range tt.words {
				want.W[w.key] = w.p.encode()
			}
			for _, u := range tt.unions {
				want.U[u.key] = u.p.encode()
			}
			wb, err := marshal(want)
			if err != nil {
				t.Fatal(err)
			}
			sorted := func(terms []keyedPosted) []keyedPosted {
				l := termList{}
				for _, t := range terms {
					l.add(t.key, t.p)
				}
				return l.sortedTerms()
			}
			got := appendBucket(nil, sorted(tt.words), sorted(tt.unions), func(k string) []string { return tt.next[k] })
			if !bytes.Equal(append(got, '\n'), wb) {
				t.Errorf("appendBucket wrote\n%s\nmarshal writes\n%s", got, wb)
			}
		})
	}
}

// TestChunkFile compares chunkFile with marshal of chunkRows.
func TestChunkFile(t *testing.T) {
	docs, _ := benchDocs(40)
	docs[1].Facts = nil
	docs[2].Facts = [][]string{nil, {}, {"Språk", "engelska", "en"}}
	docs[3].URL, docs[3].Title, docs[3].Excerpt = "/a?b=<c>&d", `"Qu\ote" \u2028`+"\u2028\x01", "a\xffb"
	tests := []struct {
		name string
		docs []Doc
	}{
		{"none", nil},
		{"one", docs[:1]},
		{"odd facts and strings", docs[:4]},
		{"many", docs},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want, err := marshal(chunkRows(tt.docs))
			if err != nil {
				t.Fatal(err)
			}
			if got := chunkFile(tt.docs); !bytes.Equal(got, want) {
				t.Errorf("chunkFile wrote\n%s\nmarshal writes\n%s", got, want)
			}
		})
	}
}

// FuzzJSON compares what the kept index writes by hand with what
// encoding/json writes of the same values (marshal): a string alone, a
// result chunk of a document made of the strings, and a term bucket
// whose words, union and next prefixes are the strings.
func FuzzJSON(f *testing.F) {
	f.Add("/exjobb/a/", "Titel \"ett\"", "Utdrag <b>&</b>", "Språk")
	f.Add("", "\u2028\x01", "a\xffb\xc3", "\\")
	f.Fuzz(func(t *testing.T, url, title, excerpt, fact string) {
		for _, s := range []string{url, title, excerpt, fact} {
			want, err := marshal(s)
			if err != nil {
				t.Fatal(err)
			}
			if got := appendJSONString(nil, s); !bytes.Equal(append(got, '\n'), want) {
				t.Fatalf("appendJSONString(%q) = %s, marshal writes %s", s, got, want)
			}
		}
		docs := []Doc{{URL: url, Title: title, Lang: "sv", Excerpt: excerpt, Facts: [][]string{{fact, title}, nil}}}
		want, err := marshal(chunkRows(docs))
		if err != nil {
			t.Fatal(err)
		}
		if got := chunkFile(docs); !bytes.Equal(got, want) {
			t.Fatalf("chunkFile wrote\n%s\nmarshal writes\n%s", got, want)
		}
		p := &posted{postings: postings{all: []int32{1, 5}, strong: []int32{5}}}
		wb := bucket{W: map[string][2]string{url: p.encode(), title: p.encode()}, U: map[string][2]string{fact: p.encode()},
			N: map[string][]string{fact: {excerpt}}}
		want, err = marshal(wb)
		if err != nil {
			t.Fatal(err)
		}
		words := termList{}
		for k := range wb.W {
			words.add(k, p)
		}
		unions := termList{}
		unions.add(fact, p)
		got := appendBucket(nil, words.sortedTerms(), unions.sortedTerms(), func(k string) []string { return wb.N[k] })
		if !bytes.Equal(append(got, '\n'), want) {
			t.Fatalf("appendBucket wrote\n%s\nmarshal writes\n%s", got, want)
		}
	})
}

// TestBuildFilesJSON compares every term bucket and result chunk Build
// writes with what encoding/json writes of the same values, assembled as
// Build assembled them before it shared the kept index's writers: a map
// of words and one of unions per bucket, and the next prefixes of every
// short prefix counted, in the bucket of that prefix.
func TestBuildFilesJSON(t *testing.T) {
	docs, scopes := benchDocs(3000)
	docs[7].Title, docs[7].Strong = `"Citat" <b>&</b>`, []string{`"citat" \snedstreck\ a`, "é ê ß ǆ"}
	docs[8].Text = []string{"a\u2028b x\x01y ord0ä0"}
	x, err := Build("sv", docs, scopes, Names{})
	if err != nil {
		t.Fatal(err)
	}
	l := x.Layout
	want := make([]bucket, l.Buckets)
	for i := range want {
		want[i] = bucket{W: map[string][2]string{}, U: map[string][2]string{}}
	}
	terms := collect(docs)
	counts := prefixCounts{}
	for w, wd := range terms.words {
		want[l.bucket(prefix(wd.fold, Prefix))].W[w] = wd.p.encode()
		counts.add(wd.fold, len(wd.p.all))
	}
	for k, u := range terms.unions {
		want[l.bucket(k)].U[k] = u.encode()
	}
	for k := range counts {
		if next := counts.top(k); len(next) > 0 {
			b := &want[l.bucket(k)]
			if b.N == nil {
				b.N = map[string][]string{}
			}
			b.N[k] = next
		}
	}
	check := func(path string, v any) {
		t.Helper()
		wb, err := marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		got, err := x.File(path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, wb) {
			t.Errorf("%s: Build wrote\n%.300s\nencoding/json writes\n%.300s", path, got, wb)
		}
	}
	for i, b := range want {
		check(bucketPath(i), b)
	}
	for c := range l.chunks() {
		check(chunkPath(c), chunkRows(l.chunk(docs, c)))
	}
}

package search

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// bucket is what a term bucket's file decodes to.
type bucket struct {
	W map[string][2]string `json:"w"`
	U map[string][2]string `json:"u"`
	N map[string][]string  `json:"n,omitempty"`
}

// refBucket is a term bucket's file as encoding/json writes it: the
// reference of termBucket.encode.
func refBucket(t *testing.T, tb termBucket) []byte {
	b := bucket{W: map[string][2]string{}, U: map[string][2]string{}, N: tb.next}
	for _, e := range tb.words {
		b.W[e.key] = [2]string{string(appendSet(nil, e.p.all)), string(appendSet(nil, e.p.strong))}
	}
	for _, e := range tb.unions {
		b.U[e.key] = [2]string{string(appendSet(nil, e.p.all)), string(appendSet(nil, e.p.strong))}
	}
	data, err := marshal(b)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// refChunk is a result chunk's file as encoding/json writes it.
func refChunk(t *testing.T, docs []Doc) []byte {
	rows := [][]any{}
	for _, d := range docs {
		facts := d.Facts
		if facts == nil {
			facts = [][2]string{}
		}
		rows = append(rows, []any{d.URL, d.Title, d.Lang, d.Excerpt, facts})
	}
	data, err := marshal(rows)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// hard are strings that JSON escapes, or that look as if it might.
var hard = []string{"", "plain", `quote " and \ backslash`, "tab\tnew\nline\rcr", "\b\f\x00\x01\x1f\x7f",
	"<a href='x'>&amp;</a>", "Mälardalen fjärrvärme Łódź ø", "line\u2028para\u2029end", "bad \xff\xfe utf-8 \xe2\x80",
	"emoji 😀 and \u00a0 nbsp", "+/= base64"}

func TestAppendString(t *testing.T) {
	for _, s := range hard {
		want, err := marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		if got := appendString(nil, s); !bytes.Equal(got, bytes.TrimSuffix(want, []byte("\n"))) {
			t.Errorf("appendString(%q) = %s, want %s", s, got, want)
		}
	}
}

// TestEncodeAsJSON checks that the term buckets and result chunks are
// the bytes encoding/json writes for the same values.
func TestEncodeAsJSON(t *testing.T) {
	p := func(all ...int32) *postings { return &postings{all: all, strong: all[:len(all)/2]} }
	var many []keyed
	for i, s := range hard {
		many = append(many, keyed{s, p(int32(i), int32(i+3))})
	}
	buckets := []struct {
		name string
		tb   termBucket
	}{
		{"empty", termBucket{}},
		{"words out of order, unions, next", termBucket{
			words:  []keyed{{"ö", p(0, 1)}, {"energi", p(1, 2, 3, 4, 5, 6, 7, 8, 9)}, {"a", p(7)}},
			unions: []keyed{{"e", p(1, 2)}, {"a", p(7, 7000)}},
			next:   map[string][]string{"e": {"en", "ea"}, "a": {"ab"}}}},
		{"keys JSON escapes", termBucket{words: many}},
	}
	for _, tc := range buckets {
		want := refBucket(t, tc.tb)
		if got := tc.tb.encode(); !bytes.Equal(got, want) {
			t.Errorf("%s: bucket\n%s\nwant\n%s", tc.name, got, want)
		}
	}
	docs := []Doc{{URL: "/a/", Title: "A", Lang: "sv", Excerpt: "x"}}
	for i, s := range hard {
		docs = append(docs, Doc{URL: fmt.Sprintf("/%d/", i), Title: s, Lang: "en", Excerpt: strings.Repeat(s, 3),
			Facts: [][2]string{{"Nivå", s}, {s, "Master"}}})
	}
	for _, ds := range [][]Doc{nil, docs[:1], docs} {
		want := refChunk(t, ds)
		if got := encodeChunk(ds); !bytes.Equal(got, want) {
			t.Errorf("chunk of %d documents\n%s\nwant\n%s", len(ds), got, want)
		}
	}
}

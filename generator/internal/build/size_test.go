package build

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestFeedSize: a kind's feed holds its FeedSize newest records, newest
// first, however many the list has.
func TestFeedSize(t *testing.T) {
	root := siteCopy(t, "")
	mediumSite(t, root, FeedSize+30, 0)
	l, err := Load(os.DirFS(root), Options{Now: leakNow, Stream: true})
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	if _, err := l.Write(context.Background(), out); err != nil {
		t.Fatal(err)
	}
	if n := len(l.Site.Current("theses")); n <= FeedSize {
		t.Fatalf("the list has %d current theses, want more than %d", n, FeedSize)
	}
	data, err := os.ReadFile(filepath.Join(out, "exjobb", "atom.xml"))
	if err != nil {
		t.Fatal(err)
	}
	var feed struct {
		Entries []struct {
			Updated string `xml:"updated"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal(data, &feed); err != nil {
		t.Fatal(err)
	}
	if len(feed.Entries) != FeedSize {
		t.Fatalf("%d entries, want %d", len(feed.Entries), FeedSize)
	}
	// The newest: no record left out is newer than the oldest kept.
	oldest, _ := time.Parse(time.RFC3339, feed.Entries[len(feed.Entries)-1].Updated)
	kept := 0
	for _, e := range l.Site.Current("theses") {
		if e.Date.After(oldest) {
			kept++
		}
	}
	if kept > FeedSize {
		t.Errorf("%d records are newer than the oldest entry of the feed", kept)
	}
}

// TestAppendJSONString: the search index writes its strings as
// encoding/json does without HTML escaping.
func TestAppendJSONString(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	pieces := []string{"a", "\"", "\\", "\b", "\f", "\n", "\r", "\t", "\x00", "\x1f", "\x7f", "<", ">", "&",
		"å", "\u2028", "\u2029", "\xff", "\xe2\x80", "😀", "\u00a0"}
	for i := 0; i < 20000; i++ {
		var s string
		for j := r.Intn(8); j >= 0; j-- {
			s += pieces[r.Intn(len(pieces))]
		}
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(s); err != nil {
			t.Fatal(err)
		}
		want := bytes.TrimSuffix(b.Bytes(), []byte("\n"))
		if got := appendJSONString(nil, s); !bytes.Equal(got, want) {
			t.Fatalf("%q: got %s, want %s", s, got, want)
		}
	}
}

// TestSearchTextCollapse: searchText, which collapses only the start of
// a body, gives what collapsing all of it with strings.Fields gives.
func TestSearchTextCollapse(t *testing.T) {
	plain := func(text, excerpt string, max int) string {
		text = strings.Join(strings.Fields(text), " ")
		if ex := strings.Join(strings.Fields(excerpt), " "); ex != "" {
			text = strings.TrimSpace(strings.TrimPrefix(text, ex))
		}
		return cutWords(text, max)
	}
	r := rand.New(rand.NewSource(1))
	words := []string{"a", "bb", "ccc", "å", "ööö", ".", ",", "  ", "\n", "\t", " ", "x.", "\u00a0", "\u2028",
		"\v", "\f", "\r", "\u0085", "\x85"}
	gen := func(n int) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			b.WriteString(words[r.Intn(len(words))])
		}
		return b.String()
	}
	for i := 0; i < 50000; i++ {
		ex := gen(r.Intn(12))
		text := gen(r.Intn(40))
		if r.Intn(2) == 0 {
			text = ex + text
		}
		max := r.Intn(20)
		if want, got := plain(text, ex, max), searchText(text, ex, max); got != want {
			t.Fatalf("%q after %q, %d: got %q, want %q", text, ex, max, got, want)
		}
	}
}

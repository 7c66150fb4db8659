package pipeline

import (
	"cmp"
	"context"
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"portal/generator/internal/content"
	"portal/generator/internal/site"
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
	// It depends on them alone: an edit of an older record's text leaves
	// it as it is (the preview server does not render it again).
	for _, o := range l.Outputs() {
		if o.Path == "exjobb/atom.xml" && len(o.Deps) != FeedSize {
			t.Errorf("%s depends on %d records, want its %d newest", o.Path, len(o.Deps), FeedSize)
		}
	}
}

// TestNewest: the n newest records, newest first, then by kind and slug,
// are those a sort of every record puts first.
func TestNewest(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2026, 1, d, 0, 0, 0, 0, time.UTC) }
	var es []*site.Entry
	for i := range 40 {
		es = append(es, &site.Entry{Record: &content.Record{Kind: []string{"theses", "lectures"}[i%2], Slug: fmt.Sprintf("r%02d", i*13%40), Date: day(1 + i*7%11)}})
	}
	sortedOf := func(es []*site.Entry) []*site.Entry { // unique by kind and slug
		out := slices.Clone(es)
		slices.SortFunc(out, func(a, b *site.Entry) int {
			return cmp.Or(b.Date.Compare(a.Date), cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.Slug, b.Slug))
		})
		return out
	}
	sorted := sortedOf(es)
	tests := []struct {
		name string
		es   []*site.Entry
		n    int
		want []*site.Entry
	}{
		{"none wanted", es, 0, nil},
		{"no records", nil, 5, []*site.Entry{}},
		{"fewer than n", es[:3], 10, sortedOf(es[:3])},
		{"the newest of many", es, 12, sorted[:12]},
		{"all of them", es, 40, sorted},
		{"one", es, 1, sorted[:1]},
	}
	for _, tt := range tests {
		if got := newestBy(tt.es, tt.n, published); !slices.Equal(got, tt.want) {
			t.Errorf("%s: got %v, want %v", tt.name, got, tt.want)
		}
	}
}

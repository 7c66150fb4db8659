package pipeline

import (
	"context"
	"encoding/xml"
	"os"
	"path/filepath"
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

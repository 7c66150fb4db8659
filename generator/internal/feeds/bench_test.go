package feeds

import (
	"fmt"
	"io"
	"testing"
	"time"
)

func benchFeed(n int) Feed {
	f := basicFeed()
	f.Entries = make([]Entry, n)
	for i := range f.Entries {
		f.Entries[i] = Entry{
			ID:         fmt.Sprintf("tag:samverkan.example.se,2026:theses/projekt-%d", i),
			Title:      fmt.Sprintf("Exjobb %d: energidata & öppna data för staden", i),
			Link:       fmt.Sprintf("https://samverkan.example.se/exjobb/projekt-%d/", i),
			Published:  t0.Add(-time.Duration(i) * time.Hour),
			Updated:    t0.Add(-time.Duration(i) * time.Minute),
			Summary:    "Analysera energidata från stadens fastigheter och föreslå åtgärder <för> att minska förbrukningen.",
			Categories: []string{"Energi", "Data och digitalisering"},
		}
	}
	return f
}

func BenchmarkWriteAtom(b *testing.B) {
	f := benchFeed(1000)
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteAtom(io.Discard, f); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSitemaps(b *testing.B) {
	urls := siteURLs(20000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Sitemaps("https://samverkan.example.se/", urls, SitemapMaxURLs); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSitemapsSplit(b *testing.B) {
	urls := siteURLs(20000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Sitemaps("https://samverkan.example.se/", urls, 5000); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWriteICS(b *testing.B) {
	c := basicCalendar()
	base := c.Events[0]
	c.Events = make([]Event, 500)
	for i := range c.Events {
		e := base
		e.UID = fmt.Sprintf("lectures/l-%d@samverkan.example.se", i)
		e.Start = base.Start.AddDate(0, 0, i)
		e.End = base.End.AddDate(0, 0, i)
		c.Events[i] = e
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteICS(io.Discard, c, stockholm); err != nil {
			b.Fatal(err)
		}
	}
}

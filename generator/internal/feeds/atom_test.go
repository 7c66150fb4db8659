package feeds

import (
	"bytes"
	"cmp"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"portal/generator/internal/feeds/feedtest"
)

var (
	stockholm = mustLoad("Europe/Stockholm")
	t0        = time.Date(2026, 3, 1, 10, 0, 0, 0, stockholm)
)

func mustLoad(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

func basicFeed() Feed {
	return Feed{
		ID:      "https://samverkan.example.se/exjobb/",
		Title:   "Exjobb",
		Lang:    "sv",
		Self:    "https://samverkan.example.se/exjobb/atom.xml",
		Alt:     "https://samverkan.example.se/exjobb/",
		Updated: t0.AddDate(0, 0, 2),
		Author:  "KTH och Stockholms stad",
		Entries: []Entry{
			{
				ID:         "tag:samverkan.example.se,2026:theses/energidata",
				Title:      "Energidata för hela staden",
				Link:       "https://samverkan.example.se/exjobb/energidata/",
				Published:  t0,
				Updated:    t0.AddDate(0, 0, 2),
				Summary:    "Analysera energidata från stadens fastigheter.",
				Categories: []string{"Energi", "Data och digitalisering"},
			},
			{
				ID:        "tag:samverkan.example.se,2026:theses/urban-heat",
				Title:     "Urban heat islands",
				Link:      "https://samverkan.example.se/en/theses/urban-heat/",
				Lang:      "en",
				Published: t0.AddDate(0, 0, -1),
			},
		},
	}
}

func TestWriteAtom(t *testing.T) {
	escaping := basicFeed()
	escaping.Title = `Fish & Chips <b>"quoted" 'single'</b>`
	escaping.Entries = []Entry{{
		ID:         "https://samverkan.example.se/exjobb/a?x=1&y=2",
		Title:      "Ctrl\x00\x01\x08\x0b\x0c\x1b chars\uFFFE\uFFFF and bad \xff utf-8 — kept: tab\there, å",
		Link:       `https://samverkan.example.se/exjobb/a/?q="1"&r=<2>`,
		Updated:    t0,
		Summary:    "a < b && c > d; \"x\" 'y'\nnext line",
		Categories: []string{"R&D", "<tag>", ""},
	}}

	noFeedAuthor := basicFeed()
	noFeedAuthor.Author = ""
	for i := range noFeedAuthor.Entries {
		noFeedAuthor.Entries[i].Author = "Miljöförvaltningen"
	}

	derived := basicFeed()
	derived.Updated = time.Time{}

	tests := []struct {
		name   string
		feed   Feed
		golden string
		check  func(t *testing.T, got feedtest.Feed, raw []byte)
	}{
		{
			name:   "basic",
			feed:   basicFeed(),
			golden: "atom/basic.xml",
			check: func(t *testing.T, got feedtest.Feed, raw []byte) {
				if got.Lang != "sv" {
					t.Errorf("feed lang %q", got.Lang)
				}
				if got.Updated[0] != "2026-03-03T09:00:00Z" {
					t.Errorf("updated %q, want the UTC time", got.Updated[0])
				}
				if got.Entries[0].Lang != "" || got.Entries[1].Lang != "en" {
					t.Errorf("entry langs %q %q, want \"\" \"en\"", got.Entries[0].Lang, got.Entries[1].Lang)
				}
				if u := got.Entries[1].Updated[0]; u != "2026-02-28T09:00:00Z" {
					t.Errorf("entry without Updated: updated %q, want published", u)
				}
				if n := len(got.Entries[0].Categories); n != 2 {
					t.Errorf("%d categories", n)
				}
				rels := map[string]string{}
				for _, l := range got.Links {
					rels[l.Rel] = l.Href
				}
				if rels["self"] == "" || rels["alternate"] == "" {
					t.Errorf("feed links %v", got.Links)
				}
			},
		},
		{
			name:   "escaping",
			feed:   escaping,
			golden: "atom/escaping.xml",
			check: func(t *testing.T, got feedtest.Feed, raw []byte) {
				if got.Titles[0] != escaping.Title {
					t.Errorf("title %q", got.Titles[0])
				}
				e := got.Entries[0]
				if want := "Ctrl chars and bad  utf-8 — kept: tab\there, å"; e.Titles[0] != want {
					t.Errorf("entry title %q, want %q", e.Titles[0], want)
				}
				if e.Summaries[0].Text != escaping.Entries[0].Summary || e.Summaries[0].Type != "text" {
					t.Errorf("summary %+v", e.Summaries[0])
				}
				if e.Links[0].Href != escaping.Entries[0].Link {
					t.Errorf("link %q", e.Links[0].Href)
				}
				if len(e.Categories) != 2 || e.Categories[0].Term != "R&D" || e.Categories[1].Term != "<tag>" {
					t.Errorf("categories %+v", e.Categories)
				}
				for _, b := range raw {
					if b < 0x20 && b != '\n' && b != '\t' {
						t.Errorf("raw control byte %#x in output", b)
					}
				}
				for _, s := range []string{"Fish &amp; Chips &lt;b&gt;", "x=1&amp;y=2"} {
					if !bytes.Contains(raw, []byte(s)) {
						t.Errorf("output lacks %q", s)
					}
				}
			},
		},
		{
			name:   "empty",
			feed:   Feed{ID: "https://samverkan.example.se/en/theses/", Title: "Theses", Lang: "en", Author: "KTH"},
			golden: "atom/empty.xml",
			check: func(t *testing.T, got feedtest.Feed, raw []byte) {
				if got.Updated[0] != "1970-01-01T00:00:00Z" {
					t.Errorf("updated %q, want the epoch", got.Updated[0])
				}
				if len(got.Links) != 0 {
					t.Errorf("links %v, want none", got.Links)
				}
			},
		},
		{
			name: "updated-derived",
			feed: derived,
			check: func(t *testing.T, got feedtest.Feed, raw []byte) {
				if got.Updated[0] != "2026-03-03T09:00:00Z" {
					t.Errorf("updated %q, want the newest entry's", got.Updated[0])
				}
			},
		},
		{
			name: "entry-authors",
			feed: noFeedAuthor,
			check: func(t *testing.T, got feedtest.Feed, raw []byte) {
				if len(got.Authors) != 0 {
					t.Errorf("feed authors %v", got.Authors)
				}
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteAtom(&buf, tc.feed); err != nil {
				t.Fatal(err)
			}
			raw := buf.Bytes()
			if !bytes.HasPrefix(raw, []byte(`<?xml version="1.0" encoding="UTF-8"?>`+"\n<feed xmlns=\"http://www.w3.org/2005/Atom\"")) {
				t.Errorf("unexpected start:\n%s", raw[:min(len(raw), 120)])
			}
			got, err := feedtest.DecodeAtom(raw)
			if err != nil {
				t.Fatalf("%v\n%s", err, raw)
			}
			if len(got.Entries) != len(tc.feed.Entries) {
				t.Fatalf("%d entries, want %d", len(got.Entries), len(tc.feed.Entries))
			}
			for i, e := range tc.feed.Entries { // order kept
				if got.Entries[i].IDs[0] != e.ID {
					t.Errorf("entry %d id %q, want %q", i, got.Entries[i].IDs[0], e.ID)
				}
			}
			if tc.check != nil {
				tc.check(t, got, raw)
			}
			if tc.golden != "" {
				checkGolden(t, tc.golden, raw)
			}
			var again bytes.Buffer
			if err := WriteAtom(&again, tc.feed); err != nil || !bytes.Equal(raw, again.Bytes()) {
				t.Errorf("second run differs (err %v)", err)
			}
		})
	}
}

func TestWriteAtomErrors(t *testing.T) {
	mod := func(f func(*Feed)) Feed {
		feed := basicFeed()
		f(&feed)
		return feed
	}
	tests := []struct {
		name string
		feed Feed
		want string
	}{
		{"no id", mod(func(f *Feed) { f.ID = "" }), "feed id is empty"},
		{"relative id", mod(func(f *Feed) { f.ID = "/exjobb/" }), "not an absolute iri"},
		{"relative self", mod(func(f *Feed) { f.Self = "atom.xml" }), "rel=self"},
		{"no author no entries", Feed{ID: "https://x.example/"}, "has no author"},
		{"entry no id", mod(func(f *Feed) { f.Entries[0].ID = "" }), "entry 0: id is empty"},
		{"entry relative link", mod(func(f *Feed) { f.Entries[1].Link = "/en/theses/x/" }), "not an absolute url"},
		{"entry no link", mod(func(f *Feed) { f.Entries[1].Link = "" }), "link is empty"},
		{"entry no time", mod(func(f *Feed) { f.Entries[1].Published = time.Time{} }), "neither updated nor published"},
		{"entry no author", mod(func(f *Feed) { f.Author = ""; f.Entries[0].Author = "A" }), "entry 1"},
		{"duplicate id", mod(func(f *Feed) { f.Entries[1].ID = f.Entries[0].ID }), "same id"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := WriteAtom(&buf, tc.feed)
			if err == nil || !strings.Contains(strings.ToLower(err.Error()), tc.want) {
				t.Fatalf("error %v, want one containing %q", err, tc.want)
			}
			if buf.Len() != 0 {
				t.Errorf("wrote %d bytes despite the error", buf.Len())
			}
			if msg := err.Error(); !strings.HasPrefix(msg, "feeds: ") || strings.HasSuffix(msg, ".") {
				t.Errorf("message style: %q", msg)
			}
		})
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteErrorsPropagate(t *testing.T) {
	if err := WriteAtom(failWriter{}, basicFeed()); err == nil {
		t.Error("WriteAtom: no error from a failing writer")
	}
	if err := WriteICS(failWriter{}, basicCalendar(), stockholm); err == nil {
		t.Error("WriteICS: no error from a failing writer")
	}
}

// TestWriteAtomNote checks the summary of an entry in another language
// than its feed's: the note in the feed's language first, the text in the
// entry's, each marked for screen readers, and a valid Atom text.
func TestWriteAtomNote(t *testing.T) {
	tests := []struct {
		name, lang, summary, note string
		facts                     []Fact
		want                      string
		parts                     []feedtest.Part
	}{{
		name: "swedish entry with facts, english feed: the facts in english, its own text marked", lang: "sv", note: "In Swedish.",
		facts:   []Fact{{Label: "Time", Value: "3 December 2026"}, {Label: "Venue", Value: "KTH, sal F3", Lang: "sv"}, {Label: "Speaker", Value: "Energirådgivare", Lang: "sv"}},
		summary: "Svensk text & mer.",
		want: `<summary type="xhtml">
      <div xmlns="http://www.w3.org/1999/xhtml">
        <p xml:lang="en" lang="en">In Swedish.</p>
        <p xml:lang="en" lang="en">Time: 3 December 2026 · Venue: <span xml:lang="sv" lang="sv">KTH, sal F3</span> · Speaker: <span xml:lang="sv" lang="sv">Energirådgivare</span></p>
        <div xml:lang="sv" lang="sv">
          <p>Svensk text &amp; mer.</p>
        </div>
      </div>
    </summary>`,
		parts: []feedtest.Part{{Lang: "en", Text: "In Swedish."}, {Lang: "en", Text: "Time: 3 December 2026 · Venue: "}, {Lang: "sv", Text: "KTH, sal F3"},
			{Lang: "en", Text: " · Speaker: "}, {Lang: "sv", Text: "Energirådgivare"}, {Lang: "sv", Text: "Svensk text & mer."}},
	}, {
		name: "english entry, a fact's value in swedish: marked, no note", lang: "en", note: "In Swedish.",
		facts:   []Fact{{Value: "Cancelled"}, {Label: "Venue", Value: "KTH, sal F3", Lang: "sv"}},
		summary: "English text.",
		want: `<summary type="xhtml">
      <div xmlns="http://www.w3.org/1999/xhtml">
        <p>Cancelled · Venue: <span xml:lang="sv" lang="sv">KTH, sal F3</span></p>
        <p>English text.</p>
      </div>
    </summary>`,
		parts: []feedtest.Part{{Lang: "en", Text: "Cancelled · Venue: "}, {Lang: "sv", Text: "KTH, sal F3"}, {Lang: "en", Text: "English text."}},
	}, {
		name: "facts in the feed's language: plain text", lang: "en",
		facts:   []Fact{{Label: "Application deadline", Value: "15 January 2027"}, {Label: "Level", Value: "Master's", Lang: "en"}},
		summary: "About the offer.",
		want:    `<summary type="text">Application deadline: 15 January 2027 · Level: Master&#39;s` + "\n\n" + `About the offer.</summary>`,
		parts:   []feedtest.Part{{Lang: "en", Text: "Application deadline: 15 January 2027 · Level: Master's\n\nAbout the offer."}},
	}, {
		name: "swedish entry, english feed", lang: "sv", note: "In Swedish.",
		summary: "Sista ansökningsdag: 27 november 2026\n\nModellera trafikflöden & köer.",
		want: `<summary type="xhtml">
      <div xmlns="http://www.w3.org/1999/xhtml">
        <p xml:lang="en" lang="en">In Swedish.</p>
        <div xml:lang="sv" lang="sv">
          <p>Sista ansökningsdag: 27 november 2026</p>
          <p>Modellera trafikflöden &amp; köer.</p>
        </div>
      </div>
    </summary>`,
		parts: []feedtest.Part{{Lang: "en", Text: "In Swedish."}, {Lang: "sv", Text: "Sista ansökningsdag: 27 november 2026"}, {Lang: "sv", Text: "Modellera trafikflöden & köer."}},
	}, {
		name: "no summary: the note alone", lang: "sv", note: "In Swedish.",
		want: `<summary type="xhtml">
      <div xmlns="http://www.w3.org/1999/xhtml">
        <p xml:lang="en" lang="en">In Swedish.</p>
      </div>
    </summary>`,
		parts: []feedtest.Part{{Lang: "en", Text: "In Swedish."}},
	}, {
		name: "blank and CRLF lines", lang: "sv", note: "In Swedish.", summary: "\r\n\r\nEtt\r\n\r\n \r\n\r\nTvå\nrader",
		want: `<summary type="xhtml">
      <div xmlns="http://www.w3.org/1999/xhtml">
        <p xml:lang="en" lang="en">In Swedish.</p>
        <div xml:lang="sv" lang="sv">
          <p>Ett</p>
          <p>Två
rader</p>
        </div>
      </div>
    </summary>`,
		parts: []feedtest.Part{{Lang: "en", Text: "In Swedish."}, {Lang: "sv", Text: "Ett"}, {Lang: "sv", Text: "Två\nrader"}},
	}, {
		name: "entry in the feed's language: the note is not written", lang: "en", note: "In Swedish.", summary: "Text",
		want:  `<summary type="text">Text</summary>`,
		parts: []feedtest.Part{{Lang: "en", Text: "Text"}},
	}, {
		name: "no note: plain text, as before", lang: "sv", summary: "Text",
		want:  `<summary type="text">Text</summary>`,
		parts: []feedtest.Part{{Lang: "sv", Text: "Text"}},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := basicFeed()
			f.Lang = "en"
			f.Entries = f.Entries[:1]
			f.Entries[0].Lang, f.Entries[0].Summary, f.Entries[0].Note, f.Entries[0].Facts = tt.lang, tt.summary, tt.note, tt.facts
			var buf bytes.Buffer
			if err := WriteAtom(&buf, f); err != nil {
				t.Fatal(err)
			}
			raw := buf.String()
			start, end := strings.Index(raw, "<summary"), strings.Index(raw, "</summary>")
			if start < 0 || end < start {
				t.Fatalf("no summary in\n%s", raw)
			}
			if got := raw[start : end+len("</summary>")]; got != tt.want {
				t.Errorf("summary\n%s\nwant\n%s", got, tt.want)
			}
			got, err := feedtest.DecodeAtom(buf.Bytes())
			if err != nil {
				t.Fatalf("not valid Atom: %v", err)
			}
			e := got.Entries[0]
			lang := cmp.Or(e.Lang, got.Lang)
			if e.Titles[0] != f.Entries[0].Title || lang != tt.lang {
				t.Errorf("title %q in %q, want the record's %q in %q", e.Titles[0], lang, f.Entries[0].Title, tt.lang)
			}
			if parts := e.Summaries[0].Parts(lang); !slices.Equal(parts, tt.parts) {
				t.Errorf("parts %q, want %q", parts, tt.parts)
			}
		})
	}
}

package feeds

import (
	"bytes"
	"testing"

	"portal/generator/internal/feeds/feedtest"
)

// FuzzText writes the texts of records (any strings: editors' titles,
// summaries, places, areas) into an Atom feed and a calendar. Text is
// cleaned, never refused: both must be written, read by the strict
// readers of feedtest, and give back the text as cleaned.
func FuzzText(f *testing.F) {
	f.Add("Energidata för hela staden", "Analysera\r\ndata.", "Plats", "KTH, Sal F3; \"x\"", "Energi", false)
	f.Add("a\x00\x1b\xff\u2028]]>&<", "\ufffe\uffff\xed\xa0\x80", "", "\t", "a,b;c\\d", true)
	f.Fuzz(func(t *testing.T, title, summary, label, value, category string, note bool) {
		feed := basicFeed()
		e := &feed.Entries[0]
		e.Title, e.Summary, e.Categories = title, summary, []string{category}
		e.Facts = []Fact{{Label: label, Value: value, Lang: "en"}}
		if note {
			e.Lang, e.Note = "en", value
		}
		var buf bytes.Buffer
		if err := WriteAtom(&buf, feed); err != nil {
			t.Fatalf("WriteAtom: %v", err)
		}
		got, err := feedtest.DecodeAtom(buf.Bytes())
		if err != nil {
			t.Fatalf("DecodeAtom: %v\n%s", err, buf.Bytes())
		}
		if g := got.Entries[0].Titles[0]; g != cleanXML(title) {
			t.Fatalf("title %q read back as %q", title, g)
		}

		cal := basicCalendar()
		ev := &cal.Events[0]
		ev.Summary, ev.Description, ev.Location, ev.Categories = title, summary, value, []string{category}
		buf.Reset()
		if err := WriteICS(&buf, cal, stockholm); err != nil {
			t.Fatalf("WriteICS: %v", err)
		}
		root, err := feedtest.ParseICS(buf.Bytes())
		if err != nil {
			t.Fatalf("ParseICS: %v\n%s", err, buf.Bytes())
		}
		pc, err := feedtest.CheckCalendar(root)
		if err != nil {
			t.Fatalf("CheckCalendar: %v\n%s", err, buf.Bytes())
		}
		g := pc.Events[0]
		for _, c := range [][2]string{{g.Summary, title}, {g.Description, summary}, {g.Location, value}} {
			if c[0] != cleanICSText(c[1]) {
				t.Fatalf("%q read back as %q", c[1], c[0])
			}
		}
	})
}

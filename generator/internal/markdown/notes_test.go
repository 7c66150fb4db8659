package markdown

import (
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// TestNoteLabels: a footnote's number and its arrow back to the text are
// named in the body's language, a second reference to the same note too;
// without labels the HTML is goldmark's own.
func TestNoteLabels(t *testing.T) {
	r := New().Labels(map[string]Labels{
		"sv": {Note: "Fotnot {n}", Back: "Tillbaka till texten, fotnot {n}"},
		"en": {Note: `Footnote "{n}"`, Back: "Back to the text"},
	})
	src := []byte("Text[^a] och mer[^a].\n\n[^a]: Noten.\n")
	ref := func(id, label string) string {
		return `<sup id="` + id + `"><a href="#fn:1" class="footnote-ref" role="doc-noteref"` + label + `>1</a></sup>`
	}
	back := func(id, label string) string {
		return `&#160;<a href="#` + id + `" class="footnote-backref" role="doc-backlink"` + label + `>&#x21a9;&#xfe0e;</a>`
	}
	page := func(r1, r2, b1, b2 string) string {
		return "<p>Text" + r1 + " och mer" + r2 + ".</p>\n" +
			"<div class=\"footnotes\" role=\"doc-endnotes\">\n<hr>\n<ol>\n<li id=\"fn:1\">\n<p>Noten." + b1 + b2 + "</p>\n</li>\n</ol>\n</div>\n"
	}
	for _, c := range []struct{ lang, want string }{
		{"sv", page(ref("fnref:1", ` aria-label="Fotnot 1"`), ref("fnref1:1", ` aria-label="Fotnot 1"`),
			back("fnref:1", ` aria-label="Tillbaka till texten, fotnot 1"`), back("fnref1:1", ` aria-label="Tillbaka till texten, fotnot 1"`))},
		{"en", page(ref("fnref:1", ` aria-label="Footnote &quot;1&quot;"`), ref("fnref1:1", ` aria-label="Footnote &quot;1&quot;"`),
			back("fnref:1", ` aria-label="Back to the text"`), back("fnref1:1", ` aria-label="Back to the text"`))},
		{"fi", page(ref("fnref:1", ""), ref("fnref1:1", ""), back("fnref:1", ""), back("fnref1:1", ""))},
	} {
		if got := r.RenderImages(src, 1, c.lang, nil, nil).HTML; got != c.want {
			t.Errorf("%s:\ngot  %q\nwant %q", c.lang, got, c.want)
		}
	}
	// Without labels the footnotes are written as goldmark writes them.
	var b strings.Builder
	if err := goldmark.New(goldmark.WithExtensions(extension.Footnote)).Convert(src, &b); err != nil {
		t.Fatal(err)
	}
	plain := b.String()
	if got := r.RenderImages(src, 1, "fi", nil, nil).HTML; got != plain {
		t.Errorf("without labels:\ngot  %q\ngoldmark %q", got, plain)
	}
}

package markdown

import (
	"strings"
	"testing"
)

func TestSummaryAndText(t *testing.T) {
	tests := []struct {
		name, src, summary, text string
	}{
		{
			name:    "first paragraph after heading",
			src:     "## Bakgrund\n\nVi söker en **student** som\nvill  arbeta med *öppna* data &amp; AI.\n\nAndra stycket.\n",
			summary: "Vi söker en student som vill arbeta med öppna data & AI.",
			text:    "Bakgrund Vi söker en student som vill arbeta med öppna data & AI. Andra stycket.",
		},
		{
			name:    "links, code, breaks, escapes",
			src:     "Läs [mer](../theses/energy-data.md) om `go test`,\\\nsnart\\* &#x41;.  \nSlut",
			summary: "Läs mer om go test, snart* A. Slut",
			text:    "Läs mer om go test, snart* A. Slut",
		},
		{
			name:    "raw html dropped",
			src:     "<div>block</div>\n\nHej <b>fet</b> du\n",
			summary: "Hej fet du",
			text:    "Hej fet du",
		},
		{
			name:    "list only falls back to first item",
			src:     "- Ett\n- Två\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```go\nx := 1\n```\n",
			summary: "Ett",
			text:    "Ett Två a b 1 2 x := 1",
		},
		{
			name:    "footnotes not a summary",
			src:     "# Rubrik\n\nText[^1]\n\n[^1]: Fotnot.\n",
			summary: "Text",
			text:    "Rubrik Text Fotnot.",
		},
		{
			name:    "empty paragraph skipped",
			src:     "![](bild.png)\n\nRiktig text.\n",
			summary: "Riktig text.",
			text:    "Riktig text.",
		},
		{
			name: "empty",
		},
	}
	r := New()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := r.Render([]byte(tt.src), 1, records(nil))
			if got.Summary != tt.summary {
				t.Errorf("Summary\n got: %q\nwant: %q", got.Summary, tt.summary)
			}
			if got.Text != tt.text {
				t.Errorf("Text\n got: %q\nwant: %q", got.Text, tt.text)
			}
		})
	}
}

func TestTextCap(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want int // length of Text in characters
	}{
		{"short", strings.Repeat("ord ", 10), 39},
		{"words of four", strings.Repeat("åäöx ", 1000), 1999}, // 400 words, the last cut before the space at 2000
		{"word ends at the cap", "abcd " + strings.Repeat("x", 1995) + " tail", 2000},
		{"one long word", strings.Repeat("x", 5000), 2000},
	}
	r := New()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := r.Render([]byte(tt.src), 1, nil).Text
			if n := len([]rune(text)); n != tt.want {
				t.Errorf("len = %d, want %d", n, tt.want)
			}
			if strings.HasSuffix(text, " ") || strings.HasPrefix(text, " ") {
				t.Errorf("text has surrounding space: %q", text)
			}
			if !strings.HasPrefix(tt.src, text) {
				t.Errorf("text is not a prefix of the source")
			}
		})
	}
}

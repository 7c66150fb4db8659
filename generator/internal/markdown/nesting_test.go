package markdown

import (
	"fmt"
	"strings"
	"testing"
)

// size is just under the limit on record files (1 MiB), less room for a
// front matter.
const size = 1<<20 - 4096

// fill repeats unit to about size bytes, then adds tail.
func fill(unit, tail string) string {
	return strings.Repeat(unit, size/len(unit)) + tail
}

// hostile are the shapes that cost goldmark time growing with the square
// of their length, each about 1 MiB, and what Render says about them.
var hostile = []struct {
	name, src string
	err       string // the error, "line:col: message", or "" for none
}{
	{"block quotes", fill(">", "x\n"), "1:33: " + blockMsg},
	{"spaced block quotes", fill("> ", "x\n"), "1:65: " + blockMsg},
	{"bullets", fill("- ", "x\n"), "1:65: " + blockMsg},
	{"stars", fill("* ", "x\n"), "1:65: " + blockMsg},
	{"ordered", fill("1. ", "x\n"), "1:97: " + blockMsg},
	{"quoted bullets", fill("> - ", "x\n"), "1:65: " + blockMsg},
	{"footnote definitions", fill("[^a]: ", "x\n"), "1:193: " + blockMsg},
	{"staircase", staircase(40), "33:65: " + blockMsg},
	{"deep quote then lazy lines", strings.Repeat("> ", 32) + "x\n" + fill("x\n", ""), ""},
	{"links", fill("[a](", ""), "1:260: " + fmt.Sprintf(inlineMsg, "(", "one line", "\\(", "parenthesis")},
	{"links with text", fill("[a](b", ""), "1:324: " + fmt.Sprintf(inlineMsg, "(", "one line", "\\(", "parenthesis")},
	{"angle links", fill("[a](<", ""), "1:324: " + fmt.Sprintf(inlineMsg, "(", "one line", "\\(", "parenthesis")},
	{"closed angle links", fill("[a](<)", ""), "1:389: " + fmt.Sprintf(inlineMsg, "<", "one line", "\\<", "less-than sign")},
	{"images", fill("![a](", ""), "1:325: " + fmt.Sprintf(inlineMsg, "(", "one line", "\\(", "parenthesis")},
	{"brackets", fill("[", ""), "1:65: " + fmt.Sprintf(inlineMsg, "[", "one paragraph", "\\[", "bracket")},
	{"brackets over lines", fill("[x\n", ""), "65:1: " + fmt.Sprintf(inlineMsg, "[", "one paragraph", "\\[", "bracket")},
	{"mixed emphasis", fill("*a_", ""), "1:193: " + fmt.Sprintf(emphasisFmt, '*', '*')},
	{"mixed emphasis over lines", fill("*a_\n", ""), "65:1: " + fmt.Sprintf(emphasisFmt, '*', '*')},
	{"footnote references", fill("[^", ""), "1:129: " + fmt.Sprintf(inlineMsg, "[", "one paragraph", "\\[", "bracket")},
	// Shapes that goldmark takes in linear time pass.
	{"thematic break", fill("- ", "\n"), ""},
	{"emphasis", fill("*", "x\n"), ""},
	{"strong words", fill("**a** ", ""), ""},
	{"code spans", fill("`(` ", ""), ""},
	{"backticks", fill("`", ""), ""},
	{"table", "|" + fill("a|", "\n") + "|" + fill("-|", "\n"), ""},
	{"html", fill("<a>", ""), ""},
	{"entities", fill("&amp", ""), ""},
	{"autolinks", fill("www.a ", ""), ""},
	{"closed links", fill("[a](b) ", ""), ""},
	{"fenced code", "```\n" + fill(">>>> ((((( [[[[[ *a_ ", "\n```\n"), ""},
	{"indented code", "    " + fill("- ", ""), ""},
	// At the bounds: as deep as allowed, on every line.
	{"quotes at the bound", fill(strings.Repeat(">", 32)+"x\n", ""), ""},
	{"lists at the bound", fill(strings.Repeat("- ", 32)+"x\n", ""), ""},
	{"links at the bound", fill(strings.Repeat("[a](", 64)+"\n\n", ""), ""},
	{"long paragraph of links", fill(strings.Repeat("[a](", 64)+"\n", ""), "1:1: " + fmt.Sprintf(linkWorkFmt, 4064, 260096)},
	{"long paragraph of brackets", "x\n" + fill("[a]\n", ""), "1:1: " + fmt.Sprintf(linkWorkFmt, 261121, 261120)},
	{"long list of links", fill("- [a](b)\n", ""), ""},
	{"emphasis at the bound", fill(strings.Repeat("*a_", 32)+"\n\n", ""), ""},
}

const (
	blockMsg    = "block quotes, lists and footnotes nested more than 32 deep; flatten the structure"
	linkWorkFmt = "a paragraph of %d lines with %d links or bracketed texts; separate it into paragraphs with blank lines"
	inlineMsg   = "more than 64 %q open in %s; write %s for a %s"
	emphasisFmt = "more than 64 emphasis markers (*, _, ~) open in one paragraph; write \\%c for a literal %c"
)

// staircase nests n list items by indenting each line further.
func staircase(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(strings.Repeat("  ", i) + "- x\n")
	}
	return b.String()
}

// TestHostileShapes renders every hostile shape of about 1 MiB: the ones
// past the bounds are refused with their position, the others render in
// full. BenchmarkHostileShapes shows how long each takes.
func TestHostileShapes(t *testing.T) {
	r := New()
	for _, tc := range hostile {
		t.Run(tc.name, func(t *testing.T) {
			res := r.Render([]byte(tc.src), 1, nil)
			var got string
			for _, e := range res.Errors {
				got += fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Msg)
			}
			if got != tc.err {
				t.Fatalf("errors: %s\nwant: %s", got, tc.err)
			}
			if tc.err != "" {
				if !strings.HasPrefix(res.HTML, "<pre>") || len(res.HTML) < len(tc.src) {
					t.Errorf("refused body not shown as text: %.80q", res.HTML)
				}
				return
			}
			if d := depth(res.HTML, "<blockquote>", "</blockquote>"); d > MaxBlockDepth {
				t.Errorf("block quotes %d deep", d)
			}
			if d := depth(res.HTML, "<li>", "</li>"); d > MaxBlockDepth {
				t.Errorf("list items %d deep", d)
			}
		})
	}
}

// depth is how deep open nests in html.
func depth(html, open, close string) int {
	d, deepest := 0, 0
	for i := 0; i < len(html); i++ {
		switch {
		case strings.HasPrefix(html[i:], open):
			d++
			deepest = max(deepest, d)
		case strings.HasPrefix(html[i:], close):
			d--
		}
	}
	return deepest
}

// TestNestingBounds checks the bounds at their edge: as deep as allowed
// renders, one more is refused at the marker past the bound.
func TestNestingBounds(t *testing.T) {
	tests := []struct{ src, err string }{
		{strings.Repeat(">", 32) + " x\n", ""},
		{"text\n\n" + strings.Repeat(">", 33) + " x\n", "3:33: " + blockMsg},
		{strings.Repeat("  ", 31) + "- x\n", ""},
		{staircase(32), ""},
		{staircase(33), "33:65: " + blockMsg},
		{"> - x\n>\n>   " + strings.Repeat("> ", 30) + "y\n", ""},
		{"> - x\n>\n>   " + strings.Repeat("> ", 31) + "y\n", "3:65: " + blockMsg},
		{strings.Repeat("(", 64) + "\n" + strings.Repeat("(", 64) + "\n", ""},
		{"a " + strings.Repeat("(", 65), "1:67: " + fmt.Sprintf(inlineMsg, "(", "one line", "\\(", "parenthesis")},
		{strings.Repeat("\\(", 100) + strings.Repeat("`((`", 100), ""},
		{strings.Repeat("_a_ *b* snake_case ", 100), ""},
		{strings.Repeat("*a ", 64) + "\n\n" + strings.Repeat("*a ", 64), ""},
		{"x\n" + strings.Repeat("*a ", 64) + "\n" + strings.Repeat("*a ", 1), "3:1: " + fmt.Sprintf(emphasisFmt, '*', '*')},
		{strings.Repeat("a [b] c\n", 2048), ""},
		{"> x\n\n> " + strings.Repeat("a [b] c\n", 4096), "3:3: " + fmt.Sprintf(linkWorkFmt, 4096, 4096)},
		{"~~~\n" + strings.Repeat(">", 40) + "\n~~~\n" + strings.Repeat(">", 33), "4:33: " + blockMsg},
		{"- ```\n  " + strings.Repeat(">", 40) + "\n" + strings.Repeat(">", 33), "3:33: " + blockMsg},
	}
	r := New()
	for _, tc := range tests {
		res := r.Render([]byte(tc.src), 1, nil)
		var got string
		for _, e := range res.Errors {
			got += fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Msg)
		}
		if got != tc.err {
			t.Errorf("%.60q: errors %s\nwant %s", tc.src, got, tc.err)
		}
	}
}

// BenchmarkHostileShapes renders each hostile shape of about 1 MiB.
func BenchmarkHostileShapes(b *testing.B) {
	r := New()
	for _, tc := range hostile {
		src := []byte(tc.src)
		b.Run(strings.ReplaceAll(tc.name, " ", "_"), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				r.Render(src, 1, nil)
			}
		})
	}
}

// FuzzNesting checks that a body within the bounds renders no deeper than
// them, and that a refused one is refused at a place in it.
func FuzzNesting(f *testing.F) {
	for _, tc := range hostile {
		f.Add(tc.src[:min(len(tc.src), 300)])
	}
	f.Add("> - x\n>\n>   > > y\n")
	f.Add("- ```\n  >>>\n>>>\n")
	r := New()
	f.Fuzz(func(t *testing.T, src string) {
		off, _, bad := tooDeep([]byte(src))
		if bad {
			if off < 0 || off >= len(src) {
				t.Fatalf("refused at %d of %d bytes", off, len(src))
			}
			return
		}
		html := r.Render([]byte(src), 1, nil).HTML
		if d := depth(html, "<blockquote>", "</blockquote>") + depth(html, "<li", "</li>"); d > 2*MaxBlockDepth {
			t.Fatalf("nests %d deep: %q", d, html)
		}
	})
}

func BenchmarkTooDeep(b *testing.B) {
	src := []byte(benchBody)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, _, bad := tooDeep(src); bad {
			b.Fatal("refused")
		}
	}
}

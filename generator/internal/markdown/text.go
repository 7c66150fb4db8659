package markdown

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// textBuf collects plain text with whitespace collapsed to single spaces and
// no leading or trailing space. With a limit > 0 it stops once it holds more
// than limit characters; finish then cuts it at a word boundary.
type textBuf struct {
	b       strings.Builder // read as a string without a copy
	runes   int
	limit   int
	pending bool // a space is due before the next character
	full    bool
}

// space separates what was written from what comes next.
func (t *textBuf) space() {
	if t.b.Len() > 0 {
		t.pending = true
	}
}

// put appends p, n characters without spaces, after the pending space.
func (t *textBuf) put(p []byte, n int) {
	if t.pending {
		t.pending = false
		t.b.WriteByte(' ')
		t.runes++
	}
	t.b.Write(p)
	t.runes += n
	if t.limit > 0 && t.runes > t.limit {
		t.full = true
	}
}

// write appends p, collapsing whitespace, dropping control characters and
// replacing invalid UTF-8 with U+FFFD.
func (t *textBuf) write(p []byte) {
	for len(p) > 0 && !t.full {
		c := p[0]
		if printable(c) {
			// A run of printable ASCII and of single spaces between it,
			// which collapse to themselves, appended at once.
			i := 1
			for i < len(p) && (printable(p[i]) || p[i] == ' ' && i+1 < len(p) && printable(p[i+1])) {
				i++
			}
			t.put(p[:i], i)
			p = p[i:]
			continue
		}
		if c < utf8.RuneSelf {
			switch {
			case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
				t.space()
			case c < 0x20 || c == 0x7f:
			default:
				t.put(p[:1], 1)
			}
			p = p[1:]
			continue
		}
		r, size := utf8.DecodeRune(p)
		switch {
		case r == utf8.RuneError && size == 1:
			t.put([]byte("\uFFFD"), 1)
		case unicode.IsSpace(r):
			t.space()
		case unicode.IsControl(r):
		default:
			t.put(p[:size], 1)
		}
		p = p[size:]
	}
}

// printable reports whether c is printable ASCII, not a space.
func printable(c byte) bool { return c > ' ' && c < 0x7f }

// finish returns the collected text, cut at a word boundary if it is longer
// than the limit.
func (t *textBuf) finish() string {
	b := t.b.String()
	if t.limit > 0 && t.runes > t.limit {
		// Byte offset of the first character past the limit.
		cut, n := 0, 0
		for cut < len(b) && n < t.limit {
			_, size := utf8.DecodeRuneInString(b[cut:])
			cut += size
			n++
		}
		if cut < len(b) && b[cut] != ' ' {
			if i := strings.LastIndexByte(b[:cut], ' '); i > 0 {
				cut = i
			}
		}
		b = strings.TrimRight(b[:cut], " ")
	}
	return b
}

// node appends the plain text of the children of n. onLink is called for
// every link and image before its text is collected, for every task
// checkbox and for raw HTML (which has no text).
func (t *textBuf) node(n ast.Node, src []byte, onLink func(ast.Node)) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			v := c.Segment.Value(src)
			if !c.IsRaw() {
				v = resolveEscapes(v)
			}
			t.write(v)
			if c.SoftLineBreak() || c.HardLineBreak() {
				t.space()
			}
			continue
		case *ast.String:
			t.write(c.Value)
			continue
		case *ast.AutoLink:
			t.write(c.Label(src))
			onLink(c)
			continue
		case *ast.RawHTML, *ast.HTMLBlock, *east.FootnoteLink, *east.FootnoteBacklink, *east.TaskCheckBox:
			// No text: raw HTML is not published (the walker notes where
			// it is); a footnote's links and a task's box are named in the
			// body's language.
			onLink(c)
			continue
		case *ast.CodeBlock, *ast.FencedCodeBlock:
			t.space()
			lines := c.Lines()
			for i := range lines.Len() {
				seg := lines.At(i)
				t.write(seg.Value(src))
			}
			t.space()
			continue
		case *ast.Link, *ast.Image:
			onLink(c)
		}
		block := c.Type() == ast.TypeBlock
		if block {
			t.space()
		}
		if c.HasChildren() {
			t.node(c, src, onLink)
		}
		if block {
			t.space()
		}
	}
}

// summary returns the plain text of the first paragraph with text: at the top
// level if there is one, else anywhere outside the footnotes.
func summary(doc ast.Node, src []byte) string {
	for c := doc.FirstChild(); c != nil; c = c.NextSibling() {
		if _, ok := c.(*ast.Paragraph); ok {
			if s := plainText(c, src); s != "" {
				return s
			}
		}
	}
	s, _ := nestedSummary(doc, src)
	return s
}

func nestedSummary(n ast.Node, src []byte) (string, bool) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c.(type) {
		case *ast.Paragraph, *ast.TextBlock:
			if s := plainText(c, src); s != "" {
				return s, true
			}
			continue
		case *east.FootnoteList:
			continue
		}
		if c.Type() == ast.TypeBlock && c.HasChildren() {
			if s, ok := nestedSummary(c, src); ok {
				return s, true
			}
		}
	}
	return "", false
}

func plainText(n ast.Node, src []byte) string {
	var t textBuf
	if lines := n.Lines(); lines.Len() > 0 {
		t.b.Grow(lines.At(lines.Len()-1).Stop - lines.At(0).Start + 8)
	}
	t.node(n, src, func(ast.Node) {})
	return t.b.String()
}

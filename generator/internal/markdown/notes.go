package markdown

import (
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// nameNote gives a footnote's link (its number, "1") or its link back to
// the text (the arrow "↩") the name label in the body's language, with
// {n} the footnote's number: a screen reader says "Fotnot 1" and
// "Tillbaka till texten, fotnot 1", not "1" and "leftwards arrow with
// hook" (WCAG 2.4.4). A language without labels leaves them unnamed.
func nameNote(n ast.Node, label string, index int) {
	if label != "" {
		n.SetAttributeString("aria-label", strings.ReplaceAll(label, "{n}", strconv.Itoa(index)))
	}
}

// noteLinks writes a footnote's link and its link back to the text as
// goldmark's Footnote extension does (with its default configuration,
// which the renderer uses), with the node's attributes (its aria-label)
// added. Registered before the extension's own renderer (taskBoxPriority).
type noteLinks struct{}

func (noteLinks) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(east.KindFootnoteLink, renderNoteLink)
	reg.Register(east.KindFootnoteBacklink, renderNoteLink)
}

func renderNoteLink(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	index, ref := 0, 0
	switch n := node.(type) {
	case *east.FootnoteLink:
		index, ref = n.Index, n.RefIndex
	case *east.FootnoteBacklink:
		index, ref = n.Index, n.RefIndex
	}
	is := strconv.Itoa(index)
	refID := "fnref"
	if ref > 0 {
		refID += strconv.Itoa(ref)
	}
	refID += ":" + is
	if _, back := node.(*east.FootnoteBacklink); back {
		_, _ = w.WriteString(`&#160;<a href="#` + refID + `" class="footnote-backref" role="doc-backlink"`)
		html.RenderAttributes(w, node, nil)
		_, _ = w.WriteString(`>&#x21a9;&#xfe0e;</a>`)
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString(`<sup id="` + refID + `"><a href="#fn:` + is + `" class="footnote-ref" role="doc-noteref"`)
	html.RenderAttributes(w, node, nil)
	_, _ = w.WriteString(`>` + is + `</a></sup>`)
	return ast.WalkContinue, nil
}

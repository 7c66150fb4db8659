package markdown

import (
	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// namedTables makes every table reachable by keyboard: on narrow screens
// a wide table scrolls sideways inside a wrapper (see namedTableTags),
// and a scrolling region must take focus so that keyboard users can
// scroll it (WCAG 2.1.1); the site's script takes the tab stop away again
// from a wrapper whose table fits. A focusable element needs a name,
// which screen readers say when it takes focus (WCAG 4.1.2): the nearest
// heading before the table (aria-labelledby), which says what the table
// holds ("Viktiga datum"); without one, label, the word "Tabell" in the
// body's language, though a screen reader says "table" anyway: a name it
// has, not a role twice. GFM tables have no caption, which would be a
// name of its own. The attributes are kept on the table's node and
// written on its wrapper.
func namedTables(doc ast.Node, label string) {
	var heading []byte // the id of the last heading so far, in document order
	var walk func(n ast.Node)
	walk = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch {
			case c.Kind() == ast.KindHeading:
				if id, ok := c.AttributeString("id"); ok {
					heading, _ = id.([]byte)
				}
			case c.Kind() == extast.KindTable:
				c.SetAttributeString("tabindex", []byte("0"))
				if len(heading) > 0 {
					c.SetAttributeString("aria-labelledby", heading)
				} else if label != "" {
					c.SetAttributeString("aria-label", []byte(label))
				}
			case c.HasChildren() && c.Type() == ast.TypeBlock:
				walk(c)
			}
		}
	}
	walk(doc)
}

// namedTableTags writes a table that namedTables named inside a wrapper
// that scrolls, <div class="table-scroll" role="region" tabindex="0"
// aria-labelledby="…">, and the table's own tags bare. A table styled to
// scroll itself (display: block) loses its rows and columns in Safari
// with VoiceOver, the iPhone's screen reader; inside the wrapper it stays
// a table, and the wrapper is the named region that takes focus and
// scrolls. The table's node has no attributes but those namedTables
// gives (the parser reads no {#id .class} after a block), so its tag has
// none; a table namedTables did not see is written without the wrapper.
type namedTableTags struct {
	scroll util.BytesFilter // the attributes of a table's node its wrapper is written with
}

func newNamedTableTags() namedTableTags {
	return namedTableTags{scroll: util.NewBytesFilterString("tabindex,aria-label,aria-labelledby")}
}

func (t namedTableTags) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(extast.KindTable, t.render)
}

func (t namedTableTags) render(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	_, wrapped := n.AttributeString("tabindex")
	switch {
	case entering && wrapped:
		_, _ = w.WriteString(`<div class="table-scroll" role="region"`)
		html.RenderAttributes(w, n, t.scroll)
		_, _ = w.WriteString(">\n<table>\n")
	case entering:
		_, _ = w.WriteString("<table>\n")
	case wrapped:
		_, _ = w.WriteString("</table>\n</div>\n")
	default:
		_, _ = w.WriteString("</table>\n")
	}
	return ast.WalkContinue, nil
}

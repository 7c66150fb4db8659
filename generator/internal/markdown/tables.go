package markdown

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// namedTables makes every table reachable by keyboard: on narrow screens
// a wide table scrolls sideways inside itself, and a scrolling region
// must take focus so that keyboard users can scroll it (WCAG 2.1.1); the
// site's script takes the tab stop away again from a table that fits.
// A focusable element needs a name, which screen readers say when it
// takes focus (WCAG 4.1.2): the nearest heading before the table
// (aria-labelledby), which says what the table holds ("Viktiga datum");
// without one, label, the word "Tabell" in the body's language, though a
// screen reader says "table" anyway: a name it has, not a role twice.
// GFM tables have no caption, which would be a name of its own.
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

// namedTableTags writes a table's tags as goldmark's Table extension
// does, with the name namedTables gives it, which the extension's filter
// of attributes drops.
type namedTableTags struct {
	attrs util.BytesFilter // the attributes a table is written with
}

func newNamedTableTags() namedTableTags {
	return namedTableTags{attrs: extension.TableAttributeFilter.ExtendString("aria-label,aria-labelledby")}
}

func (t namedTableTags) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(extast.KindTable, t.render)
}

func (t namedTableTags) render(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		_, _ = w.WriteString("</table>\n")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString("<table")
	if n.Attributes() != nil {
		html.RenderAttributes(w, n, t.attrs)
	}
	_, _ = w.WriteString(">\n")
	return ast.WalkContinue, nil
}

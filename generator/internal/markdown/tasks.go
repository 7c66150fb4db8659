package markdown

import (
	"maps"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// Labels are the accessible names, in one language, of what Markdown
// makes in a body that a screen reader would otherwise read without
// sense: the checkboxes of a task list ("- [x] done"), Done for a ticked
// box and Todo for an empty one; and a footnote's link, Note ("Footnote
// {n}"), and its link back to the text, Back, with {n} the footnote's
// number (notes.go); and Table, the name of a table that no heading
// before it names (namedTables).
type Labels struct{ Done, Todo, Note, Back, Table string }

// Labels returns a Renderer that shares r's parser and names, in a body
// rendered in a language of labels (see RenderImages), the links of its
// footnotes (notes.go) and the checkbox of every task list item with
// aria-label: "Klar" or "Inte klar" in a Swedish body. The checkbox stays a disabled input, so that screen
// readers announce it as a checkbox with its state, and the name says
// the same in the body's language, for each item whatever it holds
// (several paragraphs, a nested list) and without a script. A body in a
// language labels lacks keeps its checkboxes and footnotes unnamed.
func (r *Renderer) Labels(labels map[string]Labels) *Renderer {
	c := *r
	c.labels = maps.Clone(labels)
	return &c
}

// taskLabel returns the name of a checkbox in lang, or "".
func (r *Renderer) taskLabel(lang string, checked bool) string {
	l := r.labels[lang]
	if checked {
		return l.Done
	}
	return l.Todo
}

// taskBoxes writes a task list item's checkbox as goldmark's TaskList
// extension does, with the node's attributes (its aria-label) added.
type taskBoxes struct{}

// taskBoxPriority puts taskBoxes before the TaskList extension's own
// renderer (500): of two renderers of a kind, the lower number wins.
const taskBoxPriority = 100

func (taskBoxes) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(east.KindTaskCheckBox, renderTaskBox)
}

func renderTaskBox(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	if node.(*east.TaskCheckBox).IsChecked {
		_, _ = w.WriteString(`<input checked="" disabled="" type="checkbox"`)
	} else {
		_, _ = w.WriteString(`<input disabled="" type="checkbox"`)
	}
	if node.Attributes() != nil {
		html.RenderAttributes(w, node, nil)
	}
	_, _ = w.WriteString("> ")
	return ast.WalkContinue, nil
}

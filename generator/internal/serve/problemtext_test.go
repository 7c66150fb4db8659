package serve

import (
	"fmt"
	"html/template"
	"strings"
	"testing"

	"portal/generator/internal/diag"
)

// TestProblemLineEscaped checks that a problem's path and a message from
// outside the catalog (a template's error) reach the terminal and the
// overlay with their control characters and bidirectional controls
// escaped, as the catalog's quoted values do: a record named
// "x\u202edm.ppa.md" from someone else's pull request, which the sources
// accept, must not reorder the line it is printed in, nor a template's
// error write escape sequences to the editor's terminal.
func TestProblemLineEscaped(t *testing.T) {
	tmpl := template.Must(template.New("overlay").Parse(overlaySource))
	for _, c := range []struct {
		name string
		err  diag.Error
		want string
	}{
		{"override in a file name",
			diag.At("content/theses/x\u202edm.ppa.md", 1, 1, diag.KeyUnknown, "foo"),
			`content/theses/x\u202edm.ppa.md:1:1: unknown key "foo"; remove it, or spell it as one of the keys in docs/EDITING.md`},
		{"isolate in a folder name",
			diag.At("content/\u2066theses/x.md", 2, 3, diag.KeyUnknown, "foo"),
			`content/\u2066theses/x.md:2:3: unknown key "foo"; remove it, or spell it as one of the keys in docs/EDITING.md`},
		{"escape sequence in a template's error",
			diag.Error{Path: "templates/x.html", Line: 2, Col: 3, Msg: "template: \x1b]0;owned\a\x1b[2J\u202eboom\nnext"},
			`templates/x.html:2:3: template: \x1b]0;owned\a\x1b[2J\u202eboom\nnext`},
	} {
		var lines []string
		report(func(f string, a ...any) { lines = append(lines, fmt.Sprintf(f, a...)) }, result{Errs: diag.List{c.err}}, diag.English)
		if len(lines) == 0 || lines[0] != c.want {
			t.Errorf("%s: terminal %q, want %q", c.name, lines, c.want)
		}
		html := string(overlayHTML(tmpl, []problem{{Err: c.err}}, diag.English, false))
		msg := `<p class="portal-msg">` + template.HTMLEscapeString(c.want) + `</p>`
		if !strings.Contains(html, msg) {
			t.Errorf("%s: overlay lacks %s:\n%s", c.name, msg, html)
		}
	}
}

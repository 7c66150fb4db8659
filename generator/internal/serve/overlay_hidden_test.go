package serve

import (
	"html/template"
	"strings"
	"testing"
	"testing/fstest"

	"portal/generator/internal/diag"
)

// TestOverlayShowsHiddenCharacters checks that the overlay quotes a
// source line with its bidirectional controls and control characters
// written as escapes, in the text hidden before the caret as in the line,
// so that the line cannot be reordered on the page (Trojan Source) and
// the caret stays under the problem's character; tabs stay tabs.
func TestOverlayShowsHiddenCharacters(t *testing.T) {
	tmpl := template.Must(template.New("overlay").Parse(overlaySource))
	for _, c := range []struct {
		name   string
		line   string
		col    int
		text   string // the problem's line as quoted
		before string // the text in front of the caret
	}{
		{"override before the column", "x = \"\u202eabc\" y", 12,
			`x = "\u202eabc" y`, `x = "\u202eabc" `},
		{"override after the column", "ab\u202ecd", 2,
			`ab\u202ecd`, `a`},
		{"isolates around the column", "\u2066a\u2069b", 3,
			`\u2066a\u2069b`, `\u2066a`},
		{"every embedding and isolate", "\u202a\u202b\u202c\u202d\u2067\u2068z", 7,
			`\u202a\u202b\u202c\u202d\u2067\u2068z`, `\u202a\u202b\u202c\u202d\u2067\u2068`},
		{"carriage return and escape", "a\rb\x1b[2Jc", 8,
			`a\rb\x1b[2Jc`, `a\rb\x1b[2J`},
		{"C1 control and delete", "a\u0085b\x7fc", 5,
			`a\u0085b\x7fc`, `a\u0085b\x7f`},
		{"tab kept", "\tkey = 1", 2,
			"\tkey = 1", "\t"},
		{"marks that reorder nothing kept", "a\u200fb", 3,
			"a\u200fb", "a\u200f"},
	} {
		fsys := fstest.MapFS{"content/x.md": {Data: []byte("+++\n" + c.line + "\n+++\n")}}
		ps := problems(fsys, diag.List{{Path: "content/x.md", Line: 2, Col: c.col, Msg: "m"}})
		var here srcLine
		for _, l := range ps[0].Lines {
			if l.Here {
				here = l
			}
		}
		if here.Text != c.text || here.Before != c.before {
			t.Errorf("%s: text %q, before %q; want %q, %q", c.name, here.Text, here.Before, c.text, c.before)
		}
		if !strings.HasPrefix(here.Text, here.Before) {
			t.Errorf("%s: the text before the caret %q is not the start of the line %q", c.name, here.Before, here.Text)
		}
		html := string(overlayHTML(tmpl, ps, diag.English, false))
		want := `<span class="here">    2 | ` + template.HTMLEscapeString(c.text) + "</span>\n" +
			`<span class="caret" aria-hidden="true">      | <span class="before">` + template.HTMLEscapeString(c.before) + `</span>^</span>`
		if !strings.Contains(html, want) {
			t.Errorf("%s: overlay lacks\n%s\nin\n%s", c.name, want, html)
		}
		for _, r := range "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\r\x1b\x7f\u0085" {
			if strings.ContainsRune(html, r) {
				t.Errorf("%s: overlay holds %U", c.name, r)
			}
		}
	}
}

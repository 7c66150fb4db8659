package render

import (
	"io/fs"
	"os"
	"path"
	"slices"
	"strconv"
	"strings"
	"testing"
	"text/template/parse"

	"portal/generator/internal/diag"
)

// Balanced templates: every template ({{define}}) of every file opens and
// closes its own elements, and so does every branch of an if, with or
// range. A partial can then be read, moved and reused on its own.

// voidElements have no end tag.
var voidElements = []string{"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

// unbalanced parses a template file and returns its elements that are not
// closed in the template, or the branch, that opens them, and its end tags
// that close no element opened there.
func unbalanced(file, src string) diag.List {
	tr := parse.New(file)
	tr.Mode = parse.SkipFuncCheck
	trees := map[string]*parse.Tree{}
	if _, err := tr.Parse(src, "{{", "}}", trees); err != nil {
		return diag.List{{Path: file, Line: 1, Col: 1, Msg: err.Error()}}
	}
	var errs diag.List
	names := make([]string, 0, len(trees))
	for name := range trees {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		if t := trees[name]; t.Root != nil {
			errs = append(errs, balanceList(file, src, name, t.Root)...)
		}
	}
	errs.Sort()
	return errs
}

// balanceList checks one list of nodes: its text with every action and
// every nested list left out (each nested list is checked on its own).
func balanceList(file, src, name string, list *parse.ListNode) diag.List {
	where := `{{define "` + name + `"}}`
	if name == file {
		where = "the file outside {{define}}"
	}
	var errs diag.List
	var text []byte
	var at []int // the offset in src of each byte of text; -1 for an action
	for _, n := range list.Nodes {
		switch n := n.(type) {
		case *parse.TextNode:
			text = append(text, n.Text...)
			for i := range n.Text {
				at = append(at, int(n.Pos)+i)
			}
			continue
		case *parse.IfNode:
			errs = append(errs, balanceBranches(file, src, name, n.List, n.ElseList)...)
		case *parse.RangeNode:
			errs = append(errs, balanceBranches(file, src, name, n.List, n.ElseList)...)
		case *parse.WithNode:
			errs = append(errs, balanceBranches(file, src, name, n.List, n.ElseList)...)
		}
		text = append(text, 0)
		at = append(at, -1)
	}
	pos := func(i int) diag.Error {
		line := 1 + strings.Count(src[:at[i]], "\n")
		col := at[i] - strings.LastIndex(src[:at[i]], "\n")
		return diag.Error{Path: file, Line: line, Col: col}
	}
	type open struct {
		name string
		at   int
	}
	var stack []open
	s := string(text)
	for i := 0; i < len(s); i++ {
		if s[i] != '<' {
			continue
		}
		rest := s[i:]
		switch {
		case strings.HasPrefix(rest, "<!--"):
			i += strings.Index(rest, "-->")
			continue
		case strings.HasPrefix(rest, "<!"):
			i += strings.IndexByte(rest, '>')
			continue
		}
		closing := strings.HasPrefix(rest, "</")
		tag := strings.ToLower(strings.TrimLeft(rest, "</"))
		tag = tag[:strings.IndexFunc(tag, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') })]
		end := tagEnd(rest)
		switch {
		case tag == "":
		case closing && len(stack) == 0:
			e := pos(i)
			e.Msg = "</" + tag + "> closes no element opened in " + where + " (or in its branch)"
			errs = append(errs, e)
		case closing && stack[len(stack)-1].name != tag:
			top := stack[len(stack)-1]
			e := pos(i)
			o := pos(top.at)
			e.Msg = "</" + tag + "> closes <" + top.name + ">, opened at " + strconv.Itoa(o.Line) + ":" + strconv.Itoa(o.Col)
			errs = append(errs, e)
			stack = stack[:len(stack)-1]
		case closing:
			stack = stack[:len(stack)-1]
		case slices.Contains(voidElements, tag) || strings.HasSuffix(rest[:end], "/>"):
		case tag == "script" || tag == "style":
			if j := strings.Index(strings.ToLower(rest), "</"+tag); j >= 0 {
				end = j + strings.IndexByte(rest[j:], '>') + 1
			} else {
				stack = append(stack, open{tag, i})
			}
		default:
			stack = append(stack, open{tag, i})
		}
		i += max(end, 1) - 1
	}
	for _, o := range stack {
		e := pos(o.at)
		e.Msg = "<" + o.name + "> is not closed in " + where + " (or in its branch)"
		errs = append(errs, e)
	}
	return errs
}

func balanceBranches(file, src, name string, lists ...*parse.ListNode) diag.List {
	var errs diag.List
	for _, l := range lists {
		if l != nil {
			errs = append(errs, balanceList(file, src, name, l)...)
		}
	}
	return errs
}

// tagEnd is the length of the tag at the start of s, up to its '>'
// outside quotes, or len(s).
func tagEnd(s string) int {
	var quote byte
	for i := 1; i < len(s); i++ {
		switch c := s[i]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return i + 1
		}
	}
	return len(s)
}

// TestUnbalanced: the checker's messages, exactly.
func TestUnbalanced(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{`{{define "a"}}<nav><ol><li>x</li></ol></nav>{{end}}`, ""},
		{`{{define "a"}}<p>{{if .}}<b>x</b>{{else}}<i>y</i>{{end}}</p>{{end}}`, ""},
		{`{{define "a"}}<p class="{{if .}}x{{end}}" {{.}}>x</p><br><img src="{{.}}"/>{{end}}`, ""},
		{`{{define "a"}}<script>if (a < b) {}</script><!-- <p> -->{{end}}`, ""},
		{"{{define \"crumbs\"}}\n<nav>\n<ol>\n{{range .}}<li>x</li>{{end}}\n{{end}}",
			"t.html:2:1: <nav> is not closed in {{define \"crumbs\"}} (or in its branch)\n" +
				"t.html:3:1: <ol> is not closed in {{define \"crumbs\"}} (or in its branch)"},
		{`{{define "rest"}}<dl></dl></li>{{end}}`,
			`t.html:1:27: </li> closes no element opened in {{define "rest"}} (or in its branch)`},
		{`{{define "a"}}{{if .}}<b>{{end}}x{{if .}}</b>{{end}}{{end}}`,
			"t.html:1:23: <b> is not closed in {{define \"a\"}} (or in its branch)\n" +
				"t.html:1:42: </b> closes no element opened in {{define \"a\"}} (or in its branch)"},
		{`<ol>{{define "a"}}x{{end}}`,
			`t.html:1:1: <ol> is not closed in the file outside {{define}} (or in its branch)`},
		{`{{define "a"}}<p><b>x</p>{{end}}`,
			"t.html:1:15: <p> is not closed in {{define \"a\"}} (or in its branch)\n" +
				"t.html:1:22: </p> closes <b>, opened at 1:18"},
	} {
		if got := unbalanced("t.html", c.src).Lines(); strings.Join(got, "\n") != c.want {
			t.Errorf("%s:\ngot  %q\nwant %q", c.src, strings.Join(got, "\n"), c.want)
		}
	}
}

// TestBalancedTemplates: every template file of templates/ is balanced.
func TestBalancedTemplates(t *testing.T) {
	fsys := os.DirFS("../../..")
	files, _ := fs.Glob(fsys, "templates/*/*.html")
	if len(files) == 0 {
		t.Skip("templates/ not present")
	}
	for _, f := range files {
		b, err := fs.ReadFile(fsys, f)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range unbalanced(path.Clean(f), string(b)) {
			t.Error(e)
		}
	}
}

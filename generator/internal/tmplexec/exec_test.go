package tmplexec

import (
	"bytes"
	"html/template"
	"io"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"text/template/parse"
)

// contexts has a template for every context in which html/template
// inserts escapers, and the escapers it inserts there.
var contexts = []struct {
	src  string
	want []string
}{
	{`<p>{{.}}</p>`, []string{"htmlescaper"}},
	{`<a title="{{.}}">x</a>`, []string{"attrescaper"}},
	{`<a title={{.}}>x</a>`, []string{"nospaceescaper"}},
	{`<title>{{.}}</title>`, []string{"rcdataescaper"}},
	{`<textarea>{{.}}</textarea>`, []string{"rcdataescaper"}},
	{`<a href="{{.}}">x</a>`, []string{"urlfilter", "urlnormalizer", "attrescaper"}},
	{`<a href="/x?q={{.}}">x</a>`, []string{"urlescaper", "attrescaper"}},
	{`<a href="/{{.}}/y">x</a>`, []string{"urlnormalizer", "attrescaper"}},
	{`<img srcset="{{.}}">`, []string{"srcsetescaper", "attrescaper"}},
	{`<p {{.}}>x</p>`, []string{"htmlnamefilter"}},
	{`<script type="application/ld+json">{{.}}</script>`, []string{"jsvalescaper"}},
	{`<script>var s = "{{.}}";</script>`, []string{"jsstrescaper"}},
	{"<script>var s = `{{.}}`;</script>", []string{"jstmpllitescaper"}},
	{`<script>var r = /{{.}}/;</script>`, []string{"jsregexpescaper"}},
	{`<a onclick="f({{.}})">x</a>`, []string{"jsvalescaper", "attrescaper"}},
	{`<style>p { color: {{.}} }</style>`, []string{"cssvaluefilter"}},
	{`<style>p { font-family: "{{.}}" }</style>`, []string{"urlfilter", "cssescaper"}},
	{`<script>/* {{.}} */</script>`, []string{"commentescaper"}},
	{`<p>{{html .}}</p>`, []string{"_eval_args_"}},
}

// escapersOf parses and escapes src and returns the functions
// html/template added to its actions, "_html_template_" left out.
func escapersOf(t *testing.T, src string) []string {
	t.Helper()
	tmpl := template.Must(template.New("t").Parse(src))
	tmpl.Execute(io.Discard, "") // escapes the tree
	var names []string
	var walk func(n parse.Node)
	walk = func(n parse.Node) {
		switch n := n.(type) {
		case *parse.ListNode:
			for _, c := range n.Nodes {
				walk(c)
			}
		case *parse.ActionNode:
			for _, c := range n.Pipe.Cmds {
				if id, ok := c.Args[0].(*parse.IdentifierNode); ok && strings.HasPrefix(id.Ident, "_") {
					names = append(names, strings.TrimPrefix(id.Ident, "_html_template_"))
				}
			}
		}
	}
	walk(tmpl.Tree.Root)
	return names
}

// handedBackEscapers are the escapers html/template inserts that the
// fast path does not copy: a template with one is executed by
// html/template.
func handedBackEscapers() []string {
	return []string{
		"_html_template_commentescaper", "_html_template_cssescaper", "_html_template_cssvaluefilter",
		"_html_template_jsregexpescaper", "_html_template_jsstrescaper", "_html_template_jstmpllitescaper",
		"_html_template_nospaceescaper", "_html_template_srcsetescaper",
		"_eval_args_", // the arguments of {{html x}} and {{urlquery x}}
	}
}

// TestEscaperSet fails when html/template inserts other escapers than
// those the fast path copies (copiedEscapers) or knowingly hands back
// (handedBackEscapers): after a Go upgrade that adds or renames one, the
// copies must be checked against html/template's source again.
func TestEscaperSet(t *testing.T) {
	inserted := map[string]bool{}
	for _, c := range contexts {
		got := escapersOf(t, c.src)
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: html/template inserts %q, want %q", c.src, got, c.want)
		}
		for _, n := range got {
			inserted[n] = true
		}
	}
	known := map[string]bool{}
	for _, n := range append(copiedEscapers(), handedBackEscapers()...) {
		known[strings.TrimPrefix(n, "_html_template_")] = true
	}
	for n := range inserted {
		if !known[n] {
			t.Errorf("html/template inserts %s, which the fast path neither copies nor hands back", n)
		}
	}
	for n := range known {
		if !inserted[n] {
			t.Errorf("%s: no context of the test makes html/template insert it", n)
		}
	}
	// The escapers html/template's source declares, when it is here.
	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	var src []byte
	if err == nil {
		src, err = os.ReadFile(filepath.Join(strings.TrimSpace(string(goroot)), "src", "html", "template", "escape.go"))
	}
	if err != nil {
		t.Logf("html/template's source not found (%v): its declared escapers are not compared", err)
		return
	}
	declared := map[string]bool{}
	for _, m := range regexp.MustCompile(`"(_html_template_\w+|_eval_args_)"`).FindAllStringSubmatch(string(src), -1) {
		if n := strings.TrimPrefix(m[1], "_html_template_"); !known[n] && !declared[n] {
			t.Errorf("html/template declares %s, which the fast path neither copies nor hands back", m[1])
		}
		declared[strings.TrimPrefix(m[1], "_html_template_")] = true
	}
}

// TestFastEscapers runs a template for every context on random text and
// values of every content type, through Execute and html/template, and
// compares the output. Where the fast path hands the execution back, it
// must be one of the cases the test expects to be handed back, counted
// as a fallback, and Execute's output still html/template's.
func TestFastEscapers(t *testing.T) {
	pieces := []string{"a", "Å", "<", ">", "&", "'", `"`, "+", "=", "`", " ", "\x00", "\t", "\n", "%", "%2f", "%zz", "#",
		"?", "/", ":", "javascript:", "http:", "mailto:x@y.se", "\u2028", "\ufdd0", "\xff", "😀", "&amp;", "<b>", "</title>"}
	r := rand.New(rand.NewSource(3))
	for _, c := range contexts {
		tmpl := template.Must(template.New("t").Parse(c.src))
		tmpl.Execute(io.Discard, "") // escape
		x := New(nil, true)
		for i := 0; i < 600; i++ {
			var b strings.Builder
			for j := r.Intn(6); j >= 0; j-- {
				b.WriteString(pieces[r.Intn(len(pieces))])
			}
			s := b.String()
			for _, v := range []any{s, template.HTML(s), template.HTMLAttr(s), template.URL(s), template.JS(s), len(s), i%2 == 0} {
				var want, got bytes.Buffer
				wantErr := tmpl.Execute(&want, v)
				before := x.Fallbacks()
				gotErr := x.Execute(&got, tmpl, tmpl, v)
				handedBack := x.Fallbacks() > before
				if handedBack != wantHandedBack(c.want, v) {
					t.Fatalf("%s with %#v: handed back %v, want %v", c.src, v, handedBack, !handedBack)
				}
				if (gotErr != nil) != (wantErr != nil) || got.String() != want.String() {
					t.Fatalf("%s with %#v:\nExecute: %q, %v\nhtml:    %q, %v", c.src, v, got.String(), gotErr, want.String(), wantErr)
				}
			}
		}
	}
}

// wantHandedBack tells which executions the fast path leaves to
// html/template: every escaper it does not copy, and the values whose
// escaping it does not copy (HTML in an attribute, anything but an
// attribute as an attribute name, anything but JS as JSON), which only
// the first escaper of an action sees: it writes plain text.
func wantHandedBack(escapers []string, v any) bool {
	for i, e := range escapers {
		if i > 0 {
			e = "other:" + e
		}
		switch e {
		case "attrescaper":
			if _, ok := v.(template.HTML); ok {
				return true
			}
		case "htmlnamefilter":
			if _, ok := v.(template.HTMLAttr); !ok {
				return true
			}
		case "jsvalescaper":
			if _, ok := v.(template.JS); !ok {
				return true
			}
		default:
			if !copied("_html_template_" + strings.TrimPrefix(e, "other:")) {
				return true
			}
		}
	}
	return false
}

package markdown

import (
	"bytes"
	"errors"
	"html"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

// urlAttr finds the URLs of links and images in rendered HTML.
var urlAttr = regexp.MustCompile(`(?:href|src)="([^"]*)"`)

func FuzzRender(f *testing.F) {
	f.Add([]byte("# Åtgärder\n\nVi söker en **student**.\n"), 1)
	f.Add([]byte("a\nb\nc [x](../theses/x.md#f) [y](/exjobb/)\n"), 12)
	f.Add([]byte("- a\n  - [b](<../x y.md> \"t\")\n\n> [c][r]\n\n[r]: /nope/\n"), 3)
	f.Add([]byte("| a | [b](b.md) |\n|---|---|\n| ![c](/c.png) | `](d.md` |\n"), 5)
	f.Add([]byte("[![i](i.md)](l.md) [`](n.md`](n.md) [a](\n../z.md)\r\n"), 1)
	f.Add([]byte("<script>alert(1)</script>[x](javascript:alert(1))[^1]\n\n[^1]: [f](f.md)\n"), 2)
	f.Add([]byte("[a](data:text/html,x) ![b](data:image/png;base64,x) <data:x> [c](<java\tscript:x>) [d](&#x20;file:///x)\n"), 1)
	f.Add([]byte("## Main\n\n## Facts heading\n\n[^main]\n\n[^main]: x\n"), 1)
	f.Add([]byte(benchBody), 20)
	f.Add([]byte(strings.Repeat("> ", 40)+"x\n"+strings.Repeat("[a](", 80)), 3)

	r := New()
	f.Fuzz(func(t *testing.T, src []byte, firstLine int) {
		firstLine = 1 + firstLine&0xffff
		n := 0
		resolve := func(dest string) (string, error) {
			n++
			if n%2 == 0 {
				return "/ok/", nil
			}
			return "", errors.New("missing")
		}
		res := r.Render(src, firstLine, resolve)
		lines := bytes.Split(src, []byte("\n"))
		for _, e := range res.Errors {
			if e.Line < firstLine || e.Col < 1 {
				t.Fatalf("bad position %+v (firstLine %d)", e, firstLine)
			}
			if i := e.Line - firstLine; i >= len(lines) || e.Col > len(lines[i])+1 {
				t.Fatalf("position %+v outside the source", e)
			}
		}
		missing := 0
		for _, e := range res.Errors {
			if e.Msg == "missing" {
				missing++
			}
		}
		if n != missing+n/2 {
			t.Fatalf("%d resolver calls, %d errors", n, len(res.Errors))
		}
		lower := bytes.ToLower([]byte(res.HTML))
		if bytes.Contains(lower, []byte("<script")) {
			t.Fatalf("unsafe output %q", res.HTML)
		}
		for _, m := range urlAttr.FindAllSubmatch([]byte(res.HTML), -1) {
			// As a browser reads the URL: tabs and line breaks dropped,
			// leading spaces and control characters too.
			u := strings.Map(func(r rune) rune {
				if r == '\t' || r == '\n' || r == '\r' {
					return -1
				}
				return r
			}, html.UnescapeString(string(m[1])))
			u = strings.ToLower(strings.TrimLeftFunc(u, func(r rune) bool { return r <= ' ' }))
			for _, scheme := range []string{"javascript:", "vbscript:", "data:", "file:"} {
				if strings.HasPrefix(u, scheme) {
					t.Fatalf("unsafe URL %q in %q", m[1], res.HTML)
				}
			}
		}
		if !utf8.ValidString(res.Summary) || !utf8.ValidString(res.Text) {
			t.Fatalf("invalid UTF-8 in plain text")
		}
		if utf8.RuneCountInString(res.Text) > textLimit {
			t.Fatalf("text has %d characters", utf8.RuneCountInString(res.Text))
		}
	})
}

// FuzzImages checks that Images finds every image Render writes, at a
// position inside the source, and that sizes given to RenderImages are
// written as numbers on exactly those images.
func FuzzImages(f *testing.F) {
	f.Add([]byte("![Karta](karta.png)\n\n[![i](i.png)](l.md) `![k](k.png)`\n"), 1)
	f.Add([]byte("Åäö ![*a*](<b c.png> \"t\")\n\n![r][r]\n\n[r]: //x/y.png\n\n[^1]\n\n[^1]: ![f](f.png)\n"), 9)
	f.Add([]byte("<img src=x> ![](\n../a.png) ![b](data:image/png;base64,x) ![c](https://example.org/c.png)\n"), 3)
	r := New()
	f.Fuzz(func(t *testing.T, src []byte, firstLine int) {
		firstLine = 1 + firstLine&0xffff
		refs := r.Images(src, firstLine)
		lines := bytes.Split(src, []byte("\n"))
		sizes := map[string]Image{}
		for _, ref := range refs {
			if i := ref.Line - firstLine; ref.Col < 1 || i < 0 || i >= len(lines) || ref.Col > utf8.RuneCount(lines[i])+1 {
				t.Fatalf("position %+v outside the source", ref)
			}
			sizes[ref.Dest] = Image{Width: 7, Height: 5}
		}
		out := []byte(r.RenderImages(src, firstLine, "", nil, sizes).HTML)
		if n := bytes.Count(out, []byte("<img ")); n != len(refs) {
			t.Fatalf("%d images found, %d written: %q", len(refs), n, out)
		}
		if n := bytes.Count(out, []byte(` width="7" height="5"`)); n > len(refs) {
			t.Fatalf("%d sizes written for %d images: %q", n, len(refs), out)
		}
	})
}
